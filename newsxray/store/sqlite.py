"""The SQLite store: WAL mode, one writer and many readers, FTS5 search, near-duplicate links.

Writes happen in ``BEGIN IMMEDIATE`` transactions (a second writer waits up to ``timeout``
seconds for the first, readers never wait); ``with store.transaction():`` groups many puts
into one commit, which is what makes ingestion resumable: after a crash the last open batch
is rolled back whole and is stored again by the next run, while everything committed stays.
The schema is described in ``newsxray.store.schema``.
"""
from __future__ import annotations

import logging
import sqlite3
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Iterator, Sequence
from urllib.parse import quote

from ..errors import StoreError
from . import claimmatch, near, stories as story_clusters
from .base import Failure, Filters, PutResult, SearchHit, content_hash
from .query import hit_sql, plain_query, search_sql
from .records import (as_record, failure_reason, layer_rows, outlet_of, passages, restore,
                      stored_json)
from .schema import applied_version, migrate, not_ours, now, VERSION
from .storyindex import StoryIndex

log = logging.getLogger("newsxray")


def _connect(path: Path, *, readonly: bool, timeout: float) -> sqlite3.Connection:
    if readonly:
        if not path.is_file():
            raise StoreError(f"{path}: no such corpus database; make one with `newsxray ingest ... --db {path}`")
        uri = f"file:{quote(str(path.resolve()))}?mode=ro"
        conn = sqlite3.connect(uri, uri=True, timeout=timeout, isolation_level=None)
    else:
        if path.is_dir():
            raise StoreError(f"{path} is a directory; give a database file name such as corpus.db")
        if not path.parent.is_dir():
            raise StoreError(f"{path}: the folder {path.parent} does not exist; create it first")
        conn = sqlite3.connect(str(path), timeout=timeout, isolation_level=None)
    conn.execute(f"PRAGMA busy_timeout = {int(timeout * 1000)}")
    return conn


