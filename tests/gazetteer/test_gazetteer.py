"""Sanity of the gazetteers: real ISO codes, complete capitals, working lookups."""
from __future__ import annotations

import pycountry
import pytest

from newsxray import gazetteer as gz
from newsxray.gazetteer.countries import ALIASES
from newsxray.gazetteer.people import PEOPLE
from newsxray.gazetteer.roles import ORG_HEADS, ORG_ROLES, PERSON_ROLES

ISO3 = {c.alpha_3 for c in pycountry.countries}
SECTORS = {"GOV", "LEG", "MIL", "DIP", "COP", "JUD", "IGO", "NGO", "MED", "BUS", "EDU", "REB",
           "OPP", "PTY", "CVL", "REL", "SPT"}


def test_every_iso3_in_the_tables_is_a_real_alpha3_code():
    tables = {
        "aliases": set(ALIASES.values()),
        "country surfaces": set(gz.COUNTRY_SURFACES.values()),
        "demonyms": set(gz.DEMONYMS.values()),
        "capitals": set(gz.CAPITALS),
        "cities": set(gz.CITIES.values()),
        "seats": {code for code, _ in gz.SEATS.values()},
        "orgs": {org.country for org in gz.ORGS if org.country},
        "people": {code for code, _ in PEOPLE.values() if code},
    }
    for name, codes in tables.items():
        assert codes <= ISO3, (name, codes - ISO3)


def test_every_un_member_state_has_a_capital():
    assert len(gz.UN_MEMBERS) == 193
    for code in gz.UN_MEMBERS:
        assert gz.CAPITALS[code] and all(gz.CAPITALS[code]), code
    assert not {"TWN", "PSE", "VAT", "HKG"} & gz.UN_MEMBERS  # observers and territories


def test_sectors_are_known_codes():
    assert {org.sector for org in gz.ORGS} <= SECTORS
    assert set(PERSON_ROLES.values()) <= SECTORS
    assert set(ORG_HEADS.values()) <= SECTORS
    assert set(ORG_ROLES.values()) <= SECTORS
    assert {sector for _, sector in gz.SEATS.values()} <= SECTORS


@pytest.mark.parametrize("name, code", [
    ("U.S.", "USA"), ("US", "USA"), ("the United States", "USA"), ("America", "USA"),
    ("UK", "GBR"), ("Britain", "GBR"), ("Russia", "RUS"), ("South Korea", "KOR"),
    ("North Korea", "PRK"), ("Iran", "IRN"), ("Syria", "SYR"), ("Taiwan", "TWN"),
    ("Vietnam", "VNM"), ("the Netherlands", "NLD"), ("Ivory Coast", "CIV"),
    ("Côte d’Ivoire", "CIV"), ("Japan", "JPN"), ("Bolivia", "BOL"), ("DRC", "COD"),
    ("Türkiye", "TUR"), ("Czechia", "CZE"), ("Burma", "MMR"),
])
def test_country_aliases(name, code):
    assert gz.country_code(name) == code


def test_cities_and_capitals_are_not_countries():
    assert gz.country_code("Tokyo") is None
    assert gz.country_code("Scotland") is None  # a place of GBR, its own entity
    assert gz.place_code("Scotland") == "GBR"


@pytest.mark.parametrize("word, code", [
    ("Chinese", "CHN"), ("Japanese", "JPN"), ("American", "USA"), ("Americans", "USA"),
    ("British", "GBR"), ("Britons", "GBR"), ("Russians", "RUS"), ("French", "FRA"),
    ("Frenchmen", "FRA"), ("North Korean", "PRK"), ("South Africans", "ZAF"), ("Filipino", "PHL"),
    ("Dutch", "NLD"), ("Ivorian", "CIV"), ("Saudi", "SAU"), ("Emirati", "ARE"),
])
def test_demonyms(word, code):
    assert gz.demonym_code(word) == code


def test_demonyms_cover_about_150_countries():
    assert len(set(gz.DEMONYMS.values())) >= 150
    assert gz.demonym_code("Asian") is None  # a continent, no country


