"""The ``techniques`` layer: persuasion-technique spans (the 14 PTC techniques), scored.

Reads the shared spaCy parse of the title, the body and the related headlines (a page's
sensational related headlines are part of how it persuades) and runs the shipped
techniques model (``technique_model``): linear models over lexical, syntactic, lexicon,
word-cluster, word-prior and position features, calibrated with the document's and the
sentence's propaganda density, trained on the Propaganda Techniques Corpus, plus one team
rule (shouted loaded words, ``technique_rules``). Each span's ``score`` is calibrated: about
the share of such spans that overlap a span of the same technique marked by the PTC
annotators. Ids are ``T1``, ``T2``, ... in text order.

Options: ``threshold`` (one minimum score for every technique; default None: the
per-technique thresholds chosen on held-out folds and stored with the model) and
``model`` (a folder with another trained model).
"""
from __future__ import annotations

from typing import Any

from ..document import Document, TechniqueSpan
from ..errors import ConfigError
from ..nlp import parses
from ..registry import Annotator, register
from .technique_model import load_model

SEGMENTS = ("title", "lede", "body", "related")


def units_of(doc: Document) -> list[tuple[int, Any, str]]:
    """The parsed units the layer reads: ``(offset, spacy Doc, segment type)``, in text order.

    The label line of a related-stories block ("More related stories:") is not a headline
    and is left out.
    """
    segs = [s for s in doc.segments if s.type in SEGMENTS
            and not (s.type == "related" and doc.text[s.start:s.end].rstrip().endswith(":"))]
    out = []
    for offset, parsed in parses(doc):
        seg = next((s.type for s in segs if s.start <= offset < s.end), None)
        if seg is not None:
            out.append((offset, parsed, seg))
    return out


def technique_spans(doc: Document, found: list[tuple[int, int, str, float]]) -> list[TechniqueSpan]:
    """Layer items from ``(start, end, technique, score)``: in text order, ids T1, T2, ..."""
    n = len(doc.text)
    items = sorted((s, e, t, sc) for s, e, t, sc in found if 0 <= s < e <= n)
    return [TechniqueSpan(start=s, end=e, id=f"T{i}", technique=t, score=min(1.0, max(0.0, sc)))
            for i, (s, e, t, sc) in enumerate(items, 1)]


@register
class Techniques(Annotator):
    name = "techniques"
    requires = ("segments", "_parse")
    provides = ("techniques",)
    defaults: dict[str, Any] = {"threshold": None, "model": None}

    def __init__(self, **config: Any) -> None:
        super().__init__(**config)
        threshold = self.config["threshold"]
        if threshold is not None and not (isinstance(threshold, (int, float)) and 0.0 <= threshold <= 1.0):
            raise ConfigError(f"techniques threshold must be a number in [0, 1] or None, not {threshold!r}")

    def annotate(self, doc: Document) -> None:
        model = load_model(self.config["model"])
        units = units_of(doc)
        found = model.predict(doc.text, units, threshold=self.config["threshold"]) if units else []
        doc.set_layer("techniques", technique_spans(doc, found))
