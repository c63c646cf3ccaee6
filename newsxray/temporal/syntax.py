"""Lookups in the shared spaCy parse: the token at a character, and the tense of the verb
that governs a time expression.

Nothing here runs spaCy; it reads the ``(offset, spacy Doc)`` pairs of ``nlp.parses``.
"""
from __future__ import annotations

from bisect import bisect_right
from typing import Any

from spacy.attrs import IDX

_FUTURE_AUX = frozenset({"will", "shall", "'ll", "wo", "’ll"})
_PERFECT_AUX = frozenset({"has", "have", "'ve", "’ve", "'s", "’s"})
_FUTURE_VERBS = frozenset({"plan", "expect", "schedule", "intend", "aim", "hope", "due",
                           "prepare", "want", "vow", "promise", "pledge", "threaten", "seek",
                           "agree", "decide"})


class ParseIndex:
    """Finds spaCy tokens by character offset in the document text."""

    def __init__(self, pairs: list[tuple[int, Any]] | None) -> None:
        self._units = sorted(pairs or [], key=lambda p: p[0])
        self._starts = [offset for offset, _ in self._units]
        self._ends = [offset + _length(parsed) for offset, parsed in self._units]
        self._token_starts: dict[int, Any] = {}

    def __bool__(self) -> bool:
        return bool(self._units)

    def _unit(self, pos: int) -> tuple[int, Any] | None:
        i = bisect_right(self._starts, pos) - 1
        if i < 0:
            return None
        return self._units[i] if pos < self._ends[i] else None

    def token_at(self, pos: int) -> Any | None:
        """The token that contains character ``pos`` (or starts nearest before it)."""
        unit = self._unit(pos)
        if unit is None:
            return None
        offset, parsed = unit
        starts = self._token_starts.get(offset)
        if starts is None:
            starts = self._token_starts[offset] = parsed.to_array(IDX)
        i = int(starts.searchsorted(pos - offset, side="right")) - 1
        return parsed[i] if i >= 0 else None

    def tokens(self, start: int, end: int) -> list[Any]:
        """The tokens that overlap ``[start, end)`` (within one parsed unit)."""
        unit = self._unit(start)
        first = self.token_at(start)
        if unit is None or first is None:
            return []
        offset, parsed = unit
        out = [first]
        i = first.i + 1
        while i < len(parsed) and offset + parsed[i].idx < end:
            out.append(parsed[i])
            i += 1
        return out


def _length(parsed: Any) -> int:
    """The length of a spaCy Doc's text, without building the text."""
    if not len(parsed):
        return 0
    last = parsed[-1]
    return last.idx + len(last.text_with_ws)


def span_root(tokens: list[Any]) -> Any | None:
    """The token of ``tokens`` whose head lies outside them (the phrase's head)."""
    if not tokens:
        return None
    ids = {t.i for t in tokens}
    for tok in tokens:
        if tok.head.i not in ids or tok.head.i == tok.i:
            return tok
    return tokens[-1]


def governing_verb(tok: Any, max_steps: int = 4) -> Any | None:
    """The nearest verb or auxiliary above ``tok`` in the dependency tree."""
    for _ in range(max_steps):
        if tok.head.i == tok.i:
            return tok if tok.pos_ in ("VERB", "AUX") else None
        tok = tok.head
        if tok.pos_ in ("VERB", "AUX"):
            return tok
    return None


def verb_tense(verb: Any) -> str | None:
    """``past``, ``present`` or ``future`` for a verb with its auxiliaries, or None."""
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    words = {a.lower_ for a in auxes}
    if words & _FUTURE_AUX:
        return "future"
    if "to" in words or (verb.tag_ == "VB" and verb.dep_ == "xcomp"):
        return _infinitive_tense(verb)
    if "going" in words:
        return "future"
    if verb.tag_ == "VBD" or any(a.tag_ == "VBD" for a in auxes):
        return "past"
    if verb.tag_ == "VBN":
        if words & _PERFECT_AUX:
            return "past"
        if not auxes:  # a reduced relative ("hosted by Japan in May", "the year ended March 31")
            return "future" if verb.lemma_.lower() in _FUTURE_VERBS else "past"
    if verb.tag_ in ("VBZ", "VBP") or any(a.tag_ in ("VBZ", "VBP") for a in auxes):
        return "present"
    if verb.tag_ == "MD":
        return "future" if verb.lower_ in _FUTURE_AUX else None
    return None


def _infinitive_tense(verb: Any) -> str:
    """"(was due) to expire Friday": the tense of the clause above, the future unless past."""
    head = governing_verb(verb) if verb.head.i != verb.i else None
    if head is None or head.i == verb.i:
        return "future"
    past_perfect = any(c.dep_ == "aux" and c.lower_ == "had" for c in head.children)
    if head.lemma_.lower() in _FUTURE_VERBS and not past_perfect:
        return "future"  # "planned to leave on Thursday"
    return "past" if verb_tense(head) == "past" else "future"


_NOUN_MODIFIER = frozenset({"compound", "amod", "nmod", "poss", "nummod"})


def tense_of(index: ParseIndex, start: int, end: int) -> str | None:
    """The tense of the verb governing the text ``[start, end)``, or None.

    A time expression that modifies a noun ("a June agreement", "Tuesday's vote") has
    no tense of its own: None."""
    tokens = index.tokens(start, end)
    root = span_root(tokens)
    if root is None or root.dep_ in _NOUN_MODIFIER:
        return None
    verb = governing_verb(root)
    return verb_tense(verb) if verb is not None else None
