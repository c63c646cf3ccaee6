"""Check-worthiness on the development splits held out by ``scripts/train_claims.py``.

    .venv/bin/python benchmarks/claims.py [--data /work/shared/datasets/claims] [--model PATH] [--json]
    .venv/bin/python benchmarks/claims.py --cost [--reuters 100] [--guardian 30] [--model PATH]

Figures, for the shipped model and, trained in the same run on the same training split, a
TF-IDF (word unigrams) + logistic-regression baseline:

- **ClaimBuster, balanced**: the dev sentences with every positive and as many negatives
  drawn at random (seed 13): positive-class F1, precision and recall at the default
  threshold, plus the best F1 any threshold reaches (an oracle figure, for reference).
- **ClaimBuster, natural rate** (all dev sentences, ~25% positive): F1/precision/recall at
  the default threshold, average precision, Brier score and expected calibration error
  (10 equal-width bins) of the calibrated scores.
- **CheckThat! 2019**: the held-out debates; the lines of each debate are ranked by
  score and scored with average precision (the mean of precision@k over the ranks k of
  the positive lines); MAP is the mean over the debates, as in the CheckThat! 2019 lab.

- **CheckThat! 2019, out of fold**: the 13 training debates, each scored by a model that
  did not see it (5 folds of whole debates, as in ``scripts/train_claims.py``); the
  model's figure is the one stored by the training script, the baseline's is computed here.
  With only 6 dev debates, MAP swings a lot from one debate to the next; these 13 more
  debates are the steadier comparison.

``--cost`` instead runs the whole pipeline (every layer) over the throughput texts and
prints each annotator's share of the time (its ``pipe`` calls, timed in place).

The baseline's threshold is the best-F1 one on the natural-rate dev (an oracle choice that
favours it); the model's is its stored default.
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))
sys.path.insert(0, str(ROOT / "benchmarks"))

from train_claims import DATA, bundles_of, fold_ids, splits  # noqa: E402

from newsxray.annotators.claim_eval import (  # noqa: E402
    average_precision, balanced, best_f1, best_threshold, calibration_error, prf,
)
from newsxray.annotators.claims import load_model  # noqa: E402

BALANCE_SEED = 13


def claimbuster_figures(y: np.ndarray, probs: np.ndarray, threshold: float) -> dict:
    bal = balanced(y, BALANCE_SEED)
    return {
        "balanced": {**prf(y[bal], probs[bal] >= threshold), "best_f1_any_threshold": best_f1(y[bal], probs[bal]),
                     "sentences": int(len(bal))},
        "natural": {**prf(y, probs >= threshold), "average_precision": average_precision(y, probs),
                    "brier": float(np.mean((probs - y) ** 2)), "ece": calibration_error(y, probs),
                    "sentences": int(len(y)), "positives": int(y.sum())},
        "threshold": threshold,
    }


def checkthat_figures(items: list, scores: np.ndarray) -> dict:
    debates = sorted({it.group for it in items})
    per = {}
    for debate in debates:
        idx = [i for i, it in enumerate(items) if it.group == debate]
        idx.sort(key=lambda i: items[i].line)
        per[debate] = average_precision(np.array([items[i].label for i in idx]), scores[idx])
    return {"map": float(np.mean(list(per.values()))), "debates": per}


def baseline_scores(train: list, dev_texts: list[list[str]]) -> list[np.ndarray]:
    """TF-IDF + logistic regression trained on the same training split."""
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression
    vec = TfidfVectorizer()
    lr = LogisticRegression(max_iter=2000).fit(vec.fit_transform([it.text for it in train]),
                                               [it.label for it in train])
    return [lr.predict_proba(vec.transform(texts))[:, 1] for texts in dev_texts]


def baseline_out_of_fold(parts: dict) -> float:
    """The baseline's MAP over the CheckThat! training debates, each scored by a baseline
    trained on ClaimBuster's training split and the debates of the other folds."""
    cb, ct = parts["cb_train"], parts["ct_train"]
    folds = fold_ids(cb + ct)[len(cb):]
    scores = np.zeros(len(ct))
    for k in sorted(set(folds.tolist())):
        rest = [it for it, f in zip(ct, folds) if f != k]
        held = [it.text for it, f in zip(ct, folds) if f == k]
        scores[folds == k] = baseline_scores(cb + rest, [held])[0]
    return checkthat_figures(ct, scores)["map"]


