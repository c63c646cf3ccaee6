"""WARC archives (``.warc`` / ``.warc.gz``): one ``ArticleInput`` per archived HTML page.

Records are streamed one at a time with warcio (a multi-gigabyte archive is never held
in memory). HTTP ``response`` records (and ``resource`` records) with an HTML content
type and a 2xx status become ``ArticleInput(html=..., url=WARC-Target-URI)``; the
WARC-Date is the crawl time, not the publication date, so it goes to
``extra["crawled"]`` and the publication date is left to the page's own metadata. Other
records are skipped silently and counted (``WarcReader.stats``). A record over
``limits.max_bytes`` is reported and skipped. A truncated or corrupt record, or a
truncated gzip member, is reported as an ``InputFailure`` naming the record and its
byte offset, and the file ends there cleanly.

Gzip is inflated by Python's ``gzip`` module rather than by warcio, because ``gzip``
raises on a truncated member where warcio stops silently; offsets of ``.warc.gz`` files
are therefore offsets in the uncompressed stream.
"""
from __future__ import annotations

import gzip
import io
import logging
import os
import zlib
from dataclasses import dataclass
from typing import Any, BinaryIO, Iterator

from . import ArticleInput, InputFailure
from .charset import decode_markup, parse_content_type
from .limits import LIMITS, Limits

log = logging.getLogger("newsxray")

HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
ARTICLE_RECORDS = ("response", "resource")
_DRAIN = 1 << 16


@dataclass
class WarcStats:
    records: int = 0
    articles: int = 0
    skipped: int = 0
    failed: int = 0


class _Truncated(Exception):
    """The archive ends (or breaks, ``kind="corrupt"``) inside a record."""

    def __init__(self, message: str, *, kind: str = "truncated") -> None:
        super().__init__(message)
        self.kind = kind


class _Watched(io.RawIOBase):
    """A readable stream that ends where its source fails, and remembers why.

    A gzip member cut short raises ``EOFError`` only once the good data before it has
    been read; warcio would swallow it while looking for the next record. This wrapper
    turns the error into a clean end of stream (so every complete record before the
    damage is still read) and keeps it for the reader to report.
    """

    def __init__(self, inner: BinaryIO) -> None:
        super().__init__()
        self._inner = inner
        # read1: one read of the source at a time, so data before a failure is not lost
        self._read = getattr(inner, "read1", inner.read)
        self.error: Exception | None = None
        self.position = 0  # bytes delivered

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        if self.error is not None:
            return 0
        try:
            data = self._read(len(buffer))
        except (EOFError, OSError, zlib.error) as exc:
            self.error = exc
            return 0
        buffer[:len(data)] = data
        self.position += len(data)
        return len(data)


def _is_gzip(stream: BinaryIO, name: str) -> bool:
    """Gzip magic at the start of the stream (or, for a pipe, a ``.gz`` name)."""
    peek = getattr(stream, "peek", None)
    if peek is not None:
        return peek(2)[:2] == b"\x1f\x8b"
    if getattr(stream, "seekable", lambda: False)():
        start = stream.tell()
        head = stream.read(2)
        stream.seek(start)
        return head == b"\x1f\x8b"
    return name.lower().endswith(".gz")


def _drain(stream: Any) -> None:
    while stream.read(_DRAIN):
        pass


