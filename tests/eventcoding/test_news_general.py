"""General fixes of the events layer, checked on Reuters-style sentences written for these
tests: lists of actors the parse breaks up (appositions, split subjects), joint events of
two coordinated parties, targets in "that" clauses, in path participles and in the content
of threats, finite verbs parsed as noun modifiers, denials, and a few lexicon additions."""
from __future__ import annotations

import pytest

import newsxray

from .news import PUBLISHED, code, one
from newsxray.nlp import MODEL_PACKAGE, get_nlp
from newsxray.eventcoding.syntax import broken_clause, conjuncts, split_subjects, subject

pytestmark = pytest.mark.slow


SENTENCES = {
    "appos_list": "Hardline Iran, the powerful Saudi Arabia, and tiny Qatar welcomed the truce with Yemen.",
    "appos_rename": "Iran's president, Ebrahim Raisi, and Qatar's emir welcomed the truce with Yemen.",
    "between": "France welcomed the resumption of talks between Saudi Arabia and Iran.",
    "joint_talks": "Armenia and Azerbaijan held peace talks in Washington.",
    "joint_sign": "China and Russia signed an agreement on energy cooperation in Beijing.",
    "not_joint": "Britain and France condemned the attack in Kabul.",
    "co_actor_not_target": "Students, unions and the European Union welcomed the decision.",
    "demand_that": "The United Nations demanded that Israel allow aid into Gaza.",
    "insist_that": "The ministry insisted that it had done nothing wrong.",
    "road": "Israeli soldiers sealed off the roads leading into the West Bank city of Jenin.",
    "threat_against": "North Korean leader Kim Jong Un threatened to use nuclear weapons against South Korea.",
    "broken": "Saudi-led coalition warplanes bombed Sanaa.",
    "denied": "Israel denied attacking the convoy.",
    "denied_that": "The Kremlin denied that Russian troops had attacked Moldova.",
    "possessor": "Italy's Meloni held talks with Libya's Dbeibah in Rome.",
    "operation": "Azerbaijan launched a military operation in Nagorno-Karabakh.",
    "package": "The Pentagon announced a new $300 million weapons package for Ukraine.",
    "hit": "Ukrainian drones hit an oil refinery in Russia's Krasnodar region.",
    "border": "Poland closed its border with Belarus.",
    "the_us": "The US imposed new sanctions on Iran.",
    "us_bomb": "In April, the US dropped a huge bomb on an Islamic State base in Afghanistan.",
    "fell_out": "Turkey fell out with Israel over the war in Gaza.",
    "refugees_arrive": "Amal Haddad and her two children arrived in the UK in 2015.",
    "minister_arrives": "The Japanese prime minister arrived in Washington on Monday.",
}


@pytest.fixture(scope="module")
def coded():
    return code(SENTENCES)



def test_list_members_parsed_as_appositions_are_co_actors(coded):
    ev = one(coded["appos_list"], "SUPPORT")
    assert ev.actor.country == "IRN"  # "Hardline Iran" tagged as one name: its head is the country
    assert [p.country for p in ev.co_actors] == ["SAU", "QAT"]
    assert ev.target.country == "YEM"


def test_an_apposition_under_a_role_noun_still_renames_it(coded):
    ev = one(coded["appos_rename"], "SUPPORT")
    assert ev.actor.country == "IRN"
    assert "IRN" not in [p.country for p in ev.co_actors]


def test_both_sides_of_between_are_targets(coded):
    ev = one(coded["between"], "SUPPORT")
    assert ev.actor.country == "FRA"
    assert {ev.target.country} | {p.country for p in ev.co_targets} == {"SAU", "IRN"}


def test_two_parties_of_a_joint_event_are_actor_and_target_not_the_venue(coded):
    for key in ("joint_talks", "joint_sign"):
        (ev,) = coded[key]
        assert (ev.actor.country, ev.target.country) in (("ARM", "AZE"), ("CHN", "RUS")), key
        assert not ev.co_actors


def test_a_one_sided_event_keeps_its_co_actor(coded):
    ev = one(coded["not_joint"], "ACCUSE")
    assert ev.actor.country == "GBR" and [p.country for p in ev.co_actors] == ["FRA"]


def test_a_co_actor_is_not_also_the_target(coded):
    ev = one(coded["co_actor_not_target"], "SUPPORT")
    assert ev.target is None or ev.target.entity not in {p.entity for p in ev.co_actors}


def test_the_subject_of_a_demanded_clause_is_the_target(coded):
    ev = one(coded["demand_that"], "REQUEST")
    assert ev.target.country == "ISR"


