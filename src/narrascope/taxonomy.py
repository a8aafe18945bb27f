"""The label spaces of the field's shared tasks, with our own display texts.

narrascope reads, predicts and reports labels from three benchmark schemes:

* SemEval-2023 Task 3: 23 persuasion techniques in 6 categories, 14 frames
  and 3 genres;
* SemEval-2020 Task 11 (the Propaganda Techniques Corpus, PTC): 14 techniques,
  several of which merge what SemEval-2023 later split;
* SemEval-2025 Task 10: a two-level narrative taxonomy for two domains (URW,
  the Russia-Ukraine war; CC, climate change) and a two-level role hierarchy.

Label *names* and their structure are the organisers' and are used exactly, so
that files read and written by :mod:`narrascope.formats` round-trip and scores
are comparable with published ones. The display names and definitions are ours,
written for analysts reading a report (hover text); they are deliberately not
the organisers' wording, which may not be redistributed.

Every line that holds label text is kept under 80 characters (the project
must not carry long lines of the organisers' files): subnarratives are
stored as suffixes under their narrative and composed into full names here.
Unknown names raise ``E301`` with the closest known name, so that a typo or
a name from the other scheme (``Flag-Waving`` for ``Flag_Waving``) is easy to
fix.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Literal, get_args

from narrascope.errors import NarrascopeError

__all__ = [
    "CATEGORIES",
    "DOMAINS",
    "FINE_ROLES",
    "FRAMES",
    "GENRES",
    "MAIN_ROLES",
    "NARRATIVES",
    "OTHER",
    "PTC_TECHNIQUES",
    "PTC_TO_SEMEVAL2023",
    "ROLES",
    "SEMEVAL2023_TO_PTC",
    "TECHNIQUES",
    "Category",
    "Domain",
    "Frame",
    "Genre",
    "Narrative",
    "PtcTechnique",
    "Role",
    "Technique",
    "category_of",
    "document_narratives",
    "domain_of",
    "frame",
    "genre",
    "is_valid_narrative",
    "is_valid_subnarrative",
    "main_role_of",
    "narrative",
    "narrative_of",
    "narratives",
    "other_subnarrative",
    "ptc_technique",
    "role",
    "subnarrative_name",
    "subnarratives",
    "technique",
]


# --------------------------------------------------------------------------
# Data classes
# --------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Category:
    """A SemEval-2023 technique category; its colour marks its techniques.

    The report colours technique spans by category rather than by technique:
    six colours can be told apart at a glance, twenty-three cannot.
    """

    name: str
    colour: str  # "#rrggbb", at least 4.5:1 contrast on white (WCAG AA)
    definition: str


@dataclass(frozen=True, slots=True)
class Technique:
    """A SemEval-2023 persuasion technique.

    ``name`` is the exact label of the task's files; ``display`` and
    ``definition`` are for people; ``ptc`` is the PTC class that covers it, or
    None where the older scheme has none (so PTC data says nothing about it).
    """

    name: str
    category: str
    display: str
    definition: str
    ptc: str | None


@dataclass(frozen=True, slots=True)
class Frame:
    """A SemEval-2023 frame: the angle from which an article treats its topic."""

    name: str
    display: str
    definition: str


@dataclass(frozen=True, slots=True)
class Genre:
    """A SemEval-2023 genre: what kind of article it is."""

    name: str
    display: str
    definition: str


@dataclass(frozen=True, slots=True)
class PtcTechnique:
    """A PTC (SemEval-2020 Task 11) technique and what it became in 2023.

    ``semeval2023`` is never empty: every PTC class has at least one
    SemEval-2023 successor, which lets PTC gold be scored against a 2023 model.
    """

    name: str
    display: str
    semeval2023: tuple[str, ...]


Domain = Literal["URW", "CC"]


@dataclass(frozen=True, slots=True)
class Narrative:
    """A SemEval-2025 narrative with its subnarratives (full names).

    The last subnarrative is always ``"<name>: Other"``, for a text that
    carries the narrative but none of its listed subnarratives.
    """

    name: str
    domain: Domain
    definition: str
    subnarratives: tuple[str, ...]

    @property
    def display(self) -> str:
        """The name without its domain prefix, for a report already by domain."""
        return self.name.split(": ", 1)[1]


@dataclass(frozen=True, slots=True)
class Role:
    """A SemEval-2025 entity role; ``main`` is None for the 3 main roles.

    A fine role always sits under exactly one main role, so a prediction of
    fine roles implies its main role.
    """

    name: str
    main: str | None
    definition: str


# --------------------------------------------------------------------------
# Errors
# --------------------------------------------------------------------------


def _key(name: str) -> str:
    """Name folded for near matches: case, spaces, '-', '_' and ',' ignored.

    This is what makes ``Flag-Waving`` (PTC) find ``Flag_Waving`` (2023).
    """
    return re.sub(r"[\s_,\-]+", "", name).casefold()


def _unknown(kind: str, name: str, known: Iterable[str]) -> NarrascopeError:
    """E301 naming the closest known label, and all of them if few enough."""
    known = list(known)
    by_key = {_key(k): k for k in known}
    guess = by_key.get(_key(name))
    if guess is None:
        keys = difflib.get_close_matches(_key(name), by_key, n=1, cutoff=0.6)
        guess = by_key[keys[0]] if keys else None
    # Up to 30 names help; the 95 subnarratives would bury the suggestion.
    listing = ", ".join(known) if len(known) <= 30 else f"{len(known)} names"
    message = f"unknown {kind} {name!r} (known: {listing})"
    if guess is not None:
        message += f"; did you mean {guess!r}?"
    return NarrascopeError("E301", message)


# --------------------------------------------------------------------------
# SemEval-2023 Task 3: categories, techniques, frames, genres
# --------------------------------------------------------------------------

# Colours: distinct hues, each dark enough to read as text or underline on
# white (contrast >= 4.5:1, checked in the tests).
_CATEGORY_ROWS: tuple[tuple[str, str, str], ...] = (
    (
        "Justification",
        "#1f5fa8",
        "Backs a claim with an appeal (to experts, the crowd, values, fear or"
        " patriotism) in place of evidence.",
    ),
    (
        "Simplification",
        "#9a5200",
        "Squeezes a complex situation into a single cause, a forced choice or an inevitable chain of events.",
    ),
    (
        "Distraction",
        "#7b3fa0",
        "Moves attention away from the point actually at issue or from what the other side actually argued.",
    ),
    (
        "Call",
        "#0f766e",
        "Pushes the reader to act, or to stop thinking, with a catchy phrase or a sense of urgency.",
    ),
    (
        "Manipulative Wording",
        "#b0234a",
        "Steers the reader through word choice: emotive, repeated, inflated or deliberately vague language.",
    ),
    (
        "Attack on Reputation",
        "#4d6b12",
        "Goes after the person or group behind an argument rather than the argument itself.",
    ),
)

CATEGORIES: Mapping[str, Category] = MappingProxyType(
    {name: Category(name, colour, d) for name, colour, d in _CATEGORY_ROWS}
)
"""The 6 categories, in the order of the task's description."""

