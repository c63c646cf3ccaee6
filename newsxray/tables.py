"""Records as flat tables: one row per article, segment, sentence, entity, mention, ...

``record_tables(record)`` turns one record (``Document.to_dict()`` or a stored record
dict) into rows per table; ``arrow_schema(table)`` gives each table a fixed Arrow schema,
so that Parquet files written at different times (batch partitions, exports) concatenate;
``table_records(tables)`` turns the rows back into records.

Conventions
-----------
* Every row carries the article ``id``; layer rows carry ``idx``, the item's position in
  its layer (mentions: in their entity), and spans as ``start``/``end``.
* An item's own id is ``<singular>_id`` (``entity_id``, ``quote_id`` ...); references to
  other items are ``speaker_entity``, ``actor_entity``, ``quote_id``, ``timex_id`` ...
* Nested objects are flattened into prefixed columns (``speaker_start``, ``actor_country``,
  ``rating_label``); lists and other leftovers are JSON strings (``co_actors``, ``ratings``).
* Short spans also carry their ``text`` (the article characters they cover).
* Anything a record holds that has no column (a field added later, a layer not listed
  here) goes to the row's ``extra`` JSON column, so the conversion loses nothing.
"""
from __future__ import annotations

import json
from typing import Any

import pyarrow as pa

S, I, F, B = pa.string(), pa.int64(), pa.float64(), pa.bool_()
JSON = "json"  # a string column holding JSON

# Table name -> (record layer, [(column, type, path)]). ``path`` is the key (or nested
# keys) of the layer item the column comes from; None marks a derived column.
_SPAN = [("start", I, ("start",)), ("end", I, ("end",))]
_TEXT = [("text", S, None)]


def _nested(prefix: str, spec: list[tuple[str, Any]]) -> list[tuple[str, Any, tuple]]:
    return [(f"{prefix}_{key}", kind, (prefix, key)) for key, kind in spec]


_PARTICIPANT = [("entity", S), ("country", S), ("sector", S), ("start", I), ("end", I), ("text", S)]
_CUE = [("start", I), ("end", I), ("text", S)]

LAYER_COLUMNS: dict[str, tuple[str, list[tuple[str, Any, tuple | None]]]] = {
    "segments": ("segments", _SPAN + [("type", S, ("type",))]),
    "sentences": ("sentences", _SPAN + [("tone", F, None)]),
    "entities": ("entities", [
        ("entity_id", S, ("id",)), ("name", S, ("name",)), ("type", S, ("type",)),
        ("country", S, ("country",)), ("sector", S, ("sector",)),
        ("description", S, ("description",)), ("mention_count", I, None),
        ("quotes", JSON, ("quotes",)), ("tone", F, ("tone",))]),
    "mentions": ("entities", [("entity_id", S, None)] + _SPAN + _TEXT),
    "quotes": ("quotes", [("quote_id", S, ("id",))] + _SPAN + _TEXT + [("kind", S, ("kind",))]
               + _nested("speaker", [("entity", S), ("start", I), ("end", I), ("text", S)])
               + _nested("cue", _CUE)),
    "timexes": ("timexes", [("timex_id", S, ("id",))] + _SPAN + _TEXT + [
        ("type", S, ("type",)), ("value", S, ("value",)), ("mod", S, ("mod",)),
        ("anchor", S, ("anchor",))]),
    "events": ("events", [
        ("event_id", S, ("id",)), ("type", S, ("type",)), ("mode", S, ("mode",)),
        ("cameo", S, ("cameo",)), ("trigger_start", I, ("trigger", "start")),
        ("trigger_end", I, ("trigger", "end")), ("trigger_text", S, None),
        ("sentence", I, ("sentence",))]
        + _nested("actor", _PARTICIPANT) + _nested("target", _PARTICIPANT) + [
        ("date", S, ("date",)), ("timex_id", S, ("timex",)),
        ("location_entity", S, ("location", "entity")), ("location_country", S, ("location", "country")),
        ("quote_id", S, ("quote",)), ("confidence", F, ("confidence",)),
        ("quad_class", I, ("quad_class",)), ("goldstein", F, ("goldstein",)),
        ("co_actors", JSON, ("co_actors",)), ("co_targets", JSON, ("co_targets",)),
        ("mentions", JSON, ("mentions",))]),
    "claims": ("claims", [("claim_id", S, ("id",))] + _SPAN + _TEXT + [
        ("score", F, ("score",)), ("check_worthy", B, ("check_worthy",)),
        ("speaker_entity", S, ("speaker",)), ("quote_id", S, ("quote",))]),
    "techniques": ("techniques", [("technique_id", S, ("id",))] + _SPAN + _TEXT + [
        ("technique", S, ("technique",)), ("score", F, ("score",))]),
    "sources": ("sources", [("source_id", S, ("id",))] + _SPAN + _TEXT + [
        ("kind", S, ("kind",)), ("name", S, ("name",)), ("domain", S, ("domain",)),
        ("url", S, ("url",)), ("country", S, ("country",)),
        ("state_affiliated", B, ("state_affiliated",)), ("entity_id", S, ("entity",))]
        + _nested("cue", _CUE)
        + _nested("rating", [("score", F), ("label", S), ("dataset", S), ("level", S), ("bias", S)])
        + [("ratings", JSON, ("ratings",))]),
}

