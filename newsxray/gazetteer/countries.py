"""Country names as news writes them, mapped to ISO 3166-1 alpha-3 codes.

``pycountry`` gives the official names; ``ALIASES`` adds the short, informal and
older forms that articles use ("U.S.", "Britain", "South Korea", "Ivory Coast", "Burma").
Keys are the surface forms as written (case matters when scanning text, see
``SURFACES``); ``country_code`` looks names up case-insensitively.
"""
from __future__ import annotations

import pycountry

from .normalize import norm

ALIASES: dict[str, str] = {
    # United States
    "U.S.": "USA", "US": "USA", "U.S.A.": "USA", "USA": "USA", "United States": "USA",
    "United States of America": "USA", "America": "USA", "the States": "USA",
    # United Kingdom (England, Scotland, Wales are places of GBR, see places.py)
    "UK": "GBR", "U.K.": "GBR", "Britain": "GBR", "Great Britain": "GBR",
    "United Kingdom": "GBR",
    # Russia, Koreas, and other pycountry names with a comma or an unusual form
    "Russia": "RUS", "Russian Federation": "RUS",
    "South Korea": "KOR", "Republic of Korea": "KOR", "ROK": "KOR",
    "North Korea": "PRK", "DPRK": "PRK", "Democratic People's Republic of Korea": "PRK",
    "Hermit Kingdom": "PRK",
    "Iran": "IRN", "Islamic Republic of Iran": "IRN", "Persia": "IRN",
    "Syria": "SYR", "Syrian Arab Republic": "SYR",
    "Taiwan": "TWN", "Republic of China": "TWN",
    "China": "CHN", "People's Republic of China": "CHN", "PRC": "CHN", "mainland China": "CHN",
    "Vietnam": "VNM", "Viet Nam": "VNM",
    "Netherlands": "NLD", "the Netherlands": "NLD", "Holland": "NLD",
    "Ivory Coast": "CIV", "Côte d'Ivoire": "CIV", "Cote d'Ivoire": "CIV", "Côte d’Ivoire": "CIV",
    "Czech Republic": "CZE", "Czechia": "CZE",
    "Slovakia": "SVK", "Slovak Republic": "SVK",
    "Bolivia": "BOL", "Venezuela": "VEN", "Tanzania": "TZA", "Moldova": "MDA",
    "Laos": "LAO", "Lao PDR": "LAO", "Brunei": "BRN", "Micronesia": "FSM",
    "Cape Verde": "CPV", "Cabo Verde": "CPV",
    "Swaziland": "SWZ", "Eswatini": "SWZ",
    "Burma": "MMR", "Myanmar": "MMR",
    "Macedonia": "MKD", "North Macedonia": "MKD",
    "Republic of the Congo": "COG", "Congo-Brazzaville": "COG", "Congo Republic": "COG",
    "Democratic Republic of the Congo": "COD", "Democratic Republic of Congo": "COD",
    "DRC": "COD", "DR Congo": "COD", "Congo-Kinshasa": "COD", "Zaire": "COD",
    "East Timor": "TLS", "Timor-Leste": "TLS",
    "Vatican": "VAT", "Vatican City": "VAT", "Holy See": "VAT",
    "Palestine": "PSE", "State of Palestine": "PSE", "Palestinian territories": "PSE",
    "Turkey": "TUR", "Türkiye": "TUR", "Turkiye": "TUR",
    "Gambia": "GMB", "the Gambia": "GMB", "Bahamas": "BHS", "the Bahamas": "BHS",
    "Philippines": "PHL", "the Philippines": "PHL",
    "UAE": "ARE", "U.A.E.": "ARE", "Emirates": "ARE", "United Arab Emirates": "ARE",
    "Saudi": "SAU", "KSA": "SAU",
    "CAR": "CAF", "Central African Republic": "CAF",
    "Bosnia": "BIH", "Bosnia-Herzegovina": "BIH", "Bosnia and Herzegovina": "BIH",
    "St Kitts and Nevis": "KNA", "St. Kitts and Nevis": "KNA",
    "St Lucia": "LCA", "St. Lucia": "LCA",
    "St Vincent and the Grenadines": "VCT", "St. Vincent and the Grenadines": "VCT",
    "Sao Tome and Principe": "STP", "São Tomé and Príncipe": "STP",
    "Trinidad": "TTO", "Trinidad and Tobago": "TTO", "Antigua": "ATG",
    "Papua New Guinea": "PNG", "PNG": "PNG",
    "New Zealand": "NZL", "Aotearoa": "NZL",
    "Hong Kong": "HKG", "Macau": "MAC", "Macao": "MAC",
    "Kyrgyzstan": "KGZ", "Kirghizia": "KGZ",
    "Belarus": "BLR", "Byelorussia": "BLR",
    "Sri Lanka": "LKA", "Ceylon": "LKA",
    "Greenland": "GRL", "Puerto Rico": "PRI",
}

# Names that are also common given names or words: when the model calls them PERSON,
# the model is kept (Michael Jordan, Georgia Smith, Chad Johnson).
AMBIGUOUS: frozenset[str] = frozenset({
    "Jordan", "Georgia", "Chad", "Guinea", "Niger", "America", "Israel", "Lebanon",
    "Turkey", "Saudi", "CAR", "Antigua", "Trinidad",
})


def _official_names() -> dict[str, str]:
    names: dict[str, str] = {}
    for country in pycountry.countries:
        for attr in ("name", "common_name", "official_name"):
            value = getattr(country, attr, None)
            if value and "," not in value:
                names[value] = country.alpha_3
    return names


# every surface form (pycountry names + aliases) -> ISO3; aliases win on conflicts
SURFACES: dict[str, str] = {**_official_names(), **ALIASES}
_BY_NORM: dict[str, str] = {norm(name): code for name, code in SURFACES.items()}
CODES: frozenset[str] = frozenset(c.alpha_3 for c in pycountry.countries)


def country_code(name: str) -> str | None:
    """ISO3 of a country name or alias ("U.S." -> "USA", "the Netherlands" -> "NLD")."""
    return _BY_NORM.get(norm(name))


def country_name(code: str) -> str | None:
    """The common English name of an ISO3 code ("KOR" -> "South Korea")."""
    country = pycountry.countries.get(alpha_3=code)
    if country is None:
        return None
    return getattr(country, "common_name", None) or country.name
