"""The SSRF-safe fetcher, against a real HTTP server on 127.0.0.1 (and nothing else).

No test sends traffic to any address but 127.0.0.1: refusals are checked before any
connection (``_connect_ip`` is watched), and "public" hosts are simulated by mapping
fake names to 127.0.0.1 and treating that one address as public.
"""
from __future__ import annotations

import gzip
import pickle
import time

import httpx
import pytest

from newsxray.errors import FetchError
from newsxray.ingest import ArticleInput, addresses, transport
from newsxray.ingest.fetch import Fetcher
from newsxray.ingest.limits import LIMITS
from tests.ingest.local_server import local_server, redirect, send

pytestmark = pytest.mark.network

ARTICLE = ("<html><head><title>Flood wall vote</title></head><body><article><h1>Flood wall vote</h1>"
           "<p>The council voted on Monday to rebuild the harbour flood wall.</p></article></body></html>")
MB = 1_000_000


def _slow(handler):
    time.sleep(3)
    send(handler, ARTICLE)


def _drip(handler):
    send(handler, b"", length=False)
    for _ in range(60):
        handler.wfile.write(b"<p>x</p>")
        handler.wfile.flush()
        time.sleep(0.1)


def _huge(handler):
    send(handler, b"", length=False)
    chunk = b"<p>" + b"a" * 65_000 + b"</p>"
    for _ in range(800):  # 52 MB if nobody stops reading
        handler.wfile.write(chunk)


def _declared_huge(handler):
    send(handler, b"<p>only a little</p>", headers={"Content-Length": str(50 * MB)}, length=False)


ROUTES = {
    "/article": lambda h: send(h, ARTICLE),
    "/r1": redirect("/r2"), "/r2": redirect("/r3", 301), "/r3": redirect("/article", 307),
    "/loop": redirect("/loop"),
    "/to-loopback": lambda h: redirect(f"http://[::1]:{h.server.server_address[1]}/article")(h),
    "/to-metadata": redirect("http://169.254.169.254/latest/meta-data/"),
    "/to-intranet": redirect("http://intranet.test/admin"),
    "/to-file": redirect("file:///etc/passwd"),
    "/slow": _slow, "/drip": _drip, "/huge": _huge, "/declared-huge": _declared_huge,
    "/image": lambda h: send(h, b"\x89PNG\r\n\x1a\n" + b"\x00" * 64, content_type="image/png"),
    "/pdf": lambda h: send(h, b"%PDF-1.7\n", content_type="application/pdf"),
    "/latin1": lambda h: send(h, "<p>caf\u00e9 cr\u00e8me</p>".encode("latin-1"),
                              content_type="text/html; charset=ISO-8859-1"),
    "/meta-charset": lambda h: send(h, "<meta charset='windows-1252'><p>\u201cquoted\u201d</p>".encode("cp1252"),
                                    content_type="text/html"),
    "/bad-utf8": lambda h: send(h, b"<p>caf\xe9 \xff</p>", content_type="text/html; charset=utf-8"),
    "/gzip": lambda h: send(h, gzip.compress(ARTICLE.encode()), headers={"Content-Encoding": "gzip"}),
    "/bomb": lambda h: send(h, gzip.compress(b"<p>" + b"a" * (5 * MB)), headers={"Content-Encoding": "gzip"}),
    "/binary-html": lambda h: send(h, b"\x00\x01\x02\x03" * 100, content_type="text/html"),
    "/plain": lambda h: send(h, "Plain text article.\nSecond line.", content_type="text/plain; charset=utf-8"),
}


@pytest.fixture(scope="module")
def server():
    with local_server(ROUTES) as srv:
        yield srv


@pytest.fixture
def hits(server):
    server.hits.clear()
    return server.hits


@pytest.fixture
def connections(monkeypatch):
    """Every IP the guarded transport connects to."""
    seen: list[str] = []
    real = transport._connect_ip

    def watched(ip, port, *args):
        seen.append(ip)
        if ip != "127.0.0.1":
            raise AssertionError(f"the test tried to connect to {ip}")
        return real(ip, port, *args)

    monkeypatch.setattr(transport, "_connect_ip", watched)
    return seen


