"""The events table, and event triggers marked in the text."""
from __future__ import annotations

from rich.table import Table

from ...document import Document, Participant
from . import Highlight, highlighter, panel

STYLE = {1: "bold italic green", 2: "bold italic green", 3: "bold italic red", 4: "bold italic red"}


def _who(p: Participant | None, extra: tuple[Participant, ...] = ()) -> str:
    if p is None:
        return "-"
    names = [x.text or x.entity or "?" for x in (p, *extra)]
    code = "".join(c for c in (p.country, p.sector) if c)
    return " + ".join(names) + (f" ({code})" if code else "")


@highlighter(order=40)
def event_triggers(doc: Document):
    for ev in doc.layer("events"):
        style = STYLE.get(ev.quad_class or 0, "bold italic")
        yield Highlight(ev.trigger.start, ev.trigger.end, style, close_label=f"[{ev.id} {ev.type}]")
        for m in ev.mentions:
            yield Highlight(m.start, m.end, style, close_label=f"[={ev.id}]")


@panel(order=40)
def event_table(doc: Document) -> Table | None:
    events = doc.layer("events")
    if not events:
        return None
    table = Table("id", "event", "actor → target", "date", "place", "conf",
                  title="Events (PLOVER type/mode, CAMEO code)", title_justify="left")
    places = {e.id: e.name for e in doc.entities}
    for ev in events:
        place = places.get(ev.location.entity, ev.location.country or "") if ev.location else ""
        kind = ev.type + (f"/{ev.mode}" if ev.mode else "") + f" {ev.cameo or ''}"
        quote = f" (in {ev.quote})" if ev.quote else ""
        table.add_row(ev.id, kind, f"{_who(ev.actor, ev.co_actors)} → {_who(ev.target, ev.co_targets)}{quote}",
                      ev.date or "", place or "", f"{ev.confidence:.2f}")
    return table
