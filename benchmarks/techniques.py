"""Techniques layer on the PTC dev split: SemEval-2020 Task 11 span F1 and the technique-aware variant.

    .venv/bin/python benchmarks/techniques.py [--data ../shared/datasets/ptc] [--threshold T]

Runs the shipped model the way the pipeline does (segments, the shared spaCy parse, the
``techniques`` annotator) on the dev articles held out by ``technique_eval.dev_split``
(the model was trained on the other articles only) and prints:
span-identification (SI) precision/recall/F1, the technique-aware F1, F1 per technique,
a reliability table of the calibrated scores with its expected calibration error, how the
figures move with one global threshold, and the layer's time next to the parse's.
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from newsxray.annotators.technique_eval import dev_split, overlaps_gold, read_ptc, reliability, score_spans  # noqa: E402
from newsxray.annotators.techniques import Techniques  # noqa: E402
from newsxray.document import Document  # noqa: E402
from newsxray.pipeline import Pipeline  # noqa: E402


def run(articles, threshold: float | None):
    """Parse the articles, then run the annotator at score 0 (filtered later); both timed."""
    docs = [Document(text=a.text, id=a.id) for a in articles]
    pipeline = Pipeline(["segments", "_parse"], keep_cache=True)
    start = time.perf_counter()
    for i in range(0, len(docs), 32):
        pipeline.run(docs[i:i + 32])
    parse_s = time.perf_counter() - start
    everything = Techniques(threshold=0.0)
    start = time.perf_counter()
    everything.pipe(docs)
    layer_s = time.perf_counter() - start
    every = {d.id: [(t.start, t.end, t.technique, t.score) for t in d.layer("techniques")] for d in docs}
    Techniques(threshold=threshold).pipe(docs)
    shown = {d.id: [(t.start, t.end, t.technique) for t in d.layer("techniques")] for d in docs}
    return every, shown, parse_s, layer_s


def figures_line(name: str, tally) -> str:
    return f"{name:<40} P {tally.precision:.3f}  R {tally.recall:.3f}  F1 {tally.f1:.3f}  (pred {tally.n_pred}, gold {tally.n_gold})"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", default=str(ROOT.parent / "shared" / "datasets" / "ptc"))
    ap.add_argument("--threshold", type=float, default=None,
                    help="one minimum score for every technique (default: the model's per-technique thresholds)")
    args = ap.parse_args()
    articles = read_ptc(args.data)
    _, dev_ids = dev_split(a.id for a in articles)
    dev = [a for a in articles if a.id in set(dev_ids)]
    gold = {a.id: list(a.spans) for a in dev}
    every, shown, parse_s, layer_s = run(dev, args.threshold)

    res = score_spans(shown, gold)
    print(f"PTC dev split: {len(dev)} articles, {sum(len(g) for g in gold.values())} gold spans; "
          f"threshold: {args.threshold if args.threshold is not None else 'model default (per technique)'}")
    print(figures_line("span identification (SI)", res["si"]))
    print(figures_line("technique-aware", res["aware"]))
    print("per technique:")
    for name, tally in sorted(res["per_technique"].items(), key=lambda kv: -kv[1].n_gold):
        print("  " + figures_line(name, tally))

    scored = [(s[3], overlaps_gold(s[:3], gold[i])) for i, spans in every.items() for s in spans if s[3] >= 0.05]
    table, ece = reliability([s for s, _ in scored], [c for _, c in scored])
    print("reliability (spans scored >= 0.05; correct = overlaps a gold span of the same technique):")
    for row in table:
        print(f"  {row['bin']}  n={row['n']:<5} mean score {row['mean_score']:.3f}  share correct {row['accuracy']:.3f}")
    print(f"  expected calibration error: {ece:.4f}")
    print("one global threshold instead of the per-technique ones:")
    for tau in (0.05, 0.1, 0.15, 0.2, 0.3, 0.4):
        r = score_spans({i: [s[:3] for s in spans if s[3] >= tau] for i, spans in every.items()}, gold)
        print(f"  >= {tau:.2f}: SI F1 {r['si'].f1:.3f}  technique-aware F1 {r['aware'].f1:.3f}")
    words = sum(len(a.text.split()) for a in dev)
    print(f"time: parse {parse_s:.2f} s, techniques layer {layer_s:.2f} s "
          f"({100 * layer_s / parse_s:.1f}% of the parse) for {words:,} words")


if __name__ == "__main__":
    main()
