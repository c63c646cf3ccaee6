"""Stream formats: ``jsonl`` (one full record per line), ``gdelt`` (GDELT-style event rows) and
``plover`` (one PLOVER JSON event per line). The event formats use the exporters of
``newsxray analyze --format gdelt|plover`` (``newsxray.eventcoding.exports``)."""
from __future__ import annotations

import json
from typing import TextIO

from ..eventcoding.exports import gdelt_tsv, plover_records
from .revive import document

METADATA = frozenset({"schema", "id", "url", "title", "published", "language", "outlet", "text", "errors"})


def keep_layers(record: dict, layers: frozenset[str] | None) -> dict:
    """The record with only the ``layers`` asked for (metadata and text always stay)."""
    if layers is None:
        return record
    return {k: v for k, v in record.items() if k in METADATA or k in layers}


class JsonlWriter:
    def __init__(self, stream: TextIO, *, layers: frozenset[str] | None = None) -> None:
        self.stream, self.layers = stream, layers

    def write(self, record: dict) -> int:
        self.stream.write(json.dumps(keep_layers(record, self.layers), ensure_ascii=False) + "\n")
        return 1

    def close(self) -> None:
        self.stream.flush()


class EventsWriter:
    """GDELT-style TSV (one header line) or PLOVER JSONL; ``write`` returns the rows written."""

    def __init__(self, stream: TextIO, *, format: str) -> None:
        self.stream, self.format, self.header = stream, format, True

    def write(self, record: dict) -> int:
        if not record.get("events"):
            return 0
        doc = document(record)
        if self.format == "gdelt":
            rows = gdelt_tsv(doc, header=self.header)
            written = rows.count("\n") - (1 if self.header else 0)
            self.header = False
            self.stream.write(rows)
            return written
        found = plover_records(doc)
        for item in found:
            self.stream.write(json.dumps(item, ensure_ascii=False) + "\n")
        return len(found)

    def close(self) -> None:
        if self.format == "gdelt" and self.header:
            self.stream.write(gdelt_tsv(document({"text": " "}), header=True))
        self.stream.flush()
