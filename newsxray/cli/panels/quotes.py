"""Quotes: quoted content in italics between ⟪ ⟫ with its id, kind and speaker; the cue
in bold; and a table of the quotes grouped by speaker."""
from __future__ import annotations

from rich.table import Table

from ...document import Document, Quote
from . import Highlight, highlighter, panel

KIND_TAG = {"direct": "direct", "indirect": "indirect", "mixed": "mixed"}
SHOWN = 110  # characters of content shown in the table


def _speaker_label(doc: Document, quote: Quote) -> str:
    if quote.speaker is None:
        return "?"
    return quote.speaker.entity or " ".join(quote.speaker.text.split())


@highlighter(order=25)
def quote_spans(doc: Document):
    for q in doc.layer("quotes"):
        yield Highlight(q.start, q.end, "italic", open_label="⟪",
                        close_label=f"⟫[{q.id} {KIND_TAG[q.kind]} ← {_speaker_label(doc, q)}]")
        if q.cue is not None and (q.cue.end <= q.start or q.cue.start >= q.end):
            yield Highlight(q.cue.start, q.cue.end, "bold")


def groups(doc: Document) -> list[tuple[str, list[Quote]]]:
    """Quotes grouped by speaker: resolved entities first (in order of their first quote),
    then speakers not resolved to an entity, then quotes without a speaker."""
    names = {e.id: e.name for e in doc.entities}
    by_key: dict[tuple[int, str], list[Quote]] = {}
    for q in doc.layer("quotes"):
        if q.speaker is None:
            key = (2, "(no speaker)")
        elif q.speaker.entity is not None:
            key = (0, f"{names.get(q.speaker.entity, q.speaker.entity)} [{q.speaker.entity}]")
        else:
            key = (1, " ".join(q.speaker.text.split()))
        by_key.setdefault(key, []).append(q)
    return [(label, quotes) for (_, label), quotes in sorted(by_key.items(), key=lambda kv: kv[0][0])]


def _content(doc: Document, q: Quote) -> str:
    body = " ".join(doc.text[q.start:q.end].split())
    return body if len(body) <= SHOWN else body[:SHOWN - 1] + "…"


@panel(order=25)
def quote_table(doc: Document) -> Table | None:
    grouped = groups(doc)
    if not grouped:
        return None
    table = Table("speaker", "id", "kind", "cue", "content", title="Quotes by speaker", title_justify="left")
    for label, quotes in grouped:
        for n, q in enumerate(quotes):
            table.add_row(label if n == 0 else "", q.id, KIND_TAG[q.kind], q.cue.text if q.cue else "",
                          _content(doc, q))
        table.add_section()
    return table
