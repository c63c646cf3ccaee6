"""The ``timexes`` layer: every date, time, duration and set expression of the article,
with its TIMEX3 value normalised against the publication date (see ``newsxray.temporal``).

Expressions are read in the title, the lede and the body of English documents. Boilerplate, source lists and
"related stories" headlines are not read: a related headline's "Tuesday" is the Tuesday of
another article. Datelines and bylines are not timexes either, but a full date found in
them is the reference day when the document has no ``published`` date.
"""
from __future__ import annotations

from ..document import Document
from ..nlp import parses
from ..registry import Annotator, register
from ..temporal import READ_SEGMENTS, timexes_of


@register
class Timexes(Annotator):
    name = "timexes"
    requires = ("segments", "sentences", "_parse")
    provides = ("timexes",)
    defaults = {"segments": list(READ_SEGMENTS)}

    def annotate(self, doc: Document) -> None:
        parses(doc)  # the shared parse must be there (raises a ConfigError otherwise)
        if doc.language != "en":
            doc.set_layer("timexes", [])  # the rules are English
            return
        doc.set_layer("timexes", timexes_of(doc, segment_types=tuple(self.config["segments"])))
