"""Ingest: turn what a user gives (text, HTML, a URL, files, feeds, WARC) into Documents.

``ArticleInput`` is one article as given; ``InputFailure`` is an input that could not be
read at all (it is reported, never silently dropped). ``to_document`` validates an input
and makes the ``Document`` the pipeline annotates, raising ``InputError`` with a reason a
user can act on.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..document import Document, Outlet
from ..errors import InputError
from .limits import LIMITS, Limits
from .meta import detect_language, normalise_published, outlet_from_url
from .validate import check_text

INPUT_KEYS = ("text", "html", "url", "id", "title", "published")


@dataclass
class ArticleInput:
    """One article as given. Exactly one of ``text`` / ``html`` is set, or ``url`` alone
    (then the page is fetched)."""

    text: str | None = None
    html: str | None = None
    url: str | None = None
    id: str | None = None
    title: str | None = None
    published: str | None = None
    outlet: str | None = None
    source: str | None = None  # where it came from, for messages ("file.jsonl:3")
    extra: dict[str, Any] = field(default_factory=dict)

    @classmethod
    def from_mapping(cls, data: dict, *, source: str | None = None) -> "ArticleInput":
        if not isinstance(data, dict):
            raise InputError(f"expected an object with 'text' or 'html', got {type(data).__name__}", source=source)
        values = {}
        for key in INPUT_KEYS + ("outlet",):
            value = data.get(key)
            if value is not None and not isinstance(value, str):
                if key == "id" and isinstance(value, int):
                    value = str(value)
                else:
                    raise InputError(f"field {key!r} must be a string, got {type(value).__name__}", source=source)
            values[key] = value
        if values["text"] is None and values["html"] is None and values["url"] is None:
            raise InputError("the object has neither 'text' nor 'html' (nor a 'url' to fetch)", source=source)
        extra = {k: v for k, v in data.items() if k not in INPUT_KEYS and k != "outlet"}
        return cls(**values, source=source, extra=extra)


@dataclass
class InputFailure:
    """An input that could not be read at all, and why."""

    source: str
    reason: str
    id: str | None = None


def to_document(inp: ArticleInput, *, limits: Limits = LIMITS, fetcher: Any = None) -> Document:
    """Validate ``inp`` and build its Document (fetching and extracting HTML as needed)."""
    src = inp.source
    html, url = inp.html, inp.url
    if inp.text is None and html is None:
        if not url:
            raise InputError("nothing to analyse: give text, html or a url", source=src)
        from .fetch import Fetcher
        page = (fetcher or Fetcher(limits=limits)).fetch(url)
        html, url = page.text, page.url
    if inp.text is not None:
        text = check_text(inp.text, limits=limits, source=src)
        doc = Document(text=text, id=inp.id, url=url, title=inp.title)
    else:
        from .html import extract_html
        check_text(html, limits=limits, source=src, what="HTML")
        page = extract_html(html, url=url, limits=limits, source=src)
        doc = Document(text=page.text, id=inp.id, url=url, title=inp.title or page.title)
        doc.hints["blocks"] = page.blocks
        doc.hints["links"] = page.links
        inp.published = inp.published or page.published
        inp.outlet = inp.outlet or page.site_name
    doc.published = normalise_published(inp.published, source=src)
    domain = outlet_from_url(url)
    if domain or inp.outlet:
        doc.outlet = Outlet(domain=domain, name=inp.outlet)
    doc.language = detect_language(doc.text)
    return doc
