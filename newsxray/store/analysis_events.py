"""Events across the corpus: ``events`` (filtered lists) and actor-pair ``timeline``s.

An actor or target is given as a name (matched on the folded name of the entity the participant
resolves to, or on the participant's own words when it resolves to none) or as a 3-letter
upper-case ISO code (``CHN``: every participant the article places in that country). Members of
compound actors and targets ("China and Russia warned ...") match too. Near-duplicate copies
are left out, so an event syndicated ten times counts once.

An event's day is its own date when that is a day (``2024-03-05``); otherwise (``2024-03``,
``XXXX-XX-XX``, no date) the day the article was published: ``date_source`` says which.
"""
from __future__ import annotations

import json
from collections import Counter, defaultdict

from ..errors import ConfigError
from ..eventcoding.codes import PLOVER_TYPES, QUAD, goldstein
from .analysis_sql import STALE_SQL, check_limit, entity_join, is_iso3, iso_day, name_key, reading, slices, summaries

_EVENT_DATE = "json_extract(ev.json, '$.date')"
_DAY = (f"CASE WHEN {_EVENT_DATE} GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]*' "
        f"THEN substr({_EVENT_DATE}, 1, 10) ELSE substr(a.published, 1, 10) END")
_SOURCE = (f"CASE WHEN {_EVENT_DATE} GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]*' THEN 'event' "
           f"WHEN a.published IS NOT NULL THEN 'published' END")
_ACTOR_JOIN = entity_join("ae", "json_extract(ev.json, '$.actor.entity')", "ev.article")
_TARGET_JOIN = entity_join("te", "json_extract(ev.json, '$.target.entity')", "ev.article")
_SELECT = (f"SELECT ev.article, ev.json, {_DAY} AS day, {_SOURCE}, json_extract(ae.json, '$.name'), "
           f"json_extract(te.json, '$.name') FROM layer_items ev JOIN articles a ON a.key = ev.article "
           f"{_ACTOR_JOIN} {_TARGET_JOIN} ")


def _role_sql(role: str, value: str, params: list) -> str:
    """SQL that is true when the event's ``role`` (actor or target) is ``value`` (name or ISO3)."""
    alias, path, co = ("ae", "$.actor", "$.co_actors") if role == "actor" else ("te", "$.target", "$.co_targets")
    if is_iso3(value):
        params += [value.strip(), value.strip()]
        return (f"(json_extract(ev.json, '{path}.country') = ? OR EXISTS (SELECT 1 FROM json_each(ev.json, '{co}') c "
                f"WHERE json_extract(c.value, '$.country') = ?))")
    key = name_key(value)
    params += [key, key, key]
    co_join = entity_join("ce", "json_extract(c.value, '$.entity')", "ev.article")
    return (f"({alias}.key = ? OR ({alias}.key IS NULL AND lower(json_extract(ev.json, '{path}.text')) = ?) "
            f"OR EXISTS (SELECT 1 FROM json_each(ev.json, '{co}') c {co_join} "
            f"WHERE coalesce(ce.key, lower(json_extract(c.value, '$.text'))) = ?))")


def _naming(value: str | None, params: list) -> str:
    """Restrict to articles naming ``value`` (via the entity index); nothing for ISO codes."""
    if not value or is_iso3(value):
        return ""
    params.append(name_key(value))
    return "AND ev.article IN (SELECT article FROM layer_items WHERE layer = 'entities' AND key = ?) "


def _check_type(type: str | None) -> str | None:
    if type is None:
        return None
    if type.strip().upper() not in PLOVER_TYPES:
        raise ConfigError(f"unknown event type {type!r}; use one of {', '.join(PLOVER_TYPES)}")
    return type.strip().lower()


def _where(*, type, since, until, params: list) -> str:
    sql = f"WHERE ev.layer = 'events' AND ev.key IS NOT NULL AND ev.article NOT IN ({STALE_SQL}) "
    if type:
        sql += "AND ev.key = ? "
        params.append(type)
    for bound, op, option in ((since, ">=", "since"), (until, "<=", "until")):
        day = iso_day(bound, option)
        if day:
            sql += f"AND day {op} ? "
            params.append(day)
    return sql


def _query(store, *, conditions: str, params: list, order: str, limit: int | None) -> list[tuple]:
    sql = _SELECT + conditions + f" ORDER BY {order}" + (" LIMIT ?" if limit else "")
    with reading(store) as conn:
        return conn.execute(sql, params + ([limit] if limit else [])).fetchall()


def events(store, *, actor: str | None = None, target: str | None = None, type: str | None = None,
           since: str | None = None, until: str | None = None, limit: int = 100) -> list[dict]:
    """Events with this actor / target / PLOVER type / day range (all optional), newest day first."""
    check_limit(limit)
    params: list = []
    sql = _where(type=_check_type(type), since=since, until=until, params=params)
    sql += _naming(actor, params) + _naming(target, params)
    if actor:
        sql += "AND " + _role_sql("actor", actor, params) + " "
    if target:
        sql += "AND " + _role_sql("target", target, params) + " "
    rows = _query(store, conditions=sql, params=params, order="day IS NULL, day DESC, ev.article DESC, ev.idx",
                  limit=limit)
    return _shape(store, rows)


def events_of(store, name: str, *, limit: int = 100) -> list[dict]:
    """Events whose actor or target is ``name``, newest day first."""
    params: list = []
    sql = _where(type=None, since=None, until=None, params=params) + _naming(name, params)
    sql += f"AND ({_role_sql('actor', name, params)} OR {_role_sql('target', name, params)}) "
    rows = _query(store, conditions=sql, params=params, order="day IS NULL, day DESC, ev.article DESC, ev.idx",
                  limit=limit)
    return _shape(store, rows)


def timeline(store, a: str, b: str, *, since: str | None = None, until: str | None = None,
             limit: int = 500) -> dict:
    """Events between ``a`` and ``b``, in either direction, day by day.

    ``{"a", "b", "days": [{"date", "count", "by_type": {type: n}, "goldstein": mean}],
    "events": [event...], "total", "undated"}``: ``days`` ascending over every matching event
    with a day; ``events`` the first ``limit`` of them, oldest first (events with no day at all
    come last, in ``events`` only, and are counted in ``undated``).
    """
    check_limit(limit)
    if not (a and a.strip() and b and b.strip()):
        raise ConfigError("a timeline needs two actors: give two names or ISO codes, e.g. CHN JPN")
    params: list = []
    sql = _where(type=None, since=since, until=until, params=params) + _naming(a, params) + _naming(b, params)
    sql += (f"AND (({_role_sql('actor', a, params)} AND {_role_sql('target', b, params)}) OR "
            f"({_role_sql('actor', b, params)} AND {_role_sql('target', a, params)})) ")
    rows = _query(store, conditions=sql, params=params, order="day IS NULL, day, ev.article, ev.idx", limit=None)
    return {"a": a, "b": b, "days": _days(rows), "events": _shape(store, rows[:limit]), "total": len(rows),
            "undated": sum(1 for row in rows if row[2] is None)}


def _days(rows: list[tuple]) -> list[dict]:
    counts: dict[str, Counter] = defaultdict(Counter)
    scores: dict[str, list[float]] = defaultdict(list)
    for _, raw, day, *_rest in rows:
        if day is None:
            continue
        event = json.loads(raw)
        counts[day][event.get("type")] += 1
        score = event.get("goldstein")
        score = goldstein(event.get("cameo")) if score is None else score
        if score is not None:
            scores[day].append(float(score))
    return [{"date": day, "count": sum(counts[day].values()), "by_type": dict(counts[day].most_common()),
             "goldstein": round(sum(scores[day]) / len(scores[day]), 3) if scores[day] else None}
            for day in sorted(counts)]


def _participant(p: dict | None, name: str | None) -> dict | None:
    if not isinstance(p, dict):
        return None
    return {"name": name or p.get("text"), "country": p.get("country"), "sector": p.get("sector")}


def _shape(store, rows: list[tuple]) -> list[dict]:
    """Event rows as the contract's event dicts (with trigger and sentence text)."""
    if not rows:
        return []
    parsed = [(article, json.loads(raw), day, source, an, tn) for article, raw, day, source, an, tn in rows]
    with reading(store) as conn:
        heads = summaries(conn, (row[0] for row in parsed))
        sentences = _sentence_spans(conn, {(row[0], row[1].get("sentence")) for row in parsed})
        spans = [(art, (ev.get("trigger") or {}).get("start"), (ev.get("trigger") or {}).get("end"))
                 for art, ev, *_ in parsed]
        spans += [(art, *sentences.get((art, ev.get("sentence")), (None, None))) for art, ev, *_ in parsed]
        texts = slices(conn, spans)
    out = []
    for art, ev, day, source, actor_name, target_name in parsed:
        trig = ev.get("trigger") or {}
        sent = sentences.get((art, ev.get("sentence")), (None, None))
        quad = ev.get("quad_class")
        score = ev.get("goldstein")
        out.append({"article": heads[art], "event_id": ev.get("id"), "date": day, "date_source": source,
                    "date_value": ev.get("date"), "type": ev.get("type"), "mode": ev.get("mode"),
                    "cameo": ev.get("cameo"), "quad_class": QUAD.get(ev.get("type")) if quad is None else quad,
                    "goldstein": goldstein(ev.get("cameo")) if score is None else score,
                    "actor": _participant(ev.get("actor"), actor_name),
                    "target": _participant(ev.get("target"), target_name),
                    "trigger": texts.get((art, trig.get("start"), trig.get("end"))),
                    "sentence_text": texts.get((art, *sent)), "confidence": ev.get("confidence")})
    return out


def _sentence_spans(conn, wanted: set[tuple[int, int | None]]) -> dict[tuple, tuple[int, int]]:
    out = {}
    for article, idx in wanted:
        if isinstance(idx, int):
            row = conn.execute("SELECT start, \"end\" FROM layer_items WHERE article = ? AND layer = 'sentences' "
                               "AND idx = ?", (article, idx)).fetchone()
            if row and row[0] is not None:
                out[(article, idx)] = (row[0], row[1])
    return out
