"""The claims model's weighting, calibration and storage, and the shipped model (no spaCy)."""
from __future__ import annotations

import gzip
import json
from pathlib import Path

import numpy as np
import pytest

from newsxray.annotators.claim_features import TENSOR_WIDTH, Bundle, char_ngrams, pooled_vector
from newsxray.annotators.claim_model import Calibration, ClaimModel, FeatureSpace, TermBlock
from newsxray.annotators.claims import load_model, model_path
from newsxray.errors import ConfigError

from .scripts import load_script

SETTINGS = {name: {"min_df": 1, "max_terms": 100, "weight": 1.0} for name in "wcnt"}


def bundle(words: str, seed: int, **counts: float) -> Bundle:
    ws = words.split()
    vec = np.random.RandomState(seed).normal(size=2 * TENSOR_WIDTH).astype(np.float32)
    return Bundle(terms={"w": ws, "c": ws, "n": ws, "t": ["NN"] * len(ws)}, counts=dict(counts), vector=vec)


BUNDLES = [bundle("prices rose 4 percent", 0, digit=1.0), bundle("thank you all", 1),
           bundle("prices fell sharply", 2), bundle("good evening everyone", 3, question=1.0)]


def test_char_ngrams_are_word_bounded():
    grams = char_ngrams(["ab", "c"])
    assert " a" in grams and "ab " in grams and " ab " in grams and " c " in grams
    assert "b c" not in grams and all(2 <= len(g) <= 5 for g in grams)


def test_term_block_rows_are_l2_normalised_tf_idf():
    block = TermBlock.fit([["a", "b"], ["a"], ["c", "c"]], min_df=1, max_terms=10, weight=0.5)
    m = block.matrix([["a", "b", "b"], ["zzz"], []]).toarray()
    assert np.linalg.norm(m[0]) == pytest.approx(0.5)
    assert not m[1].any() and not m[2].any()                     # unknown terms and no terms
    a, b = block.vocab["a"], block.vocab["b"]
    ratio = (1 + np.log(2)) * block.idf[b] / block.idf[a]       # sublinear tf times idf
    assert m[0, b] / m[0, a] == pytest.approx(ratio)


def test_vocabularies_keep_the_most_frequent_terms():
    block = TermBlock.fit([["x", "y"], ["x", "z"], ["x", "y"]], min_df=2, max_terms=1, weight=1.0)
    assert list(block.vocab) == ["x"]


def test_feature_space_width_and_transform():
    space = FeatureSpace.fit(BUNDLES, settings=SETTINGS)
    X = space.transform(BUNDLES)
    assert X.shape == (4, space.width)
    assert space.transform([]).shape == (0, space.width)


def test_the_static_block_adds_standardised_sentence_vectors_of_the_words():
    from newsxray.static_embed import dim, sentence_vectors
    plain = FeatureSpace.fit(BUNDLES, settings=SETTINGS)
    space = FeatureSpace.fit(BUNDLES, settings=SETTINGS, static_weight=0.5)
    assert plain.static is None and space.width == plain.width + dim()
    X = space.transform(BUNDLES).toarray()
    static = X[:, plain.width:]
    assert np.allclose(X[:, :plain.width], plain.transform(BUNDLES).toarray())
    assert np.allclose(static.mean(axis=0), 0, atol=1e-6)                       # standardised on the fit data
    assert np.allclose(static.std(axis=0)[static.std(axis=0) > 0], 0.5, atol=1e-4)   # times the block weight
    vec = sentence_vectors(["prices rose 4 percent"])[0]
    assert np.allclose(static[0], (vec - space.static.mean) * space.static.scale * 0.5, atol=1e-5)


def test_a_static_model_round_trips_and_old_files_still_load(tmp_path):
    space = FeatureSpace.fit(BUNDLES, settings=SETTINGS, static_weight=0.2)
    coef = np.random.RandomState(6).normal(size=space.width)
    model = ClaimModel(space, coef, 0.1, Calibration("platt", {"a": 1.0, "b": 0.0}), 0.3)
    model.save(tmp_path / "s.json.gz")
    again = ClaimModel.load(tmp_path / "s.json.gz")
    assert again.space.static.weight == 0.2 and again.space.static.table == space.static.table != ""
    assert np.allclose(again.scores(BUNDLES), model.scores(BUNDLES), atol=1e-4)
    old = ClaimModel(FeatureSpace.fit(BUNDLES, settings=SETTINGS), coef[:-len(space.static.mean)], 0.1,
                     Calibration("platt", {"a": 1.0, "b": 0.0}), 0.3)
    old.save(tmp_path / "o.json.gz")
    with gzip.open(tmp_path / "o.json.gz", "rt") as fh:
        assert "static" not in json.load(fh)
    assert ClaimModel.load(tmp_path / "o.json.gz").space.static is None


