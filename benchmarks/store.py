"""Store: full-text search latency over a large corpus, and what storing adds to analysis.

    .venv/bin/python benchmarks/store.py [--articles 100000] [--db /tmp/newsxray-store-bench.db]
                                         [--analysis-texts 500] [--layers LAYERS]

``--articles 0`` skips parts 1 and 2; ``--analysis-texts 0`` skips part 3; ``--ingest-texts 0``
(the default) skips part 4.

1. Builds a corpus of ``--articles`` stored articles (kept and reused if ``--db`` already holds
   them) from the Reuters-21578 and Guardian texts in ../shared/datasets/corpora. There are
   fewer distinct texts than that, so texts are repeated, each repeat with a unique id and a
   one-line suffix naming its copy number (so every stored text is distinct, and repeats are
   linked as near-duplicates as syndicated copies would be). Records are put directly through
   the store API (text and metadata, no layers): FTS covers the whole text either way.
2. Runs a fixed set of queries (words, phrases, OR, prefixes, with and without a date
   filter) ``--repeats`` times each and reports p50/p95/max latency in ms (top 20 hits with
   bm25 ranking and snippets, as `newsxray search` asks).
3. Analyses ``--analysis-texts`` texts with ``pipe`` in batches of 32 (as ``newsxray ingest``
   does), then stores the records twice into fresh databases, one transaction per batch: with
   story clustering and claim matching on (the default, what ingest does) and off. Reports the
   CPU time of the ``put`` calls and their commits against the CPU time of the analysis: the
   share storage adds (CPU time, so that other jobs on a shared machine do not skew it; the
   wall-clock share is printed too).
4. ``--ingest-texts N``: wall-clock and process CPU time (all threads) of ``ingest_once`` over N
   texts (a JSONL file; all layers, stories + claims on, fresh database each time) against the
   analysis alone (``pipe`` over the same inputs, in the same batches of 32), and of ``ingest_once``
   with the embedding warmer switched off (the vectors computed inside ``put``, as before): the
   store step's share of the analysis, medians over ``--repeats`` rounds (the three runs
   interleaved in each round, the vector cache emptied before each run).

The 100,000-article corpus is built with ``stories=False, claims=False`` (text only): it is
there for search latency, and embedding 100,000 story texts would take hours.
"""
from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpora import guardian, mixed, reuters  # noqa: E402

import newsxray  # noqa: E402
from newsxray.document import Document  # noqa: E402
from newsxray.embed import embed  # noqa: E402
from newsxray.store import Filters, content_hash, open_store, vectors  # noqa: E402

QUERIES = [
    "oil", "prices", "interest rates", '"trade deficit"', "bank AND merger", "coffee OR cocoa",
    "export*", "federal reserve", "brexit", "climate change", "shares fell", "opec production",
    '"said on Monday"', "wheat", "japan yen dollar", "government minister", "strike", "profit NOT loss",
    "election", "football",
]


def build(db: Path, articles: int) -> float:
    unique = {content_hash(d["text"]): (d["text"], d.get("published"))
              for d in list(reuters()) + list(guardian())}  # Reuters repeats some stories verbatim
    texts = list(unique.values())
    with open_store(db, stories=False, claims=False) as store:
        have = store.counts()["articles"]
        if have >= articles:
            return 0.0
        start = time.perf_counter()
        for begin in range(have, articles, 1000):
            with store.transaction():
                for n in range(begin, min(begin + 1000, articles)):
                    text, published = texts[n % len(texts)]
                    copy = n // len(texts)
                    if copy:
                        text = f"{text}\n(Archive copy {copy}.)"
                    store.put(Document(text=text, id=f"bench-{n}", published=published))
            print(f"\r  stored {min(begin + 1000, articles):,}", end="", file=sys.stderr, flush=True)
        print(file=sys.stderr)
        return time.perf_counter() - start


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))]


