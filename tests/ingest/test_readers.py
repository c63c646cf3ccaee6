"""iter_inputs over every input kind: stdin, URLs, files by extension, directories."""
from __future__ import annotations

import io
import json
import os
import sys

import pytest

from newsxray.ingest import ArticleInput, InputFailure
from newsxray.ingest.limits import LIMITS
from newsxray.ingest.readers import count_inputs, file_kind, iter_inputs
from tests.ingest.local_server import local_server, send

ARTICLE_TEXT = ("Harbour city votes to rebuild flood wall\r\n"
                "The council voted on Monday,\nafter the storm.\r\r\n\n  Indented line\twith a tab.  \n")
HTML = "<html><head><meta charset='windows-1252'></head><body><p>\u201cWe act,\u201d said Ms. Okafor.</p></body></html>"


def write(path, data: bytes | str):
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return path


def outcomes(items):
    return [(type(i).__name__, i.id) for i in items]


@pytest.mark.parametrize("name, expected", [
    ("a.txt", ("text", "a", ".txt")), ("a.warc.gz", ("warc", "a", ".warc.gz")), ("B.WARC", ("warc", "B", ".warc")),
    ("x.y.html", ("html", "x.y", ".html")), ("feed.rss", ("feed", "feed", ".rss")),
    ("d.ndjson", ("jsonl", "d", ".ndjson")), ("doc.pdf", (None, "doc", ".pdf")), ("README", (None, "README", "")),
    (".txt", (None, ".txt", "")),
])
def test_file_kind(name, expected):
    assert file_kind(name) == expected


def test_text_file_is_kept_exactly(tmp_path):
    path = write(tmp_path / "story.txt", ARTICLE_TEXT)
    [item] = iter_inputs([str(path)])
    assert isinstance(item, ArticleInput)
    assert item.text == ARTICLE_TEXT and item.id == "story" and item.source == str(path)
    start = item.text.index("Monday")
    assert path.read_bytes().decode("utf-8")[start:start + 6] == "Monday", "offsets line up with the file"


def test_other_encodings_need_the_encoding_option(tmp_path):
    path = write(tmp_path / "latin.txt", "Caf\u00e9 cr\u00e8me, na\u00efve.".encode("latin-1"))
    [failure] = iter_inputs([str(path)])
    assert isinstance(failure, InputFailure) and "not valid utf-8" in failure.reason and "--encoding" in failure.reason
    [item] = iter_inputs([str(path)], encoding="latin-1")
    assert item.text == "Caf\u00e9 cr\u00e8me, na\u00efve."


def test_html_file_uses_its_declared_charset(tmp_path):
    path = write(tmp_path / "page.htm", HTML.encode("cp1252"))
    [item] = iter_inputs([str(path)])
    assert item.html == HTML and item.text is None and item.id == "page"


def test_jsonl_lines_fail_alone_with_their_line_numbers(tmp_path):
    lines = [
        json.dumps({"text": "First story.", "title": "One", "published": "2023-08-05", "url": "https://x.example/1"}),
        "{not json",
        "",
        json.dumps({"html": "<p>Second.</p>", "id": "custom"}),
        json.dumps(["a", "list"]),
        json.dumps({"title": "no text"}),
        json.dumps({"text": 42}),
        "[" * 100_000,
        json.dumps({"text": "Last story.", "id": 7}),
    ]
    path = write(tmp_path / "batch.jsonl", "\n".join(lines) + "\n")
    items = list(iter_inputs([str(path)]))
    assert outcomes(items) == [
        ("ArticleInput", "batch-1"), ("InputFailure", "batch-2"), ("ArticleInput", "custom"),
        ("InputFailure", "batch-5"), ("InputFailure", "batch-6"), ("InputFailure", "batch-7"),
        ("InputFailure", "batch-8"), ("ArticleInput", "7")]
    first = items[0]
    assert (first.text, first.title, first.published, first.url) == ("First story.", "One", "2023-08-05",
                                                                     "https://x.example/1")
    assert first.source == f"{path}:1"
    assert items[1].reason.startswith("line 2: not valid JSON") and items[1].source == f"{path}:2"
    assert "not an object" in items[3].reason and "neither 'text' nor 'html'" in items[4].reason
    assert "must be a string" in items[5].reason
    assert "nested too deeply" in items[6].reason or "not valid JSON" in items[6].reason


