"""Records to rows: what the store keeps of a ``Document`` or a record dict.

Every list-valued part of a record whose items are objects is a layer (``segments`` ...
``sources``, and any layer added later); each item becomes one ``layer_items`` row with its
span, a lookup ``key`` and its JSON. ``errors`` stays in the record only.
"""
from __future__ import annotations

import json
import re
from typing import Any, Callable

from ..document import Document, to_jsonable
from ..errors import StoreError

NOT_LAYERS = frozenset({"errors"})
_SPACE = re.compile(r"\s+")


def fold(name: Any) -> str | None:
    """The lookup form of a name: case-folded, spaces collapsed."""
    if not isinstance(name, str) or not name.strip():
        return None
    return _SPACE.sub(" ", name).strip().casefold()


def as_record(doc: Document | dict) -> dict:
    """The record of ``doc``, with any layer outside RECORD.md's list included."""
    if isinstance(doc, Document):
        record = doc.to_dict()
        for name, items in doc.layers.items():
            if name not in record and isinstance(items, list):
                record[name] = to_jsonable(items)
        if doc.hints.get("failed"):
            record["_failed"] = True
        return record
    if isinstance(doc, dict) and isinstance(doc.get("text"), str):
        return dict(doc)
    raise StoreError(f"cannot store a {type(doc).__name__}; give a Document or a record dict with 'text'")


def failure_reason(record: dict) -> str | None:
    """Why a record is a failed input (empty text, an ``input`` error), or None if it is not one."""
    if not record.pop("_failed", False) and record["text"].strip():
        return None
    for error in record.get("errors") or []:
        if isinstance(error, dict) and error.get("layer") == "input":
            return str(error.get("message"))
    return "empty text"


def stored_json(record: dict) -> str:
    """The record as stored: its text left out (kept once, in its own column)."""
    return json.dumps({**record, "text": None}, ensure_ascii=False)


def restore(record_json: str, text: str) -> dict:
    record = json.loads(record_json)
    record["text"] = text
    return record


def _speaker(item: dict) -> str | None:
    speaker = item.get("speaker")
    return fold(speaker.get("text")) if isinstance(speaker, dict) else None


KEYS: dict[str, Callable[[dict], str | None]] = {
    "entities": lambda item: fold(item.get("name")),
    "quotes": _speaker,
    "sources": lambda item: fold(item.get("domain") or item.get("name")),
    "claims": lambda item: "check_worthy" if item.get("check_worthy") else None,
}


def _generic_key(item: dict) -> str | None:
    for field in ("technique", "type", "value", "name"):
        if isinstance(item.get(field), str):
            return fold(item[field])
    return None


def _span(item: dict) -> tuple[int | None, int | None]:
    start, end = item.get("start"), item.get("end")
    if isinstance(start, int) and isinstance(end, int):
        return start, end
    return None, None


def layers_of(record: dict) -> dict[str, list[dict]]:
    return {name: value for name, value in record.items()
            if name not in NOT_LAYERS and isinstance(value, list) and value
            and all(isinstance(item, dict) for item in value)}


def layer_rows(record: dict, article: int) -> list[tuple]:
    """``(article, layer, idx, start, end, key, json)`` for every layer item of the record."""
    rows = []
    for name, items in layers_of(record).items():
        key_of = KEYS.get(name, _generic_key)
        for idx, item in enumerate(items):
            start, end = _span(item)
            rows.append((article, name, idx, start, end, key_of(item), json.dumps(item, ensure_ascii=False)))
    return rows


def passages(record: dict, layer: str) -> str:
    """The text of a layer's spans, one per line (what full-text search sees of quotes and claims)."""
    text = record["text"]
    parts = []
    for item in record.get(layer) or []:
        start, end = _span(item) if isinstance(item, dict) else (None, None)
        if start is not None and 0 <= start < end <= len(text):
            parts.append(text[start:end])
    return "\n".join(parts)


def outlet_of(record: dict) -> tuple[str | None, str | None]:
    outlet = record.get("outlet")
    if isinstance(outlet, dict):
        return outlet.get("domain"), outlet.get("name")
    return None, None
