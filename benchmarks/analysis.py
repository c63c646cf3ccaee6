"""Timings of the corpus analysis functions on a synthetic corpus built from the hand-written test
articles (every layer; China, Japan and Wang Yi in about two thirds of the articles: a worst case
for per-entity queries). Usage: .venv/bin/python benchmarks/analysis.py [--articles 30000] [--db PATH]"""
from __future__ import annotations

import argparse
import os
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from newsxray.store import analysis as A, analysis_sql, open_store  # noqa: E402
from tests.store import analysis_corpus as C  # noqa: E402


def build(path: str, n: int) -> None:
    for suffix in ("", "-wal", "-shm"):
        if os.path.exists(path + suffix):
            os.remove(path + suffix)
    rng = random.Random(1)
    with open_store(path, near_duplicates=False, stories=False, claims=False) as store:
        for start in range(0, n, 500):
            with store.transaction():
                for i in range(start, min(n, start + 500)):
                    rec = rng.choice([C.article_one, C.article_two, C.article_three])()
                    filler = " ".join(f"Word{rng.randint(0, 50000)}" for _ in range(300))
                    store.put(dict(rec, id=f"x{i}", url=f"https://news{i % 40}.example/{i}", text=rec["text"] + " " + filler,
                                   outlet={"domain": f"news{i % 40}.example", "name": None},
                                   published=f"2024-{1 + i % 12:02d}-{1 + i % 28:02d}T10:00:00+00:00"))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--articles", type=int, default=30000)
    parser.add_argument("--db", default="/tmp/newsxray-analysis-bench.db")
    args = parser.parse_args()
    if not os.path.exists(args.db):
        build(args.db, args.articles)
    calls = {"stats": lambda s: A.stats(s), "entity_search": lambda s: A.entity_search(s, "a"),
             "entity_profile": lambda s: A.entity_profile(s, "Wang Yi", limit=20),
             "quotes_by_speaker": lambda s: A.quotes_by_speaker(s), "quotes (one speaker)":
             lambda s: A.quotes_by_speaker(s, "Wang Yi", limit=20), "events (name)": lambda s: A.events(s, actor="China"),
             "events (ISO)": lambda s: A.events(s, actor="CHN"), "timeline (names)": lambda s: A.timeline(s, "China", "Japan"),
             "timeline (ISO)": lambda s: A.timeline(s, "CHN", "JPN"), "network": lambda s: A.network(s),
             "network (ego)": lambda s: A.network(s, entity="Japan"), "outlet_profiles": lambda s: A.outlet_profiles(s),
             "top_claims": lambda s: A.top_claims(s)}
    with open_store(args.db, readonly=True) as store:
        print(f"{store.counts()['articles']} articles")
        for name, call in calls.items():
            runs = []
            for _ in range(3):
                analysis_sql._CACHE.clear()
                t = time.perf_counter()
                call(store)
                runs.append(time.perf_counter() - t)
            t = time.perf_counter()
            call(store)
            print(f"{name:22s} median {sorted(runs)[1] * 1000:7.0f} ms   cached {1000 * (time.perf_counter() - t):6.1f} ms")


if __name__ == "__main__":
    main()
