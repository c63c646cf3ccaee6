"""Readers: every kind of input a user can name, as ``ArticleInput`` or ``InputFailure``.

``iter_inputs(paths)`` takes what the CLI is given — ``-`` (standard input), ``http(s)``
URLs, files and directories — and yields one item per article, streaming (a directory,
a JSONL file or a WARC archive is never loaded whole). Every input is accounted for:
anything that cannot be read (missing, unreadable, binary, not UTF-8, over the size
limit, empty, an unsupported type) yields an ``InputFailure`` with the reason, and
iteration goes on with the next input.

Files are recognised by extension: ``.txt`` (text kept exactly as in the file: bytes
decoded, newlines untouched), ``.html``/``.htm``/``.xhtml``, ``.jsonl``/``.ndjson``,
``.xml``/``.rss``/``.atom`` (feeds) and ``.warc``/``.warc.gz``. A file's id is its name
without the extension (``a.warc.gz`` -> ``a``). A directory yields its own files
(not subdirectories), sorted by name; hidden files, and files whose type newsxray does not
read (a README, a script), are skipped with a warning. A file named explicitly with an
unsupported type is a failure.
"""
from __future__ import annotations

import io
import itertools
import logging
import os
import re
import sys
from pathlib import Path
from typing import Any, BinaryIO, Iterable, Iterator

from ..errors import InputError
from . import ArticleInput, InputFailure
from .charset import decode_markup
from .feeds import feed_stem, is_feed, iter_feed
from .jsonl import iter_jsonl, iter_lines, looks_like_jsonl
from .limits import LIMITS, Limits
from .validate import check_text, decode_bytes, looks_binary
from .warc import WarcReader

log = logging.getLogger("newsxray")

Item = ArticleInput | InputFailure
SUFFIXES = (  # longest first, so .warc.gz wins over .gz
    (".warc.gz", "warc"), (".warc", "warc"), (".txt", "text"), (".html", "html"), (".htm", "html"),
    (".xhtml", "html"), (".jsonl", "jsonl"), (".ndjson", "jsonl"), (".xml", "feed"),
    (".rss", "feed"), (".atom", "feed"),
)
SUPPORTED = ".txt, .html/.htm, .jsonl/.ndjson, .xml/.rss/.atom (feeds) and .warc/.warc.gz"
_URL = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*://")
_COUNT_CHUNK = 1 << 20


def is_url(path: str) -> bool:
    return bool(_URL.match(path))


def file_kind(name: str) -> tuple[str | None, str, str]:
    """``(kind or None, stem, suffix)`` of a file name: ``a.warc.gz`` -> ``("warc", "a", ".warc.gz")``."""
    lower = name.lower()
    for suffix, kind in SUFFIXES:
        if lower.endswith(suffix) and len(name) > len(suffix):
            return kind, name[:-len(suffix)], suffix
    path = Path(name)
    return None, path.stem, path.suffix


def os_reason(exc: OSError) -> str:
    """A user-facing reason for a failed file operation."""
    if isinstance(exc, FileNotFoundError):
        return "no such file or directory; check the path"
    if isinstance(exc, PermissionError):
        return "permission denied; check that you may read it"
    if isinstance(exc, IsADirectoryError):
        return "is a directory"
    return f"cannot read it ({exc.strerror or exc})"


class _Context:
    """Options shared by the readers of one ``iter_inputs`` call; the fetcher is made on first use."""

    def __init__(self, *, limits: Limits, allow_private: bool, encoding: str, fetcher: Any) -> None:
        self.limits, self.allow_private, self.encoding = limits, allow_private, encoding
        self._fetcher = fetcher
        self._own: Any = None

    @property
    def fetcher(self) -> Any:
        if self._fetcher is None:
            from .fetch import Fetcher
            self._fetcher = self._own = Fetcher(limits=self.limits, allow_private=self.allow_private)
        return self._fetcher

    def close(self) -> None:
        """Close the fetcher if this context made it (a caller's fetcher stays open)."""
        if self._own is not None:
            self._own.close()


def iter_inputs(paths: Iterable[str], *, limits: Limits = LIMITS, allow_private: bool = False,
                encoding: str = "utf-8", fetcher: Any = None) -> Iterator[Item]:
    """Every article in ``paths`` (``-``, URLs, files, directories), failures included."""
    ctx = _Context(limits=limits, allow_private=allow_private, encoding=encoding, fetcher=fetcher)
    try:
        for path in paths:
            path = os.fspath(path)
            yield from _safely(_route(path, ctx), source=path)
    finally:
        ctx.close()


