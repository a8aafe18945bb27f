"""Reported speech: what a speaker said without quotation marks, and the speaker.

Part of the quote analyzer (:mod:`narrascope.analyzers.quotes`, whose docstring gives the
rules): a source lead ("according to X, ..."), a verb and its clause ("X warned that ..."), an
attribution at the end of a sentence or set off inside it ("The exercise, he said, was ..."), a
participle ("..., saying ..."), and what a quote's speaker adds around the quote.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Mapping, Sequence

from narrascope.analyzers import _polish as polish
from narrascope.analyzers._date_words import ANY_WEEKDAY
from narrascope.analyzers._quote_marks import RawQuote
from narrascope.analyzers._speakers import (
    APPOSITION_WORDS,
    OF_WORDS,
    PHRASE_NEAR,
    POSSESSIVE_END,
    WORD,
    WORD_BEFORE,
    Speaker,
    SpeakerFinder,
    content_after,
    names_someone,
)
from narrascope.analyzers._speech_patterns import DOUBLE_MARKS, MARK_CHARS, QUOTE_MARK, lower
from narrascope.document import Document, Span

__all__ = ["TIME_NOUNS", "ReportedSpeech"]

_TOKEN = re.compile(r"[\w'’-]+")
_TAIL_CONTENT_WORDS = 4  # at least, before "..., the ministry said"
_ADDING_TAIL_WORDS = 4  # at most, after the verb of "..., X told reporters, adding that ..."
_SUBJECT_AFTER_WORDS = 6  # at most, before the name in a subject after the verb
_DESCRIPTION_WORDS = 4  # at most, in "..., говорится в докладе, <опубликованном в четверг>"
_PARENTHESIS_LEAD_WORDS = 8  # at most, before "..., he said, ..."
_AS_CLAUSE_LEAD_WORDS = 16  # at most, before "As the director of ..., X, said, ..."
# Irregular past forms right after an English "that", which open a relative clause, not a
# reported one ("files that made"): see :meth:`ReportedSpeech._relative_that`.
_ENGLISH_PASTS = frozenset({"led", "made", "left", "took", "gave", "brought", "sent", "kept", "meant", "saw"})
# Nouns of a time after a "that" that is its determiner ("reported that night"), no clause.
TIME_NOUNS = frozenset({"night", "day", "morning", "evening", "afternoon", "week", "month", "year", "time"})
# the words of a day after a listener ("on Tuesday", "last night", "yesterday")
_WHEN_WORDS = (
    frozenset({"on", "last", "this", "yesterday", "today", "tonight", "earlier", "later"}) | TIME_NOUNS
)
# The end of a clause right after one word ("who wrote that column."): "that" determined it.
_ALONE_END = re.compile(r"\s*(?:[.!?;:]|$)")
# The groups of ``Grammar.reported`` where what was said begins: after "that", a clause without
# it, one in the subjunctive, one opened by a subject pronoun, by a clause's first words and an
# auxiliary, by a name and an auxiliary.
_CONTENT_GROUPS = ("content", "content2", "content3", "content4", "content5", "content6")
_CONTRAST_LEAD_WORDS = 10  # at most, from ", but" to what its own verb reports ("but the mayor said")
_SOURCE_BEFORE_WORDS = 6  # at most, in "<Dem Minister Hans Albers> zufolge ..."
_RECIPIENT_WORDS = 3  # at most, capitalised, in "told <the Norda Ledger> the army was ready"
_CLAUSE_AFTER_VERB_WORDS = 4  # at most, up to the auxiliary of a clause after a tail's verb
_GERUND_OPENING_WORDS = 3  # a gerund after a negation and a clitic at most ("não se alongando")
_NEXT_WORD = re.compile(r"\s+(\w+)")  # the word right after an offset
# A dash that sets off an attribution at a sentence's end, a typed hyphen with spaces included
# ("..., kiedy rzeka jest zatruta - mówił."): the last one, with a word after it.
_TAIL_DASH = re.compile(r"(?:^|\s)[—–-]\s+(?=\w)(?!.*\s[—–-]\s)")
_CONNECTIVE_WORDS = 2  # at most, before "..., according to X, ..." that opens a sentence ("In fact,")
_WHERE_WORDS = 6  # at most, after a verb in a phrase of a preposition ("wrote after the summit in May")
# A source named without a closing comma ends by this punctuation at the latest.
_SOURCE_STOP = re.compile(r"[,;:.!?()]")
# A name in double quotation marks ("„Пристанище Варна“", "«Газпром»"), as a title may hold one.
_QUOTED_NAME = re.compile(rf"[{DOUBLE_MARKS}][^{DOUBLE_MARKS}\n]{{1,60}}[{DOUBLE_MARKS}]")

_NEGATED_AUXILIARY = re.compile(r"\wn[’']t\b")  # "couldn't", "wasn’t"


class ReportedSpeech(SpeakerFinder):
    """The reported-speech rules, on the document that :class:`SpeakerFinder` indexed."""

    def __init__(
        self, doc: Document, language: str, window: int, quoted: Sequence[tuple[int, int]] = ()
    ) -> None:
        super().__init__(doc, language, window, quoted)
        # each sentence's reported clause, by the sentence's number, read once
        self._clauses: dict[int, tuple[int, int, Speaker] | None] = {}
        # the report of another subject that a contrast opens after a report ("X said A, but Y
        # said B"), by where the first report's content starts
        self._contrasts: dict[int, tuple[int, int, Speaker]] = {}

    # -- reported speech ----------------------------------------------------------------------

    def adding(self, quote: RawQuote, speaker: Speaker) -> tuple[int, int] | None:
        """What the speaker of ``quote`` adds in the rest of its sentence: '“...,” she said,
        adding that Warsaw would host the meeting', 'X called NATO “...” and said that ...'
        (the content's start and end)."""
        i = bisect.bisect_right(self.sentence_starts, quote.close) - 1
        if i < 0:
            return None
        sentence_end = self.sentences[i].end
        if speaker.end < quote.close:
            # 'X accused NATO of “...” and said the alliance ...': a verb joined right after the
            # quote has the quote's speaker for its subject
            joined = self.grammar.joined.match(self.text, quote.close + 1, sentence_end)
            clause = (
                None
                if joined is None
                else self.grammar.reported.match(self.text, joined.start("verb"), sentence_end)
            )
            if clause is None:
                return None
            start = next(clause.start(g) for g in _CONTENT_GROUPS if clause.group(g))
        else:  # the attribution follows the quote: '“...,” she said, adding that ...'
            added = self.grammar.adding.search(self.text, max(quote.close + 1, speaker.end), sentence_end)
            if added is None:
                return None
            start = added.start("content")
        end = start + len(self.text[start:sentence_end].rstrip(" .!?…"))
        if any(c in DOUBLE_MARKS for c in self.text[start:end]) or end <= start:
            return None
        return start, end

    def reported(
        self,
        blocked: list[tuple[int, int]],
        named: Sequence[tuple[int, int]] = (),
        speakers: Mapping[int, Speaker] | None = None,
    ) -> list[tuple[int, int, Speaker]]:
        """Reported speech in sentences that hold no direct quote: (content start, end, speaker).
        A quote of what someone calls something (``named``, sorted) blocks only reported speech
        that would hold it: "X called it «A» and stressed that B" reports B. ``speakers``: the
        speaker of each blocking quote with one, by where it starts, whose words the sentence
        after it may go on with (German: '„...“, sagte X. Man werde ...')."""
        found: list[tuple[int, int, Speaker]] = []
        blocked_starts = [a for a, _ in blocked]
        named_starts = [a for a, _ in named]

        def is_blocked(start: int, end: int) -> bool:
            # blocked spans are disjoint and in text order: only the last one starting before
            # ``end`` can overlap the stretch
            i = bisect.bisect_left(blocked_starts, end)
            return bool(i) and blocked[i - 1][1] > start

        for number, sentence in enumerate(self.sentences):
            if is_blocked(sentence.start, sentence.end):
                continue
            before = self.sentences[number - 1] if number else None
            earlier = self._said_before(sentence.start, sentence.end, before)
            if earlier is not None:
                # not where the sentence before reports speech of its own ("X заявила, что ...
                # Об этом сообщает РИА Новости": the agency passes X's words on)
                own = bool(found) and found[-1][0] >= earlier[0]
                if before is not None and not own and not is_blocked(before.start, before.end):
                    found.append(earlier)
                # and what it reports of its own ("Lo ha detto X, precisando che ...")
                one = self._reported_clause(number)
                if one is not None and one[0] > earlier[2].end:
                    found.append(one)
                continue
            one = self._reported_clause(number)
            if one is None and before is not None:
                # the last words reported or quoted in the sentence before, and their speaker
                i = bisect.bisect_left(blocked_starts, before.end)
                quoted = blocked[i - 1][0] if i and blocked[i - 1][1] > before.start else None
                last = found[-1][0] if found else -1
                if last >= before.start and (quoted is None or last > quoted):
                    one = self._continued(sentence.start, sentence.end, found[-1][2])
                elif quoted is not None and speakers and quoted in speakers:
                    one = self._continued(sentence.start, sentence.end, speakers[quoted])
            if one is None or one[1] <= one[0]:
                continue
            for report in self._with_contrasts(one):
                j = bisect.bisect_left(named_starts, report[1])
                if j and named[j - 1][1] > report[0]:
                    continue
                found.append(report)
                self.heard_unnamed(report[2])
        return found

    def _with_contrasts(self, one: tuple[int, int, Speaker]) -> list[tuple[int, int, Speaker]]:
        """``one`` and the reports of other subjects that contrasts open after it, in order."""
        reports = [one]
        while (later := self._contrasts.get(reports[-1][0])) is not None:
            reports.append(later)
        return reports

    def _continued(self, start: int, end: int, speaker: Speaker) -> tuple[int, int, Speaker] | None:
        """The sentence at ``start`` as more of the reported speech in the sentence before, by
        the same ``speaker``, where its verb is in the mood of reported speech (German: "X
        sagte, die Lage sei ernst. Man werde sie genau beobachten.")."""
        text = self.text
        if text[start:end].rstrip(" " + MARK_CHARS).endswith("?"):
            return None
        stop = start + len(text[start:end].rstrip(" .!?…:"))
        first = WORD.search(text, start, stop)
        # the verb of the sentence's first clause, not of one that a verb of its own reports
        # ("Die Pläne zielen darauf, dass ... solle"), nor after a colon that
        # leads to another source's words ("... gab die Redaktion Ausdruck: Er sei ...")
        breaks = [i for i in (text.find(",", start, stop), text.find(":", start, stop)) if i >= 0]
        clause_end = min(breaks, default=stop)
        if first is None or self.grammar.subjunctive.search(text, start, clause_end) is None:
            return None
        return first.start(), stop, speaker

    def _said_before(self, start: int, end: int, before: Span | None) -> tuple[int, int, Speaker] | None:
        """The sentence ``before`` as reported speech, when the sentence at ``start`` attributes
        it: "Россия не намерена .... Об этом заявил Дмитрий Песков." (Russian, Ukrainian,
        Bulgarian, Italian and Spanish news put the source after what it said, in a sentence of
        its own)."""
        speaker = None if before is None else self.source_for_before(start, end)
        if before is None or speaker is None:
            return None
        stop = before.start + len(self.text[before.start : before.end].rstrip(" .!?…"))
        first = WORD.search(self.text, before.start, stop)
        if first is None or self.text[before.start : before.end].rstrip().endswith("?"):
            return None
        return first.start(), stop, speaker

    def source_for_before(self, start: int, end: int) -> Speaker | None:
        """Who the sentence ``text[start:end]`` says said the one before it, where it opens
        so ("Об этом заявил X.", "Това заяви X.", "Lo ha dichiarato X."); None elsewhere."""
        lead = self.grammar.previous_lead.match(self.text, start, end)
        if lead is None:
            return None
        cue = self.grammar.verbs.match(self.text, lead.start("cue"), lead.end("cue"))
        if cue is None:
            return None
        lo = cue.start()
        gap = lead.group("gap")
        if gap:
            # the verb's subject before it ("Об этом Песков заявил журналистам", "Това тя
            # заяви"), not a name in a phrase of place or time ("Об этом в интервью Y заявил X")
            first = gap.split()[0]
            if (
                first[:1].isupper()
                or self.grammar.person_words.fullmatch(first)
                or self.grammar.group_pronouns.fullmatch(first)
            ):
                lo = lead.start("gap")
        speaker = self._from_region(lo, end, cue)
        told = self._entity_at(speaker.start, speaker.end) if speaker.how == "entity" else None
        if told is not None and told.label != "PER" and speaker.end <= cue.start():
            # "Об этом газете Норда сообщил главный инженер моста X": the paper before the verb
            # was told; a person after it in the nominative spoke
            after = self._from_region(cue.start(), end, cue)
            person = self._entity_at(after.start, after.end) if after.how == "entity" else None
            if person is not None and person.label == "PER" and not self._oblique(person):
                return after
        if gap and speaker.start >= cue.start() and speaker.end <= cue.end():
            # a verb without its subject after words of the sentence's own: "Об этом мало кто
            # говорит" names no source
            return None
        return None if speaker.how == "none" else speaker

    def _quote_then_verb(self, start: int, end: int) -> bool:
        """Whether a speech verb follows the last quotation mark in ``text[start:end]``: '“...,”
        said X', '«...», — заявил X', and the end of a quote that began in a sentence before."""
        last = max((self.text.rfind(mark, start, end) for mark in DOUBLE_MARKS), default=-1)
        return last >= start and self.grammar.verbs.search(self.text, last, end) is not None

    def _reported_clause(self, number: int) -> tuple[int, int, Speaker] | None:
        """The reported clause of sentence ``number`` (content start, end, speaker), read once."""
        if number not in self._clauses:
            sentence = self.sentences[number]
            self._clauses[number] = self._reported_in(sentence.start, sentence.end)
        return self._clauses[number]

    def _holding(self, quote: RawQuote) -> tuple[Span, tuple[int, int, Speaker]] | None:
        """The sentence of ``quote`` and its reported clause, where that clause holds the quote
        (every quote with a speaker asks, through ``holds``)."""
        i = bisect.bisect_right(self.sentence_starts, quote.open) - 1
        if i < 0:
            return None
        sentence, first = self.sentences[i], self._reported_clause(i)
        if first is None:
            return None
        found = next((one for one in self._with_contrasts(first) if one[0] <= quote.open < one[1]), None)
        return None if found is None else (sentence, found)

    def around(self, quote: RawQuote) -> Speaker | None:
        """The speaker of reported speech that holds ``quote``: "X said he was 'sure of it'"."""
        holding = self._holding(quote)
        if holding is None:
            return None
        sentence, found = holding
        # The clause must be the quote's own: "When asked if he ..., X told Y, “...”" is X's. A
        # later verb that reports a clause holding the quote is its own ("X added his voice,
        # saying that the deal can “...”").
        verbs = list(self.grammar.verbs.finditer(self.text, found[0], quote.open))
        if not verbs:
            return found[2]
        later = self.grammar.reported.match(self.text, verbs[-1].start(), sentence.end)
        if later is None:
            # "X said that ..., and confirmed Y is ready “...”": the same subject
            before = WORD_BEFORE.search(self.text, found[0], verbs[-1].start())
            joined = before is not None and lower(before.group(1)) in self.grammar.words.connectives
            return found[2] if joined else None
        content = next(later.start(g) for g in _CONTENT_GROUPS if later.group(g))
        if content > quote.open:
            return None
        speaker = self._from_region(sentence.start, later.end("cue"), verbs[-1], quote.open)
        return None if speaker.how == "none" else speaker

    def holds(self, quote: RawQuote) -> bool:
        """Whether ``quote`` lies in the reported clause of its sentence, which is then a quote
        of its own ('X warned that the services were waging “information attacks” against
        ...'): no other speech verb stands between the clause's start and the quote, and the
        verb is no relative clause's ('the woman who told them they were “...” left')."""
        holding = self._holding(quote)
        if holding is None:
            return False
        sentence, found = holding
        if self.grammar.verbs.search(self.text, found[0], quote.open) is not None:
            return False
        if self.text[found[0] : quote.open].rstrip().endswith((",", ":")):
            return False  # 'as he told the bishops in writing, “...”': the quote is what was said
        relatives = self.grammar.words.relatives
        return not any(lower(word) in relatives for word in WORD.findall(self.text, sentence.start, found[0]))

    def that_before(self, quote: RawQuote) -> Speaker | None:
        """The speaker of a quote inside a "that" clause whose verb is set apart from it by a
        phrase with commas ("The Heritage Foundation noted in its report, for example, that
        Iran was “...”"): the subject of the last speech verb before the quote in its sentence,
        when a "that" stands between them and no other verb. The last rule tried."""
        i = bisect.bisect_right(self.sentence_starts, quote.open) - 1
        if i < 0:
            return None
        start, quote_open = self.sentences[i].start, quote.open
        verbs = list(self.grammar.verbs.finditer(self.text, start, quote_open))
        if not verbs:
            return None
        verb = verbs[-1]
        that = self.grammar.that.search(self.text, verb.end(), quote_open)
        if that is None or self._passive(start, verb.start()):
            return None
        # Not a name inside an earlier quote of the sentence ('“... Divine Revelation,” X told
        # Y'); a subject after the verb counts ('a déclaré le chancelier X, ..., que').
        marks = list(QUOTE_MARK.finditer(self.text, start, verb.start()))
        lo = marks[-1].end() if marks else start
        after = QUOTE_MARK.search(self.text, verb.end(), that.start())
        speaker = self._from_region(lo, after.start() if after else that.start(), verb, quote_open)
        if speaker.how == "phrase":  # 'Il presidente russo ha osservato', not a long run of words
            return speaker if len(speaker.text.split()) <= PHRASE_NEAR else None
        return speaker if speaker.how in ("entity", "pronoun", "name", "document") else None

    def said_just_before(self, quote: RawQuote) -> Speaker | None:
        """The speaker named at the end of the sentence before a quote that is a whole sentence
        of its own ('..., warned Lorand. "Engineers say ..."', '..., предупреди Петров.
        „Мостът ...“'): news goes on quoting the source it has just named. A person,
        named or called by a pronoun, never a phrase; None otherwise."""
        i = bisect.bisect_right(self.sentence_starts, quote.open) - 1
        if i < 1:
            return None
        own, before = self.sentences[i], self.sentences[i - 1]
        if self.text[own.start : quote.open].strip(" \t\n" + MARK_CHARS) or WORD.search(
            self.text, quote.close + 1, own.end
        ):
            return None  # the quote is part of a sentence of the author's
        said = self._said_tail(before.start, before.end)
        if said is None or said[2].how not in ("entity", "name", "pronoun"):
            return None
        return said[2]

    def _reported_in(self, start: int, stop: int) -> tuple[int, int, Speaker] | None:
        text, grammar = self.text, self.grammar
        if text[start:stop].rstrip(" " + MARK_CHARS).endswith("?"):
            return None  # "Czy uważa Pan, że ...?" asks; it reports nothing
        end = start + len(text[start:stop].rstrip(" .!?…:"))
        # "..., according to X." / "..., so der Minister." / "..., as X said."
        tail = grammar.according_tail.search(text, start, stop)
        if tail is not None and self._plausible_source(tail.group("cue"), tail.group("who")):
            speaker = self._named(tail.start("who"), tail.end("who"), lower(tail.group("cue")))
            if speaker.how != "none":
                # "X said the army was ready, according to Reuters": Reuters reports what X said
                inner = self._reported_in(start, tail.start())
                if inner is not None and names_someone(inner[2]):
                    return inner
                if self._quote_then_verb(start, tail.start()):
                    # '“...,” said X, according to Reuters': a direct quote with its speaker,
                    # which the agency passes on; no reported speech
                    return None
                return start, tail.start(), speaker
        as_tail = grammar.as_said_tail.search(text, start, stop)
        said = None if as_tail is None else self._as_said(as_tail.start("rest"), as_tail.end("rest"))
        if as_tail is not None and said is not None:
            return start, as_tail.start(), said
        # "По его словам, ...", "..., jego zdaniem."
        source = self._pronoun_lead(start, end, stop)
        if source is not None:
            return source
        # "According to X, ...", "..., according to X, ...", "Laut dem Bericht wurden ..."
        source = self._according(start, end)
        if source is not None:
            return source
        # "As the director of the FSB said, ...", "Как заявил директор ФСБ, ..."
        as_said = grammar.as_said.match(text, start, stop)
        said = None if as_said is None else self._as_said(as_said.start("rest"), as_said.end("rest"))
        if as_said is not None and said is not None and as_said.end() < end:
            # "Как сообщало агентство, министр X заявила, что ...": the agency reports what X said
            inner = self._reported_in(as_said.end(), stop)
            if inner is not None and names_someone(inner[2]) and self._named_one(inner[2]):
                return inner
            return self._named_after_title(as_said.end(), end, said)
        # "..., говорится в докладе Росстата, опубликованном в четверг."
        described = self._described_document(start, end)
        document_tail = None if described is None else self._said_tail(start, described)
        if document_tail is not None:
            return document_tail
        # "The exercise, he said, was purely defensive."
        inside = self._parenthetical(start, end)
        if inside is not None:
            return inside
        # "X said that ...", "X erklärte, dass ...", "X a déclaré que ...", "X заявил, что ..."
        match = grammar.reported.search(text, start, stop)
        that = None if match is None else self._relative_that(match)
        if that is not None:
            # "said the navy held drills that simulated ...": what was said ends before the
            # relative clause, if anything was
            match = grammar.reported.search(text, start, that)
        if match is None:
            return self._said_tail(start, end)
        main = self._main_clause_report(start, stop, match)
        if main is not None:
            return main
        cue = grammar.verbs.match(text, match.start("cue"), match.end("cue"))
        if cue is None:
            return None
        if self._passive(start, cue.start()):
            # "after it was pointed out that ...", "she was told that ...": no one named said it;
            # a report may follow ("It is being reported that X has told Y that ...")
            return self._reported_in(match.start("content"), stop) if match.group("content") else None
        if self._negated(start, cue):
            return None  # "X did not say that ...", "X n'a pas dit que ...": not X's words
        if not match.group("content") and text[start:stop].rstrip(" " + MARK_CHARS).endswith(":"):
            return None  # "He warned the host of X in 2021:" leads to a quote; it reports nothing
        if match.group("content5") or match.group("content6"):
            # "said Russia was", "said prices would": not "to believe X would", "the alleged X
            # were", "because said boats are", nor a sentence's first word ("Said cousins are")
            before = WORD_BEFORE.search(text, start, cue.start())
            opening = WORD.search(text, start, cue.start()) is None
            if opening or (
                before is not None and lower(before.group(1)) in grammar.words.not_before_name_clause
            ):
                # the sentence's own attribution, or a report after the adjective ("..., a
                # pair of sailors who insist they were ...")
                return self._said_tail(start, end) or self._reported_in(cue.end(), stop)
        content = next(match.start(g) for g in _CONTENT_GROUPS if match.group(g))
        if self._gerund_opens(content, end):
            return None  # "seguiu com a reunião, não se alongando no tema": no clause
        if match.group("content2") and lower(cue.group()) in grammar.words.object_verbs:
            listener = content
            content = self._after_recipient(content, end)
            told = [lower(word) for word in WORD.findall(text, content, end)]
            if content == listener and not any(word in grammar.words.clause_auxiliaries for word in told):
                # "he told the tale of the flood" reports no clause; "..., the envoy told the Varnel
                # daily.": the listener alone, after what the sentence attributes
                if any(word in grammar.words.prepositions for word in told):
                    return None
                if len(told) <= _RECIPIENT_WORDS + 1:
                    return self._said_tail(start, end)
        if (
            match.group("content2")
            and lower(cue.group()) in grammar.words.object_or_clause_verbs
            and not self._shows_verb(content, end)
        ):
            # "The flood adds a new danger to the valley": an object, no clause
            return self._said_tail(start, end)
        # A subject after the verb stands between it and what was said ("заявил Песков, что
        # ...", "erklärte Macron, der Westen dürfe ...", "Im März sagte X, ..."); not an
        # adverb ("Stwierdził też, że"), nor one told ("told Politico that").
        inverted = self._subject_follows(start, cue)
        named_after = self._opens_its_clause(start, cue) and self._named_after(cue, content)
        # "Говорится в докладе, что ...", "Посочва се в доклада, че ...": an impersonal verb's
        # document after it, before what was said
        impersonal = lower(cue.group()) in grammar.impersonal and self._opens_its_clause(start, cue)
        hi = content if inverted or named_after or impersonal else match.end("cue")
        # "Im März hatte der Minister gesagt": the subject after the auxiliary, not the time
        # before it
        first = WORD.search(self.text, start, cue.start())
        opened = start
        if first is not None and lower(first.group()) in self.grammar.words.verb_second_openers:
            opened = self._split_auxiliary(first.end(), cue) or start
        speaker = self._from_region(cue.start() if inverted else opened, hi, cue)
        if speaker.how == "none":
            # "X had no reason to believe Y would ..., Z's lawyer said": the sentence's own
            # attribution, if it has one
            return self._said_tail(start, end)
        # "The board told the farmers that they had no claim, X, a spokesman for Y, told Z": the
        # words reported end where the sentence's own attribution begins
        attributed = self._said_tail(content, end)
        if attributed is not None and (names_someone(attributed[2]) or self._article_phrase(attributed[2])):
            end = attributed[1]
        return content, self._contrast(content, end, stop), speaker

    def _shows_verb(self, start: int, end: int) -> bool:
        """Whether ``text[start:end]`` opens with a subject pronoun ("she couldn't") or holds a
        word that is surely a verb: an auxiliary, a negated one ("couldn't"), an irregular
        past or a word ending in "-ed"."""
        w = self.grammar.words
        words = [lower(m) for m in WORD.findall(self.text, start, end)]
        return bool(words) and (
            words[0] in w.bare_pronoun_starts
            or _NEGATED_AUXILIARY.search(self.text, start, end) is not None
            or any(
                word in w.clause_auxiliaries
                or word in w.past_forms
                or (len(word) > 4 and word.endswith("ed"))
                for word in words
            )
        )

    def _gerund_opens(self, content: int, end: int) -> bool:
        """Whether what a verb reports opens with a gerund, after a negation or a clitic at
        most ("não se alongando"), in a language with ``gerund_endings``: a phrase of manner, no
        clause of what was said."""
        w = self.grammar.words
        if not w.gerund_endings:
            return False
        words = [lower(word) for word in WORD.findall(self.text, content, end)[:_GERUND_OPENING_WORDS]]
        while words[1:] and (words[0] in w.negations or words[0] in w.clitics):
            words = words[1:]
        return bool(words) and len(words[0]) > 5 and words[0].endswith(w.gerund_endings)

    def _contrast(self, content: int, end: int, stop: int) -> int:
        """Where the report whose content starts at ``content`` ends: before a contrast that
        opens a report of another subject ("X said the talks had failed, but Y said ...", kept
        in ``_contrasts``), or at ``end``."""
        for contrast in self.grammar.contrast.finditer(self.text, content, end):
            later = self._reported_in(contrast.end(), stop)
            if (
                later is not None
                and later[2].how not in ("none", "shared", "unnamed")
                and contrast.end() <= later[2].start < later[0]
                and len(WORD.findall(self.text, contrast.end(), later[0])) <= _CONTRAST_LEAD_WORDS
            ):
                self._contrasts[content] = later
                return contrast.start()
        return end

    def _article_phrase(self, speaker: Speaker) -> bool:
        """Whether ``speaker`` is a phrase that opens with an article ("the Channel 5 network",
        "a spokesman"): a noun phrase that names who spoke, not words a rule took from a clause."""
        first = WORD.search(speaker.text)
        w = self.grammar.words
        articles = (*w.definite_articles, *w.indefinite_articles, *w.subject_articles)
        return speaker.how == "phrase" and first is not None and lower(first.group()) in articles

    def _after_recipient(self, content: int, end: int) -> int:
        """Where what a verb that takes a listener reports begins after that listener, when
        the words at ``content`` name one before a clause of their own ("told the Ledger the
        chemical was banned": "the chemical ..."): an article and capitalised words or one noun
        ("the farmers"), or capitalised words alone, then a word that opens a clause;
        ``content`` otherwise."""
        words = list(WORD.finditer(self.text, content, end))[: _RECIPIENT_WORDS + 2]
        w = self.grammar.words
        first = 1 if words and lower(words[0].group()) in w.definite_articles else 0
        names = 0
        while first + names < len(words) and words[first + names].group()[:1].isupper():
            names += 1
        if first and not names:
            names = 1  # "told the farmers the port would close"
        after = first + names
        # ... and when it was told ("told the council on Friday she was not sure")
        while after < len(words) and (
            lower(words[after].group()) in _WHEN_WORDS or lower(words[after].group()) in ANY_WEEKDAY
        ):
            after += 1
        if not 0 < names <= _RECIPIENT_WORDS or after >= len(words):
            return content
        return words[after].start() if lower(words[after].group()) in w.bare_clause_starts else content

    def _negated(self, start: int, cue: re.Match[str]) -> bool:
        """Whether a negation stands among the two words before the verb ``cue`` (after
        ``start``: "did not say", "never said", "didn't claim", "non ha detto", "не сказал") or
        right after it ("sagte nicht, dass")."""
        negations = self.grammar.words.negations
        before = [lower(word) for word in _TOKEN.findall(self.text, start, cue.start())][-2:]
        if " ".join(before) in self.grammar.words.adverbs_before_verb:
            before = []  # "не раз заявлял": more than once, no negation
        after = WORD.match(self.text, cue.end() + 1) if self.text[cue.end() : cue.end() + 1] == " " else None
        return any(word in negations or word.endswith(("n't", "n’t")) for word in before) or (
            after is not None and lower(after.group()) in negations
        )

    def _relative_that(self, match: re.Match[str]) -> int | None:
        """Where the "that" of ``match`` begins when it opens no reported clause: a relative
        clause of the noun before it, where there are words between it and the verb and a verb
        follows it ("revealed new files that made ...", "said in a statement that was
        issued on Monday that ..."), or a time that it determines ("reported that night");
        None otherwise. English only, where "that" is all three; a subject follows the "that" of
        reported speech."""
        if self.language != "en" or not match.group("content"):
            return None
        words = WORD.findall(self.text, match.end("cue"), match.start("content"))
        first = WORD.match(self.text, match.start("content"))
        if not words or first is None:
            return None
        word = first.group()
        relative = len(words) >= 2 and (
            word in self.grammar.words.clause_auxiliaries or word in _ENGLISH_PASTS
        )
        # "who wrote that column.": a noun alone after it, which "that" determines
        alone = word.islower() and _ALONE_END.match(self.text, first.end()) is not None  # not "that Dr. X"
        if not relative and not alone and word not in TIME_NOUNS:
            return None
        return self.text.rindex(words[-1], match.end("cue"), match.start("content"))

    def _main_clause_report(
        self, start: int, stop: int, match: re.Match[str]
    ) -> tuple[int, int, Speaker] | None:
        """The reported speech of the main clause where the sentence opens with a subordinate
        one that reports too ("Although he admitted that ..., he said that ...", "Embora tenha
        admitido que ..., disse que ..."): the main clause's, after the comma that ends the
        subordinate one; None where there is none."""
        w = self.grammar.words
        first = WORD.search(self.text, start, stop)
        if first is None or lower(first.group()) not in w.clause_openers or lower(first.group()) in w.that:
            return None
        later = self.grammar.reported.search(self.text, match.end("cue"), stop)
        comma = -1 if later is None else self.text.rfind(",", match.end("cue"), later.start())
        return None if comma < 0 else self._reported_in(comma + 1, stop)

    def _named_after(self, cue: re.Match[str], stop: int) -> bool:
        """Whether the verb ``cue``, opening its clause, has its subject after it, before what
        was said at ``stop``, in a language that puts one there: a person, an organisation or a
        pronoun right after the verb ("erklärte Macron, der ...", "Twierdzi on, że"), or a
        person or an organisation that ends the words before what was said ("заявил
        журналистам Песков, что"; not "zapowiedział ministrowi X wprost, że", where X is the
        one told)."""
        text = self.text
        first = WORD.search(text, cue.end(), stop)
        if first is None or not self.grammar.words.inverts or lower(first.group()) in self.grammar.words.that:
            return False
        if self.grammar.pronouns.fullmatch(first.group()) is not None:
            return True
        i = bisect.bisect_left(self.entity_starts, first.start())
        if i < len(self.entities) and self.entities[i].start == first.start():
            return True
        j = bisect.bisect_left(self.entity_starts, stop) - 1
        if (
            j < i
            or self.entities[j].end > stop
            or len(WORD.findall(text, cue.end(), self.entities[j].start)) > 2
        ):
            return False
        rest = WORD.findall(text, self.entities[j].end, stop)
        return all(lower(word) in self.grammar.words.that for word in rest)

    def _split_auxiliary(self, start: int, cue: re.Match[str]) -> int | None:
        """Where the auxiliary between ``start`` and the verb ``cue`` ends, in a language that
        splits its verbs ("Im März hatte der Minister gesagt"); None where there is none."""
        auxiliaries = self.grammar.words.split_auxiliaries
        word = next(
            (w for w in WORD.finditer(self.text, start, cue.start()) if lower(w.group()) in auxiliaries),
            None,
        )
        return None if word is None else word.end()

    def _subject_follows(self, start: int, cue: re.Match[str]) -> bool:
        """Whether the clause of ``cue`` opens with an adverb or a phrase of a preposition in a
        language whose verb stands second, so that its subject follows the verb ("Daraufhin
        sagte der Minister", "Im März 2021 sagte Joseph Biden")."""
        openers = self.grammar.words.verb_second_openers
        first = WORD.search(self.text, start, cue.start())
        return (
            bool(openers)
            and first is not None
            and lower(first.group()) in openers
            # "Daraufhin hat X erklärt": the auxiliary stands second, the subject after it
            and self._split_auxiliary(first.end(), cue) is None
            # the verb of the main clause, not of one after it ("In dem Video ist X zu hören,
            # wie er sagt, dass ...", "Zu diesem Zweck fuhr er ... und sagte, ...")
            and "," not in self.text[start : cue.start()]
            and not any(
                lower(word) in self.grammar.words.gap_stops
                for word in WORD.findall(self.text, start, cue.start())
            )
        )

    def _pronoun_lead(self, start: int, end: int, stop: int) -> tuple[int, int, Speaker] | None:
        """Reported speech whose source is a pronoun inside a lead, at the start of the sentence
        ("По его словам, первые поставки ...") or at its end ("..., jego zdaniem."): the person
        the pronoun stands for (the last one named before who fits), or no one for "their"."""
        grammar = self.grammar
        lead = grammar.pronoun_lead.match(self.text, start, stop)
        if lead is not None:
            content = (lead.start("content"), end)
        else:
            lead = grammar.pronoun_lead_tail.search(self.text, start, stop)
            if lead is None:
                return None
            content = (start, lead.start())
        words = WORD.findall(self.text, lead.start("lead"), lead.end("lead"))
        cue, at = lower(lead.group("lead")), (lead.start("lead"), lead.end("lead"))
        # the speaker's words are the pronoun's ("his" of "In his view"), as a name's would be
        pronoun = next(
            (
                m
                for m in WORD.finditer(self.text, *at)
                if grammar.gender_of(m.group()) is not None or grammar.group_pronouns.fullmatch(m.group())
            ),
            None,
        )
        if pronoun is not None:
            at = pronoun.span()
        if any(grammar.group_pronouns.fullmatch(word) for word in words):
            return *content, self._speaker(*at, "group", cue)
        gender = next((g for word in words if (g := grammar.gender_of(word)) is not None), None)
        antecedent = self._last_person_before(start, gender)
        return *content, self._speaker(
            *at, "pronoun", cue, None if antecedent is None else self._normal(antecedent)
        )

    def _parenthetical(self, start: int, end: int) -> tuple[int, int, Speaker] | None:
        """Reported speech attributed between commas after its first words: 'The exercise, he
        said, was purely defensive', 'The drills, spokeswoman X told reporters, are ...', 'X,
        whose name, the ADL wrote after the event, is ...', 'Эти учения, заявила Захарова,
        ...'. A span is one stretch of text, so what it attributes is the rest of the sentence
        after the attribution; the words before it are left out."""
        text = self.text
        opening = WORD.search(text, start, end)
        # An "as" clause's subject may be a long title before the name set off by commas ("As
        # the director of the Vienna Institute for Economic Studies, Klara Brandt, said, ...").
        as_clause = opening is not None and lower(opening.group()) in self.grammar.words.as_words
        lead_words = _AS_CLAUSE_LEAD_WORDS if as_clause else _PARENTHESIS_LEAD_WORDS
        commas = [m.start() for m in re.finditer(",", text[start:end])]
        for first, second in itertools.pairwise(start + c for c in commas):
            if len(WORD.findall(text, start, first)) > lead_words:
                return None
            cue = self.grammar.verbs.search(text, first + 1, second)
            if cue is None:
                continue
            if self.grammar.verbs.search(text, start, first) is not None:
                return None  # "X said, ...": the other rules read it
            if as_clause and opening is not None:
                # "Wie der Direktor des Instituts, X, gestern mitteilte, ...": an "as" clause
                # whose subject has an apposition
                said = self._as_said(opening.end(), second)
                if said is None or not self._named_one(said):
                    return None
                return content_after(text, second, end), end, said
            that = self.grammar.reported.match(text, cue.start(), end)
            if that is not None and that.group("content"):
                # "O porta-voz, Pedro Lemos, afirmou, na segunda-feira, que ...": the verb has a
                # "that" of its own after an aside; no parenthesis (the other rules read it)
                return None
            return self._set_off(start, first, second, end, cue)
        return None

    def _set_off(
        self, start: int, first: int, second: int, end: int, cue: re.Match[str]
    ) -> tuple[int, int, Speaker] | None:
        """``text[first + 1 : second]``, holding the speech verb ``cue``, attributes the rest of
        the sentence: a subject and the verb, and no clause of the verb's own."""
        text = self.text
        words = WORD.findall(text, first + 1, second)
        added = self.grammar.adding.match(text, second, end)
        rest = WORD.findall(text, second + 1, end)
        before = [lower(word) for word in WORD.findall(text, start, first)]
        w = self.grammar.words
        if (
            added is not None
            and not cue.group()[:1].isupper()
            and len(before) >= 3
            # the attribution is a subject and its verb, where it was said at most ("Lorand told
            # reporters"), not a clause of its own after an opening ("Desde o início da crise, as
            # autoridades têm avisado os vizinhos contra ..., sublinhando que")
            and len(WORD.findall(text, cue.end(), second)) <= _ADDING_TAIL_WORDS
            and before[0] not in (*w.prepositions, *w.clause_openers)
        ):
            # "The arrivals are seasonal workers, Lorand said, adding that their visas expire": the words
            # before the attribution are its report, and what the participle adds another one
            adder = self._from_region(first + 1, second, cue)
            if adder.how in ("none", "shared", "unnamed") or self._passive(first, cue.start()):
                return None
            self._contrasts[start] = (added.start("content"), end, adder)
            return start, start + len(text[start:first].rstrip()), adder
        if (
            cue.group()[:1].isupper()
            or lower(cue.group()) in self.grammar.words.participles  # "X, saying Y, left"
            or not WORD.findall(text, start, first)
            or not 1 <= len(words) <= APPOSITION_WORDS
            or len(rest) < 3
            or self._opens_clause(words[0])
            or self._opens_clause(rest[0])
            or lower(rest[0]) in self.grammar.words.participles  # "X admitted to it, saying ..."
            or self._gerund_opens(second + 1, end)  # "X seguiu com a reunião, não se alongando"
            or (not self.grammar.words.inverts and not self.text[first + 1 : cue.start()].strip())
            or not self._attribution_ends(cue, second)
            or any(lower(word) in self.grammar.words.negations for word in words)
            or self._passive(first, cue.start())
            or QUOTE_MARK.search(text, first, second) is not None
        ):
            return None
        as_word = WORD.search(text, first + 1, second)
        if as_word is not None and lower(as_word.group()) in self.grammar.words.as_words:
            said = self._as_said(as_word.end(), second)  # "X, comme l'a dit le Guardian, a ..."
            speaker = said if self._named_one(said) else None
        else:
            speaker = self._from_region(first + 1, second, cue)
        if speaker is None or speaker.how == "none" or self._apposition_follows(cue, second, end):
            return None
        aside_end = text.find(",", second + 1, end)
        after_aside = aside_end + 1 + len(text[aside_end + 1 : end]) - len(text[aside_end + 1 : end].lstrip())
        if speaker.start >= cue.start() and aside_end > 0 and self.grammar.that.match(text, after_aside):
            # 'X, afirmou no sábado, numa feira em Y, que ...': no subject set off with
            # the verb, whose own clause comes after an aside; its subject stands before it
            return None
        return content_after(text, second, end), end, speaker

    def _apposition_follows(self, cue: re.Match[str], second: int, end: int) -> bool:
        """Whether what follows an attribution whose subject comes after the verb is that
        subject's apposition, not what was said: 'assicura Fabrizio Curcio, a capo del
        dipartimento, sarà ...', 'come spiega X, ministro delle Politiche agricole, ...'."""
        if not self.text[cue.end() : second].strip()[:1].isupper():
            return False  # the subject stands before the verb ("he said"), or no name follows it
        rest = WORD.findall(self.text, second + 1, end)
        comma = self.text.find(",", second + 1, end)
        return (
            bool(rest)
            and rest[0][:1].islower()
            and comma > 0
            and len(WORD.findall(self.text, second + 1, comma)) <= _PARENTHESIS_LEAD_WORDS
        )

    def _where(self, word: str) -> bool:
        """Whether ``word`` after a speech verb opens a phrase of where or when it was said."""
        w = self.grammar.words
        return lower(word) in w.prepositions and lower(word) not in w.infinitive_marks

    @staticmethod
    def _named_one(speaker: Speaker | None) -> bool:
        """Whether ``speaker`` names someone, not a group ("as we said") or no one."""
        return speaker is not None and speaker.how not in ("none", "group")

    def _attribution_ends(self, cue: re.Match[str], stop: int) -> bool:
        """Whether the words after a speech verb, up to ``stop``, leave it without a clause of
        its own: none, a listener ("told reporters"), a subject after it ("said Zakharova",
        "заявила журналистам Захарова", "behauptet sie"), or where and when it was said ("said
        on Tuesday", "wrote after the summit in May"); in languages whose prepositions are
        known, not an object ("announced new sanctions")."""
        after = WORD.findall(self.text, cue.end(), stop)
        w = self.grammar.words
        where = bool(after) and self._where(after[0])
        if len(after) > (_WHERE_WORDS if where else 3):
            return False
        if not after or not w.prepositions:
            return True
        return (
            where
            or after[0][:1].isupper()
            or (after == [after[0]] and lower(after[0]) in w.that)  # "ha osservato che, ...": its clause
            or lower(after[0]) in (*w.definite_articles, *w.subject_articles)  # "avverte la Corte"
            or self.grammar.pronouns.fullmatch(after[0]) is not None  # "behauptet sie, ..."
            or lower(cue.group().split()[-1]) in w.object_verbs
        )

    def _names_soon_after(self, position: int, end: int) -> bool:
        """Whether an entity begins within the first few words after ``position`` (before ``end``)."""
        words = list(WORD.finditer(self.text, position, end))[:_SUBJECT_AFTER_WORDS]
        if not words:
            return False
        i = bisect.bisect_left(self.entity_starts, words[0].start())
        return i < len(self.entities) and self.entities[i].start <= words[-1].start()

    def _described_document(self, start: int, end: int) -> int | None:
        """Where an impersonal verb's attribution ends when a short last part of the sentence
        only describes the document it names ('..., говорится в докладе Росстата, опубликованном
        в четверг'): the comma before that part; None where the sentence is not so built."""
        text, grammar = self.text, self.grammar
        comma = text.rfind(",", start, end)
        before = text.rfind(",", start, comma) if comma >= 0 else -1
        if before < 0 or len(WORD.findall(text, comma + 1, end)) > _DESCRIPTION_WORDS:
            return None
        if grammar.verbs.search(text, comma + 1, end) is not None:
            return None
        cue = grammar.verbs.search(text, before + 1, comma)
        return comma if cue is not None and lower(cue.group()) in grammar.impersonal else None

    def _said_tail(self, start: int, end: int) -> tuple[int, int, Speaker] | None:
        """Reported speech attributed at the end of its sentence: '..., the ministry said',
        '..., said the ministry', '..., заявил журналистам Песков', '..., a annoncé jeudi le
        ministère', '..., the deputy chairman of the Council, X, wrote on Telegram'. The
        attribution is the sentence's last comma-separated part, a speech verb among at most ten
        words, at most five after it (ten where a preposition opens them: 'he wrote in a column
        for Izvestia on Monday'), and the appositions of a subject before the verb; what it
        attributes is all before."""
        text = self.text
        comma = text.rfind(",", start, end)
        # where dialogue sets the author's words off with a dash, one after the last comma sets
        # the attribution off instead: what stands between them is still what was said ('...,
        # czyli w ogóle - stwierdził szef rządu'); not the second of a pair ('... – w ogóle –
        # stwierdził'), which closes an aside
        part = text[max(start, comma) : end]
        dash = _TAIL_DASH.search(part) if self.grammar.words.dialogue_dashes else None
        if (
            dash is not None
            and part[: dash.start()].strip(" ,")
            and not _TAIL_DASH.search(part[: dash.start()])
        ):
            comma = max(start, comma) + dash.end() - len(dash.group().lstrip())
        # ... and a verb alone after it has left its subject out ('... - mówił.'), where a
        # language may
        alone_after_dash = comma >= 0 and text[comma] in "—–-" and self.grammar.words.drops_subject
        if comma < 0 or len(text[start:comma].split()) < _TAIL_CONTENT_WORDS:
            return None
        if text[start:end].rstrip().endswith(":") or text[end : end + 2].lstrip().startswith(":"):
            return None  # '..., o porta-voz, X, disse aos jornalistas:': what was said follows
        words = WORD.findall(text, comma + 1, end)
        cue = self.grammar.verbs.search(text, comma + 1, end) or self.grammar.tail_verbs.search(
            text, comma + 1, end
        )
        after = [] if cue is None else text[cue.end() : end].split()
        # "..., говорится в докладе Федеральной службы государственной статистики": an
        # impersonal verb is followed by the document it quotes, which takes words
        # ... as does a subject after a verb that opens the part and names someone ('..., a
        # indiqué un porte-parole de la Commission européenne à Bruxelles'; not '..., Trump said
        # Warmbier's death ...')
        opens = cue is not None and not text[comma + 1 : cue.start()].strip()
        where = (
            cue is not None
            and bool(after)
            and (
                self._where(after[0])
                or lower(cue.group()) in self.grammar.impersonal
                or (opens and self._names_soon_after(cue.end(), end))
                or (opens and lower(after[0]) in self.grammar.words.subject_articles)
            )
        )
        # the verb alone is enough where its subject is set off before it (below)
        fewest = 0 if cue is not None and not text[comma + 1 : cue.start()].strip() else 1
        if (
            cue is None
            or cue.group()[:1].isupper()  # "... and the United States": no verb
            or not fewest < len(words) <= (14 if where else 10)
            or len(after) > (10 if where else 5)
            or self._opens_clause(words[0])
            # a clause of place or time: "..., где избиратели заявили ..." reports nothing before
            or lower(words[0]) in self.grammar.words.clause_openers
            # a relative clause after its preposition: ", o których pan wspomniał i zauważył ..."
            or (len(words) > 1 and len(words[0]) <= 3 and words[0].islower() and self._opens_clause(words[1]))
            or lower(words[0]) in self.grammar.words.as_words  # ", as they speak out on ..."
            or any(lower(word) in self.grammar.words.negations for word in words)
            or self._passive(comma, cue.start())
            # '..., however, have argued otherwise': an auxiliary with no subject in the part
            or self._auxiliaries_only(comma + 1, cue.start())
            # '..., we'd have to say Varnel's is busier': the verb's own clause follows it
            or self._clause_follows(cue.end(), end)
            # '..., contested the teacher's claims': a noun after an article or an owner
            or self._owned_noun(comma + 1, cue)
            # '..., visitou a ponte de Varna e elogia os engenheiros': a verb joined to another
            # verb's clause, which is no attribution
            or self._joined_verb(comma + 1, cue)
            # a quotation mark: the end of a quote opened in an earlier sentence ('...,” he said',
            # "...,’ he added"); not an apostrophe ("l'Agriculture", "India's"). Quotes that
            # open and close inside the words reported are part of them ('Putin is “digging
            # in” on Ukraine, X said.').
            or not self._quotes_inside(start, comma, end)
        ):
            return None
        words_after = not after or self._where(after[0]) or not self.grammar.words.inverts
        if not text[comma + 1 : cue.start()].strip() and words_after:
            # The verb opens the part, with nothing after it but where it was said (or, where
            # no subject follows its verb, whom it was told): its subject is set off before it
            # ('..., the deputy chairman of the Council, X, wrote on Telegram', '..., its
            # chairman, X, told reporters'; not '..., o ministro, X, no próximo ano, sublinha o
            # relatório').
            named = self._appositive(start, cue.start())
            cut = None if named is None else self._subject_start(start, named, comma)
            if named is not None and cut is not None:
                return start, start + len(text[start:cut].rstrip()), self._of_entity(named, cue.group())
            if len(words) < 2 and not alone_after_dash:
                return None
        speaker = self._from_region(comma + 1, end, cue)
        first = lower(speaker.text.split()[0]) if speaker.how == "phrase" else ""
        if speaker.how == "none" or self._where(first) or first in self.grammar.words.topic_prepositions:
            # '..., napisała w partyjnym newsletterze felieton': where, and no one named; '...,
            # 30 июня предупредил о конфликте': what about, the verb's own object
            return None
        return start, start + len(text[start:comma].rstrip()), speaker

    def _joined_verb(self, start: int, cue: re.Match[str]) -> bool:
        """Whether a conjunction joins the verb ``cue`` to words of a clause before it, after
        ``start``."""
        words = [lower(word) for word in WORD.findall(self.text, start, cue.start())]
        w = self.grammar.words
        # (English stops its gaps at auxiliaries too: "..., Lorand has said")
        return (
            len(words) > 1
            and words[-1] in w.gap_stops
            and words[-1] not in (*w.auxiliaries, *w.clause_auxiliaries, *w.passives)
        )

    def _clause_follows(self, start: int, end: int) -> bool:
        """Whether a clause starts in the first words of ``text[start:end]``, before any comma:
        an auxiliary there ("say Varnel's is busier"), in a language that lists them."""
        head = self.text[start:end].split(",", 1)[0]
        words = [lower(w) for w in WORD.findall(head)][:_CLAUSE_AFTER_VERB_WORDS]
        return any(w in self.grammar.words.clause_auxiliaries for w in words[1:])

    def _auxiliaries_only(self, start: int, end: int) -> bool:
        """Whether ``text[start:end]`` holds words, all of them auxiliaries ("have", "will")."""
        words = [lower(w) for w in WORD.findall(self.text, start, end)]
        return bool(words) and all(w in self.grammar.words.clause_auxiliaries for w in words)

    def _owned_noun(self, start: int, cue: re.Match[str]) -> bool:
        """Whether the word before ``cue`` (after ``start``) is an article, a possessive or an
        owner's name ("the claims", "his claims", "Branch's claims"): ``cue`` is a noun."""
        before = self.text[start : cue.start()].rstrip()
        words = WORD.findall(before)
        if not words:
            return False
        w = self.grammar.words
        if lower(words[-1]) in (*w.definite_articles, *w.indefinite_articles, *w.possessives):
            return True
        if words[-1].isdigit():
            return True  # "a rise of 12 confirmed cases": a participle after a count
        return self.language == "en" and POSSESSIVE_END.search(before) is not None

    def _quotes_inside(self, start: int, comma: int, end: int) -> bool:
        """Whether every quotation mark of ``text[start:end]`` opens or closes a quote that lies
        before the attribution at ``comma``, with words of the sentence's own before and after
        it, and enough of those outside the quotes (not '“...,” he said, “...,” X added', nor '“...,” X,
        the spokesman for Y, told reporters', whose quote has its own attribution)."""
        marks = [m.start() for m in QUOTE_MARK.finditer(self.text, start, end)]
        if not marks:
            return True
        inside = [(a, b) for a, b in self.quoted if start <= a and b < comma]
        ends = {p for pair in inside for p in pair}
        if (
            not all(p in ends for p in marks)
            or not WORD.search(self.text, start, inside[0][0])
            # '... «...», — заявили они': the attribution is the last quote's own
            or not WORD.search(self.text, inside[-1][1], comma)
        ):
            return False
        own, last = 0, start
        for a, b in inside:
            own += len(WORD.findall(self.text, last, a))
            last = b + 1
        own += len(WORD.findall(self.text, last, comma))
        return own >= _TAIL_CONTENT_WORDS

    def _subject_start(self, start: int, named: Span, comma: int) -> int | None:
        """Where the subject set off before a verb begins: the comma before ``named`` ('...,
        X, the spokesman, said'), or before the title that ``named`` follows ('..., the deputy
        chairman of the Council, X, wrote'): a part of the sentence that opens in lower case or
        with a possessive and has no speech verb. None when too little would be left before."""
        text = self.text
        cut = text.rfind(",", start, named.start)
        if cut < 0:
            return None
        if not text[named.end : comma].strip(" ,"):  # the name is the last apposition: a title before?
            before = text.rfind(",", start, cut)
            title = _TOKEN.findall(text, before + 1, cut)
            if (
                before >= 0
                and 0 < len(title) <= APPOSITION_WORDS
                and (title[0].islower() or POSSESSIVE_END.search(title[0]) is not None)
                and self.grammar.verbs.search(text, before + 1, cut) is None
                and len(text[start:before].split()) >= _TAIL_CONTENT_WORDS
            ):
                cut = before
        return cut if len(text[start:cut].split()) >= _TAIL_CONTENT_WORDS else None

    def _passive(self, start: int, verb_start: int) -> bool:
        """Whether the word before a speech verb makes it a passive ("the decision was announced";
        not "she is saying", where the verb is a participle)."""
        words = [lower(word) for word in WORD.findall(self.text, start, verb_start)]
        while words and (
            self.grammar.words.is_adverb(words[-1]) or words[-1] in self.grammar.words.negations
        ):
            words.pop()  # "it has been widely reported", "their flags are not shown"
        if not words or words[-1] not in self.grammar.words.passives:
            return False
        verb = WORD.match(self.text, verb_start)
        return verb is None or lower(verb.group()) not in self.grammar.words.participles

    def _opens_clause(self, word: str) -> bool:
        """Whether ``word`` opens a clause of its own: a conjunction, "that", or a relative
        pronoun in any case ("которых турки считают", from "который"; not "Sonderbeauftragter"
        from "sondern": a case ending adds a letter or two, no more)."""
        w = self.grammar.words
        word = lower(word)
        return word in w.connectives + w.that or any(
            word.startswith(c[:-2]) and len(word) <= len(c) + 1 for c in w.connectives if len(c) >= 6
        )

    def _according(self, start: int, end: int) -> tuple[int, int, Speaker] | None:
        text, grammar = self.text, self.grammar
        # "Dem Bericht zufolge wird ...": the source before its lead, opening the sentence
        postposition = grammar.according_before.match(text, start, end)
        if (
            postposition is not None
            and len(postposition.group("who").split()) <= _SOURCE_BEFORE_WORDS
            # "Seinen Worten zufolge" is the pronoun's lead, read with the others of its kind
            and not grammar.pronoun_leads_any.fullmatch(
                text, postposition.start("who"), postposition.end("lead")
            )
        ):
            who = (postposition.start("who"), postposition.end("who"))
            speaker = self._named(*who, lower(postposition.group("lead")))
            if speaker.how != "none":
                return postposition.start("content"), end, speaker
        if grammar.words.source_comma:
            according = grammar.according.search(text, start, end + 1)
            if according is None:
                return None
            # The lead opens the sentence or a clause: "Al secondo posto" is no "secondo X".
            before = text[start : according.start()].rstrip()
            if before and before[-1] not in ",:;—–(":
                return None
            if self._connectives_only(before):
                before = ""  # "However, according to X, ...": the lead opens the sentence
            speaker = self._named(
                according.start("who"), according.end("who"), lower(according.group("lead"))
            )
            if speaker.how == "none":
                return None
            if before.endswith(","):
                # "X said that ..., according to the ministry, and ...": the ministry reports X
                inner = self._reported_in(start, start + len(before) - 1)
                # "X told the jury, according to Y, that ...": what X said follows the "that"
                that = grammar.that.match(text, according.start("content"))
                cue = grammar.verbs.search(text, start, start + len(before))
                if inner is None and that is not None and cue is not None:
                    said = self._from_region(start, cue.end(), cue)
                    inner = None if said.how == "none" else (start, end, said)
                if inner is None or not names_someone(inner[2]):
                    return start, end, speaker
                content = (
                    inner[0]
                    if that is None
                    else that.end() + len(text[that.end() : end]) - len(text[that.end() : end].lstrip())
                )
                return content, end, inner[2]
            content_start = according.start("content")
            first = WORD.match(text, content_start)
            if first is not None and lower(first.group()) in grammar.words.relatives:
                # "According to the report, which came out on Monday, ...": the clause describes
                # the source; what it says follows the next comma ("In the words of X, who
                # heads Y:" says nothing itself)
                comma = text.find(",", content_start, end)
                if comma < 0:
                    return None
                content_start = content_after(text, comma, end)
            if speaker.how == "entity" and self._is_person(speaker):
                content_start = self._past_apposition(content_start, end)
            return self._named_after_title(content_start, end, speaker)
        # Here a source is seldom closed by a comma: read a name or a noun phrase after the lead.
        lead = grammar.according_lead.search(text, start, end)
        if lead is None or lead.start() - start >= 40:
            return None
        who_end = self._source_end(lead.start("rest"), end, lower(lead.group("lead")))
        if who_end is None:
            with_comma = grammar.according.match(text, lead.start(), end + 1)
            if with_comma is None or len(with_comma.group("who").split()) > 4:
                return None
            who_end = with_comma.end("who")
        content = who_end + len(text[who_end:end]) - len(text[who_end:end].lstrip(" ,"))
        speaker = self._named(lead.start("rest"), who_end, lower(lead.group("lead")))
        return None if speaker.how == "none" else (content, end, speaker)

    def _past_apposition(self, start: int, end: int) -> int:
        """Where what a person said begins after ``start``, past an apposition that describes
        the person ("According to Ana Reis, a professor at the university, the bridges ...",
        "Segundo Ana Reis, professora na universidade, as pontes ..."): a person's noun,
        after an indefinite article or none (or after a definite one, before "of" or a
        preposition: "the head of the agency"), and a comma within a few words."""
        w = self.grammar.words
        words = list(itertools.islice(WORD.finditer(self.text, start, end), APPOSITION_WORDS + 2))
        comma = self.text.find(",", start, end)
        if len(words) < 2 or comma < 0 or not words[0].group()[:1].islower():
            return start
        first = lower(words[0].group())
        definite = first in w.definite_articles
        at = 1 if definite or first in w.indefinite_articles else 0
        nouns = (*w.head_nouns, *w.person_nouns)
        if lower(words[at].group()) not in nouns:
            return start
        within = sum(1 for word in words if word.start() < comma)
        follower = lower(words[at + 1].group()) if at + 1 < len(words) else ""
        if within > APPOSITION_WORDS or (
            definite
            and words[at].end() < comma
            and follower not in (*w.prepositions, *w.noun_followers, *OF_WORDS)
        ):
            return start
        return content_after(self.text, comma, end)

    def _connectives_only(self, words: str) -> bool:
        """Whether ``words`` are a conjunction or an adverb or two and nothing else ("However,",
        "But meanwhile,"; not "And this,", which holds the subject)."""
        found = [lower(word) for word in WORD.findall(words)]
        w = self.grammar.words
        return 0 < len(found) <= _CONNECTIVE_WORDS and all(
            word in w.connectives or w.is_adverb(word) for word in found
        )

    def _named_after_title(self, start: int, end: int, speaker: Speaker) -> tuple[int, int, Speaker]:
        """Reported speech ``text[start:end]`` said by ``speaker``, or, when a title named the
        speaker and the person's name follows it as an apposition ('Segundo a presidente da
        associação, Helena Cardoso, as comunidades ...'), said by that person, after the name."""
        comma = self.text.find(",", start, end)
        # The title may name an organisation that the speaker was linked to ("o presidente da
        # Liga dos Bombeiros Portugueses, António Matos, ...": the person speaks, not the Liga).
        titled = speaker.how == "phrase" or (speaker.how == "entity" and not self._is_person(speaker))
        name = self._entity_at(start, comma) if titled and comma > 0 else None
        if name is None or name.label != "PER":
            return start, end, speaker
        content = comma + 1 + len(self.text[comma + 1 : end]) - len(self.text[comma + 1 : end].lstrip())
        return content, end, self._of_entity(name, speaker.cue)

    def _is_person(self, speaker: Speaker) -> bool:
        entity = self._entity_at(speaker.start, speaker.end)
        return entity is not None and entity.label == "PER"

    def _source_end(self, lo: int, hi: int, lead: str = "") -> int | None:
        """Where a source named without a closing comma ends: an entity that starts it, else its
        reach (:meth:`_source_reach`). In Polish the source is in the case that the lead asks
        for (:mod:`narrascope.analyzers._polish`): the run of words that can be in it ends the
        source where the reach ends sooner ("Według badania ankietowego ...") or where a word
        outside it breaks the reach ("Według resortu obrony Polska wyda ...": "Polska" is the
        subject)."""
        entity = self._nearest_entity(lo, hi, lo)
        if entity is not None and entity.start == lo:
            return self._owned_by(entity, hi) or entity.end
        quoted = _QUOTED_NAME.match(self.text, lo, hi)
        if quoted is not None and len(quoted.group().split()) <= 4:
            return quoted.end()  # an outlet's name in marks ("Според „Вечерен куриер“ преговорите ...")
        stop = _SOURCE_STOP.search(self.text, lo, min(hi, lo + 120))
        limit = stop.start() if stop else min(hi, lo + 120)
        tokens = list(_TOKEN.finditer(self.text, lo, limit))
        reach = self._source_reach(lo, limit, tokens)
        case = polish.LEAD_CASES.get(lead) if self.language == "pl" else None
        if case is None:
            return reach
        count = polish.source_words([t.group() for t in tokens], case)
        run = tokens[count - 1].end() if count else None
        if reach is None:
            return run
        within = [t.group() for t in tokens if t.end() <= reach]
        following = next((t.group() for t in tokens if t.start() >= reach), "")
        return max(reach, run or reach) if polish.could_be_source(within, case, following) else run

    def _owned_by(self, entity: Span, hi: int) -> int | None:
        """The end of the noun that a German name in the genitive owns, right after it ("Laut
        Lorands Anwalt gebe es ...": the lawyer is the source), or None."""
        surface = entity.text_in(self.doc)
        if self.language != "de" or not surface.endswith("s") or self._normal(entity).endswith("s"):
            return None
        noun = _NEXT_WORD.match(self.text, entity.end, hi)
        return noun.end() if noun is not None and noun.group(1)[:1].isupper() else None

    def _source_reach(self, lo: int, limit: int, tokens: list[re.Match[str]]) -> int | None:
        """Up to two lowercase words and a run of capitalised ones ("dem Bericht der Kommission",
        "Jana Kowalskiego"), a name after a longer title, or a document noun among its first three
        words ("raportu", "доклада")."""
        i = 0
        while i < min(2, len(tokens)) and not tokens[i].group()[:1].isupper():
            i += 1
        j = i
        links = self.grammar.words.genitive_links
        while j < len(tokens) and tokens[j].group()[:1].isupper():
            j += 1
            if j < len(tokens) and QUOTE_MARK.search(self.text, tokens[j - 1].end(), tokens[j].start()):
                break  # "laut Portal Varnelland „Regen bis Freitag“": the quote is no source
            if j + 1 < len(tokens) and tokens[j].group() in links and tokens[j + 1].group()[:1].isupper():
                j += 1
        # A name after a title: the recogniser's name where it reaches further than the run of
        # capitals ("доклада на Европейската комисия"), the run where the name stops short.
        titled = self._titled_name(lo, limit)
        if j > i:
            end = max(tokens[j - 1].end(), titled or 0)
            # ... and the whole of a name that the run of capitals stops inside ("dem Bericht
            # des Instituts für Wirtschaftsforschung": a link that is no genitive's)
            k = bisect.bisect_right(self.any_entity_starts, end) - 1
            if k >= 0 and self.any_entities[k].start < end < self.any_entities[k].end <= limit:
                end = self.any_entities[k].end
            return end
        if titled is not None:
            return titled
        for token in tokens[:3]:
            if self._is_document(token):
                return token.end()
        return None

    def _titled_name(self, lo: int, hi: int) -> int | None:
        """The end of a name after a title of lowercase words ("министъра на отбраната Иван
        Петров", "ministra obrony narodowej Jana Kowalskiego"), within ``text[lo:hi]``; a name
        in quotation marks may stand in the title ("директор на „Пристанище Варна“ Мария ...")."""
        for i in range(bisect.bisect_left(self.entity_starts, lo), len(self.entities)):
            entity = self.entities[i]
            if entity.end > hi:
                return None
            title = _TOKEN.findall(_QUOTED_NAME.sub(" ", self.text[lo : entity.start]))
            if 0 < len(title) <= 5 and not any(word[:1].isupper() for word in title):
                return entity.end
            return None
        return None
