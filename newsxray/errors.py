"""One exception hierarchy: everything newsxray raises derives from NewsxrayError.

Messages say what went wrong *and* what to do about it.
"""
from __future__ import annotations


class NewsxrayError(Exception):
    """Base class of every error newsxray raises on purpose."""


class ConfigError(NewsxrayError):
    """The pipeline or an annotator was configured wrongly (unknown layer, bad option)."""


class InputError(NewsxrayError):
    """An input cannot be read or analysed (empty, binary, too large, malformed)."""

    def __init__(self, message: str, *, source: str | None = None):
        self.source = source
        super().__init__(f"{source}: {message}" if source else message)
        self.reason = message


class FetchError(InputError):
    """A URL could not be fetched (refused address, timeout, too large, wrong type)."""


class AnnotatorError(NewsxrayError):
    """An annotator failed on a document; batch runs record this in the record's errors."""

    def __init__(self, layer: str, message: str):
        self.layer = layer
        super().__init__(f"layer {layer!r} failed: {message}")
        self.reason = message


class StoreError(NewsxrayError):
    """A corpus database cannot be opened or used (not a newsxray database, damaged, newer schema)."""
