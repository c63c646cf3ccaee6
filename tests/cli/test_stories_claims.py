"""`newsxray stories` and `newsxray claims`: tables and JSONL, fact-check import, rebuild, clear errors."""
from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from newsxray.cli import app
from newsxray.document import Document, Outlet
from newsxray.store import open_store

from ..store.story_pairs import SAME_STORY, article
from ..store.test_claimmatch import CRIME, CRIME_AGAIN, DAM, DAM_AGAIN, record

runner = CliRunner()


@pytest.fixture
def corpus(tmp_path):
    path = tmp_path / "corpus.db"
    with open_store(path) as store:
        for n, side in enumerate(SAME_STORY[0]):
            store.put(Document(text=article(side), id=f"s{n}", title=side[0], published="2024-03-05",
                               outlet=Outlet(f"outlet{n}.example", None)))
        store.put(record("c1", DAM, CRIME))
        store.put(record("c2", DAM_AGAIN, CRIME_AGAIN))
    return path


def lines(output: str) -> list[dict]:
    return [json.loads(line) for line in output.splitlines() if line.startswith("{")]


def test_stories_jsonl_and_table(corpus):
    result = runner.invoke(app, ["stories", "--db", str(corpus), "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    found = lines(result.stdout)
    # two stories of two: the dam/crime articles tell one too; same size, so the newer first
    assert [[a["id"] for a in s["articles"]] for s in found] == [["c1", "c2"], ["s0", "s1"]]
    assert found[1]["outlets"] == ["outlet0.example", "outlet1.example"]
    table = runner.invoke(app, ["stories", "--db", str(corpus)])
    assert table.exit_code == 0 and "Port Halden" in table.stdout and "outlet1.example" in table.stdout
    one = runner.invoke(app, ["stories", "--db", str(corpus), "--article", "s1", "-f", "jsonl"])
    assert lines(one.stdout) == found[1:]


def test_stories_rebuild(corpus):
    result = runner.invoke(app, ["stories", "--db", str(corpus), "--rebuild", "-f", "jsonl"])
    assert result.exit_code == 0, result.output
    assert "placed 4 article(s)" in result.stderr and len(lines(result.stdout)) == 2


def test_claim_groups_and_fact_check_import(corpus, tmp_path):
    result = runner.invoke(app, ["claims", "--db", str(corpus), "--groups", "-f", "jsonl"])
    assert result.exit_code == 0, result.output
    assert sorted(g["text"] for g in lines(result.stdout)) == sorted([DAM, CRIME])
    checks = tmp_path / "checks.csv"
    checks.write_text("claim,verdict,url\n\"The Sorra dam would flood 40,000 hectares of farmland\",False,"
                      "https://f.example/dam\n")
    matched = runner.invoke(app, ["claims", "--db", str(corpus), "--factchecks", str(checks), "-f", "jsonl"])
    assert matched.exit_code == 0, matched.output
    assert "imported 1 new fact-check(s)" in matched.stderr
    assert {m["article"]["id"] for m in lines(matched.stdout)} == {"c1", "c2"}
    table = runner.invoke(app, ["claims", "--db", str(corpus)])
    assert table.exit_code == 0 and "https://f.example/dam" in table.stdout


def test_clear_errors(corpus, tmp_path):
    bad = tmp_path / "bad.csv"
    bad.write_text("claim,url\nx,y\n")
    result = runner.invoke(app, ["claims", "--db", str(corpus), "--factchecks", str(bad)])
    assert result.exit_code == 2 and "lacks the column(s) verdict" in result.stderr
    assert "Traceback" not in result.output
    fmt = runner.invoke(app, ["stories", "--db", str(corpus), "--format", "xml"])
    assert fmt.exit_code == 2 and "unknown format" in fmt.stderr
    missing = runner.invoke(app, ["stories", "--db", str(tmp_path / "none.db")])
    assert missing.exit_code == 2 and "no such corpus database" in missing.stderr
