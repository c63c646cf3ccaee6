"""One loaded rating dataset: ratings keyed by domain (``host`` or ``host/path``).

Keys are normalised the same way for the table and for lookups: lower case, no scheme,
no leading ``www.``, no query, no trailing slash (``https://www.RT.com/`` -> ``rt.com``,
``rfi.fr/en`` stays ``rfi.fr/en``). A dataset also answers for a registrable domain
(``bbc.co.uk`` for ``www.bbc.co.uk``) when its table has that domain's bare entry.
"""
from __future__ import annotations

import csv
import io
import logging
import os
import re
import threading
from dataclasses import dataclass, field
from pathlib import Path

from ..document import Rating
from .formats import FORMAT_HELP, READERS, RatingsError, detect_format, fits

log = logging.getLogger("newsxray")

_SCHEME = re.compile(r"^[a-z][a-z0-9+.-]*://")
_WWW = re.compile(r"^www\d?\.")
MAX_BYTES = 200_000_000


def domain_key(value: str) -> str:
    """The normal form of a domain or URL used as a ratings key."""
    key = _SCHEME.sub("", value.strip().lower())
    key = key.split("?", 1)[0].split("#", 1)[0].rstrip("/")
    key = _WWW.sub("", key)
    host, slash, path = key.partition("/")
    host = host.rsplit("@", 1)[-1].split(":", 1)[0].rstrip(".")
    return host + slash + path if path else host


@dataclass
class Dataset:
    """A rating table: its name (the file's stem), path, format, and ratings by key."""

    name: str
    path: str
    format: str
    ratings: dict[str, Rating] = field(default_factory=dict)

    def get(self, key: str) -> Rating | None:
        return self.ratings.get(key)

    def __len__(self) -> int:
        return len(self.ratings)


def _decode(path: str, data: bytes) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[:exc.start].count(b"\n") + 1
        raise RatingsError(path, "is not UTF-8 text (save it as UTF-8)", line=line) from None


def _read_bytes(path: str) -> bytes:
    try:
        size = os.path.getsize(path)
        if size > MAX_BYTES:
            raise RatingsError(path, f"is {size:,} bytes; ratings files over {MAX_BYTES:,} bytes are refused")
        return Path(path).read_bytes()
    except FileNotFoundError:
        raise RatingsError(path, "does not exist; check the path given to --ratings, "
                           "NEWSXRAY_RATINGS or the sources annotator's 'ratings' option") from None
    except IsADirectoryError:
        raise RatingsError(path, "is a directory; give the ratings file itself") from None
    except OSError as exc:
        raise RatingsError(path, f"cannot be read: {exc.strerror or exc}") from None


def _rows(path: str, reader, width: int):
    """(line, row) for the data rows; blank lines are skipped, ragged rows refused."""
    for row in reader:
        if not row or (len(row) == 1 and not row[0].strip()):
            continue
        if len(row) != width:
            raise RatingsError(path, f"has {len(row)} field(s) where the header has {width}", line=reader.line_num)
        yield reader.line_num, row


def _reader(path: str, text: str):
    first = text.split("\n", 1)[0]
    delimiter = "\t" if first.count("\t") > first.count(",") else ","
    return csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)


def read_dataset(path: str, *, format: str | None = None, name: str | None = None) -> Dataset:
    """Parse a ratings file; raises ``RatingsError`` (file and line) when it is malformed."""
    text = _decode(path, _read_bytes(path))
    reader = _reader(path, text)
    try:
        header = [h.strip().lower() for h in next(reader)]
    except StopIteration:
        raise RatingsError(path, f"is empty; expected a header: {FORMAT_HELP}", line=1) from None
    except csv.Error as exc:
        raise RatingsError(path, f"is not a CSV/TSV table ({exc})", line=1) from None
    fmt = format or detect_format(header)
    if fmt is None or not fits(fmt, header):
        raise RatingsError(path, f"header {','.join(header)!r} is not a ratings format I know; expected "
                           f"{FORMAT_HELP}", line=1)
    dataset = Dataset(name=name or Path(path).stem, path=path, format=fmt)
    _fill(dataset, READERS[fmt](path, header, _rows(path, reader, len(header)), dataset.name), reader)
    if not dataset.ratings:
        raise RatingsError(path, "has a header but no ratings", line=2)
    return dataset


def _fill(dataset: Dataset, items, reader) -> None:
    skipped: list[int] = []
    try:
        for line, value, rating in items:
            key = domain_key(value)
            if not key or any(c.isspace() for c in key):
                skipped.append(line)
                continue
            dataset.ratings.setdefault(key, rating)  # the first row for a domain wins
    except csv.Error as exc:
        raise RatingsError(dataset.path, f"is not a well-formed CSV/TSV table ({exc})", line=reader.line_num) from None
    if skipped:
        log.warning("ratings file %s: %d row(s) without a usable domain ignored (line %s%s)", dataset.path,
                    len(skipped), skipped[0], ", ..." if len(skipped) > 1 else "")


_CACHE: dict[tuple, Dataset] = {}
_LOCK = threading.Lock()


def load_dataset(path: str, *, format: str | None = None) -> Dataset:
    """``read_dataset`` once per process for an unchanged file (keyed by path, size, mtime)."""
    try:
        st = os.stat(path)
        key = (os.path.realpath(path), format, st.st_size, st.st_mtime_ns)
    except OSError:
        return read_dataset(path, format=format)  # raises the right error
    with _LOCK:
        found = _CACHE.get(key)
    if found is None:
        found = read_dataset(path, format=format)
        with _LOCK:
            _CACHE[key] = found
    return found
