"""HTML extraction that keeps and types the parts of a news page.

trafilatura decides what the article body is and reads the page's metadata; a walk over
the same DOM (``html_dom``) finds the parts trafilatura throws away and ``html_blocks``
types them. The text is the title line, then the page's blocks in document order, one
block per paragraph / list item / heading, separated by a blank line ("\\n\\n"):

- ``body``: exactly trafilatura's main-text paragraphs (so body quality is trafilatura's),
  except those whose markup or wording shows they are a byline, a caption, a dateline,
  a "Related stories" list or a "Sources include:" list, which get that type;
- ``title``, ``byline``, ``dateline``, ``caption``, ``related``, ``sources``: found from tags,
  class/id/role/itemprop words, headings ("Related stories", "Sources include:") and
  wording ("By ...", "Related: ...", a date line);
- ``boilerplate``: anything else trafilatura left out (share bars, newsletter boxes, cookie
  banners, copyright lines, ads, reader comments, tag lists).

Left out of the text altogether: blocks that are mostly link text (>= 60%) and sit outside
the article (the nearest ``<article>``/``<main>`` around the body, else the body
container's parent) or inside navigation markup (``<nav>``, menus, breadcrumbs, page
headers/footers), unless they are typed ``related``/``sources`` — so site menus, footer
link lists and "most read" boxes go, while a copyright line or cookie notice stays as
``boilerplate``; hidden elements (``hidden``, ``display: none``) unless trafilatura keeps
them; ``script``/``style``/``noscript``/``template`` always. The headline is the title line
(the article's ``<h1>`` before the body, else trafilatura's title) and is not repeated.

When trafilatura's paragraphs cannot be aligned with the DOM (under half of their text
found), the text is trafilatura's alone (title + body). ``Page.links`` holds the
anchor-text spans of the links in the text, with absolute URLs (resolved against
``<base href>``, then ``url``, then the page's canonical URL).
"""
from __future__ import annotations

import json
import logging
import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime
from urllib.parse import urljoin, urlparse

from ..document import HtmlBlock, Link
from ..errors import InputError
from .html_blocks import OutBlock, typed_blocks
from .html_dom import DomWalker, xml_units
from .limits import LIMITS, Limits

log = logging.getLogger("newsxray")

_HAS_TAG = re.compile(r"<[a-zA-Z!/?]")
_TAG = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9:-]*)[^<>]*>")
_VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
                   "param", "source", "track", "wbr", "keygen", "frame", "basefont", "isindex"})
_OPTIONAL_CLOSE = frozenset({"p", "li", "dt", "dd", "tr", "td", "th", "option", "optgroup", "thead",
                             "tbody", "tfoot", "colgroup", "rb", "rt", "rp", "html", "head", "body"})
_WORD = re.compile(r"\w+")
# never text (JSON-LD scripts stay for the metadata)
_CODE_XPATH = ("//script[not(contains(@type, 'ld+json'))] | //style | //noscript | //template")
MIN_WORDS = 5                # less article text than this is no article
_PARSER_DEPTH = 250          # libxml2 stops reading a document nested deeper than 256
_SKIP_HREF = ("javascript:", "data:", "vbscript:")
_PUBLISHED_XPATH = (
    "//meta[@property='article:published_time' or @name='article:published_time' or "
    "@property='og:published_time' or @itemprop='datePublished' or @name='date' or "
    "@name='pubdate' or @name='publish-date' or @name='dc.date' or @name='DC.date.issued']/@content"
    " | //*[@itemprop='datePublished']/@datetime | //time/@datetime")


@dataclass
class Page:
    text: str
    title: str | None = None
    published: str | None = None
    site_name: str | None = None
    author: str | None = None
    blocks: list[HtmlBlock] = field(default_factory=list)
    links: list[Link] = field(default_factory=list)


def extract_html(html: str, *, url: str | None = None, limits: Limits = LIMITS,
                 source: str | None = None) -> Page:
    """Extract the article text of an HTML page, with its typed blocks, links and metadata."""
    if not isinstance(html, str):
        raise InputError(f"HTML must be a str, got {type(html).__name__}; decode it first", source=source)
    if not _HAS_TAG.search(html):
        raise InputError("the input has no HTML tags; pass plain text as text, not html", source=source)
    tree = _load(html, limits, source)
    _strip_code(tree)
    doc = _trafilatura(tree, url, source)
    units = xml_units(doc.body) if doc is not None and doc.body is not None else []
    if sum(len(_WORD.findall(u)) for u in units) < MIN_WORDS:
        raise InputError("no article text found in the HTML (is it an article page? "
                         "pass the article's own page, or its text as text)", source=source)
    title = _one_line(doc.title)
    out = _typed(tree, units, title)
    base = _base_url(tree, url or doc.url)
    text, blocks, links = assemble(out, base)
    if len(text) > limits.max_chars:
        raise InputError(f"the extracted text has {len(text):,} characters, more than the limit "
                         f"of {limits.max_chars:,}; split the page or raise Limits.max_chars", source=source)
    return Page(text=text, title=title, published=_published(doc.date, tree),
                site_name=_site_name(doc), author=doc.author or None, blocks=blocks, links=links)


def _typed(tree, units: list[str], title: str | None) -> list[OutBlock]:
    body = tree.find("body")
    try:
        out = typed_blocks(DomWalker().walk(body if body is not None else tree), units, title)
    except RecursionError:
        log.warning("HTML too deeply nested to walk; keeping trafilatura's text only")
        out = None
    if out is None:
        log.debug("trafilatura's paragraphs do not align with the page; keeping its text only")
        out = ([OutBlock(title, "title", [])] if title else []) + [OutBlock(u, "body", [], True) for u in units]
    return out


