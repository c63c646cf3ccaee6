"""Features of the techniques model, computed with numpy from the shared spaCy parse.

A document becomes a ``Tokens`` table: one row per token of its parsed title, body and
related-headline units, with absolute character offsets, sentence structure, the cue
lexicon categories of each token and its VADER valence. ``technique_matrix`` turns it
into the sparse matrices of the model; training and prediction use the same code.
Words are looked up by spaCy's string hash, once per distinct word of the document.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Sequence

import numpy as np
from spacy.attrs import DEP, IDX, IS_ALPHA, IS_PUNCT, IS_SPACE, IS_TITLE, IS_UPPER, LEMMA, LENGTH, LOWER, POS, SENT_START, TAG
from spacy.strings import get_string_id

from . import technique_lexicon as lex

ATTRS = [LOWER, LEMMA, POS, TAG, DEP, IDX, LENGTH, IS_ALPHA, IS_UPPER, IS_TITLE, IS_PUNCT, IS_SPACE, SENT_START]
SEGMENT_IDS = {"title": 0, "lede": 1, "body": 2, "related": 0, "caption": 4}  # related headlines read as titles
N_POS = 128
N_CAT = len(lex.CATEGORIES)
PROB_BINS = np.array([0.1, 0.2, 0.35, 0.5, 0.7])
_QUOTES = frozenset("\"“”«»")
_CONTENT_POS = frozenset({92, 96, 84, 100})  # NOUN, PROPN, ADJ, VERB in spaCy's symbol table


@dataclass
class Tokens:
    """The tokens of one document's parsed units, with sentence and unit structure."""

    start: np.ndarray        # absolute char start
    end: np.ndarray          # absolute char end
    lower: np.ndarray        # uint64 hashes
    lemma: np.ndarray
    pos: np.ndarray          # spaCy POS symbol ids
    tag: np.ndarray          # uint64 hashes
    dep: np.ndarray
    flags: np.ndarray        # (n, 5) is_alpha, is_upper, is_title, is_punct, is_space
    sent: np.ndarray         # sentence index of each token
    quoted: np.ndarray       # inside quotation marks
    sent_bounds: np.ndarray  # (n_sent, 2) token range of each sentence
    sent_seg: np.ndarray     # segment id of each sentence
    cats: np.ndarray         # (n, N_CAT) lexicon cue of the token
    uniq: np.ndarray         # the distinct lower-case hashes ...
    inverse: np.ndarray      # ... and each token's index into them
    valence: np.ndarray      # VADER valence bin of the word (0: not in the lexicon)

    def __len__(self) -> int:
        return len(self.start)


def _hashes(words: Sequence[str]) -> dict[int, int]:
    return {get_string_id(w): i for i, w in enumerate(words)}


def _bits(indexes) -> int:
    return sum(1 << i for i in set(indexes))


_WORD_CATS = {get_string_id(w): _bits(cats) for w, cats in lex.word_categories().items()}
_PHRASE_CATS: dict[str, int] = {}
for _c, _name in enumerate(lex.CATEGORIES):
    for _phrase in lex.PHRASES[_name]:
        _PHRASE_CATS[_phrase] = _PHRASE_CATS.get(_phrase, 0) | (1 << _c)
_PHRASE_RE = re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(p) for p in sorted(_PHRASE_CATS, key=len, reverse=True))
                        + r")(?![\w-])")
_CAT_SHIFTS = np.arange(N_CAT, dtype=np.int64)


def _vader_bins() -> dict[int, int]:
    """Word hash -> valence bin (1..6: strong/medium/weak negative, weak/medium/strong positive)."""
    try:
        from .tone import analyzer
        lexicon = analyzer().lexicon
    except Exception:  # pragma: no cover - vaderSentiment is a dependency
        return {}
    edges = [-2.0, -1.0, 0.0, 1.0, 2.0]
    return {get_string_id(w): 1 + int(np.searchsorted(edges, v)) for w, v in lexicon.items() if " " not in w}


_VADER: dict[int, int] | None = None


def vader_bins() -> dict[int, int]:
    global _VADER
    if _VADER is None:
        _VADER = _vader_bins()
    return _VADER


def _lookup(values: np.ndarray, table: dict[int, Any], default: Any) -> list:
    """Look ``table`` up once per distinct value; returns (uniques' results, inverse)."""
    uniq, inverse = np.unique(values, return_inverse=True)
    return [table.get(int(h), default) for h in uniq], inverse


