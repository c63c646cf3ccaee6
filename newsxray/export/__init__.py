"""Corpus exports: stored records out as ``jsonl``, ``parquet``, ``csv``, ``gdelt``, ``plover``,
``brat`` or ``label-studio``, streamed a batch at a time.

    >>> from newsxray.store import open_store
    >>> from newsxray.export import Selection, export
    >>> with open_store("corpus.db", readonly=True) as store:
    ...     export(store, format="brat", out="brat/", selection=Selection(since="2024-01-01"))

``jsonl``, ``gdelt``, ``plover`` and ``label-studio`` write one file (``-``: standard output;
Label Studio also writes ``<name>.config.xml`` next to its file); ``parquet``, ``csv`` and
``brat`` write a directory (made if missing).
"""
from __future__ import annotations

import sys
from contextlib import contextmanager
from pathlib import Path
from typing import Callable, Iterator, TextIO

from ..errors import ConfigError
from .source import Selection, count, records

FORMATS = ("jsonl", "parquet", "csv", "gdelt", "plover", "brat", "label-studio")
DIRECTORY_FORMATS = frozenset({"parquet", "csv", "brat"})
LAYERS = ("segments", "sentences", "entities", "quotes", "timexes", "events", "claims", "techniques",
          "sources", "profile", "tone")

__all__ = ["FORMATS", "LAYERS", "Selection", "count", "export", "parse_layers"]


def parse_layers(value: str | None) -> frozenset[str] | None:
    """``"entities,quotes"`` as a set of layer names (None: every layer); ConfigError for unknown ones."""
    if value is None or not value.strip():
        return None
    names = frozenset(part.strip() for part in value.split(",") if part.strip())
    unknown = sorted(names - set(LAYERS))
    if unknown:
        raise ConfigError(f"unknown layer(s) {', '.join(unknown)}; choose from {', '.join(LAYERS)}")
    return names


def _directory(out: str) -> Path:
    path = Path(out)
    if path.exists() and not path.is_dir():
        raise ConfigError(f"{out} is a file; this format writes a directory: give a directory name")
    if not path.parent.is_dir():
        raise ConfigError(f"{out}: the folder {path.parent} does not exist; create it first")
    path.mkdir(exist_ok=True)
    return path


@contextmanager
def _stream(out: str) -> Iterator[TextIO]:
    if out == "-":
        yield sys.stdout
        return
    path = Path(out)
    if path.is_dir():
        raise ConfigError(f"{out} is a directory; this format writes one file: give a file name")
    if not path.parent.is_dir():
        raise ConfigError(f"{out}: the folder {path.parent} does not exist; create it first")
    with open(path, "w", encoding="utf-8", newline="\n") as handle:
        yield handle


def _writer(format: str, out: str, stream: TextIO | None, layers: frozenset[str] | None):
    from .writers import EventsWriter, JsonlWriter

    if format == "jsonl":
        return JsonlWriter(stream, layers=layers)
    if format in ("gdelt", "plover"):
        return EventsWriter(stream, format=format)
    if format == "label-studio":
        from .labelstudio import LabelStudioWriter

        config = None if out == "-" else Path(out).with_suffix(".config.xml")
        return LabelStudioWriter(stream, config=config, layers=layers)
    if format == "brat":
        from .brat import BratWriter

        return BratWriter(_directory(out), layers=layers)
    from .tabular import TableWriter

    return TableWriter(_directory(out), format=format, layers=layers)


def export(store, *, format: str, out: str, layers: frozenset[str] | None = None,
           selection: Selection | None = None,
           progress: Callable[[Iterator[dict], int], Iterator[dict]] | None = None) -> dict:
    """Write the selected records of ``store`` to ``out``; returns ``{"records", "items"}``
    (items: event rows for gdelt/plover, else records). ``progress(records, total)`` may wrap
    the record stream (the CLI's progress bar)."""
    if format not in FORMATS:
        raise ConfigError(f"unknown export format {format!r}; use one of {', '.join(FORMATS)}")
    selection = selection or Selection()
    stream_ctx = _stream(out) if format not in DIRECTORY_FORMATS else _none()
    done = items = 0
    with stream_ctx as stream:
        writer = _writer(format, out, stream, layers)
        found: Iterator[dict] = records(store, selection)
        if progress is not None:
            found = progress(found, count(store, selection))
        for record in found:
            items += writer.write(record)
            done += 1
        writer.close()
    return {"records": done, "items": items}


@contextmanager
def _none() -> Iterator[None]:
    yield None
