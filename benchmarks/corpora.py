"""Readers for the raw news corpora in ../shared/datasets/corpora (read at run time, never copied)."""
from __future__ import annotations

import csv
import html
import re
import sys
from pathlib import Path
from typing import Iterator

SHARED = Path(__file__).resolve().parents[1].parent / "shared" / "datasets" / "corpora"
_BODY = re.compile(r"<BODY>(.*?)</BODY>", re.S)
_DATE = re.compile(r"<DATE>\s*(\d+)-([A-Z]{3})-(\d{4})")


def reuters(limit: int | None = None, root: Path = SHARED) -> Iterator[dict]:
    """Reuters-21578 stories with a body, as {id, text, published}."""
    n = 0
    for path in sorted((root / "reuters21578").glob("reut2-*.sgm")):
        raw = path.read_text(encoding="latin-1")
        for i, chunk in enumerate(raw.split("</REUTERS>")):
            body = _BODY.search(chunk)
            if not body:
                continue
            text = html.unescape(body.group(1)).replace("\x03", "").strip()
            if len(text.split()) < 40:
                continue
            yield {"id": f"{path.stem}-{i}", "text": text}
            n += 1
            if limit and n >= limit:
                return


def guardian(limit: int | None = None, root: Path = SHARED) -> Iterator[dict]:
    """The Guardian 2019 sample, as {id, text, published}."""
    csv.field_size_limit(sys.maxsize)
    with open(root / "guardian_2019_sample.csv", newline="", encoding="utf-8") as fh:
        for n, row in enumerate(csv.DictReader(fh)):
            if limit and n >= limit:
                return
            yield {"id": f"guardian-{row['']}", "text": row["text"], "published": row["date"]}


def mixed(n_reuters: int, n_guardian: int) -> list[dict]:
    return list(reuters(n_reuters)) + list(guardian(n_guardian))
