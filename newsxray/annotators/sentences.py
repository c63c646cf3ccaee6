"""Sentences over the article body (the lede and body segments), from the shared parse."""
from __future__ import annotations

from ..document import Document, Sentence
from ..nlp import parses
from ..registry import Annotator, register


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


@register
class Sentences(Annotator):
    name = "sentences"
    requires = ("segments", "_parse")
    provides = ("sentences",)

    def annotate(self, doc: Document) -> None:
        body = [(s.start, s.end) for s in doc.body_spans()]
        out: list[Sentence] = []
        for offset, parsed in parses(doc):
            if not any(a <= offset < b for a, b in body):
                continue
            for sent in parsed.sents:
                start, end = _trim(doc.text, offset + sent.start_char, offset + sent.end_char)
                if end > start:
                    out.append(Sentence(start=start, end=end))
        doc.set_layer("sentences", out)
