"""Cue-model features and content edges added for the PolNeAR accuracy work (issue 3),
and the benchmark's exact-content normalisation."""
from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

from newsxray.annotators.quote_cues import features


def _benchmark():
    path = Path(__file__).resolve().parents[2] / "benchmarks" / "quotes.py"
    spec = importlib.util.spec_from_file_location("quotes_benchmark_features", path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def test_exact_content_trims_each_piece_of_a_split_quote():
    bench = _benchmark()
    text = '"We are ready," she said, "and we will win."'
    first, second = text.index('"We'), text.index('"and')
    gold = [(first, text.index(",") + 2), (second, len(text))]          # marks and commas kept
    pred = [(1, text.index(",")), (second + 1, len(text) - 2)]          # marks left out
    assert bench.normal(text, gold) == bench.normal(text, pred) == "We are ready and we will win"


def test_exact_content_still_tells_different_words_apart():
    bench = _benchmark()
    text = "He said that taxes will rise next year."
    start = text.index("that")
    assert bench.normal(text, [(start, len(text))]) == "taxes will rise next year"
    assert bench.normal(text, [(start, text.index(" next"))]) != bench.normal(text, [(start, len(text))])


@pytest.fixture(scope="module")
def nlp():
    from newsxray.nlp import get_nlp
    return get_nlp()


def _token(nlp, sentence: str, word: str):
    sdoc = nlp(sentence)
    return next(t for t in sdoc if t.text == word)


@pytest.mark.slow
def test_modal_and_subject_word_features(nlp):
    feats = features(_token(nlp, "You would need to save more money.", "need"),
                     in_quote=False, quote_before=False, quote_after=False)
    assert "modal" in feats and "lemma_modal=need" in feats and "subj_word=you" in feats
    plain = features(_token(nlp, "The senator said the bill would pass.", "said"),
                     in_quote=False, quote_before=False, quote_after=False)
    assert "modal" not in plain and not any(f.startswith("subj_word=") for f in plain)
    assert "lemma_dep_subj=say|ROOT|noun" in plain


@pytest.mark.slow
def test_imperative_feature(nlp):
    feats = features(_token(nlp, "Remember that the deadline is Friday.", "Remember"),
                     in_quote=False, quote_before=False, quote_after=False)
    assert "imperative" in feats


@pytest.mark.slow
def test_whether_and_if_stay_in_the_content():
    import newsxray
    doc = newsxray.load(["quotes"]).analyze(
        "Test article\n\nThe senator asked whether the plan would cut taxes for families.")
    contents = [doc.text[q.start:q.end] for q in doc.layer("quotes")]
    assert "whether the plan would cut taxes for families" in contents, contents