# Techniques, in the order of techniques_subtask3.txt:
# (name, category, display name, definition, PTC class or None).
_TECHNIQUE_ROWS: tuple[tuple[str, str, str, str, str | None], ...] = (
    (
        "Appeal_to_Authority",
        "Justification",
        "Appeal to authority",
        "Treats a claim as settled because an expert, official or institution"
        " backs it, not because of the evidence for it.",
        "Appeal_to_Authority",
    ),
    (
        "Appeal_to_Popularity",
        "Justification",
        "Appeal to popularity",
        "Argues that a view is right or a step should be taken because most"
        " people, or 'everyone', already hold or take it.",
        # PTC's Bandwagon is this very appeal to the crowd.
        "Bandwagon,Reductio_ad_hitlerum",
    ),
    (
        "Appeal_to_Values",
        "Justification",
        "Appeal to values",
        "Ties a position to ideals the audience cherishes (freedom, faith,"
        " tradition, fairness), so that disagreeing feels like betraying them.",
        # No PTC class: its nearest kin, glittering generalities, was not
        # among the 14 classes of SemEval-2020 Task 11.
        None,
    ),
    (
        "Appeal_to_Fear-Prejudice",
        "Justification",
        "Appeal to fear / prejudice",
        "Pushes the reader towards a view or action by stirring up anxiety"
        " about a threat or hostility towards a group.",
        "Appeal_to_fear-prejudice",
    ),
    (
        "Flag_Waving",
        "Justification",
        "Flag waving",
        "Justifies a view by invoking pride in, or duty to, a nation or group:"
        " anyone loyal to it would surely agree.",
        "Flag-Waving",
    ),
    (
        "Causal_Oversimplification",
        "Simplification",
        "Causal oversimplification",
        "Pins an outcome with many causes on a single one, leaving out everything else that contributed.",
        "Causal_Oversimplification",
    ),
    (
        "False_Dilemma-No_Choice",
        "Simplification",
        "False dilemma / no choice",
        "Offers two options, or just one, as if nothing else were possible,"
        " so that the favoured option looks unavoidable.",
        # PTC called the same fallacy black-and-white; its 'no choice'
        # (dictatorship) variant was already inside that class.
        "Black-and-White_Fallacy",
    ),
    (
        "Consequential_Oversimplification",
        "Simplification",
        "Consequential oversimplification",
        "Claims that one step will set off a chain of ever worse (or better)"
        " results without showing why each link must follow.",
        # No PTC class: the slippery slope was not annotated in PTC.
        None,
    ),
    (
        "Straw_Man",
        "Distraction",
        "Straw man",
        "Rebuts a distorted or weakened version of the other side's position"
        " instead of what it actually says.",
        "Whataboutism,Straw_Men,Red_Herring",
    ),
    (
        "Red_Herring",
        "Distraction",
        "Red herring",
        "Steers the discussion off the issue at hand and onto a different, often more emotive, subject.",
        "Whataboutism,Straw_Men,Red_Herring",
    ),
    (
        "Whataboutism",
        "Distraction",
        "Whataboutism",
        "Answers a criticism by pointing to someone else's wrongdoing, as if"
        " that cancelled the original point.",
        "Whataboutism,Straw_Men,Red_Herring",
    ),
    (
        "Slogans",
        "Call",
        "Slogan",
        "A short, catchy phrase that stands in for an argument, often as a"
        " rallying cry or a label for a cause.",
        "Slogans",
    ),
    (
        "Appeal_to_Time",
        "Call",
        "Appeal to time",
        "Urges action by insisting that the moment is now: time is running"
        " out, or the time has finally come.",
        # No PTC class: urgency was not annotated in PTC.
        None,
    ),
    (
        "Conversation_Killer",
        "Call",
        "Conversation killer",
        "A stock phrase meant to close a discussion and discourage further"
        " thought, such as 'end of story' or 'it is what it is'.",
        # PTC's thought-terminating cliché is the same device, renamed.
        "Thought-terminating_Cliches",
    ),
    (
        "Loaded_Language",
        "Manipulative Wording",
        "Loaded language",
        "Words picked for their emotional charge, positive or negative, to"
        " shape how the reader feels about the subject.",
        "Loaded_Language",
    ),
    (
        "Repetition",
        "Manipulative Wording",
        "Repetition",
        "Says the same word, phrase or claim again and again so that it sticks and starts to feel true.",
        "Repetition",
    ),
    (
        "Exaggeration-Minimisation",
        "Manipulative Wording",
        "Exaggeration / minimisation",
        "Makes something out to be much bigger, better or worse than it is, or plays down something serious.",
        "Exaggeration,Minimisation",
    ),
    (
        "Obfuscation-Vagueness-Confusion",
        "Manipulative Wording",
        "Obfuscation / vagueness",
        "Uses deliberately unclear wording, so that readers can take from it"
        " what they like and the claim cannot be pinned down.",
        # No PTC class: the PTC corpus annotated obfuscation, but the task
        # dropped it from its 14 classes for being too rare.
        None,
    ),
    (
        "Name_Calling-Labeling",
        "Attack on Reputation",
        "Name calling / labelling",
        "Sticks a label, insulting or flattering, on a person or group so that the label does the arguing.",
        "Name_Calling,Labeling",
    ),
    (
        "Doubt",
        "Attack on Reputation",
        "Doubt",
        "Raises questions about whether someone can be trusted or is up to"
        " the job, without backing the suspicion up.",
        "Doubt",
    ),
    (
        "Guilt_by_Association",
        "Attack on Reputation",
        "Guilt by association",
        "Discredits someone by linking them to a person, group or idea the audience already despises.",
        # PTC's reductio ad hitlerum (likening someone to the Nazis) is the
        # best-known case of guilt by association, which 2023 generalised.
        "Bandwagon,Reductio_ad_hitlerum",
    ),
    (
        "Appeal_to_Hypocrisy",
        "Attack on Reputation",
        "Appeal to hypocrisy",
        "Dismisses an argument by showing that its author does not live up to"
        " it, instead of engaging with the argument.",
        # None, although PTC's Whataboutism class also covered charges of
        # hypocrisy: 2023 made this a technique of its own in another
        # category, and mapping it to the merged class would blur that.
        None,
    ),
    (
        "Questioning_the_Reputation",
        "Attack on Reputation",
        "Questioning the reputation",
        "Runs down a person's or group's character or standing with negative"
        " claims, to discredit them rather than their argument.",
        # No PTC class: PTC spread such attacks over name calling and doubt.
        None,
    ),
)

