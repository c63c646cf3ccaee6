"""Segments: non-body parts are styled and carry a bracketed label; a one-line summary."""
from __future__ import annotations

from collections import Counter

from rich.text import Text

from ...document import Document
from . import Highlight, highlighter, panel

STYLE = {
    "title": "bold", "byline": "italic", "dateline": "italic", "lede": "", "body": "",
    "related": "magenta", "sources": "cyan", "caption": "dim italic", "boilerplate": "dim",
}


@highlighter(order=10)
def segment_parts(doc: Document):
    for seg in doc.segments:
        if seg.type in ("body", "lede"):
            continue
        yield Highlight(seg.start, seg.end, STYLE[seg.type], open_label=f"⟦{seg.type}⟧ ",
                        label_style=STYLE[seg.type] + " reverse")


@panel(order=10)
def segment_summary(doc: Document) -> Text | None:
    counts = Counter(seg.type for seg in doc.segments)
    if not counts:
        return None
    return Text("parts: " + ", ".join(f"{t} ×{n}" for t, n in counts.items()), style="dim")
