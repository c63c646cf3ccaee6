"""Fixtures for the web tests: a small hand-built corpus, a fake analyzer, a TestClient."""
from __future__ import annotations

import re

import pytest
from fastapi.testclient import TestClient

from newsxray.store import open_store
from newsxray.web import create_app

from .corpus import corpus, record

HOSTILE_TEXT = ('Talks <script>alert("x")</script> end\n'
                'Officials met <img src=x onerror="alert(1)"> in Geneva on Monday, said Wei Tong. '
                '<a href="javascript:alert(2)">click</a> "></span><svg onload=alert(3)>')


def pytest_configure(config):
    config.addinivalue_line("markers", "browser: drives Chromium with Playwright against a live server")


class FakeAnalyzer:
    """Stands in for ``newsxray.load()``: a record whose layers are found by string search."""

    def __init__(self) -> None:
        self.calls = 0

    def analyze(self, text=None, html=None, url=None, title=None, published=None, **_):
        self.calls += 1
        body = text if text is not None else re.sub(r"<[^>]*>", " ", html or "")
        rec = record("fake" + str(abs(hash(body)) % 10**8), title or "Pasted article", body,
                     published=published or "2023-08-10", outlet=None)
        rec["url"] = url
        return rec


@pytest.fixture(scope="session")
def corpus_db(tmp_path_factory):
    path = tmp_path_factory.mktemp("web") / "corpus.db"
    with open_store(path) as store:
        with store.transaction():
            for rec in corpus():
                store.put(rec, source=rec["id"])
    return path


@pytest.fixture()
def db_copy(corpus_db, tmp_path):
    """A private copy of the corpus for tests that write."""
    import shutil
    target = tmp_path / "corpus.db"
    shutil.copy(corpus_db, target)
    return target


@pytest.fixture(scope="session")
def app(corpus_db):
    return create_app(db=corpus_db, analyzer=FakeAnalyzer())


@pytest.fixture()
def client(app):
    with TestClient(app, base_url="http://127.0.0.1") as c:
        yield c


def csrf_of(html: str) -> str:
    return re.search(r'name="csrf" value="([0-9a-f]+)"', html).group(1)
