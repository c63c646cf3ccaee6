"""Hostile input renders inert; headers, body limit, hosts, tokens, CSRF and the URL fetcher hold."""
from __future__ import annotations

import http.server
import threading

import lxml.html
import pytest
from fastapi.testclient import TestClient

from newsxray.store import open_store
from newsxray.web import create_app
from newsxray.web.article import safe_url
from newsxray.web.highlight import Mark, render

from .conftest import HOSTILE_TEXT, FakeAnalyzer, csrf_of
from .corpus import record


def assert_inert(html: str) -> None:
    """No script but ours, no event-handler attribute, no javascript:/data: URL, article links rel-guarded."""
    tree = lxml.html.fromstring(html)
    scripts = tree.xpath("//script")
    assert [s.get("src") for s in scripts] == ["/static/app.js"] and not any((s.text or "").strip() for s in scripts)
    assert not tree.xpath("//svg[@onload] | //img | //iframe | //object | //embed")
    for el in tree.iter():
        if not isinstance(el.tag, str):
            continue
        for name, value in el.attrib.items():
            assert not name.lower().startswith("on"), (el.tag, name)
            if name in ("href", "src", "action", "xlink:href"):
                assert not value.strip().lower().startswith(("javascript:", "data:", "vbscript:")), value
        if el.tag == "a" and (el.get("href") or "").startswith("http"):
            assert set((el.get("rel") or "").split()) >= {"noopener", "noreferrer", "nofollow"}
    assert "<script>alert" not in html and "<svg onload" not in html


def hostile_record() -> dict:
    rec = record("evil", "Talks <script>alert(1)</script>", HOSTILE_TEXT, published="2023-08-07",
                 quote=("in Geneva on Monday", "Wei Tong"), source=("Geneva", "geneva.example", "low", False))
    rec["url"] = "javascript:alert(document.cookie)"
    rec["outlet"] = {"domain": "x.example", "name": '"><img src=x onerror=alert(4)>'}
    rec["sources"][0]["url"] = "javascript:alert(5)"
    rec["sources"][0]["name"] = "<b onmouseover=alert(6)>Geneva</b>"
    rec["entities"][0]["description"] = '" onfocus="alert(7)'
    return rec


def test_hostile_stored_article_renders_inert(tmp_path):
    with open_store(tmp_path / "h.db") as store:
        store.put(hostile_record())
    with TestClient(create_app(db=tmp_path / "h.db", analyzer=FakeAnalyzer()), base_url="http://127.0.0.1") as c:
        page = c.get("/articles/evil")
        assert page.status_code == 200
        assert_inert(page.text)
        assert "&lt;script&gt;alert" in page.text and "onerror=&#34;alert(1)&#34;" in page.text
        for path in ("/search?q=geneva", "/quotes", "/entities/Wei%20Tong", "/articles", "/claims"):
            assert_inert(c.get(path).text)


def test_hostile_pasted_article_renders_inert(client):
    csrf = csrf_of(client.get("/").text)
    page = client.post("/analyze", data={"csrf": csrf, "content": HOSTILE_TEXT, "kind": "text",
                                         "url": "javascript:alert(1)"})
    assert page.status_code == 200
    assert_inert(page.text)


def test_highlight_nests_overlapping_spans_and_escapes():
    text = 'a <b> "c" d'
    marks = [Mark(0, 7, "quotes", "quote", 'tip "q"', "Q1", "quotes-Q1"),
             Mark(2, 11, "entities", "ent", "<e>")]
    html = str(render(text, marks))
    tree = lxml.html.fragment_fromstring(html, create_parent="div")
    assert tree.text_content().replace("Q1", "") == text  # the text, whole and in order, plus the label
    assert html.count("<span") == html.count("</span>") == 3  # the entity is cut at the quote's end
    assert '&lt;b&gt;' in html and 'data-tip="&lt;e&gt;"' in html and 'tip &#34;q&#34;' in html
    assert html.index('id="quotes-Q1"') < html.index("l-entities")


def test_safe_url_drops_script_urls():
    assert safe_url("https://example.org/a?b=1") == "https://example.org/a?b=1"
    for bad in ("javascript:alert(1)", " JavaScript:alert(1)", "data:text/html,<b>", "//evil.example/x",
                "java\nscript:alert(1)", "vbscript:x", "/relative", None, 42):
        assert safe_url(bad) is None


def test_security_headers_on_every_response(client):
    for response in (client.get("/"), client.get("/api/search"), client.get("/static/app.css"),
                     client.get("/api/nothing"), client.get("/articles/nope")):
        csp = response.headers["content-security-policy"]
        assert "default-src 'self'" in csp and "frame-ancestors 'none'" in csp and "'unsafe-inline'" not in csp
        assert response.headers["x-content-type-options"] == "nosniff"
        assert response.headers["referrer-policy"] == "no-referrer"


