"""The story window in memory: who is in which story, on which day, with which words and vector.

``SqliteStore`` keeps one ``StoryIndex`` per connection so that placing an article does not read
the window's rows from SQLite again at every put. It holds the ``story_members`` rows of a range
of days (the window around the articles being placed, plus a margin), an inverted index from
word to rows, and the members of each story. It is dropped whole when another connection
commits (SQLite's ``data_version`` changes), when a transaction of this connection rolls back,
and when the stories are rebuilt; our own writes are added to it as they are made.

Vectors are *lazy*: an article gets its story vector only when it is compared with another one,
i.e. when it shares enough distinctive words with an article in its window (see ``stories``).
A row whose vector is not computed yet has an empty ``vector`` blob; ``vectors`` embeds such
rows (in one call, with any texts of the new article) and writes the vectors back.
"""
from __future__ import annotations

import json
import sqlite3
from collections import defaultdict
from dataclasses import dataclass
from typing import Iterable

import numpy as np

from ..embed import DIM
from .vectors import embed_cached, from_blobs, to_blob


@dataclass
class Member:
    story: int
    day: float
    terms: frozenset
    vector: np.ndarray | None = None   # float16-rounded, as stored; None: not embedded yet
    text: str | None = None            # the story text, when known (to embed it lazily)


class StoryIndex:
    """``story_members`` rows of the days ``[lo, hi]``, for one connection."""

    def __init__(self) -> None:
        self.version: int | None = None
        self.clear()

    def clear(self) -> None:
        self.members: dict[int, Member] = {}
        self.postings: dict[str, set[int]] = defaultdict(set)
        self.by_story: dict[int, set[int]] = defaultdict(set)
        self.lo = self.hi = None

    def sync(self, conn: sqlite3.Connection) -> None:
        """Drop everything if another connection has committed since the last call."""
        version = conn.execute("PRAGMA data_version").fetchone()[0]
        if version != self.version:
            self.clear()
            self.version = version

    def cover(self, conn: sqlite3.Connection, lo: float, hi: float, margin: float) -> None:
        """Make sure the rows of the days ``[lo, hi]`` are loaded (reading ``margin`` days more either
        side, so that a stream of articles in date order rarely reads again)."""
        if self.lo is not None and self.lo <= lo and hi <= self.hi:
            return
        new_lo, new_hi = lo - margin, hi + margin
        if self.lo is None or new_hi < self.lo or new_lo > self.hi:
            self.clear()
            self._load(conn, "day BETWEEN ? AND ?", (new_lo, new_hi))
        else:  # overlapping: read only the days not loaded yet, forget the days no longer needed
            self._evict(new_lo, new_hi)
            if new_lo < self.lo:
                self._load(conn, "day >= ? AND day < ?", (new_lo, self.lo))
            if new_hi > self.hi:
                self._load(conn, "day > ? AND day <= ?", (self.hi, new_hi))
        self.lo, self.hi = new_lo, new_hi

    def _load(self, conn: sqlite3.Connection, where: str, bounds: tuple[float, float]) -> None:
        rows = conn.execute(f"SELECT article, story, day, terms, vector FROM story_members WHERE {where}",
                            bounds).fetchall()
        with_vectors = [n for n, row in enumerate(rows) if row[4]]
        decoded = dict(zip(with_vectors, from_blobs([rows[n][4] for n in with_vectors])))
        for n, (key, story, day, terms, _) in enumerate(rows):
            self._put(key, Member(story, day, frozenset(terms.split()), decoded.get(n)))

    def _evict(self, lo: float, hi: float) -> None:
        for key in [k for k, m in self.members.items() if not lo <= m.day <= hi]:
            member = self.members.pop(key)
            self.by_story[member.story].discard(key)
            for term in member.terms:
                self.postings[term].discard(key)
                if not self.postings[term]:
                    del self.postings[term]

    def add(self, key: int, member: Member) -> None:
        """A row just written by this connection (kept if its day is loaded, else read later)."""
        if self.lo is not None and self.lo <= member.day <= self.hi:
            self._put(key, member)

    def _put(self, key: int, member: Member) -> None:
        self.members[key] = member
        self.by_story[member.story].add(key)
        for term in member.terms:
            self.postings[term].add(key)

    # -- candidates --------------------------------------------------------------------------
    def in_window(self, keys: Iterable[int], lo: float, hi: float, cutoff: int) -> list[int]:
        """The keys whose day is within ``[lo, hi]`` and that are not older than ``cutoff``."""
        return [k for k in keys if k >= cutoff and lo <= self.members[k].day <= hi]

    def cutoff(self, lo: float, hi: float, limit: int) -> int:
        """The oldest key among the ``limit`` newest rows of the days ``[lo, hi]`` (0: all of them)."""
        if len(self.members) <= limit:
            return 0
        keys = [k for k, m in self.members.items() if lo <= m.day <= hi]
        return 0 if len(keys) <= limit else sorted(keys, reverse=True)[limit - 1]

    def sharing(self, words: set[str], need: int) -> list[int]:
        """Rows whose words include at least ``need`` of ``words``."""
        counts: dict[int, int] = defaultdict(int)
        for word in words:
            for key in self.postings.get(word, ()):
                counts[key] += 1
        return [key for key, n in counts.items() if n >= need]

    def story_members(self, story: int) -> set[int]:
        return self.by_story.get(story, set())

    # -- vectors -------------------------------------------------------------------------------
    def vectors(self, conn: sqlite3.Connection, keys: list[int],
                texts: list[str]) -> tuple[np.ndarray, np.ndarray]:
        """``(matrix, vectors of texts)``: the vectors of the rows ``keys`` (one row each, in order),
        embedding (and storing) those that have none yet, and of ``texts`` (embedded alongside)."""
        missing = [k for k in keys if self.members[k].vector is None]
        unknown = [k for k in missing if self.members[k].text is None]
        for key, text in _stored_texts(conn, unknown):
            self.members[key].text = text
        embedded = embed_cached(list(texts) + [self.members[k].text or "" for k in missing])
        for key, vector in zip(missing, embedded[len(texts):]):
            blob = to_blob(vector)
            self.members[key].vector = from_blobs([blob])[0]
            conn.execute("UPDATE story_members SET vector = ? WHERE article = ?", (blob, key))
        matrix = np.stack([self.members[k].vector for k in keys]) if keys else np.zeros((0, DIM), np.float32)
        return matrix, embedded[:len(texts)]


def _stored_texts(conn: sqlite3.Connection, keys: list[int]) -> list[tuple[int, str]]:
    """The story texts of stored articles (rows placed by another process or an earlier run)."""
    from .stories import story_text

    out = []
    for start in range(0, len(keys), 500):
        chunk = keys[start:start + 500]
        rows = conn.execute(
            f"SELECT key, json_extract(record, '$.title'), json_extract(record, '$.segments'), text FROM articles "
            f"WHERE key IN ({','.join('?' * len(chunk))})", chunk).fetchall()
        for key, title, segments, text in rows:
            out.append((key, story_text({"title": title, "text": text, "segments": json.loads(segments or "[]")})))
    return out
