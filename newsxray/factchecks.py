"""Reading a user's list of fact-checks: schema.org ClaimReview JSON (or JSONL), or a CSV.

ClaimReview (https://schema.org/ClaimReview): ``claimReviewed`` (the claim), ``reviewRating``
(``alternateName`` is the verdict in words, ``ratingValue`` a number), ``url``, ``author``
(an object with a ``name``, a list, or a string) and ``datePublished``. A file may hold one
object, a list, JSON-LD with an ``@graph``, ClaimReviews nested in other objects, one object
per line (JSONL), or the ``claims`` list of the Google Fact Check Tools API (``text`` with its
``claimReview`` list). A CSV needs a header with the columns ``claim``, ``verdict`` and ``url``
(any order and case); ``author``, ``date`` and ``rating`` are read when present.

    >>> from newsxray.factchecks import load_factchecks
    >>> checks = load_factchecks("reviews.json")
"""
from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterator

from .errors import InputError

CSV_COLUMNS = ("claim", "verdict", "url")
MAX_BYTES = 200 * 1024 * 1024


@dataclass(frozen=True, slots=True)
class FactCheck:
    claim: str
    verdict: str | None = None
    url: str | None = None
    author: str | None = None
    published: str | None = None
    rating: float | None = None


def load_factchecks(path: str | Path) -> list[FactCheck]:
    """Every fact-check in the file (InputError, saying what is wrong, if none can be read)."""
    path = Path(path)
    if not path.is_file():
        raise InputError("no such file; give a ClaimReview JSON/JSONL file or a CSV of claim, verdict, url",
                         source=str(path))
    if path.stat().st_size > MAX_BYTES:
        raise InputError(f"larger than {MAX_BYTES // 2**20} MB; split it", source=str(path))
    try:
        raw = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError:
        raise InputError("not UTF-8 text; save it as UTF-8", source=str(path)) from None
    checks = from_csv(raw, str(path)) if path.suffix.lower() in (".csv", ".tsv") else from_json(raw, str(path))
    if not checks:
        raise InputError("holds no fact-checks (ClaimReview objects need a claimReviewed; CSV rows a claim)",
                         source=str(path))
    return checks


def from_csv(raw: str, source: str = "csv") -> list[FactCheck]:
    dialect = "excel-tab" if raw.split("\n", 1)[0].count("\t") > raw.split("\n", 1)[0].count(",") else "excel"
    reader = csv.reader(io.StringIO(raw), dialect=dialect)
    header = [cell.strip().casefold() for cell in next(reader, [])]
    missing = [name for name in CSV_COLUMNS if name not in header]
    if missing:
        found = ", ".join(h for h in header if h) or "none"
        raise InputError(f"the CSV header lacks the column(s) {', '.join(missing)} (found: {found}); its first "
                         "line must name the columns claim, verdict, url", source=source)
    at = {name: header.index(name) for name in header if name}
    checks = []
    for row in reader:
        cell = {name: (row[i].strip() if i < len(row) else "") for name, i in at.items()}
        if cell["claim"]:
            checks.append(FactCheck(cell["claim"], cell["verdict"] or None, cell["url"] or None,
                                    cell.get("author") or None, cell.get("date") or cell.get("published") or None,
                                    _number(cell.get("rating"))))
    return checks


def from_json(raw: str, source: str = "json") -> list[FactCheck]:
    try:
        values = [json.loads(raw)]
    except json.JSONDecodeError as exc:
        values = _jsonl(raw, source, exc)
    return [check for value in values for check in _walk(value, 0)]


def _jsonl(raw: str, source: str, first_error: json.JSONDecodeError) -> list[Any]:
    lines = [line for line in raw.splitlines() if line.strip()]
    if len(lines) < 2:
        raise InputError(f"not valid JSON ({first_error}); give ClaimReview JSON, JSONL or a .csv file",
                         source=source)
    values = []
    for number, line in enumerate(raw.splitlines(), 1):
        if line.strip():
            try:
                values.append(json.loads(line))
            except json.JSONDecodeError as exc:
                raise InputError(f"line {number} is not valid JSON ({exc}); give one ClaimReview object per "
                                 "line, or one JSON document", source=source) from None
    return values


def _walk(value: Any, depth: int) -> Iterator[FactCheck]:
    """ClaimReviews anywhere in a JSON value (lists, @graph, nested objects; bounded depth)."""
    if depth > 20:
        return
    if isinstance(value, list):
        for item in value:
            yield from _walk(item, depth + 1)
    elif isinstance(value, dict):
        if isinstance(value.get("claimReviewed"), str) and value["claimReviewed"].strip():
            yield _claim_review(value)
        elif isinstance(value.get("text"), str) and isinstance(value.get("claimReview"), list):
            yield from _fact_check_tools(value)
        else:
            for item in value.values():
                if isinstance(item, (list, dict)):
                    yield from _walk(item, depth + 1)


def _claim_review(item: dict) -> FactCheck:
    rating = item.get("reviewRating") if isinstance(item.get("reviewRating"), dict) else {}
    verdict = _text(rating.get("alternateName")) or _text(rating.get("name"))
    value = _number(rating.get("ratingValue"))
    if verdict is None and value is not None:
        verdict = f"{value:g}" + (f"/{rating['bestRating']}" if rating.get("bestRating") is not None else "")
    return FactCheck(" ".join(item["claimReviewed"].split()), verdict, _text(item.get("url")),
                     _author(item.get("author")), _text(item.get("datePublished")), value)


def _fact_check_tools(item: dict) -> Iterator[FactCheck]:
    for review in item["claimReview"]:
        if isinstance(review, dict):
            yield FactCheck(" ".join(item["text"].split()), _text(review.get("textualRating")),
                            _text(review.get("url")), _author(review.get("publisher")),
                            _text(review.get("reviewDate")))


def _author(value: Any) -> str | None:
    if isinstance(value, list):
        names = [name for name in (_author(v) for v in value) if name]
        return ", ".join(names) or None
    if isinstance(value, dict):
        return _text(value.get("name"))
    return _text(value)


def _text(value: Any) -> str | None:
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    if isinstance(value, str):
        return " ".join(value.split()) or None
    return None


def _number(value: Any) -> float | None:
    if isinstance(value, bool) or value is None:
        return None
    try:
        return float(value)
    except (TypeError, ValueError):
        return None
