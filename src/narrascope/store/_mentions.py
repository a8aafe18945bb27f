"""Counting mentions across a corpus: one row per name, however the articles write it.

:func:`narrascope.store.queries.top_mentions` reads each span's text (its person, place or
normal form, else its own text) and hands the rows here. Texts count together when they are one
name (:mod:`narrascope.names`):

1. written alike: the same spelling key, in any script ("Vladimir Putin", "Владимир Путин";
   "Zelensky", "Zelenskyy");
2. a surname alone, in articles that name someone so, with the full name that the documents
   counted mostly give that surname (:data:`SURNAME_OWNER_SHARE`: "Putin" as "Vladimir Putin");
3. people's names in two words or more that sound alike, once the corpus writes that sound in
   two of the Latin, Cyrillic and Devanagari scripts ("Joe Biden", "Джо Байден", "जो बाइडेन"). The sound key is loose, so it
   never joins two names on its own within one script.

A row's text is the most frequent form of its name; ``also`` lists the other forms counted in
it, so that every merge shows. A document that names one person in several forms counts once.

:func:`names_span` is the other way round: given names, whether one span (an entity, or the
role cast on it) names any of them. The store registers it as the SQL function
``narrascope_names`` that the queries' ``mention`` filter calls.
"""

from __future__ import annotations

import functools
import itertools
import json
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence

from narrascope.names import sound_key, spelling_key, spelling_keys

__all__ = ["SURNAME_OWNER_SHARE", "names_span", "tally", "wanted_names"]

#: The share of a surname's full names across the documents counted that one name must hold
#: for the surname alone to count as it: "Putin" with "Vladimir Putin" beside a few "Vlad
#: Putin", but "Johnson" stays itself beside "Boris Johnson" and "Mike Johnson".
SURNAME_OWNER_SHARE = 0.8

Key = tuple[str, str]  # (label, spelling key)
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_LATIN = re.compile(r"[A-Za-z\u00c0-\u024f]")
_DEVANAGARI = re.compile(r"[\u0900-\u097f]")
_SCRIPTS = (_LATIN, _CYRILLIC, _DEVANAGARI)


@functools.lru_cache(maxsize=1 << 17)
def _word_sound(word: str) -> str:
    # Names share their last words: "Putin" is keyed once for every name ending in it.
    return sound_key(word)


def _surname(spelling: str) -> str:
    return _word_sound(spelling.rsplit(" ", 1)[-1])


class _Counts:
    """What one pass over the rows gathers: each text's occurrences, and per name (key) its
    documents and whether it is a person's. Texts are keyed in batches of documents
    (:func:`narrascope.names.spelling_keys` costs less on many names at once), and a document
    counts once per key, whichever of its texts name it."""

    BATCH = 2000  # documents

    def __init__(self) -> None:
        self.texts: dict[tuple[str, str], int] = {}  # (label, text) -> occurrences
        self.key_of: dict[tuple[str, str], Key] = {}
        self.documents: Counter[Key] = Counter()
        self.people: set[Key] = set()
        # Sets of one document's names that share a last word's sound: if they end up one
        # name, the document counted several times for it. Few documents have any.
        self.overlaps: Counter[frozenset[Key]] = Counter()
        self._unkeyed: list[tuple[str, str]] = []
        self._batch: list[tuple[set[tuple[str, str]], set[tuple[str, str]]]] = []

    def add(self, rows: Iterable[tuple[str, str, str, bool]]) -> None:
        texts, unkeyed = self.texts, self._unkeyed
        current: object = object()
        pairs: set[tuple[str, str]] = set()
        persons: set[tuple[str, str]] = set()
        for label, doc_id, raw, is_person in rows:
            if doc_id != current:
                self._end_document(pairs, persons)
                current, pairs, persons = doc_id, set(), set()
            text = " ".join(str(raw).split())
            if not text:
                continue
            pair = (label, text)
            n = texts.get(pair)
            if n is None:
                unkeyed.append(pair)
            texts[pair] = (n or 0) + 1
            pairs.add(pair)
            if is_person:
                persons.add(pair)
        self._end_document(pairs, persons)
        self._flush()

    def _end_document(self, pairs: set[tuple[str, str]], persons: set[tuple[str, str]]) -> None:
        if pairs:
            self._batch.append((pairs, persons))
            if len(self._batch) >= self.BATCH:
                self._flush()

    def _flush(self) -> None:
        spellings = spelling_keys([text for _, text in self._unkeyed])
        self.key_of.update(
            (pair, (pair[0], spelling or pair[1]))
            for pair, spelling in zip(self._unkeyed, spellings, strict=True)
        )
        self._unkeyed.clear()
        key_of = self.key_of
        for pairs, persons in self._batch:
            named = {key_of[pair] for pair in pairs}
            self.documents.update(named)
            self.people.update(key_of[pair] for pair in persons)
            if len(named) > 1:
                # Every key, not only this document's people: "Orbán" may be a person elsewhere.
                self.overlaps.update(_shared_surnames(named))
        self._batch.clear()


