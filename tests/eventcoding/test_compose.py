"""Frame composition and PLOVER's rules for future events (no model needed)."""
from __future__ import annotations

from newsxray.eventcoding.codes import type_fits_root
from newsxray.eventcoding.compose import Code, accusation, compose, future

AID = Code("AID", None, "073")
MEET = Code("CONSULT", "visit", "042")
SANCTIONS = Code("SANCTION", "discontinue", "163")
CUT_TIES = Code("SANCTION", "withdraw", "161")
RELEASE = Code("RETREAT", "release", "0841")
ATTACK = Code("ASSAULT", None, "190")
REFORM = Code("CONCEDE", None, "083")
INTENT, THREAT = Code("AGREE", None, "030", 0.7), Code("THREATEN", None, "130", 0.9)
APPEAL, DEMAND, REFUSE = Code("REQUEST", None, "020"), Code("REQUEST", None, "100"), Code("REJECT", None, "120")


def test_promised_cooperation_is_agree_with_the_matching_03x_code():
    assert compose("intent", AID, INTENT) == Code("AGREE", None, "0333", 0.7)
    assert compose("intent", MEET, INTENT).cameo == "036"
    assert compose("intent", None, INTENT) == INTENT
    promised_release = compose("intent", RELEASE, INTENT)
    assert (promised_release.type, promised_release.cameo) == ("CONCEDE", "0353")


def test_promised_force_is_a_threat_with_its_content_as_mode():
    assert compose("intent", ATTACK, INTENT) == Code("THREATEN", "violence", "138", 0.7)
    assert compose("threat", SANCTIONS, THREAT) == Code("THREATEN", "restrict", "1312", 0.9)
    assert compose("threat", CUT_TIES, THREAT).cameo == "1313"
    assert compose("threat", None, THREAT) == THREAT


def test_appeals_demands_and_refusals_take_the_content_digit():
    assert compose("appeal", AID, APPEAL).cameo == "0233"
    assert compose("appeal", MEET, APPEAL).cameo == "026"
    assert compose("demand", RELEASE, DEMAND) == Code("REQUEST", "yield", "1053", 0.75)
    assert compose("demand", REFORM, DEMAND).mode == "change"
    assert compose("refuse", MEET, REFUSE).cameo == "125"
    assert compose("refuse", RELEASE, REFUSE).cameo == "1243"
    assert compose("refuse", None, REFUSE) == REFUSE


def test_accusations_are_refined_by_what_is_alleged():
    base = Code("ACCUSE", "allege", "112")
    assert accusation({"spying"}, base).cameo == "1125"
    assert accusation({"war", "crime"}, base).cameo == "1124"
    assert accusation({"corruption"}, base).cameo == "1121"
    assert accusation({"weather"}, base) == base


def test_future_events_follow_the_plover_manual():
    assert future(MEET)[0].type == "AGREE" and future(MEET)[1] is None
    assert future(RELEASE)[0].type == "CONCEDE"
    assert future(SANCTIONS)[0].type == "THREATEN"
    assert future(Code("ACCUSE", None, "111")) == (Code("ACCUSE", None, "111"), "future")
    assert future(Code("MOBILIZE", "troops", "154"))[1] == "future"


def test_every_composed_code_fits_its_plover_type():
    contents = [AID, MEET, SANCTIONS, CUT_TIES, RELEASE, ATTACK, REFORM, None,
                Code("COOPERATE", None, "062"), Code("SUPPORT", None, "057"), Code("COERCE", "arrest", "173"),
                Code("PROTEST", "demo", "141"), Code("RETREAT", "withdraw", "087"), Code("AGREE", None, "037")]
    for frame, default in (("intent", INTENT), ("threat", THREAT), ("appeal", APPEAL),
                           ("demand", DEMAND), ("refuse", REFUSE)):
        for content in contents:
            code = compose(frame, content, default)
            assert type_fits_root(code.type, code.cameo), (frame, content, code)
