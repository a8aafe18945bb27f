"""The attention head: a paragraph's techniques read from the tokens that carry them.

The paragraph ensemble reads the mean of a paragraph's encoder states, in which one loaded word
in a long paragraph is diluted; the span head finds such words but is trained on annotated
spans, whose edges annotators draw differently. The attention head learns from the paragraph
labels themselves (multiple-instance learning): each token gets a hidden state from its own
encoder states and its paragraph's mean, and, per technique, an attention score and a value;
the paragraph's logit for a technique is the attention-weighted mean of its tokens' values.
Where a technique sits in one phrase, its attention goes there; where it is spread over the
paragraph, it spreads too. A second loss on the values against the annotated spans (the
``token_loss`` weight) ties them to the words the annotators marked.

Averaged with the paragraph ensemble (and its token evidence), it raised development-set
micro- and macro-F1 in every language of SemEval-2023 (heads fitted on the training articles
alone). Its token values, averaged with the span head's probabilities, are span evidence too.
``narrascope train techniques`` reports the figures with and without it on every run, in the
model card.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np

from narrascope.models.heads import gelu, reproducible, sigmoid

__all__ = ["AttentionHead", "attention_network", "fit_attention"]

#: Floor logit of a paragraph without tokens: nothing to attend to, no technique.
_EMPTY = -30.0


@dataclass
class AttentionHead:
    """Per technique, the attention-weighted mean of the token values in each paragraph.

    ``hidden = gelu(tokens @ token_weight.T + (means @ context_weight.T)[owner] + hidden_bias)``;
    attention scores and values are linear in ``hidden``. The inputs' standardisation is
    folded into the first layer.
    """

    token_weight: np.ndarray  # [H, D] from the token's own states
    context_weight: np.ndarray  # [H, D] from its paragraph's mean state
    hidden_bias: np.ndarray  # [H]
    attention_weight: np.ndarray  # [K, H]
    attention_bias: np.ndarray  # [K]
    value_weight: np.ndarray  # [K, H]
    value_bias: np.ndarray  # [K]

    def logits(self, tokens: np.ndarray, means: np.ndarray, owner: np.ndarray) -> np.ndarray:
        """Paragraph logits ``[P, K]`` from the tokens' states ``[T, D]`` (its first ``D``
        columns are read, so token features with the paragraph mean beside them do too), the
        paragraphs' means ``[P, D]`` and each token's paragraph ``owner`` ``[T]``."""
        return self.scores(tokens, means, owner)[0]

    def scores(
        self, tokens: np.ndarray, means: np.ndarray, owner: np.ndarray
    ) -> tuple[np.ndarray, np.ndarray]:
        """:meth:`logits`, and each token's value logits ``[T, K]``: trained against the
        annotated spans, they are span evidence of their own."""
        width = self.token_weight.shape[1]
        out = np.full((len(means), len(self.value_bias)), _EMPTY, dtype=np.float32)
        if not len(owner):
            return out, np.zeros((0, len(self.value_bias)), dtype=np.float32)
        owner = np.asarray(owner, dtype=np.int64)
        context = np.asarray(means, dtype=np.float32) @ self.context_weight.T + self.hidden_bias
        hidden = gelu(np.asarray(tokens[:, :width], dtype=np.float32) @ self.token_weight.T + context[owner])
        scores = hidden @ self.attention_weight.T + self.attention_bias
        values = hidden @ self.value_weight.T + self.value_bias
        top = np.full(out.shape, -np.inf, dtype=np.float32)
        np.maximum.at(top, owner, scores)
        weights = np.exp(scores - top[owner])
        totals = np.zeros(out.shape, dtype=np.float32)
        np.add.at(totals, owner, weights)
        pooled = np.zeros(out.shape, dtype=np.float32)
        np.add.at(pooled, owner, weights * values)
        present = np.bincount(owner, minlength=len(means)) > 0
        out[present] = pooled[present] / totals[present]
        return out, values

    def probabilities(self, tokens: np.ndarray, means: np.ndarray, owner: np.ndarray) -> np.ndarray:
        return np.asarray(sigmoid(self.logits(tokens, means, owner)), dtype=np.float32)


def attention_network(width: int, hidden: int, labels: int, dropout: float, input_dropout: float) -> Any:
    """The head's torch module: ``forward(tokens, means, owner)`` gives each paragraph's pooled
    logits and each token's own logits. Exposed so that an experiment can train it together
    with encoder layers (``benchmarks/finetune.py``) exactly as :func:`fit_attention` trains it."""
    import torch

    class Network(torch.nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.input_dropout = torch.nn.Dropout(input_dropout)
            self.token = torch.nn.Linear(width, hidden)
            self.context = torch.nn.Linear(width, hidden, bias=False)
            self.dropout = torch.nn.Dropout(dropout)
            self.attention = torch.nn.Linear(hidden, labels)
            self.value = torch.nn.Linear(hidden, labels)

        def forward(self, tokens: Any, means: Any, owner: Any) -> tuple[Any, Any]:
            hidden = self.token(self.input_dropout(tokens)) + self.context(self.input_dropout(means))[owner]
            hidden = self.dropout(torch.nn.functional.gelu(hidden, approximate="tanh"))
            scores, values = self.attention(hidden), self.value(hidden)
            index = owner[:, None].expand(-1, scores.shape[1])
            top = torch.full((len(means), scores.shape[1]), -1e9).scatter_reduce(
                0, index, scores, "amax", include_self=True
            )
            weights = torch.exp(scores - top[owner])
            totals = torch.zeros(top.shape).index_add(0, owner, weights)
            pooled = torch.zeros(top.shape).index_add(0, owner, weights * values)
            return pooled / totals.clamp(min=1e-12), values

    return Network()


def _moments(x: Any) -> tuple[Any, Any]:
    mean = x.double().mean(0)
    std = x.double().std(0).float().clamp(min=1e-4)
    return mean.float(), std


@reproducible()
def fit_attention(
    tokens: np.ndarray,
    owner: np.ndarray,
    means: np.ndarray,
    paragraph_targets: np.ndarray,
    token_targets: np.ndarray,
    rows: np.ndarray | None = None,
    hidden: int = 256,
    epochs: int = 4,
    batch_size: int = 32,
    learning_rate: float = 1e-3,
    weight_decay: float = 1e-2,
    dropout: float = 0.3,
    input_dropout: float = 0.1,
    token_loss: float = 0.5,
    seed: int = 0,
    sample: int = 200_000,
) -> AttentionHead:
    """An attention head fitted on paragraphs ``rows`` (all if None) with AdamW and a one-cycle
    learning rate.

    ``tokens`` ``[T, >=D]`` holds every token's states (token features with the paragraph mean
    beside them will do: only the first ``D`` columns are read, ``D`` being the width of
    ``means`` ``[P, D]``), ``owner`` ``[T]`` each token's paragraph row. Tokens are gathered a
    batch of paragraphs at a time, so ``tokens`` is never copied whole. The token
    standardisation is estimated on a ``sample`` of the training tokens.
    """
    import torch

    torch.manual_seed(seed)
    rng = np.random.default_rng(seed)
    width = means.shape[1]
    chosen = np.arange(len(means)) if rows is None else np.asarray(rows)
    owner = np.asarray(owner, dtype=np.int64)
    order = np.argsort(owner, kind="stable")
    starts = np.concatenate([[0], np.cumsum(np.bincount(owner, minlength=len(means)))])
    # Paragraphs without tokens have nothing to pool; they keep the floor logit.
    chosen = chosen[starts[chosen + 1] > starts[chosen]]
    own = np.concatenate([order[starts[p] : starts[p + 1]] for p in chosen])
    picked = np.sort(rng.choice(own, min(sample, len(own)), replace=False))
    token_mean, token_std = _moments(torch.from_numpy(np.asarray(tokens[picked, :width], dtype=np.float32)))
    mean_mean, mean_std = _moments(torch.from_numpy(np.asarray(means[chosen], dtype=np.float32)))
    network = attention_network(width, hidden, paragraph_targets.shape[1], dropout, input_dropout)
    optimiser = torch.optim.AdamW(network.parameters(), lr=learning_rate, weight_decay=weight_decay)
    steps = epochs * -(-len(chosen) // batch_size)
    schedule = torch.optim.lr_scheduler.OneCycleLR(optimiser, max_lr=learning_rate, total_steps=steps)
    loss_fn = torch.nn.functional.binary_cross_entropy_with_logits
    network.train()
    for _ in range(epochs):
        shuffled = rng.permutation(chosen)
        for first in range(0, len(shuffled), batch_size):
            batch = shuffled[first : first + batch_size]
            runs = [order[starts[p] : starts[p + 1]] for p in batch]
            rows_of = np.concatenate(runs)
            local = torch.from_numpy(np.repeat(np.arange(len(batch)), [len(run) for run in runs]))
            x = (
                torch.from_numpy(np.asarray(tokens[rows_of, :width], dtype=np.float32)) - token_mean
            ) / token_std
            m = (torch.from_numpy(np.asarray(means[batch], dtype=np.float32)) - mean_mean) / mean_std
            pooled, values = network(x, m, local)
            loss = loss_fn(pooled, torch.from_numpy(paragraph_targets[batch].astype(np.float32)))
            if token_loss:
                gold = torch.from_numpy(token_targets[rows_of].astype(np.float32))
                loss = loss + token_loss * loss_fn(values, gold)
            optimiser.zero_grad()
            loss.backward()  # type: ignore[no-untyped-call]
            optimiser.step()
            schedule.step()
    network.eval()
    with torch.no_grad():
        token_weight = network.token.weight / token_std
        context_weight = network.context.weight / mean_std
        bias = (
            network.token.bias
            - (network.token.weight * token_mean / token_std).sum(1)
            - (network.context.weight * mean_mean / mean_std).sum(1)
        )
        parts = (
            token_weight,
            context_weight,
            bias,
            network.attention.weight,
            network.attention.bias,
            network.value.weight,
            network.value.bias,
        )
        return AttentionHead(*(part.numpy().astype(np.float32) for part in parts))
