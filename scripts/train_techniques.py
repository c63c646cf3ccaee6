"""Train the techniques model from the PTC corpus and write it to newsxray/models/techniques/.

    .venv/bin/python scripts/train_techniques.py [--data ../shared/datasets/ptc] [--out DIR] [--cache FILE]
                                                 [--clusters N] [--ablate prior|context|spanprior]

Reproducible: the dev split (20% of the articles, by article) and the folds are seeded.
The shipped model is trained on the training part only, so that
``benchmarks/techniques.py`` can score it on the held-out dev part. Calibration (Platt
scaling per technique, with the context terms) and the default threshold come from
out-of-fold predictions on the training part (the word prior of each fold from that
fold's training articles only); the dev part is used for nothing but the figures printed at the end.
Training data is read at run time and never copied into the repository.
"""
from __future__ import annotations

import argparse
import json
import sys
import time
import warnings
from collections import Counter
from dataclasses import replace
from pathlib import Path

import numpy as np
from joblib import Parallel, delayed
from scipy import sparse
from sklearn.linear_model import LogisticRegression

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from newsxray.annotators.technique_eval import dev_split, overlaps_gold, read_ptc, reliability, score_spans  # noqa: E402
from newsxray.annotators.technique_features import lowered, tokens  # noqa: E402
from newsxray.annotators.technique_matrix import Featurizer  # noqa: E402
from newsxray.annotators.technique_model import (  # noqa: E402
    PRIOR_KEYS, TechniqueModel, WordPrior, lemma_counts, logit, runs, sigmoid, softmax)
from newsxray.annotators.technique_rules import LOADED as LOADED_CAT  # noqa: E402
from newsxray.document import Document, Technique  # noqa: E402

TECHNIQUES: tuple[str, ...] = Technique.__args__  # type: ignore[attr-defined]
SHORT = ("Loaded_Language", "Name_Calling,Labeling", "Repetition", "Exaggeration,Minimisation", "Flag-Waving",
         "Slogans", "Thought-terminating_Cliches")
SHORT_IX = tuple(TECHNIQUES.index(t) for t in SHORT)
LONG_IX = tuple(i for i in range(len(TECHNIQUES)) if TECHNIQUES[i] not in SHORT)
FOLDS, SEED = 4, 7
C_SENT, C_TOK, C_SPAN = 10.0, 1.5, 1.0
CANDIDATE_THRESHOLD = 0.15
MIN_TECHNIQUE_PROB = 0.1   # a candidate is scored for the short techniques the span classifier gives this much
MIN_WORD_COUNT = 2
N_CLUSTERS = 200           # word clusters (k-means over spaCy's token vectors); 0: none (see MODEL_CARD.md)
THRESHOLD_FLOOR = 0.1      # no technique is shown by default below this calibrated score
ABLATE: set[str] = set()   # "prior" / "context" / "spanprior": train without the word prior / the calibration
                           # context / the word prior in the span classifier


