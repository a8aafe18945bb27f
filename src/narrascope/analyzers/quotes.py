"""Quotations and their speakers, in English, Russian, Ukrainian, German, French, Italian,
Spanish, Polish, Portuguese and Bulgarian; and in Hindi, whose verb comes last, by the rules of
:mod:`~narrascope.analyzers._hindi_quotes`.

Direct quotes are found by matching the quotation marks of every language
(:mod:`~narrascope.analyzers._quote_marks`): nested quotes stay inside their outer quote, and a
quote that runs over several paragraphs (each paragraph re-opening it) is one quote. In
Russian, Ukrainian, Bulgarian and Polish, a paragraph opened by a dash is direct speech too ("—
Мы не позволим, — заявил Путин. — Это очевидно.": two quotes of Putin's; a list item opened by
a dash in lower case, or ending in ";", is none), however short, and so is speech after a dash
that follows a sentence inside a paragraph, where the author's words follow it ("Песков
ответил. — Это неприемлемо, — заявил он."). A paragraph after one that
ends in a question is someone else's (an answer), whether in marks or after a dash. The speech
words of each language are data (:mod:`~narrascope.analyzers._speech_words`); from them come
these rules, tried in this order:

* after a quote: a speech verb and its subject (',” said X', '», — заявил X', '», a déclaré X',
  '“, sagte er'), or a source lead (',” according to X', '“, so der Minister'), unless a
  speech verb before the quote names who said it ('X said “...”, according to the agency');
* before it: 'X said: “', 'X a déclaré que « ', 'Как заявил X, «', 'As X said, “', the subject
  after the verb where German puts it ('Zu den Ursachen erklärte der Leiter: „'), a source lead
  ending in a colon ('Selon X : «', also ending the paragraph before a quoted one), or a
  speaker line in the paragraph before (next point);
* a title that opens with its source and a colon, without quotation marks ("Lorand: talks will
  resume in March", "Д-р Варников: ..."): what follows the colon is the source's claim as the
  outlet renders it, reported speech, where the source is a person the recognisers found,
  perhaps after a title, or the surname of one the article names in full ("Ukraine:",
  "Watch:" are topics and labels);
* transcript style: a paragraph that is only a name, perhaps with a title, and a colon
  ("Maria Zorina, spokeswoman of the ministry:"), makes the next paragraph a direct quote of
  that name, with or without marks. Quoted paragraphs that follow it, each wholly a quote,
  are the same speaker's too; an unquoted one covers the next paragraph only, since a second
  unquoted paragraph cannot be told from narration by rules;
* a quote with no speaker of its own takes the speaker of the reported clause that holds it
  ("X said he was 'sure of it'"), or of the attributed quote before it when it is in the same
  sentence or opens a later sentence of the paragraph ('“A,” X said. “B.”');
* reported speech, in sentences with no direct quote: a source lead ("according to X, ...",
  "..., selon X", "laut X ...", "по словам X, ..."), a title phrase ("As the director of the FSB
  said, ...", "Wie der Direktor des FSB sagte, ...") or a verb and its clause ("X warned that
  ...", "X erklärte, dass ...", "X a déclaré que ...", "X заявил, что ...", with up to eight
  words before the "that": "X said in a statement on Monday that ..."; in English also without
  "that" where the clause's first words and an auxiliary show it: "X said the talks would
  resume", "X said Russia was ready"; never a clause right after a preposition: "wrote in a
  column" reports nothing; in German also without "dass" where the clause's verb is in the
  Konjunktiv: "X sagte am Montag, die Lage sei ernst", and each sentence after it, or after a
  direct quote, that goes on in the Konjunktiv is the same speaker's: "Man werde ..."; a
  subject may follow the verb: "Im März sagte X, ...", "заявил журналистам X, что ..."), a
  verb and its subject ending the
  sentence ("..., the ministry said", "..., заявил журналистам X", "..., he wrote in a column for
  Izvestia on Monday", "..., the deputy chairman of the council, X, wrote"), a verb and its
  subject set off inside the sentence ("The exercise, he said, was purely defensive", "Эти
  учения, заявила Захарова, ...": what follows the attribution is what was said), or a lead
  with the source's pronoun inside ("По его словам, ...", "..., jego zdaniem"). A participle
  ("X rejected the claims, saying ...") reports for the subject of the clause it follows, or
  for a name right before it ("with the ministry saying ..."). A contrast that opens a report
  of another subject ends the first report: "X said the talks had failed, but Y said a deal was
  possible" is two, X's and Y's ("X заявил, что ..., а Y сказал, что ..."). Questions, negated
  verbs and existential clauses ("There were claims that ...") report nothing;
* what a quote's speaker adds after it in the same sentence ('“...,” she said, adding that ...',
  '..., noting that ...', '..., admitting that ...',
  'X accused NATO of “...” and said the alliance ...');
* a sentence before one that opens with its source ("... Об этом заявил X.", "Про це повідомив
  X", "Това заяви X"), unless it reports speech of its own (then the source passes it on);
* last, a quote in a "that" clause set apart from its verb ("X noted in its report, for
  example, that Iran was “...”") is the verb's subject's.

* what a speaker calls something: 'what X called “a hybrid war”', 'X назвал это «провокацией»'
  (the naming verbs of each language), when X is a person, an organisation or a pronoun right
  before the verb, or opens the clause that a participle follows ('X condemned the deliveries,
  calling them “...”'). Such a quote is a phrase of X's: later quotes do not continue it, and it
  does not stop the reported speech of its sentence ('X called it “A” and said that B').

Who speaks: a person (or organisation) entity in the speaker's place is preferred, except that
an organisation does not replace a title it is part of ("the director of the Russian FSB"); a
pronoun ("he", "она", "il", "sagte er") is the last person named before the quote, and so is
the left-out subject of languages that drop it (Italian, Spanish, Portuguese, the Slavic ones)
or of a clause joined by "and" or "who", skipping persons that the article shows to be of the
other gender than the pronoun's or the verb's ("заявила"); a pronoun that stands for no one
person ("they", "it", "по их словам") names no one; the person named before an apposition speaks,
not one inside it ("X, the spokesman for Y, said"), and so does a name set off after a title
("the president of the Central Bank, X, said"); a platform after a short word is where it was
said, not who said it ("wrote on Twitter"); a name seen in full earlier stands
for the full name ("Koval" -> "Irina Koval"), and what a person or an organisation is for
the nearest one named before as such, in an organisation's name or in the title or apposition
that introduced either ("the ministry" -> "Foreign Ministry", "в министерстве" ->
"Министерство обороны", "das Ministerium" -> "Verteidigungsministerium", "the minister" after
"Defence Minister X", "le syndicat" after "La FNSEA, principal syndicat agricole");
a definite description by a common noun of people ("the Democrat", "der Experte") for the one
person named in the sentence before it, or before it in its own;
otherwise the speaker is the phrase itself, unlinked ("the agency" with no agency named before,
"the director of the Russian FSB"). A document named as the source ("according to
the report", "selon le rapport", "согласно документу", "the statement said") is never taken
for a person.

Quote spans cover the quoted words without the marks (and without the spaces inside French
« ... »). Labels: ``direct``, ``reported``, and ``phrase`` for short quoted terms with no speaker
(scare quotes: so-called "peacekeepers"); a short quote inside reported speech is its speaker's
("According to X, the sanctions are “illegal”"), and reported speech that holds a quote stays a
quote of its own, unless the quote is most of it or follows a comma or colon ('X warned that
the services were waging “information attacks” against ...': both). ``attrs`` carry
``speaker`` (text), ``speaker_start``/``speaker_end``, ``speaker_entity`` (normal form of the
linked entity, if any), ``cue`` (the speech verb as written, with its auxiliary: "a déclaré"; a
lead in lower case: "according to"; ``:`` for a speaker line) and ``speaker_how``, one of:

* ``entity``: the speaker is a person or organisation entity, or a place entity that is the
  whole speaker but for an article ("Russia said", "A Rússia diz"), a state or its capital
  speaking for its government;
* ``name``: a phrase whose last word is the surname of a person named in full in the text, or
  what a person or an organisation named before it is ("the ministry", "the minister");
* ``pronoun``: a pronoun, or a verb whose subject is left out (Italian '», ha aggiunto'; the
  speaker span is then the verb), resolved to the last person named before it who fits (no
  ``speaker_entity`` when no one does);
* ``phrase``: words that name the speaker, not linked to an entity;
* ``group``: a pronoun that stands for no one person ("they said", "it added", "we are told"),
  counted as no one's in the corpus;
* ``document``: a report, statement, document or data named as the source, with its issuer
  as ``speaker_entity`` where the source names one ("a report by the European Commission",
  "einer Mitteilung des Verbandes" after "der Bundesverband der Deutschen Industrie").

A quote with no speaker found has ``speaker: None`` and nothing else.
"""

