"""The techniques model at prediction time: linear models over sparse features, in numpy.

Three stages, all linear (trained with scikit-learn by ``scripts/train_techniques.py``,
shipped as plain arrays in ``newsxray/models/techniques/``):

1. **Sentences**: one logistic model per technique gives the probability that a sentence
   contains that technique.
2. **Tokens**: one logistic model over token features (and the sentence probabilities)
   gives the probability that a token is part of a short technique span (loaded
   language, name calling, repetition, exaggeration, flag-waving, slogans, clichés).
   Runs of likely tokens become candidate spans; a multinomial model over span features
   says which short technique each is.
3. **Long techniques** (doubt, fear, causal oversimplification, authority, black-and-white,
   whataboutism, bandwagon) are sentence-level: a sentence whose probability is high
   enough becomes a span.

The token model also reads a **word prior** (``WordPrior``): how often each lemma lay inside
a short technique span (any, loaded language, name calling) in the training articles,
smoothed towards the base rate and binned; the span classifier reads the same bins for the
words of each candidate (which bins the span's words fall in), so that words annotators
usually marked as labels lean a span to name calling. Every span's score is calibrated
(Platt scaling per technique over the stage's probabilities and three context terms: the
document's mean token probability, the sentence's or the document's probability of the
technique, the span's length; fitted on out-of-fold predictions): it estimates the
probability that the span overlaps a span of the same technique that a PTC annotator marked.
Spans below ``threshold`` are dropped. A team rule (``technique_rules``) adds shouted loaded
words, with a score measured on the same data.
"""
from __future__ import annotations

import json
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Sequence

import numpy as np
from scipy import sparse
from spacy.strings import get_string_id

from ..errors import ConfigError
from .technique_features import Tokens, lowered, tokens
from .technique_matrix import Featurizer
from .technique_rules import add_rule_spans

MODEL_DIR = Path(__file__).resolve().parent.parent / "models" / "techniques"
MIN_LONG_WORDS = 5                                     # shorter sentences carry no long technique
MIN_TECHNIQUE_PROB = 0.1                               # default: a candidate is scored for these techniques
CONTENT_POS = np.array([84, 86, 91, 92, 93, 96, 100])   # ADJ ADV INTJ NOUN NUM PROPN VERB
TRIM_END = np.array([85, 87, 89, 90, 94, 95, 97, 98, 99])  # ADP AUX CCONJ DET PART PRON PUNCT SCONJ SYM
TRIM_START = np.array([85, 87, 89, 94, 97, 98, 99])        # ADP AUX CCONJ PART PUNCT SCONJ SYM

Found = tuple[int, int, str, float]   # start, end, technique, score
PRIOR_KEYS = ("any", "Loaded_Language", "Name_Calling,Labeling")   # "any": any short technique
PRIOR_EDGES = np.log([0.01, 0.03, 0.06, 0.1, 0.2, 0.35, 0.5])     # bins of the smoothed rate
PRIOR_COUNTS = np.array([1, 3, 10, 30])                           # bins of the lemma's occurrences
PRIOR_SMOOTH = 2.0                                                 # pseudo-occurrences at the base rate
PRIOR_SIZE = len(PRIOR_KEYS) * (len(PRIOR_EDGES) + 2) + len(PRIOR_COUNTS) + 1


