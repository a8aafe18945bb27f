"""The organisers' kind of baseline for paragraph techniques, scored as the model is.

TF-IDF word (1-2) and character (2-5) n-grams, the 100,000 most frequent of each occurring
in at least two paragraphs, sublinear term frequencies, and one balanced logistic regression
per technique. Its figures stand next to the model's in the model card, computed on the
same folds and the same development halves with thresholds chosen the same way.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

__all__ = ["baseline_probabilities"]


def baseline_probabilities(
    texts: Sequence[str], targets: np.ndarray, train: np.ndarray, test: np.ndarray
) -> np.ndarray:
    """Probabilities ``[len(test rows), K]`` for the ``test`` rows, from a baseline fitted on ``train`` rows."""
    from scipy.sparse import hstack
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression

    words = TfidfVectorizer(ngram_range=(1, 2), min_df=2, sublinear_tf=True, max_features=100_000)
    chars = TfidfVectorizer(
        analyzer="char_wb", ngram_range=(2, 5), min_df=2, sublinear_tf=True, max_features=100_000
    )
    train_texts = [texts[int(i)] for i in np.flatnonzero(train)]
    test_texts = [texts[int(i)] for i in np.flatnonzero(test)]
    x_train = hstack([words.fit_transform(train_texts), chars.fit_transform(train_texts)]).tocsr()
    x_test = hstack([words.transform(test_texts), chars.transform(test_texts)]).tocsr()
    out = np.zeros((len(test_texts), targets.shape[1]), dtype=np.float32)
    for label in range(targets.shape[1]):
        y = targets[train, label]
        if y.sum() == 0:
            continue
        model = LogisticRegression(C=4.0, max_iter=500, class_weight="balanced")
        out[:, label] = model.fit(x_train, y).predict_proba(x_test)[:, 1]
    return out
