"""Corpus-wide figures: ``stats``, ``outlet_profiles`` and ``top_claims``.

These aggregate over every article, so their results are cached until the corpus changes
(see ``analysis_sql.cached``).
"""
from __future__ import annotations

from collections import Counter, defaultdict

from .analysis_sql import (OLD_SQL, OUTLET_SQL, STALE_SQL, cached, check_limit, entity_info, entity_join,
                           marks, reading, slices, summaries)

# Whitespace-separated words of the text: spaces and line breaks, plus one.
_WORDS_SQL = ("length(a.text) - length(replace(replace(a.text, char(10), ''), ' ', '')) + 1")


def stats(store, *, top: int = 10) -> dict:
    """What the corpus holds.

    ``articles``: latest revisions (near-duplicates included); ``duplicates``: how many of them
    are near-duplicates of another; ``failures``: failed inputs; ``outlets``: distinct outlets;
    ``first``/``last``: the earliest and latest publication dates; ``layers``: items per layer
    over the latest revisions; ``top_entities``: entities named in the most articles, each
    near-duplicate family counted once; ``top_outlets``: outlets with the most articles (their
    syndicated copies included: they did run them).
    """
    check_limit(top, "top")
    return cached(store, "stats", (top,), lambda: _stats(store, top))


def _stats(store, top: int) -> dict:
    with reading(store) as conn:
        total = conn.execute("SELECT count(*) FROM articles").fetchone()[0]
        old = conn.execute(f"SELECT count(*) FROM ({OLD_SQL})").fetchone()[0]
        dups = conn.execute(f"SELECT count(*) FROM articles WHERE duplicate_of IS NOT NULL "
                            f"AND key NOT IN ({OLD_SQL})").fetchone()[0]
        failures = conn.execute("SELECT count(*) FROM failures").fetchone()[0]
        first, last = conn.execute(f"SELECT min(published), max(published) FROM articles "
                                   f"WHERE published IS NOT NULL AND key NOT IN ({OLD_SQL})").fetchone()
        outlets = conn.execute(f"SELECT count(DISTINCT {OUTLET_SQL}) FROM articles a "
                               f"WHERE key NOT IN ({OLD_SQL})").fetchone()[0]
        layers = dict(conn.execute(f"SELECT layer, count(*) FROM layer_items WHERE article NOT IN ({OLD_SQL}) "
                                   f"GROUP BY layer ORDER BY layer").fetchall())
        return {"articles": total - old, "duplicates": dups, "failures": failures, "outlets": outlets,
                "first": first, "last": last, "layers": layers,
                "top_entities": _top_entities(conn, top), "top_outlets": _top_outlets(conn, top)}


def _top_entities(conn, top: int) -> list[dict]:
    rows = conn.execute(
        f"SELECT key, count(DISTINCT article) AS n FROM layer_items WHERE layer = 'entities' AND key IS NOT NULL "
        f"AND article NOT IN ({STALE_SQL}) GROUP BY key ORDER BY n DESC, key LIMIT ?", (top,)).fetchall()
    out = []
    for key, n in rows:
        info = entity_info(conn, key) or {}
        out.append({"name": info.get("name") or key, "type": info.get("type"), "articles": n})
    return out


def _top_outlets(conn, top: int) -> list[dict]:
    rows = conn.execute(f"SELECT {OUTLET_SQL} AS outlet, count(*) AS n FROM articles a WHERE outlet IS NOT NULL "
                        f"AND key NOT IN ({OLD_SQL}) GROUP BY outlet ORDER BY n DESC, outlet LIMIT ?", (top,))
    return [{"outlet": outlet, "articles": n} for outlet, n in rows]


def outlet_profiles(store, *, limit: int = 50) -> list[dict]:
    """Per outlet (most articles first; articles without a known outlet are left out): how many
    articles (latest revisions, syndicated copies included: the outlet ran them), how many
    words (whitespace-separated), the persuasion techniques found (``{name: count}``, and per
    1,000 words), the sources cited (``cited``, ``rated`` by a loaded credibility dataset,
    ``by_label``) and a ``profile`` of them: ``by_kind``, ``by_level`` (high/mixed/low/unrated,
    per citation), ``state_affiliated`` (``{outlet name: citations}``) and ``state_share``
    (the share of citations that are state-affiliated outlets)."""
    check_limit(limit)
    return cached(store, "outlet_profiles", (limit,), lambda: _outlet_profiles(store, limit))


def _outlet_profiles(store, limit: int) -> list[dict]:
    with reading(store) as conn:
        rows = conn.execute(f"SELECT {OUTLET_SQL} AS outlet, count(*) AS n, sum({_WORDS_SQL}) FROM articles a "
                            f"WHERE outlet IS NOT NULL AND key NOT IN ({OLD_SQL}) GROUP BY outlet "
                            f"ORDER BY n DESC, outlet LIMIT ?", (limit,)).fetchall()
        names = [row[0] for row in rows]
        techniques = _technique_counts(conn, names)
        sources = _source_profiles(conn, names)
    out = []
    for outlet, n, words in rows:
        found = techniques.get(outlet, {})
        per_1000 = round(1000.0 * sum(found.values()) / words, 3) if words else 0.0
        cited, profile = sources.get(outlet) or _empty_sources()
        out.append({"outlet": outlet, "articles": n, "words": words or 0, "techniques": found,
                    "techniques_per_1000_words": per_1000, "sources": cited, "profile": profile})
    return out


