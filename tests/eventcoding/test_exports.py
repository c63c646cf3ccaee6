"""GDELT-style rows and PLOVER JSON from a hand-built record, and the CLI event formats."""
from __future__ import annotations

import io
import json

import pytest
from typer.testing import CliRunner

from newsxray.cli import app
from newsxray.cli.formats import EventWriter
from newsxray.document import Document, Entity, Event, Location, Mention, Participant, Segment, Sentence, Trigger
from newsxray.eventcoding.exports import GDELT_COLUMNS, actor_code, gdelt_rows, gdelt_tsv, plover_records

TEXT = "In July, Kishida and Stoltenberg met in Tokyo.\tNATO warned China."


def make_doc() -> Document:
    doc = Document(text=TEXT, published="2023-08-05", url="https://example.org/a")
    doc.set_layer("segments", [Segment(0, len(TEXT), "body")])
    doc.set_layer("sentences", [Sentence(0, 46), Sentence(47, len(TEXT))])
    doc.set_layer("entities", [
        Entity("E1", "Fumio Kishida", "PERSON", "JPN", "GOV", None, (Mention(9, 16),)),
        Entity("E2", "Jens Stoltenberg", "PERSON", None, "IGO", None, (Mention(21, 32),)),
        Entity("E3", "Tokyo", "GPE", "JPN", None, None, (Mention(40, 45),)),
    ])
    kishida = Participant(9, 16, "E1", "JPN", "GOV", "Kishida")
    stoltenberg = Participant(21, 32, "E2", None, "IGO", "Stoltenberg")
    nato = Participant(47, 51, None, None, "IGO", "NATO")
    china = Participant(59, 64, None, "CHN", None, "China")
    doc.set_layer("events", [
        Event("EV1", "CONSULT", None, "040", Trigger(33, 36), 0, kishida, stoltenberg, "2023-07", "T1",
              Location("E3", "JPN"), None, 0.8, co_targets=(china,), quad_class=1, goldstein=1.0),
        Event("EV2", "THREATEN", "hypothetical", "130", Trigger(52, 58), 1, nato, china, None, None,
              None, "Q1", 0.4, mentions=(Trigger(0, 2),), quad_class=3, goldstein=-4.4),
    ])
    return doc


def test_actor_codes_join_country_and_sector():
    assert actor_code(Participant(0, 1, None, "CHN", "DIP")) == "CHNDIP"
    assert actor_code(Participant(0, 1, None, None, "IGO")) == "IGO"
    assert actor_code(Participant(0, 1, None, "USA", None)) == "USA"
    assert actor_code(None) == ""


def test_gdelt_rows_are_dyadic_and_carry_codes_dates_and_scores():
    rows = gdelt_rows(make_doc())
    assert len(rows) == 3  # EV1 has a compound target: two dyads
    first = rows[0]
    assert first["GLOBALEVENTID"].endswith("EV1.1") and rows[1]["Actor2Name"] == "China"
    assert (first["SQLDATE"], first["MonthYear"], first["Year"]) == ("20230805", "202308", "2023")
    assert (first["Actor1Code"], first["Actor1Name"], first["Actor2Code"]) == ("JPNGOV", "Fumio Kishida", "IGO")
    assert (first["EventCode"], first["EventBaseCode"], first["EventRootCode"]) == ("040", "040", "04")
    assert (first["QuadClass"], first["GoldsteinScale"], first["IsRootEvent"]) == ("1", "1.0", "1")
    assert (first["ActionGeo_FullName"], first["ActionGeo_CountryCode"]) == ("Tokyo", "JPN")
    assert (first["EventDate"], first["SOURCEURL"], first["Trigger"]) == ("2023-07", "https://example.org/a", "met")
    third = rows[2]
    assert (third["PloverMode"], third["NumMentions"], third["GoldsteinScale"]) == ("hypothetical", "2", "-4.4")


def test_gdelt_tsv_has_one_header_and_no_stray_tabs():
    lines = gdelt_tsv(make_doc(), header=True).splitlines()
    assert lines[0].split("\t") == list(GDELT_COLUMNS)
    assert all(len(line.split("\t")) == len(GDELT_COLUMNS) for line in lines)
    assert not gdelt_tsv(make_doc(), header=False).startswith("GLOBALEVENTID")


def test_plover_records_keep_compound_participants_as_lists():
    first, second = plover_records(make_doc())
    assert first["event"] == ["CONSULT"] and first["quad_code"] == 1 and first["event_scale"] == 2.5
    assert [a["identifier_id"] for a in first["actor"]] == ["E1"]
    assert [r["code"] for r in first["recipient"]] == ["IGO", "CHN"]
    assert first["date"] == "2023-08-05" and first["date_value"] == "2023-07"
    assert first["event_loc"] == {"extracted_place": "Tokyo", "country_code": "JPN"}
    assert first["text_info"]["sequence"] == 0 and first["cite_info"]["url"] == "https://example.org/a"
    assert second["mode"] == ["hypothetical"] and second["event_text"] == ["warned", "In"]
    json.dumps(first)


def test_event_writer_writes_a_header_once_and_plover_lines():
    out = io.StringIO()
    writer = EventWriter("gdelt", out)
    writer.write(make_doc())
    writer.write(make_doc())
    assert out.getvalue().count("GLOBALEVENTID") == 1
    out = io.StringIO()
    EventWriter("plover", out).write(make_doc())
    assert [json.loads(line)["id"][-3:] for line in out.getvalue().splitlines()] == ["EV1", "EV2"]
    with pytest.raises(ValueError):
        EventWriter("csv", out)


@pytest.mark.slow
def test_cli_prints_gdelt_rows_and_plover_json(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("Japan and France agreed on Monday to hold talks in Tokyo.\n"
                    "The United States imposed sanctions on Iran on Tuesday.\n", encoding="utf-8")
    runner = CliRunner()
    result = runner.invoke(app, ["analyze", str(path), "--format", "gdelt", "--layers", "entities",
                                 "--published", "2024-03-01", "--quiet"])
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0].startswith("GLOBALEVENTID\tSQLDATE")
    rows = [dict(zip(GDELT_COLUMNS, line.split("\t"))) for line in lines[1:]]
    sanction = next(r for r in rows if r["PloverType"] == "SANCTION")
    assert (sanction["Actor1CountryCode"], sanction["Actor2CountryCode"], sanction["EventRootCode"]) == ("USA", "IRN", "16")
    assert sanction["SQLDATE"] == "20240227"
    result = runner.invoke(app, ["analyze", str(path), "--format", "plover", "--layers", "events",
                                 "--published", "2024-03-01", "--quiet"])
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert {r["event"][0] for r in records} >= {"SANCTION"}
