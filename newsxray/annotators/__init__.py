"""Built-in annotators; importing this package registers them."""
from .. import nlp  # noqa: F401  (the shared spaCy parse)
from . import segments, sentences, entities  # noqa: F401
