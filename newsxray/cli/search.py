"""``newsxray search``: full-text search over a corpus made by ``newsxray ingest``."""
from __future__ import annotations

import json
import re
import sys
from typing import Optional

import typer
from rich.console import Console
from rich.table import Table
from rich.text import Text

from ..errors import NewsxrayError

EXIT_OK, EXIT_USAGE = 0, 2
FORMATS = ("table", "jsonl")
_SPACES = re.compile(r"\s+")


def search(
    query: str = typer.Argument(..., help='FTS5 query: words (all must match), "a phrase", OR, NOT, '
                                'prefix*, or a column such as quotes_text: word. "" lists the newest.'),
    db: str = typer.Option("corpus.db", "--db", help="The corpus database made by `newsxray ingest`."),
    outlet: Optional[str] = typer.Option(None, "--outlet", help="Only this outlet (domain or name)."),
    since: Optional[str] = typer.Option(None, "--since", help="Published on or after this date (ISO 8601)."),
    until: Optional[str] = typer.Option(None, "--until", help="Published on or before this date (ISO 8601)."),
    entity: Optional[str] = typer.Option(None, "--entity", help="Only articles that name this entity."),
    limit: int = typer.Option(20, "--limit", "-n", min=1, help="At most this many results."),
    format: str = typer.Option("table", "--format", "-f", help="table (terminal) or jsonl (one hit per line)."),
) -> None:
    """Search the stored articles' text, quotes and claims; best matches (bm25) first."""
    err = Console(stderr=True)
    if format not in FORMATS:
        _die(err, f"unknown format {format!r}; use one of {', '.join(FORMATS)}")
    from ..store import Filters, open_store

    try:
        with open_store(db, readonly=True) as store:
            hits = store.search(query, Filters(outlet=outlet, since=since, until=until, entity=entity), limit)
    except NewsxrayError as exc:
        _die(err, str(exc))
    if format == "jsonl":
        for hit in hits:
            sys.stdout.write(json.dumps(hit.to_dict(), ensure_ascii=False) + "\n")
    else:
        _table(hits)
    if not hits:
        err.print("no articles match", highlight=False)


def _die(err: Console, message: str) -> None:
    err.print(f"[bold red]error:[/] {message}", highlight=False, markup=True, soft_wrap=True)
    raise typer.Exit(EXIT_USAGE)


def marked(snippet: str) -> Text:
    """A snippet with its matched terms (between « and ») in bold."""
    from ..store.query import MARK_CLOSE, MARK_OPEN

    text = Text()
    for n, part in enumerate(snippet.replace(MARK_CLOSE, MARK_OPEN).split(MARK_OPEN)):
        text.append(_SPACES.sub(" ", part), style="bold underline" if n % 2 else "")
    return text


def _table(hits: list) -> None:
    if not hits:
        return
    table = Table(show_lines=True)
    for name in ("#", "id", "published", "outlet", "title / snippet"):
        table.add_column(name, overflow="fold")
    for n, hit in enumerate(hits, 1):
        body = Text(hit.title or "", style="bold") + Text("\n") + marked(hit.snippet)
        if hit.duplicate_of:
            body.append(f"\n(near-duplicate of {hit.duplicate_of})", style="italic")
        table.add_row(str(n), hit.id, (hit.published or "")[:10], hit.outlet or "", body)
    Console(highlight=False).print(table)
