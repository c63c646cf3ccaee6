"""Which stored records an export writes, read a batch at a time (the corpus is never in memory).

Latest revisions only; near-duplicates are exported too (each record is its own article).
"""
from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from typing import Iterator

from ..errors import StoreError
from ..store.base import Filters
from ..store.query import filter_sql, plain_query
from ..store.records import restore

BATCH = 128


@dataclass(frozen=True)
class Selection:
    """Articles to export: published ``since``/``until`` (ISO 8601), ``outlet``, a full-text ``query``."""

    since: str | None = None
    until: str | None = None
    outlet: str | None = None
    query: str | None = None


def _keys(conn: sqlite3.Connection, selection: Selection) -> list[int] | None:
    """The keys of the articles matching the query (None without a query: export in key order)."""
    if not (selection.query and selection.query.strip()):
        return None
    where, params = filter_sql(Filters(outlet=selection.outlet, since=selection.since, until=selection.until))
    sql = (f"SELECT a.key FROM articles_fts JOIN articles a ON a.key = articles_fts.rowid "
           f"WHERE articles_fts MATCH ? {where} ORDER BY a.key")
    try:
        return [row[0] for row in conn.execute(sql, [selection.query] + params)]
    except sqlite3.OperationalError:  # not FTS5 syntax: search its words
        plain = plain_query(selection.query)
        return [row[0] for row in conn.execute(sql, [plain] + params)] if plain else []


def count(store, selection: Selection) -> int:
    """How many records ``records(store, selection)`` will give."""
    try:
        keys = _keys(store.conn, selection)
        if keys is not None:
            return len(keys)
        where, params = filter_sql(Filters(outlet=selection.outlet, since=selection.since, until=selection.until))
        return store.conn.execute(f"SELECT count(*) FROM articles a WHERE 1 {where}", params).fetchone()[0]
    except sqlite3.DatabaseError as exc:
        raise StoreError(f"{store.path}: cannot read the articles to export ({exc})") from None


def records(store, selection: Selection) -> Iterator[dict]:
    """The selected records (latest revisions), in the order they were stored."""
    conn = store.conn
    try:
        keys = _keys(conn, selection)
        if keys is not None:
            for n in range(0, len(keys), BATCH):
                chunk = keys[n:n + BATCH]
                marks = ",".join("?" * len(chunk))
                rows = conn.execute(f"SELECT record, text FROM articles WHERE key IN ({marks}) ORDER BY key", chunk)
                yield from (restore(record, text) for record, text in rows.fetchall())
            return
        where, params = filter_sql(Filters(outlet=selection.outlet, since=selection.since, until=selection.until))
        last = 0
        while True:
            rows = conn.execute(f"SELECT a.key, a.record, a.text FROM articles a WHERE a.key > ? {where} "
                                f"ORDER BY a.key LIMIT ?", [last] + params + [BATCH]).fetchall()
            if not rows:
                return
            for _, record, text in rows:
                yield restore(record, text)
            last = rows[-1][0]
    except sqlite3.DatabaseError as exc:
        raise StoreError(f"{store.path}: cannot read the articles to export ({exc})") from None
