"""Panels and highlights of ``--format pretty``: one module per layer, registering with
``@panel`` (tables under the text) and ``@highlighter`` (styled spans in the text).

A panel is a function ``(doc) -> rich renderable | None`` (None: nothing to show). Every
module in this package is imported by ``load_panels()``, so a new layer adds its panel by
adding a module here, without touching the renderer.
"""
from __future__ import annotations

import importlib
import pkgutil
from dataclasses import dataclass
from typing import Any, Callable

from ...document import Document

Panel = Callable[[Document], Any]
_PANELS: list[tuple[int, str, Panel]] = []
_HIGHLIGHTERS: list[tuple[int, str, Callable]] = []
_loaded = False


@dataclass(frozen=True)
class Highlight:
    """A styled span of the article text, with optional labels before and after it."""

    start: int
    end: int
    style: str = ""
    open_label: str = ""
    close_label: str = ""
    label_style: str = "dim"


def highlighter(order: int) -> Callable:
    """Register ``fn(doc) -> iterable of Highlight``; lower ``order`` is applied first."""
    def wrap(fn):
        _HIGHLIGHTERS.append((order, fn.__module__ + "." + fn.__name__, fn))
        return fn
    return wrap


def panel(order: int) -> Callable[[Panel], Panel]:
    """Register a panel; lower ``order`` prints first (entities use 20)."""
    def wrap(fn: Panel) -> Panel:
        _PANELS.append((order, fn.__module__ + "." + fn.__name__, fn))
        return fn
    return wrap


def _load() -> None:
    global _loaded
    if not _loaded:
        for info in pkgutil.iter_modules(__path__):
            importlib.import_module(f"{__name__}.{info.name}")
        _loaded = True


def load_panels() -> list[Panel]:
    _load()
    return [fn for _, _, fn in sorted(_PANELS, key=lambda p: (p[0], p[1]))]


def load_highlighters() -> list[Callable]:
    _load()
    return [fn for _, _, fn in sorted(_HIGHLIGHTERS, key=lambda p: (p[0], p[1]))]
