"""Quotations and their speakers, in English, Russian, Ukrainian, German, French, Italian,
Spanish, Polish, Portuguese and Bulgarian.

Direct quotes are found by matching the quotation marks of every language
(:mod:`~narrascope.analyzers._quote_marks`): nested quotes stay inside their outer quote, and a
quote that runs over several paragraphs (each paragraph re-opening it) is one quote. The speech
words of each language are data (:mod:`~narrascope.analyzers._speech_words`); from them come
these rules, tried in this order:

* after a quote: a speech verb and its subject (',” said X', '», — заявил X', '», a déclaré X',
  '“, sagte er'), or a source lead (',” according to X', '“, so der Minister');
* before it: 'X said: “', 'X a déclaré que « ', 'Как заявил X, «', 'As X said, “', or a speaker
  line in the paragraph before (next point);
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
  words before the "that": "X said in a statement on Monday that ..."; never a clause right
  after a preposition: "wrote in a column" reports nothing), a verb and its subject ending the
  sentence ("..., the ministry said", "..., заявил журналистам X", "..., he wrote in a column for
  Izvestia on Monday", "..., the deputy chairman of the council, X, wrote"), a verb and its
  subject set off inside the sentence ("The exercise, he said, was purely defensive", "Эти
  учения, заявила Захарова, ...": what follows the attribution is what was said), or a lead
  with the source's pronoun inside ("По его словам, ...", "..., jego zdaniem"). A participle
  ("X rejected the claims, saying ...") reports for the subject of the clause it follows, or
  for a name right before it ("with the ministry saying ..."). Questions and negated verbs
  report nothing;
* what a quote's speaker adds after it in the same sentence ('“...,” she said, adding that ...');
* last, a quote in a "that" clause set apart from its verb ("X noted in its report, for
  example, that Iran was “...”") is the verb's subject's.

* what a speaker calls something: 'what X called “a hybrid war”', 'X назвал это «провокацией»'
  (the naming verbs of each language), when X is a person, an organisation or a pronoun right
  before the verb. Such a quote is a phrase of X's: later quotes do not continue it, and it
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
for the full name ("Koval" -> "Irina Koval"), and an organisation's kind for the nearest
organisation named before whose name holds it ("the ministry" -> "Foreign Ministry", "в
министерстве" -> "Министерство обороны", "das Ministerium" -> "Verteidigungsministerium");
otherwise the speaker is the phrase itself, unlinked ("the agency" with no agency named before,
"the director of the Russian FSB"). A document named as the source ("according to
the report", "selon le rapport", "согласно документу", "the statement said") is never taken
for a person.

Quote spans cover the quoted words without the marks (and without the spaces inside French
« ... »). Labels: ``direct``, ``reported``, and ``phrase`` for short quoted terms with no speaker
(scare quotes: so-called "peacekeepers"). ``attrs`` carry ``speaker`` (text), ``speaker_start``/
``speaker_end``, ``speaker_entity`` (normal form of the linked entity, if any), ``cue`` (the speech
verb as written, with its auxiliary: "a déclaré"; a lead in lower case: "according to"; ``:``
for a speaker line) and ``speaker_how``, one of:

* ``entity``: the speaker is a person or organisation entity;
* ``name``: a phrase whose last word is the surname of a person named in full in the text, or
  the kind of an organisation named before it ("the ministry");
* ``pronoun``: a pronoun, or a verb whose subject is left out (Italian '», ha aggiunto'; the
  speaker span is then the verb), resolved to the last person named before it who fits (no
  ``speaker_entity`` when no one does);
* ``phrase``: words that name the speaker, not linked to an entity;
* ``group``: a pronoun that stands for no one person ("they said", "it added", "we are told"),
  counted as no one's in the corpus;
* ``document``: a report, statement, document or data named as the source.

A quote with no speaker found has ``speaker: None`` and nothing else.
"""

from __future__ import annotations

import bisect
import collections
import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from narrascope.analyzers._bodies import PLATFORMS
from narrascope.analyzers._quote_marks import PAIRS, RawQuote, find_direct_quotes
from narrascope.analyzers._speech_patterns import DOUBLE_MARKS, MARK_CHARS, Grammar, grammar, lower
from narrascope.analyzers._speech_words import NAME_PARTICLES, SPEECH_WORDS
from narrascope.analyzers.base import Analyzer
from narrascope.config import analyzer_defaults
from narrascope.document import Document, Span
from narrascope.registry import register

__all__ = ["QuoteAnalyzer", "RawQuote", "find_direct_quotes", "pronoun_kind"]

_PAIRS = PAIRS  # tests check each quote's closing mark against its opener
_WORD = re.compile(r"\w+")
_TOKEN = re.compile(r"[\w'’-]+")
_APPOSITION_WORDS = 12  # at most, in "X, <the spokesman for Y>, said"
_APPOSITIONS = 3  # at most, one after the other
_TAIL_CONTENT_WORDS = 4  # at least, before "..., the ministry said"
_PARENTHESIS_LEAD_WORDS = 8  # at most, before "..., he said, ..."
# The groups of ``Grammar.reported`` where what was said begins: after "that", a clause without
# it, one in the subjunctive, one opened by a subject pronoun.
_CONTENT_GROUPS = ("content", "content2", "content3", "content4", "content5")
_ATTRIBUTION_TAIL_WORDS = 10  # at most, in '“...,” he will say in a speech in Singapore.'
_WHERE_WORDS = 6  # at most, after a verb in a phrase of a preposition ("wrote after the February event")
_SUBJECT_LEAD_WORDS = 4  # at most, before a subject that opens its clause ("NATO Secretary General X")
# A quotation mark, but not an apostrophe between letters.
_QUOTE_MARK = re.compile(rf"[{re.escape(DOUBLE_MARKS)}]|(?<![^\W\d_])['’‘]|['’‘](?![^\W\d_])")
_WORD_BEFORE = re.compile(r"(\w+)\s+$")  # the last word before an offset
_SENTENCE_END = re.compile(r"[.!?…]\s+")
_SENTENCE_STOP = re.compile(r"[.!?…]+[\"”»“]?(?=\s|$)")
# A paragraph that ends with a colon (group 1: its text without the colon), and a non-empty line.
_COLON_LINE = re.compile(r"^[ \t]*(\S[^\n]*?):[ \t]*$", re.MULTILINE)
_LINE = re.compile(r"[^\n]*\S[^\n]*")
# Where the words after a quote stop being about it: the sentence's end or the next quote.
_TAIL_STOP = re.compile(r"[.!?](?:\s|$)|[“«„\"]")
# What sets an attribution off from its quote: ',” said X', '», — заявил X'.
_ATTRIBUTION_PUNCTUATION = re.compile(r"[,—–]")
# A speaker phrase never runs over a clause boundary, and is cut to the words next to the
# verb when longer than _PHRASE_WORDS.
_CLAUSE_BREAK = re.compile(r"[,;:()—–«»“”„\"]")
_PHRASE_WORDS, _PHRASE_NEAR = 8, 4
# An English possessive right after an entity, or ending its span: "Campos’s union" names the
# union, not Campos.
_POSSESSIVE = re.compile(r"['’]s?\b")
_POSSESSIVE_END = re.compile(r"['’]s?$")
# A source named without a closing comma ends by this punctuation at the latest.
_SOURCE_STOP = re.compile(r"[,;:.!?()]")
_SPACE_AND_MARKS = " \t\n" + MARK_CHARS
_FIRST_WORD = re.compile(r"\S+\s+")
# How many of the persons named last a gendered pronoun may reach back to.
_GENDER_LOOKBACK = 8
# What a title or a verb's agreement weighs against a pronoun next to a name (see _genders).
_GRAMMAR_VOTES = 3


