"""The SQLite store: put/get, exact duplicates, layers stored generically, search, failures, bad files."""
from __future__ import annotations

import sqlite3

import pytest

from newsxray.document import Document, Entity, Mention, Outlet, Quote, Segment, Speaker
from newsxray.errors import ConfigError, StoreError
from newsxray.store import Filters, Store, content_hash, input_hash, open_store
from newsxray.store import schema

TEXT = ('Tokyo talks end\nJapan and China held talks in Tokyo on Monday. "We made progress," '
        "Foreign Minister Aiko Sato said.\n")


def analysed(text: str = TEXT, ident: str = "t1", **meta) -> Document:
    """A hand-built record: segments, entities with mentions, one quote, and a layer from the future."""
    doc = Document(text=text, id=ident, **meta)
    doc.set_layer("segments", [Segment(0, 15, "title"), Segment(16, len(text) - 1, "body")])
    japan, sato = text.index("Japan"), text.index("Aiko Sato")
    doc.set_layer("entities", [
        Entity(id="e1", name="Japan", type="GPE", country="JPN", sector=None, description=None,
               mentions=(Mention(japan, japan + 5),)),
        Entity(id="e2", name="Aiko Sato", type="PERSON", country="JPN", sector="GOV",
               description="Foreign Minister", mentions=(Mention(sato, sato + 9),))])
    q = text.index("We made")
    doc.set_layer("quotes", [Quote(q, q + 16, id="q1", kind="direct",
                                   speaker=Speaker(sato, sato + 9, entity="e2", text="Aiko Sato"), cue=None)])
    doc.set_layer("frames", [Segment(16, 30, "body")])  # a layer the schema has never heard of
    return doc


@pytest.fixture
def store(tmp_path):
    with open_store(tmp_path / "corpus.db") as s:
        yield s


def test_it_implements_the_store_interface(store):
    assert isinstance(store, Store)


def test_put_then_get_gives_the_record_back(store):
    doc = analysed(published="2023-08-05", url="https://www.example.com/a")
    result = store.put(doc)
    assert result.status == "stored" and result.id == "t1" and result.revision == 1
    assert store.get("t1") == doc.to_dict() | {"frames": [{"start": 16, "end": 30, "type": "body"}]}
    assert store.get("missing") is None
    assert store.has_hash(content_hash(TEXT)) and not store.has_hash(content_hash("other"))


def test_exact_duplicates_are_stored_once_even_with_other_wrapping(store):
    assert store.put(analysed()).status == "stored"
    rewrapped = TEXT.replace("\n", " \n ").replace(" on ", "  on ")
    again = store.put(Document(text=rewrapped, id="copy", url="https://b.example.com/x"))
    assert again.status == "duplicate" and again.id == "t1"
    assert store.counts()["articles"] == 1 and store.counts()["copies"] == 1


def test_every_layer_is_stored_generically_with_typed_views(store):
    store.put(analysed())
    rows = store.conn.execute("SELECT layer, count(*) FROM layer_items GROUP BY layer ORDER BY layer").fetchall()
    assert rows == [("entities", 2), ("frames", 1), ("quotes", 1), ("segments", 2)]
    assert store.conn.execute("SELECT name, country, sector FROM entities ORDER BY idx").fetchall() == [
        ("Japan", "JPN", None), ("Aiko Sato", "JPN", "GOV")]
    assert store.conn.execute("SELECT entity, start, \"end\" FROM mentions WHERE entity = 'e2'").fetchall() == [
        ("e2", TEXT.index("Aiko"), TEXT.index("Aiko") + 9)]
    assert store.conn.execute("SELECT kind, speaker_entity FROM quotes").fetchall() == [("direct", "e2")]


def test_search_ranks_filters_and_snippets(store):
    store.put(analysed(published="2023-08-05T09:00:00+00:00", outlet=Outlet("example.com", "Example News")))
    store.put(Document(text="Markets rose in Tokyo after the central bank held rates.", id="m",
                       published="2023-09-01"))
    hits = store.search("Tokyo")
    assert [h.id for h in hits] == ["t1", "m"]  # a match in the headline counts more
    assert "«Tokyo»" in hits[0].snippet and hits[0].score > hits[1].score > 0
    assert [h.id for h in store.search("talk")] == ["t1"]  # stemmed
    assert [h.id for h in store.search("Tokyo", Filters(outlet="example.com"))] == ["t1"]
    assert [h.id for h in store.search("Tokyo", Filters(outlet="EXAMPLE NEWS"))] == ["t1"]
    assert [h.id for h in store.search("Tokyo", Filters(until="2023-08-05"))] == ["t1"]
    assert [h.id for h in store.search("Tokyo", Filters(since="2023-08-06"))] == ["m"]
    assert [h.id for h in store.search("Tokyo", Filters(entity="aiko  SATO"))] == ["t1"]
    assert [h.id for h in store.search("quotes_text: progress")] == ["t1"]
    assert [h.id for h in store.search("", limit=1)] == ["m"]  # no query: newest first
    assert store.search("Tokyo", limit=0) == []


