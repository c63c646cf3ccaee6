"""The corpus database's schema and its migrations, in one place.

Design
------
* ``articles`` holds one row per stored version of an article: the record's metadata in
  columns (``id``, content ``hash``, ``url``, ``title``, ``published``, outlet domain and name,
  ``language``), the ``text``, the whole record as JSON *without* its text (``record``; the
  text is put back on read, so it is stored once), ``ingested_at``, the ``revision`` number of
  the URL it came from with a ``latest`` flag, and ``duplicate_of``/``similarity`` for
  near-duplicates. ``hash`` is unique: an exact copy is never stored twice.
* Layers are stored generically: every item of every list-valued layer of the record goes to
  ``layer_items(article, layer, idx, start, end, key, json)``. ``key`` is a normalised lookup
  value chosen per layer (an entity's folded name, an event's type, a technique's name ...),
  indexed for filters such as ``--entity``. A layer added later flows in without any schema
  change. The main layers are typed *views* over ``layer_items`` (``segments``, ``sentences``,
  ``entities``, ``mentions``, ``quotes``, ``timexes``, ``events``, ``claims``, ``techniques``,
  ``sources``): a new field in a layer needs at most a migration that redefines a view, never
  a rewrite of stored data.
* ``articles_fts`` is an FTS5 index (external content: ``articles``, so the text is not stored
  a second time) over ``title``, ``text``, ``quotes_text`` and ``claims_text`` (the quoted and
  claimed passages of the article, one per line).
* ``minhash`` keeps each article's MinHash signature and ``lsh_bands`` its LSH band keys, so
  near-duplicate detection works incrementally across runs and processes.
* ``copies`` notes where an exact copy of a stored article was seen again (another URL or
  input), ``input_hashes`` the fingerprints of raw inputs (HTML) already stored, and
  ``failures`` every input that could not be stored, once per (source, reason).

Stories and claim matching (migration 2; ``newsxray.store.stories`` and ``.claimmatch``):

* ``story_members(article, story, day, similarity, vector, terms)``: each stored article's story,
  the day it is placed at (published date, else ingest time; days since 1970 as a real, indexed
  for the time window), its similarity to the story member that drew it in (None for a story's
  first article), the float16 sentence embedding of its headline and lede, and that text's
  content words; ``story_df(term, n)`` counts the articles using each of those words (a story
  needs a shared *distinctive* word: two quarterly-results items read alike but name different
  companies).
* ``stories(story, label, first, last, size, updated_at)``: one row per story; ``label`` is the
  headline of its first article, ``first``/``last`` the days (ISO dates) it spans, ``size`` its
  number of articles (latest revisions).
* ``claim_items(item, article, idx, claim_id, text, terms, speaker, score, grp, similarity,
  vector)``: every check-worthy claim stored, its content words (``terms``, space-separated),
  its group and, once it was needed, its float16 embedding. ``claim_terms(term, item)`` is the
  inverted index that finds lexical candidates and ``claim_df(term, n)`` how many claims use a
  term (candidates are looked up by the rarest terms only).
* ``claim_groups(grp, item, claims, articles, first_seen, last_seen)``: claims that recur; ``item``
  is the group's first claim (its text is the group's text).
* ``factchecks(factcheck, claim, verdict, rating, url, author, published, source, imported_at,
  terms, vector)``: imported fact-checks (ClaimReview or CSV), ``factcheck_terms`` their inverted
  index, and ``factcheck_matches(factcheck, item, similarity)`` the stored claims they match.

Versioning: ``PRAGMA application_id`` marks the file as newsxray's, and ``schema_version``
lists the migrations applied. ``MIGRATIONS`` is an ordered list of functions; opening a
database applies those it lacks, each in its own transaction.
"""
from __future__ import annotations

import sqlite3
from datetime import datetime, timezone
from typing import Callable

from ..errors import StoreError

APPLICATION_ID = 0x6E787279  # "nxry"


def _script(conn: sqlite3.Connection, script: str) -> None:
    """Run ``;``-separated statements inside the caller's transaction (``executescript`` would commit it)."""
    for statement in script.split(";\n"):
        if statement.strip():
            conn.execute(statement)


