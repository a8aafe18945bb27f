"""One encoder pass per document, shared by every head that reads it.

The encoder (multilingual-e5-small by default) is the expensive part of every model in
narrascope. This analyzer runs it once per paragraph window, for many documents at once
(``pipe``), and leaves the states in ``doc.transient["encoding"]``, which is never serialised
or stored. The technique heads read it, as will the narrative, role, frame and genre heads;
the pipeline checks when it is built that each of them names this encoder, its windowing,
and layers that this analyzer runs.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from narrascope.analyzers.base import Analyzer
from narrascope.config import analyzer_defaults
from narrascope.document import Document
from narrascope.errors import NarrascopeError
from narrascope.models.encoder import DEFAULT_ENCODER, PRECISIONS, load_encoder, resolve_precision
from narrascope.models.features import Encoded, encode_texts, select_layers
from narrascope.registry import register

__all__ = ["ENCODING", "EncoderAnalyzer", "EncoderNeeds", "Encoding", "encoding_of"]

#: The key of the shared states in ``Document.transient``, and the name of the "layer" that
#: the encoder provides and heads require (so that the pipeline orders them).
ENCODING = "encoding"


@dataclass(frozen=True)
class EncoderNeeds:
    """What a head needs from the shared pass: the same encoder and windowing, and its layers."""

    encoder: str
    layers: tuple[int, ...]
    window: int
    overlap: int
    quantise: bool = False


@dataclass
class Encoding:
    """The shared pass over one document: which encoder, which layers, and the states."""

    needs: EncoderNeeds
    encoded: Encoded

    def layers(self, wanted: Sequence[int]) -> Encoded:
        """The states of ``wanted`` layers, in that order."""
        return select_layers(self.encoded, self.needs.layers, wanted)


def encoding_of(doc: Document, reader: str) -> Encoding:
    found = doc.transient.get(ENCODING)
    if not isinstance(found, Encoding):
        raise NarrascopeError(
            "E022",
            f"{reader} reads the shared encoder pass, but narrascope.encoder.v1 did not run on this document",
        )
    return found


#: What "auto" settles on when no head says otherwise.
_FALLBACK: dict[str, Any] = {
    "encoder": DEFAULT_ENCODER,
    "layers": [4, 8, 12],
    "window": 256,
    "overlap": 64,
    "quantise": False,
}


@register
class EncoderAnalyzer(Analyzer):
    name = "narrascope.encoder.v1"
    requires = ("paragraph",)
    provides = (ENCODING,)
    defaults = analyzer_defaults(name)

    def __init__(self, settings: dict[str, Any]) -> None:
        super().__init__(settings)
        layers = self.settings["layers"]
        if layers != "auto" and not (
            isinstance(layers, list) and layers and all(isinstance(x, int) and x >= 1 for x in layers)
        ):
            raise NarrascopeError(
                "E020",
                f'{self.name}: layers must be "auto" or a list of layer numbers from 1, not {layers!r}',
            )
        for key in ("window", "overlap", "batch_size"):
            value = self.settings[key]
            if value != "auto" and (not isinstance(value, int) or value < 0):
                raise NarrascopeError("E020", f"{self.name}: {key} must be a whole number, not {value!r}")
        if self.settings["precision"] not in PRECISIONS:
            raise NarrascopeError(
                "E020",
                f"{self.name}: precision must be one of {', '.join(PRECISIONS)}, not {self.settings['precision']!r}",
            )

    def resolve(self, heads: Sequence[tuple[str, EncoderNeeds]]) -> None:
        """Settle every "auto" setting from the ``(name, needs)`` of the heads that read the pass."""
        for key in ("encoder", "window", "overlap", "quantise"):
            if self.settings[key] != "auto":
                continue
            wanted = {getattr(needs, key) for _, needs in heads}
            if len(wanted) > 1:
                names = ", ".join(name for name, _ in heads)
                raise NarrascopeError(
                    "E022",
                    f"{names} read the shared encoder pass but need different {key} settings: {sorted(wanted, key=str)}",
                )
            self.settings[key] = wanted.pop() if wanted else _FALLBACK[key]
        if self.settings["layers"] == "auto":
            union = sorted({layer for _, needs in heads for layer in needs.layers})
            self.settings["layers"] = union or list(_FALLBACK["layers"])

    @property
    def needs(self) -> EncoderNeeds:
        value = {
            key: self.settings[key] if self.settings[key] != "auto" else _FALLBACK[key] for key in _FALLBACK
        }
        return EncoderNeeds(
            str(value["encoder"]),
            tuple(value["layers"]),
            int(value["window"]),
            int(value["overlap"]),
            bool(value["quantise"]),
        )

    @property
    def precision(self) -> str:
        """What the pass computes in on this machine (heads trained with ``--quantise``: int8)."""
        return "int8" if self.needs.quantise else resolve_precision(str(self.settings["precision"]))

    @property
    def model(self) -> str:
        needs = self.needs
        return f"{needs.encoder} (layers {', '.join(map(str, needs.layers))}; {self.precision})"

    def identity(self) -> str:
        # "auto" settles by machine: a store analysed in fp32 re-analyses when resumed in int8.
        return self.precision

    def covers(self, needs: EncoderNeeds) -> str | None:
        """Why this pass cannot serve a head with ``needs``, or None when it can."""
        mine = self.needs
        if (needs.encoder, needs.window, needs.overlap, needs.quantise) != (
            mine.encoder,
            mine.window,
            mine.overlap,
            mine.quantise,
        ):
            return (
                f"it needs encoder {needs.encoder!r} (window {needs.window}, overlap {needs.overlap}, "
                f"quantise {needs.quantise}), the pass runs {mine.encoder!r} (window {mine.window}, "
                f"overlap {mine.overlap}, quantise {mine.quantise})"
            )
        missing = sorted(set(needs.layers) - set(mine.layers))
        if missing:
            return f"it reads layers {list(needs.layers)}, the pass keeps {list(mine.layers)} (add {missing})"
        return None

    def pipe(self, docs: Sequence[Document]) -> None:
        needs = self.needs
        encoder = load_encoder(needs.encoder, quantise=needs.quantise, precision=self.precision)
        encoded = encode_texts(
            encoder,
            [d.text for d in docs],
            needs.layers,
            needs.window,
            needs.overlap,
            batch_size=int(self.settings["batch_size"]),
            paragraphs=[[(int(s.attrs["line"]), s.start, s.end) for s in d.layer("paragraph")] for d in docs],
        )
        for doc, states in zip(docs, encoded, strict=True):
            doc.transient[ENCODING] = Encoding(needs, states)

    def __call__(self, doc: Document) -> None:
        self.pipe([doc])