@dataclass(frozen=True)
class _Speaker:
    start: int
    end: int
    text: str
    how: str
    entity: str | None
    cue: str


class _Attributor:
    """Finds speakers for one document: its entities, sentences and paragraphs, indexed once.

    Every offset here is absolute: patterns search ``self.text`` between two positions.
    """

    def __init__(
        self, doc: Document, language: str, window: int, quoted: Sequence[tuple[int, int]] = ()
    ) -> None:
        self.doc = doc
        self.text = doc.text
        self.language = language
        self.grammar = grammar(language)
        self.window = window
        # Sorted indexes, so that each quote costs a look-up, not a scan of every entity:
        # long documents hold thousands of quotes and tens of thousands of entities.
        self.entities = [s for s in doc.layer("entity") if s.label in ("PER", "ORG")]
        self.entity_starts = [e.start for e in self.entities]
        self.persons = sorted((e for e in self.entities if e.label == "PER"), key=lambda e: e.end)
        self.person_ends = [p.end for p in self.persons]
        self.organisations = sorted((e for e in self.entities if e.label == "ORG"), key=lambda e: e.end)
        self.organisation_ends = [o.end for o in self.organisations]
        self.sentences = doc.layer("sentence")
        self.sentence_starts = [s.start for s in self.sentences]
        # Surname -> the longest name of a person that ends with it, for linking a speaker named
        # by surname alone. Longest, not the entity analyzer's stricter ``person``: names found
        # with a title ("Mr Spencer" beside "Robert Spencer") would leave the surname unlinked.
        self.fullest: dict[str, str] = {}
        for person in self.persons:
            name = self._normal(person)
            surname = name.split()[-1].lower() if name.split() else ""
            if surname and len(name) > len(self.fullest.get(surname, "")):
                self.fullest[surname] = name
        self.genders = self._genders(quoted)
        self.quoted = sorted(quoted)  # (open, close) of each direct quote
        # Speaker lines ("Name, title:"): the speaker and the paragraph it introduces, by the
        # start of that paragraph.
        self.speaker_lines: dict[int, tuple[_Speaker, int]] = {}
        self.speaker_line_starts: set[int] = set()
        for line in _COLON_LINE.finditer(self.text):
            following = _LINE.search(self.text, line.end())
            if following is None:
                continue
            next_start, next_end = _trim(self.text, *following.span())
            speaker = self._speaker_line(
                line.start(1), line.end(1), quoted=self.text[next_start] in MARK_CHARS
            )
            if speaker is not None:
                self.speaker_lines[next_start] = (speaker, next_end)
                self.speaker_line_starts.add(line.start(1))

    # -- speakers from entities, pronouns, phrases and documents ------------------------------

    def _normal(self, entity: Span) -> str:
        return str(entity.attrs.get("normal", entity.text_in(self.doc)))

    def _nearest_entity(
        self, lo: int, hi: int, anchor: int, phrase: tuple[int, int] | None = None
    ) -> Span | None:
        """The entity in ``text[lo:hi]`` likeliest to speak: one inside ``phrase``, the speaker's
        clause, before one elsewhere in the region ("in 40 seconds of Campos reporting, and
        Lombardo said"), an owner before a possessive ("David Hickey,
        president of Campos's union, said"), a person before an organisation ("the
        ministry's spokeswoman Maria X"), then the nearest to ``anchor``."""
        inside = []
        for i in range(bisect.bisect_left(self.entity_starts, lo), len(self.entities)):
            entity = self.entities[i]
            if entity.start >= hi:
                break
            if entity.end <= hi and not self._medium(entity):
                inside.append(entity)
        if not inside:
            return None

        def rank(e: Span) -> tuple[bool, bool, bool, int]:
            outside = phrase is not None and not (phrase[0] <= e.start and e.end <= phrase[1])
            possessive = (
                _POSSESSIVE.match(self.text, e.end) is not None
                or _POSSESSIVE_END.search(self.text, e.start, e.end) is not None
            )
            return outside, possessive, e.label != "PER", min(abs(e.start - anchor), abs(e.end - anchor))

        return min(inside, key=rank)

    def _appositive(self, lo: int, verb_start: int) -> Span | None:
        """The subject of 'X, the spokesman for Y, said', 'X, 39, said' and 'X, an expert at Y,
        a think tank, told': the person (else the organisation) named first before the
        appositions that the verb follows, not one inside them; or the person's name that is an
        apposition of its own after a title ('the president of the Central Bank, Ricardo Paz,
        said')."""
        closing = lo + len(self.text[lo:verb_start].rstrip()) - 1
        if closing < lo or self.text[closing] != ",":
            return None
        found: list[Span] = []
        for _ in range(_APPOSITIONS):
            opening = self.text.rfind(",", lo, closing)
            apposition = self.text[opening + 1 : closing]
            if (
                opening < 0
                or not apposition.strip()
                or len(apposition.split()) > _APPOSITION_WORDS
                or _SENTENCE_END.search(apposition)
                or any(c in MARK_CHARS for c in apposition)
            ):
                break
            i = bisect.bisect_left(self.entity_starts, opening)
            named = self._entity_at(opening + 1, closing)
            if named is not None and named.label == "PER":
                return named  # 'the president of the Central Bank, Ricardo Paz, said': the name
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
        return min(people or found, key=lambda entity: entity.start, default=None)

    def _entity_at(self, start: int, end: int) -> Span | None:
        """The entity that is all of ``text[start:end]`` but for the spaces around it."""
        start, end = _trim(self.text, start, end)
        i = bisect.bisect_left(self.entity_starts, start)
        if i < len(self.entities) and self.entities[i].start == start and self.entities[i].end == end:
            return self.entities[i]
        return None

    def _right_after(self, start: int, entity: Span | None) -> bool:
        """Whether ``entity`` follows ``start`` with nothing but punctuation between."""
        return entity is not None and not self.text[start : entity.start].strip(" ,—–-")

    def _medium(self, entity: Span) -> bool:
        """Whether ``entity`` is a platform where something was said, not who said it: after a
        short word ("wrote on Twitter", "в Telegram", "in his Facebook post")."""
        if entity.attrs.get("organisation") not in PLATFORMS:
            return False
        before = _WORD_BEFORE.search(self.text, max(0, entity.start - 12), entity.start)
        return before is not None and len(before.group(1)) <= 3 and before.group(1).islower()

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

        Three kinds of evidence: a title right before or opening the name ("Mrs", "Herr") and a speech verb
        whose ending agrees with the name next to it ("Ирина Коваль заявила", "— powiedział Jan
        Nowak"), which grammar settles, weigh _GRAMMAR_VOTES each; a gendered pronoun that opens
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
                - len(text[sentence.start : sentence.end].lstrip(_SPACE_AND_MARKS))
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

    def _last_person_before(self, position: int, gender: str | None = None) -> Span | None:
        """The last person named before ``position``, or with ``gender`` the last one of the
        recent ones that the article does not show to be of the other gender."""
        i = bisect.bisect_right(self.person_ends, position)
        if gender is None:
            return self.persons[i - 1] if i else None
        for person in reversed(self.persons[max(0, i - _GENDER_LOOKBACK) : i]):
            if self.genders.get(person.name_in(self.doc), gender) == gender:
                return person
        return None

    def _speaker(self, start: int, end: int, how: str, cue: str, entity: str | None = None) -> _Speaker:
        return _Speaker(start, end, self.text[start:end], how, entity, cue)

    def _of_entity(self, entity: Span, cue: str) -> _Speaker:
        return self._speaker(entity.start, entity.end, "entity", cue, self._normal(entity))

    def _is_document(self, word: re.Match[str], subject: bool = False) -> bool:
        """Whether ``word`` names a document; ``subject``: in a form that can be a verb's subject."""
        documents = self.grammar.subject_documents if subject else self.grammar.documents
        return documents.fullmatch(word.group()) is not None

    def _phrase_words(self, lo: int, cue: re.Match[str], hi: int) -> tuple[list[re.Match[str]], str]:
        """The words that name the speaker next to the verb, and where they are: ``before`` it,
        ``after`` it, ``far`` before it (beyond a clause boundary: 'X, the head of Y, said'), or
        none of them: ``shared`` (the subject of the clause before: '..., and added', '...,
        der versicherte') or ``none`` (no words at all, or a subject left out: '..., powiedział:').

        Words before the verb win ('the ministry said'); the words after it are used when there
        are none ('», — заявили в министерстве', ', said a statement from the ministry'). A phrase
        stops at a clause boundary and is cut to the words next to the verb when long.
        """
        words_of = self.grammar.words
        breaks = [m.end() for m in _CLAUSE_BREAK.finditer(self.text, lo, cue.start())]
        words = list(_WORD.finditer(self.text, breaks[-1] if breaks else lo, cue.start()))
        if words and words[-1].group().lower() in words_of.as_words:
            words = []  # '», как сообщают работники', 'comme l'a dit X': named after the verb
        if words and words[-1].group().lower() in words_of.connectives:
            return [], "shared"
        if words:
            return (words if len(words) <= _PHRASE_WORDS else words[-_PHRASE_NEAR:]), "before"
        stop = _CLAUSE_BREAK.search(self.text, cue.end(), hi)
        words = list(_WORD.finditer(self.text, cue.end(), stop.start() if stop else hi))
        if words:
            words = words if len(words) <= _PHRASE_WORDS else words[:_PHRASE_NEAR]
            # A name after the verb ends where its capitals do: '– powiedział Wierzbicki dziennikarzom'.
            capitals = list(itertools.takewhile(lambda word: word.group()[:1].isupper(), words))
            return (capitals or words), "after"
        if words_of.drops_subject:
            return [], "none"
        return list(_WORD.finditer(self.text, lo, cue.start()))[-_PHRASE_NEAR:], "far"

    def _clause(self, lo: int, hi: int, cue: re.Match[str], side: str) -> tuple[int, int] | None:
        """The clause in ``text[lo:hi]`` where the speaker's words are, all of it: the phrase
        is cut to the words next to the verb ('... ВЗГЛЯД отметил'), but the speaker is the
        person that the whole clause names ('Историк Борис Ковалев в беседе с газетой ВЗГЛЯД')."""
        if side == "before":
            breaks = [m.end() for m in _CLAUSE_BREAK.finditer(self.text, lo, cue.start())]
            return (breaks[-1] if breaks else lo), cue.start()
        if side == "after":
            stop = _CLAUSE_BREAK.search(self.text, cue.end(), hi)
            return cue.end(), (stop.start() if stop else hi)
        return None

    def _from_region(self, lo: int, hi: int, cue: re.Match[str], quote_open: int | None = None) -> _Speaker:
        """The speaker in ``text[lo:hi]`` around the speech verb ``cue``.

        A pronoun's antecedent is looked for before ``quote_open`` when given, so that a name
        inside the quote is never taken for its speaker.
        """
        verb = cue.group()
        if lower(verb) in self.grammar.words.participles:
            if self._after_break(lo, cue):
                return self._participle_subject(lo, cue)
            return self._beside_participle(lo, hi, cue)
        words, side = self._phrase_words(lo, cue, hi)
        document = self._document_phrase(words, side, verb)
        if document is not None:
            return document
        subject = self._appositive(lo, cue.start()) if side in ("after", "far", "none") else None
        if subject is not None:
            return self._of_entity(subject, verb)
        entity = self._nearest_entity(
            lo, hi, cue.end() if side == "after" else cue.start(), self._clause(lo, hi, cue, side)
        )
        # A pronoun right before the verb is its subject, whatever names stand near it ('She says
        # Franken “...”', 'in AL 305, when he says “...”').
        if entity is not None and not (
            side == "before" and self.grammar.pronouns.fullmatch(words[-1].group())
        ):
            return self._of_entity(entity, verb)
        if lower(verb) in self.grammar.impersonal:
            return self._speaker(cue.start(), cue.end(), "none", verb)  # "Offiziell heißt es"
        limit = cue.start() if quote_open is None else min(cue.start(), quote_open)
        pronoun = self._pronoun(words, cue, hi)
        if pronoun is not None:
            gender = self.grammar.gender_of(pronoun.group())
            antecedent = self._last_person_before(min(pronoun.start(), limit), gender)
            if antecedent is not None:
                return self._speaker(
                    pronoun.start(), pronoun.end(), "pronoun", verb, self._normal(antecedent)
                )
            # The verb's own subject ("a-t-elle répondu aux ..."), or all the words before it
            # ("He said"), with no one named before who fits: a pronoun that names no one.
            if pronoun.start() >= cue.start() or [w.group() for w in words] == [pronoun.group()]:
                return self._speaker(pronoun.start(), pronoun.end(), "pronoun", verb)
        if words:
            how = "group" if _names_no_one(self.grammar, [w.group() for w in words]) else "phrase"
            return self._speaker(words[0].start(), words[-1].end(), how, verb)
        # No subject: the verb's person is the last one named ("«...», ha aggiunto", "..., and
        # added"), unless a quoted name is the subject ("«Газпром» сообщил").
        dropped = side == "shared" or (
            self.grammar.words.drops_subject
            and (
                quote_open is None or _ATTRIBUTION_PUNCTUATION.search(self.text, lo, cue.start()) is not None
            )
        )
        antecedent = self._last_person_before(limit, self.grammar.gender_of_verb(verb)) if dropped else None
        if antecedent is not None:
            return self._speaker(cue.start(), cue.end(), "pronoun", verb, self._normal(antecedent))
        return self._speaker(cue.start(), cue.end(), "none", verb)

    def _after_break(self, lo: int, cue: re.Match[str]) -> bool:
        """Whether a clause break stands right before ``cue`` (", saying"), no word between."""
        breaks = [m.end() for m in _CLAUSE_BREAK.finditer(self.text, lo, cue.start())]
        return bool(breaks) and not self.text[breaks[-1] : cue.start()].strip()

    def _participle_subject(self, lo: int, cue: re.Match[str]) -> _Speaker:
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
            if entity.label in ("PER", "ORG") and not self._medium(entity):
                candidates.append((entity.start, entity.end))
        candidates += [
            (w.start(), w.end())
            for w in _WORD.finditer(text, lo, cue.start())
            if self.grammar.pronouns.fullmatch(w.group())
        ]
        fits = []
        for start, end in sorted(candidates):
            if self._inside_quote(start):
                continue  # '... que « Trump n’a pas ... », ajoutant' : not Trump
            clause = [m.end() for m in _CLAUSE_BREAK.finditer(text, lo, start)]
            lead = _WORD.findall(text, clause[-1] if clause else lo, start)
            if len(lead) <= _SUBJECT_LEAD_WORDS and not any(lower(w) in prepositions for w in lead):
                fits.append((start, end))
        if not fits:
            return self._speaker(cue.start(), cue.end(), "none", verb)
        people = [f for f in fits if (e := self._entity_at(*f)) is not None and e.label == "PER"]
        return self._subject_at(*(people or fits)[0], verb)

    def _beside_participle(self, lo: int, hi: int, cue: re.Match[str]) -> _Speaker:
        """Who a participle right after words reports for: a person, an organisation or a
        pronoun at most two words before it, in its clause ("with HMRC saying", "she has been
        saying"); no one otherwise ("his administration…saying", "and can be heard saying")."""
        words = list(_WORD.finditer(self.text, lo, cue.start()))[-3:]
        breaks = [m.end() for m in _CLAUSE_BREAK.finditer(self.text, lo, cue.start())]
        for word in words:
            if breaks and word.start() < breaks[-1]:
                continue
            entity = self._nearest_entity(word.start(), cue.start(), cue.start())
            if entity is not None and entity.label in ("PER", "ORG") and entity.start >= word.start():
                return self._of_entity(entity, cue.group())
            if self.grammar.pronouns.fullmatch(word.group()):
                return self._subject_at(word.start(), word.end(), cue.group())
        return self._speaker(cue.start(), cue.end(), "none", cue.group())

    def _inside_quote(self, position: int) -> bool:
        """Whether ``position`` lies inside a direct quote."""
        i = bisect.bisect_right(self.quoted, (position, len(self.text))) - 1
        return i >= 0 and self.quoted[i][0] < position < self.quoted[i][1]

    def _subject_at(self, start: int, end: int, verb: str) -> _Speaker:
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
        for word in [*before, *_WORD.finditer(self.text, cue.start(), cue.end())]:
            if self.grammar.person_words.fullmatch(word.group()):
                return word
        following = _WORD.search(self.text, cue.end(), hi)
        if (
            following is not None
            and self.grammar.pronouns.fullmatch(following.group())
            and not self.text[cue.end() : following.start()].strip(" -")
        ):
            return following
        return None

    def _document_phrase(self, words: list[re.Match[str]], side: str, verb: str) -> _Speaker | None:
        """A document as the subject of the verb: 'the report said', 'said the statement'.

        An impersonal verb's source may stand anywhere next to it, in any case: "В заявлении МИД
        говорится", "говорится в документе", "Im Bericht heißt es".
        """
        if not words or side == "far":
            return None
        impersonal = lower(verb) in self.grammar.impersonal
        if side == "after":
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
            for word in words:
                if self._is_document(word):
                    return self._speaker(word.start(), words[-1].end(), "document", verb)
        return None

    def _named(self, lo: int, hi: int, cue: str, title: bool = False) -> _Speaker:
        """The source named in ``text[lo:hi]`` after a lead ``cue`` ("according to <X>"): a
        document, an entity, a pronoun, or the words themselves; ``none`` when a lead that only
        names documents ("zgodnie z", "как следует из") names something else. ``title``: the
        words may be a title ("the director of the FSB"), which an organisation in it does not
        replace."""
        lo, hi = _trim(self.text, lo, hi)
        words = list(_WORD.finditer(self.text, lo, hi))
        person = cue in self.grammar.speaker_leads  # "по словам X": X speaks, whatever X is
        if not person and any(self._is_document(word) for word in words[:4]):
            return self._speaker(lo, hi, "document", cue)
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

    def _as_said(self, lo: int, hi: int) -> _Speaker | None:
        """The speaker in "As <the minister said>," / "Как <заявил министр>,": ``text[lo:hi]``
        holds a speech verb with its subject before it (and at most two words after) or after it."""
        cue = self.grammar.as_verbs.search(self.text, lo, hi)
        if cue is None or cue.group().lower() in self.grammar.words.not_after_as:
            return None
        before, after = self.text[lo : cue.start()], self.text[cue.end() : hi]
        if before.strip() and len(after.split()) <= 2:
            start, end = _trim(self.text, lo, cue.start())
        elif not before.strip() and after.strip():
            start, end = _trim(self.text, cue.end(), hi)
        else:
            return None
        words = self.text[start:end].lower().split()
        if len(words) > 10 or any(word in self.grammar.words.as_without_speaker for word in words):
            return None
        return self._named(start, end, cue.group(), title=True)

    def _speaker_line(self, start: int, end: int, quoted: bool) -> _Speaker | None:
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
        name_start, name_end = _trim(self.text, start, start + cut.start() if cut else end)
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

    def link(self, speaker: _Speaker | None) -> _Speaker | None:
        """Link a speaker to the fullest name of the same person ("Koval" -> "Irina Koval"), or
        a phrase to the organisation it calls by its kind ("the ministry" -> "Foreign Ministry")."""
        if speaker is None or speaker.how == "document":
            return speaker
        key = (speaker.entity or speaker.text).split()[-1:]
        if not key:
            return speaker
        fullest = self.fullest.get(key[0].lower())
        if fullest is None:
            return self._organisation_called(speaker) if speaker.how == "phrase" else speaker
        how = speaker.how if speaker.how in ("entity", "pronoun") else "name"
        return _Speaker(speaker.start, speaker.end, speaker.text, how, fullest, speaker.cue)

    def _organisation_called(self, speaker: _Speaker) -> _Speaker:
        """The organisation named before ``speaker`` whose name holds the phrase's noun ("The
        ministry added" after "Russia's Foreign Ministry said", "das Ministerium" after "das
        Verteidigungsministerium"), the nearest one; the phrase itself if none does.

        News names an organisation once in full and then by what it is; without this, its
        later statements would count as no one's. Only a bare noun is read so, alone or after
        a short word ("the", "l'", "в"), in lower case where the language writes nouns so (a
        capital word there is a name: "The United"): "the ministry's spokeswoman" is a title,
        and in "la présidence palestinienne" the last word is no noun.
        """
        words = _WORD.findall(speaker.text)
        if not 1 <= len(words) <= 3 or len(words[-1]) < 4:
            return speaker
        head = words[-1]
        if len(words) > 1 and (len(words[-2]) > 3 or (head[0].isupper() and self.language != "de")):
            return speaker
        for index in range(bisect.bisect_right(self.organisation_ends, speaker.start) - 1, -1, -1):
            name = self._normal(self.organisations[index])
            if any(_same_noun(head.lower(), word.lower()) for word in _WORD.findall(name)):
                return _Speaker(speaker.start, speaker.end, speaker.text, "name", name, speaker.cue)
        return speaker

    # -- direct quotes ------------------------------------------------------------------------

    def for_quote(self, quote: RawQuote) -> _Speaker | None:
        text, grammar = self.text, self.grammar
        # After the quote: up to the end of its sentence (or a window), e.g. ',” said X.'
        after = quote.close + 1
        line_end = text.find("\n", quote.close)
        hi = min(len(text) if line_end < 0 else line_end, after + self.window)
        stop = _TAIL_STOP.search(text, after, hi)
        tail_end = stop.start() if stop else hi
        source = grammar.after_quote.match(text, after, tail_end)
        if source is not None and self._plausible_source(source.group("cue"), source.group("who")):
            named = self._named(source.start("who"), source.end("who"), lower(source.group("cue")))
            if named.how != "none":
                return named
        cue = grammar.verbs.search(text, after, tail_end)
        if (
            cue is not None
            # '“...” theory, saying that ...' reports what follows, not the quote before
            and lower(cue.group()) not in grammar.words.participles
            # An attribution is set off by punctuation: ',” said X', '», — заявил X'; in
            # '«Газпром» сообщил' the quoted name is the verb's subject.
            and (
                _ATTRIBUTION_PUNCTUATION.search(text, after, cue.start()) is not None
                or text[quote.start : quote.close].rstrip(" ])")[-1:]
                in tuple(",.!?…")  # '...[,]” Trump wrote'
            )
            # a few words between, or a subject with appositions: ', X, the head of Y, said'
            and (
                text[after : cue.start()].strip(" ,—–-").count(" ") <= 6
                or self._right_after(after, self._appositive(after, cue.start()))
            )
            and not text[cue.end() : tail_end].rstrip().endswith(":")  # 'X observed: “' is the next quote's
        ):
            return self._from_region(after, tail_end, cue, quote.open)
        # Before the quote: from the start of its line (or a window), e.g. 'X said: “'
        line_start = text.rfind("\n", 0, quote.open) + 1
        lo = max(line_start, quote.open - self.window)
        cues = list(grammar.verbs.finditer(text, lo, quote.open))
        if cues and "." not in text[cues[-1].end() : quote.open]:
            cue = cues[-1]
            if grammar.lead_in.fullmatch(text[cue.end() : quote.open].strip()):
                boundary = max((m.end() for m in _SENTENCE_END.finditer(text, lo, cue.start())), default=lo)
                as_said = grammar.as_said.match(text, boundary, quote.open)
                if as_said is not None:  # 'As X said, “' and 'As X said, they are “'
                    speaker = self._as_said(as_said.start("rest"), as_said.end("rest"))
                    if speaker is not None:
                        return speaker
                speaker = self._from_region(boundary, quote.open, cue)
                # a participle whose subject is not found says nothing of who speaks
                if speaker.how != "none" or lower(cue.group()) not in grammar.words.participles:
                    return speaker
        naming = self._naming(lo, quote.open)
        if naming is not None:
            return naming
        head = text[line_start : quote.open].rstrip()
        if head.endswith(":") and not any(c in MARK_CHARS for c in head):  # 'Maria Zorina: “...”'
            return self._speaker_line(line_start, line_start + len(head) - 1, quoted=True)
        if not head and line_start > 0:
            return self._from_previous_paragraph(line_start, quote.open)
        return None

    def _naming(self, lo: int, quote_open: int) -> _Speaker | None:
        """The speaker of 'what X called “...”' / 'X назвал это «...»': a person, an organisation,
        a pronoun or the surname of a person named in full, right before the naming verb (one
        word may stand between: 'he has called'), never the thing named ('a group called “X”'),
        nor after an object that makes the verb list ('назвал имена западных «экспертов»')."""
        cue = self.grammar.naming.search(self.text, lo, quote_open)
        if cue is None:
            return None
        listed = self.text[cue.end() : quote_open].casefold().split()
        if any(word.strip(",") in self.grammar.words.listing for word in listed):
            return None
        boundary = max((m.end() for m in _SENTENCE_END.finditer(self.text, lo, cue.start())), default=lo)
        speaker = self.link(self._from_region(boundary, quote_open, cue, quote_open))
        if (
            speaker is None
            or speaker.how not in ("entity", "pronoun", "name")
            or speaker.end > cue.start()  # 'я назвал Саломе «...»': the one named is no speaker
            or len(self.text[speaker.end : cue.start()].split()) > 1
        ):
            return None
        return speaker

    def names(self, speaker: _Speaker) -> bool:
        """Whether ``speaker`` was found by a naming verb ('X called it “...”')."""
        return self.grammar.naming_verbs.fullmatch(speaker.cue) is not None

    def _from_previous_paragraph(self, line_start: int, paragraph_start: int) -> _Speaker | None:
        """A quote alone in its paragraph, after 'X told reporters:' or after a speaker line."""
        text = self.text
        window_start = max(0, line_start - self.window - 2)
        p_end = window_start + len(text[window_start:line_start].rstrip())
        if text[p_end - 1 : p_end] == ":":
            p_lo = max(text.rfind("\n", 0, p_end) + 1, p_end - self.window)
            cues = list(self.grammar.verbs.finditer(text, p_lo, p_end))
            if cues:
                return self._from_region(p_lo, p_end, cues[-1])
        line = self.speaker_lines.get(paragraph_start)
        return line[0] if line is not None else None

    def transcript_paragraphs(self, opens: set[int]) -> list[tuple[int, int, _Speaker]]:
        """Unquoted paragraphs after a speaker line: (start, end, speaker) of each."""
        found = []
        for start, (speaker, end) in self.speaker_lines.items():
            if start in opens or start in self.speaker_line_starts:
                continue  # a quoted paragraph (for_quote has it), or the next speaker line
            start, end = _trim(self.text, start, end, strip=_SPACE_AND_MARKS)
            if _WORD.search(self.text, start, end):
                found.append((start, end, speaker))
        return found

    # -- reported speech ----------------------------------------------------------------------

    def adding(self, quote: RawQuote, speaker: _Speaker) -> tuple[int, int] | None:
        """What the speaker of ``quote`` adds in the rest of its sentence: '“...,” she said,
        adding that Warsaw would host the meeting' (the content's start and end)."""
        i = bisect.bisect_right(self.sentence_starts, quote.close) - 1
        if i < 0 or speaker.end < quote.close:
            return None  # the attribution must follow the quote, in its sentence
        sentence_end = self.sentences[i].end
        added = self.grammar.adding.search(self.text, max(quote.close + 1, speaker.end), sentence_end)
        if added is None:
            return None
        start = added.start("content")
        end = start + len(self.text[start:sentence_end].rstrip(" .!?…"))
        if any(c in DOUBLE_MARKS for c in self.text[start:end]) or end <= start:
            return None
        return start, end

    def reported(
        self, blocked: list[tuple[int, int]], named: Sequence[tuple[int, int]] = ()
    ) -> list[tuple[int, int, _Speaker]]:
        """Reported speech in sentences that hold no direct quote: (content start, end, speaker).
        A quote of what someone calls something (``named``, sorted) blocks only reported speech
        that would hold it: "X called it «A» and stressed that B" reports B."""
        found: list[tuple[int, int, _Speaker]] = []
        blocked_starts = [a for a, _ in blocked]
        named_starts = [a for a, _ in named]
        for sentence in self.sentences:
            # blocked spans are disjoint and in text order: only the last one starting before the
            # sentence's end can overlap it
            i = bisect.bisect_left(blocked_starts, sentence.end)
            if i and blocked[i - 1][1] > sentence.start:
                continue
            one = self._reported_in(sentence.start, sentence.end)
            if one is None or one[1] <= one[0]:
                continue
            j = bisect.bisect_left(named_starts, one[1])
            if j and named[j - 1][1] > one[0]:
                continue
            found.append(one)
        return found

    def around(self, quote: RawQuote) -> _Speaker | None:
        """The speaker of reported speech that holds ``quote``: "X said he was 'sure of it'"."""
        i = bisect.bisect_right(self.sentence_starts, quote.open) - 1
        if i < 0:
            return None
        sentence = self.sentences[i]
        found = self._reported_in(sentence.start, sentence.end)
        if found is None or not found[0] <= quote.open < found[1]:
            return None
        # The clause must be the quote's own: "When asked if he ..., X told Y, “...”" is X's. A
        # later verb that reports a clause holding the quote is its own ("X added his voice,
        # saying that the deal can “...”").
        verbs = list(self.grammar.verbs.finditer(self.text, found[0], quote.open))
        if not verbs:
            return found[2]
        later = self.grammar.reported.match(self.text, verbs[-1].start(), sentence.end)
        if later is None:
            # "X said that ..., and confirmed Y is ready “...”": the same subject
            before = _WORD_BEFORE.search(self.text, found[0], verbs[-1].start())
            joined = before is not None and lower(before.group(1)) in self.grammar.words.connectives
            return found[2] if joined else None
        content = next(later.start(g) for g in _CONTENT_GROUPS if later.group(g))
        if content > quote.open:
            return None
        speaker = self._from_region(sentence.start, later.end("cue"), verbs[-1], quote.open)
        return None if speaker.how == "none" else speaker

    def that_before(self, quote: RawQuote) -> _Speaker | None:
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
        marks = list(_QUOTE_MARK.finditer(self.text, start, verb.start()))
        lo = marks[-1].end() if marks else start
        after = _QUOTE_MARK.search(self.text, verb.end(), that.start())
        speaker = self._from_region(lo, after.start() if after else that.start(), verb, quote_open)
        if speaker.how == "phrase":  # 'Il presidente russo ha osservato', not a long run of words
            return speaker if len(speaker.text.split()) <= _PHRASE_NEAR else None
        return speaker if speaker.how in ("entity", "pronoun", "name", "document") else None

    def _reported_in(self, start: int, stop: int) -> tuple[int, int, _Speaker] | None:
        text, grammar = self.text, self.grammar
        if text[start:stop].rstrip(" " + MARK_CHARS).endswith("?"):
            return None  # "Czy uważa Pan, że ...?" asks; it reports nothing
        end = start + len(text[start:stop].rstrip(" .!?…"))
        # "..., according to X." / "..., so der Minister." / "..., as X said."
        tail = grammar.according_tail.search(text, start, stop)
        if tail is not None and self._plausible_source(tail.group("cue"), tail.group("who")):
            speaker = self._named(tail.start("who"), tail.end("who"), lower(tail.group("cue")))
            if speaker.how != "none":
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
            return self._named_after_title(as_said.end(), end, said)
        # "The exercise, he said, was purely defensive."
        inside = self._parenthetical(start, end)
        if inside is not None:
            return inside
        # "X said that ...", "X erklärte, dass ...", "X a déclaré que ...", "X заявил, что ..."
        match = grammar.reported.search(text, start, stop)
        if match is None:
            return self._said_tail(start, end)
        cue = grammar.verbs.match(text, match.start("cue"), match.end("cue"))
        if cue is None or self._passive(start, cue.start()):
            # "after it was pointed out that ...", "she was told that ...": no one named said it
            return None
        speaker = self._from_region(start, match.end("cue"), cue)
        content = next(match.start(g) for g in _CONTENT_GROUPS if match.group(g))
        return None if speaker.how == "none" else (content, end, speaker)

    def _pronoun_lead(self, start: int, end: int, stop: int) -> tuple[int, int, _Speaker] | None:
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
        words = _WORD.findall(self.text, lead.start("lead"), lead.end("lead"))
        cue, at = lower(lead.group("lead")), (lead.start("lead"), lead.end("lead"))
        if any(grammar.group_pronouns.fullmatch(word) for word in words):
            return *content, self._speaker(*at, "group", cue)
        gender = next((g for word in words if (g := grammar.gender_of(word)) is not None), None)
        antecedent = self._last_person_before(start, gender)
        return *content, self._speaker(
            *at, "pronoun", cue, None if antecedent is None else self._normal(antecedent)
        )

    def _parenthetical(self, start: int, end: int) -> tuple[int, int, _Speaker] | None:
        """Reported speech attributed between commas after its first words: 'The exercise, he
        said, was purely defensive', 'The drills, spokeswoman X told reporters, are ...', 'X,
        whose name, the ADL wrote after the event, is ...', 'Эти учения, заявила Захарова,
        ...'. A span is one stretch of text, so what it attributes is the rest of the sentence
        after the attribution; the words before it are left out."""
        text = self.text
        opening = _WORD.search(text, start, end)
        commas = [m.start() for m in re.finditer(",", text[start:end])]
        for first, second in itertools.pairwise(start + c for c in commas):
            if len(_WORD.findall(text, start, first)) > _PARENTHESIS_LEAD_WORDS:
                return None
            cue = self.grammar.verbs.search(text, first + 1, second)
            if cue is None:
                continue
            if self.grammar.verbs.search(text, start, first) is not None:
                return None  # "X said, ...": the other rules read it
            if opening is not None and lower(opening.group()) in self.grammar.words.as_words:
                # "Wie der Direktor des Instituts, X, gestern mitteilte, ...": an "as" clause
                # whose subject has an apposition
                said = self._as_said(opening.end(), second)
                if said is None or not self._named_one(said):
                    return None
                return _content_after(text, second, end), end, said
            return self._set_off(start, first, second, end, cue)
        return None

    def _set_off(
        self, start: int, first: int, second: int, end: int, cue: re.Match[str]
    ) -> tuple[int, int, _Speaker] | None:
        """``text[first + 1 : second]``, holding the speech verb ``cue``, attributes the rest of
        the sentence: a subject and the verb, and no clause of the verb's own."""
        text = self.text
        words = _WORD.findall(text, first + 1, second)
        rest = _WORD.findall(text, second + 1, end)
        if (
            cue.group()[:1].isupper()
            or lower(cue.group()) in self.grammar.words.participles  # "X, saying Y, left"
            or not _WORD.findall(text, start, first)
            or not 1 <= len(words) <= _APPOSITION_WORDS
            or len(rest) < 3
            or self._opens_clause(words[0])
            or self._opens_clause(rest[0])
            or lower(rest[0]) in self.grammar.words.participles  # "X admitted to it, saying ..."
            or (not self.grammar.words.inverts and not self.text[first + 1 : cue.start()].strip())
            or not self._attribution_ends(cue, second)
            or any(lower(word) in self.grammar.words.negations for word in words)
            or self._passive(first, cue.start())
            or _QUOTE_MARK.search(text, first, second) is not None
        ):
            return None
        as_word = _WORD.search(text, first + 1, second)
        if as_word is not None and lower(as_word.group()) in self.grammar.words.as_words:
            said = self._as_said(as_word.end(), second)  # "X, comme l'a dit le Guardian, a ..."
            speaker = said if self._named_one(said) else None
        else:
            speaker = self._from_region(first + 1, second, cue)
        if speaker is None or speaker.how == "none" or self._apposition_follows(cue, second, end):
            return None
        return _content_after(text, second, end), end, speaker

    def _apposition_follows(self, cue: re.Match[str], second: int, end: int) -> bool:
        """Whether what follows an attribution whose subject comes after the verb is that
        subject's apposition, not what was said: 'assicura Fabrizio Curcio, a capo del
        dipartimento, sarà ...', 'come spiega X, ministro delle Politiche agricole, ...'."""
        if not self.text[cue.end() : second].strip()[:1].isupper():
            return False  # the subject stands before the verb ("he said"), or no name follows it
        rest = _WORD.findall(self.text, second + 1, end)
        comma = self.text.find(",", second + 1, end)
        return (
            bool(rest)
            and rest[0][:1].islower()
            and comma > 0
            and len(_WORD.findall(self.text, second + 1, comma)) <= _PARENTHESIS_LEAD_WORDS
        )

    def _where(self, word: str) -> bool:
        """Whether ``word`` after a speech verb opens a phrase of where or when it was said."""
        w = self.grammar.words
        return lower(word) in w.prepositions and lower(word) not in w.infinitive_marks

    @staticmethod
    def _named_one(speaker: _Speaker | None) -> bool:
        """Whether ``speaker`` names someone, not a group ("as we said") or no one."""
        return speaker is not None and speaker.how not in ("none", "group")

    def _attribution_ends(self, cue: re.Match[str], stop: int) -> bool:
        """Whether the words after a speech verb, up to ``stop``, leave it without a clause of
        its own: none, a listener ("told reporters"), a subject after it ("said Zakharova",
        "заявила журналистам Захарова"), or where and when it was said ("said on Tuesday",
        "wrote after the February event"); in languages whose prepositions are known, not an
        object ("announced new sanctions")."""
        after = _WORD.findall(self.text, cue.end(), stop)
        w = self.grammar.words
        where = bool(after) and self._where(after[0])
        if len(after) > (_WHERE_WORDS if where else 3):
            return False
        if not after or not w.prepositions:
            return True
        return where or after[0][:1].isupper() or lower(cue.group().split()[-1]) in w.object_verbs

    def _said_tail(self, start: int, end: int) -> tuple[int, int, _Speaker] | None:
        """Reported speech attributed at the end of its sentence: '..., the ministry said',
        '..., said the ministry', '..., заявил журналистам Песков', '..., a annoncé jeudi le
        ministère', '..., the deputy chairman of the Council, X, wrote on Telegram'. The
        attribution is the sentence's last comma-separated part, a speech verb among at most ten
        words, at most five after it (ten where a preposition opens them: 'he wrote in a column
        for Izvestia on Monday'), and the appositions of a subject before the verb; what it
        attributes is all before."""
        text = self.text
        comma = text.rfind(",", start, end)
        if comma < 0 or len(text[start:comma].split()) < _TAIL_CONTENT_WORDS:
            return None
        words = _WORD.findall(text, comma + 1, end)
        cue = self.grammar.verbs.search(text, comma + 1, end)
        after = [] if cue is None else text[cue.end() : end].split()
        where = bool(after) and self._where(after[0])
        # the verb alone is enough where its subject is set off before it (below)
        fewest = 0 if cue is not None and not text[comma + 1 : cue.start()].strip() else 1
        if (
            cue is None
            or cue.group()[:1].isupper()  # "... and the United States": no verb
            or not fewest < len(words) <= (14 if where else 10)
            or len(after) > (10 if where else 5)
            or self._opens_clause(words[0])
            or lower(words[0]) in self.grammar.words.as_words  # ", as they speak out on ..."
            or any(lower(word) in self.grammar.words.negations for word in words)
            or self._passive(comma, cue.start())
            # a quotation mark: the end of a quote opened in an earlier sentence ('...,” he said',
            # "...,’ he added"); not an apostrophe ("l'Agriculture", "India's")
            or _QUOTE_MARK.search(text, start, end) is not None
        ):
            return None
        if not text[comma + 1 : cue.start()].strip():
            # The verb opens the part: its subject is set off before it ('..., the deputy
            # chairman of the Council, X, wrote').
            named = self._appositive(start, cue.start())
            cut = None if named is None else self._subject_start(start, named, comma)
            if named is not None and cut is not None:
                return start, start + len(text[start:cut].rstrip()), self._of_entity(named, cue.group())
            if len(words) < 2:
                return None
        speaker = self._from_region(comma + 1, end, cue)
        if speaker.how == "none":
            return None
        return start, start + len(text[start:comma].rstrip()), speaker

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
            title = _WORD.findall(text, before + 1, cut)
            if (
                before >= 0
                and 0 < len(title) <= _APPOSITION_WORDS
                and (title[0].islower() or _POSSESSIVE_END.search(title[0]) is not None)
                and self.grammar.verbs.search(text, before + 1, cut) is None
                and len(text[start:before].split()) >= _TAIL_CONTENT_WORDS
            ):
                cut = before
        return cut if len(text[start:cut].split()) >= _TAIL_CONTENT_WORDS else None

    def _passive(self, start: int, verb_start: int) -> bool:
        """Whether the word before a speech verb makes it a passive ("the decision was announced";
        not "she is saying", where the verb is a participle)."""
        before = _WORD_BEFORE.search(self.text, start, verb_start)
        if before is None or lower(before.group(1)) not in self.grammar.words.passives:
            return False
        verb = _WORD.match(self.text, verb_start)
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

    def _according(self, start: int, end: int) -> tuple[int, int, _Speaker] | None:
        text, grammar = self.text, self.grammar
        if grammar.words.source_comma:
            according = grammar.according.search(text, start, end + 1)
            if according is None:
                return None
            # The lead opens the sentence or a clause: "Al secondo posto" is no "secondo X".
            before = text[start : according.start()].rstrip()
            if before and before[-1] not in ",:;—–(":
                return None
            speaker = self._named(
                according.start("who"), according.end("who"), lower(according.group("lead"))
            )
            if speaker.how == "none":
                return None
            if before.endswith(","):
                return start, end, speaker
            return self._named_after_title(according.start("content"), end, speaker)
        # Here a source is seldom closed by a comma: read a name or a noun phrase after the lead.
        lead = grammar.according_lead.search(text, start, end)
        if lead is None or lead.start() - start >= 40:
            return None
        who_end = self._source_end(lead.start("rest"), end)
        if who_end is None:
            with_comma = grammar.according.match(text, lead.start(), end + 1)
            if with_comma is None or len(with_comma.group("who").split()) > 4:
                return None
            who_end = with_comma.end("who")
        content = who_end + len(text[who_end:end]) - len(text[who_end:end].lstrip(" ,"))
        speaker = self._named(lead.start("rest"), who_end, lower(lead.group("lead")))
        return None if speaker.how == "none" else (content, end, speaker)

    def _named_after_title(self, start: int, end: int, speaker: _Speaker) -> tuple[int, int, _Speaker]:
        """Reported speech ``text[start:end]`` said by ``speaker``, or, when a title named the
        speaker and the person's name follows it as an apposition ('Segundo a presidente da
        associação, Helena Cardoso, as comunidades ...'), said by that person, after the name."""
        comma = self.text.find(",", start, end)
        name = self._entity_at(start, comma) if speaker.how == "phrase" and comma > 0 else None
        if name is None or name.label != "PER":
            return start, end, speaker
        content = comma + 1 + len(self.text[comma + 1 : end]) - len(self.text[comma + 1 : end].lstrip())
        return content, end, self._of_entity(name, speaker.cue)

    def _source_end(self, lo: int, hi: int) -> int | None:
        """Where a source named without a closing comma ends: an entity that starts it, up to two
        lowercase words and a run of capitalised ones ("dem Bericht der Kommission", "Jana
        Kowalskiego"), a name after a longer title, or a document noun among its first three
        words ("raportu", "доклада")."""
        entity = self._nearest_entity(lo, hi, lo)
        if entity is not None and entity.start == lo:
            return entity.end
        stop = _SOURCE_STOP.search(self.text, lo, min(hi, lo + 120))
        tokens = list(_TOKEN.finditer(self.text, lo, stop.start() if stop else min(hi, lo + 120)))
        i = 0
        while i < min(2, len(tokens)) and not tokens[i].group()[:1].isupper():
            i += 1
        j = i
        links = self.grammar.words.genitive_links
        while j < len(tokens) and tokens[j].group()[:1].isupper():
            j += 1
            if j + 1 < len(tokens) and tokens[j].group() in links and tokens[j + 1].group()[:1].isupper():
                j += 1
        # A name after a title: the recogniser's name where it reaches further than the run of
        # capitals ("доклада на Европейската комисия"), the run where the name stops short.
        titled = self._titled_name(lo, stop.start() if stop else min(hi, lo + 120))
        if j > i:
            return max(tokens[j - 1].end(), titled or 0)
        if titled is not None:
            return titled
        for token in tokens[:3]:
            if self._is_document(token):
                return token.end()
        return None

    def _titled_name(self, lo: int, hi: int) -> int | None:
        """The end of a name after a title of lowercase words ("министъра на отбраната Иван
        Петров", "ministra obrony narodowej Jana Kowalskiego"), within ``text[lo:hi]``."""
        for i in range(bisect.bisect_left(self.entity_starts, lo), len(self.entities)):
            entity = self.entities[i]
            if entity.end > hi:
                return None
            title = _TOKEN.findall(self.text, lo, entity.start)
            if 0 < len(title) <= 5 and not any(word[:1].isupper() for word in title):
                return entity.end
            return None
        return None

    def _plausible_source(self, cue: str, who: str) -> bool:
        """A lead that is also a common word (German "so") must be followed by a name or a noun
        phrase: ", so der Minister", not ", so schnell wie möglich"."""
        if lower(cue) not in self.grammar.words.according_after:
            return True
        words = who.split()
        return bool(words) and (words[0][:1].isupper() or (1 < len(words) <= 6 and words[1][:1].isupper()))


def pronoun_kind(speaker: str, language: str | None) -> str | None:
    """What a speaker phrase that links to no one is, when it is a pronoun of ``language``:
    ``group`` for one that stands for no one person ("they", "it", "we are" of "we are told"),
    ``pronoun`` for a person's ("he", with no one named before who fits), else None."""
    if language not in SPEECH_WORDS:
        return None
    words, rules = _WORD.findall(speaker), grammar(str(language))
    if _names_no_one(rules, words):
        return "group"
    return "pronoun" if len(words) == 1 and rules.pronouns.fullmatch(words[0]) else None


#: Letters of the endings that inflect a noun ("ministries", "министерства", "министерством").
_ENDING_LETTERS = frozenset("aeiouyäöüsаеёиоуыэюяйьмхіїєąęó")


def _same_noun(kind: str, word: str) -> bool:
    """Whether ``word`` of a name is the noun ``kind`` (both lower case): the same word, an
    inflection of it (a shared stem of five letters at least, after which one of them has at
    most one letter left and the other at most three, all of endings: "ministries",
    "министерства"; not "minister" for "ministry", nor "истории" for "историк"), or a
    compound ending in it ("verteidigungsministerium")."""
    if kind == word:
        return True
    if len(kind) >= 6 and word.endswith(kind):
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


def _names_no_one(grammar: Grammar, words: Sequence[str]) -> bool:
    return 0 < len(words) <= 2 and grammar.group_pronouns.fullmatch(words[0]) is not None


def _content_after(text: str, comma: int, end: int) -> int:
    """Where what a set-off attribution attributes begins: the first non-space after ``comma``."""
    return comma + 1 + len(text[comma + 1 : end]) - len(text[comma + 1 : end].lstrip())


def _trim(text: str, start: int, end: int, strip: str | None = None) -> tuple[int, int]:
    """``start``/``end`` moved inwards past white space (or the characters ``strip``)."""
    piece = text[start:end]
    left = len(piece) - len(piece.lstrip(strip))
    right = len(piece.rstrip(strip))
    return (start + left, start + right) if right > left else (start, start)


@register
class QuoteAnalyzer(Analyzer):
    name = "narrascope.quotes.v1"
    requires = ("language", "sentence", "entity")
    provides = ("quote",)
    defaults = analyzer_defaults(name)
    # Speech verbs and reported-speech forms exist for these; quotation marks alone would
    # give quotes without speakers.
    languages = tuple(SPEECH_WORDS)

    def __call__(self, doc: Document) -> None:
        text = doc.text
        language = doc.language if doc.language in SPEECH_WORDS else "en"
        raw = [q for q in find_direct_quotes(text) if text[q.start : q.end].strip()]
        attributor = _Attributor(
            doc, language, int(self.settings["attribution_window"]), [(q.open, q.close) for q in raw]
        )
        blocked: list[tuple[int, int]] = []
        named: list[tuple[int, int]] = []  # quotes of what someone calls something
        for start, end, line in attributor.transcript_paragraphs({q.open for q in raw}):
            self.span(doc, start, end, "quote", "direct", attrs=_speaker_attrs(attributor.link(line)))
            blocked.append((start, end))
        transcript = sorted(blocked)
        # The last quote with a speaker of its own: later quotes may continue it.
        previous: tuple[RawQuote, _Speaker] | None = None
        for quote in raw:
            i = bisect.bisect_right(transcript, (quote.open, len(text)))
            if i and transcript[i - 1][1] > quote.open:
                continue  # inside an unquoted transcript paragraph, which is one quote already
            start, end = _trim(text, quote.start, quote.end)  # « French spaces »
            short = len(_WORD.findall(text, start, end)) < int(self.settings["min_quote_words"])
            speaker = attributor.for_quote(quote)
            if speaker is None and not short:
                speaker = attributor.around(quote)
            # 'X called it “A”' quotes a phrase of X's, which later quotes do not continue.
            naming = speaker is not None and attributor.names(speaker)
            if speaker is not None:
                previous = previous if naming else (quote, speaker)
            elif previous is not None and _continues(attributor.grammar, text, *previous, quote):
                speaker = previous[1]  # '“A,” X said. “B.”': B is X's too
                if speaker.cue == ":":
                    previous = (quote, speaker)  # transcript paragraphs chain on
            else:
                speaker = None if short else attributor.that_before(quote)
                previous = None if speaker is None else (quote, speaker)
            if speaker is None and short:
                self.span(doc, start, end, "quote", "phrase")
                continue
            speaker = attributor.link(speaker)
            self.span(doc, start, end, "quote", "direct", attrs=_speaker_attrs(speaker))
            (named if naming else blocked).append((quote.open, quote.close + 1))
            if speaker is not None and not naming:
                added = attributor.adding(quote, speaker)
                if added is not None:
                    self.span(doc, *added, "quote", "reported", attrs=_speaker_attrs(speaker))
        blocked.sort()
        for start, end, reported in attributor.reported(blocked, named):
            self.span(doc, start, end, "quote", "reported", attrs=_speaker_attrs(attributor.link(reported)))


def _continues(grammar: Grammar, text: str, before: RawQuote, speaker: _Speaker, quote: RawQuote) -> bool:
    """Whether ``quote`` is the speaker's of the attributed quote ``before`` it: in the same
    sentence, or opening a later sentence of the paragraph with no other speech verb between
    ('“A,” X said. “B.”'), or a paragraph wholly quoted after a speaker line's quote. A short
    quote in the middle of a later sentence is more likely a scare quote than X's."""
    between = text[before.close + 1 : quote.open]
    if grammar.naming_verbs.search(between):
        return False  # '“A,” and Y called it “B”': B is Y's word
    if not between.strip(' \n"“”«»„'):
        return True  # a quote continued into the next paragraph has no text of its own between
    if "\n" in between:
        if speaker.cue == ":":
            return not between.strip(" \t\n.!?…,")
        return _next_quoted_paragraph(grammar, text, between, quote)
    ends = [m.end() for m in _SENTENCE_STOP.finditer(between)]
    if not ends:
        return True
    return not between[ends[-1] :].strip() and not grammar.verbs.search(between, ends[0])


def _next_quoted_paragraph(grammar: Grammar, text: str, between: str, quote: RawQuote) -> bool:
    """Whether ``quote`` is a paragraph of its own, all quote, right after the paragraph that
    the attributed quote before it ends ('“A,” he said.' then '“B.”'): news goes on quoting
    the same speaker so, and names a new one."""
    head, *blank, lead = between.split("\n")
    line_end = text.find("\n", quote.close)
    rest = text[quote.close + 1 : len(text) if line_end < 0 else line_end]
    stops = list(_SENTENCE_STOP.finditer(head))
    return (
        not any(line.strip() for line in blank)
        and not lead.strip(_SPACE_AND_MARKS)
        and not rest.strip(_SPACE_AND_MARKS + ".,!?…")
        and len(head.split()) <= _ATTRIBUTION_TAIL_WORDS
        and (not stops or not head[stops[0].end() :].strip())  # the attribution, one sentence
        and (not head.strip(_SPACE_AND_MARKS + ".,!?…") or grammar.verbs.search(head) is not None)
    )


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
