"""The one registry of annotators, built-in and third-party alike.

An annotator is a class with a ``name``, the layers it ``requires`` and ``provides``,
its configuration ``defaults`` (keyword-only), and a ``pipe(docs)`` method that adds its
layers to a batch of documents. Built-ins register with ``@register``; other packages
expose theirs under the ``newsxray.annotators`` entry-point group, which is read lazily
the first time the registry is consulted.
"""
from __future__ import annotations

import logging
from importlib.metadata import entry_points
from typing import Any, ClassVar, Iterable

from .document import Document
from .errors import ConfigError

log = logging.getLogger("newsxray")

ENTRY_POINT_GROUP = "newsxray.annotators"


class Annotator:
    """Base class. Subclasses set the class attributes and implement ``annotate``.

    ``annotate(doc)`` handles one document; override ``pipe(docs)`` when a batch can be
    done faster together (the spaCy parse does). Instances must be picklable so that a
    pipeline can be shipped to Dask workers.
    """

    name: ClassVar[str] = ""
    requires: ClassVar[tuple[str, ...]] = ()
    provides: ClassVar[tuple[str, ...]] = ()
    defaults: ClassVar[dict[str, Any]] = {}

    def __init__(self, **config: Any) -> None:
        unknown = set(config) - set(self.defaults)
        if unknown:
            raise ConfigError(
                f"annotator {self.name!r} has no option(s) {sorted(unknown)}; "
                f"its options are {sorted(self.defaults) or 'none'}"
            )
        self.config = {**self.defaults, **config}

    def annotate(self, doc: Document) -> None:  # pragma: no cover - interface
        raise NotImplementedError

    def pipe(self, docs: list[Document]) -> None:
        for doc in docs:
            self.annotate(doc)

    def __repr__(self) -> str:
        return f"<{type(self).__name__} {self.name}: {self.requires} -> {self.provides}>"


_REGISTRY: dict[str, type[Annotator]] = {}
_entry_points_loaded = False


def register(cls: type[Annotator]) -> type[Annotator]:
    """Class decorator: add an annotator class to the registry under its ``name``."""
    if not cls.name or not cls.provides:
        raise ConfigError(f"{cls.__name__} needs a name and at least one provided layer")
    existing = _REGISTRY.get(cls.name)
    if existing is not None and existing is not cls:
        log.warning("annotator %r from %s replaces %s", cls.name, cls.__module__, existing.__module__)
    _REGISTRY[cls.name] = cls
    return cls


def _load_builtins() -> None:
    from . import annotators  # noqa: F401  (registers the built-in annotators)


def _load_entry_points() -> None:
    global _entry_points_loaded
    if _entry_points_loaded:
        return
    _entry_points_loaded = True
    for ep in entry_points(group=ENTRY_POINT_GROUP):
        try:
            cls = ep.load()
        except Exception as exc:  # a broken plugin must not break newsxray
            log.warning("could not load annotator plugin %s: %s", ep.value, exc)
            continue
        if isinstance(cls, type) and issubclass(cls, Annotator):
            register(cls)
        else:
            log.warning("entry point %s is not an Annotator subclass; ignored", ep.value)


def annotators() -> dict[str, type[Annotator]]:
    """All registered annotator classes by name (built-ins and plugins)."""
    _load_builtins()
    _load_entry_points()
    return dict(_REGISTRY)


def providers() -> dict[str, type[Annotator]]:
    """Which annotator class provides each layer."""
    found: dict[str, type[Annotator]] = {}
    for cls in annotators().values():
        for layer in cls.provides:
            found.setdefault(layer, cls)
    return found


def available_layers(public_only: bool = True) -> list[str]:
    layers = sorted(providers())
    return [name for name in layers if not name.startswith("_")] if public_only else layers


def iter_names(value: str | Iterable[str] | None) -> list[str]:
    """Accept ``"a,b"`` or ``["a", "b"]``; return a clean list of names."""
    if value is None:
        return []
    if isinstance(value, str):
        value = value.split(",")
    return [v.strip() for v in value if v and v.strip()]
