"""Word-cluster features of the techniques model (no spaCy): layout, token and span columns."""
from __future__ import annotations

import numpy as np

from newsxray.annotators.technique_matrix import Featurizer
from newsxray.annotators.technique_model import load_model

from .technique_tokens import columns, table

WORDS = ["corrupt", "evil", "plan", "the", "vile"]
CLUSTERS = [0, 0, 1, 2, 0]          # corrupt, evil, vile share cluster 0


def test_without_clusters_the_layouts_have_no_cluster_columns():
    plain = Featurizer(WORDS, [], [], 14)
    clustered = Featurizer(WORDS, [], [], 14, CLUSTERS)
    assert clustered.n_clusters == 3 and plain.n_clusters == 0
    assert clustered.tok_layout.size - plain.tok_layout.size == 3 * 4      # token, left, right: 3 clusters + none
    assert clustered.span_layout.size - plain.span_layout.size == 4


def test_token_columns_name_the_clusters_of_the_word_and_its_neighbours():
    f = Featurizer(WORDS, [], [], 14, CLUSTERS)
    tok = table(["the", "vile", "plan", "unseen"])
    x = f.token_matrix(tok, np.zeros((1, 14)))
    lay = f.tok_layout.offset
    vile = columns(x, 1)
    assert lay["cl0"] + 0 in vile                  # "vile" is in cluster 0
    assert lay["clm1"] + 2 in vile                 # after "the" (cluster 2)
    assert lay["clp1"] + 1 in vile                 # before "plan" (cluster 1)
    first, last = columns(x, 0), columns(x, 3)
    assert lay["clm1"] + 3 in first                # sentence start: the extra cluster
    assert lay["cl0"] + 3 in last and lay["clp1"] + 3 in last    # unknown word and sentence end


def test_words_of_one_cluster_share_span_columns():
    f = Featurizer(WORDS, [], [], 14, CLUSTERS)
    tok = table(["the", "evil", "plan", "the", "corrupt", "plan"])
    x = f.span_matrix(tok, np.array([1, 4]), np.array([2, 5]), np.zeros((1, 14)), " ".join(["x"] * 6))
    lay = f.span_layout.offset
    cl = {c - lay["cl"] for c in columns(x, 0) | columns(x, 1) if lay["cl"] <= c < lay["cl"] + 4}
    assert cl == {0, 1}
    assert {c for c in columns(x, 0) if c >= lay["cl"]} == {c for c in columns(x, 1) if c >= lay["cl"]}


def test_shipped_model_has_a_cluster_per_word():
    model = load_model()
    f = model.featurizer
    assert f.clusters is not None and len(f.clusters) == len(f.words)
    assert f.n_clusters == model.info["hyperparameters"]["word_clusters"] == 200
    assert len(set(f.clusters)) == f.n_clusters                     # no empty cluster
    assert model.tok_w.shape == (f.tok_layout.size,) and "clusters" not in model.info
