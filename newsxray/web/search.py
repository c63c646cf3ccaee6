"""Full-text search for the web: the store's search with its filters.

Outlet, dates, entity, technique, event type and credibility are all ``Filters`` of the store
(``newsxray/store/query.py``); a query that is neither valid FTS5 nor has words finds nothing.
"""
from __future__ import annotations

from ..errors import StoreError
from ..store import Filters, SearchHit, SqliteStore
from ..store.query import plain_query


def search(store: SqliteStore, query: str, filters: Filters, *, limit: int = 20,
           offset: int = 0) -> list[SearchHit]:
    """Best matches first (an empty query lists the newest articles that pass the filters)."""
    try:
        return store.search(query, filters, limit, offset)
    except StoreError:
        if query.strip() and plain_query(query) == query:  # invalid FTS5 with nothing else to try
            return []
        raise
