"""The ``claims`` layer: a calibrated check-worthiness score for every statement of the body.

Every sentence of the article body (cut into clauses where it holds several statements,
see ``claim_units``) is a candidate. The trained model shipped in
``newsxray/models/claims/`` (features in ``claim_features``, weighting and calibration in
``claim_model``; trained by ``scripts/train_claims.py`` on ClaimBuster and CheckThat!
2019 debates) gives each one a probability of being a check-worthy factual claim, as
ClaimBuster's annotators understood it (about a quarter of debate sentences). A claim is
``check_worthy`` when its score reaches the threshold, by default the one with the best F1
on balanced out-of-fold training scores (stored in the model; the ``threshold`` option
overrides it).

Claims that lie inside a quote (the quote covers at least 30% of the claim) carry the
quote's id and the entity id of its speaker.

Options: ``threshold`` (None: the model's), ``clauses`` (True: cut sentences into
clauses), ``model`` (None: the shipped model; or a path to another model file).
"""
from __future__ import annotations

import logging
import threading
from importlib.metadata import PackageNotFoundError, version
from importlib.resources import files
from pathlib import Path

from ..document import Claim, Document
from ..errors import ConfigError
from ..nlp import MODEL_PACKAGE, parses
from ..registry import Annotator, register
from .claim_features import featurize
from .claim_model import ClaimModel
from .claim_units import Unit, candidate_units, containing_quote

log = logging.getLogger("newsxray")

MODEL_FILE = "claims.json.gz"
_LOCK = threading.Lock()
_MODELS: dict[str, ClaimModel] = {}


def model_path() -> Path:
    """Where the shipped model lives."""
    return Path(str(files("newsxray").joinpath("models", "claims", MODEL_FILE)))


def load_model(path: str | Path | None = None) -> ClaimModel:
    """The claims model at ``path`` (default: the shipped one), loaded once per process."""
    key = str(path or model_path())
    with _LOCK:
        if key not in _MODELS:
            _MODELS[key] = ClaimModel.load(Path(key))
            _check_parser(_MODELS[key].meta.get("spacy_model"))
            log.debug("loaded claims model %s", key)
        return _MODELS[key]


def _check_parser(trained_with: str | None) -> None:
    """Warn when the spaCy model differs from the one the claims model was trained with
    (its token vectors are features, so the scores would drift)."""
    try:
        installed = f"{MODEL_PACKAGE} {version(MODEL_PACKAGE)}"
    except PackageNotFoundError:
        return
    if trained_with and trained_with != installed:
        log.warning("the claims model was trained with %s but %s is installed; "
                    "run `make train-claims` to retrain it", trained_with, installed)


def make_claims(doc: Document, units: list[Unit], scores: list[float], threshold: float) -> list[Claim]:
    quotes = sorted(doc.layer("quotes"), key=lambda q: q.start)
    claims = []
    for n, (unit, raw) in enumerate(zip(units, scores), 1):
        score = round(raw, 4)
        quote = containing_quote(unit.start, unit.end, quotes)
        speaker = quote.speaker.entity if quote is not None and quote.speaker is not None else None
        claims.append(Claim(start=unit.start, end=unit.end, id=f"C{n}", score=score,
                            check_worthy=score >= threshold, speaker=speaker,
                            quote=quote.id if quote is not None else None))
    return claims


@register
class Claims(Annotator):
    name = "claims"
    requires = ("sentences", "_parse", "quotes")
    provides = ("claims",)
    defaults = {"threshold": None, "clauses": True, "model": None}

    def __init__(self, **config) -> None:
        super().__init__(**config)
        threshold = self.config["threshold"]
        if threshold is not None and not (isinstance(threshold, (int, float)) and 0.0 <= threshold <= 1.0):
            raise ConfigError(f"claims threshold must be a number from 0 to 1 (or None for the model's), "
                              f"not {threshold!r}")

    def pipe(self, docs: list[Document]) -> None:
        model = load_model(self.config["model"])
        threshold = self.config["threshold"] if self.config["threshold"] is not None else model.threshold
        per_doc = [candidate_units(doc, parses(doc), clauses=self.config["clauses"]) for doc in docs]
        bundles = [featurize(u.table, u.t0, u.t1, doc.text[u.start:u.end])
                   for doc, units in zip(docs, per_doc) for u in units]
        scores = [float(s) for s in model.scores(bundles)]
        at = 0
        for doc, units in zip(docs, per_doc):
            doc.set_layer("claims", make_claims(doc, units, scores[at:at + len(units)], threshold))
            at += len(units)

    def annotate(self, doc: Document) -> None:
        self.pipe([doc])