from __future__ import annotations

import bisect
import dataclasses
import re
from collections.abc import Sequence
from typing import Any

from narrascope.analyzers import _east_slavic as east_slavic
from narrascope.analyzers import _polish as polish
from narrascope.analyzers._hindi_quotes import hindi_quotes
from narrascope.analyzers._interviews import Turn, find_interviews, labelled_turns
from narrascope.analyzers._places import place_of
from narrascope.analyzers._quote_marks import (
    PAIRS,
    RawQuote,
    author_line_end,
    find_dialogue_quotes,
    find_direct_quotes,
)
from narrascope.analyzers._reported import TIME_NOUNS, ReportedSpeech
from narrascope.analyzers._speakers import (
    ATTRIBUTION_PUNCTUATION,
    OF_WORDS,
    SENTENCE_END,
    SPACE_AND_MARKS,
    WORD,
    WORD_BEFORE,
    Speaker,
    break_past_names,
    names_someone,
    pronoun_kind,
    trim,
)
from narrascope.analyzers._speech_patterns import (
    DOUBLE_MARKS,
    MARK_CHARS,
    QUOTE_MARK,
    Grammar,
    grammar,
    lower,
)
from narrascope.analyzers._speech_words import SPEECH_WORDS
from narrascope.analyzers.base import Analyzer
from narrascope.config import analyzer_defaults
from narrascope.document import Document
from narrascope.models.heads import function_words_of
from narrascope.paragraphs import NOT_AFTER_TITLE
from narrascope.registry import register

__all__ = ["QuoteAnalyzer", "RawQuote", "find_direct_quotes", "pronoun_kind"]


_PAIRS = PAIRS  # tests check each quote's closing mark against its opener
# The articles that open a subject after its verb ("E prosegue l'articolo:"): whole words, or
# elided before the noun ("l'"). Portuguese "a" is left out: it is also "to" ("disse a Lusa").
_ARTICLES = {
    "it": ("il ", "lo ", "la ", "i ", "gli ", "le ", "l'", "l’"),
    "fr": ("le ", "la ", "les ", "l'", "l’"),
    "es": ("el ", "la ", "los ", "las "),
    "pt": ("o ", "os ", "as "),
    "de": ("der ", "die ", "das "),
}
_MOST = 0.6  # of a reported clause's characters that a quote inside it may cover, at most
# Words at most in an attribution after a quote: '“...,” he will say in a speech in Singapore.',
# '"...", disse na terça-feira (12) a economista de energia Clara Nunes.' (11)
_ATTRIBUTION_TAIL_WORDS = 12
# A dash inside a quote that sets off its attribution ('“... – dichiara Pietro Lenzi – ...”'),
# and the words at most between the verb and the dash that closes it.
_INTERJECTION_DASH = re.compile(r"(?<=\s)[–—](?=[ ,.;:])")
# ... and the one that closes it, also a hyphen typed against the name ('– ha spiegato X- in')
_INTERJECTION_CLOSE = re.compile(r"(?<=\s)[–—](?=[ ,.;:])|(?<=\w)[-–—](?=\s)")
_INTERJECTION_WORDS = 10
# Words at most of a quoted name that labels the line after it ('«Радио»: — ...').
_LABEL_WORDS = 4
# ... and in one that opens with the speaker, whose description follows ('“...,” said Ana Reis,
# a retired teacher who ...').
_LONG_ATTRIBUTION_WORDS = 30
# A quote this long is a clause, not a name: '“We will win” X said' ('«Газпром» сообщил' is not).
_CLAUSE_WORDS = 3
_NAME_WORDS = 4  # at most, in a name in quotation marks ('“Radio Norda Weekly” reported')
_QUOTED_AS_WORDS = 10  # at most, before the participle of '”, the paper quoted a senior official as saying'
# A title that opens with its source: "Name: claim" on the first line.
_HEADLINE = re.compile(r"[ \t]*(?P<source>[^\n:]{2,80}):[ \t]+(?P<claim>[^\n]*\S)")
_HEADLINE_WORDS = 3
_SENTENCE_STOP = re.compile(rf"{NOT_AFTER_TITLE}[.!?…]+[\"”»“]?(?=\s|$)")
# Where the words after a quote stop being about it: the sentence's end or the next quote.
_QUOTED_SENTENCE_END = re.compile(rf"[.!?…][{DOUBLE_MARKS}]\s+")
_COLON_LEAD_WORDS = 2  # at most, before the subject of 'L'ingegnere X ... non ha dubbi: “'
_POSSESSIVE_AFTER = re.compile(r"['’]s?\b")  # "Lorand's office"
_LAST_WORD = re.compile(r"(\w+)\s*$")  # the last word before an offset, touching it or not
_TAIL_STOP = re.compile(rf"{NOT_AFTER_TITLE}[.!?](?:\s|$)|[“«„\"]")
# The groups of ``Grammar.reported`` where a clause without "that" begins (after "that", the
# rule with the words before the first comma reads it).
_OWN_CLAUSE_GROUPS = ("content2", "content5", "content6")
_EDITORIAL_NOTE = re.compile(r"\s*[(\[]\s*(\w+)")
_LEAD_PUNCTUATION = re.compile(r"\s*[,:]\s*$")  # between a lead's verb and the quote it opens
# A wire story's date line before its first sentence: its place, perhaps the agency, the date,
# and the dash ("ROMA, 5 ottobre – ", "KYIV, Nov. 9 (Reuters) - ", "МОСКВА (ТАСС) — "), or two
# hyphens for one ("BEIJING, Sept. 17 (Xinhua) -- ").
_DATELINE = re.compile(
    r"[ \t]*(?P<place>[^\W\d_]+(?:[ -][^\W\d_]+){0,3})\s*(?P<agency>\([^)\n]{1,30}\)\s*)?"
    r"(?P<date>,[^\n–—;!?]{0,40}?\d[^\n–—;!?()]{0,12}?)?\s*(?P<agency2>\([^)\n]{1,30}\)\s*)?(?:--|[–—-])\s+(?=\w)"
)


