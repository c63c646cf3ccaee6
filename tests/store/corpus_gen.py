"""Generated articles for store and ingest tests: distinct, short, reproducible (seeded)."""
from __future__ import annotations

import json
import random
from pathlib import Path

_SUBJECTS = ("The ministry", "Port officials", "The central bank", "Farm groups", "The mayor", "Rail unions",
             "Regional governors", "The coast guard", "Exporters", "The health agency", "Teachers", "Investors")
_VERBS = ("announced", "rejected", "welcomed", "questioned", "delayed", "approved", "criticised", "reviewed")
_OBJECTS = ("a new budget", "the harbour plan", "fuel subsidies", "the wage offer", "flood defences",
            "a trade accord", "school repairs", "the bridge tender", "grain quotas", "a tax credit")
_PLACES = ("Arden", "Belmora", "Castelo", "Dunmere", "Eskvale", "Fenwick", "Galloway", "Harrow", "Islay")


def article(n: int, rng: random.Random) -> str:
    sentences = [f"Report {n} from {rng.choice(_PLACES)}."]
    for _ in range(4):
        sentences.append(f"{rng.choice(_SUBJECTS)} {rng.choice(_VERBS)} {rng.choice(_OBJECTS)} on day "
                         f"{rng.randint(1, 900)} in {rng.choice(_PLACES)}.")
    return " ".join(sentences) + "\n"


BAD_LINES = ['{"id": "bad-json", "text": ', '{"id": "empty-1", "text": "   "}', '{"id": "no-text"}',
             '[1, 2, 3]', '{"id": "empty-2", "text": ""}']


def write_jsonl(path: Path, count: int, *, seed: int = 7, bad_every: int = 400, repeats: int = 3) -> list[str]:
    """Write ``count`` distinct articles (ids ``a0000``...), a few bad lines and ``repeats`` exact
    repeats of earlier texts under new ids; return the ids of the distinct articles."""
    rng = random.Random(seed)
    ids, lines, texts = [], [], []
    for n in range(count):
        ident, text = f"a{n:04d}", article(n, rng)
        ids.append(ident)
        texts.append(text)
        lines.append(json.dumps({"id": ident, "text": text, "published": f"2023-{1 + n % 12:02d}-{1 + n % 28:02d}",
                                 "url": f"https://news{n % 5}.example.com/story/{n}"}))
        if n % bad_every == bad_every - 1:
            lines.append(BAD_LINES[(n // bad_every) % len(BAD_LINES)])
    for k in range(repeats):
        lines.append(json.dumps({"id": f"repeat-{k}", "text": texts[k * 7]}))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return ids
