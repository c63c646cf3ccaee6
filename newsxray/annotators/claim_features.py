"""Features of a candidate claim, read from its spaCy tokens: the one feature code that
training (``scripts/train_claims.py``) and inference (the ``claims`` annotator) share.

A candidate (a sentence or clause) becomes a ``Bundle``:

- ``w``: lower-cased word unigrams and bigrams;
- ``c``: the lower-cased words of the text, which the model expands into character
  2–5-grams inside words padded with spaces (like scikit-learn's ``char_wb``; done there so
  that each word's n-grams can be looked up once and remembered);
- ``n``: 1–3-grams over "normalised" tokens, where numbers, dates, amounts and names are
  replaced by their entity label (``<PERCENT> of <GPE>``), so that "rose 4%" and "fell
  12%" share evidence;
- ``t``: 1–3-grams of fine-grained part-of-speech tags (tense, comparatives, modals);
- ``h``: hand-made counts (numbers, percentages, named entities by type, comparatives,
  superlatives, modal verbs, past/present tense, first- and second-person pronouns,
  opinion verbs, negation, question and exclamation marks, length);
- ``v``: the mean and the maximum of the parser's contextual token vectors
  (``Doc.tensor``, 96 dimensions in the small English model) over the candidate.

The weighting of these (tf-idf, scaling) and the vocabularies belong to the model
(``claim_model``); this module only reads the text.
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass, field

import numpy as np

TENSOR_WIDTH = 96

NUMERIC_ENTS = frozenset({"PERCENT", "MONEY", "CARDINAL", "QUANTITY", "DATE", "TIME", "ORDINAL"})
NAME_ENTS = frozenset({"PERSON", "GPE", "ORG", "NORP", "LOC", "FAC", "EVENT", "LAW"})
COUNTED_TAGS = frozenset({"JJR", "JJS", "RBR", "RBS", "MD", "VBD", "VBZ", "VBP", "VBN", "VBG",
                          "CD", "WP", "WRB", "WDT", "UH", "PRP", "PRP$", "NNP", "NNPS"})
FIRST_PERSON = frozenset({"i", "me", "my", "mine", "myself", "we", "us", "our", "ours", "ourselves"})
SECOND_PERSON = frozenset({"you", "your", "yours", "yourself", "yourselves"})
OPINION_LEMMAS = frozenset({
    "think", "believe", "feel", "hope", "want", "wish", "guess", "suppose", "love", "hate", "like",
    "agree", "disagree", "seem", "doubt", "imagine", "expect", "fear", "prefer", "trust",
})
FUTURE_WORDS = frozenset({"will", "'ll", "shall", "gonna"})
PERCENT_WORDS = frozenset({"percent", "per", "cent", "percentage", "%"})
_DIGIT = re.compile(r"\d")


@dataclass(slots=True)
class Bundle:
    """The raw features of one candidate, before the model weighs them."""

    terms: dict[str, list[str]] = field(default_factory=dict)   # block -> terms (with repeats)
    counts: dict[str, float] = field(default_factory=dict)      # the "h" block
    vector: np.ndarray | None = None                             # the "v" block


def _ngrams(items: list[str], n_max: int) -> list[str]:
    out = list(items)
    for n in range(2, n_max + 1):
        out.extend(" ".join(items[i:i + n]) for i in range(len(items) - n + 1))
    return out


def char_ngrams(words: list[str], lo: int = 2, hi: int = 5) -> list[str]:
    """Character n-grams of each word padded with one space on each side."""
    out: list[str] = []
    for word in words:
        padded = f" {word} "
        size = len(padded)
        for n in range(lo, min(hi, size) + 1):
            out.extend(padded[i:i + n] for i in range(size - n + 1))
    return out


@dataclass(slots=True)
class TokenTable:
    """The token attributes of one spaCy Doc as plain lists (read once, sliced per candidate)."""

    lower: list[str]
    tag: list[str]
    ent: list[str]
    begins: list[bool]      # token begins a named entity
    dep: list[str]
    lemma: list[str]
    like_num: list[bool]
    space: list[bool]
    punct: list[bool]
    text: list[str]
    tensor: np.ndarray | None

    @classmethod
    def of(cls, sdoc) -> TokenTable:
        from spacy.attrs import DEP, ENT_IOB, ENT_TYPE, IS_PUNCT, IS_SPACE, LEMMA, LIKE_NUM, LOWER, ORTH, TAG
        arr = sdoc.to_array([LOWER, TAG, ENT_TYPE, DEP, LEMMA, ORTH, ENT_IOB, LIKE_NUM, IS_SPACE, IS_PUNCT])
        strings = sdoc.vocab.strings
        cols = [_names(arr[:, k], strings) for k in range(6)] if len(sdoc) else [[] for _ in range(6)]
        flags = arr[:, 6:].astype(np.int64).T.tolist() if len(sdoc) else [[], [], [], []]
        return cls(cols[0], cols[1], cols[2], [v == 3 for v in flags[0]], cols[3], cols[4],
                   [bool(v) for v in flags[1]], [bool(v) for v in flags[2]], [bool(v) for v in flags[3]],
                   cols[5], getattr(sdoc, "tensor", None))

    def words(self, start: int, end: int) -> int:
        """How many tokens of ``start..end`` are neither punctuation nor space."""
        return sum(1 for i in range(start, end) if not (self.punct[i] or self.space[i]))


def _names(column: np.ndarray, strings) -> list[str]:
    uniq, inverse = np.unique(column, return_inverse=True)
    names = [strings[int(h)] if h else "" for h in uniq.tolist()]
    return [names[i] for i in inverse.ravel().tolist()]


def _normal(tab: TokenTable, idx: list[int]) -> list[str]:
    out: list[str] = []
    for i in idx:
        label = tab.ent[i]
        if label in NUMERIC_ENTS or (not label and tab.like_num[i]):
            item = f"<{label or 'NUM'}>"
        elif label in NAME_ENTS:
            item = f"<{label}>"
        else:
            out.append(tab.lower[i])
            continue
        if not out or out[-1] != item:
            out.append(item)
    return out


def _add(counts: dict[str, float], key: str) -> None:
    counts[key] = counts.get(key, 0.0) + 1.0


def hand_counts(tab: TokenTable, idx: list[int]) -> dict[str, float]:
    """The hand-made features of the tokens ``idx`` of a table (log-scaled counts)."""
    raw: dict[str, float] = {}
    for i in idx:
        low, tag = tab.lower[i], tab.tag[i]
        if tab.begins[i]:
            _add(raw, "ent:" + tab.ent[i])
        if tag in COUNTED_TAGS:
            _add(raw, "tag:" + tag)
        if low in FIRST_PERSON:
            _add(raw, "first_person")
        elif low in SECOND_PERSON:
            _add(raw, "second_person")
        if tab.lemma[i] in OPINION_LEMMAS:
            _add(raw, "opinion")
        if low in FUTURE_WORDS:
            _add(raw, "future")
        if low in PERCENT_WORDS or "%" in low:
            _add(raw, "percent")
        if _DIGIT.search(low):
            _add(raw, "digit")
        dep = tab.dep[i]
        if dep == "neg":
            _add(raw, "negation")
        elif dep == "ROOT":
            raw["root:" + tag] = 1.0
        if low in ("?", "!"):
            _add(raw, "question" if low == "?" else "exclamation")
    counts = {k: math.log1p(v) for k, v in raw.items()}
    counts["length"] = math.log1p(len(idx))
    counts["short"] = 1.0 if len(idx) < 6 else 0.0
    return counts


def pooled_vector(tensor: np.ndarray | None, start: int, end: int) -> np.ndarray:
    """Mean and max of the contextual token vectors of tokens ``start..end`` (zeros if none)."""
    if tensor is None or tensor.ndim != 2 or tensor.shape[0] < end or end <= start:
        return np.zeros(2 * TENSOR_WIDTH, dtype=np.float32)
    rows = np.asarray(tensor[start:end], dtype=np.float32)
    if rows.shape[1] != TENSOR_WIDTH:
        return np.zeros(2 * TENSOR_WIDTH, dtype=np.float32)
    return np.concatenate([rows.mean(axis=0), rows.max(axis=0)])


def featurize(tab: TokenTable, start: int, end: int, text: str) -> Bundle:
    """The bundle of tokens ``start..end`` of a token table; ``text`` is their text."""
    idx = [i for i in range(start, end) if not tab.space[i]]
    bundle = Bundle()
    bundle.terms["w"] = _ngrams([tab.lower[i] for i in idx], 2)
    bundle.terms["c"] = text.lower().split()   # expanded into char n-grams by the model
    bundle.terms["n"] = _ngrams(_normal(tab, idx), 3)
    bundle.terms["t"] = _ngrams([tab.tag[i] for i in idx], 3)
    bundle.counts = hand_counts(tab, idx)
    bundle.vector = pooled_vector(tab.tensor, start, end)
    return bundle


def featurize_doc(sdoc) -> Bundle:
    """The bundle of a whole spaCy Doc (one training sentence)."""
    return featurize(TokenTable.of(sdoc), 0, len(sdoc), sdoc.text)
