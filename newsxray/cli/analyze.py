"""``newsxray analyze``: records for articles given as paths, URLs or stdin."""
from __future__ import annotations

import json
import logging
import sys
from typing import Iterator, Optional

import typer
from rich.console import Console

from ..analyzer import load
from ..document import Document
from ..errors import ConfigError, NewsxrayError
from ..ingest import ArticleInput
from ..ingest.limits import LIMITS
from .formats import EVENT_FORMATS, EventWriter
from .progress import progress_over
from .render import render_record

EXIT_OK, EXIT_SOME_FAILED, EXIT_USAGE, EXIT_ALL_FAILED = 0, 1, 2, 3
FORMATS = ("json", "jsonl", "pretty", "gdelt", "plover")


def analyze(
    inputs: list[str] = typer.Argument(None, help="Files (.txt .html .jsonl .xml .warc .warc.gz), "
                                       "directories, http(s) URLs or feeds, or - for stdin."),
    format: str = typer.Option("json", "--format", "-f", help="json (one object, or an array for "
                               "several inputs), jsonl (one record per line), pretty (terminal), "
                               "gdelt (event rows, tab-separated) or plover (PLOVER JSON events, one per line)."),
    layers: Optional[str] = typer.Option(None, "--layers", "-l", help="Comma-separated layers to "
                                         "compute (default: all). `newsxray layers` lists them."),
    published: Optional[str] = typer.Option(None, help="Publication date for inputs that lack one (ISO 8601)."),
    url: Optional[str] = typer.Option(None, help="Canonical URL for inputs that lack one."),
    title: Optional[str] = typer.Option(None, help="Headline for inputs that lack one."),
    ratings: Optional[list[str]] = typer.Option(None, "--ratings", help="Credibility ratings file for the "
                                                "sources layer (repeatable; [lin:|mbfc:|simple:]PATH). "
                                                "Also read from NEWSXRAY_RATINGS."),
    allow_private: bool = typer.Option(False, "--allow-private", help="Allow fetching private, "
                                       "loopback and link-local addresses (deliberate local use only)."),
    encoding: str = typer.Option("utf-8", help="Encoding of text files."),
    max_bytes: int = typer.Option(LIMITS.max_bytes, help="Refuse inputs larger than this many bytes."),
    batch_size: int = typer.Option(32, min=1, help="Documents per spaCy batch."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress bar or summary."),
    debug: bool = typer.Option(False, "--debug", help="Show tracebacks and debug logging."),
) -> None:
    """Analyse articles and print one record per input (RECORD.md).

    Exit codes: 0 all inputs analysed, 1 some inputs or layers failed, 2 usage or
    configuration error, 3 no input could be analysed.
    """
    err = Console(stderr=True)
    logging.basicConfig(level=logging.DEBUG if debug else logging.WARNING, format="%(levelname)s: %(message)s")
    if format not in FORMATS:
        _die(err, f"unknown format {format!r}; use one of {', '.join(FORMATS)}", EXIT_USAGE)
    if format in EVENT_FORMATS and layers:
        layers = f"{layers},events"  # event exports need the events layer
    paths = list(inputs or [])
    if not paths:
        if sys.stdin.isatty():
            _die(err, "give one or more paths, URLs, or - to read stdin (see --help)", EXIT_USAGE)
        paths = ["-"]
    try:
        code = _run(paths, format=format, layers=layers, published=published, url=url, title=title,
                    ratings=ratings or [],
                    allow_private=allow_private, encoding=encoding, max_bytes=max_bytes,
                    batch_size=batch_size, quiet=quiet, err=err)
    except NewsxrayError as exc:
        if debug:
            raise
        _die(err, str(exc), EXIT_USAGE)
    except KeyboardInterrupt:
        _die(err, "interrupted", 130)
    raise typer.Exit(code)


def _die(err: Console, message: str, code: int) -> None:
    err.print(f"[bold red]error:[/] {message}", highlight=False, markup=True)
    raise typer.Exit(code)


def _with_defaults(items: Iterator, *, published: str | None, url: str | None, title: str | None) -> Iterator:
    for item in items:
        if isinstance(item, ArticleInput):
            item.published = item.published or published
            item.url = item.url or url
            item.title = item.title or title
        yield item


def _run(paths: list[str], *, format: str, layers: str | None, published, url, title, allow_private,
         ratings: list[str],
         encoding, max_bytes, batch_size, quiet, err: Console) -> int:
    from ..ingest.readers import count_inputs, iter_inputs

    limits = LIMITS.with_(max_bytes=max_bytes)
    analyzer = load(layers, limits=limits, allow_private=allow_private, config=_ratings_config(layers, ratings))
    items = iter_inputs(paths, limits=limits, allow_private=allow_private, encoding=encoding)
    items = _with_defaults(items, published=published, url=url, title=title)
    records = analyzer.pipe(items, batch_size=batch_size)
    total = None if quiet else count_inputs(paths)
    ok = failed = layer_failed = 0
    out = _Output(format)
    for doc in progress_over(records, total=total, console=err, enabled=not quiet):
        if doc.hints.get("failed"):
            failed += 1
            err.print(f"[red]failed:[/] {doc.id}: {doc.errors[0].message}", highlight=False)
        else:
            ok += 1
            layer_failed += bool(doc.errors)
            for e in doc.errors:
                err.print(f"[yellow]layer failed:[/] {doc.id}: {e.layer}: {e.message}", highlight=False)
        out.write(doc)
    out.close()
    if not quiet:
        extra = f", {layer_failed} with failed layers" if layer_failed else ""
        err.print(f"{ok + failed} input(s): {ok} analysed, {failed} failed{extra}", highlight=False)
    if ok == 0 and failed:
        return EXIT_ALL_FAILED
    return EXIT_SOME_FAILED if failed or layer_failed else EXIT_OK


def _ratings_config(layers: str | None, ratings: list[str]) -> dict | None:
    """``--ratings`` as the sources annotator's option (an error if that layer is not run)."""
    if not ratings:
        return None
    from ..pipeline import resolve
    from ..registry import available_layers, iter_names

    if "sources" not in {cls.name for cls in resolve(iter_names(layers) or available_layers())}:
        raise ConfigError("--ratings rates the sources layer; add 'sources' to --layers")
    return {"sources": {"ratings": list(ratings)}}


class _Output:
    """Writes records to stdout as they come, in the chosen format."""

    def __init__(self, format: str) -> None:
        self.format = format
        self.count = 0
        self.pending: Document | None = None
        self.console = Console(highlight=False, soft_wrap=False) if format == "pretty" else None
        self.events = EventWriter(format, sys.stdout) if format in EVENT_FORMATS else None

    def write(self, doc: Document) -> None:
        self.count += 1
        if self.events is not None:
            self.events.write(doc)
        elif self.format == "jsonl":
            sys.stdout.write(doc.to_json() + "\n")
        elif self.format == "pretty":
            render_record(doc, self.console)
        elif self.count == 1:
            self.pending = doc  # one input: a bare object; more: an array
        else:
            if self.count == 2:
                sys.stdout.write("[\n" + _indent(self.pending))
            sys.stdout.write(",\n" + _indent(doc))
        sys.stdout.flush()

    def close(self) -> None:
        if self.format != "json":
            return
        if self.count == 1:
            sys.stdout.write(self.pending.to_json(indent=2) + "\n")
        elif self.count >= 2:
            sys.stdout.write("\n]\n")
        elif self.count == 0:
            sys.stdout.write("[]\n")


def _indent(doc: Document) -> str:
    return "\n".join("  " + line for line in json.dumps(doc.to_dict(), ensure_ascii=False, indent=2).splitlines())