def _v1(conn: sqlite3.Connection) -> None:
    _script(conn, """
    CREATE TABLE articles (
        key INTEGER PRIMARY KEY,
        id TEXT NOT NULL,
        hash TEXT NOT NULL UNIQUE,
        url TEXT,
        title TEXT,
        published TEXT,
        outlet_domain TEXT,
        outlet_name TEXT,
        language TEXT,
        text TEXT NOT NULL,
        quotes_text TEXT NOT NULL DEFAULT '',
        claims_text TEXT NOT NULL DEFAULT '',
        record TEXT NOT NULL,
        ingested_at TEXT NOT NULL,
        revision INTEGER NOT NULL DEFAULT 1,
        latest INTEGER NOT NULL DEFAULT 1,
        duplicate_of INTEGER REFERENCES articles(key),
        similarity REAL
    );
    CREATE INDEX articles_id ON articles(id);
    CREATE INDEX articles_url ON articles(url) WHERE url IS NOT NULL;
    CREATE INDEX articles_published ON articles(published);
    CREATE INDEX articles_outlet ON articles(outlet_domain);
    CREATE INDEX articles_duplicate ON articles(duplicate_of) WHERE duplicate_of IS NOT NULL;

    CREATE VIRTUAL TABLE articles_fts USING fts5(
        title, text, quotes_text, claims_text,
        content='articles', content_rowid='key',
        tokenize='porter unicode61 remove_diacritics 2'
    );
    INSERT INTO articles_fts(articles_fts, rank) VALUES ('rank', 'bm25(4.0, 1.0, 1.5, 1.5)');

    CREATE TABLE layer_items (
        article INTEGER NOT NULL REFERENCES articles(key),
        layer TEXT NOT NULL,
        idx INTEGER NOT NULL,
        start INTEGER,
        "end" INTEGER,
        key TEXT,
        json TEXT NOT NULL,
        PRIMARY KEY (article, layer, idx)
    ) WITHOUT ROWID;
    CREATE INDEX layer_items_key ON layer_items(layer, key, article) WHERE key IS NOT NULL;

    CREATE TABLE minhash (article INTEGER PRIMARY KEY REFERENCES articles(key), signature BLOB NOT NULL);
    CREATE TABLE lsh_bands (band INTEGER NOT NULL, article INTEGER NOT NULL, PRIMARY KEY (band, article))
        WITHOUT ROWID;
    CREATE TABLE copies (
        article INTEGER NOT NULL REFERENCES articles(key),
        id TEXT, url TEXT, source TEXT, seen_at TEXT NOT NULL,
        UNIQUE (article, id, url)
    );
    CREATE TABLE input_hashes (hash TEXT PRIMARY KEY, article INTEGER NOT NULL) WITHOUT ROWID;
    CREATE TABLE failures (
        source TEXT NOT NULL, id TEXT, reason TEXT NOT NULL,
        first_seen TEXT NOT NULL, last_seen TEXT NOT NULL, count INTEGER NOT NULL DEFAULT 1,
        PRIMARY KEY (source, reason)
    );
    """)
    _views(conn)


_VIEWS = {
    "segments": "json_extract(json, '$.type') AS type",
    "sentences": "idx AS sentence",
    "entities": ("json_extract(json, '$.id') AS entity, json_extract(json, '$.name') AS name, "
                 "json_extract(json, '$.type') AS type, json_extract(json, '$.country') AS country, "
                 "json_extract(json, '$.sector') AS sector, json_extract(json, '$.description') AS description"),
    "quotes": ("json_extract(json, '$.id') AS quote, json_extract(json, '$.kind') AS kind, "
               "json_extract(json, '$.speaker.entity') AS speaker_entity, "
               "json_extract(json, '$.speaker.text') AS speaker_text, json_extract(json, '$.cue.text') AS cue"),
    "timexes": ("json_extract(json, '$.id') AS timex, json_extract(json, '$.type') AS type, "
                "json_extract(json, '$.value') AS value, json_extract(json, '$.mod') AS mod"),
    "events": ("json_extract(json, '$.id') AS event, json_extract(json, '$.type') AS type, "
               "json_extract(json, '$.cameo') AS cameo, json_extract(json, '$.date') AS date, "
               "json_extract(json, '$.actor.entity') AS actor, json_extract(json, '$.actor.country') AS actor_country, "
               "json_extract(json, '$.target.entity') AS target, "
               "json_extract(json, '$.target.country') AS target_country, "
               "json_extract(json, '$.sentence') AS sentence, json_extract(json, '$.confidence') AS confidence"),
    "claims": ("json_extract(json, '$.id') AS claim, json_extract(json, '$.score') AS score, "
               "json_extract(json, '$.check_worthy') AS check_worthy, json_extract(json, '$.speaker') AS speaker"),
    "techniques": ("json_extract(json, '$.id') AS technique_id, json_extract(json, '$.technique') AS technique, "
                   "json_extract(json, '$.score') AS score"),
    "sources": ("json_extract(json, '$.id') AS source, json_extract(json, '$.kind') AS kind, "
                "json_extract(json, '$.name') AS name, json_extract(json, '$.domain') AS domain, "
                "json_extract(json, '$.rating.label') AS rating"),
}


def _views(conn: sqlite3.Connection) -> None:
    for layer, columns in _VIEWS.items():
        conn.execute(f'CREATE VIEW "{layer}" AS SELECT article, idx, start, "end", {columns}, json '
                     f"FROM layer_items WHERE layer = '{layer}'")
    conn.execute("""CREATE VIEW mentions AS
        SELECT li.article, json_extract(li.json, '$.id') AS entity, json_extract(m.value, '$.start') AS start,
               json_extract(m.value, '$.end') AS "end"
        FROM layer_items li, json_each(li.json, '$.mentions') m WHERE li.layer = 'entities'""")


