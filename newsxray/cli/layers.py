"""``newsxray layers``: list the layers and the annotators that make them."""
from __future__ import annotations

from rich.console import Console
from rich.table import Table

from ..pipeline import resolve
from ..registry import available_layers, providers


def layers() -> None:
    """List the layers newsxray can produce, who makes them and what they need."""
    table = Table("layer", "annotator", "needs (runs too)")
    found = providers()
    for layer in available_layers():
        needed = [cls.name for cls in resolve([layer]) if cls is not found[layer]]
        table.add_row(layer, found[layer].name, ", ".join(needed) or "-")
    Console().print(table)
