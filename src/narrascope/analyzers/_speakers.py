"""Who speaks: the speaker of a quote or of reported speech, from the words around it.

Part of the quote analyzer (:mod:`narrascope.analyzers.quotes`, whose docstring gives the
rules): a person or organisation entity, a pronoun and the person it stands for, a phrase or a
document named as the source, and the links between them ("Koval" -> "Irina Koval", "the
ministry" -> "Foreign Ministry"). :class:`SpeakerFinder` indexes one document once; the
reported-speech rules (:mod:`narrascope.analyzers._reported`) and the direct quotes' build on it.
"""

from __future__ import annotations

import bisect
import collections
import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass

from narrascope.analyzers import _east_slavic as east_slavic
from narrascope.analyzers._bodies import PLATFORMS
from narrascope.analyzers._date_words import ANY_MONTH, ANY_WEEKDAY
from narrascope.analyzers._quote_marks import PAIRS
from narrascope.analyzers._speech_patterns import (
    DOUBLE_MARKS,
    MARK_CHARS,
    QUOTE_MARK,
    Grammar,
    grammar,
    lower,
)
from narrascope.analyzers._speech_words import NAME_PARTICLES, SPEECH_WORDS
from narrascope.document import Document, Span
from narrascope.models.heads import function_words_of
from narrascope.paragraphs import NOT_AFTER_TITLE

# Shared with the reported-speech rules and the direct quotes' (this module is private).
__all__ = [
    "APPOSITION_WORDS",
    "ATTRIBUTION_PUNCTUATION",
    "OF_WORDS",
    "PHRASE_NEAR",
    "POSSESSIVE_END",
    "SENTENCE_END",
    "SPACE_AND_MARKS",
    "WORD",
    "WORD_BEFORE",
    "Speaker",
    "SpeakerFinder",
    "break_past_names",
    "content_after",
    "pronoun_kind",
    "trim",
]

WORD = re.compile(r"\w+")
#: A word of a name: a capital, then lower case ("Wetangula", "O'Neill", "Jean-Luc").
_NAME_WORD = re.compile(r"[^\W\d_a-zа-яё][^\W\d_A-ZА-ЯЁ]+(?:['’-][^\W\d_][^\W\d_A-ZА-ЯЁ]*)?")
# English nouns of those who speak for the one whose possessive precedes them ("his spokesman")
_PROXY_NOUNS = frozenset(
    {
        "spokesman", "spokeswoman", "spokesperson", "spokespeople", "lawyer", "lawyers", "attorney",
        "attorneys", "office", "campaign", "representative", "representatives", "press", "team",
        "aide", "aides", "government", "administration", "ministry", "party", "camp", "spokesmen",
    }
)  # fmt: skip
_QUOTED_OBJECT_WORDS = 7  # at most, in "quoted <a senior official> as saying"
APPOSITION_WORDS = 12  # at most, in "X, <the spokesman for Y>, said"
# ... and right before the verb, where a title and its institution run longer ("X, Professor of
# Bridge Engineering at the Norda Institute of Rivers, Harbours and Canals, told"; "X, head of
# the Office of the Transport Commission of the Council of the Norda Party's Board, said")
_SUBJECT_APPOSITION_WORDS = 20
_NOUN_PHRASE_WORDS = 3  # at most, in "numa decisão rápida que"
_OWNER_LOOKAHEAD = 8  # persons read from a sentence's start, for a noun's owner
_APPOSITIONS = 4  # at most, one after the other ("X, who heads Y, in Salem, Oregon, said")
_SUBJECT_LEAD_WORDS = 4  # at most, before a subject that opens its clause ("NATO Secretary General X")
_AS_SUBJECT_WORDS = 10  # at most, the subject of "As <the minister> said, ..."
_AS_SUBJECT_WORDS_WITH_NAME = 16  # ... with the name set off after a title ("the director of ..., X,")
WORD_BEFORE = re.compile(r"(\w+)\s+$")  # the last word before an offset
# "the head of the agency", "la directora de la escuela", "a ponte do rio": a noun's
# complement, in any language
OF_WORDS = ("of", "de", "da", "do", "das", "dos", "di", "del", "della", "du", "des", "von", "der")
SENTENCE_END = re.compile(rf"{NOT_AFTER_TITLE}[.!?…]\s+")
# A paragraph that ends with a colon (group 1: its text without the colon), and a non-empty line.
_COLON_LINE = re.compile(r"^[ \t]*(\S[^\n]*?):[ \t]*$", re.MULTILINE)
_LINE = re.compile(r"[^\n]*\S[^\n]*")
# What sets an attribution off from its quote: ',” said X', '», — заявил X', and a hyphen
# typed for the dash, with spaces around it ('" - dodał.').
ATTRIBUTION_PUNCTUATION = re.compile(r"[,—–]|(?<!\S)-(?!\S)")
# A speaker phrase never runs over a clause boundary, and is cut to the words next to the
# verb when longer than _PHRASE_WORDS.
_THE_BEFORE = re.compile(r"(?<![\w-])[Tt]he\s+$")
_CLAUSE_BREAK = re.compile(r"[,;:()—–«»“”„\"]")
_PHRASE_WORDS, PHRASE_NEAR = 8, 4
_HEADED_SUBJECT_WORDS = 10  # at most, in a long subject that a head noun opens ("The deputy head of ...")
_PREPOSITION_LETTERS = 3
_PERSON_RELATIVES = frozenset({"who", "whom"})
_CONTRACTED = ("ve", "ll", "d", "re")  # English auxiliaries after an apostrophe
_PARTITIVES = frozenset({"of", "de", "di", "du", "des", "del", "della", "von", "der"})
# A short aside between a subject and its verb, with the comma before it: a party and state
# ("Rep. X (R-Fla.) told", "X, (D) said"), a poll's share ("voters across all parties (53 per
# cent) said"). The subject is the words before it.
_ASIDE_BEFORE_VERB = re.compile(r"(?:,\s*)?\([^()\n]{1,40}\)\s*$")
# An English possessive right after an entity, or ending its span: "Campos’s union" names the
# union, not Campos; so does the bare apostrophe after a name in "s" ("Khweis’ lawyer").
_POSSESSIVE = re.compile(r"['’](?:s\b|\b|(?=\s+[a-z]))")
POSSESSIVE_END = re.compile(r"['’]s?$")
_POSSESSIVE_INSIDE = re.compile(r"\w['’]s?\s")
# A quote of this many words at most that holds a name may be the name itself ("„The New Yorker”").
_QUOTED_NAME_WORDS = 4
SPACE_AND_MARKS = " \t\n" + MARK_CHARS
# words in quotation marks right after an offset (group 1: the words)
_NAME_IN_MARKS_NEXT = re.compile(rf"[ \t]*[{DOUBLE_MARKS}]([^{DOUBLE_MARKS}\n]{{1,60}})[{DOUBLE_MARKS}]")
_FIRST_WORD = re.compile(r"\S+\s+")
# How many of the persons named last a gendered pronoun may reach back to.
_GENDER_LOOKBACK = 8
# How many persons back a pronoun speaker's person is looked for (it was found among the recent ones).
_PRONOUN_PERSON_LOOKBACK = 64
# How many words may stand before a person who opens a sentence ("But former President ...").
_OPENING_WORDS = 3
_WH_WORDS = frozenset(
    {"what", "whom", "why", "how"}
)  # clause openers of no subordinate clause of time or cause
# English verbs that make an auxiliary of "to" before a speech verb ("have to say", "going to
# say"), and those whose subject is the speech verb's too ("The minister wants to say")
_TO_AUXILIARIES = frozenset({
    "have", "has", "had", "got", "going", "ought",
    "want", "wants", "wanted", "try", "tries", "tried", "need", "needs", "needed", "decided", "refused",
    "continue", "continues", "continued", "hope", "hopes", "hoped", "seem", "seems", "seemed",
    "attempt", "attempts", "attempted", "refuse", "refuses", "decline", "declines", "declined",
    "seek", "seeks", "sought", "appear", "appears", "appeared", "began", "begins", "started",
})  # fmt: skip
_SUBJECT_OPENING_WORDS = 5  # at most, before a subject that opens its clause ("Late in the show host X")
_TIME_PHRASE_WORDS = 4  # at most, up to the month in a phrase of time before a subject ("В середине июня")
# The word "year" after a year's number, in the cases that follow a month ("в мае 2023 года")
_YEAR_WORDS = frozenset({"года", "году", "року", "roku", "г", "р"})
_THE_BEFORE = re.compile(r"\b[Tt]he\s+$")
_LOWER_WORD_AFTER = re.compile(r"\s+([a-z]+)\b")
# What a title or a verb's agreement weighs against a pronoun next to a name (see _genders).
_GRAMMAR_VOTES = 3


def break_past_names(
    text: str, pattern: re.Pattern[str], position: int, hi: int, verbs: re.Pattern[str] | None = None
) -> re.Match[str] | None:
    """The first match of ``pattern`` in ``text[position:hi]``, past a quoted name of a few
    words that a quotation mark of it opens ('", написа в "Телеграм" прокурорът X': the verb's
    subject follows the medium's name); with ``verbs``, only past one among the words right after
    a verb of them (not '„...”, a „Gazeta Północna” zauważyła': the name there is the next verb's
    subject)."""
    at = position
    while (stop := pattern.search(text, at, hi)) is not None:
        if verbs is not None:
            # right after the verb's words: not one after a comma ('", каза X, предава "Вестител"')
            verb = verbs.search(text, position, stop.start())
            if verb is None or "," in text[verb.end() : stop.start()]:
                return stop
        closers = PAIRS.get(stop.group(), "")
        close = min((c for c in (text.find(m, stop.end(), hi) for m in closers) if c >= 0), default=-1)
        before = WORD_BEFORE.search(text, position, stop.start())
        if (
            stop.start() == position
            or not text[stop.start() - 1].isspace()
            # after a preposition's short word: where it was said ("в", "на", "no"), not whose
            # ('сказал председатель "Грузинской мечты"')
            or before is None
            or not (before.group(1).islower() and len(before.group(1)) <= _PREPOSITION_LETTERS)
            or close < 0
            or not 0 < len(text[stop.end() : close].split()) <= _QUOTED_NAME_WORDS
            or not text[stop.end() : close][:1].isupper()
        ):
            return stop
        at = close + 1
    return None


@dataclass(frozen=True)
class Speaker:
    """Who speaks: the words that name the speaker (``start``/``end``, ``text``), how they were
    read (``how``: entity, name, pronoun, phrase, group, document or none), the entity's normal
    form they link to, and the speech verb or lead (``cue``)."""

    start: int
    end: int
    text: str
    how: str
    entity: str | None
    cue: str


def names_someone(speaker: Speaker) -> bool:
    """Whether ``speaker`` names who speaks: a name, a pronoun, a document, or words that open
    with a capital ("The ministry", "O instituto Copernicus"); not words in lower case that a
    rule took from a clause ("criticizing", 'is “no science” that'), which a source named
    after them ("according to X") names better."""
    return speaker.how in ("entity", "name", "pronoun", "document") or (
        speaker.how != "none" and speaker.text[:1].isupper()
    )


