"""Entity roles (SemEval-2025 Task 10 subtask 1): who an article casts as hero, villain or victim.

Reads the entity layer (people, organisations, places, groups) and the shared encoder pass,
and adds one ``role`` span per mention of each entity the article casts (the model's cast gate
decides which; with ``gate = false``, every mention), at the mention's offsets: the label is the main
role (Protagonist, Antagonist or Innocent) with its probability; ``attrs`` hold the fine roles
with theirs, the cast (``hero``, ``villain`` or ``victim``), the entity's normal form, and the
entity's role in the article as a whole (``article_role``: the one most of its mentions get),
so that a report or a corpus query can count how an actor is cast across articles. It covers the
languages the entity analyzer covers (elsewhere the layer is marked as not covered), or the
mentions given with the input (``narrascope.mentions.v1``, as SemEval-2025 subtask 1 gives them).
A recognised date line's place ("MINSK, June 8 -") is not cast: it is where the report was
filed, not an actor.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

import numpy as np

from narrascope.analyzers.base import Analyzer, check_min_words, too_short
from narrascope.analyzers.encoder import ENCODING, EncoderNeeds, encoding_of
from narrascope.analyzers.entities import is_dateline
from narrascope.config import analyzer_defaults
from narrascope.document import Document, Span
from narrascope.models.roles import (
    RoleModel,
    decide_cast,
    encoded_mention_features,
    entity_cast,
    gate_entity,
    gate_features,
    load_role_model,
    role_weights_sha256,
)
from narrascope.registry import register

__all__ = ["CAST", "GivenMentionsAnalyzer", "RoleAnalyzer", "article_roles", "cast_summary", "castable"]

#: How each main role reads in the report and the summary.
CAST = {"Protagonist": "hero", "Antagonist": "villain", "Innocent": "victim"}


@register
class RoleAnalyzer(Analyzer):
    name = "narrascope.roles.v1"
    requires = ("language", "sentence", "entity", ENCODING)
    provides = ("role",)
    defaults = analyzer_defaults(name)

    def __init__(self, settings: dict[str, object]) -> None:
        super().__init__(settings)
        check_min_words(self.name, self.settings.get("min_words", 0))

    @property
    def model(self) -> str:
        model = load_role_model(str(self.settings["model"]))
        return f"{self.settings['model']} (sha256 {model.sha256}; encoder {model.config.encoder})"

    def identity(self) -> str:
        return role_weights_sha256(str(self.settings["model"]))

    def encoder_needs(self) -> EncoderNeeds:
        config = load_role_model(str(self.settings["model"])).config
        return EncoderNeeds(
            config.encoder, tuple(config.layers), config.window, config.overlap, config.quantise
        )

    def __call__(self, doc: Document) -> None:
        self.pipe([doc])

    def pipe(self, docs: Sequence[Document]) -> None:
        # One pass of the heads over the mentions of every document: their weights are read
        # once per batch instead of once per document.
        model = load_role_model(str(self.settings["model"]))
        gated = bool(self.settings.get("gate", True)) and model.has_gate
        least = int(str(self.settings.get("min_words", 0)))
        cast: list[tuple[Document, list[Span], np.ndarray]] = []
        features = []
        for doc in docs:
            entities = self._mentions(doc, model.config.languages)
            if not entities or too_short(doc, least):
                continue
            states = encoding_of(doc, self.name).layers(model.config.layers)
            sentences = [(s.start, s.end) for s in doc.layer("sentence")]
            rows = encoded_mention_features(states, [(e.start, e.end) for e in entities], sentences)
            features.append(rows)
            cast.append(
                (doc, entities, self._cast(doc, entities, rows, model) if gated else np.ones(len(rows)))
            )
        if not cast:
            return
        found = model.predict(np.concatenate(features))
        first = 0
        for doc, entities, chances in cast:
            mine, first = found[first : first + len(entities)], first + len(entities)
            given = np.array([e.analyzer == GivenMentionsAnalyzer.name for e in entities])
            keep = given | decide_cast(chances, float(model.config.cast_threshold or 0.0))
            chosen = [
                (entity, found_role, chance)
                for entity, found_role, chance, kept in zip(entities, mine, chances, keep, strict=True)
                if kept or not gated  # else an actor the article does not cast: named, but no hero or villain
            ]
            overall = article_roles((e.name_in(doc), main, score) for e, (main, score, _), _ in chosen)
            for entity, (main, score, fine), chance in chosen:
                attrs: dict[str, Any] = {
                    "cast": CAST.get(main, main),
                    "fine_roles": [name for name, _ in fine],
                    "fine_scores": dict(fine),
                    "normal": _normal(doc, entity),
                    "entity_label": entity.label,
                    "article_role": overall[entity.name_in(doc)],
                }
                for key in ("person", "place", "organisation"):  # what corpus counts group it by
                    if key in entity.attrs:
                        attrs[key] = entity.attrs[key]
                if gated:
                    attrs["cast_score"] = round(float(chance), 4)
                self.span(doc, entity.start, entity.end, "role", main, score=score, attrs=attrs)

    @staticmethod
    def _cast(doc: Document, entities: Sequence[Span], rows: np.ndarray, model: RoleModel) -> np.ndarray:
        """Each mention's chance that the article casts its entity (mentions given with the
        input are cast whatever it is: they are the task's own choice)."""
        keys = [gate_entity(doc, e, model.config) for e in entities]
        rows = gate_features(
            rows, keys, [e.start for e in entities], [e.label for e in entities], len(doc.text)
        )
        return entity_cast(model.cast_probabilities(rows), keys)

    def _mentions(self, doc: Document, trained: Sequence[str]) -> list[Span]:
        """The mentions to cast, with the warnings that the document is owed."""
        entities = doc.layer("entity")
        not_covered = doc.metadata.get("not_covered", {})
        if not entities and "entity" in not_covered:
            # No mentions to cast: say so, as the pipeline does for an uncovered language.
            doc.warn(
                f"W152: {self.name} casts the mentions that {not_covered['entity']} finds, and it does "
                f"not cover language '{doc.language}'; role left empty"
            )
            not_covered["role"] = self.name
            return []
        if entities and trained and doc.language not in trained:
            doc.warn(
                f"W153: {self.name}: the role model was not trained on language '{doc.language}' "
                f"(trained on {', '.join(trained)}); its roles are the encoder's zero-shot transfer"
            )
        return castable(doc, entities)


