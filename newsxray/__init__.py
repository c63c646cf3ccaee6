"""newsxray: what is inside a news article, every finding tied to the characters behind it.

    >>> import newsxray
    >>> nx = newsxray.load()
    >>> record = nx.analyze(text="...", published="2023-08-05")
    >>> record.to_dict()["entities"]
"""
from __future__ import annotations

import logging

from .analyzer import Analyzer, load
from .document import Document, SCHEMA_VERSION
from .errors import AnnotatorError, ConfigError, FetchError, InputError, NewsxrayError
from .registry import Annotator, available_layers, register

__version__ = "0.1.0"
__all__ = [
    "Analyzer", "Annotator", "AnnotatorError", "ConfigError", "Document", "FetchError",
    "InputError", "NewsxrayError", "SCHEMA_VERSION", "available_layers", "load", "register",
]

logging.getLogger("newsxray").addHandler(logging.NullHandler())