@pytest.mark.parametrize("name, code", [
    ("Tokyo", "JPN"), ("Beijing", "CHN"), ("Washington", "USA"), ("Moscow", "RUS"),
    ("Kyiv", "UKR"), ("Kiev", "UKR"), ("New Delhi", "IND"), ("Osaka", "JPN"), ("Crimea", "UKR"),
    ("São Paulo", "BRA"), ("Sao Paulo", "BRA"), ("The Hague", "NLD"), ("Gaza", "PSE"),
])
def test_places(name, code):
    assert gz.place_code(name) == code


def test_seats_of_government():
    assert gz.seat_info("the Kremlin") == ("RUS", "GOV")
    assert gz.seat_info("White House") == ("USA", "GOV")
    assert gz.seat_info("Downing Street") == ("GBR", "GOV")
    assert gz.seat_info("Pentagon") == ("USA", "MIL")
    assert gz.seat_info("Tokyo") is None


def test_regions_have_no_country():
    assert gz.is_region("the Indo-Pacific") and gz.is_region("Asia-Pacific")
    assert not gz.is_region("Japan")


@pytest.mark.parametrize("name, canonical, country, sector", [
    ("NATO", "North Atlantic Treaty Organization", None, "IGO"),
    ("Nato", "North Atlantic Treaty Organization", None, "IGO"),
    ("North Atlantic Treaty Organization", "North Atlantic Treaty Organization", None, "IGO"),
    ("the UN", "United Nations", None, "IGO"), ("EU", "European Union", None, "IGO"),
    ("G7", "Group of Seven", None, "IGO"), ("WHO", "World Health Organization", None, "IGO"),
    ("TASS", "TASS", "RUS", "MED"), ("Xinhua", "Xinhua", "CHN", "MED"),
    ("Kyodo News", "Kyodo", "JPN", "MED"), ("Yonhap", "Yonhap", "KOR", "MED"),
    ("Reuters", "Reuters", "GBR", "MED"), ("AFP", "Agence France-Presse", "FRA", "MED"),
    ("Al Jazeera", "Al Jazeera", "QAT", "MED"), ("Press TV", "Press TV", "IRN", "MED"),
    ("Hamas", "Hamas", "PSE", "REB"), ("PLA", "People's Liberation Army", "CHN", "MIL"),
])
def test_organisations(name, canonical, country, sector):
    org = gz.org_info(name)
    assert org is not None and (org.name, org.country, org.sector) == (canonical, country, sector)


def test_short_acronyms_need_their_exact_case():
    assert gz.org_info("Who") is None and gz.org_info("who") is None
    assert gz.org_info("Un") is None


@pytest.mark.parametrize("role, sector", [
    ("ambassador", "DIP"), ("envoy", "DIP"), ("Foreign Minister", "DIP"), ("president", "GOV"),
    ("prime minister", "GOV"), ("senator", "LEG"), ("general", "MIL"), ("admiral", "MIL"),
    ("judge", "JUD"), ("police officer", "COP"), ("journalist", "MED"), ("CEO", "BUS"),
    ("professor", "EDU"), ("activist", "NGO"), ("rebels", "REB"), ("protesters", "CVL"),
])
def test_person_roles(role, sector):
    assert gz.role_sector(role) == sector


@pytest.mark.parametrize("name, sector", [
    ("Russian Defence Ministry", "MIL"), ("Chinese Foreign Ministry", "DIP"),
    ("Ministry of Finance", "GOV"), ("Supreme Court of India", "JUD"), ("Labour Party", "PTY"),
    ("Tokyo University", "EDU"), ("Acme Corp", "BUS"), ("National Police Agency", "COP"),
    ("Daily Telegraph", "MED"), ("Blue Widgets", None),
])
def test_org_head_words(name, sector):
    assert gz.org_head_sector(name) == sector


def test_find_phrases_is_leftmost_longest():
    words = "the deputy prime minister and the foreign minister".split()
    assert gz.find_phrases(words, gz.ROLE_FIRST) == [(1, 4, "deputy prime minister"),
                                                     (6, 8, "foreign minister")]


def test_people():
    assert gz.person_info("Vladimir Putin") == ("RUS", "GOV")
    assert gz.person_info("Putin") is None
    assert gz.person_info("Putin", single=True) == ("RUS", "GOV")
    assert gz.person_info("Jens Stoltenberg") == (None, "IGO")
