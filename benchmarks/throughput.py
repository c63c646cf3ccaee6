"""Throughput: the newsxray pipeline vs bare spaCy ``nlp.pipe`` on the same texts, in one run.

    .venv/bin/python benchmarks/throughput.py [--reuters 400] [--guardian 100] [--repeats 3]

Runs bare spaCy and newsxray alternately ``--repeats`` times over the same Reuters and
Guardian texts (from ../shared/datasets/corpora) and prints words/s for both (medians),
their ratio, and the process's peak memory. Both use the same spaCy model with all of
its components; newsxray's figure includes ingest checks, language detection, segments,
sentences, entities and everything else in the requested layers.
"""
from __future__ import annotations

import argparse
import resource
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpora import mixed  # noqa: E402

import newsxray  # noqa: E402
from newsxray.nlp import get_nlp  # noqa: E402


def timed(fn) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def drain(items) -> None:
    """Consume results one by one, keeping none (as a streaming job would)."""
    for _ in items:
        pass


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--reuters", type=int, default=400)
    ap.add_argument("--guardian", type=int, default=100)
    ap.add_argument("--repeats", type=int, default=3)
    ap.add_argument("--layers", default=None, help="layers for newsxray (default: all)")
    ap.add_argument("--batch-size", type=int, default=32)
    args = ap.parse_args()

    docs = mixed(args.reuters, args.guardian)
    texts = [d["text"] for d in docs]
    words = sum(len(t.split()) for t in texts)
    nlp = get_nlp()
    nx = newsxray.load(args.layers)
    # warm up both (model load, lazy imports)
    list(nlp.pipe(texts[:5]))
    list(nx.pipe(docs[:5]))

    spacy_times, nx_times = [], []
    for _ in range(args.repeats):
        spacy_times.append(timed(lambda: drain(nlp.pipe(texts, batch_size=args.batch_size))))
        nx_times.append(timed(lambda: drain(nx.pipe(docs, batch_size=args.batch_size))))
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    s, x = statistics.median(spacy_times), statistics.median(nx_times)
    print(f"texts: {len(texts)} ({args.reuters} Reuters + {args.guardian} Guardian), {words:,} words, "
          f"repeats: {args.repeats}, layers: {','.join(nx.layers)}")
    print(f"bare spaCy nlp.pipe : {words / s:8,.0f} words/s  (median {s:.2f} s; runs {', '.join(f'{t:.2f}' for t in spacy_times)})")
    print(f"newsxray pipe       : {words / x:8,.0f} words/s  (median {x:.2f} s; runs {', '.join(f'{t:.2f}' for t in nx_times)})")
    print(f"ratio newsxray/spaCy: {s / x:.2f}x")
    print(f"peak memory (process): {peak_mb:,.0f} MB")


if __name__ == "__main__":
    main()
