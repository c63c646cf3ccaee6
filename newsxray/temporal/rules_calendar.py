"""Calendar expressions: dates, months, years, decades, centuries and holidays.

A date or month named without a year takes its year from the publication date and the
tense of the sentence ("in December" read on 2024-01-03 in the past tense: 2023-12).
Without a publication date the year stays unknown (``XXXX-05``).
"""
from __future__ import annotations

import re
from datetime import date, timedelta

from . import lexicon as L
from .context import Context, Reading, day_year, month_year
from .patterns import (DAY, DECADE_WORDS_RE, MONTH, MONTH_ABBR, MONTH_FULL, MONTH_STARTS, ORDINAL_STARTS,
                       ORDINAL_WORD, POINT_MOD, POINT_MOD_WORDS, WEEKDAY, WEEKDAY_ABBR, WEEKDAY_STARTS, YEAR,
                       YEAR4)
from .rulebase import (capitalised, following_word, mod_of, month_number, named_entity,
                       preceding_word, preceding_word_as_written, rule, sentence_start, year_number)
from .values import Cal

_DEM_YEAR = {"last year": -1, "this year": 0, "next year": 1}
_TITLES = frozenset({"mr", "mrs", "ms", "miss", "dr", "prime", "minister", "theresa", "brian",
                     "lord", "lady", "sir", "madam", "dame", "president", "secretary"})


def _day_number(text: str) -> int | None:
    text = text.lower()
    digits = re.match(r"\d+", text)
    if digits:
        return int(digits.group())
    return L.ORDINALS.get(text)


def _valid(year: int | None, month: int, day: int) -> bool:
    try:
        date(year or 2000, month, day)
    except ValueError:
        return False
    return True


def day_reading(ctx: Context, start: int, end: int, month: int, day: int,
                year: int | None, rel: str | None = None) -> Reading | None:
    """A day of a month; the year from the text, else from the publication date and tense."""
    if not _valid(year, month, day):
        return None
    explicit = year is not None
    if year is None and rel in ("past", "future"):
        year = day_year(month, day, ctx.dct, rel) if ctx.dct else None
    elif year is None and rel:
        year = ctx.dct.year + _DEM_YEAR[" ".join(rel.lower().split())] if ctx.dct else None
    elif year is None and ctx.dct is not None:
        year = day_year(month, day, ctx.dct, ctx.direction(start, end))
    cal = Cal("D", year, month, day)
    return Reading("DATE", cal.timex(), cal=cal, explicit=explicit)


# -- numeric dates --------------------------------------------------------------------------
@rule("iso_date", ("#",),
      r"(?<![\w-])(?P<y>(?:1[5-9]|20)\d\d)-(?P<m>0[1-9]|1[0-2])-(?P<d>0[1-9]|[12]\d|3[01])"
      r"(?:T(?P<hh>[01]\d|2[0-3]):(?P<mm>[0-5]\d)(?::\d\d(?:\.\d+)?)?(?:Z|[+-]\d\d:?\d\d)?)?(?![\w-])")
def iso_date(m: re.Match, ctx: Context) -> Reading | None:
    y, mo, d = int(m["y"]), int(m["m"]), int(m["d"])
    if not _valid(y, mo, d):
        return None
    if m["hh"]:
        cal = Cal("T", y, mo, d, part=f"{m['hh']}:{m['mm']}")
        return Reading("TIME", cal.timex(), cal=cal, point=date(y, mo, d), explicit=True)
    cal = Cal("D", y, mo, d)
    return Reading("DATE", cal.timex(), cal=cal, explicit=True)


@rule("us_date", ("#",),
      r"(?<![\w/.,-])(?P<m>1[0-2]|0?[1-9])/(?P<d>3[01]|[12]\d|0?[1-9])/(?P<y>(?:19|20)\d\d|\d\d)(?![\w/-])")
def us_date(m: re.Match, ctx: Context) -> Reading | None:
    y = int(m["y"])
    if y < 100:
        y += 2000 if y < 50 else 1900
    mo, d = int(m["m"]), int(m["d"])
    if not _valid(y, mo, d):
        return None
    cal = Cal("D", y, mo, d)
    return Reading("DATE", cal.timex(), cal=cal, explicit=True)


# -- month and day ----------------------------------------------------------------------
_REL_YEAR = r"(?P<rel>last year|this year|next year)"