ARTICLE_COLUMNS: list[tuple[str, Any]] = [
    ("schema", S), ("url", S), ("title", S), ("published", S), ("language", S),
    ("outlet_domain", S), ("outlet_name", S), ("text", S), ("tone", F), ("failed", B),
    ("error", S), ("errors", JSON), ("profile", JSON),
]

TABLES: tuple[str, ...] = ("articles", "segments", "sentences", "entities", "mentions", "quotes",
                           "timexes", "events", "claims", "techniques", "sources")

_ARTICLE_KEYS = frozenset({"schema", "id", "url", "title", "published", "language", "outlet",
                           "text", "tone", "errors", "profile"} | {v[0] for v in LAYER_COLUMNS.values()})


def _arrow_type(kind: Any) -> pa.DataType:
    return S if kind == JSON else kind


def _columns(table: str) -> list[tuple[str, Any]]:
    if table == "articles":
        return [("id", S)] + ARTICLE_COLUMNS + [("extra", JSON)]
    if table not in LAYER_COLUMNS:
        raise KeyError(f"unknown table {table!r}; the tables are {', '.join(TABLES)}")
    return [("id", S), ("idx", I)] + [(c, k) for c, k, _ in LAYER_COLUMNS[table][1]] + [("extra", JSON)]


_SCHEMAS = {t: pa.schema([pa.field(c, _arrow_type(k)) for c, k in _columns(t)]) for t in TABLES}
_HAS_TEXT = frozenset(t for t, (_, spec) in LAYER_COLUMNS.items() if ("text", S, None) in spec)
_JSON_COLUMNS = {t: frozenset(c for c, k in _columns(t) if k == JSON) for t in TABLES}


def arrow_schema(table: str) -> pa.Schema:
    """The fixed Arrow schema of ``table`` (one of ``TABLES``)."""
    if table not in _SCHEMAS:
        raise KeyError(f"unknown table {table!r}; the tables are {', '.join(TABLES)}")
    return _SCHEMAS[table]


def _dumps(value: Any) -> str | None:
    return None if value is None else json.dumps(value, ensure_ascii=False)


def _span_text(text: str, start: Any, end: Any) -> str | None:
    if isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= len(text):
        return text[start:end]
    return None


def _flatten(item: dict, table: str, text: str) -> dict:
    """One layer item as a row (without ``id``/``idx``)."""
    row: dict[str, Any] = {}
    covered: dict[str, set | None] = {"mentions": None} if table == "entities" else {}
    for column, kind, path in LAYER_COLUMNS[table][1]:
        if path is None:
            continue
        value = item.get(path[0])
        if len(path) == 2:
            covered.setdefault(path[0], set()).add(path[1])
            value = value.get(path[1]) if isinstance(value, dict) else None
        else:
            covered[path[0]] = None
        row[column] = _dumps(value) if kind == JSON else value
    if table in _HAS_TEXT:
        row["text"] = _span_text(text, item.get("start"), item.get("end"))
    row["extra"] = _extra(item, covered)
    return row


