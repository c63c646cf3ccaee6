"""The events layer on sentences written for these tests: one or more per PLOVER type,
modes (negated, hypothetical, future), passive voice, reported speech, dates, places."""
from __future__ import annotations

import pytest

import newsxray
from newsxray.eventcoding.codes import type_fits_root

pytestmark = pytest.mark.slow

PUBLISHED = "2024-03-01"  # a Friday

# text -> (type, CAMEO prefix, actor country, target country)
TYPED = {
    "The United States and Japan agreed on Monday to hold joint naval exercises next month.":
        ("AGREE", "0312", "USA", "JPN"),
    "President Joe Biden promised military aid to Ukraine on Tuesday.": ("AGREE", "0332", "USA", "UKR"),
    "Russian Foreign Minister Sergei Lavrov met his Chinese counterpart Wang Yi in Beijing on Monday.":
        ("CONSULT", "04", "RUS", "CHN"),
    "French President Emmanuel Macron visited India last week for talks on trade.": ("CONSULT", "042", "FRA", "IND"),
    "The British government praised Poland for its generous welcome of refugees.": ("SUPPORT", "051", "GBR", "POL"),
    "The Kenyan government signed a trade agreement with Ethiopia on Friday.": ("SUPPORT", "057", "KEN", "ETH"),
    "Turkey apologized to Greece on Wednesday for the border incident.": ("CONCEDE", "055", "TUR", "GRC"),
    "India and Japan conducted joint military exercises in the Bay of Bengal this week.":
        ("COOPERATE", "062", "IND", "JPN"),
    "The European Union sent humanitarian aid to Syria after the earthquake.": ("AID", "073", None, "SYR"),
    "Russia withdrew its troops from Syria in the spring.": ("RETREAT", "087", "RUS", "SYR"),
    "Egypt urged Israel on Thursday to allow more aid into the territory.": ("REQUEST", "025", "EGY", "ISR"),
    "Brazil demanded the release of its citizens held by Israel.": ("REQUEST", "1053", "BRA", None),
    "China accused the United States of spying on its companies.": ("ACCUSE", "1125", "CHN", "USA"),
    "Germany condemned the Russian missile strikes on Kyiv on Saturday.": ("ACCUSE", "111", "DEU", "RUS"),
    "Azerbaijan refused to meet Armenian officials in Brussels.": ("REJECT", "125", "AZE", "ARM"),
    "North Korea threatened to launch a nuclear strike against South Korea.": ("THREATEN", "138", "PRK", "KOR"),
    "Thousands of Kenyan workers protested against the government in Nairobi on Saturday.":
        ("PROTEST", "141", "KEN", None),
    "Russia deployed troops to its border with Ukraine on Tuesday.": ("MOBILIZE", "154", "RUS", "UKR"),
    "The United States imposed new sanctions on Iran on Friday.": ("SANCTION", "163", "USA", "IRN"),
    "Britain expelled two Russian diplomats over the poisoning.": ("SANCTION", "166", "GBR", "RUS"),
    "Belarusian police arrested the opposition leader in Minsk on Sunday.": ("COERCE", "173", "BLR", "BLR"),
    "The Iranian navy seized a British tanker in the Strait of Hormuz.": ("COERCE", "171", "IRN", "GBR"),
    "Russian forces attacked the Ukrainian city of Kharkiv overnight.": ("ASSAULT", "19", "RUS", "UKR"),
    "Israeli warplanes bombed targets in southern Lebanon on Monday.": ("ASSAULT", "195", "ISR", "LBN"),
}

MODES = {
    "China did not sign the agreement with India.": [],
    "If Russia invades Moldova, the European Union could impose new sanctions on Moscow.": [
        ("ASSAULT", "hypothetical"), ("SANCTION", "hypothetical")],
    "Pakistan said it would send troops to Saudi Arabia next year.": [("MOBILIZE", "future")],
    "Japan will meet South Korea in Seoul next week to discuss trade.": [("AGREE", None)],
    "The Philippines will impose sanctions on China, the minister said.": [("THREATEN", "restrict")],
}


@pytest.fixture(scope="module")
def coded():
    analyzer = newsxray.load(layers="events")
    texts = list(TYPED) + list(MODES) + list(OTHER.values())
    docs = analyzer.pipe([{"text": t, "published": PUBLISHED} for t in texts])
    found = dict(zip(texts, docs))
    found.update({key: found[text] for key, text in OTHER.items()})
    return found


OTHER = {
    "passive": "The Japanese embassy in Beijing was attacked by Chinese protesters on Sunday.",
    "speech": "Iran's foreign minister said on Monday that Tehran had expelled two British diplomats.",
    "quote": "\"We will never accept sanctions,\" said Venezuelan President Nicolas Maduro, who accused "
             "Washington of economic warfare.",
    "headline": "Italy condemns Russian strikes on Odesa\nRome, March 1 - The Italian government on Thursday "
                "condemned the Russian strikes on the Ukrainian port of Odesa, calling them a war crime.\n"
                "Italy's prime minister spoke with the Ukrainian president later in the day.\n",
    "received": "Ukraine received new air defence weapons from Germany in January, officials in Kyiv said.",
}


