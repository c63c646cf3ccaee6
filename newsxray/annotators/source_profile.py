"""The outlet profile of an article: what its sources add up to.

Sources are grouped into outlets (a known outlet by its canonical name, else by domain,
else by name), so "RT", "RT.com" and a link to rt.com count once. Each outlet's level is
that of its first rating (the first loaded dataset that rates it): ``high``, ``mixed``,
``low``, ``other`` (rated, but the dataset gives no class) or ``unrated``.
"""
from __future__ import annotations

from ..document import Source, SourceProfile
from .source_names import outlet_by_domain, outlet_by_name, squash

KINDS = ("attribution", "link", "listed")
LEVELS = ("high", "mixed", "low", "other", "unrated")


def outlet_key(source: Source) -> str:
    """One key per outlet however it was written."""
    outlet = outlet_by_name(source.name) or outlet_by_domain(source.domain)
    if outlet is not None:
        return "outlet:" + outlet.name
    if source.domain:
        return "domain:" + source.domain
    return "name:" + squash(source.name)


def _level(source: Source) -> str:
    if source.rating is None:
        return "unrated"
    return source.rating.level or "other"


def build_profile(sources: list[Source], datasets: tuple[str, ...]) -> SourceProfile:
    by_kind = {kind: 0 for kind in KINDS}
    firsts: dict[str, Source] = {}
    for source in sources:
        by_kind[source.kind] = by_kind.get(source.kind, 0) + 1
        key = outlet_key(source)
        best = firsts.get(key)
        if best is None or (best.rating is None and source.rating is not None):
            firsts[key] = source
    by_level = {level: 0 for level in LEVELS}
    state: list[str] = []
    countries: set[str] = set()
    for source in firsts.values():
        by_level[_level(source)] += 1
    for source in sources:
        if source.state_affiliated:
            if source.name not in state:
                state.append(source.name)
            if source.country:
                countries.add(source.country)
    return SourceProfile(sources=len(sources), outlets=len(firsts), by_kind=by_kind, by_level=by_level,
                         state_affiliated=tuple(state), state_countries=tuple(sorted(countries)),
                         datasets=tuple(datasets))
