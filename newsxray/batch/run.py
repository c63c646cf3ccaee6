"""The client side of a batch job: plan, submit partitions to Dask, follow them to the end."""
from __future__ import annotations

import logging
import time
import uuid
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterator

import dask

from ..errors import ConfigError
from ..ingest.limits import LIMITS
from .layout import (MANIFEST, check_out_dir, iter_manifest, load_counts, remove_leftovers,
                     save_counts, write_atomic_bytes)
from .plan import Partition, covered, plan
from .sources import expand, fingerprint, needs_count
from .task import RUN_FILE, count_task, run_partition

log = logging.getLogger("newsxray")
LOCAL_WORKER_ENV = "distributed.nanny.pre-spawn-environ"
WORKER_ENV = {"MALLOC_TRIM_THRESHOLD_": None}     # None: not set in the worker at all
WORKER_CONFIG = {"distributed.worker.profile.enabled": False,
                 "distributed.admin.tick.interval": "1s",
                 "distributed.worker.memory.monitor-interval": "1s",
                 "distributed.admin.system-monitor.interval": "2s"}
Progress = Callable[["BatchResult"], None]


@dataclass
class BatchResult:
    """What a run did. ``partitions_total`` counts the partitions this run planned."""

    out: Path
    partitions_total: int = 0
    articles_total: int = 0
    partitions_done: int = 0
    articles_done: int = 0
    failed_inputs: int = 0
    skipped_partitions: int = 0          # committed before this run
    failed_partitions: list[tuple[str, str]] = field(default_factory=list)   # (id, reason)
    peak_rss_mb: dict[str, float] = field(default_factory=dict)              # per worker
    seconds: float = 0.0
    dashboard: str | None = None

    @property
    def complete(self) -> bool:
        return not self.failed_partitions and self.partitions_done == self.partitions_total


@contextmanager
def dask_client(*, scheduler: str | None = None, workers: int | None = None,
                memory_limit: str | None = None) -> Iterator:
    """A client of the scheduler at ``scheduler``, or of a new local cluster of ``workers`` processes."""
    from distributed import Client, LocalCluster
    if scheduler:
        with Client(scheduler) as client:
            yield client
        return
    n = workers or 1
    # Dask's nanny sets MALLOC_TRIM_THRESHOLD_=65536 in its workers, which also switches off
    # glibc's adaptive mmap threshold: spaCy then maps and unmaps its larger buffers on every
    # document, and the same pipeline runs ~10 % slower in a worker than outside one.
    # Workers of the local cluster keep glibc's defaults (memory stays far below the limit).
    # Dask's statistical profiler samples every thread's stack every 10 ms, which costs the
    # analysis another ~4 %: it is off in local workers (the dashboard's other pages work). The
    # worker's event loop also wakes every 20 ms (tick), 100 ms (memory monitor) and 500 ms
    # (system monitor), each time taking the interpreter lock from the analysis: slowed down.
    # Nannies take their configuration when built (also for the workers they restart), so the
    # settings need not outlive the cluster's construction in this process.
    with dask.config.set({LOCAL_WORKER_ENV: {**dask.config.get(LOCAL_WORKER_ENV, {}), **WORKER_ENV},
                          **WORKER_CONFIG}):
        cluster = LocalCluster(n_workers=n, threads_per_worker=1, processes=True, dashboard_address=":0",
                               memory_limit=memory_limit or "auto", silence_logs=logging.ERROR)
    with cluster, Client(cluster) as client:
        yield client


def _counts(client, files: list[str], out: Path, *, max_bytes: int, encoding: str) -> dict[str, int]:
    """Items per file; files that hold many are counted on the cluster, and the counts cached."""
    cache = load_counts(out)
    counts: dict[str, int] = {}
    todo = []
    for path in files:
        if not needs_count(path):
            counts[path] = 1
            continue
        key = f"{path}|{fingerprint(path)}"
        if key in cache:
            counts[path] = cache[key]
        else:
            todo.append((path, key))
    if todo:
        futures = client.map(count_task, [p for p, _ in todo], max_bytes=max_bytes, encoding=encoding,
                             pure=False)
        for (path, key), n in zip(todo, client.gather(futures)):
            counts[path] = cache[key] = n
        save_counts(out, cache)
    return counts


def _claim(out: Path) -> str:
    """Mark ``out`` as this run's: tasks of an older, abandoned run will not commit any more."""
    token = uuid.uuid4().hex
    write_atomic_bytes(out / MANIFEST / RUN_FILE, f'{{"token": "{token}"}}'.encode())
    return token


