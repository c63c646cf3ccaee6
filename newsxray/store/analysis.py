"""Corpus analysis: the questions one asks of many articles, as functions over an open store.

Every function takes an open ``SqliteStore`` first (``newsxray.store.open_store``), keyword-only
options after, and returns JSON-ready values. Entity names match case-insensitively on their
folded form (``newsxray.store.records.fold``); event actors and targets may also be given as a
3-letter ISO code (``CHN``). Article summaries are ``{"id", "title", "outlet", "published",
"url"}``. Only the latest revision of an article counts; near-duplicates (syndicated copies)
are counted once wherever counting them again would inflate a figure (each function says how).

    >>> from newsxray.store import open_store
    >>> from newsxray.store import analysis
    >>> with open_store("corpus.db", readonly=True) as store:
    ...     analysis.timeline(store, "China", "Japan")["days"]
"""
from __future__ import annotations

from .analysis_corpus import outlet_profiles, stats, top_claims
from .analysis_entities import entity_profile, entity_search, network
from .analysis_events import events, timeline
from .analysis_quotes import quotes_by_speaker

__all__ = ["entity_profile", "entity_search", "events", "network", "outlet_profiles", "quotes_by_speaker",
           "stats", "timeline", "top_claims"]
