"""Full-text search with the web's extra filters (technique, event type, credibility).

The store's ``Filters`` cover outlet, dates and entity; the web adds filters over the stored
layers, each an ``EXISTS`` over ``layer_items`` (indexed by layer and key), on top of the
store's own filter SQL, ranking and snippets.
"""
from __future__ import annotations

import sqlite3

from ..errors import StoreError
from ..store import Filters, SearchHit, SqliteStore
from ..store.query import filter_sql, hit_sql, plain_query
from ..store.records import fold

CREDIBILITY = ("high", "mixed", "low", "state")
_COLUMNS = ("a.key, a.id, a.title, a.url, a.published, coalesce(a.outlet_domain, a.outlet_name), "
            "0.0, substr(a.text, 1, 128), d.id")


def _layer_filters(technique: str | None, event_type: str | None,
                   credibility: str | None) -> tuple[str, list]:
    sql, params = [], []
    for layer, value in (("techniques", technique), ("events", event_type)):
        if value:
            sql.append("AND EXISTS (SELECT 1 FROM layer_items li WHERE li.layer = ? AND li.key = ? "
                       "AND li.article = a.key)")
            params += [layer, fold(value)]
    if credibility == "state":
        sql.append("AND EXISTS (SELECT 1 FROM layer_items li WHERE li.layer = 'sources' AND li.article = a.key "
                   "AND json_extract(li.json, '$.state_affiliated') = 1)")
    elif credibility:
        sql.append("AND EXISTS (SELECT 1 FROM layer_items li WHERE li.layer = 'sources' AND li.article = a.key "
                   "AND json_extract(li.json, '$.rating.level') = ?)")
        params.append(credibility)
    return " ".join(sql), params


def search(store: SqliteStore, query: str, filters: Filters, *, technique: str | None = None,
           event_type: str | None = None, credibility: str | None = None, limit: int = 20,
           offset: int = 0) -> list[SearchHit]:
    """Best matches first (an empty query lists the newest articles that pass the filters)."""
    where, params = filter_sql(filters)
    extra, extra_params = _layer_filters(technique, event_type, credibility)
    where, params = f"{where} {extra}", params + extra_params
    conn = store.conn
    try:
        if not query.strip():
            sql = (f"SELECT {_COLUMNS} FROM articles a LEFT JOIN articles d ON d.key = a.duplicate_of "
                   f"WHERE 1 {where} ORDER BY a.published DESC, a.key DESC LIMIT ? OFFSET ?")
            return [SearchHit(*row) for row in conn.execute(sql, params + [limit, offset])]
        try:
            return _ranked(conn, query, where, params, limit, offset)
        except sqlite3.OperationalError:
            plain = plain_query(query)  # not FTS5 syntax: search its words
            if not plain or plain == query:
                return []
            return _ranked(conn, plain, where, params, limit, offset)
    except sqlite3.DatabaseError as exc:
        raise StoreError(f"{store.path}: search failed ({exc})") from None


def _ranked(conn: sqlite3.Connection, query: str, where: str, params: list, limit: int,
            offset: int) -> list[SearchHit]:
    sql = (f"SELECT a.key, articles_fts.rank FROM articles_fts JOIN articles a ON a.key = articles_fts.rowid "
           f"WHERE articles_fts MATCH ? {where} ORDER BY articles_fts.rank LIMIT ? OFFSET ?")
    ranked = conn.execute(sql, [query] + params + [limit, offset]).fetchall()
    one = hit_sql()
    return [SearchHit(*conn.execute(one, (-rank, query, key)).fetchone()) for key, rank in ranked]
