"""``newsxray batch`` (Dask, Parquet out, exactly once) and ``newsxray query`` (DuckDB over the results)."""
from __future__ import annotations

import json
import logging
import sys
from typing import Optional

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from ..errors import NewsxrayError
from ..ingest.limits import LIMITS

EXIT_OK, EXIT_SOME_FAILED, EXIT_USAGE, EXIT_ALL_FAILED = 0, 1, 2, 3


def batch(
    inputs: list[str] = typer.Argument(..., help="JSONL, WARC/WARC.gz, .txt/.html files or directories of "
                                       "them; local paths or fsspec URLs (s3://, gs://, file://, ...)."),
    out: str = typer.Option(..., "--out", "-o", help="Output directory: <table>/part-*.parquet and _manifest/."),
    scheduler: Optional[str] = typer.Option(None, "--scheduler", help="Address of a running Dask scheduler "
                                            "(tcp://HOST:PORT); default: a local cluster."),
    workers: int = typer.Option(2, "--workers", "-w", min=1, help="Worker processes of the local cluster."),
    layers: Optional[str] = typer.Option(None, "--layers", "-l", help="Comma-separated layers (default: all)."),
    partition_size: int = typer.Option(500, "--partition-size", min=1, help="Articles per partition "
                                       "(one task, one Parquet file per table)."),
    batch_size: int = typer.Option(32, min=1, help="Documents per spaCy batch inside a task."),
    max_partitions: Optional[int] = typer.Option(None, "--max-partitions", min=1, help="Stop after this many "
                                                 "partitions; run again to continue."),
    memory_limit: Optional[str] = typer.Option(None, "--memory-limit", help="Per-worker memory limit of the "
                                               "local cluster (e.g. 2GB; default: RAM / workers)."),
    encoding: str = typer.Option("utf-8", help="Encoding of text files."),
    max_bytes: int = typer.Option(LIMITS.max_bytes, help="Refuse inputs larger than this many bytes."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress bar or summary."),
    debug: bool = typer.Option(False, "--debug", help="Show tracebacks and debug logging."),
) -> None:
    """Analyse many articles on a Dask cluster into Parquet tables; rerun to resume or extend.

    Exit codes: 0 all done, 1 some inputs or partitions failed, 2 usage or configuration
    error, 3 every input failed.
    """
    from ..batch import dask_client, run_batch
    from ..batch.layout import check_out_dir
    from ..batch.sources import expand

    err = Console(stderr=True)
    logging.basicConfig(level=logging.DEBUG if debug else logging.WARNING, format="%(levelname)s: %(message)s")
    if not debug:
        _quiet_dask()
    names = [n.strip() for n in layers.split(",") if n.strip()] if layers else None
    try:
        expand(list(inputs))                 # bad inputs and outputs are refused before a cluster starts
        check_out_dir(out)
        with dask_client(scheduler=scheduler, workers=workers, memory_limit=memory_limit) as client:
            if not quiet:
                _announce(err, client, scheduler)
            with _progress(err, enabled=not quiet) as on_progress:
                result = run_batch(list(inputs), out, client=client, layers=names, partition_size=partition_size,
                                   batch_size=batch_size, max_bytes=max_bytes, encoding=encoding,
                                   max_partitions=max_partitions, progress=on_progress)
    except NewsxrayError as exc:
        if debug:
            raise
        err.print(f"[bold red]error:[/] {exc}", highlight=False, soft_wrap=True)
        raise typer.Exit(EXIT_USAGE)
    except KeyboardInterrupt:
        err.print("interrupted; committed partitions are kept: run the same command again to resume")
        raise typer.Exit(130)
    if not quiet:
        err.print(_summary(result), highlight=False, soft_wrap=True)
    raise typer.Exit(_exit_code(result))


def _quiet_dask() -> None:
    import distributed  # noqa: F401  (its loggers exist once it is imported)
    for name in list(logging.root.manager.loggerDict):
        if name.split(".")[0] in ("distributed", "dask"):
            logging.getLogger(name).setLevel(logging.ERROR)


def _announce(err: Console, client, scheduler: str | None) -> None:
    from ..batch.run import _dashboard
    n = len(client.scheduler_info().get("workers", {}))
    where = scheduler or "a local cluster"
    link = _dashboard(client) or "not served (install bokeh>=3.1 for the Dask dashboard)"
    err.print(f"{where}: {n} worker(s); dashboard: {link}", highlight=False, soft_wrap=True)


class _progress:
    """A Rich progress bar over articles, advanced as partitions complete."""

    def __init__(self, err: Console, *, enabled: bool) -> None:
        self.err, self.enabled, self.bar, self.task = err, enabled and err.is_terminal, None, None

    def __enter__(self):
        if not self.enabled:
            return None
        columns = [TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn()]
        self.bar = Progress(*columns, console=self.err, transient=True)
        self.bar.__enter__()
        return self.update

    def update(self, result) -> None:
        if self.task is None:
            self.task = self.bar.add_task("articles", total=result.articles_total)
        failed = f", {len(result.failed_partitions)} failed" if result.failed_partitions else ""
        self.bar.update(self.task, completed=result.articles_done,
                        description=f"partitions {result.partitions_done}/{result.partitions_total}{failed}")

    def __exit__(self, *exc) -> None:
        if self.bar is not None:
            self.bar.__exit__(*exc)


def _summary(result) -> str:
    rate = result.articles_done / result.seconds if result.seconds else 0.0
    text = (f"{result.articles_done} article(s) in {result.partitions_done} partition(s) "
            f"({result.failed_inputs} failed input(s)), {result.skipped_partitions} partition(s) already done; "
            f"{result.seconds:.1f}s, {rate:.1f} articles/s -> {result.out}")
    for pid, reason in result.failed_partitions:
        text += f"\npartition {pid} not done ({reason}); run the same command again to retry it"
    return text


def _exit_code(result) -> int:
    if result.articles_done and result.failed_inputs == result.articles_done:
        return EXIT_ALL_FAILED
    return EXIT_SOME_FAILED if result.failed_inputs or result.failed_partitions else EXIT_OK


def query(
    sql: str = typer.Argument(..., help="SQL over the views articles, segments, sentences, entities, mentions, "
                              "quotes, timexes, events, claims, techniques, sources and inputs."),
    out: str = typer.Option(..., "--out", "-o", help="The batch output directory."),
    format: str = typer.Option("table", "--format", "-f", help="table, jsonl or csv."),
    limit: int = typer.Option(50, help="Rows shown with --format table (all rows for jsonl/csv)."),
) -> None:
    """Run SQL (DuckDB) over the Parquet tables of a batch run."""
    from ..batch.read import connect

    err = Console(stderr=True)
    if format not in ("table", "jsonl", "csv"):
        err.print(f"[bold red]error:[/] unknown format {format!r}; use table, jsonl or csv")
        raise typer.Exit(EXIT_USAGE)
    try:
        con = connect(out)
        result = con.execute(sql)
    except NewsxrayError as exc:
        err.print(f"[bold red]error:[/] {exc}", highlight=False, soft_wrap=True)
        raise typer.Exit(EXIT_USAGE)
    except Exception as exc:  # duckdb's errors: a bad query  # noqa: BLE001
        err.print(f"[bold red]error:[/] {type(exc).__name__}: {exc}", highlight=False, soft_wrap=True)
        raise typer.Exit(EXIT_USAGE)
    _print_result(result, format, limit)


def _print_result(result, format: str, limit: int) -> None:
    columns = [d[0] for d in result.description]
    if format == "csv":
        import csv
        writer = csv.writer(sys.stdout, lineterminator="\n")
        writer.writerow(columns)
        while rows := result.fetchmany(1000):
            writer.writerows(rows)
    elif format == "jsonl":
        while rows := result.fetchmany(1000):
            for row in rows:
                sys.stdout.write(json.dumps(dict(zip(columns, row)), ensure_ascii=False, default=str) + "\n")
    else:
        table = Table(*columns)
        for row in result.fetchmany(limit):
            table.add_row(*("" if v is None else str(v) for v in row))
        Console().print(table)
