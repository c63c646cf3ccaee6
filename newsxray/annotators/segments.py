"""The article's parts. PLACEHOLDER: the whole text is one body segment (being replaced)."""
from __future__ import annotations

from ..document import Document, Segment
from ..registry import Annotator, register


@register
class Segments(Annotator):
    name = "segments"
    provides = ("segments",)

    def annotate(self, doc: Document) -> None:
        text = doc.text
        start = len(text) - len(text.lstrip())
        end = len(text.rstrip())
        doc.set_layer("segments", [Segment(start=start, end=end, type="body")] if end > start else [])
