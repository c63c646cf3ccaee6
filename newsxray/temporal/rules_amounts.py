"""Amounts of time: durations ("two weeks", "the past three years", "a five-year plan"),
dates counted from now or from the story ("two weeks ago", "a year earlier", "three days
later") and sets ("daily", "every Monday", "twice a year").
"""
from __future__ import annotations

import re
from datetime import timedelta

from . import lexicon as L
from .context import Context, Reading
from .patterns import MONTH_FULL, NUM, NUMBER_STARTS, QUANT_MOD, QUANT_MOD_WORDS, SEASON, UNIT_WORD, WEEKDAY
from .rulebase import following_word, month_number, preceding_word, rule, weekday_number
from .values import GRAN_ORDER, Cal, duration

_RANK = {g: i for i, g in enumerate(GRAN_ORDER)}

_UNIT = {"second": "S", "minute": "MIN", "hour": "H", "day": "D", "night": "D", "week": "W",
         "weekend": "W", "fortnight": "W", "month": "M", "quarter": "Q", "year": "Y",
         "decade": "E", "century": "C", "millennium": "L"}
_CAL_GRAN = {"D": "D", "W": "W", "M": "M", "Q": "Q", "Y": "Y", "E": "Y", "C": "Y", "L": "Y"}
_COARSER = {"S": "D", "MIN": "D", "H": "D", "D": "M", "W": "M", "M": "Y", "Q": "Y", "Y": "E",
            "E": "C", "C": "C", "L": "C"}
_QMOD_DURATION = {"about": "APPROX", "around": "APPROX", "roughly": "APPROX", "approximately": "APPROX",
                  "nearly": "APPROX", "almost": "APPROX", "some": "APPROX", "more than": "MORE_THAN",
                  "over": "MORE_THAN", "longer than": "MORE_THAN", "well over": "MORE_THAN",
                  "just over": "MORE_THAN", "less than": "LESS_THAN", "fewer than": "LESS_THAN",
                  "under": "LESS_THAN", "just under": "LESS_THAN", "barely": "LESS_THAN",
                  "at least": "EQUAL_OR_MORE", "no less than": "EQUAL_OR_MORE",
                  "up to": "EQUAL_OR_LESS", "at most": "EQUAL_OR_LESS", "no more than": "EQUAL_OR_LESS",
                  "within": "EQUAL_OR_LESS"}
_QMOD_AGO = {"more than": "BEFORE", "over": "BEFORE", "well over": "BEFORE", "just over": "BEFORE",
             "less than": "AFTER", "under": "AFTER", "just under": "AFTER", "barely": "AFTER",
             "at least": "ON_OR_BEFORE", "no less than": "ON_OR_BEFORE"}
_FROM_NOW = frozenset({"ago", "back", "from now", "hence"})
_VAGUE = frozenset({"a few", "few", "several", "many", "a number of", "dozens of", "hundreds of",
                    "a number", "dozens", "hundreds"})
_DEM_WORDS = ("the past", "the last", "the next", "the first", "the coming", "the previous", "the final",
              "the remaining", "the following", "the latest", "the same", "the initial", "the other", "the",
              "past", "last", "next", "first", "another", "an additional", "an extra",
              "each of the past", "each of the last")
_DEM = "|".join(sorted(_DEM_WORDS, key=len, reverse=True))


def unit_code(word: str) -> str:
    word = word.lower()
    return _UNIT[L.UNIT_PLURALS.get(word, word)]


def amount(num: str) -> float | None:
    """The number of an amount; None when it is vague ("several")."""
    text = " ".join(num.lower().split())
    if text in ("a couple of", "a couple", "couple of"):
        return 2
    if text in _VAGUE or text.removesuffix(" of") in _VAGUE:
        return None
    return L.number_value(text)