class SpeakerFinder:
    """Finds speakers for one document: its entities, sentences and paragraphs, indexed once.

    Every offset here is absolute: patterns search ``self.text`` between two positions.
    """

    def __init__(
        self, doc: Document, language: str, window: int, quoted: Sequence[tuple[int, int]] = ()
    ) -> None:
        self.doc = doc
        self.text = doc.text
        self.language = language
        # What each entity is called by (see _named_by_kind), indexed when first asked for.
        self._kind_words: list[frozenset[str]] | None = None
        self._kind_index: dict[str, list[int]] = {}
        self.grammar = grammar(language)
        # the nouns of a person of a body ("the head of", "an expert at"), read per subject
        self._member_nouns = frozenset((*self.grammar.words.head_nouns, *self.grammar.words.person_nouns))
        self.window = window
        # Sorted indexes, so that each quote costs a look-up, not a scan of every entity:
        # long documents hold thousands of quotes and tens of thousands of entities.
        self.any_entities = sorted(doc.layer("entity"), key=lambda e: e.start)
        self.any_entity_starts = [e.start for e in self.any_entities]
        self.entities = [s for s in doc.layer("entity") if s.label in ("PER", "ORG")]
        self.entity_starts = [e.start for e in self.entities]
        self.persons = sorted((e for e in self.entities if e.label == "PER"), key=lambda e: e.end)
        self.person_ends = [p.end for p in self.persons]
        self._first_names: frozenset[str] | None = None  # persons' first words, read when asked
        self.organisations = sorted((e for e in self.entities if e.label == "ORG"), key=lambda e: e.end)
        self.organisation_ends = [o.end for o in self.organisations]
        self.sentences = doc.layer("sentence")
        self.sentence_starts = [s.start for s in self.sentences]
        self.speakers: list[Span] = []  # persons named as a quote's speaker, by end (see heard)
        self.unnamed: list[int] = []  # where speakers introduced but not named start (heard_unnamed)
        # (where, whom) of each pronoun that spoke for a person named before (heard_unnamed)
        self.pronoun_speakers: list[tuple[int, Span]] = []
        self.fullest = self._fullest_names()
        # the entity analyzer's person of a name that no surname links: a first name alone
        # ("Sir Patrick said" beside "Patrick Hale"), a family name written first
        self.person_of = {
            self._normal(p): str(p.attrs["person"]) for p in self.persons if p.attrs.get("person")
        }
        self.genders = self._genders(quoted)
        self.quoted = sorted(quoted)  # (open, close) of each direct quote
        # Speaker lines ("Name, title:"): the speaker and the paragraph it introduces, by the
        # start of that paragraph.
        self.speaker_lines: dict[int, tuple[Speaker, int]] = {}
        self.speaker_line_starts: set[int] = set()
        for line in _COLON_LINE.finditer(self.text):
            following = _LINE.search(self.text, line.end())
            if following is None:
                continue
            next_start, next_end = trim(self.text, *following.span())
            speaker = self._speaker_line(
                line.start(1), line.end(1), quoted=self.text[next_start] in MARK_CHARS
            )
            if speaker is not None:
                self.speaker_lines[next_start] = (speaker, next_end)
                self.speaker_line_starts.add(line.start(1))

    # -- speakers from entities, pronouns, phrases and documents ------------------------------

    def _fullest_names(self) -> dict[str, str]:
        """Surname -> the longest name of the one person that ends with it, for linking a speaker
        named by surname alone. Not the entity analyzer's stricter ``person``: names found with a
        title ("Mr Spencer" beside "Robert Spencer") would leave the surname unlinked. But where
        two people share the surname ("Donald Trump", "Melania Trump": names whose words, titles
        and initials aside, are not one within the other), the surname alone names neither."""
        w = self.grammar.words
        titles = {lower(t) for t in w.woman.titles + w.man.titles}
        names: dict[str, dict[str, set[str]]] = {}
        for person in self.persons:
            name = self._normal(person)
            words = name.split()
            if words:
                names.setdefault(words[-1].lower(), {})[name] = {
                    lower(word) for word in words if lower(word) not in titles and len(word.rstrip(".")) > 1
                }
        fullest = {}
        for surname, same in names.items():
            longest = max(same, key=len)
            if all(words <= same[longest] for words in same.values()):
                fullest[surname] = longest
        return fullest

    def _normal(self, entity: Span) -> str:
        return str(entity.attrs.get("normal", entity.text_in(self.doc)))

    def _nearest_entity(
        self, lo: int, hi: int, anchor: int, phrase: tuple[int, int] | None = None, subject: bool = False
    ) -> Span | None:
        """The entity in ``text[lo:hi]`` likeliest to speak: one inside ``phrase``, the speaker's
        clause, before one elsewhere in the region ("in 40 seconds of Campos reporting, and
        Lombardo said"), an owner before a possessive ("David Hickey,
        president of Campos's union, said"), for a verb's ``subject`` a name in the nominative
        before one in another case (:meth:`_oblique`), a person before an organisation ("the
        ministry's spokeswoman Maria X"), then the nearest to ``anchor``."""
        inside = []
        for i in range(bisect.bisect_left(self.entity_starts, lo), len(self.entities)):
            entity = self.entities[i]
            if entity.start >= hi:
                break
            if (
                entity.end <= hi
                and not self._medium(entity)
                and not self._quoted_words(entity)
                and not self._addressee(entity)
                and not self._relayer(entity)
            ):
                inside.append(entity)
        if not inside:
            return None

        def rank(e: Span) -> tuple[bool, bool, bool, bool, int]:
            outside = phrase is not None and not (phrase[0] <= e.start and e.end <= phrase[1])
            possessive = (
                _POSSESSIVE.match(self.text, e.end) is not None
                or POSSESSIVE_END.search(self.text, e.start, e.end) is not None
            )
            # "X встретился с Y-ом, где пообещал": the one met, in the instrumental, is nearer
            # the verb, but only the name in the nominative can be its subject (a lead takes
            # its source in the genitive: "по мнению X-а").
            oblique = subject and self._oblique(e)
            distance = min(abs(e.start - anchor), abs(e.end - anchor))
            return outside, possessive, oblique, e.label != "PER", distance

        return min(inside, key=rank)

    def _appositive(self, lo: int, verb_start: int) -> Span | None:
        """The subject of 'X, the spokesman for Y, said', 'X, 39, said' and 'X, an expert at Y,
        a think tank, told': the person (else the organisation) named first before the
        appositions that the verb follows, not one inside them; or the person's name that is an
        apposition of its own after a title ('the president of the Central Bank, Ricardo Paz,
        said'). The name may lie before ``lo``, in the verb's sentence: long appositions take it
        out of the window that the verb was looked for in."""
        closing = lo + len(self.text[lo:verb_start].rstrip()) - 1
        if closing < lo or self.text[closing] != ",":
            return None
        i = bisect.bisect_right(self.sentence_starts, verb_start) - 1
        if (
            i >= 0
            and self.sentence_starts[i] < lo
            and QUOTE_MARK.search(self.text, self.sentence_starts[i], lo) is None
        ):
            lo = self.sentence_starts[i]
        found: list[Span] = []
        titled: Span | None = None
        for _ in range(_APPOSITIONS):
            opening = self.text.rfind(",", lo, closing)
            apposition = self.text[opening + 1 : closing]
            if (
                opening < 0
                or not apposition.strip()
                or len(apposition.split()) > _SUBJECT_APPOSITION_WORDS
                or SENTENCE_END.search(apposition)
                or QUOTE_MARK.search(apposition) is not None  # not "Russia's"
            ):
                break
            i = bisect.bisect_left(self.entity_starts, opening)
            named = self._entity_at(opening + 1, closing)
            if named is not None and named.label == "PER":
                return named  # 'the president of the Central Bank, Ricardo Paz, said': the name
            if titled is None and not found:
                titled = self._person_after_title(opening + 1, closing)
            found += [
                entity
                for entity in self.entities[max(0, i - 3) : i]
                if entity.start >= lo
                and not self.text[entity.end : opening].strip()
                and entity.label in ("PER", "ORG")
                and not self._medium(entity)
            ]
            closing = opening
        people = [entity for entity in found if entity.label == "PER"]
        if not people and titled is not None:
            return titled  # "The commander of X's Army, Major General Y, had told": Y, not the army
        return min(people or found, key=lambda entity: entity.start, default=None)

    def _person_after_title(self, start: int, end: int) -> Span | None:
        """The person that ``text[start:end]`` names after a title of a few words and no
        preposition ("Brexit minister Kwasi Kwarteng"): the subject set off after words that
        name no one ('On Wednesday, Brexit minister X, insisted'), not one inside a phrase ('a
        friend of X')."""
        start, end = trim(self.text, start, end)
        i = bisect.bisect_left(self.entity_starts, start)
        person = next((e for e in self.entities[i : i + 4] if e.end == end and e.label == "PER"), None)
        if person is None:
            return None
        title = [lower(word) for word in WORD.findall(self.text, start, person.start)]
        prepositions = self.grammar.words.prepositions
        return person if len(title) <= 3 and not any(word in prepositions for word in title) else None

    def _phrase_before_appositions(self, lo: int, verb_start: int) -> list[re.Match[str]]:
        """The words of a noun phrase that opens the clause before appositions that the verb at
        ``verb_start`` follows ("The letter, addressed to ..., said", "The ambassador, a friend
        of X, said"): a few words after an article or a possessive; none otherwise ("Meanwhile,
        ...")."""
        if not self.text[lo:verb_start].rstrip().endswith(","):
            return []
        words = list(WORD.finditer(self.text, lo, self.text.find(",", lo, verb_start)))
        if len(words) > 2 and words[0].group()[:1].isupper() and _POSSESSIVE.match(self.text, words[0].end()):
            # an owner's: "Norda's state-owned rail company, X, has said"
            return words if len(words) <= _PHRASE_WORDS else []
        if (
            not 2 <= len(words) <= PHRASE_NEAR
            or lower(words[0].group()) not in self.grammar.words.bare_clause_starts
        ):
            return []
        return words

    def _gerund_after(self, start: int, end: int) -> bool:
        """Whether the first word after the comma at ``start`` is a gerund in lower case
        ("citing", "deferring"; English and the languages with ``gerund_endings``)."""
        first = WORD.search(self.text, start, end)
        endings = self.grammar.words.gerund_endings or (("ing",) if self.language == "en" else ())
        word = "" if first is None else first.group()
        return len(word) > 5 and word.islower() and word.endswith(endings or ("\0",))

    def _opening_phrase(self, lo: int, hi: int) -> list[re.Match[str]]:
        """The words of the earliest part of ``text[lo:hi]``, between commas, that may be a
        subject: not one set off before it ("Yesterday, the mill, sadly, has said": "the
        mill"); else the last few words."""
        w = self.grammar.words
        at = lo
        for comma in re.finditer(",", self.text[lo:hi]):
            part = list(WORD.finditer(self.text, at, lo + comma.start()))
            at = lo + comma.end()
            if not part:
                continue
            first = part[0].group()
            if (
                lower(first) in w.clause_openers
                or lower(first) in w.connectives
                or w.is_adverb(lower(first))
                or first in w.not_name_subjects
            ):
                continue
            if len(part) <= _PHRASE_WORDS:
                return part
            break
        return list(WORD.finditer(self.text, lo, hi))[-PHRASE_NEAR:]

    def _auxiliaries_start(self, lo: int, cue: re.Match[str]) -> int:
        """Where the auxiliaries right before the verb ``cue`` begin after a comma (", has
        declared", ", have also said"), else the verb's start."""
        w = self.grammar.words
        words = list(WORD.finditer(self.text, lo, cue.start()))
        i = len(words)
        while i and (
            lower(words[i - 1].group()) in w.clause_auxiliaries or w.is_adverb(lower(words[i - 1].group()))
        ):
            i -= 1
        if i == len(words) or not self.text[lo : words[i].start()].rstrip().endswith(","):
            return cue.start()
        return words[i].start()

    def _name_before_appositions(self, lo: int, verb_start: int) -> tuple[int, int] | None:
        """'Moses Wetangula, speaker of the National Assembly, said': a name that the recogniser
        missed (two or three capitalised words opening the clause, no entity among them) before
        appositions that the verb follows: the speaker, not an organisation inside them."""
        if not self.text[lo:verb_start].rstrip().endswith(","):
            return None
        first = self.text.find(",", lo, verb_start)
        start, end = trim(self.text, lo, first)
        words = self.text[start:end].split()
        if not 2 <= len(words) <= 3 or not all(_NAME_WORD.fullmatch(word) for word in words):
            return None
        if any(word in self.grammar.words.not_name_subjects for word in words):
            return None  # 'On Wednesday, ...'

        if len(self.text[first:verb_start].split()) > APPOSITION_WORDS:
            return None
        # a name the recogniser found (of any kind) is read as such
        i = bisect.bisect_left(self.any_entity_starts, end)
        if i and max(e.end for e in self.any_entities[max(0, i - 3) : i]) > start:
            return None
        return start, end

    def _entity_at(self, start: int, end: int) -> Span | None:
        """The entity that is all of ``text[start:end]`` but for the spaces around it."""
        start, end = trim(self.text, start, end)
        i = bisect.bisect_left(self.entity_starts, start)
        if i < len(self.entities) and self.entities[i].start == start and self.entities[i].end == end:
            return self.entities[i]
        return None

    def _subject_after_where(self, words: list[re.Match[str]]) -> int:
        """Where in ``words``, after a speech verb and opening with a phrase of where it was said,
        its subject begins: at its last definite article ('alla Repubblica il ministro'), in
        German at its first article that no preposition governs ('vor zwei Wochen ein Kommentator
        der Zeitung', 'in einem Interview mit der Zeitung der Minister'), or at a person's name
        ('al Corriere Elena Varga'); 0 where none follows, and in a language without articles,
        whose names decline ("w wywiadzie dla Polsatu": to whom)."""
        rules = self.grammar.words
        german = bool(rules.verb_second_openers)
        articles = rules.subject_articles if german else rules.definite_articles
        if not articles:
            return 0
        at_article = [
            i
            for i, word in enumerate(words)
            if i
            and lower(word.group()) in articles
            and not (german and lower(words[i - 1].group()) in rules.prepositions)
        ]
        later = (at_article[0] if german else at_article[-1]) if at_article else 0
        return max(later, next((i for i, w in enumerate(words) if i and self._person_starts(w.start())), 0))

    def _adverbial_opening(self, entity: Span, clause: tuple[int, int] | None) -> bool:
        """Whether the sentence of ``entity`` opens, before it, with a preposition or a gerund
        ("Parlando al Forum dei Varnel, il presidente ha detto", "Durante a cimeira da X, ..."): a
        phrase of time, place or manner, whose names are no subject; not where the verb's
        ``clause`` is a relative one after the name ("..., Jan Varel, który ogłosił", "X, il
        quale ha affermato": the name is the relative's antecedent)."""
        w = self.grammar.words
        opening = (
            [lower(word) for word in WORD.findall(self.text, clause[0], clause[1])][:2] if clause else []
        )
        if not opening or opening[0] in (*w.connectives, *w.relatives) or " ".join(opening) in w.not_sources:
            return False
        i = bisect.bisect_right(self.sentence_starts, entity.start) - 1
        first = WORD.search(self.text, self.sentence_starts[i] if i >= 0 else 0, entity.start)
        if first is None:
            return False
        word = lower(first.group())
        # a participle's phrase ("Questionada pela agência, ..."), if the word is no name's ("Machado")
        named = self._inside_name(first.start(), first_word=True)
        endings = (*w.gerund_endings, *(() if named else w.participle_endings))
        return word in w.prepositions or (len(word) > 5 and word.endswith(endings or ("\0",)))

    def _person_starts(self, position: int) -> bool:
        """Whether a person's name starts at ``position``."""
        i = bisect.bisect_left(self.entity_starts, position)
        return (
            i < len(self.entities) and self.entities[i].start == position and self.entities[i].label == "PER"
        )

    def _right_after(self, start: int, entity: Span | None) -> bool:
        """Whether ``entity`` follows ``start`` with nothing but punctuation between."""
        return entity is not None and not self.text[start : entity.start].strip(" ,—–-")

    def _medium(self, entity: Span) -> bool:
        """Whether ``entity`` is a platform where something was said, not who said it: after a
        short word ("wrote on Twitter", "в Telegram", "in his Facebook post")."""
        if entity.attrs.get("organisation") not in PLATFORMS:
            return False
        before = WORD_BEFORE.search(self.text, max(0, entity.start - 12), entity.start)
        return before is not None and len(before.group(1)) <= 3 and before.group(1).islower()

    def _infinitive(self, word: str) -> bool:
        """Whether ``word`` is an infinitive in a language whose verbs leave their subject out
        ("estar", "avere"), by its ending."""
        pattern = _INFINITIVE.get(self.language)
        return pattern is not None and pattern.fullmatch(word) is not None and word not in _NOT_INFINITIVES

    def _addressee(self, entity: Span) -> bool:
        """Whether ``entity`` is spoken to, not speaking: after the preposition of a dative
        ("disse à Lusa Paulo X", "ha detto all'ANSA il ministro", "a déclaré à l'AFP", "dijo a
        Efe")."""
        pattern = _ADDRESSEE.get(self.language)
        return (
            pattern is not None
            and pattern.search(self.text, max(0, entity.start - 20), entity.start) is not None
        )

    def _head_of(self, words: list[re.Match[str]], entity: Span) -> int | None:
        """Where the phrase begins that names the head or a member of ``entity`` among the
        words of a speech verb's subject ("il presidente della Regione", "the head of the
        agency", "un esponente della Lega"): at its first word where the noun is its first or
        second (an article before it), else at the noun; None where none of the (at most four)
        words before the entity is such a noun. Up to six words where the noun's complement
        is the entity, with two function words at most between them ("the Russian ambassador to
        the UN"): then from the first word where the noun is fourth at most."""
        before = [word for word in words if word.end() <= entity.start]
        # ... or a person of it ("— отметил эксперт Норды", "an expert at the X")
        nouns = self._member_nouns
        if not before or not nouns or len(before) > 6:
            return None
        if _CLAUSE_BREAK.search(self.text, before[-1].end(), entity.start):
            return None  # "— заявил глава государства, пишет ТАСС": the entity is in another clause
        for i, word in enumerate(before):
            if lower(word.group()) not in nouns:
                continue
            if len(before) <= 4:
                return before[0].start() if i <= 1 else word.start()
            between = [lower(w.group()) for w in before[i + 1 :]]
            # ... and an adjective at most among them ("the deputy head of the regional X")
            content = [w for w in between if w not in function_words_of(self.language)]
            if len(between) - len(content) <= 2 and (
                not content or (len(content) == 1 and content[0] == between[-1] and content[0].isalpha())
            ):
                return before[0].start() if i <= 3 else word.start()
        return None

    def _body_noun_after(self, entity: Span) -> int:
        """Where the phrase of ``entity`` ends: after a noun of the language's ``body_nouns``
        one or two words after it in lower case ("the X group", "the X workers union"), else at
        its own end."""
        end = entity.end
        for word in itertools.islice(WORD.finditer(self.text, entity.end), 2):
            written = word.group()
            if self.text[end : word.start()] != " " or not written.islower():
                break
            if written in self.grammar.words.body_nouns:
                return word.end()
            end = word.end()
        return entity.end

    def _qualifies_noun(self, entity: Span, words: list[re.Match[str]]) -> bool:
        """Whether the English name ``entity`` only qualifies the noun that ends a verb's subject
        (``words``): a person's, with lower-case words before it and a noun or two after it, in
        lower case ("a senior Lorand administration official", "one Lorand campaign aide"); an
        organisation's or a place's, with a noun of a person after it ("The Norda Palace
        official")."""
        if self.language != "en" or not words:
            return False
        if entity.label != "PER":
            # "The Norda Palace official said", "a ministry aide": a person of the body (whose
            # spokespeople, though, speak for it: "the ministry spokesman said")
            w = self.grammar.words
            nouns = (*w.person_nouns, *w.head_nouns)
            after = WORD.findall(self.text, entity.end, words[-1].end())
            while len(after) >= 2 and w.is_adverb(lower(after[-1])):
                after.pop()  # "A Treasury Minister today said"
            # the noun in title case too ("A Treasury Minister said")
            return (
                0 < len(after) <= 2
                and lower(after[-1]) in nouns
                and all(
                    (word.islower() and word not in function_words_of(self.language)) or lower(word) in nouns
                    for word in after
                )
            )
        before = [w.group() for w in words if w.end() <= entity.start]
        articles = (*self.grammar.words.definite_articles, *self.grammar.words.indefinite_articles)
        return (
            bool(before)
            and (before[0].islower() or lower(before[0]) in articles)  # "A senior ... aide said"
            and all(w.islower() for w in before[1:])
            and entity.end < words[-1].end()
            and self.text[entity.end : entity.end + 1] == " "
            and self._ends_phrase(entity, words[-1].end())
        )

    def _ends_phrase(self, entity: Span, end: int) -> bool:
        """Whether ``entity`` ends the words up to ``end``, the subject's end, or is followed
        there by one or two words in lower case that end its phrase: a common noun that the
        name qualifies ("the Varnel group", "the X workers union"), not a function word."""
        words = list(WORD.finditer(self.text, entity.end, end))
        return len(words) <= 2 and all(
            word.group().islower() and word.group() not in function_words_of(self.language) for word in words
        )

    def _relayer(self, entity: Span) -> bool:
        """Whether ``entity`` relayed what was said, not said it: after "quoted by" ("frisou,
        citado pela Lusa", "a-t-il dit, cité par l'AFP", "ha detto, citato dall'ANSA"), or
        asked for it ("pytany przez PAP")."""
        pattern = _RELAYED.get(self.language)
        if (
            pattern is not None
            and pattern.search(self.text, max(0, entity.start - 25), entity.start) is not None
        ):
            return True
        # ... or named in an aside of a relaying verb between commas ("Il sindaco, riporta
        # Radio Norda, ha aggiunto": the mayor added it)
        aside = _RELAYER_BEFORE.search(self.text, max(0, entity.start - 30), entity.start)
        return (
            aside is not None
            and lower(aside.group(1)) in self.grammar.words.relayers
            and self.text[entity.end : entity.end + 2].lstrip().startswith(",")  # not ", передает ТАСС."
        )

    def _speaking_entity(self, lo: int, hi: int, anchor: int, words: list[re.Match[str]]) -> Span | None:
        """The entity that speaks in ``text[lo:hi]``, whose ``words`` name the speaker: a person
        anywhere, an organisation only when it is most of those words ("the Kremlin said", not
        "the director of the Russian FSB said" or "the Kremlin's spokesman said")."""
        entity = self._nearest_entity(lo, hi, anchor)
        if entity is None or entity.label == "PER" or not words:
            return entity
        inside = sum(entity.start <= word.start() and word.end() <= entity.end for word in words)
        return entity if 2 * inside > len(words) else None

    def _genders(self, quoted: Sequence[tuple[int, int]]) -> dict[str, str]:
        """Each person's gender ("woman" or "man") where the article shows it, by person key.

        Four kinds of evidence: a title right before or opening the name ("Mrs", "Herr"), a speech
        verb whose ending agrees with the name next to it ("Ирина Коваль заявила", "— powiedział
        Jan Nowak"), which grammar settles, and in Russian and Ukrainian a given name that the
        dictionary knows as one gender's ("Ксения", "Михаил"), weigh _GRAMMAR_VOTES each; a
        gendered pronoun that opens
        a sentence outside quotes after a sentence that names one person and no other (Olga
        Varenik stressed ... She said) weighs one, since the person it stands for may be one
        that the entity analyzer missed. Pronouns elsewhere say too little: in "Saris held that
        the detention violated his rights" "his" is not the judge's. Ties say nothing. Only a
        contradiction matters: a person with no evidence fits every pronoun. Persons are told
        apart by the entity analyzer's ``person`` ("Dralenko" is Viktor Dralenko).
        """
        text, grammar = self.text, self.grammar
        votes: dict[str, collections.Counter[str]] = collections.defaultdict(collections.Counter)
        for person in self.persons:
            key = person.name_in(self.doc)
            # A title before the name, or one the recogniser took into it ("Mr Spencer").
            first = _FIRST_WORD.match(text, person.start, person.end)
            ends = [person.start] if first is None else [person.start, first.end()]
            titles = (grammar.title_before.search(text, max(0, end - 16), end) for end in ends)
            title = next((found for found in titles if found is not None), None)
            if title is not None:
                votes[key]["woman" if title.group("woman") else "man"] += _GRAMMAR_VOTES
            if self.language in ("ru", "uk") and len(key.split()) > 1:
                # a given name of one gender's ("Ксения Ларина", "Михаил Варнов")
                given = east_slavic.given_name_gender(key.split()[0], self.language)
                if given is not None:
                    votes[key][given] += _GRAMMAR_VOTES
            gap = text[person.end : person.end + 8]
            after = grammar.verbs.match(text, person.end + len(gap) - len(gap.lstrip(" \t")))
            before = list(grammar.verbs.finditer(text, max(0, person.start - 40), person.start))
            verbs = [after] if after is not None else []
            if before and not text[before[-1].end() : person.start].strip():
                verbs.append(before[-1])
            for verb in verbs:
                gender = grammar.gender_of_verb(verb.group())
                if gender is not None:
                    votes[key][gender] += _GRAMMAR_VOTES
        quote_starts = [start for start, _ in quoted]
        for previous, sentence in itertools.pairwise(self.sentences):
            opening = (
                sentence.start
                + len(text[sentence.start : sentence.end])
                - len(text[sentence.start : sentence.end].lstrip(SPACE_AND_MARKS))
            )
            word = grammar.gendered.match(text, opening)
            i = bisect.bisect_right(quote_starts, opening) - 1
            if word is None or (i >= 0 and quoted[i][1] > opening):
                continue
            named = {
                p.name_in(self.doc)
                for p in self.persons[
                    bisect.bisect_left(self.person_ends, previous.start) : bisect.bisect_right(
                        self.person_ends, previous.end
                    )
                ]
                if p.start >= previous.start
            }
            gender = grammar.gender_of(word.group())
            if len(named) == 1 and gender is not None:
                votes[named.pop()][gender] += 1
        return {
            key: count.most_common(1)[0][0]
            for key, count in votes.items()
            if len(count) == 1 or count["woman"] != count["man"]
        }

    def heard(self, speaker: Speaker) -> None:
        """Note a person named as a quote's speaker, for :meth:`_last_person_before`, and a
        speaker introduced but not named, for :meth:`_spoke_since`."""
        self.heard_unnamed(speaker)
        if speaker.how not in ("entity", "name"):
            return
        i = bisect.bisect_right(self.person_ends, speaker.end)
        if i and self.persons[i - 1].start <= speaker.start:
            bisect.insort(self.speakers, self.persons[i - 1], key=lambda p: p.end)

    def heard_unnamed(self, speaker: Speaker) -> None:
        """Note a speaker introduced but not named ("a government spokesman"), for
        :meth:`_spoke_since`, and a pronoun that spoke for a person, for
        :meth:`_last_person_before`."""
        if speaker.how == "pronoun" and speaker.entity is not None:
            i = bisect.bisect_right(self.person_ends, speaker.start)
            # among the recent persons only, without copying the list: long documents name thousands
            person = next(
                (
                    self.persons[j]
                    for j in range(i - 1, max(-1, i - 1 - _PRONOUN_PERSON_LOOKBACK), -1)
                    if self._normal(self.persons[j]) == speaker.entity
                ),
                None,
            )
            if person is not None:
                bisect.insort(self.pronoun_speakers, (speaker.start, person), key=lambda pair: pair[0])
        if speaker.how == "phrase" and speaker.entity is None and self._introduced(speaker):
            bisect.insort(self.unnamed, speaker.start)

    def _introduced(self, speaker: Speaker) -> bool:
        """Whether a phrase speaker is someone new, introduced with an indefinite article ("A
        government spokesman"), not a description of someone named before ("the civil
        lawyer", "глава евродипломатии")."""
        first = WORD.search(self.text, speaker.start, speaker.end)
        return first is not None and lower(first.group()) in self.grammar.words.indefinite_articles

    def _spoke_since(self, person: Span, position: int) -> bool:
        """Whether someone introduced but not named spoke after ``person`` was named and in the
        sentence before ``position`` or in its own ('A government spokesman said ... He
        added': the spokesman, not the person named before)."""
        sentence = bisect.bisect_right(self.sentence_starts, position) - 1
        since = max(person.end, self.sentence_starts[sentence - 1] if sentence > 0 else 0)
        i = bisect.bisect_left(self.unnamed, since)
        return i < len(self.unnamed) and self.unnamed[i] < position

    def _last_person_before(
        self, position: int, gender: str | None = None, *, nominative: bool = False
    ) -> Span | None:
        """The last person named before ``position``, or with ``gender`` the last one of the
        recent ones that the article does not show to be of the other gender; with
        ``nominative``, the last one named as a subject where one of the recent ones was
        (:meth:`_oblique`); but a quote's
        speaker named earlier in that person's sentence, whom the others named there only
        accompany ('..., concluiu Clara Nunes, citando também Rui Lemos e Ana Reis. ⏎ "...",
        disse': Clara Nunes)."""
        i = bisect.bisect_right(self.person_ends, position)
        recent = [
            p
            for p in reversed(self.persons[max(0, i - _GENDER_LOOKBACK) : i])
            if self._fits(p, gender) and not self._attributive(p) and not self._named_with_article(p)
        ]
        if nominative:
            recent = [p for p in recent if not self._oblique(p)] or recent
        # a name inside a quote is the quoted words', not the narration's a pronoun goes on with
        # ('– mówi prof. Jan Nowak. "Lorand nie jest inżynierem" ⏎ Jego zdaniem': Nowak's)
        recent = [p for p in recent if not self._inside_quote(p.start)] or recent
        last = recent[0] if recent else None
        sentence = bisect.bisect_right(self.sentence_starts, last.start) - 1 if last is not None else -1
        if last is None or sentence < 0:
            return last
        opens = self.sentences[sentence].start
        j = bisect.bisect_right(self.speakers, last.end, key=lambda p: p.end)
        for speaker in reversed(self.speakers[:j]):
            if speaker.start < opens:
                break
            if self._fits(speaker, gender):
                return speaker
        # ... or one a pronoun spoke for there, for a pronoun in a later sentence ('She told
        # the council that Varnel's bridge was late. She warned': whom the first "she" stood
        # for, not Varnel; but 'Он пишет, что X спорил с мэром и он уверял, что ...': X)
        k = bisect.bisect_left(self.pronoun_speakers, last.start, key=lambda pair: pair[0])
        later = bisect.bisect_right(self.sentence_starts, position) - 1 > sentence
        for j in range(k - 1 if later else -1, -1, -1):
            start, person = self.pronoun_speakers[j]
            if start < opens:
                break
            if person.end <= position and self._fits(person, gender):
                return person
        # Else the person whom a speech verb follows in that sentence, its speaker ('O porta-voz,
        # Pedro Lemos, afirmou que as declarações de Jan Reis ... ⏎ "...", frisou': Lemos, not
        # Reis, named in what Lemos said); else the person who opens it, its subject, the one a
        # pronoun most likely continues ('Clara Nunes, a nurse who voted for Lorand, ... "...,"
        # she said': Nunes).
        speaking = (p for p in recent if opens <= p.start and self._verb_follows(p))
        subject = (p for p in reversed(recent) if opens <= p.start and self._opens_sentence(p, opens))
        return next(speaking, None) or next(subject, last)

    def _named_with_article(self, person: Span) -> bool:
        """Whether the English "person" ``person`` follows "the" or opens with it: an outlet or a
        body that the recogniser took for one ("told the Norda Herald"), never whom "he" stands
        for."""
        return self.language == "en" and (
            _THE_BEFORE.search(self.text, max(0, person.start - 5), person.start) is not None
            or _THE_BEFORE.match(self.text, person.start, min(person.end, person.start + 4)) is not None
        )

    def _verb_follows(self, person: Span) -> bool:
        """Whether a speech verb follows ``person``'s name, past the comma of an apposition at
        most ("Pedro Lemos, afirmou", "Lemos said")."""
        verbs = self.grammar.verbs
        after = _COMMA_GAP.match(self.text, person.end)
        if verbs.match(self.text, after.end() if after else person.end) is not None:
            return True
        # ... or past a whole apposition ("Piet Lorand, head of the transport office of ..., said")
        apposition = _APPOSITION_GAP.match(self.text, person.end)
        return apposition is not None and verbs.match(self.text, apposition.end()) is not None

    def _opens_sentence(self, person: Span, opens: int) -> bool:
        """Whether ``person`` opens the sentence that starts at ``opens`` as its subject, after
        at most a conjunction or a capitalised title ('But Clara Nunes', 'Former President Viktor
        Lorand'), not after a phrase set off by a comma ('In May, Lorand'), nor as a possessor
        ("Lorand's lawyer"), and outside quotes. Only a name the article gives in full somewhere
        counts: a single capitalised word that opens a sentence is too often a word the
        recogniser took for a name ('Harbour fees rose', 'Минтруд отметил')."""
        before = self.text[opens : person.start].strip(SPACE_AND_MARKS)
        words = before.split()
        return (
            (len(words) <= _OPENING_WORDS or self._article_and_noun(words))
            and "," not in before
            and _POSSESSIVE.match(self.text, person.end) is None
            and not person.text_in(self.doc).endswith(("'s", "’s"))
            and self._full_name_known(person)
            and (len(words) < 2 or words[-1][:1].isupper() or self._article_and_noun(words))
            and not self._inside_quote(person.start)
        )

    def _article_and_noun(self, words: list[str]) -> bool:
        """Whether ``words`` are an article and a noun in lower case, or two joined by "and", a
        title of the name after them in a language that writes titles so ("A engenheira Ana
        Reis", "O geólogo e professor Rui Lemos")."""
        w = self.grammar.words
        nouns = words[1:]
        if len(nouns) == 3 and lower(nouns[1]) in w.gap_stops:
            nouns = [nouns[0], nouns[2]]
        return (
            len(nouns) == 1 + (len(words) == 4)
            and lower(words[0]) in (*w.definite_articles, *w.subject_articles)
            and all(noun.isalpha() and noun.islower() for noun in nouns)
        )

    def _opening_pronoun(self, opens: int, cue: re.Match[str]) -> Speaker | None:
        """The pronoun that opens the sentence at ``opens``, or its clause after a phrase set
        off by a comma, as the subject that the verb ``cue`` shares ("He met Piet Lorand and
        said"), with the person it stands for named before the sentence; None if no pronoun
        opens it."""
        comma = self.text.find(",", opens, cue.start())
        for offset in (opens,) if comma < 0 else (opens, comma + 1):
            first = WORD.search(self.text, offset, cue.start())
            if first is not None and self.grammar.pronouns.fullmatch(first.group()):
                gender = self.grammar.gender_of(first.group())
                antecedent = self._last_person_before(opens, gender)
                return self._speaker(
                    first.start(),
                    first.end(),
                    "pronoun",
                    cue.group(),
                    None if antecedent is None else self._normal(antecedent),
                )
        return None

    def _opens_clause_as_subject(self, entity: Span, opens: int) -> bool:
        """Whether ``entity`` opens the sentence that starts at ``opens``, or its clause after a
        phrase set off by a comma ('On Monday, the Kremlin', 'Vera Albers, 45,'), as its
        subject: after a few words that end in a capital, an article or a noun of a person
        ('Late in the show host Vera Albers') and join no clause, not as a possessor, and outside
        quotes."""
        w = self.grammar.words
        before = self.text[opens : entity.start].rsplit(",", 1)[-1].strip(SPACE_AND_MARKS)
        words = [lower(word) for word in WORD.findall(before)]
        # ... or its subordinate clause ("doubts grew after Sheriff X changed his account and
        # said"), not a clause that reports or describes ("found that", "which")
        subordinators = set(w.clause_openers) - {*w.that, *w.relatives, *_WH_WORDS}
        opener = max((i for i, word in enumerate(words) if word in subordinators), default=-1)
        if opener >= 0:
            words = words[opener + 1 :]
            before = " ".join(before.split()[-len(words) :]) if words else ""
        joins = (*w.that, *w.relatives, *w.clause_openers, *w.connectives)
        return (
            len(words) <= _SUBJECT_OPENING_WORDS
            and not any(word in joins for word in words[1:])
            and (
                not words
                or before.split()[-1][:1].isupper()
                or words[-1] in (*w.definite_articles, *w.indefinite_articles, *w.person_nouns, *w.head_nouns)
            )
            and _POSSESSIVE.match(self.text, entity.end) is None
            and not entity.text_in(self.doc).endswith(("'s", "’s"))
            and not self._inside_quote(entity.start)
        )

    def _full_name_known(self, person: Span) -> bool:
        """Whether the article names ``person`` with more than one word somewhere."""
        normal = self._normal(person)
        words = normal.split()
        names = (
            normal,
            str(person.attrs.get("person", "")),
            self.fullest.get(words[-1].lower(), "") if words else "",
        )
        return any(len(name.split()) > 1 for name in names)

    def _attributive(self, person: Span) -> bool:
        """Whether ``person`` only qualifies a noun ('the Lorand report', 'the Trump
        administration'), so no pronoun stands for it; not a title that is the subject of a
        verb ('the Pope continues', 'the Queen said', 'the Prince has')."""
        if (
            self.language != "en"
            or _THE_BEFORE.search(self.text, max(0, person.start - 5), person.start) is None
        ):
            return False
        after = _LOWER_WORD_AFTER.match(self.text, person.end)
        if after is None:
            return False
        word = after.group(1)
        return not (
            word.endswith(("s", "ed"))
            or word in self.grammar.words.gap_stops
            or self.grammar.verbs.fullmatch(word) is not None
        )

    def _fits(self, person: Span, gender: str | None) -> bool:
        return gender is None or self.genders.get(person.name_in(self.doc), gender) == gender

    def _speaker(self, start: int, end: int, how: str, cue: str, entity: str | None = None) -> Speaker:
        return Speaker(start, end, self.text[start:end], how, entity, cue)

    def _of_entity(self, entity: Span, cue: str) -> Speaker:
        return self._speaker(entity.start, entity.end, "entity", cue, self._normal(entity))

    def _is_document(self, word: re.Match[str], subject: bool = False) -> bool:
        """Whether ``word`` names a document; ``subject``: in a form that can be a verb's subject."""
        documents = self.grammar.subject_documents if subject else self.grammar.documents
        return documents.fullmatch(word.group()) is not None and not self._inside_name(word.start())

    def _inside_name(self, position: int, first_word: bool = False) -> bool:
        """Whether ``position`` lies inside a name, after its first word (or on it too, with
        ``first_word``): "enquête" in "le Comité d'enquête" names no inquiry's report."""
        i = bisect.bisect_right(self.any_entity_starts, position) - 1
        if i < 0:
            return False
        entity = self.any_entities[i]
        after_start = entity.start <= position if first_word else entity.start < position
        return after_start and position < entity.end

    def _phrase_words(
        self, lo: int, cue: re.Match[str], hi: int, direct: bool = False
    ) -> tuple[list[re.Match[str]], str]:
        """The words that name the speaker next to the verb, and where they are: ``before`` it,
        ``after`` it, ``far`` before it (beyond a clause boundary: 'X, the head of Y, said'), or
        none of them: ``shared`` (the subject of the clause before: '..., and added', '...,
        der versicherte'), ``none`` (no words at all, or a subject left out: '..., powiedział:')
        or ``unnamed`` (a passive's: '..., but was asked').

        Words before the verb win ('the ministry said'); the words after it are used when there
        are none ('», — заявили в министерстве', ', said a statement from the ministry'). A phrase
        stops at a clause boundary and is cut to the words next to the verb when long.
        """
        words_of = self.grammar.words
        end = self._subject_end(lo, cue)
        breaks = self._subject_breaks(lo, end)
        words = list(WORD.finditer(self.text, breaks[-1] if breaks else lo, end))
        while len(words) > 1 and lower(words[-1].group()) in words_of.clitics:
            words.pop()  # 'On lui expliquait': the object pronoun before the verb is not its subject
        verb_form = lower(cue.group()).split()[0]
        if len(words) == 1 and any(
            lower(words[0].group()) == pronoun and not verb_form.endswith(ending)
            for pronoun, ending in words_of.object_pronouns
        ):
            words = []  # '», nous a dit le ministre': told to us, by the one after the verb
        adverbs = len(words)
        while adverbs and (cut := self._adverb_at_end(words[:adverbs])):
            adverbs -= cut  # ', а также пообещал', 'który z kolei dodał': the words before the adverbs decide
        if adverbs and words[adverbs - 1].group().lower() in words_of.as_words:
            # '», как сообщают работники', 'comme l'a dit X': named after the verb, if at all
            # ('as officially claimed,')
            words, adverbs, as_clause = [], 0, True
        else:
            as_clause = False
        if words and all(lower(word.group()) in words_of.clause_openers for word in words[:adverbs]):
            words, adverbs = [], 0  # 'When asked ..., Alston guessed': the subject follows
        if (
            words_of.drops_subject
            and adverbs
            and (
                all(
                    lower(word.group()) in words_of.that and lower(word.group()) not in words_of.connectives
                    for word in words[:adverbs]
                )
                or self._only_time(words[:adverbs])
            )
        ):
            # 'упрекнат, че каза пред ..., че', '..., 12 мая заявил': a clause's
            # "that" (not Italian "che", a relative too) or a day is no subject; the subject was
            # left out, or follows
            words, adverbs = [], 0
        if words and (not adverbs or words[adverbs - 1].group().lower() in words_of.connectives):
            if (
                adverbs > 1
                and lower(words[adverbs - 1].group()) in words_of.that
                and self._noun_before_that(words[: adverbs - 1])
            ):
                # 'numa decisão que sugere que', 'un rapporto che dice che': a relative "que"/"che"
                # after a noun, whose clause the noun is the subject of, not a person left out
                return self._named_before(words[: adverbs - 1])
            if adverbs > 1 and lower(words[adverbs - 1].group()) in words_of.relatives:
                # 'the woman who told'; 'rejected by the port office who said': the noun after the last
                # preposition is the antecedent
                antecedent = words[: adverbs - 1]
                last = max(
                    (
                        i
                        for i, word in enumerate(antecedent[:-1])
                        if lower(word.group()) in words_of.prepositions
                    ),
                    default=-1,
                )
                if lower(words[adverbs - 1].group()) not in _PERSON_RELATIVES:
                    last = -1  # "a study by X in early spring which revealed": the study
                return self._named_before(antecedent[last + 1 :])
            return [], "shared"
        if (
            breaks
            and adverbs
            and all(
                lower(word.group()) in (*words_of.clause_auxiliaries, *words_of.auxiliaries)
                and lower(word.group()) not in words_of.passives
                for word in words[:adverbs]
            )
        ):
            # "Norda's rail company, Varnelexport, has declared": the auxiliary is no subject;
            # the phrase that opens the clause is, before its appositions ("Critics of the plan,
            # who met on Monday, have said")
            return self._opening_phrase(lo, words[0].start()), "far"
        if words:
            return self._named_before(words)
        stop = break_past_names(self.text, _CLAUSE_BREAK, cue.end(), hi)
        words = list(WORD.finditer(self.text, cue.end(), stop.start() if stop else hi))
        if (
            words
            and (words_of.drops_subject or words_of.verb_second_openers)
            and lower(words[0].group()) in words_of.prepositions
            and (direct or words_of.definite_articles or words_of.verb_second_openers)
            # an impersonal verb's source is where ('“...“, heißt es im Bericht')
            and lower(cue.group()) not in self.grammar.impersonal
        ):
            # '„...” – dodała w wywiadzie dla PAP': where it was said; the subject left out, or
            # after it, opening with its article ('», ha detto alla Repubblica il ministro',
            # '“, sagte vor zwei Wochen ein Kommentator': German's subject follows its verb)
            later = self._subject_after_where(words)
            words = words[later:] if later else []
        opening = words[1:2] if words and lower(words[0].group()) in ("di", "de", "a") else words[:1]
        if opening and self._infinitive(opening[0].group()):
            words = []  # 'Disse ter ouvido que “...”': the verb's complement; its subject left out
        while words and (
            words_of.is_adverb(lower(words[0].group()))
            or lower(words[0].group()) in words_of.listener_pronouns
        ):
            # '“...”, каза още той', '"...", frisou ainda': the adverb is the verb's; '»,
            # рассказал нам эксперт': so is whom it told
            words = words[1:]
        for size in (2, 1):  # '», — выразил общее мнение наш читатель': the opinion is the verb's
            if (
                len(words) > size
                and lower(" ".join(w.group() for w in words[:size])) in words_of.opinion_objects
            ):
                words = words[size:]
                while words and words_of.is_adverb(lower(words[0].group())):
                    words = words[1:]  # 'сподели мнението си също друг слушател'
                break
        if words:
            words = words if len(words) <= _PHRASE_WORDS else words[:PHRASE_NEAR]
            # A name after the verb ends where its capitals do: '– powiedział Wierzbicki dziennikarzom'.
            capitals = list(itertools.takewhile(lambda word: word.group()[:1].isupper(), words))
            # ... and a phrase at its first preposition: '», a déclaré le ministre lors d'une ...',
            # '», — пишут журналисты о ...'
            # ... or one that opens a body, after the first word ('", каза сенаторът в разговор
            # за ...'; not '", съобщиха от пресслужбата')
            ends = (*words_of.prepositions, *words_of.topic_prepositions, *words_of.listener_prepositions)
            later_ends = (*ends, *words_of.body_prepositions)
            phrase = list(
                itertools.takewhile(
                    # not inside a name ("il rappresentante di Unione per Varnel")
                    lambda word: (
                        lower(word.group()) not in (ends if word is words[0] else later_ends)
                        or self._inside_name(word.start())
                    ),
                    words,
                )
            )
            if not words_of.inverts and not capitals and self._holds_auxiliary(phrase or words):
                # '“...,” notes shipping is the oldest trade': what was said, not a subject
                return [], "none"
            # ... and at a conjunction that joins the next speech verb ('", каза инженерът и после
            # обясни'; not a pair: '», — пишут инженеры и геологи')
            joined = next(
                (
                    i
                    for i, word in enumerate(phrase[1:], 1)
                    if lower(word.group()) in words_of.gap_stops
                    and not self._inside_name(word.start())
                    and self.grammar.verbs.search(self.text, word.end(), words[-1].end()) is not None
                ),
                None,
            )
            phrase = phrase if joined is None else phrase[:joined]
            return (capitals or phrase or words), "after"
        if words_of.drops_subject or as_clause:
            return [], "none"
        return list(WORD.finditer(self.text, lo, cue.start()))[-PHRASE_NEAR:], "far"

    def _person_before_description(self, lo: int, words: list[re.Match[str]], entity: Span) -> Span | None:
        """The person named alone between the clause's start (after ``lo``) and a comma right
        before ``words``, a description in lower case of three words or more that holds
        ``entity`` ("Piet Lorand, director of the Norda Network", "X, a writer documenting Y's
        work"); None otherwise."""
        if len(words) < 3 or not words[0].group()[:1].islower() or entity.start < words[0].start():
            return None
        comma = words[0].start() - 1
        while comma > lo and self.text[comma].isspace():
            comma -= 1
        if comma <= lo or self.text[comma] != ",":
            return None
        opening = max((m.end() for m in _CLAUSE_BREAK.finditer(self.text, lo, comma)), default=lo)
        sentence = bisect.bisect_right(self.sentence_starts, comma) - 1
        if sentence >= 0:
            opening = max(opening, self.sentence_starts[sentence])
        named = self._entity_at(opening, comma)
        return named if named is not None and named.label == "PER" else None

    def _subject_breaks(self, lo: int, end: int) -> list[int]:
        """Where the clause breaks in ``text[lo:end]``, before a verb, end; an adverb set off by
        commas right before the verb breaks none ('Франция, напротив, смята', 'MGM, though,
        said': the subject is before it)."""
        breaks = [m.end() for m in _CLAUSE_BREAK.finditer(self.text, lo, end)]
        if len(breaks) >= 2 and self._adverb_set_off(breaks[-2], breaks[-1], end):
            breaks = breaks[:-2]
        return breaks

    def _adverb_set_off(self, opening: int, closing: int, end: int) -> bool:
        """Whether ``text[opening:closing]``, between commas, holds adverbs or connectives alone
        and nothing but space follows it up to ``end`` (", напротив, смята", ", однако, заявил")."""
        text = self.text
        if text[opening - 1] != "," or text[closing - 1] != "," or text[closing:end].strip():
            return False
        words = [lower(word) for word in WORD.findall(text, opening, closing)]
        w = self.grammar.words
        return bool(words) and all(w.is_adverb(word) or word in w.connectives for word in words)

    def _subject_end(self, lo: int, cue: re.Match[str]) -> int:
        """Where the words before the verb ``cue`` that may name its subject end: before a
        short aside in brackets right before it."""
        aside = _ASIDE_BEFORE_VERB.search(self.text, lo, cue.start())
        if aside is None:
            return cue.start()
        # ... but not a name in brackets: "L'Ufficio ... (OCHA) ha commentato"
        opening = self.text.index("(", aside.start())
        return (
            cue.start()
            if self._entity_at(opening + 1, self.text.rindex(")", 0, cue.start()))
            else aside.start()
        )

    def _holds_auxiliary(self, words: list[re.Match[str]]) -> bool:
        """Whether ``words`` hold an auxiliary that shows a clause ("is", "will")."""
        return any(lower(word.group()) in self.grammar.words.clause_auxiliaries for word in words)

    def _adverb_at_end(self, words: list[re.Match[str]], trailing: tuple[str, ...] = ()) -> int:
        """How many of the last ``words`` are an adverb before the verb, of three words, two ("не
        раз", "z kolei", "в свою очередь") or one ("also"), or one of ``trailing``; 0 if none."""
        w = self.grammar.words
        for n in (3, 2):
            if len(words) >= n and " ".join(lower(x.group()) for x in words[-n:]) in w.adverbs_before_verb:
                return n
        last = lower(words[-1].group())
        if len(words) > 1 and lower(words[-2].group()) in (*w.prepositions, *w.body_prepositions):
            return 1 if last in trailing else 0  # "в писмото от вчера се посочва": the preposition's
        return 1 if last in trailing or w.is_adverb(last) else 0

    def _named_before(self, words: list[re.Match[str]]) -> tuple[list[re.Match[str]], str]:
        """:meth:`_before_verb`'s words, on the side ``before``; or ``unnamed`` where it leaves
        none: a passive's subject is not who spoke ("before being asked", "but was asked")."""
        named = self._before_verb(words)
        return (named, "before") if named else ([], "unnamed")

    def _long_subject(self, words: list[re.Match[str]]) -> list[re.Match[str]]:
        """The words of a long subject that name the speaker: its head, before the phrase of its
        first preposition among its first words ("Western diplomats in close touch with the
        US over Ukraine told"; but "of" belongs to the head: "Many of the residents of ..."),
        else its last few words, from a whole word ("Norda's national water council", not "s
        national ...") and from the head of a phrase of a preposition ("someone at the
        farm", not "at the farm")."""
        w = self.grammar.words
        # not where a clause ends it, whose own subject the verb has ("an inquiry into payments
        # for the families of two sailors who say")
        after = WORD.search(self.text, words[-1].end())
        # ... nor where its words hold a verb or join clauses ("crowds had begun to gather ...
        # and later the bulletins said", "The toll has risen for the first week since")
        joins = (*w.relatives, *w.clause_openers, *w.connectives, *w.clause_auxiliaries, *w.auxiliaries)
        clause = any(lower(word.group()) in joins for word in words[1:]) or (
            after is not None and lower(after.group()) in w.relatives
        )
        # ... nor where a phrase of place or time opens the clause, before its subject ("На
        # пресконференция с журналисти ... във Варна той заяви"), or a pronoun ends it
        clause = (
            clause
            or lower(words[0].group()) in w.prepositions
            or lower(words[0].group()) in w.body_prepositions
            or bool(self.grammar.pronouns.fullmatch(words[-1].group()))
        )
        if (
            not clause
            and len(words) <= _HEADED_SUBJECT_WORDS
            and any(lower(word.group()) in w.head_nouns for word in words[:3])
        ):
            return words  # "The deputy head of the regional X Board": all of it names one
        for i, word in enumerate(words[1 : PHRASE_NEAR + 1], 1):
            if (
                not clause
                and lower(word.group()) in w.prepositions
                and lower(word.group()) not in _PARTITIVES
            ):
                # not a document's ("A fresh study by the X Institute has found": the author)
                if not self._inside_name(word.start()) and not self._is_document(words[i - 1], subject=True):
                    return words[:i]
                break
        first = len(words) - PHRASE_NEAR
        while first > 0 and self.text[words[first].start() - 1] in "'’":
            first -= 1
        if first > 0 and lower(words[first].group()) in w.prepositions:
            first -= 1  # "someone at the farm reportedly told": the head before its phrase
        return words[first:]

    def _before_verb(self, words: list[re.Match[str]]) -> list[re.Match[str]]:
        """The words of a clause before its verb that name the speaker (:meth:`_long_subject` of
        a long clause), without the auxiliaries and adverbs next to the verb ("Separate claims
        have suggested", "Authorities have repeatedly said": English, whose verb patterns leave
        them out)."""
        w = self.grammar.words
        if len(words) > _PHRASE_WORDS:
            words = self._long_subject(words)
        # ... nor "that" after its antecedent ("the report that says"), English again
        trailing = w.clause_auxiliaries + (w.that if w.clause_auxiliaries else ()) + w.split_auxiliaries
        if w.clause_auxiliaries:
            trailing += _CONTRACTED  # "they’ve also said": "they"
        if (
            self.language == "en"
            and len(words) > 2
            and lower(words[-1].group()) == "to"
            and lower(words[-2].group()) in _TO_AUXILIARIES
        ):
            words = words[:-2]  # "I would have to say": "I" (not "They want us to think")
        elif (
            self.language == "en"
            and len(words) > 2
            and lower(words[-1].group()) == "to"
            and lower(words[0].group()) == "it"
            and lower(words[1].group()) in ("is", "was", "would", "will", "seems")
        ):
            return []  # "It is only fair to say that": no one says it
        while len(words) > 1 and 0 < (cut := self._adverb_at_end(words, trailing)) < len(words):
            words = words[:-cut]
        # ... nor a "that" that opens the clause ("uznano, że sąd orzekł"; English
        # "that" is also a determiner: "That man said")
        complementisers = () if self.language == "en" else w.that
        while len(words) > 1 and (
            lower(words[0].group()) in w.connectives
            or w.is_adverb(lower(words[0].group()))
            or lower(words[0].group()) in complementisers
            or lower(words[0].group()) in w.as_words  # ", as oil traders claim,"
            # "Martedì il governo ha dichiarato"; not English's "Sunday Times"
            or (lower(words[0].group()) in ANY_WEEKDAY and self.language != "en")
        ):
            words = words[1:]  # ", and the witnesses have said", "Then he said": not "and", "Then"
        words = self._after_time_phrase(words)
        # a clause inside the phrase has its own subject: "a fee which the council warned of",
        # "que diz que a equipa acredita" (not English "that", also a determiner)
        opener = max(
            (
                i
                for i, word in enumerate(words[:-1])
                if lower(word.group()) in w.clause_openers or lower(word.group()) in complementisers
            ),
            default=-1,
        )
        words = words[opener + 1 :]
        last = words[-1].group() if words else ""
        if (
            len(words) > 1
            and last.islower()  # not "the US"
            and (self.grammar.pronouns.fullmatch(last) or self.grammar.group_pronouns.fullmatch(last))
        ):
            words = words[-1:]  # "В порту они заявили": the pronoun is the subject, not the phrase
        # "... continues before being asked": a passive's subject is not who speaks; nor is
        # a conjunction left alone ("but was asked"), nor the verb's object pronoun ("le dit")
        return (
            []
            if all(lower(word.group()) in (*w.passives, *w.connectives, *w.clitics) for word in words)
            else words
        )

    def _noun_before_that(self, words: list[re.Match[str]]) -> bool:
        """Whether ``words``, before a "that" that is a relative too (Portuguese "que", Italian
        "che"), end in a noun phrase in lower case that an article or a preposition opens
        ("numa decisão rápida", "o relatório"), in a language that leaves subjects out."""
        w = self.grammar.words
        tail = [lower(word.group()) for word in words[-_NOUN_PHRASE_WORDS:]]
        i = bisect.bisect_right(self.sentence_starts, words[0].start()) - 1
        opens = self.sentence_starts[i] if i >= 0 else 0
        first = bisect.bisect_left(self.person_ends, opens)
        # ... and not after a person in its sentence, whose message or gesture it is ('X ha
        # scritto sui social, con un post che dice: «...»': X's words)
        owner = any(
            opens <= p.start < words[0].start() for p in self.persons[first : first + _OWNER_LOOKAHEAD]
        )
        # ... nor a message or a document, whose author is the one left out ('Sul suo blog ha
        # scritto due righe, con una nota che afferma: «...»')
        document = any(self.grammar.documents.fullmatch(word) for word in tail)
        return (
            not owner
            and not document
            and bool(w.drops_subject)
            and bool(set(w.that) & set(w.connectives))
            and words[-1].group().islower()
            and not w.is_adverb(tail[-1])
            and any(
                word in (*w.definite_articles, *w.indefinite_articles, *w.subject_articles, *w.prepositions)
                for word in tail[:-1]
            )
        )

    def _only_time(self, words: list[re.Match[str]]) -> bool:
        """Whether ``words`` only tell a day: a month or a weekday, with numbers, year words and
        prepositions ("30 июня", "в понедельник")."""
        w = self.grammar.words
        said = [lower(word.group()) for word in words]
        return any(word in ANY_MONTH or word in ANY_WEEKDAY for word in said) and all(
            word.isdigit()
            or word in ANY_MONTH
            or word in ANY_WEEKDAY
            or word in _YEAR_WORDS
            or word in w.prepositions
            for word in said
        )

    def _after_time_phrase(self, words: list[re.Match[str]]) -> list[re.Match[str]]:
        """``words`` after a phrase of time that opens them, and a year after it: a preposition
        and a month or a weekday within its first words ("В середине июня мэр города",
        "In late May 2023 the minister"), or a day and its month after an article at most ("il
        14 marzo il comune", "le 6 mars le ministère"): the subject follows it."""
        w = self.grammar.words
        first = lower(words[0].group()) if words else ""
        if first in (*w.prepositions, *w.body_prepositions):
            months = range(1, _TIME_PHRASE_WORDS)
        elif (
            first in (*w.definite_articles, *w.subject_articles) and words[1:2] and words[1].group().isdigit()
        ):
            months = range(2, 3)  # not "The May Day rally organisers"
        elif first.isdigit():
            months = range(1, 2)
        else:
            return words
        for i in months:
            if i < len(words) - 1 and (
                lower(words[i].group()) in ANY_MONTH or lower(words[i].group()) in ANY_WEEKDAY
            ):
                rest = words[i + 1 :]
                while rest and (rest[0].group().isdigit() or lower(rest[0].group()) in _YEAR_WORDS):
                    rest = rest[1:]
                return rest or words
        return words

    def _clause(self, lo: int, hi: int, cue: re.Match[str], side: str) -> tuple[int, int] | None:
        """The clause in ``text[lo:hi]`` where the speaker's words are, all of it: the phrase
        is cut to the words next to the verb ('... ВЗГЛЯД отметил'), but the speaker is the
        person that the whole clause names ('Историк Борис Ковалев в беседе с газетой ВЗГЛЯД')."""
        if side == "before":
            end = self._subject_end(lo, cue)
            breaks = self._subject_breaks(lo, end)
            return (breaks[-1] if breaks else lo), end
        if side == "after":
            stop = _CLAUSE_BREAK.search(self.text, cue.end(), hi)
            while stop is not None and (name_end := self._quoted_name_end(stop.start(), hi)) is not None:
                # past a name in marks: a title's ('каза заместник-кметът на „Норда“ Иван
                # Петров')
                stop = _CLAUSE_BREAK.search(self.text, name_end, hi)
            if stop is None:
                return cue.end(), hi
            # the name after a title ('ha detto la segretaria della Cgil, Chiara Volpi')
            after_comma = (
                stop.end() + len(self.text[stop.end() : hi]) - len(self.text[stop.end() : hi].lstrip())
            )
            i = bisect.bisect_left(self.entity_starts, after_comma)
            named = self.entities[i] if i < len(self.entities) else None
            if (
                stop.group() == ","
                and named is not None
                and named.start == after_comma
                and named.label == "PER"
                and named.end <= hi
                # the name ends the clause, or an apposition or relative clause of its own
                # follows ('..., Dmitri Volkov, che ha aggiunto')
                and self.text[named.end : hi].lstrip(SPACE_AND_MARKS)[:1] in ("", ".", ",", ";", "–", "—")
            ):
                return cue.end(), named.end
            return cue.end(), stop.start()
        return None

    def _from_region(
        self, lo: int, hi: int, cue: re.Match[str], quote_open: int | None = None, direct: bool = False
    ) -> Speaker:
        """The speaker in ``text[lo:hi]`` around the speech verb ``cue``.

        A pronoun's antecedent is looked for before ``quote_open`` when given, so that a name
        inside the quote is never taken for its speaker. ``direct``: the verb attributes a direct
        quote, which a verb whose subject was left out attributes too ('„...” – dodała w
        wywiadzie'; reported speech needs its speaker named).
        """
        verb = cue.group()
        if lower(verb) in self.grammar.words.participles:
            quoted = self._quoted_object(list(WORD.finditer(self.text, lo, cue.start())), cue)
            if quoted is not None:
                return quoted
            if self._after_break(lo, cue):
                return self._participle_subject(lo, cue)
            return self._beside_participle(lo, hi, cue)
        # '", ont-ils déclaré': they, whoever is named after the verb (a pronoun joined to the
        # verb by a hyphen; not "heißt es")
        inverted = next(
            (
                w
                for w in _LETTERS.finditer(self.text, cue.start(), cue.end())
                if self.text[w.start() - 1] == "-" and self.grammar.group_pronouns.fullmatch(w.group())
            ),
            None,
        )
        if inverted is not None:
            return self._speaker(inverted.start(), inverted.end(), "group", verb)
        hi = self._before_object(cue.end(), hi)
        that = next(
            (
                w
                for w in WORD.finditer(self.text, cue.end(), hi)
                if lower(w.group()) in self.grammar.words.that
            ),
            None,
        )
        if that is not None:
            hi = that.start()  # 'който твърди, че Петров лъже': no name of what was said speaks
        words, side = self._phrase_words(lo, cue, hi, direct)
        if (
            side == "before"
            and self.language == "en"
            and len(words) > 1
            and lower(words[-1].group()) == "to"
            and self._gerund_after(words[0].start(), words[0].end())
        ):
            # ", taking to the radio to say:": the participle's, whose subject opens the clause
            return self._participle_subject(lo, cue)
        if side == "unnamed":
            return self._speaker(cue.start(), cue.end(), "none", verb)
        document = self._document_phrase(words, side, verb)
        if document is not None:
            return document
        if (
            side == "before"
            and words
            and lower(words[-1].group()) in self.grammar.words.impersonal_particles
            and (len(words) > 1 or self._nearest_entity(cue.end(), hi, cue.end()) is None)
        ):
            # "In Portogallo si ritiene", "рискът се смята за": an impersonal verb, said by no one
            # ("..., si sottolinea nello studio firmato da X": by the one named after it)
            return self._speaker(cue.start(), cue.end(), "none", verb)
        words_of = self.grammar.words
        if (
            side == "before"
            and len(words) > 1
            and lower(words[0].group()) in words_of.existentials
            and lower(words[1].group()) in (*words_of.passives, *words_of.clause_auxiliaries)
        ):
            # "There were claims that ...": a noun's clause, no one's words
            return self._speaker(words[0].start(), words[-1].end(), "none", verb)
        # (in lower case: "Majority Leader X" is a title)
        if side == "before" and any(word.group() in self.grammar.words.share_words for word in words):
            # "27 per cent of Labour members said": a poll's finding, not Labour's words
            return self._speaker(words[0].start(), words[-1].end(), "group", verb)
        verb_start = self._auxiliaries_start(lo, cue) if side == "far" else cue.start()
        subject = self._appositive(lo, verb_start) if side in ("after", "far", "none") else None
        if side in ("after", "far", "none") and (subject is None or subject.label != "PER"):
            missed = self._name_before_appositions(lo, verb_start)
            if missed is not None:
                return self._speaker(*missed, "phrase", verb)
        if subject is not None:
            return self._of_entity(subject, verb)
        if side == "far" and (opening := self._phrase_before_appositions(lo, verb_start)):
            # The phrase before the appositions, not their last words: a document ('The letter,
            # addressed to the committee of the bishops' conference, said'), or one whose
            # appositions name a person ('The ambassador, a friend of X, said'); an organisation
            # there is the source ('The new rules, drafted by X, said').
            document = self._document_phrase(opening, "before", verb)
            if document is not None:
                return document
            inside = self._nearest_entity(opening[-1].end(), cue.start(), cue.start())
            if inside is None or inside.label == "PER" or self._gerund_after(opening[-1].end(), cue.start()):
                # ... but not one that a gerund's phrase names ('The newspaper, citing the
                # ministry, reported': the newspaper)
                return self._speaker(opening[0].start(), opening[-1].end(), "phrase", verb)
        # A verb with no words on either side, a participle after it, left its subject out
        # ('"...", disse, pedindo que os países do G20 ...'): no name after it speaks. A time
        # may stand between a verb and its subject ('disse, esta quarta-feira, o ministro X').
        # Where the subject never follows its verb (English), a name after a verb with words
        # before it is its object ('Another senior Tory MP told MailOnline', 'X told host Y').
        left_only = (side == "none" and self._participle_next(cue.end(), hi)) or (
            side == "before" and not self.grammar.words.inverts
        )
        clause = self._clause(lo, hi, cue, side)
        entity = self._nearest_entity(
            lo,
            cue.start() if left_only else hi,
            cue.end() if side == "after" else cue.start(),
            clause,
            subject=True,
        )
        if (
            entity is not None
            and side == "shared"
            and self._oblique(entity)
            and not any(
                lower(word) in self.grammar.words.relatives
                for word in WORD.findall(self.text, entity.end, cue.start())
            )
        ):
            # "Przeciwnicy Nowaka oskarżyli rząd i powiedzieli": no subject in another case (a
            # relative's antecedent may be in any: "z Janem Nowakiem, który mówił")
            return self._speaker(cue.start(), cue.end(), "none", verb)
        if (
            entity is not None
            and side == "before"
            and self._oblique(entity)
            # a noun before it ("У Варникова назвали": no noun, his circle, whom he stands for)
            and any(
                w.end() <= entity.start
                and lower(w.group())
                not in (*self.grammar.words.prepositions, *self.grammar.words.body_prepositions)
                for w in words
            )
            and not self.text[words[0].start() : entity.start].rstrip().endswith(",")
        ):
            # "Przeciwnicy Nowaka powiedzieli": a name in another case than a subject's only
            # qualifies the noun before it, the subject
            how = "group" if _names_no_one(self.grammar, [w.group() for w in words]) else "phrase"
            return self._speaker(words[0].start(), words[-1].end(), how, verb)
        if (
            entity is not None
            and side == "shared"
            and not self.grammar.words.inverts
            # "X, who said": the relative's antecedent, read as before
            and not (
                (before := WORD_BEFORE.search(self.text, lo, cue.start())) is not None
                and lower(before.group(1)) in self.grammar.words.relatives
            )
        ):
            opens = self.sentence_starts[max(0, bisect.bisect_right(self.sentence_starts, cue.start()) - 1)]
            if entity.start >= opens and not self._opens_clause_as_subject(entity, opens):
                # "Vera Albers met Piet Lorand and said": the one who opens the sentence, not
                # the one she met; no one where a phrase opens it ("The tribunal ruled that
                # the scheme Lorand designed broke the rules and said")
                entity = next(
                    (
                        e
                        for e in self.entities[bisect.bisect_left(self.entity_starts, opens) :]
                        if e.start < entity.start and self._opens_clause_as_subject(e, opens)
                    ),
                    None,
                )
                if entity is None:
                    return self._opening_pronoun(opens, cue) or self._speaker(
                        cue.start(), cue.end(), "none", verb
                    )
        if entity is not None and side == "shared" and self.grammar.words.inverts:
            # "Вечером он осмотрел мост вместе с X и сказал": the pronoun that opens the sentence
            # goes on as the subject, not a name in its phrase
            opens = self.sentence_starts[max(0, bisect.bisect_right(self.sentence_starts, cue.start()) - 1)]
            opening = list(WORD.finditer(self.text, max(lo, opens), entity.start))[: _OPENING_WORDS + 1]
            pronoun = next((w for w in opening if self.grammar.pronouns.fullmatch(w.group())), None)
            if pronoun is not None:
                return self._subject_at(pronoun.start(), pronoun.end(), verb)
            # ... and a name after a preposition is none ("a engenheira visitou a ponte da Norda
            # e garantiu"): the subject was left out, or is no name (a relative's antecedent may
            # be any: "pela Norda, que garante")
            before = WORD_BEFORE.search(self.text, lo, entity.start)
            joined = WORD_BEFORE.search(self.text, lo, cue.start())
            if (
                before is not None
                and lower(before.group(1)) in (*self.grammar.words.prepositions, *OF_WORDS)
                and joined is not None
                and lower(joined.group(1)) in self.grammar.words.gap_stops
            ):
                entity = None
        if entity is not None and side == "before" and clause is not None:
            antecedent_words = self._antecedent_before(list(WORD.finditer(self.text, *clause)), entity)
            if antecedent_words:
                # "Two of the builders who worked for X last year said": the antecedent of the
                # relative clause that names X
                return self._speaker(antecedent_words[0].start(), antecedent_words[-1].end(), "phrase", verb)
            opener = self._person_before_description(lo, list(WORD.finditer(self.text, *clause)), entity)
            if opener is not None:
                # "X, director of the Norda Network told": an apposition left open before the
                # verb; the person it describes speaks, not one named in it
                return self._of_entity(opener, verb)
        if (
            entity is not None
            and side == "after"
            and clause is not None
            and entity.start >= clause[1]
            and WORD.search(self.text, clause[1], entity.start) is not None
        ):
            # '”, said the official, who had met the Daily Ledger in May': the clause's own
            # subject, a phrase with its article, not a name in the relative clause after it (a
            # name right after its comma is its apposition: '", disse o ministro, X, durante')
            first_word = WORD.search(self.text, clause[0], clause[1])
            articles = (*self.grammar.words.definite_articles, *self.grammar.words.subject_articles)
            if first_word is not None and lower(first_word.group()) in articles and words:
                return self._speaker(words[0].start(), words[-1].end(), "phrase", verb)
        # A pronoun right before the verb is its subject, whatever names stand near it ('She says
        # Franken “...”', 'in AL 305, when he says “...”'), as is one right after it ('“...“,
        # sagte sie dem RND').
        if entity is not None and side == "before" and self._beside_subject(entity, words, cue):
            entity = None
        if (
            entity is not None
            and side == "before"
            and (self.language == "en" or self._adverbial_opening(entity, clause))
            and words
            and lower(words[0].group())
            not in (*self.grammar.words.relatives, *self.grammar.words.prepositions)
            and clause is not None
            and entity.end <= clause[0]
            and self.text[clause[0] - 1 : clause[0]] == ","
            and not all(self.grammar.words.is_adverb(lower(word.group())) for word in words)
        ):
            # "After meeting Biden, the minister said": the words of the verb's own clause after
            # a comma name its subject, not a name before that comma (English only: elsewhere a
            # relative or an apposition after the name is too often its clause: "X, il quale ha
            # affermato", "X, correspondant du ..., lui a demandé")
            entity = None
        if entity is not None and side == "after" and entity.label != "PER":
            head = self._head_of(words, entity)
            if head is not None:
                # '", ha spiegato il presidente della Regione': a person, not the region; '",
                # said the head of the X group'
                end = self._body_noun_after(entity)
                return self._described(self._speaker(head, end, "phrase", verb))
        if entity is not None and not (
            side in ("before", "after")
            and self.grammar.pronouns.fullmatch(words[-1 if side == "before" else 0].group())
        ):
            if entity.label != "PER" and side == "before":
                # "The Sedgefield MP added" after "Phil Wilson, the Sedgefield MP": the person
                # described, not the place in the description
                phrase = self._speaker(words[0].start(), words[-1].end(), "phrase", verb)
                described = self._described(phrase)
                if described is not phrase:
                    return described
                head = self._head_of(words, entity)
                if head is not None and self._ends_phrase(entity, words[-1].end()):
                    # "Un esponente della Lega ha detto": a member of the party, not the party;
                    # "The head of the X union said": of the union
                    return self._described(self._speaker(head, words[-1].end(), "phrase", verb))
            if side == "before" and entity.label == "PER" and self._qualifies_noun(entity, words):
                # "a senior Lorand administration official said": the official, not Lorand
                return self._speaker(words[0].start(), words[-1].end(), "phrase", verb)
            if side in ("before", "after") and entity.label != "PER" and self._qualifies_noun(entity, words):
                # "The Norda Palace official said", "said the Norda chief": a person of the body,
                # the one named before with that description where there is one
                return self._described(self._speaker(words[0].start(), words[-1].end(), "phrase", verb))
            if not self._after_preposition(entity, cue):
                return self._of_entity(entity, verb)
            entity = None  # '– powiedziała w rozmowie z PAP': the one she spoke with
        if lower(verb) in self.grammar.impersonal:
            return self._speaker(cue.start(), cue.end(), "none", verb)  # "Offiziell heißt es"
        limit = cue.start() if quote_open is None else min(cue.start(), quote_open)
        pronoun = self._pronoun(words, cue, hi)
        if pronoun is not None:
            gender = self.grammar.gender_of(pronoun.group())
            antecedent = self._last_person_before(min(pronoun.start(), limit), gender)
            if antecedent is not None and self._spoke_since(antecedent, pronoun.start()):
                antecedent = None
            if antecedent is not None:
                return self._speaker(
                    pronoun.start(), pronoun.end(), "pronoun", verb, self._normal(antecedent)
                )
            # The verb's own subject ("a-t-elle répondu aux ..."), or all the words before it
            # ("He said"), with no one named before who fits: a pronoun that names no one.
            if pronoun.start() >= cue.start() or [w.group() for w in words] == [pronoun.group()]:
                return self._speaker(pronoun.start(), pronoun.end(), "pronoun", verb)
        if len(words) == 1 and lower(words[0].group()) in self.grammar.words.clause_openers:
            return self._speaker(cue.start(), cue.end(), "none", verb)  # "Why believe a ...": no one
        if words:
            how = "group" if _names_no_one(self.grammar, [w.group() for w in words]) else "phrase"
            return self._speaker(words[0].start(), words[-1].end(), how, verb)
        # No subject: the verb's person is the last one named ("«...», ha aggiunto", "..., and
        # added"), unless a quoted name is the subject ("«Газпром» сообщил").
        dropped = (
            side == "shared"
            or (
                self.grammar.words.drops_subject
                and (
                    quote_open is None
                    or ATTRIBUTION_PUNCTUATION.search(self.text, lo, cue.start()) is not None
                )
            )
            # a verb in the plural left out a group, never one person ("E ci spiegano che")
        ) and not lower(verb).endswith(self.grammar.words.plural_verb_endings or ("\0",))
        # ... nor one whose subject is a name in marks after it ('„...” - pisze "GN", dodając';
        # not a lead's quote: 'По думите му "нов ред" ...')
        named_next = _NAME_IN_MARKS_NEXT.match(self.text, cue.end())
        dropped = dropped and (
            named_next is None
            or len(named_next.group(1).split()) > _QUOTED_NAME_WORDS  # 'пообещала «...»': what she said
            or lower(verb) in self.grammar.words.pronoun_leads
        )
        # A verb that left its subject out continues the last subject, not a name in another case
        # after it ("Он не ответил на вопрос о словах Дональда Трампа. Однако заверил": not Trump).
        antecedent = (
            self._last_person_before(limit, self.grammar.gender_of_verb(verb), nominative=True)
            if dropped
            else None
        )
        if (
            antecedent is not None
            and not self._spoke_since(antecedent, cue.start())
            and not (side == "shared" and self._subject_unnamed(antecedent, cue))
        ):
            return self._speaker(cue.start(), cue.end(), "pronoun", verb, self._normal(antecedent))
        return self._speaker(cue.start(), cue.end(), "none", verb)

    def _antecedent_before(self, words: list[re.Match[str]], entity: Span) -> list[re.Match[str]]:
        """The words before a relative pronoun among a verb's subject ``words``, where ``entity``
        is in the relative clause and no entity is among them: the subject is the antecedent
        ("Two of the builders who worked for X said"); none otherwise."""
        relatives = self.grammar.words.relatives
        first = next((i for i, word in enumerate(words) if lower(word.group()) in relatives), None)
        if not first or first + 1 >= len(words) or words[first + 1].start() >= entity.start:
            # ... not one whose subject the name is ("the bridge which X says will fall": X
            # speaks in the relative clause)
            return []
        antecedent = words[:first]
        w = self.grammar.words
        if lower(antecedent[-1].group()) in (*w.prepositions, *OF_WORDS) or all(
            lower(word.group()) in function_words_of(self.language) for word in antecedent
        ):
            return []  # "..., за който X разказва": the relative's preposition, whose antecedent is before
        start, end = antecedent[0].start(), antecedent[-1].end()
        if start > 0 and (self.text[start - 1].isalnum() or self.text[start - 1] in "'’"):
            return []  # a window that begins inside a word: not the whole subject
        i = bisect.bisect_left(self.entity_starts, end)
        if any(e.end > start for e in self.entities[max(0, i - _GENDER_LOOKBACK) : i]):
            return []  # "Lorand, who met X, said": a name before the relative, or around its words
        return antecedent

    def _subject_unnamed(self, antecedent: Span, cue: re.Match[str]) -> bool:
        """Whether the verb ``cue`` that shares the subject of the clause before it ("..., and
        said") has one of its own sentence that is no person and no pronoun, in a language that
        names its subjects ("The police held the roads and said": not a person named in an
        earlier sentence)."""
        if self.grammar.words.drops_subject:
            return False
        opens = self.sentence_starts[max(0, bisect.bisect_right(self.sentence_starts, cue.start()) - 1)]
        if antecedent.start >= opens:
            return False
        words = WORD.findall(self.text, opens, cue.start())
        return bool(words) and not any(
            self.grammar.pronouns.fullmatch(word) or self.grammar.group_pronouns.fullmatch(word)
            for word in words
        )

    def _beside_subject(self, entity: Span, words: list[re.Match[str]], cue: re.Match[str]) -> bool:
        """Whether ``entity``, in the words before the verb ``cue`` that name its subject
        (``words``), is only beside it: a person who owns the subject ("One veteran of Margaret
        Thatcher's cabinet said"), or a name before the antecedent of a relative clause ("a
        Justice Department investigation into payments to two women who say")."""
        if (
            entity.label == "PER"
            and entity.end < words[-1].start()
            and (
                _POSSESSIVE.match(self.text, entity.end)
                or POSSESSIVE_END.search(self.text, entity.start, entity.end)
            )
        ):
            return True
        relative = WORD.search(self.text, words[-1].end(), cue.start())
        return (
            # English only: news in other languages lets a relative follow an aside ("Jacek Sasin
            # – znany też jako ... – w rozmowie z Polskim Radiem który zapewnił")
            not self.grammar.words.inverts
            and relative is not None
            and lower(relative.group()) in self.grammar.words.relatives
            and entity.end <= words[0].start()
            # not the name that the antecedent is an apposition of ("Douglas Haig, an Arizona man who says")
            and bool(self.text[entity.end : words[0].start()].strip(" ,"))
        )

    def _after_preposition(self, entity: Span, cue: re.Match[str]) -> bool:
        """Whether ``entity`` follows the verb ``cue`` right after a preposition of a language
        that leaves subjects out, or a preposition and a medium's noun ("powiedziała w rozmowie
        z PAP", "powiedział na antenie Radia X"): where or to whom, not who; or after a
        preposition of what is spoken of ("пишут журналисты о X")."""
        w = self.grammar.words
        if entity.start < cue.end() or not w.drops_subject:
            return False
        before = [lower(word.group()) for word in WORD.finditer(self.text, cue.end(), entity.start)]
        return bool(before) and (
            before[-1] in w.prepositions
            or before[-1] in w.topic_prepositions
            or before[-1] in w.listener_prepositions
            or (len(before) > 1 and before[-1] in w.medium_nouns and before[-2] in w.prepositions)
        )

    def _participle_next(self, position: int, hi: int) -> bool:
        """Whether the first word after ``position`` is a participle ("adding", "pedindo",
        "добавив"): a clause of the speaker's own, not the speaker."""
        word = WORD.search(self.text, position, hi)
        if word is None:
            return False
        text = word.group()
        return lower(text) in self.grammar.words.participles or (text.islower() and text.endswith("ndo"))

    def _quoted_name_end(self, position: int, hi: int) -> int | None:
        """Where the name in marks that opens at ``position`` ends (after its closing mark): a
        few words, the first capitalised, closed before ``hi``; None if none opens there."""
        closers = PAIRS.get(self.text[position], "")
        close = min((c for c in (self.text.find(m, position + 1, hi) for m in closers) if c >= 0), default=-1)
        name = self.text[position + 1 : close]
        if close < 0 or not name[:1].isupper() or not 0 < len(name.split()) <= _QUOTED_NAME_WORDS:
            return None
        return close + 1

    def _before_object(self, position: int, hi: int) -> int:
        """Where the one told begins after a speech verb at ``position``, in a language whose
        articles show it ("sagte die Sprecherin dem Sender": not the speaker), else ``hi``."""
        articles = self.grammar.words.object_articles
        if articles:
            for word in WORD.finditer(self.text, position, hi):
                if lower(word.group()) in articles:
                    return word.start()
        return hi

    def _opens_its_clause(self, lo: int, cue: re.Match[str]) -> bool:
        """Whether no word of its clause stands before the verb ``cue`` (within ``text[lo:]``)."""
        breaks = [m.end() for m in _CLAUSE_BREAK.finditer(self.text, lo, cue.start())]
        return WORD.search(self.text, breaks[-1] if breaks else lo, cue.start()) is None

    def _after_break(self, lo: int, cue: re.Match[str]) -> bool:
        """Whether a clause break stands right before ``cue`` (", saying"), no word between."""
        breaks = [m.end() for m in _CLAUSE_BREAK.finditer(self.text, lo, cue.start())]
        return bool(breaks) and not self.text[breaks[-1] : cue.start()].strip()

    def _participle_subject(self, lo: int, cue: re.Match[str]) -> Speaker:
        """Who a participle after a comma reports for ("X rejected the claims, saying ..."): the
        person, organisation or pronoun that opens the clause it follows (a person before an
        organisation in the title before the name: "NATO Secretary General X"); never the words
        next to it, never one inside a phrase of a preposition ("Opposition to the EU ..., the
        remainder saying"); no one when none fits."""
        text, verb = self.text, cue.group()
        prepositions = self.grammar.words.prepositions
        candidates: list[tuple[int, int]] = []  # (start, end) of names and pronouns
        for i in range(bisect.bisect_left(self.entity_starts, lo), len(self.entities)):
            entity = self.entities[i]
            if entity.start >= cue.start():
                break
            if entity.label in ("PER", "ORG") and not self._medium(entity) and not self._oblique(entity):
                candidates.append((entity.start, entity.end))
        candidates += [
            (w.start(), w.end())
            for w in WORD.finditer(text, lo, cue.start())
            if self.grammar.pronouns.fullmatch(w.group())
        ]
        fits = []
        for start, end in sorted(candidates):
            if self._inside_quote(start):
                continue  # '... que « Trump n’a pas ... », ajoutant' : not Trump
            clause = [m.end() for m in _CLAUSE_BREAK.finditer(text, lo, start)]
            lead = WORD.findall(text, clause[-1] if clause else lo, start)
            if len(lead) <= _SUBJECT_LEAD_WORDS and not any(lower(w) in prepositions for w in lead):
                fits.append((start, end))
        if not fits:
            return self._speaker(cue.start(), cue.end(), "none", verb)
        people = [f for f in fits if (e := self._entity_at(*f)) is not None and e.label == "PER"]
        return self._subject_at(*(people or fits)[0], verb)

    def _oblique(self, entity: Span) -> bool:
        """Whether a person's name is in a case that no subject takes: its words differ from its
        nominative form ("к позиции Виктора Мироненко подошел Y, назвав ...": Y speaks), in a
        language whose recogniser gives that form."""
        return (
            self.grammar.words.nominative_normals
            and entity.label == "PER"
            and self._normal(entity).lower() != entity.text_in(self.doc).lower()
        )

    def _beside_participle(self, lo: int, hi: int, cue: re.Match[str]) -> Speaker:
        """Who a participle right after words reports for: a person, an organisation or a
        pronoun at most two words before it, in its clause ("with HMRC saying", "she has been
        saying"); no one otherwise ("his administration…saying", "and can be heard saying")."""
        words = list(WORD.finditer(self.text, lo, cue.start()))
        # "Bagheri is quoted as saying": the one quoted, before the passive
        w = self.grammar.words
        for phrase in w.quoted_as:
            parts = phrase.split()
            if [lower(word.group()) for word in words[-len(parts) :]] == parts:
                words = words[: -len(parts)]
                while words and lower(words[-1].group()) in (*w.passives, *w.clause_auxiliaries):
                    words = words[:-1]
                break
        words = words[-3:]
        breaks = [m.end() for m in _CLAUSE_BREAK.finditer(self.text, lo, cue.start())]
        for word in words:
            if breaks and word.start() < breaks[-1]:
                continue
            entity = self._nearest_entity(word.start(), cue.start(), cue.start())
            if entity is not None and entity.label in ("PER", "ORG") and entity.start >= word.start():
                if entity.label != "PER" and self._qualifies_noun(entity, words):
                    # "with one Treasury source saying": the source, whom the body only qualifies
                    return self._speaker(words[0].start(), words[-1].end(), "phrase", cue.group())
                return self._of_entity(entity, cue.group())
            if self.grammar.pronouns.fullmatch(word.group()):
                return self._subject_at(word.start(), word.end(), cue.group())
        return self._speaker(cue.start(), cue.end(), "none", cue.group())

    def _quoted_object(self, words: list[re.Match[str]], cue: re.Match[str]) -> Speaker | None:
        """The one quoted in "Reuters quoted X as saying", "the paper cited two sources as
        saying": the object of a quoting verb before "as" and the participle ``cue`` (``words``
        are the words before it); the entity that ends it, else the phrase. Where a preposition
        follows the verb ("X was quoted by the agency as saying"), the passive's subject. None
        where no such verb stands within a few words before "as"."""
        w = self.grammar.words
        if len(words) >= 3 and "," in self.text[words[-2].end() : words[-1].start()]:
            # "quoted Elena Varga, a member of the team, as saying": the apposition describes her
            opening = self.text.rfind(",", words[0].start(), words[-2].end())
            kept = [word for word in words[:-1] if word.end() <= opening]
            if opening >= 0 and len(words) - 1 - len(kept) <= APPOSITION_WORDS:
                words = [*kept, words[-1]]
        if not w.quoting or len(words) < 3 or lower(words[-1].group()) not in w.as_words:
            return None
        for i in range(len(words) - 2, max(-1, len(words) - 2 - _QUOTED_OBJECT_WORDS), -1):
            if lower(words[i].group()) in w.quoting:
                break
        else:
            return None
        object_words = words[i + 1 : -1]
        while object_words and w.is_adverb(lower(object_words[-1].group())):
            object_words.pop()  # "quoted X earlier as saying"
        if object_words and lower(object_words[0].group()) in w.prepositions:
            # "X was quoted by the agency as saying": the passive's subject, before its auxiliaries
            subject = words[:i]
            while subject and lower(subject[-1].group()) in (*w.passives, *w.clause_auxiliaries):
                subject.pop()
            if len(subject) == i or not subject:
                return None  # no auxiliary before the verb, so no passive; or no subject
            last = subject[-1]
            if self.grammar.pronouns.fullmatch(last.group()):
                return self._subject_at(last.start(), last.end(), cue.group())
            named = self._nearest_entity(subject[0].start(), last.end(), last.end())
            if named is not None and named.end == last.end():
                return self._of_entity(named, cue.group())
            # "A guest was quoted in the paper as saying": the phrase
            words_before = self._before_verb(subject)
            if not words_before:
                return None
            return self._speaker(words_before[0].start(), words_before[-1].end(), "phrase", cue.group())
        if not object_words:
            return None
        lo, hi = object_words[0].start(), object_words[-1].end()
        entity = self._nearest_entity(lo, hi, hi)
        if entity is not None and entity.label in ("PER", "ORG") and entity.end == hi:
            return self._of_entity(entity, cue.group())
        return self._speaker(lo, hi, "phrase", cue.group())  # "a senior Norda official": not Norda

    def _quoted_words(self, entity: Span) -> bool:
        """Whether ``entity`` is among the words of a quote, which are what was said, not who
        said it; a quote of a few words may be a name, a verb's subject ('„Gazette” nazwał',
        '«Газпром» сообщил', 'a „The New Yorker” zauważył')."""
        i = bisect.bisect_right(self.quoted, (entity.start, len(self.text))) - 1
        if i < 0 or not self.quoted[i][0] < entity.start < self.quoted[i][1]:
            return False
        opening, closing = self.quoted[i]
        return len(self.text[opening + 1 : closing].split()) > _QUOTED_NAME_WORDS

    def _inside_quote(self, position: int) -> bool:
        """Whether ``position`` lies inside a direct quote."""
        i = bisect.bisect_right(self.quoted, (position, len(self.text))) - 1
        return i >= 0 and self.quoted[i][0] < position < self.quoted[i][1]

    def _subject_at(self, start: int, end: int, verb: str) -> Speaker:
        """The entity or the pronoun at ``text[start:end]`` as the speaker."""
        entity = self._entity_at(start, end)
        if entity is not None:
            return self._of_entity(entity, verb)
        word = self.text[start:end]
        antecedent = self._last_person_before(start, self.grammar.gender_of(word))
        return self._speaker(
            start, end, "pronoun", verb, None if antecedent is None else self._normal(antecedent)
        )

    def _pronoun(self, words: list[re.Match[str]], cue: re.Match[str], hi: int) -> re.Match[str] | None:
        """A pronoun that is (or stands for) the subject: among the speaker's words or the verb's
        ("his spokesman said", "a-t-il déclaré"), or right after the verb ("sagte er", "dit-il")."""
        before = [word for word in words if word.start() < cue.start()]
        for i, word in enumerate([*before, *WORD.finditer(self.text, cue.start(), cue.end())]):
            if self.grammar.person_words.fullmatch(word.group()) and not self._owner_of_another(before, i):
                return word
        at = cue.end()
        for _ in range(3):  # past an adverb or two: "каза още той"
            following = WORD.search(self.text, at, hi)
            if following is None or self.text[at : following.start()].strip(" -"):
                return None
            if self.grammar.pronouns.fullmatch(following.group()):
                return following
            if not self.grammar.words.is_adverb(lower(following.group())):
                return None
            at = following.end()
        return None

    def _owner_of_another(self, words: list[re.Match[str]], i: int) -> bool:
        """Whether ``words[i]`` is an English possessive before a noun of someone who speaks for
        himself ("Her brother said", "his wife said"), not for the owner ("his spokesman
        said", "her lawyer told")."""
        if self.language != "en" or i + 1 >= len(words):
            return False
        if lower(words[i].group()) not in self.grammar.words.possessives:
            return False
        return lower(words[i + 1].group()) not in _PROXY_NOUNS

    def _document_phrase(self, words: list[re.Match[str]], side: str, verb: str) -> Speaker | None:
        """A document as the subject of the verb: 'the report said', 'said the statement'.

        An impersonal verb's source may stand anywhere next to it, in any case: "В заявлении МИД
        говорится", "говорится в документе", "Im Bericht heißt es".
        """
        if not words or side == "far":
            return None
        particles = self.grammar.words.impersonal_particles
        # "Nel documento si sottolinea che ...": a reflexive "si" makes any verb impersonal
        impersonal = lower(verb) in self.grammar.impersonal or (
            side == "before" and lower(words[-1].group()) in particles
        )
        if side == "after":
            if not impersonal and lower(words[0].group()) in self.grammar.words.prepositions:
                return None  # 'X, co-lead at Y, said in the statement': where, not who
            lo, hi = words[0].start(), words[-1].end()
            if not impersonal and any(lo <= p.start and p.end <= hi for p in self.persons):
                return None  # '..., каза в изявление Мария Колева': the person, in a statement
            if any(self._is_document(word, subject=not impersonal) for word in words[:3]):
                return self._speaker(words[0].start(), words[-1].end(), "document", verb)
            return None
        # 'the (ministry's latest) report said', not 'the source familiar with the report said'
        if (
            self._is_document(words[-1], subject=True)
            and len(self.text[words[0].start() : words[-1].end()].split()) <= 5
        ):
            return self._speaker(words[0].start(), words[-1].end(), "document", verb)
        if impersonal:
            named = words[:-1] if lower(words[-1].group()) in particles else words
            for word in named:
                if self._is_document(word):
                    return self._speaker(word.start(), named[-1].end(), "document", verb)
        return None

    def _named(self, lo: int, hi: int, cue: str, title: bool = False) -> Speaker:
        """The source named in ``text[lo:hi]`` after a lead ``cue`` ("according to <X>"): a
        document, an entity, a pronoun, or the words themselves; ``none`` when a lead that only
        names documents ("zgodnie z", "как следует из") names something else. ``title``: the
        words may be a title ("the director of the FSB"), which an organisation in it does not
        replace."""
        lo, hi = trim(self.text, lo, hi)
        if hi - lo > 2 and self.text[lo] in DOUBLE_MARKS and self.text[hi - 1] in DOUBLE_MARKS:
            lo, hi = lo + 1, hi - 1  # a name in quotation marks: 'пише "Outlet"'
        verb = self.grammar.verbs.match(self.text, lo, hi)
        if verb is not None and self.text[verb.end() : hi].strip():
            # "Segundo observou a ministra, ...", "Según explicó el ministro": the verb's subject
            lo, hi = trim(self.text, verb.end(), hi)
        words = list(WORD.finditer(self.text, lo, hi))
        person = cue in self.grammar.speaker_leads  # "по словам X": X speaks, whatever X is
        document = next((word for word in words[:4] if not person and self._is_document(word)), None)
        if document is not None:
            return self._speaker(lo, hi, "document", cue, self._issuer(document.end(), hi))
        if cue in self.grammar.document_leads:
            return self._speaker(lo, hi, "none", cue)
        entity = self._speaking_entity(lo, hi, lo, words) if title else self._nearest_entity(lo, hi, lo)
        if entity is not None:
            return self._of_entity(entity, cue)
        if len(words) == 1 and self.grammar.person_words.fullmatch(words[0].group()):
            antecedent = self._last_person_before(lo, self.grammar.gender_of(words[0].group()))
            if antecedent is not None:
                return self._speaker(lo, hi, "pronoun", cue, self._normal(antecedent))
        how = "group" if _names_no_one(self.grammar, [w.group() for w in words]) else "phrase"
        return self._speaker(lo, hi, how, cue)

    def _issuer(self, lo: int, hi: int) -> str | None:
        """Who issued a document, in the words after its noun (``text[lo:hi]``): the person or
        organisation named there ("a report by the European Commission"), or the one named
        before by what the words call it ("einer Mitteilung des Verbandes" after "der
        Bundesverband der Deutschen Industrie"); None where they name no one."""
        entity = self._nearest_entity(lo, hi, lo)
        w = self.grammar.words
        clause_words = set(w.connectives) - set(w.genitive_links)
        between = [] if entity is None else WORD.findall(self.text, lo, entity.start)
        if (
            entity is not None
            and len(between) <= _ISSUER_LINK_WORDS
            and not clause_words & {lower(b) for b in between}
        ):
            # "a report by X", "доклада Министерства"; not "un rapport dont Der Spiegel publie"
            return self._normal(entity)
        words = list(WORD.finditer(self.text, lo, hi))
        if not 1 <= len(words) <= 3:
            return None
        start = words[-1].start() if len(words) > 1 else words[0].start()
        named = self._named_by_kind(Speaker(start, hi, self.text[start:hi], "phrase", None, ""))
        return named.entity

    def _as_said(self, lo: int, hi: int) -> Speaker | None:
        """The speaker in "As <the minister said>," / "Как <заявил министр>,": ``text[lo:hi]``
        holds a speech verb with its subject before it (and at most two words after) or after it."""
        cue = self.grammar.as_verbs.search(self.text, lo, hi)
        if cue is None or cue.group().lower() in self.grammar.words.not_after_as:
            return None
        before, after = self.text[lo : cue.start()], self.text[cue.end() : hi]
        last_before = WORD.findall(before)[-1:]
        if last_before and lower(last_before[0]) in self.grammar.words.noun_markers:
            return None  # "As per reports, ...": a noun, no verb
        if all(self.grammar.words.is_adverb(lower(word)) for word in WORD.findall(before)):
            before = ""  # "as officially claimed,": no one named
        if before.strip() and len(after.split()) <= 2:
            start, end = trim(self.text, lo, cue.start())
            if self.language == "de":
                end = self._before_listener_and_day(start, end)
        elif not before.strip() and not after.strip() and self.grammar.words.drops_subject:
            # "Jak sam kiedyś powiedział, ...": the subject left out, the last person named,
            # unless one unnamed spoke since ("..., zauważa gazeta. Jak ocenia, ...")
            antecedent = self._last_person_before(cue.start(), self.grammar.gender_of_verb(cue.group()))
            if antecedent is None or self._spoke_since(antecedent, cue.start()):
                return None
            return self._speaker(cue.start(), cue.end(), "pronoun", cue.group(), self._normal(antecedent))
        elif not before.strip() and after.strip():
            start, end = trim(self.text, cue.end(), hi)
            # "Come ha detto ieri il ministro": when, then who
            while (
                (first_word := WORD.search(self.text, start, end)) is not None
                and self.grammar.words.is_adverb(lower(first_word.group()))
                and WORD.search(self.text, first_word.end(), end) is not None
            ):
                start = trim(self.text, first_word.end(), end)[0]
            first = lower(self.text[start:end].split()[0])
            where = list(WORD.finditer(self.text, start, end))
            later = self._subject_after_where(where)
            if first in self.grammar.words.prepositions and self.grammar.words.drops_subject and later:
                start = where[later].start()  # "Come ha detto al Corriere Elena Varga": after where
            elif first in self.grammar.words.prepositions and self.grammar.words.drops_subject:
                # "Jak napisał w komentarzu dla PAP, ...": where; the subject was left out
                verb = cue.group()
                antecedent = self._last_person_before(cue.start(), self.grammar.gender_of_verb(verb))
                if antecedent is None:
                    return None
                return self._speaker(cue.start(), cue.end(), "pronoun", verb, self._normal(antecedent))
            elif first in self.grammar.words.prepositions and (
                rest := WORD.search(self.text, start + len(first), end)
            ):
                if lower(rest.group()) in ANY_MONTH or lower(rest.group()) in ANY_WEEKDAY:
                    return None  # "As reported in March, ...": when, not by whom
                start = rest.start()  # "As reported in the Independent, ...": the Independent
            elif first in self.grammar.words.body_prepositions and (
                body := self._entity_at(start + len(first), end)
            ):
                start = body.start  # "Как заявили в Кремле, ...": the Kremlin
        else:
            return None
        words = self.text[start:end].lower().split()
        # A title with the name set off after it ("the director of ..., Klara Brandt,") is longer.
        most = _AS_SUBJECT_WORDS_WITH_NAME if "," in self.text[start:end] else _AS_SUBJECT_WORDS
        if len(words) > most or any(word in self.grammar.words.as_without_speaker for word in words):
            return None
        return self._named(start, end, cue.group(), title=True)

    def _before_listener_and_day(self, start: int, end: int) -> int:
        """Where the subject of a German verb at the end of its clause ends, before the day and
        the organisation told that follow it ("wie eine Werkssprecherin Radio Norda am Montag
        mitteilte": "eine Werkssprecherin"): an organisation right after a noun, with no article
        or preposition before it, is the dative of one told."""
        words = list(WORD.finditer(self.text, start, end))
        whole = len(words)
        if len(words) >= 3 and lower(words[-1].group()) in ANY_WEEKDAY:
            words = words[: -2 if words[-2].group().islower() else -1]  # "am Freitag"
        i = bisect.bisect_right(self.entity_starts, words[-1].start()) - 1 if len(words) >= 3 else -1
        told = self.entities[i] if i >= 0 and self.entities[i].end == words[-1].end() else None
        if told is not None and told.label == "ORG":
            subject = [word for word in words if word.end() <= told.start]
            if len(subject) >= 2 and lower(subject[-1].group()) not in function_words_of(self.language):
                words = subject
        # the subject as it was where nothing was cut ('wie „Norda Post“ schreibt': its marks)
        return words[-1].end() if words and len(words) < whole else end

    def _speaker_line(self, start: int, end: int, quoted: bool) -> Speaker | None:
        """The speaker of a line "Name, title" (the colon cut off), or None if it is not one.
        ``quoted``: what the line introduces is in quotation marks.

        The name is what comes before the first comma or dash: a person entity, perhaps after a
        capitalised title ("Foreign Minister Sergei Lavrov"), or two to four capitalised words
        ("Maria Zorina", "Ursula von der Leyen") followed by a title or by a quotation: without
        them, form labels ("Arrest Information:") would pass. One capitalised word alone needs
        an entity ("Update:", "Photo:"). A line with digits (a byline and its date) or with a
        speech verb (it introduces a quote the usual way) is no speaker line.
        """
        line = self.text[start:end]
        if len(line.split()) > 14 or any(c.isdigit() for c in line) or self.grammar.verbs.search(line):
            return None
        cut = re.search(r"[,(—–]", line)
        name_start, name_end = trim(self.text, start, start + cut.start() if cut else end)
        tokens = self.text[name_start:name_end].split()
        if not 1 <= len(tokens) <= 6:
            return None
        person = self._last_person_before(name_end)
        if person is not None and person.start >= name_start:
            if person.end == name_end and all(
                t[:1].isupper() for t in self.text[name_start : person.start].split()
            ):
                return self._of_entity(person, ":")
            return None
        if (
            len(tokens) > 4
            or not (quoted or cut)
            or all(t.isupper() for t in tokens)
            or sum(t[:1].isupper() for t in tokens) < 2
            or any(not t[:1].isupper() and t.lower() not in NAME_PARTICLES for t in tokens)
            or any(not (c.isalpha() or c in "-.'’") for t in tokens for c in t)
        ):
            return None
        return self._speaker(name_start, name_end, "phrase", ":")

    def link(self, speaker: Speaker | None) -> Speaker | None:
        """Link a speaker to the fullest name of the same person ("Koval" -> "Irina Koval"; a
        first name alone to the entity analyzer's person: "Patrick" -> "Patrick Hale"), or a
        phrase to the organisation it calls by its kind ("the ministry" -> "Foreign Ministry")."""
        if speaker is None or speaker.how == "document":
            return speaker
        key = (speaker.entity or speaker.text).split()[-1:]
        if not key:
            return speaker
        fullest = self.fullest.get(key[0].lower())
        if fullest is not None and self._other_given_name(speaker.entity or speaker.text, fullest):
            return speaker  # "Jim Steinle" is no "Kate Steinle", though they share a surname
        if speaker.how != "phrase" and fullest in (None, speaker.entity):
            fullest = self.person_of.get(speaker.entity or "", fullest)
        if fullest is None:
            if speaker.how != "phrase":
                return speaker
            place = self._place_speaking(speaker)
            if place is not None:
                return place
            named = self._named_by_kind(speaker)
            return self._described_one(speaker) if named is speaker else named
        how = speaker.how if speaker.how in ("entity", "pronoun") else "name"
        return Speaker(speaker.start, speaker.end, speaker.text, how, fullest, speaker.cue)

    def _place_speaking(self, speaker: Speaker) -> Speaker | None:
        """The place that a phrase speaker is, with an article before it at most ("Russia said",
        "A Rússia diz", "Moscovo advertiu"): a country or a city that GeoNames knows (the entity's
        ``place``), which speaks for its government, linked as the place entity; None for any
        other phrase ("officials in Kyiv"), and after a naming verb, whose quote of a place's is
        the author's ('Brussels spoke of “values”')."""
        if self.grammar.naming_verbs.fullmatch(speaker.cue) is not None:
            return None
        i = bisect.bisect_right(self.any_entity_starts, speaker.end) - 1
        while i >= 0 and self.any_entities[i].end > speaker.end:
            i -= 1
        if i < 0:
            return None
        place = self.any_entities[i]
        if place.label != "LOC" or place.end != speaker.end or place.start < speaker.start:
            return None
        if not place.attrs.get("place"):
            return None  # no country or city that GeoNames knows: often a name taken for one ("said Hill")
        if self._first_names is None:
            # once per document, not per speaker: a long document holds thousands of persons
            self._first_names = frozenset(self.text[p.start : p.end].split()[0] for p in self.persons)
        if place.text_in(self.doc) in self._first_names:
            return None  # a person's given name that a recogniser took for a city ("Trenton" of "Trenton X")
        before = WORD.findall(self.text, speaker.start, place.start)
        if len(before) > 1 or (before and lower(before[0]) not in _PLACE_ARTICLES.get(self.language, ())):
            return None
        return Speaker(speaker.start, speaker.end, speaker.text, "entity", self._normal(place), speaker.cue)

    def _described_one(self, speaker: Speaker) -> Speaker:
        """The one person named in the sentence before ``speaker``'s, or in its own before it,
        outside quotes, that a definite description of a person stands for ("For Vera Lorand, a
        social worker, it was a long day. “...,” the Democrat said"; "laut Hans Albers ...
        „...“, erklärt der Experte"); the phrase itself where none or several are named."""
        w = self.grammar.words
        words = speaker.text.split()
        if not w.definite_articles:
            words = ["", *words]  # "политолог", "по словам эксперта": no article to look for
        if (
            len(words) != 2
            or lower(words[0]) not in (*w.definite_articles, "")
            or lower(words[1]) not in w.person_nouns
            or lower(words[1]) in w.unnamed_nouns
        ):
            return speaker
        noun = lower(words[1])
        # "the spokeswoman", "die Expertin": not a man the article calls "he"
        gender = (
            "woman"
            if noun.endswith(("woman", "mother")) or (self.language == "de" and noun.endswith("in"))
            else "man"
            if noun.endswith(("man", "father"))
            else None
        )
        i = bisect.bisect_right(self.sentence_starts, speaker.start) - 1
        lo = self.sentence_starts[i - 1] if i > 0 else 0
        first, last = (
            bisect.bisect_right(self.person_ends, lo),
            bisect.bisect_left(self.person_ends, speaker.start),
        )
        named = {
            self._normal(p)
            for p in self.persons[first:last]
            if p.start >= lo and not self._inside_quote(p.start) and self._fits(p, gender)
        }
        if len(named) != 1:
            return speaker
        (name,) = named
        name = self.fullest.get(name.split()[-1].lower(), name) if name.split() else name
        return Speaker(speaker.start, speaker.end, speaker.text, "name", name, speaker.cue)

    def _other_given_name(self, name: str, fullest: str) -> bool:
        """Whether ``name`` has a given name that ``fullest`` lacks ("Jim Steinle", "Kate
        Steinle"): a capitalised word of three letters or more that is no initial and no title
        ("M. Poutine", "Herr Sikorski", "Dr Afelt" and "la Voeneky" are Poutine, Sikorski, ...)."""
        w = self.grammar.words
        titles = {lower(t) for t in w.woman.titles + w.man.titles}
        known = set(fullest.lower().split())
        return any(
            word[:1].isupper()
            and len(word) >= 3
            and not word.endswith(".")
            and lower(word) not in titles
            and word.lower() not in known
            for word in name.split()[:-1]
        )

    def _named_by_kind(self, speaker: Speaker) -> Speaker:
        """The person or organisation named before ``speaker`` by the phrase's noun, the nearest
        one ("The ministry added" after "Russia's Foreign Ministry said", "das Ministerium" after
        "das Verteidigungsministerium", "le syndicat" after "La FNSEA, principal syndicat
        agricole", "the minister" after "Defence Minister X", "Minister" after "X, minister of
        ..."); the phrase itself if none is.

        News names a person or an organisation once in full and then by what it is; without
        this, their later statements would count as no one's. The noun is looked for in an
        organisation's name, and in the words that introduce either (a title before the name,
        an apposition after it). Only a bare noun is read so, alone or after a short word
        ("the", "l'", "в"), in lower case where the language writes nouns so (a capital word
        there is a name: "The United"): "the ministry's spokeswoman" is a title, and in "la
        présidence palestinienne" the last word is no noun.
        """
        words = WORD.findall(speaker.text)
        if _POSSESSIVE_INSIDE.search(speaker.text):
            return speaker  # "Campbell's attorney" is not the attorney general named before
        if not 1 <= len(words) <= 3:
            return self._described(speaker)
        # a capitalised word inside a sentence is a name: only a name that holds it ("Cecil" of
        # "Guy Cecil"), not one whose title or apposition does ('..., пише Bloomberg' is not the
        # president named before it with "пише Bloomberg" after his name)
        name_only = (
            len(words) == 1
            and words[0][:1].isupper()
            and self.language != "de"
            and not self._at_sentence_start(speaker.start)
        )
        person_only = False
        if len(words) == 2 and words[0][0].islower() and words[1][0].isupper() and self.language != "de":
            # a title and the organisation it is of ("секретарь Совбеза", "rzecznik Kremla"): a person
            head, person_only = words[0].lower(), True
        elif len(words) > 1 and (len(words[-2]) > 3 or (words[-1][0].isupper() and self.language != "de")):
            return self._described(speaker)
        else:
            head = words[-1].lower()
        if len(head) < _KIND_LETTERS:  # not "When", "Iran"
            return speaker
        # a plural names a group, never one person ("Police said" after "police officer X";
        # "Officers said")
        group = head in self.grammar.words.group_nouns or any(
            head.endswith(e) for e in self.grammar.words.plural_endings
        )
        kinds = self._kinds()
        # Bulgarian writes the article on the noun: "ученият" after "учен д-р X"
        bare = _BULGARIAN_ARTICLE.sub("", head) if self.language == "bg" else head
        # Only the entities indexed under the noun's first letters (an inflection shares them)
        # or under it as a word's ending (a compound): a look-up, not a scan of every entity
        # before each quote.
        # ... and under it without an inflection's ending, as a compound's end ("Verbandes",
        # "Bundesverband")
        endings = ["-" + stem for stem in _stems(head)]
        found = {
            *self._kind_index.get(head[:_KIND_LETTERS], ()),
            *(i for e in endings for i in self._kind_index.get(e, ())),
        }
        if len(bare) < _KIND_LETTERS <= len(head):  # a short noun, too short for the index
            nearest = bisect.bisect_left(self.entity_starts, speaker.start)
            found.update(range(max(0, nearest - _SHORT_NOUN_LOOKBACK), nearest))
        matches = []  # nearest first
        for index in sorted(found, reverse=True):
            entity = self.entities[index]
            if entity.end > speaker.start or (person_only and entity.label != "PER"):
                continue
            if group and entity.label == "PER":
                continue
            if name_only and not any(_same_noun(head, w) for w in WORD.findall(lower(self._normal(entity)))):
                continue
            if any(_same_noun(head, word) or word == bare for word in kinds[index]) and (
                # ... and of the same organisation: "глава ОП" is not the "глава государства"
                not person_only or any(_same_body(lower(words[1]), word) for word in kinds[index])
            ):
                matches.append(entity)
        # "The ministry said" after "the Foreign Ministry" and "ministry spokeswoman Irina
        # Koval": the organisation whose name has the noun, not a person whose title has it
        by_name = (
            e
            for e in matches
            if e.label == "ORG"
            and any(_same_noun(head, w) for w in WORD.findall(lower(self._normal(e))))
            and not self._title_of_person(e)
        )
        entity = next(by_name, None) or next(iter(matches), None)
        if entity is None:
            return speaker
        return Speaker(speaker.start, speaker.end, speaker.text, "name", self._normal(entity), speaker.cue)

    def _at_sentence_start(self, position: int) -> bool:
        """Whether only quotation marks, dashes and spaces stand between the start of the
        sentence of ``position`` and it."""
        i = bisect.bisect_right(self.sentence_starts, position) - 1
        start = self.sentence_starts[i] if i >= 0 else 0
        return not self.text[start:position].strip(" \t\n–—-:" + MARK_CHARS)

    def _title_of_person(self, entity: Span) -> bool:
        """Whether ``entity`` is a person's title that the recogniser took for an organisation,
        right before the name ("Le ministre des Armées Jean-Luc Maréchal")."""
        i = bisect.bisect_right(self.entity_starts, entity.start)
        after = self.entities[i] if i < len(self.entities) else None
        return after is not None and after.label == "PER" and not self.text[entity.end : after.start].strip()

    def _described(self, speaker: Speaker) -> Speaker:
        """The person named before ``speaker`` with every word of its description, the nearest
        one ("the Real Time host" after "Real Time host Bill Maher", "the attorney general"
        after "Attorney General William Barr", "the country's agriculture minister" after
        "Agriculture Minister X"); the phrase itself if none is. The words that do not describe
        (an article, a possessor) are left out; two to three must remain, so that a bare noun
        stays with :meth:`_named_by_kind`."""
        w = self.grammar.words
        described = [
            lower(token.strip(".,"))
            for token in speaker.text.split()
            if lower(token) not in w.bare_clause_starts and not POSSESSIVE_END.search(token)
        ]
        if not 2 <= len(described) <= 3 or any(not WORD.fullmatch(word) for word in described):
            return speaker
        kinds = self._kinds()
        # "the attorney general" is not the "Deputy Attorney General"
        other_rank = set(w.rank_words) - set(described)
        for index in range(bisect.bisect_left(self.entity_starts, speaker.start) - 1, -1, -1):
            entity = self.entities[index]
            if (
                entity.label == "PER"
                and entity.end <= speaker.start
                and all(word in kinds[index] for word in described)
                and not other_rank & kinds[index]
            ):
                return Speaker(
                    speaker.start, speaker.end, speaker.text, "name", self._normal(entity), speaker.cue
                )
        return speaker

    def _kinds(self) -> list[frozenset[str]]:
        """Each entity's words of what it is (an organisation's name, the title or apposition
        that introduced it), in lower case, and the index from a word's first letters, and from
        each of its endings of six letters or more, to the entities that have it."""
        if self._kind_words is None:
            self._kind_words = []
            index = collections.defaultdict(list)
            for number, entity in enumerate(self.entities):
                named = WORD.findall(self._normal(entity)) if entity.label == "ORG" else []
                words = frozenset(w.lower() for w in [*named, *self._introduced_as(entity)])
                self._kind_words.append(words)
                for word in words:
                    if len(word) >= _KIND_LETTERS:
                        index[word[:_KIND_LETTERS]].append(number)
                    for cut in range(1, len(word) - 5):
                        index["-" + word[cut:]].append(number)
            self._kind_index = dict(index)
        return self._kind_words

    def _introduced_as(self, entity: Span) -> list[str]:
        """The words that say what ``entity`` is: up to four of an apposition after it (",
        principal syndicat agricole", ", minister infrastruktury"), and for a person the title
        right before the name ("Defence Minister", "le ministre des Armées", "секретарь Совета
        безопасности"): the capitalised and short words next to it and two others at most, a
        title and its complement ("my friend X"; not "Arkady wrote that" before a name)."""
        out: list[str] = []
        if entity.label == "PER":
            line_start = max(self.text.rfind("\n", 0, entity.start) + 1, entity.start - 200)
            # not past another name ("Director-General Tedros Ghebreyesus said Disease X"), unless
            # it is part of the title ("ministre des Armées Jean-Luc Maréchal")
            index = bisect.bisect_left(self.entity_starts, entity.start)
            previous = self.entities[index - 1] if index else None
            if (
                previous is not None
                and previous.end <= entity.start
                and self.text[previous.end : entity.start].strip()
            ):
                line_start = max(line_start, previous.end)
            before = re.split(r"[.!?;:,()«»“”„\"]", self.text[line_start : entity.start])[-1]
            common = 0  # words in lower case: a title and one genitive at most
            for word in reversed(WORD.findall(before)[-4:]):
                if lower(word) in self.grammar.words.not_in_titles:
                    break  # "a person close to X", "a source at X": no title of X's
                if out and out[-1][:1].islower() and lower(word) in _PLACE_PREPOSITIONS:
                    # "професор в института Макс Планк": a noun after a preposition names the
                    # place the name is in, and the words before it someone else's title
                    out.pop()
                    break
                out.append(word)
                common += not word[0].isupper() and len(word) > 3
                if common == 2:
                    break
        after = re.match(r"\s*,\s*([^,.;:!?()\n]+)", self.text[entity.end : entity.end + 120])
        # not an attribution after a comma: "..., the Kremlin, a witness said", "Kreml, uważa ekspertka"
        if after is not None and self.grammar.verbs.search(after.group(1)) is None:
            out += WORD.findall(after.group(1))[:4]
        return out

    def _plausible_source(self, cue: str, who: str) -> bool:
        """A lead that is also a common word (German "so") or a relayer's verb must be followed
        by a name or a noun phrase: ", so der Minister", not ", so schnell wie möglich"; ",
        пишет ТАСС", not ", пишет автор"."""
        if lower(cue) not in (*self.grammar.words.according_after, *self.grammar.words.relayers):
            return True
        words = who.strip(" " + DOUBLE_MARKS).split()
        return bool(words) and (words[0][:1].isupper() or (1 < len(words) <= 6 and words[1][:1].isupper()))


