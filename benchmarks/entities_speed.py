"""Time of the entities annotator against the spaCy parse it reads, on Guardian articles.

Runs the real segments annotator and the shared parse once over the articles of
``guardian_2019_sample.csv`` (columns "", date, text, source), then the entities
annotator over the parsed documents, and prints both times and their ratio.

    .venv/bin/python benchmarks/entities_speed.py [--file PATH] [--limit N] [--repeat 3]
"""
from __future__ import annotations

import argparse
import csv
import sys
import time
from pathlib import Path

from newsxray.annotators.entities import Entities
from newsxray.document import Document
from newsxray.nlp import Parser
from newsxray.registry import annotators

DEFAULT_FILE = Path("/work/shared/datasets/corpora/guardian_2019_sample.csv")


def load(path: Path, limit: int | None) -> list[str]:
    csv.field_size_limit(sys.maxsize)
    with path.open(encoding="utf-8", newline="") as handle:
        rows = [row["text"] for row in csv.DictReader(handle) if row.get("text", "").strip()]
    return rows[:limit]


def measure(texts: list[str], repeat: int = 3) -> dict:
    docs = [Document(text=text) for text in texts]
    annotators()["segments"]().pipe(docs)
    t0 = time.perf_counter()
    Parser().pipe(docs)
    parse_s = time.perf_counter() - t0
    entities = Entities()
    runs = []
    for _ in range(repeat):
        t1 = time.perf_counter()
        entities.pipe(docs)
        runs.append(time.perf_counter() - t1)
    words = sum(len(text.split()) for text in texts)
    return {"documents": len(docs), "words": words, "parse_s": parse_s, "entities_s": min(runs),
            "entities": sum(len(doc.entities) for doc in docs)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--file", type=Path, default=DEFAULT_FILE)
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    r = measure(load(args.file, args.limit), args.repeat)
    print(f"{r['documents']} documents, {r['words']} words, {r['entities']} entities")
    print(f"spaCy parse:         {r['parse_s']:7.2f} s  ({r['words'] / r['parse_s']:,.0f} words/s)")
    print(f"entities annotator:  {r['entities_s']:7.2f} s  "
          f"({100 * r['entities_s'] / r['parse_s']:.1f}% of the parse, best of {args.repeat})")


if __name__ == "__main__":
    main()
