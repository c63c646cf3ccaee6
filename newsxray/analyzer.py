"""The Python API: ``newsxray.load(layers=...)`` returns an Analyzer."""
from __future__ import annotations

import logging
from typing import Any, Iterable, Iterator

from .document import Document, LayerError
from .errors import InputError
from .ingest import ArticleInput, InputFailure, to_document
from .ingest.limits import LIMITS, Limits
from .pipeline import Pipeline

log = logging.getLogger("newsxray")

InputLike = str | dict | ArticleInput | InputFailure


def failed_document(reason: str, *, id: str | None = None, source: str | None = None) -> Document:
    """The record of an input that could not be read: empty text, the reason in ``errors``."""
    doc = Document(text="", id=id or source or "input")
    doc.errors.append(LayerError(layer="input", message=reason))
    doc.hints["failed"] = True
    return doc


def as_input(item: InputLike, position: int) -> ArticleInput | InputFailure:
    if isinstance(item, (ArticleInput, InputFailure)):
        return item
    if isinstance(item, str):
        return ArticleInput(text=item, source=f"input {position}")
    if isinstance(item, dict):
        try:
            return ArticleInput.from_mapping(item, source=f"input {position}")
        except InputError as exc:
            return InputFailure(source=f"input {position}", reason=exc.reason, id=item.get("id"))
    return InputFailure(source=f"input {position}", reason=f"cannot analyse a {type(item).__name__}; "
                        "give a str of text or a dict with 'text' or 'html'")


class Analyzer:
    """Analyses articles into records. Build with ``newsxray.load``."""

    def __init__(self, layers: str | Iterable[str] | None = None, *,
                 config: dict[str, dict[str, Any]] | None = None,
                 limits: Limits = LIMITS, allow_private: bool = False) -> None:
        self.pipeline = Pipeline(layers, config=config)
        self.limits = limits
        self.allow_private = allow_private

    @property
    def layers(self) -> list[str]:
        return self.pipeline.layers

    def _fetcher(self):
        from .ingest.fetch import Fetcher
        return Fetcher(limits=self.limits, allow_private=self.allow_private)

    def document(self, inp: ArticleInput) -> Document:
        """Validate, fetch and extract one input (no annotation). Raises InputError."""
        needs_fetch = inp.text is None and inp.html is None
        return to_document(inp, limits=self.limits, fetcher=self._fetcher() if needs_fetch else None)

    def analyze(self, text: str | None = None, *, html: str | None = None, url: str | None = None,
                published: str | None = None, title: str | None = None, id: str | None = None,
                outlet: str | None = None) -> Document:
        """Analyse one article; raises a ``NewsxrayError`` subclass on bad input or a failed layer.

        Give ``text`` (plain text, kept exactly) or ``html``, or only ``url`` to fetch it.
        """
        inp = ArticleInput(text=text, html=html, url=url, published=published, title=title,
                           id=id, outlet=outlet)
        doc = self.document(inp)
        self.pipeline.run([doc], on_error="raise")
        return doc

    def pipe(self, inputs: Iterable[InputLike], *, batch_size: int = 32,
             on_error: str = "record") -> Iterator[Document]:
        """Analyse many articles, yielding one record per input in input order.

        Inputs are strings (plain text), dicts with the JSONL keys, ``ArticleInput`` or
        ``InputFailure``. An input that cannot be read yields a record with empty text
        and its reason in ``errors`` (layer ``input``); a failed layer is recorded in
        ``errors`` and the rest of the record stands.
        """
        batch: list[Document] = []
        for position, item in enumerate(inputs, 1):
            batch.append(self._prepare(as_input(item, position), on_error))
            if len(batch) >= batch_size:
                yield from self._run(batch, on_error)
                batch = []
        if batch:
            yield from self._run(batch, on_error)

    def _prepare(self, inp: ArticleInput | InputFailure, on_error: str) -> Document:
        if isinstance(inp, InputFailure):
            if on_error == "raise":
                raise InputError(inp.reason, source=inp.source)
            return failed_document(inp.reason, id=inp.id, source=inp.source)
        try:
            return self.document(inp)
        except InputError as exc:
            if on_error == "raise":
                raise
            return failed_document(exc.reason, id=inp.id, source=inp.source)

    def _run(self, batch: list[Document], on_error: str) -> list[Document]:
        ok = [doc for doc in batch if not doc.hints.get("failed")]
        self.pipeline.run(ok, on_error=on_error)
        return batch


def load(layers: str | Iterable[str] | None = None, *, config: dict[str, dict[str, Any]] | None = None,
         limits: Limits = LIMITS, allow_private: bool = False) -> Analyzer:
    """Build an analyzer for ``layers`` (default: every available layer).

    ``layers`` may be a list or a comma-separated string; what they depend on runs too.
    ``config`` maps annotator names to their options.
    """
    return Analyzer(layers, config=config, limits=limits, allow_private=allow_private)