class _Attributor(ReportedSpeech):
    """Finds speakers for one document's direct quotes (and, through :class:`ReportedSpeech`,
    its reported speech): its entities, sentences and paragraphs indexed once."""

    # -- a headline's claim ---------------------------------------------------------------------

    def headline(self, taken: Sequence[tuple[int, int]]) -> tuple[int, int, Speaker] | None:
        """The claim of a title that opens with its source and a colon, without quotation
        marks ("Lorand: talks will resume in March", "Д-р Варников: зимите ще са по-топли"): the
        words after the colon, as the outlet renders them, and the person before it, perhaps
        after a title (:meth:`_speaker_line`: a person entity, not a topic, place or label such
        as "Ukraine:", "Watch:"); none where a quote found already holds any of the words."""
        title = _HEADLINE.match(self.text)
        if title is None:
            return None
        start, end = trim(self.text, *title.span("claim"))
        if (
            self.text[start] in MARK_CHARS
            or len(WORD.findall(self.text, start, end)) < _HEADLINE_WORDS
            or any(a < end and start < b for a, b in taken)
        ):
            return None
        speaker = self._speaker_line(*title.span("source"), quoted=False)
        # a work's title that holds a name ("The Silent Lorand: ..."), not a person's title
        if speaker is not None and any(
            lower(word) in function_words_of(self.language)
            for word in WORD.findall(self.text, title.start("source"), speaker.start)
        ):
            return None
        if speaker is None:
            # a surname alone, which recognisers often miss in a title ("Lorand:"), of a person
            # the article names in full
            source = trim(self.text, *title.span("source"))
            words = self.text[source[0] : source[1]].split()
            if (
                words
                and len(words) <= _LABEL_WORDS
                and words[-1][:1].isupper()
                and words[-1].isalpha()
                and self.fullest.get(words[-1].lower()) is not None
            ):
                # the surname alone: a title before it is no other given name ("Д-р Варников")
                surname = (source[1] - len(words[-1]), source[1])
                speaker = self.link(self._speaker(*surname, "phrase", ":"))
        if speaker is None or not speaker.entity:
            return None
        return start, end, speaker

    # -- direct quotes ------------------------------------------------------------------------

    def for_quote(self, quote: RawQuote) -> Speaker | None:
        text, grammar = self.text, self.grammar
        # After the quote: up to the end of its sentence (or a window), e.g. ',” said X.'
        after = quote.close + 1
        # ... or of the author's paragraph after a block of speech (",⏎— отметил X.")
        line_end = author_line_end(text, quote.close) or text.find("\n", quote.close)
        hi = min(len(text) if line_end < 0 else line_end, after + self.window)
        stop = _TAIL_STOP.search(text, after, hi)
        source = grammar.after_quote.match(text, after, stop.start() if stop else hi)
        if source is not None and self._plausible_source(source.group("cue"), source.group("who")):
            named = self._named(source.start("who"), source.end("who"), lower(source.group("cue")))
            if named.how != "none":
                # 'X said “...”, according to the agency': the agency reports what X said
                before = self._verb_before(quote)
                return before if before is not None and names_someone(before) else named
        if (
            text[quote.start : quote.end].rstrip(" ])")[-1:] in tuple(".!?…")
            and text[max(0, quote.open - 3) : quote.open].rstrip().endswith(":")
            and text[after : after + 3].lstrip()[:1] not in tuple(",—–-")
        ):
            # 'He fumed: “... fine.” However, the envoy said, ...': a whole sentence that a verb
            # and a colon lead to is that verb's, not the next sentence's (but '...: «...», —
            # сказал X' is X's)
            lead = self._verb_before(quote)
            if lead is not None and names_someone(lead):
                return lead
        # a verb's words go on past a quoted name ('", написа в "Телеграм" прокурорът X')
        stop = break_past_names(text, _TAIL_STOP, after, hi, grammar.verbs)
        tail_end = stop.start() if stop else hi
        note = _EDITORIAL_NOTE.match(text, after, tail_end)
        if note is not None and lower(note.group(1)) in grammar.words.editorial_notes:
            tail_end = after  # '“...” (emphasis added)': the editor's, who said it is found elsewhere
        cue = grammar.verbs.search(text, after, tail_end) or grammar.tail_verbs.search(text, after, tail_end)
        if cue is not None:
            cue = self._past_relative_clause(after, cue, tail_end)
        if (
            cue is not None
            # '“...” theory, saying that ...' reports what follows, not the quote before; but
            # '“...,” X is quoted as saying' reports the quote
            and (lower(cue.group()) not in grammar.words.participles or self._quoted_as(after, cue.start()))
            # '“...”, have been reported by sailors': a passive's subject is what was said, not who
            and not self._passive(after, cue.start())
            # '"the Norda factor", which claims that ...': a relative right after the quote
            # stands for what it names (not "WHO", the body)
            and not _relative_next(text, after, cue.start(), grammar)
            # An attribution is set off by punctuation: ',” said X', '», — заявил X'; in
            # '«Газпром» сообщил' the quoted name is the verb's subject.
            and (
                ATTRIBUTION_PUNCTUATION.search(text, after, cue.start()) is not None
                or text[quote.start : quote.end].rstrip(" ])")[-1:] in tuple(",.!?…")  # '...[,]” Trump wrote'
                # a sentence quoted at a sentence's start needs no comma: '“We will win” X said'
                or (
                    _opens_sentence(text, quote.open)
                    and len(text[quote.start : quote.end].split()) >= _CLAUSE_WORDS
                    # not a name in marks ('“Radio Norda Weekly” reported the vote'; a headline's
                    # quote in title case is longer)
                    and not (
                        len(text[quote.start : quote.end].split()) <= _NAME_WORDS
                        and all(word[:1].isupper() for word in text[quote.start : quote.end].split())
                    )
                )
            )
            # a few words between, or a subject with appositions: ', X, the head of Y, said'
            and (
                text[after : cue.start()].strip(" ,—–-").count(" ") <= 6
                or self._right_after(after, self._appositive(after, cue.start()))
                # 'the Ledger quoted a senior Norda official as saying'
                or (
                    len(self._without_apposition(after, cue.start())) <= _QUOTED_AS_WORDS
                    and lower(cue.group()) in grammar.words.participles
                    and self._quoted_as(after, cue.start())
                )
            )
            # '“dirty air,” critics claim that ozone ...': the verb reports its own clause
            and not self._that_clause_after(cue.end(), tail_end)
            # 'X observed: “' is the next quote's
            and not self._colon_leads_on(cue.end(), tail_end)
            # '“... more.” Lorand told reporters, “...”': after a whole sentence quoted, a verb
            # and a comma lead to the next quote (not '“...,” he said, “and ...”', one quote in two)
            and not (
                text[quote.start : quote.end].rstrip(" ])")[-1:] in tuple(".!?…")
                and text[cue.end() : tail_end].rstrip().endswith(",")
                and text[tail_end : tail_end + 1] in DOUBLE_MARKS
            )
            # '«Радио»: — Министр говорил, что ...': a quoted name that labels what follows (not a
            # headline's quote before its speaker: '«Ни шагу назад, ни слова лжи»: X заявила')
            and not (
                text[after : cue.start()].lstrip().startswith(":")
                and _name_like(text[quote.start : quote.end])
            )
            # '“... level.” Some experts believe that ...' opens a sentence of its own, as do
            # '“... mistake.” While insisting that he trusts ...' and '“...” Another page asks
            # pupils to picture that ...': a clause of its own, with no comma before its
            # "that" (not '«...!» — заявил он, добавив, что ...')
            and not (
                text[quote.start : quote.end].rstrip()[-1:] in tuple(".!?…")
                and (
                    _first_word(text, after, cue.start()) in grammar.words.clause_openers
                    or any(
                        lower(word) in grammar.words.that
                        for word in WORD.findall(text[cue.end() : tail_end].split(",", 1)[0])
                    )
                    # '“...” A source said the talks had failed.': a clause of the verb's own
                    or self._reports_own_clause(cue, tail_end)
                    # '“...” Later, the paper reported, the mayor left': an adverb set off
                    # opens a sentence of its own
                    or self._opening_set_off(after, cue.start())
                )
            )
        ):
            if lower(cue.group()) in (*grammar.words.tail_verbs, *grammar.words.relayers):
                # '... X said Russia knows NATO wants to “...,” Interfax reported': the agency
                # passes on what X said (a tail verb only relays, as "informou a agência" does)
                inner = self.around(quote)
                if inner is not None and names_someone(inner):
                    return inner
            # '", добави премиерът, призовавайки ... за Европарламент': the gerund's clause
            # holds no subject
            gerund = self._gerund_clause(cue.end(), tail_end)
            tail = self._from_region(after, gerund or tail_end, cue, quote.open, direct=True)
            if tail.how in ("none", "pronoun") and tail.start == cue.start():
                # a verb after the quote that left its subject out, where a verb before it names
                # one: 'os técnicos pedem «...», concluem', 'X diz que “...”, mas avisa'
                before = self._verb_before(quote)
                if before is not None and before.how in ("entity", "name", "phrase"):
                    return before
            return tail
        # Inside the quote, set off by dashes: '“... – dichiara Pietro Lenzi – ...”'
        inside = self._interjected(quote)
        if inside is not None:
            return inside
        attributed = self._attributed_next(quote)
        if attributed is not None:
            return attributed
        # Before the quote: from the start of its line (or a window), e.g. 'X said: “'
        speaker = self._verb_before(quote) or self._source_before(quote)
        if speaker is not None:
            return speaker
        line_start = text.rfind("\n", 0, quote.open) + 1
        lo = max(line_start, quote.open - self.window)
        naming = self._naming(lo, quote.open)
        if naming is not None:
            return naming
        subject = self._colon_subject(lo, quote.open)
        if subject is not None:
            return subject
        head = text[line_start : quote.open].rstrip()
        if head.endswith(":") and not any(c in MARK_CHARS for c in head):  # 'Maria Zorina: “...”'
            return self._speaker_line(line_start, line_start + len(head) - 1, quoted=True)
        if not head and line_start > 0:
            return self._from_previous_paragraph(line_start, quote.open)
        return None

    def _quoted_as(self, lo: int, hi: int) -> bool:
        """Whether ``text[lo:hi]`` ends with a phrase of ``quoted_as`` ("X is quoted as"), or with
        a quoting verb, its object and "as" ("Reuters quoted X as")."""
        words = self._without_apposition(lo, hi)
        w = self.grammar.words
        if words and words[-1] in w.as_words and any(word in w.quoting for word in words[-9:-2]):
            return True  # "Reuters quoted X as"
        return any(words[-len(p.split()) :] == p.split() for p in w.quoted_as)

    def _past_relative_clause(self, after: int, cue: re.Match[str], end: int) -> re.Match[str]:
        """The speech verb after a relative clause set off by commas that holds ``cue``
        ('“...,” Lorand, who wrote a book about it, said': "said", not "wrote"); ``cue`` where
        there is none."""
        opening = self.text.rfind(",", after, cue.start())
        first = WORD.search(self.text, opening + 1, cue.start()) if opening >= 0 else None
        if first is None or lower(first.group()) not in self.grammar.words.relatives:
            return cue
        closing = self.text.find(",", cue.end(), end)
        later = self.grammar.verbs.search(self.text, closing, end) if closing >= 0 else None
        return cue if later is None else later

    def _colon_leads_on(self, start: int, end: int) -> bool:
        """Whether ``text[start:end]``, after a quote's verb, ends with a colon that leads to the
        next quote: that verb's ('X observed: “'), or another verb's after a comma ('Asked ...,
        Lorand said: “'); not a participle's ('“...,” he said, before adding: “')."""
        if not self.text[start:end].rstrip().endswith(":"):
            return False
        comma = self.text.rfind(",", start, end)
        return comma < 0 or self.grammar.verbs.search(self.text, comma, end) is not None

    def _reports_own_clause(self, cue: re.Match[str], end: int) -> bool:
        """Whether the speech verb ``cue`` reports a clause of its own before ``end`` ("said the
        talks had failed", "said prices would rise")."""
        own = self.grammar.reported.match(self.text, cue.start(), end)
        return own is not None and any(own.group(group) for group in _OWN_CLAUSE_GROUPS)

    def _opening_set_off(self, start: int, end: int) -> bool:
        """Whether ``text[start:end]`` opens with adverbs set off by a comma ("Later,",
        "Meanwhile,"): the opening of a sentence, not a speaker's name after the quote before it."""
        comma = self.text.find(",", start, end)
        words = [lower(word) for word in WORD.findall(self.text, start, comma)] if comma >= 0 else []
        return bool(words) and all(self.grammar.words.is_adverb(word) for word in words)

    def _that_clause_after(self, start: int, end: int) -> bool:
        """Whether an English "that" opens a clause right at ``start`` ("claim that methane
        ..."; not "said that day")."""
        words = [lower(word) for word in WORD.findall(self.text, start, end)[:2]]
        return (
            self.language == "en"
            and bool(words)
            and words[0] in self.grammar.words.that
            and (len(words) < 2 or words[1] not in TIME_NOUNS)
        )

    def _gerund_clause(self, start: int, end: int) -> int | None:
        """Where a gerund's clause set off by a comma begins in ``text[start:end]``, if one does."""
        comma = self.text.find(",", start, end)
        while comma >= 0:
            if self._gerund_after(comma + 1, end):
                return comma
            comma = self.text.find(",", comma + 1, end)
        return None

    def _without_apposition(self, lo: int, hi: int) -> list[str]:
        """The words of ``text[lo:hi]`` in lower case, less an apposition between commas before
        its last word ("quoted Elena Varga, a member of the polling staff, as": the phrase is
        read as "quoted Elena Varga as")."""
        last = self.text.rfind(",", lo, hi)
        opening = self.text.rfind(",", lo, last) if last >= 0 else -1
        if opening >= 0 and len(WORD.findall(self.text, last, hi)) == 1:
            kept = WORD.findall(self.text, lo, opening) + WORD.findall(self.text, last, hi)
        else:
            kept = WORD.findall(self.text, lo, hi)
        return [lower(word) for word in kept]

    def _attributed_next(self, quote: RawQuote) -> Speaker | None:
        """The source named by the sentence after a quote that is a sentence of its own:
        '«...». Об этом заявил X.', '„...“. Това заяви X.' (as a sentence of reported speech
        is: :meth:`source_for_before`)."""
        if not _opens_sentence(self.text, quote.open):
            return None
        i = bisect.bisect_right(self.sentence_starts, quote.close) - 1
        if not 0 <= i < len(self.sentences) - 1:
            return None
        after = self.sentences[i + 1]
        if self.text[quote.close + 1 : after.start].strip().strip(".!?…"):
            return None  # more of the sentence after the quote: its own attribution, if any
        return self.source_for_before(after.start, after.end)

    def _interjected(self, quote: RawQuote) -> Speaker | None:
        """The speaker of an attribution that the quote's own words set off by dashes ('“Non
        lasceremo nessuno – dichiara Pietro Lenzi – e apriremo”', '« Nous irons – a ajouté le
        ministre – jusqu'au bout »'): the first dash that a speech verb follows, and a dash
        again after a few words."""
        text, grammar = self.text, self.grammar
        for dash in _INTERJECTION_DASH.finditer(text, quote.start, quote.end):
            cue = grammar.verbs.match(text, dash.end() + 1, quote.end)
            closing = _INTERJECTION_CLOSE.search(text, dash.end(), quote.end)
            if cue is None or closing is None:
                continue
            if len(WORD.findall(text, cue.end(), closing.start())) > _INTERJECTION_WORDS:
                return None
            # the quote's words hold the name, which the rules for a region outside quotes pass over
            named = [p for p in self.persons if cue.end() <= p.start and p.end <= closing.start()]
            if (
                named
            ):  # the last: a title before it is its own ('spiega la segretaria della Cgil, Chiara Volpi')
                return self._of_entity(named[-1], cue.group())
            speaker = self._from_region(dash.start(), closing.start(), cue, quote.open, direct=True)
            return speaker if speaker.how != "none" else None
        return None

    def _source_before(self, quote: RawQuote) -> Speaker | None:
        """The source of a lead that opens the quote's sentence and ends in a colon ('Selon le
        ministre X : «', 'According to the report: “'), or None."""
        line_start = self.text.rfind("\n", 0, quote.open) + 1
        return self._source_leading_to(max(line_start, quote.open - self.window), quote.open)

    def _source_leading_to(self, lo: int, hi: int) -> Speaker | None:
        """The source of a lead that opens the last sentence of ``text[lo:hi]`` and ends in a
        colon at ``hi`` ('According to the report: “'), or in a comma or nothing at all after
        a source lead ('Segundo a engenheira “...”'), or None."""
        text = self.text
        colon = lo + len(text[lo:hi].rstrip()) - 1
        if colon < lo or not (text[colon] in ":," or text[colon].isalnum()):
            return None
        start = max((m.end() for m in SENTENCE_END.finditer(text, lo, hi)), default=lo)
        if text[colon] != ":":
            # no colon: a short source right before the mark, whose lead opens the sentence
            colon += text[colon].isalnum()
            i = bisect.bisect_right(self.sentence_starts, hi) - 1
            start = max(start, self.sentence_starts[i] if i >= 0 else lo)
            if len(text[start:colon].split()) > _BARE_SOURCE_WORDS or QUOTE_MARK.search(text, start, colon):
                return None
        start += len(text[start:hi]) - len(text[start:hi].lstrip())
        last = _LAST_WORD.search(text, start, colon)
        if (
            last is not None
            and text[colon : colon + 1] == ":"
            and lower(last.group(1)) in self.grammar.words.colon_leads
        ):
            # 'Lerici weiter: „...“': a name, and a word for the verb
            subject = self._entity_at(start, last.start(1))
            if subject is not None and subject.label in ("PER", "ORG"):
                return self.link(self._of_entity(subject, last.group(1)))
        lead = self.grammar.according_lead.match(text, start, hi)
        if lead is None or not self._plausible_source(lead.group("lead"), text[lead.start("rest") : colon]):
            return None
        named = self.link(self._named(lead.start("rest"), colon, lower(lead.group("lead")), title=True))
        if named is None or not names_someone(named):
            return None
        # without a colon, the source runs up to the mark: 'Según la OMM, sin embargo, hay una
        # “...”' is the source's clause, not its name
        bare = named.how not in ("entity", "name", "document") or text[named.end : colon].strip(" ,")
        return named if text[colon] == ":" or not bare else None

    def _colon_subject(self, lo: int, hi: int, whole: bool = False) -> Speaker | None:
        """'L'ingegnere X, esperto di ponti, non ha dubbi: “...”', 'Lorand was blunt: “...”': the
        person who opens the sentence that a colon ends right before the quote, as its subject
        (after a title or an article at most, not in another's possessive); None otherwise.
        ``whole``: the sentence from its start on its line, not from ``lo`` (a quote in the next
        paragraph, which no window before it cuts)."""
        text = self.text
        colon = lo + len(text[lo:hi].rstrip()) - 1
        if colon < lo or text[colon] != ":":
            return None
        i = bisect.bisect_right(self.sentence_starts, colon) - 1
        opens = max(
            self.text.rfind("\n", 0, colon) + 1 if whole else lo, self.sentence_starts[i] if i >= 0 else lo
        )
        opens += len(text[opens:colon]) - len(text[opens:colon].lstrip(SPACE_AND_MARKS))
        j = bisect.bisect_left(self.entity_starts, opens)
        first = self.entities[j] if j < len(self.entities) else None
        if first is None or first.label != "PER" or first.end > colon or self._inside_quote(first.start):
            return None
        lead = WORD.findall(text, opens, first.start)
        if (
            len(lead) > _COLON_LEAD_WORDS
            or text[opens : first.start].strip(SPACE_AND_MARKS)[-1:] in (",", ":")
            # ... nor a noun's complement ('... il ponte di X è chiuso, come dice il sindaco:')
            or any(lower(word) in (*self.grammar.words.prepositions, *OF_WORDS) for word in lead)
            or _POSSESSIVE_AFTER.match(text, first.end) is not None
            # 'X прочете на глас писмото на Y, като го цитира:': whom X quotes spoke
            or any(lower(word) in self.grammar.words.quoting for word in WORD.findall(text, first.end, colon))
        ):
            return None
        return self.link(self._of_entity(first, ":"))

    def _verb_before(self, quote: RawQuote) -> Speaker | None:
        """The speaker of a speech verb that leads to the quote from its line ('X said: “',
        'As X said, “'), or None where none does."""
        line_start = self.text.rfind("\n", 0, quote.open) + 1
        return self._verb_leading_to(max(line_start, quote.open - self.window), quote.open)

    def _verb_leading_to(self, lo: int, hi: int) -> Speaker | None:
        """The speaker of the last speech verb in ``text[lo:hi]`` that leads to what follows
        ``hi`` with at most a few words, a colon or a "that" between, in the same sentence."""
        text, grammar = self.text, self.grammar
        cues = list(grammar.verbs.finditer(text, lo, hi))
        if not cues:
            cues = self._tail_verb_leading(lo, hi)
        if not cues or "." in text[cues[-1].end() : hi]:
            return None
        cue = cues[-1]
        if not grammar.lead_in.fullmatch(text[cue.end() : hi].strip()):
            return None
        last = next(reversed(list(WORD.finditer(text, cue.end(), hi))), None)
        if last is not None and lower(last.group()) in grammar.words.that:
            hi = last.start()  # 'afirma que “...”': the "that" is no subject after the verb
        # a sentence ends inside a quote too ('“... more.” Lorand told reporters, “'): the
        # verb's subject is after it
        ends = (
            *SENTENCE_END.finditer(text, lo, cue.start()),
            *_QUOTED_SENTENCE_END.finditer(text, lo, cue.start()),
        )
        boundary = max((m.end() for m in ends), default=lo)
        if self._passive(boundary, cue.start()):
            # 'the envoy was informed that the “...”', 'but was asked: “...”': not by them
            return self._speaker(cue.start(), cue.end(), "none", cue.group())
        as_said = grammar.as_said.match(text, boundary, hi)
        if as_said is not None:  # 'As X said, “' and 'As X said, they are “'
            speaker = self._as_said(as_said.start("rest"), as_said.end("rest"))
            if speaker is not None:
                return speaker
        if self._subject_follows(boundary, cue) or self._inverted_after_connective(boundary, cue, hi):
            # 'Zu den Ursachen erklärte der Leiter des Programms: „', 'E prosegue l'articolo: “':
            # the subject after the verb
            after = self._from_region(cue.start(), hi, cue, direct=True)
            if after.how != "none":
                return after
        speaker = self._from_region(boundary, hi, cue, direct=True)
        # a participle whose subject is not found says nothing of who speaks
        return None if speaker.how == "none" and lower(cue.group()) in grammar.words.participles else speaker

    def _tail_verb_leading(self, lo: int, hi: int) -> list[re.Match[str]]:
        """A verb that is as often a noun ("claim") right before a colon or comma that opens the
        quote ("Critics claim: “"): a verb there, as where it ends a sentence."""
        lead = _LEAD_PUNCTUATION.search(self.text, lo, hi)
        if lead is None:
            return []
        cue = self.grammar.tail_verbs.search(self.text, lo, lead.start())
        return [] if cue is None or cue.end() != lead.start() else [cue]

    def _inverted_after_connective(self, start: int, cue: re.Match[str], hi: int) -> bool:
        """Whether the verb ``cue`` follows only a conjunction and adverbs and has words after it
        that are no preposition's, in a language that puts a subject after its verb ('E prosegue
        l'articolo:', 'Et ajoute le ministre :'): those words are its subject."""
        words_of = self.grammar.words
        before = [lower(w) for w in WORD.findall(self.text, start, cue.start())]
        after = WORD.search(self.text, cue.end(), hi)
        if not (words_of.inverts and before and before[0] in words_of.gap_stops and after is not None):
            return False
        # a subject opens with a name or an article; 'E ha detto ai giornalisti:' tells to whom
        rest = lower(self.text[after.start() : hi])
        named = after.group()[:1].isupper() or rest.startswith(_ARTICLES.get(self.language, ()))
        return named and all(w in words_of.gap_stops or words_of.is_adverb(w) for w in before)

    def _naming(self, lo: int, quote_open: int) -> Speaker | None:
        """The speaker of 'what X called “...”' / 'X назвал это «...»': a person, an organisation,
        a pronoun or the surname of a person named in full, right before the naming verb (one
        word may stand between: 'he has called'), never the thing named ('a group called “X”'),
        nor after an object that makes the verb list ('назвал имена западных «экспертов»'). After
        a comma, a participle ('X condemned them, calling them “...”') names for the subject of
        the clause it follows."""
        cue = self.grammar.naming.search(self.text, lo, quote_open)
        if cue is None:
            return None
        listed = self.text[cue.end() : quote_open].casefold().split()
        if any(word.strip(",") in self.grammar.words.listing for word in listed):
            return None
        before = WORD_BEFORE.search(self.text, lo, cue.start())
        if before is not None and lower(before.group(1)) in self.grammar.words.passives:
            return None  # 'she was described as “...”': the one named
        boundary = max((m.end() for m in SENTENCE_END.finditer(self.text, lo, cue.start())), default=lo)
        after = WORD.search(self.text, cue.end(), quote_open)
        if (
            after is not None
            and after.start() == cue.end() + 1
            and self.grammar.pronouns.fullmatch(after.group())
        ):
            # 'Die Gäste ... nannte er „...“': the subject after its verb
            return self.link(self._subject_at(after.start(), after.end(), cue.group()))
        participle = lower(cue.group()) in self.grammar.words.naming_participles
        if (
            self._after_break(boundary, cue)
            if participle
            else self.text[lo : cue.start()].rstrip().endswith(",")
        ):
            # ', calling them “...”' names for the subject of the clause before the comma, and
            # so do 'X, for her part, called' and 'X, director of the campaign at Y, slammed':
            # not a name in the aside, nor the object after the verb
            speaker = self.link(self._participle_subject(boundary, cue))
            return speaker if speaker is not None and speaker.how != "none" else None
        if participle:
            return None  # 'a move calling the ...' or 'the man calling himself “...”'
        speaker = self.link(self._from_region(boundary, quote_open, cue, quote_open, direct=True))
        if (
            speaker is None
            or speaker.how not in ("entity", "pronoun", "name")
            or speaker.end > cue.start()  # 'я назвал Саломе «...»': the one named is no speaker
            or len(self._between_subject_and_verb(speaker.end, cue.start())) > 1
        ):
            return None
        return speaker

    def _between_subject_and_verb(self, start: int, end: int) -> list[str]:
        """The words between a subject and its verb that might be another clause: not the
        adverbs that go with the verb ('X has also repeatedly called', 'X в свою очередь
        назвала')."""
        words = lower(self.text[start:end]).split()
        adverbs = self.grammar.words.adverbs_before_verb + self.grammar.words.clause_auxiliaries
        for phrase in sorted(adverbs, key=len, reverse=True):
            parts = phrase.split()
            i = 0
            while i + len(parts) <= len(words):
                if words[i : i + len(parts)] == parts:
                    del words[i : i + len(parts)]
                else:
                    i += 1
        return words

    def interview_turns(
        self, raw: list[RawQuote], dialogue: set[int]
    ) -> tuple[dict[Turn, dict[str, Any]], dict[int, Speaker]]:
        """The quote attributes of each question and answer of the document's interviews: its
        dash paragraphs and its labelled ones ("Q: ..."); and the interviewee of each answer
        with the author's words after it, by where its speech starts."""
        text, words = self.text, self.grammar.words
        turns = labelled_turns(text, words)
        for quote in raw:
            if quote.open not in dialogue:
                continue
            line_start = text.rfind("\n", 0, quote.open) + 1
            line_end = text.find("\n", quote.open)
            line_end = len(text) if line_end < 0 else line_end
            start, end = trim(text, quote.start, quote.end)
            whole = not text[line_start : quote.open].strip() and not text[quote.close : line_end].strip()
            turns.append(Turn(quote.start, quote.end, line_start, text[start:end].endswith("?"), whole))
        found: dict[Turn, dict[str, Any]] = {}
        attributed: dict[int, Speaker] = {}
        for interview in find_interviews(text, turns, self.persons, self.sentences, words, self._normal):
            for turn in interview.questions:
                found[turn] = {"speaker": None, "turn": "question"}
            if interview.interviewee is None:
                continue
            speaker = self.link(self._of_entity(interview.interviewee, interview.cue))
            assert speaker is not None  # an entity's speaker links to one
            for turn in interview.answers:
                found[turn] = {**_speaker_attrs(speaker, self.language), "turn": "answer"}
            attributed.update((turn.start, speaker) for turn in interview.attributed)
        return found, attributed

    def names(self, speaker: Speaker) -> bool:
        """Whether ``speaker`` was found by a naming verb ('X called it “...”')."""
        return self.grammar.naming_verbs.fullmatch(speaker.cue) is not None

    def _from_previous_paragraph(self, line_start: int, paragraph_start: int) -> Speaker | None:
        """A quote alone in its paragraph, after 'X told reporters:', 'Selon X :' or a speaker line."""
        text = self.text
        window_start = max(0, line_start - self.window - 2)
        p_end = window_start + len(text[window_start:line_start].rstrip())
        if text[p_end - 1 : p_end] == ":":
            p_lo = max(text.rfind("\n", 0, p_end) + 1, p_end - self.window)
            leading = self._verb_leading_to(p_lo, p_end) or self._source_leading_to(p_lo, p_end)
            if leading is not None:
                return leading
            cues = list(self.grammar.verbs.finditer(text, p_lo, p_end))
            if cues:
                # its sentence only: not the words of the sentence before
                p_lo = max(
                    (m.end() for m in SENTENCE_END.finditer(text, p_lo, cues[-1].start())), default=p_lo
                )
                return self._from_region(p_lo, p_end, cues[-1], direct=True)
            # 'X backed the plan in Vienna:' and the quote in the next paragraph
            subject = self._colon_subject(p_lo, p_end, whole=True)
            if subject is not None:
                return subject
        line = self.speaker_lines.get(paragraph_start)
        return line[0] if line is not None else None

    def transcript_paragraphs(self, opens: set[int]) -> list[tuple[int, int, Speaker]]:
        """Unquoted paragraphs after a speaker line: (start, end, speaker) of each."""
        found = []
        for start, (speaker, end) in self.speaker_lines.items():
            if start in opens or start in self.speaker_line_starts:
                continue  # a quoted paragraph (for_quote has it), or the next speaker line
            start, end = trim(self.text, start, end, strip=SPACE_AND_MARKS)
            if WORD.search(self.text, start, end):
                found.append((start, end, speaker))
        return found


