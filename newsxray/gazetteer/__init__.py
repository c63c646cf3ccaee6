"""Gazetteers written for newsxray from public facts: countries and their aliases,
demonyms, capitals and cities, seats of government, regions, organisations, roles and
prominent people. Lookups here are case-insensitive; ``SCAN_SURFACES`` holds the exact
written forms used when scanning text for names the model missed.
"""
from __future__ import annotations

from .cities import CITIES, NAMELIKE
from .countries import AMBIGUOUS, SURFACES as COUNTRY_SURFACES, country_code, country_name
from .demonyms import DEMONYMS, demonym_code
from .normalize import norm
from .orgs import ORGS, WORDY, Org, SURFACES as ORG_SURFACES, org_info
from .people import person_info
from .places import AMBIGUOUS_CAPITALS, CAPITALS, REGIONS, SEATS, UN_MEMBERS
from .roles import (GENERIC_ROLES, HONORIFICS, PERSON_ROLES, ROLE_FIRST, TITLE_MODIFIERS,
                    find_phrases, org_head_sector, role_sector)

__all__ = [
    "AMBIGUOUS", "CAPITALS", "CITIES", "DEMONYMS", "GENERIC_ROLES", "HONORIFICS", "ORGS",
    "Org", "PERSON_ROLES", "REGIONS", "ROLE_FIRST", "SCAN_SURFACES", "SEATS",
    "TITLE_MODIFIERS", "UN_MEMBERS", "WORDY", "country_code", "country_name",
    "demonym_code", "find_phrases", "is_region", "norm", "org_head_sector", "org_info",
    "person_info", "place_code", "role_sector", "seat_info", "nation_code",
]

_PLACES: dict[str, str] = {norm(name): code for name, code in CITIES.items()}
for _code, _names in CAPITALS.items():
    for _name in _names:
        if _name not in AMBIGUOUS_CAPITALS:
            _PLACES.setdefault(norm(_name), _code)
_SEATS: dict[str, tuple[str, str]] = {norm(name): value for name, value in SEATS.items()}
_REGIONS: frozenset[str] = frozenset(norm(name) for name in REGIONS)


def place_code(name: str) -> str | None:
    """ISO3 of the country a capital, city or sub-national place lies in (Tokyo -> JPN)."""
    return _PLACES.get(norm(name))


def seat_info(name: str) -> tuple[str, str] | None:
    """(ISO3, sector) of a seat-of-government metonym ("the Kremlin" -> ("RUS", "GOV"))."""
    return _SEATS.get(norm(name))


def is_region(name: str) -> bool:
    """A supranational region, sea or ocean ("the Indo-Pacific", "Middle East")."""
    return norm(name) in _REGIONS


def nation_code(name: str) -> str | None:
    """ISO3 of a country name or a demonym ("Japan", "Japanese", "Russia's")."""
    name = name.strip()
    if name.endswith(("'s", "’s")):
        name = name[:-2]
    return country_code(name) or demonym_code(name)


def _scan_surfaces() -> dict[str, tuple[str, object]]:
    found: dict[str, tuple[str, object]] = {}
    for name in REGIONS:
        found[name] = ("region", None)
    for name, value in SEATS.items():
        found[name] = ("seat", value)
    for name, org in ORG_SURFACES.items():
        found[name] = ("org", org)
    for name, code in _place_surfaces().items():
        found[name] = ("place", code)
    for name, code in COUNTRY_SURFACES.items():
        if not name.startswith(("the ", "mainland ")):
            found[name] = ("country", code)
    return found


def _place_surfaces() -> dict[str, str]:
    places = dict(CITIES)
    for code, names in CAPITALS.items():
        for name in names:
            places.setdefault(name, code)
    return {name: code for name, code in places.items()
            if name not in NAMELIKE and name not in AMBIGUOUS_CAPITALS and " " not in name[:1]}


# exact written form -> (kind, payload); kind in country, org, seat, region, place
SCAN_SURFACES: dict[str, tuple[str, object]] = _scan_surfaces()
