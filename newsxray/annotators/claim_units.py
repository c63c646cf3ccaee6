"""Candidate claims: the body's sentences, cut into clauses where a sentence holds several
statements, and the quotes they lie in.

A sentence is cut before a coordinated or juxtaposed clause that has its own subject and
verb ("France argued that ..., and as a result, the initiative was reportedly shelved"
gives two candidates); clauses introduced by "that", relative clauses and the like stay
with their sentence. Each part must keep at least ``MIN_CLAUSE_WORDS`` words, so short
coordinations ("He came and he left") are not cut.
"""
from __future__ import annotations

import bisect
from dataclasses import dataclass
from typing import Any

from ..document import Document, Quote
from .claim_features import TokenTable

MIN_SENTENCE_WORDS = 12
MIN_CLAUSE_WORDS = 5
SPLIT_DEPS = frozenset({"conj", "parataxis"})
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "expl", "csubj", "csubjpass"})
EDGE_PUNCT = ",;:-–—"
QUOTE_SHARE = 0.3   # a claim is in a quote when the quote covers at least this share of it


@dataclass(frozen=True, slots=True)
class Unit:
    """One candidate: character span in the document and token range in its parse."""

    start: int
    end: int
    table: TokenTable
    t0: int
    t1: int


def _is_clause(token) -> bool:
    return (token.dep_ in SPLIT_DEPS and token.pos_ in ("VERB", "AUX")
            and any(c.dep_ in SUBJECT_DEPS for c in token.children))


def _comma_coordinated(token) -> bool:
    """``..., and <clause>`` without "that": a statement of its own after reported speech."""
    doc = token.doc
    edge = token.left_edge.i
    return (edge >= 2 and doc[edge - 1].dep_ == "cc" and doc[edge - 2].text == ","
            and not any(c.dep_ == "mark" for c in token.children))


def _clause_heads(sent) -> list:
    """Verbs that start a clause of their own: coordinated with the root, or after "..., and"
    inside the root's reported content."""
    root = sent.root
    heads = [c for c in root.children if c.i > root.i and _is_clause(c)]
    for comp in root.children:
        if comp.dep_ == "ccomp" and comp.i > root.i:
            heads += [c for c in comp.children if c.i > comp.i and _is_clause(c) and _comma_coordinated(c)]
    return heads


def clause_cuts(sent, tab: TokenTable) -> list[int]:
    """Token indices (in the parse) where new clauses of the spaCy span ``sent`` start."""
    if len(sent) < MIN_SENTENCE_WORDS or tab.words(sent.start, sent.end) < MIN_SENTENCE_WORDS:
        return []
    doc = sent.doc
    starts = [h.left_edge.i for h in _clause_heads(sent)]
    starts += [t.i + 1 for t in sent if t.text == ";" and sent.start < t.i < sent.end - 1]
    cuts: list[int] = []
    last = sent.start
    for cut in sorted(set(starts)):
        while cut < sent.end - 1 and (doc[cut].dep_ == "cc" or doc[cut].is_punct):
            cut += 1
        if cut > last and min(tab.words(last, cut), tab.words(cut, sent.end)) >= MIN_CLAUSE_WORDS:
            cuts.append(cut)
            last = cut
    return cuts


def _trimmed(tab: TokenTable, t0: int, t1: int) -> tuple[int, int]:
    """Drop coordinators and edge punctuation at the ends of a clause's token range."""
    def edge(i: int) -> bool:
        return tab.dep[i] == "cc" or tab.text[i] in EDGE_PUNCT or tab.space[i]
    while t1 - t0 > 1 and edge(t1 - 1):
        t1 -= 1
    while t1 - t0 > 1 and edge(t0):
        t0 += 1
    return t0, t1


def _parse_of(starts: list[int], parsed: list, start: int) -> tuple[int, Any, int]:
    """The parsed unit holding ``start``: offset, spaCy Doc and end offset."""
    i = bisect.bisect_right(starts, start) - 1
    if i < 0:
        return 0, None, 0
    offset, sdoc = parsed[i]
    return offset, sdoc, offset + (sdoc[-1].idx + len(sdoc[-1].text_with_ws) if len(sdoc) else 0)


def candidate_units(doc: Document, parsed: list, *, clauses: bool = True) -> list[Unit]:
    """The candidates of ``doc``: its sentences, cut into clauses when ``clauses`` is on."""
    starts = [offset for offset, _ in parsed]
    tables: dict[int, TokenTable] = {}
    units: list[Unit] = []
    for sentence in doc.sentences:
        offset, sdoc, unit_end = _parse_of(starts, parsed, sentence.start)
        if sdoc is None or sentence.end > unit_end:
            continue
        span = sdoc.char_span(sentence.start - offset, sentence.end - offset, alignment_mode="expand")
        if span is None or not len(span):
            continue
        tab = tables.get(offset) or tables.setdefault(offset, TokenTable.of(sdoc))
        bounds = [span.start, *(clause_cuts(span, tab) if clauses else []), span.end]
        for t0, t1 in zip(bounds, bounds[1:]):
            t0, t1 = _trimmed(tab, t0, t1)
            start = max(sentence.start, offset + sdoc[t0].idx)
            end = min(sentence.end, offset + sdoc[t1 - 1].idx + len(tab.text[t1 - 1]))
            if end > start:
                units.append(Unit(start, end, tab, t0, t1))
    return units


def containing_quote(start: int, end: int, quotes: list[Quote]) -> Quote | None:
    """The quote that covers the largest share of ``[start, end)``, if it covers enough."""
    best, best_overlap = None, 0
    for quote in quotes:
        overlap = min(end, quote.end) - max(start, quote.start)
        if overlap > best_overlap:
            best, best_overlap = quote, overlap
    if best is None or best_overlap < QUOTE_SHARE * (end - start):
        return None
    return best
