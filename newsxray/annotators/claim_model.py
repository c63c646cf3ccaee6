"""The check-worthiness model: feature weighting, a linear scorer and its calibration.

``FeatureSpace`` turns ``claim_features.Bundle`` objects into one sparse row each:
tf-idf (sublinear tf, smoothed idf, l2-normalised per block, times a block weight) over
the term blocks, scaled counts for the hand-made block, standardised pooled token
vectors and, when the space has a static block, the standardised static MiniLM sentence
vector of the candidate's lower-cased words (``newsxray.static_embed``; the bundle's
``c`` terms joined by spaces, which the uncased WordPiece tokenizer reads like the
original text) and, optionally, the standardised element-wise maximum of their static
token vectors (max-pooling), both from one tokenizer pass. Its ``fit`` is what the
training script calls and its ``transform`` is what the annotator calls, so training and
inference weigh features with the same code.

``ClaimModel`` is the space plus a linear model (coefficients, intercept), a calibration
map from the linear score to a probability (Platt sigmoid or isotonic steps) and the
default threshold. It is stored as gzip-compressed JSON (no pickle): small, readable and
independent of the scikit-learn version.
"""
from __future__ import annotations

import gzip
import json
import logging
import math
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable

import numpy as np
from scipy.sparse import csr_matrix, hstack

from ..errors import ConfigError
from .claim_features import TENSOR_WIDTH, Bundle, char_ngrams

log = logging.getLogger("newsxray")

FORMAT = "newsxray-claims/1"
TERM_BLOCKS = ("w", "c", "n", "t")
CHAR_BLOCKS = frozenset({"c"})
CACHE_WORDS = 200_000   # words whose char n-gram columns are remembered


@dataclass
class TermBlock:
    """Vocabulary and idf of one term block; ``chars`` blocks expand words into char n-grams."""

    vocab: dict[str, int]
    idf: np.ndarray
    weight: float = 1.0
    chars: bool = False
    _cache: dict[str, tuple[int, ...]] = field(default_factory=dict, repr=False, compare=False)

    @classmethod
    def fit(cls, docs: list[list[str]], *, min_df: int, max_terms: int, weight: float,
            chars: bool = False) -> TermBlock:
        df: Counter[str] = Counter()
        for terms in docs:
            df.update(set(char_ngrams(terms) if chars else terms))
        kept = sorted((t for t, n in df.items() if n >= min_df), key=lambda t: (-df[t], t))[:max_terms]
        kept.sort()
        n = len(docs)
        idf = np.array([math.log((1 + n) / (1 + df[t])) + 1.0 for t in kept], dtype=np.float64)
        return cls({t: i for i, t in enumerate(kept)}, idf, weight, chars)

    def _columns(self, terms: list[str]) -> list[int]:
        vocab = self.vocab
        if not self.chars:
            return [j for j in map(vocab.get, terms) if j is not None]
        cache = self._cache
        if len(cache) > CACHE_WORDS:
            cache.clear()
        cols: list[int] = []
        for word in terms:
            found = cache.get(word)
            if found is None:
                found = cache[word] = tuple(j for j in map(vocab.get, char_ngrams([word])) if j is not None)
            cols.extend(found)
        return cols

    def matrix(self, docs: list[list[str]]) -> csr_matrix:
        """Rows of sublinear tf-idf, l2-normalised, times the block weight."""
        rows: list[int] = []
        cols: list[int] = []
        for i, terms in enumerate(docs):
            found = self._columns(terms)
            cols.extend(found)
            rows.extend([i] * len(found))
        m = csr_matrix((np.ones(len(cols)), (rows, cols)), shape=(len(docs), len(self.vocab)))
        m.sum_duplicates()
        m.data = (1.0 + np.log(m.data)) * self.idf[m.indices]
        norms = np.sqrt(np.asarray(m.multiply(m).sum(axis=1)).ravel())
        scale = np.divide(self.weight, norms, out=np.zeros_like(norms), where=norms > 0)
        m.data *= np.repeat(scale, np.diff(m.indptr))
        return m


