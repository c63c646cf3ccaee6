"""Entities. PLACEHOLDER: one entity per spaCy mention text (being replaced)."""
from __future__ import annotations

from ..document import Document, Entity, Mention
from ..nlp import parses
from ..registry import Annotator, register

_TYPES = {"PERSON": "PERSON", "ORG": "ORG", "GPE": "GPE", "NORP": "NORP", "LOC": "LOC",
          "FAC": "FAC", "EVENT": "EVENT"}


@register
class Entities(Annotator):
    name = "entities"
    requires = ("segments", "_parse")
    provides = ("entities",)

    def annotate(self, doc: Document) -> None:
        groups: dict[tuple[str, str], list[Mention]] = {}
        for offset, parsed in parses(doc):
            for ent in parsed.ents:
                if ent.label_ in _TYPES:
                    key = (ent.text, _TYPES[ent.label_])
                    groups.setdefault(key, []).append(Mention(offset + ent.start_char, offset + ent.end_char))
        doc.set_layer("entities", [
            Entity(id=f"E{i}", name=name, type=typ, country=None, sector=None, description=None,
                   mentions=tuple(ms))
            for i, ((name, typ), ms) in enumerate(groups.items(), 1)
        ])
