"""Search SQL: an FTS5 query ranked by bm25 (title weighted 4x, quotes and claims 1.5x), with filters.

The query is FTS5 syntax (``china AND japan``, ``"trade deal"``, ``sanction*``,
``quotes_text: tariffs``). A query that is not valid FTS5 (``U.S.``, ``co-operation``,
an unbalanced quote) is searched again as its plain words, each one a phrase.
"""
from __future__ import annotations

import re
from datetime import date, datetime, timedelta

from ..errors import ConfigError
from .base import Filters
from .records import fold

MARK_OPEN, MARK_CLOSE = "«", "»"
_WORDS = re.compile(r"\w+")
_COLUMNS = ("a.key, a.id, a.title, a.url, a.published, coalesce(a.outlet_domain, a.outlet_name), "
            "{score}, {snippet}, d.id")
_FROM_FTS = ("FROM articles_fts JOIN articles a ON a.key = articles_fts.rowid "
             "LEFT JOIN articles d ON d.key = a.duplicate_of")
_FROM_ALL = "FROM articles a LEFT JOIN articles d ON d.key = a.duplicate_of"


def plain_query(query: str) -> str:
    """The words of ``query``, each quoted as an FTS5 phrase (all must match)."""
    return " ".join(f'"{word}"' for word in _WORDS.findall(query))


def _day(value: str, option: str) -> str:
    try:
        if len(value) == 10:
            return date.fromisoformat(value).isoformat()
        return datetime.fromisoformat(value).isoformat()
    except ValueError:
        raise ConfigError(f"{option} {value!r} is not an ISO 8601 date; write it like 2023-08-05") from None


def filter_sql(filters: Filters | None) -> tuple[str, list]:
    """SQL conditions (each starting with AND) and their parameters."""
    sql, params = ["AND a.latest = 1"], []
    if filters is None:
        return " ".join(sql), params
    if filters.outlet:
        sql.append("AND (a.outlet_domain = ? OR a.outlet_name = ? COLLATE NOCASE)")
        params += [filters.outlet.strip().lower(), filters.outlet.strip()]
    if filters.since:
        sql.append("AND a.published >= ?")
        params.append(_day(filters.since, "--since"))
    if filters.until:
        until = _day(filters.until, "--until")
        if len(until) == 10:  # a bare date: the whole of that day
            sql.append("AND a.published < ?")
            until = (date.fromisoformat(until) + timedelta(days=1)).isoformat()
        else:
            sql.append("AND a.published <= ?")
        params.append(until)
    for layer, value in (("entities", filters.entity), ("techniques", filters.technique),
                         ("events", filters.event_type)):
        if value:
            sql.append("AND EXISTS (SELECT 1 FROM layer_items li WHERE li.layer = ? "
                       "AND li.key = ? AND li.article = a.key)")
            params += [layer, fold(value)]
    if filters.credibility == "state":
        sql.append("AND EXISTS (SELECT 1 FROM layer_items li WHERE li.layer = 'sources' AND li.article = a.key "
                   "AND json_extract(li.json, '$.state_affiliated') = 1)")
    elif filters.credibility:
        sql.append("AND EXISTS (SELECT 1 FROM layer_items li WHERE li.layer = 'sources' AND li.article = a.key "
                   "AND json_extract(li.json, '$.rating.level') = ?)")
        params.append(filters.credibility)
    return " ".join(sql), params


def search_sql(query: str, filters: Filters | None, limit: int, *, offset: int = 0,
               words: int = 16) -> tuple[str, list]:
    """The SQL for a search and its parameters (an empty query lists the newest articles).

    With a query, this ranks only (``key, rank``); ``hit_sql`` then makes the snippets of the
    hits, one indexed look-up each, so that no snippet is made for an article not shown.
    """
    where, params = filter_sql(filters)
    if not query.strip():
        columns = _COLUMNS.format(score="0.0", snippet=f"substr(a.text, 1, {words * 8})")
        sql = (f"SELECT {columns} {_FROM_ALL} WHERE 1 {where} ORDER BY a.published DESC, a.key DESC "
               "LIMIT ? OFFSET ?")
        return sql, params + [limit, offset]
    sql = (f"SELECT a.key, articles_fts.rank FROM articles_fts JOIN articles a ON a.key = articles_fts.rowid "
           f"WHERE articles_fts MATCH ? {where} ORDER BY articles_fts.rank LIMIT ? OFFSET ?")
    return sql, [query] + params + [limit, offset]


def hit_sql(*, words: int = 16) -> str:
    """One ranked hit's columns and snippet; parameters: the query, the article key, its rank."""
    snippet = f"snippet(articles_fts, -1, '{MARK_OPEN}', '{MARK_CLOSE}', ' … ', {words})"
    columns = _COLUMNS.format(score="?", snippet=snippet)
    return f"SELECT {columns} {_FROM_FTS} WHERE articles_fts MATCH ? AND articles_fts.rowid = ?"