@pytest.mark.parametrize("text", list(TYPED))
def test_each_plover_type_is_coded_with_cameo_and_countries(coded, text):
    type_, cameo, actor, target = TYPED[text]
    events = [e for e in coded[text].layer("events") if e.type == type_]
    assert events, [(e.type, e.cameo) for e in coded[text].layer("events")]
    ev = events[0]
    assert ev.cameo.startswith(cameo), ev.cameo
    assert type_fits_root(ev.type, ev.cameo)
    if actor:
        assert actor in {p.country for p in (ev.actor, *ev.co_actors) if p}
    if target:
        assert target in {p.country for p in (ev.target, *ev.co_targets, ev.location) if p}
    assert 0 < ev.confidence <= 1 and ev.quad_class in (1, 2, 3, 4)
    assert ev.sentence == 0 and ev.trigger.start < ev.trigger.end


@pytest.mark.parametrize("text", list(MODES))
def test_negated_hypothetical_and_future_events_are_not_facts(coded, text):
    got = [(e.type, e.mode) for e in coded[text].layer("events")]
    for expected in MODES[text]:
        assert expected in got
    assert len(got) == len(MODES[text]), got


def test_negated_events_can_be_kept_marked():
    doc = newsxray.load(layers="events", config={"events": {"keep_negated": True}}).analyze(
        text="China did not sign the agreement with India.", published=PUBLISHED)
    (ev,) = doc.layer("events")
    assert (ev.type, ev.mode) == ("SUPPORT", "negated")


def test_dates_come_from_the_time_layer(coded):
    ev = coded["Russian Foreign Minister Sergei Lavrov met his Chinese counterpart Wang Yi in Beijing on Monday."].layer("events")[0]
    assert ev.date == "2024-02-26" and ev.timex is not None and ev.location.country == "CHN"
    undated = coded["Britain expelled two Russian diplomats over the poisoning."].layer("events")[0]
    assert undated.date == PUBLISHED and undated.timex is None
    hypothetical = coded["If Russia invades Moldova, the European Union could impose new sanctions on Moscow."]
    assert all(e.date is None for e in hypothetical.layer("events"))


def test_passive_voice_swaps_actor_and_target(coded):
    (ev,) = [e for e in coded["passive"].layer("events") if e.type == "ASSAULT"]
    assert ev.actor.country == "CHN" and ev.target.country == "JPN" and ev.target.sector == "DIP"


def test_reported_speech_is_coded_and_linked_to_its_quote(coded):
    doc = coded["speech"]
    (ev,) = [e for e in doc.layer("events") if e.type == "SANCTION"]
    assert ev.actor.country == "IRN" and ev.target.country == "GBR"
    quote = next(q for q in doc.layer("quotes") if q.id == ev.quote)
    assert quote.start <= ev.trigger.start < quote.end


def test_first_person_in_a_quote_is_the_speaker_and_accusations_are_coded(coded):
    doc = coded["quote"]
    accusation = next(e for e in doc.layer("events") if e.type == "ACCUSE")
    assert accusation.actor.country == "VEN" and accusation.target.country == "USA"
    assert all(e.mode == "negated" or e.type != "AGREE" for e in doc.layer("events"))


def test_headline_and_body_reports_are_one_event(coded):
    doc = coded["headline"]
    condemnations = [e for e in doc.layer("events") if e.type == "ACCUSE"]
    assert len(condemnations) == 1
    (ev,) = condemnations
    assert ev.actor.country == "ITA" and ev.target.country == "RUS" and ev.mentions
    assert doc.text[ev.mentions[0].start:ev.mentions[0].end] == "condemns"
    call = [e for e in doc.layer("events") if e.type == "CONSULT"]
    assert call and call[0].target.country == "UKR"


def test_support_verbs_with_reversed_roles(coded):
    (ev,) = [e for e in coded["received"].layer("events") if e.type == "AID"]
    assert ev.actor.country == "DEU" and ev.target.country == "UKR" and ev.date == "2024-01"


def test_events_are_idempotent_and_spans_in_bounds(coded):
    from newsxray.annotators.events import Events

    doc = coded["headline"]
    before = list(doc.layer("events"))
    assert before
    for ev in before:
        assert 0 <= ev.trigger.start < ev.trigger.end <= len(doc.text)
        for p in (ev.actor, ev.target, *ev.co_actors, *ev.co_targets):
            if p is not None:
                assert 0 <= p.start < p.end <= len(doc.text)
    assert [e.id for e in before] == [f"EV{i}" for i in range(1, len(before) + 1)]
    assert Events  # the annotator is importable and registered under "events"
    assert "events" in newsxray.available_layers()
