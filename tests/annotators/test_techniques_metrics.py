"""The span metrics, the dev split, the reliability table and the candidate runs (no spaCy)."""
from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from newsxray.annotators.technique_eval import (
    Tally, dev_split, merge, overlaps_gold, read_ptc, reliability, score_spans,
)
from newsxray.annotators.technique_features import N_CAT, Tokens
from newsxray.annotators.technique_model import runs

PTC = Path(__file__).resolve().parents[3] / "shared" / "datasets" / "ptc"


def test_merge_joins_overlapping_and_touching_intervals():
    assert merge([(5, 9), (0, 3), (2, 4), (9, 12), (20, 21)]) == [(0, 4), (5, 12), (20, 21)]


def test_tally_follows_the_definition():
    t = Tally()
    # predicted [0, 10) overlaps gold [5, 15) by 5 chars: P credit 5/10, R credit 5/10;
    # predicted [20, 24) overlaps nothing; gold [30, 40) is missed.
    t.add([(0, 10), (20, 24)], [(5, 15), (30, 40)])
    assert t.precision == pytest.approx(0.5 / 2)
    assert t.recall == pytest.approx(0.5 / 2)
    assert t.f1 == pytest.approx(0.25)


def test_a_short_prediction_inside_a_long_gold_span_is_precise_but_recalls_little():
    t = Tally()
    t.add([(10, 15)], [(0, 100)])
    assert t.precision == pytest.approx(1.0)
    assert t.recall == pytest.approx(0.05)


def test_score_spans_si_ignores_techniques_and_aware_credits_matching_ones():
    gold = {"a": [(0, 10, "Doubt"), (20, 30, "Loaded_Language")]}
    pred = {"a": [(0, 10, "Loaded_Language"), (20, 30, "Loaded_Language")]}
    res = score_spans(pred, gold)
    assert res["si"].f1 == pytest.approx(1.0)
    assert res["aware"].precision == pytest.approx(0.5)
    assert res["aware"].recall == pytest.approx(0.5)
    assert res["per_technique"]["Loaded_Language"].precision == pytest.approx(0.5)
    assert res["per_technique"]["Doubt"].f1 == 0.0


def test_si_merges_overlapping_gold_spans_first():
    gold = {"a": [(0, 10, "Doubt"), (5, 15, "Loaded_Language")]}
    res = score_spans({"a": [(0, 15, "Doubt")]}, gold)
    assert res["si"].n_gold == 1 and res["si"].f1 == pytest.approx(1.0)


def test_documents_without_predictions_count_their_gold_spans():
    res = score_spans({}, {"a": [(0, 4, "Doubt")]})
    assert res["si"].recall == 0.0 and res["si"].n_gold == 1


def test_overlaps_gold_needs_the_same_technique():
    gold = [(0, 10, "Doubt")]
    assert overlaps_gold((5, 12, "Doubt"), gold)
    assert not overlaps_gold((5, 12, "Slogans"), gold)
    assert not overlaps_gold((10, 12, "Doubt"), gold)


def test_reliability_table_and_ece():
    scores = [0.15] * 10 + [0.85] * 10
    correct = [True] * 1 + [False] * 9 + [True] * 9 + [False]
    table, ece = reliability(scores, correct)
    assert [row["n"] for row in table] == [10, 10]
    assert table[0]["accuracy"] == pytest.approx(0.1) and table[1]["accuracy"] == pytest.approx(0.9)
    assert ece == pytest.approx(0.05)


def test_dev_split_is_fixed_disjoint_and_a_fifth():
    ids = [str(111111111 + i) for i in range(371)]
    train, dev = dev_split(ids)
    assert (train, dev) == dev_split(list(reversed(ids)))
    assert not set(train) & set(dev) and len(train) + len(dev) == 371
    assert len(dev) == 74


