"""Align trafilatura's main-text paragraphs with the page's DOM blocks and type every block.

trafilatura decides what the article body is; the DOM walk (``html_dom``) supplies the
page's other parts in document order. A DOM block whose words equal a trafilatura paragraph
(or a run of DOM blocks that together make one) is ``body``; a paragraph that only part of
a DOM block matches is emitted as trafilatura gave it; a paragraph matching nothing is
kept as ``body`` where it falls in the sequence. Everything else is typed from its markup
and wording (``html_labels``), or dropped when it is a list of navigation links outside
the article.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from collections import defaultdict
from dataclasses import dataclass, field

from .html_dom import HEADINGS, RawBlock
from .html_labels import line_label

_W = re.compile(r"\w+")
WINDOW = 400                     # DOM blocks searched ahead for a paragraph
MIN_CONTAINED = 12               # shorter paragraphs must match a DOM block exactly
MIN_ALIGNED = 0.5                # below this share of body characters aligned: trafilatura alone
MAX_RETYPED = 0.4                # more body than this retyped: keep trafilatura's body as body
_MAX_LEN = {"byline": 200, "dateline": 100, "caption": 1000}
_OVERRIDES = frozenset({"related", "sources", "caption", "byline", "dateline"})
_SCOPE_TAGS = frozenset({"article", "main"})
_LINK_DOMINATED = 0.6


ORPHAN_WINDOW = 4


def key(text: str) -> str:
    """Comparison key: the case-folded word characters of ``text``."""
    return "".join(_W.findall(text.casefold()))


@dataclass
class Alignment:
    whole: set[int] = field(default_factory=set)                              # DOM blocks that are body
    parts: dict[int, list[str]] = field(default_factory=lambda: defaultdict(list))
    orphans: dict[int, list[str]] = field(default_factory=lambda: defaultdict(list))
    aligned_chars: int = 0
    total_chars: int = 0

    @property
    def ratio(self) -> float:
        return self.aligned_chars / self.total_chars if self.total_chars else 0.0


def align(blocks: list[RawBlock], units: list[str]) -> Alignment:
    """Match trafilatura's paragraphs, in order, to DOM blocks."""
    dkeys = [key(b.text) for b in blocks]
    index: dict[str, list[int]] = defaultdict(list)
    for i, k in enumerate(dkeys):
        if k:
            index[k].append(i)
    result, cursor, last = Alignment(), 0, -1
    for unit in units:
        k = key(unit)
        if not k:
            continue
        result.total_chars += len(k)
        found = _find(k, dkeys, index, cursor, result)
        if found is None:
            result.orphans[last].append(unit)
            continue
        first, end, contained = found
        result.aligned_chars += len(k)
        if contained:
            result.parts[first].append(unit)
            cursor, last = first, first
        else:
            result.whole.update(range(first, end))
            cursor, last = end, end - 1
    return result


def _find(k: str, dkeys: list[str], index, cursor: int, result: Alignment):
    """(first, end, contained) of the DOM blocks paragraph key ``k`` matches, or None."""
    exact = None
    hits = index.get(k)
    if hits:
        pos = bisect_left(hits, cursor)
        if pos < len(hits) and hits[pos] not in result.parts:
            exact = hits[pos]
    for i in range(cursor, min(len(dkeys), cursor + WINDOW)):
        if exact is not None and i >= exact:
            return exact, exact + 1, False
        dk = dkeys[i]
        if not dk:
            continue
        if (len(k) >= MIN_CONTAINED or k == dk) and k in dk:
            return i, i + 1, True
        if k.startswith(dk) and i not in result.parts:
            end = _extend(k, dkeys, i)
            if end is not None:
                return i, end, False
    return (exact, exact + 1, False) if exact is not None else None