TECHNIQUES: Mapping[str, Technique] = MappingProxyType({row[0]: Technique(*row) for row in _TECHNIQUE_ROWS})
"""The 23 SemEval-2023 techniques, in the order of the task's label list."""

_FRAME_ROWS: tuple[tuple[str, str, str], ...] = (
    (
        "Economic",
        "Economic",
        "Money: costs, benefits, jobs, prices and other financial effects.",
    ),
    (
        "Capacity_and_resources",
        "Capacity and resources",
        "Whether there is enough of something: people, supplies, space, infrastructure or time.",
    ),
    (
        "Morality",
        "Morality",
        "Right and wrong: ethical or religious duty, conscience, social responsibility.",
    ),
    (
        "Fairness_and_equality",
        "Fairness and equality",
        "Whether people and groups are treated alike and whether burdens and benefits are shared fairly.",
    ),
    (
        "Legality_Constitutionality_and_jurisprudence",
        "Legality, constitutionality and jurisprudence",
        "Laws, courts and rights: whether something is lawful, and who has the legal power to decide.",
    ),
    (
        "Policy_prescription_and_evaluation",
        "Policy prescription and evaluation",
        "What should be done about a problem, and whether the measures already taken are working.",
    ),
    (
        "Crime_and_punishment",
        "Crime and punishment",
        "Breaking the law and what follows: policing, trials, sentences.",
    ),
    (
        "Security_and_defense",
        "Security and defence",
        "Threats to a country, community or person, and the means of"
        " protecting against them, the military included.",
    ),
    (
        "Health_and_safety",
        "Health and safety",
        "Physical and mental health, disease, medical care, accidents and other dangers to life and limb.",
    ),
    (
        "Quality_of_life",
        "Quality of life",
        "How an issue touches people's daily lives: wellbeing, comfort, opportunities, happiness.",
    ),
    (
        "Cultural_identity",
        "Cultural identity",
        "The traditions, customs, language and values that make a group or a nation what it is.",
    ),
    (
        "Public_opinion",
        "Public opinion",
        "What the public or parts of it think, as shown by polls, protests or reactions.",
    ),
    (
        "Political",
        "Political",
        "Politics as a contest: parties, elections, campaigns, alliances and manoeuvring for power.",
    ),
    (
        "External_regulation_and_reputation",
        "External regulation and reputation",
        "A country's standing abroad, its dealings with other states and the"
        " international rules that bind it.",
    ),
)

