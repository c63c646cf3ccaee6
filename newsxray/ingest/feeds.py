"""RSS and Atom feeds: one ``ArticleInput`` per item.

Feeds are parsed with feedparser from a string newsxray already holds (read from a file
or fetched by the guarded ``Fetcher``); feedparser never fetches anything itself. An
item that carries the full article (``content:encoded`` or Atom ``content`` longer than
a couple of sentences) is used as HTML directly, so such feeds work offline; otherwise
the item's link is fetched through the same guarded fetcher, and a failure becomes an
``InputFailure`` for that item only. At most ``limits.max_feed_items`` items are read.
"""
from __future__ import annotations

import html as htmllib
import io
import logging
import re
from datetime import datetime, timezone
from typing import Any, Iterator
from urllib.parse import urlsplit

from ..errors import InputError
from . import ArticleInput, InputFailure
from .limits import LIMITS, Limits
from .meta import normalise_published

log = logging.getLogger("newsxray")

_PROLOG_PART = re.compile(r"\s+|<\?.*?\?>|<!--.*?-->|<!DOCTYPE[^>]*>", re.S | re.I)
_FEED_ROOT = re.compile(r"<(?:[A-Za-z_][\w.-]*:)?(?:rss|feed|RDF)\b")
_TAG = re.compile(r"<[^>]*>")
_SENTENCE_END = re.compile(r"[.!?][\"'\u201d\u2019)\]]?(?=\s|$)")
_SLUG_JUNK = re.compile(r"[^A-Za-z0-9._-]+")
_PAGE_SUFFIX = re.compile(r"\.(?:s?html?|php|aspx?|jsp)$", re.I)
FULL_CONTENT_SENTENCES = 3
FULL_CONTENT_CHARS = 120


def is_feed(text: str) -> bool:
    """True when ``text`` is an RSS or Atom document (judged from its root element)."""
    head = text[:4096].lstrip("\ufeff")
    pos = 0
    while True:  # skip the XML declaration, comments, a doctype and whitespace
        found = _PROLOG_PART.match(head, pos)
        if not found or found.end() == pos:
            break
        pos = found.end()
    return bool(_FEED_ROOT.match(head, pos))


def _plain(markup: str) -> str:
    return htmllib.unescape(_TAG.sub(" ", markup))


def is_full_content(markup: str) -> bool:
    """Whether an item's content is the article rather than a teaser."""
    text = _plain(markup).strip()
    return len(text) >= FULL_CONTENT_CHARS and len(_SENTENCE_END.findall(text)) >= FULL_CONTENT_SENTENCES


def item_content(entry: Any) -> tuple[str | None, str | None]:
    """``(html, text)``: the item's full content, if it carries one."""
    for part in entry.get("content") or []:
        value = part.get("value") or ""
        if value and is_full_content(value):
            if part.get("type") == "text/plain":
                return None, value
            return value, None
    summary = entry.get("summary") or ""
    if summary and is_full_content(summary):
        return summary, None
    return None, None


def item_published(entry: Any) -> str | None:
    """The item's date as ISO 8601 (published, else updated), or None."""
    for key in ("published", "updated"):
        raw = dict.get(entry, key)  # plain dict access: no feedparser key aliasing
        if raw:
            try:
                return normalise_published(raw)
            except InputError:
                parsed = dict.get(entry, f"{key}_parsed")
                if parsed:
                    return datetime(*parsed[:6], tzinfo=timezone.utc).isoformat()
    return None


def slug(value: str | None) -> str | None:
    """A short id from a guid or link: the URL's last path part, or the guid itself."""
    if not value:
        return None
    value = value.strip()
    if "://" in value:
        parts = urlsplit(value)
        pieces = [p for p in parts.path.split("/") if p]
        value = _PAGE_SUFFIX.sub("", pieces[-1]) if pieces else parts.query
    cleaned = _SLUG_JUNK.sub("-", value).strip("-.")
    return cleaned[:80] or None


def feed_stem(url: str) -> str:
    """A name for a feed fetched from ``url`` (``.../world.xml`` -> ``world``)."""
    parts = urlsplit(url)
    pieces = [p for p in parts.path.split("/") if p]
    if pieces:
        return slug(pieces[-1].rsplit(".", 1)[0]) or parts.hostname or "feed"
    return parts.hostname or "feed"


def _item_id(entry: Any, stem: str, n: int, seen: set[str]) -> str:
    found = slug(entry.get("id")) or slug(entry.get("link")) or f"{stem}-{n}"
    if found in seen:
        found = f"{found}-{n}"
    seen.add(found)
    return found


def parse_feed(text: str, *, url: str | None = None) -> Any:
    """feedparser over the text itself (never a URL or a file name)."""
    import feedparser
    headers = {"content-type": "application/xml; charset=utf-8"}
    if url:
        headers["content-location"] = url
    return feedparser.parse(io.BytesIO(text.encode("utf-8", errors="replace")), response_headers=headers)


def iter_feed(text: str, *, source: str, stem: str, url: str | None = None, limits: Limits = LIMITS,
              fetcher: Any = None, allow_private: bool = False) -> Iterator[ArticleInput | InputFailure]:
    """The feed's items as inputs (full content as HTML, else the fetched link)."""
    parsed = parse_feed(text, url=url)
    entries = parsed.entries
    if not entries:
        problem = parsed.get("bozo_exception") if parsed.get("bozo") else None
        reason = f"not a readable RSS/Atom feed ({problem})" if problem else "the feed has no items"
        yield InputFailure(source=source, reason=reason, id=stem)
        return
    if len(entries) > limits.max_feed_items:
        log.warning("%s: %d items, reading the first %d (--max-feed-items)", source,
                    len(entries), limits.max_feed_items)
    seen: set[str] = set()
    for n, entry in enumerate(entries[:limits.max_feed_items], 1):
        meta = {"id": _item_id(entry, stem, n, seen), "title": entry.get("title") or None,
                "published": item_published(entry), "source": f"{source}#{n}"}
        html, plain = item_content(entry)
        if html is not None or plain is not None:
            yield ArticleInput(html=html, text=plain, url=entry.get("link") or None, **meta)
            continue
        if fetcher is None:
            from .fetch import Fetcher
            fetcher = Fetcher(limits=limits, allow_private=allow_private)
        yield fetch_item(entry, fetcher, meta)


def fetch_item(entry: Any, fetcher: Any, meta: dict) -> ArticleInput | InputFailure:
    """Fetch an item's link; a failure is reported for this item only."""
    link = entry.get("link")
    if not link:
        return InputFailure(source=meta["source"], id=meta["id"],
                            reason="the item has neither full content nor a link to fetch")
    try:
        page = fetcher.fetch(link)
    except InputError as exc:
        return InputFailure(source=meta["source"], id=meta["id"], reason=str(exc))
    return page.as_input(**meta)
