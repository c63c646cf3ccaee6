"""Scoring technique spans: the PTC corpus reader, the fixed dev split and the metrics.

The metrics are those of SemEval-2020 Task 11 (Da San Martino et al.), written from
their definition. For predicted spans S and gold spans T of a document, a pair (s, t)
earns ``|s ∩ t| / h`` (characters in common over a length h); precision averages, over
every predicted span, the credit normalised by the predicted span's length, recall
averages, over every gold span, the credit normalised by the gold span's length:

    P = sum_{s in S, t in T} |s ∩ t| / |s|  /  |S|
    R = sum_{s in S, t in T} |s ∩ t| / |t|  /  |T|

summed over all documents before dividing (each span of the corpus weighs the same).
Span identification (SI) ignores the techniques and first merges the overlapping spans
of each side; the technique-aware variant credits a pair only when the techniques are
the same (overlapping spans of one technique are merged on each side first).

Nothing here imports scikit-learn: the benchmark and the tests use it at run time.
"""
from __future__ import annotations

import random
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Mapping, Sequence

DEV_SEED = 20200911
DEV_SHARE = 0.2

Labeled = tuple[int, int, str]          # (start, end, technique)


@dataclass(frozen=True)
class PtcArticle:
    id: str
    text: str
    spans: tuple[Labeled, ...]


def read_ptc(root: str | Path) -> list[PtcArticle]:
    """The articles of a PTC folder (``train-articles`` + ``train-labels-task-flc-tc``), by id."""
    root = Path(root)
    out = []
    for path in sorted((root / "train-articles").glob("article*.txt")):
        aid = path.stem[len("article"):]
        text = path.read_text(encoding="utf-8")
        labels = root / "train-labels-task-flc-tc" / f"article{aid}.task-flc-tc.labels"
        spans = []
        if labels.exists():
            for line in labels.read_text(encoding="utf-8").splitlines():
                parts = line.split("\t")
                if len(parts) == 4:
                    start, end = int(parts[2]), min(int(parts[3]), len(text))
                    if 0 <= start < end:
                        spans.append((start, end, parts[1]))
        out.append(PtcArticle(aid, text, tuple(sorted(spans))))
    return out


def dev_split(ids: Iterable[str], *, seed: int = DEV_SEED, share: float = DEV_SHARE) -> tuple[list[str], list[str]]:
    """(train ids, dev ids): a fixed, seeded split by article."""
    ordered = sorted(ids)
    random.Random(seed).shuffle(ordered)
    n_dev = round(len(ordered) * share)
    return sorted(ordered[n_dev:]), sorted(ordered[:n_dev])


def merge(spans: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    """Union of half-open intervals, as sorted disjoint intervals."""
    out: list[list[int]] = []
    for start, end in sorted(spans):
        if out and start <= out[-1][1]:
            out[-1][1] = max(out[-1][1], end)
        else:
            out.append([start, end])
    return [(a, b) for a, b in out]


@dataclass
class Tally:
    """Running sums of the span metric over documents."""

    p_credit: float = 0.0
    n_pred: int = 0
    r_credit: float = 0.0
    n_gold: int = 0

    def add(self, pred: Sequence[tuple[int, int]], gold: Sequence[tuple[int, int]]) -> None:
        self.n_pred += len(pred)
        self.n_gold += len(gold)
        for ps, pe in pred:
            for gs, ge in gold:
                common = min(pe, ge) - max(ps, gs)
                if common > 0:
                    self.p_credit += common / (pe - ps)
                    self.r_credit += common / (ge - gs)

    @property
    def precision(self) -> float:
        return self.p_credit / self.n_pred if self.n_pred else 0.0

    @property
    def recall(self) -> float:
        return self.r_credit / self.n_gold if self.n_gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def _by_technique(spans: Iterable[Labeled]) -> dict[str, list[tuple[int, int]]]:
    grouped: dict[str, list[tuple[int, int]]] = {}
    for start, end, tech in spans:
        grouped.setdefault(tech, []).append((start, end))
    return {tech: merge(items) for tech, items in grouped.items()}


def score_spans(pred: Mapping[str, Sequence[Labeled]], gold: Mapping[str, Sequence[Labeled]]) -> dict:
    """SI, technique-aware and per-technique precision/recall/F1 over documents by id."""
    si, aware = Tally(), Tally()
    per: dict[str, Tally] = {}
    for doc_id in set(gold) | set(pred):
        p_items, g_items = pred.get(doc_id, ()), gold.get(doc_id, ())
        si.add(merge((s, e) for s, e, _ in p_items), merge((s, e) for s, e, _ in g_items))
        p_by, g_by = _by_technique(p_items), _by_technique(g_items)
        for tech in set(p_by) | set(g_by):
            tally = per.setdefault(tech, Tally())
            tally.add(p_by.get(tech, []), g_by.get(tech, []))
            aware.add(p_by.get(tech, []), g_by.get(tech, []))
    return {"si": si, "aware": aware, "per_technique": per}


def overlaps_gold(span: Labeled, gold: Sequence[Labeled]) -> bool:
    """Whether a predicted span overlaps a gold span of the same technique."""
    start, end, tech = span
    return any(t == tech and s < end and start < e for s, e, t in gold)


def reliability(scores: Sequence[float], correct: Sequence[bool], *, bins: int = 10) -> tuple[list[dict], float]:
    """Reliability table (equal-width score bins) and expected calibration error."""
    table = []
    total = len(scores)
    ece = 0.0
    for b in range(bins):
        lo, hi = b / bins, (b + 1) / bins
        idx = [i for i, s in enumerate(scores) if lo <= s < hi or (b == bins - 1 and s == 1.0)]
        if not idx:
            continue
        conf = sum(scores[i] for i in idx) / len(idx)
        acc = sum(1 for i in idx if correct[i]) / len(idx)
        ece += len(idx) / total * abs(acc - conf)
        table.append({"bin": f"{lo:.1f}-{hi:.1f}", "n": len(idx), "mean_score": conf, "accuracy": acc})
    return table, ece
