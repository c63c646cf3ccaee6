"""Built-in annotators; importing this package registers them.

Every module of this package is imported, so a new layer registers itself by adding its
module here (``@register`` on its Annotator class), without editing a central list.
"""
import importlib
import pkgutil

from .. import nlp  # noqa: F401  (the shared spaCy parse)

for _info in pkgutil.iter_modules(__path__):
    importlib.import_module(f"{__name__}.{_info.name}")
