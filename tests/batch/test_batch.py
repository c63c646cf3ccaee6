"""Batch on a local Dask cluster: results as `analyze` gives them, exactly once across
interruptions, resumptions, extensions and a worker that dies mid-commit."""
from __future__ import annotations

import json
import shutil
from collections import Counter
from pathlib import Path

import pytest
from typer.testing import CliRunner

from newsxray.batch import committed_files, iter_manifest, read_tables, run_batch
from newsxray.batch.read import connect
from newsxray.tables import TABLES, record_tables
from tests.batch.corpus import write_corpus

pytestmark = pytest.mark.slow
LAYERS = ["segments", "sentences", "entities"]


@pytest.fixture(scope="module")
def client():
    """The local cluster `newsxray batch --workers 2` runs on."""
    from newsxray.batch.run import dask_client
    with dask_client(workers=2) as c:
        yield c


def test_local_workers_run_without_the_slowing_defaults(client):
    """No MALLOC_TRIM_THRESHOLD_ (it disables glibc's adaptive mmap threshold: ~10 % slower
    analysis), no statistical profiler and a slower event-loop tick and memory monitor in the
    workers; this process is left as it was."""
    import os

    import dask

    def worker_settings():
        import os

        import dask
        return (os.environ.get("MALLOC_TRIM_THRESHOLD_"), dask.config.get("distributed.worker.profile.enabled"),
                dask.config.get("distributed.admin.tick.interval"),
                dask.config.get("distributed.worker.memory.monitor-interval"))

    settings = client.run(worker_settings)
    assert len(settings) == 2
    assert set(settings.values()) == {(None, False, "1s", "1s")}
    assert dask.config.get("distributed.admin.tick.interval") == "20ms"
    assert dask.config.get("distributed.worker.profile.enabled") is True
    assert dask.config.get("distributed.nanny.pre-spawn-environ")["MALLOC_TRIM_THRESHOLD_"] == 65536
    assert "MALLOC_TRIM_THRESHOLD_" not in os.environ


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> dict[str, Path]:
    return write_corpus(tmp_path_factory.mktemp("corpus"))


@pytest.fixture(scope="module")
def expected(corpus) -> dict[str, list[dict]]:
    """The rows of what `newsxray analyze` makes of the same inputs."""
    import newsxray
    from newsxray.ingest.readers import iter_inputs
    nx = newsxray.load(LAYERS)
    rows: dict[str, list[dict]] = {t: [] for t in TABLES}
    for doc in nx.pipe(iter_inputs([str(corpus["jsonl"]), str(corpus["pages"])]), batch_size=32):
        for table, table_rows in record_tables(doc.to_dict()).items():
            rows[table].extend(table_rows)
    return rows


def _key(row: dict) -> tuple:
    return (row["id"], row.get("entity_id") or "", row.get("idx", -1))


def _rows(out: Path) -> dict[str, list[dict]]:
    return {t: sorted(tab.to_pylist(), key=_key) for t, tab in read_tables(out).items()}


def _run(client, inputs, out, **kw):
    return run_batch([str(p) for p in inputs], out, client=client, layers=LAYERS, **kw)


def test_full_run_equals_analyze_and_rerun_does_nothing(client, corpus, expected, tmp_path):
    out = tmp_path / "out"
    result = _run(client, [corpus["jsonl"], corpus["pages"]], out, partition_size=64)
    assert result.complete and result.partitions_total == 5
    assert result.articles_done == 307 and result.failed_inputs == 3
    assert result.peak_rss_mb and max(result.peak_rss_mb.values()) < 1024
    got = _rows(out)
    for table in TABLES:
        assert got[table] == sorted(expected[table], key=_key), table
    statuses = Counter(i["status"] for e in iter_manifest(out) for i in e["inputs"])
    assert statuses == {"done": 304, "failed": 3}
    reasons = [i["reason"] for e in iter_manifest(out) for i in e["inputs"] if i["status"] == "failed"]
    assert any("not valid JSON" in r for r in reasons)
    again = _run(client, [corpus["jsonl"], corpus["pages"]], out, partition_size=64)
    assert again.partitions_total == 0 and again.skipped_partitions == 5
    assert len(read_tables(out)["articles"]) == 307


def test_interrupted_resumed_and_extended(client, corpus, tmp_path):
    data = tmp_path / "in.jsonl"
    shutil.copy(corpus["jsonl"], data)
    out = tmp_path / "out"
    first = _run(client, [data], out, partition_size=50, max_partitions=2)
    assert first.partitions_done == 2 and first.articles_done == 100
    # a crash between a partition's table writes and its commit leaves files without a manifest
    stray = out / "articles" / "part-00000000000000000000.parquet"
    shutil.copy(next((out / "articles").glob("part-*.parquet")), stray)
    (out / "entities" / ".part-x.parquet.1234.tmp").write_bytes(b"partial")
    assert len(read_tables(out)["articles"]) == 100          # readers ignore uncommitted files
    second = _run(client, [data], out, partition_size=50)
    assert second.partitions_total == 4 and second.articles_done == 200
    assert not stray.exists() and not list((out / "entities").glob(".*.tmp"))
    ids = read_tables(out)["articles"].column("id").to_pylist()
    assert len(ids) == 300 and len(set(ids)) == 300
    # the input grows: only the new lines are processed
    with open(data, "a", encoding="utf-8") as handle:
        handle.write(json.dumps({"id": "late", "text": "Japan and France signed a pact in Tokyo."}) + "\n")
    third = _run(client, [data], out, partition_size=50)
    assert third.articles_done == 1
    ids = read_tables(out)["articles"].column("id").to_pylist()
    assert len(ids) == 301 and ids.count("late") == 1


