"""The word prior and the calibration context of the techniques model (no spaCy parse)."""
from __future__ import annotations

from dataclasses import replace

import numpy as np
from spacy.strings import get_string_id

from newsxray.annotators.technique_model import (PRIOR_EDGES, PRIOR_KEYS, PRIOR_SIZE, WordPrior, lemma_counts,
                                                 load_model)

from .technique_tokens import columns, table as _table

WIDTH = len(PRIOR_EDGES) + 2          # rate bins of one key, the last one for a lemma never seen


def table(words: list[str], sentences: list[int] | None = None):
    return _table(words, sentences, kind=2)     # body sentences


def prior() -> WordPrior:
    # occurrences, inside any short span, inside loaded language, inside name calling
    counts = {"vile": [40, 30, 28, 2], "plan": [50, 1, 1, 0], "thug": [10, 8, 1, 7]}
    return WordPrior([get_string_id(w) for w in counts], np.array(list(counts.values())), [0.05, 0.03, 0.015])


def test_rates_fall_in_bins_and_unseen_lemmas_have_their_own_column():
    x = prior().matrix(table(["the", "vile", "plan", "thug"]))
    assert x.shape == (4, PRIOR_SIZE) and (x.sum(axis=1) == len(PRIOR_KEYS) + 1).all()
    unseen, vile, plan, thug = (columns(x, i) for i in range(4))
    assert {k * WIDTH + WIDTH - 1 for k in range(len(PRIOR_KEYS))} <= unseen
    any_bin = lambda cols: min(c for c in cols if c < WIDTH)  # noqa: E731
    assert any_bin(vile) > any_bin(plan)                  # 30 of 40 inside a span vs 1 of 50
    name_bin = lambda cols: min(c for c in cols if 2 * WIDTH <= c < 3 * WIDTH)  # noqa: E731
    assert name_bin(thug) > name_bin(vile)                # labels are name calling, not loaded words
    count_col = lambda cols: max(cols)  # noqa: E731
    assert count_col(plan) > count_col(thug) > count_col(unseen)


def test_an_article_does_not_see_its_own_labels():
    tok = table(["vile", "plan", "vile"])
    inside = np.array([[True, True, False], [False, False, False], [True, True, False]])
    uniq, own = lemma_counts(tok, inside)
    by_lemma = dict(zip(uniq.tolist(), own.tolist()))
    assert by_lemma == {get_string_id("vile"): [2, 2, 2, 0], get_string_id("plan"): [1, 0, 0, 0]}
    alone = WordPrior(uniq, own, [0.05, 0.03, 0.015])      # the article's counts are all there is
    with_own, without = alone.matrix(tok), alone.matrix(tok, own)
    assert columns(with_own, 0) != columns(without, 0)
    assert {k * WIDTH + WIDTH - 1 for k in range(len(PRIOR_KEYS))} <= columns(without, 0)


def test_shipped_model_reads_the_prior_and_context():
    model = load_model()
    assert model.prior is not None and model.prior_w.shape == (PRIOR_SIZE,)
    assert len(model.prior.row) > 5000 and model.prior.counts.shape[1] == len(PRIOR_KEYS) + 1
    assert (model.prior.counts[:, 1:] <= model.prior.counts[:, :1]).all()
    for key in ("Loaded_Language", "Name_Calling,Labeling"):
        k = PRIOR_KEYS.index(key)
        w = model.prior_w[k * WIDTH:(k + 1) * WIDTH - 1]    # rate bins of the key, lowest to highest
        assert w[-1] > w[0]
    assert model.platt_ctx.shape == (14, 3) and np.isfinite(model.platt_ctx).all()


def test_denser_documents_and_likelier_sentences_raise_the_score():
    model = load_model()
    naming = model.techniques.index("Name_Calling,Labeling")
    tech = np.array([naming, naming])
    ctx = np.array([[-4.0, -2.0, 0.0], [-1.5, -2.0, 0.0]])   # document density low vs high
    lo, hi = model.calibrate(tech, np.full(2, 0.4), np.full(2, 0.5), ctx)
    assert hi > lo
    assert (model.platt_ctx[:, 1] > 0).all()                # the sentence's (document's) technique probability
    plain = model.calibrate(tech, np.full(2, 0.4), np.full(2, 0.5))
    assert np.allclose(plain, plain[0]) and not np.allclose(lo, hi)


