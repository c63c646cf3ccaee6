"""Scale-out: batch throughput with 1 and 2 Dask workers, per-worker memory, overhead over ``pipe``.

    .venv/bin/python benchmarks/scale.py [--articles 240] [--layers all] [--partition-size 20]
                                         [--repeats 1] [--warm] [--json]

The input is a JSONL file of ``--articles`` articles made from the bundled ``examples/*.txt``
(cycled, each made distinct by a reference line), written to a temporary directory. In one run:

1. **pipe**: ``newsxray.load(layers).pipe(...)`` in a fresh Python process (timed after its imports,
   model load included), so that no round reuses a model loaded by an earlier one;
2. **batch, 1 worker** and **batch, 2 workers**: ``run_batch`` on a fresh local cluster of N
   single-threaded worker processes, built as ``newsxray batch --workers N`` builds it, each into a fresh
   output directory; the time is ``run_batch``'s wall time (planning, the workers' model
   load, analysis, Parquet writing and commits) — cluster start-up is reported apart.

Figures: articles/s of each, the speed-up of 2 workers over 1 (target >= 1.7 on 2 cores),
the overhead of batch with 1 worker over ``pipe`` (target < 10 %) and each worker's peak
resident memory (target < 1 GB). Other processes on the machine slow every figure; the
script prints the load average before and after so that a noisy run can be told apart.
"""
from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from newsxray.batch import run_batch  # noqa: E402


def make_input(path: Path, n: int) -> None:
    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "examples").glob("*.txt"))]
    with open(path, "w", encoding="utf-8") as handle:
        for i in range(n):
            text = f"{texts[i % len(texts)].rstrip()}\n(Reference {i}.)\n"
            handle.write(json.dumps({"id": f"s{i:05d}", "text": text, "published": "2024-03-14"}) + "\n")


WARM_UP = "Warm-up: Japan and China held talks in Tokyo on Monday, officials said."


def warm_worker(layers: list[str] | None) -> None:
    """Build (and run once) the pipeline a batch task will reuse, as a long-running worker has."""
    from newsxray.batch.task import _analyzer
    from newsxray.ingest.limits import LIMITS

    nx = _analyzer(tuple(layers) if layers else None, LIMITS.max_bytes, False)
    list(nx.pipe([WARM_UP]))


def _pipe_seconds(path: Path, layers: list[str] | None, warm: bool) -> float:
    import newsxray
    from newsxray.ingest.readers import iter_inputs
    if warm:
        nx = newsxray.load(layers)
        list(nx.pipe([WARM_UP]))
    began = time.perf_counter()
    if not warm:
        nx = newsxray.load(layers)
    n = sum(1 for _ in nx.pipe(iter_inputs([str(path)]), batch_size=32))
    assert n > 0
    return time.perf_counter() - began


def time_pipe(path: Path, layers: list[str] | None, *, warm: bool = False) -> float:
    """``pipe`` in a fresh Python process, as each batch round starts fresh worker processes.

    (In this process, rounds after the first would reuse the spaCy model that ``newsxray.load``
    caches per process and so skip the model load that every batch round pays.)
    """
    import subprocess
    argv = [sys.executable, __file__, "--pipe-only", str(path), "--layers", ",".join(layers) if layers else "all"]
    if warm:
        argv.append("--warm")
    done = subprocess.run(argv, check=True, capture_output=True, text=True)
    return float(done.stdout.strip().splitlines()[-1])


def time_batch(path: Path, out: Path, workers: int, layers: list[str] | None, partition_size: int, *,
               warm: bool = False) -> dict:
    from newsxray.batch.run import dask_client
    began = time.perf_counter()
    with dask_client(workers=workers) as client:
        client.wait_for_workers(workers)
        if warm:
            client.run(warm_worker, layers)
        startup = time.perf_counter() - began
        result = run_batch([str(path)], out, client=client, layers=layers, partition_size=partition_size)
    assert result.complete, result.failed_partitions
    return {"seconds": result.seconds, "startup_seconds": startup, "articles": result.articles_done,
            "peak_rss_mb": result.peak_rss_mb}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=240)
    parser.add_argument("--layers", default="all", help="comma-separated layers, or all")
    parser.add_argument("--partition-size", type=int, default=20)
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--warm", action="store_true",
                        help="steady state: workers and the pipe process build their pipeline before the clock "
                             "starts (a long-running worker's cost; imports and model load excluded from both)")
    parser.add_argument("--repeats", type=int, default=1,
                        help="rounds of (1 worker, 2 workers, pipe); figures are medians over rounds, with "
                             "each round's ratios listed (timings on shared machines are noisy)")
    parser.add_argument("--pipe-only", metavar="JSONL", help=argparse.SUPPRESS)
    args = parser.parse_args()
    layers = None if args.layers == "all" else args.layers.split(",")
    if args.pipe_only:
        print(_pipe_seconds(Path(args.pipe_only), layers, args.warm))
        return
    load_before = os.getloadavg()
    rounds = []
    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp) / "input.jsonl"
        make_input(data, args.articles)
        for r in range(max(1, args.repeats)):
            # the order alternates (1 worker, 2 workers, pipe / pipe, 2 workers, 1 worker) so that a slow
            # phase of a shared machine does not always fall on the same contender
            if r % 2 == 0:
                one = time_batch(data, Path(tmp) / f"one{r}", 1, layers, args.partition_size, warm=args.warm)
                two = time_batch(data, Path(tmp) / f"two{r}", 2, layers, args.partition_size, warm=args.warm)
                pipe = time_pipe(data, layers, warm=args.warm)
            else:
                pipe = time_pipe(data, layers, warm=args.warm)
                two = time_batch(data, Path(tmp) / f"two{r}", 2, layers, args.partition_size, warm=args.warm)
                one = time_batch(data, Path(tmp) / f"one{r}", 1, layers, args.partition_size, warm=args.warm)
            rounds.append((one, two, pipe))
    n = args.articles
    med = statistics.median
    overheads = [round(100 * (one["seconds"] - pipe) / pipe, 1) for one, _, pipe in rounds]
    speedups = [round(one["seconds"] / two["seconds"], 2) for one, two, _ in rounds]
    figures = {
        "articles": n, "layers": args.layers, "warm": args.warm, "partition_size": args.partition_size,
        "repeats": len(rounds),
        "pipe_articles_per_s": round(med(n / pipe for _, _, pipe in rounds), 2),
        "batch1_articles_per_s": round(med(n / one["seconds"] for one, _, _ in rounds), 2),
        "batch2_articles_per_s": round(med(n / two["seconds"] for _, two, _ in rounds), 2),
        "speedup_2_workers": med(speedups),
        "overhead_batch1_vs_pipe_pct": med(overheads),
        "per_round_speedup": speedups,
        "per_round_overhead_pct": overheads,
        "cluster_startup_s": {"1": round(med(one["startup_seconds"] for one, _, _ in rounds), 1),
                              "2": round(med(two["startup_seconds"] for _, two, _ in rounds), 1)},
        "peak_rss_mb_per_worker": max(v for one, two, _ in rounds
                                      for v in list(one["peak_rss_mb"].values()) + list(two["peak_rss_mb"].values())),
        "loadavg_before_after": [round(load_before[0], 2), round(os.getloadavg()[0], 2)],
    }
    if args.json:
        print(json.dumps(figures, indent=2))
        return
    for key, value in figures.items():
        print(f"{key:32} {value}")


if __name__ == "__main__":
    main()
