"""Event output formats of ``newsxray analyze``: ``--format gdelt`` (tab-separated GDELT-style
event rows, one header line) and ``--format plover`` (one PLOVER JSON event per line).

Both print the events of each record as it comes; a record without events prints nothing.
"""
from __future__ import annotations

import json
from typing import TextIO

from ..document import Document
from ..eventcoding.exports import gdelt_tsv, plover_records

EVENT_FORMATS = ("gdelt", "plover")


class EventWriter:
    """Writes the events of records to ``stream`` in one of ``EVENT_FORMATS``."""

    def __init__(self, format: str, stream: TextIO) -> None:
        if format not in EVENT_FORMATS:
            raise ValueError(f"unknown event format {format!r}; use one of {', '.join(EVENT_FORMATS)}")
        self.format = format
        self.stream = stream
        self.header_written = False

    def write(self, doc: Document) -> None:
        if self.format == "gdelt":
            self.stream.write(gdelt_tsv(doc, header=not self.header_written))
            self.header_written = True
        else:
            for record in plover_records(doc):
                self.stream.write(json.dumps(record, ensure_ascii=False) + "\n")
        self.stream.flush()