def _extend(k: str, dkeys: list[str], i: int) -> int | None:
    """End of the run of DOM blocks from ``i`` whose keys concatenate to ``k``."""
    acc, j = dkeys[i], i + 1
    while acc != k:
        while j < len(dkeys) and not dkeys[j]:
            j += 1
        if j >= len(dkeys) or not k.startswith(acc + dkeys[j], 0):
            return None
        acc += dkeys[j]
        j += 1
    return j


# ---- typing -------------------------------------------------------------------------


@dataclass(slots=True)
class OutBlock:
    text: str
    type: str
    links: list[tuple[int, int, str]]
    main: bool = False            # one of trafilatura's main-text paragraphs


class Typer:
    """Types the blocks of one page, given where its article body sits."""

    def __init__(self, blocks: list[RawBlock], alignment: Alignment, title_key: str) -> None:
        self.blocks, self.al, self.title_key = blocks, alignment, title_key
        owners = [blocks[i].owner for i in sorted(alignment.whole)] + \
                 [blocks[i].owner for i in alignment.parts]
        self.lca = _lowest_common_ancestor(owners)
        self.scope = set(_near_scope(self.lca).iter()) if self.lca is not None else None
        self._inside: dict[int, bool] = {}

    def body_type(self, b: RawBlock) -> str:
        """``body``, or a stronger type that the block's markup or wording shows."""
        label = line_label(b.text)
        if label in _OVERRIDES or label == "boilerplate":
            return label
        label = _valid(b.ctx.label, b.text)
        if label in _OVERRIDES and self._inside_lca(b.ctx.label_el):
            return label
        return _inline_label(b) or "body"

    def other_type(self, b: RawBlock) -> str | None:
        """The type of a block trafilatura left out, or None to leave it out of the text."""
        if b.ctx.hidden:
            return None
        label = _valid(b.ctx.label, b.text)
        if label is None or label == "nav":
            label = _inline_label(b) or line_label(b.text) or label
        elif label == "boilerplate" and line_label(b.text) in ("related", "sources"):
            label = line_label(b.text)
        if label in ("related", "sources"):
            return label
        in_scope = self.scope is None or b.owner in self.scope
        if _link_share(b) >= _LINK_DOMINATED and (not in_scope or b.ctx.nav or label == "nav"):
            return None
        if not in_scope or label in (None, "nav"):
            return "boilerplate"
        return label

    def headline(self) -> str | None:
        """The text of the article's <h1>, when it comes before the body."""
        first = min([*self.al.whole, *self.al.parts], default=len(self.blocks))
        for b in self.blocks[:first + 1]:
            if getattr(b.owner, "tag", "") == "h1" and (self.scope is None or b.owner in self.scope) \
                    and len(b.text) <= 300:
                return " ".join(b.text.split())
        return None

    def _inside_lca(self, el) -> bool:
        if el is None or self.lca is None:
            return False
        found = self._inside.get(id(el))
        if found is None:
            found = any(a is self.lca for a in el.iterancestors())
            self._inside[id(el)] = found
        return found


def _valid(label: str | None, text: str) -> str | None:
    limit = _MAX_LEN.get(label or "")
    return None if limit is not None and len(text) > limit else label


def _inline_label(b: RawBlock) -> str | None:
    for label in ("byline", "caption", "dateline"):
        if label in b.inline and len(b.text) <= _MAX_LEN[label]:
            return label
    return None


def _link_share(b: RawBlock) -> float:
    return sum(e - s for s, e, _ in b.links) / len(b.text)


def _lowest_common_ancestor(elements: list):
    if not elements:
        return None
    common = [elements[0], *elements[0].iterancestors()]
    for el in elements[1:]:
        chain = {id(a) for a in (el, *el.iterancestors())}
        while common and id(common[0]) not in chain:
            common.pop(0)
    return common[0] if common else None


def _near_scope(lca):
    """The article around the body: the nearest <article>/<main>, else the body's parent."""
    for el in (lca, *lca.iterancestors()):
        if el.tag in _SCOPE_TAGS or el.get("role") == "main":
            return el
    parent = lca.getparent()
    return parent if parent is not None and parent.tag not in ("body", "html") else lca


