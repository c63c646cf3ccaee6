"""The sentence-embedding model loads from the installed packages and separates topics."""
from __future__ import annotations

import numpy as np

from newsxray.embed import DIM, embed, similarity


def test_vectors_are_unit_length_and_in_input_order():
    texts = ["A much longer sentence about the central bank raising interest rates again.", "Hi.", ""]
    vectors = embed(texts)
    assert vectors.shape == (3, DIM)
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-4)
    alone = embed([texts[0]])[0]
    assert float(alone @ vectors[0]) > 0.999  # batching and sorting by length keep the order


def test_paraphrases_are_closer_than_other_topics():
    a, b, c = embed(["China warned Japan against hosting a NATO office.",
                     "Beijing cautioned Tokyo over plans for a NATO liaison office.",
                     "Stir the eggs into the flour and bake for twenty minutes."])
    sims = similarity(np.stack([a]), np.stack([b, c]))[0]
    assert sims[0] > 0.6 > sims[1] + 0.4


def test_empty_input():
    assert embed([]).shape == (0, DIM)