@rule("month_day", (WEEKDAY_STARTS, MONTH_STARTS, "last next this the"),
      f"(?:(?P<wk>the week of )|(?P<dem>last|next|this past|this coming|this) )?(?:(?P<wd>{WEEKDAY}|{WEEKDAY_ABBR}),? )?"
      f"(?P<mon>{MONTH}) (?P<day>{DAY})(?!,\\d)(?:(?:,? |, | of )(?P<year>{YEAR})|,? {_REL_YEAR})?"
      r"(?![\w]|-[^\W\d])")  # "May 3-5": the first day of the range
def month_day(m: re.Match, ctx: Context) -> Reading | None:
    if not capitalised(m["mon"]) or (m["wd"] and not capitalised(m["wd"])):
        return None
    day = _day_number(m["day"])
    if day is None or (m["mon"].lower() == "may" and not m["year"] and _modal_may(ctx, m.start("mon"))):
        return None
    year = year_number(m["year"]) if m["year"] else None
    rel = m["rel"]
    if m["dem"] and not (year or rel):
        rel = {"last": "past", "this past": "past", "next": "future", "this coming": "future"}.get(
            " ".join(m["dem"].lower().split()))
    reading = day_reading(ctx, m.start(), m.end(), month_number(m["mon"]), day, year, rel)
    if reading is not None and m["wk"] and reading.cal.year is not None:
        cal = reading.cal.at("W")
        return Reading("DATE", cal.timex(), cal=cal, point=reading.cal.first_day())
    return reading


@rule("day_month", (WEEKDAY_STARTS, ORDINAL_STARTS, "# the"),
      f"(?:(?P<wd>{WEEKDAY}|{WEEKDAY_ABBR}),? )?(?:the )?(?P<day>{DAY})(?: of)? "
      f"(?P<mon>{MONTH_FULL}|{MONTH_ABBR}(?= \\d))(?:,? (?P<year>{YEAR})|,? {_REL_YEAR})?(?![\\w-])")
def day_month(m: re.Match, ctx: Context) -> Reading | None:
    if not capitalised(m["mon"]) or (m["wd"] and not capitalised(m["wd"])):
        return None
    day = _day_number(m["day"])
    if day is None or (m["mon"].lower() == "may" and _modal_may(ctx, m.start("mon"))):
        return None
    year = year_number(m["year"]) if m["year"] else None
    return day_reading(ctx, m.start(), m.end(), month_number(m["mon"]), day, year, m["rel"])


def _modal_may(ctx: Context, pos: int) -> bool:
    tok = ctx.token(pos)
    return tok is not None and tok.tag_ == "MD"


# -- months -------------------------------------------------------------------------------
_MONTH_DEM = r"(?P<dem>this past|this coming|last|next|this|coming|that)"


@rule("month", (POINT_MOD_WORDS, "this last next coming that", MONTH_STARTS),
      f"(?:(?P<mod>{POINT_MOD})(?: |-)(?:of )?|{_MONTH_DEM} )?(?P<mon>{MONTH_FULL}|{MONTH_ABBR}(?= \\d))"
      f"(?:(?: of)?,? (?P<year>{YEAR})|,? {_REL_YEAR})?(?![\\w-])")
def month(m: re.Match, ctx: Context) -> Reading | None:
    if not capitalised(m["mon"]):
        return None
    bare = not (m["mod"] or m["dem"] or m["year"] or m["rel"])
    if bare and _not_a_month(ctx, m):
        return None
    number = month_number(m["mon"])
    if m["year"]:
        year = year_number(m["year"])
    elif ctx.dct is None:
        year = None
    elif m["rel"]:
        year = ctx.dct.year + _DEM_YEAR[" ".join(m["rel"].lower().split())]
    else:
        year = _month_year(ctx, m, number)
    cal = Cal("M", year, number)
    return Reading("DATE", cal.timex(), mod_of(m["mod"]), cal=cal, explicit=bool(m["year"]))


def _month_year(ctx: Context, m: re.Match, number: int) -> int:
    dem = (m["dem"] or "").lower()
    ref = ctx.dct
    if dem in ("last", "this past"):
        return ref.year if number < ref.month else ref.year - 1
    if dem in ("next", "this coming", "coming"):
        return ref.year if number > ref.month else ref.year + 1
    if dem == "this":
        return ref.year
    if dem == "that" and ctx.focus is not None and ctx.focus.cal.year is not None:
        return ctx.focus.cal.year
    focus_year = _focus_year(ctx, m.start())
    if focus_year is not None:
        return focus_year
    return month_year(number, ref, ctx.direction(m.start(), m.end()))


def _focus_year(ctx: Context, start: int) -> int | None:
    """The year of a date in focus that named its own year earlier in the same sentence
    ("In 2019, ... in May" is May 2019)."""
    focus = ctx.focus
    if focus is None or not focus.explicit or focus.cal.year is None:
        return None
    between = ctx.text[focus.start:start]
    if len(between) > 250 or re.search(r"[.!?;]\s", between):
        return None
    return focus.cal.year


