"""Train the check-worthiness model shipped in ``newsxray/models/claims/``.

    .venv/bin/python scripts/train_claims.py [--data /work/shared/datasets/claims] [--out newsxray/models/claims]

Data (read, never copied): ClaimBuster's 2-class training sentences
(``claimbuster_train.json``, label 1 = check-worthy factual sentence) and the CheckThat!
2019 task 1 training debates (``CT19-T1-Training.csv``, label 1 = the line was
fact-checked). Held out for development, with fixed seeds:

- ClaimBuster: a stratified 20% of the distinct sentences (seed 13);
- CheckThat!: 6 whole debates (files) drawn with seed 2019.

The model is trained on the ClaimBuster training split only, so ``benchmarks/claims.py``
scores it on data it has not seen. The 13 CheckThat! training debates served model
selection: adding them to the training data lowered both the out-of-fold ClaimBuster F1
and the out-of-fold MAP on those debates (see the model card), so they are left out;
``--with-checkthat`` adds them back to reproduce that comparison.

Steps: parse every sentence with the shared spaCy model, turn it into features with
``newsxray.annotators.claim_features`` (the code the annotator uses), fit the feature
space and a logistic regression; calibrate with a Platt sigmoid fitted on
5-fold out-of-fold scores of the ClaimBuster training sentences (so the probabilities
refer to ClaimBuster's notion and rate of check-worthy sentences, about 25%); pick the
default threshold as the one that maximises positive-class F1 on the ClaimBuster dev
split (natural class rate). Deterministic: the same data give the same weights.
"""
from __future__ import annotations

import argparse
import csv
import hashlib
import json
import logging
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from newsxray.annotators.claim_eval import average_precision, balanced, best_f1, best_threshold  # noqa: E402
from newsxray.annotators.claim_features import featurize_doc  # noqa: E402
from newsxray.annotators.claim_model import Calibration, ClaimModel, FeatureSpace  # noqa: E402
from newsxray.nlp import MODEL_PACKAGE, get_nlp  # noqa: E402

DATA = Path("/work/shared/datasets/claims")
OUT = ROOT / "newsxray" / "models" / "claims"
CB_FILE, CT_FILE = "claimbuster_train.json", "CT19-T1-Training.csv"
CB_SEED, CT_SEED, FOLD_SEED = 13, 2019, 7
CB_DEV_SHARE, CT_DEV_DEBATES, FOLDS = 0.2, 6, 5
C = 2.0
SETTINGS = {
    "w": {"min_df": 2, "max_terms": 20000, "weight": 1.0},
    "c": {"min_df": 3, "max_terms": 30000, "weight": 1.0},
    "n": {"min_df": 2, "max_terms": 15000, "weight": 1.0},
    "t": {"min_df": 2, "max_terms": 5000, "weight": 1.0},
}
log = logging.getLogger("train_claims")


@dataclass(frozen=True)
class Item:
    text: str
    label: int
    source: str          # "claimbuster" or "checkthat"
    group: str           # debate file (CheckThat!) or "" (ClaimBuster)
    line: int            # line number in the debate (CheckThat!) or sentence id


def load_claimbuster(data: Path = DATA) -> list[Item]:
    rows = json.loads((data / CB_FILE).read_text(encoding="utf-8"))
    return [Item(r["text"], int(r["label"]), "claimbuster", "", int(r["sentence_id"])) for r in rows]


