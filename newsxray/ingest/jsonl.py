"""JSON Lines input (files and standard input), read one bounded line at a time.

Each line is an object with ``text`` or ``html`` and optional ``id``, ``url``, ``title``,
``published``. A bad line becomes an ``InputFailure`` naming its line number and the
rest continues; ids default to ``<stem>-<line number>``. No line may exceed
``limits.max_bytes`` (longer lines are skipped without being held in memory).
"""
from __future__ import annotations

import json
from typing import BinaryIO, Iterable, Iterator

from ..errors import InputError
from . import ArticleInput, InputFailure
from .limits import Limits

Line = tuple[int, "bytes | None"]  # (line number from 1, the line, or None when too long)
_SKIP_CHUNK = 1 << 16


def iter_lines(stream: BinaryIO, cap: int) -> Iterator[Line]:
    """Numbered lines (newlines kept) of at most ``cap`` bytes; longer ones as None."""
    number = 0
    while True:
        line = stream.readline(cap + 1)
        if not line:
            return
        number += 1
        if len(line) > cap:
            while line and not line.endswith(b"\n"):
                line = stream.readline(_SKIP_CHUNK)
            yield number, None
        else:
            yield number, line


def is_json_object(raw: bytes) -> bool:
    try:
        return isinstance(json.loads(raw), dict)
    except (ValueError, RecursionError):
        return False


def parse_line(raw: bytes, number: int, *, name: str, stem: str,
               encoding: str = "utf-8") -> ArticleInput | InputFailure:
    """One JSONL line as an input, or the reason it cannot be one."""
    source, default_id = f"{name}:{number}", f"{stem}-{number}"

    def failed(reason: str, ident: str | None = default_id) -> InputFailure:
        return InputFailure(source=source, reason=f"line {number}: {reason}", id=ident)

    try:
        data = json.loads(raw.decode(encoding))
    except UnicodeDecodeError as exc:
        return failed(f"not valid {encoding} (byte {exc.start}); convert it to UTF-8 or pass --encoding")
    except json.JSONDecodeError as exc:
        return failed(f"not valid JSON ({exc.msg} at column {exc.colno})")
    except RecursionError:
        return failed("the JSON is nested too deeply")
    if not isinstance(data, dict):
        return failed(f"a JSON {type(data).__name__}, not an object with 'text' or 'html'")
    try:
        item = ArticleInput.from_mapping(data, source=source)
    except InputError as exc:
        given = data.get("id")
        return failed(exc.reason, given if isinstance(given, str) else default_id)
    item.id = item.id or default_id
    return item


def iter_jsonl(lines: Iterable[Line], *, name: str, stem: str, limits: Limits,
               encoding: str = "utf-8") -> Iterator[ArticleInput | InputFailure]:
    """Inputs from numbered JSONL lines (blank lines are skipped)."""
    seen = 0
    for number, raw in lines:
        if raw is None:
            seen += 1
            yield InputFailure(source=f"{name}:{number}", id=f"{stem}-{number}", reason=(
                f"line {number} is longer than {limits.max_bytes / 1e6:.0f} MB; "
                "split it or raise the limit (--max-bytes)"))
            continue
        if not raw.strip():
            continue
        seen += 1
        yield parse_line(raw, number, name=name, stem=stem, encoding=encoding)
    if not seen:
        yield InputFailure(source=name, id=stem, reason="no JSON lines in it (empty or blank)")


def looks_like_jsonl(head: list[Line], *, complete: bool) -> bool:
    """Whether buffered standard input is JSONL rather than one plain-text article.

    The first non-blank line must be a JSON object and every other non-blank line must
    at least start like one (so one broken line is reported as a bad line, not turned
    into a text article); with ``complete=False`` only the first line can be judged.
    """
    lines = [raw for _, raw in head if raw is None or raw.strip()]
    if not lines or lines[0] is None or not is_json_object(lines[0]):
        return False
    return not complete or all(raw is None or raw.lstrip().startswith(b"{") for raw in lines)