def _not_a_month(ctx: Context, m: re.Match) -> bool:
    """A bare month name that is a verb, a modal, or part of a name."""
    word = m["mon"].lower()
    start, end = m.span("mon")
    tok = ctx.token(start)
    if tok is not None and tok.pos_ in ("VERB", "AUX") and word in L.AMBIGUOUS_MONTHS:
        return True
    if word in L.AMBIGUOUS_MONTHS and preceding_word(ctx, start) in _TITLES:
        return True
    if named_entity(ctx, start, end):
        return True
    if tok is not None and any(c.dep_ in ("det", "poss", "amod") for c in tok.children):
        return True  # "the annual March for Life", "its first ice-free September"
    if word in L.AMBIGUOUS_MONTHS and preceding_word(ctx, start) in _BEFORE_VERB:
        return True  # "supporters will March on parliament"
    if word in ("may", "march") and tok is None:
        return preceding_word(ctx, start) not in _MONTH_CUES
    nxt = following_word(ctx, end)
    return word in L.AMBIGUOUS_MONTHS and bool(nxt) and ctx.text[end:end + 1] == " " and \
        ctx.text[end + 1:end + 2].isupper() and nxt not in ("last", "this", "next")


_BEFORE_VERB = frozenset({"will", "would", "to", "can", "could", "may", "might", "must", "shall",
                          "should", "did", "we", "they", "i", "you", "not", "and", "or", "also"})
_MONTH_CUES = frozenset({"in", "since", "by", "until", "till", "from", "to", "through", "during",
                         "before", "after", "of", "early", "late", "mid", "between", "and",
                         "last", "next", "this", "around", "throughout", "for", "on"})


# -- years, decades, centuries ----------------------------------------------------------
_YEAR_CUES = _MONTH_CUES | {"year", "fiscal", "at", "circa", "about", "in", "the", "summer",
                            "spring", "winter", "autumn", "fall", "or", "as", "around", "version"}
_STRONG_CUES = frozenset({"in", "since", "by", "until", "till", "of", "from", "through", "during", "before",
                          "after", "the", "its", "their", "his", "her", "our", "this", "fiscal", "year"})
_NUMBER_LABELS = frozenset({"CARDINAL", "MONEY", "QUANTITY", "PERCENT", "ORDINAL", "TIME"})


@rule("year", (POINT_MOD_WORDS, "fiscal calendar the fy # nineteen two"),
      f"(?:(?P<mod>{POINT_MOD})(?: |-)|(?P<fy>fiscal year |fiscal |calendar year |calendar "
      f"|the year |FY ))?(?P<year>{YEAR})(?P<orl> or later| or earlier| and beyond)?"
      r"|(?P<fyc>FY)(?P<fyear>(?:19|20)\d\d)(?!\w)")
def year(m: re.Match, ctx: Context) -> Reading | None:
    if m["fyear"]:
        cal = Cal("Y", int(m["fyear"]))  # "FY2023"
        return Reading("DATE", cal.timex(), cal=cal, explicit=True)
    value = year_number(m["year"])
    if value is None:
        return None
    if not (m["mod"] or m["fy"]) and _not_a_year(ctx, m, value):
        return None
    mod = mod_of(m["mod"])
    if m["orl"]:
        mod = "ON_OR_AFTER" if "earlier" not in m["orl"] else "ON_OR_BEFORE"
    words = " ".join((m["mod"] or "").lower().split())
    if words in ("the first half of", "the second half of"):
        cal = Cal("H", value, part="1" if "first" in words else "2")
        return Reading("DATE", cal.timex(), cal=cal, explicit=True)
    cal = Cal("Y", value)
    return Reading("DATE", cal.timex(), mod, cal=cal, explicit=True)


def _not_a_year(ctx: Context, m: re.Match, value: int) -> bool:
    start, end = m.span("year")
    if not m["year"][0].isdigit():
        return False
    tok = ctx.token(start)
    before = preceding_word(ctx, start)
    cue = before in _YEAR_CUES or ctx.text[end:end + 2] in ("'s", "’s")
    if tok is not None:
        if tok.dep_ == "nummod" and tok.head.tag_ == "NNS" and tok.head.i > tok.i and before not in _STRONG_CUES:
            return True  # "sent 2000 troops" ("the 2020 elections", "in 1990 elections" are dates)
        if tok.ent_type_ == "DATE":
            return False
        if tok.ent_type_ in _NUMBER_LABELS and not cue:
            return True
    written = preceding_word_as_written(ctx, start)
    if not cue and written[:1].isupper() and not sentence_start(ctx, start - len(written)):
        return True  # "Orion 1980", "Windows 2000": part of a name
    near = ctx.dct.year if ctx.dct else 2000
    return not cue and not (near - 150 <= value <= near + 30)


