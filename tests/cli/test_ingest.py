"""`newsxray ingest`: idempotent, resumable after kill -9, every input accounted for, readers never blocked."""
from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from newsxray.cli import app
from newsxray.store import open_store
from tests.store.corpus_gen import write_jsonl

runner = CliRunner()
MAIN = "from newsxray.cli import main; main()"


def ingest_process(jsonl: Path, db: Path, *extra: str) -> subprocess.Popen:
    cmd = [sys.executable, "-c", MAIN, "ingest", str(jsonl), "--db", str(db), "--layers", "segments",
           "--batch-size", "20", "--quiet", *extra]
    return subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def stored_count(db: Path) -> int:
    if not db.exists():
        return 0
    try:
        conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5)
        try:
            return conn.execute("SELECT count(*) FROM articles").fetchone()[0]
        finally:
            conn.close()
    except sqlite3.OperationalError:  # not made yet
        return 0


def _stat(pid: int) -> tuple[str, int] | None:
    """(state, parent pid) of a process from /proc, or None if it is gone."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except (OSError, IndexError):
        return None
    return fields[0], int(fields[1])


def _children(pid: int) -> list[int]:
    return [int(d) for d in os.listdir("/proc") if d.isdigit() and (_stat(int(d)) or ("", 0))[1] == pid]


def _alive(pid: int) -> bool:
    stat = _stat(pid)
    return stat is not None and stat[0] != "Z"   # a zombie has exited


def wait_for(predicate, timeout: float) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.02)
    return False


def test_kill_9_then_rerun_stores_every_article_exactly_once(tmp_path):
    jsonl, db = tmp_path / "articles.jsonl", tmp_path / "corpus.db"
    ids = write_jsonl(jsonl, 2000)
    proc = ingest_process(jsonl, db)
    try:
        assert wait_for(lambda: stored_count(db) >= 400 or proc.poll() is not None, 120)
        assert proc.poll() is None, "the ingest finished before it could be killed"
        helpers = _children(proc.pid)  # the story-embedding helper
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(10)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == -signal.SIGKILL
    assert helpers, "ingest embeds story texts ahead in a helper process"
    assert wait_for(lambda: not any(_alive(h) for h in helpers), 15), "a helper outlived the killed ingest"
    partial = stored_count(db)
    assert 400 <= partial < 2000

    rerun = ingest_process(jsonl, db)
    out, err = rerun.communicate(timeout=180)
    assert rerun.returncode == 1, err  # 1: some inputs (the bad lines) failed, the rest are stored

    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    rows = conn.execute("SELECT id, hash FROM articles").fetchall()
    assert len(rows) == 2000
    assert sorted(r[0] for r in rows) == ids
    assert len({r[1] for r in rows}) == 2000
    failures = conn.execute("SELECT source, reason FROM failures ORDER BY source").fetchall()
    conn.close()
    assert len(failures) == 5 and len({f[0] for f in failures}) == 5
    assert any("not valid JSON" in reason for _, reason in failures)
    assert any("empty" in reason for _, reason in failures)


def test_rerun_is_idempotent_and_counts_every_input(tmp_path):
    jsonl, db = tmp_path / "a.jsonl", tmp_path / "corpus.db"
    write_jsonl(jsonl, 60, bad_every=25, repeats=2)
    first = runner.invoke(app, ["ingest", str(jsonl), "--db", str(db), "--layers", "segments"])
    assert first.exit_code == 1, first.output
    assert "64 input(s): 60 stored, 0 revised, 2 already stored, 2 failed" in " ".join(first.stderr.split())
    second = runner.invoke(app, ["ingest", str(jsonl), "--db", str(db), "--layers", "segments"])
    assert "64 input(s): 0 stored, 0 revised, 62 already stored, 2 failed" in " ".join(second.stderr.split())
    with open_store(db, readonly=True) as store:
        assert store.counts()["articles"] == 60
        assert [f.count for f in store.failures()] == [2, 2]


def test_a_changed_url_is_kept_as_a_revision(tmp_path):
    db = tmp_path / "corpus.db"
    v1, v2 = tmp_path / "v1.jsonl", tmp_path / "v2.jsonl"
    v1.write_text('{"id": "s", "url": "https://x.example.com/s", "text": "The port reopened on Monday."}\n')
    v2.write_text('{"id": "s", "url": "https://x.example.com/s", "text": "The port reopened on Tuesday."}\n')
    runner.invoke(app, ["ingest", str(v1), "--db", str(db), "--layers", "segments"])
    result = runner.invoke(app, ["ingest", str(v2), "--db", str(db), "--layers", "segments"])
    assert result.exit_code == 0
    assert "0 stored, 1 revised" in " ".join(result.stderr.split())
    with open_store(db, readonly=True) as store:
        assert store.get("s")["text"] == "The port reopened on Tuesday."
        assert store.counts() == {"articles": 1, "revisions": 1, "near_duplicates": 0, "copies": 0, "failures": 0}
        assert [h.id for h in store.search("Monday")] == []  # older revisions are not searched


def test_watch_polls_a_bounded_number_of_times(tmp_path):
    jsonl, db = tmp_path / "a.jsonl", tmp_path / "corpus.db"
    write_jsonl(jsonl, 5, bad_every=100, repeats=0)
    result = runner.invoke(app, ["ingest", str(jsonl), "--db", str(db), "--layers", "segments",
                                 "--watch", "1", "--max-polls", "2"])
    assert result.exit_code == 0, result.output
    lines = [line for line in result.stderr.splitlines() if "input(s):" in line]
    assert len(lines) == 2 and "5 stored" in lines[0] and "5 already stored" in lines[1]


def test_a_foreign_database_is_a_clear_error(tmp_path):
    db = tmp_path / "notes.db"
    db.write_bytes(b"these are my notes, not a database" * 50)
    jsonl = tmp_path / "a.jsonl"
    write_jsonl(jsonl, 2, repeats=0)
    result = runner.invoke(app, ["ingest", str(jsonl), "--db", str(db), "--layers", "segments"])
    assert result.exit_code == 2
    assert "is not a newsxray database" in result.stderr and "Traceback" not in result.output


def test_a_reader_searches_while_a_writer_ingests(tmp_path):
    jsonl, db = tmp_path / "articles.jsonl", tmp_path / "corpus.db"
    write_jsonl(jsonl, 1500, repeats=0)
    proc = ingest_process(jsonl, db)
    seen: list[int] = []
    try:
        assert wait_for(lambda: stored_count(db) > 0, 120)
        with open_store(db, readonly=True, timeout=1.0) as reader:
            # Search until the writer has committed more (bounded by time, not by a number of
            # searches, which a loaded machine can finish before the writer's next commit).
            deadline = time.monotonic() + 120
            while proc.poll() is None and time.monotonic() < deadline:
                start = time.perf_counter()
                seen.append(len(reader.search("harbour", limit=5000)))
                assert time.perf_counter() - start < 1.0  # never waits for the writer
                if len(seen) >= 5 and seen[-1] > seen[0]:
                    break
                time.sleep(0.01)
    finally:
        proc.communicate(timeout=180)
    assert proc.returncode == 1  # the generated bad lines
    assert len(seen) >= 5 and seen == sorted(seen) and seen[-1] > seen[0]