class WordPrior:
    """How often each lemma lay inside a short technique span in the training articles.

    ``counts[row] = (occurrences, inside any short span, inside loaded language, inside name
    calling)``. A token's features: per key, the bin of the smoothed rate
    ``(inside + PRIOR_SMOOTH * base) / (occurrences + PRIOR_SMOOTH)`` (an own column for a
    lemma never seen), and the bin of the occurrences. ``own`` (training only) takes the
    article's own counts out, so that an article never sees its own labels.
    """

    def __init__(self, lemmas: Sequence[int], counts: np.ndarray, base: Sequence[float]) -> None:
        self.row = {int(h): i for i, h in enumerate(lemmas)}
        self.counts = np.asarray(counts, dtype=np.float64).reshape(-1, len(PRIOR_KEYS) + 1)
        self.base = np.asarray(base, dtype=np.float64)

    @classmethod
    def from_strings(cls, lemmas: Sequence[str], counts, base) -> "WordPrior":
        return cls([get_string_id(w) for w in lemmas], np.asarray(counts), base)

    def lookup(self, uniq: np.ndarray) -> np.ndarray:
        rows = np.array([self.row.get(int(h), -1) for h in uniq.tolist()], dtype=np.int64)
        found = np.r_[self.counts, np.zeros((1, self.counts.shape[1]))]
        return found[rows]                      # row -1: the appended zeros

    def columns(self, tok: Tokens, own: np.ndarray | None = None) -> np.ndarray:
        """(tokens, len(PRIOR_KEYS) + 1): each token's column per key (the bin of its smoothed
        rate) and the column of its occurrence count; ``own``: counts to subtract, row-aligned
        with ``np.unique(tok.lemma)`` (see ``lemma_counts``)."""
        uniq, inverse = np.unique(tok.lemma, return_inverse=True)
        c = self.lookup(uniq) - (0 if own is None else own)
        n = c[:, 0]
        cols, width = [], len(PRIOR_EDGES) + 2
        for k in range(len(PRIOR_KEYS)):
            rate = (c[:, k + 1] + PRIOR_SMOOTH * self.base[k]) / (n + PRIOR_SMOOTH)
            b = np.where(n <= 0, width - 1, np.searchsorted(PRIOR_EDGES, np.log(rate)))
            cols.append(k * width + b)
        cols.append(len(PRIOR_KEYS) * width + np.searchsorted(PRIOR_COUNTS, n, side="right"))
        return np.stack(cols, axis=1)[inverse]

    def matrix(self, tok: Tokens, own: np.ndarray | None = None) -> sparse.csr_matrix:
        """(tokens, PRIOR_SIZE) one-hot bins; ``own`` as in ``columns``."""
        c = self.columns(tok, own)
        rows = np.repeat(np.arange(len(tok)), c.shape[1])
        return sparse.csr_matrix((np.ones(c.size), (rows, c.ravel())), shape=(len(tok), PRIOR_SIZE))

    def span_matrix(self, tok: Tokens, first: np.ndarray, last: np.ndarray,
                    own: np.ndarray | None = None) -> sparse.csr_matrix:
        """(spans, PRIOR_SIZE): the prior's bins of the words of token spans ``first[k]..last[k]``
        (a bin is on when any word of the span falls in it); ``own`` as in ``columns``."""
        m = len(first)
        if not m:
            return sparse.csr_matrix((0, PRIOR_SIZE))
        length = last - first + 1
        member = np.repeat(np.arange(m), length)
        inner = np.repeat(first - np.cumsum(length) + length, length) + np.arange(length.sum())
        c = self.columns(tok, own)[inner]
        key = np.unique(np.repeat(member, c.shape[1]) * PRIOR_SIZE + c.ravel())
        return sparse.csr_matrix((np.ones(len(key)), (key // PRIOR_SIZE, key % PRIOR_SIZE)), shape=(m, PRIOR_SIZE))


def lemma_counts(tok: Tokens, inside: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Distinct lemmas of a document and their ``WordPrior`` counts; ``inside`` is (tokens,
    len(PRIOR_KEYS)): whether each token lies inside a gold span of each key."""
    uniq, inverse = np.unique(tok.lemma, return_inverse=True)
    cols = [np.bincount(inverse, minlength=len(uniq))]
    cols += [np.bincount(inverse, weights=inside[:, k], minlength=len(uniq)) for k in range(inside.shape[1])]
    return uniq, np.stack(cols, axis=1).astype(np.float64)


def sigmoid(x: np.ndarray) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-np.clip(x, -30, 30)))


def logit(p: np.ndarray) -> np.ndarray:
    p = np.clip(p, 1e-6, 1 - 1e-6)
    return np.log(p / (1 - p))


def softmax(z: np.ndarray) -> np.ndarray:
    z = z - z.max(axis=1, keepdims=True)
    e = np.exp(z)
    return e / e.sum(axis=1, keepdims=True)


def runs(tok: Tokens, p: np.ndarray, threshold: float) -> tuple[np.ndarray, np.ndarray]:
    """Candidate spans: runs of tokens with ``p >= threshold`` inside one sentence.

    A run may bridge one weaker token (``p >= threshold / 2``); it starts and ends on a
    word (not punctuation), and must hold a content word (noun, verb, adjective, ...).
    """
    n = len(tok)
    if not n:
        return np.zeros(0, np.int64), np.zeros(0, np.int64)
    word = ~tok.flags[:, 3] & ~tok.flags[:, 4]
    on = (p >= threshold) & word
    same_prev = np.r_[False, tok.sent[1:] == tok.sent[:-1]]
    same_next = np.r_[tok.sent[:-1] == tok.sent[1:], False]
    prev_on = np.r_[False, on[:-1]] & same_prev
    next_on = np.r_[on[1:], False] & same_next
    on = on | (prev_on & next_on & (p >= threshold / 2))
    first = np.flatnonzero(on & ~(np.r_[False, on[:-1]] & same_prev))
    last = np.flatnonzero(on & ~(np.r_[on[1:], False] & same_next))
    content = np.r_[0, np.cumsum(np.isin(tok.pos, CONTENT_POS) & word)]
    keep = content[last + 1] > content[first]
    first, last = first[keep], last[keep]
    for _ in range(3):   # trim function words off the edges (the span keeps its content word)
        last = np.where(np.isin(tok.pos[last], TRIM_END) & (content[last] > content[first]), last - 1, last)
        first = np.where(np.isin(tok.pos[first], TRIM_START) & (content[last + 1] > content[first + 1]), first + 1, first)
    return first, last


@dataclass
class TechniqueModel:
    techniques: tuple[str, ...]
    short: tuple[int, ...]                 # indexes of the techniques found as token spans
    long: tuple[int, ...]                  # indexes of the techniques found as sentences
    featurizer: Featurizer
    sent_w: np.ndarray                     # (sentence features, techniques)
    sent_b: np.ndarray
    tok_w: np.ndarray                      # (token features,)
    tok_b: float
    span_w: np.ndarray                     # (span features, short techniques)
    span_b: np.ndarray
    platt: np.ndarray                      # (techniques, 3): a * logit(token) + c * logit(technique) + b
    candidate_threshold: float
    threshold: np.ndarray                  # default minimum score per technique
    info: dict[str, Any]
    rule_scores: dict[str, float] = field(default_factory=dict)   # measured scores of the team rules
    prior: WordPrior | None = None         # the word prior the token model reads (None: none)
    prior_w: np.ndarray | None = None      # (PRIOR_SIZE,) token-model weights of the prior's columns
    platt_ctx: np.ndarray | None = None    # (techniques, 3): weights of the context terms (None: none)
    min_technique_prob: float = MIN_TECHNIQUE_PROB  # a candidate is scored for the short techniques the span
                                                    # classifier gives at least this probability
    span_prior_w: np.ndarray | None = None  # (PRIOR_SIZE, short techniques): span-classifier weights of the
                                            # word prior's bins of the span's words (None: none)

    # -- stages -----------------------------------------------------------------------
    def sentence_probs(self, tok: Tokens, wid: np.ndarray) -> np.ndarray:
        return sigmoid(self.featurizer.sentence_matrix(tok, wid) @ self.sent_w + self.sent_b)

    def token_probs(self, tok: Tokens, sp: np.ndarray, wid: np.ndarray) -> np.ndarray:
        z = self.featurizer.token_matrix(tok, sp, wid) @ self.tok_w + self.tok_b
        if self.prior is not None and self.prior_w is not None:
            z = z + self.prior.matrix(tok) @ self.prior_w
        return sigmoid(z)

    def span_probs(self, tok: Tokens, first: np.ndarray, last: np.ndarray, sp: np.ndarray,
                   low: str, wid: np.ndarray) -> np.ndarray:
        x = self.featurizer.span_matrix(tok, first, last, sp, low, wid)
        z = x @ self.span_w + self.span_b
        if self.prior is not None and self.span_prior_w is not None:
            z = z + self.prior.span_matrix(tok, first, last) @ self.span_prior_w
        return softmax(z)

    def calibrate(self, tech: np.ndarray, token_p: np.ndarray, tech_p: np.ndarray,
                  ctx: np.ndarray | None = None) -> np.ndarray:
        """Calibrated score: ``a * logit(token_p) + c * logit(tech_p) + b``, plus the context
        terms ``ctx`` (``..., 3``; see ``short_context`` and ``long_context``) when the model has them."""
        a, c, b = self.platt[tech, 0], self.platt[tech, 1], self.platt[tech, 2]
        z = a * logit(token_p) + c * logit(tech_p) + b
        if ctx is not None and self.platt_ctx is not None:
            z = z + (self.platt_ctx[tech] * ctx).sum(axis=-1)
        return sigmoid(z)

    # -- context of a span -------------------------------------------------------------------
    @staticmethod
    def density(tok: Tokens, p: np.ndarray) -> float:
        """The document's propaganda density: logit of its mean token probability (words only)."""
        word = ~tok.flags[:, 3] & ~tok.flags[:, 4]
        return float(logit(np.array([p[word].mean() if word.any() else 0.05]))[0])

    def short_context(self, tok: Tokens, sp: np.ndarray, p: np.ndarray, first: np.ndarray,
                      last: np.ndarray, tech: np.ndarray) -> np.ndarray:
        """(candidates, 3): document density, logit of the sentence's probability of the
        candidate's technique, log of its length in tokens."""
        return np.c_[np.full(len(first), self.density(tok, p)), logit(sp[tok.sent[first], tech]),
                     np.log(last - first + 1)]

    def long_context(self, tok: Tokens, sp: np.ndarray, p: np.ndarray) -> np.ndarray:
        """(sentences, long techniques, 3): document density, logit of the document's mean
        sentence probability of the technique, log of the sentence's length in words."""
        longs = np.asarray(self.long)
        word = ~tok.flags[:, 3] & ~tok.flags[:, 4]
        count = np.r_[0, np.cumsum(word)]
        words = count[tok.sent_bounds[:, 1]] - count[tok.sent_bounds[:, 0]]
        shape = (len(sp), len(longs))
        return np.stack([np.full(shape, self.density(tok, p)),
                         np.broadcast_to(logit(sp[:, longs].mean(axis=0)), shape),
                         np.broadcast_to(np.log(np.maximum(words, 1))[:, None], shape)], axis=-1)

    # -- whole documents ----------------------------------------------------------------
    def thresholds(self, threshold: float | None = None) -> np.ndarray:
        """Minimum score per technique: ``threshold`` for all, or the model's own per technique."""
        if threshold is None:
            return self.threshold
        return np.full(len(self.techniques), float(threshold))

    def predict_tokens(self, text: str, tok: Tokens, *, threshold: float | None = None) -> list[Found]:
        """Technique spans of a document's token table, with calibrated scores >= threshold."""
        if not len(tok):
            return []
        threshold = self.thresholds(threshold)
        wid = self.featurizer.word_ids(tok)
        sp = self.sentence_probs(tok, wid)
        p = self.token_probs(tok, sp, wid)
        found = self._short_spans(text, tok, sp, wid, p, threshold) + self._long_spans(tok, sp, p, threshold)
        loaded = self.techniques.index("Loaded_Language")
        found = add_rule_spans(found, tok, self.rule_scores.get("shouted_loaded"), threshold[loaded])
        return sorted(found)

    def predict(self, text: str, units: Sequence[tuple[int, Any, str]], *,
                threshold: float | None = None) -> list[Found]:
        return self.predict_tokens(text, tokens(text, units), threshold=threshold)

    def short_candidates(self, text: str, tok: Tokens, sp: np.ndarray, wid: np.ndarray, p: np.ndarray):
        """(first, last, technique, token peak, technique probability) of each candidate and
        each short technique the span classifier gives at least ``min_technique_prob``."""
        first, last = runs(tok, p, self.candidate_threshold)
        if not len(first):
            empty = np.zeros(0, np.int64)
            return empty, empty, empty, np.zeros(0), np.zeros(0)
        probs = self.span_probs(tok, first, last, sp, lowered(text), wid)
        peak = np.maximum.reduceat(np.r_[p, 0.0], np.c_[first, last + 1].ravel())[::2]
        row, col = np.nonzero(probs >= self.min_technique_prob)
        return first[row], last[row], np.asarray(self.short)[col], peak[row], probs[row, col]

    def _short_spans(self, text: str, tok: Tokens, sp: np.ndarray, wid: np.ndarray, p: np.ndarray,
                     threshold: np.ndarray) -> list[Found]:
        first, last, tech, peak, tech_p = self.short_candidates(text, tok, sp, wid, p)
        score = self.calibrate(tech, peak, tech_p, self.short_context(tok, sp, p, first, last, tech))
        keep = np.flatnonzero(score >= threshold[tech])
        return [(int(tok.start[first[k]]), int(tok.end[last[k]]), self.techniques[tech[k]], round(float(score[k]), 4))
                for k in keep]

    def _long_spans(self, tok: Tokens, sp: np.ndarray, p: np.ndarray, threshold: np.ndarray) -> list[Found]:
        longs = np.asarray(self.long)
        tech = np.broadcast_to(longs, (len(sp), len(longs)))
        score = self.calibrate(tech, sp[:, longs], np.full(tech.shape, 0.5), self.long_context(tok, sp, p))
        word = ~tok.flags[:, 3] & ~tok.flags[:, 4]
        count = np.r_[0, np.cumsum(word)]
        out: list[Found] = []
        for s, k in zip(*np.nonzero(score >= threshold[tech])):
            a, b = tok.sent_bounds[s]
            if count[b] - count[a] < MIN_LONG_WORDS:
                continue
            inside = a + np.flatnonzero(word[a:b])
            out.append((int(tok.start[inside[0]]), int(tok.end[inside[-1]]), self.techniques[longs[k]],
                        round(float(score[s, k]), 4)))
        return out


# -- loading ------------------------------------------------------------------------------
_CACHE: dict[str, TechniqueModel] = {}
_LOCK = threading.Lock()


def load_model(path: str | Path | None = None) -> TechniqueModel:
    """Load (once per process) the techniques model from ``path`` (default: the shipped one)."""
    folder = Path(path) if path else MODEL_DIR
    key = str(folder)
    with _LOCK:
        if key not in _CACHE:
            _CACHE[key] = _read(folder)
        return _CACHE[key]


def _read(folder: Path) -> TechniqueModel:
    meta_path, weights_path = folder / "model.json", folder / "weights.npz"
    if not meta_path.exists() or not weights_path.exists():
        raise ConfigError(f"no techniques model in {folder}; run `make train-techniques` to build it")
    meta = json.loads(meta_path.read_text(encoding="utf-8"))
    with np.load(weights_path, allow_pickle=False) as w:
        arrays = {name: w[name].astype(np.float64) for name in w.files}
    techniques = tuple(meta["techniques"])
    featurizer = Featurizer(meta["words"], meta["tags"], meta["deps"], len(techniques), meta.get("clusters"))
    model = TechniqueModel(
        techniques=techniques, short=tuple(meta["short"]), long=tuple(meta["long"]), featurizer=featurizer,
        sent_w=arrays["sent_w"], sent_b=arrays["sent_b"], tok_w=arrays["tok_w"], tok_b=float(arrays["tok_b"][0]),
        span_w=arrays["span_w"], span_b=arrays["span_b"], platt=arrays["platt"],
        candidate_threshold=float(meta["candidate_threshold"]),
        min_technique_prob=float(meta.get("min_technique_prob", MIN_TECHNIQUE_PROB)),
        threshold=np.array([float(meta["threshold"][t]) for t in techniques]),
        info={k: v for k, v in meta.items() if k not in ("words", "tags", "deps", "clusters", "prior")},
        rule_scores=dict(meta.get("rule_scores", {})),
        prior=(WordPrior.from_strings(meta["prior"]["lemmas"], meta["prior"]["counts"], meta["prior"]["base"])
               if "prior" in meta else None),
        prior_w=arrays.get("prior_w"), platt_ctx=arrays.get("platt_ctx"), span_prior_w=arrays.get("span_prior_w"),
    )
    _check_shapes(model, folder)
    return model


def _check_shapes(model: TechniqueModel, folder: Path) -> None:
    f = model.featurizer
    expected = {"sent_w": (f.sent_layout.size, len(model.techniques)), "tok_w": (f.tok_layout.size,),
                "span_w": (f.span_layout.size, len(model.short)), "platt": (len(model.techniques), 3)}
    if model.prior is not None:
        expected["prior_w"] = (PRIOR_SIZE,)
    if model.platt_ctx is not None:
        expected["platt_ctx"] = (len(model.techniques), 3)
    if model.span_prior_w is not None:
        expected["span_prior_w"] = (PRIOR_SIZE, len(model.short))
    for name, shape in expected.items():
        if getattr(model, name) is None or getattr(model, name).shape != shape:
            raise ConfigError(f"the techniques model in {folder} does not fit this version of newsxray "
                              f"({name} has shape {getattr(getattr(model, name), 'shape', None)}, expected {shape}); "
                              "run `make train-techniques` to rebuild it")