def test_queries_that_are_not_fts5_syntax_fall_back_to_words(store):
    store.put(Document(text="The U.S. and co-operation agreements were signed.", id="u"))
    assert [h.id for h in store.search("U.S.")] == ["u"]
    assert [h.id for h in store.search('co-operation "agreements')] == ["u"]
    assert store.search("(((") == []


def test_a_bad_date_filter_says_how_to_write_it(store):
    with pytest.raises(ConfigError, match="ISO 8601"):
        store.search("x", Filters(since="last week"))


def test_failed_inputs_are_recorded_once_and_not_stored(store):
    from newsxray.analyzer import failed_document
    result = store.put(failed_document("empty input", id="e"), source="in.jsonl:3")
    assert result.status == "failed"
    store.record_failure("in.jsonl:3", "empty input", id="e")
    [failure] = store.failures()
    assert (failure.source, failure.id, failure.reason, failure.count) == ("in.jsonl:3", "e", "empty input", 2)
    assert store.counts()["articles"] == 0


def test_raw_input_hashes_let_html_be_skipped_unread(store):
    raw = input_hash("<html><p>Tokyo</p></html>")
    store.put(Document(text="Tokyo", id="h"), raw_hash=raw)
    assert store.has_hash(raw) and not store.has_hash(input_hash("<html></html>"))


def test_iter_docs_gives_latest_records_in_order(store):
    for n in range(5):
        store.put(Document(text=f"Story number {n} about ports.", id=f"s{n}", url=f"https://x.org/{n % 3}"))
    assert [r["id"] for r in store.iter_docs(batch=2)] == ["s2", "s3", "s4"]


def test_a_transaction_that_fails_keeps_nothing(store):
    with pytest.raises(RuntimeError):
        with store.transaction():
            store.put(Document(text="First.", id="a"))
            store.put(Document(text="Second.", id="b"))
            raise RuntimeError("crash")
    assert store.counts()["articles"] == 0


def test_a_foreign_file_is_a_clear_error(tmp_path):
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"\x00\x01 not sqlite at all " * 100)
    with pytest.raises(StoreError, match="is not a newsxray database"):
        open_store(junk)
    other = tmp_path / "other.db"
    conn = sqlite3.connect(other)
    conn.execute("CREATE TABLE notes (body TEXT)")
    conn.commit()
    conn.close()
    with pytest.raises(StoreError, match="is not a newsxray database"):
        open_store(other)
    assert sqlite3.connect(other).execute("PRAGMA journal_mode").fetchone()[0] == "delete"  # left untouched


def test_a_damaged_database_is_a_clear_error(tmp_path):
    path = tmp_path / "c.db"
    with open_store(path) as store:
        store.put(analysed())
    data = bytearray(path.read_bytes())
    data[4096:] = b"\xff" * (len(data) - 4096)  # every page after the first overwritten
    path.write_bytes(bytes(data))
    with pytest.raises(StoreError, match="damaged|not a newsxray database"):
        with open_store(path) as store:
            store.search("Tokyo")


def test_a_newer_schema_and_a_missing_file_are_clear_errors(tmp_path):
    path = tmp_path / "c.db"
    open_store(path).close()
    conn = sqlite3.connect(path)
    conn.execute("INSERT INTO schema_version VALUES (?, 'later')", (schema.VERSION + 1,))
    conn.commit()
    conn.close()
    with pytest.raises(StoreError, match="newer newsxray"):
        open_store(path)
    with pytest.raises(StoreError, match="no such corpus database"):
        open_store(tmp_path / "missing.db", readonly=True)


def test_migrations_run_once_and_wal_is_on(tmp_path):
    path = tmp_path / "c.db"
    open_store(path).close()
    with open_store(path) as store:
        versions = store.conn.execute("SELECT version FROM schema_version").fetchall()
        assert versions == [(v,) for v in range(1, schema.VERSION + 1)]
        assert store.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert store.conn.execute("PRAGMA application_id").fetchone()[0] == schema.APPLICATION_ID


def test_a_read_only_store_refuses_writes(tmp_path):
    path = tmp_path / "c.db"
    open_store(path).close()
    with open_store(path, readonly=True) as store:
        with pytest.raises(StoreError, match="read-only"):
            store.put(analysed())


def test_two_writers_at_once_store_each_text_once(tmp_path):
    import threading
    path = tmp_path / "c.db"
    open_store(path).close()
    errors: list[Exception] = []

    def write(offset: int) -> None:
        try:
            with open_store(path) as own:
                for n in range(offset, offset + 60):
                    with own.transaction():
                        own.put(Document(text=f"Dispatch {n} on grain exports and ports.", id=f"d{n}"))
        except Exception as exc:  # noqa: BLE001
            errors.append(exc)

    threads = [threading.Thread(target=write, args=(k * 30,)) for k in range(2)]  # 30 texts overlap
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors
    with open_store(path, readonly=True) as reader:
        assert reader.counts()["articles"] == 90
