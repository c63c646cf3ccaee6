"""The JSON Schema of the record, generated from the dataclasses in ``document.py``.

``python -m newsxray.schema`` prints it; ``newsxray/record.schema.json`` is the shipped
copy (``make schema`` regenerates it; a test checks that it is current).
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Literal

from .document import (
    Claim, Entity, Event, LayerError, Outlet, Quote, Segment, Sentence, Source, SourceProfile, TechniqueSpan,
    Timex, Tone,
)


@dataclass
class Record:
    """The newsxray record (RECORD.md, version 1)."""

    schema: Literal["newsxray/1"]
    id: str
    url: str | None
    title: str | None
    published: str | None
    language: str
    outlet: Outlet | None
    text: str
    segments: list[Segment]
    sentences: list[Sentence]
    entities: list[Entity]
    quotes: list[Quote]
    timexes: list[Timex]
    events: list[Event]
    claims: list[Claim]
    techniques: list[TechniqueSpan]
    sources: list[Source]
    profile: SourceProfile | None
    tone: Tone
    errors: list[LayerError]


def record_schema() -> dict:
    from pydantic import TypeAdapter

    schema = TypeAdapter(Record).json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = "https://newsxray.invalid/record.schema.json"
    return _close_objects(schema)


def _close_objects(node):
    """Records carry exactly the declared fields; mark every object closed."""
    if isinstance(node, dict):
        if node.get("type") == "object" and "properties" in node:
            node.setdefault("additionalProperties", False)
        for value in node.values():
            _close_objects(value)
    elif isinstance(node, list):
        for value in node:
            _close_objects(value)
    return node


def main() -> None:
    print(json.dumps(record_schema(), indent=2, sort_keys=True))


if __name__ == "__main__":
    main()
