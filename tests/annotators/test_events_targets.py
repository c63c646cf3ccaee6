"""Targets and actor countries of the events layer on sentences written for these tests:
names deep inside the object ("the closure of schools in X"), coordinated modifiers,
people the entry lists as objects, "the two countries", names the model mistyped, a
possessor giving a person's country, and calls for boycotts."""
from __future__ import annotations

import pytest

import newsxray
from newsxray.eventcoding.actors import known_name
from newsxray.eventcoding.compose import Code, appeal

PUBLISHED = "2024-03-01"

SENTENCES = {
    "closure": "Russia criticized the closure of schools in Crimea.",
    "over": "The minister clashed over the plans of Britain to cut aid.",
    "between": "Turkey welcomed the resumption of talks between Serbia and Montenegro.",
    "modifiers": "Japanese Prime Minister Kishida met Iraqi and Syrian leaders on Sunday.",
    "families": "Israel evicted Palestinian families from their homes in East Jerusalem.",
    "pair": "China and Japan held talks on Tuesday. The two countries agreed to resume flights.",
    "pair_actors": "France and Germany met in Paris on Monday. Both countries condemned the sanctions on Iran.",
    "mistyped": "Ukraine said Russian forces shelled Kharkiv overnight.",
    "possessor": "Germany's Scholz urged Beijing to press Moscow to end the war.",
    "venue": "Biden met with aides at the White House on Monday.",
    "boycott": "Iran called for a boycott of Israeli goods.",
    "acronym": "The AU is about to restore full diplomatic ties with Libya.",
}


@pytest.fixture(scope="module")
def coded():
    docs = newsxray.load(layers="events").pipe([{"text": t, "published": PUBLISHED} for t in SENTENCES.values()])
    return {key: list(doc.layer("events")) for key, doc in zip(SENTENCES, docs)}


def _only(events, kind):
    found = [e for e in events if e.type == kind]
    assert len(found) == 1, events
    return found[0]


@pytest.mark.slow
def test_a_name_inside_the_object_is_the_target_when_no_role_names_one(coded):
    assert _only(coded["closure"], "ACCUSE").target.country == "UKR"
    assert _only(coded["over"], "ACCUSE").target.country == "GBR"
    welcome = _only(coded["between"], "SUPPORT")
    assert welcome.actor.country == "TUR"
    assert {welcome.target.country, *(p.country for p in welcome.co_targets)} == {"SRB", "MNE"}


@pytest.mark.slow
def test_venues_are_not_targets(coded):
    (meeting,) = coded["venue"]
    assert meeting.type == "CONSULT" and (meeting.target is None or meeting.target.text != "White House")


@pytest.mark.slow
def test_every_conjunct_of_a_coordinated_modifier_is_a_participant(coded):
    meeting = _only(coded["modifiers"], "CONSULT")
    assert meeting.actor.country == "JPN"
    assert {meeting.target.country, *(p.country for p in meeting.co_targets)} == {"IRQ", "SYR"}


@pytest.mark.slow
def test_people_an_entry_lists_as_objects_are_its_target(coded):
    eviction = _only(coded["families"], "COERCE")
    assert (eviction.cameo, eviction.actor.country, eviction.target.country) == ("174", "ISR", "PSE")


@pytest.mark.slow
def test_the_two_countries_are_the_two_named_before(coded):
    agree = [e for e in coded["pair"] if e.type == "AGREE"]
    assert agree and {agree[0].actor.country, agree[0].target.country} == {"CHN", "JPN"}
    condemn = _only(coded["pair_actors"], "ACCUSE")  # not reciprocal: both are actors
    assert {condemn.actor.country, *(p.country for p in condemn.co_actors)} == {"FRA", "DEU"}
    assert condemn.target is None or condemn.target.country not in ("FRA", "DEU")


@pytest.mark.slow
def test_gazetteers_name_what_the_model_mistyped(coded):
    shelling = _only(coded["mistyped"], "ASSAULT")
    assert (shelling.actor.country, shelling.target.country) == ("RUS", "UKR")
    request = _only(coded["possessor"], "REQUEST")
    assert (request.actor.country, request.target.country) == ("DEU", "CHN")
    ties = coded["acronym"]
    assert ties and ties[0].actor.sector == "IGO" and ties[0].target.country == "LBY"


@pytest.mark.slow
def test_a_call_for_a_boycott_rallies_opposition(coded):
    rally = _only(coded["boycott"], "ACCUSE")
    assert (rally.cameo, rally.actor.country, rally.target.country) == ("113", "IRN", "ISR")


def test_appeals_for_boycotts_and_demonstrations_are_cameo_113_other_appeals_02x():
    default = Code("REQUEST", None, "020", 0.7)
    assert appeal(Code("PROTEST", "boycott", "143"), default).cameo == "113"
    assert appeal(Code("PROTEST", "demo", "141"), default).type == "ACCUSE"
    assert appeal(Code("PROTEST", "strike", "143"), default).cameo == "020"
    assert appeal(Code("AID", None, "070"), default).cameo.startswith("02")


def test_known_name_reads_places_people_and_organisations_whatever_the_tag():
    assert known_name("Kharkiv", "PERSON") == ("UKR", None)
    assert known_name("Scholz", "GPE") == ("DEU", "GOV")
    assert known_name("Sinopec", "ORG") == ("CHN", "BUS")
    assert known_name("Hermit Kingdom", "GPE") == ("PRK", None)
    assert known_name("Zorblax Quux", "ORG") == (None, None)
