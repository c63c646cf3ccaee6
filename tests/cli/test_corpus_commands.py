"""`newsxray quotes / timeline / stats / network / entities / export` over a small hand-written corpus."""
from __future__ import annotations

import json
import sqlite3

import pytest
from typer.testing import CliRunner

from newsxray.cli import app

from ..store.analysis_corpus import build

runner = CliRunner()


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    return str(build(tmp_path_factory.mktemp("cli") / "corpus.db"))


def lines(output: str) -> list[dict]:
    return [json.loads(line) for line in output.splitlines() if line.startswith("{")]


def test_quotes(db):
    result = runner.invoke(app, ["quotes", "--db", db, "--speaker", "wang yi", "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    [group] = lines(result.stdout)
    assert group["speaker"] == "Wang Yi" and group["count"] == 2
    table = runner.invoke(app, ["quotes", "--db", db])
    assert "Wang Yi (PERSON, CHN)" in table.stdout and "Tokyo was reckless" in table.stdout
    none = runner.invoke(app, ["quotes", "--db", db, "--speaker", "Nobody"])
    assert none.exit_code == 0 and "no quotes found" in none.output


def test_timeline_chart_and_jsonl(db):
    result = runner.invoke(app, ["timeline", "CHN", "JPN", "--db", db, "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    days = lines(result.stdout)
    assert [(d["date"], d["count"]) for d in days] == [("2024-03-01", 1), ("2024-03-02", 2)]
    assert days[1]["events"][1]["sentence_text"] == "Wang said Tokyo was reckless."
    month = lines(runner.invoke(app, ["timeline", "CHN", "JPN", "--db", db, "--by", "month", "-f", "jsonl"]).stdout)
    assert [(m["date"], m["count"], m["by_type"]) for m in month] == [("2024-03", 3, {"THREATEN": 2, "ACCUSE": 1})]
    chart = runner.invoke(app, ["timeline", "China", "Japan", "--db", db])
    assert "2024-03-01 " in chart.stdout and "█" in chart.stdout and "China warned Japan again" in chart.stdout


def test_stats(db):
    result = runner.invoke(app, ["stats", "--db", db, "--format", "json"])
    assert result.exit_code == 0, result.output
    s = json.loads(result.stdout)
    assert s["articles"] == 4 and s["top_entities"][0]["name"] == "Japan"
    assert {p["outlet"] for p in s["outlet_profiles"]} == {"news-a.example", "news-b.example", "news-c.example"}
    assert s["top_claims"][0]["score"] == 0.91
    assert "top entities" in runner.invoke(app, ["stats", "--db", db]).stdout


def test_network_and_entities(db):
    result = runner.invoke(app, ["network", "--db", db, "--min-weight", "2"])
    graph = json.loads(result.stdout)
    assert {(e["source"], e["target"], e["weight"]) for e in graph["edges"]} == {
        ("china", "japan", 2), ("china", "wang yi", 2), ("japan", "wang yi", 2)}
    dot = runner.invoke(app, ["network", "--db", db, "--entity", "NATO", "--min-weight", "1", "-f", "dot"]).stdout
    assert dot.startswith("graph newsxray {") and '"japan" -- "nato" [weight=1' in dot
    found = lines(runner.invoke(app, ["entities", "jap", "--db", db, "--format", "jsonl"]).stdout)
    assert [(e["name"], e["articles"]) for e in found] == [("Japan", 3)]


def test_export_command(db, tmp_path):
    out = tmp_path / "x.jsonl"
    result = runner.invoke(app, ["export", "--db", db, "--format", "jsonl", "--out", str(out), "--since", "2024-03-02"])
    assert result.exit_code == 0, result.output
    assert [json.loads(line)["id"] for line in out.read_text().splitlines()] == ["a2", "a3"]
    assert "exported 2 article(s)" in result.output


@pytest.mark.parametrize("args", [
    ["stats", "--format", "xml"], ["timeline", "CHN", "JPN", "--by", "week"], ["timeline", "CHN", "JPN", "--since", "soon"],
    ["quotes", "--format", "csv"], ["export", "--format", "xml", "--out", "x"], ["network", "--format", "png"],
    ["export", "--format", "jsonl", "--out", "x.jsonl", "--layers", "gossip"], ["events-nope"]])
def test_usage_errors_are_one_line(db, args, tmp_path):
    args = [a if a != "x.jsonl" else str(tmp_path / a) for a in args]
    result = runner.invoke(app, args + ["--db", db])
    assert result.exit_code == 2
    assert "Traceback" not in result.output


@pytest.mark.parametrize("command", [["stats"], ["quotes"], ["timeline", "A", "B"], ["network"], ["entities"]])
def test_missing_or_foreign_database(tmp_path, command):
    result = runner.invoke(app, command + ["--db", str(tmp_path / "none.db")])
    assert result.exit_code == 2 and "no such corpus database" in result.output
    foreign = tmp_path / "other.db"
    sqlite3.connect(foreign).execute("CREATE TABLE t (x)").connection.commit()
    result = runner.invoke(app, command + ["--db", str(foreign)])
    assert result.exit_code == 2 and "not a newsxray database" in result.output