def _by_outlet_sql(layer: str, columns: str, outlets: list[str]) -> str:
    return (f"SELECT {OUTLET_SQL}, {columns} FROM layer_items li JOIN articles a ON a.key = li.article "
            f"WHERE li.layer = '{layer}' AND li.key IS NOT NULL AND li.article NOT IN ({OLD_SQL}) "
            f"AND {OUTLET_SQL} IN ({marks(outlets)})")


def _technique_counts(conn, outlets: list[str]) -> dict[str, dict[str, int]]:
    if not outlets:
        return {}
    rows = conn.execute(_by_outlet_sql("techniques", "li.key, count(*)", outlets) + " GROUP BY 1, 2", outlets)
    out: dict[str, dict[str, int]] = defaultdict(dict)
    names: dict[str, str] = {}
    for outlet, key, n in rows.fetchall():
        if key not in names:
            row = conn.execute("SELECT json_extract(json, '$.technique') FROM layer_items WHERE layer = 'techniques' "
                               "AND key = ? LIMIT 1", (key,)).fetchone()
            names[key] = (row[0] if row else None) or key
        out[outlet][names[key]] = n
    return {o: dict(sorted(c.items(), key=lambda kv: (-kv[1], kv[0]))) for o, c in out.items()}


def _empty_sources() -> tuple[dict, dict]:
    return ({"cited": 0, "rated": 0, "by_label": {}},
            {"by_kind": {}, "by_level": {}, "state_affiliated": {}, "state_share": 0.0})


def _source_profiles(conn, outlets: list[str]) -> dict[str, tuple[dict, dict]]:
    if not outlets:
        return {}
    columns = ("json_extract(li.json, '$.kind'), json_extract(li.json, '$.rating.label'), "
               "json_extract(li.json, '$.rating.level'), json_extract(li.json, '$.state_affiliated'), "
               "json_extract(li.json, '$.name')")
    tallies: dict[str, dict[str, Counter]] = defaultdict(lambda: defaultdict(Counter))
    for outlet, kind, label, level, state, name in conn.execute(_by_outlet_sql("sources", columns, outlets), outlets):
        t = tallies[outlet]
        t["n"]["cited"] += 1
        t["kind"][kind or "other"] += 1
        t["level"][level or ("other" if label else "unrated")] += 1
        if label is not None:
            t["n"]["rated"] += 1
            t["label"][str(label)] += 1
        if state:
            t["state"][name or "?"] += 1
    out = {}
    for outlet, t in tallies.items():
        cited = t["n"]["cited"]
        out[outlet] = ({"cited": cited, "rated": t["n"]["rated"], "by_label": dict(t["label"].most_common())},
                       {"by_kind": dict(t["kind"].most_common()), "by_level": dict(t["level"].most_common()),
                        "state_affiliated": dict(t["state"].most_common()),
                        "state_share": round(sum(t["state"].values()) / cited, 3) if cited else 0.0})
    return out


_SPEAKER_JOIN = entity_join("sp", "json_extract(c.json, '$.speaker')", "c.article")


def top_claims(store, *, limit: int = 50, min_score: float = 0.5) -> list[dict]:
    """The check-worthy claims (as the claims model marked them) with ``score >= min_score``,
    highest score first, then newest article first; each near-duplicate family counted once.
    ``speaker`` is the name of the entity the claim is attributed to, or None."""
    check_limit(limit)
    return cached(store, "top_claims", (limit, float(min_score)), lambda: _top_claims(store, limit, min_score))


def _top_claims(store, limit: int, min_score: float) -> list[dict]:
    with reading(store) as conn:
        rows = conn.execute(
            f"SELECT c.article, json_extract(c.json, '$.id'), c.start, c.\"end\", json_extract(c.json, '$.score') AS s, "
            f"json_extract(c.json, '$.check_worthy'), json_extract(sp.json, '$.name') FROM layer_items c "
            f"JOIN articles a ON a.key = c.article "
            f"{_SPEAKER_JOIN} "
            f"WHERE c.layer = 'claims' AND c.key = 'check_worthy' AND s >= ? AND c.article NOT IN ({STALE_SQL}) "
            f"ORDER BY s DESC, a.published DESC, c.article DESC, c.idx LIMIT ?", (min_score, limit)).fetchall()
        heads = summaries(conn, (row[0] for row in rows))
        texts = slices(conn, [(row[0], row[2], row[3]) for row in rows])
    return [{"article": heads[art], "claim_id": cid, "text": texts.get((art, start, end)), "score": score,
             "check_worthy": bool(worthy), "speaker": speaker}
            for art, cid, start, end, score, worthy, speaker in rows]