@register
class QuoteAnalyzer(Analyzer):
    name = "narrascope.quotes.v1"
    requires = ("language", "sentence", "entity")
    provides = ("quote",)
    defaults = analyzer_defaults(name)
    # Speech verbs and reported-speech forms exist for these; quotation marks alone would
    # give quotes without speakers.
    languages = (*SPEECH_WORDS, "hi")

    def __call__(self, doc: Document) -> None:
        if doc.language == "hi":  # verb last: rules of its own
            for hindi in hindi_quotes(doc, int(self.settings["min_quote_words"])):
                self.span(doc, hindi.start, hindi.end, "quote", hindi.kind, attrs=dict(hindi.attrs))
            return
        language = doc.language if doc.language in SPEECH_WORDS else "en"
        doc = _without_stray_lead_mark(doc, grammar(language))
        text = doc.text
        raw = [q for q in find_direct_quotes(text) if text[q.start : q.end].strip()]
        # Speech after a dash is speech however short ("— Нет."); a short quote in marks is a phrase.
        dialogue: set[int] = set()
        if SPEECH_WORDS[language].dialogue_dashes:
            lines = [
                q
                for q in find_dialogue_quotes(text, grammar(language).verbs)
                if text[q.start : q.end].strip()
            ]
            raw = _with_dialogue(raw, lines)
            dialogue = {q.open for q in lines}
        attributor = _Attributor(
            doc, language, int(self.settings["attribution_window"]), [(q.open, q.close) for q in raw]
        )
        blocked: list[tuple[int, int]] = []
        named: list[tuple[int, int]] = []  # quotes of what someone calls something
        said: dict[int, Speaker] = {}  # the speaker of each quote in ``blocked``, by its opening
        added_spans: set[tuple[int, int]] = set()  # what a quote's speaker adds after it
        # quotes inside reported speech ('X warned that the West was waging “information
        # attacks” against ...'): the reported clause is kept, unless the quote is most of it
        inside: list[tuple[int, int]] = []
        for start, end, line in attributor.transcript_paragraphs({q.open for q in raw}):
            self.span(
                doc, start, end, "quote", "direct", attrs=_speaker_attrs(attributor.link(line), language)
            )
            blocked.append((start, end))
        turns, interviewees = attributor.interview_turns(raw, dialogue)
        quote_starts = {q.start for q in raw}
        for turn, turn_attrs in turns.items():
            if turn.start not in quote_starts:  # a labelled turn: no quote of its own
                self.span(doc, turn.start, turn.end, "quote", "direct", attrs=turn_attrs)
                blocked.append((turn.start, turn.end))
        by_start = {turn.start: attrs for turn, attrs in turns.items()}
        transcript = sorted(blocked)
        # The last quote with a speaker of its own: later quotes may continue it.
        previous: tuple[RawQuote, Speaker] | None = None
        phrases: list[tuple[int, int, bool]] = []  # short quotes with no speaker of their own
        for number, quote in enumerate(raw):
            i = bisect.bisect_right(transcript, (quote.open, len(text)))
            if i and transcript[i - 1][1] > quote.open:
                continue  # inside an unquoted transcript paragraph, which is one quote already
            start, end = trim(text, quote.start, quote.end)  # « French spaces »
            if quote.left_open:  # '«Ninguém quer admitir isto."': a mark of another pair ends it
                start, end = trim(text, start, end, " \t" + DOUBLE_MARKS)
            if quote.start in by_start:  # an interview's question or answer
                self.span(doc, start, end, "quote", "direct", attrs=by_start[quote.start])
                blocked.append((quote.open, quote.close + 1))
                previous = None  # no later quote continues a question, nor an answer after it
                continue
            short = quote.open not in dialogue and len(WORD.findall(text, start, end)) < int(
                self.settings["min_quote_words"]
            )
            scare = short and attributor.grammar.scare.search(text, max(0, quote.open - 30), quote.open + 1)
            if (
                scare
                or (short and _quoted_name(text, quote.open, start, end))
                or _titled_work(text, quote.open, start)
            ):
                # 'so-called “experts”', 'the “Azov” battalion': a scare quote or a name, whoever's
                # words hold it; a person or organisation found for a name goes on to the quotes
                # after it ('X warned in the newspaper “Kommersant” of “huge losses”')
                found = None if scare else attributor.for_quote(quote)
                if found is not None and found.how in ("entity", "name") and not attributor.names(found):
                    previous = (quote, found)
                phrases.append((start, end, False))
                continue
            speaker = attributor.for_quote(quote)
            if speaker is None and not short:
                speaker = _shared_with_next(attributor, quote, raw[number + 1 : number + 2])
            if speaker is None and not short:
                speaker = attributor.around(quote)
            # the quote is inside reported speech, which stays a quote of its own
            held = speaker is not None and attributor.holds(quote)
            interviewee = interviewees.get(quote.start)
            if interviewee is not None and (speaker is None or not speaker.entity):
                # "— ..., — добавил эксперт." in an interview: the interviewee, whom the author
                # calls by what they are; not another person named ("— добавил Лавров")
                speaker = interviewee
            # 'X called it “A”' quotes a phrase of X's, which later quotes do not continue.
            naming = speaker is not None and attributor.names(speaker)
            if speaker is not None:
                previous = previous if naming else (quote, speaker)
            elif previous is not None and _continues(attributor.grammar, text, *previous, quote, short):
                speaker = previous[1]  # '“A,” X said. “B.”': B is X's too
                if speaker.cue == ":" or quote.open in dialogue or previous[0].left_open:
                    # transcript paragraphs and dialogue chain on, as do paragraphs of one quote
                    # ('X said: “A. ¶ "B. ¶ “C.”', whatever marks the scraper left)
                    previous = (quote, speaker)
            else:
                speaker = (
                    None if short else attributor.that_before(quote) or attributor.said_just_before(quote)
                )
                previous = None if speaker is None else (quote, speaker)
            if speaker is None and short:
                phrases.append((start, end, True))
                continue
            speaker = attributor.link(speaker)
            self.span(doc, start, end, "quote", "direct", attrs=_speaker_attrs(speaker, language))
            (named if naming else inside if held else blocked).append((quote.open, quote.close + 1))
            if speaker is not None and not naming:
                said[quote.open] = speaker
                attributor.heard(speaker)
            if speaker is not None and not naming:
                added = attributor.adding(quote, speaker)
                if added is not None:
                    self.span(doc, *added, "quote", "reported", attrs=_speaker_attrs(speaker, language))
                    added_spans.add(added)
        claim = attributor.headline([*blocked, *named, *inside])
        if claim is not None:
            # before reported speech, which would take the whole title, source and all, for a
            # sentence that the next one attributes ("Об этом написал X")
            start, end, speaker = claim
            self.span(
                doc, start, end, "quote", "reported", attrs=_speaker_attrs(attributor.link(speaker), language)
            )
            blocked.append((start, end))
        blocked.sort()
        reported_spans = []
        for start, end, reported in attributor.reported(blocked, named, said):
            if any(_covers_most(a, b, start, end) for a, b in inside):
                continue
            start, end = trim(text, _after_dateline(text, start, end), end)  # and a stray lead mark's space
            if (start, end) in added_spans:
                continue  # '“...”, X said, adding that ...': read with the quote already
            attrs = _speaker_attrs(attributor.link(reported), language)
            self.span(doc, start, end, "quote", "reported", attrs=attrs)
            reported_spans.append((start, end, attrs))
        for start, end, quoting in phrases:
            # 'According to X, the sanctions are “illegal”': the word is X's, as in 'X said the
            # sanctions were “illegal”'; not a scare quote ('so-called “experts”')
            within = next(
                (a for lo, hi, a in reported_spans if quoting and lo <= start and end <= hi and a["speaker"]),
                None,
            )
            if within is not None:
                self.span(doc, start, end, "quote", "direct", attrs=within)
            else:
                self.span(doc, start, end, "quote", "phrase")


