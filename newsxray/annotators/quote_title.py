"""The units of the body the quotes layer reads, with a title-case headline re-parsed.

The body (lede and body segments) is read as parsed; the title segment is read only by
the "Speaker: claim" rule (``quote_headline``). Plain text often starts with its headline,
which the segmenter may take for the lede; written in title case ("Jeb Bush Super PAC
Chief Praises Marco Rubio Donor") it defeats the tagger: its verbs come out as proper
nouns, so no cue is found. Such a first line is parsed again in sentence case: every word
is lower-cased except the first, the words of entity mentions and acronyms; the string
keeps its length, so offsets are unchanged.
"""
from __future__ import annotations

import re
from typing import Any, Iterator

from ..document import Document
from ..nlp import get_nlp, parses
from .quote_headline import title_bounds

_WORD = re.compile(r"[A-Za-z][\w'’-]*")
MIN_TITLE_WORDS = 3
TITLE_CASE_SHARE = 0.6


def title_cased(text: str) -> bool:
    """Whether most words longer than three letters start with a capital (and not all are capitals)."""
    words = [w for w in _WORD.findall(text) if len(w) > 3]
    if len(words) < MIN_TITLE_WORDS or text.isupper():
        return False
    return sum(w[0].isupper() for w in words) >= TITLE_CASE_SHARE * len(words)


def sentence_case(doc: Document, start: int, end: int) -> str:
    """``doc.text[start:end]`` lower-cased but for its first word, entity mentions and acronyms."""
    keep = [(max(m.start, start), min(m.end, end)) for e in doc.entities for m in e.mentions
            if m.start < end and start < m.end]
    out = list(doc.text[start:end])
    first = True
    for word in _WORD.finditer(doc.text, start, end):
        lo, hi = word.span()
        if first or word.group(0).isupper() and len(word.group(0)) <= 5 or \
                any(a <= lo < b for a, b in keep):
            first = False
            continue
        out[lo - start:hi - start] = word.group(0).lower()
    return "".join(out)


def units(doc: Document) -> Iterator[tuple[int, Any]]:
    """``(offset, spaCy Doc)`` of the body units, a first line in title case re-parsed in
    sentence case."""
    body = [(s.start, s.end) for s in doc.body_spans()]
    title = title_bounds(doc)
    for offset, sdoc in parses(doc):
        if not any(a <= offset < b for a, b in body):
            continue
        if title is not None and title[0] <= offset < title[1] and title_cased(sdoc.text):
            yield offset, get_nlp()(sentence_case(doc, offset, offset + len(sdoc.text)))
        else:
            yield offset, sdoc
