"""The cue model: a logistic regression over the features of ``quote_cues``.

Trained by ``scripts/train_quotes.py`` on the PolNeAR training split and shipped as JSON
(``newsxray/models/quotes/cues.json``: feature weights, bias, threshold, and the verb,
noun and adjective lemmas seen heading cues in training). Scoring is a sum of weights and
a logistic function: no scikit-learn at run time. ``rule_scorer`` stands in when the
model is disabled.
"""
from __future__ import annotations

import json
import math
from pathlib import Path
from typing import Any

from ..errors import ConfigError
from .quote_cues import DEFAULT_LEXICON, Lexicon
from .quote_spans import content_tokens, source_token

MODEL_DIR = Path(__file__).resolve().parents[1] / "models" / "quotes"
MODEL_FILE = MODEL_DIR / "cues.json"
FORMAT = "newsxray-cues/1"


class CueModel:
    """Probability that a candidate token is a reporting cue."""

    def __init__(self, weights: dict[str, float], bias: float, threshold: float,
                 lexicon: Lexicon) -> None:
        self.weights = weights
        self.bias = bias
        self.threshold = threshold
        self.lexicon = lexicon

    def score(self, tok: Any, feats: list[str]) -> float:
        get = self.weights.get
        z = self.bias + sum(get(f, 0.0) for f in feats)
        if z < -30:
            return 0.0
        return 1.0 / (1.0 + math.exp(-z))

    def to_json(self) -> dict:
        return {"format": FORMAT, "bias": self.bias, "threshold": self.threshold,
                "verbs": sorted(self.lexicon.verbs), "nouns": sorted(self.lexicon.nouns),
                "adjectives": sorted(self.lexicon.adjs), "weights": self.weights}


class RuleScorer:
    """Without a model: a lexicon cue that governs a clause, object or quotation."""

    threshold = 0.5
    lexicon = DEFAULT_LEXICON

    def score(self, tok: Any, feats: list[str]) -> float:
        lemma = tok.lemma_.lower()
        if lemma == "accord":
            return 1.0
        if "quote_before=True" in feats or "quote_after=True" in feats:
            if lemma in ("say", "tell", "add", "write", "ask", "continue"):
                return 1.0
        return 1.0 if content_tokens(tok, source_token(tok)) else 0.0


def rule_scorer() -> RuleScorer:
    return RuleScorer()


_cache: dict[str, CueModel] = {}


def load_model(path: Path = MODEL_FILE) -> CueModel:
    """Load (once per process) the shipped cue model."""
    key = str(path)
    if key not in _cache:
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            raise ConfigError(f"the quotes cue model {path} cannot be read ({exc}); reinstall newsxray "
                              "or run scripts/train_quotes.py, or pass config={'quotes': {'model': False}}") from exc
        if data.get("format") != FORMAT:
            raise ConfigError(f"{path} is not a quotes cue model of format {FORMAT}; run scripts/train_quotes.py")
        learned = Lexicon(frozenset(data["verbs"]), frozenset(data["nouns"]), frozenset(data["adjectives"]))
        _cache[key] = CueModel(data["weights"], data["bias"], data["threshold"], learned | DEFAULT_LEXICON)
    return _cache[key]