_BARE_SOURCE_WORDS = 6  # at most, lead included, in "Segundo a engenheira “...”"
# the title's line and the space after it, up to the lead paragraph
_LINE_AFTER_TITLE = re.compile(r"\s*[^\n]*\S[^\n]*\n\s*")
# where the author's words take over from speech: "..., said", "...! — said"
_TO_AUTHOR = re.compile(r"[,!?…]\s+(?:[—–-]\s+)?$")


def _without_stray_lead_mark(doc: Document, grammar: Grammar) -> Document:
    """``doc``, or where a scraper left a mark before its lead paragraph, a view of it whose
    text has a space there, and at the article's end where the same mark closes it all (the
    offsets stay; spans added to the view are added to ``doc``).
    Such a mark opens the paragraph right after the title, and what it opens there attributes
    speech in the author's voice ('Title ⏎ "A monument will stand in Norda, said the writer Jan
    Nowak.', '"Jan Nowak said that ...'): speech does not report itself so."""
    text = doc.text
    title = _LINE_AFTER_TITLE.match(text)
    if title is None or text[title.end() : title.end() + 1] not in PAIRS:
        return doc
    lead = next((q for q in find_direct_quotes(text) if q.open == title.end()), None)
    if lead is None:
        return doc
    paragraph_end = text.find("\n", title.end())
    if not _reports_speech(
        text, lead.start, lead.close if paragraph_end < 0 else min(lead.close, paragraph_end), grammar
    ):
        return doc
    opener, text = text[lead.open], text[: lead.open] + " " + text[lead.open + 1 :]
    last = len(text.rstrip()) - 1
    if text[last] in PAIRS[opener]:  # ... and one it put at the article's end
        text = text[:last] + " " + text[last + 1 :]
    return dataclasses.replace(doc, text=text)


