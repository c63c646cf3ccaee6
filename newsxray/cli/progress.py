"""A Rich progress bar on stderr for long runs (only when there is more than one input)."""
from __future__ import annotations

from typing import Iterable, Iterator, TypeVar

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

T = TypeVar("T")


def progress_over(items: Iterable[T], *, total: int | None, console: Console, enabled: bool = True,
                  label: str = "analysing") -> Iterator[T]:
    if not enabled or (total is not None and total < 2) or not console.is_terminal:
        yield from items
        return
    columns = [TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn()]
    with Progress(*columns, console=console, transient=True) as progress:
        task = progress.add_task(label, total=total)
        for item in items:
            yield item
            progress.advance(task)
