"""The attention head: paragraph labels read from the tokens that carry them."""

from __future__ import annotations

from typing import Any

import numpy as np
import pytest

from narrascope.models.attention import AttentionHead, fit_attention
from narrascope.models.heads import choose_mix_weight
from narrascope.models.validation import nested_mix

WIDTH = 8


def _paragraphs(count: int, seed: int) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Noise tokens in paragraphs of 4 to 30 tokens. Label 0: one "marker" token (a strong first
    coordinate) somewhere in the paragraph, diluted in its mean; label 1: the whole paragraph
    leans one way (second coordinate), a property of its mean."""
    rng = np.random.default_rng(seed)
    tokens, owner, targets, token_targets = [], [], np.zeros((count, 2), dtype=bool), []
    for row in range(count):
        length = int(rng.integers(4, 31))
        states = rng.normal(size=(length, WIDTH)).astype(np.float32)
        marked = np.zeros((length, 2), dtype=bool)
        if rng.random() < 0.5:
            at = int(rng.integers(length))
            states[at, 0] += 5.0
            marked[at, 0] = targets[row, 0] = True
        if rng.random() < 0.5:
            states[:, 1] += 1.0
            marked[:, 1] = targets[row, 1] = True
        tokens.append(states)
        owner.append(np.full(length, row))
        token_targets.append(marked)
    t = np.concatenate(tokens)
    o = np.concatenate(owner)
    means = np.stack([t[o == row].mean(0) for row in range(count)])
    return t.astype(np.float16), o, means, targets, np.concatenate(token_targets)


def test_the_head_learns_a_single_marked_token_and_a_property_of_the_whole_paragraph() -> None:
    tokens, owner, means, targets, token_targets = _paragraphs(600, seed=0)
    head = fit_attention(
        tokens, owner, means, targets, token_targets, hidden=16, epochs=15, learning_rate=1e-2, seed=0
    )
    tokens, owner, means, targets, _ = _paragraphs(200, seed=1)  # paragraphs it never saw
    guess = head.probabilities(tokens, means, owner) >= 0.5
    for label in (0, 1):
        assert (guess[:, label] == targets[:, label]).mean() >= 0.9, label


def test_paragraphs_are_scored_independently_of_token_order_and_of_each_other() -> None:
    tokens, owner, means, targets, token_targets = _paragraphs(200, seed=2)
    head = fit_attention(tokens, owner, means, targets, token_targets, hidden=8, epochs=2, seed=0)
    logits = head.logits(tokens, means, owner)
    order = np.random.default_rng(3).permutation(len(owner))
    assert np.allclose(head.logits(tokens[order], means, owner[order]), logits, atol=1e-4)
    # Another paragraph's tokens do not move this one's scores.
    changed = tokens.copy()
    changed[owner == 1] += np.float16(3.0)
    moved = head.logits(changed, means, owner)
    assert np.allclose(np.delete(moved, 1, axis=0), np.delete(logits, 1, axis=0), atol=1e-4)
    assert not np.allclose(moved[1], logits[1])
    # A paragraph with no tokens has nothing to attend to: the floor, not a division by zero.
    keep = owner != 5
    empty = head.logits(tokens[keep], means, owner[keep])
    assert np.all(empty[5] == -30.0) and np.allclose(
        np.delete(empty, 5, axis=0), np.delete(logits, 5, axis=0)
    )


def test_token_features_with_the_paragraph_mean_beside_them_give_the_same_scores() -> None:
    tokens, owner, means, targets, token_targets = _paragraphs(100, seed=4)
    wide = np.concatenate([tokens, means[owner].astype(np.float16)], axis=1)
    head = fit_attention(wide, owner, means, targets, token_targets, hidden=8, epochs=1, seed=0)
    assert isinstance(head, AttentionHead) and head.token_weight.shape == (8, WIDTH)
    assert np.array_equal(head.logits(wide, means, owner), head.logits(tokens, means, owner))


def test_the_mixing_weight_follows_the_better_scorer() -> None:
    rng = np.random.default_rng(5)
    truth = rng.random((400, 3)) < 0.3
    good = np.where(truth, 0.7, 0.2) + rng.normal(0, 0.05, truth.shape)
    noise = rng.random(truth.shape)
    # Ties go to the smaller weight: a little noise costs nothing when the margin is wide.
    assert choose_mix_weight(noise, good, truth) >= 0.8
    assert choose_mix_weight(good, noise, truth) == 0.0
    # Nested: each group's weight and threshold come from the other groups.
    groups = np.arange(400) % 2
    mixed, cuts = nested_mix(noise, good, truth, groups)
    assert cuts.shape == (400, 3) and np.corrcoef(mixed.ravel(), good.ravel())[0, 1] > 0.9
    assert ((mixed >= cuts) == truth).mean() > 0.95


def test_heads_train_with_torch_s_deterministic_kernels_and_restore_the_setting(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Busy machines made default kernels differ in the last bits between runs of the same
    # training (benchmarks/reproducible.py); each fit must run with the deterministic ones.
    import torch

    from narrascope.models.heads import fit_linear, fit_mlp

    seen: list[bool] = []
    loss = torch.nn.functional.binary_cross_entropy_with_logits

    def recording(*args: Any, **kwargs: Any) -> Any:
        seen.append(torch.are_deterministic_algorithms_enabled())
        return loss(*args, **kwargs)

    monkeypatch.setattr(torch.nn.functional, "binary_cross_entropy_with_logits", recording)
    tokens, owner, means, targets, token_targets = _paragraphs(40, seed=3)
    fit_attention(tokens, owner, means, targets, token_targets, epochs=1)
    fit_linear(means, targets, epochs=1)
    fit_mlp(means, targets, hidden=8, epochs=1)
    assert len(seen) >= 3 and all(seen)
    assert not torch.are_deterministic_algorithms_enabled()
