"""Quotes and their speakers in Hindi, whose verb comes last.

The attribution rules of :mod:`narrascope.analyzers.quotes` read languages whose subject and
verb come together before what was said ("X said that ...", "X заявил, что ..."). Hindi puts
the verb at the end of its clause, after the subject, its ergative mark "ने" and whatever else
the clause holds ("X ने बुधवार को संवाददाताओं से कहा कि ...": X on Wednesday to reporters said
that ...), and ends its sentences with "।". So Hindi has rules of its own, in the same output:

* a direct quote (found by :func:`~narrascope.analyzers._quote_marks.find_direct_quotes`, every
  language's marks) after its attribution ('X ने कहा, “...”', 'उन्होंने संवाददाताओं से कहा,
  “...”') or before it ('“...,” X ने सम्मेलन में कहा।');
* what someone calls something, or a speech verb after the quote whose subject comes before
  it: 'X ने नीति को “...” बताया', 'X ने “...” की चेतावनी दी' (the quote is X's, however short);
* a quote after "तथाकथित" (so-called) is a scare quote, no one's words;
* reported speech, in a sentence with no direct quote: a speech verb and "कि" ("X ने कहा कि
  ...", "X मानते हैं कि ..."), "X का कहना है कि" / "X का मानना है कि" (X says / believes
  that), and a source lead after its source ("X के अनुसार, ...", "X के मुताबिक ...");
* a quote that opens the sentence after an attributed quote in its paragraph goes on with the
  same speaker, and one inside reported speech is its speaker's (the reported clause is kept,
  unless the quote is most of it).

A verb with a negation before it reports nothing ("X ने ऐसा नहीं कहा कि ...").

The speaker is the person or organisation that ends right before "ने", "का" or "के अनुसार",
else one inside the words there (a report's issuer: "विश्व बैंक की ताज़ा रिपोर्ट के अनुसार"), else
a place that is the whole subject (its government: "भारत ने कहा"); a pronoun ("उन्होंने",
"उनका") is the last person named before; a surname is the person named in full before it,
after a title or not ("थरूर", "पीएम थरूर" after "शशि थरूर"), and a title alone the last person
named with it ("प्रधानमंत्री ने कहा" after "प्रधानमंत्री X"); other words are kept as a phrase.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from narrascope._chars import WORD_END, WORD_START
from narrascope.analyzers._hindi import TITLES as _TITLES
from narrascope.analyzers._quote_marks import RawQuote, find_direct_quotes
from narrascope.document import Document, Span

__all__ = ["HindiQuote", "hindi_quotes"]

# Speech verbs in the forms news uses: the past (perfective, after "ने"), and the habitual
# present that "का कहना है" and plain subjects take. Longest first, so that "जोर देकर कहा" wins.
_VERBS = (
    "जोर देकर कहा", "ज़ोर देकर कहा", "दावा किया", "आरोप लगाया", "चेतावनी दी", "घोषणा की", "स्पष्ट किया",
    "जोर दिया", "ज़ोर दिया", "आश्वासन दिया", "जवाब दिया", "टिप्पणी की", "संकेत दिया", "उल्लेख किया",
    "बयान दिया", "अपील की", "पुष्टि की", "स्वीकार किया", "खुलासा किया", "ऐलान किया", "जानकारी दी",
    "कहा", "बताया", "लिखा", "जोड़ा", "दोहराया", "पूछा", "माना",
)  # fmt: skip
# The habitual present, whose subject takes no "ने" ("X कहते हैं, “...”", "X मानते हैं कि").
_PRESENT = r"कहते\s+हैं|कहती\s+हैं|कहता\s+है|कहती\s+है|बताते\s+हैं|मानते\s+हैं|लिखते\s+हैं"
_VERB = "|".join(sorted(map(re.escape, _VERBS), key=len, reverse=True))
_AUXILIARY = r"(?:\s+(?:है|हैं|था|थी|थे))?"
# Verbs that call something something ('X ने नीति को “...” बताया') or that name what was said
# ('X ने “...” की चेतावनी दी'), after the quote: it is the words of X, whose "ने" comes before it.
_NAMING = rf"करार\s+दिया|क़रार\s+दिया|{_VERB}"
# Pronouns as the subject of a speech verb (ergative, then the genitive of "का कहना है").
_PRONOUNS = ("उन्होंने", "उसने", "इन्होंने", "इसने", "उनका", "उसका", "इनका")
_PRONOUN_LEADS = ("उनके", "उसके", "इनके")
_LEADS = r"अनुसार|मुताबिक़|मुताबिक"
# Where a subject's clause begins, read backwards from its verb: a comma, a clause's conjunction,
# the participle "-ते हुए" of a clause that says how ("आरोपों का जवाब देते हुए X ने कहा"),
# "को लेकर" after what it is about ("समझौते को लेकर X ने कहा", "इसको लेकर"), "इससे पहले" (before this).
_CLAUSE_START = re.compile(
    rf"(?:^|[,;:—–]|{WORD_START}(?:और|लेकिन|तथा|एवं|जबकि|किंतु|परंतु|मगर|पर|क्योंकि|चूंकि|चूँकि|वहीं)"
    rf"{WORD_END}|\S+ते\s+हुए{WORD_END}|\S*को\s+लेकर{WORD_END}"
    rf"|{WORD_START}(?:इससे|इसके|उससे|उसके)\s+(?:पहले|बाद){WORD_END})\s*"
)
# The longest subject a phrase is kept as, in words: a title and a name ("विपक्षी नेता X").
_SUBJECT_WORDS = 6
# Words of a clause, not of a noun phrase: auxiliaries and the relative pronoun.
_CLAUSE_WORDS = frozenset({"है", "हैं", "था", "थे", "थी", "हुआ", "हुई", "हुए", "जो"})
_GENITIVE_BEFORE = re.compile(rf"{WORD_START}(?:का|के|की){WORD_END}\s*$")
_POSTPOSITION = re.compile(rf"{WORD_START}(?:का|के|की|में|से|पर|को|पहले|बाद|बीच|दौरान){WORD_END}")
_TITLE_WORDS = 2  # a title alone that stands for a person named with it: "विदेश मंत्री"

# The pieces of the patterns below. A subject is the words before its mark: the ergative "ने"
# (or a pronoun that holds it, "उन्होंने") before a perfective verb, none before the present.
_SUBJECT = r"(?P<subject>[^,;:।]*?)"
_ERGATIVE = rf"(?:^|\s+)(?P<mark>ने|{'|'.join(_PRONOUNS[:4])}){WORD_END}"
_ERGATIVE_OR_GENITIVE = rf"(?:^|\s+)(?P<mark>ने|{'|'.join(_PRONOUNS)}){WORD_END}"  # "उनका" too
_NO_MARK = r"\s+(?P<mark>)"
# up to sixteen words between the mark and the verb ("ने बुधवार को संवाददाताओं से कहा", "ने
# आज ... लंबी चर्चा के अंत में कहा"), with no quotation mark when a quote follows
_MIDDLE = r"(?P<middle>(?:\s+[^\s,।]+){0,16}?)\s*"
_MIDDLE_UNQUOTED = r"(?P<middle>(?:\s+[^\s,।“”\"]+){0,16}?)\s*"
_SAID = rf"(?P<verb>{_VERB}){_AUXILIARY}"
_SAYS = rf"(?P<verb>{_PRESENT}){WORD_END}"
_LEADS_TO_QUOTE = r"\s*[,:—–-]?\s*$"  # 'X ने कहा, “'
_FROM_QUOTE = r"^\s*[,—–-]?\s*"  # '”, X ने कहा।'
_ENDS_SENTENCE = r"\s*[।.!?]?\s*$"
_THAT_CLAUSE = rf"\s*,?\s*कि{WORD_END}\s*(?P<clause>.+)$"

_BEFORE_QUOTE = re.compile(_SUBJECT + _ERGATIVE_OR_GENITIVE + _MIDDLE_UNQUOTED + _SAID + _LEADS_TO_QUOTE)
_AFTER_QUOTE = re.compile(
    _FROM_QUOTE + _SUBJECT + _ERGATIVE_OR_GENITIVE + _MIDDLE_UNQUOTED + _SAID + _ENDS_SENTENCE
)
_PRESENT_BEFORE_QUOTE = re.compile(_SUBJECT + _NO_MARK + _SAYS + _LEADS_TO_QUOTE)
_PRESENT_AFTER_QUOTE = re.compile(_FROM_QUOTE + _SUBJECT + _NO_MARK + _SAYS + _ENDS_SENTENCE)
# A subject before a pronoun, which it may stand for: the subject's last word and "ने"; and a
# speech verb after it.
_ERGATIVE_SUBJECT = re.compile(rf"(?<!\S)(?P<last>[^\s,;:।]+)\s+ने{WORD_END}")
_SAID_AFTER = re.compile(_MIDDLE + _SAID)
# The pronouns that stand for a country or organisation as often as for a person.
_SINGULAR = frozenset({"उसने", "इसने", "उसका", "इसका", "उसके", "इसके"})
_NAMING_BEFORE = re.compile(_SUBJECT + _ERGATIVE + r"[^।“”\"]*$")
_NAMING_AFTER = re.compile(rf"^\s*(?:(?:की|का|के)\s+)?(?P<verb>{_NAMING}){_AUXILIARY}{WORD_END}")
# Words before a quote that make it a scare quote, no one's words: "so-called", "alleged".
_SCARE = re.compile(rf"{WORD_START}(?:तथाकथित|कथित)\s*$")
_REPORTED = re.compile(_SUBJECT + _ERGATIVE + _MIDDLE + _SAID + _THAT_CLAUSE)
_GENITIVE_SAYS = re.compile(
    _SUBJECT
    + rf"(?:^|\s+)(?P<mark>का|की|के|{'|'.join(_PRONOUNS[4:])}){WORD_END}\s*"
    + r"(?P<verb>कहना|मानना|दावा)\s+है"
    + _THAT_CLAUSE
)
_PRESENT_REPORTED = re.compile(_SUBJECT + _NO_MARK + _SAYS + _THAT_CLAUSE)
_ACCORDING = re.compile(
    r"^\s*"
    + _SUBJECT
    + rf"(?:^|\s+)(?P<mark>के|{'|'.join(_PRONOUN_LEADS)}){WORD_END}\s*"
    + rf"(?P<verb>{_LEADS}){WORD_END}\s*,?\s*(?P<clause>.+)$"
)
# The names of the Latin letters and "डॉ" (Dr): a full stop after one is an initial's ("एस.
# जयशंकर"), no sentence's end.
_INITIALS = (
    "ए", "बी", "सी", "डी", "ई", "एफ", "जी", "एच", "आई", "जे", "के", "एल", "एम", "एन", "ओ", "पी",
    "क्यू", "आर", "एस", "टी", "यू", "वी", "डब्ल्यू", "एक्स", "वाई", "जेड", "डॉ",
)  # fmt: skip
# Sentence ends: the Devanagari full stop, ? and !, a line break, and a full stop (which much
# Hindi news writes instead of "।") after any word but an initial (:func:`_ends`); with a
# quotation mark that closes right after them.
_SENTENCE_END = re.compile(r"[।?!]+[\"'”’»]?|\n+|\.[\"'”’»]?(?=\s|$)")
_INITIAL_SET = frozenset(_INITIALS)


def _ends(text: str, start: int = 0) -> Iterator[re.Match[str]]:
    """The sentence ends in ``text`` from ``start`` on."""
    for match in _SENTENCE_END.finditer(text, start):
        if match.group()[0] == ".":
            word = text[
                max(text.rfind(" ", 0, match.start()), text.rfind("\n", 0, match.start())) + 1 : match.start()
            ]
            if word in _INITIAL_SET:
                continue
        yield match


@dataclass(frozen=True)
class HindiQuote:
    start: int
    end: int
    kind: str  # direct, reported, or phrase (a short quote with no speaker)
    attrs: dict[str, Any]


def _sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence, without its final mark and the spaces around it."""
    out: list[tuple[int, int]] = []
    start = 0
    for match in _ends(text):
        out.append((start, match.start()))
        start = match.end()
    out.append((start, len(text)))
    # a sentence after a quote that ended one opens with the closing mark ('...हैं।” उन्होंने')
    return [(a, b) for a, b in (_trim(text, a, b, ' \t\n”’"»') for a, b in out) if b > a]


