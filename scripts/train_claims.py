"""Train the check-worthiness model shipped in ``newsxray/models/claims/``.

    .venv/bin/python scripts/train_claims.py [--data /work/shared/datasets/claims] [--out newsxray/models/claims]

Data (read, never copied): ClaimBuster's 2-class training sentences
(``claimbuster_train.json``, label 1 = check-worthy factual sentence) and the CheckThat!
2019 task 1 training debates (``CT19-T1-Training.csv``, label 1 = the line was
fact-checked). Held out for development, with fixed seeds:

- ClaimBuster: a stratified 20% of the distinct sentences (seed 13);
- CheckThat!: 6 whole debates (files) drawn with seed 2019.

ClaimBuster's sentences include some of the 2016 presidential debates, so ClaimBuster
training sentences whose text occurs in a CheckThat! dev debate are dropped (the dev
figures stay held out).

The model is one linear scorer, the sum of two logistic regressions over the same
features: one trained on the ClaimBuster training sentences (its notion: check-worthy
factual sentences, ~25% of debate lines) and one, class-balanced, on the 13 CheckThat!
training debates (lines journalists actually fact-checked, ~3%), weighted by
``CT_WEIGHT`` (``--ct-weight 0`` gives the ClaimBuster-only model). The first carries
sentence-level check-worthiness, the second what gets picked out of a whole debate.

Steps: parse every sentence with the shared spaCy model, turn it into features with
``newsxray.annotators.claim_features`` (the code the annotator uses) plus the static
MiniLM sentence vector of its words (``newsxray.static_embed``, block weight
``STATIC_WEIGHT``; the table in ``newsxray/models/static/``) and the max-pooled static
vectors of its tokens (``STATIC_MAX_WEIGHT``), fit the feature space and
both regressions; calibrate with a Platt sigmoid fitted on 5-fold out-of-fold scores of
the ClaimBuster training sentences (so the probabilities refer to ClaimBuster's
notion and rate of check-worthy sentences, about 25%; a sigmoid keeps the ranking, with
no ties); pick the default threshold as the one that maximises positive-class F1 on a
balanced sample of those out-of-fold scores (news bodies hold far more factual
statements than debates; the dev split is not used to choose anything). Deterministic:
the same data give the same weights.
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
C = 2.0            # ClaimBuster regression
CT_C = 0.5         # CheckThat! regression (class-balanced)
CT_WEIGHT = 0.75   # its weight in the sum
STATIC_WEIGHT = 0.08   # block weight of the static MiniLM sentence vectors (newsxray.static_embed)
STATIC_MAX_WEIGHT = 0.03   # block weight of the max-pooled static token vectors
THRESHOLD_SEED = 3
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


def _key(text: str) -> str:
    return " ".join(text.lower().split())


def splits(data: Path = DATA) -> dict[str, list[Item]]:
    """The fixed splits: cb_train, cb_dev, ct_train, ct_dev (cb_train without the sentences
    that occur in a CheckThat! dev debate)."""
    cb_train, cb_dev = split_claimbuster(load_claimbuster(data))
    ct_train, ct_dev = split_checkthat(load_checkthat(data))
    held = {_key(it.text) for it in ct_dev}
    cb_train = [it for it in cb_train if _key(it.text) not in held]
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


def fit_linear(X, y: np.ndarray, *, ct: bool):
    """The ClaimBuster regression, or (``ct``) the class-balanced CheckThat! one."""
    from sklearn.linear_model import LogisticRegression
    if ct:
        return LogisticRegression(C=CT_C, class_weight="balanced", max_iter=5000, tol=1e-6).fit(X, y)
    return LogisticRegression(C=C, max_iter=5000, tol=1e-6).fit(X, y)


def out_of_fold(X, y: np.ndarray, is_cb: np.ndarray, folds: np.ndarray, ct_weight: float) -> np.ndarray:
    """Scores of the summed model for each item, with the part trained on the item's own
    source fitted on the other folds (the other part never saw the item)."""
    cb_full = fit_linear(X[is_cb], y[is_cb], ct=False)
    ct_full = fit_linear(X[~is_cb], y[~is_cb], ct=True) if ct_weight else None
    scores = np.zeros(len(y))
    for k in range(FOLDS):
        test = folds == k
        cb_test, ct_test = test & is_cb, test & ~is_cb
        cb_k = fit_linear(X[is_cb & ~test], y[is_cb & ~test], ct=False)
        scores[cb_test] = cb_k.decision_function(X[cb_test])
        scores[ct_test] = cb_full.decision_function(X[ct_test])
        if ct_full is not None:
            ct_k = fit_linear(X[~is_cb & ~test], y[~is_cb & ~test], ct=True)
            scores[cb_test] += ct_weight * ct_full.decision_function(X[cb_test])
            scores[ct_test] += ct_weight * ct_k.decision_function(X[ct_test])
        log.info("fold %d done", k)
    return scores


def summed(X, y: np.ndarray, is_cb: np.ndarray, ct_weight: float) -> tuple[np.ndarray, float]:
    """Coefficients and intercept of the ClaimBuster regression plus ``ct_weight`` times the
    CheckThat! one."""
    cb = fit_linear(X[is_cb], y[is_cb], ct=False)
    coef, intercept = cb.coef_.ravel().copy(), float(cb.intercept_[0])
    if ct_weight:
        ct = fit_linear(X[~is_cb], y[~is_cb], ct=True)
        coef += ct_weight * ct.coef_.ravel()
        intercept += ct_weight * float(ct.intercept_[0])
    return coef, intercept


def platt(scores: np.ndarray, y: np.ndarray) -> Calibration:
    from sklearn.linear_model import LogisticRegression
    lr = LogisticRegression(C=1e6, max_iter=1000).fit(scores.reshape(-1, 1), y)
    return Calibration("platt", {"a": float(lr.coef_[0, 0]), "b": float(lr.intercept_[0])})


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def meta(data: Path, parts: dict[str, list[Item]], oof: dict, ct_weight: float) -> dict:
    import sklearn
    nlp = get_nlp()
    return {
        "spacy_model": f"{MODEL_PACKAGE} {nlp.meta.get('version', '?')}", "sklearn": sklearn.__version__,
        "data": {CB_FILE: sha256(data / CB_FILE), CT_FILE: sha256(data / CT_FILE)},
        "splits": {k: len(v) for k, v in parts.items()}, "ct_dev_debates": dev_debates(parts["ct_train"] + parts["ct_dev"]),
        "seeds": {"claimbuster_dev": CB_SEED, "checkthat_dev": CT_SEED, "folds": FOLD_SEED, "threshold": THRESHOLD_SEED},
        "C": C, "checkthat_C": CT_C, "checkthat_weight": ct_weight, "blocks": SETTINGS, "out_of_fold": oof,
        "static_weight": STATIC_WEIGHT, "static_max_weight": STATIC_MAX_WEIGHT,
        "static_table": _static_table(),
        "calibrated_on": "ClaimBuster out-of-fold scores (5 folds)",
        "threshold_on": "best F1 on a balanced sample of the ClaimBuster out-of-fold scores",
        "trained_on": "ClaimBuster train split" + (f" + {ct_weight} x CheckThat! training debates" if ct_weight else ""),
    }


def _static_table() -> str:
    from newsxray.static_embed import table_id
    return table_id() if STATIC_WEIGHT else ""


def train(data: Path = DATA, *, ct_weight: float = CT_WEIGHT) -> ClaimModel:
    """Fit the shipped model: the ClaimBuster regression plus ``ct_weight`` times the
    CheckThat! one, calibrated and thresholded on out-of-fold ClaimBuster scores."""
    t0 = time.time()
    parts = splits(data)
    items = parts["cb_train"] + parts["ct_train"]
    y = np.array([it.label for it in items])
    is_cb = np.array([it.source == "claimbuster" for it in items])
    log.info("parsing %d training sentences", len(items))
    bundles = bundles_of([it.text for it in items])
    space = FeatureSpace.fit(bundles, settings=SETTINGS, static_weight=STATIC_WEIGHT,
                             static_max_weight=STATIC_MAX_WEIGHT)
    X = space.transform(bundles)
    log.info("feature space: %d columns", X.shape[1])
    oof = out_of_fold(X, y, is_cb, fold_ids(items), ct_weight)
    calibration = platt(oof[is_cb], y[is_cb])
    coef, intercept = summed(X, y, is_cb, ct_weight)
    bal = balanced(y[is_cb], seed=THRESHOLD_SEED)
    threshold = best_threshold(calibration(oof[is_cb][bal]), y[is_cb][bal])
    model = ClaimModel(space, coef, intercept, calibration, threshold)
    model.meta = meta(data, parts, oof_figures(items, y, oof, calibration), ct_weight)
    log.info("trained in %.0f s", time.time() - t0)
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
    parser.add_argument("--ct-weight", type=float, default=CT_WEIGHT,
                        help=f"weight of the CheckThat! regression in the sum (default {CT_WEIGHT}; 0: ClaimBuster only)")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(message)s")
    model = train(args.data, ct_weight=args.ct_weight)
    args.out.mkdir(parents=True, exist_ok=True)
    path = args.out / "claims.json.gz"
    model.save(path)
    _check_saved(model, path, args.data)
    log.info("threshold %.2f; wrote %s (%.1f MB)", model.threshold, path, path.stat().st_size / 1e6)


if __name__ == "__main__":
    main()
