"""Credibility rating datasets: loading them, and looking a domain up in all of them.

A ratings *spec* is a path, optionally prefixed with its format (``lin:``, ``mbfc:``,
``simple:``) when the header alone does not say it. Specs come from the ``sources``
annotator's ``ratings`` option (``--ratings FILE`` on the CLI, repeatable) and from the
``NEWSXRAY_RATINGS`` environment variable (specs separated by ``os.pathsep``). A dataset
is named after its file's stem (``data_domain_pc1``). Datasets are consulted in the
order given; the first that rates a domain gives a source its ``rating``, and every
dataset that rates it is listed in ``ratings``.
"""
from __future__ import annotations

import os
import re
from typing import Iterable, Sequence

from ..document import Rating
from .dataset import Dataset, domain_key, load_dataset, read_dataset
from .formats import FORMAT_HELP, LIN_CUTS, READERS, RatingsError, detect_format, lin_level

__all__ = [
    "ENV_VAR", "FORMAT_HELP", "LIN_CUTS", "Dataset", "Ratings", "RatingsError", "detect_format",
    "domain_key", "env_specs", "lin_level", "load_dataset", "parse_spec", "read_dataset",
]

ENV_VAR = "NEWSXRAY_RATINGS"
_PREFIX = re.compile(r"^(%s):(.+)$" % "|".join(READERS), re.S)


def parse_spec(spec: str) -> tuple[str | None, str]:
    """``"lin:data.csv"`` -> ``("lin", "data.csv")``; a plain path -> ``(None, path)``."""
    spec = str(spec).strip()
    match = _PREFIX.match(spec)
    return (match.group(1), match.group(2)) if match else (None, spec)


def env_specs(value: str | None = None) -> list[str]:
    """The specs in ``NEWSXRAY_RATINGS`` (or ``value``), split on ``os.pathsep``.

    On POSIX ``os.pathsep`` is ``:``, which a format prefix also uses: a piece that is
    only a format name is joined to the path after it (``lin:/a.csv:/b.csv``).
    """
    value = os.environ.get(ENV_VAR, "") if value is None else value
    specs: list[str] = []
    pending = ""
    for piece in value.split(os.pathsep):
        piece = piece.strip()
        if piece in READERS and os.pathsep == ":":
            pending = piece + ":"
        elif piece:
            specs.append(pending + piece)
            pending = ""
    return specs


class Ratings:
    """The loaded datasets, in priority order, and lookups across them."""

    def __init__(self, datasets: Sequence[Dataset] = ()) -> None:
        self.datasets = list(datasets)

    @classmethod
    def load(cls, specs: Iterable[str]) -> "Ratings":
        """Load each spec once (in order; repeated paths are loaded once)."""
        seen: set[str] = set()
        datasets: list[Dataset] = []
        for spec in specs:
            fmt, path = parse_spec(spec)
            real = os.path.realpath(path)
            if real in seen:
                continue
            seen.add(real)
            datasets.append(_unique_name(load_dataset(path, format=fmt), datasets))
        return cls(datasets)

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(d.name for d in self.datasets)

    def __bool__(self) -> bool:
        return bool(self.datasets)

    def lookup(self, domain: str | None, url: str | None = None) -> tuple[Rating, ...]:
        """Every dataset's rating for a URL (``host/first-path-segment``, then host) or domain."""
        keys = _keys(domain, url)
        found: list[Rating] = []
        for dataset in self.datasets:
            for key in keys:
                rating = dataset.get(key)
                if rating is not None:
                    found.append(rating)
                    break
        return tuple(found)


def _keys(domain: str | None, url: str | None) -> list[str]:
    keys: list[str] = []
    if url:
        full = domain_key(url)
        host, _, path = full.partition("/")
        if path:
            keys.append(f"{host}/{path.split('/', 1)[0]}")
        keys.append(host)
    if domain:
        keys.append(domain_key(domain))
    return list(dict.fromkeys(k for k in keys if k))


def _unique_name(dataset: Dataset, earlier: list[Dataset]) -> Dataset:
    names = {d.name for d in earlier}
    if dataset.name not in names:
        return dataset
    n = 2
    while f"{dataset.name}-{n}" in names:
        n += 1
    renamed = f"{dataset.name}-{n}"
    ratings = {k: Rating(score=r.score, label=r.label, dataset=renamed, level=r.level, bias=r.bias)
               for k, r in dataset.ratings.items()}
    return Dataset(name=renamed, path=dataset.path, format=dataset.format, ratings=ratings)
