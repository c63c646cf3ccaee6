"""WARC reading: HTML responses become inputs; the rest is skipped; damage is reported."""
from __future__ import annotations

import gzip
import io

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from newsxray.ingest import ArticleInput, InputFailure
from newsxray.ingest.limits import LIMITS
from newsxray.ingest.readers import iter_inputs
from newsxray.ingest.warc import WarcReader, iter_warc

PAGE = ("<html><body><article><p>Story {n}: the council met on Monday. \u201cWe act now,\u201d she said.</p>"
        "</article></body></html>")
DATE = "2024-03-01T12:00:00Z"


def _response(writer, uri, body: bytes, *, ctype="text/html; charset=utf-8", status="200 OK", extra=()):
    headers = StatusAndHeaders(status, [("Content-Type", ctype), *extra], protocol="HTTP/1.1")
    record = writer.create_warc_record(uri, "response", payload=io.BytesIO(body), http_headers=headers,
                                       warc_headers_dict={"WARC-Date": DATE})
    writer.write_record(record)


def build_warc(*, gz: bool) -> bytes:
    """Records: 1 warcinfo, 2 request, 3 html, 4 png, 5 redirect, 6 latin-1 html,
    7 gzip+chunked html, 8 html whose bytes break its charset, 9 resource html, 10 html."""
    out = io.BytesIO()
    writer = WARCWriter(out, gzip=gz)
    writer.write_record(writer.create_warcinfo_record("crawl.warc", {"software": "test"}))
    request = StatusAndHeaders("GET /a HTTP/1.1", [("Host", "news.example")], is_http_request=True)
    writer.write_record(writer.create_warc_record("https://news.example/a", "request", http_headers=request))
    _response(writer, "https://news.example/a", PAGE.format(n=1).encode())
    _response(writer, "https://news.example/logo.png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 40, ctype="image/png")
    _response(writer, "https://news.example/old", b"", status="301 Moved Permanently",
              extra=[("Location", "https://news.example/a")])
    _response(writer, "https://news.example/b", "<p>caf\u00e9 au lait, cr\u00e8me</p>".encode("latin-1"),
              ctype="text/html; charset=ISO-8859-1")
    body = gzip.compress(PAGE.format(n=7).encode())
    chunked = f"{len(body):x}\r\n".encode() + body + b"\r\n0\r\n\r\n"
    _response(writer, "https://news.example/c", chunked,
              extra=[("Content-Encoding", "gzip"), ("Transfer-Encoding", "chunked")])
    _response(writer, "https://news.example/d", b"<p>bad \xff\xfe bytes</p>", ctype="text/html; charset=utf-8")
    resource = writer.create_warc_record("https://news.example/e", "resource", payload=io.BytesIO(b"<p>resource</p>"),
                                         warc_content_type="text/html")
    writer.write_record(resource)
    _response(writer, "https://news.example/f", PAGE.format(n=10).encode())
    return out.getvalue()


@pytest.fixture(scope="module", params=[False, True], ids=["warc", "warc.gz"])
def archive(request):
    return request.param, build_warc(gz=request.param)


def test_reads_html_responses_and_skips_the_rest(archive):
    _, data = archive
    reader = WarcReader(io.BytesIO(data), name="crawl.warc", stem="crawl")
    items = list(reader)
    assert all(isinstance(item, ArticleInput) for item in items)
    assert [item.id for item in items] == ["crawl-3", "crawl-6", "crawl-7", "crawl-8", "crawl-9", "crawl-10"]
    assert [item.url for item in items][:3] == ["https://news.example/a", "https://news.example/b",
                                                "https://news.example/c"]
    assert items[0].html == PAGE.format(n=1)
    assert items[0].published is None and items[0].extra["crawled"] == DATE
    assert (reader.stats.records, reader.stats.articles, reader.stats.skipped, reader.stats.failed) == (10, 6, 4, 0)


def test_decodes_with_the_http_charset_and_reports_fallbacks(archive):
    _, data = archive
    items = {item.url: item for item in iter_warc(io.BytesIO(data), stem="x")}
    assert items["https://news.example/b"].html == "<p>caf\u00e9 au lait, cr\u00e8me</p>"
    assert items["https://news.example/c"].html == PAGE.format(n=7), "chunked + gzip payload is undone"
    broken = items["https://news.example/d"]
    assert "\ufffd" in broken.html and "not valid utf-8" in broken.extra["decode_warning"]
    assert "decode_warning" not in items["https://news.example/a"].extra
    assert items["https://news.example/e"].html == "<p>resource</p>"


@pytest.mark.parametrize("keep", [0.5, 0.8, 0.97])
def test_truncated_archive_reports_the_record_and_stops_cleanly(archive, keep):
    gz, data = archive
    cut = data[:int(len(data) * keep)]
    reader = WarcReader(io.BytesIO(cut), name="cut.warc", stem="cut")
    items = list(reader)
    failures = [item for item in items if isinstance(item, InputFailure)]
    assert len(failures) == 1 and items[-1] is failures[0], "one failure, and it ends the file"
    reason = failures[0].reason
    assert "truncated" in reason and "the rest of the file is not read" in reason
    assert ("uncompressed byte" if gz else "at byte") in reason
    number = int(failures[0].id.rsplit("-", 1)[1])
    good = [item for item in items if isinstance(item, ArticleInput)]
    assert all(int(item.id.rsplit("-", 1)[1]) < number for item in good)
    assert reader.stats.failed == 1


def test_garbage_and_empty_archives_are_reported():
    items = list(WarcReader(io.BytesIO(b"<html><body>not an archive</body></html>\n" * 20), stem="junk"))
    assert len(items) == 1 and isinstance(items[0], InputFailure) and "corrupt WARC at record 1" in items[0].reason
    items = list(WarcReader(io.BytesIO(gzip.compress(b"garbage\n" * 50)), stem="junk"))
    assert len(items) == 1 and isinstance(items[0], InputFailure)
    only_images = io.BytesIO()
    writer = WARCWriter(only_images, gzip=False)
    _response(writer, "https://news.example/x.png", b"\x89PNG", ctype="image/png")
    items = list(WarcReader(io.BytesIO(only_images.getvalue()), stem="img"))
    assert len(items) == 1 and "no HTML pages in the archive (1 records" in items[0].reason


def test_oversize_record_is_reported_and_the_next_ones_are_read():
    out = io.BytesIO()
    writer = WARCWriter(out, gzip=True)
    _response(writer, "https://news.example/big", b"<p>" + b"a" * 5000 + b"</p>")
    _response(writer, "https://news.example/small", b"<p>small</p>")
    items = list(WarcReader(io.BytesIO(out.getvalue()), limits=LIMITS.with_(max_bytes=1000), stem="s"))
    assert isinstance(items[0], InputFailure) and "larger than" in items[0].reason and items[0].id == "s-1"
    assert isinstance(items[1], ArticleInput) and items[1].html == "<p>small</p>"


class CountingReader(io.RawIOBase):
    def __init__(self, data: bytes) -> None:
        self._data, self.position = data, 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        chunk = self._data[self.position:self.position + len(buffer)]
        buffer[:len(chunk)] = chunk
        self.position += len(chunk)
        return len(chunk)


def test_records_are_streamed_not_loaded_whole():
    out = io.BytesIO()
    writer = WARCWriter(out, gzip=True)
    for n in range(300):
        _response(writer, f"https://news.example/{n}", (PAGE.format(n=n) + "<!--" + "x" * 20000 + "-->").encode())
    data = out.getvalue()
    source = CountingReader(data)
    items = iter(WarcReader(io.BufferedReader(source), stem="big"))
    first = next(items)
    assert first.id == "big-1"
    assert source.position < len(data) / 5, "only the start of the archive was read for the first page"
    assert sum(1 for _ in items) == 299


def test_warc_files_through_iter_inputs(tmp_path):
    (tmp_path / "crawl.warc.gz").write_bytes(build_warc(gz=True))
    (tmp_path / "cut.warc").write_bytes(build_warc(gz=False)[:4000])
    (tmp_path / "empty.warc").write_bytes(b"")
    items = list(iter_inputs([str(tmp_path)]))
    ids = [item.id for item in items]
    assert ids[:6] == ["crawl-3", "crawl-6", "crawl-7", "crawl-8", "crawl-9", "crawl-10"]
    assert str(tmp_path / "crawl.warc.gz") + "#3" == items[0].source
    assert any(isinstance(i, InputFailure) and i.id.startswith("cut-") and "truncated" in i.reason for i in items)
    empty = [i for i in items if i.id == "empty"]
    assert len(empty) == 1 and empty[0].reason == "empty file"


def test_wrong_content_length_is_reported_as_corrupt(capsys):
    data = build_warc(gz=False)
    damaged = data.replace(b"Content-Length: 174\r\n", b"Content-Length: 150\r\n", 1)
    assert damaged != data
    items = list(WarcReader(io.BytesIO(damaged), stem="bad"))
    assert isinstance(items[-1], InputFailure) and "is corrupt" in items[-1].reason
    assert items[-1].id == "bad-4" and "at byte 696" not in items[-1].reason


class PipeLike:
    """A stream that can only be read (no peek, no seek), like a pipe."""

    def __init__(self, data: bytes) -> None:
        self._data = io.BytesIO(data)

    def read(self, size: int = -1) -> bytes:
        return self._data.read(size)


@pytest.mark.parametrize("gz", [False, True])
def test_reads_from_unseekable_streams(gz):
    name = "piped.warc.gz" if gz else "piped.warc"
    items = list(WarcReader(PipeLike(build_warc(gz=gz)), name=name, stem="p"))
    assert [i.id for i in items] == ["p-3", "p-6", "p-7", "p-8", "p-9", "p-10"]
