"""The ``sources`` layer: what the article cites, and how credible the cited outlets are.

Three kinds of source (RECORD.md): ``attribution`` ("according to Reuters", "told TASS",
"the Pentagon said"; ``source_attribution``), ``link`` (hyperlinks and URLs or domains
written in the body; ``source_links``) and ``listed`` (entries of "Sources include:"
lists; ``source_links``). Names and domains are normalised to one outlet
(``source_names``). Each source carries its outlet's country and whether the outlet is
state-affiliated (``newsxray.gazetteer.state_media``), and the ratings of the loaded
credibility datasets (``newsxray.ratings``). The annotator also sets ``doc.profile``.

Options: ``ratings`` (a list of ratings specs, ``[FORMAT:]PATH``) and ``env`` (also read
``NEWSXRAY_RATINGS``; default True). Files are read when the annotator is built, so a
bad file fails ``newsxray.load(...)`` with its name and line, not every document.
"""
from __future__ import annotations

import os
from typing import Any

from ..document import Cue, Document, Rating, Source
from ..errors import ConfigError
from ..ingest.meta import registrable_domain
from ..ratings import Ratings, env_specs
from ..registry import Annotator, register
from .source_attribution import attributions
from .source_links import links, listed
from .source_names import Found
from .source_profile import build_profile


def _specs(value: Any) -> list[str]:
    """The ``ratings`` option as a list of specs (a single path is accepted too)."""
    if value is None:
        return []
    if isinstance(value, (str, os.PathLike)):
        value = [value]
    try:
        if not isinstance(value, (list, tuple)):
            raise TypeError
        return [os.fspath(v) for v in value]
    except TypeError:
        raise ConfigError("the sources annotator's 'ratings' option must be a list of file paths "
                          f"(optionally FORMAT:path), not {value!r}") from None


@register
class Sources(Annotator):
    name = "sources"
    requires = ("segments", "entities")
    provides = ("sources",)
    defaults = {"ratings": (), "env": True}

    def __init__(self, **config: Any) -> None:
        super().__init__(**config)
        specs = _specs(self.config["ratings"]) + (env_specs() if self.config["env"] else [])
        self.config["ratings"] = tuple(dict.fromkeys(specs))
        self._ratings: Ratings | None = Ratings.load(self.config["ratings"])

    def __getstate__(self) -> dict:
        return {"config": self.config}  # datasets are re-read (once per process) where unpickled

    def __setstate__(self, state: dict) -> None:
        self.config = state["config"]
        self._ratings = None

    @property
    def ratings(self) -> Ratings:
        if self._ratings is None:
            self._ratings = Ratings.load(self.config["ratings"])
        return self._ratings

    def annotate(self, doc: Document) -> None:
        found, linked = links(doc, attributions(doc))
        found += linked + listed(doc)
        found.sort(key=lambda f: (f.start, f.end))
        sources = [self.source(doc, f, i) for i, f in enumerate(found, 1)]
        doc.set_layer("sources", sources)
        doc.profile = build_profile(sources, self.ratings.names)

    def source(self, doc: Document, found: Found, number: int) -> Source:
        """A found source with its id, cue, outlet facts and ratings."""
        resolved, outlet = found.resolved, found.resolved.outlet
        ratings = self.rate(resolved.domain, resolved.url or resolved.host, outlet.domains if outlet else ())
        cue = None
        if found.cue is not None:
            start, end = found.cue
            cue = Cue(start=start, end=end, text=doc.text[start:end])
        return Source(start=found.start, end=found.end, id=f"S{number}", kind=found.kind, name=resolved.name,
                      domain=resolved.domain, rating=ratings[0] if ratings else None,
                      country=(outlet.country if outlet else None) or found.country,
                      state_affiliated=bool(outlet.state) if outlet else found.state,
                      entity=found.entity, cue=cue, ratings=ratings, url=resolved.url)

    def rate(self, domain: str | None, url: str | None, known: tuple[str, ...]) -> tuple[Rating, ...]:
        """Ratings for the domain as written, else for the outlet's known domains."""
        ratings = self.ratings
        if not ratings:
            return ()
        found = ratings.lookup(domain, url)
        if found:
            return found
        for host in known:
            found = ratings.lookup(registrable_domain(host), "http://" + host)
            if found:
                return found
        return ()