def run_batch(inputs: list[str], out: str | Path, *, client=None, scheduler: str | None = None,
              workers: int | None = None, layers: list[str] | None = None, partition_size: int = 500,
              batch_size: int = 32, max_bytes: int = LIMITS.max_bytes, encoding: str = "utf-8",
              allow_private: bool = False, max_partitions: int | None = None,
              progress: Progress | None = None, crash: tuple[str, int] | None = None) -> BatchResult:
    """Analyse ``inputs`` into Parquet tables under ``out``, processing only what is missing.

    ``client`` (a ``distributed.Client``) wins over ``scheduler`` (an address), which wins over
    a local cluster of ``workers`` processes. ``max_partitions`` stops after that many
    partitions (the rest is left for the next run); ``progress`` is called as each
    partition completes. ``crash`` = ``(marker file, ordinal)`` is a test hook that kills the
    worker once while it commits that partition.
    """
    if partition_size < 1:
        raise ConfigError("--partition-size must be at least 1")
    out_dir = check_out_dir(out)
    if client is None:
        with dask_client(scheduler=scheduler, workers=workers) as own:
            return run_batch(inputs, out_dir, client=own, layers=layers, partition_size=partition_size,
                             batch_size=batch_size, max_bytes=max_bytes, encoding=encoding,
                             allow_private=allow_private, max_partitions=max_partitions,
                             progress=progress, crash=crash)
    began = time.perf_counter()
    removed = remove_leftovers(out_dir)
    if removed:
        log.info("removed %d leftover file(s) of an interrupted run", removed)
    files = expand([str(p) for p in inputs])
    counts = _counts(client, files, out_dir, max_bytes=max_bytes, encoding=encoding)
    entries = list(iter_manifest(out_dir))
    todo = plan(files, counts, covered(entries), partition_size=partition_size)
    result = BatchResult(out=out_dir, skipped_partitions=len(entries), dashboard=_dashboard(client))
    if max_partitions is not None:
        todo = todo[:max_partitions]
    result.partitions_total, result.articles_total = len(todo), sum(p.size for p in todo)
    token = _claim(out_dir)
    specs = [_spec(p, n, out_dir, token=token, layers=layers, batch_size=batch_size, max_bytes=max_bytes,
                   encoding=encoding, allow_private=allow_private, crash=crash) for n, p in enumerate(todo)]
    _follow(client, specs, result, progress)
    result.seconds = time.perf_counter() - began
    return result


def _spec(partition: Partition, ordinal: int, out: Path, *, token: str, layers, batch_size: int,
          max_bytes: int, encoding: str, allow_private: bool, crash) -> dict:
    spec = {"partition": partition.id, "slices": [list(s) for s in partition.slices], "out": str(out),
            "token": token, "ordinal": ordinal, "layers": list(layers) if layers else None,
            "batch_size": batch_size, "max_bytes": max_bytes, "encoding": encoding,
            "allow_private": allow_private}
    if crash:
        spec["crash_marker"], spec["crash_ordinal"] = str(crash[0]), crash[1]
    return spec


def _dashboard(client) -> str | None:
    try:
        import bokeh  # noqa: F401  (the dashboard is only served when bokeh is installed)
    except ImportError:
        return None
    return getattr(client, "dashboard_link", None)


def _follow(client, specs: list[dict], result: BatchResult, progress: Progress | None) -> None:
    from distributed import as_completed
    futures = [client.submit(run_partition, spec, key=f"newsxray-{spec['partition']}-{spec['token'][:8]}",
                             pure=False, retries=2) for spec in specs]
    by_key = {f.key: spec for f, spec in zip(futures, specs)}
    if progress:
        progress(result)
    for future in as_completed(futures):
        spec = by_key[future.key]
        try:
            summary = future.result()
        except Exception as exc:  # a partition that cannot be done: reported, redone next run  # noqa: BLE001
            log.warning("partition %s failed: %s: %s", spec["partition"], type(exc).__name__, exc)
            result.failed_partitions.append((spec["partition"], f"{type(exc).__name__}: {exc}"))
        else:
            if summary.get("stale"):
                result.failed_partitions.append((spec["partition"], "another run took over the directory"))
            else:
                result.partitions_done += 1
                result.articles_done += summary["articles"]
                result.failed_inputs += summary["failed"]
                worker = f"{summary['worker']}:{summary['pid']}"
                result.peak_rss_mb[worker] = max(result.peak_rss_mb.get(worker, 0.0), summary["peak_rss_mb"])
        future.release()
        if progress:
            progress(result)
