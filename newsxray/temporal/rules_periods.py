"""Weekdays, seasons, quarters and halves of the year.

"last Tuesday" is the most recent Tuesday before the publication day; a bare "Friday" is
the Friday of the publication week that the tense points to (past: that day or before,
future: that day or after). Seasons need a cue ("this summer", "in the spring", "fall
2020") so that "spring water" and "prices fall" stay out. Quarters without a year take the
publication year, or the year of the quarter in focus ("the year-earlier quarter").
"""
from __future__ import annotations

import re

from . import lexicon as L
from .context import Context, Reading, weekday_date
from .patterns import ORDINAL_STARTS, PART_OF_DAY, POINT_MOD, POINT_MOD_WORDS, SEASON, WEEKDAY, YEAR
from .rulebase import (capitalised, following_word, mod_of, named_entity, preceding_word, rule, weekday_number,
                       year_number)
from .values import Cal

_PAPERS = frozenset({"times", "telegraph", "express", "mirror", "post", "herald", "mail",
                     "independent", "observer", "star", "people", "sport", "tribune", "news",
                     "world", "night", "school", "service", "services", "ticket", "edition"})


# -- weekdays -------------------------------------------------------------------------------
@rule("weekday", ("early late mid this last next coming past the that every each", L.WEEKDAYS),
      f"(?:(?P<mod>early|late|mid-?) )?(?:(?P<dem>this past|this coming|last|next|this|coming|past"
      f"|the previous|the following|the next|that|every|each) )?(?P<wd>{WEEKDAY})(?P<pl>s)?"
      f"(?: (?P<part>{PART_OF_DAY})(?:s)?)?(?![\\w-])")
def weekday(m: re.Match, ctx: Context) -> Reading | None:
    if not capitalised(m["wd"]) or _weekday_is_name(ctx, m):
        return None
    number = weekday_number(m["wd"])
    dem = " ".join((m["dem"] or "").lower().split())
    part = L.PARTS_OF_DAY.get((m["part"] or "").lower())
    if m["pl"] or dem in ("every", "each"):
        value = f"XXXX-WXX-{number}" + (f"T{part}" if part else "")
        return Reading("SET", value, focus=False)
    day, anchored = _weekday_day(m, ctx, number, dem)
    if day is None:
        cal = Cal("D", None)
        value = cal.timex() if not part else f"{cal.timex()}T{part}"
        return Reading("TIME" if part else "DATE", value, focus=False)
    mod = {"early": "START", "late": "END", "mid": "MID", "mid-": "MID"}.get((m["mod"] or "").lower())
    if part:
        cal = Cal("T", day.year, day.month, day.day, part=part)
        return Reading("TIME", cal.timex(), mod, cal=cal, point=day, anchored=anchored)
    cal = Cal.of_date(day)
    return Reading("DATE", cal.timex(), mod, cal=cal, anchored=anchored)


def _weekday_day(m: re.Match, ctx: Context, number: int, dem: str):
    if dem in ("the previous", "the following", "the next", "that"):
        ref = ctx.anchor_day()
        if ref is None:
            return None, False
        relation = {"the previous": "last", "that": "future"}.get(dem, "next")
        return weekday_date(number, ref, relation), True
    if ctx.dct is None:
        return None, False
    relation = {"last": "last", "this past": "last", "past": "last", "next": "next",
                "this coming": "next", "coming": "next", "this": None}.get(dem, "")
    if relation == "":
        relation = weekday_direction(ctx, m)
    elif relation is None:
        return weekday_date(number, ctx.dct, None), False
    return weekday_date(number, ctx.dct, relation), False


def weekday_direction(ctx: Context, m: re.Match) -> str:
    """A bare weekday is in the past unless the verb is in the future or present tense
    ("they meet Monday") or a deadline points ahead ("until Friday")."""
    tense = ctx.tense(m.start(), m.end())
    before = preceding_word(ctx, m.start())
    if before in ("until", "till") or (before == "by" and tense != "past") or \
            ctx.text[max(0, m.start() - 12):m.start()].lower().rstrip().endswith(("as soon as", "as early as")):
        return "future"
    return "future" if tense in ("future", "present") else "past"


