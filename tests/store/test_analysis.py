"""Corpus analysis functions over a small hand-written corpus (see ``analysis_corpus``)."""
from __future__ import annotations

import json

import pytest

from newsxray.errors import ConfigError
from newsxray.store import analysis, open_store

from .analysis_corpus import build


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    path = build(tmp_path_factory.mktemp("analysis") / "corpus.db")
    with open_store(path, readonly=True) as opened:
        yield opened


def test_stats_counts_latest_revisions_and_duplicates_once(store):
    s = analysis.stats(store)
    assert (s["articles"], s["duplicates"], s["failures"], s["outlets"]) == (4, 1, 0, 3)
    assert s["first"].startswith("2024-03-01") and s["last"].startswith("2024-03-02T12")
    assert s["layers"]["events"] == 5  # a1, a2 (2), a3, a1-copy; the old a3 revision has none
    top = {e["name"]: e["articles"] for e in s["top_entities"]}
    assert top["Japan"] == 3 and top["China"] == 2  # the copy of a1 is not counted again
    assert s["top_entities"][0] == {"name": "Japan", "type": "GPE", "articles": 3}
    assert s["top_outlets"][0] == {"outlet": "news-a.example", "articles": 2}
    json.dumps(s)


def test_timeline_by_name_counts_events_per_day(store):
    t = analysis.timeline(store, "china", "JAPAN")
    assert [(d["date"], d["count"], d["by_type"]) for d in t["days"]] == [
        ("2024-03-01", 1, {"THREATEN": 1}), ("2024-03-02", 1, {"THREATEN": 1})]
    assert [e["date_source"] for e in t["events"]] == ["event", "published"]
    first = t["events"][0]
    assert first["trigger"] == "warned" and first["sentence_text"].startswith("China warned Japan on Monday")
    assert first["actor"] == {"name": "China", "country": "CHN", "sector": None}
    assert first["article"]["id"] == "a1" and first["goldstein"] == -4.4 and first["quad_class"] == 3


def test_timeline_by_iso_code_and_either_direction(store):
    t = analysis.timeline(store, "JPN", "CHN")
    assert [(d["date"], d["count"]) for d in t["days"]] == [("2024-03-01", 1), ("2024-03-02", 2)]
    assert t["days"][1]["by_type"] == {"THREATEN": 1, "ACCUSE": 1}
    assert t["days"][1]["goldstein"] == pytest.approx(-3.2)
    assert analysis.timeline(store, "JPN", "CHN", since="2024-03-02")["total"] == 2
    assert analysis.timeline(store, "Japan", "NATO")["days"][0]["by_type"] == {"CONSULT": 1}
    assert analysis.timeline(store, "China", "NATO")["total"] == 0


def test_events_filters(store):
    assert {e["article"]["id"] for e in analysis.events(store, actor="China")} == {"a1", "a2"}
    assert [e["type"] for e in analysis.events(store, type="accuse")] == ["ACCUSE"]
    assert [e["actor"]["name"] for e in analysis.events(store, target="NATO")] == ["Japan"]
    newest = analysis.events(store, until="2024-03-01")
    assert [e["date"] for e in newest] == ["2024-03-01"]
    with pytest.raises(ConfigError):
        analysis.events(store, type="INVADE")
    with pytest.raises(ConfigError):
        analysis.events(store, since="last week")


def test_quotes_grouped_by_resolved_speaker(store):
    groups = analysis.quotes_by_speaker(store)
    assert [(g["speaker"], g["count"]) for g in groups] == [("Wang Yi", 2)]  # "Wang Yi" and "Wang" are one
    texts = [q["text"] for q in groups[0]["quotes"]]
    assert texts == ["Tokyo was reckless", "We will not stand idle,"]  # newest first; the copy left out
    assert analysis.quotes_by_speaker(store, "WANG  yi", limit=1)[0]["quotes"][0]["kind"] == "indirect"
    assert analysis.quotes_by_speaker(store, "Nobody") == []


def test_network_edge_weights(store):
    net = analysis.network(store, min_weight=1)
    edges = {(e["source"], e["target"]): e["weight"] for e in net["edges"]}
    assert edges[("china", "japan")] == 2 and edges[("japan", "nato")] == 1
    assert ("china", "nato") not in edges
    assert all(e["weight"] >= 2 for e in analysis.network(store)["edges"])
    ego = analysis.network(store, entity="NATO", min_weight=1)
    assert {n["id"] for n in ego["nodes"]} == {"nato", "japan", "brussels"}
    assert ego["nodes"][0] == {"id": "nato", "name": "NATO", "type": "ORG", "country": None, "weight": 1}
    assert analysis.network(store, entity="Atlantis") == {"nodes": [], "edges": []}


def test_entity_search_and_profile(store):
    found = analysis.entity_search(store, "a")
    assert [e["name"] for e in found][:2] == ["Japan", "China"]
    japan = found[0]
    assert (japan["articles"], japan["mentions"], japan["country"]) == (3, 4, "JPN")
    profile = analysis.entity_profile(store, "wang yi")
    assert profile["type"] == "PERSON" and len(profile["quotes"]) == 2
    assert [a["id"] for a in profile["articles"]] == ["a2", "a1"]
    assert [e["type"] for e in profile["events"]] == ["ACCUSE"]
    assert {n["name"]: n["weight"] for n in profile["neighbours"]}["Japan"] == 2
    assert analysis.entity_profile(store, "Atlantis") is None


def test_outlet_profiles(store):
    profiles = {p["outlet"]: p for p in analysis.outlet_profiles(store)}
    b = profiles["news-b.example"]
    assert b["techniques"] == {"Loaded_Language": 1, "Name_Calling,Labeling": 1}
    assert b["words"] == 18 and b["techniques_per_1000_words"] == pytest.approx(111.111)
    assert b["sources"] == {"cited": 1, "rated": 1, "by_label": {"low": 1}}
    assert b["profile"]["state_affiliated"] == {"Xinhua": 1} and b["profile"]["state_share"] == 1.0
    assert profiles["news-a.example"]["articles"] == 2  # a1 and the latest a3, not the old revision


def test_top_claims(store):
    claims = analysis.top_claims(store)
    assert [(c["article"]["id"], c["text"], c["speaker"]) for c in claims] == [
        ("a1", "Officials said exports fell 12 percent in 2023.", None),
        ("a2", "Wang said Tokyo was reckless.", "Wang Yi")]
    assert [c["score"] for c in analysis.top_claims(store, min_score=0.8)] == [0.91]


def test_results_are_cached_until_the_corpus_changes(tmp_path):
    path = build(tmp_path / "c.db")
    with open_store(path) as writable:
        first = analysis.stats(writable)
        first["articles"] = -1  # a caller mutating its result does not change the cache
        assert analysis.stats(writable)["articles"] == 4
        writable.put({"id": "new", "text": "Something else entirely happened in Lisbon today."})
        assert analysis.stats(writable)["articles"] == 5
