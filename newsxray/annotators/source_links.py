"""Link and listed sources: hyperlinks, bare URLs and domains, and "Sources include" entries.

- ``link``: an HTML hyperlink (``doc.hints["links"]``, the anchor text's span and its
  target) or a URL/domain written in the body ("www.bbc.co.uk/news", "RT.com"). Links to
  the article's own site are navigation, not sources, and are left out, as are links in
  "related" and boilerplate blocks.
- ``listed``: each entry of a ``sources`` segment (one per line after a "Sources include:"
  or "References" header): a domain, a URL, an outlet's name, or a citation naming one.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import replace

from ..document import Document, Link
from ..ingest.meta import registrable_domain
from .source_attribution import BODY_TYPES
from .source_cues import CAPS
from .source_names import DOMAIN, URL, Found, Resolved, outlet_by_name, resolve_domain, resolve_name

SKIPPED_LINK_TYPES = ("related", "boilerplate", "sources")
HEADER = re.compile(r"(?:sources?|references?|bibliography|further\s+reading|works\s+cited|citations?|notes|"
                    r"links?)(?:\s+(?:include|includes|included|used|cited|and\s+notes|and\s+references))?"
                    r"\s*:?", re.I)
BULLET = re.compile(r"(?:[-–—•*·>▪◦]+|\d{1,3}[.)]|\[\d{1,3}\])\s*")
TRAIL = ".,;:·-–— \t"
MAX_NAME = 100


def own_domain(doc: Document) -> str | None:
    """The registrable domain of the article itself, if known."""
    if doc.outlet is not None and doc.outlet.domain:
        return doc.outlet.domain
    return registrable_domain(doc.url) if doc.url else None


def _http(href: str) -> bool:
    return href[:7].lower() == "http://" or href[:8].lower() == "https://"


class SegmentTypes:
    def __init__(self, doc: Document) -> None:
        self.segs = [(s.start, s.end, s.type) for s in doc.segments]
        self.starts = [s for s, _, _ in self.segs]

    def at(self, pos: int) -> str | None:
        i = bisect.bisect_right(self.starts, pos) - 1
        if i >= 0 and self.segs[i][0] <= pos < self.segs[i][1]:
            return self.segs[i][2]
        return None


def links(doc: Document, cited: list[Found]) -> tuple[list[Found], list[Found]]:
    """Hyperlinks and URLs/domains written in the body: ``(cited, links)``.

    A hyperlink whose anchor holds an attribution ("<a>Reuters reported</a>") is the same
    citation: the attribution takes the link's URL (and its domain if it had none).
    """
    own, types, out = own_domain(doc), SegmentTypes(doc), []
    cited = list(cited)
    busy = [(f.start, f.end) for f in cited]
    for link in doc.hints.get("links", []) or []:
        if not isinstance(link, Link) or types.at(link.start) in SKIPPED_LINK_TYPES or not _http(link.href):
            continue
        resolved = resolve_domain(link.href)
        if resolved is None or resolved.domain == own:
            continue
        inside = [i for i, f in enumerate(cited) if link.start <= f.start and f.end <= link.end]
        if inside:
            cited[inside[0]] = _linked(cited[inside[0]], resolved, link.href)
        elif not _overlaps(busy, link.start, link.end):
            out.append(Found(link.start, link.end, "link", _with_url(resolved, link.href)))
        busy.append((link.start, link.end))
    for seg in doc.segments:
        if seg.type in BODY_TYPES:
            out.extend(_written(doc, seg.start, seg.end, own, busy))
    return cited, out


def _linked(found: Found, target: Resolved, href: str) -> Found:
    r = found.resolved
    resolved = Resolved(name=r.name, domain=r.domain or target.domain, url=href, outlet=r.outlet or target.outlet,
                        host=r.host or target.host)
    return replace(found, resolved=resolved)


def _written(doc: Document, start: int, end: int, own: str | None, busy: list[tuple[int, int]]) -> list[Found]:
    out = []
    for pattern in (URL, DOMAIN):
        for m in pattern.finditer(doc.text, start, end):
            resolved = resolve_domain(m.group(0))
            if resolved is None or resolved.domain == own or _overlaps(busy, m.start(), m.end()):
                continue
            out.append(Found(m.start(), m.end(), "link", resolved))
            busy.append(m.span())
    return out


def _overlaps(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    return any(s < end and start < e for s, e in spans)


def _with_url(resolved: Resolved, url: str) -> Resolved:
    return Resolved(name=resolved.name, domain=resolved.domain, url=url, outlet=resolved.outlet, host=resolved.host)


def listed(doc: Document) -> list[Found]:
    """One source per entry line of the ``sources`` segments (headers skipped)."""
    hrefs = [(l.start, l.end, l.href) for l in doc.hints.get("links", []) or [] if isinstance(l, Link)]
    out = []
    for seg in doc.segments:
        if seg.type != "sources":
            continue
        for start, end in _entries(doc.text, seg.start, seg.end):
            resolved = _entry(doc.text[start:end], [h for s, e, h in hrefs if start <= s < end and _http(h)])
            if resolved is not None:
                out.append(Found(start, end, "listed", resolved))
    return out


def _entries(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The trimmed entry spans of a segment: one per line, bullets and headers dropped."""
    spans, pos = [], start
    for line in text[start:end].split("\n"):
        a, b = pos, pos + len(line)
        pos = b + 1
        while a < b and text[a].isspace():
            a += 1
        bullet = BULLET.match(text, a, b)
        if bullet and bullet.end() < b and not DOMAIN.match(text, a, b):
            a = bullet.end()
        while b > a and text[b - 1] in TRAIL:
            b -= 1
        if b > a and not HEADER.fullmatch(text, a, b):
            spans.append((a, b))
    return spans


def _entry(entry: str, hrefs: list[str]) -> Resolved | None:
    for href in hrefs:
        resolved = resolve_domain(href)
        if resolved is not None:
            return _with_url(resolved, href)
    token = URL.search(entry) or DOMAIN.search(entry)
    if token:
        resolved = resolve_domain(token.group(0))
        if resolved is not None:
            return resolved
    if not any(c.isalpha() for c in entry):
        return None
    for run in CAPS.finditer(entry):
        words = run.group(0).split()
        for k in range(len(words), 0, -1):
            outlet = outlet_by_name(" ".join(words[:k]))
            if outlet is not None:
                return resolve_name(outlet.name)
    name = entry if len(entry) <= MAX_NAME else entry[:MAX_NAME].rsplit(" ", 1)[0] + "…"
    return resolve_name(name)