def test_jsonl_overlong_line_is_skipped_without_loading_it(tmp_path):
    lines = [json.dumps({"text": "x" * 5000}), json.dumps({"text": "short one"}), "\xff"]
    path = write(tmp_path / "big.ndjson", "\n".join(lines))
    items = list(iter_inputs([str(path)], limits=LIMITS.with_(max_bytes=1000)))
    assert outcomes(items) == [("InputFailure", "big-1"), ("ArticleInput", "big-2"), ("InputFailure", "big-3")]
    assert "longer than" in items[0].reason
    path.write_bytes(b"\n\n  \n")
    [blank] = iter_inputs([str(path)])
    assert isinstance(blank, InputFailure) and "no JSON lines" in blank.reason


def test_directory_reads_its_files_sorted_and_accounts_for_each(tmp_path, caplog):
    write(tmp_path / "b.txt", "Second article text.")
    write(tmp_path / "a.html", "<p>First article.</p>")
    write(tmp_path / "c.jsonl", '{"text": "one"}\n{"text": "two"}\n')
    write(tmp_path / "d.pdf", b"%PDF-1.7")
    write(tmp_path / ".hidden.txt", "hidden")
    (tmp_path / "sub").mkdir()
    write(tmp_path / "sub" / "z.txt", "nested")
    items = list(iter_inputs([str(tmp_path)]))
    assert outcomes(items) == [("ArticleInput", "a"), ("ArticleInput", "b"), ("ArticleInput", "c-1"),
                               ("ArticleInput", "c-2")]
    assert "skipped" in caplog.text and "d.pdf" in caplog.text  # in a folder: skipped, said aloud
    assert count_inputs([str(tmp_path)]) == 4
    [named] = iter_inputs([str(tmp_path / "d.pdf")])  # named explicitly: a failure
    assert named.reason.startswith("unsupported file type .pdf; newsxray reads .txt")
    (tmp_path / "empty").mkdir()
    [nothing] = iter_inputs([str(tmp_path / "empty")])
    assert isinstance(nothing, InputFailure) and "no files" in nothing.reason


def test_unreadable_inputs_fail_alone(tmp_path):
    write(tmp_path / "ok.txt", "A readable article.")
    write(tmp_path / "empty.txt", b"")
    write(tmp_path / "blank.txt", " \n\t\r\n")
    write(tmp_path / "png.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    paths = [str(tmp_path / n) for n in ("empty.txt", "missing.txt", "blank.txt", "png.txt", "ok.txt")]
    items = list(iter_inputs(paths))
    assert outcomes(items) == [("InputFailure", "empty"), ("InputFailure", "missing"), ("InputFailure", "blank"),
                               ("InputFailure", "png"), ("ArticleInput", "ok")]
    reasons = [i.reason for i in items[:4]]
    assert reasons[0] == "empty file" and "no such file" in reasons[1]
    assert "empty" in reasons[2] and "binary" in reasons[3]


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root can read any file")
def test_permission_denied_is_a_failure(tmp_path):
    path = write(tmp_path / "secret.txt", "text")
    path.chmod(0)
    try:
        [item] = iter_inputs([str(path)])
    finally:
        path.chmod(0o600)
    assert isinstance(item, InputFailure) and "permission denied" in item.reason


def test_permission_error_is_reported_even_as_root(tmp_path, monkeypatch):
    path = write(tmp_path / "locked.txt", "text")
    real_open = open

    def refusing_open(file, *args, **kwargs):
        if os.fspath(file) == str(path):
            raise PermissionError(13, "Permission denied", str(path))
        return real_open(file, *args, **kwargs)

    monkeypatch.setattr("builtins.open", refusing_open)
    items = list(iter_inputs([str(path), str(path.with_name("other.txt"))]))
    assert outcomes(items) == [("InputFailure", "locked"), ("InputFailure", "other")]
    assert items[0].reason == "permission denied; check that you may read it"


def test_directory_entry_that_cannot_be_opened_is_a_failure(tmp_path):
    os.symlink(tmp_path / "nowhere.txt", tmp_path / "dangling.txt")
    write(tmp_path / "fine.txt", "Fine article.")
    items = list(iter_inputs([str(tmp_path)]))
    assert outcomes(items) == [("InputFailure", "dangling"), ("ArticleInput", "fine")]


def test_oversize_file_is_refused_before_reading(tmp_path, monkeypatch):
    path = tmp_path / "huge.txt"
    with open(path, "wb") as handle:
        handle.truncate(50_000_000)  # sparse: nothing is written
    reads: list[int] = []
    real_open = open

    class Watched(io.BufferedReader):
        def read(self, size=-1):
            reads.append(size)
            return super().read(size)

    def watching_open(file, mode="r", *args, **kwargs):
        if os.fspath(file) == str(path):
            return Watched(real_open(file, "rb", buffering=0))
        return real_open(file, mode, *args, **kwargs)

    monkeypatch.setattr("builtins.open", watching_open)
    [item] = iter_inputs([str(path)])
    assert isinstance(item, InputFailure) and "50.0 MB, over the 20 MB limit" in item.reason
    assert reads == [], "the size was checked before any byte was read"


def _stdin(monkeypatch, data: bytes):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data), encoding="utf-8"))


