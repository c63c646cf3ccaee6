"""``parquet`` and ``csv``: one file per table (``articles``, ``segments``, ... ``sources``) in the
output directory, flattened by ``newsxray.tables.record_tables`` (the same rows and columns as
the batch engine's Parquet), written a batch of records at a time."""
from __future__ import annotations

import csv
from pathlib import Path

from ..tables import TABLES, arrow_schema, arrow_table, record_tables

FLUSH = 256  # records per written batch (row group)


class TableWriter:
    def __init__(self, out: Path, *, format: str, layers: frozenset[str] | None = None) -> None:
        self.out, self.format = out, format
        self.tables = [t for t in TABLES if layers is None or t == "articles" or t in layers
                       or (t == "mentions" and "entities" in layers)]
        self.pending: dict[str, list[dict]] = {t: [] for t in self.tables}
        self.records = 0
        self.writers: dict = {}
        self.files: list = []

    def write(self, record: dict) -> int:
        rows = record_tables(record)
        for table in self.tables:
            self.pending[table].extend(rows[table])
        self.records += 1
        if self.records % FLUSH == 0:
            self._flush()
        return 1

    def _flush(self) -> None:
        for table in self.tables:
            rows, self.pending[table] = self.pending[table], []
            if self.format == "parquet":
                self._parquet(table, rows)
            else:
                self._csv(table, rows)

    def _parquet(self, table: str, rows: list[dict]) -> None:
        import pyarrow.parquet as pq

        if table not in self.writers:
            self.writers[table] = pq.ParquetWriter(self.out / f"{table}.parquet", arrow_schema(table))
        if rows:
            self.writers[table].write_table(arrow_table(table, rows))

    def _csv(self, table: str, rows: list[dict]) -> None:
        if table not in self.writers:
            handle = open(self.out / f"{table}.csv", "w", encoding="utf-8", newline="")
            self.files.append(handle)
            writer = csv.DictWriter(handle, fieldnames=arrow_schema(table).names, extrasaction="ignore")
            writer.writeheader()
            self.writers[table] = writer
        self.writers[table].writerows(rows)

    def close(self) -> None:
        self._flush()
        for writer in self.writers.values():
            if hasattr(writer, "close"):
                writer.close()
        for handle in self.files:
            handle.close()