@pytest.fixture
def public_loopback(monkeypatch):
    """Treat exactly 127.0.0.1 as a public address and map fake names to it (or elsewhere)."""
    real_problem = addresses.address_problem
    names = {"news.test": ["127.0.0.1"], "intranet.test": ["10.1.2.3"], "mixed.test": ["127.0.0.1", "::1"]}
    calls: list[str] = []

    def resolve(host, port):
        calls.append(host)
        if host in names:
            return list(names[host])
        if host in ("127.0.0.1", "::1", "169.254.169.254"):
            return [host]
        raise FetchError(f"could not resolve host {host!r} (test resolver)")

    monkeypatch.setattr(addresses, "address_problem", lambda ip: None if ip == "127.0.0.1" else real_problem(ip))
    monkeypatch.setattr(addresses, "resolve_host", resolve)
    return calls


def test_fetches_a_local_article_when_private_addresses_are_allowed(server, hits, connections):
    page = Fetcher(allow_private=True).fetch(server.url("/article"))
    assert page.url == server.url("/article")
    assert (page.status, page.content_type, page.charset) == (200, "text/html", "utf-8")
    assert page.text == ARTICLE
    assert connections == ["127.0.0.1"] and hits[0][0] == "/article"
    as_input = page.as_input(id="x")
    assert isinstance(as_input, ArticleInput) and as_input.html == ARTICLE and as_input.url == page.url


def test_follows_a_redirect_chain_to_the_final_url(server, hits):
    page = Fetcher(allow_private=True).fetch(server.url("/r1"))
    assert page.url == server.url("/article")
    assert [p for p, _ in hits] == ["/r1", "/r2", "/r3", "/article"]


def test_stops_after_max_redirects(server, hits):
    fetcher = Fetcher(allow_private=True, limits=LIMITS.with_(max_redirects=3))
    with pytest.raises(FetchError, match=r"too many redirects \(more than 3\)"):
        fetcher.fetch(server.url("/loop"))
    assert len(hits) == 4


def test_default_fetcher_refuses_the_local_server_without_connecting(server, hits, connections):
    with pytest.raises(FetchError) as info:
        Fetcher().fetch(server.url("/article"))
    assert "refused: 127.0.0.1 is a loopback address; pass --allow-private to fetch local addresses" in str(info.value)
    assert hits == [] and connections == []


@pytest.mark.parametrize("url, kind", [
    ("http://localhost:{port}/article", "a loopback address"),
    ("http://[::1]:{port}/article", "::1 is a loopback address"),
    ("http://169.254.169.254/latest/meta-data/", "169.254.169.254 is a link-local address"),
    ("http://10.0.0.1/", "10.0.0.1 is a private address"),
    ("http://0.0.0.0:{port}/article", "0.0.0.0 is an unspecified address"),
    ("http://224.0.0.1/", "224.0.0.1 is a multicast address"),
    ("http://[::ffff:127.0.0.1]:{port}/article", "a loopback address (IPv4 127.0.0.1 inside IPv6)"),
    ("http://2130706433:{port}/article", "resolves to 127.0.0.1, a loopback address"),
])
def test_default_fetcher_refuses_non_public_addresses(server, hits, connections, url, kind):
    with pytest.raises(FetchError, match="refused") as info:
        Fetcher().fetch(url.format(port=server.port))
    assert kind in str(info.value) and "--allow-private" in str(info.value)
    assert hits == [] and connections == []


@pytest.mark.parametrize("ip, problem", [
    ("8.8.8.8", None), ("2001:4860:4860::8888", None), ("93.184.216.34", None),
    ("127.0.0.1", "a loopback address"), ("127.5.5.5", "a loopback address"), ("::1", "a loopback address"),
    ("10.0.0.1", "a private address"), ("172.16.3.4", "a private address"), ("192.168.1.1", "a private address"),
    ("fd00::1", "a private address"), ("169.254.169.254", "a link-local address"),
    ("fe80::1%eth0", "a link-local address"), ("224.0.0.1", "a multicast address"),
    ("ff02::1", "a multicast address"), ("0.0.0.0", "an unspecified address"), ("::", "an unspecified address"),
    ("240.0.0.1", "a reserved address"), ("100.64.0.1", "not a globally routable address"),
    ("::ffff:127.0.0.1", "a loopback address (IPv4 127.0.0.1 inside IPv6)"),
    ("::ffff:10.0.0.1", "a private address (IPv4 10.0.0.1 inside IPv6)"),
    ("::ffff:8.8.8.8", None), ("2002:7f00:1::", "a loopback address (IPv4 127.0.0.1 inside IPv6)"),
    ("64:ff9b::a9fe:a9fe", "a link-local address (IPv4 169.254.169.254 inside IPv6)"),
    ("not-an-ip", "not an IP address"),
])
def test_address_checker(ip, problem):
    assert addresses.address_problem(ip) == problem


