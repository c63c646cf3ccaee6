"""Records as flat tables: columns, fixed schemas, lossless round trip."""
from __future__ import annotations

import json

import pyarrow as pa
import pytest

from newsxray.document import Document, Entity, LayerError, Mention, Quote, Segment, Sentence, Speaker, Tone
from newsxray.tables import TABLES, arrow_schema, arrow_table, record_tables, table_records


def _hand_record() -> dict:
    text = "Zhang said Japan erred. Japan denied it."
    doc = Document(text=text, id="a1", published="2023-08-05")
    doc.set_layer("segments", [Segment(0, len(text), "body")])
    doc.set_layer("sentences", [Sentence(0, 23), Sentence(24, len(text))])
    doc.set_layer("entities", [
        Entity("E1", "Zhang", "PERSON", "CHN", "DIP", None, (Mention(0, 5),), quotes=("Q1",)),
        Entity("E2", "Japan", "GPE", "JPN", None, None, (Mention(11, 16), Mention(24, 29))),
    ])
    doc.set_layer("quotes", [Quote(11, 22, "Q1", "indirect", Speaker(0, 5, "E1", "Zhang"), None)])
    doc.tone = Tone(score=-0.2, sentences=(-0.4, 0.0))
    return doc.to_dict()


def test_tables_are_ordered_and_complete():
    assert TABLES[0] == "articles"
    assert set(TABLES) >= {"articles", "segments", "entities", "mentions", "quotes", "timexes",
                           "events", "claims", "techniques", "sources"}
    tables = record_tables(_hand_record())
    assert list(tables) == list(TABLES)
    assert all(row["id"] == "a1" for rows in tables.values() for row in rows)


def test_flattened_columns():
    tables = record_tables(_hand_record())
    quote = tables["quotes"][0]
    assert quote["quote_id"] == "Q1" and quote["text"] == "Japan erred"
    assert (quote["speaker_entity"], quote["speaker_start"], quote["speaker_text"]) == ("E1", 0, "Zhang")
    assert quote["cue_start"] is None and quote["extra"] is None
    mentions = tables["mentions"]
    assert [(m["entity_id"], m["idx"], m["text"]) for m in mentions] == [
        ("E1", 0, "Zhang"), ("E2", 0, "Japan"), ("E2", 1, "Japan")]
    entity = tables["entities"][1]
    assert entity["mention_count"] == 2 and entity["extra"] is None
    assert json.loads(tables["entities"][0]["quotes"]) == ["Q1"]
    assert [s["tone"] for s in tables["sentences"]] == [-0.4, 0.0]
    article = tables["articles"][0]
    assert article["tone"] == -0.2 and article["failed"] is False and article["error"] is None


def test_failed_input_row():
    doc = Document(text="", id="bad")
    doc.errors.append(LayerError("input", "not UTF-8"))
    article = record_tables(doc.to_dict())["articles"][0]
    assert article["failed"] is True and article["error"] == "not UTF-8"


def test_unknown_fields_survive_in_extra():
    record = _hand_record()
    record["quotes"][0]["confidence"] = 0.7
    record["quotes"][0]["speaker"]["gender"] = "m"
    record["novel_layer"] = [{"start": 0, "end": 5, "x": 1}]
    tables = record_tables(record)
    assert json.loads(tables["quotes"][0]["extra"])["confidence"] == 0.7
    assert "novel_layer" in json.loads(tables["articles"][0]["extra"])
    assert table_records(tables) == [record]


def test_schemas_are_fixed_and_rows_fit():
    empty = record_tables({"id": "x", "text": ""})
    for table in TABLES:
        schema = arrow_schema(table)
        assert schema.names[0] == "id" and "extra" in schema.names
        assert arrow_table(table, empty[table]).schema == schema
    # a column that is null in one partition and set in another still concatenates
    full = record_tables(_hand_record())
    parts = [arrow_table("quotes", empty["quotes"]), arrow_table("quotes", full["quotes"])]
    assert pa.concat_tables(parts).num_rows == 1
    assert arrow_schema("events").field("actor_country").type == pa.string()
    assert arrow_schema("claims").field("check_worthy").type == pa.bool_()
    with pytest.raises(KeyError):
        arrow_schema("nope")


def test_round_trip_of_several_records():
    one, two = _hand_record(), _hand_record()
    two["id"] = "a2"
    two["tone"] = {"score": 0.0, "sentences": []}   # tone not computed: kept in extra
    merged: dict[str, list] = {t: [] for t in TABLES}
    for record in (one, two):
        for table, rows in record_tables(record).items():
            merged[table].extend(rows)
    merged["mentions"].reverse()                       # row order within a table does not matter
    assert table_records(merged) == [one, two]


@pytest.mark.slow
def test_real_record_of_the_example(analyzer, example_text):
    record = analyzer.analyze(text=example_text, published="2023-08-05").to_dict()
    tables = record_tables(record)
    for table in TABLES:
        arrow_table(table, tables[table])           # every row fits its schema
    assert len(tables["mentions"]) == sum(len(e["mentions"]) for e in record["entities"])
    assert any(row["type"] == "related" for row in tables["segments"])
    listed = [row for row in tables["sources"] if row["kind"] == "listed"]
    assert len(listed) >= 3 and all(row["text"] for row in listed)
    for row in tables["events"]:
        assert row["trigger_text"] == example_text[row["trigger_start"]:row["trigger_end"]]
    assert all(row["extra"] is None for table in TABLES if table != "articles" for row in tables[table])
    assert table_records(tables) == [record]
