"""Time expressions on TempEval-3 (TimeBank + AQUAINT, TBAQ-cleaned): the timexes layer
against the gold TIMEX3 annotation, on a held-out split of the documents.

The split is fixed: a document is in the held-out ``dev`` part when the SHA-256 of
``"newsxray-timex-dev:" + file name`` is 0 modulo 5 (60 of 256 documents, 406 of 1,822
timexes); the rest is ``train``, the only part used to write and tune the rules.

Each document's TEXT is the article text (one body segment), its DCT the publication
date. The parse, sentences and timexes run as in the pipeline. Scores, as TempEval-3
defines them: strict span F1 (exact offsets), relaxed span F1 (any overlap, one-to-one),
value F1 and type accuracy on the relaxed matches (value F1 = F1 with only matches whose
value is right counted as hits); also mod accuracy. Per corpus (TimeBank, AQUAINT) and
overall.

    .venv/bin/python benchmarks/timex.py [--split dev|train|all] [--errors N]

``--errors`` lists missed, spurious and wrongly valued expressions (use it on train only).
"""
from __future__ import annotations

import argparse
import hashlib
import time
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from newsxray.annotators.sentences import Sentences
from newsxray.annotators.timexes import Timexes
from newsxray.document import Document, Segment
from newsxray.nlp import Parser

DEFAULT_ROOT = Path("/work/shared/datasets/tempeval3/Training/TBAQ-cleaned")
CORPORA = ("TimeBank", "AQUAINT")


@dataclass
class Gold:
    start: int
    end: int
    type: str
    value: str
    mod: str | None


@dataclass
class GoldDoc:
    name: str
    corpus: str
    dct: str
    text: str
    timexes: list[Gold] = field(default_factory=list)


def is_dev(name: str) -> bool:
    """The fixed held-out split: one document in five, by a hash of its file name."""
    return int(hashlib.sha256(f"newsxray-timex-dev:{name}".encode()).hexdigest(), 16) % 5 == 0


def read_timeml(path: Path, corpus: str) -> GoldDoc:
    """The text of the TEXT element and its TIMEX3 spans."""
    tree = etree.parse(str(path))
    dct = tree.find(".//DCT/TIMEX3").get("value")[:10]
    parts: list[str] = []
    gold: list[Gold] = []

    def walk(node) -> None:
        if node.tag == "TIMEX3":
            start = sum(map(len, parts))
            text = "".join(node.itertext())
            parts.append(text)
            gold.append(Gold(start, start + len(text), node.get("type"), node.get("value"), node.get("mod")))
        else:
            parts.append(node.text or "")
            for child in node:
                walk(child)
                parts.append(child.tail or "")

    walk(tree.find(".//TEXT"))
    return GoldDoc(path.name, corpus, dct, "".join(parts), gold)


def load_corpus(root: Path = DEFAULT_ROOT, split: str = "dev") -> list[GoldDoc]:
    docs = []
    for corpus in CORPORA:
        for path in sorted((root / corpus).glob("*.tml")):
            if split == "all" or (split == "dev") == is_dev(path.name):
                docs.append(read_timeml(path, corpus))
    return docs


def to_document(gold: GoldDoc) -> Document:
    text = gold.text
    start = len(text) - len(text.lstrip())
    end = len(text.rstrip())
    doc = Document(text=text, id=gold.name, published=gold.dct)
    doc.set_layer("segments", [Segment(start=start, end=end, type="body")])
    return doc


def annotate(golds: list[GoldDoc]) -> tuple[list[Document], float]:
    """Documents with their timexes; also the seconds the timexes annotator took."""
    docs = [to_document(g) for g in golds]
    Parser().pipe(docs)
    Sentences().pipe(docs)
    began = time.perf_counter()
    Timexes().pipe(docs)
    return docs, time.perf_counter() - began


@dataclass
class Counts:
    gold: int = 0
    system: int = 0
    strict: int = 0
    relaxed: int = 0
    value: int = 0
    type: int = 0
    mod: int = 0

    def add(self, other: "Counts") -> None:
        for name in self.__dataclass_fields__:
            setattr(self, name, getattr(self, name) + getattr(other, name))


def match(gold: list[Gold], system: list) -> list[tuple[Gold, object]]:
    """One-to-one relaxed matches (overlapping spans), greedily by largest overlap."""
    pairs = []
    for g in gold:
        for s in system:
            overlap = min(g.end, s.end) - max(g.start, s.start)
            if overlap > 0:
                pairs.append((overlap, g, s))
    pairs.sort(key=lambda p: -p[0])
    used_g, used_s, out = set(), set(), []
    for _, g, s in pairs:
        if id(g) not in used_g and id(s) not in used_s:
            used_g.add(id(g))
            used_s.add(id(s))
            out.append((g, s))
    return out


