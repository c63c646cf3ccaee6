"""HTML extraction. PLACEHOLDER (being replaced): trafilatura text, one body block."""
from __future__ import annotations

from dataclasses import dataclass, field

from ..errors import InputError
from .limits import LIMITS, Limits


@dataclass
class Page:
    text: str
    title: str | None = None
    published: str | None = None
    site_name: str | None = None
    blocks: list = field(default_factory=list)
    links: list = field(default_factory=list)


def extract_html(html: str, *, url: str | None = None, limits: Limits = LIMITS, source: str | None = None) -> Page:
    import trafilatura
    text = trafilatura.extract(html, url=url) or ""
    if not text.strip():
        raise InputError("no article text found in the HTML", source=source)
    return Page(text=text)
