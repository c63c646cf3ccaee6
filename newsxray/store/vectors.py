"""Small helpers shared by story clustering and claim matching: vectors as blobs, days as numbers."""
from __future__ import annotations

from datetime import datetime, timezone
from typing import Iterable, Sequence

import numpy as np

from ..embed import DIM, embed

_EPOCH = datetime(1970, 1, 1, tzinfo=timezone.utc)


def to_blob(vector: np.ndarray) -> bytes:
    """A unit vector as little-endian float16 bytes (768 bytes for 384 dimensions)."""
    return np.asarray(vector, dtype="<f2").tobytes()


def from_blobs(blobs: Sequence[bytes]) -> np.ndarray:
    """Blobs made by ``to_blob`` back as one float32 matrix (one row per blob)."""
    if not blobs:
        return np.zeros((0, DIM), dtype=np.float32)
    return np.frombuffer(b"".join(blobs), dtype="<f2").reshape(len(blobs), -1).astype(np.float32)


def embed_texts(texts: Iterable[str]) -> np.ndarray:
    return embed(list(texts))


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