# -- "two weeks", "two weeks ago", "the past three years", "a five-year plan" ---------------
@rule("amount", (QUANT_MOD_WORDS, _DEM_WORDS, NUMBER_STARTS),
      f"(?:(?P<q>{QUANT_MOD}) )?(?:(?P<dem>{_DEM}) )?(?P<num>{NUM})(?P<sep> |-)"
      r"(?:(?P<extra>more|additional|extra|straight|consecutive|full|trading|business|working|calendar"
      f"|long|short|whole|entire|successive) )?(?P<unit>{UNIT_WORD})(?P<half> and a half)?"
      r"(?P<orso> or so| or more| or two| or longer)?(?:(?P<rel> ago| earlier| later| before| after"
      r"| from now| hence| back| previously| prior| since)|(?P<adj>-long|-old))?(?![\w-])")
def amount_rule(m: re.Match, ctx: Context) -> Reading | None:
    num_text = " ".join(m["num"].lower().split())
    unit = unit_code(m["unit"])
    if _not_an_amount(m, ctx, num_text):
        return None
    n = amount(num_text)
    if m["half"] and n is not None:
        n += 0.5
    if m["unit"].lower().startswith("weekend"):
        n, unit = (None if n is None else n * 2), "D"
    if num_text == "one" and unit == "D" and not (m["q"] or m["dem"] or m["rel"]) \
            and preceding_word(ctx, m.start()) not in _DURATION_PREPS:
        return _one_day(m, ctx)
    rel = (m["rel"] or "").strip().lower()
    cut = None
    if rel in ("before", "after", "since") and _followed_by_phrase(ctx, m.end()) or rel == "since":
        rel, cut = "", m.start("rel")  # "two days after the vote": "after" is a preposition
    if rel:
        return _counted_date(m, ctx, n, unit, rel)
    q = " ".join((m["q"] or "").lower().split())
    mod = _QMOD_DURATION.get(q) or ("APPROX" if m["orso"] and "so" in m["orso"] else None)
    if "couple" in num_text and mod is None:
        mod = "APPROX"
    if m["orso"] and "more" in m["orso"]:
        mod = "EQUAL_OR_MORE"
    return Reading("DURATION", duration(n, unit), mod, focus=False, end=cut)


_DURATION_PREPS = frozenset({"for", "in", "within", "than", "about", "after", "of", "just", "only", "over",
                             "past", "last", "next", "first", "another", "every", "each", "per"})


def _not_an_amount(m: re.Match, ctx: Context, num_text: str) -> bool:
    unit_word = m["unit"].lower()
    if num_text in ("a", "an", "one") and unit_word == "second":
        return True  # "a second term"
    if _YEARISH.match(num_text) and not unit_word.endswith("s"):
        return True  # "the 1986 year", "its 2023 quarter": a year, read by the year rule
    if m["adj"] == "-old" or (not m["rel"] and following_word(ctx, m.end()) == "old"):
        return True  # ages: "37 years old", "a 27-year-old"
    if unit_word.startswith("quarter") and (m["sep"] == "-" and unit_word.endswith("s")
                                            or following_word(ctx, m.end()) == "of"):
        return True  # "three-quarters of", "a quarter of the vote": fractions
    if m["unit"][:1].isupper() and not m.group()[:1].isupper():
        return True  # "60 Minutes": a name
    return _is_rate(ctx, m.start(), m)


def _one_day(m: re.Match, ctx: Context) -> Reading | None:
    """"will one day be": not a duration but an indefinite time."""
    tense = ctx.tense(m.start(), m.end())
    if tense == "future":
        return Reading("DATE", "FUTURE_REF", focus=False)
    if tense == "past":
        return Reading("DATE", "PAST_REF", focus=False)
    return None


def _followed_by_phrase(ctx: Context, end: int) -> bool:
    word = following_word(ctx, end)
    return bool(word) and word not in ("and", "but", "or", "when", "as", "that")


def _is_rate(ctx: Context, start: int, m: re.Match) -> bool:
    """"a day" in "$5 a day", "twice a day": a set, read by the set rule."""
    return m["num"].lower() in ("a", "an") and not (m["dem"] or m["q"] or m["rel"]) and _rate_before(ctx, start)


_RATE_WORDS = frozenset({"once", "twice", "thrice", "times", "percent", "cent", "per", "million", "billion",
                         "thousand", "hundred", "dollars", "barrels", "tons", "tonnes", "euros", "pounds", "yuan"})
