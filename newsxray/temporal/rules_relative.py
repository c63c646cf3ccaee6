"""Deictic and anchored expressions: "yesterday", "last week", "earlier this year",
"the next day", "that week", "at the time".

Words that point from the moment of writing ("last", "this", "next", "yesterday") count
from the publication date; words that point from the story ("the next day", "the
following year", "that week", "the same day") count from the date in focus, the last
specific date the text mentioned (the publication date when there is none yet).
"""
from __future__ import annotations

import re
from dataclasses import replace
from datetime import timedelta

from . import lexicon as L
from .context import Context, Reading
from .patterns import POINT_MOD, POINT_MOD_WORDS
from .rulebase import (following_word, mod_of, named_entity, preceding_word, preceding_word_as_written, rule,
                       sentence_start)
from .values import Cal, duration

_DAY_OFFSET = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1}
_PART = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI"}
_EDGE_MOD = {"early": "START", "late": "END", "mid": "MID"}


@rule("deictic_day", ("early late earlier later mid today tonight yesterday tomorrow",),
      r"(?:(?P<mod>early|late|earlier|later|mid-?) )?(?P<day>today|tonight|yesterday|tomorrow)"
      r"(?: (?P<part>morning|afternoon|evening|night))?(?![\w-])")
def deictic_day(m: re.Match, ctx: Context) -> Reading | None:
    if _capitalised_name(ctx, m.start("day"), m.end()):
        return None  # "VOA Today", "the Today show"
    word = m["day"].lower()
    part = "NI" if word == "tonight" else _PART.get((m["part"] or "").lower())
    mod = _EDGE_MOD.get((m["mod"] or "").lower().rstrip("-"))
    return _day_reading(ctx, _DAY_OFFSET[word], part, mod)


@rule("part_of_day", ("early late earlier later this last tomorrow yesterday",),
      r"(?:(?P<mod>early|late|earlier|later) )?(?P<dem>this|last|tomorrow|yesterday)"
      r" (?P<part>morning|afternoon|evening|night)(?![\w-])")
def part_of_day(m: re.Match, ctx: Context) -> Reading | None:
    dem = m["dem"].lower()
    offset = {"this": 0, "last": -1, "tomorrow": 1, "yesterday": -1}[dem]
    if dem == "last" and m["part"].lower() != "night" and m["part"].lower() != "evening":
        return None  # "last morning" is not said
    mod = _EDGE_MOD.get((m["mod"] or "").lower())
    return _day_reading(ctx, offset, _PART[m["part"].lower()], mod)


@rule("day_before", ("the",), r"the day (?P<rel>before yesterday|after tomorrow)(?![\w-])")
def day_before(m: re.Match, ctx: Context) -> Reading | None:
    return _day_reading(ctx, -2 if m["rel"].lower().startswith("before") else 2, None, None)


@rule("overnight", ("overnight",), r"(?<![\w-])overnight(?![\w-])")
def overnight(m: re.Match, ctx: Context) -> Reading | None:
    tok = ctx.token(m.start())
    if tok is not None and tok.pos_ == "ADJ":
        return None  # "an overnight stay"
    return _day_reading(ctx, -1, "NI", None)


def _day_reading(ctx: Context, offset: int, part: str | None, mod: str | None) -> Reading:
    if ctx.dct is None:
        value = "XXXX-XX-XX" + (f"T{part}" if part else "")
        return Reading("TIME" if part else "DATE", value, mod, focus=False)
    day = ctx.dct + timedelta(days=offset)
    if part:
        cal = Cal("T", day.year, day.month, day.day, part=part)
        return Reading("TIME", cal.timex(), mod, cal=cal, point=day)
    cal = Cal.of_date(day)
    return Reading("DATE", cal.timex(), mod, cal=cal)


# -- "last week", "earlier this year", "the next day", "that week" ---------------------
_DEM = (r"(?P<dem>this past|this coming|this|last|next|past|coming|previous|current|the current|the past"
        r"|the previous|the preceding|the next|the coming|the following|the same|the latest|the prior"
        r"|the last|that same|that|the)")
_UNIT = (r"(?P<fy>fiscal |calendar |full )?(?P<unit>day|morning|afternoon|evening|night|week|weekend|month"
         r"|year|quarter|decade|century|half|period|time)")
_UNIT_CODE = {"day": "D", "week": "W", "weekend": "WE", "month": "M", "year": "Y", "quarter": "Q",
              "decade": "E", "century": "C", "half": "H"}
_LAST = frozenset({"last", "past", "previous", "this past", "the previous", "the prior", "the preceding"})
_NEXT = frozenset({"next", "coming", "this coming", "the coming"})
_SAME = frozenset({"that", "that same", "the same"})


