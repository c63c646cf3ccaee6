"""What a rule needs to give an expression its value: the publication day, the date in
focus, the tense of the sentence, and the parse.

``Reading`` is what a rule returns for one match. ``Context`` is handed to every rule in
document order; after each reading the anchoring loop moves the date in focus.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from .syntax import ParseIndex, tense_of
from .values import Cal


@dataclass(frozen=True, slots=True)
class Reading:
    """The normalised meaning of one expression."""

    type: str
    value: str
    mod: str | None = None
    cal: Cal | None = None       # the calendar value, for DATE/TIME expressions
    point: date | None = None    # the day it points at, when finer than ``cal``
    anchored: bool = False       # computed from the date in focus, not the publication date
    focus: bool = True           # may become the date in focus
    explicit: bool = False       # the expression names its own year ("May 2019", "in 2019")
    end: int | None = None       # where the expression ends, when shorter than the match


@dataclass(frozen=True, slots=True)
class Focus:
    """The date in focus: the last specific date the text mentioned."""

    cal: Cal
    point: date | None
    index: int          # which timex (position in the layer) it came from
    start: int          # where it is in the text
    mod: str | None = None
    explicit: bool = False


class Context:
    """Per-document state shared by the rules while they read one text."""

    def __init__(self, text: str, dct: date | None, index: ParseIndex | None = None) -> None:
        self.text = text
        self.dct = dct
        self.index = index or ParseIndex(None)
        self.focus: Focus | None = None
        self.period: Focus | None = None   # the last quarter or half named (for "a year earlier")
        self._tense: dict[tuple[int, int], str | None] = {}

    # -- the parse ------------------------------------------------------------------------
    def token(self, pos: int) -> Any | None:
        return self.index.token_at(pos) if self.index else None

    def tokens(self, start: int, end: int) -> list[Any]:
        return self.index.tokens(start, end) if self.index else []

    def tense(self, start: int, end: int) -> str | None:
        key = (start, end)
        if key not in self._tense:
            self._tense[key] = tense_of(self.index, start, end) if self.index else None
        return self._tense[key]

    # -- reference points ---------------------------------------------------------------
    @property
    def today(self) -> Cal | None:
        return Cal.of_date(self.dct) if self.dct else None

    def anchor_day(self) -> date | None:
        """The day relative expressions ("the next day") count from: the focus, else the DCT."""
        if self.focus is not None:
            if self.focus.point is not None:
                return self.focus.point
            return self.focus.cal.first_day()
        return self.dct

    def anchor_limit(self) -> str | None:
        """The granularity of a date in focus that names no day ("in May"): counting days
        from it cannot be finer than that."""
        focus = self.focus
        if focus is None or focus.point is not None or focus.cal.gran in ("D", "T"):
            return None
        return focus.cal.gran

    def anchor_cal(self) -> Cal | None:
        if self.focus is not None:
            return self.focus.cal
        return self.today

    # -- direction ------------------------------------------------------------------------
    def direction(self, start: int, end: int) -> str | None:
        """``past``, ``future`` or None (present or unknown), from the governing verb."""
        tense = self.tense(start, end)
        return tense if tense in ("past", "future") else None


def choose(past_distance: int, future_distance: int, direction: str | None, reach: tuple[int, int],
           bias: int) -> str:
    """``past`` or ``future``: which of two readings of a date without a year to take.

    The tense decides while the reading it points to is within ``reach`` (past, future)
    or nearer than the other; otherwise, and when the tense is unknown, the nearer reading
    wins, the past one by ``bias`` units (news reports more than it announces). A past
    verb with a date just ahead is usually a deadline ("was extended to Nov. 16"), which
    is why the past reach is shorter.
    """
    if direction == "past" and (past_distance <= reach[0] or past_distance <= future_distance):
        return "past"
    if direction == "future" and (future_distance <= reach[1] or future_distance <= past_distance):
        return "future"
    return "past" if past_distance <= future_distance + bias else "future"


def month_year(month: int, ref: date, direction: str | None) -> int:
    """The year of a month named without one, seen from ``ref`` (a month counts as past
    and as future when it is the month of ``ref``)."""
    back = (ref.month - month) % 12
    ahead = (month - ref.month) % 12
    if back == 0:
        return ref.year
    side = choose(back, ahead, direction, reach=(10, 11), bias=2)
    if side == "past":
        return ref.year if month <= ref.month else ref.year - 1
    return ref.year if month >= ref.month else ref.year + 1


def day_year(month: int, day: int, ref: date, direction: str | None) -> int:
    """The year of a day-and-month named without one, seen from ``ref``."""
    def at(year: int) -> date:
        return date(year, month, min(day, 28) if month == 2 and day == 29 else day)
    this = at(ref.year)
    past = this if this <= ref else at(ref.year - 1)
    future = this if this >= ref else at(ref.year + 1)
    side = choose((ref - past).days, (future - ref).days, direction, reach=(240, 330), bias=60)
    return past.year if side == "past" else future.year


def weekday_date(weekday: int, ref: date, relation: str | None) -> date:
    """The day called ``weekday`` (1 = Monday) relative to ``ref``.

    ``last``: the most recent before ``ref``; ``next``: the first after it; ``this``: in
    the same week; ``past``: ``ref`` or before; ``future``: ``ref`` or after.
    """
    delta = weekday - ref.isoweekday()
    if relation == "last":
        delta = delta - 7 if delta >= 0 else delta
    elif relation == "next":
        delta = delta + 7 if delta <= 0 else delta
    elif relation == "past":
        delta = delta - 7 if delta > 0 else delta
    elif relation == "future":
        delta = delta + 7 if delta < 0 else delta
    return ref + timedelta(days=delta)