def test_the_static_max_block_appends_standardised_max_pooled_token_vectors(tmp_path):
    from newsxray.static_embed import dim, token_vectors
    mean_only = FeatureSpace.fit(BUNDLES, settings=SETTINGS, static_weight=0.5)
    space = FeatureSpace.fit(BUNDLES, settings=SETTINGS, static_weight=0.5, static_max_weight=0.25)
    assert space.width == mean_only.width + dim() and space.static.width == 2 * dim()
    X = space.transform(BUNDLES).toarray()
    assert np.allclose(X[:, :mean_only.width], mean_only.transform(BUNDLES).toarray())
    pooled = X[:, mean_only.width:]
    assert np.allclose(pooled.mean(axis=0), 0, atol=1e-6)
    assert np.allclose(pooled.std(axis=0)[pooled.std(axis=0) > 0], 0.25, atol=1e-4)
    raw = token_vectors("prices fell sharply")[1].max(axis=0)       # BUNDLES[2]'s words
    assert np.allclose(pooled[2], (raw - space.static.max_mean) * space.static.max_scale * 0.25, atol=1e-5)
    assert not np.allclose(pooled[2], X[2, mean_only.width - dim():mean_only.width])   # not the mean again
    coef = np.random.RandomState(8).normal(size=space.width)
    model = ClaimModel(space, coef, 0.0, Calibration("platt", {"a": 1.0, "b": 0.0}), 0.3)
    model.save(tmp_path / "m.json.gz")
    again = ClaimModel.load(tmp_path / "m.json.gz")
    assert again.space.static.max_weight == 0.25 and again.space.width == space.width
    assert np.allclose(again.scores(BUNDLES), model.scores(BUNDLES), atol=1e-4)
    assert again.space.transform([]).shape == (0, space.width)
    assert ClaimModel.load(tmp_path / "m.json.gz").space.static.max_mean is not None
    plain = ClaimModel(mean_only, coef[:mean_only.width], 0.0, Calibration("platt", {"a": 1.0, "b": 0.0}), 0.3)
    plain.save(tmp_path / "p.json.gz")
    assert ClaimModel.load(tmp_path / "p.json.gz").space.static.max_mean is None      # older files still load


def test_one_tokenizer_pass_gives_static_embeds_mean_and_max_vectors():
    from newsxray.annotators.claim_model import static_vectors
    from newsxray.static_embed import sentence_vectors, token_vectors
    bundles = [*BUNDLES, Bundle(terms={"c": []})]
    means, maxes = static_vectors(bundles, pooled=True)
    texts = [" ".join(b.terms["c"]) for b in bundles]
    assert np.array_equal(means, sentence_vectors(texts).astype(np.float64))
    assert np.array_equal(maxes[0], token_vectors(texts[0])[1].max(axis=0).astype(np.float64))
    assert not means[-1].any() and not maxes[-1].any()                      # no words: zeros
    assert static_vectors(bundles)[1] is None and np.array_equal(static_vectors(bundles)[0], means)


def test_calibrations_map_scores_into_probabilities():
    platt = Calibration("platt", {"a": 2.0, "b": -1.0})
    p = platt(np.array([-10.0, 0.0, 0.5, 10.0]))
    assert np.all(np.diff(p) > 0) and p[2] == pytest.approx(0.5) and 0 <= p.min() and p.max() <= 1
    iso = Calibration("isotonic", {"x": [0.0, 1.0], "y": [0.1, 0.9]})
    assert iso(np.array([-5.0, 0.5, 5.0])).tolist() == pytest.approx([0.1, 0.5, 0.9])
    with pytest.raises(ConfigError):
        Calibration("magic", {})(np.zeros(1))


def test_model_round_trip(tmp_path):
    space = FeatureSpace.fit(BUNDLES, settings=SETTINGS)
    coef = np.random.RandomState(5).normal(size=space.width)
    model = ClaimModel(space, coef, -0.3, Calibration("platt", {"a": 1.5, "b": 0.2}), 0.4, {"note": "test"})
    path = tmp_path / "m.json.gz"
    model.save(path)
    again = ClaimModel.load(path)
    assert again.threshold == 0.4 and again.meta == {"note": "test"}
    assert again.space.blocks["c"].chars and not again.space.blocks["w"].chars
    assert np.allclose(again.scores(BUNDLES), model.scores(BUNDLES), atol=1e-4)
    assert again.scores([]).shape == (0,)


def test_bad_model_files_say_how_to_fix_them(tmp_path):
    wrong = tmp_path / "wrong.json.gz"
    with gzip.open(wrong, "wt") as fh:
        json.dump({"format": "something else"}, fh)
    broken = tmp_path / "broken.json.gz"
    broken.write_bytes(b"not gzip")
    for path in (wrong, broken, tmp_path / "missing.json.gz"):
        with pytest.raises(ConfigError, match="train-claims"):
            ClaimModel.load(path)


