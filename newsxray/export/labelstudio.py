"""Label Studio: one JSON file holding the task list (``[{"data": {"text", ...}, "predictions":
[{"model_version", "result": [...]}]}]``), written as it goes, and a labelling config
(``<out stem>.config.xml``) with every label used, so annotators can correct the predictions
and the corrections can train the next model.

Each span is a ``labels`` result (``from_name: "label"``, ``to_name: "text"``, ``value:
{start, end, text, labels}``); quotes are linked to their speaker and cue by ``relation``
results (``said by``, ``cue``). Offsets are Label Studio's (JavaScript string indices, i.e.
UTF-16 code units): they equal newsxray's code-point offsets unless the text has characters
outside the Basic Multilingual Plane (emoji), which are converted.
"""
from __future__ import annotations

import json
from pathlib import Path
from typing import TextIO
from xml.sax.saxutils import quoteattr

from .spans import labelled

RELATIONS = {"SaidBy": "said by", "HasCue": "cue"}


def utf16_offsets(text: str):
    """A function mapping code-point offsets of ``text`` to UTF-16 offsets."""
    if all(ord(ch) <= 0xFFFF for ch in text):
        return lambda n: n
    table, pos = [0], 0
    for ch in text:
        pos += 2 if ord(ch) > 0xFFFF else 1
        table.append(pos)
    return lambda n: table[n]


def task(record: dict, layers: frozenset[str] | None, version: str) -> tuple[dict, set[str]]:
    """One Label Studio task for a record, and the labels it uses."""
    text = record["text"]
    spans, relations = labelled(record, layers)
    at = utf16_offsets(text)
    ids, result, used = {}, [], set()
    for n, span in enumerate(spans, 1):
        ids[span["key"]] = rid = f"r{n}"
        used.add(span["label"])
        result.append({"id": rid, "from_name": "label", "to_name": "text", "type": "labels",
                       "value": {"start": at(span["start"]), "end": at(span["end"]),
                                 "text": text[span["start"]:span["end"]], "labels": [span["label"]]},
                       "meta": {"text": [f"{span['key']}: {span['note']}" if span["note"] else span["key"]]}})
    for label, source, target in relations:
        result.append({"from_id": ids[source], "to_id": ids[target], "type": "relation", "direction": "right",
                       "labels": [RELATIONS[label]]})
    data = {"text": text, "article_id": record.get("id"), "title": record.get("title"), "url": record.get("url"),
            "published": record.get("published")}
    return {"data": data, "predictions": [{"model_version": version, "result": result}]}, used


class LabelStudioWriter:
    def __init__(self, stream: TextIO, *, config: Path | None, layers: frozenset[str] | None = None) -> None:
        from .. import __version__

        self.stream, self.config, self.layers = stream, config, layers
        self.version = f"newsxray {__version__}"
        self.labels: set[str] = set()
        self.count = 0
        stream.write("[\n")

    def write(self, record: dict) -> int:
        item, used = task(record, self.layers, self.version)
        self.labels |= used
        self.stream.write((",\n" if self.count else "") + json.dumps(item, ensure_ascii=False))
        self.count += 1
        return 1

    def close(self) -> None:
        self.stream.write("\n]\n")
        self.stream.flush()
        if self.config is not None:
            self.config.write_text(config_xml(self.labels), encoding="utf-8")


def config_xml(labels: set[str]) -> str:
    """The labelling interface: every label used, the text, and the quote relations."""
    lines = ["<View>", '  <Relations>'] + [f"    <Relation value={quoteattr(v)}/>" for v in RELATIONS.values()]
    lines += ["  </Relations>", '  <Labels name="label" toName="text">']
    lines += [f"    <Label value={quoteattr(label)}/>" for label in sorted(labels)]
    lines += ["  </Labels>", '  <Text name="text" value="$text"/>', "</View>"]
    return "\n".join(lines) + "\n"
