"""The work of one partition, run on a Dask worker.

Each worker process builds the pipeline once per set of options (``_analyzer`` keeps it
in a module-level cache) and reuses it for every partition it is given. A partition's
records become table rows (``newsxray.tables``); its tables are written, then its manifest
entry — the commit. Writing is idempotent by partition id: a retry after a worker died
rewrites the same files with the same content.
"""
from __future__ import annotations

import json
import os
import resource
import socket
import time
from pathlib import Path
from typing import Any

from ..analyzer import Analyzer, load
from ..ingest import InputFailure
from ..ingest.limits import LIMITS
from ..tables import TABLES, arrow_table, record_tables
from .layout import MANIFEST, RUN_FILE, table_path, write_manifest, write_table_atomic
from .sources import count_items, read_slice

_ANALYZERS: dict[tuple, Analyzer] = {}


def _analyzer(layers: tuple[str, ...] | None, max_bytes: int, allow_private: bool) -> Analyzer:
    key = (layers, max_bytes, allow_private)
    if key not in _ANALYZERS:
        _ANALYZERS[key] = load(list(layers) if layers else None,
                               limits=LIMITS.with_(max_bytes=max_bytes), allow_private=allow_private)
    return _ANALYZERS[key]


def count_task(path: str, max_bytes: int, encoding: str) -> int:
    return count_items(path, limits=LIMITS.with_(max_bytes=max_bytes), encoding=encoding)


def _status(item: Any, record: dict) -> dict:
    errors = record.get("errors") or []
    reason = next((e["message"] for e in errors if e.get("layer") == "input"), None)
    if isinstance(item, InputFailure) and reason is None:
        reason = item.reason
    entry = {"source": item.source, "id": record.get("id"), "status": "failed" if reason else "done"}
    if reason:
        entry["reason"] = reason
    layer_errors = [f"{e['layer']}: {e['message']}" for e in errors if e.get("layer") != "input"]
    if layer_errors:
        entry["layer_errors"] = layer_errors
    return entry


def _maybe_crash(spec: dict) -> None:
    """Test hook: die once (the whole worker process) on the marked partition, mid-commit."""
    marker = spec.get("crash_marker")
    if marker and spec.get("ordinal") == spec.get("crash_ordinal") and not os.path.exists(marker):
        Path(marker).write_text(spec["partition"], encoding="utf-8")
        os._exit(17)


def _current_run(out: Path) -> str | None:
    try:
        return json.loads((out / MANIFEST / RUN_FILE).read_text(encoding="utf-8")).get("token")
    except (OSError, ValueError):
        return None


def run_partition(spec: dict) -> dict:
    """Analyse, write and commit one partition; returns its manifest entry (without inputs)."""
    began = time.perf_counter()
    out, pid = Path(spec["out"]), spec["partition"]
    limits = LIMITS.with_(max_bytes=spec["max_bytes"])
    nx = _analyzer(tuple(spec["layers"]) if spec["layers"] else None, spec["max_bytes"], spec["allow_private"])
    items = [item for path, start, end in spec["slices"]
             for item in read_slice(path, start, end, limits=limits, encoding=spec["encoding"])]
    rows: dict[str, list[dict]] = {t: [] for t in TABLES}
    inputs = []
    for item, doc in zip(items, nx.pipe(items, batch_size=spec["batch_size"])):
        record = doc.to_dict()
        inputs.append(_status(item, record))
        for table, table_rows in record_tables(record).items():
            rows[table].extend(table_rows)
    counts = {t: len(r) for t, r in rows.items()}
    for n, table in enumerate(t for t in TABLES if rows[t]):
        write_table_atomic(table_path(out, table, pid), arrow_table(table, rows[table]))
        if n == 0:
            _maybe_crash(spec)
    entry = {"partition": pid, "slices": spec["slices"], "rows": counts, "inputs": inputs,
             "layers": spec["layers"], "worker": socket.gethostname(), "pid": os.getpid(),
             "seconds": round(time.perf_counter() - began, 3), "committed_at": time.time(),
             "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)}
    if spec.get("token") and _current_run(out) != spec["token"]:
        entry["stale"] = True           # a newer run owns the directory: do not commit
        return {k: v for k, v in entry.items() if k != "inputs"}
    write_manifest(out, entry)
    summary = {k: v for k, v in entry.items() if k != "inputs"}
    summary["failed"] = sum(1 for i in inputs if i["status"] == "failed")
    summary["articles"] = len(inputs)
    return summary
