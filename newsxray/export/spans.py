"""A record's layers as labelled spans and relations, for the annotation formats (brat, Label Studio).

Each span: ``{"key", "layer", "label", "start", "end", "attrs", "note"}``; ``key`` is unique in
the record (``E1.m0`` a mention of entity E1, ``Q1`` a quote, ``Q1.speaker`` its speaker
mention, ``Q1.cue`` its cue). Relations: ``(label, from_key, to_key)``: ``SaidBy`` quote →
speaker, ``HasCue`` quote → cue. Spans outside the text are left out.
"""
from __future__ import annotations

from typing import Any, Iterator

ANNOTATED = ("entities", "quotes", "timexes", "events", "claims", "techniques", "sources")


def _span(key: str, layer: str, label: str, item: Any, text_len: int, attrs: dict | None = None,
          note: str | None = None) -> dict | None:
    if not isinstance(item, dict):
        return None
    start, end = item.get("start"), item.get("end")
    if not (isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= text_len):
        return None
    return {"key": key, "layer": layer, "label": label, "start": start, "end": end,
            "attrs": {k: v for k, v in (attrs or {}).items() if v not in (None, False)}, "note": note}


def _entities(items: list, n: int) -> Iterator[dict | None]:
    for e in items:
        for m, mention in enumerate(e.get("mentions") or []):
            yield _span(f"{e.get('id')}.m{m}", "entities", e.get("type") or "OTHER", mention, n,
                        {"Country": e.get("country")}, f"{e.get('id')} {e.get('name')}")


def _quotes(items: list, n: int, relations: list) -> Iterator[dict | None]:
    for q in items:
        key = str(q.get("id"))
        quote = _span(key, "quotes", "Quote", q, n, {"QuoteKind": q.get("kind")})
        yield quote
        for part, label, relation in (("speaker", "Speaker", "SaidBy"), ("cue", "Cue", "HasCue")):
            sub = _span(f"{key}.{part}", "quotes", label, q.get(part), n,
                        note=(q.get(part) or {}).get("entity") if part == "speaker" else None)
            if sub is not None and quote is not None:
                relations.append((relation, key, sub["key"]))
            yield sub


def _others(layer: str, items: list, n: int) -> Iterator[dict | None]:
    for item in items:
        key = str(item.get("id"))
        if layer == "timexes":
            value = item.get("value") + (f" mod={item['mod']}" if item.get("mod") else "") if item.get("value") else None
            yield _span(key, layer, "Timex", item, n, {"TimexType": item.get("type")}, value)
        elif layer == "events":
            actor = (item.get("actor") or {}).get("text")
            target = (item.get("target") or {}).get("text")
            yield _span(key, layer, item.get("type") or "EVENT", item.get("trigger"), n,
                        note=f"{actor} → {target} (CAMEO {item.get('cameo')})")
        elif layer == "claims":
            yield _span(key, layer, "Claim", item, n, {"CheckWorthy": bool(item.get("check_worthy"))},
                        f"score {item.get('score')}")
        elif layer == "techniques":
            yield _span(key, layer, item.get("technique") or "Technique", item, n, note=f"score {item.get('score')}")
        elif layer == "sources":
            rating = (item.get("rating") or {}).get("label")
            yield _span(key, layer, "Source", item, n, {"SourceKind": item.get("kind")},
                        " ".join(str(x) for x in (item.get("name"), item.get("domain"), rating) if x))


def labelled(record: dict, layers: frozenset[str] | None = None) -> tuple[list[dict], list[tuple[str, str, str]]]:
    """The record's spans (in layer order, then by start) and relations."""
    n = len(record.get("text") or "")
    spans: list[dict | None] = []
    relations: list[tuple[str, str, str]] = []
    for layer in ANNOTATED:
        if layers is not None and layer not in layers:
            continue
        items = [i for i in record.get(layer) or [] if isinstance(i, dict)]
        if layer == "entities":
            spans += _entities(items, n)
        elif layer == "quotes":
            spans += _quotes(items, n, relations)
        else:
            spans += _others(layer, items, n)
    kept = [s for s in spans if s is not None]
    keys = {s["key"] for s in kept}
    return kept, [r for r in relations if r[1] in keys and r[2] in keys]