def _reports_speech(text: str, start: int, end: int, grammar: Grammar) -> bool:
    """Whether ``text[start:end]`` attributes speech in the author's words: a speech verb after a
    comma (", заявил X"), one that reports a clause ("X заявил, что") or the sentence before ("Об
    этом заявил X")."""
    if grammar.reported.search(text, start, end) is not None or grammar.previous_lead.search(
        text, start, end
    ):
        return True
    return any(
        _TO_AUTHOR.search(text, max(start, verb.start() - 6), verb.start()) is not None
        for verb in grammar.verbs.finditer(text, start, end)
    )


def _after_dateline(text: str, start: int, end: int) -> int:
    """Where reported words at a line's start begin after the story's date line, if they hold
    one: a city or country in capitals, or a place with the agency or a date after it ("ROMA, 5
    ottobre – Il confine ..." reports "Il confine ..."); ``start`` where they hold none."""
    # from the line's start: a sentence splitter may have cut the line at "Nov." already
    line = _DATELINE.match(text, text.rfind("\n", 0, start) + 1, end)
    if line is None or line.end() <= start:
        return start
    place = line.group("place")
    # a place in capitals alone, before a dash, only where it is a city or country ("ROMA – ";
    # not "NATO – " or "US – China talks")
    alone = place.isupper() and len(place) > 3 and place_of(place) is not None
    return (
        line.end() if alone or line.group("agency") or line.group("agency2") or line.group("date") else start
    )


