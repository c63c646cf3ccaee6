"""Look-ups over quotation regions, and span arithmetic shared by the quote modules."""
from __future__ import annotations

import re
from bisect import bisect_right

from .quote_marks import Region

Span = tuple[int, int]
NEAR = 40                     # characters allowed between a quotation and its cue clause
_JOIN = re.compile(r"[\s,:;\u2014\u2013-]*")
_GAP_STOP = re.compile(r"[.!?][\s\"”’']|[\"“”]")
_EDGE_CHARS = ",;:—–-"
_TAIL_WORDS = re.compile(r"(?:[\s,;:—–-]|\b(?:and|but|or|while|before|after|as|then|yet|so)\b)*$", re.I)


class Regions:
    """Quotation regions with fast position look-ups."""

    def __init__(self, regions: list[Region]) -> None:
        self.items = sorted(regions, key=lambda r: r.open)
        self.opens = [r.open for r in self.items]

    def at(self, pos: int) -> Region | None:
        """The region whose marks enclose ``pos``."""
        i = bisect_right(self.opens, pos) - 1
        while i >= 0:
            region = self.items[i]
            if region.open <= pos < region.outer_end:
                return region
            if region.paragraphs == 1 and region.outer_end < pos - 5000:
                break
            i -= 1
        return None

    def between(self, lo: int, hi: int) -> list[Region]:
        """Regions whose marks overlap ``[lo, hi)``."""
        i = max(bisect_right(self.opens, lo) - 1, 0)
        out = []
        for region in self.items[i:]:
            if region.open >= hi:
                break
            if region.outer_end > lo:
                out.append(region)
        return out

    def before(self, text: str, lo: int) -> Region | None:
        """The quotation that ends just before ``lo`` in the same sentence and paragraph
        ("“…,” Ramos, 58, told AFP"): no sentence end and no other mark in between."""
        found = None
        for region in self.between(max(lo - NEAR, 0), lo):
            if region.outer_end > lo or region.para_end < lo or region.close is None:
                continue
            gap = text[region.outer_end:lo]
            if _GAP_STOP.search(gap + " ") is None and (text[region.end - 1] != "." or "," in gap):
                found = region
        return found

    def after(self, text: str, hi: int) -> Region | None:
        """The quotation that starts just after ``hi``: only joiners in between, and in the
        same paragraph unless a colon introduces it ("Caddell continued:")."""
        for region in self.between(hi, hi + 2 * NEAR):
            if region.open < hi:
                continue
            gap = text[hi:region.open]
            if _JOIN.fullmatch(gap) is not None and (region.para_start <= hi or ":" in gap):
                return region
            if gap.rstrip().endswith(":") and _GAP_STOP.search(gap) is None:
                return region               # "He told the crowd: “…”"
            return None
        return None


def snap(spans: list[Span], regions: Regions) -> tuple[list[Span], list[Region]]:
    """Content spans reconciled with quotation regions: a span inside a quotation becomes
    the quotation; a quotation partly inside a span is taken in whole."""
    out: list[Span] = []
    used: list[Region] = []
    for start, end in spans:
        for region in regions.between(start, end):
            if region.open <= start and end <= region.outer_end:
                start, end = region.start, region.end
            else:
                start, end = min(start, region.open), max(end, region.outer_end)
            used.append(region)
        out.append((start, end))
    return merge(out), used


def trim(text: str, lo: int, hi: int) -> Span:
    while lo < hi and (text[lo].isspace() or text[lo] in _EDGE_CHARS):
        lo += 1
    while hi > lo and (text[hi - 1].isspace() or text[hi - 1] in _EDGE_CHARS):
        hi -= 1
    return lo, hi


def subtract(text: str, spans: list[Span], cut: Span) -> list[Span]:
    """``spans`` without the characters of ``cut``, trimmed of spaces and punctuation."""
    out = []
    for start, end in spans:
        parts = [(start, min(end, cut[0])), (max(start, cut[1]), end)] if start < cut[1] and cut[0] < end \
            else [(start, end)]
        for lo, hi in parts:
            lo, hi = trim(text, lo, hi)
            if hi > lo:
                out.append((lo, hi))
    return out


def cut_at(text: str, span: Span, pos: int) -> Span | None:
    """``span`` ended before ``pos``, without a dangling conjunction ("… and", "…, while")."""
    start = span[0]
    if pos <= start:
        return None
    tail = _TAIL_WORDS.search(text, start, pos)
    end = tail.start() if tail else pos
    start, end = trim(text, start, end)
    return (start, end) if end > start else None


def merge(spans: list[Span]) -> list[Span]:
    merged: list[Span] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged
