"""From candidates to the ``Event`` items of the record: sentence, date, quote, merging,
confidence and ids.

Dates come from the time layer (``newsxray.temporal.date_for_span``): the timex the parse
attaches to the trigger, else the nearest in its sentence, else the date in focus for a
past event; a factual event with none of these is dated by the publication day (with
``timex`` null), a future or hypothetical one is left undated.
"""
from __future__ import annotations

import re
from bisect import bisect_right

from ..document import Document, Event, Participant, Quote, Trigger
from .codes import QUAD, goldstein
from .coder import Candidate, DocumentCoder
from .merge import Group, Report, merge

_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}")


def _date_api():
    try:
        from ..temporal import date_for_span
    except ImportError:  # pragma: no cover - the time layer ships with newsxray
        return None
    return date_for_span


def publication_day(doc: Document) -> str | None:
    m = _DAY.match(doc.published or "")
    return m.group() if m else None


def _date(doc: Document, cand: Candidate, api) -> tuple[str | None, str | None]:
    found = None
    if api is not None:
        try:
            found = api(doc, cand.start, cand.end)
        except (ValueError, KeyError, IndexError, AttributeError):
            found = None
    if found is not None and (found[1] is not None or cand.aux is None):
        return found
    if cand.aux is None:
        return publication_day(doc), None
    return None, None


def _quote(quotes: list[Quote], start: int, end: int) -> str | None:
    for q in quotes:
        if q.start <= start < q.end:
            return q.id
    for q in quotes:
        if q.cue is not None and q.cue.start < end and start < q.cue.end:
            return q.id
    return None


def _sentence(starts: list[int], ends: list[int], pos: int) -> int | None:
    i = bisect_right(starts, pos) - 1
    return i if i >= 0 and pos < ends[i] else None


def reports(doc: Document, candidates: list[Candidate]) -> list[Report]:
    api = _date_api()
    quotes = list(doc.layer("quotes"))
    starts = [s.start for s in doc.sentences]
    ends = [s.end for s in doc.sentences]
    out = []
    pub = publication_day(doc)
    for cand in candidates:
        date, timex = _date(doc, cand, api)
        if cand.aux is None and timex and _years_before(date, pub) >= 2:
            cand.aux = "historical"  # "In 2003, the United States invaded Iraq" (PLOVER manual 2.3)
        out.append(Report(cand, None if cand.title else _sentence(starts, ends, cand.start),
                          date, timex, _quote(quotes, cand.start, cand.end)))
    return out


def _years_before(date: str | None, pub: str | None) -> int:
    """Calendar years from an event's date to the publication day (0 when unknown)."""
    if not date or not pub or not date[:4].isdigit():
        return 0
    return int(pub[:4]) - int(date[:4])


def confidence(group: Group) -> float:
    """0..1 from the cue's strength, how well the actors resolved, the mode, corroboration."""
    cand = group.main.cand
    score = 0.45 * cand.code.weight
    score += 0.25 if _named(cand.actor) else 0.1 if cand.actor is not None else 0.0
    score += 0.15 if _named(cand.target) else 0.05 if cand.target is not None else 0.0
    score += 0.05 * min(2, len(group.others))
    if group.main.timex:
        score += 0.03
    if cand.guessed:
        score *= 0.85
    if cand.aux == "hypothetical":
        score *= 0.7
    elif cand.aux in ("future", "negated"):
        score *= 0.85
    elif cand.aux == "historical":
        score *= 0.8
    return round(max(0.05, min(0.99, score)), 2)


def _named(p: Participant | None) -> bool:
    return p is not None and bool(p.entity or p.country)


def _fill(group: Group) -> tuple[Participant | None, Participant | None, str | None, str | None]:
    """Actor, target and date of a merged event: the main report's, completed by the others."""
    main = group.main
    actor = main.cand.actor or next((r.cand.actor for r in group.others if r.cand.actor), None)
    target = main.cand.target or next((r.cand.target for r in group.others if r.cand.target), None)
    dated = next((r for r in group.reports if r.timex), main)
    return actor, target, dated.date, dated.timex


def to_event(group: Group, number: int) -> Event:
    main, cand = group.main, group.main.cand
    actor, target, date, timex = _fill(group)
    quote = main.quote or next((r.quote for r in group.others if r.quote and not r.cand.title), None)
    location = cand.location or next((r.cand.location for r in group.others if r.cand.location), None)
    mentions = tuple(sorted((Trigger(r.cand.start, r.cand.end) for r in group.others), key=lambda t: t.start))
    return Event(
        id=f"EV{number}", type=cand.code.type, mode=cand.aux or cand.mode, cameo=cand.code.cameo,
        trigger=Trigger(cand.start, cand.end), sentence=main.sentence, actor=actor, target=target,
        date=date, timex=timex, location=location, quote=quote, confidence=confidence(group),
        co_actors=tuple(cand.co_actors), co_targets=tuple(cand.co_targets), mentions=mentions,
        quad_class=QUAD[cand.code.type], goldstein=goldstein(cand.code.cameo),
    )


def code_events(doc: Document, *, keep_negated: bool = False, plover_future: bool = True) -> list[Event]:
    """The events of ``doc`` (which must carry the parse, sentences, entities and quotes).

    ``plover_future``: code cooperation announced for the future as AGREE and future force
    as THREATEN (PLOVER manual 3.1); when False, keep the action's own code with mode
    ``future`` (CAMEO practice).
    """
    candidates = DocumentCoder(doc, plover_future=plover_future).candidates()
    dropped = {"purpose"} if keep_negated else {"purpose", "negated"}
    candidates = [c for c in candidates if c.aux not in dropped]
    groups = merge(reports(doc, candidates))
    groups.sort(key=lambda g: g.main.cand.start)
    return [to_event(g, i) for i, g in enumerate(groups, 1)]