def _trim(text: str, start: int, end: int, leading: str | None = None) -> tuple[int, int]:
    piece = text[start:end]
    left = len(piece) - len(piece.lstrip(leading))
    return start + left, start + len(piece.rstrip())


class _Speakers:
    """Who a subject's words name, by the document's entities."""

    def __init__(self, doc: Document, sentence_starts: list[int], quotes: list[RawQuote]) -> None:
        self.sentence_starts = sentence_starts
        self.quotes = [(q.open, q.close) for q in quotes]
        self.quote_opens = [q.open for q in quotes]
        self.entities = sorted(
            (e for e in doc.layer("entity") if e.label in ("PER", "ORG")), key=lambda e: e.end
        )
        self.ends = [e.end for e in self.entities]
        self.persons = [e for e in self.entities if e.label == "PER"]
        self.person_ends = [e.end for e in self.persons]
        self.places_by_end = {
            e.end: e for e in doc.layer("entity") if e.label == "LOC" and "place" in e.attrs
        }

    @staticmethod
    def _name(entity: Span) -> str:
        return str(entity.attrs.get("person") or entity.attrs["normal"])

    def __call__(
        self, text: str, match: re.Match[str], offset: int, cue: str | None = None
    ) -> dict[str, Any]:
        """The speaker attributes of a pattern's ``subject`` before its ``mark`` ("ने", "का",
        "के", or a pronoun that is both), the pattern having matched ``text`` at ``offset``."""
        cue = cue or match.group("verb")
        mark = match.group("mark")
        if mark in _PRONOUNS or mark in _PRONOUN_LEADS:
            return self._pronoun(text, offset + match.start("mark"), mark, cue)
        start, end = offset + match.start("subject"), offset + match.end("subject")
        clause = max((m.end() for m in _CLAUSE_START.finditer(text, start, end)), default=start)
        start, end = _trim(text, clause, end)
        if start >= end:
            return {"speaker": None}
        inside = [e for e in self.entities[: bisect.bisect_right(self.ends, end)] if e.start >= start]
        if inside:
            entity = inside[-1]
            return self._attrs(text, entity.start, entity.end, "entity", self._name(entity), cue)
        # the head of a subject follows its last postposition: its owner's genitive or a phrase
        # before it ("मंत्री के चीफ ऑफ स्टाफ X": the chief of staff X; "इस संबंध में विदेश सचिव":
        # the foreign secretary)
        head = _trim(
            text, max((m.end() for m in _POSTPOSITION.finditer(text, start, end)), default=start), end
        )
        place = self.places_by_end.get(end)
        if (
            place is not None
            and place.start >= start
            and not _GENITIVE_BEFORE.search(text, start, place.start)
        ):
            # a place that ends the subject, owned by nothing before it, speaks for its government:
            # "भारत", "जंग के बीच अमेरिका" (amid the war, America), "खुद रूस" (Russia itself)
            return self._attrs(text, place.start, place.end, "entity", str(place.attrs["normal"]), cue)
        words = text[start:end].split()
        if len(words) > _SUBJECT_WORDS:
            start, end = head
            words = text[start:end].split()
            # no clause of its own ("... बात सामने आई थी जो कहती है कि": a finding that says)
            if not 0 < len(words) <= _SUBJECT_WORDS or _CLAUSE_WORDS.intersection(words):
                return {"speaker": None}
        # a surname ("थरूर", "पीएम मोदी") that the recogniser missed, of a person named in full
        # before; a title alone ("प्रधानमंत्री"), of the last person named with it before
        person = self._surnames(end).get(words[-1]) or self._titled(text, " ".join(words), start)
        return self._attrs(text, start, end, "name" if person else "phrase", person, cue)

    def _titled(self, text: str, title: str, before: int) -> str | None:
        """The last person named right after ``title`` ("विदेश मंत्री", "प्रधानमंत्री") before
        ``before``."""
        if len(title.split()) > _TITLE_WORDS or title.split()[-1] not in _TITLES:
            return None
        for person in reversed(self.persons[: bisect.bisect_right(self.person_ends, before)]):
            words = text[max(0, person.start - 60) : person.start].split()
            if " ".join(words[-len(title.split()) :]) == title:
                return self._name(person)
        return None

    def _surnames(self, before: int) -> dict[str, str]:
        """The last word of each person named in two words or more before ``before``, for
        the person, where only one person has it."""
        found: dict[str, set[str]] = {}
        for person in self.persons[: bisect.bisect_right(self.person_ends, before)]:
            name = self._name(person)
            if len(name.split()) > 1:
                found.setdefault(name.split()[-1], set()).add(name)
        return {surname: next(iter(names)) for surname, names in found.items() if len(names) == 1}

    def _pronoun(self, text: str, at: int, pronoun: str, cue: str) -> dict[str, Any]:
        """A pronoun stands for the last person named before it, unless a subject with "ने"
        came since, in its sentence or the one before: a country or organisation, for the
        singular pronouns that news keeps for them ("नॉर्वे ने ... पत्र भेजा। उसने कहा कि":
        Norway), or someone not named who spoke ("रक्षा मंत्री ने कहा कि ... उन्होंने कहा
        कि": the minister, not a person named earlier), and then it names no one."""
        before = bisect.bisect_right(self.person_ends, at)
        # not a person named in someone's words (a tweet quoted in English before it)
        person = next((p for p in reversed(self.persons[:before]) if not self._quoted(p.start)), None)
        name = self._name(person) if person is not None else None
        sentence = bisect.bisect_right(self.sentence_starts, at) - 1
        since = max(self.sentence_starts[sentence - 1] if sentence > 0 else 0, person.end if person else 0)
        subjects = list(_ERGATIVE_SUBJECT.finditer(text, since, at))
        body = self._entity_at(subjects[-1].start("last")) if subjects else None
        if body is not None and pronoun in _SINGULAR:
            name = body
        elif any(
            _SAID_AFTER.match(text, s.end())
            # not the word right after the person's name ("X जूनियर ने", X junior)
            and (person is None or text[person.end : s.start("last")].strip())
            and self._unnamed(text, s, at)
            for s in subjects
        ):
            name = None
        return self._attrs(text, at, at + len(pronoun), "pronoun", name, cue)

    def _unnamed(self, text: str, subject: re.Match[str], before: int) -> bool:
        """Whether the subject that ends in ``subject``'s word names no one: no organisation or
        place, no surname of a person named in full, no title of a person named with it."""
        last = subject.start("last")
        words = text[max(0, last - 40) : subject.end("last")].split()[-_TITLE_WORDS:]
        return (
            self._entity_at(last) is None
            and words[-1] not in self._surnames(before)
            and not any(self._titled(text, " ".join(words[n:]), last) for n in range(len(words)))
        )

    def _quoted(self, position: int) -> bool:
        """Whether ``position`` is inside a quote (they are the outermost ones, in text order)."""
        i = bisect.bisect_left(self.quote_opens, position) - 1
        return i >= 0 and position < self.quotes[i][1]

    def _entity_at(self, position: int) -> str | None:
        """The organisation or place whose name holds ``position``, by its normal form."""
        i = bisect.bisect_right(self.ends, position)
        if i < len(self.entities) and self.entities[i].start <= position and self.entities[i].label == "ORG":
            return str(self.entities[i].attrs.get("normal") or "")
        return next(
            (str(p.attrs["normal"]) for p in self.places_by_end.values() if p.start <= position < p.end), None
        )

    @staticmethod
    def _attrs(text: str, start: int, end: int, how: str, entity: str | None, cue: str) -> dict[str, Any]:
        return {
            "speaker": text[start:end],
            "speaker_start": start,
            "speaker_end": end,
            "speaker_entity": entity,
            "speaker_how": how,
            "cue": cue,
        }