def _unit_arrays(offset: int, parsed: Any, seg: int, n_sent: int) -> dict[str, np.ndarray]:
    arr = parsed.to_array(ATTRS).astype(np.uint64)
    starts = arr[:, 5].astype(np.int64)
    sent_start = arr[:, 12].view(np.int64) == 1
    if len(sent_start):
        sent_start[0] = True
    sent = np.cumsum(sent_start) - 1 + n_sent
    return {
        "start": starts + offset, "end": starts + arr[:, 6].astype(np.int64) + offset,
        "lower": arr[:, 0], "lemma": arr[:, 1], "pos": arr[:, 2].astype(np.int64) % N_POS,
        "tag": arr[:, 3], "dep": arr[:, 4], "flags": arr[:, 7:12].astype(bool), "sent": sent,
        "seg": np.full(len(starts), seg, dtype=np.int64),
    }


def _quoted(text: str, start: np.ndarray, sent: np.ndarray, bounds: np.ndarray) -> np.ndarray:
    """Tokens between an opening and a closing quotation mark (mark parity within a sentence)."""
    is_quote = np.fromiter((text[s] in _QUOTES for s in start), dtype=bool, count=len(start))
    if not is_quote.any():
        return np.zeros(len(start), dtype=bool)
    seen = np.cumsum(is_quote) - is_quote            # marks before each token
    before_sentence = seen[bounds[:, 0]][sent]       # marks before the token's sentence
    return ((seen - before_sentence) % 2 == 1) & ~is_quote


def _phrase_bits(text: str, start: np.ndarray, end: np.ndarray, bits: np.ndarray) -> None:
    """Add the categories of the lexicon phrases (one regex pass) to the tokens they cover."""
    lo, hi = int(start[0]), int(end[-1])
    low = lowered(text[lo:hi])
    for m in _PHRASE_RE.finditer(low):
        a, b = np.searchsorted(start, lo + m.start()), np.searchsorted(start, lo + m.end())
        bits[a:b] |= _PHRASE_CATS.get(m.group(), 0)


_FLAT = {**{ord(c): " " for c in "\n\r\t\x0b\x0c\x85\u2028\u2029"}, **{c: c + 32 for c in range(65, 91)}}


def lowered(text: str) -> str:
    """``text`` with ASCII letters lower-cased and layout whitespace made spaces: same length,
    so offsets into ``text`` stay valid (``str.lower`` may change the length)."""
    return text.translate(_FLAT)


def _empty() -> Tokens:
    i, u = np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.uint64)
    return Tokens(i, i, u, u, i, u, u, np.zeros((0, 5), bool), i, np.zeros(0, bool), np.zeros((0, 2), np.int64), i,
                  np.zeros((0, N_CAT), bool), u, i, i)


def tokens(text: str, units: Sequence[tuple[int, Any, str]]) -> Tokens:
    """The token table of a document from its parsed units ``(offset, spacy Doc, segment type)``."""
    parts: list[dict[str, np.ndarray]] = []
    n_sent = 0
    for offset, parsed, seg in units:
        if len(parsed) == 0:
            continue
        part = _unit_arrays(offset, parsed, SEGMENT_IDS.get(seg, 2), n_sent)
        n_sent = int(part["sent"][-1]) + 1
        parts.append(part)
    if not parts:
        return _empty()
    cat = {k: np.concatenate([p[k] for p in parts]) for k in parts[0]}
    sent = cat["sent"]
    change = np.flatnonzero(np.r_[True, sent[1:] != sent[:-1], True])
    bounds = np.stack([change[:-1], change[1:]], axis=1)
    uniq, inverse = np.unique(cat["lower"], return_inverse=True)
    bits = np.array([_WORD_CATS.get(h, 0) for h in uniq.tolist()], dtype=np.int64)[inverse]
    _phrase_bits(text, cat["start"], cat["end"], bits)
    cats = ((bits[:, None] >> _CAT_SHIFTS) & 1).astype(bool)
    vader = vader_bins()
    valence = np.array([vader.get(h, 0) for h in uniq.tolist()], dtype=np.int64)[inverse]
    return Tokens(cat["start"], cat["end"], cat["lower"], cat["lemma"], cat["pos"], cat["tag"], cat["dep"],
                  cat["flags"], sent, _quoted(text, cat["start"], sent, bounds), bounds, cat["seg"][bounds[:, 0]], cats,
                  uniq, inverse, valence)
