"""Calendar values and their TIMEX3 strings.

A ``Cal`` is a period of the calendar at some granularity: a century, decade, year, half,
quarter, season, month, week, weekend, day, part of a day or clock time. Fields the text
leaves open are ``None`` and print as ``X`` ("May" without a publication date is
``XXXX-05``). ``shift`` moves a value by a number of calendar units, keeping its
granularity; ``at`` re-expresses a value at a coarser or finer granularity.
"""
from __future__ import annotations

import calendar
from dataclasses import dataclass, replace
from datetime import date, timedelta

# granularities from coarse to fine
GRAN_ORDER = ("C", "E", "Y", "H", "Q", "S", "M", "W", "WE", "D", "T")
_RANK = {g: i for i, g in enumerate(GRAN_ORDER)}
SEASON_MONTH = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}
PARTS_OF_DAY = ("MO", "MI", "AF", "EV", "NI", "DT")


@dataclass(frozen=True, slots=True)
class Cal:
    """A calendar period. ``part``: quarter/half number, season code, or time of day."""

    gran: str
    year: int | None
    month: int | None = None
    day: int | None = None
    part: str | None = None

    # -- construction -------------------------------------------------------------------
    @classmethod
    def of_date(cls, d: date, gran: str = "D") -> "Cal":
        """The period of granularity ``gran`` that contains day ``d``."""
        if gran in ("D", "T"):
            return cls("D", d.year, d.month, d.day)
        if gran in ("W", "WE"):
            monday = d - timedelta(days=d.weekday())
            return cls(gran, monday.year, monday.month, monday.day)
        if gran == "M":
            return cls("M", d.year, d.month)
        if gran == "Q":
            return cls("Q", d.year, part=str((d.month - 1) // 3 + 1))
        if gran == "H":
            return cls("H", d.year, part=str((d.month - 1) // 6 + 1))
        if gran == "S":
            return cls("S", d.year, part=_season_of(d.month))
        if gran == "E":
            return cls("E", d.year - d.year % 10)
        if gran == "C":
            return cls("C", d.year - d.year % 100)
        return cls("Y", d.year)

    @property
    def known(self) -> bool:
        return self.year is not None

    def first_day(self) -> date | None:
        """The first day of the period (None when the year is unknown)."""
        if self.year is None:
            return None
        if self.gran in ("D", "T", "W", "WE"):
            return date(self.year, self.month or 1, self.day or 1)
        if self.gran == "M":
            return date(self.year, self.month or 1, 1)
        if self.gran == "Q":
            return date(self.year, 3 * (int(self.part or 1) - 1) + 1, 1)
        if self.gran == "H":
            return date(self.year, 6 * (int(self.part or 1) - 1) + 1, 1)
        if self.gran == "S":
            return date(self.year, SEASON_MONTH.get(self.part or "SP", 3), 1)
        return date(self.year, 1, 1)

    # -- arithmetic ---------------------------------------------------------------------
    def shift(self, n: int, unit: str) -> "Cal":
        """This period moved by ``n`` units (Y, H, Q, M, W, D, E, C); granularity is kept."""
        if self.year is None or n == 0:
            return self
        if unit == "WE":
            unit = "W"
        if unit in ("W", "D"):
            d = self.first_day() + timedelta(days=n * (7 if unit == "W" else 1))
            return self._regranulate(d)
        months = {"Y": 12, "H": 6, "Q": 3, "M": 1, "S": 12, "E": 120, "C": 1200}.get(unit, 12) * n
        return self._add_months(months)

    def _add_months(self, months: int) -> "Cal":
        if self.gran in ("C", "E", "Y", "H", "Q", "S"):
            if self.gran in ("H", "Q"):
                size = 6 if self.gran == "H" else 3
                index = self.year * 12 + (int(self.part) - 1) * size + months
                return replace(self, year=index // 12, part=str(index % 12 // size + 1))
            return replace(self, year=self.year + months // 12)
        index = self.year * 12 + (self.month or 1) - 1 + months
        year, month = divmod(index, 12)
        month += 1
        if self.gran == "M":
            return replace(self, year=year, month=month)
        day = min(self.day or 1, calendar.monthrange(year, month)[1])
        return self._regranulate(date(year, month, day))

    def _regranulate(self, d: date) -> "Cal":
        out = Cal.of_date(d, self.gran if self.gran != "T" else "D")
        if self.gran == "T":
            return replace(out, gran="T", part=self.part)
        return out

    def at(self, gran: str) -> "Cal":
        """The same time at another granularity (coarser is exact; finer uses the first day)."""
        if gran == self.gran:
            return self
        if self.year is None:
            keep_month = gran in ("M", "D") and self.month is not None
            return Cal(gran, None, self.month if keep_month else None)
        return Cal.of_date(self.first_day(), gran)

    def finer_than(self, gran: str) -> bool:
        return _RANK[self.gran] > _RANK[gran]

    # -- output -------------------------------------------------------------------------
    def timex(self) -> str:
        """The TIMEX3 value string."""
        y = "XXXX" if self.year is None else f"{self.year:04d}"
        g = self.gran
        if g == "C":
            return "XX" if self.year is None else f"{self.year // 100:02d}"
        if g == "E":
            return "XXX" if self.year is None else f"{self.year // 10:03d}"
        if g == "Y":
            return y
        if g in ("H", "Q"):
            return f"{y}-{g}{self.part or 'X'}"
        if g == "S":
            return f"{y}-{self.part}"
        if g in ("W", "WE"):
            return self._week_string() + ("-WE" if g == "WE" else "")
        m = "XX" if self.month is None else f"{self.month:02d}"
        if g == "M":
            return f"{y}-{m}"
        d = "XX" if self.day is None else f"{self.day:02d}"
        if g == "T":
            return f"{y}-{m}-{d}T{self.part or 'XX'}"
        return f"{y}-{m}-{d}"

    def _week_string(self) -> str:
        if self.year is None or self.month is None:
            return ("XXXX" if self.year is None else f"{self.year:04d}") + "-WXX"
        iso = date(self.year, self.month, self.day or 1).isocalendar()
        return f"{iso[0]:04d}-W{iso[1]:02d}"


def _season_of(month: int) -> str:
    if month in (3, 4, 5):
        return "SP"
    if month in (6, 7, 8):
        return "SU"
    if month in (9, 10, 11):
        return "FA"
    return "WI"


def parse_dct(published: str | None) -> date | None:
    """The publication day of an ISO 8601 date or date-time string (None if unreadable)."""
    if not published:
        return None
    try:
        return date.fromisoformat(published[:10])
    except ValueError:
        return None


def duration(amount: float | int | None, unit: str) -> str:
    """A TIMEX3 duration value: ``P2W``, ``PT3H``, ``P1DE``; ``PXY`` for an unknown amount.

    ``unit`` is one of Y, M, W, D, H, MIN, S, Q, E (decade), C (century), L (millennium);
    decades, centuries and millennia are written in years (``P10Y``, ``PXY``), quarters in
    months (``P9M``).
    A fractional amount is written as whole units plus the rest in the next smaller
    unit when there is one (2.5 years: ``P2Y6M``; 1.5 minutes: ``PT1M30S``).
    """
    if unit in _YEARS:
        amount, unit = (None if amount is None else amount * _YEARS[unit]), "Y"
    elif unit == "Q":
        amount, unit = (None if amount is None else amount * 3), "M"
    if amount is None:
        return f"PTX{_LETTER[unit]}" if unit in _TIME_UNITS else f"PX{_LETTER[unit]}"
    whole = int(amount)
    parts = [(whole, unit)] if whole else []
    rest = float(amount) - whole
    if rest:
        smaller = _SMALLER.get(unit)
        if smaller is None:
            return _join([(float(amount), unit)])
        parts.append((round(rest * smaller[1]), smaller[0]))
    return _join(parts or [(0, unit)])


_LETTER = {"Y": "Y", "M": "M", "W": "W", "D": "D", "H": "H", "MIN": "M", "S": "S", "Q": "Q",
           "E": "DE", "C": "CE", "L": "L"}
_TIME_UNITS = ("H", "MIN", "S")
_YEARS = {"E": 10, "C": 100, "L": 1000}
_SMALLER = {"Y": ("M", 12), "W": ("D", 7), "D": ("H", 24), "H": ("MIN", 60), "MIN": ("S", 60)}


def _join(parts: list[tuple[float, str]]) -> str:
    date_part = "".join(f"{_num(n)}{_LETTER[u]}" for n, u in parts if u not in _TIME_UNITS)
    time_part = "".join(f"{_num(n)}{_LETTER[u]}" for n, u in parts if u in _TIME_UNITS)
    return "P" + date_part + (("T" + time_part) if time_part else "")


def _num(n: float) -> str:
    return str(int(n)) if float(n).is_integer() else f"{n:g}"