def hindi_quotes(doc: Document, min_words: int) -> Iterator[HindiQuote]:
    """The direct and reported quotes of a Hindi document, with their speakers (module text);
    a direct quote of fewer than ``min_words`` words with no speaker is a ``phrase``."""
    text = doc.text
    sentences = _sentences(text)
    starts = [s for s, _ in sentences]
    raws = find_direct_quotes(text)
    speakers = _Speakers(doc, starts, raws)
    quoted: list[tuple[int, int]] = []
    previous: tuple[int, dict[str, Any]] | None = None  # the paragraph and speaker of the last quote
    for raw in raws:
        start, end = _trim(text, raw.start, raw.end)
        if start >= end:
            continue
        quoted.append((start, end))
        i = bisect.bisect_right(starts, raw.open) - 1
        s_start = min(sentences[max(i, 0)][0], raw.open)
        # the sentence may end inside the quote ('“... हैं।” उन्होंने ...'): read on to the next end
        tail_end = next(_ends(text, raw.close + 1), None)
        after = text[raw.close + 1 : tail_end.end() if tail_end else len(text)]
        before = text[s_start : raw.open]
        attrs = _direct_speaker(text, speakers, s_start, before, raw.close + 1, after)
        if attrs is None:
            # a quote inside reported speech ('X ने कहा कि भारत सिर्फ “...” है') is X's
            held = _reported(text, speakers, s_start, (tail_end.start() if tail_end else len(text)))
            if held is not None and held.start <= start and end <= held.end:
                attrs = held.attrs
        paragraph = text.rfind("\n", 0, raw.open)
        if attrs is None and previous is not None and previous[0] == paragraph and not before.strip():
            attrs = previous[1]  # '“A,” X ने कहा। “B.”': B is X's too
        words = len(text[start:end].split())
        if _SCARE.search(text, max(0, raw.open - 20), raw.open):
            yield HindiQuote(start, end, "phrase", {})  # 'तथाकथित “स्वतंत्र मीडिया”'
            continue
        if attrs is None and words < min_words:
            yield HindiQuote(start, end, "phrase", {})
            continue
        attrs = attrs or {"speaker": None}
        previous = (paragraph, attrs) if attrs.get("speaker") else previous
        yield HindiQuote(start, end, "direct", attrs)
    for s_start, s_end in sentences:
        found = _reported(text, speakers, s_start, s_end)
        if found is None:
            continue
        # a sentence with a direct quote reports nothing more, unless the quote is a part of
        # what it reports, less than half of it
        within = [(a, b) for a, b in quoted if a < found.end and found.start < b]
        half = (found.end - found.start) / 2
        if all(found.start <= a and b <= found.end and b - a < half for a, b in within):
            yield found


