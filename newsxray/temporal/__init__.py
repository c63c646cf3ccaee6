"""Time: finding date expressions and resolving them to the dates they mean.

``timexes_of(doc)`` returns the ``Timex`` items of a document (TIMEX3 types, values and
mods, normalised against ``doc.published``); ``find_timexes(text, published=...)`` does
the same for a bare string; ``date_for_span(doc, start, end)`` gives the date any span of
the text refers to, for the events layer.

Rules live in ``rules_*.py`` (patterns built from the word tables of ``lexicon``); the
date arithmetic in ``values``; parse lookups (tense, part of speech, names) in ``syntax``.
"""
from __future__ import annotations

import re
from datetime import date

from ..document import Document, Timex
from .recognize import Found, find
from .spans import date_for_span, is_calendar, parse_index
from .values import Cal, parse_dct

__all__ = ["timexes_of", "find_timexes", "date_for_span", "reference_date", "is_calendar",
           "Found", "Cal", "READ_SEGMENTS"]

# the parts of an article whose dates are the article's own
READ_SEGMENTS = ("title", "lede", "body")
_DATELINE_DATE = re.compile(r"\b(?:19|20)\d\d\b")


def reference_date(doc: Document) -> date | None:
    """The day relative expressions count from: ``published``, else a dated dateline or byline."""
    day = parse_dct(doc.published)
    if day is not None:
        return day
    for seg in doc.segments:
        if seg.type not in ("dateline", "byline"):
            continue
        text = doc.text[seg.start:seg.end]
        if not _DATELINE_DATE.search(text):
            continue
        for found in find(doc.text, [(seg.start, seg.end)]):
            if found.type == "DATE" and re.fullmatch(r"\d{4}-\d\d-\d\d", found.value):
                return date.fromisoformat(found.value)
    return None


def timexes_of(doc: Document, *, segment_types: tuple[str, ...] = READ_SEGMENTS) -> list[Timex]:
    """The timexes of ``doc`` in the segments of ``segment_types`` (all text if unsegmented)."""
    if doc.segments:
        ranges = [(s.start, s.end) for s in doc.segments if s.type in segment_types]
    else:
        ranges = [(0, len(doc.text))]
    found = find(doc.text, ranges, dct=reference_date(doc), index=parse_index(doc))
    return [_to_timex(f, i) for i, f in enumerate(found)]


def find_timexes(text: str, *, published: str | None = None) -> list[Timex]:
    """The timexes of a plain string (no parse: fewer vetoes than ``timexes_of``)."""
    return timexes_of(Document(text=text, published=published))


def _to_timex(f: Found, i: int) -> Timex:
    anchor = f"T{f.anchor + 1}" if f.anchor is not None else None
    return Timex(start=f.start, end=f.end, id=f"T{i + 1}", type=f.type, value=f.value, mod=f.mod,
                 anchor=anchor)