def test_stdin_plain_text_is_kept_exactly(monkeypatch):
    _stdin(monkeypatch, ARTICLE_TEXT.encode())
    [item] = iter_inputs(["-"])
    assert item.text == ARTICLE_TEXT and item.source == "stdin"


def test_stdin_jsonl(monkeypatch):
    _stdin(monkeypatch, b'{"text": "one", "id": "a"}\n\n{"text": "two"}\n{"text": broken\n')
    items = list(iter_inputs(["-"]))
    assert outcomes(items) == [("ArticleInput", "a"), ("ArticleInput", "stdin-3"), ("InputFailure", "stdin-4")]
    assert items[2].source == "stdin:4"


def test_stdin_text_that_only_starts_like_json_is_text(monkeypatch):
    text = '{"a": 1}\nBut then prose follows, so this is an article.\n'
    _stdin(monkeypatch, text.encode())
    [item] = iter_inputs(["-"])
    assert item.text == text


def test_stdin_limits(monkeypatch):
    limits = LIMITS.with_(max_bytes=100)
    _stdin(monkeypatch, b"word " * 100)
    [item] = iter_inputs(["-"], limits=limits)
    assert isinstance(item, InputFailure) and "over the" in item.reason
    _stdin(monkeypatch, b'{"text": "a story"}\n' * 20)
    items = list(iter_inputs(["-"], limits=limits))
    assert len(items) == 20 and all(isinstance(i, ArticleInput) for i in items), "JSONL streams past the cap"
    _stdin(monkeypatch, b"")
    [empty] = iter_inputs(["-"])
    assert isinstance(empty, InputFailure) and "empty" in empty.reason


PAGE = "<html><body><article><p>The fetched article.</p></article></body></html>"


@pytest.mark.network
def test_urls_are_fetched_and_failures_recorded():
    routes = {"/a": lambda h: send(h, PAGE), "/r": lambda h: send(h, b"", status=302, headers={"Location": "/a"}),
              "/t": lambda h: send(h, "Just text.", content_type="text/plain")}
    with local_server(routes) as server:
        items = list(iter_inputs([server.url("/r"), server.url("/t"), server.url("/404")], allow_private=True))
        assert items[0].html == PAGE and items[0].url == server.url("/a") and items[0].source == server.url("/r")
        assert items[1].text == "Just text."
        assert isinstance(items[2], InputFailure) and "HTTP 404" in items[2].reason
        server.hits.clear()
        [refused] = iter_inputs([server.url("/a")])
        assert isinstance(refused, InputFailure) and "refused: 127.0.0.1 is a loopback address" in refused.reason
        assert server.hits == []
    assert count_inputs([server.url("/a")]) is None and count_inputs(["-"]) is None


def test_given_fetcher_is_used():
    class Recorder:
        def __init__(self):
            self.urls = []

        def fetch(self, url):
            from newsxray.ingest.fetch import Fetched
            self.urls.append(url)
            return Fetched(url=url + "#final", status=200, content_type="text/html", text=PAGE)

    recorder = Recorder()
    [item] = iter_inputs(["https://news.example/story"], fetcher=recorder)
    assert recorder.urls == ["https://news.example/story"] and item.url == "https://news.example/story#final"


def test_count_inputs(tmp_path):
    write(tmp_path / "a.txt", "x")
    write(tmp_path / "b.jsonl", '{"text": "1"}\n{"text": "2"}\n{"text": "3"}')
    write(tmp_path / "c.warc", b"")
    assert count_inputs([str(tmp_path / "a.txt"), str(tmp_path / "b.jsonl")]) == 4
    assert count_inputs([str(tmp_path / "missing.txt")]) == 1
    assert count_inputs([str(tmp_path)]) is None, "a WARC's size is unknown"


def test_directory_reading_is_lazy(tmp_path, monkeypatch):
    for n in range(50):
        write(tmp_path / f"{n:03d}.txt", f"Article number {n}.")
    opened: list[str] = []
    real_open = open

    def watching_open(file, *args, **kwargs):
        opened.append(os.fspath(file))
        return real_open(file, *args, **kwargs)

    monkeypatch.setattr("builtins.open", watching_open)
    items = iter_inputs([str(tmp_path)])
    first = next(items)
    assert first.id == "000" and len([p for p in opened if p.endswith(".txt")]) == 1
