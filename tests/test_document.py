"""The document model and its record serialisation."""
import json
import pickle

import pytest

from newsxray.document import (
    Document, Entity, LayerError, Mention, Segment, Sentence, content_id, to_jsonable,
)
from tests.conftest import check_record


def make_doc() -> Document:
    doc = Document(text="Title\nZhang said hello.", id="d1", published="2023-08-05")
    doc.set_layer("segments", [Segment(0, 5, "title"), Segment(6, 23, "lede")])
    doc.set_layer("sentences", [Sentence(6, 23)])
    doc.set_layer("entities", [Entity("E1", "Zhang", "PERSON", "CHN", "DIP", None, (Mention(6, 11),))])
    return doc


def test_record_has_every_contract_field_in_order():
    record = make_doc().to_dict()
    contract = ["schema", "id", "url", "title", "published", "language", "outlet", "text", "segments",
                "sentences", "entities", "quotes", "timexes", "events", "claims", "techniques", "sources",
                "tone", "errors"]
    assert [key for key in record if key in contract] == contract  # added fields may sit between
    assert record["schema"] == "newsxray/1"
    assert record["entities"][0]["mentions"] == [{"start": 6, "end": 11}]
    assert record["segments"][0] == {"start": 0, "end": 5, "type": "title"}
    check_record(record)


def test_record_is_json_and_roundtrips():
    doc = make_doc()
    assert json.loads(doc.to_json()) == doc.to_dict()


def test_default_id_is_content_hash_and_stable():
    assert Document(text="abc").id == content_id("abc") == Document(text="abc").id
    assert Document(text="abc").id != Document(text="abd").id


def test_annotations_are_frozen():
    seg = Segment(0, 1, "body")
    with pytest.raises(Exception):
        seg.start = 3  # type: ignore[misc]


def test_pickle_drops_cache_keeps_layers():
    doc = make_doc()
    doc.cache["parse"] = object.__new__(object)
    clone = pickle.loads(pickle.dumps(doc))
    assert clone.cache == {} and clone.to_dict() == doc.to_dict()


def test_errors_serialise():
    doc = make_doc()
    doc.errors.append(LayerError("quotes", "boom"))
    assert doc.to_dict()["errors"] == [{"layer": "quotes", "message": "boom"}]


def test_schema_rejects_a_broken_record():
    record = make_doc().to_dict()
    record["segments"][0]["type"] = "sidebar"
    with pytest.raises(AssertionError):
        check_record(record)
    record = make_doc().to_dict()
    record["sentences"][0]["end"] = 999
    with pytest.raises(AssertionError, match="out of bounds"):
        check_record(record)


def test_to_jsonable_handles_nesting():
    assert to_jsonable((Mention(1, 2), [Sentence(0, 1)])) == [{"start": 1, "end": 2}, [{"start": 0, "end": 1}]]
