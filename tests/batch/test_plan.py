"""Planning, input slices (local and through fsspec) and the output layout, without a cluster."""
from __future__ import annotations

import json
from pathlib import Path

import pyarrow as pa
import pytest

from newsxray.batch.layout import (committed_files, iter_manifest, remove_leftovers, table_path,
                                   write_manifest, write_table_atomic)
from newsxray.batch.plan import covered, missing, plan
from newsxray.batch.sources import count_items, expand, read_slice
from newsxray.errors import ConfigError
from tests.batch.corpus import write_corpus

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


def test_missing_ranges():
    assert missing(10, []) == [(0, 10)]
    assert missing(10, [(0, 3), (5, 7)]) == [(3, 5), (7, 10)]
    assert missing(10, [(0, 10)]) == []
    assert missing(12, [(0, 10)]) == [(10, 12)]          # the file grew


def test_plan_cuts_packs_and_skips_what_is_done():
    counts = {"big.jsonl": 25, "a.html": 1, "b.html": 1, "c.warc": 3}
    files = list(counts)
    parts = plan(files, counts, {}, partition_size=10)
    assert [p.size for p in parts] == [10, 10, 10]
    assert parts[2].slices == [("big.jsonl", 20, 25), ("a.html", 0, 1), ("b.html", 0, 1), ("c.warc", 0, 3)]
    assert len({p.id for p in parts}) == 3
    assert [p.id for p in plan(files, counts, {}, partition_size=10)] == [p.id for p in parts]   # deterministic
    done = covered([{"slices": [list(s) for s in p.slices]} for p in parts[:2]])
    rest = plan(files, counts, done, partition_size=10)
    assert [p.slices for p in rest] == [parts[2].slices]
    everything = covered([{"slices": [list(s) for p in parts for s in p.slices]}])
    assert plan(files, counts, everything, partition_size=10) == []


def test_slices_read_the_same_items_locally_and_through_fsspec(tmp_path):
    paths = write_corpus(tmp_path, jsonl=20, bad=(3,), html=2)
    jsonl = str(paths["jsonl"])
    assert count_items(jsonl) == 20 and count_items(f"local://{jsonl}") == 20
    local = [(i.id, i.source, getattr(i, "reason", None)) for i in read_slice(jsonl, 2, 6)]
    remote = [(i.id, i.source.replace("local://", ""), getattr(i, "reason", None))
              for i in read_slice(f"local://{jsonl}", 2, 6)]
    assert local == remote and local[1][2] is not None and [x[0] for x in local][0] == "a0002"
    assert [Path(p).name for p in expand([str(paths["pages"])])] == ["notes.txt", "page00.html", "page01.html"]
    assert expand([f"local://{paths['pages']}"])[1] == f"local://{paths['pages']}/page00.html"
    page = next(read_slice(f"local://{paths['pages']}/page00.html", 0, 1))
    assert page.id == "page00" and "<article>" in page.html
    warc = EXAMPLES / "15_warc_northgate_times.warc.gz"
    if warc.exists():
        assert [i.id for i in read_slice(str(warc), 0, None)] == [i.id for i in read_slice(f"local://{warc}", 0, None)]
    with pytest.raises(ConfigError):
        expand(["https://example.org/feed.xml"])


def test_uncommitted_files_are_invisible_and_removed(tmp_path):
    rows = pa.table({"id": ["a"]})
    write_table_atomic(table_path(tmp_path, "articles", "p1"), rows)
    write_table_atomic(table_path(tmp_path, "articles", "p2"), rows)       # never committed
    write_manifest(tmp_path, {"partition": "p1", "slices": [["f", 0, 1]], "rows": {"articles": 1}, "inputs": []})
    (tmp_path / "articles" / ".part-p3.parquet.abcd.tmp").write_bytes(b"x")
    assert committed_files(tmp_path)["articles"] == [table_path(tmp_path, "articles", "p1")]
    assert [e["partition"] for e in iter_manifest(tmp_path)] == ["p1"]
    assert remove_leftovers(tmp_path) == 2
    assert sorted(p.name for p in (tmp_path / "articles").iterdir()) == ["part-p1.parquet"]
    assert json.loads((tmp_path / "_manifest" / "p1.json").read_text())["rows"] == {"articles": 1}
