"""Walk an HTML (or trafilatura XML) tree into text blocks, in document order.

A block is the inline text of one block-level element (a paragraph, a heading, a list item,
a table row, the loose text of a ``div``); whitespace is collapsed, ``<br>`` becomes a line
break and two ``<br>`` in a row end the block. Each DOM block keeps its links (spans in its
own text) and the label that its markup gives it (see ``html_labels``).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from .html_labels import TAG_LABELS, element_label, heading_label

_WS = re.compile(r"\s+")
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)

SKIP_TAGS = frozenset({
    "script", "style", "noscript", "template", "head", "title", "svg", "math", "iframe", "object",
    "embed", "canvas", "select", "option", "optgroup", "textarea", "input", "button", "audio",
    "video", "map", "datalist", "dialog", "meta", "link", "img", "picture", "source", "track",
})
BLOCK_TAGS = frozenset({
    "html", "body", "address", "article", "aside", "blockquote", "center", "dd", "details", "dir",
    "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4",
    "h5", "h6", "header", "hgroup", "hr", "legend", "li", "main", "menu", "nav", "ol", "p", "pre",
    "section", "summary", "table", "tbody", "thead", "tfoot", "tr", "caption", "ul", "frameset",
    "frame", "noframes",
})
HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
_HEADING_LIKE = HEADINGS | {"p", "div", "dt", "header"}
_CELLS = frozenset({"td", "th"})
_LIST_TAGS = frozenset({"ul", "ol", "dl", "table", "menu"})
# trafilatura's output tree (its XML vocabulary)
XML_BLOCK_TAGS = frozenset({"body", "doc", "main", "div", "p", "head", "quote", "code", "list", "item",
                            "table", "row", "graphic", "figure", "article", "section"})
_STRONG = frozenset({"related", "sources", "caption"})


class TextBuffer:
    """Inline text of the block being read, whitespace-collapsed as it is appended."""

    __slots__ = ("parts", "n", "last", "links", "open", "inline", "pending_sep")

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.n, self.last = 0, ""
        self.links: list[tuple[int, int, str]] = []
        self.open: list[list] = []
        self.inline: list[str] = []
        self.pending_sep = False

    def add(self, s: str) -> None:
        s = _WS.sub(" ", s)
        if s[:1] == " " and self.last in ("", " ", "\n"):
            s = s[1:]
        if not s:
            return
        if self.pending_sep and self.n and self.last != "\n":
            self._rstrip_space()
            self._append(" | ")
        self.pending_sep = False
        self._append(s)

    def _append(self, s: str) -> None:
        self.parts.append(s)
        self.n += len(s)
        self.last = s[-1]

    def _rstrip_space(self) -> None:
        if self.last == " ":
            self.parts[-1] = self.parts[-1][:-1]
            self.n -= 1
            if not self.parts[-1]:
                self.parts.pop()
            self.last = self.parts[-1][-1] if self.parts else ""

    def cell(self) -> None:
        self.pending_sep = True

    def br(self) -> bool:
        """A line break; True when it is the second in a row (the block should end)."""
        self._rstrip_space()
        if self.last == "\n":
            return True
        if self.n:
            self._append("\n")
        return False

    def open_link(self, href: str) -> None:
        self.open.append([self.n, href])

    def close_link(self) -> None:
        start, href = self.open.pop()
        self.links.append((start, self.n, href))

    def take(self) -> tuple[str, list[tuple[int, int, str]], list[str]]:
        """The finished block (text, links, inline labels); the buffer starts a new block."""
        if not self.n:
            self.links, self.inline, self.pending_sep = [], [], False
            for item in self.open:
                item[0] = 0
            return "", [], []
        text = "".join(self.parts).rstrip()
        links = self.links + [(start, self.n, href) for start, href in self.open]
        spans = [span for span in (_trim(text, s, e, h) for s, e, h in links) if span]
        inline = self.inline
        self.parts, self.n, self.last, self.links, self.inline = [], 0, "", [], []
        self.pending_sep = False
        for item in self.open:
            item[0] = 0
        return text, spans, inline


def _trim(text: str, s: int, e: int, href: str) -> tuple[int, int, str] | None:
    e = min(e, len(text))
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    return (s, e, href) if s < e else None


@dataclass(frozen=True, slots=True)
class Ctx:
    """What the ancestors of an element say about it."""

    label: str | None = None
    label_el: object = None
    nav: bool = False
    hidden: bool = False         # inside an element the page hides (kept only as body)

    def enter(self, el, own: str | None) -> "Ctx":
        if own is None:
            return self
        nav = self.nav or own == "nav"
        if own in ("nav", "boilerplate", "dateline") and self.label in _STRONG or \
                own in ("byline", "dateline", "caption", "nav") and self.label == "boilerplate":
            return Ctx(self.label, self.label_el, nav, self.hidden)
        return Ctx(own, el, nav, self.hidden)

    def hide(self) -> "Ctx":
        return self if self.hidden else Ctx(self.label, self.label_el, self.nav, True)


ROOT_CTX = Ctx()


@dataclass(slots=True)
class RawBlock:
    text: str
    links: list[tuple[int, int, str]]
    owner: object            # the block-level element the text belongs to
    ctx: Ctx
    inline: list[str] = field(default_factory=list)   # labels of inline elements inside


def short_text(el, limit: int) -> str | None:
    """The element's text if it is at most ``limit`` non-space characters, else None."""
    parts, count = [], 0
    for piece in el.itertext():
        count += len(piece.strip())
        if count > limit:
            return None
        parts.append(piece)
    return _WS.sub(" ", "".join(parts)).strip()


