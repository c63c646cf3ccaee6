"""Candidate entity mentions: the model's spans, trimmed, in one parsed unit.

A ``Unit`` is one ``(offset, spaCy Doc)`` pair of the shared parse with its candidate
mentions (``Cand``) and, per token, the index of the candidate that owns it. Candidates
never overlap inside a unit; rules add, relabel or replace them through ``Unit`` methods.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

# spaCy (OntoNotes) labels -> record types; DATE, TIME, MONEY, PERCENT, QUANTITY,
# ORDINAL and CARDINAL are not entities and are dropped.
LABELS: dict[str, str] = {
    "PERSON": "PERSON", "ORG": "ORG", "GPE": "GPE", "NORP": "NORP", "LOC": "LOC",
    "FAC": "FAC", "EVENT": "EVENT", "WORK_OF_ART": "OTHER", "LAW": "OTHER",
    "PRODUCT": "OTHER", "LANGUAGE": "OTHER",
}
_LEADING = frozenset({"the", "The", "THE"})
_POSSESSIVE = frozenset({"'s", "’s", "'", "’", "'S", "’S"})
_NUMBERLESS = frozenset({"PERSON", "GPE", "LOC", "NORP"})
_CAPITALISED = frozenset({"PERSON", "GPE", "LOC", "FAC", "EVENT"})
_NAMES = frozenset({"PERSON", "GPE", "LOC", "NORP", "ORG", "FAC"})
_EDGE_PUNCT = frozenset("\"'“”‘’«»()[]{},;:!?-–—/*")


@dataclass(slots=True)
class Cand:
    """A candidate mention: doc offsets, type, and where it sits in its unit's tokens."""

    start: int
    end: int
    label: str
    t0: int  # first token (index in the unit's spaCy Doc)
    t1: int  # one past the last token
    source: str = "model"  # model | gazetteer | rule
    kind: str | None = None  # gazetteer kind: country, org, seat, region
    payload: Any = None
    description: str | None = None
    unit: int = 0
    text: str = ""


@dataclass
class Unit:
    """One parsed unit: its offset into ``doc.text``, the spaCy Doc, and its candidates."""

    index: int
    offset: int
    sdoc: Any
    text: str  # the document text
    cands: list[Cand] = field(default_factory=list)
    owner: list[int] = field(default_factory=list)
    stext: str = ""  # the spaCy Doc's text (line breaks flattened), computed once

    def __post_init__(self) -> None:
        self.owner = [-1] * len(self.sdoc)
        self.stext = self.sdoc.text

    def span_chars(self, t0: int, t1: int) -> tuple[int, int]:
        first, last = self.sdoc[t0], self.sdoc[t1 - 1]
        return self.offset + first.idx, self.offset + last.idx + len(last.text)

    def make(self, t0: int, t1: int, label: str, **extra: Any) -> Cand:
        start, end = self.span_chars(t0, t1)
        return Cand(start=start, end=end, label=label, t0=t0, t1=t1, unit=self.index,
                    text=self.text[start:end], **extra)

    def owners(self, t0: int, t1: int) -> set[int]:
        return {o for o in self.owner[t0:t1] if o >= 0}

    def add(self, cand: Cand) -> bool:
        """Add ``cand`` if its tokens are free; return whether it was added."""
        if self.owners(cand.t0, cand.t1):
            return False
        self._claim(cand)
        return True

    def replace(self, cand: Cand) -> None:
        """Add ``cand``, removing every candidate it overlaps."""
        for index in self.owners(cand.t0, cand.t1):
            old = self.cands[index]
            self.owner[old.t0:old.t1] = [-1] * (old.t1 - old.t0)
            self.cands[index] = None  # type: ignore[call-overload]
        self._claim(cand)

    def drop(self, cand: Cand) -> None:
        """Remove ``cand`` (and free its tokens)."""
        for index, held in enumerate(self.cands):
            if held is cand:
                self.cands[index] = None  # type: ignore[call-overload]
                for t in range(cand.t0, cand.t1):
                    if self.owner[t] == index:
                        self.owner[t] = -1
                return

    def _claim(self, cand: Cand) -> None:
        self.cands.append(cand)
        index = len(self.cands) - 1
        self.owner[cand.t0:cand.t1] = [index] * (cand.t1 - cand.t0)

    def owned(self, t: int) -> Cand | None:
        index = self.owner[t]
        return self.cands[index] if index >= 0 else None

    def live(self) -> list[Cand]:
        return sorted((c for c in self.cands if c is not None), key=lambda c: c.start)


def trim_tokens(sdoc: Any, t0: int, t1: int, label: str, text: str = "", offset: int = 0) -> tuple[int, int]:
    """Drop a leading "the", trailing possessives, lower-case words and punctuation at the
    ends; stop at a sentence start or a line break where the case changes ("Larry Fine" /
    "NEW YORK") inside the span; names of people and places lose edge numbers."""
    for t in range(t0 + 1, t1):
        tok = sdoc[t]
        if tok.is_sent_start or (text and text[offset + tok.idx - 1] == "\n"
                                 and tok.is_upper != sdoc[t - 1].is_upper):
            t1 = t
            break
    numbers = label in _NUMBERLESS
    while t0 < t1 and (sdoc[t0].text in _LEADING or sdoc[t0].text in _EDGE_PUNCT
                       or numbers and _has_digit(sdoc[t0].text)):
        t0 += 1
    while t1 > t0 and (sdoc[t1 - 1].text in _POSSESSIVE or sdoc[t1 - 1].text in _EDGE_PUNCT
                       or numbers and _has_digit(sdoc[t1 - 1].text)
                       or label in _NAMES and t1 - 1 > t0 and sdoc[t1 - 1].is_lower and sdoc[t1 - 2].whitespace_
                       and not sdoc[t0].is_lower):
        t1 -= 1
    return t0, t1


def _has_digit(word: str) -> bool:
    return any(ch.isdigit() for ch in word)


def trim_chars(text: str, start: int, end: int) -> tuple[int, int]:
    """Possessives glued to a token ("Isis’s", "Jones'") and stray edge characters."""
    word = text[start:end]
    if len(word) > 3 and word[-2:] in ("'s", "’s") and word[-3].isalnum():
        end -= 2
    elif len(word) > 3 and word[-1] in "'’" and word[-2] == "s":
        end -= 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in _EDGE_PUNCT):
        end -= 1
    while start < end and (text[start].isspace() or text[start] in _EDGE_PUNCT):
        start += 1
    return start, end


def model_mentions(unit: Unit) -> None:
    """The model's entity spans with a mapped type, trimmed, as candidates of ``unit``."""
    sdoc = unit.sdoc
    for ent in sdoc.ents:
        label = LABELS.get(ent.label_)
        if label is None:
            continue
        t0, t1 = trim_tokens(sdoc, ent.start, ent.end, label, unit.text, unit.offset)
        if t0 >= t1:
            continue
        cand = unit.make(t0, t1, label)
        start, end = trim_chars(unit.text, cand.start, cand.end)
        word = unit.text[start:end]
        if sum(ch.isalnum() for ch in word) < 2 or (word.islower() and (label in _CAPITALISED or t1 - t0 == 1)):
            continue  # "R.", "N", "n’t", "state": fragments and common words, not names
        cand.start, cand.end, cand.text = start, end, unit.text[start:end]
        unit.add(cand)
