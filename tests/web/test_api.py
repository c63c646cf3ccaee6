"""The JSON API and its page twins, over a hand-built corpus (no model)."""
from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from newsxray.errors import ConfigError
from newsxray.web import create_app

from .conftest import FakeAnalyzer, csrf_of


def _error(response, status: int, code: str) -> dict:
    assert response.status_code == status, response.text
    body = response.json()
    assert set(body) == {"error"} and set(body["error"]) == {"code", "message"}
    assert body["error"]["code"] == code and body["error"]["message"]
    return body


def test_documents_list_and_get(client):
    data = client.get("/api/documents").json()
    assert data["total"] == 3
    assert [d["id"] for d in data["documents"]] == ["a3", "a2", "a1"]  # newest first
    assert set(data["documents"][0]) == {"id", "title", "outlet", "published", "url"}
    assert client.get("/api/documents", params={"outlet": "daily.example"}).json()["total"] == 1
    record = client.get("/api/documents/a1").json()
    assert record["id"] == "a1" and record["entities"] and record["quotes"][0]["speaker"]["text"] == "Wei Tong"
    _error(client.get("/api/documents/nope"), 404, "not_found")


def test_search_with_every_filter(client):
    ids = lambda **p: [h["id"] for h in client.get("/api/search", params=p).json()["hits"]]  # noqa: E731
    assert set(ids(q="drills")) == {"a1", "a2"}
    assert ids(q="drills", outlet="daily.example") == ["a2"]
    assert ids(q="", since="2023-08-08", until="2023-08-08") == ["a2"]
    assert set(ids(entity="Wei Tong")) == {"a1", "a3"}
    assert ids(technique="Loaded_Language") == ["a1"]
    assert ids(event_type="REJECT") == ["a2"]
    assert ids(credibility="high") == ["a3"]
    assert ids(credibility="state") == ["a1"]
    assert ids(q="U.S. co-operation") == []          # not FTS5 syntax: searched as words
    hit = client.get("/api/search", params={"q": "warships"}).json()["hits"][0]
    assert "«warships»" in hit["snippet"] and "key" not in hit


def test_search_rejects_bad_parameters(client):
    _error(client.get("/api/search", params={"since": "2023-13-45"}), 400, "bad_parameter")
    _error(client.get("/api/search", params={"since": "yesterday"}), 422, "invalid_request")
    _error(client.get("/api/search", params={"credibility": "great"}), 422, "invalid_request")
    _error(client.get("/api/search", params={"limit": 0}), 422, "invalid_request")


def test_entities_and_entity_profile(client):
    names = [e["name"] for e in client.get("/api/entities", params={"q": "tong"}).json()["entities"]]
    assert names == ["Wei Tong"]
    profile = client.get("/api/entities/wei tong").json()
    assert profile["name"] == "Wei Tong" and len(profile["quotes"]) == 2
    assert {n["name"] for n in profile["neighbours"]} >= {"China", "Japan"}
    _error(client.get("/api/entities/Nobody At All"), 404, "not_found")


def test_quotes_events_timeline_network(client):
    speakers = client.get("/api/quotes").json()["speakers"]
    assert speakers[0]["speaker"] == "Wei Tong" and speakers[0]["count"] == 2
    events = client.get("/api/events", params={"actor": "CHN"}).json()["events"]
    assert [e["type"] for e in events] == ["ACCUSE"]
    timeline = client.get("/api/timeline", params={"a": "CHN", "b": "JPN"}).json()
    assert [d["date"] for d in timeline["days"]] == ["2023-08-07", "2023-08-08"]
    _error(client.get("/api/timeline", params={"a": "CHN"}), 422, "invalid_request")
    net = client.get("/api/network", params={"min_weight": 3}).json()
    assert [(e["source"], e["target"], e["weight"]) for e in net["edges"]] == [("china", "japan", 3)]


def test_stories_claims_outlets_stats(client):
    stories = client.get("/api/stories").json()["stories"]
    assert stories and {a["id"] for a in stories[0]["articles"]} == {"a1", "a2"}
    assert client.get("/api/stories/a1").json()["story"] == stories[0]["story"]
    claims = client.get("/api/claims").json()["claims"]
    assert {c["article"]["id"] for c in claims} == {"a1", "a2"}
    groups = client.get("/api/claim-groups", params={"min_articles": 1}).json()["groups"]
    assert len(groups) == 2
    outlets = {o["outlet"] for o in client.get("/api/outlets").json()["outlets"]}
    assert outlets == {"wire.example", "daily.example"}
    stats = client.get("/api/stats").json()
    assert stats["counts"]["articles"] == 3 and stats["stats"]["articles"] == 3