FRAMES: Mapping[str, Frame] = MappingProxyType({row[0]: Frame(*row) for row in _FRAME_ROWS})
"""The 14 SemEval-2023 frames, in the order of the task's label list."""

GENRES: Mapping[str, Genre] = MappingProxyType(
    {
        "opinion": Genre(
            "opinion",
            "Opinion",
            "Argues for a point of view: editorials, columns, commentary.",
        ),
        "reporting": Genre(
            "reporting",
            "Reporting",
            "Tells what happened, aiming at a factual account of events.",
        ),
        "satire": Genre(
            "satire",
            "Satire",
            "Mocks its subject through irony and exaggeration, often in the guise of a real news story.",
        ),
    }
)
"""The 3 SemEval-2023 genres."""


def technique(name: str) -> Technique:
    """The SemEval-2023 technique called ``name``; E301 if there is none."""
    try:
        return TECHNIQUES[name]
    except KeyError:
        raise _unknown("technique", name, TECHNIQUES) from None


def category_of(name: str) -> str:
    """The category of a SemEval-2023 technique, e.g. ``Doubt`` -> ``Attack
    on Reputation``; E301 for an unknown technique."""
    return technique(name).category


def frame(name: str) -> Frame:
    """The SemEval-2023 frame called ``name``; E301 if there is none."""
    try:
        return FRAMES[name]
    except KeyError:
        raise _unknown("frame", name, FRAMES) from None


def genre(name: str) -> Genre:
    """The SemEval-2023 genre called ``name``; E301 if there is none."""
    try:
        return GENRES[name]
    except KeyError:
        raise _unknown("genre", name, GENRES) from None


# --------------------------------------------------------------------------
# SemEval-2020 Task 11 (PTC) and its mapping to SemEval-2023
# --------------------------------------------------------------------------

# The 14 classes, spelt exactly as in the task's
# propaganda-techniques-names-semeval2020task11.txt (commas inside names are
# part of the name: they mark classes that merge rare techniques).
# (name, display name, SemEval-2023 successors). Why each mapping holds:
_PTC_ROWS: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    ("Appeal_to_Authority", "Appeal to authority", ("Appeal_to_Authority",)),
    # Renamed only (capital F and P in 2023).
    (
        "Appeal_to_fear-prejudice",
        "Appeal to fear / prejudice",
        ("Appeal_to_Fear-Prejudice",),
    ),
    # Two rare techniques merged for the task: bandwagon is 2023's appeal to
    # popularity; reductio ad hitlerum is a case of guilt by association.
    (
        "Bandwagon,Reductio_ad_hitlerum",
        "Bandwagon / reductio ad Hitlerum",
        ("Appeal_to_Popularity", "Guilt_by_Association"),
    ),
    # The same fallacy under 2023's name.
    (
        "Black-and-White_Fallacy",
        "Black-and-white fallacy",
        ("False_Dilemma-No_Choice",),
    ),
    (
        "Causal_Oversimplification",
        "Causal oversimplification",
        ("Causal_Oversimplification",),
    ),
    ("Doubt", "Doubt", ("Doubt",)),
    # Renamed only (the comma became a hyphen).
    (
        "Exaggeration,Minimisation",
        "Exaggeration / minimisation",
        ("Exaggeration-Minimisation",),
    ),
    # Renamed only (the hyphen became an underscore).
    ("Flag-Waving", "Flag waving", ("Flag_Waving",)),
    ("Loaded_Language", "Loaded language", ("Loaded_Language",)),
    # Renamed only (the comma became a hyphen).
    (
        "Name_Calling,Labeling",
        "Name calling / labelling",
        ("Name_Calling-Labeling",),
    ),
    ("Repetition", "Repetition", ("Repetition",)),
    ("Slogans", "Slogan", ("Slogans",)),
    # A thought-terminating cliché is what 2023 calls a conversation killer.
    (
        "Thought-terminating_Cliches",
        "Thought-terminating cliché",
        ("Conversation_Killer",),
    ),
    # Three distraction techniques merged for the task; 2023 splits them
    # again, keeping all three in its Distraction category.
    (
        "Whataboutism,Straw_Men,Red_Herring",
        "Whataboutism / straw man / red herring",
        ("Whataboutism", "Straw_Man", "Red_Herring"),
    ),
)

