"""Quotations and their speakers, in English and Russian.

Direct quotes are found by matching quotation marks with a stack, so nested quotes
(«... „...“ ...», “... ‘...’ ...”) stay inside their outer quote, and a quote that runs over
several paragraphs (each paragraph re-opening it, as English style has it) is one quote.
Reported speech is found from speech verbs followed by a clause ("X warned that ...",
"X заявил, что ...", "по словам X, ...", "according to X, ...").

The speaker is looked for next to a speech verb, after the quote ("...,” said X", "...», —
заявил X") or before it ("X said: “...”", "Как заявил X, «...»", "По словам X, «...»"), also
in the previous paragraph when a quote stands alone after a colon. A speaker is linked to the nearest person
(or organisation) entity; a pronoun ("he", "она") is resolved to the last person named before
the quote; otherwise the speaker is the phrase itself ("the ministry"), unlinked.

Quote spans cover the quoted words without the marks. Labels: ``direct``, ``reported``, and
``phrase`` for short quoted terms with no speaker (scare quotes: so-called "peacekeepers").
``attrs`` carry ``speaker`` (text), ``speaker_start``/``speaker_end``, ``speaker_entity``
(normal form of the linked entity, if any), ``speaker_how`` (``entity``, ``pronoun``,
``phrase``) and ``cue`` (the speech verb).
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from typing import Any

from narrascope.analyzers.base import Analyzer
from narrascope.config import analyzer_defaults
from narrascope.document import Document, Span
from narrascope.registry import register

__all__ = ["QuoteAnalyzer", "find_direct_quotes"]

# Opening mark -> closing marks. “ closes „ in German/Russian style and opens in English style.
_PAIRS = {"“": "”", "«": "»", "„": "“”", "‘": "’", '"': '"', "‹": "›"}
_CLOSERS = set('”»“’"›')

_EN_VERBS = (
    r"said|says|say|told|tells|added|adds|stated|states|warned|warns|noted|notes|stressed|stresses"
    r"|emphasi[sz]ed|emphasi[sz]es|claimed|claims|declared|declares|explained|explains|insisted|insists"
    r"|argued|argues|asked|announced|continued|urged|urges|wrote|writes|commented|remarked|replied"
    r"|pointed\s+out|underlined|alleged|accused|recalled|concluded|believes|believe|thinks|acknowledged|admitted"
    r"|in\s+(?:his|her)\s+words"
)
_RU_VERBS = (
    r"(?:заявил|сказал|отметил|подчеркнул|добавил|сообщил|пояснил|предупредил|указал|напомнил|уточнил"
    r"|констатировал|заверил|признал|написал|рассказал|утверждал|заключил|резюмировал|обвинил|считал)(?:а|и|о)?"
    r"|считает|считают|говорит|говорят|заявляет|заявляют|отмечает|отмечают|подч[её]ркивает|утверждает"
    r"|полагает|уверен[аы]?|убежд[её]н[аы]?|говорится|по\s+(?:(?:его|её|ее)\s+)?словам"
)
_VERBS = {
    "en": re.compile(rf"\b(?:{_EN_VERBS})\b", re.IGNORECASE),
    "ru": re.compile(rf"(?<![\w-])(?:{_RU_VERBS})(?![\w-])", re.IGNORECASE),
}
_PRONOUNS = {
    "en": re.compile(r"\b(?:he|she|his|her)\b", re.IGNORECASE),
    "ru": re.compile(r"(?<!\w)(?:он|она|его|её|ее)(?!\w)", re.IGNORECASE),
}
# Reported speech: a verb, then the clause ("said that", "заявил, что"), or "according to X,".
_REPORTED = {
    "en": re.compile(
        rf"\b(?P<cue>{_EN_VERBS})(?:\s+\w+)?\s+(?:that\s+(?P<content>\S)"
        r"|(?P<content2>(?:the|a|an|it|they|he|she|we|this|there|its|their|his|her|no)\s))",
        re.IGNORECASE,
    ),
    "ru": re.compile(
        rf"(?<![\w-])(?P<cue>{_RU_VERBS}),\s+(?:что|будто)\s+(?P<content>\S)(?P<content2>)", re.IGNORECASE
    ),
}
_ACCORDING = {
    "en": re.compile(r"\baccording\s+to\s+(?P<who>[^,.;:]{2,80}?)\s*,\s*(?P<content>\S)", re.IGNORECASE),
    "ru": re.compile(
        r"(?<!\w)(?:по\s+словам|как\s+(?:заявил|сказал|отметил|сообщил)[аи]?)\s+(?P<who>[^,.;:]{2,80}?)\s*,\s*(?P<content>\S)",
        re.IGNORECASE,
    ),
}
_ACCORDING_TAIL = {
    "en": re.compile(r",\s*(?P<cue>according\s+to)\s+(?P<who>[^,.;:]{2,80}?)\s*[.!?]?\s*$", re.IGNORECASE),
    "ru": re.compile(
        r",\s*[—–-]?\s*(?P<cue>по\s+словам)\s+(?P<who>[^,.;:]{2,80}?)\s*[.!?]?\s*$", re.IGNORECASE
    ),
}
_SENTENCE_END = re.compile(r"[.!?…]\s+")
_WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class RawQuote:
    """A matched pair of quotation marks: ``open``/``close`` are the marks' offsets."""

    open: int
    close: int

    @property
    def start(self) -> int:
        return self.open + 1

    @property
    def end(self) -> int:
        return self.close


