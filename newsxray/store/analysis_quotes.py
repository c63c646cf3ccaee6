"""Quotes by speaker across the corpus.

A quote's speaker is the entity its speaker mention resolves to (so "Zhang", "he" and "the
ambassador" count for "Zhang Hanhui"); an unresolved speaker counts under the words that name
it ("the ministry"), except bare pronouns, which name nobody. Near-duplicate copies are left
out, so a quote syndicated ten times counts once.
"""
from __future__ import annotations

import json
from collections import Counter

from .analysis_sql import (PRONOUNS, STALE_SQL, cached, check_limit, entity_info, entity_join, marks, name_key,
                           reading, slices, summaries)

_JOIN = entity_join("en", "json_extract(q.json, '$.speaker.entity')", "q.article")
_SPEAKER = "coalesce(en.key, q.key)"
_NOT_PRONOUN = f"NOT (en.key IS NULL AND q.key IN ({marks(PRONOUNS)}))"


def quotes_by_speaker(store, speaker: str | None = None, *, limit: int = 100, speakers: int = 20) -> list[dict]:
    """``[{"speaker", "type", "country", "count", "quotes": [...]}]``, speakers with the most quotes first.

    With ``speaker`` (a name, matched on its folded form): that speaker only, with up to
    ``limit`` of its quotes, newest first. Without: the ``speakers`` speakers quoted most, with
    ``limit`` quotes shared among them (each speaker's newest first). ``count`` is always the
    speaker's full number of quotes. A quote is ``{"article": summary, "quote_id", "text",
    "kind", "cue", "start", "end"}``; ``text`` is the quoted words, ``cue`` the reporting verb.
    """
    check_limit(limit)
    check_limit(speakers, "speakers")
    if speaker is not None:
        key = name_key(speaker)
        if not key:
            return []
        with reading(store) as conn:
            group = _group(conn, key, limit)
        return [group] if group else []
    return cached(store, "quotes", (limit, speakers), lambda: _top_speakers(store, limit, speakers))


def _top_speakers(store, limit: int, speakers: int) -> list[dict]:
    with reading(store) as conn:
        rows = conn.execute(
            f"SELECT {_SPEAKER} AS sk, count(*) AS n FROM layer_items q {_JOIN} WHERE q.layer = 'quotes' "
            f"AND q.key IS NOT NULL AND q.article NOT IN ({STALE_SQL}) AND {_NOT_PRONOUN} "
            f"GROUP BY sk ORDER BY n DESC, sk LIMIT ?", (*sorted(PRONOUNS), speakers)).fetchall()
        each = max(1, limit // max(1, len(rows)))
        groups = [_group(conn, key, each) for key, _ in rows]
    return [g for g in groups if g]


def _group(conn, key: str, limit: int) -> dict | None:
    """One speaker's quotes (newest first, at most ``limit``) and how many there are in all."""
    rows = conn.execute(
        f"SELECT q.article, q.json FROM layer_items q JOIN articles a ON a.key = q.article {_JOIN} "
        f"WHERE q.layer = 'quotes' AND q.article IN (SELECT article FROM layer_items WHERE layer = 'entities' "
        f"AND key = :k UNION SELECT article FROM layer_items WHERE layer = 'quotes' AND key = :k) "
        f"AND {_SPEAKER} = :k AND q.article NOT IN ({STALE_SQL}) "
        f"ORDER BY a.published DESC, q.article DESC, q.idx", {"k": key}).fetchall()
    if not rows:
        return None
    info = entity_info(conn, key)
    items = [(article, json.loads(raw)) for article, raw in rows]
    if info is None:  # an unresolved speaker: named as the articles most often name it
        spelled = Counter((q.get("speaker") or {}).get("text") for _, q in items)
        info = {"name": spelled.most_common(1)[0][0] or key, "type": None, "country": None}
    shown = items[:limit]
    heads = summaries(conn, (article for article, _ in shown))
    texts = slices(conn, [(article, q.get("start"), q.get("end")) for article, q in shown])
    quotes = [{"article": heads[article], "quote_id": q.get("id"),
               "text": texts.get((article, q.get("start"), q.get("end"))), "kind": q.get("kind"),
               "cue": (q.get("cue") or {}).get("text"), "start": q.get("start"), "end": q.get("end")}
              for article, q in shown]
    return {"speaker": info["name"] or key, "type": info.get("type"), "country": info.get("country"),
            "count": len(items), "quotes": quotes}
