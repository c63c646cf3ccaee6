"""`newsxray analyze`: formats, order, ids, exit codes, one-line errors."""
from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from newsxray.cli import app
from tests.conftest import check_record

runner = CliRunner()

ARTICLE_A = "Japan and France agreed on Monday to hold talks in Tokyo.\nThe ministers met for an hour.\n"
ARTICLE_B = "Germany said on Tuesday it would send aid to Ukraine, officials said.\n"


@pytest.fixture
def folder(tmp_path):
    (tmp_path / "b_second.txt").write_text(ARTICLE_B, encoding="utf-8")
    (tmp_path / "a_first.txt").write_text(ARTICLE_A, encoding="utf-8")
    return tmp_path


def jsonl(output: str) -> list[dict]:
    return [json.loads(line) for line in output.splitlines() if line.startswith("{")]


@pytest.mark.slow
def test_jsonl_one_record_per_input_in_order_with_file_ids(folder):
    result = runner.invoke(app, ["analyze", str(folder), "--format", "jsonl", "--quiet"])
    assert result.exit_code == 0, result.output
    records = jsonl(result.stdout)
    assert [r["id"] for r in records] == ["a_first", "b_second"]
    assert records[0]["text"] == ARTICLE_A
    for record in records:
        check_record(record)


@pytest.mark.slow
def test_published_option_and_layers(folder):
    result = runner.invoke(app, ["analyze", str(folder / "a_first.txt"), "--layers", "segments",
                                 "--published", "2023-08-05"])
    assert result.exit_code == 0, result.output
    record = json.loads(result.stdout)
    assert record["published"] == "2023-08-05"
    assert record["segments"] and record["entities"] == []


@pytest.mark.slow
def test_json_format_gives_an_array_for_several_inputs(folder):
    result = runner.invoke(app, ["analyze", str(folder), "--quiet"])
    assert result.exit_code == 0
    records = json.loads(result.stdout)
    assert isinstance(records, list) and len(records) == 2


@pytest.mark.slow
def test_bad_input_fails_alone_with_one_line_error(folder):
    (folder / "c_empty.txt").write_text("  \n", encoding="utf-8")
    result = runner.invoke(app, ["analyze", str(folder), "--format", "jsonl"])
    assert result.exit_code == 1
    records = jsonl(result.stdout)
    assert [r["id"] for r in records] == ["a_first", "b_second", "c_empty"]
    assert records[2]["errors"][0]["layer"] == "input"
    assert "empty" in result.stderr and "Traceback" not in result.stderr
    assert "3 input(s): 2 analysed, 1 failed" in result.stderr


def test_all_inputs_failing_exits_3(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    result = runner.invoke(app, ["analyze", str(empty), "--format", "jsonl"])
    assert result.exit_code == 3
    assert "failed" in result.stderr


def test_usage_errors_exit_2(folder):
    result = runner.invoke(app, ["analyze", str(folder), "--format", "yaml"])
    assert result.exit_code == 2 and "unknown format" in result.stderr
    result = runner.invoke(app, ["analyze", str(folder), "--layers", "vibes"])
    assert result.exit_code == 2 and "no annotator provides layer 'vibes'" in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.slow
def test_stdin_jsonl(folder):
    lines = "\n".join(json.dumps({"id": f"s{i}", "text": t}) for i, t in enumerate([ARTICLE_A, ARTICLE_B]))
    result = runner.invoke(app, ["analyze", "-", "--format", "jsonl", "--quiet"], input=lines)
    assert result.exit_code == 0, result.output
    assert [r["id"] for r in jsonl(result.stdout)] == ["s0", "s1"]


@pytest.mark.slow
def test_pretty_shows_the_article_and_entities(folder):
    result = runner.invoke(app, ["analyze", str(folder / "a_first.txt"), "--format", "pretty"])
    assert result.exit_code == 0, result.output
    assert "Japan" in result.stdout and "Entities" in result.stdout


def test_layers_command_lists_layers():
    result = runner.invoke(app, ["layers"])
    assert result.exit_code == 0
    for layer in ("segments", "sentences", "entities"):
        assert layer in result.stdout