PTC_TECHNIQUES: Mapping[str, PtcTechnique] = MappingProxyType(
    {row[0]: PtcTechnique(*row) for row in _PTC_ROWS}
)
"""The 14 PTC techniques, in the order of the task's label list."""

PTC_TO_SEMEVAL2023: Mapping[str, tuple[str, ...]] = MappingProxyType(
    {t.name: t.semeval2023 for t in PTC_TECHNIQUES.values()}
)
"""PTC class -> its SemEval-2023 techniques (one or more, never none)."""

SEMEVAL2023_TO_PTC: Mapping[str, str | None] = MappingProxyType({t.name: t.ptc for t in TECHNIQUES.values()})
"""SemEval-2023 technique -> the PTC class covering it, or None (6 of 23)."""


def ptc_technique(name: str) -> PtcTechnique:
    """The PTC technique called ``name``; E301 if there is none."""
    try:
        return PTC_TECHNIQUES[name]
    except KeyError:
        raise _unknown("PTC technique", name, PTC_TECHNIQUES) from None


# --------------------------------------------------------------------------
# SemEval-2025 Task 10: narratives
# --------------------------------------------------------------------------

OTHER = "Other"
"""The label of a document without any narrative (as narrative and as
subnarrative), and the last part of each narrative's catch-all subnarrative."""

DOMAINS: tuple[Domain, ...] = get_args(Domain)
"""The two domains: URW (the Russia-Ukraine war) and CC (climate change)."""

# The two-level taxonomy, in the order of narrative-taxonomy.json: a
# narrative, then its subnarratives' suffixes, indented. Each narrative's
# "<narrative>: Other" is added in code, last, as in the JSON.
_TREE = """
URW: Blaming the war on others rather than the invader
    Ukraine is the aggressor
    The West are the aggressors
URW: Discrediting Ukraine
    Rewriting Ukraine\N{RIGHT SINGLE QUOTATION MARK}s history
    Discrediting Ukrainian nation and society
    Discrediting Ukrainian military
    Discrediting Ukrainian government and officials and policies
    Ukraine is a puppet of the West
    Ukraine is a hub for criminal activities
    Ukraine is associated with nazism
    Situation in Ukraine is hopeless
URW: Russia is the Victim
    The West is russophobic
    Russia actions in Ukraine are only self-defence
    UA is anti-RU extremists
URW: Praise of Russia
    Praise of Russian military might
    Praise of Russian President Vladimir Putin
    Russia is a guarantor of peace and prosperity
    Russia has international support from a number of countries and people
    Russian invasion has strong national support
URW: Overpraising the West
    NATO will destroy Russia
    The West belongs in the right side of history
    The West has the strongest international support
URW: Speculating war outcomes
    Russian army is collapsing
    Russian army will lose all the occupied territories
    Ukrainian army is collapsing
URW: Discrediting the West, Diplomacy
    The EU is divided
    The West is weak
    The West is overreacting
    The West does not care about Ukraine, only about its interests
    Diplomacy does/will not work
    West is tired of Ukraine
URW: Negative Consequences for the West
    Sanctions imposed by Western countries will backfire
    The conflict will increase the Ukrainian refugee flows to Europe
URW: Distrust towards Media
    Western media is an instrument of propaganda
    Ukrainian media cannot be trusted
URW: Amplifying war-related fears
    By continuing the war we risk WWIII
    Russia will also attack other countries
    There is a real possibility that nuclear weapons will be employed
    NATO should/will directly intervene
URW: Hidden plots by secret schemes of powerful groups
CC: Criticism of climate policies
    Climate policies are ineffective
    Climate policies have negative impact on the economy
    Climate policies are only for profit
CC: Criticism of institutions and authorities
    Criticism of the EU
    Criticism of international entities
    Criticism of national governments
    Criticism of political organizations and figures
CC: Climate change is beneficial
    CO2 is beneficial
    Temperature increase is beneficial
CC: Downplaying climate change
    Climate cycles are natural
    Weather suggests the trend is global cooling
    Temperature increase does not have significant impact
    CO2 concentrations are too small to have an impact
    Human activities do not impact climate change
    Ice is not melting
    Sea levels are not rising
    Humans and nature will adapt to the changes
CC: Questioning the measurements and science
    Methodologies/metrics used are unreliable/faulty
    Data shows no temperature increase
    Greenhouse effect/carbon dioxide do not drive climate change
    Scientific community is unreliable
CC: Criticism of climate movement
    Climate movement is alarmist
    Climate movement is corrupt
    Ad hominem attacks on key activists
CC: Controversy about green technologies
    Renewable energy is dangerous
    Renewable energy is unreliable
    Renewable energy is costly
    Nuclear energy is not climate friendly
CC: Hidden plots by secret schemes of powerful groups
    Blaming global elites
    Climate agenda has hidden motives
CC: Amplifying Climate Fears
    Earth will be uninhabitable soon
    Amplifying existing fears of global warming
    Doomsday scenarios for humans
    Whatever we do it is already too late
CC: Green policies are geopolitical instruments
    Climate-related international relations are abusive/exploitative
    Green activities are a form of neo-colonialism
"""

