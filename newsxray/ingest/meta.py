"""Metadata: publication dates, outlets from URLs, and the language of the text."""
from __future__ import annotations

import logging
from datetime import date, datetime
from email.utils import parsedate_to_datetime
from functools import lru_cache

from ..errors import InputError

log = logging.getLogger("newsxray")


def normalise_published(value: str | None, *, source: str | None = None) -> str | None:
    """ISO 8601 for a publication date given in any common form (ISO, RFC 2822, prose)."""
    if value is None or not str(value).strip():
        return None
    value = str(value).strip()
    parsed: datetime | date | None = None
    try:
        parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        try:
            parsed = parsedate_to_datetime(value)
        except (TypeError, ValueError, IndexError):
            from dateutil import parser as du
            try:
                parsed = du.parse(value)
            except (ValueError, OverflowError):
                raise InputError(f"publication date {value!r} is not a date I can read; use ISO 8601 "
                                 "such as 2023-08-05", source=source) from None
    if isinstance(parsed, datetime) and (parsed.hour, parsed.minute, parsed.second) == (0, 0, 0) \
            and parsed.tzinfo is None and len(value) <= 10:
        return parsed.date().isoformat()
    return parsed.isoformat()


@lru_cache(maxsize=1)
def _extractor():
    import tldextract
    # the bundled public-suffix snapshot only: never fetched at run time
    return tldextract.TLDExtract(suffix_list_urls=(), cache_dir=None)


def registrable_domain(host_or_url: str | None) -> str | None:
    """``https://www.rt.com/news/x`` -> ``rt.com``; None when there is no domain."""
    if not host_or_url:
        return None
    parts = _extractor()(host_or_url)
    if not parts.domain:
        return None
    if parts.suffix:
        return f"{parts.domain}.{parts.suffix}".lower()
    # no known public suffix (an intranet or .example host): keep the host without "www."
    host = ".".join(p for p in (parts.subdomain, parts.domain) if p).lower()
    return host[4:] if host.startswith("www.") else host


def outlet_from_url(url: str | None) -> str | None:
    return registrable_domain(url)


def detect_language(text: str) -> str:
    """ISO 639-1 code of the text's language (``en`` for too little text to tell)."""
    sample = text[:3000]
    if sum(c.isalpha() for c in sample) < 40:
        return "en"
    import py3langid
    code, _ = py3langid.classify(sample)
    return code
