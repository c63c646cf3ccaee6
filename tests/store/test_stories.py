"""Story clusters: same story by two outlets together, different stories on one topic apart,
time window respected, near-duplicates and revisions follow their original, v1 databases migrate."""
from __future__ import annotations

import sqlite3

import pytest

from newsxray.document import Document, Outlet
from newsxray.store import open_store, schema
from newsxray.store.stories import pending, rebuild, stories, story_of, story_text

from .story_pairs import DIFFERENT_STORY, SAME_STORY, article


def put(store, side, ident, published="2024-03-05", domain=None, **meta):
    title, lede = side
    outlet = Outlet(domain, domain.split(".")[0].title()) if domain else None
    return store.put(Document(text=article(side), id=ident, title=title, published=published, outlet=outlet,
                              **meta))


@pytest.fixture
def store(tmp_path):
    with open_store(tmp_path / "corpus.db", claims=False) as s:
        yield s


def test_story_text_is_headline_and_lede_start():
    record = {"text": "Big news\nThe first sentence says it all. " + "More words here. " * 30, "title": "Big news",
              "segments": [{"start": 0, "end": 8, "type": "title"}, {"start": 9, "end": 50, "type": "body"}]}
    text = story_text(record)
    assert text.startswith("Big news. The first sentence says it all.") and len(text) <= 160
    assert story_text({"text": "No title here, only a body."}) == "No title here, only a body"


def test_same_story_by_two_outlets_is_one_story(store):
    put(store, SAME_STORY[0][0], "a", domain="one.example")
    put(store, SAME_STORY[0][1], "b", published="2024-03-06", domain="two.example")
    story = story_of(store, "a")
    assert story == story_of(store, "b")
    assert story["size"] == 2 and story["outlets"] == ["one.example", "two.example"]
    assert [a["id"] for a in story["articles"]] == ["a", "b"]
    assert story["label"] == SAME_STORY[0][0][0] and (story["first"], story["last"]) == ("2024-03-05", "2024-03-06")
    assert set(story["articles"][0]) == {"id", "title", "outlet", "published", "url"}


def test_different_stories_on_the_same_topic_stay_apart(store):
    for n, (a, b) in enumerate(DIFFERENT_STORY[:4]):  # two strikes, two central banks, quake vs volcano
        put(store, a, f"x{n}")
        put(store, b, f"y{n}")
    for n in range(4):
        assert story_of(store, f"x{n}")["story"] != story_of(store, f"y{n}")["story"]
    assert stories(store) == []  # nothing of size 2


@pytest.mark.slow
def test_every_written_pair_clusters_as_written(store):
    ids = {}
    for kind, pairs in (("s", SAME_STORY), ("d", DIFFERENT_STORY)):
        for n, pair in enumerate(pairs):
            for side, half in zip("ab", pair):
                if half not in ids:  # some different-story pairs reuse a same-story article
                    ids[half] = put(store, half, f"{kind}{n}{side}").id

    def together(pair):
        return story_of(store, ids[pair[0]])["story"] == story_of(store, ids[pair[1]])["story"]

    assert sum(map(together, SAME_STORY)) >= 9
    assert not any(map(together, DIFFERENT_STORY))


def test_the_time_window_is_respected(tmp_path):
    with open_store(tmp_path / "w.db", claims=False) as store:
        put(store, SAME_STORY[1][0], "early", published="2024-01-01")
        put(store, SAME_STORY[1][1], "late", published="2024-01-20")
        assert story_of(store, "early")["story"] != story_of(store, "late")["story"]
    with open_store(tmp_path / "w2.db", claims=False, story_window=30) as store:
        put(store, SAME_STORY[1][0], "early", published="2024-01-01")
        put(store, SAME_STORY[1][1], "late", published="2024-01-20")
        assert story_of(store, "early")["story"] == story_of(store, "late")["story"]


def test_undated_articles_use_the_time_they_are_stored(store):
    put(store, SAME_STORY[2][0], "u1", published=None)
    put(store, SAME_STORY[2][1], "u2", published=None)
    assert story_of(store, "u1")["size"] == 2


def test_near_duplicates_and_revisions_join_their_original(store):
    put(store, SAME_STORY[3][0], "orig", url="https://a.example/x")
    title, lede = SAME_STORY[3][0]
    copy = store.put(Document(text=f"{title}\n{lede}\nCopyright Wire Service.\n", id="copy",
                              published="2024-04-20"))  # another date: a copy still joins
    assert copy.duplicate_of == "orig"
    revision = store.put(Document(text=f"{title}\n{lede} Updated with a new line.\n", id="orig",
                                  url="https://a.example/x", published="2024-03-05"))
    assert revision.status == "revision"
    story = story_of(store, "orig")
    assert story == story_of(store, "copy") and story["size"] == 2  # the revision replaced, not added
    assert [a["id"] for a in story["articles"]] == ["orig", "copy"]


def test_stories_lists_largest_first_and_respects_limits(store):
    put(store, SAME_STORY[4][0], "f1")
    put(store, SAME_STORY[4][1], "f2")
    put(store, SAME_STORY[5][0], "m1")
    listed = stories(store)
    assert [s["size"] for s in listed] == [2] and listed[0]["articles"][0]["id"] == "f1"
    assert len(stories(store, min_size=1)) == 2 and stories(store, limit=0) == []
    assert story_of(store, "missing") is None


def test_stories_work_across_processes_and_runs(tmp_path):
    path = tmp_path / "c.db"
    with open_store(path, claims=False) as store:
        put(store, SAME_STORY[6][0], "p1")
    with open_store(path, claims=False) as store:
        put(store, SAME_STORY[6][1], "p2")
        blob = store.conn.execute("SELECT length(vector) FROM story_members LIMIT 1").fetchone()[0]
    with open_store(path, readonly=True) as store:
        assert story_of(store, "p2")["size"] == 2 and blob == 384 * 2  # float16


def _v1_database(path):
    """A database as newsxray made it before migration 2, with one article in it."""
    saved = schema.MIGRATIONS[:]
    schema.MIGRATIONS[:] = saved[:1]
    old_version = schema.VERSION
    try:
        schema.VERSION = 1
        from newsxray.store import sqlite as backend
        backend.VERSION = 1
        with open_store(path, stories=False, claims=False) as store:
            put(store, SAME_STORY[7][0], "old")
            assert store.conn.execute("SELECT max(version) FROM schema_version").fetchone()[0] == 1
    finally:
        schema.MIGRATIONS[:] = saved
        schema.VERSION = old_version
        backend.VERSION = old_version


def test_a_v1_database_migrates_and_back_fills(tmp_path):
    path = tmp_path / "v1.db"
    _v1_database(path)
    conn = sqlite3.connect(path)
    assert not conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'stories'").fetchone()
    conn.close()
    with open_store(path) as store:
        assert store.conn.execute("SELECT max(version) FROM schema_version").fetchone()[0] == schema.VERSION
        assert pending(store) == 1 and story_of(store, "old") is None
        put(store, SAME_STORY[7][1], "new")
        assert rebuild(store, everything=False) == 1 and pending(store) == 0
        assert story_of(store, "old")["story"] == story_of(store, "new")["story"]
        assert rebuild(store) == 2 and story_of(store, "old")["size"] == 2