@register
class GivenMentionsAnalyzer(Analyzer):
    """Entity mentions given with the input instead of found: ``doc.metadata["mentions"]``, a
    list of ``[start, end]`` (end-exclusive), becomes the ``entity`` layer (label ``MENTION``).

    ``narrascope predict --task semeval2025-st1`` runs it in place of the entity analyzer, so
    that the role model casts exactly the mentions of the task's file, in every language.
    """

    name = "narrascope.mentions.v1"
    provides = ("entity",)

    def __call__(self, doc: Document) -> None:
        for start, end in doc.metadata.get("mentions", []):
            text = doc.text[int(start) : int(end)]
            self.span(doc, int(start), int(end), "entity", "MENTION", attrs={"normal": text})


def castable(doc: Document, entities: Sequence[Span]) -> list[Span]:
    """The entity mentions that may be cast: all but a date line's place.

    A date line's place says where the report was filed, not who acts in it; the SemEval-2025
    annotators cast none in five languages (test_real_data checks it). In capitals, a place is
    often taken for an organisation ("MINSK" as ORG), so only people are exempt, and mentions
    given with the input: the task's file expects the model's roles for each of them.
    """
    return [
        e
        for e in entities
        if e.label == "PER"
        or e.analyzer == GivenMentionsAnalyzer.name
        or not is_dateline(doc.text, e.start, e.end)
    ]


def _normal(doc: Document, entity: Span) -> str:
    return str(entity.attrs.get("normal") or entity.text_in(doc))


def article_roles(mentions: Iterable[tuple[str, str, float]]) -> dict[str, str]:
    """Each entity's role in the article as a whole, from its mentions' ``(entity, main role,
    score)``: the role most of its mentions get, a tie going to the higher summed score (then
    to the role met first). The role spans carry it as ``attrs["article_role"]``, so that a
    corpus counts each article once per actor, and the summary below uses the same rule."""
    scores: dict[str, dict[str, list[float]]] = {}
    for entity, role, score in mentions:
        scores.setdefault(entity, {}).setdefault(role, []).append(float(score or 0.0))
    return {
        entity: max(roles, key=lambda role: (len(roles[role]), sum(roles[role])))
        for entity, roles in scores.items()
    }


def cast_summary(doc: Document) -> dict[str, list[tuple[str, int, list[str]]]]:
    """Who the article casts as hero, villain and victim: for each cast, its entities (normal
    form) with how many of their mentions are cast so and their fine roles, most mentioned first.

    Roles are read per mention, so one entity's mentions can be cast differently; the summary
    puts each entity under the cast most of its mentions get (a tie goes to the higher summed
    score), so that a reader is never told that the same person is both hero and villain. A
    person is counted by the entity analyzer's ``person``: "Dralenko" with "Viktor Dralenko".
    """
    named = [(span.name_in(doc), span) for span in doc.layer("role")]
    overall = article_roles((name, span.label, span.score or 0.0) for name, span in named)
    by_entity: dict[str, list[Span]] = {}
    for name, span in named:
        by_entity.setdefault(name, []).append(span)
    found: dict[str, list[tuple[str, int, list[str]]]] = {cast: [] for cast in CAST.values()}
    for entity, role in overall.items():
        cast_so = [s for s in by_entity[entity] if s.label == role]
        fine = dict.fromkeys(name for s in cast_so for name in s.attrs.get("fine_roles", []))
        found.setdefault(CAST.get(role, role), []).append((entity, len(cast_so), list(fine)))
    return {cast: sorted(entities, key=lambda x: (-x[1], x[0])) for cast, entities in found.items()}
