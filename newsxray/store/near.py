"""Near-duplicate detection: MinHash signatures of word shingles, LSH bands kept in the store.

A syndicated copy with light edits (a new headline, a reworded sentence or two, a credit line
added) shares most of its word 3-shingles with the original; two different stories on the same
topic share very few. Each article's 128-value MinHash signature (``datasketch.MinHash``) is
cut into the bands that ``datasketch.MinHashLSH`` chooses for a Jaccard threshold of 0.5
(25 bands of 5 rows). Each band is hashed to one signed 64-bit key and stored with the
article, so that candidates are found by an indexed lookup in any later run or process, and
every candidate is then checked against the threshold with the signatures' estimated Jaccard
similarity.
"""
from __future__ import annotations

import hashlib
import re
from functools import lru_cache

import numpy as np
from datasketch import MinHash, MinHashLSH

NUM_PERM = 128
SHINGLE = 3
SCHEME = "affine32"  # datasketch 2 hashing scheme; stored signatures depend on it
THRESHOLD = 0.5
MAX_CANDIDATES = 200  # newest first; a band shared by very many articles is boilerplate
_WORD = re.compile(r"\w+")


@lru_cache(maxsize=1)
def _permutations():
    return MinHash(num_perm=NUM_PERM, seed=1, scheme=SCHEME).permutations


@lru_cache(maxsize=1)
def bands() -> tuple[int, int]:
    """``(number of bands, rows per band)`` for ``THRESHOLD``, as MinHashLSH chooses them."""
    lsh = MinHashLSH(threshold=THRESHOLD, num_perm=NUM_PERM)
    return lsh.b, lsh.r


def shingles(text: str) -> set[bytes]:
    """The text's word 3-shingles, case-folded (a text of fewer words is one shingle)."""
    words = _WORD.findall(text.casefold())
    if len(words) <= SHINGLE:
        return {" ".join(words).encode("utf-8", "surrogatepass")}
    return {" ".join(words[i:i + SHINGLE]).encode("utf-8", "surrogatepass")
            for i in range(len(words) - SHINGLE + 1)}


def signature(text: str) -> np.ndarray:
    """The MinHash signature of ``text`` (``NUM_PERM`` unsigned 32-bit values)."""
    minhash = MinHash(num_perm=NUM_PERM, seed=1, permutations=_permutations(), scheme=SCHEME)
    minhash.update_batch(shingles(text))
    return minhash.hashvalues.astype(np.uint32)


def band_keys(sig: np.ndarray) -> list[int]:
    """One signed 64-bit key per LSH band of a signature."""
    count, rows = bands()
    keys = []
    for band in range(count):
        chunk = sig[band * rows:(band + 1) * rows].tobytes()
        digest = hashlib.blake2b(chunk, digest_size=8, salt=band.to_bytes(8, "little")).digest()
        keys.append(int.from_bytes(digest, "little", signed=True))
    return keys


def to_blob(sig: np.ndarray) -> bytes:
    return sig.astype("<u4").tobytes()


def from_blob(blob: bytes) -> np.ndarray:
    return np.frombuffer(blob, dtype="<u4")


def similarity(a: np.ndarray, b: np.ndarray) -> float:
    """Estimated Jaccard similarity of the shingle sets behind two signatures."""
    return float(np.count_nonzero(a == b)) / len(a)