_NEGATION = re.compile(rf"{WORD_START}(?:नहीं|न|ना){WORD_END}")


def _negated(match: re.Match[str]) -> bool:
    """Whether the words between the subject and its verb deny it ("X ने नहीं कहा कि")."""
    return "middle" in match.re.groupindex and _NEGATION.search(match.group("middle") or "") is not None


def _direct_speaker(
    text: str, speakers: _Speakers, before_start: int, before: str, after_start: int, after: str
) -> dict[str, Any] | None:
    for pattern in (_BEFORE_QUOTE, _PRESENT_BEFORE_QUOTE):
        if (match := pattern.search(before)) and not _negated(match):
            return speakers(text, match, before_start)
    for pattern in (_AFTER_QUOTE, _PRESENT_AFTER_QUOTE):
        if (match := pattern.match(after)) and not _negated(match):
            return speakers(text, match, after_start)
    if (match := _NAMING_BEFORE.search(before)) and (verb := _NAMING_AFTER.match(after)):
        return speakers(text, match, before_start, verb.group("verb"))
    return None


def _reported(text: str, speakers: _Speakers, start: int, end: int) -> HindiQuote | None:
    sentence = text[start:end]
    for pattern in (_REPORTED, _GENITIVE_SAYS, _PRESENT_REPORTED, _ACCORDING):
        match = pattern.match(sentence) if pattern is _ACCORDING else pattern.search(sentence)
        if match is None or _negated(match):
            continue
        attrs = speakers(text, match, start)
        if not attrs.get("speaker"):
            continue
        clause_start, clause_end = _trim(text, start + match.start("clause"), start + match.end("clause"))
        if clause_end > clause_start:
            return HindiQuote(clause_start, clause_end, "reported", attrs)
    return None