def tally(
    rows: Iterable[tuple[str, str, str, bool]], limit: int
) -> list[tuple[str, int, str, int, int, str]]:
    """``(label, rank, text, documents, occurrences, also)``, ``limit`` names per label, from
    ``(label, document id, text, names a person)`` rows ordered by label and document."""
    counts = _Counts()
    counts.add(rows)
    forms: dict[Key, dict[str, int]] = {}
    occurrences: Counter[Key] = Counter()
    for pair, n in counts.texts.items():
        key = counts.key_of[pair]
        forms.setdefault(key, {})[pair[1]] = n
        occurrences[key] += n
    owner = _owners(occurrences, counts.people, forms)
    # Most names count alone: only the merged ones move their counts.
    totals, documents = occurrences.copy(), counts.documents.copy()
    members: defaultdict[Key, list[Key]] = defaultdict(list)
    for key, target in owner.items():
        totals[target] += totals.pop(key)
        documents[target] += documents.pop(key)
        members[target].append(key)
    for together, n in counts.overlaps.items():
        for target, group in itertools.groupby(sorted(owner.get(key, key) for key in together)):
            documents[target] -= n * (len(list(group)) - 1)
    per_label: defaultdict[str, list[tuple[int, int, Key]]] = defaultdict(list)
    for key, n in totals.items():
        per_label[key[0]].append((n, documents[key], key))
    out: list[tuple[str, int, str, int, int, str]] = []
    for label in sorted(per_label):
        # Forms are worked out for the names shown only (and those tied with the last one, so
        # that ties still fall in the order of their texts).
        ranked = sorted(per_label[label], key=lambda t: (-t[0], -t[1]))
        cut = [row for row in ranked if (row[0], row[1]) >= ranked[min(limit, len(ranked)) - 1][:2]]
        shown = sorted(
            ((n, docs, *_texts(key, [key, *members[key]], forms)) for n, docs, key in cut), key=_order
        )
        out.extend(
            (label, rank, text, docs, n, also) for rank, (n, docs, text, also) in enumerate(shown[:limit], 1)
        )
    return out


def _order(row: tuple[int, int, str, str]) -> tuple[int, int, str]:
    return (-row[0], -row[1], row[2])


def _texts(key: Key, keys: list[Key], forms: dict[Key, dict[str, int]]) -> tuple[str, str]:
    """The row's text and its ``also``: the most frequent form of the name the others were
    counted in (not a surname that happened to be written more often than the full name), and
    the other forms, most frequent first."""
    counted: Counter[str] = Counter()
    for member in keys:
        counted.update(forms[member])
    ranked = sorted(counted, key=lambda form: (-counted[form], form))
    text = next(form for form in ranked if form in forms[key])
    return text, "; ".join(form for form in ranked if form != text)


def _shared_surnames(keys: set[Key]) -> list[frozenset[Key]]:
    groups: defaultdict[tuple[str, str], set[Key]] = defaultdict(set)
    for key in keys:
        groups[(key[0], _surname(key[1]))].add(key)
    return [frozenset(group) for group in groups.values() if len(group) > 1]


