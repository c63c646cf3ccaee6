"""Entities across the corpus: ``entity_search``, ``entity_profile`` and the co-occurrence ``network``.

An entity across articles is its folded name (``fold``: case-folded, spaces collapsed), the
``key`` of its ``layer_items`` rows, so every look-up here runs on the ``layer_items_key`` index.
Counts are numbers of distinct articles, each near-duplicate family counted once.
"""
from __future__ import annotations

from collections import Counter, defaultdict
from itertools import combinations

from .analysis_sql import STALE_SQL, cached, check_limit, entity_info, marks, name_key, reading, summaries

_LIVE_ENTITIES = f"layer = 'entities' AND key IS NOT NULL AND article NOT IN ({STALE_SQL})"


def _like(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def entity_search(store, query: str, *, limit: int = 20) -> list[dict]:
    """Entities whose name contains ``query`` (case-insensitive; ``""`` lists all), named in the most
    articles first: ``[{"name", "type", "country", "sector", "articles", "mentions"}]``; ``articles``
    counts each near-duplicate family once, ``mentions`` is over those articles."""
    check_limit(limit)
    key = name_key(query) or ""  # an empty query lists every entity
    with reading(store) as conn:
        rows = conn.execute(f"SELECT key, count(DISTINCT article) AS n FROM layer_items WHERE {_LIVE_ENTITIES} "
                            f"AND key LIKE ? ESCAPE '\\' GROUP BY key ORDER BY n DESC, key LIMIT ?",
                            (_like(key), limit)).fetchall()
        out = []
        for found, n in rows:
            info = entity_info(conn, found) or {}
            mentions = conn.execute(f"SELECT sum(json_array_length(json, '$.mentions')) FROM layer_items "
                                    f"WHERE {_LIVE_ENTITIES} AND key = ?", (found,)).fetchone()[0]
            out.append({"name": info.get("name") or found, "type": info.get("type"), "country": info.get("country"),
                        "sector": info.get("sector"), "articles": n, "mentions": mentions or 0})
    return out


def entity_profile(store, name: str, *, limit: int = 50) -> dict | None:
    """Everything the corpus says about one entity (matched on its folded name), or None:
    what it is, the articles that name it (newest first), its quotes, the events it is the actor
    or target of (newest first), and its ``neighbours`` (the entities named in the most of the
    same articles; ``weight`` = shared articles). Each list has at most ``limit`` items."""
    from .analysis_events import events_of
    from .analysis_quotes import quotes_by_speaker

    check_limit(limit)
    key = name_key(name)
    if not key:
        return None
    with reading(store) as conn:
        info = entity_info(conn, key)
        if info is None:
            return None
        keys = [row[0] for row in conn.execute(
            f"SELECT li.article FROM layer_items li JOIN articles a ON a.key = li.article "
            f"WHERE li.layer = 'entities' AND li.key = ? AND li.article NOT IN ({STALE_SQL}) "
            f"GROUP BY li.article ORDER BY a.published DESC, li.article DESC LIMIT ?", (key, limit))]
        heads = summaries(conn, keys)
        neighbours = _neighbours(conn, key, limit)
    said = quotes_by_speaker(store, key, limit=limit)
    return {**info, "name": info["name"] or key, "articles": [heads[k] for k in keys],
            "quotes": said[0]["quotes"] if said else [], "events": events_of(store, key, limit=limit),
            "neighbours": neighbours}


def _neighbours(conn, key: str, limit: int) -> list[dict]:
    rows = conn.execute(
        f"SELECT n.key, count(DISTINCT n.article) AS w FROM layer_items e JOIN layer_items n "
        f"ON n.article = e.article AND n.layer = 'entities' AND n.key IS NOT NULL AND n.key != e.key "
        f"WHERE e.layer = 'entities' AND e.key = ? AND e.article NOT IN ({STALE_SQL}) "
        f"GROUP BY n.key ORDER BY w DESC, n.key LIMIT ?", (key, limit)).fetchall()
    out = []
    for other, weight in rows:
        info = entity_info(conn, other) or {}
        out.append({"name": info.get("name") or other, "type": info.get("type"), "weight": weight})
    return out


def network(store, *, entity: str | None = None, min_weight: int = 2, limit: int = 100) -> dict:
    """Entity co-occurrence: two entities are linked by the number of articles that name both
    (near-duplicate families counted once).

    Without ``entity``: the ``limit`` entities named in the most articles and the links among
    them. With ``entity``: its ego network, the entity and the (up to ``limit - 1``) entities it
    shares at least ``min_weight`` articles with, and the links among all of them. Only links of
    weight ``>= min_weight`` are kept. Node ``id`` is the folded name; node ``weight`` is the
    number of articles naming it. An unknown entity gives an empty network.
    """
    check_limit(limit)
    check_limit(min_weight, "min_weight")
    return cached(store, "network", (name_key(entity), min_weight, limit),
                  lambda: _network(store, name_key(entity), min_weight, limit))


def _network(store, entity: str | None, min_weight: int, limit: int) -> dict:
    with reading(store) as conn:
        if entity is None:
            keys = [row[0] for row in conn.execute(
                f"SELECT key, count(DISTINCT article) AS n FROM layer_items WHERE {_LIVE_ENTITIES} "
                f"GROUP BY key ORDER BY n DESC, key LIMIT ?", (limit,))]
        else:
            if entity_info(conn, entity) is None:
                return {"nodes": [], "edges": []}
            keys = [entity] + [n["name_key"] for n in _ego(conn, entity, min_weight, limit - 1)]
        articles, pairs = _pair_counts(conn, keys)
        nodes = []
        for key in keys:
            info = entity_info(conn, key) or {}
            nodes.append({"id": key, "name": info.get("name") or key, "type": info.get("type"),
                          "country": info.get("country"), "weight": articles.get(key, 0)})
    edges = [{"source": a, "target": b, "weight": w} for (a, b), w in pairs.items() if w >= min_weight]
    edges.sort(key=lambda e: (-e["weight"], e["source"], e["target"]))
    return {"nodes": nodes, "edges": edges}


def _ego(conn, key: str, min_weight: int, size: int) -> list[dict]:
    if size < 1:
        return []
    rows = conn.execute(
        f"SELECT n.key, count(DISTINCT n.article) AS w FROM layer_items e JOIN layer_items n "
        f"ON n.article = e.article AND n.layer = 'entities' AND n.key IS NOT NULL AND n.key != e.key "
        f"WHERE e.layer = 'entities' AND e.key = ? AND e.article NOT IN ({STALE_SQL}) "
        f"GROUP BY n.key HAVING w >= ? ORDER BY w DESC, n.key LIMIT ?", (key, min_weight, size))
    return [{"name_key": other, "weight": w} for other, w in rows]


def _pair_counts(conn, keys: list[str]) -> tuple[Counter, Counter]:
    """Articles per key, and articles per pair of keys (sorted pair), over the live articles."""
    by_article: dict[int, set[str]] = defaultdict(set)
    for n in range(0, len(keys), 400):
        chunk = keys[n:n + 400]
        rows = conn.execute(f"SELECT article, key FROM layer_items WHERE {_LIVE_ENTITIES} "
                            f"AND key IN ({marks(chunk)})", chunk)
        for article, key in rows:
            by_article[article].add(key)
    singles: Counter = Counter()
    pairs: Counter = Counter()
    for names in by_article.values():
        singles.update(names)
        if len(names) > 1:
            pairs.update(combinations(sorted(names), 2))
    return singles, pairs