def typed_blocks(blocks: list[RawBlock], units: list[str], title: str | None) -> list[OutBlock] | None:
    """The page's blocks, typed, in document order (after the title line); None when
    trafilatura's paragraphs cannot be aligned with the page."""
    al = align(blocks, units)
    if al.ratio < MIN_ALIGNED:
        return None
    typer = Typer(blocks, al, key(title or ""))
    title = typer.headline() or title
    typer.title_key = key(title or "")
    out = [OutBlock(title, "title", [])] if title else []
    out += _orphans(-1, blocks, al)
    for i, b in enumerate(blocks):
        out += _emit(i, b, al, typer)
        out += _orphans(i, blocks, al)
    return _guard_retyping(out)


def _orphans(i: int, blocks: list[RawBlock], al: Alignment) -> list[OutBlock]:
    """trafilatura paragraphs that matched no block, kept as body where they fall, except
    fragments of a nearby block that is kept whole anyway (a time element's neighbour
    text such as "· Updated"): those would only repeat text."""
    near = [key(b.text) for b in blocks[max(0, i - ORPHAN_WINDOW):i + ORPHAN_WINDOW + 1]]
    out = []
    for unit in al.orphans.get(i, ()):
        k = key(unit)
        if len(unit.split()) <= 4 and any(k in dk and k != dk for dk in near):
            continue
        out.append(OutBlock(unit, "body", [], True))
    return out


def _emit(i: int, b: RawBlock, al: Alignment, typer: Typer) -> list[OutBlock]:
    if typer.title_key and key(b.text) == typer.title_key:
        return []                                   # the headline: already the title line
    if i in al.whole:
        return [OutBlock(b.text, typer.body_type(b), b.links, True)]
    if i in al.parts:
        kind = typer.body_type(b)
        return [OutBlock(u, kind, _relocate(b, u), True) for u in al.parts[i]]
    b = _without_title_line(b, typer.title_key)
    kind = typer.other_type(b)
    if kind == "boilerplate" and getattr(b.owner, "tag", "") in HEADINGS and _heads_dropped(i, al, typer):
        return []                                   # the heading of a dropped link list
    return [OutBlock(b.text, kind, b.links)] if kind else []


def _without_title_line(b: RawBlock, title_key: str) -> RawBlock:
    """The block without a first line that repeats the headline (``<b>Title</b><br>By ...``)."""
    first, nl, rest = b.text.partition("\n")
    if not nl or not title_key or key(first) != title_key:
        return b
    cut = len(first) + 1
    links = [(s - cut, e - cut, h) for s, e, h in b.links if s >= cut]
    return RawBlock(rest, links, b.owner, b.ctx, b.inline)


def _heads_dropped(i: int, al: Alignment, typer: Typer) -> bool:
    nxt = i + 1
    if nxt >= len(typer.blocks) or nxt in al.whole or nxt in al.parts:
        return False
    return typer.other_type(typer.blocks[nxt]) is None


def _relocate(b: RawBlock, unit: str) -> list[tuple[int, int, str]]:
    """The block's links found again, in order, in a paragraph cut from it."""
    found, pos = [], 0
    for s, e, href in b.links:
        at = unit.find(b.text[s:e], pos)
        if at >= 0:
            found.append((at, at + e - s, href))
            pos = at + e - s
    return found


def _guard_retyping(out: list[OutBlock]) -> list[OutBlock]:
    """Undo retyping of trafilatura's paragraphs when it would take most of the body away."""
    mine = [o for o in out if o.main]
    retyped = sum(len(o.text) for o in mine if o.type != "body")
    if mine and retyped > MAX_RETYPED * sum(len(o.text) for o in mine):
        for o in mine:
            o.type = "body"
    return out