def _relative_next(text: str, start: int, end: int, grammar: Grammar) -> bool:
    """Whether the first word of ``text[start:end]`` is a relative pronoun, in lower case."""
    word = WORD.search(text, start, end)
    return word is not None and word.group().islower() and word.group() in grammar.words.relatives


def _first_word(text: str, start: int, end: int) -> str:
    """The first word of ``text[start:end]``, lower case; "" where there is none."""
    word = WORD.search(text, start, end)
    return "" if word is None else lower(word.group())


def _opens_sentence(text: str, quote_open: int) -> bool:
    """Whether the quote opening at ``quote_open`` starts its line or follows a sentence's end,
    one that a quote may close ('“... today.” “As the board decided, ...” she wrote')."""
    head = text[text.rfind("\n", 0, quote_open) + 1 : quote_open].rstrip()
    return not head or head.rstrip(MARK_CHARS)[-1:] in tuple(".!?…")


def _covers_most(quote_open: int, quote_end: int, start: int, end: int) -> bool:
    """Whether a quote covers most of the reported clause ``start``-``end`` (then the quote alone
    says it: 'X said that “the sanctions have failed”')."""
    overlap = min(quote_end, end) - max(quote_open, start)
    return overlap > _MOST * (end - start)


def _quoted_name(text: str, quote_open: int, start: int, end: int) -> bool:
    """Whether a short quote is a name in the middle of a sentence ('the “Azov” battalion',
    'батальона «Азов»', 'the novel “1984”'): it opens in a capital or a digit right after a
    word or a comma, not after a colon or at a sentence's start ('said: “Never again.”'), nor
    a sentence after a comma ('told Norda Radio, “Absolutely!”')."""
    before = text[max(0, quote_open - 40) : quote_open].rstrip()
    return (
        start < len(text)
        and (text[start].isupper() or text[start].isdigit())
        and bool(before)
        and (
            before[-1].isalnum() or (before[-1] == "," and text[start:end].rstrip()[-1:] not in tuple(".!?…"))
        )
    )


# Works whose title follows them in quotation marks, in the forms news uses ('the film “...”',
# 'w filmie „...”', 'в книге «...»'): a title, whatever its length, is no one's words.
_WORKS = frozenset(
    word
    for words in (
        "film films movie book novel documentary song album series play poem essay column article",  # en
        "filmie filmu filmach książce książka książki książkę artykule artykuł piosence programie serialu",  # pl
        "фильм фильме фильма книге книга книги книгу статье песне программе сериале передаче",  # ru
        "фільм фільмі книзі книга статті пісні програмі серіалі",  # uk
        "филм филма филмът книга книгата статия статията песен песента предаване предаването",  # bg
        "buch roman lied sendung dokumentarfilm artikel",  # de
        "livre roman chanson émission documentaire série article",  # fr
        "libro romanzo canzone programma documentario articolo",  # it
        "película libro novela canción programa documental artículo",  # es
        "filme livro romance canção programa documentário artigo",  # pt
    )
    for word in words.split()
)
_WORD_BEFORE_QUOTE = re.compile(r"(\w+)\s*$")


