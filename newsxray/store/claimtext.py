"""The lexical side of claim matching: a claim's content words, their overlap, and the match rule.

A claim is reduced to its *terms*: lower-cased words without function words or reporting verbs,
with a light plural strip, and its numbers (``1,200`` → ``1200``, ``3.5%`` → ``3.5``). Two claims
are the same claim when their sentence embeddings are close and, unless they are very close,
their terms overlap too (Jaccard); when both state numbers, they must share one — "unemployment
fell to 3.5%" and "unemployment fell to 4.1%" are different claims however alike they read.
"""
from __future__ import annotations

import re

_TOKEN = re.compile(r"\d+(?:[.,]\d+)*|[a-z]+(?:'[a-z]+)?")
_NUMBER = re.compile(r"\d")

STOPWORDS = frozenset("""
a about above after again against all also am an and any are aren't as at be because been before being
below between both but by can can't cannot could couldn't did didn't do does doesn't doing don't down during
each few for from further had hadn't has hasn't have haven't having he he'd he'll he's her here here's hers
herself him himself his how how's i i'd i'll i'm i've if in into is isn't it it's its itself let's me more
most mustn't my myself no nor not of off on once only or other ought our ours ourselves out over own same
shan't she she'd she'll she's should shouldn't so some such than that that's the their theirs them
themselves then there there's these they they'd they'll they're they've this those through to too under
until up very was wasn't we we'd we'll we're we've were weren't what what's when when's where where's which
while who who's whom why why's will with won't would wouldn't you you'd you'll you're you've your yours
yourself yourselves
said says say saying told tells tell stated states claimed claims claim according added adds noted
reported reports announced believes believe thinks think argued argues insisted wrote writes
mr mrs ms dr also just now still even yet however though although per cent percent
""".split())


def _stem(word: str) -> str:
    if word.endswith("'s"):
        word = word[:-2]
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def terms(text: str) -> list[str]:
    """The claim's distinct content terms, sorted."""
    out = set()
    for token in _TOKEN.findall(text.casefold().replace("\u2019", "'")):
        if token[0].isdigit():
            out.add(token.replace(",", "").rstrip("."))
        elif token not in STOPWORDS and len(token) > 1:
            out.add(_stem(token))
    return sorted(out)


def numbers(term_list: list[str] | set[str]) -> set[str]:
    return {term for term in term_list if _NUMBER.match(term)}


def jaccard(a: set[str], b: set[str]) -> float:
    if not a or not b:
        return 0.0
    return len(a & b) / len(a | b)


# Tuned on the written pairs in tests/store/test_claimmatch.py (same claim reworded vs.
# another claim on the same subject): see README, "Claim matching".
SAME_COSINE = 0.86          # this close: the same claim whatever the wording
PAIRED_COSINE = 0.70        # this close, with at least PAIRED_JACCARD of the terms shared
PAIRED_JACCARD = 0.30
FACTCHECK_COSINE = 0.80     # fact-checks are phrased their own way ("Says ...", "Claim that ...")
FACTCHECK_PAIRED = (0.70, 0.30)


def numbers_agree(a: set[str], b: set[str]) -> bool:
    """False when both claims state numbers and share none: then they are not the same claim,
    however close their embeddings (so such a pair need not be embedded at all)."""
    num_a, num_b = numbers(a), numbers(b)
    return not (num_a and num_b and not num_a & num_b)


def same_claim(cosine: float, a: set[str], b: set[str], *, factcheck: bool = False) -> bool:
    """Whether two claims (cosine of their embeddings, their term sets) state the same thing."""
    if not numbers_agree(a, b):
        return False
    if cosine >= (FACTCHECK_COSINE if factcheck else SAME_COSINE):
        return True
    low_cos, low_jac = FACTCHECK_PAIRED if factcheck else (PAIRED_COSINE, PAIRED_JACCARD)
    return cosine >= low_cos and jaccard(a, b) >= low_jac