def _extra(item: dict, covered: dict[str, set | None]) -> str | None:
    """What ``item`` holds beyond its columns (unknown keys; nested objects with unknown keys)."""
    extra = {}
    for key, value in item.items():
        if key not in covered:
            extra[key] = value
        elif covered[key] is not None and value is not None and (
                not isinstance(value, dict) or set(value) - covered[key]):
            extra[key] = value
    return _dumps(extra) if extra else None


def _article_row(record: dict) -> dict:
    outlet = record.get("outlet") if isinstance(record.get("outlet"), dict) else {}
    errors = record.get("errors") or []
    reasons = [e.get("message") for e in errors if isinstance(e, dict) and e.get("layer") == "input"]
    tone = record.get("tone") if isinstance(record.get("tone"), dict) else None
    extra = {k: v for k, v in record.items() if k not in _ARTICLE_KEYS}
    if "outlet" in record and record["outlet"] is not None and set(record["outlet"]) - {"domain", "name"}:
        extra["outlet"] = record["outlet"]
    if not _tone_fits(record):
        extra["tone"] = record.get("tone")
    text = record.get("text") or ""
    return {
        "id": record.get("id"), "schema": record.get("schema"), "url": record.get("url"),
        "title": record.get("title"), "published": record.get("published"),
        "language": record.get("language"), "outlet_domain": outlet.get("domain"),
        "outlet_name": outlet.get("name"), "text": text,
        "tone": tone.get("score") if tone else None,
        "failed": bool(reasons) or not text.strip(), "error": reasons[0] if reasons else None,
        "errors": _dumps(errors), "profile": _dumps(record.get("profile")),
        "extra": _dumps(extra) if extra else None,
    }


def _tone_fits(record: dict) -> bool:
    """Whether the record's tone is exactly ``score`` + one value per sentence (kept in columns)."""
    tone = record.get("tone")
    if not isinstance(tone, dict) or set(tone) != {"score", "sentences"}:
        return False
    return len(tone.get("sentences") or []) == len(record.get("sentences") or [])


def record_tables(record: dict) -> dict[str, list[dict]]:
    """Rows per table (every name of ``TABLES``, possibly empty) for one record dict."""
    text = record.get("text") or ""
    article_id = record.get("id")
    tables: dict[str, list[dict]] = {"articles": [_article_row(record)]}
    for table, (layer, _spec) in LAYER_COLUMNS.items():
        items = record.get(layer) or []
        if table == "mentions":
            tables[table] = _mention_rows(items, article_id, text)
            continue
        rows = []
        for idx, item in enumerate(items):
            row = {"id": article_id, "idx": idx, **_flatten(item, table, text)}
            rows.append(row)
        tables[table] = rows
    _derive(record, tables, text)
    return {t: tables[t] for t in TABLES}


def _mention_rows(entities: list[dict], article_id: Any, text: str) -> list[dict]:
    rows = []
    for entity in entities:
        for idx, mention in enumerate(entity.get("mentions") or []):
            row = {"id": article_id, "idx": idx, "entity_id": entity.get("id"),
                   "start": mention.get("start"), "end": mention.get("end"),
                   "text": _span_text(text, mention.get("start"), mention.get("end"))}
            extra = {k: v for k, v in mention.items() if k not in ("start", "end")}
            row["extra"] = _dumps(extra) if extra else None
            rows.append(row)
    return rows


def _derive(record: dict, tables: dict[str, list[dict]], text: str) -> None:
    """Fill the derived columns: sentence tone, mention counts, trigger text."""
    tone = record.get("tone") or {}
    fits = _tone_fits(record)
    for idx, row in enumerate(tables["sentences"]):
        row["tone"] = tone["sentences"][idx] if fits else None
    for row, entity in zip(tables["entities"], record.get("entities") or []):
        row["mention_count"] = len(entity.get("mentions") or [])
    for row in tables["events"]:
        row["trigger_text"] = _span_text(text, row.get("trigger_start"), row.get("trigger_end"))


def arrow_table(table: str, rows: list[dict]) -> pa.Table:
    """``rows`` of ``table`` as an Arrow table with its fixed schema."""
    return pa.Table.from_pylist(rows, schema=arrow_schema(table))


# -- back to records -----------------------------------------------------------------------
from .table_records import table_records  # noqa: E402  (re-exported; needs the specs above)

__all__ = ["TABLES", "LAYER_COLUMNS", "arrow_schema", "arrow_table", "record_tables", "table_records"]
