"""Team rules that add to the techniques model where the PTC data cannot teach it.

**Shouted loaded words.** A word from the team's loaded-language list written in
capitals inside a sentence that is mostly not in capitals ("troops for MASSIVE new
attack") is marked Loaded_Language. PTC articles hardly ever shout, so the model never
learnt what capitals add; headlines of partisan sites shout often. The span's score is
not a guess: it is the share of loaded-list words that PTC annotators marked as loaded
language in the training articles (measured by ``scripts/train_techniques.py`` and
stored with the model), so the rule is calibrated like a plain lexicon hit and the
capitals are extra evidence it does not count.
"""
from __future__ import annotations

import numpy as np

from . import technique_lexicon as lex
from .technique_features import Tokens

LOADED = lex.CATEGORIES.index("loaded")

Found = tuple[int, int, str, float]


def shouted_loaded(tok: Tokens) -> list[tuple[int, int]]:
    """Token ranges (first, last) of capitalised loaded-list words in mostly lower-case sentences."""
    if not len(tok):
        return []
    alpha, upper = tok.flags[:, 0], tok.flags[:, 1]
    caps = alpha & upper & (tok.end - tok.start >= 3)
    n_sent = len(tok.sent_bounds)
    words = np.bincount(tok.sent, weights=alpha, minlength=n_sent)
    shouted = np.bincount(tok.sent, weights=caps, minlength=n_sent)
    mostly_lower = (2 * shouted < words) & (words >= 4)
    hits = np.flatnonzero(caps & tok.cats[:, LOADED] & mostly_lower[tok.sent])
    ranges: list[tuple[int, int]] = []
    for i in hits.tolist():
        if ranges and ranges[-1][1] == i - 1 and tok.sent[i] == tok.sent[i - 1]:
            ranges[-1] = (ranges[-1][0], i)
        else:
            ranges.append((i, i))
    return ranges


def add_rule_spans(found: list[Found], tok: Tokens, score: float | None, threshold: float) -> list[Found]:
    """``found`` plus the shouted loaded words not already covered by a loaded-language span
    scored at least as high (nothing is added without a measured ``score``)."""
    if score is None or score < threshold:
        return found
    out = list(found)
    for first, last in shouted_loaded(tok):
        start, end = int(tok.start[first]), int(tok.end[last])
        covered = any(t == "Loaded_Language" and s < end and start < e and sc >= score for s, e, t, sc in found)
        if not covered:
            out.append((start, end, "Loaded_Language", round(float(score), 4)))
    return out