def _one_line(text: str | None) -> str | None:
    text = " ".join(text.split()) if text else ""
    return text or None


# ---- loading ------------------------------------------------------------------------


def _load(html: str, limits: Limits, source: str | None):
    """Parse the page, flattening nesting deeper than the limits (or than libxml2 reads)."""
    from trafilatura.utils import load_html
    tree = _parse(load_html, html)
    for cap in (min(limits.max_html_depth, 100), 25):
        if tree is None or not _too_deep(tree, limits):
            break
        log.warning("HTML nested deeper than %s levels: flattening it to %s", _PARSER_DEPTH, cap)
        tree = _parse(load_html, flatten_deep_html(html, max_depth=cap))
    if tree is None:
        raise InputError("the HTML could not be parsed; check that it is an HTML page", source=source)
    return tree


def _strip_code(tree) -> None:
    for el in tree.xpath(_CODE_XPATH):
        el.drop_tree()


def _parse(load_html, html: str):
    try:
        tree = load_html(html)
        if tree is None:                      # a fragment: trafilatura wants a whole document
            tree = load_html(f"<html><body>{html}</body></html>")
    except (ValueError, TypeError) as err:
        log.debug("HTML parse failed: %s", err)
        return None
    return tree


def _too_deep(tree, limits: Limits) -> bool:
    from trafilatura.utils import HTML_PARSER
    if any("Excessive depth" in entry.message for entry in HTML_PARSER.error_log):
        return True
    if limits.max_html_depth < _PARSER_DEPTH:
        return bool(tree.xpath(f"boolean(//*[count(ancestor::*) > {int(limits.max_html_depth)}])"))
    return False


def flatten_deep_html(html: str, *, max_depth: int) -> str:
    """``html`` with the tags nested deeper than ``max_depth`` removed (their text stays)."""
    out, pos, depth, dropped = [], 0, 0, Counter()
    for m in _TAG.finditer(html):
        closing, name = m.group(1), m.group(2).lower()
        if name in _VOID or name in _OPTIONAL_CLOSE or m.group(0).endswith("/>"):
            continue
        if closing:
            if dropped[name]:
                dropped[name] -= 1
                out.append(html[pos:m.start()])
                pos = m.end()
            elif depth:
                depth -= 1
        elif depth >= max_depth:
            dropped[name] += 1
            out.append(html[pos:m.start()])
            pos = m.end()
        else:
            depth += 1
    out.append(html[pos:])
    return "".join(out)


def _trafilatura(tree, url: str | None, source: str | None):
    import trafilatura
    try:
        return trafilatura.bare_extraction(tree, url=url, with_metadata=True, include_comments=False,
                                           output_format="python", date_extraction_params=_date_params())
    except RecursionError:
        raise InputError("the HTML is nested too deeply to extract; lower Limits.max_html_depth "
                         "or pass the article's text", source=source) from None


# ---- metadata and links -------------------------------------------------------------


def _date_params() -> dict:
    # the page's own date markup only: no guessing from copyright lines or free text
    return {"original_date": True, "extensive_search": False,
            "max_date": datetime.now().astimezone().strftime("%Y-%m-%d")}


def _site_name(doc) -> str | None:
    """og:site_name and the like; None when trafilatura only echoed the URL's host."""
    name = (doc.sitename or "").strip()
    host = urlparse(doc.url or "").netloc.lower()
    if not name or name.lower() in (host, host.removeprefix("www.")):
        return None
    return name


def _published(date: str | None, tree) -> str | None:
    """trafilatura's date, with the time of day when the page's own date tags give it."""
    if not date:
        return None
    for value in _date_candidates(tree):
        value = value.strip()
        if len(value) > len(date) and value.startswith(date):
            try:
                return datetime.fromisoformat(value.replace("Z", "+00:00")).isoformat()
            except ValueError:
                continue
    return date


def _date_candidates(tree):
    yield from tree.xpath(_PUBLISHED_XPATH)
    for script in tree.iterfind(".//script[@type='application/ld+json']"):
        yield from _json_ld_dates(script.text or "")


def _json_ld_dates(raw: str):
    try:
        data = json.loads(raw)
    except ValueError:
        return
    stack = [data]
    while stack:
        item = stack.pop()
        if isinstance(item, list):
            stack.extend(item)
        elif isinstance(item, dict):
            if isinstance(item.get("datePublished"), str):
                yield item["datePublished"]
            stack.extend(v for v in item.values() if isinstance(v, (list, dict)))


def _base_url(tree, url: str | None) -> str | None:
    base = tree.xpath("string(//base/@href)").strip()
    if base and url:
        return urljoin(url, base)
    return base or url or None


def _absolute(href: str, base: str | None) -> str | None:
    href = href.strip()
    if not href or href.startswith("#") or href.lower().startswith(_SKIP_HREF):
        return None
    try:
        return urljoin(base, href) if base else href
    except ValueError:
        return None


def assemble(out: list[OutBlock], base: str | None) -> tuple[str, list[HtmlBlock], list[Link]]:
    """Join the blocks with blank lines into the text, with block and link spans."""
    parts, blocks, links, pos = [], [], [], 0
    for block in out:
        if not block.text:
            continue
        if parts:
            parts.append("\n\n")
            pos += 2
        parts.append(block.text)
        blocks.append(HtmlBlock(start=pos, end=pos + len(block.text), type=block.type))
        for s, e, href in block.links:
            target = _absolute(href, base)
            if target and s < e:
                links.append(Link(start=pos + s, end=pos + e, href=target))
        pos += len(block.text)
    return "".join(parts), blocks, links
