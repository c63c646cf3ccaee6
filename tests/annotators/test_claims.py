"""The claims layer: check-worthiness scores, flags, clauses and quoted speakers."""
from __future__ import annotations

import pickle
from pathlib import Path

import numpy as np
import pytest

import newsxray
from newsxray import registry
from newsxray.annotators.claim_eval import average_precision, calibration_error
from newsxray.annotators.claim_features import TokenTable, featurize, featurize_doc
from newsxray.annotators.claim_units import candidate_units, containing_quote
from newsxray.annotators.claims import Claims, load_model
from newsxray.annotators.sentences import Sentences
from newsxray.document import Document, Quote, Segment, Speaker
from newsxray.errors import ConfigError

from .scripts import load_script
from newsxray.nlp import Parser, get_nlp, parses
from newsxray.registry import Annotator

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT.parent / "shared" / "datasets" / "claims"

STATISTICS = [
    "The unemployment rate fell to 3.5 percent in September, the lowest level since 1969.",
    "The company reported revenue of $4.2 billion in 2022, up 12 percent from a year earlier.",
    "More than 40,000 people died in road accidents in the United States last year.",
]
CHATTER = [
    "Thank you all for being here tonight.",
    "I think this is a great idea.",
    "What are you going to do about it?",
    "Good evening, everyone.",
]


def parsed(text: str, quotes: list[Quote] | None = None) -> Document:
    """A body-only document, parsed and split into sentences, with a hand-made quotes layer."""
    doc = Document(text=text)
    doc.set_layer("segments", [Segment(0, len(text), "body")])
    Parser().pipe([doc])
    Sentences().annotate(doc)
    doc.set_layer("quotes", quotes or [])
    return doc


def claims_of(doc: Document, **config) -> list:
    Claims(**config).annotate(doc)
    return doc.layer("claims")


def quote(text: str, part: str, qid: str = "Q1", entity: str | None = "E1") -> Quote:
    start = text.index(part)
    speaker = Speaker(0, 3, entity, text[:3]) if entity is not None else None
    return Quote(start, start + len(part), qid, "indirect", speaker, None)


@pytest.mark.slow
def test_statistics_score_high_and_chatter_low():
    doc = parsed(" ".join(STATISTICS + CHATTER))
    claims = claims_of(doc)
    assert len(claims) == len(STATISTICS) + len(CHATTER)
    stats, chatter = claims[:len(STATISTICS)], claims[len(STATISTICS):]
    assert all(c.check_worthy and c.score > 0.8 for c in stats), [(c.id, c.score) for c in stats]
    assert not any(c.check_worthy for c in chatter), [(c.id, c.score) for c in chatter]
    assert min(c.score for c in stats) > max(c.score for c in chatter) + 0.5


@pytest.mark.slow
def test_records_are_well_formed():
    text = " ".join(STATISTICS + CHATTER)
    claims = claims_of(parsed(text))
    assert [c.id for c in claims] == [f"C{i}" for i in range(1, len(claims) + 1)]
    assert all(0.0 <= c.score <= 1.0 and isinstance(c.check_worthy, bool) for c in claims)
    assert [c.start for c in claims] == sorted(c.start for c in claims)
    assert [text[c.start:c.end] for c in claims] == STATISTICS + CHATTER
    threshold = load_model().threshold
    assert all(c.check_worthy == (c.score >= threshold) for c in claims)


@pytest.mark.slow
def test_quoted_claims_carry_the_speaker():
    text = ("Unemployment fell to 3.5 percent last year, the minister said. "
            "The weather was pleasant on Tuesday. Exports rose by 8 percent in March, a report said.")
    quotes = [quote(text, "Unemployment fell to 3.5 percent last year"),
              quote(text, "Exports rose by 8 percent in March", "Q2", entity=None)]
    first, second, third = claims_of(parsed(text, quotes))
    assert (first.speaker, first.quote) == ("E1", "Q1")
    assert (second.speaker, second.quote) == (None, None)
    assert (third.speaker, third.quote) == (None, "Q2")       # unattributed quote: no speaker


def test_a_quote_must_cover_enough_of_the_claim():
    q_small = Quote(10, 14, "Q1", "mixed", Speaker(0, 2, "E1", "He"), None)
    q_big = Quote(0, 60, "Q2", "direct", Speaker(70, 72, "E2", "We"), None)
    assert containing_quote(0, 100, [q_small]) is None           # 4% of the claim
    assert containing_quote(0, 100, [q_small, q_big]).id == "Q2"  # the largest overlap wins
    assert containing_quote(20, 40, [q_big]).id == "Q2"          # a claim inside a long quote
    assert containing_quote(200, 240, [q_small, q_big]) is None