def _owners(occurrences: Counter[Key], people: set[Key], forms: dict[Key, dict[str, int]]) -> dict[Key, Key]:
    """Key -> the key it counts as: names sounding alike across scripts, then surnames."""
    owner: dict[Key, Key] = {}
    by_sound: defaultdict[tuple[str, str], list[Key]] = defaultdict(list)
    for key in people:
        if len(key[1].split()) > 1:
            by_sound[(key[0], sound_key(key[1]))].append(key)
    for keys in by_sound.values():
        text = " ".join(form for key in keys for form in forms[key])
        if len(keys) < 2 or sum(script.search(text) is not None for script in _SCRIPTS) < 2:
            continue
        target = max(keys, key=lambda key: (occurrences[key], key[1]))
        owner.update((key, target) for key in keys if key != target)
    owner.update(_surname_owners(occurrences, people, owner))
    return owner


def _surname_owners(occurrences: Counter[Key], people: set[Key], owner: dict[Key, Key]) -> dict[Key, Key]:
    """(label, surname) -> (label, full name) for the surnames that count as one full name.

    Within an article the entity analyzer already links "Dralenko" to "Viktor Dralenko" (the
    ``person`` attribute); this does it across articles, for articles that name someone by
    surname alone: a one-word person counts with the person's name in more words ending in it
    (as ``owner`` has already joined those names) that holds at least
    :data:`SURNAME_OWNER_SHARE` of the occurrences of all such names."""
    full: defaultdict[Key, Counter[Key]] = defaultdict(Counter)
    for key in people:
        words = key[1].split()
        if len(words) > 1:
            full[(key[0], words[-1])][owner.get(key, key)] += occurrences[key]
    owners = {}
    for key in people:
        names = full.get(key)
        if names is None or len(key[1].split()) != 1:
            continue
        best = max(names, key=lambda name: (names[name], name[1]))
        if names[best] >= SURNAME_OWNER_SHARE * sum(names.values()):
            owners[key] = best
    return owners


@functools.lru_cache(maxsize=1 << 16)
def _key(text: str) -> str:
    return spelling_key(text)


def wanted_names(names: Sequence[str]) -> str:
    """The argument :func:`names_span` reads: the spelling keys of ``names`` (JSON), those of
    one word apart, since a surname also finds the people the article names in full."""
    keys = {_key(name) for name in names} - {""}
    return json.dumps(
        {"names": sorted(keys), "surnames": sorted(key for key in keys if " " not in key)},
        ensure_ascii=False,
    )


@functools.lru_cache(maxsize=64)
def _wanted(wanted: str) -> tuple[frozenset[str], frozenset[str]]:
    parsed = json.loads(wanted)
    return frozenset(parsed["names"]), frozenset(parsed["surnames"])


def names_span(wanted: str, attrs: str | None, text: str | None = None) -> int:
    """1 when a span with these ``attrs`` (JSON) names one of the ``wanted`` names
    (:func:`wanted_names`), else 0: its normal form, person, place, organisation, spelling key
    or (a quote's) speaker entity has the spelling key of one of them ("Путин" names "Putin"; "Киеве", place
    "Kyiv", names "Kyiv"), or the name is a surname and the span's person ends in it
    ("Zelensky" names a mention of "Volodymyr Zelensky"). A span with none of these (imported
    annotations) is read by its ``text``, as a person's name; without that it names no one."""
    found = json.loads(attrs) if attrs else {}
    names, surnames = _wanted(wanted)
    if found.get("spelling") in names:
        return 1
    values = [found.get(field) for field in ("normal", "person", "place", "organisation", "speaker_entity")]
    named = [value for value in values if isinstance(value, str) and value]
    if any(_key(value) in names for value in named or [text or ""]):
        return 1
    # a person's surname: the person's, or the text's when the span names no one
    person = found.get("person") if named else text
    if surnames and isinstance(person, str) and person.split():
        return int(_key(person.split()[-1]) in surnames)
    return 0