def _holds_blocks(cell) -> bool:
    """A layout-table cell (it holds paragraphs, lists or line breaks), not a data cell."""
    return any(child.tag in BLOCK_TAGS or child.tag == "br" for child in cell)


def _hidden(el) -> bool:
    get = el.get
    if get("hidden") is not None or get("aria-hidden") == "true":
        return True
    style = get("style")
    return bool(style and _HIDDEN_STYLE.search(style))


class DomWalker:
    """Collect the text blocks of an lxml HTML tree, with links and labels."""

    def __init__(self) -> None:
        self.blocks: list[RawBlock] = []
        self.buf = TextBuffer()
        self.stack: list[tuple[object, Ctx]] = []
        self.pre = 0                 # inside <pre>: line breaks are kept

    def walk(self, root) -> list[RawBlock]:
        self.stack.append((root, ROOT_CTX))
        self._visit(root, ROOT_CTX)
        self._flush()
        return self.blocks

    def _flush(self) -> None:
        text, links, inline = self.buf.take()
        if text:
            owner, ctx = self.stack[-1]
            self.blocks.append(RawBlock(text, links, owner, ctx, inline))

    def _visit(self, el, ctx: Ctx) -> None:
        tag = el.tag
        if not isinstance(tag, str) or tag in SKIP_TAGS:
            return
        if tag == "br":
            if self.buf.br():
                self._flush()
            return
        if el.keys():
            if _hidden(el):
                ctx = ctx.hide()
            own = element_label(el)
        else:
            own = TAG_LABELS.get(tag)
        ctx = ctx.enter(el, own)
        block = tag in BLOCK_TAGS or tag in _CELLS and _holds_blocks(el)
        if tag in _CELLS and not block:
            self.buf.cell()
        if block:
            self._flush()
            self.stack.append((el, ctx))
        elif own:
            self.buf.inline.append(own)
        href = el.get("href") if tag == "a" else None
        if href is not None:
            self.buf.open_link(href)
        if tag == "pre":
            self.pre += 1
        if el.text:
            self._text(el.text)
        self._children(el, ctx)
        if tag == "pre":
            self.pre -= 1
        if href is not None:
            self.buf.close_link()
        if block:
            self._flush()
            self.stack.pop()

    def _children(self, el, ctx: Ctx) -> None:
        heading: tuple[str, object] | None = None
        for child in el:
            cctx = ctx
            if isinstance(child.tag, str) and child.tag not in SKIP_TAGS:
                heading = _sibling_label(child, heading)
                if heading is not None and ctx.label not in _STRONG:
                    cctx = Ctx(heading[0], heading[1], ctx.nav, ctx.hidden)
            self._visit(child, cctx)
            if child.tail:
                self._text(child.tail)

    def _text(self, text: str) -> None:
        if not self.pre or "\n" not in text:
            self.buf.add(text)
            return
        for i, line in enumerate(text.split("\n")):
            if i and self.buf.br():
                self._flush()
            self.buf.add(line)


def _sibling_label(child, current: tuple[str, object] | None) -> tuple[str, object] | None:
    """Track a "Related stories" / "Sources include:" heading over the siblings after it."""
    tag = child.tag
    if tag in _HEADING_LIKE and (tag in HEADINGS or len((child.text or "").strip()) <= 60):
        text = short_text(child, 60)
        if text:
            label = heading_label(text)
            if label:
                return label, child
            if tag in HEADINGS:
                return None
    if current is None or tag in _LIST_TAGS:
        return current
    if element_label(child) is not None:
        return None
    return current if short_text(child, 300) is not None else None


def xml_units(body) -> list[str]:
    """The paragraphs of trafilatura's output tree (one per p/head/item/row/quote...)."""
    buf, units = TextBuffer(), []

    def flush() -> None:
        text = buf.take()[0]
        if text:
            units.append(text)

    def visit(el) -> None:
        tag = el.tag
        if not isinstance(tag, str):
            return
        if tag == "lb":
            if buf.br():
                flush()
            return
        block = tag in XML_BLOCK_TAGS
        if block:
            flush()
        if tag == "cell":
            buf.cell()
        if el.text:
            buf.add(el.text)
        for child in el:
            visit(child)
            if child.tail:
                buf.add(child.tail)
        if block:
            flush()

    visit(body)
    flush()
    return units
