"""Word tables of time expressions in English, written for newsxray.

Every table maps a lower-case word or phrase to what it means. The regular expressions of
``patterns`` are built from the keys, so a word added here is recognised everywhere it
fits.
"""
from __future__ import annotations

MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
}
# abbreviations that are used with a day or year ("Aug. 3", "Sept 2022")
MONTH_ABBREVIATIONS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
    "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}
# month names that are also ordinary words or names; they need a time cue when alone
AMBIGUOUS_MONTHS = frozenset({"may", "march", "june", "april", "august"})

WEEKDAYS = {
    "monday": 1, "tuesday": 2, "wednesday": 3, "thursday": 4, "friday": 5, "saturday": 6,
    "sunday": 7,
}
WEEKDAY_ABBREVIATIONS = {"mon": 1, "tue": 2, "tues": 2, "wed": 3, "thu": 4, "thur": 4,
                         "thurs": 4, "fri": 5, "sat": 6, "sun": 7}

SEASONS = {"spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI"}

PARTS_OF_DAY = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI",
                "overnight": "NI", "mid-afternoon": "AF", "midafternoon": "AF", "dawn": "MO"}

# unit words -> (TIMEX3 unit, calendar granularity)
UNITS = {
    "second": ("S", None), "minute": ("MIN", None), "hour": ("H", None), "day": ("D", "D"),
    "night": ("D", "D"), "week": ("W", "W"), "weekend": ("WE", "WE"), "fortnight": ("W", "W"),
    "month": ("M", "M"), "quarter": ("Q", "Q"), "year": ("Y", "Y"), "decade": ("E", "E"),
    "century": ("C", "C"), "millennium": ("L", None), "half": ("H2", "H"),
}
UNIT_PLURALS = {"seconds": "second", "minutes": "minute", "hours": "hour", "days": "day",
                "nights": "night", "weeks": "week", "weekends": "weekend", "months": "month",
                "quarters": "quarter", "years": "year", "decades": "decade",
                "centuries": "century", "millennia": "millennium", "fortnights": "fortnight"}

SMALL_NUMBERS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19,
}
TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
        "eighty": 80, "ninety": 90}
# vague amounts: the TIMEX3 amount is X
VAGUE_AMOUNTS = ("a few", "few", "several", "some", "many", "a couple of", "a number of",
                 "recent", "the past few", "a handful of")
ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
    "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18,
    "nineteenth": 19, "twentieth": 20, "twenty-first": 21, "twenty-second": 22,
    "twenty-third": 23, "twenty-fourth": 24, "twenty-fifth": 25, "twenty-sixth": 26,
    "twenty-seventh": 27, "twenty-eighth": 28, "twenty-ninth": 29, "thirtieth": 30,
    "thirty-first": 31, "final": 4, "last": 4,
}
DECADE_WORDS = {"twenties": 2, "thirties": 3, "forties": 4, "fifties": 5, "sixties": 6,
                "seventies": 7, "eighties": 8, "nineties": 9}

# TIMEX3 mod of the words that open an expression
MODS = {
    "early": "START", "the beginning of": "START", "the start of": "START", "the dawn of": "START",
    "the first half of": "START", "the early part of": "START", "earlier": "START",
    "mid": "MID", "mid-": "MID", "the middle of": "MID", "the mid": "MID", "the height of": "MID",
    "late": "END", "the end of": "END", "the close of": "END", "the latter part of": "END",
    "the second half of": "END", "the last half of": "END", "the late": "END", "later": "END",
    "about": "APPROX", "around": "APPROX", "roughly": "APPROX", "some": "APPROX",
    "approximately": "APPROX", "nearly": "APPROX", "almost": "APPROX",
    "more than": "MORE_THAN", "over": "MORE_THAN", "longer than": "MORE_THAN",
    "less than": "LESS_THAN", "under": "LESS_THAN", "fewer than": "LESS_THAN",
    "at least": "EQUAL_OR_MORE", "no less than": "EQUAL_OR_MORE",
    "up to": "EQUAL_OR_LESS", "at most": "EQUAL_OR_LESS", "no more than": "EQUAL_OR_LESS",
}

# words that refer to now, the past or the future in general
REFS = {"now": "PRESENT_REF", "currently": "PRESENT_REF", "nowadays": "PRESENT_REF",
        "at present": "PRESENT_REF", "these days": "PRESENT_REF",
        "recently": "PAST_REF", "lately": "PAST_REF", "the past": "PAST_REF",
        "the future": "FUTURE_REF", "the near future": "FUTURE_REF", "the long term": "FUTURE_REF",
        "the short term": "FUTURE_REF", "the near term": "FUTURE_REF"}

# fixed-date holidays: (month, day)
HOLIDAYS = {"christmas": (12, 25), "christmas day": (12, 25), "christmas eve": (12, 24),
            "new year's day": (1, 1), "new year's eve": (12, 31), "independence day": (7, 4),
            "valentine's day": (2, 14), "halloween": (10, 31), "boxing day": (12, 26),
            "bastille day": (7, 14), "armistice day": (11, 11), "may day": (5, 1)}

# the common time-zone abbreviations written after clock times
TIME_ZONES = ("EST", "EDT", "CST", "CDT", "MST", "MDT", "PST", "PDT", "GMT", "UTC", "BST",
              "CET", "CEST", "ET", "PT", "JST", "IST", "AEST", "MSK")

# set adverbs -> TIMEX3 SET value
SET_ADVERBS = {"daily": "P1D", "weekly": "P1W", "monthly": "P1M", "yearly": "P1Y",
               "annually": "P1Y", "hourly": "PT1H", "quarterly": "P3M", "nightly": "P1D",
               "biweekly": "P2W", "biannually": "P6M", "semiannually": "P6M"}


def number_value(words: str) -> float | None:
    """The value of a number written in words or digits ("twenty-four", "2 1/2", "a")."""
    text = words.lower().replace(",", "").strip()
    if not text:
        return None
    half = 0.0
    for suffix in (" and a half", " and one half", "-and-a-half"):
        if text.endswith(suffix):
            text, half = text[: -len(suffix)].strip(), 0.5
    if text in ("a", "an", "one", "a single", "single"):
        return 1 + half
    if text in ("half a", "half an", "a half", "half"):
        return 0.5
    if text in ("a dozen", "dozen"):
        return 12 + half
    if text in ("a hundred", "hundred", "one hundred"):
        return 100 + half
    if text in ("a thousand", "one thousand", "thousand", "two thousand"):
        return (2000 if text.startswith("two") else 1000) + half
    if text.endswith(" thousand"):
        head = number_value(text[: -len(" thousand")])
        return None if head is None else head * 1000 + half
    value = _digits(text)
    if value is None:
        value = _words(text)
    return None if value is None else value + half


def _digits(text: str) -> float | None:
    parts = text.split()
    try:
        if len(parts) == 2 and "/" in parts[1]:
            num, den = parts[1].split("/")
            return float(parts[0]) + float(num) / float(den)
        return float(text)
    except (ValueError, ZeroDivisionError):
        return None


def _words(text: str) -> int | None:
    text = text.replace("-", " ")
    total = 0
    for word in text.split():
        if word in SMALL_NUMBERS:
            total += SMALL_NUMBERS[word]
        elif word in TENS:
            total += TENS[word]
        elif word == "hundred":
            total = max(total, 1) * 100
        elif word == "and":
            continue
        else:
            return None
    return total
