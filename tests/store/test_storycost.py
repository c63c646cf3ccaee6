"""What keeps story clustering and claim matching cheap during ingest, and that it changes nothing:
vectors computed only when an article is compared, the story window kept in memory (and dropped
when another process writes or a transaction rolls back), repeated texts embedded once, claims
whose numbers differ never embedded; decisions equal to the plain rule that embeds everything."""
from __future__ import annotations

import numpy as np
import pytest

from newsxray.document import Document
from newsxray.embed import embed
from newsxray.store import claimtext, open_store
from newsxray.store import stories as clusters
from newsxray.store import vectors
from newsxray.store.stories import story_of, story_text

from .story_pairs import DIFFERENT_STORY, SAME_STORY, article
from .test_claimmatch import DAM, DAM_AGAIN, JOBS, JOBS_OTHER, record


@pytest.fixture
def embedded(monkeypatch):
    """The texts the store sends to the model (the text cache is emptied first)."""
    seen: list[str] = []

    def counting(texts, **kwargs):
        seen.extend(texts)
        return embed(texts, **kwargs)

    monkeypatch.setattr(vectors, "_CACHE", vectors.OrderedDict())
    monkeypatch.setattr(vectors, "embed", counting)
    return seen


def put(store, side, ident, published="2024-03-05"):
    title, lede = side
    return store.put(Document(text=article(side), id=ident, title=title, published=published))


def vector_lengths(store) -> dict[str, int]:
    rows = store.conn.execute("SELECT a.id, length(m.vector) FROM story_members m JOIN articles a "
                              "ON a.key = m.article").fetchall()
    return dict(rows)


def test_an_article_is_embedded_only_when_compared(tmp_path, embedded):
    with open_store(tmp_path / "c.db", claims=False) as store:
        put(store, SAME_STORY[0][0], "dock")
        put(store, SAME_STORY[1][0], "quake")          # shares no distinctive words with "dock"
        assert embedded == [] and vector_lengths(store) == {"dock": 0, "quake": 0}
        put(store, SAME_STORY[0][1], "dock2")           # the same story as "dock": both embedded now
        texts = {story_text({"text": article(side), "title": side[0]}) for side in SAME_STORY[0]}
        assert set(embedded) == texts and len(embedded) == 2
        assert vector_lengths(store) == {"dock": 768, "quake": 0, "dock2": 768}
        assert story_of(store, "dock")["story"] == story_of(store, "dock2")["story"]


def test_an_article_joins_a_story_started_earlier_in_the_same_transaction(tmp_path):
    with open_store(tmp_path / "c.db", claims=False) as store:
        with store.transaction():
            put(store, SAME_STORY[2][0], "a")
            put(store, SAME_STORY[2][1], "b")
            put(store, SAME_STORY[3][0], "c")
        assert story_of(store, "a")["size"] == 2 and story_of(store, "b") == story_of(store, "a")
        assert story_of(store, "c")["size"] == 1


def test_the_window_in_memory_follows_writes_by_another_process(tmp_path):
    path = tmp_path / "c.db"
    first_pair, second_pair = SAME_STORY[4], SAME_STORY[5]
    with open_store(path, claims=False) as one, open_store(path, claims=False) as two:
        put(one, first_pair[0], "a1")                    # one's window now holds a1
        put(two, first_pair[1], "a2")                    # two reads a1 (and its text) from SQLite
        put(two, second_pair[0], "b1")
        put(one, second_pair[1], "b2")                   # one must see b1, written by two
        assert story_of(one, "a1")["story"] == story_of(one, "a2")["story"]
        assert story_of(one, "b2")["story"] == story_of(one, "b1")["story"] != story_of(one, "a1")["story"]
        assert vector_lengths(one) == {"a1": 768, "a2": 768, "b1": 768, "b2": 768}


def test_the_window_in_memory_slides_and_jumps_with_the_dates(tmp_path):
    with open_store(tmp_path / "c.db", claims=False) as store:
        put(store, SAME_STORY[8][0], "a1", published="2024-03-01")
        put(store, SAME_STORY[5][0], "far", published="2024-06-01")  # a window far away: a1 forgotten
        put(store, SAME_STORY[9][0], "b1", published="2024-03-10")   # back, but not as far as a1
        put(store, SAME_STORY[8][1], "a2", published="2024-03-03")   # the window widens: a1 read again
        put(store, SAME_STORY[9][1], "b2", published="2024-03-08")
        assert story_of(store, "a1")["story"] == story_of(store, "a2")["story"]
        assert story_of(store, "b1")["story"] == story_of(store, "b2")["story"] != story_of(store, "a1")["story"]
        index = store.story_index
        assert all(index.lo <= m.day <= index.hi for m in index.members.values())
        assert {k for keys in index.postings.values() for k in keys} == set(index.members)


