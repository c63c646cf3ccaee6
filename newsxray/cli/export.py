"""``newsxray export``: a corpus out as JSONL, Parquet, CSV, GDELT or PLOVER events, brat or Label Studio."""
from __future__ import annotations

from typing import Optional

import typer
from rich.console import Console

from ..errors import NewsxrayError
from .corpus_util import DB_HELP, corpus, die
from .progress import progress_over


def export(
    format: str = typer.Option(..., "--format", "-f",
                               help="jsonl | parquet | csv | gdelt | plover | brat | label-studio"),
    out: str = typer.Option(..., "--out", "-o", help="Output file (jsonl, gdelt, plover, label-studio; - for "
                            "stdout) or directory (parquet, csv, brat)."),
    db: str = typer.Option("corpus.db", "--db", help=DB_HELP),
    layers: Optional[str] = typer.Option(None, "--layers", help="Only these layers, e.g. entities,quotes."),
    since: Optional[str] = typer.Option(None, "--since", help="Published on or after this date (ISO 8601)."),
    until: Optional[str] = typer.Option(None, "--until", help="Published on or before this date (ISO 8601)."),
    outlet: Optional[str] = typer.Option(None, "--outlet", help="Only this outlet (domain or name)."),
    query: Optional[str] = typer.Option(None, "--query", "-q", help="Only articles matching this search."),
) -> None:
    """Export the stored articles (latest revisions) with a progress bar on stderr."""
    from ..export import FORMATS, Selection, export as run_export, parse_layers

    if format not in FORMATS:
        die(f"unknown format {format!r}; use one of {', '.join(FORMATS)}")
    err = Console(stderr=True)

    def progress(found, total):
        return progress_over(found, total=total, console=err, label="exporting")

    with corpus(db) as store:
        try:
            done = run_export(store, format=format, out=out, layers=parse_layers(layers), progress=progress,
                              selection=Selection(since=since, until=until, outlet=outlet, query=query))
        except (NewsxrayError, OSError) as exc:
            die(str(exc))
    what = f", {done['items']} event row(s)" if format in ("gdelt", "plover") else ""
    err.print(f"exported {done['records']} article(s){what} to {out}", highlight=False)
