"""A pipeline of annotators, built from the layers a caller asks for.

The order comes from ``requires``/``provides`` (a topological sort), never from import
order; the pipeline is checked when it is built (unknown layers, missing providers,
cycles). Layers whose names start with ``_`` are internal shared work, such as the spaCy
parse (``_parse``), which every annotator that needs it reuses.
"""
from __future__ import annotations

import logging
from typing import Any, Iterable, Iterator

from .document import Document
from .errors import AnnotatorError, ConfigError, NewsxrayError
from .registry import Annotator, available_layers, iter_names, providers

log = logging.getLogger("newsxray")


def resolve(layers: Iterable[str]) -> list[type[Annotator]]:
    """The annotator classes needed for ``layers``, dependencies first."""
    by_layer = providers()
    order: list[type[Annotator]] = []
    state: dict[str, str] = {}

    def visit(layer: str, chain: tuple[str, ...]) -> None:
        cls = by_layer.get(layer)
        if cls is None:
            wanted = f" (needed by {chain[-1]!r})" if chain else ""
            raise ConfigError(
                f"no annotator provides layer {layer!r}{wanted}; "
                f"available layers: {', '.join(available_layers())}"
            )
        if state.get(cls.name) == "done":
            return
        if state.get(cls.name) == "visiting":
            raise ConfigError(f"annotators form a cycle: {' -> '.join(chain + (layer,))}")
        state[cls.name] = "visiting"
        for needed in cls.requires:
            visit(needed, chain + (layer,))
        state[cls.name] = "done"
        order.append(cls)

    for layer in layers:
        visit(layer, ())
    return order


class Pipeline:
    """Runs annotators over batches of documents.

    ``on_error="raise"`` (the library default) raises ``AnnotatorError``;
    ``on_error="record"`` (batch runs) writes the failure into the document's ``errors``,
    skips the layers that depended on it and keeps the rest of the record.
    """

    def __init__(self, layers: str | Iterable[str] | None = None, *,
                 config: dict[str, dict[str, Any]] | None = None,
                 keep_cache: bool = False) -> None:
        self.keep_cache = keep_cache
        requested = iter_names(layers) or available_layers()
        self.layers = requested
        config = config or {}
        classes = resolve(requested)
        unknown = set(config) - {cls.name for cls in classes}
        if unknown:
            raise ConfigError(f"configuration given for annotators not in this pipeline: {sorted(unknown)}")
        self.annotators: list[Annotator] = [cls(**config.get(cls.name, {})) for cls in classes]

    @property
    def names(self) -> list[str]:
        return [a.name for a in self.annotators]

    def run(self, docs: list[Document], *, on_error: str = "raise") -> list[Document]:
        failed: dict[int, set[str]] = {i: set() for i in range(len(docs))}
        for annotator in self.annotators:
            ready = [i for i in range(len(docs)) if not self._blocked(annotator, failed[i], docs[i])]
            if not ready:
                continue
            try:
                annotator.pipe([docs[i] for i in ready])
            except Exception as exc:
                if len(ready) == 1 or isinstance(exc, (KeyboardInterrupt, MemoryError)):
                    self._fail(annotator, docs[ready[0]], exc, failed[ready[0]], on_error)
                    continue
                # isolate the document(s) that broke the batch
                for i in ready:
                    try:
                        annotator.pipe([docs[i]])
                    except Exception as one_exc:
                        self._fail(annotator, docs[i], one_exc, failed[i], on_error)
        if not self.keep_cache:
            for doc in docs:
                doc.cache.clear()
        return docs

    @staticmethod
    def _blocked(annotator: Annotator, failed: set[str], doc: Document) -> bool:
        missing = [layer for layer in annotator.requires if layer in failed]
        if missing:
            failed.update(annotator.provides)
            for layer in annotator.provides:
                if not layer.startswith("_"):
                    doc.add_error(layer, f"not computed: it needs {', '.join(missing)}, which failed")
            return True
        return False

    @staticmethod
    def _fail(annotator: Annotator, doc: Document, exc: BaseException, failed: set[str], on_error: str) -> None:
        if on_error == "raise":
            if isinstance(exc, NewsxrayError):
                raise exc
            raise AnnotatorError(",".join(annotator.provides), f"{type(exc).__name__}: {exc}") from exc
        log.info("annotator %s failed on %s: %s", annotator.name, doc.id, exc, exc_info=log.isEnabledFor(logging.DEBUG))
        failed.update(annotator.provides)
        message = str(exc) if isinstance(exc, NewsxrayError) else f"{type(exc).__name__}: {exc}"
        public = [layer for layer in annotator.provides if not layer.startswith("_")] or [annotator.name]
        for layer in public:
            doc.add_error(layer, message)

    def pipe(self, docs: Iterable[Document], *, batch_size: int = 32, on_error: str = "record") -> Iterator[Document]:
        batch: list[Document] = []
        for doc in docs:
            batch.append(doc)
            if len(batch) >= batch_size:
                yield from self.run(batch, on_error=on_error)
                batch = []
        if batch:
            yield from self.run(batch, on_error=on_error)