def test_context_terms_are_computed_per_candidate_and_sentence():
    model = load_model()
    tok = table(["the", "vile", "plan", "fails", "now", "we", "see", "it", "all"], [0, 0, 0, 0, 1, 1, 1, 1, 1])
    sp = np.full((2, 14), 0.2)
    sp[1] = 0.6
    p = np.full(len(tok), 0.1)
    short = model.short_context(tok, sp, p, np.array([1, 5]), np.array([2, 5]), np.array([0, 1]))
    assert short.shape == (2, 3)
    assert np.allclose(short[:, 0], np.log(0.1 / 0.9))                 # density: mean token probability
    assert short[1, 1] > short[0, 1]                                    # the second candidate's sentence is likelier
    assert np.allclose(short[:, 2], np.log([2, 1]))                     # tokens in the candidate
    long = model.long_context(tok, sp, p)
    assert long.shape == (2, len(model.long), 3)
    assert np.allclose(long[:, :, 1], np.log(0.4 / 0.6))                # the document's mean sentence probability
    assert np.allclose(long[:, 0, 2], np.log([4, 5]))                   # words per sentence


def test_span_bins_are_the_union_of_the_words_bins():
    tok = table(["the", "vile", "plan", "thug"])
    words, spans = prior().matrix(tok), prior().span_matrix(tok, np.array([1, 3, 1]), np.array([1, 3, 3]))
    assert spans.shape == (3, PRIOR_SIZE) and spans.max() == 1.0
    assert columns(spans, 0) == columns(words, 1)                            # one word: its own bins
    assert columns(spans, 1) == columns(words, 3)
    assert columns(spans, 2) == columns(words, 1) | columns(words, 2) | columns(words, 3)
    assert prior().span_matrix(tok, np.zeros(0, np.int64), np.zeros(0, np.int64)).shape == (0, PRIOR_SIZE)


def test_span_bins_leave_the_articles_own_counts_out():
    tok = table(["vile", "plan", "vile"])
    uniq, own = lemma_counts(tok, np.array([[True, True, False], [False, False, False], [True, True, False]]))
    alone = WordPrior(uniq, own, [0.05, 0.03, 0.015])
    first, last = np.array([0]), np.array([1])
    assert columns(alone.span_matrix(tok, first, last, own), 0) == columns(alone.matrix(tok, own), 0)
    assert columns(alone.span_matrix(tok, first, last), 0) != columns(alone.span_matrix(tok, first, last, own), 0)


def test_span_classifier_reads_the_prior_of_the_span_words():
    model = load_model()
    assert model.span_prior_w is not None and model.span_prior_w.shape == (PRIOR_SIZE, len(model.short))
    loaded = model.short.index(model.techniques.index("Loaded_Language"))
    naming = model.short.index(model.techniques.index("Name_Calling,Labeling"))
    k = PRIOR_KEYS.index("Name_Calling,Labeling")
    rates = model.span_prior_w[k * WIDTH:(k + 1) * WIDTH - 1]      # rate bins of name calling, lowest first
    lean = rates[:, naming] - rates[:, loaded]
    assert lean[-1] > lean[0]            # words often marked as labels lean the span towards name calling
    tok = table(["the", "thug", "here"])
    sp = np.full((1, 14), 0.2)
    args = (tok, np.array([1]), np.array([1]), sp, "the thug here", model.featurizer.word_ids(tok))
    labels = WordPrior([get_string_id("thug")], np.array([[40, 36, 2, 34]]), [0.05, 0.03, 0.015])
    loaded_words = WordPrior([get_string_id("thug")], np.array([[40, 36, 34, 2]]), [0.05, 0.03, 0.015])
    as_label = replace(model, prior=labels).span_probs(*args)[0]
    as_loaded = replace(model, prior=loaded_words).span_probs(*args)[0]
    assert as_label[naming] > as_loaded[naming] and as_loaded[loaded] > as_label[loaded]


def test_a_candidate_is_paired_only_with_likely_techniques():
    model = load_model()
    assert 0.0 < model.min_technique_prob == model.info["min_technique_prob"] < 0.5
    tok = table(["the", "vile", "thug", "left", "now"])
    p = np.array([0.01, 0.6, 0.5, 0.01, 0.01])
    args = ("the vile thug left now", tok, np.full((1, 14), 0.2), model.featurizer.word_ids(tok), p)
    first, last, tech, peak, tech_p = model.short_candidates(*args)
    assert len(first) and (first == 1).all() and (last == 2).all() and np.allclose(peak, 0.6)
    assert (tech_p >= model.min_technique_prob).all()
    every = replace(model, min_technique_prob=0.0).short_candidates(*args)
    assert sorted(every[2].tolist()) == sorted(model.short) and len(every[2]) > len(tech)
    assert np.isclose(every[4].sum(), 1.0)                    # a distribution over the short techniques
