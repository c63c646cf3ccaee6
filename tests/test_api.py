"""The public Python API: load, analyze, pipe, and the offsets property."""
from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

import newsxray
from newsxray.errors import ConfigError, InputError
from newsxray.ingest import InputFailure

WORDS = ["China", "said", "Japan", "\u201cWe", "will", "respond,\u201d", "the", "ambassador", "Zhang", "Hanhui",
         "told", "TASS", "on", "August", "3.", "\n", "\r\n", "\n\n", "(Related:", "NATO)", "Sources", "include:",
         "RT.com", "Ms.", "O'Neil", "\u00e9t\u00e9", "\u4e2d\u56fd", "\U0001f600", "\t", "  ", "-", "\u2028"]


@pytest.fixture(scope="module")
def nx():
    return newsxray.load()


def test_load_defaults_to_every_available_layer(nx):
    assert set(nx.layers) == set(newsxray.available_layers())


def test_load_accepts_comma_string_and_rejects_unknown():
    assert newsxray.load("segments").pipeline.names == ["segments"]
    with pytest.raises(ConfigError, match="available layers"):
        newsxray.load(layers=["segments", "vibes"])


@pytest.mark.slow
def test_analyze_keeps_text_exactly(nx):
    text = "  Title line\r\nZhang Hanhui said on Monday\tthat China \u201cwill respond.\u201d\n\n"
    record = nx.analyze(text=text, published="2023-08-05", title="Title line", url="https://www.rt.com/news/1")
    data = record.to_dict()
    assert data["text"] == text
    assert data["published"] == "2023-08-05"
    assert data["outlet"] == {"domain": "rt.com", "name": None}
    assert data["url"] == "https://www.rt.com/news/1"
    assert data["sentences"], "the body has sentences"


def test_analyze_rejects_empty_and_binary(nx):
    with pytest.raises(InputError, match="empty"):
        nx.analyze(text="   \n\t ")
    with pytest.raises(InputError, match="binary"):
        nx.analyze(text="\x00\x01\x02abc" * 10)
    with pytest.raises(InputError, match="publication date"):
        nx.analyze(text="Some text here.", published="the day after tomorrow-ish")


@pytest.mark.slow
def test_pipe_keeps_order_and_accounts_for_every_input(nx):
    inputs = ["First article about Japan.", {"text": "", "id": "empty"}, {"id": "x"},
              {"text": "Second article about France.", "id": "second", "published": "2023-01-02"},
              InputFailure(source="gone.txt", reason="file not found", id="gone"), 42]
    records = list(nx.pipe(inputs, batch_size=2))
    assert len(records) == len(inputs)
    ids = [r.id for r in records]
    assert ids[1:5] == ["empty", "x", "second", "gone"]
    failed = [r.to_dict()["errors"][0]["message"] for r in records if r.hints.get("failed")]
    assert len(failed) == 4
    assert any("empty" in m for m in failed) and any("file not found" in m for m in failed)
    assert records[0].to_dict()["text"] == "First article about Japan."
    assert records[3].published == "2023-01-02"


@pytest.mark.slow
def test_non_english_text_is_recorded_not_parsed(nx):
    german = ("Die Bundesregierung hat am Montag neue Maßnahmen angekündigt. Der Minister sagte, dass die "
              "Verhandlungen mit Frankreich in der nächsten Woche fortgesetzt werden sollen.")
    record = nx.analyze(text=german)
    assert record.language == "de"
    assert record.entities == [] and record.sentences == []


@pytest.mark.slow
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(st.text(min_size=1, max_size=300),
                 st.lists(st.one_of(st.sampled_from(WORDS), st.text(max_size=4)), min_size=1, max_size=80)
                 .map(" ".join)))
def test_offsets_property(text):
    nx = newsxray.load()
    try:
        record = nx.analyze(text=text).to_dict()  # validated against the schema by conftest
    except InputError:
        assert not text.strip() or "\x00" in text or sum(ord(c) < 32 for c in text) > 0
        return
    assert record["text"] == text
    n = len(text)
    for layer in ("segments", "sentences"):
        for span in record[layer]:
            assert 0 <= span["start"] < span["end"] <= n
    for ent in record["entities"]:
        for m in ent["mentions"]:
            assert 0 <= m["start"] < m["end"] <= n


def test_language_detection_keeps_english_full_of_foreign_names():
    from newsxray.ingest.meta import detect_language
    assert detect_language("Koji Tomita met Zhang Hanhui and Nguyen Thi Lan Huong in Hanoi on Monday.") == "en"
    assert detect_language("Recep Tayyip Erdogan, Abdel Fattah el-Sisi: Ankara, Cairo, Istanbul talks") == "en"
    assert detect_language("Le gouvernement a annoncé lundi de nouvelles mesures contre la crise "
                           "économique qui frappe le pays depuis des mois.") == "fr"