def pronoun_kind(speaker: str, language: str | None) -> str | None:
    """What a speaker phrase that links to no one is, when it is a pronoun of ``language``:
    ``group`` for one that stands for no one person ("they", "it", "we are" of "we are told"),
    ``pronoun`` for a person's ("he", with no one named before who fits), else None."""
    if language not in SPEECH_WORDS:
        return None
    words, rules = WORD.findall(speaker), grammar(str(language))
    if _names_no_one(rules, words):
        return "group"
    return "pronoun" if len(words) == 1 and rules.pronouns.fullmatch(words[0]) else None


# The articles that a country's name takes as a verb's subject ("the US", "os EUA", "les États-Unis")
_PLACE_ARTICLES = {
    "en": ("the",),
    "de": ("die", "der", "das"),
    "fr": ("la", "le", "les", "l"),
    "it": ("la", "il", "lo", "gli", "i", "l"),
    "es": ("el", "la", "los", "las"),
    "pt": ("o", "a", "os", "as"),
}
#: The fewest letters of a noun that names someone by what they are ("ministry", "Историк"):
#: shorter words ("When", "Iran") are too often something else. An inflection shares them.
_KIND_LETTERS = 5
# Prepositions of where someone works, between a title and an institution ("professor at the
# institute X", "професор в института Макс Планк"), in the languages covered.
_PLACE_PREPOSITIONS = frozenset(
    ["at", "in", "à", "au", "в", "во", "във", "у", "w", "we", "bei", "am", "im", "presso", "en", "em", "na", "no"]
)  # fmt: skip
# Infinitives by their endings, in lower case, where a verb leaves its subject out.
_INFINITIVE = {
    "pt": re.compile(r"[a-zà-ÿ]+(?:ar|er|ir|or)"),
    "es": re.compile(r"[a-zà-ÿ]+(?:ar|er|ir)"),
    "it": re.compile(r"[a-zà-ÿ]+(?:are|ere|ire)"),
}
_NOT_INFINITIVES = frozenset(["qualquer", "quaisquer", "cualquier", "mulher", "lugar", "par", "mar"])
# The prepositions (and articles) right before one who is spoken to, by language.
_ADDRESSEE = {
    "pt": re.compile(r"(?<![\w-])(?:à|ao|aos|às)\s+(?:agência\s+)?$", re.IGNORECASE),
    "es": re.compile(r"(?<![\w-])(?:a|al)\s+(?:la\s+agencia\s+)?$", re.IGNORECASE),
    "it": re.compile(r"(?<![\w-])(?:a|al|alla|allo|ai|agli|alle)\s+$|(?<![\w-])all['’]$", re.IGNORECASE),
    "fr": re.compile(r"(?<![\w-])(?:à|au|aux)\s+(?:l['’])?$", re.IGNORECASE),
}
# "Quoted by" right before a medium's name: it relayed the words, whoever said them.
# A verb after a comma and before a name, an article between at most ("..., riporta l'ANSA")
_RELAYER_BEFORE = re.compile(r",\s*(\w+)\s+(?:\w{1,3}['’]\s*|\w{1,3}\s+)?$")
_RELAYED = {
    "en": re.compile(r"(?<![\w-])(?:quoted|cited)\s+by\s+(?:the\s+)?$", re.IGNORECASE),
    "pt": re.compile(r"(?<![\w-])citad[oa]s?\s+(?:pel[oa]s?|por)\s+(?:agência\s+)?$", re.IGNORECASE),
    "es": re.compile(r"(?<![\w-])citad[oa]s?\s+por\s+(?:la\s+agencia\s+)?$", re.IGNORECASE),
    "it": re.compile(r"(?<![\w-])citat[oaie]\s+(?:da|dal|dalla|dall['’]\s*)\s*$", re.IGNORECASE),
    "fr": re.compile(r"(?<![\w-])cité(?:e|s|es)?\s+par\s+(?:l['’]|le\s+|la\s+)?$", re.IGNORECASE),
    # "cytowany przez PAP", and who asked: "pytany przez TVN o ..., odpowiedział"
    "pl": re.compile(r"(?<![\w-])(?:cytowan|pytan|zapytan)[yaie]\s+przez\s+$", re.IGNORECASE),
}
# How many entities back a noun too short for the index of kinds is looked for.
_SHORT_NOUN_LOOKBACK = 50
_ISSUER_LINK_WORDS = 3  # at most, between a document and its issuer ("a study conducted by X")
#: Letters of the endings that inflect a noun ("ministries", "министерства", "министерством").
_ENDING_LETTERS = frozenset("aeiouyäöüsаеёиоуыэюяйьмхіїєąęó")


