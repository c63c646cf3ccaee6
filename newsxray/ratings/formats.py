"""Readers for the rating-table formats newsxray knows, detected from the header.

- ``lin``: Lin et al. (2023) aggregate domain quality, ``domain,pc1[,...]``; ``pc1`` in
  [0, 1]. Its level is derived from ``pc1``: below 0.28 ``low``, below 0.5 ``mixed``,
  else ``high`` (the cut points where ``pc1`` agrees best with MBFC's factuality classes
  on the domains both cover: 76% of 4,161).
- ``mbfc``: MBFC-style tables (comma- or tab-separated): a domain column (``domain``,
  ``source``, ``source_url``, ``url``, ``site``) and a factuality column
  (``factual_reporting``, ``fact``, ``factuality``), optionally ``bias``.
- ``simple``: ``domain,score,label``; the level comes from the label when it says one
  (high/reliable, mixed/medium, low/unreliable, ...).

Every reader yields ``(line, domain_value, Rating)``; a malformed row raises
``RatingsError`` naming the file and line.
"""
from __future__ import annotations

import math
from typing import Iterator

from ..document import Rating
from ..errors import ConfigError

LIN_CUTS = (0.28, 0.5)
DOMAIN_COLUMNS = ("domain", "source_url", "source", "url", "site", "website")
FACT_COLUMNS = ("factual_reporting", "factuality", "fact", "factual")
BIAS_COLUMNS = ("bias", "bias_rating")
FACTUALITY = {  # MBFC factual-reporting label -> (score, level)
    "very high": (1.0, "high"), "high": (0.8, "high"), "mostly factual": (0.6, "mixed"),
    "mixed": (0.4, "mixed"), "low": (0.2, "low"), "very low": (0.0, "low"),
}
LABEL_LEVELS = {
    "high": "high", "very high": "high", "reliable": "high", "credible": "high", "trustworthy": "high",
    "high credibility": "high", "green": "high", "trusted": "high",
    "mixed": "mixed", "medium": "mixed", "moderate": "mixed", "mostly factual": "mixed",
    "medium credibility": "mixed", "mixed reliability": "mixed",
    "low": "low", "very low": "low", "unreliable": "low", "not credible": "low", "untrustworthy": "low",
    "low credibility": "low", "red": "low", "questionable": "low", "fake": "low", "fake news": "low",
}
FORMAT_HELP = ("`domain,pc1` (Lin et al.), an MBFC-style table with a domain column "
               f"({'/'.join(DOMAIN_COLUMNS)}) and a factuality column ({'/'.join(FACT_COLUMNS)}), "
               "or `domain,score,label`; or force a format with a lin:, mbfc: or simple: prefix")


class RatingsError(ConfigError):
    """A ratings file cannot be used: missing, unreadable, or malformed at a given line."""

    def __init__(self, path: str, message: str, *, line: int | None = None):
        self.path, self.line = path, line
        where = f"{path}, line {line}" if line is not None else path
        super().__init__(f"ratings file {where}: {message}")


def detect_format(header: list[str]) -> str | None:
    """``lin``, ``mbfc``, ``simple`` or None, from the lower-cased header columns."""
    cols = set(header)
    if "domain" in cols and "pc1" in cols:
        return "lin"
    if {"domain", "score", "label"} <= cols:
        return "simple"
    if cols & set(DOMAIN_COLUMNS) and cols & set(FACT_COLUMNS):
        return "mbfc"
    return None


def fits(format: str, header: list[str]) -> bool:
    """Whether a header has the columns ``format`` needs."""
    cols = set(header)
    if format == "lin":
        return {"domain", "pc1"} <= cols
    if format == "simple":
        return {"domain", "score", "label"} <= cols
    return bool(cols & set(DOMAIN_COLUMNS) and cols & set(FACT_COLUMNS))


def _column(header: list[str], names: tuple[str, ...]) -> int | None:
    for name in names:
        if name in header:
            return header.index(name)
    return None


def _number(path: str, line: int, value: str, what: str) -> float:
    try:
        number = float(value)
    except ValueError:
        raise RatingsError(path, f"{what} {value!r} is not a number", line=line) from None
    if not math.isfinite(number):
        raise RatingsError(path, f"{what} {value!r} is not a finite number", line=line)
    return number


def lin_level(score: float) -> str:
    low, mixed = LIN_CUTS
    return "low" if score < low else "mixed" if score < mixed else "high"


def read_lin(path: str, header: list[str], rows, dataset: str) -> Iterator[tuple[int, str, Rating]]:
    d, p = header.index("domain"), header.index("pc1")
    for line, row in rows:
        score = _number(path, line, row[p].strip(), "pc1")
        if not 0.0 <= score <= 1.0:
            raise RatingsError(path, f"pc1 {score} is outside [0, 1]", line=line)
        yield line, row[d], Rating(score=round(score, 4), label=None, dataset=dataset, level=lin_level(score))


def read_simple(path: str, header: list[str], rows, dataset: str) -> Iterator[tuple[int, str, Rating]]:
    d, s, lab = header.index("domain"), header.index("score"), header.index("label")
    for line, row in rows:
        raw = row[s].strip()
        score = _number(path, line, raw, "score") if raw else None
        label = row[lab].strip() or None
        level = LABEL_LEVELS.get(label.lower()) if label else None
        if score is None and label is None:
            raise RatingsError(path, "the row has neither a score nor a label", line=line)
        yield line, row[d], Rating(score=score, label=label, dataset=dataset, level=level)


def read_mbfc(path: str, header: list[str], rows, dataset: str) -> Iterator[tuple[int, str, Rating]]:
    d, f = _column(header, DOMAIN_COLUMNS), _column(header, FACT_COLUMNS)
    b = _column(header, BIAS_COLUMNS)
    for line, row in rows:
        fact = " ".join(row[f].lower().replace("-", " ").split())
        if fact and fact not in FACTUALITY:
            raise RatingsError(path, f"factuality {row[f]!r} is not one of {', '.join(FACTUALITY)} "
                               "(or empty)", line=line)
        score, level = FACTUALITY.get(fact, (None, None))
        bias = row[b].strip() or None if b is not None else None
        yield line, row[d], Rating(score=score, label=fact or None, dataset=dataset, level=level, bias=bias)


READERS = {"lin": read_lin, "mbfc": read_mbfc, "simple": read_simple}
