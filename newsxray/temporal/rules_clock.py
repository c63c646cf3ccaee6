"""Clock times: "5 p.m.", "10:30 a.m. EST Nov. 9", "noon Thursday", "around 7:15 p.m.".

The day of a clock time is the one written next to it, else the day in focus when the
text just named one, else the publication day.
"""
from __future__ import annotations

import re
from datetime import date, timedelta

from . import lexicon as L
from .context import Context, Reading, weekday_date
from .patterns import AMPM, DAY, MONTH, TIME_ZONE, WEEKDAY
from .rulebase import capitalised, month_number, preceding_word, rule, weekday_number
from .rules_calendar import _day_number, day_reading
from .rules_periods import weekday_direction
from .values import Cal

_Q_WORDS = ("around", "about", "approximately", "roughly", "shortly after", "shortly before", "just after",
            "just before", "at about", "at around", "before", "after")
_Q = "(?:(?P<q>" + "|".join(sorted(_Q_WORDS, key=len, reverse=True)) + ") )?"
_DAY_AFTER = (f"(?:,? (?:on )?(?P<day>{WEEKDAY}|today|tonight|yesterday|tomorrow|(?P<mon>{MONTH}) (?P<md>{DAY})))?")
_APPROX = {"around": "APPROX", "about": "APPROX", "approximately": "APPROX", "roughly": "APPROX",
           "at about": "APPROX", "at around": "APPROX", "shortly after": "AFTER", "just after": "AFTER",
           "shortly before": "BEFORE", "just before": "BEFORE"}
_CLOCK_CUES = frozenset({"at", "by", "until", "till", "around", "from", "before", "after", "since",
                         "about", "to", "and", "between"})


@rule("clock", (_Q_WORDS, "#"),
      f"{_Q}(?P<h>[01]?\\d|2[0-3])(?:[:.](?P<min>[0-5]\\d))?(?:\\s?(?P<ampm>{AMPM})|(?P<oc> o['’]clock))"
      f"(?: (?P<tz>{TIME_ZONE})(?![\\w]))?{_DAY_AFTER}")
def clock(m: re.Match, ctx: Context) -> Reading | None:
    hour = int(m["h"])
    ampm = (m["ampm"] or "").lower()
    if ampm.startswith("p") and hour < 12:
        hour += 12
    elif ampm.startswith("a") and hour == 12:
        hour = 0
    if hour > 23 or (m["ampm"] and int(m["h"]) > 12):
        return None
    return _time_reading(m, ctx, f"{hour:02d}:{m['min'] or '00'}")


@rule("clock24", (_Q_WORDS, "#"), f"{_Q}(?<![\\d:.])(?P<h>[01]?\\d|2[0-3]):(?P<min>[0-5]\\d)(?![\\d:])"
      f"(?: (?P<tz>{TIME_ZONE}|local time|hours|hrs)(?![\\w]))?{_DAY_AFTER}")
def clock24(m: re.Match, ctx: Context) -> Reading | None:
    if not m["tz"] and not m["q"] and preceding_word(ctx, m.start()) not in _CLOCK_CUES:
        return None  # a score, a ratio or a verse, not a time
    return _time_reading(m, ctx, f"{int(m['h']):02d}:{m['min']}")


@rule("noon", (_Q_WORDS, "noon midnight midday"), f"{_Q}(?P<w>noon|midnight|midday)(?![\\w-]){_DAY_AFTER}")
def noon(m: re.Match, ctx: Context) -> Reading | None:
    before = ctx.text[max(0, m.start("w") - 2):m.start("w")].strip()
    if m["w"][0].isupper() and before not in ("", ".", '"'):
        return None  # "High Noon": a title
    if preceding_word(ctx, m.start("w")) == "high":
        return None
    return _time_reading(m, ctx, "24:00" if m["w"].lower() == "midnight" else "12:00")


@rule("clock_words", ("#", "one two three four five six seven eight nine ten eleven twelve"),
      r"(?P<h>1[0-2]|[1-9]|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)(?: o['’]clock)?"
      r" in the (?P<part>morning|afternoon|evening|night)(?![\w-])")
def clock_words(m: re.Match, ctx: Context) -> Reading | None:
    hour = int(m["h"]) if m["h"].isdigit() else int(L.number_value(m["h"]) or 0)
    if m["part"].lower() in ("afternoon", "evening") or (m["part"].lower() == "night" and hour >= 6):
        hour += 12 if hour < 12 else 0
    return _time_reading(m, ctx, f"{hour:02d}:00")


def _time_reading(m: re.Match, ctx: Context, clock_time: str) -> Reading | None:
    g = m.groupdict()
    mod = _APPROX.get(" ".join((g.get("q") or "").lower().split()))
    if g.get("q") and g.get("q").lower() in ("before", "after"):
        return None  # the preposition is not part of the time: let the shorter match win
    day = _day_of(m, ctx)
    if day is None:
        return Reading("TIME", f"XXXX-XX-XXT{clock_time}", mod, focus=False)
    cal = Cal("T", day.year, day.month, day.day, part=clock_time)
    return Reading("TIME", cal.timex(), mod, cal=cal, point=day)


def _day_of(m: re.Match, ctx: Context) -> date | None:
    g = m.groupdict()
    word = (g.get("day") or "").lower()
    if g.get("mon"):
        if not capitalised(g.get("mon")):
            return None
        day = _day_number(g.get("md")) or 1
        reading = day_reading(ctx, m.start(), m.end(), month_number(g.get("mon")), day, None)
        cal = reading.cal if reading is not None else None
        return cal.first_day() if cal is not None and cal.year is not None else None
    if word in ("today", "tonight", "yesterday", "tomorrow"):
        offset = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1}[word]
        return ctx.dct + timedelta(days=offset) if ctx.dct else None
    if word:
        if ctx.dct is None:
            return None
        return weekday_date(weekday_number(word), ctx.dct, weekday_direction(ctx, m))
    focus = ctx.focus
    if focus is not None and focus.cal.gran in ("D", "T") and m.start() - focus.start < 250:
        return focus.point or focus.cal.first_day()
    return ctx.dct
