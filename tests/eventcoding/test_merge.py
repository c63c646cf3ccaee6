"""One event per action: headline and body reports merge, distinct actions do not."""
from __future__ import annotations

from newsxray.document import Location, Participant
from newsxray.eventcoding.coder import Candidate
from newsxray.eventcoding.compose import Code
from newsxray.eventcoding.merge import Report, merge

CHINA = Participant(0, 5, "E1", "CHN", None, "China")
ZHANG = Participant(10, 15, "E8", "CHN", "DIP", "Zhang")
JAPAN = Participant(20, 25, "E2", "JPN", None, "Japan")
KOREA = Participant(30, 35, "E3", "KOR", None, "South Korea")
WARN = Code("THREATEN", None, "130")


def report(start, actor, target, *, title=False, sentence=0, code=WARN, date=None, timex=None, aux=None,
           location=None):
    cand = Candidate(code=code, mode=code.mode, aux=aux, start=start, end=start + 5, title=title,
                     actor=actor, target=target, location=location)
    return Report(cand, None if title else sentence, date, timex, None)


def test_headline_joins_the_body_report_of_the_same_countries():
    groups = merge([report(0, CHINA, JAPAN, title=True), report(100, ZHANG, JAPAN, sentence=0)])
    assert len(groups) == 1
    assert groups[0].main.cand.start == 100 and groups[0].others[0].cand.title


def test_headline_without_body_report_is_dropped():
    assert merge([report(0, CHINA, JAPAN, title=True)]) == []


def test_restatement_merges_but_other_targets_dates_types_and_modes_do_not():
    body = report(100, CHINA, JAPAN, sentence=1, date="2023-07", timex="T1")
    assert len(merge([body, report(300, CHINA, JAPAN, sentence=6)])) == 1
    assert len(merge([body, report(300, CHINA, KOREA, sentence=2)])) == 2
    assert len(merge([body, report(300, CHINA, JAPAN, sentence=2, date="2023-05", timex="T2")])) == 2
    assert len(merge([body, report(300, CHINA, JAPAN, sentence=2, code=Code("ACCUSE", None, "111"))])) == 2
    assert len(merge([body, report(300, CHINA, JAPAN, sentence=2, aux="hypothetical")])) == 2


def test_reports_without_a_target_merge_only_when_close():
    near = merge([report(100, CHINA, None, sentence=1), report(200, CHINA, None, sentence=2)])
    far = merge([report(100, CHINA, None, sentence=1), report(900, CHINA, None, sentence=9)])
    assert (len(near), len(far)) == (1, 2)


def test_different_places_are_different_events():
    tokyo, seoul = Location("E5", "JPN"), Location("E6", "KOR")
    groups = merge([report(100, CHINA, JAPAN, sentence=1, location=tokyo),
                    report(200, CHINA, JAPAN, sentence=2, location=seoul)])
    assert len(groups) == 2
