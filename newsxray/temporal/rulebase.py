"""The rule table: each rule is a compiled pattern and the function that reads a match.

A rule function takes the match and the ``Context`` and returns a ``Reading`` or None (a
veto: the words are not a time expression here). When the pattern has a group named
``x``, the expression is that group; otherwise it is the whole match.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable

from . import lexicon as L
from .context import Context, Reading
from .patterns import compile_rule

Handler = Callable[[re.Match, Context], "Reading | None"]


@dataclass(frozen=True)
class Rule:
    name: str
    regex: re.Pattern
    handler: Handler
    starts: frozenset[str]   # the words a match can begin with ("#": any number)

    def span(self, m: re.Match) -> tuple[int, int]:
        if "x" in self.regex.groupindex and m.group("x") is not None:
            return m.span("x")
        return m.span()


RULES: list[Rule] = []


def rule(name: str, starts: tuple, pattern: str) -> Callable[[Handler], Handler]:
    """Register ``fn`` as the reader of ``pattern``; rules registered first win ties.

    ``starts`` lists the words a match can begin with (phrases and word lists are fine:
    their first words count; "#" stands for a number, "'" for an apostrophe before one).
    Patterns are tried only where such a word begins, which keeps the scan fast.
    """
    regex = compile_rule(pattern)
    words = first_words(*starts)

    def wrap(fn: Handler) -> Handler:
        RULES.append(Rule(name, regex, fn, words))
        return fn
    return wrap


def first_words(*groups) -> frozenset[str]:
    """The first words of the phrases in ``groups`` (strings are split into words)."""
    out: set[str] = set()
    for group in groups:
        items = group.split() if isinstance(group, str) else group
        for phrase in items:
            word = re.split(r"[\s-]", phrase.strip().lower(), maxsplit=1)[0]
            out.add("#" if word[:1].isdigit() else word)
    return frozenset(out)


# -- helpers the rules share ---------------------------------------------------------------
def capitalised(word: str | None) -> bool:
    return bool(word) and word[0].isupper()


def month_number(word: str) -> int | None:
    key = word.lower().rstrip(".")
    return L.MONTHS.get(key) or L.MONTH_ABBREVIATIONS.get(key)


def weekday_number(word: str) -> int | None:
    key = word.lower().rstrip(".")
    return L.WEEKDAYS.get(key) or L.WEEKDAY_ABBREVIATIONS.get(key)


def mod_of(words: str | None) -> str | None:
    if not words:
        return None
    key = " ".join(words.lower().rstrip("-").split())
    return L.MODS.get(key)


def year_number(text: str) -> int | None:
    """A year written in digits or spoken ("nineteen ninety-six", "two thousand")."""
    text = " ".join(text.lower().replace("-", " ").split())
    if text.isdigit():
        return int(text)
    if text.startswith("two thousand"):
        rest = text[len("two thousand"):].replace("and", "").strip()
        value = L.number_value(rest) if rest else 0
        return None if value is None else 2000 + int(value)
    if text.startswith("nineteen"):
        rest = text[len("nineteen"):].replace("hundred", "").replace("and", "").strip()
        rest = rest.replace("oh ", "")
        value = L.number_value(rest) if rest else 0
        return None if value is None else 1900 + int(value)
    return None


def preceding_word(ctx: Context, start: int) -> str:
    """The word just before ``start`` (lower case, without punctuation)."""
    return preceding_word_as_written(ctx, start).lower()


def preceding_word_as_written(ctx: Context, start: int) -> str:
    """The word just before ``start``, as written (empty after punctuation)."""
    i = start
    text = ctx.text
    while i > 0 and text[i - 1].isspace():
        i -= 1
    j = i
    while j > 0 and (text[j - 1].isalpha() or text[j - 1] in "'’"):
        j -= 1
    return text[j:i]


def following_word(ctx: Context, end: int) -> str:
    text = ctx.text
    i = end
    while i < len(text) and text[i].isspace():
        i += 1
    j = i
    while j < len(text) and (text[j].isalpha() or text[j] in "'’-"):
        j += 1
    return text[i:j].lower()


NAME_LABELS = frozenset({"PERSON", "ORG", "WORK_OF_ART", "PRODUCT", "FAC", "LAW", "EVENT", "NORP"})


def named_entity(ctx: Context, start: int, end: int) -> bool:
    """Whether the parse puts the words inside a name (a person, an organisation, a title)."""
    return any(t.ent_type_ in NAME_LABELS for t in ctx.tokens(start, end))


def sentence_start(ctx: Context, pos: int) -> bool:
    """Whether ``pos`` begins a sentence, a line or a quotation (capitals mean nothing there)."""
    i = pos
    while i > 0 and ctx.text[i - 1] in " \t":
        i -= 1
    return i == 0 or ctx.text[i - 1] in "\n.!?\"'“”‘’(:—–-"
