"""Metadata: publication dates, outlets from URLs, and the language of the text."""
from __future__ import annotations

import logging
import re
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


_EN_FUNCTION_WORDS = frozenset(
    "the a an and or but of to in on at for with by from as is are was were be been has have had "
    "that this these those it its he she they his her their said says will would not no".split())
_WORD = re.compile(r"[A-Za-z]+")


@lru_cache(maxsize=1)
def _identifier():
    from py3langid.langid import MODEL_FILE, LanguageIdentifier
    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def detect_language(text: str) -> str:
    """ISO 639-1 code of the text's language; ``en`` unless another language is clear.

    English function words decide first (news full of foreign names is still English);
    otherwise the language identifier must be at least 90% sure of another language.
    """
    sample = text[:3000]
    words = _WORD.findall(sample)
    if len(words) < 8 or sum(c.isalpha() for c in sample) < 40:
        return "en"
    if sum(w.lower() in _EN_FUNCTION_WORDS for w in words) / len(words) >= 0.08:
        return "en"
    code, probability = _identifier().classify(sample)
    return code if code != "en" and probability >= 0.9 else "en"
