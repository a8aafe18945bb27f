"""Narratives of SemEval-2025 Task 10 from article-head probabilities: the labels under the
task's ``Other`` rules, the sentences that carry each one, and the dominant narrative with an
extractive explanation.

The narrative model is an :class:`~narrascope.models.articles.ArticleModel` whose labels are
the 21 narratives followed by the 95 subnarratives of the taxonomy. This module turns its
probabilities into what the task asks for:

* **labels**: every narrative and subnarrative at or above one threshold, completed by
  :func:`narrascope.taxonomy.document_narratives` (a subnarrative implies its narrative, a
  narrative alone gets ``<narrative>: Other``, no narrative at all is ``Other``);
* **evidence**: the same heads read each sentence's pooled states, and a narrative's evidence
  is the sentences that score it highest. The heads were trained on whole articles, so a
  sentence score ranks sentences; it is not a calibrated probability;
* **explanation**: there is no language model to write prose offline, so the explanation of
  the dominant narrative quotes its best evidence sentences, in text order, at most 80 words.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

import numpy as np

from narrascope import taxonomy

__all__ = [
    "MAX_EXPLANATION_WORDS",
    "NARRATIVE_LABELS",
    "Evidence",
    "NarrativeReading",
    "decide_narratives",
    "distinct",
    "explain",
    "read_narratives",
]

#: The model's columns: narratives, then subnarratives, in the taxonomy's order.
NARRATIVE_LABELS: list[str] = [*taxonomy.NARRATIVES, *taxonomy.subnarratives()]
MAX_EXPLANATION_WORDS = 80
_COLUMN = {label: n for n, label in enumerate(NARRATIVE_LABELS)}
_WORD = re.compile(r"[^\W_]+")


@dataclass
class Evidence:
    """A sentence that carries a narrative: its offsets and its score for that label."""

    start: int
    end: int
    score: float


@dataclass
class NarrativeReading:
    """What one article pushes: labels with scores, evidence, and the dominant narrative."""

    narratives: list[tuple[str, float]]
    subnarratives: list[tuple[str, float]]
    evidence: dict[str, list[Evidence]] = field(default_factory=dict)
    dominant: tuple[str, str] | None = None  # (narrative, subnarrative)
    #: False when the article is ``Other`` and ``dominant`` is only the closest narrative
    #: (subtask 3 asks for one on every article).
    dominant_found: bool = True
    explanation: str = ""
    explanation_sentences: list[tuple[int, int]] = field(default_factory=list)


def decide_narratives(
    probabilities: np.ndarray, threshold: float, other_threshold: float = 0.0
) -> tuple[list[tuple[str, float]], list[tuple[str, float]]]:
    """The narratives and subnarratives of one article (``probabilities`` ``[116]``), with scores,
    under the task's rules; ``Other`` scores one minus the most probable narrative.

    With ``other_threshold``, the article is ``Other`` when no narrative reaches it, and
    otherwise always has its most probable narrative: whether an article pushes a narrative at
    all and which ones it pushes are two decisions (in cross-validation this gained most in
    English, whose articles are often ``Other``).
    """
    top = float(probabilities[: len(taxonomy.NARRATIVES)].max(initial=0.0))
    other = round(1.0 - top, 4)
    if other_threshold > 0 and top < other_threshold:
        return [(taxonomy.OTHER, other)], [(taxonomy.OTHER, other)]
    chosen = [label for label, p in zip(NARRATIVE_LABELS, probabilities, strict=True) if p >= threshold]
    narrs = [label for label in chosen if label in taxonomy.NARRATIVES]
    if other_threshold > 0:
        narrs.append(NARRATIVE_LABELS[int(np.argmax(probabilities[: len(taxonomy.NARRATIVES)]))])
    subs = [label for label in chosen if label not in taxonomy.NARRATIVES]
    narratives, subnarratives = taxonomy.document_narratives(narrs, subs)
    if narratives == (taxonomy.OTHER,):
        return [(taxonomy.OTHER, other)], [(taxonomy.OTHER, other)]

    def scored(labels: Sequence[str]) -> list[tuple[str, float]]:
        found = [(label, round(float(probabilities[_COLUMN[label]]), 4)) for label in labels]
        return sorted(found, key=lambda item: -item[1])

    return scored(narratives), scored(subnarratives)


def _dominant(reading: NarrativeReading, probabilities: np.ndarray) -> tuple[str, str]:
    """The most probable narrative and its most probable specific subnarrative (its catch-all
    ``Other`` only where it has no specific one above the threshold). For an ``Other`` article,
    the closest: the most probable narrative and subnarrative, whatever their scores."""
    if reading.narratives[0][0] == taxonomy.OTHER:
        narrative = NARRATIVE_LABELS[int(np.argmax(probabilities[: len(taxonomy.NARRATIVES)]))]
        listed = (
            taxonomy.NARRATIVES[narrative].subnarratives[:-1] or taxonomy.NARRATIVES[narrative].subnarratives
        )
        return narrative, max(listed, key=lambda s: float(probabilities[_COLUMN[s]]))
    narrative = reading.narratives[0][0]
    own = [(s, p) for s, p in reading.subnarratives if taxonomy.narrative_of(s) == narrative]
    specific = [(s, p) for s, p in own if s != taxonomy.other_subnarrative(narrative)]
    return narrative, (specific or own)[0][0]


def explain(
    text: str,
    evidence: Sequence[Evidence],
    max_words: int = MAX_EXPLANATION_WORDS,
    sentences: int = 2,
) -> tuple[str, list[tuple[int, int]]]:
    """An extractive explanation: the best ``sentences`` of ``evidence``, quoted in text order,
    at most ``max_words`` words in all (the last one cut with "…" where needed), and the
    offsets of the sentences it quotes."""
    best = sorted(distinct(text, sorted(evidence, key=lambda e: -e.score), sentences), key=lambda e: e.start)
    parts: list[str] = []
    cited: list[tuple[int, int]] = []
    words = 0
    for item in best:
        sentence = " ".join(text[item.start : item.end].split())
        tokens = sentence.split()
        room = max_words - words
        if room <= 0:
            break
        if len(tokens) > room:
            if parts:  # a whole sentence, or none: a cut second sentence says little
                break
            sentence = " ".join(tokens[: room - 1]) + " …" if room > 1 else "…"
            tokens = sentence.split()
        parts.append(f"“{sentence}”")
        cited.append((item.start, item.end))
        words += len(tokens)
    return " ".join(parts), cited


def distinct(text: str, ranked: Iterable[Evidence], count: int) -> list[Evidence]:
    """The first ``count`` of ``ranked`` whose words differ from those of every one before.

    Scraped pages repeat a title or a lead paragraph word for word (a dash or a quotation mark
    apart), and each copy scores the same: quoting it twice as evidence or explanation tells
    the reader nothing more and hides the next best sentence."""
    seen: set[str] = set()
    chosen: list[Evidence] = []
    for item in ranked:
        words = " ".join(_WORD.findall(text[item.start : item.end].casefold()))
        if words in seen:
            continue
        seen.add(words)
        chosen.append(item)
        if len(chosen) == count:
            break
    return chosen


def read_narratives(
    text: str,
    article: np.ndarray,
    sentences: Sequence[tuple[int, int]],
    sentence_probabilities: np.ndarray,
    threshold: float,
    other_threshold: float = 0.0,
    evidence_per_label: int = 3,
    explanation_sentences: int = 2,
) -> NarrativeReading:
    """One article's reading, from its probabilities ``article`` ``[116]`` and those of its
    ``sentences`` ``[S, 116]`` (the same heads on each sentence's pooled states)."""
    narratives, subnarratives = decide_narratives(article, threshold, other_threshold)
    reading = NarrativeReading(narratives, subnarratives)
    if not len(sentences):
        return reading
    reading.dominant = _dominant(reading, article)
    reading.dominant_found = narratives[0][0] != taxonomy.OTHER
    found = [label for label, _ in [*narratives, *subnarratives] if label != taxonomy.OTHER]
    for label in dict.fromkeys([*found, *reading.dominant]):
        column = sentence_probabilities[:, _COLUMN[label]]
        # lazily: a label reads only as far down its ranking as it takes to find distinct sentences
        ranked = (
            Evidence(sentences[int(i)][0], sentences[int(i)][1], round(float(column[int(i)]), 4))
            for i in np.argsort(-column, kind="stable")
        )
        reading.evidence[label] = distinct(text, ranked, evidence_per_label)
    narrative, sub = reading.dominant
    # The subnarrative's scores where it is specific, the narrative's for its catch-all; and
    # news puts its main claim first: a sentence's score is weighed by 1 / (1 + position / 3),
    # which matched the annotators' explanations better than the scores alone (model card).
    column = sentence_probabilities[
        :, _COLUMN[sub if sub != taxonomy.other_subnarrative(narrative) else narrative]
    ]
    weighted = column / (1.0 + np.arange(len(sentences)) / 3.0)
    basis = [Evidence(start, end, float(w)) for (start, end), w in zip(sentences, weighted, strict=True)]
    reading.explanation, reading.explanation_sentences = explain(text, basis, sentences=explanation_sentences)
    return reading
