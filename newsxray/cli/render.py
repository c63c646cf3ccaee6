"""``--format pretty``: the article in the terminal with its layers highlighted.

Highlights never rely on colour alone: segments other than the body carry a bracketed
label, entity mentions are underlined and followed by a small type tag.
"""
from __future__ import annotations

from collections import Counter

from rich.console import Console, Group
from rich.panel import Panel
from rich.rule import Rule
from rich.table import Table
from rich.text import Text

from ..document import Document

SEGMENT_STYLE = {
    "title": "bold", "byline": "italic", "dateline": "italic", "lede": "", "body": "",
    "related": "magenta", "sources": "cyan", "caption": "dim italic", "boilerplate": "dim",
}
ENTITY_STYLE = {"PERSON": "underline bold green", "ORG": "underline bold blue", "GPE": "underline bold yellow",
                "NORP": "underline yellow", "LOC": "underline yellow", "FAC": "underline", "EVENT": "underline",
                "OTHER": "underline"}
ENTITY_TAG = {"PERSON": "per", "ORG": "org", "GPE": "gpe", "NORP": "norp", "LOC": "loc", "FAC": "fac",
              "EVENT": "evt", "OTHER": "oth"}


def _header(doc: Document) -> Text:
    parts = [("id ", "dim"), (doc.id or "-", "")]
    for label, value in (("published", doc.published), ("url", doc.url), ("language", doc.language)):
        if value:
            parts += [(f"  {label} ", "dim"), (value, "")]
    if doc.outlet:
        parts += [("  outlet ", "dim"), (doc.outlet.name or doc.outlet.domain or "-", "")]
    return Text.assemble(*parts)


def _marks(doc: Document) -> tuple[dict[int, list[tuple[str, str]]], dict[int, list[tuple[str, str]]]]:
    """Labels to insert before (opening) and after (closing) character positions."""
    opens: dict[int, list[tuple[str, str]]] = {}
    closes: dict[int, list[tuple[str, str]]] = {}
    for seg in doc.segments:
        if seg.type not in ("body", "lede"):
            opens.setdefault(seg.start, []).append((f"⟦{seg.type}⟧ ", SEGMENT_STYLE[seg.type] + " reverse"))
    for ent in doc.entities:
        for m in ent.mentions:
            closes.setdefault(m.end, []).append((f"[{ENTITY_TAG[ent.type]} {ent.id}]", "dim"))
    return opens, closes


def article_text(doc: Document) -> Text:
    """The document text with segment labels and entity highlights."""
    text = doc.text
    styles: list[tuple[int, int, str]] = []
    for seg in doc.segments:
        if SEGMENT_STYLE[seg.type]:
            styles.append((seg.start, seg.end, SEGMENT_STYLE[seg.type]))
    for ent in doc.entities:
        for m in ent.mentions:
            styles.append((m.start, m.end, ENTITY_STYLE[ent.type]))
    opens, closes = _marks(doc)
    cuts = sorted({0, len(text), *opens, *closes, *(p for s in styles for p in s[:2])})
    out = Text()
    for a, b in zip(cuts, cuts[1:] + [None]):
        for label, style in closes.get(a, []):
            out.append(label, style=style)
        for label, style in opens.get(a, []):
            out.append(label, style=style)
        if b is None:
            break
        chunk = Text(text[a:b])
        for s, e, style in styles:
            if s <= a and b <= e:
                chunk.stylize(style)
        out.append_text(chunk)
    return out


def entity_table(doc: Document) -> Table:
    table = Table("id", "entity", "type", "country", "sector", "description", "mentions", title="Entities",
                  title_justify="left", show_lines=False)
    for ent in doc.entities:
        table.add_row(ent.id, ent.name, ent.type, ent.country or "", ent.sector or "", ent.description or "",
                      str(len(ent.mentions)))
    return table


def segment_summary(doc: Document) -> Text:
    counts = Counter(seg.type for seg in doc.segments)
    return Text("parts: " + ", ".join(f"{t} ×{n}" for t, n in counts.items()), style="dim")


def render_record(doc: Document, console: Console) -> None:
    """Print one record: header, highlighted text, then a panel per layer."""
    title = doc.title or (doc.text[:80] if doc.text else doc.id)
    console.print(Rule(Text(title or "", style="bold")))
    console.print(_header(doc))
    if doc.hints.get("failed"):
        console.print(Text(f"failed: {doc.errors[0].message}", style="bold red"))
        return
    console.print(Panel(article_text(doc), title="article", title_align="left"))
    parts = [segment_summary(doc)]
    if doc.entities:
        parts.append(entity_table(doc))
    for error in doc.errors:
        parts.append(Text(f"layer {error.layer} failed: {error.message}", style="red"))
    console.print(Group(*parts))
    console.print()
