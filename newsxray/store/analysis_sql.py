"""Shared pieces of the corpus analysis queries: which articles count, article summaries,
entity look-ups by folded name or ISO3 code, dates, and a small result cache.

Which articles count
--------------------
Only the latest revision of an article counts (``articles.latest = 1``). Where the same text
told twice would count twice (entity and event counts, networks, quotes, claims), near-duplicates
(``duplicate_of`` set: syndicated copies) are left out too, so a story is counted once. Both sets
are read from small indexes (``STALE_SQL``): the article rows themselves are never scanned, which
matters because ``latest`` and ``duplicate_of`` sit behind the text in each row.
"""
from __future__ import annotations

import copy
import re
import sqlite3
import threading
from collections import Counter
from contextlib import contextmanager
from datetime import date, datetime
from typing import Any, Callable, Iterable, Iterator

from ..errors import ConfigError, StoreError
from .records import fold

# Older revisions: ``latest = 0`` is only ever set on a URL that has a newer revision.
OLD_SQL = ("SELECT key FROM articles WHERE latest = 0 AND url IN "
           "(SELECT url FROM articles WHERE url IS NOT NULL GROUP BY url HAVING count(*) > 1)")
# Articles that do not count where duplicates would be double counting: old revisions and copies.
STALE_SQL = f"SELECT key FROM articles WHERE duplicate_of IS NOT NULL UNION {OLD_SQL}"
OUTLET_SQL = "coalesce(a.outlet_domain, a.outlet_name)"
_ISO3 = re.compile(r"^[A-Z]{3}$")
_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}")
PRONOUNS = frozenset("i you he she it we they who which that this these those one someone".split())


def entity_join(alias: str, id_expr: str, article_expr: str) -> str:
    """A LEFT JOIN of the entity an item points to (``E7``), by primary key.

    Entity ids are ``E`` + their position + 1; the join checks the id it lands on, so an id in
    any other scheme simply finds nothing (never a wrong entity).
    """
    return (f"LEFT JOIN layer_items {alias} ON {alias}.article = {article_expr} AND {alias}.layer = 'entities' "
            f"AND {alias}.idx = CAST(substr({id_expr}, 2) AS INTEGER) - 1 "
            f"AND json_extract({alias}.json, '$.id') = {id_expr}")


@contextmanager
def reading(store) -> Iterator[sqlite3.Connection]:
    """The store's connection; SQLite errors become one-line ``StoreError``s."""
    try:
        yield store.conn
    except sqlite3.OperationalError as exc:
        raise StoreError(f"{store.path}: the query failed ({exc}); is it a newsxray corpus made by "
                         "`newsxray ingest`?") from None
    except sqlite3.DatabaseError as exc:
        raise StoreError(f"{store.path} is damaged or is not a newsxray database ({exc})") from None


def is_iso3(value: str | None) -> bool:
    """Whether ``value`` is written as a 3-letter upper-case country code (``CHN``)."""
    return bool(value) and bool(_ISO3.match(value.strip()))


def name_key(value: str | None) -> str | None:
    """The folded lookup form of an entity name given by a user."""
    return fold(value) if value else None


def iso_day(value: str | None, option: str) -> str | None:
    """``value`` as ``YYYY-MM-DD`` (a date or date-time), or ConfigError saying how to write it."""
    if value is None or not str(value).strip():
        return None
    value = str(value).strip()
    try:
        if len(value) == 10:
            return date.fromisoformat(value).isoformat()
        return datetime.fromisoformat(value).date().isoformat()
    except ValueError:
        raise ConfigError(f"{option} {value!r} is not an ISO 8601 date; write it like 2023-08-05") from None


def day_of(value: Any) -> str | None:
    """The ``YYYY-MM-DD`` a date value starts with, or None (``2023-05``, ``XXXX-XX-XX``, None)."""
    if isinstance(value, str):
        m = _DAY.match(value)
        if m:
            return m.group()
    return None


def check_limit(limit: int, name: str = "limit") -> int:
    if not isinstance(limit, int) or limit < 1:
        raise ConfigError(f"{name} must be a whole number of at least 1 (got {limit!r})")
    return limit


def marks(values: Iterable) -> str:
    return ",".join("?" for _ in values)


def summaries(conn: sqlite3.Connection, keys: Iterable[int]) -> dict[int, dict]:
    """``{key: {"id", "title", "outlet", "published", "url"}}`` for the given article keys."""
    keys = list(dict.fromkeys(keys))
    out: dict[int, dict] = {}
    for n in range(0, len(keys), 500):
        chunk = keys[n:n + 500]
        rows = conn.execute(f"SELECT key, id, title, {OUTLET_SQL}, published, url FROM articles a "
                            f"WHERE key IN ({marks(chunk)})", chunk)
        for key, ident, title, outlet, published, url in rows:
            out[key] = {"id": ident, "title": title, "outlet": outlet, "published": published, "url": url}
    return out


def slices(conn, spans: list[tuple[int, int | None, int | None]]) -> dict[tuple, str]:
    """The text of ``(article, start, end)`` spans, read in SQL (the article text is not loaded)."""
    out = {}
    for art, start, end in spans:
        if isinstance(start, int) and isinstance(end, int) and end > start:
            row = conn.execute("SELECT substr(text, ?, ?) FROM articles WHERE key = ?",
                               (start + 1, end - start, art)).fetchone()
            out[(art, start, end)] = row[0] if row else None
    return out


def _majority(values: Iterable[Any]) -> Any:
    counts = Counter(v for v in values if v is not None)
    return counts.most_common(1)[0][0] if counts else None


def entity_info(conn: sqlite3.Connection, key: str, *, sample: int = 200) -> dict | None:
    """What the corpus says an entity (by folded name) is: the most frequent spelling, type,
    country, sector and description over (up to) ``sample`` of its mentions' articles."""
    rows = conn.execute(
        "SELECT json_extract(json, '$.name'), json_extract(json, '$.type'), json_extract(json, '$.country'), "
        "json_extract(json, '$.sector'), json_extract(json, '$.description') FROM layer_items "
        "WHERE layer = 'entities' AND key = ? ORDER BY article DESC LIMIT ?", (key, sample)).fetchall()
    if not rows:
        return None
    fields = ("name", "type", "country", "sector", "description")
    return {field: _majority(row[n] for row in rows) for n, field in enumerate(fields)}


# -- a small cache for corpus-wide aggregates ----------------------------------------------
_CACHE: dict[tuple, Any] = {}
_CACHE_LOCK = threading.Lock()
_CACHE_SIZE = 64


def fingerprint(conn: sqlite3.Connection) -> tuple:
    """Changes whenever an article or failure is stored (rows are only ever added)."""
    return conn.execute("SELECT (SELECT max(key) FROM articles), (SELECT count(*) FROM failures), "
                        "(SELECT max(version) FROM schema_version)").fetchone()


def cached(store, name: str, args: tuple, compute: Callable[[], Any]) -> Any:
    """``compute()``, remembered until the corpus changes (same file, same newest article)."""
    with reading(store) as conn:
        key = (str(store.path.resolve()), name, args, fingerprint(conn))
    with _CACHE_LOCK:
        if key in _CACHE:
            return copy.deepcopy(_CACHE[key])
    value = compute()
    with _CACHE_LOCK:
        if len(_CACHE) >= _CACHE_SIZE:
            _CACHE.pop(next(iter(_CACHE)))
        _CACHE[key] = value
    return copy.deepcopy(value)
