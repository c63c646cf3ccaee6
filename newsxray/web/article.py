"""What the article page shows beside the highlighted text: its side panels.

``article_context(record)`` gives the highlighted HTML and, per panel, rows of plain values
(templates escape them): quotes grouped by speaker, events as who–what–whom–when, claims
ranked by check-worthiness, sources with their ratings, techniques with their definitions,
entities by number of mentions, and the dates with their resolved values.
"""
from __future__ import annotations

from urllib.parse import urlsplit

from ..techniques_info import INFO
from .highlight import marks_of, render, speaker_colours, speaker_names

LAYERS = (("segments", "Parts"), ("entities", "Entities"), ("quotes", "Quotes"), ("timexes", "Dates"),
          ("events", "Events"), ("claims", "Claims"), ("techniques", "Techniques"), ("sources", "Sources"))


def safe_url(url: object) -> str | None:
    """``url`` if it is an absolute http(s) URL (anything else, ``javascript:`` and ``data:`` included, is dropped)."""
    if not isinstance(url, str):
        return None
    url = url.strip()
    if any(ord(c) < 33 for c in url):
        return None
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    return url if parts.scheme.lower() in ("http", "https") and parts.netloc else None


def _excerpt(text: str, item: dict | None, limit: int = 300) -> str:
    if not item or not isinstance(item.get("start"), int) or not isinstance(item.get("end"), int):
        return ""
    piece = " ".join(text[item["start"]:item["end"]].split())
    return piece if len(piece) <= limit else piece[:limit - 1] + "…"


def quotes_panel(record: dict) -> list[dict]:
    text, names, colours = record.get("text") or "", speaker_names(record), speaker_colours(record)
    groups: dict[str, dict] = {}
    for q in record.get("quotes") or []:
        name = names.get(q.get("id"), "unattributed")
        group = groups.setdefault(name, {"speaker": name, "colour": colours.get(name, 0), "quotes": []})
        group["quotes"].append({"id": q.get("id"), "kind": q.get("kind"), "text": _excerpt(text, q),
                                "cue": (q.get("cue") or {}).get("text")})
    return sorted(groups.values(), key=lambda g: -len(g["quotes"]))


def _who(part: dict | None, names: dict) -> str:
    if not part:
        return "—"
    name = names.get(part.get("entity")) or part.get("text") or part.get("country") or "?"
    extra = "/".join(x for x in (part.get("country"), part.get("sector")) if x)
    return f"{name} ({extra})" if extra else name


def events_panel(record: dict) -> list[dict]:
    text = record.get("text") or ""
    names = {e.get("id"): e.get("name") for e in record.get("entities") or []}
    rows = []
    for ev in record.get("events") or []:
        rows.append({"id": ev.get("id"), "who": _who(ev.get("actor"), names), "what": ev.get("type"),
                     "cameo": ev.get("cameo"), "trigger": _excerpt(text, ev.get("trigger")),
                     "whom": _who(ev.get("target"), names), "when": ev.get("date") or "—",
                     "goldstein": ev.get("goldstein"), "confidence": ev.get("confidence")})
    return rows


def claims_panel(record: dict) -> list[dict]:
    text = record.get("text") or ""
    names = {e.get("id"): e.get("name") for e in record.get("entities") or []}
    rows = [{"id": c.get("id"), "score": float(c.get("score") or 0.0), "check_worthy": bool(c.get("check_worthy")),
             "speaker": names.get(c.get("speaker")) or c.get("speaker"), "text": _excerpt(text, c)}
            for c in record.get("claims") or []]
    return sorted(rows, key=lambda r: -r["score"])


def sources_panel(record: dict) -> list[dict]:
    rows = []
    for s in record.get("sources") or []:
        rating = s.get("rating") or {}
        rows.append({"id": s.get("id"), "kind": s.get("kind"), "name": s.get("name"), "domain": s.get("domain"),
                     "url": safe_url(s.get("url")), "state": bool(s.get("state_affiliated")),
                     "country": s.get("country"), "level": rating.get("level"), "label": rating.get("label"),
                     "score": rating.get("score"), "dataset": rating.get("dataset")})
    return rows


def techniques_panel(record: dict) -> list[dict]:
    text, rows = record.get("text") or "", []
    for t in record.get("techniques") or []:
        ti = INFO.get(t.get("technique"))
        rows.append({"id": t.get("id"), "technique": t.get("technique"), "label": ti.label if ti else t.get("technique"),
                     "definition": ti.definition if ti else "", "score": t.get("score"), "text": _excerpt(text, t)})
    return rows


def entities_panel(record: dict) -> list[dict]:
    rows = [{"id": e.get("id"), "name": e.get("name"), "type": e.get("type"), "country": e.get("country"),
             "sector": e.get("sector"), "description": e.get("description"), "mentions": len(e.get("mentions") or [])}
            for e in record.get("entities") or []]
    return sorted(rows, key=lambda r: -r["mentions"])


def timexes_panel(record: dict) -> list[dict]:
    text = record.get("text") or ""
    return [{"id": t.get("id"), "text": _excerpt(text, t), "type": t.get("type"), "value": t.get("value"),
             "mod": t.get("mod")} for t in record.get("timexes") or []]


def article_context(record: dict) -> dict:
    """Everything the article template needs."""
    present = {name for name, _ in LAYERS if record.get(name)}
    return {
        "record": record, "url": safe_url(record.get("url")),
        "html": render(record.get("text") or "", marks_of(record)),
        "layers": [(name, label, name in present) for name, label in LAYERS],
        "quotes": quotes_panel(record), "events": events_panel(record), "claims": claims_panel(record),
        "sources": sources_panel(record), "techniques": techniques_panel(record),
        "entities": entities_panel(record), "timexes": timexes_panel(record),
        "profile": record.get("profile"), "tone": record.get("tone"), "errors": record.get("errors") or [],
    }
