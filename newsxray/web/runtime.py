"""What the web app holds per process: the corpus store (one connection per thread), the
analyzer (loaded once, lazily or at start-up) and the bounded pool that runs analyses.

SQLite connections may not cross threads, and FastAPI runs plain ``def`` handlers in a
thread pool, so each thread opens its own ``SqliteStore`` on first use (WAL mode: readers
never wait for the writer). Analyses run in worker threads, at most ``workers`` at a time;
at most ``max_waiting`` more wait their turn, and beyond that a request is refused (503) so
a flood cannot pile up unbounded work.
"""
from __future__ import annotations

import logging
import threading
from pathlib import Path
from typing import Any, Callable

import anyio

from ..store import SqliteStore, open_store

log = logging.getLogger("newsxray")


class WebError(Exception):
    """An error the web layer answers with ``{"error": {"code", "message"}}`` and ``status``."""

    def __init__(self, status: int, code: str, message: str) -> None:
        super().__init__(message)
        self.status, self.code, self.message = status, code, message


class Runtime:
    def __init__(self, *, db: str | Path, allow_private: bool = False, analyzer: Any = None,
                 layers: str | None = None, workers: int = 1, max_waiting: int = 128) -> None:
        self.db = str(db)
        self.allow_private = allow_private
        self.layers = layers
        self.workers = max(1, workers)
        self.max_waiting = max_waiting
        self._analyzer = analyzer
        self._analyzer_lock = threading.Lock()
        self._local = threading.local()
        self._stores: list[SqliteStore] = []
        self._stores_lock = threading.Lock()
        self._limiter: anyio.CapacityLimiter | None = None
        self._pending = 0
        open_store(self.db).close()  # create or migrate it now: a bad file fails at start-up

    def store(self) -> SqliteStore:
        """This thread's connection to the corpus."""
        store = getattr(self._local, "store", None)
        if store is None:
            store = open_store(self.db)
            self._local.store = store
            with self._stores_lock:
                self._stores.append(store)
        return store

    def analyzer(self) -> Any:
        """The analyzer, loaded once per process (thread-safe)."""
        if self._analyzer is None:
            with self._analyzer_lock:
                if self._analyzer is None:
                    import newsxray
                    log.info("loading the analyzer (layers: %s)", self.layers or "all")
                    self._analyzer = newsxray.load(self.layers, allow_private=self.allow_private)
        return self._analyzer

    async def run(self, fn: Callable[..., Any], *args: Any) -> Any:
        """Run ``fn(*args)`` in a worker thread, at most ``workers`` at once."""
        if self._limiter is None:
            self._limiter = anyio.CapacityLimiter(self.workers)
        if self._pending >= self.workers + self.max_waiting:
            raise WebError(503, "busy", "the server is busy analysing other articles; retry in a few seconds")
        self._pending += 1
        try:
            return await anyio.to_thread.run_sync(fn, *args, limiter=self._limiter)
        finally:
            self._pending -= 1

    def close(self) -> None:
        with self._stores_lock:
            stores, self._stores = self._stores, []
        for store in stores:
            try:
                store.close()
            except Exception:  # a connection made in another thread cannot always be closed from here
                log.debug("could not close a store connection", exc_info=True)
