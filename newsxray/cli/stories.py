"""``newsxray stories``: the stories a corpus tells, each with the outlets that ran it."""
from __future__ import annotations

import json
import sys
from typing import Optional

import typer
from rich.console import Console
from rich.table import Table

from ..errors import NewsxrayError

EXIT_OK, EXIT_USAGE = 0, 2
FORMATS = ("table", "jsonl")


def stories(
    db: str = typer.Option("corpus.db", "--db", help="The corpus database made by `newsxray ingest`."),
    limit: int = typer.Option(20, "--limit", "-n", min=0, help="At most this many stories."),
    min_size: int = typer.Option(2, "--min-size", min=1, help="Only stories told by at least this many articles."),
    article: Optional[str] = typer.Option(None, "--article", help="Only the story of this article id."),
    rebuild: bool = typer.Option(False, "--rebuild", help="Recompute every story first (e.g. for a corpus "
                                 "made before stories existed, or with another --window)."),
    window: float = typer.Option(3.0, "--window", min=0.0, help="With --rebuild: days either side of an "
                                 "article's date within which it can join a story."),
    format: str = typer.Option("table", "--format", "-f", help="table (terminal) or jsonl (one story per line)."),
) -> None:
    """List story clusters (the same story told by different outlets), largest and newest first."""
    from ..store import open_store
    from ..store import stories as clusters

    err = Console(stderr=True)
    if format not in FORMATS:
        _die(err, f"unknown format {format!r}; use one of {', '.join(FORMATS)}")
    try:
        with open_store(db, readonly=not rebuild) as store:
            if rebuild:
                placed = clusters.rebuild(store, window=window)
                err.print(f"placed {placed} article(s) in stories", highlight=False)
            found = _found(store, clusters, article, limit, min_size)
            waiting = clusters.pending(store)
    except NewsxrayError as exc:
        _die(err, str(exc))
    if format == "jsonl":
        for story in found:
            sys.stdout.write(json.dumps(story, ensure_ascii=False) + "\n")
    else:
        _table(found)
    if not found:
        err.print("no stories" + (f" of {min_size}+ articles" if article is None else " for that article"),
                  highlight=False)
    if waiting:
        err.print(f"{waiting} stored article(s) have no story yet: run `newsxray stories --db {db} --rebuild`",
                  highlight=False)


def _found(store, clusters, article: str | None, limit: int, min_size: int) -> list[dict]:
    if article is None:
        return clusters.stories(store, limit=limit, min_size=min_size)
    story = clusters.story_of(store, article)
    return [story] if story else []


def _die(err: Console, message: str) -> None:
    err.print(f"[bold red]error:[/] {message}", highlight=False, markup=True, soft_wrap=True)
    raise typer.Exit(EXIT_USAGE)


def _table(found: list[dict]) -> None:
    if not found:
        return
    table = Table(show_lines=True)
    for name in ("story", "size", "dates", "outlets", "label / articles"):
        table.add_column(name, overflow="fold")
    for story in found:
        dates = story["first"] if story["first"] == story["last"] else f"{story['first']}\n{story['last']}"
        titles = "\n".join(f"• {a['title'] or a['id']} ({a['outlet'] or '?'})" for a in story["articles"][:8])
        more = len(story["articles"]) - 8
        body = f"[bold]{_escape(story['label'] or '')}[/]\n{_escape(titles)}" + (f"\n… {more} more" if more > 0 else "")
        table.add_row(str(story["story"]), str(story["size"]), dates, _escape(", ".join(story["outlets"])), body)
    Console(highlight=False).print(table)


def _escape(text: str) -> str:
    from rich.markup import escape

    return escape(text)
