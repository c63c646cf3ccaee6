"""The date a span of the text refers to: for a sentence, a clause or an event trigger.

``date_for_span(doc, start, end)`` answers with ``(value, timex_id)``:

1. a calendar timex (DATE or TIME with a calendar value) inside the span, or in the same
   sentence: the one the parse attaches to the span's words if there is one, else the
   nearest;
2. otherwise, when the verb of the span is in the past tense, the date in focus: the last
   calendar timex before the span in the same paragraph;
3. otherwise, in the present tense, the publication day (``timex_id`` None);
4. otherwise None (a future or tenseless statement without a date).
"""
from __future__ import annotations

import re
from bisect import bisect_right

from ..document import Document, Timex
from .syntax import ParseIndex, governing_verb, span_root, verb_tense
from .values import parse_dct

_CALENDAR = re.compile(r"^(?:\d|X{2,4})")


def is_calendar(timex: Timex) -> bool:
    """A DATE or TIME whose value is a point of the calendar (not PRESENT_REF, not a duration)."""
    return timex.type in ("DATE", "TIME") and bool(_CALENDAR.match(timex.value))


def date_for_span(doc: Document, start: int, end: int) -> tuple[str, str | None] | None:
    """The TIMEX3 value of the date ``[start, end)`` refers to and the id of its timex."""
    if not 0 <= start < end <= len(doc.text):
        raise ValueError(f"span ({start}, {end}) is outside the text (length {len(doc.text)})")
    timexes = [t for t in _timexes(doc) if is_calendar(t)]
    index = parse_index(doc)
    inside = [t for t in timexes if t.start >= start and t.end <= end]
    if inside and end - start > 40:
        return inside[0].value, inside[0].id
    lo, hi = _sentence_bounds(doc, start, end)
    near = [t for t in timexes if t.start >= lo and t.end <= hi]
    if near:
        best = _attached(index, near, start, end) or min(near, key=lambda t: _distance(t, start, end))
        return best.value, best.id
    tense = _tense(index, start, end)
    if tense == "past":
        focus = _focus_before(doc, timexes, start)
        return (focus.value, focus.id) if focus is not None else None
    day = parse_dct(doc.published)
    if tense == "present" and day is not None:
        return day.isoformat(), None
    return None


def parse_index(doc: Document) -> ParseIndex:
    """The character index of the document's parse, made once per parse and kept in its cache."""
    parse = doc.cache.get("parse")
    cached = doc.cache.get("temporal_index")
    if cached is None or cached[0] is not parse:
        cached = (parse, ParseIndex(parse))
        doc.cache["temporal_index"] = cached
    return cached[1]


def _timexes(doc: Document) -> list[Timex]:
    if "timexes" in doc.layers:
        return doc.layers["timexes"]
    from . import timexes_of
    return timexes_of(doc)


def _sentence_bounds(doc: Document, start: int, end: int) -> tuple[int, int]:
    sentences = doc.sentences
    if sentences:
        i = bisect_right([s.start for s in sentences], start) - 1
        if i >= 0 and sentences[i].end >= end:
            return sentences[i].start, sentences[i].end
    for seg in doc.segments:
        if seg.start <= start and end <= seg.end:
            return seg.start, seg.end
    return start, end


def _distance(t: Timex, start: int, end: int) -> int:
    if t.end <= start:
        return start - t.end
    if t.start >= end:
        return t.start - end
    return 0


def _attached(index: ParseIndex, near: list[Timex], start: int, end: int) -> Timex | None:
    """The timex whose phrase the parse attaches to the verb of ``[start, end)``."""
    verb = _verb_of(index, start, end)
    if verb is None:
        return None
    for t in near:
        head = span_root(index.tokens(t.start, t.end))
        governor = governing_verb(head) if head is not None else None
        # spaCy makes a new Token object at each access: compare positions, not identities
        if governor is not None and governor.i == verb.i and governor.doc is verb.doc:
            return t
    return None


def _verb_of(index: ParseIndex, start: int, end: int):
    """The verb a span's head is (or hangs from), or None without a parse."""
    if not index:
        return None
    root = span_root(index.tokens(start, end))
    if root is None:
        return None
    return root if root.pos_ in ("VERB", "AUX") else governing_verb(root)


def _tense(index: ParseIndex, start: int, end: int) -> str | None:
    verb = _verb_of(index, start, end)
    return verb_tense(verb) if verb is not None else None


def _focus_before(doc: Document, timexes: list[Timex], start: int) -> Timex | None:
    """The last calendar timex before ``start`` in the same paragraph."""
    seg = next((s for s in doc.segments if s.start <= start < s.end), None)
    lo = seg.start if seg is not None else 0
    before = [t for t in timexes if lo <= t.start and t.end <= start]
    return before[-1] if before else None
