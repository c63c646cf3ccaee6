"""Hostile and broken inputs: each one is accounted for and the rest of the batch goes on.

The batch mixes good articles with an empty file, whitespace, PNG bytes named .txt,
invalid UTF-8, a 50 MB file, 10,000-level nested HTML, German text, a truncated WARC, a
missing path and a URL that times out. Every input ends as a record (with its reason in
``errors`` under layer ``input`` when it could not be read) or an ``InputFailure``.
"""
from __future__ import annotations

import io
import time

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

import newsxray
from newsxray.ingest import ArticleInput, InputFailure
from newsxray.ingest.limits import LIMITS
from newsxray.ingest.readers import iter_inputs
from tests.ingest.local_server import local_server, send

ENGLISH = ("Harbour city votes to rebuild flood wall\n"
           "The city council of Port Ellis voted on Monday to rebuild the harbour flood wall after "
           "last winter's storm. Mayor Ana Ruiz said the work would start in April.\n")
GERMAN = ("Der Stadtrat hat am Montag beschlossen, die alte Hafenmauer vollständig neu zu bauen. "
          "Nach dem schweren Sturm im vergangenen Winter waren große Teile der Altstadt überflutet. "
          "Die Bürgermeisterin sagte, die Arbeiten sollten im Frühjahr beginnen und zwei Jahre dauern.\n")
WARC_PAGE = ("<html><body><article><h1>Story {n}</h1><p>The council of Port Ellis met on Monday and "
             "voted to rebuild the flood wall, officials said. Work is due to start in April.</p>"
             "</article></body></html>")
LIMITS_HERE = LIMITS.with_(fetch_timeout=0.5)


def _warc(pages: int) -> bytes:
    out = io.BytesIO()
    writer = WARCWriter(out, gzip=True)
    for n in range(1, pages + 1):
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(
            f"https://news.example/{n}", "response", payload=io.BytesIO(WARC_PAGE.format(n=n).encode()),
            http_headers=headers))
    return out.getvalue()


def _slow(handler):
    time.sleep(2)
    send(handler, "<p>too late</p>")


@pytest.fixture(scope="module")
def server():
    with local_server({"/slow": _slow}) as srv:
        yield srv


@pytest.fixture
def batch(tmp_path, server):
    """(paths, expected outcome per input id): "ok", "fail" or "either"."""
    files = {
        "01-good.txt": ENGLISH,
        "02-empty.txt": b"",
        "03-blank.txt": "  \n\t\r\n   \n",
        "04-png.txt": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00" + bytes(range(256)) * 4,
        "05-latin1.txt": "Caf\u00e9 cr\u00e8me \u00e0 la carte, na\u00efve fa\u00e7ade.".encode("latin-1"),
        "07-nested.html": "<html><body>" + "<div>" * 10_000 + "<p>Deep inside the nesting there is a "
                          "sentence about the council vote.</p>" + "</div>" * 10_000 + "</body></html>",
        "08-german.txt": GERMAN,
        "09-cut.warc.gz": _warc(3)[:-40],
        "10-good.txt": ENGLISH.replace("Monday", "Tuesday"),
    }
    for name, data in files.items():
        (tmp_path / name).write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    with open(tmp_path / "06-huge.txt", "wb") as handle:
        handle.truncate(50_000_000)
    paths = [str(tmp_path), str(tmp_path / "missing.txt"), server.url("/slow")]
    expected = {"01-good": "ok", "02-empty": "fail", "03-blank": "fail", "04-png": "fail", "05-latin1": "fail",
                "06-huge": "fail", "07-nested": "either", "08-german": "ok", "09-cut-1": "ok", "09-cut-2": "ok",
                "09-cut-3": "fail", "10-good": "ok", "missing": "fail", server.url("/slow"): "fail"}
    return paths, expected


def test_every_bad_input_is_accounted_for_by_the_readers(batch):
    paths, expected = batch
    started = time.monotonic()
    items = list(iter_inputs(paths, limits=LIMITS_HERE, allow_private=True))
    assert time.monotonic() - started < 10
    got = {(item.id or item.source): item for item in items}
    assert set(got) == set(expected)
    reasons = {key: item.reason for key, item in got.items() if isinstance(item, InputFailure)}
    assert reasons["02-empty"] == "empty file"
    assert "empty" in reasons["03-blank"] and "binary" in reasons["04-png"]
    assert "not valid utf-8" in reasons["05-latin1"] and "50.0 MB, over the 20 MB limit" in reasons["06-huge"]
    assert "truncated" in reasons["09-cut-3"] and "no such file" in reasons["missing"]
    assert "timed out after 0.5 s" in reasons[paths[-1]]
    for key, outcome in expected.items():
        if outcome == "ok":
            assert isinstance(got[key], ArticleInput), key
        elif outcome == "fail":
            assert isinstance(got[key], InputFailure), key


@pytest.mark.slow
def test_bad_inputs_through_the_pipeline(batch):
    paths, expected = batch
    nx = newsxray.load(limits=LIMITS_HERE, allow_private=True)
    started = time.monotonic()
    records = {doc.id: doc for doc in nx.pipe(iter_inputs(paths, limits=LIMITS_HERE, allow_private=True))}
    assert time.monotonic() - started < 30
    assert set(records) == set(expected)
    succeeded = [key for key, doc in records.items() if not doc.errors]
    failed = [key for key, doc in records.items() if any(e.layer == "input" for e in doc.errors)]
    assert sorted(succeeded + failed) == sorted(records), "every record either succeeded or failed on input"
    for key, outcome in expected.items():
        if outcome != "either":
            assert (key in succeeded) == (outcome == "ok"), (key, records[key].errors)
    assert len(succeeded) in (6, 7) and len(failed) == len(expected) - len(succeeded)
    good = records["01-good"]
    assert good.text == ENGLISH and good.language == "en" and good.layer("sentences")
    german = records["08-german"]
    assert german.text == GERMAN and german.language == "de"
    assert german.layer("entities") == [] and german.layer("sentences") == []
    nested = records["07-nested"]
    assert nested.errors or "council vote" in nested.text
    assert records["missing"].text == "" and "no such file" in records["missing"].errors[0].message