def test_insisting_that_something_is_so_is_not_a_demand(coded):
    assert coded["insist_that"] == []


def test_a_place_a_closed_road_leads_to_is_the_target(coded):
    ev = one(coded["road"], "COERCE")
    assert ev.actor.country == "ISR" and ev.target.country == "PSE"


def test_the_target_of_a_threatened_action_is_the_threats_target(coded):
    ev = one(coded["threat_against"], "THREATEN")
    assert (ev.actor.country, ev.target.country) == ("PRK", "KOR")


def test_a_finite_verb_parsed_as_a_noun_modifier_takes_the_noun_as_subject(coded):
    ev = one(coded["broken"], "ASSAULT")
    assert (ev.actor.country, ev.actor.sector, ev.target.country) == ("SAU", "MIL", "YEM")


def test_denied_events_are_not_reported_as_facts(coded):
    assert coded["denied"] == [] and coded["denied_that"] == []
    kept = newsxray.load(layers="events", config={"events": {"keep_negated": True}}).analyze(
        text=SENTENCES["denied"], published=PUBLISHED)
    assert [e.mode for e in kept.layer("events")] == ["negated"]


def test_a_possessor_gives_a_name_its_country_whatever_its_entity_type(coded):
    (ev,) = coded["possessor"]
    assert {ev.actor.country, ev.target.country} == {"ITA", "LBY"}


def test_lexicon_additions_for_common_news_events(coded):
    op = one(coded["operation"], "ASSAULT")
    assert op.actor.country == "AZE"
    aid = one(coded["package"], "AID")
    assert (aid.cameo, aid.target.country) == ("072", "UKR")
    hit = one(coded["hit"], "ASSAULT")
    assert (hit.actor.country, hit.target.country) == ("UKR", "RUS")
    closed = one(coded["border"], "COERCE")
    assert (closed.cameo, closed.target.country) == ("172", "BLR")


@pytest.fixture(scope="module")
def nlp():
    return get_nlp(MODEL_PACKAGE)


def test_split_subjects_and_list_appositions_join_the_subject_group(nlp):
    doc = nlp("Lions, tigers, and Gondor welcomed a resumption of ties with Osgiliath.")
    verb = next(t for t in doc if t.lemma_ == "welcome")
    subj = subject(verb)
    names = [t.text for t in conjuncts(subj)] + [t.text for t in split_subjects(verb, subj)]
    assert "Gondor" in names and names[0] == "Lions"
    doc = nlp("Mordor, the Shire, Arnor and Bree welcomed a resumption of ties with Osgiliath.")
    subj = subject(next(t for t in doc if t.lemma_ == "welcome"))
    assert [t.text for t in conjuncts(subj)] == ["Mordor", "Shire", "Arnor", "Bree"]


def test_broken_clause_needs_a_finite_verb_with_an_object_after_the_root_noun(nlp):
    doc = nlp("Saudi-led coalition warplanes bombed Sanaa.")
    verb = next(t for t in doc if t.lower_ == "bombed")
    if verb.dep_ == "acl":  # the small model's parse this fix is for
        assert broken_clause(verb) and subject(verb).lower_ == "warplanes"
    doc = nlp("The talks hosted by Qatar ended.")
    hosted = next(t for t in doc if t.lower_ == "hosted")
    assert not broken_clause(hosted)


def test_the_us_in_capitals_is_a_country_not_the_pronoun_us(coded):
    ev = one(coded["the_us"], "SANCTION")
    assert (ev.actor.text, ev.actor.country, ev.target.country) == ("US", "USA", "IRN")


def test_dropping_bombs_on_a_place_and_falling_out_with_a_country(coded):
    ev = one(coded["us_bomb"], "ASSAULT")
    assert (ev.cameo, ev.actor.country) == ("195", "USA")
    ev = one(coded["fell_out"], "SANCTION")
    assert (ev.actor.country, ev.target.country) == ("TUR", "ISR")


def test_a_visit_needs_someone_who_acts_for_a_state_or_an_organisation(coded):
    assert coded["refugees_arrive"] == []
    ev = one(coded["minister_arrives"], "CONSULT")
    assert (ev.cameo, ev.actor.country, ev.target.country) == ("042", "JPN", "USA")


def test_the_pronoun_i_is_not_a_name_that_makes_an_actor():
    # an unresolved "I" inside a quotation used to pass as a named actor ("I've spoken to")
    from newsxray.eventcoding.coder import _is_name
    assert not _is_name("I")
    assert _is_name("Ali Hassan") and _is_name("the Iraqi Foreign Ministry")