def score_doc(gold: GoldDoc, doc: Document) -> tuple[Counts, list[tuple[str, str]]]:
    system = doc.layer("timexes")
    counts = Counts(gold=len(gold.timexes), system=len(system))
    errors: list[tuple[str, str]] = []
    pairs = match(gold.timexes, system)
    for g, s in pairs:
        counts.relaxed += 1
        counts.strict += (g.start, g.end) == (s.start, s.end)
        counts.value += g.value == s.value
        counts.type += g.type == s.type
        counts.mod += (g.mod or None) == (s.mod or None)
        if g.value != s.value or (g.start, g.end) != (s.start, s.end):
            errors.append(("value" if g.value != s.value else "span",
                           f"{gold.text[g.start:g.end]!r} {g.type} {g.value} | {doc.text[s.start:s.end]!r} "
                           f"{s.type} {s.value} ({gold.dct}) {_context(gold.text, g.start, g.end)}"))
    matched_g = {id(g) for g, _ in pairs}
    matched_s = {id(s) for _, s in pairs}
    for g in gold.timexes:
        if id(g) not in matched_g:
            errors.append(("missed", f"{gold.text[g.start:g.end]!r} {g.type} {g.value} ({gold.dct}) "
                                     f"{_context(gold.text, g.start, g.end)}"))
    for s in system:
        if id(s) not in matched_s:
            errors.append(("spurious", f"{doc.text[s.start:s.end]!r} {s.type} {s.value} "
                                       f"{_context(doc.text, s.start, s.end)}"))
    return counts, errors


def _context(text: str, start: int, end: int) -> str:
    return " ".join(f"{text[max(0, start - 60):start]}[{text[start:end]}]{text[end:end + 40]}".split())


def f1(hits: int, gold: int, system: int) -> tuple[float, float, float]:
    p = hits / system if system else 0.0
    r = hits / gold if gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def report(name: str, c: Counts) -> str:
    strict = f1(c.strict, c.gold, c.system)
    relaxed = f1(c.relaxed, c.gold, c.system)
    value = f1(c.value, c.gold, c.system)
    type_acc = c.type / c.relaxed if c.relaxed else 0.0
    mod_acc = c.mod / c.relaxed if c.relaxed else 0.0
    return (f"{name:9} gold {c.gold:5} system {c.system:5} | strict P {strict[0]:.3f} R {strict[1]:.3f} "
            f"F1 {strict[2]:.3f} | relaxed P {relaxed[0]:.3f} R {relaxed[1]:.3f} F1 {relaxed[2]:.3f} | "
            f"value P {value[0]:.3f} R {value[1]:.3f} F1 {value[2]:.3f} | type acc {type_acc:.3f} "
            f"| mod acc {mod_acc:.3f}")


def run(root: Path = DEFAULT_ROOT, split: str = "dev", limit: int | None = None) -> dict:
    """Scores by corpus and overall: ``{"all": Counts, "TimeBank": ..., "errors": [...]}``."""
    golds = load_corpus(root, split)[:limit]
    docs, seconds = annotate(golds)
    totals = {name: Counts() for name in ("all",) + CORPORA}
    errors: list[tuple[str, str]] = []
    for gold, doc in zip(golds, docs):
        counts, errs = score_doc(gold, doc)
        totals["all"].add(counts)
        totals[gold.corpus].add(counts)
        errors.extend(errs)
    return {**totals, "errors": errors, "seconds": seconds, "documents": len(golds),
            "words": sum(len(g.text.split()) for g in golds)}


def metrics(c: Counts) -> dict[str, float]:
    return {"strict_f1": f1(c.strict, c.gold, c.system)[2], "relaxed_f1": f1(c.relaxed, c.gold, c.system)[2],
            "value_f1": f1(c.value, c.gold, c.system)[2], "type_accuracy": c.type / c.relaxed if c.relaxed else 0.0}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--root", type=Path, default=DEFAULT_ROOT)
    ap.add_argument("--split", choices=("dev", "train", "all"), default="dev")
    ap.add_argument("--limit", type=int, default=None)
    ap.add_argument("--errors", type=int, default=0, help="print up to N errors of each kind")
    args = ap.parse_args()
    result = run(args.root, args.split, args.limit)
    print(f"TempEval-3 TBAQ-cleaned, split {args.split}: {result['documents']} documents, "
          f"{result['words']} words; timexes layer {result['seconds']:.2f} s")
    for name in CORPORA + ("all",):
        print(report(name, result[name]))
    if args.errors:
        for kind in ("missed", "spurious", "value", "span"):
            items = [text for k, text in result["errors"] if k == kind]
            print(f"\n-- {kind}: {len(items)}")
            for text in items[: args.errors]:
                print("  " + text)


if __name__ == "__main__":
    main()