def test_check_host_checks_every_resolved_address(public_loopback):
    assert addresses.check_host("news.test", 80) == ["127.0.0.1"]
    with pytest.raises(FetchError, match=r"mixed.test resolves to ::1, a loopback address"):
        addresses.check_host("mixed.test", 80)
    assert addresses.check_host("mixed.test", 80, allow_private=True) == ["127.0.0.1", "::1"]


def test_redirect_to_a_loopback_url_is_refused(server, hits, connections, public_loopback):
    with pytest.raises(FetchError) as info:
        Fetcher().fetch(server.url("/to-loopback"))
    message = str(info.value)
    assert f"redirect to http://[::1]:{server.port}/article: refused: ::1 is a loopback address" in message
    assert [p for p, _ in hits] == ["/to-loopback"] and connections == ["127.0.0.1"]


def test_redirect_to_metadata_address_or_other_scheme_is_refused(server, hits, connections, public_loopback):
    with pytest.raises(FetchError, match="169.254.169.254 is a link-local address"):
        Fetcher().fetch(server.url("/to-metadata"))
    with pytest.raises(FetchError, match="redirect to file:.*: only http and https"):
        Fetcher().fetch(server.url("/to-file"))
    assert set(connections) == {"127.0.0.1"} and "/latest/meta-data/" not in [p for p, _ in hits]


def test_redirect_to_a_name_resolving_to_a_private_address_is_refused(server, hits, connections, public_loopback):
    with pytest.raises(FetchError, match=r"intranet.test resolves to 10.1.2.3, a private address"):
        Fetcher().fetch(server.url("/to-intranet", host="news.test"))
    assert connections == ["127.0.0.1"]
    assert hits == [("/to-intranet", f"news.test:{server.port}")], "Host header keeps the name"


def test_connection_goes_to_the_checked_address_only(server, hits, connections, public_loopback):
    page = Fetcher().fetch(server.url("/r3", host="news.test"))
    assert page.url == server.url("/article", host="news.test")
    assert public_loopback == ["news.test", "news.test"], "one resolution per hop, none by the HTTP stack"
    assert connections == ["127.0.0.1", "127.0.0.1"]


def test_total_timeout_on_a_slow_server(server):
    fetcher = Fetcher(allow_private=True, limits=LIMITS.with_(fetch_timeout=0.4))
    started = time.monotonic()
    with pytest.raises(FetchError, match=r"timed out after 0.4 s"):
        fetcher.fetch(server.url("/slow"))
    assert time.monotonic() - started < 2


def test_total_timeout_bounds_a_trickling_body(server):
    fetcher = Fetcher(allow_private=True, limits=LIMITS.with_(fetch_timeout=0.6))
    started = time.monotonic()
    with pytest.raises(FetchError, match="timed out after 0.6 s"):
        fetcher.fetch(server.url("/drip"))
    assert time.monotonic() - started < 1.5


def test_size_cap_is_enforced_while_streaming(server):
    fetcher = Fetcher(allow_private=True, limits=LIMITS.with_(max_bytes=MB))
    started = time.monotonic()
    with pytest.raises(FetchError, match="response larger than 1 MB"):
        fetcher.fetch(server.url("/huge"))
    assert time.monotonic() - started < 5
    with pytest.raises(FetchError, match="response larger than 1 MB"):
        fetcher.fetch(server.url("/declared-huge"))
    with pytest.raises(FetchError, match="response larger than 1 MB"):
        fetcher.fetch(server.url("/bomb"))


def test_refuses_non_article_content_types(server):
    fetcher = Fetcher(allow_private=True)
    with pytest.raises(FetchError, match="content type image/png is not an article"):
        fetcher.fetch(server.url("/image"))
    with pytest.raises(FetchError, match="content type application/pdf is not an article"):
        fetcher.fetch(server.url("/pdf"))
    with pytest.raises(FetchError, match="binary data"):
        fetcher.fetch(server.url("/binary-html"))


