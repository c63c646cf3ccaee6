"""The output directory of a batch job: Parquet tables, the manifest, atomic commits.

Layout::

    DIR/<table>/part-<pid>.parquet     one file per table and partition (tables with no rows
                                       in a partition have no file)
    DIR/_manifest/<pid>.json           the partition's commit record: its input slices, every
                                       input's status (done / failed + reason), rows per table
    DIR/_manifest/counts.json          cached item counts of input files (planning)
    DIR/_manifest/run.json             the token of the run that owns the directory

Every file is written to a temporary name in its final directory and renamed into place.
A partition is committed when its manifest file exists: it is renamed last, after all of the
partition's tables. Readers (``query``, ``ingest --from-parquet``, the planner) only see
committed partitions; table files without a manifest are leftovers of an interrupted attempt,
removed at the start of the next run and overwritten by the retry (same partition id, same
content), so no row is ever counted twice.
"""
from __future__ import annotations

import json
import os
import uuid
from pathlib import Path
from typing import Any, Iterator

import pyarrow as pa
import pyarrow.parquet as pq

from ..errors import ConfigError
from ..tables import TABLES

MANIFEST = "_manifest"
COUNTS = "counts.json"
RUN_FILE = "run.json"          # the token of the run that owns the directory


def _tmp(path: Path) -> Path:
    return path.with_name(f".{path.name}.{uuid.uuid4().hex[:8]}.tmp")


def write_atomic_bytes(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = _tmp(path)
    with open(tmp, "wb") as handle:
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(tmp, path)


def write_table_atomic(path: Path, table: pa.Table) -> None:
    """``table`` as Parquet at ``path``, appearing only once complete."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = _tmp(path)
    pq.write_table(table, tmp, compression="zstd")
    os.replace(tmp, path)


def table_path(out: Path, table: str, pid: str) -> Path:
    return out / table / f"part-{pid}.parquet"


def manifest_path(out: Path, pid: str) -> Path:
    return out / MANIFEST / f"{pid}.json"


def write_manifest(out: Path, entry: dict) -> None:
    """Commit a partition: its manifest entry, renamed into place last."""
    data = json.dumps(entry, ensure_ascii=False, sort_keys=True).encode("utf-8")
    write_atomic_bytes(manifest_path(out, entry["partition"]), data)


def iter_manifest(out: Path) -> Iterator[dict]:
    """The committed partitions' manifest entries, by partition id."""
    folder = Path(out) / MANIFEST
    if not folder.is_dir():
        return
    for path in sorted(folder.glob("*.json")):
        if path.name in (COUNTS, RUN_FILE):
            continue
        with open(path, encoding="utf-8") as handle:
            yield json.load(handle)


def committed_files(out: Path) -> dict[str, list[Path]]:
    """Per table, the Parquet files of committed partitions (what queries read)."""
    out = Path(out)
    files: dict[str, list[Path]] = {t: [] for t in TABLES}
    for entry in iter_manifest(out):
        for table, rows in entry.get("rows", {}).items():
            if rows and table in files:
                files[table].append(table_path(out, table, entry["partition"]))
    return files


def remove_leftovers(out: Path) -> int:
    """Delete temporary files and table files of uncommitted partitions; how many were removed."""
    out = Path(out)
    committed = {entry["partition"] for entry in iter_manifest(out)}
    removed = 0
    for folder in [out / t for t in TABLES] + [out / MANIFEST]:
        if not folder.is_dir():
            continue
        for path in folder.iterdir():
            orphan = path.name.startswith("part-") and path.name[5:-8] not in committed
            if path.name.endswith(".tmp") or (folder.name != MANIFEST and orphan):
                path.unlink(missing_ok=True)
                removed += 1
    return removed


def check_out_dir(out: str | os.PathLike) -> Path:
    """The output directory (created); refuses a path that is a file or an fsspec URL."""
    text = os.fspath(out)
    if "://" in text:
        raise ConfigError(f"--out {text}: the output must be a local or shared (NFS, Lustre) directory; "
                          "renames on object stores are not atomic, so write locally and copy the result")
    path = Path(text)
    if path.exists() and not path.is_dir():
        raise ConfigError(f"--out {text} is a file; give a directory")
    path.mkdir(parents=True, exist_ok=True)
    return path


def load_counts(out: Path) -> dict[str, Any]:
    path = Path(out) / MANIFEST / COUNTS
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}


def save_counts(out: Path, counts: dict[str, Any]) -> None:
    data = json.dumps(counts, sort_keys=True).encode("utf-8")
    write_atomic_bytes(Path(out) / MANIFEST / COUNTS, data)