@rule("decade", ("the early mid late # ' ’", L.DECADE_WORDS),
      f"(?:the )?(?:(?P<mod>early|mid|late)[- ])?(?P<dec>(?:1[0-9]|20)\\d0s|['’]\\d0s|\\d0s|{DECADE_WORDS_RE})(?![\\w'])")
def decade(m: re.Match, ctx: Context) -> Reading | None:
    if preceding_word(ctx, m.start()) in ("their", "his", "her", "my", "our", "your", "its"):
        return None
    text = m["dec"].lower()
    if text[0] in "'’" or len(text) == 3:
        tens = int(text[-3])
        base = (ctx.dct.year // 100 * 100) if ctx.dct else 1900
        first = base + tens * 10
        if ctx.dct and first > ctx.dct.year:
            first -= 100
    elif text.isalpha():
        first = 1900 + L.DECADE_WORDS[text] * 10
    else:
        first = int(text[:4])
    if first % 100 == 0 and first < 2000 and text[:1].isdigit() and len(text) == 5:
        cal = Cal("C", first)  # "the 1800s": the century ("the 2000s" is a decade)
    else:
        cal = Cal("E", first)
    return Reading("DATE", cal.timex(), mod_of(m["mod"]), cal=cal)


@rule("century", ("the early mid late #", ORDINAL_STARTS),
      f"(?:the )?(?:(?P<mod>early|mid|late)[- ])?(?P<n>\\d{{1,2}}(?:st|nd|rd|th)|{ORDINAL_WORD})[- ]century")
def century(m: re.Match, ctx: Context) -> Reading | None:
    digits = re.match(r"\d+", m["n"])
    n = int(digits.group()) if digits else L.ORDINALS.get(m["n"].lower())
    if not n:
        return None
    cal = Cal("C", (n - 1) * 100)
    return Reading("DATE", cal.timex(), mod_of(m["mod"]), cal=cal)


# -- holidays -------------------------------------------------------------------------------
_HOLIDAY = "(?:" + "|".join(sorted((re.escape(h) for h in L.HOLIDAYS), key=len, reverse=True)) + \
    r"|Thanksgiving(?: Day)?|Easter(?: Sunday| Monday)?|Good Friday|Election Day)"


@rule("holiday", ("last next this thanksgiving easter good election", L.HOLIDAYS),
      f"(?:(?P<dem>last|next|this) )?(?P<h>{_HOLIDAY})(?:,? (?P<year>{YEAR4}))?(?![\\w-])")
def holiday(m: re.Match, ctx: Context) -> Reading | None:
    if not capitalised(m["h"]) or (m["h"].lower() == "may day" and m["h"] != "May Day"):
        return None
    name = " ".join(m["h"].lower().replace("’", "'").split())
    year = int(m["year"]) if m["year"] else (ctx.dct.year if ctx.dct else None)
    day = _holiday_day(name, year)
    if day is None:
        return None
    if year is not None and not m["year"]:
        dem = (m["dem"] or "").lower()
        direction = {"last": "past", "next": "future"}.get(dem) or ctx.direction(m.start(), m.end())
        year = day_year(day[0], day[1], ctx.dct, direction) if dem != "this" else year
        day = _holiday_day(name, year)
    cal = Cal("D", year, day[0], day[1])
    return Reading("DATE", cal.timex(), cal=cal)


def _holiday_day(name: str, year: int | None) -> tuple[int, int] | None:
    if name in L.HOLIDAYS:
        return L.HOLIDAYS[name]
    if year is None:
        return None
    if name == "election day":  # US: the Tuesday after the first Monday of November
        first = date(year, 11, 2)
        tuesday = first + timedelta(days=(1 - first.weekday()) % 7)
        return tuesday.month, tuesday.day
    if name.startswith("thanksgiving"):
        first = date(year, 11, 1)
        thursday = first + timedelta(days=(3 - first.weekday()) % 7 + 21)
        return thursday.month, thursday.day
    easter = _easter(year)
    if name == "good friday":
        easter -= timedelta(days=2)
    elif name.endswith("monday"):
        easter += timedelta(days=1)
    return easter.month, easter.day


def _easter(year: int) -> date:
    """Western Easter Sunday (the anonymous Gregorian computus)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    l_ = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * l_) // 451
    month, day = divmod(h + l_ - 7 * m + 114, 31)
    return date(year, month, day + 1)

