"""What the corpus commands (``quotes``, ``timeline``, ``stats``, ``network``, ``entities``,
``export``) share: a read-only store, one-line errors, JSON output."""
from __future__ import annotations

import json
import sys
from contextlib import contextmanager
from typing import Any, Iterator

import typer
from rich.console import Console
from rich.markup import escape

from ..errors import NewsxrayError

EXIT_OK, EXIT_USAGE = 0, 2
DB_HELP = "The corpus database made by `newsxray ingest`."


def die(message: str) -> None:
    """Print a one-line error on stderr and exit with the usage status (2)."""
    Console(stderr=True).print(f"[bold red]error:[/] {escape(message)}", highlight=False, markup=True,
                               soft_wrap=True)
    raise typer.Exit(EXIT_USAGE)


def check_format(format: str, allowed: tuple[str, ...]) -> None:
    if format not in allowed:
        die(f"unknown format {format!r}; use one of {', '.join(allowed)}")


@contextmanager
def corpus(db: str, *, readonly: bool = True) -> Iterator[Any]:
    """The store at ``db`` (read-only unless asked); any newsxray error becomes a one-line error (exit 2)."""
    from ..store import open_store

    try:
        with open_store(db, readonly=readonly) as store:
            yield store
    except NewsxrayError as exc:
        die(str(exc))


def write_json(value: Any, *, lines: bool = False) -> None:
    if lines:
        for item in value:
            sys.stdout.write(json.dumps(item, ensure_ascii=False) + "\n")
    else:
        sys.stdout.write(json.dumps(value, ensure_ascii=False, indent=2) + "\n")


def clip(text: str | None, width: int = 160) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= width else text[:width - 1] + "…"