# One sentence per narrative, for the report.
_NARRATIVE_DEFINITIONS: Mapping[str, str] = {
    "URW: Blaming the war on others rather than the invader": (
        "Shifts the responsibility for the war away from Russia and onto Ukraine or the West."
    ),
    "URW: Discrediting Ukraine": (
        "Paints Ukraine's state, army, people or past as illegitimate,"
        " criminal, controlled from abroad or beyond saving."
    ),
    "URW: Russia is the Victim": (
        "Casts Russia as the wronged party, only defending itself against Western and Ukrainian hostility."
    ),
    "URW: Praise of Russia": (
        "Glorifies Russia: its armed forces, its president and the backing it"
        " is said to enjoy at home and abroad."
    ),
    "URW: Overpraising the West": (
        "Presents the West and NATO as morally in the right, backed by the world and certain to win."
    ),
    "URW: Speculating war outcomes": (
        "Forecasts how the war will end, for instance with one army collapsing or losing the land it holds."
    ),
    "URW: Discrediting the West, Diplomacy": (
        "Depicts Western countries as weak, divided, selfish or tired of"
        " Ukraine, and negotiations as pointless."
    ),
    "URW: Negative Consequences for the West": (
        "Warns that standing by Ukraine hurts the West itself, through"
        " sanctions that rebound or through refugees."
    ),
    "URW: Distrust towards Media": (
        "Tells readers that Western or Ukrainian media spread propaganda and deserve no trust."
    ),
    "URW: Amplifying war-related fears": (
        "Feeds fears that the war will spread, drag NATO in or turn into a nuclear or world war."
    ),
    "URW: Hidden plots by secret schemes of powerful groups": (
        "Explains the war as the work of hidden elites pursuing secret plans."
    ),
    "CC: Criticism of climate policies": (
        "Argues that climate measures fail, harm the economy or mainly make money for someone."
    ),
    "CC: Criticism of institutions and authorities": (
        "Attacks the EU, international bodies, governments or politicians for how they deal with the climate."
    ),
    "CC: Climate change is beneficial": (
        "Claims that more CO2 or a warmer world brings gains rather than harm."
    ),
    "CC: Downplaying climate change": (
        "Plays down climate change as natural, negligible or not happening,"
        " and its effects as easy to live with."
    ),
    "CC: Questioning the measurements and science": (
        "Casts doubt on climate data and methods and on the scientists behind them."
    ),
    "CC: Criticism of climate movement": (
        "Portrays climate activists and their movement as alarmist, corrupt or personally unworthy."
    ),
    "CC: Controversy about green technologies": (
        "Argues that renewable or nuclear energy is dangerous, unreliable,"
        " expensive or not as clean as claimed."
    ),
    "CC: Hidden plots by secret schemes of powerful groups": (
        "Presents climate action as a front for the hidden aims of global elites."
    ),
    "CC: Amplifying Climate Fears": (
        "Dramatises climate change as an imminent catastrophe, often adding that it is already too late."
    ),
    "CC: Green policies are geopolitical instruments": (
        "Presents climate policy as a tool that powerful countries use to dominate or exploit others."
    ),
}


def _parse_tree(text: str) -> dict[str, Narrative]:
    """Narratives from ``_TREE``, with full subnarrative names composed."""
    tree: dict[str, list[str]] = {}
    current: list[str] = []
    for line in text.strip("\n").splitlines():
        if line.startswith("    "):
            current.append(line.strip())
        else:
            current = tree.setdefault(line, [])
    parsed: dict[str, Narrative] = {}
    for name, suffixes in tree.items():
        domain = name.split(":", 1)[0]
        assert domain in DOMAINS, name
        subs = (*(f"{name}: {s}" for s in suffixes), f"{name}: {OTHER}")
        parsed[name] = Narrative(
            name=name,
            domain="URW" if domain == "URW" else "CC",
            definition=_NARRATIVE_DEFINITIONS[name],
            subnarratives=subs,
        )
    assert parsed.keys() == _NARRATIVE_DEFINITIONS.keys()
    return parsed


