"""People, places, organisations (and, in English, groups): spaCy for English, natasha for Russian.

Both recognisers run over runs of whole paragraphs of bounded size, so that memory stays
flat on very long inputs; entities never cross a line break. Each entity records a normal
form for counting across articles: the nominative for Russian ("Москве" -> "Москва"), the name without a leading
article or possessive for English ("the Kremlin's" -> "Kremlin").
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from natasha import Doc as NatashaDoc

from narrascope.analyzers.base import Analyzer
from narrascope.config import analyzer_defaults
from narrascope.document import Document
from narrascope.models import natasha_models, spacy_pipeline
from narrascope.paragraphs import paragraphs
from narrascope.registry import register

__all__ = ["EntityAnalyzer"]

# spaCy's OntoNotes labels onto the three kinds every language has, plus groups.
_SPACY_LABELS = {"PERSON": "PER", "ORG": "ORG", "GPE": "LOC", "LOC": "LOC", "FAC": "LOC", "NORP": "NORP"}
# Paragraphs are recognised together up to this size; entities never cross a line break.
_BLOCK_CHARS = 10_000
_ENGLISH_NOISE = re.compile(r"^(?:the|a|an)\s+|['’]s$", re.IGNORECASE)


def english_normal(text: str) -> str:
    return " ".join(_ENGLISH_NOISE.sub("", text.strip()).split())


@register
class EntityAnalyzer(Analyzer):
    name = "narrascope.entities.v1"
    requires = ("language", "paragraph")
    provides = ("entity",)
    defaults = analyzer_defaults(name)
    languages = ("en", "ru")

    @property
    def model(self) -> str:
        return f"spacy:{self.settings['english_model']}; natasha==1.6.0"

    def __call__(self, doc: Document) -> None:
        self.pipe([doc])

    def pipe(self, docs: Sequence[Document]) -> None:
        # English documents go through spaCy together (nlp.pipe batches across documents).
        self._english([d for d in docs if d.language == "en"])
        for doc in docs:
            if doc.language == "ru":
                self._russian(doc)

    def _english(self, docs: Sequence[Document]) -> None:
        if not docs:
            return
        nlp = spacy_pipeline(str(self.settings["english_model"]))
        blocks = [(doc, start, end) for doc in docs for start, end in _blocks(doc)]
        texts = (doc.text[start:end] for doc, start, end in blocks)
        for (doc, offset, _), parsed in zip(blocks, nlp.pipe(texts, batch_size=64), strict=True):
            for ent in parsed.ents:
                label = _SPACY_LABELS.get(ent.label_)
                if (
                    "\n" in ent.text
                    or label is None
                    or (label == "NORP" and not self.settings["keep_groups"])
                ):
                    continue
                start, end = offset + ent.start_char, offset + ent.end_char
                self.span(
                    doc, start, end, "entity", label, attrs=_attrs(english_normal(ent.text), ent.label_)
                )

    def _russian(self, doc: Document) -> None:
        models = natasha_models()
        for offset, end in _blocks(doc):
            parsed = NatashaDoc(doc.text[offset:end])
            parsed.segment(models.segmenter)
            parsed.tag_morph(models.morph)
            parsed.tag_ner(models.ner)
            for ent in parsed.spans:
                if "\n" in ent.text:
                    continue
                ent.normalize(models.vocab)
                pos = [token.pos for token in ent.tokens]
                normal = _russian_normal(ent.text, ent.normal or ent.text, ent.type, pos)
                self.span(
                    doc,
                    offset + ent.start,
                    offset + ent.stop,
                    "entity",
                    ent.type,
                    attrs=_attrs(normal, ent.type),
                )


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


def _russian_normal(text: str, normal: str, label: str, pos: Sequence[str] = ()) -> str:
    """Natasha's normal form, except that an organisation keeps its genitive modifiers.

    Natasha puts every word of a name in the nominative, which suits people and places
    ("Сергея Лаврова" -> "Сергей Лавров") but mangles organisations, whose words after the head
    noun stay in the genitive ("Совета безопасности" -> "Совет безопасности"). The head is the
    first noun (``pos``, one tag per word), so adjectives before it agree with it
    ("Государственной думы" -> "Государственная дума"); without tags it is the first word.
    """
    words, normal_words = text.split(), normal.split()
    if label == "ORG" and len(words) > 1 and len(words) == len(normal_words):
        nouns = [i for i, tag in enumerate(pos) if tag in ("NOUN", "PROPN")] if len(pos) == len(words) else []
        head = nouns[0] if nouns else 0
        return " ".join([*normal_words[: head + 1], *words[head + 1 :]])
    return normal


def _attrs(normal: str, source_label: str) -> dict[str, Any]:
    return {"normal": normal, "source_label": source_label}
