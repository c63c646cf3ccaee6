"""One event per action: reports of the same event are merged.

A headline report joins the first body report with the same type whose actor and target
are the same country or entity ("China warns Japan" and "Zhang Hanhui has warned Japan").
Body reports merge when the type and the actor entity are the same, the targets do not
differ, and they are not dated differently ("NATO plans to build a liaison office in
Tokyo" and "the plan of NATO to establish a liaison office in Tokyo").
"""
from __future__ import annotations

from dataclasses import dataclass, field

from ..document import Participant
from .coder import Candidate


@dataclass
class Report:
    """A candidate with what the document layer adds to it."""

    cand: Candidate
    sentence: int | None
    date: str | None
    timex: str | None
    quote: str | None


@dataclass
class Group:
    main: Report
    others: list[Report] = field(default_factory=list)

    @property
    def reports(self) -> list[Report]:
        return [self.main] + self.others


def _key(p: Participant | None) -> tuple | None:
    if p is None:
        return None
    if p.entity:
        return ("entity", p.entity)
    if p.country or p.sector:
        return ("role", p.country, p.sector)
    return ("text", (p.text or "").lower())


def _loose(a: Participant | None, b: Participant | None) -> bool:
    """Same participant for a headline: same entity, or same country."""
    if a is None or b is None:
        return a is None and b is None
    if a.entity and a.entity == b.entity:
        return True
    return bool(a.country) and a.country == b.country


def _compatible_target(a: Participant | None, b: Participant | None, *, loose: bool) -> bool:
    if a is None or b is None:
        return True
    if loose:
        return _loose(a, b)
    if _key(a) == _key(b):
        return True
    # an entity and a role phrase of the same country ("Japan", "the Japanese government")
    return bool(a.country) and a.country == b.country and (a.entity is None or b.entity is None)


def _near(a: Report, b: Report) -> bool:
    """Reports without a target merge only when close (a restatement, not a new action)."""
    return a.sentence is not None and b.sentence is not None and abs(a.sentence - b.sentence) <= 2


def same_event(a: Report, b: Report, *, loose: bool) -> bool:
    ca, cb = a.cand, b.cand
    if ca.code.type != cb.code.type or ca.aux != cb.aux:
        return False
    if not loose and ca.code.cameo[:3] != cb.code.cameo[:3]:
        return False
    if loose:
        if not _loose(ca.actor, cb.actor):
            return False
    elif ca.actor is None or _key(ca.actor) != _key(cb.actor):
        return False
    if not _compatible_target(ca.target, cb.target, loose=loose):
        return False
    if not loose and (ca.target is None or cb.target is None) and not _near(a, b):
        return False
    if a.timex and b.timex and a.date != b.date:
        return False
    la, lb = ca.location, cb.location
    return la is None or lb is None or la.entity == lb.entity or la.country == lb.country


def merge(reports: list[Report]) -> list[Group]:
    body = [r for r in reports if not r.cand.title and r.sentence is not None]
    titles = [r for r in reports if r.cand.title]
    groups: list[Group] = []
    for report in sorted(body, key=lambda r: r.cand.start):
        home = next((g for g in groups if same_event(g.main, report, loose=False)), None)
        if home is None:
            groups.append(Group(report))
        else:
            home.others.append(report)
    for report in titles:
        home = next((g for g in groups if same_event(g.main, report, loose=True)), None)
        if home is not None:
            home.others.append(report)
    return groups
