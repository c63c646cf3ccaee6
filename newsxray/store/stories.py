"""Story clusters: the same story told by different outlets, found as articles arrive.

Each stored article is described by a short text, its headline and the start of its lede
(``story_text``, about 40 word pieces), its content words and its day (published date, else the
time it was stored), kept in ``story_members``. A new article is compared with the articles
placed within ``window`` days of it (default ±3) that share at least ``SHARED_WORDS``
*distinctive* words with it (words few stored articles use); it joins the story of the most
similar one when the cosine similarity of their sentence embeddings (``newsxray.embed``)
reaches ``THRESHOLD`` and the new article is also close enough to the rest of that story (mean
similarity to its members in the window at least ``MEAN_THRESHOLD``, which stops a chain of
loosely related articles from growing into one story); otherwise it starts a story. A
near-duplicate (MinHash) joins its original's story and a revision its previous version's.

Embeddings are computed only when needed: an article that shares no distinctive words with any
article in its window cannot join a story, so it is not embedded then; its vector (float16 in
``story_members``, an empty blob until then) is computed when a later article is compared with
it. The window's rows are kept in memory (``storyindex.StoryIndex``) between puts.

The thresholds were tuned on written same-story / different-story pairs (tests) and on
Reuters-21578 (``benchmarks/stories.py``). Everything is in the database, so clustering
continues across runs and processes; ``rebuild`` recomputes it (for a database made before
migration 2, or after changing the window).
"""
from __future__ import annotations

import logging
import re
import sqlite3
from typing import Any

import numpy as np

from . import claimtext
from .schema import now
from .storyindex import Member, StoryIndex
from .vectors import day_of, from_blobs, iso_day, to_blob

log = logging.getLogger("newsxray")

WINDOW_DAYS = 3.0
THRESHOLD = 0.62
MEAN_THRESHOLD = 0.45
MAX_CANDIDATES = 5000  # newest first within the window
DISTINCTIVE_SHARE = 0.01  # a shared word used by at most 1% of the articles (or DISTINCTIVE_MIN) ...
DISTINCTIVE_MIN = 5       # ... is evidence of the same story; two articles must share
SHARED_WORDS = 2          # this many such words (not numbers)
STORY_CHARS = 160
_SPACE = re.compile(r"\s+")
_SUMMARY = "a.id, a.title, coalesce(a.outlet_domain, a.outlet_name), a.published, a.url"