def test_decodes_charsets_and_content_encoding(server):
    fetcher = Fetcher(allow_private=True)
    assert fetcher.fetch(server.url("/latin1")).text == "<p>caf\u00e9 cr\u00e8me</p>"
    meta = fetcher.fetch(server.url("/meta-charset"))
    assert "\u201cquoted\u201d" in meta.text and meta.charset == "cp1252"
    assert "caf\ufffd" in fetcher.fetch(server.url("/bad-utf8")).text
    assert fetcher.fetch(server.url("/gzip")).text == ARTICLE
    plain = fetcher.fetch(server.url("/plain"))
    assert plain.is_plain_text and plain.as_input().text == "Plain text article.\nSecond line."


def test_http_errors_and_bad_urls(server):
    fetcher = Fetcher(allow_private=True)
    with pytest.raises(FetchError, match="HTTP 404"):
        fetcher.fetch(server.url("/nowhere"))
    for url, message in [("file:///etc/passwd", "only http and https"), ("ftp://127.0.0.1/x", "not ftp"),
                         ("no-scheme", "only http and https"), ("http://", "no host|not a valid URL")]:
        with pytest.raises(FetchError, match=message):
            fetcher.fetch(url)


def test_custom_transport_still_checks_addresses():
    seen: list[str] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(str(request.url))
        if request.url.path == "/start":
            return httpx.Response(302, headers={"Location": "http://10.9.9.9/secret"})
        return httpx.Response(200, text=ARTICLE, headers={"Content-Type": "text/html"})

    fetcher = Fetcher(transport=httpx.MockTransport(handler))
    assert fetcher.fetch("http://93.184.216.34/page").text == ARTICLE
    with pytest.raises(FetchError, match="10.9.9.9 is a private address"):
        fetcher.fetch("http://93.184.216.34/start")
    assert seen == ["http://93.184.216.34/page", "http://93.184.216.34/start"]


def test_fetcher_is_picklable_and_reusable(server):
    fetcher = Fetcher(allow_private=True)
    fetcher.fetch(server.url("/article"))
    copy = pickle.loads(pickle.dumps(fetcher))
    assert copy.allow_private and copy.fetch(server.url("/article")).text == ARTICLE
    fetcher.close()
    assert fetcher.fetch(server.url("/article")).status == 200


def test_analyzer_fetches_url_inputs(server):
    import newsxray
    nx = newsxray.load("segments", allow_private=True)
    doc = nx.document(ArticleInput(url=server.url("/r3")))
    assert doc.url == server.url("/article") and "flood wall" in doc.text
    with pytest.raises(FetchError, match="refused"):
        newsxray.load("segments").document(ArticleInput(url=server.url("/article")))


@pytest.fixture(scope="module")
def tls_files(tmp_path_factory):
    import shutil
    import subprocess
    if not shutil.which("openssl"):
        pytest.skip("openssl is needed to make a test certificate")
    folder = tmp_path_factory.mktemp("tls")
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", str(folder / "key.pem"),
                    "-out", str(folder / "cert.pem"), "-days", "2", "-subj", "/CN=news.test",
                    "-addext", "subjectAltName=DNS:news.test"], check=True, capture_output=True)
    return folder / "cert.pem", folder / "key.pem"


def test_https_to_a_pinned_address_keeps_sni_and_certificate_checks(tls_files, monkeypatch, public_loopback,
                                                                    connections):
    import http.server
    import ssl
    import threading
    cert, key = tls_files
    names_seen: list[str] = []
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert, key)
    context.sni_callback = lambda sock, name, ctx: names_seen.append(name)

    class Handler(http.server.BaseHTTPRequestHandler):
        def log_message(self, *args):
            pass

        def do_GET(self):
            send(self, f"<p>{self.headers['Host']}</p>")

    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.socket = context.wrap_socket(httpd.socket, server_side=True)
    threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True).start()
    monkeypatch.setattr(httpx, "create_ssl_context", lambda **kw: ssl.create_default_context(cafile=str(cert)))
    port = httpd.server_address[1]
    try:
        assert Fetcher().fetch(f"https://news.test:{port}/x").text == f"<p>news.test:{port}</p>"
        with pytest.raises(FetchError, match="certificate verify failed"):  # the name is checked, not the IP
            Fetcher().fetch(f"https://127.0.0.1:{port}/x")
    finally:
        httpd.shutdown()
        httpd.server_close()
    assert names_seen[0] == "news.test" and set(connections) == {"127.0.0.1"}