# The definite article of a Bulgarian noun (or of a noun made of an adjective: "ученият").
_BULGARIAN_ARTICLE = re.compile(r"(?<=\w{3})(?:ият|ът|ят|та|то)$")


def _same_body(body: str, word: str) -> bool:
    """Whether ``word`` (lower case) of the title that introduced a person may name the
    organisation ``body`` of a later title: the same noun, or one that a short form begins as
    ("совбеза" of "Совета безопасности"); an abbreviation only as itself ("ОП")."""
    return _same_noun(body, word) or (len(body) > 3 and word[:3] == body[:3])


def _same_noun(kind: str, word: str) -> bool:
    """Whether ``word`` of a name is the noun ``kind`` (both lower case): the same word, an
    inflection of it (a shared stem of five letters at least, after which one of them has at
    most one letter left and the other at most three, all of endings: "ministries",
    "министерства"; not "minister" for "ministry", nor "истории" for "историк"), or a
    compound ending in it, perhaps inflected ("verteidigungsministerium", "verbandes" for
    "bundesverband")."""
    if kind == word:
        return True
    if any(len(stem) >= 6 and word.endswith(stem) for stem in _stems(kind)):
        return True
    shortest = min(len(kind), len(word))
    shared = next((n for n in range(shortest) if kind[n] != word[n]), shortest)
    tails = sorted((kind[shared:], word[shared:]), key=len)
    return (
        shared >= 5
        and len(tails[0]) <= 1
        and len(tails[1]) <= 3
        and all(letter in _ENDING_LETTERS for letter in tails[0] + tails[1])
    )


