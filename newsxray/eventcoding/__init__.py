"""Event coding: who did what to whom, when and where, coded in PLOVER and CAMEO.

``code_events(doc)`` returns the ``Event`` items of a parsed document (the ``events``
annotator calls it); ``exports`` turns records into GDELT-style rows and PLOVER JSON.
The lexicon (``lex_verbs``, ``lex_nouns``) is newsxray's own, written from the meanings
of the words; ``codes`` holds the PLOVER types, quad classes and CAMEO roots.
"""
from __future__ import annotations

from .assemble import code_events
from .codes import AUX_MODES, PLOVER_TYPES, QUAD, ROOT_TYPES, goldstein, root
from .lexicon import all_entries, lookup

__all__ = ["code_events", "AUX_MODES", "PLOVER_TYPES", "QUAD", "ROOT_TYPES", "goldstein", "root",
           "all_entries", "lookup"]