@pytest.mark.parametrize("newest, joined", [(2, False), (3, True)])
def test_a_crowded_window_compares_only_its_newest_articles(tmp_path, monkeypatch, newest, joined):
    monkeypatch.setattr(clusters, "MAX_CANDIDATES", newest)
    with open_store(tmp_path / "c.db", claims=False) as store:
        put(store, SAME_STORY[2][0], "first")
        put(store, SAME_STORY[3][0], "other1")
        put(store, SAME_STORY[4][0], "other2")
        put(store, SAME_STORY[2][1], "second")        # "first" is the third newest of the window
        together = story_of(store, "first")["story"] == story_of(store, "second")["story"]
        assert together is joined


def test_a_rolled_back_article_leaves_nothing_behind_in_memory(tmp_path):
    with open_store(tmp_path / "c.db", claims=False) as store:
        put(store, SAME_STORY[6][0], "kept")
        with pytest.raises(RuntimeError), store.transaction():
            put(store, SAME_STORY[7][0], "gone")
            raise RuntimeError("crash while storing the batch")
        put(store, SAME_STORY[7][1], "after")            # would join "gone"'s story if it were remembered
        assert store.get("gone") is None and story_of(store, "after")["size"] == 1
        sizes = store.conn.execute("SELECT s.size, (SELECT count(*) FROM story_members m WHERE m.story = s.story) "
                                   "FROM stories s").fetchall()
        assert all(size == members for size, members in sizes) and len(sizes) == 2


def test_repeated_texts_are_embedded_once(monkeypatch, embedded):
    out = vectors.embed_cached(["one text", "another text", "one text"])
    again = vectors.embed_cached(["another text"])
    assert embedded == ["one text", "another text"]
    assert np.allclose(out[0], out[2]) and np.allclose(again[0], out[1])
    assert np.allclose(out, embed(["one text", "another text", "one text"], batch_size=1), atol=1e-6)


def test_claims_whose_numbers_differ_are_not_embedded(tmp_path, embedded):
    assert not claimtext.numbers_agree({"unemployment", "3.5"}, {"unemployment", "4.1"})
    assert claimtext.numbers_agree({"unemployment", "3.5"}, {"unemployment"})
    with open_store(tmp_path / "c.db", stories=False) as store:
        store.put(record("a", JOBS))
        store.put(record("b", JOBS_OTHER))              # a lexical candidate, but 3.5 is not 4.1
        assert embedded == []
        store.put(record("c", DAM))
        store.put(record("d", DAM_AGAIN))                # a real candidate: both claims embedded
        assert sorted(embedded) == sorted([DAM, DAM_AGAIN])


def _plain_rule(docs: list[tuple[str, tuple[str, str]]], window: float) -> dict[str, int]:
    """Story numbers by the rule written out plainly: every article embedded, compared with all."""
    placed: list[tuple[int, np.ndarray, set, float]] = []   # story, vector, terms, day
    df: dict[str, int] = {}
    out, stories = {}, 0
    for n, (ident, side) in enumerate(docs):
        text = story_text({"text": article(side), "title": side[0]})
        vector, terms, day = embed([text], batch_size=1)[0], set(claimtext.terms(text)), 19787.0
        limit = max(clusters.DISTINCTIVE_MIN, clusters.DISTINCTIVE_SHARE * n)
        rare = {t for t in terms if df.get(t, 0) <= limit and t.isalpha() and len(t) > 2}
        rows = [row for row in placed if abs(row[3] - day) <= window]
        sims = [float(row[1] @ vector) for row in rows]
        story = None
        for k in sorted(range(len(rows)), key=lambda k: -sims[k]):
            if sims[k] < clusters.THRESHOLD:
                break
            if len(rare & rows[k][2]) >= clusters.SHARED_WORDS and \
                    np.mean([s for s, row in zip(sims, rows) if row[0] == rows[k][0]]) >= clusters.MEAN_THRESHOLD:
                story = rows[k][0]
                break
        if story is None:
            stories += 1
            story = stories
        stored = np.frombuffer(np.asarray(vector, "<f2").tobytes(), "<f2").astype(np.float32)
        placed.append((story, stored, terms, day))
        for t in terms:
            df[t] = df.get(t, 0) + 1
        out[ident] = story
    return out


@pytest.mark.slow
def test_lazy_placement_decides_as_the_plain_rule_does(tmp_path):
    docs, seen = [], set()
    for kind, pairs in (("s", SAME_STORY), ("d", DIFFERENT_STORY)):
        for n, pair in enumerate(pairs):
            for side, half in zip("ab", pair):
                if half not in seen:  # some different-story pairs reuse a same-story article
                    seen.add(half)
                    docs.append((f"{kind}{n}{side}", half))
    expected = _plain_rule(docs, clusters.WINDOW_DAYS)
    with open_store(tmp_path / "c.db", claims=False) as store:
        for ident, side in docs:
            put(store, side, ident, published="2024-03-05")
        got = {ident: story_of(store, ident)["story"] for ident, _ in docs}
    assert len(set(expected.values())) < len(docs)  # some stories formed
    pairs = [(a, b) for a in expected for b in expected if a < b]
    assert [expected[a] == expected[b] for a, b in pairs] == [got[a] == got[b] for a, b in pairs]