def _stems(noun: str) -> list[str]:
    """``noun`` and the word left without a genitive's "s" or "es" ("verbandes" -> "verband"):
    a compound inflected so still ends in its noun. Not a plural's ending ("епископы" is no
    "архиепископ": a group, not the person)."""
    ending = next((e for e in ("es", "s") if noun.endswith(e)), None)
    return [noun] if ending is None else [noun, noun[: -len(ending)]]


_COMMA_GAP = re.compile(r"\s*,?\s*")
# an apposition set off by commas, within its sentence and outside quotes
_APPOSITION_GAP = re.compile(r"\s*,[^,.;:!?\n«»“”\"„]{1,160},\s*")
_LETTERS = re.compile(r"[^\W\d_]+")


def _names_no_one(grammar: Grammar, words: Sequence[str]) -> bool:
    """Whether a phrase that names a speaker names no one: a group's pronoun ("they", "we"), with
    an auxiliary and adverbs at most ("Ich habe bereits darüber berichtet"), or a share of people
    that a poll found ("53 per cent of voters", "a majority of MPs")."""
    return (0 < len(words) <= 4 and grammar.group_pronouns.fullmatch(words[0]) is not None) or any(
        word in grammar.words.share_words for word in words
    )


def content_after(text: str, comma: int, end: int) -> int:
    """Where what a set-off attribution attributes begins: the first non-space after ``comma``."""
    return comma + 1 + len(text[comma + 1 : end]) - len(text[comma + 1 : end].lstrip())


def trim(text: str, start: int, end: int, strip: str | None = None) -> tuple[int, int]:
    """``start``/``end`` moved inwards past white space (or the characters ``strip``)."""
    piece = text[start:end]
    left = len(piece) - len(piece.lstrip(strip))
    right = len(piece.rstrip(strip))
    return (start + left, start + right) if right > left else (start, start)
