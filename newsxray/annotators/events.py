"""Events: who did what to whom, when and where, PLOVER and CAMEO coded, with evidence.

Each event points to its trigger (the words that report it), the sentence, the actor and
target (entities with country and sector), the timex that dates it, the place, the quote
it is reported in, and the other reports of the same event it was merged with. Events
not reported as current facts carry an auxiliary mode (``future``, ``hypothetical``,
``historical``; negated ones
are left out unless ``keep_negated``). See ``newsxray.eventcoding``.
"""
from __future__ import annotations

from ..document import Document
from ..eventcoding import code_events
from ..registry import Annotator, register


@register
class Events(Annotator):
    name = "events"
    requires = ("sentences", "entities", "_parse", "quotes", "timexes")
    provides = ("events",)
    defaults = {"keep_negated": False, "plover_future": True}

    def annotate(self, doc: Document) -> None:
        doc.set_layer("events", code_events(doc, keep_negated=bool(self.config["keep_negated"]),
                                            plover_future=bool(self.config["plover_future"])))
