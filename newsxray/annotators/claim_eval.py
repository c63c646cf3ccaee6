"""Measures for check-worthiness, shared by the training script and ``benchmarks/claims.py``.

- ``average_precision``: the lines of one debate ranked by score; the mean of precision@k
  over the ranks k of the positive lines (CheckThat! 2019's AP; MAP is its mean over
  debates). Ties keep input order.
- ``balanced``: every positive and as many negatives drawn at random with a fixed seed.
- ``prf`` / ``best_f1``: positive-class precision, recall and F1 at a threshold / at the
  best threshold.
- ``calibration_error``: expected calibration error over equal-width probability bins.
"""
from __future__ import annotations

import numpy as np


def average_precision(y: np.ndarray, scores: np.ndarray) -> float:
    order = np.argsort(-np.asarray(scores), kind="stable")
    hits = np.asarray(y)[order] == 1
    if not hits.any():
        return 0.0
    precision_at = np.cumsum(hits) / np.arange(1, len(hits) + 1)
    return float(precision_at[hits].mean())


def balanced(y: np.ndarray, seed: int) -> np.ndarray:
    """Sorted indices of every positive and as many negatives drawn at random."""
    pos = np.flatnonzero(y == 1)
    neg = np.random.RandomState(seed).choice(np.flatnonzero(y == 0), size=len(pos), replace=False)
    return np.sort(np.concatenate([pos, neg]))


def prf(y: np.ndarray, pred: np.ndarray) -> dict[str, float]:
    tp = float((pred & (y == 1)).sum())
    p = tp / max(1.0, float(pred.sum()))
    r = tp / max(1.0, float((y == 1).sum()))
    return {"f1": 2 * p * r / (p + r) if p + r else 0.0, "precision": p, "recall": r}


def best_f1(y: np.ndarray, scores: np.ndarray) -> float:
    return max(prf(y, scores >= t)["f1"] for t in np.unique(scores))


def best_threshold(probs: np.ndarray, y: np.ndarray) -> float:
    """The threshold, in 0.01 steps from 0.05 to 0.95, with the best positive-class F1."""
    best = (-1.0, 0.5)
    for t in np.round(np.arange(0.05, 0.96, 0.01), 2):
        f1 = prf(y, probs >= t)["f1"]
        if f1 > best[0] + 1e-12:
            best = (f1, float(t))
    return best[1]


def calibration_error(y: np.ndarray, probs: np.ndarray, bins: int = 10) -> float:
    which = np.minimum((probs * bins).astype(int), bins - 1)
    err = 0.0
    for b in range(bins):
        sel = which == b
        if sel.any():
            err += sel.mean() * abs(probs[sel].mean() - y[sel].mean())
    return float(err)
