"""``newsxray quotes``: what people said across the corpus, grouped by speaker."""
from __future__ import annotations

from typing import Optional

import typer
from rich.console import Console
from rich.table import Table
from rich.text import Text

from .corpus_util import DB_HELP, check_format, clip, corpus, write_json

FORMATS = ("table", "jsonl")


def quotes(
    db: str = typer.Option("corpus.db", "--db", help=DB_HELP),
    speaker: Optional[str] = typer.Option(None, "--speaker", "-s",
                                          help="Only this speaker (a name; case does not matter)."),
    limit: int = typer.Option(20, "--limit", "-n", min=1, help="At most this many quotes."),
    speakers: int = typer.Option(10, "--speakers", min=1, help="Without --speaker: this many speakers."),
    format: str = typer.Option("table", "--format", "-f", help="table (terminal) or jsonl (one speaker per line)."),
) -> None:
    """Quotes by speaker (the speakers quoted most first; each speaker's newest quotes first)."""
    check_format(format, FORMATS)
    from ..store.analysis import quotes_by_speaker

    with corpus(db) as store:
        groups = quotes_by_speaker(store, speaker, limit=limit, speakers=speakers)
    if format == "jsonl":
        write_json(groups, lines=True)
    else:
        _table(groups)
    if not groups:
        Console(stderr=True).print("no quotes found" + (f" for {speaker!r}" if speaker else ""), highlight=False)


def _table(groups: list[dict]) -> None:
    console = Console(highlight=False)
    for group in groups:
        about = ", ".join(x for x in (group.get("type"), group.get("country")) if x)
        title = f"{group['speaker']}" + (f" ({about})" if about else "") + f" — {group['count']} quote(s)"
        table = Table(title=title, title_justify="left", show_lines=False)
        for name in ("published", "outlet", "kind", "quote", "article"):
            table.add_column(name, overflow="fold")
        for q in group["quotes"]:
            art = q["article"]
            table.add_row((art.get("published") or "")[:10], art.get("outlet") or "", q.get("kind") or "",
                          Text(clip(q.get("text"), 200)), art.get("id") or "")
        console.print(table)
