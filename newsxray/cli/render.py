"""``--format pretty``: the article in the terminal with its layers highlighted.

Highlights never rely on colour alone: segments other than the body carry a bracketed
label, entity mentions are underlined and followed by a small type tag. Each layer adds
its highlights and its panels (tables under the text) from a module of
``newsxray.cli.panels``; this module only assembles them.
"""
from __future__ import annotations

from rich.console import Console, Group
from rich.panel import Panel
from rich.rule import Rule
from rich.text import Text

from ..document import Document
from .panels import Highlight, load_highlighters, load_panels


def _header(doc: Document) -> Text:
    parts = [("id ", "dim"), (doc.id or "-", "")]
    for label, value in (("published", doc.published), ("url", doc.url), ("language", doc.language)):
        if value:
            parts += [(f"  {label} ", "dim"), (value, "")]
    if doc.outlet:
        parts += [("  outlet ", "dim"), (doc.outlet.name or doc.outlet.domain or "-", "")]
    return Text.assemble(*parts)


def _highlights(doc: Document) -> list[Highlight]:
    n = len(doc.text)
    return [h for make in load_highlighters() for h in make(doc) if 0 <= h.start < h.end <= n]


def article_text(doc: Document) -> Text:
    """The document text with every layer's highlights and labels."""
    text = doc.text
    marks = _highlights(doc)
    opens: dict[int, list[Highlight]] = {}
    closes: dict[int, list[Highlight]] = {}
    for h in marks:
        if h.open_label:
            opens.setdefault(h.start, []).append(h)
        if h.close_label:
            closes.setdefault(h.end, []).append(h)
    cuts = sorted({0, len(text), *(h.start for h in marks), *(h.end for h in marks)})
    out = Text()
    for a, b in zip(cuts, cuts[1:] + [None]):
        for h in closes.get(a, []):
            out.append(h.close_label, style=h.label_style)
        for h in opens.get(a, []):
            out.append(h.open_label, style=h.label_style)
        if b is None:
            break
        chunk = Text(text[a:b])
        for h in marks:
            if h.style and h.start <= a and b <= h.end:
                chunk.stylize(h.style)
        out.append_text(chunk)
    return out


def render_record(doc: Document, console: Console) -> None:
    """Print one record: header, highlighted text, then each layer's panel."""
    title = doc.title or (doc.text[:80] if doc.text else doc.id)
    console.print(Rule(Text(title or "", style="bold")))
    console.print(_header(doc))
    if doc.hints.get("failed"):
        console.print(Text(f"failed: {doc.errors[0].message}", style="bold red"))
        return
    console.print(Panel(article_text(doc), title="article", title_align="left"))
    parts = [shown for make in load_panels() if (shown := make(doc)) is not None]
    parts += [Text(f"layer {e.layer} failed: {e.message}", style="red") for e in doc.errors]
    console.print(Group(*parts))
    console.print()