def _straight_opens(text: str, i: int) -> bool:
    before = text[i - 1] if i > 0 else " "
    return before.isspace() or before in "([{—–-/:"


def _apostrophe(text: str, i: int) -> bool:
    return 0 < i < len(text) - 1 and text[i - 1].isalnum() and text[i + 1].isalnum()


def find_direct_quotes(text: str) -> list[RawQuote]:
    """Outermost quotations in ``text``, matched by a stack of marks.

    An unmatched mark at the end of a paragraph ends the quote there, unless the next
    paragraph re-opens it with the same mark (the convention for multi-paragraph quotes).
    """
    quotes: list[RawQuote] = []
    stack: list[tuple[str, int]] = []
    i = 0
    while i < len(text):
        char = text[i]
        if char == "\n" and stack:
            j = i
            while j < len(text) and text[j].isspace():
                j += 1
            if j < len(text) and text[j] == stack[0][0] and len(stack) == 1:
                i = j + 1  # the quote goes on in the next paragraph
                continue
            stack.clear()
        elif stack and char in _PAIRS[stack[-1][0]] and not (char == "’" and _apostrophe(text, i)):
            if char == '"' and _straight_opens(text, i) and i + 1 < len(text) and not text[i + 1].isspace():
                # A nested straight quote inside a straight one is rare; treat it as opening.
                stack.append((char, i))
            else:
                _opener, position = stack.pop()
                if not stack:
                    quotes.append(RawQuote(position, i))
        elif char in _PAIRS and (char != '"' or _straight_opens(text, i)) and char != "’":
            if char == "‘" and _apostrophe(text, i):
                pass
            else:
                stack.append((char, i))
        i += 1
    return quotes


@dataclass(frozen=True)
class _Speaker:
    start: int
    end: int
    text: str
    how: str
    entity: str | None
    cue: str