NARRATIVES: Mapping[str, Narrative] = MappingProxyType(_parse_tree(_TREE))
"""The 21 narratives (URW first, then CC, in the taxonomy's order)."""

_PARENT: Mapping[str, str] = MappingProxyType(
    {s: n.name for n in NARRATIVES.values() for s in n.subnarratives}
)


def _check_domain(domain: str | None) -> None:
    if domain is not None and domain not in DOMAINS:
        raise _unknown("domain", domain, DOMAINS)


def narrative(name: str) -> Narrative:
    """The narrative called ``name`` (full name, with its domain prefix).

    ``Other`` is a label but not a narrative of the taxonomy: E301, like any
    other unknown name.
    """
    try:
        return NARRATIVES[name]
    except KeyError:
        raise _unknown("narrative", name, NARRATIVES) from None


def narratives(domain: Domain | None = None, *, include_other: bool = False) -> list[str]:
    """Full narrative names, in the taxonomy's order, of one domain or both.

    With ``include_other``, ``Other`` comes last: that is the label space of
    the task's subtask 2 (a document without narrative is labelled Other).
    """
    _check_domain(domain)
    names = [n.name for n in NARRATIVES.values() if domain in (None, n.domain)]
    return [*names, OTHER] if include_other else names


def subnarratives(narrative: str | None = None, *, include_other: bool = False) -> list[str]:
    """Full subnarrative names: of one narrative, or of all in order.

    Every narrative's list ends with ``"<narrative>: Other"``. For the
    document-level ``Other`` narrative the answer is ``["Other"]``. With
    ``include_other`` and no narrative, the document-level ``Other`` comes
    last (the task's label space); the 95 of the taxonomy otherwise.
    """
    if narrative == OTHER:
        return [OTHER]
    if narrative is not None:
        return list(_narrative(narrative).subnarratives)
    names = list(_PARENT)
    return [*names, OTHER] if include_other else names


_narrative = narrative  # ``subnarratives`` shadows the name with its argument


def other_subnarrative(narrative: str) -> str:
    """The catch-all subnarrative of a narrative: ``"<narrative>: Other"``.

    Annotators use it when a text carries the narrative but none of the
    specific subnarratives; for the document-level ``Other`` it is ``Other``.
    """
    if narrative == OTHER:
        return OTHER
    return _narrative(narrative).subnarratives[-1]


def narrative_of(subnarrative: str) -> str:
    """The narrative a subnarrative belongs to; ``Other`` for ``Other``."""
    if subnarrative == OTHER:
        return OTHER
    try:
        return _PARENT[subnarrative]
    except KeyError:
        raise _unknown("subnarrative", subnarrative, _PARENT) from None


def subnarrative_name(subnarrative: str) -> str:
    """A subnarrative's own words, without its narrative's ("<narrative>: X" -> "X"), for
    showing under that narrative."""
    prefix = f"{_PARENT.get(subnarrative, '')}: "
    return subnarrative[len(prefix) :] if subnarrative.startswith(prefix) else subnarrative


def domain_of(label: str) -> Domain | None:
    """The domain of a narrative or subnarrative; None for ``Other``.

    A name outside the taxonomy raises E301, even if it starts with a
    domain prefix: a misspelt label must not pass as belonging to a domain.
    """
    if label == OTHER:
        return None
    if label in NARRATIVES:
        return NARRATIVES[label].domain
    if label in _PARENT:
        return NARRATIVES[_PARENT[label]].domain
    known = [*NARRATIVES, *_PARENT, OTHER]
    raise _unknown("narrative or subnarrative", label, known)


def is_valid_narrative(name: str) -> bool:
    """Whether ``name`` is a narrative label: one of the 21 or ``Other``."""
    return name == OTHER or name in NARRATIVES


def is_valid_subnarrative(name: str) -> bool:
    """Whether ``name`` is a subnarrative label: one of the 95 or ``Other``."""
    return name == OTHER or name in _PARENT


def document_narratives(
    narratives: Iterable[str], subnarratives: Iterable[str]
) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """A document's narrative and subnarrative labels, completed by the rules.

    The annotation rules of SemEval-2025 Task 10, applied to labels from a
    file or a model so that both read the same way:

    * a subnarrative implies its narrative;
    * a narrative without any of its subnarratives gets ``"<narrative>:
      Other"``;
    * a document with no narrative at all gets ``Other`` and ``Other``;
      ``Other`` beside real labels is dropped.

    Labels are validated (E301), deduplicated (the task's files repeat a
    narrative once per subnarrative) and returned in taxonomy order.
    """
    nars: set[str] = set()
    subs: set[str] = set()
    for name in narratives:
        if name != OTHER:
            nars.add(narrative(name).name)
    for name in subnarratives:
        if name != OTHER:
            nars.add(narrative_of(name))
            subs.add(name)
    if not nars:
        return (OTHER,), (OTHER,)
    for name in nars:
        if not subs.intersection(NARRATIVES[name].subnarratives):
            subs.add(other_subnarrative(name))
    return (
        tuple(n for n in NARRATIVES if n in nars),
        tuple(s for s in _PARENT if s in subs),
    )