def _safely(items: Iterator[Item], *, source: str, id: str | None = None) -> Iterator[Item]:
    """Pass ``items`` through, turning an error that stops them into an ``InputFailure``."""
    try:
        yield from items
    except InputError as exc:
        yield InputFailure(source=exc.source or source, reason=exc.reason, id=id)
    except OSError as exc:
        yield InputFailure(source=source, reason=os_reason(exc), id=id)
    except Exception as exc:  # a hostile input must not stop the batch  # noqa: BLE001
        log.debug("reading %s failed", source, exc_info=True)
        yield InputFailure(source=source, reason=f"cannot read it ({type(exc).__name__}: {exc})", id=id)


def _route(path: str, ctx: _Context) -> Iterator[Item]:
    if path == "-":
        return read_stdin(ctx)
    if is_url(path):
        return read_url(path, ctx)
    target = Path(path)
    if target.is_dir():
        return read_directory(target, ctx)
    return read_file(target, ctx)


def read_url(url: str, ctx: _Context) -> Iterator[Item]:
    """A fetched page, or the items of a fetched RSS/Atom feed."""
    from .fetch import FEED_TYPES
    page = ctx.fetcher.fetch(url)
    if page.content_type in FEED_TYPES or is_feed(page.text):
        yield from iter_feed(page.text, source=url, stem=feed_stem(page.url), url=page.url,
                             limits=ctx.limits, fetcher=ctx.fetcher, allow_private=ctx.allow_private)
    else:
        yield page.as_input(source=url)


def read_directory(directory: Path, ctx: _Context) -> Iterator[Item]:
    """The directory's own files, sorted by name (hidden files and subdirectories skipped)."""
    with os.scandir(directory) as entries:
        names = sorted(entry.name for entry in entries if not entry.name.startswith("."))
    found = 0
    for name in names:
        child = directory / name
        if child.is_dir():
            log.info("skipping %s: subdirectories are not read", child)
            continue
        if file_kind(name)[0] is None:
            log.warning("skipped %s: not a file type newsxray reads", child)
            continue
        found += 1
        yield from _safely(read_file(child, ctx), source=str(child), id=file_kind(name)[1])
    if not found:
        yield InputFailure(source=str(directory), reason="the directory has no files to read",
                           id=directory.name)


def read_file(path: Path, ctx: _Context) -> Iterator[Item]:
    """One file, by its extension."""
    kind, stem, suffix = file_kind(path.name)
    if kind is None:
        what = f"unsupported file type {suffix}" if suffix else "a file without an extension"
        yield InputFailure(source=str(path), id=stem, reason=f"{what}; newsxray reads {SUPPORTED}")
        return
    reader = _READERS[kind]
    yield from _safely(reader(path, stem, ctx), source=str(path), id=stem)


def read_capped(path: Path, limits: Limits) -> bytes:
    """A file's bytes; its size is checked before reading (an oversize file is not loaded)."""
    with open(path, "rb") as handle:
        size = os.fstat(handle.fileno()).st_size
        if size > limits.max_bytes:
            raise _too_large(size, limits, source=str(path))
        data = handle.read(limits.max_bytes + 1)
    if len(data) > limits.max_bytes:
        raise _too_large(len(data), limits, source=str(path))
    if not data:
        raise InputError("empty file", source=str(path))
    return data


def _too_large(size: int, limits: Limits, *, source: str) -> InputError:
    return InputError(f"file is {size / 1e6:.1f} MB, over the {limits.max_bytes / 1e6:.0f} MB limit; "
                      "split it or raise the limit (--max-bytes)", source=source)


def _read_text(path: Path, stem: str, ctx: _Context) -> Iterator[Item]:
    source = str(path)
    data = read_capped(path, ctx.limits)
    text = decode_bytes(data, source=source, limits=ctx.limits, encoding=ctx.encoding)
    check_text(text, limits=ctx.limits, source=source)
    yield ArticleInput(text=text, id=stem, source=source)


def decode_markup_file(path: Path, ctx: _Context) -> str:
    """An HTML/XML file as text: BOM, then ``--encoding`` if not UTF-8, then its own declaration."""
    data = read_capped(path, ctx.limits)
    declared = None if ctx.encoding.lower().replace("_", "-") in ("utf-8", "utf8") else ctx.encoding
    text, _, note = decode_markup(data, declared=declared)
    if note:
        log.warning("%s: %s", path, note)
    if looks_binary(text):
        raise InputError("the file looks like binary data, not HTML or XML", source=str(path))
    return text