class _Attributor:
    """Finds speakers for one document: its entities, sentences and paragraphs, indexed once."""

    def __init__(self, doc: Document, language: str, window: int) -> None:
        self.doc = doc
        self.text = doc.text
        self.language = language
        self.window = window
        # Sorted indexes, so that each quote costs a look-up, not a scan of every entity:
        # long documents hold thousands of quotes and tens of thousands of entities.
        self.entities = [s for s in doc.layer("entity") if s.label in ("PER", "ORG")]
        self.entity_starts = [e.start for e in self.entities]
        self.persons = sorted((e for e in self.entities if e.label == "PER"), key=lambda e: e.end)
        self.person_ends = [p.end for p in self.persons]
        self.fullest: dict[str, str] = {}
        for person in self.persons:
            name = str(person.attrs.get("normal", person.text_in(doc)))
            surname = name.split()[-1].lower() if name.split() else ""
            if surname and len(name) > len(self.fullest.get(surname, "")):
                self.fullest[surname] = name
        self.verbs = _VERBS[language]

    def _nearest_entity(self, lo: int, hi: int, anchor: int) -> Span | None:
        inside = []
        for i in range(bisect.bisect_left(self.entity_starts, lo), len(self.entities)):
            entity = self.entities[i]
            if entity.start >= hi:
                break
            if entity.end <= hi:
                inside.append(entity)
        if not inside:
            return None
        # Persons before organisations ("the ministry's spokeswoman Maria X"), then nearness.
        return min(inside, key=lambda e: (e.label != "PER", min(abs(e.start - anchor), abs(e.end - anchor))))

    def _last_person_before(self, position: int) -> Span | None:
        i = bisect.bisect_right(self.person_ends, position)
        return self.persons[i - 1] if i else None

    def _from_region(
        self, lo: int, hi: int, cue: re.Match[str], phrase_side: str, quote_open: int | None = None
    ) -> _Speaker:
        """The speaker in ``text[lo:hi]`` around a speech verb ``cue`` (offsets absolute).

        A pronoun's antecedent is looked for before ``quote_open`` when given, so that a name
        inside the quote is never taken for its speaker.
        """
        cue_start, cue_end = lo + cue.start(), lo + cue.end()
        entity = self._nearest_entity(lo, hi, cue_start if phrase_side == "before" else cue_end)
        if entity is not None:
            return _Speaker(
                entity.start,
                entity.end,
                entity.text_in(self.doc),
                "entity",
                str(entity.attrs.get("normal", entity.text_in(self.doc))),
                cue.group(),
            )
        region = self.text[lo:hi]
        pronoun = _PRONOUNS[self.language].search(region)
        if pronoun is not None:
            position = lo + pronoun.start()
            antecedent = self._last_person_before(
                position if quote_open is None else min(position, quote_open)
            )
            if antecedent is not None:
                return _Speaker(
                    lo + pronoun.start(),
                    lo + pronoun.end(),
                    pronoun.group(),
                    "pronoun",
                    str(antecedent.attrs.get("normal", antecedent.text_in(self.doc))),
                    cue.group(),
                )
        # No entity: the words on the far side of the verb name the speaker ("the ministry said").
        # After a quote the subject may come first (',” the ministry said') or last (',” said X').
        words = list(_WORD.finditer(region[: cue.start()]))[-4:]
        base = lo
        if phrase_side == "after" and not words:
            words = list(_WORD.finditer(region[cue.end() :]))[:4]
            base = cue_end
        if not words:
            return _Speaker(cue_start, cue_end, "", "none", None, cue.group())
        start, end = base + words[0].start(), base + words[-1].end()
        return _Speaker(start, end, self.text[start:end], "phrase", None, cue.group())

    def link(self, speaker: _Speaker | None) -> _Speaker | None:
        """Link a speaker to the fullest name of the same person: "Koval" -> "Irina Koval"."""
        if speaker is None:
            return speaker
        key = (speaker.entity or speaker.text).split()[-1:]
        if not key:
            return speaker
        fullest = self.fullest.get(key[0].lower())
        if fullest is None:
            return speaker
        how = speaker.how if speaker.how in ("entity", "pronoun") else "name"
        return _Speaker(speaker.start, speaker.end, speaker.text, how, fullest, speaker.cue)

    def for_quote(self, quote: RawQuote) -> _Speaker | None:
        text = self.text
        # After the quote: up to the end of its sentence (or a window), e.g. ',” said X.'
        line_end = text.find("\n", quote.close)
        line_end = len(text) if line_end < 0 else line_end
        hi = min(line_end, quote.close + 1 + self.window)
        tail = text[quote.close + 1 : hi]
        stop = re.search(r"[.!?](?:\s|$)|[“«„\"]", tail)
        tail = tail[: stop.start() if stop else len(tail)]
        cue = self.verbs.search(tail)
        if cue is not None and not tail[: cue.start()].strip(" ,—–-").count(" ") > 6:
            return self._from_region(quote.close + 1, quote.close + 1 + len(tail), cue, "after", quote.open)
        # Before the quote: from the start of its line (or a window), e.g. 'X said: “'
        line_start = text.rfind("\n", 0, quote.open) + 1
        lo = max(line_start, quote.open - self.window)
        head = text[lo : quote.open]
        cues = list(self.verbs.finditer(head))
        if (
            cues
            and not text[lo + cues[-1].end() : quote.open].count(".")
            and self._ends_with_lead_in(head, cues[-1])
        ):
            boundary = max((m.end() for m in _SENTENCE_END.finditer(head, 0, cues[-1].start())), default=0)
            region = text[lo + boundary : quote.open]
            cue = self.verbs.search(region, cues[-1].start() - boundary)
            if cue is not None:
                return self._from_region(lo + boundary, quote.open, cue, "before")
        # A quote alone in its paragraph, after a paragraph that ends with a colon.
        if not head.strip() and line_start > 0:
            window_start = max(0, line_start - self.window - 2)
            p_end = window_start + len(text[window_start:line_start].rstrip())
            if text[p_end - 1 : p_end] == ":":
                p_lo = max(text.rfind("\n", 0, p_end) + 1, p_end - self.window)
                cues = list(self.verbs.finditer(text[p_lo:p_end]))
                if cues:
                    return self._from_region(p_lo, p_end, cues[-1], "before")
        return None

    @staticmethod
    def _ends_with_lead_in(head: str, cue: re.Match[str]) -> bool:
        """Between the verb and the quote there is only a lead-in: ':', ',', 'that', 'что'."""
        between = head[cue.end() :].strip()
        return bool(
            re.fullmatch(r"(?:[\w'’-]+\s*){0,5}[:,]?\s*(?:that|что)?\s*[:,]?", between, re.IGNORECASE)
        )

    def _named(self, lo: int, hi: int, cue: str) -> _Speaker:
        """The speaker named in ``text[lo:hi]`` ("according to <X>"): an entity there, or the words."""
        entity = self._nearest_entity(lo, hi, lo)
        if entity is not None:
            normal = str(entity.attrs.get("normal", entity.text_in(self.doc)))
            return _Speaker(entity.start, entity.end, entity.text_in(self.doc), "entity", normal, cue)
        return _Speaker(lo, hi, self.text[lo:hi], "phrase", None, cue)

    def reported(self, blocked: list[tuple[int, int]]) -> list[tuple[int, int, _Speaker]]:
        """Reported speech in sentences that hold no direct quote: (content start, end, speaker)."""
        found: list[tuple[int, int, _Speaker]] = []
        blocked_starts = [a for a, _ in blocked]
        for sentence in self.doc.layer("sentence"):
            # blocked spans are disjoint and in text order: only the last one starting before the
            # sentence's end can overlap it
            i = bisect.bisect_left(blocked_starts, sentence.end)
            if i and blocked[i - 1][1] > sentence.start:
                continue
            s_text = sentence.text_in(self.doc)
            end = sentence.start + len(s_text.rstrip(" .!?…"))
            tail = _ACCORDING_TAIL[self.language].search(s_text)
            if tail is not None:
                lead = " ".join(tail.group("cue").lower().split())
                speaker = self._named(
                    sentence.start + tail.start("who"), sentence.start + tail.end("who"), lead
                )
                found.append((sentence.start, sentence.start + tail.start(), speaker))
                continue
            according = _ACCORDING[self.language].search(s_text)
            if according is not None and (
                according.start() < 40 or s_text[: according.start()].rstrip().endswith(",")
            ):
                lead = " ".join(s_text[according.start() : according.start("who")].lower().split())
                who_lo, who_hi = (
                    sentence.start + according.start("who"),
                    sentence.start + according.end("who"),
                )
                speaker = self._named(who_lo, who_hi, lead)
                mid = according.start() > 0 and s_text[: according.start()].rstrip().endswith(",")
                content_start = sentence.start if mid else sentence.start + according.start("content")
                found.append((content_start, end, speaker))
                continue
            match = _REPORTED[self.language].search(s_text)
            if match is not None:
                group = "content" if match.group("content") else "content2"
                region_hi = sentence.start + match.start(group)
                cue = _VERBS[self.language].search(s_text, match.start("cue"))
                if cue is None:
                    continue
                speaker = self._from_region(sentence.start, sentence.start + match.end("cue"), cue, "before")
                if speaker.how != "none":
                    found.append((region_hi, end, speaker))
        return found