def test_read_ptc_reads_spans_within_the_text():
    if not PTC.exists():
        pytest.skip("../shared/datasets/ptc is not available")
    articles = read_ptc(PTC)
    assert len(articles) == 371
    first = articles[0]
    assert first.spans and all(0 <= s < e <= len(first.text) for s, e, _ in first.spans)


# -- candidate runs on a hand-built token table ------------------------------------------------
ADJ, NOUN, DET, CCONJ, PUNCT, VERB = 84, 92, 90, 89, 97, 100


def table(words: list[tuple[str, int]], sentence_of: list[int]) -> Tokens:
    starts, pos = [], []
    at = 0
    for word, p in words:
        starts.append(at)
        pos.append(p)
        at += len(word) + 1
    start = np.array(starts)
    end = start + np.array([len(w) for w, _ in words])
    n = len(words)
    flags = np.zeros((n, 5), dtype=bool)
    flags[:, 0] = [w.isalpha() for w, _ in words]
    flags[:, 3] = [p == PUNCT for _, p in words]
    sent = np.array(sentence_of)
    change = np.flatnonzero(np.r_[True, sent[1:] != sent[:-1], True])
    zeros = np.zeros(n, dtype=np.uint64)
    return Tokens(start, end, zeros, zeros, np.array(pos), zeros, zeros, flags, sent, np.zeros(n, bool),
                  np.stack([change[:-1], change[1:]], 1), np.zeros(len(change) - 1, np.int64),
                  np.zeros((n, N_CAT), bool), zeros[:1], np.zeros(n, np.int64), np.zeros(n, np.int64))


def test_runs_bridge_one_weak_token_and_trim_function_words():
    tok = table([("the", DET), ("evil", ADJ), (",", PUNCT), ("vile", ADJ), ("plan", NOUN), ("and", CCONJ),
                 ("it", DET)], [0] * 7)
    p = np.array([0.9, 0.9, 0.1, 0.9, 0.9, 0.9, 0.0])
    first, last = runs(tok, p, 0.15)
    # "the" opens the run (a determiner may start a span), the comma is bridged, "and" is trimmed
    assert first.tolist() == [0] and last.tolist() == [4]


def test_runs_stop_at_sentence_ends_and_need_a_content_word():
    tok = table([("evil", ADJ), ("plan", NOUN), ("the", DET), ("and", CCONJ)], [0, 0, 1, 1])
    p = np.array([0.9, 0.9, 0.9, 0.9])
    first, last = runs(tok, p, 0.15)
    assert list(zip(first.tolist(), last.tolist())) == [(0, 1)]


def test_runs_of_an_empty_table():
    tok = table([("x", NOUN)], [0])
    first, last = runs(tok, np.array([0.0]), 0.15)
    assert len(first) == 0 and len(last) == 0


# -- the shouted-loaded-word rule ----------------------------------------------------------------
def test_shouted_loaded_words_become_spans_only_in_mostly_lower_case_sentences():
    from newsxray.annotators.technique_rules import LOADED, add_rule_spans, shouted_loaded
    words = [("troops", NOUN), ("for", DET), ("MASSIVE", ADJ), ("new", ADJ), ("attack", NOUN),
             ("MASSIVE", ADJ), ("NEW", ADJ), ("ATTACK", NOUN), ("NOW", NOUN)]
    tok = table(words, [0] * 5 + [1] * 4)
    tok.flags[:, 1] = [w.isupper() for w, _ in words]
    tok.cats[[2, 5], LOADED] = True
    assert shouted_loaded(tok) == [(2, 2)]            # the all-caps sentence is not shouting
    found = add_rule_spans([], tok, 0.25, 0.175)
    assert found == [(int(tok.start[2]), int(tok.end[2]), "Loaded_Language", 0.25)]
    assert add_rule_spans([], tok, None, 0.175) == [] and add_rule_spans([], tok, 0.1, 0.175) == []
    covered = [(int(tok.start[0]), int(tok.end[4]), "Loaded_Language", 0.4)]
    assert add_rule_spans(covered, tok, 0.25, 0.175) == covered
