"""Headline attributions: "Graham: Trump's rhetoric is destroying the party".

News headlines attribute a claim to a speaker with a colon: a short capitalised name or
noun phrase, a colon, then the claim. Only the title segment is read; label-like openers
("Breaking:", "Watch:", "The Latest:") and long or all-capital left parts are skipped.
"""
from __future__ import annotations

import re
from typing import Any

from ..document import Document
from .quote_find import Found

_HEADLINE = re.compile(r"([^\S\n]*)([^:\n]{2,40}?):[^\S\n]+(\S[^\n]*)")
MAX_SPEAKER_WORDS = 4
MAX_HEADLINE_WORDS = 20
_LABELS = frozenset("""
the a an breaking revealed wow exclusive watch video videos update updates look bombshell
boom busted just byline paid live analysis opinion editorial photos photo listen read
quiz podcast review explainer factbox timeline correction fact-check
""".split())
_TRIM = " \t.\u00a0"
_PAIRS = {"\"": "\"", "“": "”", "‘": "’", "'": "'"}


def _quoted(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` is one quotation: "‘I’m the worst thing’" (marks at both ends only)."""
    pair = _PAIRS.get(text[start])
    inner = text[start + 1:end - 1]
    return (pair is not None and end - start > 4 and text[end - 1] == pair
            and not any(m in inner for m in (text[start], pair) if m not in "’'"))


def _speaker_ok(left: str) -> bool:
    words = left.split()
    return (0 < len(words) <= MAX_SPEAKER_WORDS and left[0].isupper() and not left.isupper()
            and words[0].lower().strip("’'") not in _LABELS)


def _head_token(doc: Document, start: int, end: int) -> tuple[Any | None, int]:
    """The parse token heading the speaker phrase ``[start, end)`` and its offset in the
    text (``(None, start)`` when the title is not parsed)."""
    from ..nlp import parses
    for offset, sdoc in parses(doc):
        if offset <= start < offset + len(sdoc.text):
            span = sdoc.char_span(start - offset, end - offset, alignment_mode="expand")
            if span is not None and len(span):
                return span.root, offset + span.root.idx
    return None, start


def title_bounds(doc: Document) -> tuple[int, int] | None:
    """The title segment, or else a first segment that is one short line (plain text often
    starts with its headline, which the segmenter may take for the lede)."""
    segments = [seg for seg in doc.segments if seg.type not in ("dateline", "byline", "boilerplate")]
    for seg in doc.segments:
        if seg.type == "title":
            return seg.start, seg.end
    if segments and segments[0].type in ("lede", "body"):
        first = segments[0]
        line = doc.text[first.start:first.end].strip()
        if "\n" not in line and len(line.split()) <= MAX_HEADLINE_WORDS:
            return first.start, first.end
    return None


def headline(doc: Document) -> list[Found]:
    """The attribution of the title of ``doc``, if it has the "Speaker: claim" form."""
    title = title_bounds(doc)
    if title is not None:
        m = _HEADLINE.match(doc.text, *title)
        if m is None or not _speaker_ok(m.group(2)):
            return []
        s_lo, s_hi = m.start(2), m.end(2)
        c_lo, c_hi = m.start(3), m.end(3)
        while c_hi > c_lo and doc.text[c_hi - 1] in _TRIM:
            c_hi -= 1
        if c_hi - c_lo < 3:
            return []
        verbatim = _quoted(doc.text, c_lo, c_hi)
        if verbatim:
            c_lo, c_hi = c_lo + 1, c_hi - 1
        tok, head = _head_token(doc, s_lo, s_hi)
        return [Found(cue=(s_hi, s_hi + 1), content=[(c_lo, c_hi)], source=(s_lo, s_hi), source_tok=tok,
                      cue_tok=tok, score=1.0, source_head=head, verbatim=verbatim)]
    return []