@pytest.mark.slow
def test_a_sentence_with_two_statements_gives_two_clauses():
    text = ("France argued that the alliance should remain confined to the North Atlantic, and as a result, "
            "the initiative was reportedly shelved. He said that prices rose sharply last year and that wages "
            "fell by two percent.")
    claims = claims_of(parsed(text))
    assert [text[c.start:c.end] for c in claims] == [
        "France argued that the alliance should remain confined to the North Atlantic",
        "as a result, the initiative was reportedly shelved.",
        "He said that prices rose sharply last year and that wages fell by two percent.",
    ]
    whole = claims_of(parsed(text), clauses=False)
    assert len(whole) == 2 and whole[0].end > claims[1].start


@pytest.mark.slow
def test_training_and_inference_read_the_same_features():
    sentence = STATISTICS[1]
    doc = parsed(sentence)
    (unit,) = candidate_units(doc, parses(doc))
    at_run_time = featurize(unit.table, unit.t0, unit.t1, sentence)
    in_training = featurize_doc(get_nlp()(sentence))
    assert at_run_time.terms == in_training.terms and at_run_time.counts == in_training.counts
    assert np.abs(at_run_time.vector).sum() > 0          # the parser's token vectors are there
    assert np.allclose(at_run_time.vector, in_training.vector, atol=1e-5)
    model = load_model()
    assert model.scores([at_run_time])[0] == pytest.approx(model.scores([in_training])[0], abs=1e-6)


@pytest.mark.slow
def test_rerun_is_idempotent_and_threshold_is_an_option():
    doc = parsed(" ".join(STATISTICS + CHATTER))
    once = list(claims_of(doc))
    assert claims_of(doc) == once
    assert all(c.check_worthy for c in claims_of(doc, threshold=0.0))
    assert not any(c.check_worthy for c in claims_of(doc, threshold=1.0))


def test_bad_thresholds_are_config_errors_and_the_annotator_pickles():
    for bad in (-0.1, 1.5, "high"):
        with pytest.raises(ConfigError, match="threshold"):
            Claims(threshold=bad)
    again = pickle.loads(pickle.dumps(Claims(threshold=0.5, clauses=False)))
    assert again.config == {"threshold": 0.5, "clauses": False, "model": None}


def test_no_sentences_no_claims():
    doc = Document(text="   ")
    doc.set_layer("sentences", [])
    doc.cache["parse"] = []
    assert claims_of(doc) == []


@pytest.fixture
def quotes_provider(monkeypatch):
    """The real quotes annotator if one is registered, else a stand-in that finds none."""
    if "quotes" not in registry.providers():
        class StandInQuotes(Annotator):
            name = "quotes"
            requires = ("sentences",)
            provides = ("quotes",)

            def annotate(self, doc: Document) -> None:
                doc.set_layer("quotes", [])

        monkeypatch.setitem(registry._REGISTRY, "quotes", StandInQuotes)
    yield


@pytest.mark.slow
def test_example_article_facts_are_check_worthy(example_text, quotes_provider):
    doc = newsxray.load(layers=["claims"]).analyze(text=example_text)
    claims = {example_text[c.start:c.end].split("\n")[0][:40]: c for c in doc.layer("claims")}
    wanted = ["Back in May, Koji Tomita, the Japanese am", "The plan of NATO to establish a liaison o",
              "Japanese Prime Minister Fumio Kishida and"]
    for start in wanted:
        (claim,) = [c for key, c in claims.items() if key.startswith(start[:35])]
        assert claim.check_worthy, (start, claim.score)
    assert all(example_text[c.start:c.end].strip() for c in doc.layer("claims"))


def _train_script():
    return load_script("train_claims")


@pytest.mark.slow
def test_scores_are_calibrated_on_held_out_claimbuster():
    if not (DATA / "claimbuster_train.json").exists():
        pytest.skip("../shared/datasets/claims is not available")
    dev = _train_script().splits(DATA)["cb_dev"]
    picked = [dev[i] for i in np.random.RandomState(0).choice(len(dev), 400, replace=False)]
    y = np.array([it.label for it in picked])
    probs = load_model().scores([featurize_doc(d) for d in get_nlp().pipe([it.text for it in picked])])
    assert abs(probs.mean() - y.mean()) < 0.06           # as many positives predicted as there are
    assert calibration_error(y, probs) < 0.08
    assert average_precision(y, probs) > 0.75 > y.mean() * 2.5
    high, low = probs >= 0.7, probs <= 0.1
    assert y[high].mean() > 0.6 and y[low].mean() < 0.1


def test_token_table_of_an_empty_doc():
    table = TokenTable.of(get_nlp().make_doc(""))
    assert table.lower == [] and table.words(0, 0) == 0
