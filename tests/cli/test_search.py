"""`newsxray search`: table and JSONL output, filters, clear errors."""
from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from newsxray.cli import app
from newsxray.document import Document, Outlet
from newsxray.store import open_store

runner = CliRunner()


@pytest.fixture
def corpus(tmp_path):
    path = tmp_path / "corpus.db"
    with open_store(path) as store:
        store.put(Document(text="Drought hits wheat harvest across the plains.", id="w1", title="Drought",
                           published="2023-05-02", outlet=Outlet("farmnews.example", "Farm News")))
        store.put(Document(text="Wheat exports fell as the drought deepened in May.", id="w2",
                           published="2023-06-10", outlet=Outlet("trade.example", None)))
        store.put(Document(text="Parliament debated a new rail budget.", id="r1", published="2023-06-11"))
    return path


def hits(output: str) -> list[dict]:
    return [json.loads(line) for line in output.splitlines() if line.startswith("{")]


def test_jsonl_hits_best_first_with_snippets(corpus):
    result = runner.invoke(app, ["search", "drought wheat", "--db", str(corpus), "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    found = hits(result.stdout)
    assert [h["id"] for h in found] == ["w1", "w2"]
    assert "«Wheat»" in found[1]["snippet"] and found[0]["outlet"] == "farmnews.example"


def test_filters(corpus):
    def ids(*args: str) -> list[str]:
        result = runner.invoke(app, ["search", "wheat", "--db", str(corpus), "-f", "jsonl", *args])
        assert result.exit_code == 0, result.output
        return [h["id"] for h in hits(result.stdout)]

    assert ids("--outlet", "trade.example") == ["w2"]
    assert ids("--since", "2023-06-01") == ["w2"]
    assert ids("--until", "2023-05-02") == ["w1"]
    assert ids("--limit", "1") == ["w1"]


def test_table_shows_titles_and_says_when_nothing_matches(corpus):
    result = runner.invoke(app, ["search", "rail", "--db", str(corpus)])
    assert result.exit_code == 0 and "r1" in result.stdout and "rail" in result.stdout
    none = runner.invoke(app, ["search", "volcano", "--db", str(corpus)])
    assert none.exit_code == 0 and "no articles match" in none.stderr


def test_clear_errors_for_missing_or_foreign_databases_and_bad_dates(tmp_path, corpus):
    missing = runner.invoke(app, ["search", "x", "--db", str(tmp_path / "nope.db")])
    assert missing.exit_code == 2 and "no such corpus database" in missing.stderr
    foreign = tmp_path / "foreign.db"
    foreign.write_text("plain text, not a database " * 40)
    bad = runner.invoke(app, ["search", "x", "--db", str(foreign)])
    assert bad.exit_code == 2 and "is not a newsxray database" in bad.stderr
    date = runner.invoke(app, ["search", "x", "--db", str(corpus), "--since", "yesterday"])
    assert date.exit_code == 2 and "ISO 8601" in date.stderr
