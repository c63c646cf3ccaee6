"""The quotes layer on PolNeAR (political news attribution relations), dev split.

PolNeAR (Newell, Margolin & Ruths, LREC 2018) marks every attribution of an article as
source, cue and content spans (brat standoff), for statements and also for beliefs,
intentions and findings ("Clinton thinks …", "the poll shows …"). The corpus is read at
run time from ``/work/shared/datasets/polnear`` and never copied. Each article is scored
against one annotation: that of the first annotator listed for it in ``metadata.tsv``.

Each text goes through the whole pipeline as plain text (``newsxray.load(["quotes"])``).
Predicted quotes that share a cue are one attribution (PolNeAR gives one attribution per
cue, its content possibly in several pieces: "“…,” she said. “…”"). Figures:

- content overlap P/R/F1: a predicted and a gold attribution match when their contents
  share a word character (one-to-one, largest overlap first);
- exact content P/R/F1: the contents are equal after trimming spaces, punctuation and
  quotation marks at the edges of each piece, and a leading "that" (newsxray leaves marks
  and "that" out, PolNeAR keeps them);
- speaker accuracy: among matched pairs, the share whose speaker span overlaps the gold
  source (or both have none);
- attribution P/R/F1: content overlap *and* correct speaker;
- cue overlap P/R/F1, for information.

    .venv/bin/python benchmarks/quotes.py [--split dev] [--limit N]

Use the dev split only (train is for training, test is held out).
"""
from __future__ import annotations

import argparse
import csv
import re
import sys
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path("/work/shared/datasets/polnear/data")
_WORDCHAR = re.compile(r"\w")
_EDGES = "\"'“”‘’«»`.,;:!?()[]—–- \t\n\u00a0"

Ranges = list[tuple[int, int]]


@dataclass
class Attribution:
    content: Ranges
    source: Ranges
    cue: Ranges


def annotators(split: str, root: Path = ROOT) -> dict[str, list[str]]:
    with open(root / "metadata.tsv", newline="", encoding="utf-8") as fh:
        return {row["filename"]: row["annotators"].split("|")
                for row in csv.DictReader(fh, delimiter="\t") if row["compartment"] == split}


def parse_ann(text: str) -> list[Attribution]:
    """The attributions of a brat standoff file (fragments of a role are kept together)."""
    spans: dict[str, Ranges] = {}
    events: list[dict[str, list[str]]] = []
    for line in text.splitlines():
        parts = line.split("\t")
        if line.startswith("T") and len(parts) >= 2:
            label, _, offsets = parts[1].partition(" ")
            spans[parts[0]] = [tuple(map(int, p.split())) for p in offsets.split(";")]  # type: ignore[misc]
        elif line.startswith("E") and len(parts) >= 2:
            roles: dict[str, list[str]] = {}
            for arg in parts[1].split():
                role, _, tid = arg.partition(":")
                roles.setdefault(role.rstrip("0123456789"), []).append(tid)
            events.append(roles)

    def ranges(roles: dict[str, list[str]], role: str) -> Ranges:
        return sorted(r for tid in roles.get(role, []) for r in spans.get(tid, []))

    return [Attribution(ranges(e, "Content"), ranges(e, "Source"), ranges(e, "Cue"))
            for e in events if ranges(e, "Content")]


def load(split: str = "dev", limit: int | None = None, root: Path = ROOT) -> list[tuple[str, str, list[Attribution]]]:
    """``(name, text, gold attributions)`` per article, first annotator's annotation."""
    out = []
    for name, people in sorted(annotators(split, root).items()):
        text_path = root / split / "text" / f"{name}.txt"
        ann = next((p for a in people if (p := root / split / "attributions" / f"{name}_{a}.ann").exists()), None)
        if ann is None or not text_path.exists():
            continue
        out.append((name, text_path.read_text(encoding="utf-8"), parse_ann(ann.read_text(encoding="utf-8"))))
        if limit and len(out) >= limit:
            break
    return out


def predicted(doc) -> list[Attribution]:
    """The document's quotes as attributions: quotes sharing a cue are one attribution."""
    groups: dict[tuple, Attribution] = {}
    for q in doc.layer("quotes"):
        key = (q.cue.start, q.cue.end) if q.cue else ("q", q.id)
        source = [(q.speaker.start, q.speaker.end)] if q.speaker else []
        cue = [(q.cue.start, q.cue.end)] if q.cue else []
        groups.setdefault(key, Attribution([], source, cue)).content.append((q.start, q.end))
    return list(groups.values())