_NOT_RATE = frozenset({"in", "for", "within", "about", "than", "after", "over", "of", "only", "just", "nearly",
                       "almost", "least", "to", "from", "by"})
_YEARISH = re.compile(r"^(?:1[89]|20)\d\d\W*$")


def _rate_before(ctx: Context, start: int) -> bool:
    """"twice a year", "$5 a day", "700 seats a week": an amount per unit of time."""
    before = ctx.text[max(0, start - 40):start].lower().split()[-3:]
    if not before or before[-1] in _NOT_RATE:
        return False
    last = before[-1]
    if last in _RATE_WORDS or last.endswith("%"):
        return True
    return any((any(c.isdigit() for c in w) and not _YEARISH.match(w)) or w in L.TENS or w in L.SMALL_NUMBERS
               for w in before)


def _counted_date(m: re.Match, ctx: Context, n: float | None, unit: str, rel: str) -> Reading | None:
    q = " ".join((m["q"] or "").lower().split())
    mod = _QMOD_AGO.get(q) or ("APPROX" if q in ("about", "around", "roughly", "approximately",
                                                 "nearly", "almost", "some") or m["orso"] else None)
    from_now = rel in _FROM_NOW
    if n is None:
        return _vague_counted(ctx, unit, rel, from_now)
    sign = 1 if rel in ("later", "after", "from now", "hence") else -1
    gran = _CAL_GRAN.get(unit, "D")
    base = _base(ctx, m, from_now, unit, n)
    if base is None:
        return Reading("DATE", Cal(gran, None).timex(), mod, focus=False)
    cal, point, anchored = base
    if cal.gran in ("Q", "H") and unit == "Y":
        value = cal.shift(sign * int(n), "Y")  # a comparison: it does not move the focus
        return Reading("DATE", value.timex(), mod, cal=value, anchored=True, focus=False)
    day = _shift_day(point, sign * n, unit)
    limit = None if from_now else ctx.anchor_limit()
    if limit is not None and _RANK[limit] < _RANK[gran]:
        value = Cal.of_date(day, limit)  # "two days later" after "in May": May, no finer
        return Reading("DATE", value.timex(), mod, cal=value, anchored=anchored)
    value = Cal.of_date(day, gran)
    return Reading("DATE", value.timex(), mod, cal=value, point=day, anchored=anchored)


def _base(ctx: Context, m: re.Match, from_now: bool, unit: str, n: float):
    """(calendar value, day, anchored) to count from."""
    focus, period = ctx.focus, ctx.period
    if unit == "Y" and n == 1 and period is not None and m.start() - period.start < 600:
        return period.cal, period.cal.first_day(), True  # "a year earlier" after "the third quarter"
    if from_now:
        return (ctx.today, ctx.dct, False) if ctx.dct else None
    day = ctx.anchor_day()
    if day is None:
        return None
    return Cal.of_date(day), day, focus is not None


def _shift_day(day, n: float, unit: str):
    if unit in ("S", "MIN", "H"):
        return day
    if unit in ("D", "W"):
        return day + timedelta(days=round(n * (7 if unit == "W" else 1)))
    months = round(n * {"M": 1, "Q": 3, "Y": 12, "E": 120, "C": 1200, "L": 12000}[unit])
    return Cal.of_date(day).shift(months, "M").first_day()


def _vague_counted(ctx: Context, unit: str, rel: str, from_now: bool) -> Reading | None:
    """"years ago": PAST_REF; "days later": after the date in focus, at a coarser granularity."""
    if from_now:
        return Reading("DATE", "PAST_REF" if rel != "from now" and rel != "hence" else "FUTURE_REF",
                       focus=False)
    day = ctx.anchor_day()
    if day is None:
        return None
    value = Cal.of_date(day, _CAL_GRAN.get(_COARSER[unit], "Y"))
    after = rel in ("later", "after")
    return Reading("DATE", value.timex(), "AFTER" if after else "BEFORE", focus=False)


