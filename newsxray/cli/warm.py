"""Take the story embeddings off ingest's critical path, onto a second core.

``newsxray ingest`` stores a batch after the next one has been analysed. A ``Warmer`` hands each
analysed batch's story texts (``stories.story_text``, the texts ``put`` may compare) to one helper
*process*, which embeds them while the main process analyses the next batch; the vectors come back
into ``vectors.embed_cached``'s cache, so ``put`` finds them there. A thread does not do: the model
and spaCy then share one interpreter lock and one core (measured: no gain). Claims are not
embedded ahead: few have candidates, so embedding all of them costs more than it saves.

The warmer never holds data and never changes a decision: the vector of a text is the same
whoever computes it, and whatever is missing (the helper failed, was slow, or the text was
evicted) ``put`` embeds itself, as before. ``close`` (also on KeyboardInterrupt, via ``with``)
shuts the helper down without waiting for its work.
"""
from __future__ import annotations

import logging
import multiprocessing
import os
import signal
import threading
import time
from concurrent.futures import Future, ProcessPoolExecutor
from typing import Callable, NamedTuple, Sequence

from ..store import claimmatch, vectors
from ..store.records import as_record
from ..store.stories import story_text

log = logging.getLogger("newsxray")

CACHE_BATCHES = 4  # the cache holds this many batches' texts on top of its default size
WAIT = 300.0  # seconds a batch waits for its vectors before put embeds what it needs itself
_BASE_CACHE = vectors.CACHE_SIZE


class Job(NamedTuple):
    records: list          # the batch as record dicts (what put stores)
    texts: list            # the texts sent to the helper
    future: Future | None  # its vectors


def _quiet_child() -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    parent = os.getppid()
    threading.Thread(target=_exit_with, args=(parent,), name="newsxray-parent-watch", daemon=True).start()


def _exit_with(parent: int, interval: float = 1.0) -> None:
    """End this helper once its parent is gone (killed with -9, it cannot shut the pool down;
    without this the helper would live on, an orphan holding its model in memory)."""
    while os.getppid() == parent:
        time.sleep(interval)
    os._exit(0)


class Warmer:
    """One helper process embedding analysed batches' story texts ahead; use as a context manager."""

    def __init__(self, *, stories: bool = True, claims: bool = False,
                 claims_for: Callable[[list[dict]], list[str]] | None = None) -> None:
        """``claims``: embed every check-worthy claim ahead; ``claims_for``: a function giving the claim
        texts of a batch that storing it would embed (``SqliteStore.claim_texts_to_compare``)."""
        self.stories, self.claims, self.claims_for = stories, claims, claims_for
        self._pool: ProcessPoolExecutor | None = None

    @property
    def active(self) -> bool:
        return bool(self.stories or self.claims or self.claims_for)

    def __enter__(self) -> "Warmer":
        if self.active:  # start the helper and load its model while batch 1 is analysed
            try:
                self._helper().submit(vectors.embed_each, ["newsxray"])
            except Exception as exc:  # noqa: BLE001 -- an optimisation only
                log.warning("could not start embedding ahead (%s: %s)", type(exc).__name__, exc)
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def submit(self, docs: Sequence) -> Job | None:
        """Start embedding the texts of ``docs`` (Documents or record dicts); None if nothing to do."""
        if not docs or not self.active:
            return None
        records = [as_record(doc) for doc in docs]
        wanted = texts_to_embed(records, stories=self.stories, claims=self.claims)
        if self.claims_for is not None and not self.claims:
            try:
                wanted += self.claims_for(records)
            except Exception as exc:  # noqa: BLE001 -- an optimisation only: put embeds what it needs
                log.warning("could not choose claims to embed ahead (%s: %s)", type(exc).__name__, exc)
        texts = [t for t in dict.fromkeys(wanted) if not vectors.is_cached(t)]
        vectors.reserve(_BASE_CACHE + CACHE_BATCHES * len(texts))
        if not texts:
            return Job(records, [], None)
        try:
            future = self._helper().submit(vectors.embed_each, texts)
        except Exception as exc:  # noqa: BLE001 -- an optimisation only: put embeds without it
            log.warning("could not start embedding ahead (%s: %s); storing embeds as needed", type(exc).__name__, exc)
            future = None
        return Job(records, texts, future)

    def records(self, job: Job | None, docs: Sequence, *, help: bool = True) -> list:
        """What to ``put`` for ``docs``: the job's record dicts, with its vectors cached. While the
        helper is still busy with the job (``help``), this process embeds the job's texts from the
        last one backwards until the helper is done: the two meet in the middle instead of this
        process waiting (it matters for the last batch of a run, which nothing overlaps)."""
        if job is None:
            return list(docs)
        if job.future is not None:
            if help:
                for text in reversed(job.texts):
                    if job.future.done():
                        break
                    if not vectors.is_cached(text):
                        vectors.embed_cached([text])
            try:
                vectors.remember(job.texts, job.future.result(timeout=WAIT))
            except Exception as exc:  # noqa: BLE001 -- put embeds whatever is missing
                log.warning("could not embed ahead (%s: %s); storing embeds as needed", type(exc).__name__, exc)
        return job.records if len(job.records) == len(docs) else list(docs)

    def close(self) -> None:
        """Shut the helper down; work it has not finished is dropped (put does it when needed)."""
        if self._pool is not None:
            self._pool.shutdown(wait=False, cancel_futures=True)
            self._pool = None

    def _helper(self) -> ProcessPoolExecutor:
        if self._pool is None:
            context = multiprocessing.get_context("spawn")  # no fork of a process holding threads
            self._pool = ProcessPoolExecutor(1, mp_context=context, initializer=_quiet_child)
        return self._pool


def texts_to_embed(records: Sequence[dict], *, stories: bool = True, claims: bool = True) -> list[str]:
    """The texts ``put`` may embed for ``records``, story texts first (made by the functions ``put``
    uses). Failed inputs have none."""
    live = [r for r in records if not r.get("_failed") and (r.get("text") or "").strip()]
    texts = [story_text(r) for r in live] if stories else []
    if claims:
        texts += [text for r in live for _, _, text, _, _ in claimmatch.claims_of(r)]
    return [text for text in texts if text]
