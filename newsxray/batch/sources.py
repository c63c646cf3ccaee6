"""Batch inputs: files (local or fsspec URLs) expanded, counted, and read by index range.

A batch input is a file (``.jsonl``/``.ndjson``, ``.warc``/``.warc.gz``, ``.txt``,
``.html``/``.htm``/``.xhtml``) or a directory of them, local or on any fsspec filesystem
(``s3://``, ``gs://``, ``hdfs://``, ``file://`` ...). Local files are read by the same readers
as ``newsxray analyze`` (``iter_inputs``), so batch and analyze see identical items with
identical ids and sources; remote files go through the same JSONL/WARC/HTML decoders over an
fsspec file object. ``read_slice(path, start, end)`` yields items ``start..end-1`` of a file.
"""
from __future__ import annotations

import itertools
import os
from pathlib import Path
from typing import Iterator

from ..errors import ConfigError, InputError
from ..ingest import ArticleInput, InputFailure
from ..ingest.charset import decode_markup
from ..ingest.jsonl import iter_jsonl, iter_lines
from ..ingest.limits import LIMITS, Limits
from ..ingest.readers import _safely, file_kind, iter_inputs
from ..ingest.validate import check_text, decode_bytes
from ..ingest.warc import WarcReader

Item = ArticleInput | InputFailure
SINGLE = ("text", "html")          # one article per file
BATCH_KINDS = ("text", "html", "jsonl", "warc")


def is_remote(path: str) -> bool:
    return "://" in path and not path.startswith("file://")


def _fs(path: str):
    import fsspec
    try:
        return fsspec.core.url_to_fs(path)
    except (ImportError, ValueError) as exc:
        raise ConfigError(f"cannot open {path}: {exc}; install the fsspec backend for this scheme "
                          "(s3fs, gcsfs, ...)") from exc


def _local(path: str) -> str:
    return path[len("file://"):] if path.startswith("file://") else path


def expand(inputs: list[str]) -> list[str]:
    """The files the inputs name, directories expanded (their own files, sorted by name).

    A directory with no readable files stays as itself (reading it yields one failure).
    """
    files: list[str] = []
    for path in inputs:
        path = os.fspath(path)
        if path == "-" or path.startswith(("http://", "https://")):
            raise ConfigError(f"{path}: batch reads files and directories (local or fsspec URLs); "
                              "use `newsxray ingest` for stdin, web pages and feeds")
        files.extend(_expand_remote(path) if is_remote(path) else _expand_local(_local(path)))
    return files


def _readable(name: str) -> bool:
    return not name.startswith(".") and file_kind(name)[0] in BATCH_KINDS


def _expand_local(path: str) -> list[str]:
    target = Path(path)
    if not target.is_dir():
        return [path]
    names = sorted(n for n in os.listdir(target) if _readable(n) and not (target / n).is_dir())
    return [str(target / n) for n in names] or [path]


def _expand_remote(path: str) -> list[str]:
    fs, root = _fs(path)
    if not fs.isdir(root):
        return [path]
    protocol = path.split("://", 1)[0]
    entries = sorted(fs.ls(root, detail=True), key=lambda e: e["name"])
    names = [e["name"] for e in entries if e.get("type") == "file" and _readable(e["name"].rsplit("/", 1)[-1])]
    return [f"{protocol}://{n}" for n in names] or [path]


def fingerprint(path: str) -> str:
    """``size:mtime`` of a file (what a cached count is valid for); '' if unknown."""
    try:
        if is_remote(path):
            fs, root = _fs(path)
            info = fs.info(root)
            return f"{info.get('size')}:{info.get('mtime') or info.get('LastModified') or info.get('ETag')}"
        stat = os.stat(_local(path))
        return f"{stat.st_size}:{stat.st_mtime_ns}"
    except (OSError, ConfigError):
        return ""


def needs_count(path: str) -> bool:
    return file_kind(path.rsplit("/", 1)[-1])[0] not in SINGLE


def count_items(path: str, *, limits: Limits = LIMITS, encoding: str = "utf-8") -> int:
    """How many items ``read_slice`` yields for the whole file (runs on a worker)."""
    if not needs_count(path):
        return 1
    return sum(1 for _ in read_slice(path, 0, None, limits=limits, encoding=encoding))


def read_slice(path: str, start: int, end: int | None, *, limits: Limits = LIMITS,
               encoding: str = "utf-8") -> Iterator[Item]:
    """Items ``start`` to ``end - 1`` of file ``path`` (all from ``start`` if ``end`` is None)."""
    if is_remote(path):
        items = _safely(_read_remote(path, limits, encoding), source=path,
                        id=file_kind(path.rsplit("/", 1)[-1])[1])
    else:
        items = iter_inputs([_local(path)], limits=limits, encoding=encoding)
    return itertools.islice(items, start, end)


def _read_remote(path: str, limits: Limits, encoding: str) -> Iterator[Item]:
    import fsspec
    name = path.rsplit("/", 1)[-1]
    kind, stem, suffix = file_kind(name)
    if kind not in BATCH_KINDS:
        yield InputFailure(source=path, id=stem, reason=f"unsupported file type {suffix or '(none)'} for batch")
        return
    with fsspec.open(path, "rb") as handle:
        if kind == "jsonl":
            yield from iter_jsonl(iter_lines(handle, limits.max_bytes), name=path, stem=stem,
                                  limits=limits, encoding=encoding)
        elif kind == "warc":
            yield from WarcReader(handle, limits=limits, name=path, stem=stem)
        else:
            yield _remote_single(handle.read(limits.max_bytes + 1), kind, path, stem, limits, encoding)


def _remote_single(data: bytes, kind: str, path: str, stem: str, limits: Limits, encoding: str) -> Item:
    if len(data) > limits.max_bytes:
        raise InputError(f"file is over the {limits.max_bytes / 1e6:.0f} MB limit; raise it (--max-bytes)",
                         source=path)
    if not data:
        raise InputError("empty file", source=path)
    if kind == "text":
        text = decode_bytes(data, source=path, limits=limits, encoding=encoding)
        return ArticleInput(text=check_text(text, limits=limits, source=path), id=stem, source=path)
    html = decode_markup(data, declared=None)[0]
    check_text(html, limits=limits, source=path, what="HTML")
    return ArticleInput(html=html, id=stem, source=path)
