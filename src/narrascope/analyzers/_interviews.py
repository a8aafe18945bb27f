"""Interviews: the turns of a question-and-answer text, and who answers.

News interviews print each turn as a paragraph of its own: after a dash ("— Почему ...?" then
"— Брюссель давно ...", as Russian, Ukrainian, Bulgarian and Polish papers do) or after a label
("Q: ..." then "A: ...", "Вопрос:" then "Ответ:"). Nothing in an answer names who speaks; a
paragraph before the turns does ("Политолог Андрей Смирнов в интервью «СП» рассказал ...").

A run of adjacent turn paragraphs with a question among them is an interview when one of the
two paragraphs before it, or the title, holds an interview word ("интервью", "interview",
"Gespräch"): the person named in that sentence answers (the one the first question addresses
by name, "Андрей Викторович, ...", where several are named). A later run with no such
paragraph of its own goes on with the interview before it. Questions are the interviewer's:
quotes of no one named, which no later quote continues. A run with no interview word before it
is left alone: two people talking in a report is not an interview.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache

from narrascope.analyzers._speech_words import SpeechWords
from narrascope.document import Span

__all__ = ["Interview", "Turn", "find_interviews", "labelled_turns"]

_PARAGRAPH = re.compile(r"[^\n]*\S[^\n]*")
_INTRO_PARAGRAPHS = 2  # an intro, and perhaps a photo caption or a lead after it


@dataclass(frozen=True)
class Turn:
    """One turn: its speech (``start``/``end``, without dash or label), where its paragraph
    starts, whether it asks, and ``whole``: whether the speech is all of its paragraph (a dash's
    speech with the author's words after it, "— ..., — добавил он.", has a speaker already)."""

    start: int
    end: int
    paragraph: int
    question: bool
    whole: bool = True


@dataclass(frozen=True)
class Interview:
    """A run of turns, and who answers in it (``None`` where no one is named)."""

    questions: tuple[Turn, ...]
    answers: tuple[Turn, ...]
    interviewee: Span | None
    cue: str
    #: Answers with the author's words after the speech ("— ..., — добавил эксперт."), whose
    #: speaker those words name; the interviewee's where they name no one else.
    attributed: tuple[Turn, ...] = ()


@cache
def _labels(words: SpeechWords) -> re.Pattern[str]:
    labels = "|".join(re.escape(label) for label in (*words.question_labels, *words.answer_labels))
    return re.compile(rf"^[ \t]*(?P<label>{labels or '(?!)'})[ \t]*:[ \t]*(?=\S)", re.MULTILINE)


@cache
def _interview_words(words: SpeechWords) -> re.Pattern[str]:
    stems = "|".join(re.escape(stem).replace("'", "['’]") for stem in words.interview_words)
    return re.compile(rf"(?<!\w)(?:{stems or '(?!)'})\w*", re.IGNORECASE)


def labelled_turns(text: str, words: SpeechWords) -> list[Turn]:
    """The paragraphs that open with a question or answer label ("Q: ...", "Ответ: ...")."""
    turns = []
    for label in _labels(words).finditer(text):
        end = text.find("\n", label.end())
        end = len(text) if end < 0 else end
        end = label.end() + len(text[label.end() : end].rstrip())
        turns.append(
            Turn(label.end(), end, label.start("label"), label.group("label") in words.question_labels)
        )
    return turns


def find_interviews(
    text: str,
    turns: Sequence[Turn],
    persons: Sequence[Span],
    sentences: Sequence[Span],
    words: SpeechWords,
    normal: Callable[[Span], str],
) -> list[Interview]:
    """The interviews among ``turns`` (in text order), with the person who answers in each
    (``normal`` gives a person's name in its normal form: "Яном Гроссом" -> "Ян Гросс")."""
    found: list[Interview] = []
    last: Interview | None = None
    for run in _runs(text, turns):
        if not any(t.question for t in run):
            continue
        intro = _intro(text, run[0].paragraph)
        cue = next((m for lo, hi in intro for m in _interview_words(words).finditer(text, lo, hi)), None)
        if cue is None and last is None:
            continue
        interviewee, said = (last.interviewee, last.cue) if cue is None and last else (None, "")
        if cue is not None:
            said = cue.group()
            interviewee = _interviewee(text, cue.start(), run, persons, sentences, normal)
        asked = False
        questions: list[Turn] = []
        answers: list[Turn] = []
        attributed: list[Turn] = []
        for turn in run:
            if turn.question:
                questions.append(turn)
                asked = True
            elif asked:
                (answers if turn.whole else attributed).append(turn)
        last = Interview(tuple(questions), tuple(answers), interviewee, said, tuple(attributed))
        found.append(last)
    return found


def _runs(text: str, turns: Sequence[Turn]) -> list[list[Turn]]:
    """Turns in runs of adjacent paragraphs (nothing but white space between them)."""
    runs: list[list[Turn]] = []
    end = -1
    for turn in sorted(turns, key=lambda t: t.start):
        if runs and not text[end : turn.paragraph].strip():
            if turn.paragraph != runs[-1][-1].paragraph:
                runs[-1].append(turn)
        else:
            runs.append([turn])
        line_end = text.find("\n", turn.end)
        end = len(text) if line_end < 0 else line_end
    return runs


def _intro(text: str, start: int) -> list[tuple[int, int]]:
    """The paragraphs where an interview is announced: the last ones before ``start``, then
    the title (the first line)."""
    before = [m.span() for m in _PARAGRAPH.finditer(text, 0, start)]
    intro = before[-_INTRO_PARAGRAPHS:][::-1]
    if before and before[0] not in intro:
        intro.append(before[0])
    return intro


def _interviewee(
    text: str,
    cue: int,
    run: Sequence[Turn],
    persons: Sequence[Span],
    sentences: Sequence[Span],
    normal: Callable[[Span], str],
) -> Span | None:
    """The person named in the sentence of the interview word: the one that the first question
    addresses by a name of theirs where several are named, else the first."""
    sentence = next((s for s in sentences if s.start <= cue < s.end), None)
    lo, hi = (sentence.start, sentence.end) if sentence else (cue, cue)
    named = [p for p in persons if lo <= p.start and p.end <= hi]
    if len(named) <= 1:
        return named[0] if named else None
    first = next((t for t in run if t.question), run[0])
    addressed = set(text[first.start : first.end].split(",")[0].split())
    for person in named:
        if (
            set(normal(person).split()) & addressed
            or set(text[person.start : person.end].split()) & addressed
        ):
            return person
    return named[0]
