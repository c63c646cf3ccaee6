"""The narrow store interface every corpus backend implements, and the values it returns."""
from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from typing import Any, Iterator, Literal, Protocol, runtime_checkable

Status = Literal["stored", "revision", "duplicate", "failed"]
_SPACE = re.compile(r"\s+")


def content_hash(text: str) -> str:
    """The content hash of an article text: SHA-256 of the text with runs of whitespace collapsed.

    Two texts that differ only in line wrapping or spacing are the same article.
    """
    normal = _SPACE.sub(" ", text).strip()
    return hashlib.sha256(normal.encode("utf-8", "surrogatepass")).hexdigest()


def input_hash(raw: str) -> str:
    """The fingerprint of a raw input (HTML as fetched or read), for skipping it unread next time."""
    return "raw:" + hashlib.sha256(raw.encode("utf-8", "surrogatepass")).hexdigest()


@dataclass(frozen=True, slots=True)
class PutResult:
    """What ``Store.put`` did with a record.

    ``status``: ``stored`` (a new article), ``revision`` (a changed version of a URL already
    stored; the older version is kept), ``duplicate`` (the same text is already stored: nothing
    new was stored) or ``failed`` (the record is a failed input; it went to the failures).
    ``key`` is the stored row (for a duplicate, the row it duplicates); ``duplicate_of`` and
    ``similarity`` name the earlier article a new one is a near-duplicate of.
    """

    status: Status
    id: str | None
    key: int | None = None
    revision: int | None = None
    duplicate_of: str | None = None
    similarity: float | None = None


@dataclass(frozen=True, slots=True)
class SearchHit:
    """One search result; ``score`` is bm25 relevance (higher is better, 0 without a query)."""

    key: int
    id: str
    title: str | None
    url: str | None
    published: str | None
    outlet: str | None
    score: float
    snippet: str
    duplicate_of: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {name: getattr(self, name) for name in self.__slots__}


@dataclass(frozen=True, slots=True)
class Failure:
    source: str
    id: str | None
    reason: str
    first_seen: str
    last_seen: str
    count: int


@dataclass(frozen=True, slots=True)
class Filters:
    """Search filters; dates are ISO 8601 (a bare date ``until`` includes that whole day).

    ``technique`` and ``event_type`` keep articles with a span of that technique or an event of
    that type; ``credibility`` keeps articles citing a source rated at that level (``high``,
    ``mixed``, ``low``) or a state-affiliated one (``state``).
    """

    outlet: str | None = None
    since: str | None = None
    until: str | None = None
    entity: str | None = None
    technique: str | None = None
    event_type: str | None = None
    credibility: str | None = None


@runtime_checkable
class Store(Protocol):
    """A corpus of records. One writer at a time, any number of readers."""

    def put(self, doc: Any, *, source: str | None = None, raw_hash: str | None = None) -> PutResult:
        """Store a record (a ``Document`` or a record dict) unless its text is already stored."""

    def get(self, id: str) -> dict | None:
        """The latest stored record with this id, or None."""

    def has_hash(self, h: str) -> bool:
        """Whether a text (``content_hash``) or raw input (``input_hash``) is already stored."""

    def search(self, query: str, filters: Filters | None = None, limit: int = 20,
               offset: int = 0) -> list[SearchHit]:
        """Full-text search, best first; an empty query lists the newest articles that pass the filters."""

    def iter_docs(self) -> Iterator[dict]:
        """Every stored record (latest revisions), in the order they were stored."""

    def record_failure(self, source: str, reason: str, *, id: str | None = None) -> None:
        """Note an input that could not be stored (once per source and reason)."""

    def failures(self) -> list[Failure]:
        """Every failed input, oldest first."""

    def close(self) -> None:
        """Release the database."""