def _weekday_is_name(ctx: Context, m: re.Match) -> bool:
    start, end = m.span("wd")
    if m["part"] or m["dem"]:
        return False
    nxt = following_word(ctx, m.end())
    if nxt in _PAPERS and ctx.text[m.end():m.end() + 2].strip()[:1].isupper():
        return True
    if preceding_word(ctx, start) in ("super", "black", "bloody", "cyber", "good", "ash", "holy"):
        return True
    return named_entity(ctx, start, end)


# -- seasons --------------------------------------------------------------------------------
_SEASON_CUES = frozenset({"in", "during", "through", "until", "till", "by", "since", "over", "into",
                          "throughout", "for", "before", "after", "from", "this", "early", "late",
                          "toward", "towards", "across"})


@rule("season", (POINT_MOD_WORDS, "this last next past coming that the every each", L.SEASONS),
      f"(?:(?P<mod>{POINT_MOD})(?: |-)(?:of )?|(?P<dem>this past|this coming|last|next|this|past|coming"
      f"|that|the|every|each) )?(?P<season>{SEASON})(?P<pl>s)?(?:(?: of)?,? (?P<year>{YEAR}))?(?![\\w-])")
def season(m: re.Match, ctx: Context) -> Reading | None:
    if _not_a_season(ctx, m):
        return None
    code = L.SEASONS[m["season"].lower()]
    dem = " ".join((m["dem"] or "").lower().split())
    if dem in ("every", "each") or m["pl"]:
        return Reading("SET", f"XXXX-{code}", focus=False)
    if m["year"]:
        year = year_number(m["year"])
    elif ctx.dct is None:
        year = None
    else:
        year = _season_year(ctx, m, code, dem)
    cal = Cal("S", year, part=code)
    anchored = dem == "that" and ctx.focus is not None
    return Reading("DATE", cal.timex(), mod_of(m["mod"]), cal=cal, anchored=anchored)


def _season_year(ctx: Context, m: re.Match, code: str, dem: str) -> int:
    now = Cal.of_date(ctx.dct, "S")
    order = ("SP", "SU", "FA", "WI")
    ahead = order.index(code) - order.index(now.part)
    year = ctx.dct.year - (1 if now.part == "WI" and ctx.dct.month <= 2 else 0)
    if dem in ("last", "past", "this past"):
        return year if ahead < 0 else year - 1
    if dem in ("next", "coming", "this coming"):
        return year if ahead > 0 else year + 1
    if dem == "that" and ctx.focus is not None and ctx.focus.cal.year is not None:
        return ctx.focus.cal.year  # "that summer": the summer of the year in focus
    if dem == "this" or ahead == 0:
        return year
    direction = ctx.direction(m.start(), m.end())
    if direction == "past":
        return year if ahead < 0 else year - 1
    if direction == "future":
        return year if ahead > 0 else year + 1
    return year


def _not_a_season(ctx: Context, m: re.Match) -> bool:
    start, end = m.span("season")
    word = m["season"]
    if m["pl"] and not (m["dem"] or "").lower() in ("every", "each"):
        return preceding_word(ctx, m.start()) not in ("in", "during", "the")
    tok = ctx.token(start)
    if tok is not None and tok.pos_ in ("VERB", "AUX"):
        return True
    if word[:1].isupper() and ctx.text[end:end + 2].strip()[:1].isupper():
        return True  # "Summer Olympics", "Arab Spring Uprising"
    if preceding_word(ctx, start) in ("arab", "prague", "hot", "mineral", "nuclear", "political"):
        return True
    if m["mod"] or m["year"]:
        return False
    dem = (m["dem"] or "").lower()
    if dem and dem != "the":
        return False
    if following_word(ctx, end) == "of":
        return True  # "the fall of Kabul"
    return preceding_word(ctx, m.start()) not in _SEASON_CUES


