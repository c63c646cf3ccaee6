"""Shared fixtures. Every record any test produces is validated against the shipped schema.

``Document.to_dict`` and ``Pipeline.run`` are wrapped for the whole session: each record
made by the suite is checked against ``newsxray/record.schema.json`` and for span bounds,
so a layer that breaks the contract fails whichever test made the record.
"""
from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from newsxray.document import Document
from newsxray.pipeline import Pipeline

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
EXAMPLE = SHARED / "examples" / "000_49c63d79c2608994.txt"
SCHEMA = json.loads((ROOT / "newsxray" / "record.schema.json").read_text())
VALIDATOR = jsonschema.Draft202012Validator(SCHEMA)
RECORDS_CHECKED = {"count": 0}


def iter_spans(node, path="record"):
    """Every {start, end} object inside a record, with where it is."""
    if isinstance(node, dict):
        if isinstance(node.get("start"), int) and isinstance(node.get("end"), int):
            yield path, node
        for key, value in node.items():
            if key != "text":
                yield from iter_spans(value, f"{path}.{key}")
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from iter_spans(value, f"{path}[{i}]")


def check_record(record: dict) -> None:
    errors = sorted(VALIDATOR.iter_errors(record), key=lambda e: list(e.path))
    assert not errors, f"record breaks the schema: {errors[0].message} at {list(errors[0].path)}"
    n = len(record["text"])
    for where, span in iter_spans(record):
        assert 0 <= span["start"] < span["end"] <= n, f"span out of bounds at {where}: {span} (len {n})"
    RECORDS_CHECKED["count"] += 1


@pytest.fixture(autouse=True, scope="session")
def _validate_every_record():
    original_to_dict, original_run = Document.to_dict, Pipeline.run

    def to_dict(self):
        record = original_to_dict(self)
        check_record(record)
        return record

    def run(self, docs, **kwargs):
        out = original_run(self, docs, **kwargs)
        for doc in out:
            doc.to_dict()
        return out

    Document.to_dict, Pipeline.run = to_dict, run
    yield
    Document.to_dict, Pipeline.run = original_to_dict, original_run


@pytest.fixture(scope="session")
def example_text() -> str:
    if not EXAMPLE.exists():
        pytest.skip("../shared/examples is not available")
    return EXAMPLE.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def analyzer():
    import newsxray
    return newsxray.load()