def run(data: Path, model_path: Path | None) -> dict:
    model = load_model(model_path)
    parts = splits(data)
    cb, ct = parts["cb_dev"], parts["ct_dev"]
    y_cb = np.array([it.label for it in cb])
    t0 = time.time()
    cb_bundles, ct_bundles = bundles_of([it.text for it in cb]), bundles_of([it.text for it in ct])
    t1 = time.time()
    cb_probs, ct_scores = model.scores(cb_bundles), model.scores(ct_bundles)
    t2 = time.time()
    base_cb, base_ct = baseline_scores(parts["cb_train"] + parts["ct_train"], [[it.text for it in cb], [it.text for it in ct]])
    return {
        "model": {"claimbuster": claimbuster_figures(y_cb, cb_probs, model.threshold),
                  "checkthat": checkthat_figures(ct, ct_scores)},
        "baseline": {"claimbuster": claimbuster_figures(y_cb, base_cb, best_threshold(base_cb, y_cb)),
                     "checkthat": checkthat_figures(ct, base_ct)},
        "out_of_fold_map": {"model": model.meta.get("out_of_fold", {}).get("checkthat_train_debates_map"),
                            "baseline": baseline_out_of_fold(parts)},
        "seconds": {"parse_and_features": round(t1 - t0, 1), "scoring": round(t2 - t1, 2)},
        "sentences_scored": len(cb) + len(ct),
    }


def report(res: dict) -> str:
    lines = [f"{'':34}{'model':>10}{'baseline':>10}"]
    rows = [("ClaimBuster balanced F1", "claimbuster", "balanced", "f1"),
            ("  precision", "claimbuster", "balanced", "precision"),
            ("  recall", "claimbuster", "balanced", "recall"),
            ("  best F1, any threshold (oracle)", "claimbuster", "balanced", "best_f1_any_threshold"),
            ("ClaimBuster natural-rate F1", "claimbuster", "natural", "f1"),
            ("  average precision", "claimbuster", "natural", "average_precision"),
            ("  Brier score", "claimbuster", "natural", "brier"),
            ("  calibration error (ECE)", "claimbuster", "natural", "ece"),
            ("  threshold", "claimbuster", None, "threshold")]
    for label, ds, part, key in rows:
        vals = [(res[w][ds][part] if part else res[w][ds])[key] for w in ("model", "baseline")]
        lines.append(f"{label:34}{vals[0]:>10.3f}{vals[1]:>10.3f}")
    lines.append(f"{'CheckThat! 2019 MAP':34}{res['model']['checkthat']['map']:>10.3f}{res['baseline']['checkthat']['map']:>10.3f}")
    for debate, ap in res["model"]["checkthat"]["debates"].items():
        lines.append(f"  {debate:32}{ap:>10.3f}{res['baseline']['checkthat']['debates'][debate]:>10.3f}")
    oof = res["out_of_fold_map"]
    if oof["model"] is not None:
        lines.append(f"{'CheckThat! 13 training debates, OOF':34}{oof['model']:>10.3f}{oof['baseline']:>10.3f}")
    bal = res["model"]["claimbuster"]["balanced"]["sentences"]
    lines.append(f"{bal} balanced / {res['model']['claimbuster']['natural']['sentences']} natural ClaimBuster dev "
                 f"sentences, {len(res['model']['checkthat']['debates'])} CheckThat! dev debates; "
                 f"parse+features {res['seconds']['parse_and_features']}s, scoring {res['seconds']['scoring']}s")
    return "\n".join(lines)


def layer_cost(n_reuters: int, n_guardian: int, model_path: Path | None = None) -> str:
    """Each annotator's share of the whole pipeline's time on the throughput texts (with the
    claims model at ``model_path``, default the shipped one)."""
    from collections import Counter

    import newsxray
    from corpora import mixed
    items = mixed(n_reuters, n_guardian)
    analyzer = newsxray.load(config={"claims": {"model": str(model_path)}} if model_path else None)
    spent: Counter[str] = Counter()
    for annotator in analyzer.pipeline.annotators:
        def timed(docs, _pipe=annotator.pipe, _name=annotator.name):
            t = time.perf_counter()
            _pipe(docs)
            spent[_name] += time.perf_counter() - t
        annotator.pipe = timed
    list(analyzer.pipe(items[:8]))          # warm-up: models load
    spent.clear()
    t = time.perf_counter()
    list(analyzer.pipe(items))
    total = time.perf_counter() - t
    lines = [f"{len(items)} texts, whole pipeline {total:.1f} s"]
    lines += [f"  {name:14}{sec:8.2f} s{100 * sec / total:7.1f}%" for name, sec in spent.most_common()]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--model", type=Path, default=None, help="a model file other than the shipped one")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("--cost", action="store_true", help="measure each layer's share of the pipeline time instead")
    parser.add_argument("--reuters", type=int, default=100)
    parser.add_argument("--guardian", type=int, default=30)
    args = parser.parse_args(argv)
    if args.cost:
        print(layer_cost(args.reuters, args.guardian, args.model))
        return
    res = run(args.data, args.model)
    print(json.dumps(res, indent=2) if args.json else report(res))


if __name__ == "__main__":
    main()