# -- what is embedded ---------------------------------------------------------------------
def story_text(record: dict) -> str:
    """The headline and the start of the lede: what an article's story vector is made from."""
    text = record.get("text") or ""
    title = (record.get("title") or "").strip()
    body = _body_start(record, text)
    if title and body.startswith(title):
        body = body[len(title):]
    joined = _SPACE.sub(" ", f"{title}. {body}" if title else body).strip(" .")
    if len(joined) <= STORY_CHARS:
        return joined
    cut = joined.rfind(" ", 0, STORY_CHARS)
    return joined[:cut if cut > STORY_CHARS // 2 else STORY_CHARS]


def _body_start(record: dict, text: str) -> str:
    """The text from the first title/lede/body segment on (the whole text without segments)."""
    for segment in record.get("segments") or []:
        if isinstance(segment, dict) and segment.get("type") in ("title", "lede", "body"):
            start = segment.get("start")
            if isinstance(start, int) and 0 <= start < len(text):
                return text[start:start + STORY_CHARS * 2]
    return text[:STORY_CHARS * 2]


# -- placing an article -------------------------------------------------------------------
def assign(conn: sqlite3.Connection, record: dict, key: int, *, window: float = WINDOW_DAYS,
           joins: int | None = None, similarity: float | None = None, vector: np.ndarray | None = None,
           counts: bool = True, index: StoryIndex | None = None) -> int:
    """Put a newly stored article (row ``key``) into a story; returns the story.

    ``joins``: the row of an article whose story it must join (its near-duplicate original or
    previous revision), with ``similarity``. ``counts``: whether it adds to the story's size
    (False for a revision, which replaces its previous version). ``index``: the connection's
    ``StoryIndex`` (a fresh one, read from SQLite, without it). ``vector``: the article's story
    vector if already known; otherwise it is embedded only if the article is compared with another.
    """
    index = index if index is not None else StoryIndex()
    index.sync(conn)
    text = story_text(record)
    day = day_of(record.get("published"))
    terms = frozenset(claimtext.terms(text))
    index.cover(conn, day - window, day + window, window)
    story = _story_of_key(conn, index, joins) if joins is not None else None
    if story is None:
        story, similarity, vector = _best_story(conn, index, text, terms, day, window, vector)
    if story is None:
        story = _new_story(conn, _label(record), day)
    else:
        _grow(conn, story, day, counts)
    blob = to_blob(vector) if vector is not None else b""
    conn.execute("INSERT OR REPLACE INTO story_members VALUES (?, ?, ?, ?, ?, ?)",
                 (key, story, day, similarity, blob, " ".join(sorted(terms))))
    conn.executemany("INSERT INTO story_df VALUES (?, 1) ON CONFLICT (term) DO UPDATE SET n = n + 1",
                     [(t,) for t in terms])
    index.add(key, Member(story, day, terms, from_blobs([blob])[0] if blob else None, text))
    return story


def _story_of_key(conn: sqlite3.Connection, index: StoryIndex, key: int) -> int | None:
    if key in index.members:
        return index.members[key].story
    row = conn.execute("SELECT story FROM story_members WHERE article = ?", (key,)).fetchone()
    return row[0] if row else None


def _best_story(conn: sqlite3.Connection, index: StoryIndex, text: str, terms: frozenset, day: float,
                window: float, vector: np.ndarray | None) -> tuple[int | None, float | None, np.ndarray | None]:
    """``(story, similarity, the article's vector)``: the story of the most similar article in the
    window that shares enough distinctive words, if the article is close enough to that story.
    Only articles sharing the words are compared, so nothing is embedded when there are none."""
    lo, hi = day - window, day + window
    cutoff = index.cutoff(lo, hi, MAX_CANDIDATES)  # only the newest rows of a crowded window count
    candidates = index.in_window(index.sharing(_distinctive(conn, terms), SHARED_WORDS), lo, hi, cutoff)
    if not candidates:
        return None, None, vector
    stories = {index.members[k].story for k in candidates}
    pool = sorted(set(candidates).union(*(index.in_window(index.story_members(s), lo, hi, cutoff)
                                          for s in stories)), reverse=True)
    matrix, embedded = index.vectors(conn, pool, [] if vector is not None else [text])
    vector = vector if vector is not None else embedded[0]
    sims = matrix @ vector
    sim_of = dict(zip(pool, sims))
    of_story = np.array([index.members[k].story for k in pool])
    for key in sorted(candidates, key=lambda k: (-sim_of[k], -k)):
        if sim_of[key] < THRESHOLD:
            break
        story = index.members[key].story
        if sims[of_story == story].mean() >= MEAN_THRESHOLD:
            return story, round(float(sim_of[key]), 4), vector
    return None, None, vector


def _distinctive(conn: sqlite3.Connection, terms: frozenset) -> set[str]:
    """The terms used by few stored articles (at most ``DISTINCTIVE_SHARE`` of them, or a handful)."""
    listed = [term for term in terms if term.isalpha() and len(term) > 2]
    if not listed:
        return set()
    total = conn.execute("SELECT max(article) FROM story_members").fetchone()[0] or 0
    limit = max(DISTINCTIVE_MIN, DISTINCTIVE_SHARE * total)
    counts = dict(conn.execute(f"SELECT term, n FROM story_df WHERE term IN ({','.join('?' * len(listed))})",
                               listed).fetchall())
    return {term for term in listed if counts.get(term, 0) <= limit}


def _label(record: dict) -> str:
    title = (record.get("title") or "").strip()
    return _SPACE.sub(" ", title or story_text(record)[:100])


def _new_story(conn: sqlite3.Connection, label: str, day: float) -> int:
    date = iso_day(day)
    cursor = conn.execute("INSERT INTO stories (label, first, last, size, updated_at) VALUES (?, ?, ?, 1, ?)",
                          (label, date, date, now()))
    return cursor.lastrowid


def _grow(conn: sqlite3.Connection, story: int, day: float, counts: bool) -> None:
    date = iso_day(day)
    conn.execute("UPDATE stories SET size = size + ?, first = min(first, ?), last = max(last, ?), updated_at = ? "
                 "WHERE story = ?", (1 if counts else 0, date, date, now(), story))


# -- back-fill and rebuild ------------------------------------------------------------------
def rebuild(store: Any, *, window: float = WINDOW_DAYS, everything: bool = True, batch: int = 64) -> int:
    """Recompute the stories (``everything``) or place only the articles that have none yet;
    returns how many articles were placed. Articles are placed in the order they were stored."""
    from .records import restore

    conn = store.conn
    index = getattr(store, "story_index", None) or StoryIndex()
    with store.transaction():
        if everything:
            for table in ("story_members", "story_df", "stories"):
                conn.execute(f"DELETE FROM {table}")
    index.clear()
    done, last = 0, 0
    while True:
        rows = conn.execute(
            "SELECT a.key, a.record, a.text, a.duplicate_of, a.similarity, a.url, a.revision FROM articles a "
            "WHERE a.key > ? AND NOT EXISTS (SELECT 1 FROM story_members m WHERE m.article = a.key) "
            "ORDER BY a.key LIMIT ?", (last, batch)).fetchall()
        if not rows:
            return done
        with store.transaction():
            for row in rows:
                joins, similarity, counts = _link_of(conn, row)
                assign(conn, restore(row[1], row[2]), row[0], window=window, joins=joins, similarity=similarity,
                       counts=counts, index=index)
        done += len(rows)
        last = rows[-1][0]


def _link_of(conn: sqlite3.Connection, row: tuple) -> tuple[int | None, float | None, bool]:
    """For a stored row: the article whose story it must join, the similarity, whether it counts."""
    key, _, _, duplicate_of, similarity, url, revision = row
    if revision > 1 and url:
        previous = conn.execute("SELECT key FROM articles WHERE url = ? AND revision < ? ORDER BY revision DESC "
                                "LIMIT 1", (url, revision)).fetchone()
        if previous:
            return previous[0], None, False
    return duplicate_of, similarity, True


# -- reading -------------------------------------------------------------------------------
def summary(row: tuple) -> dict:
    return dict(zip(("id", "title", "outlet", "published", "url"), row))


def _story_dict(conn: sqlite3.Connection, row: tuple) -> dict:
    story, label, first, last, size = row
    members = conn.execute(
        f"SELECT {_SUMMARY} FROM story_members m JOIN articles a ON a.key = m.article "
        "WHERE m.story = ? AND a.latest = 1 ORDER BY m.day, a.key", (story,)).fetchall()
    articles = [summary(member) for member in members]
    outlets = list(dict.fromkeys(a["outlet"] for a in articles if a["outlet"]))
    return {"story": story, "size": size, "label": label, "first": first, "last": last,
            "outlets": outlets, "articles": articles}


def stories(store: Any, *, limit: int = 50, min_size: int = 2) -> list[dict]:
    """Stories of at least ``min_size`` articles, largest first, then newest."""
    with store._guard():
        rows = store.conn.execute("SELECT story, label, first, last, size FROM stories WHERE size >= ? "
                                  "ORDER BY size DESC, last DESC, story DESC LIMIT ?",
                                  (min_size, max(0, limit))).fetchall()
        return [_story_dict(store.conn, row) for row in rows]


def story_of(store: Any, article_id: str) -> dict | None:
    """The story the latest stored version of article ``article_id`` belongs to, or None."""
    with store._guard():
        row = store.conn.execute(
            "SELECT s.story, s.label, s.first, s.last, s.size FROM articles a "
            "JOIN story_members m ON m.article = a.key JOIN stories s ON s.story = m.story "
            "WHERE a.id = ? ORDER BY a.latest DESC, a.key DESC LIMIT 1", (article_id,)).fetchone()
        return _story_dict(store.conn, row) if row else None


def pending(store: Any) -> int:
    """How many stored articles have no story yet (stored before migration 2, or with stories off)."""
    with store._guard():
        return store.conn.execute("SELECT count(*) FROM articles a WHERE NOT EXISTS "
                                  "(SELECT 1 FROM story_members m WHERE m.article = a.key)").fetchone()[0]