def overlap(text: str, a: Ranges, b: Ranges) -> int:
    """Characters shared by two range lists (0 unless a word character is shared)."""
    total, word = 0, False
    for s1, e1 in a:
        for s2, e2 in b:
            lo, hi = max(s1, s2), min(e1, e2)
            if lo < hi:
                total += hi - lo
                word = word or _WORDCHAR.search(text, lo, hi) is not None
    return total if word else 0


def normal(text: str, ranges: Ranges) -> str:
    """The content as compared for exact matches: each piece trimmed of spaces, punctuation
    and quotation marks at its edges, the pieces joined, a leading "that" dropped."""
    body = " ".join(piece for s, e in sorted(ranges) if (piece := text[s:e].strip(_EDGES)))
    if body.lower().startswith("that "):
        body = body[5:].strip(_EDGES)
    return " ".join(body.split())


def match(text: str, gold: list[Attribution], pred: list[Attribution], role: str = "content") -> list[tuple[int, int]]:
    """One-to-one pairs (gold index, pred index) by overlap of ``role``, largest first."""
    pairs = []
    for i, g in enumerate(gold):
        for j, p in enumerate(pred):
            shared = overlap(text, getattr(g, role), getattr(p, role))
            if shared:
                pairs.append((shared, i, j))
    used_g, used_p, out = set(), set(), []
    for _, i, j in sorted(pairs, reverse=True):
        if i not in used_g and j not in used_p:
            used_g.add(i)
            used_p.add(j)
            out.append((i, j))
    return out


class Tally:
    def __init__(self) -> None:
        self.gold = self.pred = self.overlap = self.exact = self.speaker = self.cue = 0

    def add(self, text: str, gold: list[Attribution], pred: list[Attribution]) -> None:
        self.gold += len(gold)
        self.pred += len(pred)
        pairs = match(text, gold, pred)
        self.overlap += len(pairs)
        self.cue += len(match(text, [g for g in gold if g.cue], [p for p in pred if p.cue], "cue"))
        self.exact += sum(1 for i, j in pairs if normal(text, pred[j].content) == normal(text, gold[i].content))
        self.speaker += sum(1 for i, j in pairs if _same_speaker(text, gold[i], pred[j]))

    def figures(self) -> dict[str, float]:
        def prf(hits_p: int, hits_r: int) -> tuple[float, float, float]:
            p = hits_p / self.pred if self.pred else 0.0
            r = hits_r / self.gold if self.gold else 0.0
            return p, r, (2 * p * r / (p + r) if p + r else 0.0)
        out = {}
        for name, hits in (("content overlap", self.overlap), ("exact content", self.exact),
                           ("attribution", self.speaker), ("cue overlap", self.cue)):
            out[name] = prf(hits, hits)
        out["speaker accuracy"] = self.speaker / self.overlap if self.overlap else 0.0
        return out


def _same_speaker(text: str, gold: Attribution, pred: Attribution) -> bool:
    if not gold.source:
        return not pred.source
    return bool(pred.source) and overlap(text, gold.source, pred.source) > 0


def report(tally: Tally, docs: int, seconds: float) -> str:
    lines = [f"PolNeAR: {docs} articles, {tally.gold} gold attributions, {tally.pred} predicted, "
             f"{seconds:.1f} s"]
    for name, value in tally.figures().items():
        if isinstance(value, tuple):
            p, r, f = value
            lines.append(f"  {name:<18} P {p:.3f}  R {r:.3f}  F1 {f:.3f}")
        else:
            lines.append(f"  {name:<18} {value:.3f}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--split", default="dev", choices=["dev", "train"])
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--root", type=Path, default=ROOT)
    args = parser.parse_args(argv)
    if not args.root.exists():
        print(f"PolNeAR not found at {args.root}", file=sys.stderr)
        return 2
    import newsxray
    data = load(args.split, args.limit, args.root)
    analyzer = newsxray.load(["quotes"])
    started = time.perf_counter()
    docs = analyzer.pipe([{"id": name, "text": text} for name, text, _ in data], on_error="raise")
    tally = Tally()
    for (name, text, gold), doc in zip(data, docs):
        tally.add(text, gold, predicted(doc))
    print(report(tally, len(data), time.perf_counter() - started))
    return 0


if __name__ == "__main__":
    sys.exit(main())
