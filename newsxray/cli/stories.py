"""``newsxray stories``: the stories a corpus tells, each with the outlets that ran it."""
from __future__ import annotations

from typing import Optional

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from .corpus_util import DB_HELP, check_format, corpus, write_json

FORMATS = ("table", "jsonl")


def stories(
    db: str = typer.Option("corpus.db", "--db", help=DB_HELP),
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
    from ..store import stories as clusters

    err = Console(stderr=True)
    check_format(format, FORMATS)
    with corpus(db, readonly=not rebuild) as store:
        if rebuild:
            placed = clusters.rebuild(store, window=window)
            err.print(f"placed {placed} article(s) in stories", highlight=False)
        found = _found(store, clusters, article, limit, min_size)
        waiting = clusters.pending(store)
    if format == "jsonl":
        write_json(found, lines=True)
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
        body = f"[bold]{escape(story['label'] or '')}[/]\n{escape(titles)}" + (f"\n… {more} more" if more > 0 else "")
        table.add_row(str(story["story"]), str(story["size"]), dates, escape(", ".join(story["outlets"])), body)
    Console(highlight=False).print(table)



