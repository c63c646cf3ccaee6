"""Shared helpers of the news-sentence tests: code written sentences with the events layer
(CAMEO convention for futures, a fixed publication date) and pick one event by type."""
from __future__ import annotations

import newsxray

PUBLISHED = "2024-03-05"


def code(sentences: dict[str, str]) -> dict[str, list]:
    """The events of each sentence, by its key."""
    analyzer = newsxray.load(layers="events", config={"events": {"plover_future": False}})
    docs = analyzer.pipe([{"text": t, "published": PUBLISHED} for t in sentences.values()])
    return {key: list(doc.layer("events")) for key, doc in zip(sentences, docs)}


def types(events) -> list[tuple]:
    """Type, CAMEO code and the participants' words of each event (for assertion messages)."""
    return [(e.type, e.cameo, e.actor and e.actor.text, e.target and e.target.text) for e in events]


def one(events, kind: str):
    """The only event of type ``kind``."""
    found = [e for e in events if e.type == kind]
    assert len(found) == 1, types(events)
    return found[0]


def codes(events) -> list[tuple[str, str]]:
    """Type and CAMEO code of each event."""
    return [(e.type, e.cameo) for e in events]