def _read_html(path: Path, stem: str, ctx: _Context) -> Iterator[Item]:
    html = decode_markup_file(path, ctx)
    check_text(html, limits=ctx.limits, source=str(path), what="HTML")
    yield ArticleInput(html=html, id=stem, source=str(path))


def _read_feed(path: Path, stem: str, ctx: _Context) -> Iterator[Item]:
    text = decode_markup_file(path, ctx)
    if not is_feed(text):
        raise InputError("not an RSS or Atom feed (its root element is not <rss>, <feed> or <rdf:RDF>)",
                         source=str(path))
    yield from iter_feed(text, source=str(path), stem=stem, limits=ctx.limits,
                         fetcher=ctx.fetcher, allow_private=ctx.allow_private)


def _read_jsonl(path: Path, stem: str, ctx: _Context) -> Iterator[Item]:
    with open(path, "rb") as handle:
        if os.fstat(handle.fileno()).st_size == 0:
            raise InputError("empty file", source=str(path))
        lines = iter_lines(handle, ctx.limits.max_bytes)
        yield from iter_jsonl(lines, name=str(path), stem=stem, limits=ctx.limits, encoding=ctx.encoding)


def _read_warc(path: Path, stem: str, ctx: _Context) -> Iterator[Item]:
    if path.stat().st_size == 0:
        raise InputError("empty file", source=str(path))
    yield from WarcReader(path, limits=ctx.limits, name=str(path), stem=stem)


_READERS = {"text": _read_text, "html": _read_html, "feed": _read_feed, "jsonl": _read_jsonl,
            "warc": _read_warc}


def _stdin() -> BinaryIO:
    buffer = getattr(sys.stdin, "buffer", None)
    return buffer if buffer is not None else io.BytesIO(sys.stdin.read().encode("utf-8"))


def read_stdin(ctx: _Context, stream: BinaryIO | None = None) -> Iterator[Item]:
    """Standard input: JSONL when its lines are JSON objects, else one plain-text article."""
    cap = ctx.limits.max_bytes
    lines = iter_lines(stream or _stdin(), cap)
    head, size, complete = [], 0, True
    for number, raw in lines:
        head.append((number, raw))
        size += cap + 1 if raw is None else len(raw)
        if size > cap:
            complete = False
            break
    if looks_like_jsonl(head, complete=complete):
        yield from iter_jsonl(itertools.chain(head, lines), name="stdin", stem="stdin",
                              limits=ctx.limits, encoding=ctx.encoding)
        return
    if not complete:
        raise InputError(f"standard input is over the {cap / 1e6:.0f} MB limit for one article; "
                         "split it or raise the limit (--max-bytes)", source="stdin")
    data = b"".join(raw for _, raw in head if raw is not None)
    if not data:
        raise InputError("standard input is empty", source="stdin")
    text = decode_bytes(data, source="stdin", limits=ctx.limits, encoding=ctx.encoding)
    check_text(text, limits=ctx.limits, source="stdin")
    yield ArticleInput(text=text, source="stdin")


def count_inputs(paths: Iterable[str]) -> int | None:
    """A cheap estimate of how many items ``iter_inputs(paths)`` yields (for progress bars).

    None when it cannot be known without reading (standard input, URLs, feeds, WARC).
    """
    total = 0
    for path in paths:
        found = _count(os.fspath(path))
        if found is None:
            return None
        total += found
    return total


def _count(path: str) -> int | None:
    if path == "-" or is_url(path):
        return None
    target = Path(path)
    try:
        if not target.is_dir():
            return _count_file(target)
        total = 0
        for name in sorted(n for n in os.listdir(target) if not n.startswith(".")):
            if not (target / name).is_dir() and file_kind(name)[0] is not None:
                found = _count_file(target / name)
                if found is None:
                    return None
                total += found
        return total
    except OSError:
        return 1


def _count_file(path: Path) -> int | None:
    kind = file_kind(path.name)[0]
    if kind in ("warc", "feed"):
        return None
    if kind != "jsonl":
        return 1
    try:
        with open(path, "rb") as handle:
            newlines, last = 0, b"\n"
            for chunk in iter(lambda: handle.read(_COUNT_CHUNK), b""):
                newlines += chunk.count(b"\n")
                last = chunk[-1:]
        return max(1, newlines + (last != b"\n"))
    except OSError:
        return 1
