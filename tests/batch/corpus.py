"""Short generated articles for batch tests: JSONL with a few bad lines, HTML and text files."""
from __future__ import annotations

import json
import random
from pathlib import Path

_WHO = ("Prime Minister Anna Keller", "The Finance Ministry", "Japan", "Officials in Paris", "The union",
        "President Rao", "Reuters", "The central bank of Brazil", "Mayor Tom Hale", "China")
_DID = ("criticised", "welcomed", "rejected", "announced", "delayed", "approved")
_WHAT = ("the trade deal", "new tariffs", "a budget plan", "the port project", "fuel subsidies", "talks")
_WHERE = ("in Tokyo", "in Berlin", "on Monday", "last week", "in Nairobi", "after the vote")


def article(n: int, rng: random.Random) -> str:
    lines = [f"Report {n}: {rng.choice(_WHO)} {rng.choice(_DID)} {rng.choice(_WHAT)}."]
    for _ in range(rng.randint(1, 3)):
        lines.append(f"{rng.choice(_WHO)} {rng.choice(_DID)} {rng.choice(_WHAT)} {rng.choice(_WHERE)}.")
    return " ".join(lines)


def write_corpus(folder: Path, *, jsonl: int = 300, bad: tuple[int, ...] = (5, 77, 190), html: int = 6,
                 seed: int = 3) -> dict[str, Path]:
    """A JSONL file of ``jsonl`` lines (those numbered in ``bad`` broken) and a directory of pages."""
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    lines = []
    for n in range(jsonl):
        if n in bad:
            lines.append('{"id": "broken", "text": ' if n % 2 else '{"id": "x%d"}' % n)
        else:
            lines.append(json.dumps({"id": f"a{n:04d}", "text": article(n, rng), "published": "2024-03-14"}))
    (folder / "news.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    pages = folder / "pages"
    pages.mkdir(exist_ok=True)
    for n in range(html):
        body = "".join(f"<p>{article(1000 + n * 10 + k, rng)}</p>" for k in range(3))
        (pages / f"page{n:02d}.html").write_text(
            f"<html><head><title>Story {n}</title></head><body><article><h1>Story {n}</h1>{body}"
            "</article></body></html>", encoding="utf-8")
    (pages / "notes.txt").write_text(article(2000, rng) + "\n", encoding="utf-8")
    return {"jsonl": folder / "news.jsonl", "pages": pages}
