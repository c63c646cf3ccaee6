"""The events layer on news-style sentences written for these tests: prepositions hung on
the object, coordinated and lumped actors, negation reaching complements, the historical
mode, CAMEO's "disapprove" for opposing, verbs added to the lexicon."""
from __future__ import annotations

import pytest

import newsxray

pytestmark = pytest.mark.slow

PUBLISHED = "2024-03-01"

SENTENCES = {
    "shells": "Pyongyang fired two artillery shells at Seoul on Thursday.",
    "ministers": "The foreign ministers of France, Germany and Italy condemned the attack.",
    "leaders": "Chinese and Russian leaders met in Moscow on Monday.",
    "neither": "Neither Britain nor France boycotted the summit.",
    "not_try": "China will not try to seize the island.",
    "ago": "Ten years ago, Russia annexed Crimea.",
    "year": "In 2003, the United States invaded Iraq.",
    "recent": "Earlier this year, Beijing threatened Taipei with sanctions.",
    "oppose": "Hungary opposed the new sanctions against Russia.",
    "cordon": "Police cordoned off the square on Sunday.",
    "called_off": "Iran called off the talks with Britain.",
    "broadside": "The opposition party launched a broadside at the government.",
}


@pytest.fixture(scope="module")
def coded():
    docs = newsxray.load(layers="events").pipe([{"text": t, "published": PUBLISHED} for t in SENTENCES.values()])
    return {key: list(doc.layer("events")) for key, doc in zip(SENTENCES, docs)}


def test_a_preposition_hung_on_the_object_still_completes_the_entry(coded):
    (ev,) = coded["shells"]
    assert (ev.type, ev.cameo, ev.actor.country, ev.target.country) == ("ASSAULT", "194", "PRK", "KOR")


def test_each_country_of_a_coordinated_modifier_is_a_co_actor(coded):
    (ev,) = coded["ministers"]
    assert ev.type == "ACCUSE" and ev.actor.country == "FRA"
    assert [p.country for p in ev.co_actors] == ["DEU", "ITA"]
    (meeting,) = coded["leaders"]
    assert meeting.type == "CONSULT" and {meeting.actor.country, meeting.target.country} == {"CHN", "RUS"}


def test_negation_of_the_subject_or_the_governing_verb_leaves_the_event_out(coded):
    assert coded["neither"] == []
    assert coded["not_try"] == []


def test_events_set_years_back_are_historical(coded):
    (annexation,) = coded["ago"]
    assert (annexation.type, annexation.mode) == ("COERCE", "historical")
    (invasion,) = coded["year"]
    assert (invasion.type, invasion.mode, invasion.date) == ("ASSAULT", "historical", "2003")
    assert all(ev.mode != "historical" for ev in coded["recent"]) and coded["recent"]


def test_opposing_is_cameo_disapproval(coded):
    (ev,) = coded["oppose"]
    assert (ev.type, ev.mode, ev.cameo, ev.actor.country) == ("ACCUSE", "disapprove", "110", "HUN")


def test_new_lexicon_entries(coded):
    (cordon,) = coded["cordon"]
    assert (cordon.type, cordon.mode, cordon.cameo, cordon.actor.sector) == ("COERCE", "restrict", "172", "COP")
    (called_off,) = coded["called_off"]
    assert (called_off.type, called_off.cameo, called_off.actor.country) == ("REJECT", "125", "IRN")
    assert called_off.target is not None and called_off.target.country == "GBR"
    (broadside,) = coded["broadside"]
    assert (broadside.type, broadside.cameo, broadside.target.sector) == ("ACCUSE", "111", "GOV")
