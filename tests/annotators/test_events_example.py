"""The events of the example article (../shared/examples/000_49c63d79c2608994.txt)."""
from __future__ import annotations

import pytest

import newsxray

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def doc(example_text):
    return newsxray.load(layers="events").analyze(text=example_text, published="2023-08-05")


def find(doc, type_, actor_country=None, actor_entity_name=None, target=None):
    names = {e.id: e.name for e in doc.entities}
    out = []
    for ev in doc.layer("events"):
        if ev.type != type_ or ev.actor is None:
            continue
        if actor_country and ev.actor.country != actor_country:
            continue
        if actor_entity_name and names.get(ev.actor.entity) != actor_entity_name:
            continue
        if target and not _is(doc, ev.target, target):
            continue
        out.append(ev)
    return out


def _is(doc, p, what):
    if p is None:
        return False
    names = {e.id: e.name for e in doc.entities}
    return p.country == what or names.get(p.entity) == what


def test_chinas_warning_to_japan_is_one_threat_merged_with_the_headline(doc):
    (warning,) = find(doc, "THREATEN", "CHN", target="JPN")
    assert doc.text[warning.trigger.start:warning.trigger.end] == "warned"
    assert warning.actor.sector == "DIP" and warning.sentence == 0
    assert [doc.text[m.start:m.end] for m in warning.mentions] == ["warns"]  # the headline
    quote = next(q for q in doc.layer("quotes") if q.id == warning.quote)
    assert quote.cue is not None and quote.cue.start <= warning.trigger.start < quote.cue.end
    assert warning.date == "2023-08-05"


def test_beijings_vowed_response_threatens_nato_earlier_this_year(doc):
    (vow,) = [e for e in find(doc, "THREATEN", "CHN", target="North Atlantic Treaty Organization")]
    assert doc.text[vow.trigger.start:vow.trigger.end] == "vowed"
    assert vow.date.startswith("2023") and vow.timex is not None
    timex = next(t for t in doc.layer("timexes") if t.id == vow.timex)
    assert "this year" in doc.text[timex.start:timex.end]
    assert vow.mode is None and vow.quote is not None


def test_frances_opposition_rejects_natos_plan(doc):
    (opposition,) = find(doc, "REJECT", "FRA", target="North Atlantic Treaty Organization")
    assert doc.text[opposition.trigger.start:opposition.trigger.end] == "resistance"


def test_kishida_and_stoltenberg_met_in_tokyo_in_late_january(doc):
    (meeting,) = find(doc, "CONSULT", "JPN", target="Jens Stoltenberg")
    assert meeting.actor.sector == "GOV" and meeting.target.sector == "IGO"
    assert meeting.date == "2023-01" and meeting.location.country == "JPN"
    assert next(t for t in doc.layer("timexes") if t.id == meeting.timex).mod == "END"


def test_natos_liaison_office_plan_is_one_event_dated_by_tomitas_announcement(doc):
    plans = find(doc, "AGREE", actor_entity_name="North Atlantic Treaty Organization", target="JPN")
    (plan,) = [p for p in plans if p.cameo.startswith("03") and p.location is not None]
    assert plan.date == "2023-05" and len(plan.mentions) >= 1
    assert plan.location.country == "JPN"


def test_the_nato_summit_invitation_is_dated_june_2022(doc):
    (invitation,) = [e for e in find(doc, "AGREE", actor_entity_name="North Atlantic Treaty Organization")
                     if e.cameo == "036"]
    assert invitation.target.country == "JPN" and invitation.date == "2022-06"


def test_the_july_pledge_is_dated_july(doc):
    assert any(ev.actor and ev.actor.country == "CHN" and ev.date == "2023-07" for ev in doc.layer("events"))


def test_related_stories_and_source_lists_are_not_coded(doc):
    related = [s for s in doc.segments if s.type in ("related", "sources")]
    for ev in doc.layer("events"):
        assert not any(s.start <= ev.trigger.start < s.end for s in related)
    assert len(doc.layer("events")) <= 20
