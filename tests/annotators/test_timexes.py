"""The timexes layer through the pipeline, with the spaCy parse: the example article, the
team's examples, tense, the vetoes that need the parse, the segments read, and a
benchmark gate on held-out TempEval-3 documents."""
from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

import newsxray
from newsxray.annotators.timexes import Timexes
from newsxray.document import Document, Segment
from newsxray.pipeline import Pipeline

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples"
TEMPEVAL = Path("/work/shared/datasets/tempeval3/Training/TBAQ-cleaned")

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def nx():
    return newsxray.load("timexes")


def read(nx, text: str, published: str | None = None) -> list[tuple[str, str, str | None]]:
    record = nx.analyze(text=text, published=published).to_dict()
    return [(record["text"][t["start"]:t["end"]], t["value"], t["mod"]) for t in record["timexes"]]


def test_example_article(nx, example_text):
    record = nx.analyze(text=example_text, published="2023-08-05").to_dict()
    got = [(example_text[t["start"]:t["end"]], t["type"], t["value"], t["mod"]) for t in record["timexes"]]
    assert got[:7] == [
        ("August 3", "DATE", "2023-08-03", None),
        ("Earlier this year", "DATE", "2023", None),
        ("July", "DATE", "2023-07", None),
        ("May", "DATE", "2023-05", None),           # "Back in May"
        ("May", "DATE", "2023-05", None),           # "the G-7 summit hosted by Japan in May"
        ("June 2022", "DATE", "2022-06", None),
        ("late January", "DATE", "2023-01", "END"),
    ]
    at_the_time = record["timexes"][7]
    assert example_text[at_the_time["start"]:at_the_time["end"]] == "the time"
    assert (at_the_time["value"], at_the_time["anchor"]) == ("2023-01", "T7")
    assert len(got) == 8  # "the first time" is not a timex
    assert all(example_text[t["start"]:t["end"]] != "first time" for t in record["timexes"])


def test_example_article_without_publication_date(nx, example_text):
    values = [value for _, value, _ in read(nx, example_text)]
    assert values[:7] == ["XXXX-08-03", "XXXX", "XXXX-07", "XXXX-05", "XXXX-05", "2022-06", "XXXX-01"]


def test_arctic_example_reads_its_dateline():
    """No published date given: the dateline "September 12, 2024" is the reference day."""
    record = newsxray.load("timexes").analyze(text=(EXAMPLES / "08_analysis_arctic_shipping.txt").read_text())
    values = {record.text[t.start:t.end]: (t.value, t.anchor) for t in record.layer("timexes")}
    assert values["Last Tuesday"] == ("2024-09-10", None)
    assert values["the next day"] == ("2024-09-11", "T1")
    assert values["Two weeks ago"][0] == "2024-W35"
    assert values["next month"][0] == "2024-10"
    assert values["earlier this year"][0] == "2024"
    assert values["the 1990s"][0] == "199"
    assert values["May"][0] == "2024-05"
    assert values["March 2022"][0] == "2022-03"


def test_sahel_example(nx):
    text = (EXAMPLES / "09_feature_sahel_aid.txt").read_text()
    record = nx.analyze(text=text, published="2024-06-04").to_dict()
    values = [(text[t["start"]:t["end"]], t["value"]) for t in record["timexes"]]
    for expected in [("late January", "2024-01"), ("Earlier this year", "2024"), ("Two weeks ago", "2024-W21"),
                     ("The next day", "2024-05-22"), ("the 1980s", "198"), ("next month", "2024-07"),
                     ("July", "2024-07"), ("December", "2023-12"), ("Last year", "2023")]:
        assert expected in values


def test_tense_decides_past_or_future(nx):
    assert read(nx, "The minister will visit Paris in December.", "2024-01-03") == [("December", "2024-12", None)]
    assert read(nx, "The minister resigned in December.", "2024-01-03") == [("December", "2023-12", None)]
    text = "The summit opens Friday. The envoy met the king Friday. Talks continue until Friday."
    assert [v for _, v, _ in read(nx, text, "2023-08-02")] == ["2023-08-04", "2023-07-28", "2023-08-04"]


@pytest.mark.parametrize("text", [
    "Theresa May met officials, and Brian May played guitar.",
    "The Sun reported the deal on its front page.",
    "Protesters March On Parliament As Prices May Rise Again",
    "Thousands will march on the parliament.",
    "He drank spring water while prices fall.",
    "After the fall of Kabul, thousands fled.",
    "The army sent 2000 troops and 1500 vehicles.",
])
def test_vetoes_that_need_the_parse(nx, text):
    assert read(nx, text, "2023-08-05") == []


def test_related_headlines_and_sources_are_not_read(nx):
    text = ("Talks resume\nOfficials met on Monday to restart talks on the border dispute, officials said.\n"
            "More related stories:\nTalks collapsed last week in Geneva.\nSources include:\nexample.com\n")
    record = nx.analyze(text=text, published="2023-08-02")
    types = {record.text[s.start:s.end]: s.type for s in record.segments}
    assert types.get("Talks collapsed last week in Geneva.") == "related"
    assert [record.text[t.start:t.end] for t in record.layer("timexes")] == ["Monday"]


def test_annotator_is_idempotent():
    doc = Document(text="Back in May, the plan was announced. The next day it failed.", published="2023-08-05")
    Pipeline("timexes", keep_cache=True).run([doc])
    first = list(doc.layer("timexes"))
    assert [t.value for t in first] == ["2023-05", "2023-05"]  # "the next day" after "May": no finer
    Timexes().annotate(doc)
    assert doc.layer("timexes") == first


def test_annotator_without_segments_reads_the_whole_text():
    doc = Document(text="It happened on August 3.", published="2023-08-05")
    doc.cache["parse"] = []
    doc.set_layer("segments", [Segment(start=0, end=len(doc.text), type="body")])
    Timexes().annotate(doc)
    assert [(t.value, t.id) for t in doc.layer("timexes")] == [("2023-08-03", "T1")]


def _benchmark():
    spec = importlib.util.spec_from_file_location("timex_benchmark", ROOT / "benchmarks" / "timex.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up
    spec.loader.exec_module(module)
    return module


@pytest.mark.skipif(not TEMPEVAL.exists(), reason="../shared/datasets/tempeval3 is not available")
def test_benchmark_gate_on_held_out_documents():
    """Floors on the first 12 held-out TempEval-3 documents (full run: benchmarks/timex.py)."""
    bench = _benchmark()
    result = bench.run(TEMPEVAL, split="dev", limit=12)
    scores = bench.metrics(result["all"])
    assert result["all"].gold > 50
    assert scores["relaxed_f1"] >= 0.85
    assert scores["value_f1"] >= 0.70
    assert scores["type_accuracy"] >= 0.85