def _v2(conn: sqlite3.Connection) -> None:
    """Story clusters, recurring claims and fact-checks (tables only; ``newsxray stories --rebuild``
    and ``newsxray claims --rebuild`` fill them for articles stored before this migration)."""
    _script(conn, """
    CREATE TABLE stories (
        story INTEGER PRIMARY KEY, label TEXT, first TEXT, last TEXT,
        size INTEGER NOT NULL DEFAULT 0, updated_at TEXT NOT NULL
    );
    CREATE INDEX stories_size ON stories(size, last);
    CREATE TABLE story_members (
        article INTEGER PRIMARY KEY REFERENCES articles(key),
        story INTEGER NOT NULL REFERENCES stories(story),
        day REAL NOT NULL, similarity REAL, vector BLOB NOT NULL, terms TEXT NOT NULL DEFAULT ''
    );
    CREATE TABLE story_df (term TEXT PRIMARY KEY, n INTEGER NOT NULL) WITHOUT ROWID;
    CREATE INDEX story_members_day ON story_members(day);
    CREATE INDEX story_members_story ON story_members(story);

    CREATE TABLE claim_groups (
        grp INTEGER PRIMARY KEY, item INTEGER NOT NULL,
        claims INTEGER NOT NULL DEFAULT 1, articles INTEGER NOT NULL DEFAULT 1,
        first_seen TEXT NOT NULL, last_seen TEXT NOT NULL
    );
    CREATE INDEX claim_groups_articles ON claim_groups(articles, claims);
    CREATE TABLE claim_items (
        item INTEGER PRIMARY KEY, article INTEGER NOT NULL REFERENCES articles(key), idx INTEGER NOT NULL,
        claim_id TEXT, text TEXT NOT NULL, terms TEXT NOT NULL, speaker TEXT, score REAL,
        grp INTEGER REFERENCES claim_groups(grp), similarity REAL, vector BLOB,
        UNIQUE (article, idx)
    );
    CREATE INDEX claim_items_grp ON claim_items(grp);
    CREATE TABLE claim_terms (term TEXT NOT NULL, item INTEGER NOT NULL, PRIMARY KEY (term, item)) WITHOUT ROWID;
    CREATE TABLE claim_df (term TEXT PRIMARY KEY, n INTEGER NOT NULL) WITHOUT ROWID;

    CREATE TABLE factchecks (
        factcheck INTEGER PRIMARY KEY, claim TEXT NOT NULL, verdict TEXT, rating REAL, url TEXT,
        author TEXT, published TEXT, source TEXT, imported_at TEXT NOT NULL, terms TEXT NOT NULL,
        vector BLOB NOT NULL, UNIQUE (claim, url)
    );
    CREATE TABLE factcheck_terms (term TEXT NOT NULL, factcheck INTEGER NOT NULL,
        PRIMARY KEY (term, factcheck)) WITHOUT ROWID;
    CREATE TABLE factcheck_matches (
        factcheck INTEGER NOT NULL REFERENCES factchecks(factcheck),
        item INTEGER NOT NULL REFERENCES claim_items(item), similarity REAL NOT NULL,
        PRIMARY KEY (factcheck, item)
    ) WITHOUT ROWID;
    CREATE INDEX factcheck_matches_item ON factcheck_matches(item);
    """)


MIGRATIONS: list[Callable[[sqlite3.Connection], None]] = [_v1, _v2]
VERSION = len(MIGRATIONS)


def now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def applied_version(conn: sqlite3.Connection, path: str) -> int:
    """The schema version of an open database (0 for an empty file); StoreError if it is not ours."""
    try:
        app_id = conn.execute("PRAGMA application_id").fetchone()[0]
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    except sqlite3.DatabaseError as exc:
        raise not_ours(path, f"not an SQLite file: {exc}") from None
    if not tables and app_id == 0:
        return 0
    if app_id != APPLICATION_ID or "schema_version" not in tables:
        raise not_ours(path, "it is an SQLite database made by something else")
    try:
        version = conn.execute("SELECT max(version) FROM schema_version").fetchone()[0] or 0
    except sqlite3.DatabaseError as exc:
        raise not_ours(path, f"its schema table cannot be read: {exc}") from None
    if version > VERSION:
        raise StoreError(f"{path} was made by a newer newsxray (schema {version}, this one knows "
                         f"{VERSION}); upgrade newsxray to use it")
    return version


def not_ours(path: str, why: str) -> StoreError:
    return StoreError(f"{path} is not a newsxray database ({why}); give the path of a corpus made by "
                      "`newsxray ingest`, or a new file name to start one")


def migrate(conn: sqlite3.Connection, path: str) -> int:
    """Bring the database up to ``VERSION``, one transaction per migration; returns the version."""
    version = applied_version(conn, path)
    for number in range(version + 1, VERSION + 1):
        conn.execute("BEGIN IMMEDIATE")
        try:
            if _current(conn) >= number:  # another process migrated it meanwhile
                conn.execute("COMMIT")
                continue
            if number == 1:
                conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
                conn.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, applied_at TEXT)")
            MIGRATIONS[number - 1](conn)
            conn.execute("INSERT INTO schema_version VALUES (?, ?)", (number, now()))
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
    return VERSION


def _current(conn: sqlite3.Connection) -> int:
    if not conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'schema_version'").fetchone():
        return 0
    return conn.execute("SELECT max(version) FROM schema_version").fetchone()[0] or 0
