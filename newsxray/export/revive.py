"""A stored record back as a ``Document`` with the layers the event exporters read
(sentences, entities, events), so that ``gdelt``/``plover`` exports reuse the very code of
``newsxray analyze --format gdelt|plover``."""
from __future__ import annotations

from typing import Any

from ..document import Document, Entity, Event, Location, Mention, Outlet, Participant, Sentence, Trigger


def _trigger(span: Any) -> Trigger:
    span = span if isinstance(span, dict) else {}
    return Trigger(start=span.get("start") or 0, end=span.get("end") or 0)


def _participant(p: Any) -> Participant | None:
    if not isinstance(p, dict):
        return None
    return Participant(start=p.get("start") or 0, end=p.get("end") or 0, entity=p.get("entity"),
                       country=p.get("country"), sector=p.get("sector"), text=p.get("text"))


def _event(e: dict) -> Event:
    loc = e.get("location")
    return Event(
        id=e.get("id") or "", type=e.get("type"), mode=e.get("mode"), cameo=e.get("cameo"),
        trigger=_trigger(e.get("trigger")), sentence=e.get("sentence") if isinstance(e.get("sentence"), int) else -1,
        actor=_participant(e.get("actor")), target=_participant(e.get("target")), date=e.get("date"),
        timex=e.get("timex"), location=Location(entity=loc.get("entity"), country=loc.get("country"))
        if isinstance(loc, dict) else None, quote=e.get("quote"), confidence=e.get("confidence") or 0.0,
        co_actors=tuple(p for p in map(_participant, e.get("co_actors") or []) if p),
        co_targets=tuple(p for p in map(_participant, e.get("co_targets") or []) if p),
        mentions=tuple(_trigger(m) for m in e.get("mentions") or []),
        quad_class=e.get("quad_class"), goldstein=e.get("goldstein"))


def _entity(e: dict) -> Entity:
    return Entity(id=e.get("id"), name=e.get("name"), type=e.get("type"), country=e.get("country"),
                  sector=e.get("sector"), description=e.get("description"),
                  mentions=tuple(Mention(start=m["start"], end=m["end"]) for m in e.get("mentions") or []))


def document(record: dict) -> Document:
    outlet = record.get("outlet")
    doc = Document(text=record["text"], id=record.get("id"), url=record.get("url"), title=record.get("title"),
                   published=record.get("published"), language=record.get("language") or "en",
                   outlet=Outlet(domain=outlet.get("domain"), name=outlet.get("name"))
                   if isinstance(outlet, dict) else None)
    doc.set_layer("sentences", [Sentence(start=s["start"], end=s["end"]) for s in record.get("sentences") or []])
    doc.set_layer("entities", [_entity(e) for e in record.get("entities") or []])
    doc.set_layer("events", [_event(e) for e in record.get("events") or []])
    return doc
