"""One normal form for gazetteer keys and looked-up names."""
from __future__ import annotations

import re
import unicodedata

_SPACE = re.compile(r"\s+")
_QUOTES = str.maketrans({"’": "'", "‘": "'", "`": "'", "‐": "-", "‑": "-", "–": "-"})


def norm(name: str) -> str:
    """Lower case, curly quotes made straight, accents and dots dropped, spaces collapsed,
    a leading "the " removed: "the U.S." -> "us", "Côte d’Ivoire" -> "cote d'ivoire"."""
    text = _SPACE.sub(" ", name.translate(_QUOTES)).strip().lower()
    if text.startswith("the "):
        text = text[4:]
    if not text.isascii():
        text = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    return text.replace(".", "").strip()
