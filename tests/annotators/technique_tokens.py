"""Hand-made token tables for the techniques model's tests (no spaCy parse)."""
from __future__ import annotations

import numpy as np
from spacy.strings import get_string_id

from newsxray.annotators.technique_features import N_CAT, Tokens


def table(words: list[str], sentences: list[int] | None = None, kind: int = 0) -> Tokens:
    """A ``Tokens`` table of ``words`` (one space apart), all lower-case nouns, in the
    sentences numbered by ``sentences`` (default: one), each sentence of segment ``kind``."""
    n = len(words)
    start = np.cumsum([0] + [len(w) + 1 for w in words[:-1]])
    end = start + np.array([len(w) for w in words])
    lower = np.array([get_string_id(w) for w in words], dtype=np.uint64)
    uniq, inverse = np.unique(lower, return_inverse=True)
    flags = np.zeros((n, 5), dtype=bool)
    flags[:, 0] = True
    sent = np.zeros(n, np.int64) if sentences is None else np.asarray(sentences)
    change = np.flatnonzero(np.r_[True, sent[1:] != sent[:-1], True])
    bounds = np.stack([change[:-1], change[1:]], axis=1)
    zeros = np.zeros(n, np.uint64)
    return Tokens(start, end, lower, lower, np.full(n, 92), zeros, zeros, flags, sent, np.zeros(n, bool),
                  bounds, np.full(len(bounds), kind), np.zeros((n, N_CAT), bool), uniq, inverse,
                  np.zeros(n, np.int64))


def columns(matrix, row: int) -> set[int]:
    """The column indices set in ``row`` of a sparse matrix."""
    m = matrix.tocsr()
    return set(m.indices[m.indptr[row]:m.indptr[row + 1]].tolist())