def test_every_page_renders_and_links_its_json_twin(client):
    pages = ["/", "/articles", "/articles/a1", "/search?q=drills", "/entities?q=a", "/entities/China",
             "/quotes", "/events?actor=CHN", "/timeline?a=CHN&b=JPN", "/network?min_weight=1", "/stories",
             "/stories/a1", "/claims", "/outlets", "/docs", "/login", "/timeline"]
    for page in pages:
        response = client.get(page)
        assert response.status_code == 200, (page, response.text[:500])
        assert response.headers["content-type"].startswith("text/html")
        assert "<main" in response.text
    assert 'href="/api/search?q=drills"' in client.get("/search?q=drills").text
    assert "<svg" in client.get("/timeline?a=CHN&b=JPN").text
    assert 'href="/entities/Wei%20Tong"' in client.get("/network?min_weight=1").text


def test_unknown_routes_and_methods_use_the_error_shape(client):
    _error(client.get("/api/nothing"), 404, "not_found")
    _error(client.delete("/api/documents/a1", headers={"content-type": "application/json"}), 405,
           "method_not_allowed")
    page = client.get("/nothing", headers={"accept": "text/html"})
    assert page.status_code == 404 and "not_found" in page.text and "<main" in page.text


def test_openapi_documents_the_api_without_a_cdn(client):
    spec = client.get("/openapi.json").json()
    assert {"/api/analyze", "/api/search", "/api/timeline", "/api/entities/{name}"} <= set(spec["paths"])
    assert not any(p.startswith("/articles") for p in spec["paths"])  # pages are not API endpoints
    docs = client.get("/docs").text
    assert "/api/search" in docs and "cdn" not in docs.lower() and "swagger" not in docs.lower()
    assert client.get("/redoc").status_code == 404


def test_analyze_json_and_store(db_copy):
    fake = FakeAnalyzer()
    with TestClient(create_app(db=db_copy, analyzer=fake), base_url="http://127.0.0.1") as c:
        out = c.post("/api/analyze", json={"text": "China accused Japan of lying.", "published": "2023-09-01"}).json()
        assert out["stored"] is None and out["record"]["text"].startswith("Pasted article")
        assert c.get("/api/documents").json()["total"] == 3
        out = c.post("/api/analyze", json={"text": "Japan thanked China.", "store": True}).json()
        assert out["stored"]["status"] == "stored"
        assert c.get(f"/api/documents/{out['stored']['id']}").json()["text"].endswith("Japan thanked China.")
        _error(c.post("/api/analyze", json={"text": "a", "html": "<p>b</p>"}), 422, "bad_input")
        _error(c.post("/api/analyze", json={}), 422, "bad_input")
        _error(c.post("/api/analyze", json={"text": "a", "evil": 1}), 422, "invalid_request")
    assert fake.calls == 2


def test_analyze_form_shows_the_article_or_redirects_when_stored(db_copy):
    with TestClient(create_app(db=db_copy, analyzer=FakeAnalyzer()), base_url="http://127.0.0.1") as c:
        csrf = csrf_of(c.get("/").text)
        page = c.post("/analyze", data={"csrf": csrf, "content": "Wei Tong said China was ready.", "kind": "text"})
        assert page.status_code == 200 and 'class="hl l-entities' in page.text and "not stored" in page.text
        stored = c.post("/analyze", data={"csrf": csrf, "content": "Japan and China met.", "kind": "text",
                                          "store": "1"}, follow_redirects=False)
        assert stored.status_code == 303 and stored.headers["location"].startswith("/articles/fake")


def test_create_app_refuses_a_public_bind_without_token(tmp_path):
    with pytest.raises(ConfigError, match="token"):
        create_app(db=tmp_path / "x.db", host="0.0.0.0")
    create_app(db=tmp_path / "x.db", host="0.0.0.0", token="s3cret-token")


def test_analysis_runs_in_a_bounded_worker_pool(db_copy):
    import threading
    seen = []

    class Slow(FakeAnalyzer):
        def analyze(self, **kw):
            seen.append(threading.current_thread().name)
            return super().analyze(**kw)

    with TestClient(create_app(db=db_copy, analyzer=Slow(), max_waiting=0), base_url="http://127.0.0.1") as c:
        assert c.post("/api/analyze", json={"text": "China and Japan."}).status_code == 200
    assert seen and seen[0] != threading.main_thread().name


def test_unexpected_failures_are_500_in_the_error_shape(db_copy):
    class Broken(FakeAnalyzer):
        def analyze(self, **kw):
            raise RuntimeError("secret internals")

    app = create_app(db=db_copy, analyzer=Broken())
    with TestClient(app, base_url="http://127.0.0.1", raise_server_exceptions=False) as c:
        body = _error(c.post("/api/analyze", json={"text": "China."}), 500, "internal_error")
        assert "secret internals" not in body["error"]["message"]
        page = c.post("/analyze", data={"csrf": csrf_of(c.get("/").text), "content": "China.", "kind": "text"})
        assert page.status_code == 500 and "internal_error" in page.text and "secret" not in page.text
