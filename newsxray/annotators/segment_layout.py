"""Layout for the ``segments`` annotator: lines into paragraphs, lists and typed units.

The text (or each run of HTML body blocks) is cut into trimmed non-blank ``Line``s. A
single pass then groups them into *units*: ``(kind, first_line, last_line)`` where kind is
a segment type or ``"para"`` (prose, typed later as lede/body/caption). Hard-wrapped lines
are joined into one paragraph when the break falls mid-sentence; list headers
("Sources include:", "More related stories:") take the entry lines that follow them.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from . import segment_rules as R

_LINE_BREAK = re.compile(r"\r\n|[\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]")
_HEADER_ZONE_LINES = 8
_MAX_LIST_ENTRIES = 60
_UNSET = object()
_BULLET_MARKS = frozenset(("- ", "* ", "• ", "▪ ", "► ", "· "))

# brk values: how a line is separated from the one before it
NO_BREAK, BLANK_LINE, BLOCK_BREAK = 0, 1, 2


class Line:
    """One trimmed non-blank line: ``text[start:end]``."""

    __slots__ = ("start", "end", "text", "words", "brk", "base")

    def __init__(self, start: int, end: int, text: str, brk: int, base: str) -> None:
        self.start, self.end, self.text, self.brk, self.base = start, end, text, brk, base
        self.words = len(text.split())


def split_lines(text: str, start: int, end: int, *, base: str = "body", brk: int = BLANK_LINE) -> list[Line]:
    """The non-blank lines of ``text[start:end]``, trimmed, with their break before them."""
    lines: list[Line] = []
    pos = start
    for m in _LINE_BREAK.finditer(text, start, end):
        brk = _add_line(text, pos, m.start(), brk, base, lines)
        pos = m.end()
    _add_line(text, pos, end, brk, base, lines)
    return lines


def _add_line(text: str, a: int, b: int, brk: int, base: str, lines: list[Line]) -> int:
    raw = text[a:b]
    stripped = raw.strip()
    if not stripped:
        return max(brk, BLANK_LINE)
    lead = len(raw) - len(raw.lstrip())
    lines.append(Line(a + lead, a + lead + len(stripped), stripped, brk, base))
    return NO_BREAK


def wrap_width(lines: list[Line]) -> int | None:
    """The column a hard-wrapped text is wrapped at, or None if it does not look wrapped."""
    lengths = sorted(len(ln.text) for ln in lines if len(ln.text) >= 30)
    if len(lengths) < 6:
        return None
    width = lengths[int(0.9 * (len(lengths) - 1))]
    if width > 100:
        return None
    near = sum(1 for n in lengths if width - 20 <= n <= width)
    return width if near >= 0.6 * len(lengths) else None


@dataclass
class Ctx:
    """What the layout pass needs: the text, its lines, and document-level hints."""

    text: str
    lines: list[Line]
    detect_title: bool = False
    title_hint: str = ""
    header_zone: bool = True
    forced: set[int] = field(default_factory=set)
    wrap: int | None = None
    _kinds: list = field(default_factory=list)

    def __post_init__(self) -> None:
        self.wrap = wrap_width(self.lines)
        self._kinds = [_UNSET] * len(self.lines)

    def kind(self, i: int):
        """Line ``i`` on its own: a list header tuple, 'boilerplate', 'caption', 'byline' or None."""
        k = self._kinds[i]
        if k is _UNSET:
            k = self._kinds[i] = _classify(self.lines[i])
        return k


def _classify(line: Line):
    text, words = line.text, line.words
    header = R.list_header(text)
    if header is not None:
        return header
    if R.is_boilerplate(text, words):
        return "boilerplate"
    if R.is_caption_line(text):
        return "caption"
    if R.is_byline(text, words):
        return "byline"
    return None


def mark_forced_joins(ctx: Ctx, spans: list[tuple[int, int]]) -> None:
    """Lines an inline '(Related: ...)' aside spans must stay in one paragraph."""
    starts = [ln.start for ln in ctx.lines]
    for a, b in spans:
        first = bisect.bisect_right(starts, a) - 1
        last = bisect.bisect_right(starts, b - 1) - 1
        ctx.forced.update(range(max(first, 0), last))


# -- the pass ------------------------------------------------------------------------------
def layout(ctx: Ctx) -> list[tuple[str, int, int]]:
    units: list[tuple[str, int, int]] = []
    i = _header_zone(ctx, units) if ctx.header_zone else 0
    while i < len(ctx.lines):
        i = _step(ctx, i, units)
    return units


def _step(ctx: Ctx, i: int, units: list) -> int:
    kind = ctx.kind(i)
    if isinstance(kind, tuple):
        typ, bare, inline = kind
        if inline:
            units.append((typ, i, i))
            return i + 1
        end = _consume_entries(ctx, i + 1, typ, strict=bare)
        if end > i + 1 or not bare:
            units.extend((typ, j, j) for j in range(i, end))
            return end
    elif kind in ("boilerplate", "caption"):
        j = _continuation(ctx, i)
        units.append((kind, i, j))
        return j + 1
    elif kind == "byline":
        units.append((kind, i, i))
        return i + 1
    j = _paragraph_end(ctx, i)
    units.append(("para", i, j))
    return j + 1


def _strong_join(ctx: Ctx, j: int) -> bool:
    """Line ``j`` certainly continues on line ``j + 1`` (same paragraph, no break between)."""
    if j in ctx.forced:
        return True
    cur, nxt = ctx.lines[j], ctx.lines[j + 1]
    if nxt.text[:2] in _BULLET_MARKS or _standalone(ctx, j) or _standalone(ctx, j + 1):
        return False
    return R.starts_lower(nxt.text) or R.ends_open(cur.text)


def _standalone(ctx: Ctx, i: int) -> bool:
    """A short boilerplate line ('Advertisement', 'Share') never joins a paragraph."""
    line = ctx.lines[i]
    return line.words <= 6 and ctx.kind(i) == "boilerplate" and not R.starts_lower(line.text)


def _paragraph_end(ctx: Ctx, i: int) -> int:
    lines, j = ctx.lines, i
    while j + 1 < len(lines) and lines[j + 1].brk == NO_BREAK:
        if not _strong_join(ctx, j):
            cur = lines[j].text
            if R.ends_sentence(cur) or R.ends_with_photo_credit(cur):
                break
            if j == i and is_subheading(ctx, j):
                break
            if ctx.kind(j + 1) is not None:
                break
        j += 1
    return j


def _continuation(ctx: Ctx, i: int) -> int:
    """Last line of a caption/boilerplate unit that starts at ``i`` (wrapped lines included)."""
    lines, j = ctx.lines, i
    while j + 1 < len(lines) and lines[j + 1].brk == NO_BREAK and _strong_join(ctx, j):
        j += 1
    return j


def is_subheading(ctx: Ctx, j: int) -> bool:
    """A short unpunctuated line, not ending in a function word, before a capitalised line."""
    lines = ctx.lines
    if j + 1 >= len(lines):
        return False
    text = lines[j].text
    if lines[j].words > 14 or len(text) > 90 or (ctx.wrap and len(text) > 0.7 * ctx.wrap):
        return False
    if not text[-1].isalnum():
        return False
    return not R.ends_function_word(text) and R.starts_capital(lines[j + 1].text)


def _consume_entries(ctx: Ctx, i: int, typ: str, *, strict: bool = False) -> int:
    """End (exclusive) of the entry lines of a ``typ`` list whose first entry may be at ``i``.

    ``strict`` (after a bare header such as "Related" with no colon) asks for entries that
    cannot be prose: unpunctuated or title-cased headlines, URLs, domains, short names.
    """
    lines, j, count = ctx.lines, i, 0
    if typ == "related":
        entry = R.bare_related_entry if strict else R.related_entry
    else:
        entry = R.bare_source_entry if strict else R.source_entry
    while j < len(lines) and count < _MAX_LIST_ENTRIES:
        line = lines[j]
        if count and line.brk == BLANK_LINE and not _list_goes_on(lines, j, typ):
            break
        if ctx.kind(j) is not None or j in ctx.forced or not entry(line.text):
            break
        if j + 1 < len(lines) and _continues(lines[j + 1]):
            break
        j, count = j + 1, count + 1
    return j


def _continues(nxt: Line) -> bool:
    """``nxt`` carries on the line before it (so that line is prose, not a list entry)."""
    return nxt.brk == NO_BREAK and R.starts_lower(nxt.text) and not R.strict_source_entry(nxt.text)


def _list_goes_on(lines: list[Line], j: int, typ: str) -> bool:
    """After a blank line: bulleted lists and URL/domain source lists may continue."""
    if R.is_bullet(lines[j].text) and R.is_bullet(lines[j - 1].text):
        return True
    return typ == "sources" and R.strict_source_entry(lines[j].text)


# -- the top of the article --------------------------------------------------------------------
def _header_zone(ctx: Ctx, units: list) -> int:
    lines, i = ctx.lines, 0
    while i < len(lines) and ctx.kind(i) == "boilerplate":
        units.append(("boilerplate", i, i))
        i += 1
    if ctx.detect_title and i < len(lines):
        end = title_end(ctx, i)
        if end is not None:
            units.append(("title", i, end))
            i = end + 1
    limit = i + _HEADER_ZONE_LINES
    while i < len(lines) and i < limit and i not in ctx.forced:
        kind = ctx.kind(i)
        if kind in ("boilerplate", "caption"):
            j = _continuation(ctx, i)
            units.append((kind, i, j))
            i = j + 1
            continue
        typ = _header_line_type(lines[i])
        if typ is None or (i + 1 < len(lines) and lines[i + 1].brk == NO_BREAK and _strong_join(ctx, i)):
            break
        units.append((typ, i, i))
        i += 1
    return i


def _header_line_type(line: Line) -> str | None:
    if R.is_header_byline(line.text, line.words):
        return "byline"
    if R.is_date_line(line.text, line.words):
        return "dateline"
    return None


def _norm(text: str) -> str:
    return " ".join(text.split()).casefold()


def title_end(ctx: Ctx, i: int) -> int | None:
    """Last line of the title starting at line ``i``, or None if line ``i`` is no title."""
    lines = ctx.lines
    if i + 1 >= len(lines) or i in ctx.forced:
        return None
    hint = _norm(ctx.title_hint)
    if hint:
        acc, j = _norm(lines[i].text), i
        while True:
            if acc.startswith(hint) and (len(acc) == len(hint) or not acc[len(hint)].isalnum()):
                return j
            if not hint.startswith(acc) or j + 2 >= len(lines) or lines[j + 1].brk != NO_BREAK:
                break
            j += 1
            acc = f"{acc} {_norm(lines[j].text)}"
    return i if _headline_like(ctx, i) else None


def _headline_like(ctx: Ctx, i: int) -> bool:
    line, nxt = ctx.lines[i], ctx.lines[i + 1]
    text = line.text
    if line.words > 30 or len(text) > 250 or ctx.kind(i) is not None:
        return False
    if (text.endswith(".") and not text.endswith("...")) or text[-1] in ",;:" or R.ends_open(text):
        return False
    if nxt.brk == NO_BREAK and R.starts_lower(nxt.text):
        return False
    if _header_line_type(line) or R.dateline_end(ctx.text, line.start) is not None:
        return False
    if R.ends_with_photo_credit(text):
        return False
    # A given title that does not match: only a wrapped-width line is suspect.
    wrapped = ctx.title_hint and ctx.wrap and nxt.brk == NO_BREAK and len(text) >= 0.8 * ctx.wrap
    return not (wrapped and not R.title_cased(text))