@rule("deixis", (POINT_MOD_WORDS, "earlier later sometime some this last next past coming previous current the that",),
      f"(?:(?P<mod>{POINT_MOD}|earlier|later|sometime|some time)(?: |-)(?:in |on |of )?)?{_DEM} {_UNIT}"
      r"(?P<rel> before| after| earlier| later)?(?![\w-])")
def deixis(m: re.Match, ctx: Context) -> Reading | None:
    if _capitalised_name(ctx, m.start("unit"), m.end("unit")):
        return None  # "This Week" (a programme), "The Week"
    dem = " ".join(m["dem"].lower().split())
    unit = m["unit"].lower()
    mod_words = " ".join((m["mod"] or "").lower().split())
    mod = None if mod_words in ("earlier", "later", "sometime", "some time") else mod_of(mod_words)
    rel = (m["rel"] or "").strip().lower()
    cut = m.start("rel") if rel in ("before", "after") and _followed_by_phrase(ctx, m.end()) else None
    if cut is not None:
        rel = ""  # "the day after the vote": "after" is a preposition, not part of the date
    if unit in _PART or unit == "day":
        reading = _day_deixis(ctx, dem, unit, rel, mod, bool(mod_words) or _in_the(ctx, m))
    elif unit == "time":
        return None
    elif unit == "period":
        if dem not in ("the", "the latest", "the same", "that"):
            return None
        reading = _reported_period(m, ctx, dem, "Q")
    elif dem in ("the past", "the last") and not mod_words:
        code = _UNIT_CODE[unit]
        amount, code = (2, "D") if code == "WE" else (1, code)
        reading = Reading("DURATION", duration(amount, code), focus=False)
    else:
        reading = _calendar_deixis(m, ctx, dem, _UNIT_CODE[unit], mod, bool(mod_words))
    return replace(reading, end=cut) if reading is not None and cut is not None else reading


def _capitalised_name(ctx: Context, start: int, end: int) -> bool:
    """A capitalised word that the parse puts in a name, not at the start of a sentence."""
    word = ctx.text[start:end]
    if not word[:1].isupper() or word.isupper():
        return False
    if sentence_start(ctx, start) or (start > 0 and not sentence_start(ctx, start)
                                      and _first_word_of_sentence(ctx, start)):
        return False
    if named_entity(ctx, start, end):
        return True
    nxt = ctx.text[end:end + 40].split()
    return bool(nxt) and nxt[0][:1].islower()  # "on ABC's This Week, said": a title mid-sentence


def _first_word_of_sentence(ctx: Context, start: int) -> bool:
    """"This Week" at the start of a sentence: the capital belongs to "This"."""
    before = preceding_word_as_written(ctx, start)
    return bool(before) and before[:1].isupper() and sentence_start(ctx, start - len(before.rstrip()) - 1)


def _followed_by_phrase(ctx: Context, end: int) -> bool:
    word = following_word(ctx, end)
    return bool(word) and word not in ("and", "but", "or", "when", "as")


def _in_the(ctx: Context, m: re.Match) -> bool:
    """"in the morning", "during the day": the part of the day in focus."""
    return preceding_word(ctx, m.start()) in ("in", "during", "through", "throughout")


def _day_deixis(ctx: Context, dem: str, unit: str, rel: str, mod: str | None,
                same_day: bool = False) -> Reading | None:
    if dem in ("the following", "the next") or rel in ("after", "later"):
        offset = 1
    elif dem in ("the previous", "the prior", "the preceding") or rel in ("before", "earlier"):
        offset = -1
    elif dem in _SAME or (dem == "the" and same_day):
        offset = 0
    else:
        return None  # "this morning" and "last night" have their own rule; "the day" alone is vague
    anchor = ctx.anchor_day()
    part = _PART.get(unit)
    if anchor is None:
        value = "XXXX-XX-XX" + (f"T{part}" if part else "")
        return Reading("TIME" if part else "DATE", value, mod, focus=False)
    day = anchor + timedelta(days=offset)
    limit = ctx.anchor_limit()
    if limit is not None:
        cal = Cal.of_date(day, limit)  # "the next day" after "in May": in May, no finer
        return Reading("DATE", cal.timex(), mod, cal=cal, anchored=True)
    if part:
        cal = Cal("T", day.year, day.month, day.day, part=part)
        return Reading("TIME", cal.timex(), mod, cal=cal, point=day, anchored=True)
    cal = Cal.of_date(day)
    return Reading("DATE", cal.timex(), mod, cal=cal, anchored=True)


