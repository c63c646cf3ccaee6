"""Quotations attributed by punctuation alone, without a reporting verb.

- a colon after a name: ``Republican pollster Daron Shaw: “Historically, …”``,
  ``Here's Clinton in December 1992: “…”`` (the cue is the colon, the source the last
  name or personal pronoun before it in the sentence);
- a dash before a name, after the quotation: ``“He represents our greatest shame.” ―
  Sonya Herridge`` (the cue is the dash, the source the name after it);
- a speaker label that opens a paragraph of an interview transcript: ``TAPPER: Do you
  think …``, ``Q: …``, ``A: …``.

Only quotations that no reporting verb has claimed are considered.
"""
from __future__ import annotations

import re
from typing import Any

from .quote_find import Found, Sentences
from .quote_marks import Region
from .quote_regions import Regions
from .quote_spans import char_span

_DASH = re.compile(r"[ \t\u00a0]*(―|—|–|--)[ \t\u00a0]*(?=[A-Z])")
_COLON = re.compile(r":[ \t\u00a0]*\n?[ \t\u00a0]*$")
_SPEAKER_PRON = frozenset({"he", "she", "they", "we", "i"})
_LABEL = re.compile(r"\s*[\"“]?((?:[A-Z][A-Z.'’-]+(?: [A-Z][A-Z.'’-]+){0,3})|Q|A)(?=:[ \t\u00a0]+\S)")
_NAME_ENTS = frozenset({"PERSON", "ORG", "GPE", "NORP", ""})


def _token_at(sdoc: Any, pos: int) -> int | None:
    """Index of the token of ``sdoc`` that starts at or covers character ``pos``."""
    char = sdoc.char_span(pos, pos + 1, alignment_mode="expand")
    return char.start if char is not None and len(char) else None


def _dash_source(sdoc: Any, offset: int, start: int) -> Any | None:
    i = _token_at(sdoc, start - offset)
    if i is None or sdoc[i].pos_ != "PROPN":
        return None
    while i + 1 < len(sdoc) and sdoc[i + 1].pos_ == "PROPN" and sdoc[i + 1].head.i != i:
        i += 1
    tok = sdoc[i]
    while tok.head.i != tok.i and tok.dep_ in ("compound", "flat") and tok.head.pos_ == "PROPN":
        tok = tok.head
    return tok


def _colon_source(sdoc: Any, colon: int, sents: Sentences) -> Any | None:
    """The last name (or personal pronoun) before the colon token, in its sentence."""
    first = sents.of(sdoc[colon])[0]
    for i in range(colon - 1, first - 1, -1):
        tok = sdoc[i]
        if tok.pos_ == "VERB":
            return None            # a verb before the colon: the cue model's business
        if tok.pos_ == "PRON" and tok.lower_ in _SPEAKER_PRON:
            return tok
        if tok.pos_ == "PROPN" and tok.ent_type_ in _NAME_ENTS and tok.dep_ not in ("compound", "flat"):
            return tok
    return None


def _name_span(sdoc: Any, tok: Any) -> tuple[int, int]:
    """Token range of the run of proper nouns around ``tok`` (the pronoun alone otherwise)."""
    lo = hi = tok.i
    if tok.pos_ == "PROPN":
        while lo > 0 and (sdoc[lo - 1].pos_ == "PROPN" or sdoc[lo].ent_iob_ == "I"):
            lo -= 1
        while hi + 1 < len(sdoc) and (sdoc[hi + 1].pos_ == "PROPN" or sdoc[hi + 1].ent_iob_ == "I"):
            hi += 1
    return lo, hi + 1


def _found(sdoc: Any, offset: int, region: Region, cue: tuple[int, int], src: Any) -> Found:
    lo, hi = _name_span(sdoc, src)
    after_cue = cue[1] <= offset + src.idx
    while lo < src.i and (not any(ch.isalpha() for ch in sdoc[lo].text)
                          or after_cue and sdoc[lo].idx + offset < cue[1]):
        lo += 1                    # never take the dash or the closing mark into the name
    source = tuple(x + offset for x in char_span(sdoc, lo, hi))
    return Found(cue=cue, content=[(region.start, region.end)], source=source,  # type: ignore[arg-type]
                 source_tok=src, cue_tok=sdoc[_token_at(sdoc, cue[0] - offset) or src.i], score=1.0,
                 regions=[region], source_head=offset + src.idx)


def transcript(text: str, offset: int, sdoc: Any) -> list[Found]:
    """Interview transcripts: a paragraph that starts with a speaker label ("TAPPER: …",
    "Q: …", "A: …"); the label is the source, the colon the cue, the rest the content."""
    found = _LABEL.match(sdoc.text)
    if found is None:
        return []
    start, end = offset + found.end(1) + 1, offset + len(sdoc.text.rstrip())
    while start < end and text[start].isspace():
        start += 1
    i = _token_at(sdoc, found.start(1))
    j = _token_at(sdoc, found.end(1) - 1)
    if i is None or j is None or end <= start:
        return []
    colon = offset + found.end(1)
    return [Found(cue=(colon, colon + 1), content=[(start, end)], source=(offset + found.start(1), colon),
                  source_tok=sdoc[j], cue_tok=sdoc[j], score=1.0, source_head=offset + sdoc[j].idx,
                  verbatim=True)]


def marked(text: str, offset: int, sdoc: Any, regions: Regions, used: set[Region]) -> list[Found]:
    """Attributions by a colon before or a dash after an unclaimed quotation in this unit."""
    end = offset + len(sdoc.text)
    out: list[Found] = []
    sents = None
    for region in regions.between(offset, end + 8):
        if region in used or region.close is None:
            continue
        dash = _DASH.match(text, region.close, end) if region.close < end else None
        if dash is not None:
            src = _dash_source(sdoc, offset, dash.end())
            if src is not None:
                out.append(_found(sdoc, offset, region, dash.span(1), src))
                continue
        colon = _COLON.search(text, max(offset, region.open - 8), region.open)
        if colon is not None and colon.start() >= offset:
            i = _token_at(sdoc, colon.start() - offset)
            sents = sents or Sentences(sdoc)
            src = _colon_source(sdoc, i, sents) if i is not None else None
            if src is not None:
                out.append(_found(sdoc, offset, region, (colon.start(), colon.start() + 1), src))
    return out
