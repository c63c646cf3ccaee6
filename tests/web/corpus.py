"""Hand-built records for the web tests (no model): small articles written for these tests,
with layers whose spans are found in the text, so the corpus functions have something to show."""
from __future__ import annotations

import re

ENTITIES = {  # surface -> (name, type, country, sector)
    "Beijing": ("China", "GPE", "CHN", None), "China": ("China", "GPE", "CHN", None),
    "Tokyo": ("Japan", "GPE", "JPN", None), "Japan": ("Japan", "GPE", "JPN", None),
    "Lena Marsh": ("Lena Marsh", "PERSON", "JPN", "GOV"), "Marsh": ("Lena Marsh", "PERSON", "JPN", "GOV"),
    "Wei Tong": ("Wei Tong", "PERSON", "CHN", "DIP"), "Harbour Council": ("Harbour Council", "ORG", None, "NGO"),
}


def _spans(text: str, needle: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in re.finditer(r"\b" + re.escape(needle) + r"\b", text)]


def _first(text: str, needle: str) -> dict:
    start = text.index(needle)
    return {"start": start, "end": start + len(needle)}


def _entities(text: str) -> tuple[list[dict], dict[str, str]]:
    by_name: dict[str, dict] = {}
    for surface, (name, etype, country, sector) in ENTITIES.items():
        spans = _spans(text, surface)
        if not spans:
            continue
        ent = by_name.setdefault(name, {"id": None, "name": name, "type": etype, "country": country,
                                        "sector": sector, "description": None, "mentions": []})
        taken = [(m["start"], m["end"]) for e in by_name.values() for m in e["mentions"]]
        ent["mentions"] += [{"start": s, "end": e} for s, e in spans
                            if not any(a <= s and e <= b for a, b in taken)]
    ents = sorted(by_name.values(), key=lambda e: min(m["start"] for m in e["mentions"]))
    ids = {}
    for n, ent in enumerate(ents, 1):
        ent["id"] = f"E{n}"
        ent["mentions"].sort(key=lambda m: m["start"])
        ids[ent["name"]] = ent["id"]
    return ents, ids


def _participant(text: str, surface: str, ids: dict) -> dict:
    name, _, country, sector = ENTITIES[surface]
    return {**_first(text, surface), "entity": ids.get(name), "country": country, "sector": sector, "text": surface}


def record(id: str, title: str, body: str, *, published: str, outlet: str | None = None,
           quote: tuple[str, str] | None = None, event: tuple[str, str, str, str] | None = None,
           claim: str | None = None, technique: tuple[str, str] | None = None,
           source: tuple[str, str, str | None, bool] | None = None, timex: tuple[str, str] | None = None) -> dict:
    """A record: ``quote`` (content, speaker surface), ``event`` (trigger, type, actor, target),
    ``technique`` (span, name), ``source`` (span, domain, rating level, state-affiliated), ``timex`` (span, value)."""
    text = f"{title}\n{body}"
    ents, ids = _entities(text)
    rec = {"schema": "newsxray/1", "id": id, "url": f"https://{outlet}/{id}" if outlet else None, "title": title,
           "published": published, "language": "en", "outlet": {"domain": outlet, "name": None} if outlet else None,
           "text": text, "segments": [{"start": 0, "end": len(title), "type": "title"},
                                      {"start": len(title) + 1, "end": len(text), "type": "lede"}],
           "sentences": [{"start": len(title) + 1, "end": len(text)}], "entities": ents, "quotes": [],
           "timexes": [], "events": [], "claims": [], "techniques": [], "sources": [], "errors": []}
    if quote:
        sp = _participant(text, quote[1], ids)
        rec["quotes"].append({**_first(text, quote[0]), "id": "Q1", "kind": "direct",
                              "speaker": {k: sp[k] for k in ("start", "end", "entity", "text")},
                              "cue": {**_first(text, "said"), "text": "said"} if "said" in text else None})
    if event:
        trigger, etype, actor, target = event
        rec["events"].append({"id": "EV1", "type": etype, "mode": None, "cameo": "112", "trigger": _first(text, trigger),
                              "sentence": 0, "actor": _participant(text, actor, ids),
                              "target": _participant(text, target, ids), "date": published[:10], "timex": None,
                              "location": None, "quote": None, "confidence": 0.9, "quad_class": 3, "goldstein": -2.0})
    if claim:
        rec["claims"].append({**_first(text, claim), "id": "C1", "score": 0.93, "check_worthy": True,
                              "speaker": None, "quote": None})
    if technique:
        rec["techniques"].append({**_first(text, technique[0]), "id": "T1", "technique": technique[1], "score": 0.7})
    if source:
        span, domain, level, state = source
        rating = {"score": 0.3, "label": level, "dataset": "test", "level": level, "bias": None} if level else None
        rec["sources"].append({**_first(text, span), "id": "S1", "kind": "attribution", "name": span, "domain": domain,
                               "rating": rating, "country": None, "state_affiliated": state, "entity": None,
                               "cue": None, "ratings": [rating] if rating else [], "url": None})
    if timex:
        rec["timexes"].append({**_first(text, timex[0]), "id": "T1", "type": "DATE", "value": timex[1], "mod": None,
                               "anchor": None})
    return rec


def corpus() -> list[dict]:
    return [
        record("a1", "Beijing accuses Tokyo over harbour drills",
               "China accused Japan on Monday of staging provocative drills near the harbour. "
               "Wei Tong said the drills were a threat to peace, according to Xinhua. "
               "Officials counted 40 warships in the area last week.",
               published="2023-08-07", outlet="wire.example",
               quote=("the drills were a threat to peace", "Wei Tong"), event=("accused", "ACCUSE", "China", "Japan"),
               claim="Officials counted 40 warships in the area last week.",
               technique=("provocative", "Loaded_Language"), source=("Xinhua", "xinhua.net", "mixed", True),
               timex=("Monday", "2023-08-07")),
        record("a2", "Tokyo rejects Beijing claims about drills",
               "Japan rejected the claims by China on Tuesday. Lena Marsh said the exercise was routine "
               "and planned months ago. Marsh met the Harbour Council.",
               published="2023-08-08", outlet="daily.example",
               quote=("the exercise was routine", "Lena Marsh"), event=("rejected", "REJECT", "Japan", "China"),
               claim="Lena Marsh said the exercise was routine and planned months ago.",
               source=("the Harbour Council", None, None, False)),
        record("a3", "Harbour Council calls for calm between Japan and China",
               "The Harbour Council urged China and Japan to talk. Marsh welcomed the call, and "
               "Wei Tong said Beijing was open to dialogue.",
               published="2023-08-09", outlet="wire.example",
               quote=("Beijing was open to dialogue", "Wei Tong"), event=("urged", "REQUEST", "Harbour Council", "China"),
               source=("The Harbour Council", "harbour.example", "high", False)),
    ]
