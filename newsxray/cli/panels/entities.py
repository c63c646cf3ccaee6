"""The entities table."""
from __future__ import annotations

from rich.table import Table

from ...document import Document
from . import Highlight, highlighter, panel

STYLE = {"PERSON": "underline bold green", "ORG": "underline bold blue", "GPE": "underline bold yellow",
         "NORP": "underline yellow", "LOC": "underline yellow", "FAC": "underline", "EVENT": "underline",
         "OTHER": "underline"}
TAG = {"PERSON": "per", "ORG": "org", "GPE": "gpe", "NORP": "norp", "LOC": "loc", "FAC": "fac",
       "EVENT": "evt", "OTHER": "oth"}


@highlighter(order=20)
def entity_mentions(doc: Document):
    for ent in doc.entities:
        for m in ent.mentions:
            yield Highlight(m.start, m.end, STYLE[ent.type], close_label=f"[{TAG[ent.type]} {ent.id}]")


@panel(order=20)
def entity_table(doc: Document) -> Table | None:
    if not doc.entities:
        return None
    table = Table("id", "entity", "type", "country", "sector", "description", "mentions", title="Entities",
                  title_justify="left")
    for ent in doc.entities:
        table.add_row(ent.id, ent.name, ent.type, ent.country or "", ent.sector or "", ent.description or "",
                      str(len(ent.mentions)))
    return table
