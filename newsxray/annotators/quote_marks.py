"""Quotation marks: which marks open and close a quotation, and the regions they enclose.

Works on the text alone (no parse). The article body is read as *flows* of consecutive
paragraphs; within a paragraph, double marks (curly, straight, guillemets, the ``''``
pairs of some wire archives) are paired left to right. Journalistic conventions are
followed:

- a paragraph that ends inside a quotation and a next paragraph that *reopens* it (starts
  with an opening mark) make one region spanning both paragraphs;
- a mark left open (no closing mark, no reopening paragraph) is *unbalanced*: its region
  stops at the end of its sentence, so one stray mark never swallows the rest of the
  article; a new opening mark while one is open closes the first in the same way;
- single marks inside a double-quoted region are nested quotations and stay part of it;
  single-quoted regions of two words or more outside double quotes are regions too
  (the British convention).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

_DOUBLE = re.compile(r"''|``|[\"“”„«»]")
_SINGLE = re.compile(r"[‘’']")
_SENTENCE_END = re.compile(r"[.!?](?=[\s”\"'’)]|$)")
_OPENERS = set(" \t\n\r\u00a0([{—–-/")
_CLOSERS = set(" \t\n\r\u00a0.,;:!?)]}—–-/")
_TRAILING = " \t\n\r\u00a0,"


@dataclass(frozen=True, slots=True)
class Region:
    """A quotation: ``start``/``end`` cover its content (marks excluded, trailing comma
    and spaces trimmed); ``open``/``close`` are the outer marks' positions (``close`` is
    the index just past the closing mark, or None when unbalanced)."""

    start: int
    end: int
    open: int
    close: int | None
    balanced: bool
    paragraphs: int = 1
    para_start: int = 0      # start of the paragraph of the opening mark
    para_end: int = 0        # end of the paragraph of the closing mark (or of the end)

    @property
    def outer_end(self) -> int:
        return self.close if self.close is not None else self.end


def _role(text: str, pos: int, size: int, lo: int, hi: int) -> str:
    """``open``, ``close`` or ``either`` for the double mark at ``pos``."""
    mark = text[pos:pos + size]
    if mark in ("“", "„", "«", "``"):
        return "open"
    if mark in ("”", "»"):
        return "open" if pos == lo else "close"   # a paragraph cannot start by closing
    before = text[pos - 1] if pos > lo else " "
    after = text[pos + size] if pos + size < hi else " "
    opens = before in _OPENERS and not after.isspace()
    closes = after in _CLOSERS or after in "”’'\""
    if opens and not closes:
        return "open"
    if closes and not opens:
        return "close"
    return "either"


def _marks(text: str, lo: int, hi: int) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end() - m.start(), _role(text, m.start(), m.end() - m.start(), lo, hi))
            for m in _DOUBLE.finditer(text, lo, hi)]


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1] in _TRAILING:
        end -= 1
    return start, end


def _sentence_end(text: str, start: int, limit: int) -> int:
    found = _SENTENCE_END.search(text, start, limit)
    return found.end() if found else limit


class _Flow:
    """The pairing state over one flow of paragraphs."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.regions: list[Region] = []
        self.open: tuple[int, int] | None = None   # (mark position, content start)
        self.paragraphs = 0                        # paragraphs the open region spans
        self.last_end = 0                          # end of the previous paragraph
        self.para = (0, 0)                         # the paragraph being read
        self.open_para = 0                         # start of the open region's paragraph

    def emit(self, end: int, close: int | None) -> None:
        mark, content = self.open  # type: ignore[misc]
        start, end = _trim(self.text, content, end)
        if end > start:
            para_end = self.para[1] if close is not None or end > self.para[0] else self.last_end
            self.regions.append(Region(start, end, mark, close, close is not None, max(self.paragraphs, 1),
                                       self.open_para, para_end))
        self.open = None
        self.paragraphs = 0

    def abandon(self, limit: int) -> None:
        """Close an unbalanced region at the end of its sentence (before ``limit``)."""
        content = self.open[1]  # type: ignore[index]
        if self.paragraphs > 1:
            self.emit(self.last_end, None)
        else:
            self.emit(_sentence_end(self.text, content, limit), None)

    def paragraph(self, lo: int, hi: int) -> None:
        marks = _marks(self.text, lo, hi)
        if self.open is not None:
            first = _trim(self.text, lo, hi)[0]
            if marks and marks[0][0] == first and marks[0][2] != "close":
                marks = marks[1:]            # the paragraph reopens the quotation
                self.paragraphs += 1
            else:
                self.abandon(self.last_end)
        self.para = (lo, hi)
        for pos, size, role in marks:
            self.mark(pos, size, role)
        if self.open is not None and self.paragraphs == 0:
            self.paragraphs = 1
        self.last_end = hi

    def mark(self, pos: int, size: int, role: str) -> None:
        if self.open is None:
            if role != "close":
                self.open = (pos, pos + size)
                self.open_para = self.para[0]
                self.paragraphs = 0
            return
        if role == "open":
            ends = list(_SENTENCE_END.finditer(self.text, self.open[1], pos))
            self.emit(ends[-1].end() if ends else pos, None)
            self.open = (pos, pos + size)
            self.open_para = self.para[0]
            return
        self.emit(pos, pos + size)

    def finish(self) -> list[Region]:
        if self.open is not None:
            self.abandon(self.last_end)
        return self.regions


def _single_regions(text: str, lo: int, hi: int, taken: list[Region]) -> list[Region]:
    """Single-quoted regions of two words or more, outside the double-quoted ones."""
    out: list[Region] = []
    opened: int | None = None
    for m in _SINGLE.finditer(text, lo, hi):
        pos = m.start()
        if any(r.open <= pos < r.outer_end for r in taken):
            continue
        before = text[pos - 1] if pos > lo else " "
        after = text[pos + 1] if pos + 1 < hi else " "
        if opened is None:
            if m.group() != "’" and before in _OPENERS and after.isalnum():
                opened = pos
        elif not after.isalnum() and not before.isspace():
            start, end = _trim(text, opened + 1, pos)
            if " " in text[start:end]:
                out.append(Region(start, end, opened, pos + 1, True, 1, lo, hi))
            opened = None
    return out


def find_regions(text: str, flows: list[list[tuple[int, int]]]) -> list[Region]:
    """The quotation regions of ``text``; ``flows`` are lists of consecutive paragraphs."""
    regions: list[Region] = []
    for paragraphs in flows:
        flow = _Flow(text)
        for lo, hi in paragraphs:
            flow.paragraph(lo, hi)
        found = flow.finish()
        for lo, hi in paragraphs:
            found += _single_regions(text, lo, hi, found)
        regions.extend(found)
    regions.sort(key=lambda r: r.start)
    return regions
