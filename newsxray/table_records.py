"""Flat table rows (``newsxray.tables``) back to records: the inverse of ``record_tables``."""
from __future__ import annotations

import json
from collections import defaultdict
from typing import Any, Iterable, Mapping

from .document import RECORD_LAYERS


def _loads(value: Any) -> Any:
    return None if value is None else json.loads(value)


def _by_article(rows: Iterable[dict], key: str = "id") -> dict[Any, list[dict]]:
    groups: dict[Any, list[dict]] = defaultdict(list)
    for row in rows:
        groups[row[key]].append(row)
    for group in groups.values():
        group.sort(key=lambda r: r["idx"])
    return groups


def _unflatten(row: dict, spec: list[tuple]) -> dict:
    from .tables import JSON
    item: dict[str, Any] = {}
    nested: dict[str, dict] = {}
    for column, kind, path in spec:
        if path is None:
            continue
        value = _loads(row.get(column)) if kind == JSON else row.get(column)
        if len(path) == 2:
            nested.setdefault(path[0], {})[path[1]] = value
            item.setdefault(path[0], None)
        else:
            item[path[0]] = value
    for key, sub in nested.items():
        item[key] = sub if any(v is not None for v in sub.values()) else None
    extra = _loads(row.get("extra"))
    if extra:
        item.update(extra)
    return item


def _mentions(rows: list[dict]) -> dict[Any, list[dict]]:
    by_entity: dict[Any, list[dict]] = defaultdict(list)
    for row in sorted(rows, key=lambda r: r["idx"]):
        mention = {"start": row["start"], "end": row["end"]}
        mention.update(_loads(row.get("extra")) or {})
        by_entity[row["entity_id"]].append(mention)
    return by_entity


def _article(row: dict, layers: dict[str, list[dict]], sentence_tones: list) -> dict:
    extra = _loads(row.get("extra")) or {}
    outlet = {"domain": row.get("outlet_domain"), "name": row.get("outlet_name")}
    record: dict[str, Any] = {
        "schema": row.get("schema"), "id": row["id"], "url": row.get("url"),
        "title": row.get("title"), "published": row.get("published"),
        "language": row.get("language"),
        "outlet": outlet if any(v is not None for v in outlet.values()) else None,
        "text": row.get("text") or "",
    }
    for name in RECORD_LAYERS:
        record[name] = layers.get(name, [])
    record["profile"] = _loads(row.get("profile"))
    record["tone"] = {"score": row.get("tone"), "sentences": sentence_tones}
    record["errors"] = _loads(row.get("errors")) or []
    record.update(extra)
    return record


def table_records(tables: Mapping[str, Iterable[dict]]) -> list[dict]:
    """Records from table rows (``{table: rows}``, any number of articles), in articles order."""
    from .tables import LAYER_COLUMNS
    grouped = {t: _by_article(tables.get(t) or []) for t in LAYER_COLUMNS if t != "mentions"}
    mentions = _by_article(tables.get("mentions") or [], "id")
    records = []
    for row in tables.get("articles") or []:
        aid = row["id"]
        layers: dict[str, list[dict]] = {}
        for table, (layer, spec) in LAYER_COLUMNS.items():
            if table == "mentions":
                continue
            layers[layer] = [_unflatten(r, spec) for r in grouped[table].get(aid, [])]
        by_entity = _mentions(mentions.get(aid, []))
        for entity in layers["entities"]:
            entity["mentions"] = by_entity.get(entity.get("id"), [])
        tones = [r.get("tone") for r in grouped["sentences"].get(aid, [])]
        for sentence in layers["sentences"]:
            sentence.pop("tone", None)
        records.append(_article(row, layers, tones if all(t is not None for t in tones) else []))
    return records
