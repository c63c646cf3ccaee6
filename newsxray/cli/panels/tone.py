"""Tone: strongly toned sentences are italic with a signed score after them; a panel with
the document tone, the most positive and negative sentences, and the entities' tone."""
from __future__ import annotations

from rich.console import Group
from rich.table import Table
from rich.text import Text

from ...document import Document
from . import Highlight, highlighter, panel

STRONG = 0.5  # |tone| from which a sentence is marked in the text


def _label(score: float) -> str:
    return "positive" if score >= 0.05 else "negative" if score <= -0.05 else "neutral"


@highlighter(order=70)
def toned_sentences(doc: Document):
    if doc.tone is None:
        return
    for sent, score in zip(doc.sentences, doc.tone.sentences):
        if abs(score) >= STRONG:
            yield Highlight(sent.start, sent.end, "italic", close_label=f" (tone {score:+.2f})")


@panel(order=70)
def tone_panel(doc: Document) -> Group | None:
    tone = doc.tone
    if tone is None or not tone.sentences:
        return None
    lines = [Text(f"tone: {tone.score:+.3f} ({_label(tone.score)}; word-weighted mean over "
                  f"{len(tone.sentences)} sentences, VADER)", style="bold")]
    ranked = sorted(zip(tone.sentences, doc.sentences), key=lambda p: p[0])
    for score, sent in (ranked[0], ranked[-1]) if len(ranked) > 1 else ranked:
        snippet = " ".join(doc.text[sent.start:sent.end].split())
        lines.append(Text(f"  {score:+.2f}  {snippet[:110]}{'…' if len(snippet) > 110 else ''}", style="dim"))
    toned = sorted((e for e in doc.entities if e.tone is not None), key=lambda e: -abs(e.tone))[:10]
    if toned:
        table = Table("entity", "type", "tone", "mentions", title="Entity tone (strongest 10)", title_justify="left")
        for e in toned:
            table.add_row(e.name, e.type, f"{e.tone:+.2f} {_label(e.tone)}", str(len(e.mentions)))
        lines.append(table)
    return Group(*lines)