@dataclass
class FeatureSpace:
    """How bundles become rows: term blocks, scaled counts, standardised vectors."""

    blocks: dict[str, TermBlock]
    count_names: dict[str, int]
    count_scale: np.ndarray
    vector_mean: np.ndarray
    vector_scale: np.ndarray
    count_weight: float = 0.1
    vector_weight: float = 0.05
    static: StaticBlock | None = None

    @property
    def width(self) -> int:
        extra = self.static.width if self.static is not None else 0
        return sum(len(b.vocab) for b in self.blocks.values()) + len(self.count_names) + 2 * TENSOR_WIDTH + extra

    @classmethod
    def fit(cls, bundles: list[Bundle], *, settings: dict[str, dict[str, Any]],
            count_weight: float = 0.1, vector_weight: float = 0.05, static_weight: float = 0.0,
            static_max_weight: float = 0.0) -> FeatureSpace:
        """Learn vocabularies, idf and scales; ``settings`` gives min_df/max_terms/weight per block;
        ``static_weight`` > 0 adds the static sentence-vector block with that weight, and
        ``static_max_weight`` > 0 (with it) the max-pooled static token vectors."""
        blocks = {name: TermBlock.fit([b.terms[name] for b in bundles], chars=name in CHAR_BLOCKS, **settings[name])
                  for name in TERM_BLOCKS}
        names = sorted({k for b in bundles for k in b.counts})
        index = {k: i for i, k in enumerate(names)}
        counts = np.zeros((len(bundles), len(names)))
        for i, b in enumerate(bundles):
            for k, v in b.counts.items():
                counts[i, index[k]] = v
        std = counts.std(axis=0)
        vectors = np.vstack([b.vector for b in bundles]).astype(np.float64)
        vstd = vectors.std(axis=0)
        static = StaticBlock.fit(bundles, static_weight, static_max_weight) if static_weight > 0 else None
        return cls(blocks, index, 1.0 / np.where(std > 0, std, 1.0), vectors.mean(axis=0),
                   1.0 / np.where(vstd > 0, vstd, 1.0), count_weight, vector_weight, static)

    def transform(self, bundles: Iterable[Bundle]) -> csr_matrix:
        bundles = list(bundles)
        parts = [self.blocks[name].matrix([b.terms.get(name, []) for b in bundles]) for name in TERM_BLOCKS]
        counts = np.zeros((len(bundles), len(self.count_names)))
        for i, bundle in enumerate(bundles):
            for key, value in bundle.counts.items():
                j = self.count_names.get(key)
                if j is not None:
                    counts[i, j] = value
        parts.append(csr_matrix(counts * (self.count_scale * self.count_weight)))
        vectors = np.vstack([b.vector for b in bundles]) if bundles else np.zeros((0, 2 * TENSOR_WIDTH))
        parts.append(csr_matrix((vectors - self.vector_mean) * (self.vector_scale * self.vector_weight)))
        if self.static is not None:
            parts.append(csr_matrix(self.static.matrix(bundles)))
        return hstack(parts, format="csr")


def static_vectors(bundles: list[Bundle], *, pooled: bool = False) -> tuple[np.ndarray, np.ndarray | None]:
    """Each bundle's static sentence vector of its lower-cased words and, if ``pooled``,
    the element-wise maximum of its static token vectors (``static_embed.pooled_vectors``:
    one tokenizer pass for both)."""
    from ..static_embed import pooled_vectors
    means, maxes = pooled_vectors([" ".join(b.terms.get("c", [])) for b in bundles], maximum=pooled)
    return means.astype(np.float64), (maxes.astype(np.float64) if maxes is not None else None)


