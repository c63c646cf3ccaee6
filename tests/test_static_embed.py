"""Static token embeddings distilled from MiniLM: the shipped table, the loader, the distiller's pieces."""
from __future__ import annotations

import json

import numpy as np
import pytest

from newsxray import static_embed
from newsxray.errors import ConfigError
from newsxray.static_embed import load_table, model_dir, sentence_vectors, table_id, token_vectors

from .annotators.scripts import load_script


def test_the_shipped_table_is_small_documented_and_matches_its_meta():
    folder = model_dir()
    meta = json.loads((folder / "meta.json").read_text())
    assert (folder / "MODEL_CARD.md").exists()
    assert (folder / "static.npz").stat().st_size < 5_200_000
    with np.load(folder / "static.npz") as stored:
        vectors, tokens, weights = stored["vectors"], stored["tokens"], stored["weights"]
    assert vectors.dtype == np.float16 and vectors.shape == (meta["tokens"], meta["dim"])
    assert len(tokens) == len(weights) == meta["tokens"] and np.all(np.diff(tokens) > 0)   # sorted, distinct ids
    assert np.all((weights > 0) & (weights <= 1))
    assert table_id() == meta["files"]["static.npz"][:16]


def test_sentence_vectors_are_unit_length_in_order_and_zero_when_empty():
    texts = ["Unemployment fell to 3.5 percent in September.", "", "Thank you, good evening.", "!!"]
    v = sentence_vectors(texts)
    assert v.shape == (4, static_embed.dim()) and v.dtype == np.float32
    assert np.linalg.norm(v[0]) == pytest.approx(1.0, abs=1e-5) and not v[1].any()
    assert np.allclose(sentence_vectors([texts[2]])[0], v[2])        # a batch scores each text alone
    assert sentence_vectors([]).shape == (0, static_embed.dim())


def test_sentence_vectors_are_case_insensitive_and_carry_meaning():
    a, b, c, d = sentence_vectors(["The jobless rate fell to a record low.",
                                   "THE JOBLESS RATE FELL TO A RECORD LOW.",
                                   "Unemployment dropped to its lowest level ever.",
                                   "Thank you so much, it is great to be here tonight."])
    assert np.allclose(a, b, atol=1e-6)
    assert a @ c > a @ d + 0.1


def test_token_vectors_give_offsets_into_the_text():
    text = "Prices rose 4% in Geneva."
    offsets, vectors = token_vectors(text)
    assert len(offsets) == len(vectors) and vectors.shape[1] == static_embed.dim()
    pieces = [text[s:e].lower() for s, e in offsets]
    assert pieces[:3] == ["prices", "rose", "4"] and "%" in pieces
    same = token_vectors("rose and rose")[1]
    assert np.allclose(same[0], same[2]) and np.abs(same[0]).sum() > 0   # no context: a token is one vector


def test_a_missing_table_says_how_to_rebuild_it(tmp_path):
    with pytest.raises(ConfigError, match="distill_static"):
        load_table(tmp_path)


def test_the_table_weights_rows_by_their_sif_weight(tmp_path):
    distill = load_script("distill_static")
    arrays = {"vectors": np.array([[1.0, 2.0], [3.0, 4.0]], dtype=np.float16),
              "tokens": np.array([5, 9], dtype=np.int32), "weights": np.array([0.5, 1.0], dtype=np.float16)}
    distill.save_npz(tmp_path / "static.npz", arrays)
    first = (tmp_path / "static.npz").read_bytes()
    distill.save_npz(tmp_path / "static.npz", arrays)
    assert (tmp_path / "static.npz").read_bytes() == first               # same arrays, same bytes
    table = load_table(tmp_path, vocab_size=12)
    assert table.vectors.shape == (12, 2) and table.vectors[5].tolist() == [0.5, 1.0]
    assert table.weights[9] == 1.0 and not table.vectors[0].any() and table.weights[0] == 0
    distill.save_npz(tmp_path / "static.npz", {**arrays, "tokens": np.array([5, 40], dtype=np.int32)})
    with pytest.raises(ConfigError):
        load_table(tmp_path, vocab_size=12)


# -- the distillation script's pieces (no model run) -------------------------------------
def test_pca_is_deterministic_with_fixed_signs():
    distill = load_script("distill_static")
    x = np.random.RandomState(0).normal(size=(50, 6)) * np.array([5, 3, 2, 1, 0.5, 0.1])
    reduced, share = distill.pca(x, 3)
    again, _ = distill.pca(-x, 3)             # flipping the data must not flip the output's axes' signs rule
    assert reduced.shape == (50, 3) and np.all(np.diff(share) <= 0) and share.sum() < 1
    assert np.allclose(np.abs(reduced), np.abs(again))
    assert np.allclose(reduced.mean(axis=0), 0, atol=1e-9)


def test_kept_tokens_are_the_frequent_ordinary_ones():
    distill = load_script("distill_static")

    class Vocab:
        def get_vocab(self):
            return {"[CLS]": 0, "the": 1, "rose": 2, "##s": 3, "rare": 4, "[unused1]": 5}

    counts = {0: 100, 1: 90, 2: 5, 3: 7, 4: 1, 5: 50}
    assert distill.kept_tokens(Vocab(), counts, 10) == [1, 2, 3]     # no specials, none seen once
    assert distill.kept_tokens(Vocab(), counts, 2) == [1, 3]
