"""Planning: the partitions a run still has to process.

A partition is a list of *slices* ``[path, start, end]`` — item index ranges of input files —
holding at most ``partition_size`` items: a big JSONL or WARC file is cut into ranges, small
files (one HTML page each) are packed together, in input order. Its id is a hash of its
slices, so the same work always has the same id, whichever run or worker does it.

What committed partitions already cover (their manifests list their slices) is subtracted
first: rerunning a finished job plans nothing, an interrupted one plans what is missing, and
a file that has grown (a JSONL appended to) or a new file in an input directory adds only
new partitions. Nothing already committed is ever planned again.
"""
from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field

Slice = tuple[str, int, int]


@dataclass
class Partition:
    slices: list[Slice] = field(default_factory=list)

    @property
    def size(self) -> int:
        return sum(end - start for _, start, end in self.slices)

    @property
    def id(self) -> str:
        data = json.dumps([list(s) for s in self.slices], separators=(",", ":"))
        return hashlib.sha256(data.encode("utf-8")).hexdigest()[:20]


def covered(entries: list[dict]) -> dict[str, list[tuple[int, int]]]:
    """Per file, the item ranges committed partitions cover (merged, sorted)."""
    ranges: dict[str, list[tuple[int, int]]] = {}
    for entry in entries:
        for path, start, end in entry.get("slices", []):
            ranges.setdefault(path, []).append((start, end))
    return {path: _merge(spans) for path, spans in ranges.items()}


def _merge(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[list[int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    return [(a, b) for a, b in merged]


def missing(count: int, done: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The ranges of ``[0, count)`` not in ``done``."""
    gaps, position = [], 0
    for start, end in done:
        if start > position:
            gaps.append((position, min(start, count)))
        position = max(position, end)
    if position < count:
        gaps.append((position, count))
    return [(a, b) for a, b in gaps if a < b]


def plan(files: list[str], counts: dict[str, int], done: dict[str, list[tuple[int, int]]], *,
         partition_size: int) -> list[Partition]:
    """Partitions over the items of ``files`` not yet committed, in input order."""
    partitions: list[Partition] = []
    current = Partition()
    for path in files:
        for start, end in missing(counts[path], done.get(path, [])):
            while start < end:
                room = partition_size - current.size
                stop = min(end, start + room)
                current.slices.append((path, start, stop))
                start = stop
                if current.size >= partition_size:
                    partitions.append(current)
                    current = Partition()
    if current.slices:
        partitions.append(current)
    return partitions
