"""Timexes: each expression is underlined in italics with its TIMEX3 value after it; a
table lists them with type, value, mod and the timex each one was anchored to."""
from __future__ import annotations

from rich.table import Table

from ...document import Document
from . import Highlight, highlighter, panel

STYLE = {"DATE": "italic underline cyan", "TIME": "italic underline cyan", "DURATION": "italic underline",
         "SET": "italic underline"}


@highlighter(order=30)
def timex_spans(doc: Document):
    for t in doc.layer("timexes"):
        mod = f" {t.mod}" if t.mod else ""
        yield Highlight(t.start, t.end, STYLE.get(t.type, "italic underline"),
                        close_label=f"⟨{t.value}{mod}⟩", label_style="dim cyan")


@panel(order=30)
def timex_table(doc: Document) -> Table | None:
    timexes = doc.layer("timexes")
    if not timexes:
        return None
    table = Table("id", "text", "type", "value", "mod", "anchor", title="Time expressions",
                  title_justify="left")
    for t in timexes:
        table.add_row(t.id, doc.text[t.start:t.end], t.type, t.value, t.mod or "", t.anchor or "")
    return table