def log(msg: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {msg}", flush=True)


# -- data -----------------------------------------------------------------------------------
def parse_articles(articles) -> list[list]:
    """The parsed units of each article as the annotator sees them (segments + shared parse)."""
    from newsxray.annotators.techniques import units_of
    from newsxray.pipeline import Pipeline
    pipeline = Pipeline(["segments", "_parse"], keep_cache=True)
    out = []
    for i in range(0, len(articles), 32):
        docs = [Document(text=a.text, id=a.id) for a in articles[i:i + 32]]
        pipeline.run(docs)
        out += [units_of(d) for d in docs]
        log(f"parsed {len(out)}/{len(articles)} articles")
    return out


def unit_vectors(units) -> np.ndarray:
    """spaCy's contextual token vectors (``Doc.tensor``) of an article's parsed units, row-aligned
    with its token table; used only at training time, to build the word clusters. Rounded to
    float16 (as the cache file keeps them), so that a run from the cache and a run that parses
    give the same clusters."""
    parts = [np.asarray(p.tensor, dtype=np.float16).astype(np.float32) for _, p, _ in units if len(p)]
    return np.concatenate(parts) if parts else np.zeros((0, 1), np.float32)


def load_tokens(articles, cache: str | None):
    """Token tables and token vectors of the articles (parsing them, or reading the parse from a
    local cache file made by an earlier run), and the spaCy string store that resolves their hashes."""
    import pickle
    from spacy.tokens import DocBin
    from newsxray.nlp import get_nlp
    nlp = get_nlp()
    ids = [a.id for a in articles]
    stored = pickle.loads(Path(cache).read_bytes()) if cache and Path(cache).exists() else None
    if stored is not None and stored[0] == ids and len(stored) == 3:
        units = [list(zip(offs, DocBin().from_bytes(blob).get_docs(nlp.vocab), segs)) for offs, segs, blob in stored[1]]
        vecs = [v.astype(np.float32) for v in stored[2]]
        log(f"parse read from {cache}")
    else:
        units = parse_articles(articles)
        vecs = [unit_vectors(us) for us in units]
        if cache:
            packed = []
            for us in units:
                bin_ = DocBin(store_user_data=False)
                for _, parsed, _ in us:
                    bin_.add(parsed)
                packed.append(([u[0] for u in us], [u[2] for u in us], bin_.to_bytes()))
            Path(cache).write_bytes(pickle.dumps((ids, packed, [v.astype(np.float16) for v in vecs])))
    return [tokens(a.text, us) for a, us in zip(articles, units)], vecs, nlp.vocab.strings


def sentence_labels(tok, spans) -> np.ndarray:
    ss, se = tok.start[tok.sent_bounds[:, 0]], tok.end[tok.sent_bounds[:, 1] - 1]
    y = np.zeros((len(ss), len(TECHNIQUES)), dtype=bool)
    for s, e, t in spans:
        y[np.minimum(se, e) - np.maximum(ss, s) >= 2, TECHNIQUES.index(t)] = True
    return y


def short_token_labels(tok, spans) -> np.ndarray:
    y = np.zeros(len(tok), dtype=bool)
    for s, e, t in spans:
        if t in SHORT:
            y |= (tok.start < e) & (tok.end > s)
    return y


def prior_labels(tok, spans) -> np.ndarray:
    """(tokens, len(PRIOR_KEYS)): whether each token lies inside a gold span of any short
    technique, of loaded language, of name calling."""
    y = np.zeros((len(tok), len(PRIOR_KEYS)), dtype=bool)
    for s, e, t in spans:
        inside = (tok.start < e) & (tok.end > s)
        for k, key in enumerate(PRIOR_KEYS):
            if t == key or (key == "any" and t in SHORT):
                y[:, k] |= inside
    return y


def word_prior(counts, idx) -> tuple[WordPrior, list[int], np.ndarray]:
    """The ``WordPrior`` of the articles ``idx`` (``counts``: ``lemma_counts`` of each article),
    with its lemma hashes and count rows (for saving)."""
    total: dict[int, np.ndarray] = {}
    for i in idx:
        for h, row in zip(counts[i][0].tolist(), counts[i][1]):
            total[h] = total[h] + row if h in total else row.copy()
    lemmas = sorted(total)
    table = np.array([total[h] for h in lemmas]) if lemmas else np.zeros((0, len(PRIOR_KEYS) + 1))
    base = table[:, 1:].sum(axis=0) / max(table[:, 0].sum(), 1)
    return WordPrior(lemmas, table, base), lemmas, table


def gold_token_spans(tok, spans):
    """Short gold spans as token ranges (first, last, index into SHORT)."""
    out = []
    for s, e, t in spans:
        if t in SHORT:
            inside = np.flatnonzero((tok.start < e) & (tok.end > s))
            if len(inside):
                out.append((inside[0], inside[-1], SHORT.index(t)))
    return out


def build_featurizer(toks, vecs, nlp_strings, *, n_clusters: int = N_CLUSTERS) -> Featurizer:
    words, tags, deps = Counter(), set(), set()
    for tok in toks:
        words.update(tok.lower.tolist())
        tags.update(tok.tag.tolist())
        deps.update(tok.dep.tolist())
    vocab = sorted(nlp_strings[h] for h, c in words.items() if c >= MIN_WORD_COUNT)
    plain = Featurizer(vocab, sorted(nlp_strings[h] for h in tags), sorted(nlp_strings[h] for h in deps),
                       len(TECHNIQUES))
    if not n_clusters:
        return plain
    clusters = word_clusters(plain, toks, vecs, n_clusters)
    return Featurizer(plain.words, plain.tags, plain.deps, len(TECHNIQUES), clusters)


def word_clusters(F: Featurizer, toks, vecs, n_clusters: int) -> list[int]:
    """A cluster per vocabulary word: k-means over the word's mean spaCy token vector in the
    training articles (unlabelled text only; labels are not used)."""
    from sklearn.cluster import KMeans
    n = len(F.words)
    sums, counts = np.zeros((n + 5, vecs[0].shape[1])), np.zeros(n + 5)
    for tok, vec in zip(toks, vecs):
        wid = F.word_ids(tok)
        np.add.at(sums, wid, vec)
        np.add.at(counts, wid, 1)
    mean = sums[:n] / np.maximum(counts[:n], 1)[:, None]
    mean /= np.linalg.norm(mean, axis=1, keepdims=True) + 1e-9
    km = KMeans(n_clusters=n_clusters, random_state=SEED, n_init=2).fit(mean)
    return km.labels_.astype(int).tolist()


# -- models ---------------------------------------------------------------------------------
def fit_binary(x, y, c: float):
    if not y.any():
        return np.zeros(x.shape[1]), -10.0
    m = LogisticRegression(C=c, solver="liblinear", random_state=SEED).fit(x, y)
    return m.coef_[0], float(m.intercept_[0])


def fit_sentences(xs, ys):
    x, y = sparse.vstack(xs).tocsr(), np.vstack(ys)
    fits = Parallel(n_jobs=2)(delayed(fit_binary)(x, y[:, k], C_SENT) for k in range(y.shape[1]))
    return np.stack([w for w, _ in fits], 1), np.array([b for _, b in fits])


def fit_spans(xs, ys):
    x, y = sparse.vstack(xs).tocsr(), np.concatenate(ys)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")    # lbfgs may stop at max_iter; the fit is good by then
        m = LogisticRegression(C=C_SPAN, max_iter=300, random_state=SEED).fit(x, y)
    w = np.zeros((x.shape[1], len(SHORT)))
    b = np.full(len(SHORT), -10.0)
    w[:, m.classes_], b[m.classes_] = m.coef_.T, m.intercept_
    return w, b


def fold_of(n: int) -> np.ndarray:
    return np.random.RandomState(SEED).permutation(n) % FOLDS


def oof_sentences(F, toks, golds):
    xs = [F.sentence_matrix(t) for t in toks]
    ys = [sentence_labels(t, g) for t, g in zip(toks, golds)]
    folds, oof = fold_of(len(toks)), [None] * len(toks)
    for f in range(FOLDS):
        w, b = fit_sentences([x for x, k in zip(xs, folds) if k != f], [y for y, k in zip(ys, folds) if k != f])
        for i in np.flatnonzero(folds == f):
            oof[i] = sigmoid(xs[i] @ w + b)
        log(f"sentences fold {f}")
    return oof, fit_sentences(xs, ys), ys


def oof_tokens(F, toks, golds, sps):
    """Out-of-fold token probabilities and the final token model. The word prior of a fold
    comes from its training articles only, each of which sees it without its own counts."""
    xs = [F.token_matrix(t, sp).tocsr() for t, sp in zip(toks, sps)]
    ys = [short_token_labels(t, g) for t, g in zip(toks, golds)]
    counts = [lemma_counts(t, prior_labels(t, g)) for t, g in zip(toks, golds)]
    folds, oof = fold_of(len(toks)), [None] * len(toks)

    def fit(idx):
        prior = word_prior(counts, idx)[0]
        on = 0.0 if "prior" in ABLATE else 1.0      # zero columns: the same fit as without them
        x = sparse.vstack([sparse.hstack([xs[i], on * prior.matrix(toks[i], counts[i][1])]) for i in idx]).tocsr()
        return fit_binary(x, np.concatenate([ys[i] for i in idx]), C_TOK)
    fits = Parallel(n_jobs=2)(delayed(fit)(np.flatnonzero(folds != f)) for f in range(FOLDS))
    for f, (w, b) in enumerate(fits):
        prior = word_prior(counts, np.flatnonzero(folds != f))[0]
        for i in np.flatnonzero(folds == f):
            oof[i] = sigmoid(sparse.hstack([xs[i], prior.matrix(toks[i])]).tocsr() @ w + b)
    log("tokens: out-of-fold done")
    w, b = fit(range(len(toks)))
    size = F.tok_layout.size
    return oof, (w[:size], b), (w[size:], word_prior(counts, range(len(toks)))), counts


def span_examples(F, tok, text, gold, sp, p):
    """Span classifier examples: the gold short spans and the candidates that overlap one
    (features, labels, and the spans' first and last tokens)."""
    first, last, label = [], [], []
    for a, b, k in gold_token_spans(tok, gold):
        first.append(a); last.append(b); label.append(k)
    for a, b in zip(*runs(tok, p, CANDIDATE_THRESHOLD)):
        s, e = tok.start[a], tok.end[b]
        best = max(((min(e, ge) - max(s, gs), t) for gs, ge, t in gold if t in SHORT), default=(0, None))
        if best[0] > 0:
            first.append(a); last.append(b); label.append(SHORT.index(best[1]))
    first, last = np.array(first, dtype=np.int64), np.array(last, dtype=np.int64)
    return F.span_matrix(tok, first, last, sp, lowered(text)), np.array(label, dtype=np.int64), first, last


def oof_span_classifier(F, toks, texts, golds, sps, tps, counts):
    """The span classifier of each fold and the final one, as ``(w, b, prior)``: ``w`` holds the
    weights of the span features, then those of the word prior's bins of the span's words
    (``prior``: the word prior of the fit's articles, each seeing it without its own counts;
    None with ``--ablate spanprior``)."""
    ex = [span_examples(F, t, x, g, sp, p) for t, x, g, sp, p in zip(toks, texts, golds, sps, tps)]
    folds = fold_of(len(toks))

    def prior_of(idx):
        return None if "spanprior" in ABLATE else word_prior(counts, idx)[0]

    def fit(idx):
        prior = prior_of(idx)
        xs = [ex[i][0] if prior is None else
              sparse.hstack([ex[i][0], prior.span_matrix(toks[i], ex[i][2], ex[i][3], counts[i][1])]).tocsr()
              for i in idx]
        return fit_spans(xs, [ex[i][1] for i in idx])
    fits = Parallel(n_jobs=2)(delayed(fit)(np.flatnonzero(folds != f)) for f in range(FOLDS))
    models = {f: (w, b, prior_of(np.flatnonzero(folds != f))) for f, (w, b) in enumerate(fits)}
    log("span classifier: out-of-fold done")
    everything = np.arange(len(toks))
    return models, folds, (*fit(everything), prior_of(everything))


# -- calibration and threshold ----------------------------------------------------------------
def platt(x: np.ndarray, y: np.ndarray) -> list[float]:
    """Coefficients of a logistic regression of ``y`` on the columns of ``x``, then the intercept."""
    if y.sum() < 2 or y.all():
        return [0.0] * x.shape[1] + [float(logit(np.array([max(y.mean(), 1e-3)]))[0])]
    m = LogisticRegression(C=1.0, random_state=SEED).fit(x, y)
    return [float(a) for a in m.coef_[0]] + [float(m.intercept_[0])]


def raw_candidates(model: TechniqueModel, toks, texts, sps, tps, span_models, folds):
    """Per article: short candidate pairings from the out-of-fold stages, with their context."""
    out = []
    for i, (tok, text, sp, p) in enumerate(zip(toks, texts, sps, tps)):
        w, b, prior = span_models[folds[i]]
        size = model.featurizer.span_layout.size
        fold_model = replace(model, span_w=w[:size], span_b=b, prior=prior,
                             span_prior_w=w[size:] if prior is not None else None)
        first, last, tech, peak, tp = fold_model.short_candidates(text, tok, sp, model.featurizer.word_ids(tok), p)
        out.append((first, last, tech, peak, tp, model.short_context(tok, sp, p, first, last, tech)))
    return out


def fit_calibration(model: TechniqueModel, toks, golds, sps, tps, cands, sent_ys) -> tuple[np.ndarray, np.ndarray]:
    """Platt scaling per technique over (logit token, logit technique, the 3 context terms):
    the ``platt`` table (a, c, b) and the ``platt_ctx`` weights."""
    table, ctx_w = np.zeros((len(TECHNIQUES), 3)), np.zeros((len(TECHNIQUES), 3))
    xs = {k: [] for k in range(len(TECHNIQUES))}
    ys = {k: [] for k in range(len(TECHNIQUES))}
    for tok, gold, (first, last, tech, peak, tp, ctx) in zip(toks, golds, cands):
        x = np.c_[logit(peak), logit(tp), ctx * ("context" not in ABLATE)]
        for j, (a, c, t) in enumerate(zip(first, last, tech)):
            xs[t].append(x[j])
            ys[t].append(overlaps_gold((int(tok.start[a]), int(tok.end[c]), TECHNIQUES[t]), gold))
    longs = list(LONG_IX)
    for tok, sp, p, y in zip(toks, sps, tps, sent_ys):
        ctx = model.long_context(tok, sp, p)
        for j, k in enumerate(longs):
            xs[k].extend(np.c_[logit(sp[:, k]), np.zeros(len(sp)), ctx[:, j] * ("context" not in ABLATE)])
            ys[k].extend(y[:, k])
    for k in range(len(TECHNIQUES)):
        coef = platt(np.array(xs[k]).reshape(-1, 5), np.array(ys[k], dtype=bool))
        table[k], ctx_w[k] = [coef[0], coef[1], coef[5]], coef[2:5]
    return table, ctx_w


def oof_predictions(model: TechniqueModel, toks, sps, tps, cands) -> list[list]:
    """Calibrated out-of-fold spans of every training article (scores >= 0.01)."""
    out = []
    floor = np.full(len(TECHNIQUES), 0.01)
    for tok, sp, p, (first, last, tech, peak, tp, ctx) in zip(toks, sps, tps, cands):
        found = model._long_spans(tok, sp, p, floor)
        score = model.calibrate(tech, peak, tp, ctx)
        found += [(int(tok.start[a]), int(tok.end[c]), TECHNIQUES[t], float(s))
                  for a, c, t, s in zip(first, last, tech, score)]
        out.append(found)
    return out


def choose_thresholds(preds, golds) -> tuple[np.ndarray, dict]:
    """Per technique, the minimum score that maximises its out-of-fold span F1."""
    grid = np.round(np.arange(THRESHOLD_FLOOR, 0.71, 0.025), 3)
    gold = {i: g for i, g in enumerate(golds)}
    best = np.full(len(TECHNIQUES), 0.5)
    for k, name in enumerate(TECHNIQUES):
        mine = {i: [p for p in ps if p[2] == name] for i, ps in enumerate(preds)}
        f1s = [score_spans({i: [p[:3] for p in ps if p[3] >= tau] for i, ps in mine.items()}, gold)["per_technique"]
               .get(name) for tau in grid]
        f1s = [t.f1 if t else 0.0 for t in f1s]
        best[k] = grid[int(np.argmax(f1s))]
    chosen = score_spans({i: [p[:3] for p in ps if p[3] >= best[TECHNIQUES.index(p[2])]] for i, ps in enumerate(preds)},
                         gold)
    summary = {"si_f1": round(chosen["si"].f1, 4), "aware_f1": round(chosen["aware"].f1, 4)}
    return best, summary


# -- evaluation and output ------------------------------------------------------------------------
def evaluate(model: TechniqueModel, toks, texts, golds) -> dict:
    preds = [model.predict_tokens(x, t, threshold=0.0) for t, x in zip(toks, texts)]
    at = {i: [p[:3] for p in ps if p[3] >= model.threshold[TECHNIQUES.index(p[2])]] for i, ps in enumerate(preds)}
    res = score_spans(at, {i: g for i, g in enumerate(golds)})
    scores = [p[3] for ps in preds for p in ps if p[3] >= 0.05]
    correct = [overlaps_gold(p[:3], g) for ps, g in zip(preds, golds) for p in ps if p[3] >= 0.05]
    table, ece = reliability(scores, correct)
    fig = lambda t: {"precision": round(t.precision, 4), "recall": round(t.recall, 4), "f1": round(t.f1, 4)}  # noqa: E731
    return {"si": fig(res["si"]), "aware": fig(res["aware"]),
            "per_technique": {k: fig(v) for k, v in sorted(res["per_technique"].items())},
            "reliability": table, "ece": round(ece, 4)}


def save(model: TechniqueModel, out: Path, extra: dict) -> None:
    out.mkdir(parents=True, exist_ok=True)
    f32 = np.float32
    optional = {"span_prior_w": model.span_prior_w.astype(f32)} if model.span_prior_w is not None else {}
    np.savez_compressed(out / "weights.npz", sent_w=model.sent_w.astype(f32), sent_b=model.sent_b.astype(f32),
                        tok_w=model.tok_w.astype(f32), tok_b=np.array([model.tok_b], f32),
                        span_w=model.span_w.astype(f32), span_b=model.span_b.astype(f32),
                        platt=model.platt.astype(f32), prior_w=model.prior_w.astype(f32),
                        platt_ctx=model.platt_ctx.astype(f32), **optional)
    meta = {"techniques": list(TECHNIQUES), "short": list(SHORT_IX), "long": list(LONG_IX),
            "candidate_threshold": CANDIDATE_THRESHOLD, "min_technique_prob": model.min_technique_prob,
            "threshold": {t: float(v) for t, v in zip(TECHNIQUES, model.threshold)},
            "rule_scores": model.rule_scores, **extra, "prior": model.info["prior"],
            "words": model.featurizer.words, "tags": model.featurizer.tags, "deps": model.featurizer.deps}
    if model.featurizer.clusters is not None:
        meta["clusters"] = model.featurizer.clusters
    (out / "model.json").write_text(json.dumps(meta, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")


def train(toks, vecs, texts, golds, strings, *, n_clusters: int = N_CLUSTERS) -> tuple[TechniqueModel, dict]:
    F = build_featurizer(toks, vecs, strings, n_clusters=n_clusters)
    log(f"vocabulary: {len(F.words)} words")
    sps, (sent_w, sent_b), sent_ys = oof_sentences(F, toks, golds)
    tps, (tok_w, tok_b), (prior_w, (prior, lemmas, counts)), article_counts = oof_tokens(F, toks, golds, sps)
    span_models, folds, (span_w, span_b, span_prior) = oof_span_classifier(F, toks, texts, golds, sps, tps,
                                                                           article_counts)
    size = F.span_layout.size
    span_w, span_prior_w = span_w[:size], (span_w[size:] if span_prior is not None else None)
    model = TechniqueModel(TECHNIQUES, SHORT_IX, LONG_IX, F, sent_w, sent_b, tok_w, tok_b, span_w, span_b,
                           np.zeros((len(TECHNIQUES), 3)), CANDIDATE_THRESHOLD, np.full(len(TECHNIQUES), 0.5), {},
                           prior=prior, prior_w=prior_w, platt_ctx=np.zeros((len(TECHNIQUES), 3)),
                           span_prior_w=span_prior_w, min_technique_prob=MIN_TECHNIQUE_PROB)
    cands = raw_candidates(model, toks, texts, sps, tps, span_models, folds)
    model.platt, model.platt_ctx = fit_calibration(model, toks, golds, sps, tps, cands, sent_ys)
    model.threshold, oof = choose_thresholds(oof_predictions(model, toks, sps, tps, cands), golds)
    model.info["prior"] = {"keys": list(PRIOR_KEYS), "base": [round(float(b), 6) for b in prior.base],
                           "lemmas": [strings[h] for h in lemmas], "counts": counts.astype(int).tolist()}
    log(f"thresholds {dict(zip(TECHNIQUES, model.threshold.tolist()))}; out-of-fold {oof}")
    model.rule_scores = {"shouted_loaded": loaded_list_precision(toks, golds)}
    log(f"rule scores {model.rule_scores}")
    return model, {"out_of_fold": oof}


def loaded_list_precision(toks, golds) -> float:
    """Share of the words of the team's loaded list that annotators marked Loaded_Language."""
    hits = total = 0
    for tok, gold in zip(toks, golds):
        for i in np.flatnonzero(tok.cats[:, LOADED_CAT] & tok.flags[:, 0]):
            total += 1
            hits += overlaps_gold((int(tok.start[i]), int(tok.end[i]), "Loaded_Language"), gold)
    return round(hits / max(total, 1), 4)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", default=str(ROOT.parent / "shared" / "datasets" / "ptc"))
    ap.add_argument("--out", default=str(ROOT / "newsxray" / "models" / "techniques"))
    ap.add_argument("--cache", default=None, help="optional local file for the parsed token tables")
    ap.add_argument("--clusters", type=int, default=N_CLUSTERS,
                    help=f"number of word clusters for the token and span models (default {N_CLUSTERS}; 0: none)")
    ap.add_argument("--ablate", action="append", default=[], choices=["prior", "context", "spanprior"],
                    help="train without the word prior, the calibration context or the word prior in the "
                         "span classifier (for comparison)")
    args = ap.parse_args()
    ABLATE.update(args.ablate)
    start = time.time()
    articles = read_ptc(args.data)
    toks, vecs, strings = load_tokens(articles, args.cache)
    train_ids, dev_ids = dev_split(a.id for a in articles)
    tr = [i for i, a in enumerate(articles) if a.id in set(train_ids)]
    dv = [i for i, a in enumerate(articles) if a.id in set(dev_ids)]
    model, extra = train([toks[i] for i in tr], [vecs[i] for i in tr], [articles[i].text for i in tr],
                         [articles[i].spans for i in tr], strings, n_clusters=args.clusters)
    dev = evaluate(model, [toks[i] for i in dv], [articles[i].text for i in dv], [articles[i].spans for i in dv])
    hyper = {"C_sentence": C_SENT, "C_token": C_TOK, "C_span": C_SPAN, "min_word_count": MIN_WORD_COUNT,
             **({"word_clusters": args.clusters} if args.clusters else {})}
    extra.update({"trained_on": {"articles": len(tr), "dev_articles": len(dv), "dev_seed": "technique_eval.DEV_SEED",
                                 "folds": FOLDS, "fold_seed": SEED},
                  "hyperparameters": hyper, "dev": dev})
    save(model, Path(args.out), extra)
    log(f"dev SI F1 {dev['si']['f1']:.3f} (P {dev['si']['precision']:.3f} R {dev['si']['recall']:.3f}); "
        f"technique-aware F1 {dev['aware']['f1']:.3f}; ECE {dev['ece']:.3f}")
    log(f"done in {time.time() - start:.0f} s; model in {args.out}")


if __name__ == "__main__":
    main()