class WarcReader:
    """Iterate a WARC file's HTML pages as ``ArticleInput`` (failures as ``InputFailure``).

    ``source`` is a path or a binary file object; ``name`` labels messages and ``stem``
    prefixes ids (``<stem>-<record number>``, counting every record from 1).
    """

    def __init__(self, source: str | os.PathLike | BinaryIO, *, limits: Limits = LIMITS,
                 name: str | None = None, stem: str | None = None) -> None:
        self.source = source
        self.limits = limits
        self.name = name or (os.fspath(source) if isinstance(source, (str, os.PathLike)) else "warc")
        self.stem = stem or "warc"
        self.stats = WarcStats()
        self._gzip = False

    def __iter__(self) -> Iterator[ArticleInput | InputFailure]:
        if isinstance(self.source, (str, os.PathLike)):
            with open(self.source, "rb") as handle:
                yield from self._read(handle)
        else:
            yield from self._read(self.source)
        if not self.stats.articles and not self.stats.failed:
            yield InputFailure(source=self.name, id=self.stem, reason=(
                f"no HTML pages in the archive ({self.stats.records} records, none an HTML "
                "response with a 2xx status)"))
        log.info("%s: %d records, %d articles, %d skipped (not HTML pages), %d failed", self.name,
                 self.stats.records, self.stats.articles, self.stats.skipped, self.stats.failed)

    def _read(self, handle: BinaryIO) -> Iterator[ArticleInput | InputFailure]:
        from warcio.archiveiterator import ArchiveIterator
        self._gzip = _is_gzip(handle, self.name)
        stream = _Watched(gzip.GzipFile(fileobj=handle) if self._gzip else handle)
        buffered = io.BufferedReader(stream, buffer_size=_DRAIN)
        number = done = 0
        records = None
        try:
            records = ArchiveIterator(buffered)
            for record in records:
                if records.err_count:  # warcio found no blank line where the previous record should end
                    raise _Truncated("the previous record's Content-Length does not match its data",
                                     kind="corrupt")
                number += 1
                self.stats.records += 1
                item = self._record(record, number, records.offset)
                if item is not None:
                    yield item
                done = number
        except Exception as exc:  # warcio/gzip raise many kinds on damaged archives
            failing = number if number > done else done + 1
            yield self._broken(failing, getattr(records, "offset", 0), exc, stream.error)
            return
        leftover = stream.position - records.offset
        if stream.error is not None or leftover > 0:  # warcio stops quietly inside a cut header
            cut = _Truncated(f"the archive ends inside its headers ({leftover:,} bytes of it remain)")
            yield self._broken(done + 1, records.offset, cut, stream.error)

    def _where(self, number: int, offset: int) -> str:
        unit = "uncompressed byte" if self._gzip else "byte"
        return f"record {number} (at {unit} {offset:,})"

    def _broken(self, number: int, offset: int, exc: Exception, cause: Exception | None) -> InputFailure:
        self.stats.failed += 1
        where = self._where(number, offset)
        if isinstance(exc, _Truncated):
            reason = f"{where} is {exc.kind}: {exc}"
            if cause is not None:
                reason += f" (the gzip stream ends early: {cause})"
        else:
            detail = cause or exc
            kind = "truncated" if isinstance(detail, EOFError) else "truncated or corrupt"
            reason = f"{kind} WARC at {where}: {type(detail).__name__}: {detail}"
        return InputFailure(source=f"{self.name}#{number}", id=f"{self.stem}-{number}",
                            reason=f"{reason}; the rest of the file is not read")

    def _media(self, record: Any) -> str | None:
        """The HTML media type of a record worth reading, or None to skip it."""
        if record.rec_type not in ARTICLE_RECORDS:
            return None
        if record.rec_type == "response":
            if record.http_headers is None:
                return None
            status = record.http_headers.get_statuscode() or ""
            if not status.startswith("2"):
                return None
            value = record.http_headers.get_header("Content-Type")
        else:
            value = record.rec_headers.get_header("Content-Type")
        media, _ = parse_content_type(value)
        return media if media in HTML_TYPES else None

    def _check_complete(self, record: Any) -> None:
        """Read what is left of the record and raise ``_Truncated`` if the archive ends inside it."""
        declared = (record.rec_headers.get_header("Content-Length") or "").strip()
        if not declared.isdigit():
            raise _Truncated(f"its Content-Length is missing or invalid ({declared!r})")
        _drain(record.raw_stream)
        missing = getattr(record.raw_stream, "limit", 0)
        if missing > 0:
            raise _Truncated(f"{missing:,} bytes of its declared length are missing")

    def _record(self, record: Any, number: int, offset: int) -> ArticleInput | InputFailure | None:
        if self._media(record) is None:
            self._check_complete(record)
            self.stats.skipped += 1
            return None
        body = record.content_stream().read(self.limits.max_bytes + 1)
        self._check_complete(record)
        if len(body) > self.limits.max_bytes:
            self.stats.failed += 1
            return InputFailure(source=f"{self.name}#{number}", id=f"{self.stem}-{number}", reason=(
                f"{self._where(number, offset)} is larger than {self.limits.max_bytes / 1e6:.0f} MB; "
                "raise the limit (--max-bytes) to read it"))
        return self._article(record, body, number, offset)

    def _article(self, record: Any, body: bytes, number: int, offset: int) -> ArticleInput:
        headers = record.http_headers or record.rec_headers
        _, charset = parse_content_type(headers.get_header("Content-Type"))
        html, used, note = decode_markup(body, declared=charset)
        extra: dict[str, Any] = {"crawled": record.rec_headers.get_header("WARC-Date"),
                                 "warc_record": number, "warc_offset": offset}
        if note:
            extra["decode_warning"] = note
            log.warning("%s: %s", self._where(number, offset), note)
        self.stats.articles += 1
        return ArticleInput(html=html, url=record.rec_headers.get_header("WARC-Target-URI"),
                            id=f"{self.stem}-{number}", source=f"{self.name}#{number}", extra=extra)


def iter_warc(source: str | os.PathLike | BinaryIO, *, limits: Limits = LIMITS, name: str | None = None,
              stem: str | None = None) -> Iterator[ArticleInput | InputFailure]:
    """Shorthand for ``iter(WarcReader(...))``."""
    return iter(WarcReader(source, limits=limits, name=name, stem=stem))