def _calendar_deixis(m: re.Match, ctx: Context, dem: str, code: str, mod: str | None,
                     has_mod: bool) -> Reading | None:
    gran = code
    step = "W" if code == "WE" else code
    anchored = dem in _SAME or dem in ("the following",) or (dem == "the next" and _past(ctx, m))
    if dem == "the" and not has_mod and code in ("Y", "W", "M"):
        return _the_unit(m, ctx, code)
    if dem == "the" and not has_mod and code not in ("Q", "WE"):
        return None  # "the decade", "the century": too vague alone
    if code in ("Q", "H") and dem in ("the", "the latest", "the current", "current"):
        return _reported_period(m, ctx, dem, code)
    base = ctx.anchor_cal() if anchored else ctx.today
    if base is None:
        return Reading("DATE", Cal(gran, None).timex(), mod, focus=False)
    base = base.at(gran) if base.year is not None else base
    if dem in _LAST:
        value = base.shift(-1, step)
    elif dem in _NEXT or dem in ("the following", "the next"):
        value = base.shift(1, step)
    elif dem == "the" and code == "WE":
        value = _nearest_weekend(ctx, m, base)
    else:
        value = base
    if code == "WE" and dem in ("this", "current") and ctx.dct is not None:
        value = _nearest_weekend(ctx, m, base) if ctx.dct.isoweekday() < 6 and _past(ctx, m) else value
    return Reading("DATE", value.timex(), mod, cal=value, anchored=anchored)


def _the_unit(m: re.Match, ctx: Context, code: str) -> Reading | None:
    """"for the year ended June 30": a duration; "a high for the year": the year in focus."""
    after = following_word(ctx, m.end())
    if after in ("ended", "ending", "to", "before", "after", "that", "when", "in", "long", "ahead"):
        if after in ("ended", "ending", "to") and code == "Y":
            return Reading("DURATION", duration(1, code), focus=False)
        return None
    if code != "Y" and preceding_word(ctx, m.start()) not in ("for", "during", "of", "in", "throughout") \
            and ctx.text[m.end():m.end() + 2] not in ("'s", "’s"):
        return None  # "the week" alone is rarely a date
    base = ctx.anchor_cal()
    if base is None:
        return Reading("DATE", Cal(code, None).timex(), focus=False)
    value = base.at(code) if base.year is not None else base
    return Reading("DATE", value.timex(), cal=value, anchored=ctx.focus is not None, focus=False)


def _reported_period(m: re.Match, ctx: Context, dem: str, code: str) -> Reading | None:
    """"the quarter", "the latest quarter": the one in focus, else the one just ended."""
    focus = ctx.period
    if focus is not None and focus.cal.gran == code:
        return Reading("DATE", focus.cal.timex(), cal=focus.cal, anchored=True)
    if ctx.dct is None:
        return Reading("DATE", Cal(code, None).timex(), focus=False)
    now = Cal.of_date(ctx.dct, code)
    value = now if "current" in dem else now.shift(-1, code)
    return Reading("DATE", value.timex(), cal=value)


def _past(ctx: Context, m: re.Match) -> bool:
    return ctx.tense(m.start(), m.end()) == "past"


def _nearest_weekend(ctx: Context, m: re.Match, base: Cal) -> Cal:
    """The weekend the sentence means: the last one in the past tense, else the coming one."""
    if ctx.dct is None or ctx.dct.isoweekday() >= 6:
        return base
    return base.shift(-1, "W") if _past(ctx, m) else base


# -- "at the time" ----------------------------------------------------------------------
@rule("at_the_time", ("the that",),
      r"(?<=\bat\s)(?P<x>the time|that time)(?! of\b| when\b| that\b| to\b| for\b| it\b| we\b| they\b| I\b)")
def at_the_time(m: re.Match, ctx: Context) -> Reading | None:
    nxt = ctx.token(_next_word_start(ctx.text, m.end()))
    if nxt is not None and nxt.pos_ in ("PROPN", "PRON", "DET", "NOUN", "NUM", "ADJ"):
        return None  # "at the time Howes was captured": the time of a clause, not the date in focus
    focus = ctx.focus
    if focus is None or ctx.dct is None:
        return None
    if focus.cal.first_day() is not None and focus.cal.first_day() > ctx.dct:
        return None
    return Reading("DATE", focus.cal.timex(), focus.mod, cal=focus.cal, point=focus.point, anchored=True)


def _next_word_start(text: str, pos: int) -> int:
    while pos < len(text) and text[pos].isspace():
        pos += 1
    return min(pos, max(len(text) - 1, 0))


# -- references to now, the past and the future ------------------------------------------
@rule("ref", ("now currently nowadays at these recently lately the future current",),
      r"(?P<w>now|currently|nowadays|at present|these days|recently|lately|the past|the future|the near future"
      r"|the near term|the short term|the long term|future|current)(?![\w-])")
def ref(m: re.Match, ctx: Context) -> Reading | None:
    """"now", "recently", "the future": PRESENT_REF, PAST_REF, FUTURE_REF.

    Words that the TimeBank annotators left mostly untagged ("previously", "soon",
    "already", "once") are not read."""
    word = " ".join(m["w"].lower().split())
    if word in ("the past", "the future") and _modifies_noun(ctx, m.end()):
        return None  # "the past president"
    if word == "current":
        tok = ctx.token(m.start())
        if tok is None or tok.dep_ != "amod" or tok.head.lower_ in _CURRENT_NOT_TIME:
            return None  # "current account", "electric current"
        return _ref("PRESENT_REF")
    if word == "future":
        before = ctx.text[max(0, m.start() - 8):m.start()].lower()
        if not before.rstrip().endswith("in") or _modifies_noun(ctx, m.end()):
            return None  # "in future" alone; "future losses" is not a time
        return _ref("FUTURE_REF")
    return _ref(L.REFS[word])


_CURRENT_NOT_TIME = frozenset({"account", "accounts", "affairs", "events", "flow", "flows", "density",
                               "source", "sources", "meter", "strength", "sea", "water", "waters"})


def _modifies_noun(ctx: Context, end: int) -> bool:
    tok = ctx.token(end - 1)
    return tok is not None and tok.dep_ in ("amod", "compound", "nmod") and tok.head.i > tok.i


def _ref(value: str) -> Reading:
    return Reading("DATE", value, focus=False)


# -- "the year-earlier quarter", "year-ago results", "the same period last year" ---------------
@rule("year_ago", ("the comparable corresponding same year",),
      r"(?:the )?(?:(?:comparable|corresponding|same) )?(?P<w>year-earlier|year-ago|year-before)"
      r"(?: (?P<ord>first|second|third|fourth) quarter| (?P<unit>quarter|period|half|nine months|six months))?(?![\w-])"
      r"|the (?:same|corresponding|comparable) (?P<unit2>period|quarter) (?:of )?(?:last year|a year (?:ago|earlier))")
def year_ago(m: re.Match, ctx: Context) -> Reading | None:
    unit = (m["unit"] or m["unit2"] or "").lower()
    if unit.endswith("months"):
        return Reading("DURATION", duration(int(L.number_value(unit.split()[0]) or 0), "M"), focus=False)
    period = ctx.period
    if m["ord"]:
        n = L.ORDINALS[m["ord"].lower()]
        year = (period.cal.year if period is not None else (ctx.dct.year if ctx.dct else None))
        cal = Cal("Q", None if year is None else year - 1, part=str(n))
    elif period is not None:
        cal = period.cal.shift(-1, "Y")
    elif ctx.dct is not None:
        gran = "Q" if unit in ("quarter", "period") else "Y"
        now = Cal.of_date(ctx.dct, gran)
        cal = (now.shift(-1, gran) if gran == "Q" else now).shift(-1, "Y")
    else:
        return Reading("DATE", "XXXX", focus=False)
    return Reading("DATE", cal.timex(), cal=cal, anchored=period is not None, focus=False)


# -- "year-end", "by year's end" ----------------------------------------------------------
@rule("year_end", ("year around",), r"(?:(?P<q>around) )?(?P<x>year(?:-end|['’]s end| end))(?![\w-])")
def year_end(m: re.Match, ctx: Context) -> Reading | None:
    if ctx.dct is None:
        return Reading("DATE", "XXXX", "END", focus=False)
    tense = ctx.tense(m.start(), m.end())
    year = ctx.dct.year - (1 if preceding_word(ctx, m.start("x")) == "since" or tense == "past" and
                           ctx.dct.month < 3 else 0)
    cal = Cal("Y", year)
    return Reading("DATE", cal.timex(), "APPROX" if m["q"] else "END", cal=cal, focus=False)


# -- "late afternoon", "mid-morning", "early evening" ------------------------------------------
@rule("part_alone", ("early late mid midafternoon midmorning",),
      r"(?P<mod>early|late|mid)?[- ]?(?P<part>morning|afternoon|evening|night)(?: (?P<day>yesterday|today|tomorrow))?(?![\w-])"
      r"|(?P<joined>midafternoon|midmorning)(?![\w-])")
def part_alone(m: re.Match, ctx: Context) -> Reading | None:
    if not (m["mod"] or m["joined"]):
        return None
    part = _PART.get((m["part"] or m["joined"][3:]).lower())
    mod = "MID" if m["joined"] else _EDGE_MOD.get(m["mod"].lower())
    offset = _DAY_OFFSET.get((m["day"] or "today").lower(), 0)
    if m["day"] is None and ctx.focus is not None and ctx.focus.cal.gran in ("D", "T") \
            and m.start() - ctx.focus.start < 250:
        day = ctx.focus.point or ctx.focus.cal.first_day()
        cal = Cal("T", day.year, day.month, day.day, part=part)
        return Reading("TIME", cal.timex(), mod, cal=cal, point=day, anchored=True)
    return _day_reading(ctx, offset, part, mod)
