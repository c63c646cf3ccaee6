"""Sparse feature matrices of the techniques model (sentences, tokens, candidate spans), built with numpy."""
from __future__ import annotations

from typing import Sequence

import numpy as np
from scipy import sparse

from .technique_features import N_CAT, N_POS, PROB_BINS, Tokens, _CONTENT_POS, _hashes, _lookup

LEN_BINS = np.array([6, 11, 21, 36])
SHAPES = 7


def _bins(values: np.ndarray, edges: np.ndarray) -> np.ndarray:
    return np.searchsorted(edges, values, side="right")


class Layout:
    """Named blocks of columns of one feature space."""

    def __init__(self, blocks: Sequence[tuple[str, int]]) -> None:
        self.offset: dict[str, int] = {}
        total = 0
        for name, size in blocks:
            self.offset[name] = total
            total += size
        self.size = total


class Featurizer:
    """Turns a ``Tokens`` table into the model's sentence and token matrices."""

    def __init__(self, words: Sequence[str], tags: Sequence[str], deps: Sequence[str], n_labels: int,
                 clusters: Sequence[int] | None = None) -> None:
        self.words, self.tags, self.deps = list(words), list(tags), list(deps)
        self.n_labels = n_labels
        # word cluster of each vocabulary word (``None``: no cluster features); unknown words,
        # sentence start and end share the extra cluster ``n_clusters``
        self.clusters = None if clusters is None else list(clusters)
        self.n_clusters = 0 if not self.clusters else max(self.clusters) + 1
        self._cluster = (np.r_[np.asarray(self.clusters, dtype=np.int64), np.full(5, self.n_clusters)]
                         if self.clusters else None)
        kc = self.n_clusters + 1 if self.clusters else 0
        self._word = _hashes(self.words)
        self._tag = _hashes(self.tags)
        self._dep = _hashes(self.deps)
        v = len(self.words) + 5               # + unknown (lower case, capitalised, other), start, end
        self.unk, self.bos, self.eos = v - 5, v - 2, v - 1
        self.sent_layout = Layout([("bow", v), ("cats", 2 * N_CAT), ("punct", 6), ("len", 5), ("seg", 5),
                                   ("vader", 4), ("tags", len(self.tags) + 1)])
        self.tok_layout = Layout([("w0", v), ("wm1", v), ("wp1", v), ("wm2", v), ("wp2", v),
                                  ("pos0", N_POS), ("posm1", N_POS), ("posp1", N_POS), ("tag0", len(self.tags) + 1),
                                  ("dep0", len(self.deps) + 1), ("shape", SHAPES), ("cat0", N_CAT), ("catwin", N_CAT),
                                  ("catsent", N_CAT), ("vader", 7), ("rep", 10), ("seg", 5),
                                  ("sprob", n_labels * (len(PROB_BINS) + 1)), ("slen", 5), ("relpos", 4),
                                  ("cl0", kc), ("clm1", kc), ("clp1", kc)])
        self.span_layout = Layout([("bow", v), ("left", v), ("right", v), ("len", 6), ("cats", N_CAT),
                                   ("shape", 10), ("rep", 4), ("sprob", n_labels * (len(PROB_BINS) + 1)),
                                   ("cl", kc)])

    # -- ids --------------------------------------------------------------------------
    def ids(self, values: np.ndarray, table: dict[int, int], unknown: int) -> np.ndarray:
        if not len(values):
            return np.zeros(0, dtype=np.int64)
        found, inverse = _lookup(values, table, unknown)
        return np.asarray(found, dtype=np.int64)[inverse]

    def word_ids(self, tok: Tokens) -> np.ndarray:
        """Vocabulary ids; an unknown word gets one of three ids: lower case, capitalised, other."""
        if not len(tok):
            return np.zeros(0, dtype=np.int64)
        found = np.asarray([self._word.get(h, self.unk) for h in tok.uniq.tolist()], dtype=np.int64)[tok.inverse]
        alpha, upper, title = tok.flags[:, 0], tok.flags[:, 1], tok.flags[:, 2]
        kind = np.where(alpha & ~upper & ~title, 0, np.where(title | upper, 1, 2))
        return np.where(found == self.unk, self.unk + kind, found)

    # -- sentences --------------------------------------------------------------------
    def sentence_matrix(self, tok: Tokens, wid: np.ndarray | None = None) -> sparse.coo_matrix:
        lay, n_sent = self.sent_layout, len(tok.sent_bounds)
        wid = self.word_ids(tok) if wid is None else wid
        rows, cols, vals = [], [], []
        key = np.unique(tok.sent * lay.size + wid)
        r, c = key // lay.size, key % lay.size
        norm = 1.0 / np.sqrt(np.maximum(np.bincount(r, minlength=n_sent), 1))
        rows.append(r); cols.append(c + lay.offset["bow"]); vals.append(norm[r])
        counts = np.stack([np.bincount(tok.sent, weights=tok.cats[:, k], minlength=n_sent) for k in range(N_CAT)], 1)
        for level, mask in ((0, counts == 1), (1, counts >= 2)):
            r, c = np.nonzero(mask)
            rows.append(r); cols.append(lay.offset["cats"] + level * N_CAT + c); vals.append(np.ones(len(r)))
        self._sentence_flags(tok, rows, cols, vals, n_sent)
        data = np.concatenate(vals) if vals else np.zeros(0)
        return sparse.coo_matrix((data, (np.concatenate(rows), np.concatenate(cols))), shape=(n_sent, lay.size))

    def _sentence_flags(self, tok: Tokens, rows: list, cols: list, vals: list, n_sent: int) -> None:
        lay = self.sent_layout
        caps = tok.flags[:, 1] & tok.flags[:, 0] & (tok.end - tok.start >= 2)
        vb = tok.valence
        marks = {0: tok.lower == _EXCL, 1: tok.lower == _QUEST, 2: tok.quoted, 3: caps,
                 4: np.isin(tok.lower, _SECOND_PERSON), 5: np.isin(tok.lower, _FIRST_PLURAL)}
        for k, mask in marks.items():
            r = np.unique(tok.sent[mask])
            rows.append(r); cols.append(np.full(len(r), lay.offset["punct"] + k)); vals.append(np.ones(len(r)))
        length = tok.sent_bounds[:, 1] - tok.sent_bounds[:, 0]
        r = np.arange(n_sent)
        rows += [r, r]
        cols += [lay.offset["len"] + _bins(length, LEN_BINS), lay.offset["seg"] + tok.sent_seg]
        vals += [np.ones(n_sent), np.ones(n_sent)]
        for k, mask in enumerate((vb == 1, (vb >= 1) & (vb <= 3), vb >= 4, vb == 6)):
            r = np.unique(tok.sent[mask])
            rows.append(r); cols.append(np.full(len(r), lay.offset["vader"] + k)); vals.append(np.ones(len(r)))
        key = np.unique(tok.sent * 4096 + self.ids(tok.tag, self._tag, len(self.tags)))
        rows.append(key // 4096); cols.append(lay.offset["tags"] + key % 4096); vals.append(np.ones(len(key)))

    # -- tokens -----------------------------------------------------------------------
    def token_matrix(self, tok: Tokens, sent_probs: np.ndarray, wid: np.ndarray | None = None) -> sparse.coo_matrix:
        lay, n = self.tok_layout, len(tok)
        wid = self.word_ids(tok) if wid is None else wid
        first = tok.sent_bounds[tok.sent, 0]
        last = tok.sent_bounds[tok.sent, 1] - 1
        idx = np.arange(n)
        cols = [lay.offset["w0"] + wid]
        for name, shift in (("wm1", -1), ("wp1", 1), ("wm2", -2), ("wp2", 2)):
            j = idx + shift
            inside = (j >= first) & (j <= last)
            other = np.where(inside, wid[np.clip(j, 0, max(n - 1, 0))], self.bos if shift < 0 else self.eos)
            cols.append(lay.offset[name] + other)
        for name, shift in (("pos0", 0), ("posm1", -1), ("posp1", 1)):
            j = np.clip(idx + shift, first, last)
            cols.append(lay.offset[name] + tok.pos[j])
        cols.append(lay.offset["tag0"] + self.ids(tok.tag, self._tag, len(self.tags)))
        cols.append(lay.offset["dep0"] + self.ids(tok.dep, self._dep, len(self.deps)))
        cols.append(lay.offset["vader"] + tok.valence)
        cols.append(lay.offset["seg"] + tok.sent_seg[tok.sent])
        length = tok.sent_bounds[tok.sent, 1] - first
        cols.append(lay.offset["slen"] + _bins(length, LEN_BINS))
        rel = (idx - first) / np.maximum(length, 1)
        cols.append(lay.offset["relpos"] + np.where(idx == first, 0, 1 + _bins(rel, np.array([0.34, 0.67]))))
        cols.append(lay.offset["rep"] + self._repetition(tok))
        if self._cluster is not None:
            cols += self._cluster_cols(wid, idx, first, last)
        base = np.stack(cols, axis=1)
        rows = [np.repeat(idx, base.shape[1])]
        flat = [base.ravel()]
        for block, mask in self._binary_blocks(tok, idx, first, last):
            r, c = np.nonzero(mask)
            rows.append(r); flat.append(lay.offset[block] + c)
        pb = _bins(sent_probs, PROB_BINS)[tok.sent] if n else np.zeros((0, self.n_labels), np.int64)
        rows.append(np.repeat(idx, self.n_labels))
        flat.append((lay.offset["sprob"] + np.arange(self.n_labels) * (len(PROB_BINS) + 1) + pb).ravel())
        r, c = np.concatenate(rows), np.concatenate(flat)
        return sparse.coo_matrix((np.ones(len(r)), (r, c)), shape=(n, lay.size))

    def _cluster_cols(self, wid: np.ndarray, idx: np.ndarray, first: np.ndarray, last: np.ndarray) -> list:
        """Columns of the word clusters of the token and its two neighbours."""
        lay, c, n = self.tok_layout, self._cluster[wid], len(wid)
        out = [lay.offset["cl0"] + c]
        for name, shift in (("clm1", -1), ("clp1", 1)):
            j = idx + shift
            inside = (j >= first) & (j <= last)
            out.append(lay.offset[name] + np.where(inside, c[np.clip(j, 0, max(n - 1, 0))], self.n_clusters))
        return out

    def _binary_blocks(self, tok: Tokens, idx: np.ndarray, first: np.ndarray, last: np.ndarray):
        f = tok.flags
        caps = f[:, 1] & f[:, 0] & (tok.end - tok.start >= 2)
        shape = np.stack([caps, f[:, 2], f[:, 3], f[:, 4], tok.quoted, idx == first, f[:, 0]], axis=1)
        yield "shape", shape
        yield "cat0", tok.cats
        win = tok.cats.copy()
        for shift in (-2, -1, 1, 2):
            j = np.clip(idx + shift, first, last)
            win |= tok.cats[j]
        yield "catwin", win
        sent_has = np.zeros((len(tok.sent_bounds), N_CAT), dtype=bool)
        if len(tok):
            sent_has[tok.sent[np.nonzero(tok.cats)[0]], np.nonzero(tok.cats)[1]] = True
        yield "catsent", sent_has[tok.sent]

    def _repetition(self, tok: Tokens) -> np.ndarray:
        """Bin of how often the token's lemma recurs in the document (content words), title flag."""
        content = np.isin(tok.pos, list(_CONTENT_POS)) & tok.flags[:, 0]
        if not len(tok):
            return np.zeros(0, dtype=np.int64)
        uniq, inverse, counts = np.unique(tok.lemma, return_inverse=True, return_counts=True)
        freq = np.where(content, counts[inverse], 0)
        in_title = np.zeros(len(uniq), dtype=bool)
        title = tok.sent_seg[tok.sent] == 0
        in_title[inverse[title & content]] = True
        level = np.where(freq == 0, 0, np.searchsorted([2, 3, 5, 9], freq, side="right") + 1)
        return np.where(in_title[inverse] & content, 5 + np.minimum(level, 4), level)

    # -- candidate spans ------------------------------------------------------------------
    def span_matrix(self, tok: Tokens, first: np.ndarray, last: np.ndarray, sent_probs: np.ndarray,
                    low: str, wid: np.ndarray | None = None) -> sparse.coo_matrix:
        """Features of token spans ``first[k]..last[k]`` (inclusive) for the technique classifier."""
        lay, m = self.span_layout, len(first)
        wid = self.word_ids(tok) if wid is None else wid
        length = last - first + 1
        member = np.repeat(np.arange(m), length)
        inner = np.concatenate([np.arange(a, b + 1) for a, b in zip(first, last)]) if m else np.zeros(0, np.int64)
        key = np.unique(member * lay.size + wid[inner])
        r, c = key // lay.size, key % lay.size
        rows, cols = [r], [c + lay.offset["bow"]]
        vals = [1.0 / np.sqrt(np.maximum(np.bincount(r, minlength=m), 1))[r]]
        sent = tok.sent[first] if m else np.zeros(0, np.int64)
        left = np.where(first > tok.sent_bounds[sent, 0], wid[np.maximum(first - 1, 0)], self.bos)
        right = np.where(last + 1 < tok.sent_bounds[sent, 1], wid[np.minimum(last + 1, len(tok) - 1)], self.eos)
        ar = np.arange(m)
        cats = np.zeros((m, N_CAT), dtype=bool)
        np.logical_or.at(cats, member, tok.cats[inner])
        caps = tok.flags[inner, 1] & tok.flags[inner, 0] & (tok.end[inner] - tok.start[inner] >= 2)
        has = lambda mask: np.bincount(member[mask], minlength=m) > 0  # noqa: E731
        shape = np.stack([has(caps), np.bincount(member, weights=tok.quoted[inner], minlength=m) * 2 > length,
                          tok.sent_seg[sent] == 0, tok.sent_seg[sent] == 3, first == tok.sent_bounds[sent, 0],
                          last + 1 == tok.sent_bounds[sent, 1], has(tok.pos[inner] == 96), has(tok.pos[inner] == 84),
                          has(tok.pos[inner] == 92), has(tok.pos[inner] == 100)], axis=1)
        repeats = np.array([low.count(low[tok.start[a]:tok.end[b]]) for a, b in zip(first, last)], dtype=np.int64)
        fixed = [lay.offset["left"] + left, lay.offset["right"] + right,
                 lay.offset["len"] + np.searchsorted([2, 3, 4, 6, 10], length, side="right"),
                 lay.offset["rep"] + np.searchsorted([2, 3, 5], repeats, side="right")]
        for col in fixed:
            rows.append(ar); cols.append(col); vals.append(np.ones(m))
        for block, mask in (("cats", cats), ("shape", shape)):
            r, c = np.nonzero(mask)
            rows.append(r); cols.append(lay.offset[block] + c); vals.append(np.ones(len(r)))
        if self._cluster is not None:
            key = np.unique(member * (self.n_clusters + 1) + self._cluster[wid[inner]])
            rows.append(key // (self.n_clusters + 1)); cols.append(lay.offset["cl"] + key % (self.n_clusters + 1))
            vals.append(np.ones(len(key)))
        pb = _bins(sent_probs[sent], PROB_BINS) if m else np.zeros((0, self.n_labels), np.int64)
        rows.append(np.repeat(ar, self.n_labels))
        cols.append((lay.offset["sprob"] + np.arange(self.n_labels) * (len(PROB_BINS) + 1) + pb).ravel())
        vals.append(np.ones(m * self.n_labels))
        return sparse.coo_matrix((np.concatenate(vals), (np.concatenate(rows), np.concatenate(cols))),
                                 shape=(m, lay.size))


def _sid(word: str) -> int:
    from spacy.strings import get_string_id
    return get_string_id(word)


_EXCL, _QUEST = _sid("!"), _sid("?")
_SECOND_PERSON = np.array([_sid(w) for w in ("you", "your", "yours", "yourself")], dtype=np.uint64)
_FIRST_PLURAL = np.array([_sid(w) for w in ("we", "our", "us", "ours", "ourselves")], dtype=np.uint64)
