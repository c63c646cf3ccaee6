"""Finding and normalising the time expressions of a text, in reading order.

Every rule's pattern is run over the ranges to read; candidates are taken leftmost and
longest first, and a candidate whose rule vetoes it (returns None) leaves the place to
shorter ones. Rules are called in text order so that each sees the date in focus left by
the expressions before it.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from . import rules_calendar, rules_periods, rules_relative, rules_clock, rules_amounts  # noqa: F401
from .context import Context, Focus, Reading
from .rulebase import RULES
from .syntax import ParseIndex
from .values import GRAN_ORDER

_RANK = {g: i for i, g in enumerate(GRAN_ORDER)}


@dataclass(frozen=True, slots=True)
class Found:
    """One time expression: where it is, what it means, what it was anchored to."""

    start: int
    end: int
    type: str
    value: str
    mod: str | None
    anchor: int | None      # index (in the returned list) of the expression it counts from
    rule: str


_WORD = re.compile(r"[^\W\d_]+|\d+|['’](?=\d)")


def _starts_index() -> dict[str, tuple[int, ...]]:
    """For each start word, the numbers of the rules whose matches can begin with it."""
    table: dict[str, list[int]] = {}
    for number, r in enumerate(RULES):
        for word in r.starts:
            table.setdefault(word, []).append(number)
    return {word: tuple(numbers) for word, numbers in table.items()}


_STARTS = _starts_index()


def candidates(text: str, ranges: list[tuple[int, int]]) -> list[tuple[int, int, int, object]]:
    """(start, end, rule number, match) of every rule match that begins at a word of ``ranges``."""
    found = []
    lower = text.lower()
    same = len(lower) == len(text)  # lower() can change the length of some letters
    scan = lower if same else text
    starts, rules = _STARTS, RULES
    for a, b in ranges:
        for w in _WORD.finditer(scan, a, b):
            word = w.group() if same else w.group().lower()
            numbers = starts.get("#" if word[0].isdigit() else word)
            if numbers is None:
                continue
            pos = w.start()
            for number in numbers:
                r = rules[number]
                m = r.regex.match(text, pos, b)
                if m is not None:
                    start, end = r.span(m)
                    if end > start:
                        found.append((start, end, number, m))
    found.sort(key=lambda c: (c[0], c[0] - c[1], c[2]))
    return found


def find(text: str, ranges: list[tuple[int, int]] | None = None, *, dct: date | None = None,
         index: ParseIndex | None = None) -> list[Found]:
    """The time expressions of ``text`` within ``ranges`` (default: all of it)."""
    ranges = ranges if ranges is not None else [(0, len(text))]
    ctx = Context(text, dct, index)
    out: list[Found] = []
    covered = -1
    for start, end, number, m in candidates(text, ranges):
        if start < covered:
            continue
        reading = RULES[number].handler(m, ctx)
        if reading is None:
            continue
        anchor = ctx.focus.index if reading.anchored and ctx.focus is not None else None
        end = reading.end if reading.end is not None and start < reading.end < end else end
        out.append(Found(start, end, reading.type, reading.value, reading.mod, anchor, RULES[number].name))
        covered = end
        _move_focus(ctx, reading, len(out) - 1, start)
    return out


def _move_focus(ctx: Context, reading: Reading, index: int, start: int) -> None:
    """Make a specific date the date in focus; "that week" after "the next day" keeps the day."""
    cal = reading.cal
    if not reading.focus or cal is None or cal.year is None or reading.type not in ("DATE", "TIME"):
        return
    focus = ctx.focus
    if reading.anchored and focus is not None and _RANK[cal.gran] < _RANK[focus.cal.gran]:
        return
    ctx.focus = Focus(cal, reading.point, index, start, reading.mod, reading.explicit)
    if cal.gran in ("Q", "H"):
        ctx.period = ctx.focus