# --------------------------------------------------------------------------
# SemEval-2025 Task 10: roles
# --------------------------------------------------------------------------

# (name, main role or None, definition), main roles first, then fine roles
# in the order of role-taxonomy.json.
_ROLE_ROWS: tuple[tuple[str, str | None, str], ...] = (
    (
        "Protagonist",
        None,
        "Shown in a favourable light, as the side whose actions the text approves of or admires.",
    ),
    (
        "Antagonist",
        None,
        "Shown as a source of harm, threat or wrongdoing that the text stands against.",
    ),
    (
        "Innocent",
        None,
        "Shown as someone things happen to: harmed, used or neglected by others rather than acting.",
    ),
    (
        "Guardian",
        "Protagonist",
        "Protects others, or defends a community, country or cause from harm.",
    ),
    (
        "Martyr",
        "Protagonist",
        "Suffers, or gives their life, for a cause the text treats as just.",
    ),
    (
        "Peacemaker",
        "Protagonist",
        "Works to end a conflict through talks, mediation or reconciliation.",
    ),
    (
        "Rebel",
        "Protagonist",
        "Stands up to an established power or order for the sake of change.",
    ),
    (
        "Underdog",
        "Protagonist",
        "Smaller or weaker than its opponent, yet holding out or winning against the odds.",
    ),
    (
        "Virtuous",
        "Protagonist",
        "Morally upright: honest, principled, fair or generous.",
    ),
    (
        "Instigator",
        "Antagonist",
        "Blamed for starting a conflict or stirring up trouble.",
    ),
    (
        "Conspirator",
        "Antagonist",
        "Said to be plotting in secret with others towards a harmful end.",
    ),
    (
        "Tyrant",
        "Antagonist",
        "Rules or controls others by force and repression, silencing opposition.",
    ),
    (
        "Foreign Adversary",
        "Antagonist",
        "A hostile outside power, threatening the country or group the text speaks for.",
    ),
    (
        "Traitor",
        "Antagonist",
        "Said to have betrayed their own side, country or people.",
    ),
    (
        "Spy",
        "Antagonist",
        "Said to gather secrets or work covertly for another side.",
    ),
    (
        "Saboteur",
        "Antagonist",
        "Said to damage or undermine infrastructure, plans or efforts on purpose.",
    ),
    (
        "Corrupt",
        "Antagonist",
        "Said to abuse their position for money, favours or personal gain.",
    ),
    (
        "Incompetent",
        "Antagonist",
        "Unfit for their role, failing through poor judgement or lack of ability.",
    ),
    (
        "Terrorist",
        "Antagonist",
        "Said to use violence against civilians to intimidate or to reach political goals.",
    ),
    (
        "Deceiver",
        "Antagonist",
        "Said to lie, spread falsehoods or mislead the public.",
    ),
    (
        "Bigot",
        "Antagonist",
        "Said to hold people in contempt for their nationality, ethnicity, religion or other identity.",
    ),
    (
        "Forgotten",
        "Innocent",
        "Neglected or abandoned, their plight ignored by those who could help.",
    ),
    (
        "Exploited",
        "Innocent",
        "Used by others for their own ends: for labour, resources or political advantage.",
    ),
    (
        "Victim",
        "Innocent",
        "Suffers harm from violence, disaster, injustice or someone's policy.",
    ),
    (
        "Scapegoat",
        "Innocent",
        "Unfairly blamed for problems they did not cause.",
    ),
)

ROLES: Mapping[str, Role] = MappingProxyType({row[0]: Role(*row) for row in _ROLE_ROWS})
"""All 25 roles: the 3 main roles, then the 22 fine roles."""

MAIN_ROLES: Mapping[str, Role] = MappingProxyType({n: r for n, r in ROLES.items() if r.main is None})
"""The 3 main roles: Protagonist, Antagonist, Innocent."""

FINE_ROLES: Mapping[str, Role] = MappingProxyType({n: r for n, r in ROLES.items() if r.main is not None})
"""The 22 fine roles, each under one main role."""


def role(name: str) -> Role:
    """The main or fine role called ``name``; E301 if there is none."""
    try:
        return ROLES[name]
    except KeyError:
        raise _unknown("role", name, ROLES) from None


def main_role_of(fine: str) -> str:
    """The main role above a fine role (``Spy`` -> ``Antagonist``).

    A main role is its own main role, so that callers can pass either.
    """
    found = role(fine)
    return found.main if found.main is not None else found.name