def search_latency(db: Path, repeats: int) -> dict:
    times = []
    with open_store(db, readonly=True) as store:
        for query in QUERIES:  # warm the page cache once
            store.search(query, limit=20)
        for _ in range(repeats):
            for query in QUERIES:
                for filters in (None, Filters(since="1987-03-01", until="1987-03-31")):
                    start = time.perf_counter()
                    store.search(query, filters, limit=20)
                    times.append((time.perf_counter() - start) * 1000)
        articles = store.counts()["articles"]
    return {"articles": articles, "searches": len(times), "p50": percentile(times, 0.5),
            "p95": percentile(times, 0.95), "max": max(times)}


def storage_share(n_texts: int, layers: str | None, tmp: Path, batch: int = 32) -> dict:
    docs = mixed(n_texts * 4 // 5, n_texts - n_texts * 4 // 5)
    nx = newsxray.load(layers)
    list(nx.pipe(docs[:5]))  # warm-up: model load, lazy imports
    embed(["warm up"])       # the embedding model is loaded once per process, like spaCy's
    batches, cpu, wall = [], 0.0, 0.0
    for begin in range(0, len(docs), batch):
        c, w = time.process_time(), time.perf_counter()
        batches.append(list(nx.pipe(docs[begin:begin + batch], batch_size=batch)))
        cpu, wall = cpu + time.process_time() - c, wall + time.perf_counter() - w
    out = {"texts": len(docs), "analysis_cpu": cpu, "analysis_wall": wall}
    for name, on in (("on", True), ("off", False)):
        out[name] = _store_all(batches, tmp / "share.db", on)
    return out


def _store_all(batches: list[list], db: Path, on: bool) -> tuple[float, float, int, int]:
    """CPU and wall seconds to put every record, one transaction per batch, into a fresh database,
    and how many story texts and claims got a vector."""
    for suffix in ("", "-wal", "-shm"):
        Path(f"{db}{suffix}").unlink(missing_ok=True)
    cpu = wall = 0.0
    with open_store(db, stories=on, claims=on) as store:
        for records in batches:
            c, w = time.process_time(), time.perf_counter()
            with store.transaction():
                for record in records:
                    store.put(record)
            cpu, wall = cpu + time.process_time() - c, wall + time.perf_counter() - w
        return (cpu, wall, *embedded(store))


def embedded(store) -> tuple[int, int]:
    """Story texts and claims that have a vector (the others were never compared, so never embedded)."""
    return store.conn.execute("SELECT (SELECT count(*) FROM story_members WHERE length(vector) > 0), "
                              "(SELECT count(*) FROM claim_items WHERE vector IS NOT NULL)").fetchone()


def report_share(share: dict) -> None:
    n, cpu, wall = share["texts"], share["analysis_cpu"], share["analysis_wall"]
    print(f"analysis of {n} texts (all layers unless --layers): {cpu:.1f} s CPU ({cpu / n * 1000:.0f} ms each), "
          f"{wall:.1f} s wall")
    for name, label in (("on", "with stories + claims (default)"), ("off", "without stories + claims")):
        s_cpu, s_wall = share[name][:2]
        print(f"  store {label}: {s_cpu:.2f} s CPU ({s_cpu / n * 1000:.1f} ms per record) = "
              f"{s_cpu / cpu:.1%} of analysis CPU time; wall {s_wall / wall:.1%} (target < 10%)")
    print(f"  vectors made (only for what was compared; repeated texts are embedded once): "
          f"{share['on'][2]} story texts and {share['on'][3]} claims for {n} records")


def ingest_share(n_texts: int, layers: str | None, tmp: Path, repeats: int, batch: int = 32) -> dict:
    """Median wall and CPU seconds of: the analysis alone, ingest_once, ingest_once without warmer."""
    docs = mixed(n_texts * 4 // 5, n_texts - n_texts * 4 // 5)
    path = tmp / "ingest-share.jsonl"
    path.write_text("".join(json.dumps(d) + "\n" for d in docs), encoding="utf-8")
    nx = newsxray.load(layers)
    list(nx.pipe(docs[:5]))
    embed(["warm up"])
    runs: dict[str, list[tuple[float, float]]] = {"analysis": [], "ingest": [], "ingest, no warmer": []}
    for _ in range(max(1, repeats)):
        for name in runs:
            vectors.clear_cache()
            c, w = time.process_time(), time.perf_counter()
            _one_run(name, nx, path, tmp / "ingest-share.db", batch)
            runs[name].append((time.process_time() - c, time.perf_counter() - w))
    return {"texts": len(docs), "repeats": max(1, repeats),
            **{name: (statistics.median(r[0] for r in v), statistics.median(r[1] for r in v))
               for name, v in runs.items()}}


def _one_run(name: str, nx, path: Path, db: Path, batch: int) -> None:
    from newsxray.cli import ingest as ingest_mod
    from newsxray.ingest.readers import iter_inputs

    if name == "analysis":
        for chunk in ingest_mod._chunks(iter_inputs([str(path)]), batch):
            list(nx.pipe(chunk, batch_size=len(chunk)))
        return
    for suffix in ("", "-wal", "-shm"):
        Path(f"{db}{suffix}").unlink(missing_ok=True)
    saved = ingest_mod.Warmer
    if name == "ingest, no warmer":
        ingest_mod.Warmer = _NoWarmer
    try:
        with open_store(db) as store:
            tally = ingest_mod.ingest_once([str(path)], analyzer=nx, store=store, batch_size=batch)
        assert tally["stored"] > 0, tally
    finally:
        ingest_mod.Warmer = saved


class _NoWarmer:
    """The ingest loop without embedding ahead: put embeds what it compares (the old behaviour)."""

    def __init__(self, **_) -> None:
        pass

    def __enter__(self):
        return self

    def __exit__(self, *exc) -> None:
        pass

    def submit(self, docs):
        return None

    def records(self, future, docs):
        return list(docs)


def report_ingest(share: dict) -> None:
    base_cpu, base_wall = share["analysis"]
    print(f"ingest_once over {share['texts']} texts (all layers unless --layers, stories + claims on), "
          f"medians of {share['repeats']}: analysis alone {base_wall:.1f} s wall, {base_cpu:.1f} s CPU")
    for name in ("ingest", "ingest, no warmer"):
        cpu, wall = share[name]
        print(f"  {name}: {wall:.1f} s wall (+{wall / base_wall - 1:.1%}, target < 10%), "
              f"{cpu:.1f} s CPU (+{cpu / base_cpu - 1:.1%})")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=100_000)
    ap.add_argument("--db", type=Path, default=Path("/tmp/newsxray-store-bench.db"))
    ap.add_argument("--repeats", type=int, default=5)
    ap.add_argument("--analysis-texts", type=int, default=500)
    ap.add_argument("--ingest-texts", type=int, default=0, help="part 4: texts for the ingest_once timing")
    ap.add_argument("--layers", default=None, help="layers for the storage-share run (default: all)")
    args = ap.parse_args()

    if args.articles:
        search_part(args)
    if args.analysis_texts:
        report_share(storage_share(args.analysis_texts, args.layers, args.db.parent))
    if args.ingest_texts:
        report_ingest(ingest_share(args.ingest_texts, args.layers, args.db.parent, args.repeats))


def search_part(args: argparse.Namespace) -> None:
    built = build(args.db, args.articles)
    if built:
        print(f"built {args.articles:,} articles in {built:.0f} s ({built / args.articles * 1000:.2f} ms per put)")
    lat = search_latency(args.db, args.repeats)
    print(f"search over {lat['articles']:,} articles, {lat['searches']} searches: p50 {lat['p50']:.1f} ms, "
          f"p95 {lat['p95']:.1f} ms, max {lat['max']:.1f} ms (target p95 < 50 ms)")


if __name__ == "__main__":
    main()
