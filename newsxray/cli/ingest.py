"""``newsxray ingest``: analyse articles and keep their records in a corpus database.

Inputs are read in batches; each batch is analysed and then stored in one transaction, so a
crash or ``kill -9`` loses at most the open batches, which the next run of the same command
stores. Storing is one batch behind analysis: while batch N+1 is analysed, a helper process
(``warm.Warmer``) embeds the story texts that storing batch N may compare, so ``put`` finds
their vectors cached (the second core does that work). An input whose text (or raw HTML) is already stored is skipped before analysis, so a
rerun costs little. Every input is accounted for: stored (new, or a revision of a URL already
stored), duplicate, or failed (its reason kept in the database's failures table).
"""
from __future__ import annotations

import itertools
import logging
import time
from collections import Counter
from concurrent.futures import Future
from typing import Iterable, Iterator, NamedTuple, Optional

import typer
from rich.console import Console

from ..analyzer import load
from ..errors import NewsxrayError
from ..ingest import ArticleInput, InputFailure
from ..ingest.limits import LIMITS
from .progress import progress_over
from .warm import Warmer

EXIT_OK, EXIT_SOME_FAILED, EXIT_USAGE, EXIT_ALL_FAILED = 0, 1, 2, 3


def ingest(
    inputs: list[str] = typer.Argument(None, help="Files (.txt .html .jsonl .xml .warc .warc.gz), directories, "
                                       "http(s) URLs or feeds, or - for stdin."),
    from_parquet: Optional[str] = typer.Option(None, "--from-parquet", help="Load the results of "
                                               "`newsxray batch --out DIR` from DIR instead of analysing inputs."),
    db: str = typer.Option("corpus.db", "--db", help="The corpus database (created if missing)."),
    layers: Optional[str] = typer.Option(None, "--layers", "-l", help="Comma-separated layers to compute "
                                         "(default: all). `newsxray layers` lists them."),
    batch_size: int = typer.Option(32, min=1, help="Inputs per batch: analysed together, stored in one commit."),
    watch: Optional[float] = typer.Option(None, "--watch", min=1.0, help="Read the inputs again every this "
                                          "many seconds (for feeds), until interrupted or --max-polls."),
    max_polls: Optional[int] = typer.Option(None, "--max-polls", min=1, help="With --watch: stop after this "
                                            "many passes over the inputs."),
    allow_private: bool = typer.Option(False, "--allow-private", help="Allow fetching private, loopback and "
                                       "link-local addresses (deliberate local use only)."),
    encoding: str = typer.Option("utf-8", help="Encoding of text files."),
    max_bytes: int = typer.Option(LIMITS.max_bytes, help="Refuse inputs larger than this many bytes."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress bar, per-input messages or summary."),
    debug: bool = typer.Option(False, "--debug", help="Show tracebacks and debug logging."),
) -> None:
    """Analyse articles and store their records in a corpus database (idempotent, resumable).

    Exit codes: 0 every input stored or already there, 1 some inputs failed, 2 usage,
    configuration or database error, 3 every input failed.
    """
    err = Console(stderr=True)
    logging.basicConfig(level=logging.DEBUG if debug else logging.WARNING, format="%(levelname)s: %(message)s")
    if bool(inputs) == bool(from_parquet):
        _die(err, "give inputs to analyse, or --from-parquet DIR (not both)", EXIT_USAGE)
    try:
        if from_parquet:
            raise typer.Exit(_from_parquet(from_parquet, db=db, quiet=quiet, err=err))
        code = _run(list(inputs), db=db, layers=layers, batch_size=batch_size, watch=watch, max_polls=max_polls,
                    allow_private=allow_private, encoding=encoding, max_bytes=max_bytes, quiet=quiet, err=err)
    except NewsxrayError as exc:
        if debug:
            raise
        _die(err, str(exc), EXIT_USAGE)
    except KeyboardInterrupt:
        _die(err, "interrupted; the batches in progress were not kept: run the same command again to resume", 130)
    raise typer.Exit(code)


def _die(err: Console, message: str, code: int) -> None:
    err.print(f"[bold red]error:[/] {message}", highlight=False, markup=True, soft_wrap=True)
    raise typer.Exit(code)


def _run(paths: list[str], *, db: str, layers: str | None, batch_size: int, watch: float | None,
         max_polls: int | None, allow_private: bool, encoding: str, max_bytes: int, quiet: bool,
         err: Console) -> int:
    from ..store import open_store

    limits = LIMITS.with_(max_bytes=max_bytes)
    analyzer = load(layers, limits=limits, allow_private=allow_private)
    code = EXIT_OK
    with open_store(db) as store:
        for poll in itertools.count(1):
            tally = ingest_once(paths, analyzer=analyzer, store=store, batch_size=batch_size, limits=limits,
                                allow_private=allow_private, encoding=encoding, quiet=quiet, err=err)
            code = _exit_code(tally)
            if not quiet:
                err.print(summary(tally, store.counts(), db), highlight=False, soft_wrap=True)
            if watch is None or (max_polls is not None and poll >= max_polls):
                return code
            time.sleep(watch)
    return code


def ingest_once(paths: list[str], *, analyzer, store, batch_size: int, limits=LIMITS, allow_private: bool = False,
                encoding: str = "utf-8", quiet: bool = True, err: Console | None = None) -> Counter:
    """One pass over ``paths`` into ``store``; returns how many inputs were stored, duplicate, failed."""
    from ..ingest.readers import count_inputs, iter_inputs

    err = err or Console(stderr=True)
    items = iter_inputs(paths, limits=limits, allow_private=allow_private, encoding=encoding)
    total = None if quiet else count_inputs(paths)
    items = progress_over(items, total=total, console=err, enabled=not quiet, label="ingesting")
    tally: Counter = Counter()
    report = None if quiet else err
    pending: _Analysed | None = None
    # Not every claim is embedded ahead (few have candidates: embedding all of them would overload the
    # helper), only those that storing the batch would compare, as far as the store can tell now.
    claims_for = getattr(store, "claim_texts_to_compare", None) if getattr(store, "claims", False) else None
    with Warmer(stories=getattr(store, "stories", False), claims_for=claims_for) as warmer:
        for chunk in _chunks(items, batch_size):
            analysed = _analyse_chunk(chunk, analyzer=analyzer, store=store, tally=tally)  # warmer runs meanwhile
            if pending is not None:
                _store_chunk(pending, warmer.records(pending.ahead, pending.docs), store=store, tally=tally, err=report)
            pending = analysed._replace(ahead=warmer.submit(analysed.docs))
        if pending is not None:
            _store_chunk(pending, warmer.records(pending.ahead, pending.docs), store=store, tally=tally, err=report)
    return tally


def _chunks(items: Iterable, size: int) -> Iterator[list]:
    iterator = iter(items)
    while chunk := list(itertools.islice(iterator, size)):
        yield chunk


def _known_hash(item: ArticleInput) -> str | None:
    """The hash the store knows an already stored input by, before analysing it (None: unknown)."""
    from ..store import content_hash, input_hash

    if item.text is not None:
        return content_hash(item.text)
    if item.html is not None:
        return input_hash(item.html)
    return None


class _Analysed(NamedTuple):
    failures: list            # InputFailure of the chunk
    todo: list                # (ArticleInput, raw hash or None), one per doc
    docs: list                # the analysed records, in order
    ahead: Future | None = None  # the warmer's job for them


def _analyse_chunk(chunk: list, *, analyzer, store, tally: Counter) -> _Analysed:
    """Analyse the inputs of a chunk that the store does not hold yet (outside any transaction)."""
    failures: list[InputFailure] = []
    todo: list[tuple[ArticleInput, str | None]] = []
    for item in chunk:
        if isinstance(item, InputFailure):
            failures.append(item)
            continue
        known = _known_hash(item)
        if known is not None and store.has_hash(known):
            tally["duplicate"] += 1
            continue
        todo.append((item, known if item.text is None else None))
    docs = list(analyzer.pipe([item for item, _ in todo], batch_size=max(1, len(todo))))
    return _Analysed(failures, todo, docs)


def _store_chunk(analysed: _Analysed, records: list, *, store, tally: Counter, err: Console | None) -> None:
    """Store an analysed chunk in one transaction (``records``: its docs, or their record dicts)."""
    with store.transaction():
        for failure in analysed.failures:
            store.record_failure(failure.source, failure.reason, id=failure.id)
            _report(err, "failed", failure.source, failure.reason)
        for (item, raw), doc, record in zip(analysed.todo, analysed.docs, records):
            result = store.put(record, source=item.source, raw_hash=raw)
            tally[result.status] += 1
            tally["near_duplicate"] += result.duplicate_of is not None
            if result.status == "failed":
                _report(err, "failed", item.source or doc.id, doc.errors[0].message if doc.errors else "failed")
    tally["failed"] += len(analysed.failures)


def _report(err: Console | None, what: str, source: str | None, reason: str) -> None:
    if err is not None:
        err.print(f"[red]{what}:[/] {source}: {reason}", highlight=False, soft_wrap=True)


def _exit_code(tally: Counter) -> int:
    done = tally["stored"] + tally["revision"] + tally["duplicate"]
    if tally["failed"] and not done:
        return EXIT_ALL_FAILED
    return EXIT_SOME_FAILED if tally["failed"] else EXIT_OK


def summary(tally: Counter, counts: dict, db: str) -> str:
    """One line: what this pass did and what the corpus now holds."""
    seen = tally["stored"] + tally["revision"] + tally["duplicate"] + tally["failed"]
    near = f" ({tally['near_duplicate']} near-duplicate)" if tally["near_duplicate"] else ""
    return (f"{seen} input(s): {tally['stored']} stored{near}, {tally['revision']} revised, "
            f"{tally['duplicate']} already stored, {tally['failed']} failed; {db} holds "
            f"{counts['articles']} article(s), {counts['failures']} failed input(s)")


def _from_parquet(out: str, *, db: str, quiet: bool, err: Console) -> int:
    """Store the records of a batch run's committed partitions (stored again: duplicates are skipped)."""
    from ..batch import iter_partition_records
    from ..store import open_store

    tally: Counter = Counter()
    with open_store(db) as store:
        for pairs in iter_partition_records(out):
            with store.transaction():
                for source, record in pairs:
                    result = store.put(record, source=source)
                    tally[result.status] += 1
                    tally["near_duplicate"] += result.duplicate_of is not None
        if not quiet:
            err.print(summary(tally, store.counts(), db), highlight=False, soft_wrap=True)
    return _exit_code(tally)
