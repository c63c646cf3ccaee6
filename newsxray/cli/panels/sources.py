"""Sources: cited names are boxed in double-angle marks with their id and kind; a table of
sources with their ratings, and the outlet profile of the article."""
from __future__ import annotations

from rich.console import Group
from rich.table import Table
from rich.text import Text

from ...document import Document, Source
from . import Highlight, highlighter, panel

KIND_TAG = {"attribution": "cited", "link": "link", "listed": "listed"}


@highlighter(order=60)
def source_spans(doc: Document):
    for src in doc.layer("sources"):
        style = "bold reverse" if src.state_affiliated else "bold"
        state = " STATE" if src.state_affiliated else ""
        yield Highlight(src.start, src.end, style, open_label="«",
                        close_label=f"» [{KIND_TAG.get(src.kind, src.kind)} {src.id}{state}]")
        if src.cue is not None and (src.cue.end <= src.start or src.cue.start >= src.end):
            yield Highlight(src.cue.start, src.cue.end, "italic underline")


def _rating(src: Source) -> str:
    r = src.rating
    if r is None:
        return "unrated"
    score = "" if r.score is None else f"{r.score:.2f}"
    return " ".join(p for p in (score, r.level or r.label or "") if p) or "rated"


def _owner(src: Source) -> str:
    if src.state_affiliated:
        return f"STATE {src.country or '?'}"
    return src.country or ""


@panel(order=60)
def source_table(doc: Document) -> Group | None:
    sources = doc.layer("sources")
    if not sources:
        return None
    table = Table("id", "kind", "source", "domain", "country", "rating", title="Sources", title_justify="left")
    for src in sources:
        kind = f"{src.kind}: {src.cue.text}" if src.cue else src.kind
        table.add_row(src.id, kind, src.name, src.domain or "", _owner(src), _rating(src))
    parts = [table]
    if doc.profile is not None:
        parts.append(profile_text(doc))
    return Group(*parts)


def profile_text(doc: Document) -> Text:
    """One line per fact of the outlet profile."""
    p = doc.profile
    kinds = ", ".join(f"{k} {n}" for k, n in p.by_kind.items() if n)
    levels = ", ".join(f"{k} {n}" for k, n in p.by_level.items() if n)
    lines = [f"profile: {p.sources} source(s) from {p.outlets} outlet(s): {kinds or 'none'}",
             f"  rating levels (per outlet): {levels or 'none'}"
             + (f"  [datasets: {', '.join(p.datasets)}]" if p.datasets else "  [no ratings loaded: --ratings FILE]")]
    if p.state_affiliated:
        lines.append(f"  cites state-affiliated media: {', '.join(p.state_affiliated)} "
                     f"({', '.join(p.state_countries) or 'country unknown'})")
    else:
        lines.append("  cites no state-affiliated media the list knows")
    return Text("\n".join(lines), style="dim")