# -- "for years", "in recent months", "the coming weeks" ---------------------------------------
@rule("vague_amount", ("the recent coming past several few many minutes hours days weeks months years decades "
                       "centuries",),
      r"(?:(?P<dem>the past few|the last few|the next few|the past|the last|the next|the coming|the"
      r"|recent|coming|past|several|few|many) )?(?P<unit>minutes|hours|days|weeks|months|years"
      r"|decades|centuries)(?P<rel> ago| later| earlier| to come| ahead)?(?![\w-])")
def vague_amount(m: re.Match, ctx: Context) -> Reading | None:
    dem = " ".join((m["dem"] or "").lower().split())
    rel = (m["rel"] or "").strip().lower()
    unit = unit_code(m["unit"])
    if rel == "ago":
        return Reading("DATE", "PAST_REF", focus=False)
    before = preceding_word(ctx, m.start())
    if not dem:
        after = following_word(ctx, m.end())
        if (before not in ("for", "within", "in", "over", "after", "than", "of") and after != "of") or rel:
            return None
        if after == "old" or (before == "of" and after == "of"):
            return None
    if dem == "the" and not rel and before not in ("over", "through", "during", "in", "throughout"):
        return None
    if dem in ("recent", "the past few", "the last few") and preceding_word(ctx, m.start()) == "in" or \
            dem == "recent":
        return Reading("DATE", "PAST_REF", focus=False)
    if dem in ("coming", "the coming") or rel in ("to come", "ahead"):
        return Reading("DATE", "FUTURE_REF", focus=False)
    return Reading("DURATION", duration(None, unit), focus=False)


# -- sets ---------------------------------------------------------------------------------
@rule("set_adverb", (L.SET_ADVERBS,),
      r"(?<![\w-])(?P<w>daily|weekly|monthly|yearly|annually|hourly|quarterly|nightly|biweekly"
      r"|biannually|semiannually)(?![\w-])")
def set_adverb(m: re.Match, ctx: Context) -> Reading | None:
    if not m["w"].islower():
        return None  # "Daily Mail", "The Weekly Standard"
    tok = ctx.token(m.start())
    if tok is not None and m["w"] in ("quarterly", "monthly", "weekly") and tok.dep_ == "amod":
        return None  # "its quarterly dividend": a kind of report, not a time
    if tok is not None and tok.pos_ in ("NOUN", "PROPN"):
        return None  # "the Communist Party daily": a newspaper
    return Reading("SET", L.SET_ADVERBS[m["w"]], focus=False)


@rule("set_every", ("every each",),
      f"(?P<q>every|each) (?:other )?(?:(?P<num>{NUM}) )?(?P<unit>{UNIT_WORD}|{WEEKDAY}|{MONTH_FULL}"
      f"|{SEASON}|morning|afternoon|evening)(?![\\w-])")
def set_every(m: re.Match, ctx: Context) -> Reading | None:
    word = m["unit"]
    if weekday_number(word):
        return Reading("SET", f"XXXX-WXX-{weekday_number(word)}", focus=False)
    if month_number(word) and word[0].isupper():
        return Reading("SET", f"XXXX-{month_number(word):02d}", focus=False)
    if word.lower() in L.SEASONS:
        return Reading("SET", f"XXXX-{L.SEASONS[word.lower()]}", focus=False)
    if word.lower() in ("morning", "afternoon", "evening"):
        return Reading("SET", f"XXXX-XX-XXT{L.PARTS_OF_DAY[word.lower()]}", focus=False)
    if word.lower() not in L.UNITS and word.lower() not in L.UNIT_PLURALS:
        return None
    n = amount(m["num"]) if m["num"] else 1
    return Reading("SET", duration(n or 1, unit_code(word)), focus=False)


@rule("set_rate", ("a an per",),
      r"(?<![\w-])(?P<a>a|an|per) (?P<unit>second|minute|hour|day|night|week|month|quarter|year|annum)(?![\w-])")
def set_rate(m: re.Match, ctx: Context) -> Reading | None:
    if m["a"].lower() != "per" and not _rate_before(ctx, m.start()):
        return None
    if following_word(ctx, m.end()) in ("ago", "earlier", "later", "before", "after"):
        return None
    unit = "year" if m["unit"].lower() == "annum" else m["unit"]
    return Reading("SET", duration(1, unit_code(unit)), focus=False)
