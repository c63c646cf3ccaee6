"""Exports of a small hand-written corpus: every format, offsets checked against the text."""
from __future__ import annotations

import csv
import json
import re
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from newsxray.errors import ConfigError
from newsxray.eventcoding.exports import GDELT_COLUMNS
from newsxray.export import Selection, export, parse_layers
from newsxray.export.brat import fragments
from newsxray.export.labelstudio import task, utf16_offsets
from newsxray.store import open_store

from ..store.analysis_corpus import build


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    with open_store(build(tmp_path_factory.mktemp("export") / "c.db"), readonly=True) as opened:
        yield opened


def test_jsonl_is_the_stored_records(store, tmp_path):
    out = tmp_path / "out.jsonl"
    assert export(store, format="jsonl", out=str(out)) == {"records": 4, "items": 4}
    records = [json.loads(line) for line in out.read_text().splitlines()]
    assert [r["id"] for r in records] == ["a1", "a2", "a3", "a1-copy"]  # a3's old revision is not exported
    assert records[1] == store.get("a2")
    only = tmp_path / "only.jsonl"
    export(store, format="jsonl", out=str(only), layers=parse_layers("entities"),
           selection=Selection(outlet="news-b.example"))
    [record] = [json.loads(line) for line in only.read_text().splitlines()]
    assert record["entities"] and "events" not in record and record["text"]


def test_gdelt_rows_and_plover(store, tmp_path):
    export(store, format="gdelt", out=str(tmp_path / "e.tsv"), selection=Selection(until="2024-03-01"))
    lines = (tmp_path / "e.tsv").read_text().splitlines()
    assert lines[0].split("\t") == list(GDELT_COLUMNS)
    rows = [dict(zip(GDELT_COLUMNS, line.split("\t"))) for line in lines[1:]]
    assert [(r["GLOBALEVENTID"], r["SQLDATE"], r["Actor1Code"], r["Actor2Code"], r["EventCode"]) for r in rows] == [
        ("a1:EV1", "20240301", "CHN", "JPN", "130"), ("a1-copy:EV1", "20240301", "CHN", "JPN", "130")]
    done = export(store, format="plover", out=str(tmp_path / "e.jsonl"), selection=Selection(query="Tokyo"))
    events = [json.loads(line) for line in (tmp_path / "e.jsonl").read_text().splitlines()]
    assert done["items"] == 2 and [e["event"] for e in events] == [["THREATEN"], ["ACCUSE"]]
    assert events[1]["actor"][0]["identifier_text"] == "Wang Yi"


def _ann(path: Path) -> tuple[dict, list[str]]:
    spans, other = {}, []
    for line in path.read_text().splitlines():
        if line.startswith("T"):
            tid, middle, words = line.split("\t")
            kind, where = middle.split(" ", 1)
            spans[tid] = (kind, [tuple(map(int, p.split())) for p in where.split(";")], words)
        else:
            other.append(line)
    return spans, other


def test_brat_offsets_slice_to_the_same_text(store, tmp_path):
    export(store, format="brat", out=str(tmp_path / "brat"))
    folder = tmp_path / "brat"
    assert sorted(p.name for p in folder.glob("*.txt")) == ["a1-copy.txt", "a1.txt", "a2.txt", "a3.txt"]
    text = (folder / "a2.txt").read_text()
    assert text == store.get("a2")["text"]
    spans, other = _ann(folder / "a2.ann")
    for kind, pieces, words in spans.values():
        assert " ".join(text[s:e] for s, e in pieces) == words
    kinds = {kind for kind, _, _ in spans.values()}
    assert {"PERSON", "GPE", "Quote", "Speaker", "Cue", "Claim", "Source", "Name_Calling-Labeling"} <= kinds
    quote = next(t for t, v in spans.items() if v[0] == "Quote")
    speaker = next(t for t, v in spans.items() if v[0] == "Speaker")
    assert f"SaidBy Arg1:{quote} Arg2:{speaker}" in [line.split("\t")[1] for line in other if line.startswith("R")]
    assert any(re.fullmatch(rf"A\d+\tQuoteKind {quote} indirect", line) for line in other)
    conf = (folder / "annotation.conf").read_text()
    assert "Name_Calling-Labeling" in conf and "Country Arg:<ENTITY>, Value:BEL|CHN|JPN" in conf


def test_brat_fragments_split_at_line_breaks():
    text = "one two\nthree"
    assert fragments(text, 4, 13) == [(4, 7), (8, 13)]
    assert fragments(text, 0, 3) == [(0, 3)]


def test_label_studio_tasks_and_config(store, tmp_path):
    out = tmp_path / "tasks.json"
    export(store, format="label-studio", out=str(out), layers=parse_layers("entities,quotes"))
    tasks = json.loads(out.read_text())
    assert len(tasks) == 4
    for item in tasks:
        text = item["data"]["text"]
        for result in item["predictions"][0]["result"]:
            if result["type"] == "labels":
                v = result["value"]
                assert text[v["start"]:v["end"]] == v["text"]
                assert result["from_name"] == "label" and result["to_name"] == "text"
    labels = {r["value"]["labels"][0] for t in tasks for r in t["predictions"][0]["result"] if r["type"] == "labels"}
    assert labels == {"GPE", "PERSON", "ORG", "Quote", "Speaker", "Cue"}
    relations = [r for r in tasks[1]["predictions"][0]["result"] if r["type"] == "relation"]
    assert {r["labels"][0] for r in relations} == {"said by", "cue"}
    config = (tmp_path / "tasks.config.xml").read_text()
    assert '<Label value="Speaker"/>' in config and '<Text name="text" value="$text"/>' in config


def test_label_studio_offsets_count_utf16_units():
    record = {"id": "x", "text": "😀 Japan", "entities": [
        {"id": "E1", "name": "Japan", "type": "GPE", "country": "JPN", "mentions": [{"start": 2, "end": 7}]}]}
    item, _ = task(record, None, "test")
    value = item["predictions"][0]["result"][0]["value"]
    assert (value["start"], value["end"], value["text"]) == (3, 8, "Japan")
    assert utf16_offsets("abc")(2) == 2


@pytest.mark.parametrize("format", ["parquet", "csv"])
def test_tables(store, tmp_path, format):
    export(store, format=format, out=str(tmp_path / "t"), layers=parse_layers("entities,events"))
    names = sorted(p.stem for p in (tmp_path / "t").iterdir())
    assert names == ["articles", "entities", "events", "mentions"]
    if format == "parquet":
        events = pq.read_table(tmp_path / "t" / "events.parquet").to_pylist()
    else:
        with open(tmp_path / "t" / "events.csv", encoding="utf-8", newline="") as handle:
            events = list(csv.DictReader(handle))
    assert [(e["id"], e["type"], e["trigger_text"]) for e in events][:3] == [
        ("a1", "THREATEN", "warned"), ("a2", "THREATEN", "warned"), ("a2", "ACCUSE", "said")]


def test_bad_requests(store, tmp_path):
    with pytest.raises(ConfigError):
        export(store, format="xml", out=str(tmp_path / "x"))
    with pytest.raises(ConfigError):
        parse_layers("entities,gossip")
    (tmp_path / "file").write_text("x")
    with pytest.raises(ConfigError):
        export(store, format="brat", out=str(tmp_path / "file"))
    with pytest.raises(ConfigError):
        export(store, format="jsonl", out=str(tmp_path / "missing" / "x.jsonl"))
