"""Text-overlap measures used to check extraction quality (word-shingle F1)."""
from __future__ import annotations

import re
from collections import Counter

_WORD = re.compile(r"\w+")


def shingles(text: str, n: int = 4) -> Counter:
    """Multiset of the word ``n``-grams of ``text`` (case-folded words, punctuation ignored).

    A text shorter than ``n`` words yields its whole word sequence as one shingle, so that
    short texts still compare."""
    words = _WORD.findall(text.casefold())
    if len(words) < n:
        return Counter([tuple(words)]) if words else Counter()
    return Counter(tuple(words[i:i + n]) for i in range(len(words) - n + 1))


def shingle_f1(a: str, b: str, n: int = 4) -> float:
    """F1 of the word ``n``-gram multisets of ``a`` and ``b`` (1.0 when both are empty)."""
    sa, sb = shingles(a, n), shingles(b, n)
    if not sa and not sb:
        return 1.0
    common = sum((sa & sb).values())
    if not common:
        return 0.0
    precision = common / sum(sa.values())
    recall = common / sum(sb.values())
    return 2 * precision * recall / (precision + recall)
