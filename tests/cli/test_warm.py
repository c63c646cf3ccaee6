"""The ingest loop embeds story texts ahead in a helper process: put finds the vectors cached, the
decisions are the same as without it, a failing helper loses nothing, and an interrupt or close
does not wait for the helper."""
from __future__ import annotations

import time
from concurrent.futures import Future

import pytest

from newsxray.cli import ingest as ingest_mod
from newsxray.cli.warm import Warmer, texts_to_embed
from newsxray.document import Document
from newsxray.store import open_store, vectors
from newsxray.store.stories import story_text

from ..store.story_pairs import DIFFERENT_STORY, SAME_STORY, article


class StubAnalyzer:
    """Records without the model: text, id and the first line as title (the story text needs no more)."""

    def __init__(self, interrupt_at: int | None = None) -> None:
        self.interrupt_at, self.calls = interrupt_at, 0

    def pipe(self, items, *, batch_size=32):
        self.calls += 1
        if self.interrupt_at is not None and self.calls >= self.interrupt_at:
            raise KeyboardInterrupt
        for item in items:
            yield Document(text=item.text, id=item.id, title=item.text.splitlines()[0], published="2024-03-05")


class NoWarmer(Warmer):
    def submit(self, docs):
        return None


@pytest.fixture
def corpus(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    sides = list(dict.fromkeys(side for pair in SAME_STORY + DIFFERENT_STORY for side in pair))  # 30 distinct
    for n, side in enumerate(sides):
        (folder / f"a{n:02d}.txt").write_text(article(side), encoding="utf-8")
    return folder, sides


@pytest.fixture(autouse=True)
def empty_cache():
    vectors.clear_cache()
    yield
    vectors.clear_cache()


def ingest(folder, db, *, batch_size=8, analyzer=None, claims=False):
    with open_store(db, claims=claims) as store:
        tally = ingest_mod.ingest_once([str(folder)], analyzer=analyzer or StubAnalyzer(), store=store,
                                       batch_size=batch_size)
        rows = store.conn.execute("SELECT a.id, m.story FROM story_members m JOIN articles a ON a.key = m.article "
                                  "ORDER BY a.id").fetchall()
    return tally, rows


def partition(rows) -> set[frozenset]:
    groups: dict[int, set] = {}
    for ident, story in rows:
        groups.setdefault(story, set()).add(ident)
    return {frozenset(g) for g in groups.values()}


def count_embeds(monkeypatch) -> list:
    """Texts this process embeds from now on (the helper process is not counted)."""
    calls: list = []
    real = vectors.embed
    monkeypatch.setattr(vectors, "embed", lambda texts, **kw: calls.extend(texts) or real(texts, **kw))
    return calls


def test_warmer_caches_story_and_claim_texts_and_returns_records(monkeypatch):
    text = "Dockworkers walk out\nThousands of dockworkers stopped work on Tuesday, the union said."
    record = {"text": text, "title": "Dockworkers walk out", "id": "x",
              "claims": [{"start": 21, "end": 66, "check_worthy": True, "score": 0.9},
                         {"start": 0, "end": 20, "check_worthy": False}]}
    texts = texts_to_embed([record, {"text": "   ", "id": "empty"}])
    assert texts == [story_text(record), "Thousands of dockworkers stopped work on Tues"]
    calls = count_embeds(monkeypatch)
    with Warmer(claims=True) as warmer:
        job = warmer.submit([Document(text=text, id="y"), record])
        records = warmer.records(job, ["doc", "rec"], help=False)
    assert [r["id"] for r in records] == ["y", "x"] and all(isinstance(r, dict) for r in records)
    assert all(vectors.is_cached(t) for t in texts) and calls == []  # computed by the helper process
    expected = vectors.embed_each(texts)
    assert abs(vectors.embed_cached(texts) - expected).max() < 1e-5  # the same vectors as computed here
    assert not texts_to_embed([record], stories=False, claims=False)


def test_put_finds_the_warmed_vectors_cached(tmp_path, monkeypatch):
    docs = [Document(text=article(side), id=f"d{n}", title=side[0], published="2024-03-05")
            for n, side in enumerate(SAME_STORY[0])]
    with Warmer() as warmer:
        records = warmer.records(warmer.submit(docs), docs)
    calls = count_embeds(monkeypatch)
    with open_store(tmp_path / "c.db", claims=False) as store, store.transaction():
        for record in records:
            store.put(record)
        assert store.conn.execute("SELECT count(DISTINCT story), count(*) FROM story_members").fetchone() == (1, 2)
        assert store.conn.execute("SELECT count(*) FROM story_members WHERE length(vector) > 0").fetchone()[0] == 2
    assert calls == []  # both vectors were compared, and neither was embedded inside put


def test_ingest_with_warmer_decides_as_without(corpus, tmp_path, monkeypatch):
    folder, sides = corpus
    calls = count_embeds(monkeypatch)
    records = Warmer.records
    monkeypatch.setattr(Warmer, "records", lambda self, job, docs: records(self, job, docs, help=False))
    tally, warmed = ingest(folder, tmp_path / "warm.db")
    assert tally["stored"] == len(sides) and calls == []  # every vector came from the helper
    vectors.clear_cache()
    monkeypatch.setattr(ingest_mod, "Warmer", NoWarmer)
    _, cold = ingest(folder, tmp_path / "cold.db")
    assert calls  # without the helper, put embeds
    assert partition(warmed) == partition(cold)
    assert len(partition(warmed)) < len(sides)  # some stories were joined, so vectors were compared


class LateHelper:
    """A helper that has not finished its job until asked for the result (then it does it here)."""

    def submit(self, fn, *args):
        return LateFuture(fn, args)

    def shutdown(self, **kwargs):
        pass


class LateFuture(Future):
    def __init__(self, fn, args) -> None:
        super().__init__()
        self.fn, self.args = fn, args

    def result(self, timeout=None):
        if not self.done():
            self.set_result(self.fn(*self.args))
        return super().result(timeout)


def test_while_the_helper_is_busy_ingest_embeds_from_the_back(monkeypatch):
    docs = [Document(text=article(side), id=f"d{n}", title=side[0], published="2024-03-05")
            for n, pair in enumerate(SAME_STORY[:3]) for side in pair]
    monkeypatch.setattr(Warmer, "_helper", lambda self: LateHelper())
    with Warmer() as warmer:
        job = warmer.submit(docs)
        calls = count_embeds(monkeypatch)
        records = warmer.records(job, docs)
    assert len(job.texts) == 6 and len(records) == 6
    assert calls[:6] == list(reversed(job.texts))  # this process worked back from the last text ...
    assert all(vectors.is_cached(t) for t in job.texts)  # ... and the helper's result is kept as well


class BrokenHelper:
    def submit(self, fn, *args):
        future: Future = Future()
        future.set_exception(RuntimeError("model exploded"))
        return future

    def shutdown(self, **kwargs):
        pass


def test_a_failing_helper_loses_nothing(corpus, tmp_path, monkeypatch, caplog):
    folder, sides = corpus
    _, expected = ingest(folder, tmp_path / "ok.db")
    vectors.clear_cache()
    monkeypatch.setattr(Warmer, "_helper", lambda self: BrokenHelper())
    tally, rows = ingest(folder, tmp_path / "broken.db")
    assert tally["stored"] == len(sides) and partition(rows) == partition(expected)
    assert "could not embed ahead" in caplog.text


def test_an_interrupt_keeps_no_half_batch(corpus, tmp_path):
    folder, sides = corpus
    with pytest.raises(KeyboardInterrupt):
        ingest(folder, tmp_path / "int.db", analyzer=StubAnalyzer(interrupt_at=2))
    with open_store(tmp_path / "int.db") as store:  # batch 1 was analysed, not yet stored: rerun stores it
        assert store.counts()["articles"] == 0
    tally, _ = ingest(folder, tmp_path / "int.db")
    assert tally["stored"] == len(sides)


def test_close_does_not_wait_for_the_helper():
    docs = [{"text": f"Story number {n} about a strike at the port of Halden, day {n}.", "id": str(n)}
            for n in range(400)]
    warmer = Warmer()
    job = warmer.submit(docs)
    assert job is not None and len(job.texts) == 400
    begin = time.perf_counter()
    warmer.close()
    assert time.perf_counter() - begin < 1.0
