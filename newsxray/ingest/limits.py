"""Bounds on what one input may cost: bytes, characters, HTML depth, fetch time."""
from __future__ import annotations

from dataclasses import dataclass, replace


@dataclass(frozen=True)
class Limits:
    max_bytes: int = 20_000_000        # a file or response larger than this is refused
    max_chars: int = 1_000_000         # text longer than this is refused (after extraction)
    max_html_depth: int = 1_000         # deeper nesting is flattened before extraction
    fetch_timeout: float = 20.0        # seconds, connect + read, per request
    max_redirects: int = 5
    max_feed_items: int = 500

    def with_(self, **changes) -> "Limits":
        return replace(self, **changes)


LIMITS = Limits()