def load_checkthat(data: Path = DATA) -> list[Item]:
    with open(data / CT_FILE, encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    return [Item(r["text"], int(r["label"]), "checkthat", r["file_name"], int(r["line_number"])) for r in rows]


def split_claimbuster(items: list[Item]) -> tuple[list[Item], list[Item]]:
    """Stratified dev split over distinct texts (a repeated sentence stays on one side)."""
    first: dict[str, int] = {}
    for it in items:
        first.setdefault(it.text, it.label)
    rng = np.random.RandomState(CB_SEED)
    dev_texts: set[str] = set()
    for label in (0, 1):
        texts = sorted(t for t, lab in first.items() if lab == label)
        picked = rng.choice(len(texts), size=round(CB_DEV_SHARE * len(texts)), replace=False)
        dev_texts.update(texts[i] for i in picked)
    return [it for it in items if it.text not in dev_texts], [it for it in items if it.text in dev_texts]


def dev_debates(items: list[Item]) -> list[str]:
    files = sorted({it.group for it in items})
    rng = np.random.RandomState(CT_SEED)
    return sorted(str(f) for f in rng.choice(files, size=CT_DEV_DEBATES, replace=False))


def split_checkthat(items: list[Item]) -> tuple[list[Item], list[Item]]:
    held = set(dev_debates(items))
    return [it for it in items if it.group not in held], [it for it in items if it.group in held]


def splits(data: Path = DATA) -> dict[str, list[Item]]:
    """The fixed splits: cb_train, cb_dev, ct_train, ct_dev."""
    cb_train, cb_dev = split_claimbuster(load_claimbuster(data))
    ct_train, ct_dev = split_checkthat(load_checkthat(data))
    return {"cb_train": cb_train, "cb_dev": cb_dev, "ct_train": ct_train, "ct_dev": ct_dev}


def bundles_of(texts: list[str], batch_size: int = 256) -> list:
    nlp = get_nlp()
    return [featurize_doc(d) for d in nlp.pipe(texts, batch_size=batch_size)]


def fold_ids(items: list[Item]) -> np.ndarray:
    """Fold of each training item: ClaimBuster stratified at random, CheckThat! by debate."""
    rng = np.random.RandomState(FOLD_SEED)
    folds = np.zeros(len(items), dtype=int)
    for label in (0, 1):
        idx = [i for i, it in enumerate(items) if it.source == "claimbuster" and it.label == label]
        perm = rng.permutation(len(idx))
        for rank, j in enumerate(perm):
            folds[idx[j]] = rank % FOLDS
    debates = sorted({it.group for it in items if it.source == "checkthat"})
    by_debate = {d: k % FOLDS for k, d in enumerate(debates)}
    for i, it in enumerate(items):
        if it.source == "checkthat":
            folds[i] = by_debate[it.group]
    return folds


def fit_linear(X, y: np.ndarray, weights: np.ndarray):
    from sklearn.linear_model import LogisticRegression
    return LogisticRegression(C=C, max_iter=5000, tol=1e-6).fit(X, y, sample_weight=weights)


def out_of_fold(X, y: np.ndarray, weights: np.ndarray, folds: np.ndarray) -> np.ndarray:
    """Scores of each item from the model trained on the other folds."""
    scores = np.zeros(len(y))
    for k in range(FOLDS):
        test = folds == k
        scores[test] = fit_linear(X[~test], y[~test], weights[~test]).decision_function(X[test])
        log.info("fold %d done", k)
    return scores


def platt(scores: np.ndarray, y: np.ndarray) -> Calibration:
    from sklearn.linear_model import LogisticRegression
    lr = LogisticRegression(C=1e6, max_iter=1000).fit(scores.reshape(-1, 1), y)
    return Calibration("platt", {"a": float(lr.coef_[0, 0]), "b": float(lr.intercept_[0])})


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def meta(data: Path, parts: dict[str, list[Item]], oof: dict) -> dict:
    import sklearn
    nlp = get_nlp()
    return {
        "spacy_model": f"{MODEL_PACKAGE} {nlp.meta.get('version', '?')}", "sklearn": sklearn.__version__,
        "data": {CB_FILE: sha256(data / CB_FILE), CT_FILE: sha256(data / CT_FILE)},
        "splits": {k: len(v) for k, v in parts.items()}, "ct_dev_debates": dev_debates(parts["ct_train"] + parts["ct_dev"]),
        "seeds": {"claimbuster_dev": CB_SEED, "checkthat_dev": CT_SEED, "folds": FOLD_SEED},
        "C": C, "blocks": SETTINGS, "out_of_fold": oof,
        "calibrated_on": "ClaimBuster out-of-fold scores (5 folds)",
    }


def train(data: Path = DATA, *, with_checkthat: bool = False) -> ClaimModel:
    """Fit the shipped model; the CheckThat! training debates are scored out of fold and,
    with ``with_checkthat``, also trained on (weight 1 instead of 0)."""
    t0 = time.time()
    parts = splits(data)
    items = parts["cb_train"] + parts["ct_train"]
    y = np.array([it.label for it in items])
    is_cb = np.array([it.source == "claimbuster" for it in items])
    weights = np.where(is_cb | with_checkthat, 1.0, 0.0)
    log.info("parsing %d training sentences", len(items))
    bundles = bundles_of([it.text for it in items])
    space = FeatureSpace.fit(bundles, settings=SETTINGS)
    X = space.transform(bundles)
    log.info("feature space: %d columns", X.shape[1])
    oof = out_of_fold(X, y, weights, fold_ids(items))
    calibration = platt(oof[is_cb], y[is_cb])
    final = fit_linear(X, y, weights)
    model = ClaimModel(space, final.coef_.ravel().copy(), float(final.intercept_[0]), calibration, 0.5)
    dev = parts["cb_dev"]
    dev_probs = model.scores(bundles_of([it.text for it in dev]))
    model.threshold = best_threshold(dev_probs, np.array([it.label for it in dev]))
    model.meta = meta(data, parts, oof_figures(items, y, oof, calibration))
    log.info("trained in %.0f s", time.time() - t0)
    model.meta["trained_on"] = "ClaimBuster train split" + (" + CheckThat! training debates" if with_checkthat else "")
    return model


def oof_figures(items: list[Item], y: np.ndarray, oof: np.ndarray, calibration: Calibration) -> dict:
    """Out-of-fold figures: ClaimBuster best balanced F1 and Brier score, CheckThat! training-debate MAP."""
    is_cb = np.array([it.source == "claimbuster" for it in items])
    bal = balanced(y[is_cb], seed=1)
    debates = sorted({it.group for it in items if it.source == "checkthat"})
    aps = [average_precision(y[idx], oof[idx]) for idx in
           ([i for i, it in enumerate(items) if it.group == d] for d in debates)]
    out = {"claimbuster_best_balanced_f1": round(best_f1(y[is_cb][bal], oof[is_cb][bal]), 4),
           "claimbuster_brier": round(float(np.mean((calibration(oof[is_cb]) - y[is_cb]) ** 2)), 4),
           "checkthat_train_debates_map": round(float(np.mean(aps)), 4)}
    log.info("out of fold: %s", out)
    return out


def _check_saved(model: ClaimModel, path: Path, data: Path) -> None:
    """The saved file must score like the model in memory (up to the stored rounding)."""
    sample = bundles_of([it.text for it in splits(data)["cb_dev"][:200]])
    gap = float(np.abs(ClaimModel.load(path).scores(sample) - model.scores(sample)).max())
    if gap > 1e-3:
        raise SystemExit(f"the saved model scores differently from the trained one (max gap {gap:.4f})")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--out", type=Path, default=OUT)
    parser.add_argument("--with-checkthat", action="store_true",
                        help="also train on the CheckThat! training debates (not the shipped setting)")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(message)s")
    model = train(args.data, with_checkthat=args.with_checkthat)
    args.out.mkdir(parents=True, exist_ok=True)
    path = args.out / "claims.json.gz"
    model.save(path)
    _check_saved(model, path, args.data)
    log.info("threshold %.2f; wrote %s (%.1f MB)", model.threshold, path, path.stat().st_size / 1e6)


if __name__ == "__main__":
    main()