def _name_like(words: str) -> bool:
    """Whether quoted words may be a name: a few words, with no punctuation of a sentence."""
    return len(words.split()) <= _LABEL_WORDS and not any(mark in words for mark in ",.!?…")


def _titled_work(text: str, quote_open: int, start: int) -> bool:
    """Whether the quote is a work's title: right after the word for the work ('w filmie
    „Ostatni port”', 'the documentary “Under the Sun”'), opening in a capital or a digit."""
    before = _WORD_BEFORE_QUOTE.search(text, max(0, quote_open - 30), quote_open)
    return (
        before is not None
        and before.group(1).lower() in _WORKS
        and start < len(text)
        and (text[start].isupper() or text[start].isdigit())
    )


def _with_dialogue(marked: list[RawQuote], dialogue: list[RawQuote]) -> list[RawQuote]:
    """Quotes in quotation marks and speech after dashes, in text order; quotation marks inside
    a dash's speech ("— Это «провокация», — сказал он.") are part of it, not a quote of their own."""
    opens = [d.open for d in dialogue]
    kept = []
    for quote in marked:
        i = bisect.bisect_right(opens, quote.open)
        if not (i and dialogue[i - 1].close > quote.open):
            kept.append(quote)
    return sorted(kept + dialogue, key=lambda q: q.open)


def _shared_with_next(
    attributor: _Attributor, quote: RawQuote, following: Sequence[RawQuote]
) -> Speaker | None:
    """The speaker of the quote after ``quote`` in the same sentence, named after that one
    with nothing said between them ('“A” no parlamento e “B”, disse X': A is X's too, not
    that of "segundo a AFP" at the sentence's end); None where there is no such quote."""
    if not following:
        return None
    text, grammar, after = attributor.text, attributor.grammar, following[0]
    between = text[quote.close + 1 : after.open]
    ends_sentence = text[quote.start : quote.end].rstrip()[-1:] in tuple(".!?…")
    if ends_sentence or _SENTENCE_STOP.search(between) or grammar.verbs.search(between) or "\n" in between:
        return None
    speaker = attributor.for_quote(after)
    if speaker is None or speaker.start < after.close or speaker.how not in ("entity", "name", "pronoun"):
        return None
    return speaker


def _continues(
    grammar: Grammar, text: str, before: RawQuote, speaker: Speaker, quote: RawQuote, short: bool = False
) -> bool:
    """Whether ``quote`` is the speaker's of the attributed quote ``before`` it: in the same
    sentence, or opening a later sentence of the paragraph with no other speech verb between
    ('“A,” X said. “B.”'), or a paragraph wholly quoted after a speaker line's quote. A short
    quote in the middle of a later sentence is more likely a scare quote than X's, and a
    ``short`` one after a speech verb in the same sentence is a name in the attribution ('»,
    — спросил ведущий программы «Мнение»')."""
    between = text[before.close + (not before.left_open) : quote.open]
    if _after_captions(before, between):
        return True
    if grammar.naming_verbs.search(between.rsplit("\n", 1)[-1]):
        return False  # '“A,” and Y called it “B”': B is Y's word (a verb a paragraph before names no later quote)
    asked = text[before.start : before.end].rstrip(" \t\n" + MARK_CHARS).endswith("?")
    if asked and "\n" in text[before.close : quote.open]:
        return False  # the next paragraph answers a question: someone else speaks
    if not between.strip(' \n"“”«»„'):
        return True  # a quote continued into the next paragraph has no text of its own between
    if "\n" in between:
        if speaker.cue == ":":
            return not between.strip(" \t\n.!?…,")
        return _next_quoted_paragraph(grammar, text, before, speaker, quote)
    ends = [m.end() for m in _SENTENCE_STOP.finditer(between)]
    if not ends:
        return not (short and grammar.verbs.search(between))
    return not between[ends[-1] :].strip() and not grammar.verbs.search(between, ends[0])


def _after_captions(before: RawQuote, between: str) -> bool:
    """Whether a quote left open at its paragraph's end (see ``find_direct_quotes``) goes on in
    the next quoted paragraph after lines that are only captions: scraped pages put a picture's
    caption, which ends with no full stop and quotes no one ('Theresa May (pictured) has been
    battling to get her deal through Parliament'), in the middle of a quote of several paragraphs.
    A line that ends so may name a new speaker ('Tom Reyes said:'), and one that ends a
    sentence is the author's."""
    if not before.left_open:
        return False  # the speaker's mark closed the quote
    *lines, lead = between.split("\n")
    return (
        bool(lines)
        and not lead.strip()
        and all(not line.rstrip().endswith((".", "!", "?", "…", ":", *MARK_CHARS)) for line in lines)
    )


def _next_quoted_paragraph(
    grammar: Grammar, text: str, before: RawQuote, speaker: Speaker, quote: RawQuote
) -> bool:
    """Whether ``quote`` is a paragraph of its own, all quote, right after the paragraph that
    the attributed quote before it ends ('“A,” he said.' then '“B.”'): news goes on quoting
    the same speaker so, and names a new one. The attribution may be long where it opens with
    the speaker, whose description then follows ('“A,” said Ana Reis, a retired teacher who
    ...')."""
    head_start = before.close + (not before.left_open)
    head, *blank, lead = text[head_start : quote.open].split("\n")
    words = len(WORD.findall(head))
    opens_with_speaker = (
        head_start <= speaker.start and len(WORD.findall(text, head_start, speaker.start)) <= 1
    )
    line_end = text.find("\n", quote.close)
    rest = text[quote.close + 1 : len(text) if line_end < 0 else line_end]
    stops = list(_SENTENCE_STOP.finditer(head))
    return (
        not any(line.strip() for line in blank)
        and not lead.strip(SPACE_AND_MARKS)
        and not rest.strip(SPACE_AND_MARKS + ".,!?…")
        and (words <= _ATTRIBUTION_TAIL_WORDS or (opens_with_speaker and words <= _LONG_ATTRIBUTION_WORDS))
        and (not stops or not head[stops[0].end() :].strip())  # the attribution, one sentence
        and (not head.strip(SPACE_AND_MARKS + ".,!?…") or grammar.verbs.search(head) is not None)
    )


def _speaker_attrs(speaker: Speaker | None, language: str) -> dict[str, Any]:
    if speaker is None or speaker.how == "none":
        return {"speaker": None}
    attrs = {
        "speaker": speaker.text,
        "speaker_start": speaker.start,
        "speaker_end": speaker.end,
        "speaker_entity": speaker.entity,
        "speaker_how": speaker.how,
        "cue": speaker.cue,
    }
    if (
        speaker.how == "phrase"
        and (normal := speaker_normal(speaker.text, speaker.cue, language)) is not None
    ):
        attrs["speaker_normal"] = normal
    return attrs


def speaker_normal(words: str, cue: str, language: str) -> str | None:
    """The words naming a speaker in the nominative, without the preposition that put a body
    in the locative ("в пресс-службе мэрии" -> "пресс-служба мэрии"; "по данным синоптиков" names
    "синоптики"; "według ekspertów": "eksperci"), so that a corpus counts the speaker once however
    the sentence declined it: in Russian and Ukrainian by pymorphy3's dictionary, in Polish by
    Morfeusz's; None in other languages, where none is set, or where the words open with no
    noun phrase. The case that the sentence puts them in decides between the dictionary's
    readings: the locative after such a preposition, the genitive after a source lead ("по
    словам", "за даними", "według"), else the nominative."""
    split = words.split()
    if language == "pl" and split and polish.available():
        return polish.speaker_phrase(split, "gen" if cue.lower() in _GENITIVE_LEADS[language] else "nom")
    if language not in ("ru", "uk") or not east_slavic.available(language):
        return None
    case = "nomn"
    if split and split[0].lower() in SPEECH_WORDS[language].body_prepositions:
        split, case = split[1:], "loct"
    elif cue.lower() in _GENITIVE_LEADS[language]:
        case = "gent"
    return east_slavic.speaker_phrase(split, language, case) if split else None


# The source leads after which the source is in the genitive.
_GENITIVE_LEADS = {
    "ru": frozenset(
        {"по словам", "по мнению", "по данным", "по информации", "по сведениям", "по оценкам", "со слов"}
    ),
    "uk": frozenset({"за словами", "на думку", "за даними", "за інформацією", "за оцінками", "зі слів"}),
    "pl": frozenset({"według", "zdaniem", "w opinii", "w ocenie", "wg"}),
}