# -- quarters and halves ------------------------------------------------------------------
_Q_ORD = r"(?P<ord>first|second|third|fourth|final|last|1st|2nd|3rd|4th)"
_Q_QUAL = (r"(?:fiscal|calendar|latest|current|past|previous|recent|most recent|year-earlier|year-ago"
           r"|year-before|comparable|corresponding|same|this|last|next|\d{4}|this year's|last year's"
           r"|next year's|\d{4}'s)")
_Q_YEAR = f"(?: of (?:the )?(?:fiscal |calendar )?(?:year )?(?P<year>{YEAR}|this year|last year|next year))?"


@rule("quarter", ("the fiscal calendar latest current past previous recent most year comparable corresponding "
                  "same this last next # final", ORDINAL_STARTS),
      f"(?:the )?(?P<quals>(?:{_Q_QUAL} ){{0,3}}){_Q_ORD}(?: |-)(?P<unit>quarter|half)(?P<pl>s)?{_Q_YEAR}(?![\\w])")
def quarter(m: re.Match, ctx: Context) -> Reading | None:
    unit = "Q" if m["unit"].lower() == "quarter" else "H"
    ordinal = m["ord"].lower()
    n = {"final": 4, "last": 4}.get(ordinal) or L.ORDINALS.get(ordinal) or int(ordinal[0])
    if unit == "H":
        n = 2 if ordinal in ("final", "last") else n
        if n > 2:
            return None
    if m["pl"]:
        return Reading("SET", f"XXXX-{unit}{n}", focus=False)
    quals = " ".join(m["quals"].lower().split())
    year = _quarter_year(ctx, m, quals, unit, n)
    cal = Cal(unit, year, part=str(n))
    return Reading("DATE", cal.timex(), cal=cal)


def _quarter_year(ctx: Context, m: re.Match, quals: str, unit: str, n: int) -> int | None:
    words = (m["year"] or "").lower() + " " + quals
    if m["year"] and not m["year"].lower().endswith(" year"):
        return year_number(m["year"])
    in_quals = re.search(r"\d{4}", quals)
    if in_quals:
        return int(in_quals.group())
    base = _base_year(ctx, m, unit, n)
    if base is None:
        return None
    if "last year" in words or "year-earlier" in words or "year-ago" in words or "year-before" in words:
        return base - 1
    if "next year" in words:
        return base + 1
    return base


def _base_year(ctx: Context, m: re.Match, unit: str, n: int) -> int | None:
    """The year of "the third quarter": the last such quarter that has begun by the
    publication date (a later one in the future tense)."""
    if ctx.dct is None:
        focus = ctx.focus
        return focus.cal.year if focus is not None and focus.cal.gran in ("Q", "H") else None
    current = (ctx.dct.month - 1) // (3 if unit == "Q" else 6) + 1
    if n > current and ctx.tense(m.start(), m.end()) != "future":
        return ctx.dct.year - 1
    return ctx.dct.year


@rule("quarter_code", ("q h",),
      r"(?<![\w-])(?P<q>[QH])(?P<n>[1-4])(?:,? (?:of )?(?:FY)?(?P<year>(?:19|20)\d\d|['’]\d\d))?(?![\w-])")
def quarter_code(m: re.Match, ctx: Context) -> Reading | None:
    unit, n = m["q"].upper(), int(m["n"])
    if unit == "H" and n > 2 or m["q"].islower():
        return None
    if m["year"]:
        digits = m["year"].lstrip("'’")
        year = int(digits) + (2000 if len(digits) == 2 else 0)
    else:
        year = ctx.dct.year if ctx.dct else None
    cal = Cal(unit, year, part=str(n))
    return Reading("DATE", cal.timex(), cal=cal)