def test_pooled_vector_without_tensor_is_zero():
    assert not pooled_vector(None, 0, 3).any()
    rows = np.arange(3 * TENSOR_WIDTH, dtype=np.float32).reshape(3, TENSOR_WIDTH)
    pooled = pooled_vector(rows, 1, 3)
    assert pooled[:TENSOR_WIDTH] == pytest.approx(rows[1:].mean(axis=0))
    assert pooled[TENSOR_WIDTH:] == pytest.approx(rows[2])


def test_the_shipped_model_is_small_calibrated_and_documented():
    path = model_path()
    assert path.exists() and path.stat().st_size < 5_000_000
    assert (path.parent / "MODEL_CARD.md").exists()
    model = load_model()
    assert 0.05 < model.threshold < 0.95
    assert model.calibration.kind == "platt" and model.calibration.params["a"] > 0   # higher score, higher chance
    assert "ClaimBuster" in model.meta["trained_on"] and model.meta["spacy_model"].startswith("en_core_web_sm")
    assert model.coef.shape == (model.space.width,)


# -- the training script's model assembly (synthetic data, no spaCy) ---------------------
ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT.parent / "shared" / "datasets" / "claims"


def _train_script():
    return load_script("train_claims")


def _toy(seed: int = 0):
    """Two sources over the same 6 features: ClaimBuster-like (feature 0 decides) and
    CheckThat!-like (feature 1 decides, rare positives)."""
    rng = np.random.RandomState(seed)
    X = rng.normal(size=(400, 6))
    is_cb = np.arange(400) < 200
    y = np.where(is_cb, X[:, 0] > 0.3, X[:, 1] > 1.5).astype(int)
    folds = np.arange(400) % 5
    return X, y, is_cb, folds


def test_the_model_is_the_claimbuster_regression_plus_weighted_checkthat_one():
    train = _train_script()
    X, y, is_cb, _ = _toy()
    cb_only, b0 = train.summed(X, y, is_cb, 0.0)
    both, b1 = train.summed(X, y, is_cb, 0.75)
    ct = train.fit_linear(X[~is_cb], y[~is_cb], ct=True)
    assert np.allclose(both, cb_only + 0.75 * ct.coef_.ravel())
    assert b1 == pytest.approx(b0 + 0.75 * float(ct.intercept_[0]))
    assert abs(cb_only[0]) > abs(cb_only[1]) and both[1] > cb_only[1]   # the CheckThat! part adds its cue


def test_out_of_fold_scores_never_come_from_a_model_that_saw_the_item():
    train = _train_script()
    X, y, is_cb, folds = _toy(1)
    oof = train.out_of_fold(X, y, is_cb, folds, 0.0)
    test = folds == 2
    fitted = train.fit_linear(X[is_cb & ~test], y[is_cb & ~test], ct=False)
    assert np.allclose(oof[is_cb & test], fitted.decision_function(X[is_cb & test]))
    full = train.fit_linear(X[is_cb], y[is_cb], ct=False)
    assert np.allclose(oof[~is_cb], full.decision_function(X[~is_cb]))   # CheckThat! lines: unseen by it
    mixed = train.out_of_fold(X, y, is_cb, folds, 0.5)
    assert not np.allclose(mixed, oof)


def test_claimbuster_training_holds_no_sentence_of_a_checkthat_dev_debate():
    if not (DATA / "claimbuster_train.json").exists():
        pytest.skip("../shared/datasets/claims is not available")
    train = _train_script()
    parts = train.splits(DATA)
    held = {train._key(it.text) for it in parts["ct_dev"]}
    assert not any(train._key(it.text) in held for it in parts["cb_train"])
    assert len(parts["cb_dev"]) == 1593 and len({it.group for it in parts["ct_dev"]}) == 6


def test_the_shipped_model_matches_the_training_script():
    train = _train_script()
    meta = load_model().meta
    assert meta["checkthat_weight"] == train.CT_WEIGHT and meta["C"] == train.C
    assert meta["checkthat_C"] == train.CT_C and meta["blocks"] == train.SETTINGS
    assert meta["static_weight"] == train.STATIC_WEIGHT
    static = load_model().space.static
    assert (static is not None) == (train.STATIC_WEIGHT > 0)
    if static is not None:
        from newsxray.static_embed import table_id
        assert static.weight == train.STATIC_WEIGHT and static.table == meta["static_table"] == table_id()
        assert meta["static_max_weight"] == train.STATIC_MAX_WEIGHT == static.max_weight
        assert (static.max_mean is not None) == (train.STATIC_MAX_WEIGHT > 0)
    assert "CheckThat!" in meta["trained_on"] and "out-of-fold" in meta["threshold_on"]
