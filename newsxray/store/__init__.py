"""The corpus store: records kept in a database, searchable, deduplicated.

    >>> from newsxray.store import open_store, Filters
    >>> with open_store("corpus.db") as store:
    ...     store.put(newsxray.load().analyze(text="..."))
    ...     hits = store.search("sanctions", Filters(outlet="reuters.com"), limit=10)

``Store`` is the narrow interface a backend implements; ``SqliteStore`` (WAL, FTS5) is the
embedded default.
"""
from __future__ import annotations

from pathlib import Path

from .base import Failure, Filters, PutResult, SearchHit, Store, content_hash, input_hash
from .sqlite import SqliteStore

__all__ = ["Failure", "Filters", "PutResult", "SearchHit", "SqliteStore", "Store", "content_hash",
           "input_hash", "open_store"]


def open_store(path: str | Path, *, readonly: bool = False, timeout: float = 30.0,
               near_duplicates: bool = True, stories: bool = True, claims: bool = True,
               story_window: float = 3.0) -> SqliteStore:
    """Open (or create, unless ``readonly``) the corpus database at ``path``.

    Raises ``StoreError`` when the file is not a newsxray database, is damaged, or was made
    by a newer version. ``timeout`` is how long a writer waits for another writer.
    ``stories``/``claims``: cluster stories (articles within ``story_window`` days) and group
    recurring claims as articles are stored (``newsxray.store.stories``, ``.claimmatch``).
    """
    return SqliteStore(path, readonly=readonly, timeout=timeout, near_duplicates=near_duplicates,
                       stories=stories, claims=claims, story_window=story_window)
