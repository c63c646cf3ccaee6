"""The ``tone`` layer: sentence, document and per-entity tone with VADER.

- Sentence tone: VADER's ``compound`` score of each sentence of ``doc.sentences`` (in
  [-1, 1]; the lexicon ships inside the ``vaderSentiment`` package, nothing is fetched).
- Document tone: the mean of the sentence scores weighted by each sentence's word count,
  so a one-word sentence weighs less than a long one. (VADER's compound over a whole
  article saturates towards +/-1, which is why the document is not scored in one go.)
- Entity tone: the mean tone of the sentences that mention the entity (each sentence
  once), set on ``Entity.tone``; None for an entity no body sentence mentions.

Scores are rounded to 4 decimals.
"""
from __future__ import annotations

import bisect
import threading
from dataclasses import replace

from ..document import Document, Tone
from ..registry import Annotator, register

_LOCK = threading.Lock()
_ANALYZER = None


def analyzer():
    """VADER's analyzer, built once per process (it reads the packaged lexicon)."""
    global _ANALYZER
    with _LOCK:
        if _ANALYZER is None:
            from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer
            _ANALYZER = SentimentIntensityAnalyzer()
            _ANALYZER.lexicon_words = frozenset(_ANALYZER.lexicon)  # for the quick neutral check
        return _ANALYZER


_STRIP = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~“”‘’«»…—–"


def _neutral(vader, text: str) -> bool:
    """True when no word of ``text`` is in VADER's lexicon: its compound is then exactly 0.

    (Every non-zero valence comes from a lexicon word; boosters, negations, "but" and
    punctuation only scale valences that exist. Emoji are described in words first, so a
    text with an emoji VADER knows is left to it.)
    """
    words = vader.lexicon_words
    for token in text.lower().split():
        if token in words or token.strip(_STRIP) in words:
            return False
    return text.isascii() or not any(ch in vader.emojis for ch in text if not ch.isascii())


def sentence_tone(text: str) -> float:
    """VADER compound score of one sentence, in [-1, 1]."""
    vader = analyzer()
    if _neutral(vader, text):
        return 0.0
    return round(vader.polarity_scores(text)["compound"], 4)


def document_tone(texts: list[str], scores: list[float]) -> float:
    """Word-count-weighted mean of the sentence scores (0.0 for no sentences)."""
    weights = [max(1, len(t.split())) for t in texts]
    total = sum(weights)
    if not total or not scores:
        return 0.0
    return round(sum(w * s for w, s in zip(weights, scores)) / total, 4)


def entity_tones(doc: Document, scores: list[float]) -> list:
    """The entities with ``tone`` set to the mean tone of the sentences mentioning them."""
    starts = [s.start for s in doc.sentences]
    out = []
    for entity in doc.entities:
        hit: set[int] = set()
        for m in entity.mentions:
            i = bisect.bisect_right(starts, m.start) - 1
            if i >= 0 and m.start < doc.sentences[i].end:
                hit.add(i)
        tone = round(sum(scores[i] for i in hit) / len(hit), 4) if hit else None
        out.append(entity if entity.tone == tone else replace(entity, tone=tone))
    return out


@register
class ToneAnnotator(Annotator):
    name = "tone"
    requires = ("sentences", "entities")
    provides = ("tone",)

    def annotate(self, doc: Document) -> None:
        texts = [doc.text[s.start:s.end] for s in doc.sentences]
        scores = [sentence_tone(t) for t in texts]
        doc.tone = Tone(score=document_tone(texts, scores), sentences=tuple(scores))
        if doc.entities:
            doc.set_layer("entities", entity_tones(doc, scores))