@register
class QuoteAnalyzer(Analyzer):
    name = "narrascope.quotes.v1"
    requires = ("language", "sentence", "entity")
    provides = ("quote",)
    defaults = analyzer_defaults(name)
    # Speech verbs and reported-speech forms exist for these; quotation marks alone would
    # give quotes without speakers.
    languages = ("en", "ru")

    def __call__(self, doc: Document) -> None:
        language = doc.language if doc.language in _VERBS else "en"
        attributor = _Attributor(doc, language, int(self.settings["attribution_window"]))
        blocked: list[tuple[int, int]] = []
        previous: tuple[RawQuote, _Speaker] | None = None
        for quote in find_direct_quotes(doc.text):
            content = doc.text[quote.start : quote.end]
            if not content.strip():
                continue
            speaker = attributor.for_quote(quote)
            if (
                speaker is None
                and previous is not None
                and _same_paragraph(doc.text, previous[0].close, quote.open)
            ):
                # “A,” X said. “B.” -- the second quote is X's too.
                speaker = previous[1]
            if speaker is None and len(_WORD.findall(content)) < int(self.settings["min_quote_words"]):
                self.span(doc, quote.start, quote.end, "quote", "phrase")
                continue
            speaker = attributor.link(speaker)
            self.span(doc, quote.start, quote.end, "quote", "direct", attrs=_speaker_attrs(speaker))
            blocked.append((quote.open, quote.close + 1))
            previous = (quote, speaker) if speaker is not None else None
        for start, end, reported in attributor.reported(blocked):
            if end > start:
                self.span(
                    doc, start, end, "quote", "reported", attrs=_speaker_attrs(attributor.link(reported))
                )


def _same_paragraph(text: str, a: int, b: int) -> bool:
    between = text[a:b]
    # A quote continued into the next paragraph has no text of its own in between.
    return "\n" not in between or not between.strip(' \n"“”«»„')


def _speaker_attrs(speaker: _Speaker | None) -> dict[str, Any]:
    if speaker is None or speaker.how == "none":
        return {"speaker": None}
    return {
        "speaker": speaker.text,
        "speaker_start": speaker.start,
        "speaker_end": speaker.end,
        "speaker_entity": speaker.entity,
        "speaker_how": speaker.how,
        "cue": speaker.cue,
    }
