"""Claims: check-worthy statements between ⌈ ⌉ with their id and score (and speaker, when
quoted); a table of them, most check-worthy first."""
from __future__ import annotations

from rich.console import Group
from rich.table import Column, Table
from rich.text import Text

from ...document import Claim, Document
from . import Highlight, highlighter, panel

SHOWN = 110  # characters of claim text shown in the table


def _speaker(names: dict[str, str], claim: Claim) -> str:
    if claim.speaker is None:
        return ""
    return f"{names.get(claim.speaker, claim.speaker)} [{claim.speaker}]"


@highlighter(order=50)
def claim_spans(doc: Document):
    for c in doc.layer("claims"):
        if c.check_worthy:
            who = f" ← {c.speaker}" if c.speaker else ""
            yield Highlight(c.start, c.end, "", open_label="⌈",
                            close_label=f"⌉[{c.id} check-worthy {c.score:.2f}{who}]", label_style="dim green")


def _excerpt(doc: Document, claim: Claim) -> str:
    body = " ".join(doc.text[claim.start:claim.end].split())
    return body if len(body) <= SHOWN else body[:SHOWN - 1] + "…"


@panel(order=50)
def claim_table(doc: Document) -> Group | None:
    claims = doc.layer("claims")
    if not claims:
        return None
    flagged = sorted((c for c in claims if c.check_worthy), key=lambda c: -c.score)
    names = {e.id: e.name for e in doc.entities}
    note = Text(f"{len(flagged)} of {len(claims)} statements are check-worthy (score: calibrated chance that "
                "fact-checking annotators would call the statement a check-worthy factual claim)", style="dim")
    if not flagged:
        return Group(note)
    table = Table("id", "score", Column("speaker", max_width=20), "quote", Column("claim", ratio=1),
                  title="Check-worthy claims", title_justify="left")
    for c in flagged:
        table.add_row(c.id, f"{c.score:.2f}", _speaker(names, c), c.quote or "", _excerpt(doc, c))
    return Group(table, note)