class SqliteStore:
    """A corpus in one SQLite file. Build with ``newsxray.store.open_store(path)``."""

    def __init__(self, path: str | Path, *, readonly: bool = False, timeout: float = 30.0,
                 near_duplicates: bool = True, stories: bool = True, claims: bool = True,
                 story_window: float = story_clusters.WINDOW_DAYS) -> None:
        self.path = Path(path)
        self.readonly = readonly
        self.near_duplicates = near_duplicates
        self.stories = stories
        self.claims = claims
        self.story_window = story_window
        self._depth = 0
        self.story_index = StoryIndex()  # the story window in memory (dropped on rollback)
        self.conn = _connect(self.path, readonly=readonly, timeout=timeout)
        try:
            self._prepare()
        except sqlite3.DatabaseError as exc:
            self.conn.close()
            if "malformed" in str(exc):
                raise StoreError(f"{self.path} is damaged ({exc}); restore it from a backup or ingest "
                                 "into a new file") from None
            raise not_ours(str(self.path), f"SQLite says: {exc}") from None
        except BaseException:
            self.conn.close()
            raise

    def _prepare(self) -> None:
        self.conn.execute("PRAGMA cache_size = -65536")  # 64 MB: the FTS index of a large corpus stays warm
        self.conn.execute("PRAGMA mmap_size = 268435456")
        version = applied_version(self.conn, str(self.path))
        if self.readonly:
            if version < VERSION:
                raise StoreError(f"{self.path} has an older corpus schema ({version}); run `newsxray ingest "
                                 f"--db {self.path}` once to upgrade it")
            return
        self.conn.execute("PRAGMA journal_mode = WAL")
        self.conn.execute("PRAGMA synchronous = NORMAL")
        migrate(self.conn, str(self.path))
        self.conn.execute("PRAGMA foreign_keys = ON")

    # -- transactions -----------------------------------------------------------------
    @contextmanager
    def transaction(self) -> Iterator[None]:
        """One write transaction (nested uses join the outer one)."""
        if self.readonly:
            raise StoreError(f"{self.path} was opened read-only")
        if self._depth:
            self._depth += 1
            try:
                yield
            finally:
                self._depth -= 1
            return
        with self._guard():
            self.conn.execute("BEGIN IMMEDIATE")
        self._depth = 1
        try:
            yield
            with self._guard():
                self.conn.execute("COMMIT")
        except BaseException:
            self.story_index.clear()
            if self.conn.in_transaction:
                self.conn.execute("ROLLBACK")
            raise
        finally:
            self._depth = 0

    @contextmanager
    def _guard(self) -> Iterator[None]:
        try:
            yield
        except sqlite3.OperationalError as exc:
            if "locked" in str(exc) or "busy" in str(exc):
                raise StoreError(f"{self.path} is busy: another process has been writing to it for too "
                                 "long; wait for it to finish or raise the timeout") from None
            raise StoreError(f"{self.path}: {exc}") from None
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"{self.path} is damaged or is not a newsxray database ({exc})") from None

    # -- writing ----------------------------------------------------------------------
    def put(self, doc: Any, *, source: str | None = None, raw_hash: str | None = None) -> PutResult:
        record = as_record(doc)
        reason = failure_reason(record)
        if reason is not None:
            self.record_failure(source or record.get("id") or "input", reason, id=record.get("id"))
            return PutResult("failed", record.get("id"))
        text = record["text"]
        h = content_hash(text)
        sig = near.signature(text) if self.near_duplicates else None
        with self.transaction(), self._guard():
            row = self.conn.execute("SELECT key, id, url FROM articles WHERE hash = ?", (h,)).fetchone()
            if row is not None:
                if (record.get("id"), record.get("url")) != (row[1], row[2]):
                    self._note_copy(row[0], record, source)
                if raw_hash:
                    self.conn.execute("INSERT OR IGNORE INTO input_hashes VALUES (?, ?)", (raw_hash, row[0]))
                return PutResult("duplicate", row[1], key=row[0])
            return self._insert(record, h, sig, raw_hash)

    def _insert(self, record: dict, h: str, sig, raw_hash: str | None) -> PutResult:
        url = record.get("url")
        revision, previous, replaced = 1, None, None
        if url:
            previous = self.conn.execute("SELECT max(revision) FROM articles WHERE url = ?", (url,)).fetchone()[0]
            if previous:
                revision = previous + 1
                replaced = self.conn.execute("SELECT key FROM articles WHERE url = ? AND latest = 1",
                                             (url,)).fetchone()
                self.conn.execute("UPDATE articles SET latest = 0 WHERE url = ? AND latest = 1", (url,))
        match = self._near(sig, url) if sig is not None and not previous else None
        key = self._insert_article(record, h, revision, match)
        self.conn.executemany("INSERT INTO layer_items VALUES (?, ?, ?, ?, ?, ?, ?)", layer_rows(record, key))
        if sig is not None:
            self.conn.execute("INSERT INTO minhash VALUES (?, ?)", (key, near.to_blob(sig)))
            self.conn.executemany("INSERT OR IGNORE INTO lsh_bands VALUES (?, ?)",
                                  [(band, key) for band in near.band_keys(sig)])
        if raw_hash:
            self.conn.execute("INSERT OR IGNORE INTO input_hashes VALUES (?, ?)", (raw_hash, key))
        self._link(record, key, match, replaced[0] if replaced else None)
        status = "revision" if previous else "stored"
        dup_id = match[1] if match else None
        return PutResult(status, record.get("id"), key=key, revision=revision, duplicate_of=dup_id,
                         similarity=match[2] if match else None)

    def _link(self, record: dict, key: int, match, replaced: int | None) -> None:
        """Story clusters and claim groups for a newly stored article (see ``stories``, ``claimmatch``)."""
        if self.stories:
            joins, similarity = (replaced, None) if replaced else ((match[0], match[2]) if match else (None, None))
            story_clusters.assign(self.conn, record, key, window=self.story_window, joins=joins,
                                  similarity=similarity, counts=replaced is None, index=self.story_index)
        if self.claims:
            if replaced:
                claimmatch.retire(self.conn, replaced)
            claimmatch.add_claims(self.conn, record, key)

    def _insert_article(self, record: dict, h: str, revision: int, match) -> int:
        domain, name = outlet_of(record)
        quotes, claims = passages(record, "quotes"), passages(record, "claims")
        values = (record.get("id") or h[:16], h, record.get("url"), record.get("title"), record.get("published"),
                  domain, name, record.get("language"), record["text"], quotes, claims, stored_json(record),
                  now(), revision, match[0] if match else None, match[2] if match else None)
        cursor = self.conn.execute(
            "INSERT INTO articles (id, hash, url, title, published, outlet_domain, outlet_name, language, text, "
            "quotes_text, claims_text, record, ingested_at, revision, duplicate_of, similarity) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", values)
        key = cursor.lastrowid
        self.conn.execute("INSERT INTO articles_fts (rowid, title, text, quotes_text, claims_text) "
                          "VALUES (?, ?, ?, ?, ?)", (key, record.get("title"), record["text"], quotes, claims))
        return key

    def _near(self, sig, url: str | None) -> tuple[int, str, float] | None:
        """``(key, id, similarity)`` of the stored article this signature nearly duplicates, if any."""
        keys = near.band_keys(sig)
        marks = ",".join("?" * len(keys))
        rows = self.conn.execute(
            f"SELECT m.article, m.signature, a.id, a.duplicate_of, a.url FROM minhash m "
            f"JOIN articles a ON a.key = m.article WHERE m.article IN "
            f"(SELECT DISTINCT article FROM lsh_bands WHERE band IN ({marks}) ORDER BY article DESC LIMIT ?) "
            f"AND a.latest = 1", keys + [near.MAX_CANDIDATES]).fetchall()
        best = None
        for key, blob, ident, dup_of, cand_url in rows:
            if url and cand_url == url:
                continue
            score = near.similarity(sig, near.from_blob(blob))
            if score >= near.THRESHOLD and (best is None or score > best[2]):
                best = (key, ident, score, dup_of)
        if best is None:
            return None
        if best[3] is not None:  # link to the original, not to another copy of it
            original = self.conn.execute("SELECT id FROM articles WHERE key = ?", (best[3],)).fetchone()
            return best[3], original[0], best[2]
        return best[0], best[1], best[2]

    def _note_copy(self, key: int, record: dict, source: str | None) -> None:
        """An exact copy seen under another id or URL (which outlets ran the same text)."""
        self.conn.execute("INSERT OR IGNORE INTO copies VALUES (?, ?, ?, ?, ?)",
                          (key, record.get("id"), record.get("url"), source, now()))

    def claim_texts_to_compare(self, records: Sequence[dict]) -> list[str]:
        """Claim texts that storing ``records`` now would embed (for embedding them ahead)."""
        if not self.claims or self.readonly:
            return []
        return claimmatch.texts_to_compare(self.conn, records)

    def record_failure(self, source: str, reason: str, *, id: str | None = None) -> None:
        stamp = now()
        with self.transaction(), self._guard():
            self.conn.execute(
                "INSERT INTO failures VALUES (?, ?, ?, ?, ?, 1) ON CONFLICT (source, reason) DO UPDATE "
                "SET last_seen = excluded.last_seen, count = count + 1", (source, id, reason, stamp, stamp))

    # -- reading ----------------------------------------------------------------------
    def has_hash(self, h: str) -> bool:
        with self._guard():
            table, column = ("input_hashes", "hash") if h.startswith("raw:") else ("articles", "hash")
            return self.conn.execute(f"SELECT 1 FROM {table} WHERE {column} = ?", (h,)).fetchone() is not None

    def get(self, id: str) -> dict | None:
        with self._guard():
            row = self.conn.execute("SELECT record, text FROM articles WHERE id = ? "
                                    "ORDER BY latest DESC, key DESC LIMIT 1", (id,)).fetchone()
        return restore(*row) if row else None

    def iter_docs(self, *, batch: int = 256) -> Iterator[dict]:
        last = 0
        while True:
            with self._guard():
                rows = self.conn.execute("SELECT key, record, text FROM articles WHERE latest = 1 AND key > ? "
                                         "ORDER BY key LIMIT ?", (last, batch)).fetchall()
            if not rows:
                return
            for key, record, text in rows:
                yield restore(record, text)
            last = rows[-1][0]

    def search(self, query: str, filters: Filters | None = None, limit: int = 20,
               offset: int = 0) -> list[SearchHit]:
        """Best matches first (bm25 over every match), each with a snippet of its best passage;
        ``offset`` skips that many (for pages of results)."""
        if limit < 1:
            return []
        if not query.strip():
            sql, params = search_sql(query, filters, limit, offset=offset)
            with self._guard():
                return [SearchHit(*row) for row in self.conn.execute(sql, params)]
        try:
            return self._ranked(query, filters, limit, offset)
        except sqlite3.OperationalError as exc:
            plain = plain_query(query)  # not FTS5 syntax (or a column we lack): search its words
            if plain == query:
                raise StoreError(f"{self.path}: search failed ({exc})") from None
            if not plain:
                return []
            with self._guard():
                return self._ranked(plain, filters, limit, offset)
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"{self.path} is damaged or is not a newsxray database ({exc})") from None

    def _ranked(self, query: str, filters: Filters | None, limit: int, offset: int = 0) -> list[SearchHit]:
        sql, params = search_sql(query, filters, limit, offset=offset)
        ranked = self.conn.execute(sql, params).fetchall()
        one = hit_sql()
        return [SearchHit(*self.conn.execute(one, (-rank, query, key)).fetchone()) for key, rank in ranked]

    def failures(self) -> list[Failure]:
        with self._guard():
            rows = self.conn.execute("SELECT source, id, reason, first_seen, last_seen, count FROM failures "
                                     "ORDER BY first_seen, rowid").fetchall()
        return [Failure(*row) for row in rows]

    def counts(self) -> dict[str, int]:
        """How many articles (latest versions), older revisions, near-duplicates, copies and failures."""
        with self._guard():
            row = self.conn.execute(
                "SELECT (SELECT count(*) FROM articles WHERE latest = 1), "
                "(SELECT count(*) FROM articles WHERE latest = 0), "
                "(SELECT count(*) FROM articles WHERE duplicate_of IS NOT NULL AND latest = 1), "
                "(SELECT count(*) FROM copies), (SELECT count(*) FROM failures)").fetchone()
        return dict(zip(("articles", "revisions", "near_duplicates", "copies", "failures"), row))

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> "SqliteStore":
        return self

    def __exit__(self, *exc) -> None:
        self.close()