def test_no_inline_script_or_style_in_pages(client):
    for path in ("/", "/articles/a1", "/timeline?a=CHN&b=JPN", "/network?min_weight=1", "/search?q=drills"):
        tree = lxml.html.fromstring(client.get(path).text)
        assert not tree.xpath("//style | //*[@style]"), path
        assert all(s.get("src") for s in tree.xpath("//script")), path


def test_body_size_limit(db_copy):
    app = create_app(db=db_copy, analyzer=FakeAnalyzer(), max_body=10_000)
    with TestClient(app, base_url="http://127.0.0.1") as c:
        big = {"text": "x" * 20_000}
        r = c.post("/api/analyze", json=big)
        assert r.status_code == 413 and r.json()["error"]["code"] == "body_too_large"

        def chunks():  # no Content-Length: counted while it streams
            for _ in range(30):
                yield b"x" * 1000
        r = c.post("/api/analyze", content=chunks(), headers={"content-type": "application/json"})
        assert r.status_code == 413 and r.json()["error"]["code"] == "body_too_large"
        assert c.post("/api/analyze", json={"text": "China."}).status_code == 200


def test_host_header_must_name_a_loopback_server(client):
    r = client.get("/api/stats", headers={"host": "rebind.evil.example"})
    assert r.status_code == 400 and r.json()["error"]["code"] == "bad_host"
    assert client.get("/api/stats", headers={"host": "localhost:8000"}).status_code == 200


def test_api_writes_must_be_json(client):
    r = client.post("/api/analyze", data={"text": "China."})
    assert r.status_code == 415 and r.json()["error"]["code"] == "unsupported_media_type"


def test_forms_need_a_valid_csrf_token(client):
    client.get("/")
    for data in ({"content": "China."}, {"content": "China.", "csrf": "0" * 64}):
        r = client.post("/analyze", data=data)
        assert r.status_code == 403 and "csrf_failed" in r.text
    other = TestClient(client.app, base_url="http://127.0.0.1")
    token = csrf_of(other.get("/").text)  # a token made for another browser's cookie
    assert client.post("/analyze", data={"content": "China.", "csrf": token}).status_code == 403


def test_token_required_for_writes(db_copy):
    app = create_app(db=db_copy, analyzer=FakeAnalyzer(), token="letmein-123", host="0.0.0.0")
    with TestClient(app, base_url="http://192.0.2.10") as c:
        r = c.post("/api/analyze", json={"text": "China."})
        assert r.status_code == 401 and r.json()["error"]["code"] == "token_required"
        assert c.post("/api/analyze", json={"text": "China."}, headers={"x-newsxray-token": "nope"}).status_code == 401
        ok = c.post("/api/analyze", json={"text": "China."}, headers={"authorization": "Bearer letmein-123"})
        assert ok.status_code == 200
        assert c.get("/api/search").status_code == 200          # reads stay open
        csrf = csrf_of(c.get("/login").text)
        assert c.post("/login", data={"csrf": csrf, "token": "wrong"}).status_code == 401
        c.post("/login", data={"csrf": csrf, "token": "letmein-123"})
        assert c.post("/analyze", data={"csrf": csrf, "content": "China.", "kind": "text"}).status_code == 200


class _Page(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        body = (b"<html><head><title>Local story</title></head><body><article><h1>Local story</h1>"
                b"<p>Japan and China held talks in Tokyo on Monday about the harbour.</p></article></body></html>")
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def local_site():
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Page)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/story"
    server.shutdown()


@pytest.fixture(scope="module")
def segments_analyzers():
    import newsxray
    return newsxray.load("segments"), newsxray.load("segments", allow_private=True)


@pytest.mark.network
def test_url_fetcher_refuses_loopback_unless_allowed(tmp_path, local_site, segments_analyzers):
    strict, lax = segments_analyzers
    with TestClient(create_app(db=tmp_path / "a.db", analyzer=strict), base_url="http://127.0.0.1") as c:
        r = c.post("/api/analyze", json={"url": local_site})
        assert r.status_code == 422 and r.json()["error"]["code"] == "fetch_failed"
        assert "loopback" in r.json()["error"]["message"]
    app = create_app(db=tmp_path / "b.db", analyzer=lax, allow_private=True)
    with TestClient(app, base_url="http://127.0.0.1") as c:
        r = c.post("/api/analyze", json={"url": local_site, "store": True})
        assert r.status_code == 200, r.text
        assert "Japan and China held talks" in r.json()["record"]["text"]
