"""Event exports: GDELT-style rows and PLOVER JSON records.

``gdelt_rows(doc)`` gives one row per actor-target pair of each event (GDELT is dyadic: a
compound actor "A and B" makes two rows), with GDELT 2.0 column names where GDELT has the
column: day, actor codes (country + sector, CAMEO style), names and countries, the event,
base and root codes, the quad class, the Goldstein-scale intensity, the number of reports
merged into the event, the place and the source URL; newsxray adds the PLOVER type and
mode, the TIMEX3 date, the confidence and the trigger. Country codes are ISO 3166-1
alpha-3 (CAMEO's own country codes mostly coincide with them).

``plover_records(doc)`` gives one PLOVER JSON object per event (PLOVER manual, chapter 6,
field names with underscores): compound actors stay lists, as PLOVER wants.
"""
from __future__ import annotations

import re
from typing import Any

from ..document import Document, Event, Participant
from .codes import QUAD, cameo_quad, goldstein, plover_score

GDELT_COLUMNS: tuple[str, ...] = (
    "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "Actor1Code", "Actor1Name",
    "Actor1CountryCode", "Actor1Type1Code", "Actor2Code", "Actor2Name", "Actor2CountryCode",
    "Actor2Type1Code", "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass",
    "GoldsteinScale", "NumMentions", "ActionGeo_FullName", "ActionGeo_CountryCode", "DATEADDED",
    "SOURCEURL", "PloverType", "PloverMode", "EventDate", "Confidence", "Trigger", "DocumentId",
)
CODEBOOK = "PLOVER 0.8 (manual draft, 2021) / CAMEO 1.1b3"
_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")
_SAFE = re.compile(r"[\t\r\n]+")


def _clean(value: Any) -> str:
    if value is None:
        return ""
    return _SAFE.sub(" ", str(value))


def _name(doc: Document, p: Participant | None) -> str | None:
    if p is None:
        return None
    if p.entity:
        for ent in doc.entities:
            if ent.id == p.entity:
                return ent.name
    return p.text


def actor_code(p: Participant | None) -> str:
    """CAMEO-style actor code: country and sector ("CHNDIP"), "IGO" for bare IGOs."""
    if p is None:
        return ""
    country = p.country or ""
    sector = p.sector or ""
    if not country and sector == "IGO":
        return "IGO"
    return country + (sector if sector != "IGO" or country else "")


def event_day(doc: Document, event: Event) -> str | None:
    """The day of an event as YYYY-MM-DD: its own date when that is a day, else the
    publication day (what GDELT records)."""
    for value in (event.date, doc.published):
        m = _DAY.match(value or "")
        if m:
            return m.group()
    return None


def _place(doc: Document, event: Event) -> tuple[str | None, str | None]:
    loc = event.location
    if loc is None:
        return None, None
    name = next((e.name for e in doc.entities if e.id == loc.entity), None)
    return name, loc.country


def gdelt_rows(doc: Document) -> list[dict[str, str]]:
    rows = []
    for event in doc.layer("events"):
        day = (event_day(doc, event) or "").replace("-", "")
        place, place_country = _place(doc, event)
        actors = [event.actor, *event.co_actors] if event.actor else [None]
        targets = [event.target, *event.co_targets] if event.target else [None]
        pairs = [(a, t) for a in actors for t in targets]
        for k, (a, t) in enumerate(pairs):
            suffix = f".{k + 1}" if len(pairs) > 1 else ""
            row = {
                "GLOBALEVENTID": f"{doc.id}:{event.id}{suffix}", "SQLDATE": day,
                "MonthYear": day[:6], "Year": day[:4],
                "Actor1Code": actor_code(a), "Actor1Name": _name(doc, a),
                "Actor1CountryCode": a.country if a else None, "Actor1Type1Code": a.sector if a else None,
                "Actor2Code": actor_code(t), "Actor2Name": _name(doc, t),
                "Actor2CountryCode": t.country if t else None, "Actor2Type1Code": t.sector if t else None,
                "IsRootEvent": int(event.sentence == 0), "EventCode": event.cameo,
                "EventBaseCode": (event.cameo or "")[:3], "EventRootCode": (event.cameo or "")[:2],
                "QuadClass": cameo_quad(event.cameo), "GoldsteinScale": goldstein(event.cameo),
                "NumMentions": 1 + len(event.mentions), "ActionGeo_FullName": place,
                "ActionGeo_CountryCode": place_country,
                "DATEADDED": (doc.published or "")[:10].replace("-", ""), "SOURCEURL": doc.url,
                "PloverType": event.type, "PloverMode": event.mode, "EventDate": event.date,
                "Confidence": event.confidence,
                "Trigger": doc.text[event.trigger.start:event.trigger.end], "DocumentId": doc.id,
            }
            rows.append({k: _clean(v) for k, v in row.items()})
    return rows


def gdelt_tsv(doc: Document, *, header: bool) -> str:
    """The GDELT rows of ``doc`` as tab-separated lines (with the header line if asked)."""
    lines = ["\t".join(GDELT_COLUMNS)] if header else []
    lines += ["\t".join(row[c] for c in GDELT_COLUMNS) for row in gdelt_rows(doc)]
    return "".join(line + "\n" for line in lines)


def _entity(doc: Document, p: Participant) -> dict[str, Any]:
    return {"code": p.country or ("IGO" if p.sector == "IGO" else None), "sector": p.sector,
            "entity_text": p.text, "identifier_id": p.entity, "identifier_text": _name(doc, p),
            "start": p.start, "end": p.end}


def plover_record(doc: Document, event: Event, *, version: str) -> dict[str, Any]:
    place, place_country = _place(doc, event)
    actors = [event.actor, *event.co_actors] if event.actor else []
    targets = [event.target, *event.co_targets] if event.target else []
    sentences = doc.sentences
    sent = sentences[event.sentence] if 0 <= event.sentence < len(sentences) else None
    texts = [doc.text[t.start:t.end] for t in (event.trigger, *event.mentions)]
    return {
        "id": f"{doc.id}-{event.id}", "date": event_day(doc, event), "date_value": event.date,
        "actor": [_entity(doc, p) for p in actors], "recipient": [_entity(doc, p) for p in targets],
        "event": [event.type], "mode": [event.mode] if event.mode else [], "context": [],
        "event_loc": {"extracted_place": place, "country_code": place_country} if event.location else None,
        "event_text": texts, "quad_code": QUAD[event.type], "event_scale": plover_score(event.type),
        "cameo": event.cameo, "confidence": event.confidence, "quote": event.quote, "timex": event.timex,
        "text_info": {"sequence": event.sentence, "start": sent.start if sent else None,
                      "end": sent.end if sent else None,
                      "trigger": {"start": event.trigger.start, "end": event.trigger.end}},
        "cite_info": {"url": doc.url, "title": doc.title, "language": doc.language,
                      "publication": doc.outlet.name if doc.outlet else None,
                      "coder": f"newsxray {version}", "codebook": CODEBOOK},
        "coder": f"newsxray {version}",
    }


def plover_records(doc: Document) -> list[dict[str, Any]]:
    from .. import __version__

    return [plover_record(doc, e, version=__version__) for e in doc.layer("events")]
