"""Small helpers shared by story clustering and claim matching: vectors as blobs, days as numbers."""
from __future__ import annotations

import threading
from collections import OrderedDict
from datetime import datetime, timezone
from typing import Iterable, Sequence

import numpy as np

from ..embed import DIM, embed

_EPOCH = datetime(1970, 1, 1, tzinfo=timezone.utc)
CACHE_SIZE = 4096  # texts; a vector is 1.5 kB
_CACHE: OrderedDict[str, np.ndarray] = OrderedDict()
_LOCK = threading.Lock()


def to_blob(vector: np.ndarray) -> bytes:
    """A unit vector as little-endian float16 bytes (768 bytes for 384 dimensions)."""
    return np.asarray(vector, dtype="<f2").tobytes()


def from_blobs(blobs: Sequence[bytes]) -> np.ndarray:
    """Blobs made by ``to_blob`` back as one float32 matrix (one row per blob)."""
    if not blobs:
        return np.zeros((0, DIM), dtype=np.float32)
    return np.frombuffer(b"".join(blobs), dtype="<f2").reshape(len(blobs), -1).astype(np.float32)


def embed_texts(texts: Iterable[str]) -> np.ndarray:
    return embed_cached(list(texts))


def embed_cached(texts: Sequence[str]) -> np.ndarray:
    """``embed(texts)``, embedding each distinct text once and reusing the vectors of texts seen
    lately (a copy's claims and headline are often word for word the original's). One text per model
    run: padding costs more than batching saves (measured), and a vector does not depend on the
    other texts of a call."""
    out = np.zeros((len(texts), DIM), dtype=np.float32)
    todo: dict[str, list[int]] = {}
    with _LOCK:
        for n, text in enumerate(texts):
            vector = _CACHE.get(text)
            if vector is None:
                todo.setdefault(text, []).append(n)
            else:
                _CACHE.move_to_end(text)
                out[n] = vector
    if todo:
        embedded = embed(list(todo), batch_size=1)
        with _LOCK:
            for text, vector in zip(todo, embedded):
                out[todo[text]] = vector
                _CACHE[text] = vector.copy()
            while len(_CACHE) > CACHE_SIZE:
                _CACHE.popitem(last=False)
    return out


def is_cached(text: str) -> bool:
    """Whether ``text``'s vector is in the cache (so ``embed_cached`` would not run the model for it)."""
    with _LOCK:
        return text in _CACHE


def clear_cache() -> None:
    """Forget every cached vector (for benchmarks and tests)."""
    with _LOCK:
        _CACHE.clear()


def reserve(texts: int) -> None:
    """Make the cache hold at least ``texts`` texts (it never shrinks)."""
    global CACHE_SIZE
    with _LOCK:
        CACHE_SIZE = max(CACHE_SIZE, int(texts))


def remember(texts: Sequence[str], vectors: np.ndarray) -> None:
    """Put vectors computed elsewhere (another process) in the cache, as ``embed_cached`` would."""
    with _LOCK:
        for text, vector in zip(texts, vectors):
            _CACHE[text] = np.asarray(vector, dtype=np.float32).copy()
            _CACHE.move_to_end(text)
        while len(_CACHE) > CACHE_SIZE:
            _CACHE.popitem(last=False)


def embed_each(texts: Sequence[str]) -> np.ndarray:
    """The vectors of ``texts``, one model run per text (what ``embed_cached`` computes), uncached:
    the job a helper process runs for the ingest warmer."""
    return embed(list(texts), batch_size=1)


def day_of(published: str | None, *, fallback: datetime | None = None) -> float:
    """Days since 1970-01-01 (UTC) of an ISO date or date-time; ``fallback`` (now) if it has none."""
    when = _parse(published) if published else None
    if when is None:
        when = fallback or datetime.now(timezone.utc)
    if when.tzinfo is None:
        when = when.replace(tzinfo=timezone.utc)
    return (when - _EPOCH).total_seconds() / 86400.0


def _parse(value: str) -> datetime | None:
    text = value.strip().replace("Z", "+00:00")
    try:
        return datetime.fromisoformat(text)
    except ValueError:
        pass
    try:
        return datetime.fromisoformat(text[:10])
    except ValueError:
        return None


def iso_day(day: float) -> str:
    """The ISO date (``YYYY-MM-DD``) of a day number made by ``day_of``."""
    return datetime.fromtimestamp(day * 86400.0, tz=timezone.utc).date().isoformat()
