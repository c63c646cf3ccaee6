"""Reading batch results: committed tables, DuckDB views over them, records back."""
from __future__ import annotations

from pathlib import Path
from typing import Iterator

import pyarrow as pa
import pyarrow.parquet as pq

from ..errors import ConfigError
from ..tables import TABLES, arrow_schema, table_records
from .layout import MANIFEST, committed_files, iter_manifest, table_path

INPUTS_SCHEMA = pa.schema([("partition", pa.string()), ("position", pa.int64()), ("source", pa.string()),
                           ("id", pa.string()), ("status", pa.string()), ("reason", pa.string())])


def check_results(out: str | Path) -> Path:
    path = Path(out)
    if not (path / MANIFEST).is_dir():
        raise ConfigError(f"{out} holds no batch results (no {MANIFEST}/ folder); run `newsxray batch ... "
                          f"--out {out}` first")
    return path


def read_tables(out: str | Path, tables: tuple[str, ...] = TABLES) -> dict[str, pa.Table]:
    """The committed rows of ``tables``, one Arrow table each (empty tables keep their schema)."""
    files = committed_files(check_results(out))
    result = {}
    for table in tables:
        parts = [pq.read_table(path, schema=arrow_schema(table)) for path in files[table]]
        result[table] = pa.concat_tables(parts) if parts else arrow_schema(table).empty_table()
    return result


def inputs_table(out: str | Path) -> pa.Table:
    """Every input of every committed partition with its status (done / failed) and reason."""
    rows = []
    for entry in iter_manifest(check_results(out)):
        for position, item in enumerate(entry.get("inputs", [])):
            rows.append({"partition": entry["partition"], "position": position, "source": item.get("source"),
                         "id": item.get("id"), "status": item.get("status"), "reason": item.get("reason")})
    return pa.Table.from_pylist(rows, schema=INPUTS_SCHEMA)


def connect(out: str | Path):
    """A DuckDB connection with one view per table (and ``inputs``) over the committed results."""
    import duckdb
    files = committed_files(check_results(out))
    con = duckdb.connect()
    for table in TABLES:
        if files[table]:
            paths = ", ".join("'" + str(p).replace("'", "''") + "'" for p in files[table])
            con.execute(f'CREATE VIEW "{table}" AS SELECT * FROM read_parquet([{paths}])')
        else:
            con.register(f"_empty_{table}", arrow_schema(table).empty_table())
            con.execute(f'CREATE VIEW "{table}" AS SELECT * FROM "_empty_{table}"')
    con.register("_inputs", inputs_table(out))
    con.execute('CREATE VIEW inputs AS SELECT * FROM "_inputs"')
    return con


def _partition_rows(out: Path, entry: dict) -> dict[str, list[dict]]:
    rows = {}
    for table in TABLES:
        if entry.get("rows", {}).get(table):
            rows[table] = pq.read_table(table_path(out, table, entry["partition"]),
                                        schema=arrow_schema(table)).to_pylist()
    return rows


def iter_partition_records(out: str | Path) -> Iterator[list[tuple[str | None, dict]]]:
    """Per committed partition, its ``(source, record)`` pairs in input order."""
    out = check_results(out)
    for entry in iter_manifest(out):
        records = table_records(_partition_rows(out, entry))
        sources = [item.get("source") for item in entry.get("inputs", [])]
        if len(sources) != len(records):
            sources = [None] * len(records)
        yield list(zip(sources, records))