def _standardiser(vectors: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    std = vectors.std(axis=0)
    return vectors.mean(axis=0), 1.0 / np.where(std > 0, std, 1.0)


@dataclass
class StaticBlock:
    """Standardised static sentence vectors times a block weight, optionally followed by
    the standardised max-pooled token vectors times ``max_weight``; ``table`` names the
    static table (sha256 of its vectors) the statistics were computed with."""

    mean: np.ndarray
    scale: np.ndarray
    weight: float
    table: str = ""
    max_mean: np.ndarray | None = None
    max_scale: np.ndarray | None = None
    max_weight: float = 0.0

    @property
    def width(self) -> int:
        return len(self.mean) + (len(self.max_mean) if self.max_mean is not None else 0)

    @classmethod
    def fit(cls, bundles: list[Bundle], weight: float, max_weight: float = 0.0) -> StaticBlock:
        from ..static_embed import table_id
        means, maxes = static_vectors(bundles, pooled=max_weight > 0)
        block = cls(*_standardiser(means), weight, table_id())
        if maxes is not None:
            block.max_mean, block.max_scale = _standardiser(maxes)
            block.max_weight = max_weight
        return block

    def matrix(self, bundles: list[Bundle]) -> np.ndarray:
        if not bundles:
            return np.zeros((0, self.width))
        means, maxes = static_vectors(bundles, pooled=self.max_mean is not None)
        out = (means - self.mean) * (self.scale * self.weight)
        if maxes is None:
            return out
        return np.hstack([out, (maxes - self.max_mean) * (self.max_scale * self.max_weight)])


@dataclass
class Calibration:
    """Linear score -> probability: ``platt`` (a sigmoid) or ``isotonic`` (interpolated steps)."""

    kind: str
    params: dict[str, Any]

    def __call__(self, scores: np.ndarray) -> np.ndarray:
        if self.kind == "platt":
            return 1.0 / (1.0 + np.exp(-(self.params["a"] * scores + self.params["b"])))
        if self.kind == "isotonic":
            return np.interp(scores, self.params["x"], self.params["y"])
        raise ConfigError(f"unknown calibration {self.kind!r} in the claims model; retrain it")


@dataclass
class ClaimModel:
    space: FeatureSpace
    coef: np.ndarray
    intercept: float
    calibration: Calibration
    threshold: float
    meta: dict[str, Any] = field(default_factory=dict)

    def decision(self, bundles: list[Bundle]) -> np.ndarray:
        """The uncalibrated linear scores (used for ranking and calibration)."""
        if not bundles:
            return np.zeros(0)
        return np.asarray(self.space.transform(bundles) @ self.coef).ravel() + self.intercept

    def scores(self, bundles: list[Bundle]) -> np.ndarray:
        """Calibrated check-worthiness probabilities in [0, 1]."""
        return np.clip(self.calibration(self.decision(bundles)), 0.0, 1.0)

    # -- storage ----------------------------------------------------------------------
    def save(self, path: Path) -> None:
        """Write the model; the same model always gives the same bytes (no timestamp)."""
        raw = json.dumps(_to_json(self), separators=(",", ":"), sort_keys=True).encode("utf-8")
        with open(path, "wb") as out, gzip.GzipFile(fileobj=out, mode="wb", compresslevel=9, mtime=0) as fh:
            fh.write(raw)

    @classmethod
    def load(cls, path: Path) -> ClaimModel:
        try:
            with gzip.open(path, "rt", encoding="utf-8") as fh:
                data = json.load(fh)
        except (OSError, ValueError) as exc:
            raise ConfigError(f"cannot read the claims model {path}: {exc}; run `make train-claims`") from exc
        if data.get("format") != FORMAT:
            raise ConfigError(f"{path} is not a {FORMAT} model; run `make train-claims`")
        model = _from_json(data)
        _check_static(model.space.static)
        return model


def _check_static(static: StaticBlock | None) -> None:
    """Warn when the static table differs from the one the model was trained with."""
    if static is None or not static.table:
        return
    from ..static_embed import table_id
    if table_id() != static.table:
        log.warning("the claims model was trained with another static embedding table (%s, now %s); "
                    "run `make train-claims` to retrain it", static.table, table_id())


def _round(values: np.ndarray, digits: int = 6) -> list[float]:
    return [float(f"{v:.{digits}g}") for v in np.asarray(values, dtype=np.float64).tolist()]


def _to_json(model: ClaimModel) -> dict[str, Any]:
    sp = model.space
    blocks = {}
    for name, block in sp.blocks.items():
        terms = sorted(block.vocab, key=block.vocab.get)
        blocks[name] = {"terms": terms, "idf": _round(block.idf, 5), "weight": block.weight, "chars": block.chars}
    return {
        "format": FORMAT, "meta": model.meta, "threshold": model.threshold,
        "intercept": model.intercept, "coef": _round(model.coef, 5),
        "calibration": {"kind": model.calibration.kind, **model.calibration.params},
        "blocks": blocks,
        "counts": {"names": sorted(sp.count_names, key=sp.count_names.get), "scale": _round(sp.count_scale),
                   "weight": sp.count_weight},
        "vector": {"mean": _round(sp.vector_mean), "scale": _round(sp.vector_scale), "weight": sp.vector_weight},
        **({"static": _static_json(sp.static)} if sp.static is not None else {}),
    }


def _static_json(static: StaticBlock) -> dict[str, Any]:
    out = {"mean": _round(static.mean), "scale": _round(static.scale), "weight": static.weight, "table": static.table}
    if static.max_mean is not None:
        out["max"] = {"mean": _round(static.max_mean), "scale": _round(static.max_scale), "weight": static.max_weight}
    return out


def _static_block(stored: dict[str, Any] | None) -> StaticBlock | None:
    if not stored:
        return None
    pooled = stored.get("max")
    return StaticBlock(np.array(stored["mean"]), np.array(stored["scale"]), stored["weight"], stored.get("table", ""),
                       np.array(pooled["mean"]) if pooled else None, np.array(pooled["scale"]) if pooled else None,
                       pooled["weight"] if pooled else 0.0)


def _from_json(data: dict[str, Any]) -> ClaimModel:
    stored = data["blocks"]
    blocks = {name: TermBlock({t: i for i, t in enumerate(stored[name]["terms"])}, np.array(stored[name]["idf"]),
                              stored[name]["weight"], stored[name].get("chars", False)) for name in TERM_BLOCKS}
    counts, vector = data["counts"], data["vector"]
    space = FeatureSpace(blocks, {k: i for i, k in enumerate(counts["names"])}, np.array(counts["scale"]),
                         np.array(vector["mean"]), np.array(vector["scale"]), counts["weight"], vector["weight"],
                         _static_block(data.get("static")))
    params = dict(data["calibration"])
    kind = params.pop("kind")
    return ClaimModel(space, np.array(data["coef"]), float(data["intercept"]), Calibration(kind, params),
                      float(data["threshold"]), data.get("meta", {}))
