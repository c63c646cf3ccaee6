"""Entity mention accuracy on CoNLL-2003 (English), bare spaCy vs newsxray entities.

Scores the mentions of the ``entities`` layer, typed by their entity's type mapped to the
CoNLL classes (PERSON -> PER, ORG -> ORG, GPE and LOC -> LOC, NORP and every other type ->
MISC), against the gold mentions, entity-level (exact span and type), per class and
overall. The baseline is the model's own entity spans from the same parse, mapped the
same way (dates, numbers and other non-entity labels dropped). Role phrases ("the
ambassador") are not names and CoNLL does not mark them, so the entities layer runs with
``nominals=False`` here.

Document text is rebuilt from the tokens: tokens joined by spaces, sentences by newlines;
documents are split at ``-DOCSTART-`` lines, or, in files without them, before the
headline that precedes each dateline sentence ("LONDON 1996-08-30").

    .venv/bin/python benchmarks/ner.py [--file /work/shared/datasets/ner/eng.testa] [--limit N]

Use the dev file (eng.testa) only; the test file is held out.
"""
from __future__ import annotations

import argparse
import re
import time
from collections import Counter
from pathlib import Path

from newsxray.annotators.entities import Entities
from newsxray.annotators.entity_spans import LABELS
from newsxray.document import Document, Segment
from newsxray.nlp import Parser

DEFAULT_FILE = Path("/work/shared/datasets/ner/eng.testa")
CONLL = {"PERSON": "PER", "ORG": "ORG", "GPE": "LOC", "LOC": "LOC"}  # everything else: MISC
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")

Sentence = list[tuple[str, str]]  # (token, tag)


def read_sentences(path: Path) -> list[Sentence | None]:
    """Sentences of (token, NER tag); ``None`` marks a -DOCSTART- line."""
    out: list[Sentence | None] = []
    current: Sentence = []
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split()
        if not parts:
            if current:
                out.append(current)
                current = []
            continue
        if parts[0] == "-DOCSTART-":
            out.append(None)
            continue
        current.append((parts[0], parts[-1]))
    if current:
        out.append(current)
    return out


def split_documents(items: list[Sentence | None]) -> list[list[Sentence]]:
    """Documents: at -DOCSTART- markers, else before each headline + dateline pair."""
    if any(s is None for s in items):
        docs: list[list[Sentence]] = [[]]
        for sentence in items:
            if sentence is None:
                docs.append([])
            else:
                docs[-1].append(sentence)
        return [d for d in docs if d]
    sentences = [s for s in items if s is not None]
    starts = {0} | {i - 1 for i, s in enumerate(sentences) if i > 0 and _DATE.match(s[-1][0])}
    cuts = sorted(starts) + [len(sentences)]
    return [sentences[a:b] for a, b in zip(cuts, cuts[1:]) if b > a]


def to_text(sentences: list[Sentence]) -> tuple[str, set[tuple[int, int, str]]]:
    """The document text and its gold mentions (start, end, CoNLL type); IOB1 or IOB2."""
    lines, gold, offset = [], set(), 0
    for sentence in sentences:
        pos, spans, current = offset, [], None
        for token, tag in sentence:
            kind = tag[2:] if tag != "O" else None
            starts = tag.startswith("B-") or (current is not None and kind != current[2])
            if kind is None or starts or current is None:
                if current is not None:
                    spans.append(tuple(current))
                current = [pos, pos + len(token), kind] if kind else None
            else:
                current[1] = pos + len(token)
            pos += len(token) + 1
        if current is not None:
            spans.append(tuple(current))
        gold.update(spans)
        line = " ".join(token for token, _ in sentence)
        lines.append(line)
        offset += len(line) + 1
    return "\n".join(lines), gold


def baseline_mentions(doc: Document) -> set[tuple[int, int, str]]:
    found = set()
    for offset, parsed in doc.cache["parse"]:
        for ent in parsed.ents:
            label = LABELS.get(ent.label_)
            if label is not None:
                found.add((offset + ent.start_char, offset + ent.end_char, CONLL.get(label, "MISC")))
    return found


def newsxray_mentions(doc: Document) -> set[tuple[int, int, str]]:
    return {(m.start, m.end, CONLL.get(e.type, "MISC")) for e in doc.entities for m in e.mentions}


def score(gold: Counter, pred: Counter, hits: Counter) -> dict[str, tuple[float, float, float]]:
    table = {}
    for kind in ["PER", "ORG", "LOC", "MISC", "ALL"]:
        p = hits[kind] / pred[kind] if pred[kind] else 0.0
        r = hits[kind] / gold[kind] if gold[kind] else 0.0
        table[kind] = (p, r, 2 * p * r / (p + r) if p + r else 0.0)
    return table


def tally(gold: set, pred: set, counts: tuple[Counter, Counter, Counter]) -> None:
    g, p, h = counts
    for _, _, kind in gold:
        g[kind] += 1
        g["ALL"] += 1
    for span in pred:
        p[span[2]] += 1
        p["ALL"] += 1
        if span in gold:
            h[span[2]] += 1
            h["ALL"] += 1


def run(path: Path, limit: int | None = None) -> dict:
    docs_sentences = split_documents(read_sentences(path))[:limit]
    docs, golds = [], []
    for sentences in docs_sentences:
        text, gold = to_text(sentences)
        doc = Document(text=text)
        doc.set_layer("segments", [Segment(start=0, end=len(text), type="body")])
        docs.append(doc)
        golds.append(gold)
    t0 = time.perf_counter()
    Parser().pipe(docs)
    t1 = time.perf_counter()
    Entities(nominals=False).pipe(docs)
    t2 = time.perf_counter()
    base = (Counter(), Counter(), Counter())
    ours = (Counter(), Counter(), Counter())
    for doc, gold in zip(docs, golds):
        tally(gold, baseline_mentions(doc), base)
        tally(gold, newsxray_mentions(doc), ours)
    return {"documents": len(docs), "parse_s": t1 - t0, "entities_s": t2 - t1,
            "spacy": score(*base), "newsxray": score(*ours)}


def report(result: dict) -> str:
    lines = [f"documents: {result['documents']}   spaCy parse {result['parse_s']:.1f} s, "
             f"entities annotator {result['entities_s']:.2f} s "
             f"({100 * result['entities_s'] / result['parse_s']:.1f}% of the parse)", "",
             f"{'type':6} {'spaCy P':>8} {'R':>6} {'F1':>6}   {'newsxray P':>10} {'R':>6} {'F1':>6}"]
    for kind in ["PER", "ORG", "LOC", "MISC", "ALL"]:
        bp, br, bf = result["spacy"][kind]
        np_, nr, nf = result["newsxray"][kind]
        lines.append(f"{kind:6} {bp:8.3f} {br:6.3f} {bf:6.3f}   {np_:10.3f} {nr:6.3f} {nf:6.3f}")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--file", type=Path, default=DEFAULT_FILE)
    parser.add_argument("--limit", type=int, default=None, help="score only the first N documents")
    args = parser.parse_args()
    print(report(run(args.file, args.limit)))


if __name__ == "__main__":
    main()
