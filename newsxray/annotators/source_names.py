"""One outlet for every way an article writes it: names, domains and URLs normalised.

``resolve("RT")``, ``resolve("RT.com")`` and ``resolve("https://www.rt.com/news/1")`` are
the same outlet (RT, rt.com); ``resolve("KyodoNews.com")`` and ``resolve("Kyodo News")``
are both Kyodo News. A written domain is kept as the source's domain (it is what was
cited); a bare name takes the outlet's first domain. Domains are registrable domains
computed offline with tldextract's bundled suffix list.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..gazetteer.normalize import norm
from ..gazetteer.orgs import ORGS
from ..gazetteer.state_media import STATE_MEDIA
from ..ingest.meta import registrable_domain
from .source_outlets import MEDIA_KINDS, OUTLET_TABLE


@dataclass(frozen=True, slots=True)
class Outlet:
    """A known outlet, journal or institution: canonical name, aliases, country, domains."""

    name: str
    names: tuple[str, ...]
    country: str | None
    kind: str
    domains: tuple[str, ...]
    state: bool = False

    @property
    def media(self) -> bool:
        return self.kind in MEDIA_KINDS

    @property
    def domain(self) -> str | None:
        return registrable_domain(self.domains[0]) if self.domains else None


@dataclass(frozen=True, slots=True)
class Resolved:
    """A cited name made canonical: display name, registrable domain, URL, known outlet."""

    name: str
    domain: str | None
    url: str | None = None
    outlet: Outlet | None = None
    host: str | None = None       # the host as written, when it was ("odd.example.org")


_NON_ALNUM = re.compile(r"[^0-9a-z]+")


def squash(name: str) -> str:
    """Letters and digits only, lower case, no leading "the": "The Kyodo News" -> "kyodonews"."""
    return _NON_ALNUM.sub("", norm(name))


def _table() -> list[Outlet]:
    outlets = [Outlet(o.name, o.names, o.country, o.kind, o.domains, state=True) for o in STATE_MEDIA]
    for line in OUTLET_TABLE.strip().splitlines():
        head, _, domains = line.partition(" ; ")
        country, kind, names = head.split(" ", 2)
        parts = tuple(n.strip() for n in names.split("|"))
        outlets.append(Outlet(parts[0], parts, None if country == "-" else country, kind,
                              tuple(d.strip() for d in domains.split(",") if d.strip())))
    return outlets


def _index() -> tuple[dict[str, Outlet], dict[str, Outlet]]:
    by_name: dict[str, Outlet] = {}
    by_host: dict[str, Outlet] = {}
    for outlet in _table():
        for alias in outlet.names:
            by_name.setdefault(squash(alias), outlet)
        for host in outlet.domains:
            by_host.setdefault(host, outlet)
            by_host.setdefault(registrable_domain(host) or host, outlet)
    for org in ORGS:  # the gazetteer's outlets: their aliases reach the same outlet
        if org.sector != "MED":
            continue
        known = next((by_name[squash(n)] for n in org.names if squash(n) in by_name), None)
        if known is None:
            known = Outlet(org.name, org.names, org.country, "agency" if "agency" in org.generic else "newspaper", ())
        for alias in org.names:
            by_name.setdefault(squash(alias), known)
    return by_name, by_host


_BY_NAME, _BY_HOST = _index()
MIN_LABEL = 5  # a domain's label names an outlet ("kyodonews" -> Kyodo News) from this length


@lru_cache(maxsize=16384)
def outlet_by_name(name: str) -> Outlet | None:
    """The known outlet a written name refers to ("Russia Today", "the AP", "Kyodo")."""
    return _BY_NAME.get(squash(name))


def outlet_by_domain(host: str | None) -> Outlet | None:
    """The known outlet of a host or domain (``www.tass.ru``, ``kyodonews.com``)."""
    if not host:
        return None
    host = host.lower().removeprefix("www.")
    found = _BY_HOST.get(host)
    domain = registrable_domain(host)
    if found is None and domain:
        found = _BY_HOST.get(domain)
    if found is None and domain:
        label = squash(domain.split(".", 1)[0])
        for key in (label, label.removeprefix("the")):
            if len(key) >= MIN_LABEL and key in _BY_NAME:
                return _BY_NAME[key]
    return found


# -- domains and URLs written in text ------------------------------------------------------
# last labels that make a dotted token a domain without a scheme or "www." (not English words)
DOMAIN_TLDS = frozenset("""
com org net gov edu int mil info news biz io tv co uk au ca de fr jp cn ru ua kp ir ve cu tr
by sy sa qa ae vn az kz pk nl ch se dk fi eu es pl cz hu ro gr pt ie nz za ng ke eg il kr tw hk
sg ph my th id br mx ar cl online press media
""".split())
URL = re.compile(r"\b(?:https?://|www\.)[^\s<>\"'()\[\]{}]+[^\s<>\"'()\[\]{}.,;:!?]", re.I)
DOMAIN = re.compile(r"(?<![\w@./-])(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[a-z]{2,12}"
                    r"(?:/[^\s<>\"'()\[\]{}]*[^\s<>\"'()\[\]{}.,;:!?])?(?![\w@-])")


@lru_cache(maxsize=4096)
def domain_of(token: str) -> str | None:
    """The registrable domain of a URL or a domain-like token, or None if it is not one."""
    token = token.strip()
    host = re.sub(r"^[a-z][a-z0-9+.-]*://", "", token, flags=re.I).split("/", 1)[0].split(":", 1)[0]
    if "." not in host:
        return None
    scheme = bool(re.match(r"^(https?://|www\.)", token, re.I))
    if not scheme and host.rsplit(".", 1)[-1] not in DOMAIN_TLDS:
        return None
    domain = registrable_domain(host)
    return domain if domain and "." in domain else None


def display_name(domain_text: str) -> str:
    """A written domain as a name: "https://www.SHTFPlan.com/x" -> "SHTFPlan.com"."""
    host = re.sub(r"^[a-z][a-z0-9+.-]*://", "", domain_text.strip(), flags=re.I).split("/", 1)[0]
    return re.sub(r"^www\d?\.", "", host, flags=re.I).rstrip(".")


def resolve_domain(text: str) -> Resolved | None:
    """A URL or domain as written: its outlet if known, its registrable domain."""
    domain = domain_of(text)
    if domain is None:
        return None
    has_path = "/" in re.sub(r"^[a-z]+://", "", text.strip(), flags=re.I)
    url = text.strip() if has_path or "://" in text else None
    host = display_name(text)
    outlet = outlet_by_domain(host)
    return Resolved(name=outlet.name if outlet else host, domain=domain, url=url, outlet=outlet,
                    host=host.lower())


def resolve_name(name: str) -> Resolved:
    """A written name: the known outlet's canonical name and first domain, or as written."""
    outlet = outlet_by_name(name)
    if outlet is not None:
        return Resolved(name=outlet.name, domain=outlet.domain, outlet=outlet)
    clean = " ".join(name.split())
    return Resolved(name=clean[4:] if clean.lower().startswith("the ") else clean, domain=None)


def resolve(text: str) -> Resolved:
    """A cited name, domain or URL, normalised (see the module docstring)."""
    return resolve_domain(text) or resolve_name(text)


@dataclass(frozen=True, slots=True)
class Found:
    """A source found in the text, before ids and ratings are attached."""

    start: int
    end: int
    kind: str
    resolved: Resolved
    cue: tuple[int, int] | None = None
    entity: str | None = None
    country: str | None = None
    state: bool = False
