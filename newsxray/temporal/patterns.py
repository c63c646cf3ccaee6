"""Regular-expression building blocks for time expressions, made once at import.

Patterns are written with plain spaces between words; ``compile_rule`` turns every space
into ``\\s+`` (news text is often hard-wrapped) and compiles case-insensitively. Names of
months and weekdays must still be capitalised in the text: the rules check that, so that
"may" the verb and "march" the verb stay out.
"""
from __future__ import annotations

import re

from . import lexicon as L


def alt(words) -> str:
    """A non-capturing alternation of ``words``, longest first, escaped."""
    items = sorted({re.escape(w).replace("\\ ", " ") for w in words}, key=len, reverse=True)
    return "(?:" + "|".join(items) + ")"


def compile_rule(pattern: str) -> re.Pattern:
    """Compile ``pattern`` (spaces stand for any run of whitespace), case-insensitively."""
    return re.compile(pattern.replace(" ", r"\s+"), re.IGNORECASE)


B = r"(?<![\w'’])"            # a word starts here
E = r"(?![\w’]|'\w)"          # a word ends here

MONTH_FULL = alt(L.MONTHS)
MONTH_ABBR = alt(L.MONTH_ABBREVIATIONS) + r"\.?"
MONTH = f"(?:{MONTH_FULL}|{MONTH_ABBR})"
WEEKDAY = alt(L.WEEKDAYS)
WEEKDAY_ABBR = alt(L.WEEKDAY_ABBREVIATIONS) + r"\.?"
SEASON = alt(L.SEASONS)
PART_OF_DAY = alt(["morning", "afternoon", "evening", "night"])

ORDINAL_WORD = alt(k for k in L.ORDINALS if k not in ("final", "last"))
DAY_NUM = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?!\d|:\d)"
DAY = f"(?:{DAY_NUM}|{ORDINAL_WORD})"

_ONES = alt(k for k, v in L.SMALL_NUMBERS.items() if 1 <= v <= 9)
_TEENS = alt(k for k, v in L.SMALL_NUMBERS.items() if v >= 10)
_TENS = alt(L.TENS)
NUM_WORD = f"(?:{_TENS}(?:[- ]{_ONES})?|{_TEENS}|{_ONES}|zero)"
NUM_DIGITS = r"(?:\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?(?: \d/\d)?)"
NUM = (f"(?:{NUM_DIGITS}|(?:a |one )?hundred|a thousand|a dozen|{NUM_WORD}(?: hundred| thousand)?"
       r"|half an?|a half|a single|an?|a couple of|a couple|couple of|a few|few|several|many"
       r"|a number of|dozens of|hundreds of)(?: and a half|-and-a-half)?")

# a year may end a range ("1990-1995", "2020-21"); other numbers may not
YEAR4 = r"(?<![\w.,$£€#/:'’])(?:1[0-9]\d\d|20\d\d)(?![\w%]|[.,:/]\d|\s?per\s?cent)"
YEAR_SPOKEN = (f"(?:nineteen(?: hundred)?(?: and)? (?:{_TENS}(?:[- ]{_ONES})?|{_TEENS}|oh[- ]{_ONES})"
               f"|two thousand(?:(?: and)? (?:{_TEENS}|{_ONES}))?)")
YEAR = f"(?:{YEAR4}|{YEAR_SPOKEN})"

UNIT_WORD = (r"(?:seconds?|minutes?|hours?|days?|nights?|weeks?|weekends?|fortnights?|months?"
             r"|quarters?|years?|decades?|century|centuries|millennium|millennia)")
CAL_UNIT = r"(?:week|weekend|month|year|quarter|decade|century|fiscal year|calendar year)"

QUANT_MOD_WORDS = ("about", "around", "roughly", "approximately", "nearly", "almost", "some",
                   "more than", "less than", "fewer than", "longer than", "at least", "up to",
                   "at most", "no more than", "no less than", "well over", "just over",
                   "just under", "over", "under", "barely")
# "over" and "under" before "the" are prepositions ("over the past year"), not amounts
QUANT_MOD = alt(w for w in QUANT_MOD_WORDS if w not in ("over", "under")) + "|over(?! the)|under(?! the)"
QUANT_MOD = f"(?:{QUANT_MOD})"
POINT_MOD_WORDS = ("early", "late", "mid", "the beginning of", "the start of", "the end of",
                   "the middle of", "the close of", "the turn of", "the first half of",
                   "the second half of", "the latter part of", "the early part of",
                   "the last half of", "the dawn of", "the height of")
POINT_MOD = alt(POINT_MOD_WORDS)
TIME_ZONE = alt(L.TIME_ZONES)
AMPM = r"(?:[ap]\.m\.?|[ap]m\b|[AP]\.M\.?|[AP]M\b)"
DECADE_WORDS_RE = alt(L.DECADE_WORDS)

# the words a number, a month or a weekday can begin with (for the rules' start words)
NUMBER_STARTS = ("#", "a", "an", "one", "half", "hundred", "couple", "few", "several", "many",
                 "dozens", "hundreds", "zero", *L.SMALL_NUMBERS, *L.TENS)
MONTH_STARTS = (*L.MONTHS, *L.MONTH_ABBREVIATIONS)
WEEKDAY_STARTS = (*L.WEEKDAYS, *L.WEEKDAY_ABBREVIATIONS)
ORDINAL_STARTS = tuple(L.ORDINALS)