def test_fsspec_url_input(client, tmp_path):
    data = tmp_path / "few.jsonl"
    data.write_text("".join(json.dumps({"id": f"f{n}", "text": f"Story {n} about Kenya and Peru."}) + "\n"
                            for n in range(5)), encoding="utf-8")
    result = _run(client, [f"local://{data}"], tmp_path / "out", partition_size=2)   # read through fsspec
    assert result.partitions_total == 3 and result.articles_done == 5 and result.failed_inputs == 0
    entities = read_tables(tmp_path / "out")["entities"].column("name").to_pylist()
    assert entities.count("Kenya") == 5


def test_query_and_ingest_from_parquet(client, corpus, tmp_path):
    from newsxray.cli import app
    from newsxray.store import open_store
    out = tmp_path / "out"
    _run(client, [corpus["jsonl"]], out, partition_size=100)
    runner = CliRunner()
    res = runner.invoke(app, ["query", "SELECT status, count(*) AS n FROM inputs GROUP BY 1 ORDER BY 1",
                              "--out", str(out), "--format", "jsonl"])
    assert res.exit_code == 0, res.output
    assert [json.loads(line) for line in res.stdout.splitlines()] == [
        {"status": "done", "n": 297}, {"status": "failed", "n": 3}]
    res = runner.invoke(app, ["query", "SELECT count(*) FROM mentions m JOIN entities e USING (id, entity_id)",
                              "--out", str(out), "--format", "csv"])
    assert res.exit_code == 0 and int(res.stdout.splitlines()[1]) == len(read_tables(out)["mentions"])
    bad = runner.invoke(app, ["query", "SELECT nope FROM articles", "--out", str(out)])
    assert bad.exit_code == 2
    db = tmp_path / "corpus.db"
    res = runner.invoke(app, ["ingest", "--from-parquet", str(out), "--db", str(db), "--quiet"])
    assert res.exit_code == 1, res.output                  # three inputs failed
    with open_store(db) as store:
        assert store.counts()["articles"] == 297 and len(store.failures()) == 3
        record = store.get("a0001")
        assert record["entities"] and record["text"].startswith("Report 1:")


def test_worker_killed_mid_commit(client, tmp_path):
    data = tmp_path / "kill.jsonl"
    data.write_text("".join(json.dumps({"id": f"k{n:03d}", "text": f"Report {n}: China warned Japan."}) + "\n"
                            for n in range(90)), encoding="utf-8")
    marker, out = tmp_path / "crashed", tmp_path / "out"
    result = _run(client, [data], out, partition_size=30, crash=(marker, 1))
    assert marker.exists(), "the worker was not killed"
    assert result.complete and result.articles_done == 90
    ids = read_tables(out)["articles"].column("id").to_pylist()
    assert sorted(ids) == [f"k{n:03d}" for n in range(90)]
    assert sum(len(v) for v in committed_files(out).values()) == len(list(out.glob("*/part-*.parquet")))
    con = connect(out)
    assert con.execute("SELECT count(DISTINCT id) FROM mentions").fetchone()[0] == 90


def test_cli_batch_runs_a_local_cluster(tmp_path):
    from newsxray.cli import app
    data = tmp_path / "cli.jsonl"
    data.write_text("".join(json.dumps({"id": f"c{n}", "text": f"Line {n}.\nMore text here."}) + "\n"
                            for n in range(6)), encoding="utf-8")
    out = tmp_path / "out"
    args = ["batch", str(data), "--out", str(out), "--workers", "1", "--layers", "segments", "--partition-size", "4"]
    res = CliRunner().invoke(app, args)
    assert res.exit_code == 0, res.output
    assert "6 article(s) in 2 partition(s)" in res.output and "dashboard" in res.output
    again = CliRunner().invoke(app, args)
    assert again.exit_code == 0 and "0 article(s) in 0 partition(s)" in again.output
    assert "2 partition(s) already done" in again.output
    bad = CliRunner().invoke(app, ["batch", "-", "--out", str(out), "--workers", "1"])
    assert bad.exit_code == 2 and "ingest" in bad.output


def test_cli_batch_refuses_bad_output_before_starting_a_cluster(tmp_path, monkeypatch):
    from newsxray import batch as batch_pkg
    from newsxray.cli import app

    def no_cluster(**_):
        raise AssertionError("a cluster was started for a job that cannot run")

    monkeypatch.setattr(batch_pkg, "dask_client", no_cluster)
    data = tmp_path / "in.jsonl"
    data.write_text(json.dumps({"id": "a", "text": "One line of text."}) + "\n", encoding="utf-8")
    a_file = tmp_path / "taken"
    a_file.write_text("not a directory", encoding="utf-8")
    for out, says in ((a_file, "is a file"), ("s3://bucket/out", "object stores")):
        res = CliRunner().invoke(app, ["batch", str(data), "--out", str(out)])
        assert res.exit_code == 2 and says in res.output, res.output
