"""The article text as HTML with every layer's spans marked, properly nested and escaped.

Spans of different layers overlap freely (a quote holds entities, a claim crosses a
quote's end). The text is cut at every span boundary; for each piece the set of spans that
cover it is sorted in one fixed nesting order (segments outermost, then claims, quotes,
sources, techniques, events, entities, timexes; longer spans outside shorter ones), and the
open ``<span>`` elements are closed and reopened only where that set changes. A span cut in
several pieces keeps its anchor id on the first piece and its label (``Q1 Zhang``,
``THREATEN``) after the last. All text and attribute values are escaped.
"""
from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup, escape

from ..techniques_info import info as technique_info

ORDER = ("segments", "claims", "quotes", "sources", "techniques", "events", "entities", "timexes")
RANK = {layer: n for n, layer in enumerate(ORDER)}
SPEAKER_COLOURS = 8


@dataclass(frozen=True)
class Mark:
    start: int
    end: int
    layer: str
    classes: str
    tip: str | None = None          # shown on hover and keyboard focus
    label: str | None = None        # a visible badge (highlights never rely on colour alone)
    anchor: str | None = None       # DOM id of the first piece
    focusable: bool = False

    def sort_key(self) -> tuple:
        return (RANK[self.layer], self.start, -self.end, self.anchor or "")


def _ok(item: dict, n: int) -> bool:
    s, e = item.get("start"), item.get("end")
    return isinstance(s, int) and isinstance(e, int) and 0 <= s < e <= n


def speaker_names(record: dict) -> dict[str, str]:
    """Quote id -> the speaker's name (the entity's full name when resolved)."""
    names = {e.get("id"): e.get("name") for e in record.get("entities") or []}
    out = {}
    for q in record.get("quotes") or []:
        sp = q.get("speaker") or {}
        out[q.get("id")] = names.get(sp.get("entity")) or sp.get("text") or "unattributed"
    return out


def speaker_colours(record: dict) -> dict[str, int]:
    """Speaker name -> colour index, in order of first quote."""
    colours: dict[str, int] = {}
    for name in speaker_names(record).values():
        colours.setdefault(name, len(colours) % SPEAKER_COLOURS)
    return colours


def _entity_marks(record: dict, n: int) -> list[Mark]:
    marks = []
    for e in record.get("entities") or []:
        tip = " · ".join(str(x) for x in (e.get("name"), e.get("type"), e.get("country"), e.get("sector"),
                                          e.get("description")) if x)
        for m in e.get("mentions") or []:
            if _ok(m, n):
                marks.append(Mark(m["start"], m["end"], "entities", f"ent ent-{e.get('type', 'OTHER')}", tip))
    return marks


def _quote_marks(record: dict, n: int) -> list[Mark]:
    names, colours = speaker_names(record), speaker_colours(record)
    marks = []
    for q in record.get("quotes") or []:
        if _ok(q, n):
            name = names.get(q.get("id"), "unattributed")
            tip = f"{q.get('id')} {q.get('kind')} quote · {name}"
            marks.append(Mark(q["start"], q["end"], "quotes", f"quote sp{colours.get(name, 0)}", tip,
                              f"{q.get('id')} {name}", f"quotes-{q.get('id')}"))
    return marks


def _timex_marks(record: dict, n: int) -> list[Mark]:
    marks = []
    for t in record.get("timexes") or []:
        if _ok(t, n):
            tip = f"{t.get('type')} = {t.get('value')}" + (f" ({t['mod']})" if t.get("mod") else "")
            marks.append(Mark(t["start"], t["end"], "timexes", "timex", tip, None,
                              f"timexes-{t.get('id')}", focusable=True))
    return marks


def _event_marks(record: dict, n: int) -> list[Mark]:
    marks = []
    for ev in record.get("events") or []:
        trig = ev.get("trigger") or {}
        if _ok(trig, n):
            who = lambda p: (p or {}).get("text") or (p or {}).get("country") or "?"  # noqa: E731
            tip = f"{ev.get('type')} ({ev.get('cameo')}): {who(ev.get('actor'))} → {who(ev.get('target'))}"
            if ev.get("date"):
                tip += f" · {ev['date']}"
            marks.append(Mark(trig["start"], trig["end"], "events", "event", tip, str(ev.get("type")),
                              f"events-{ev.get('id')}"))
    return marks


def _claim_marks(record: dict, n: int) -> list[Mark]:
    marks = []
    for c in record.get("claims") or []:
        if _ok(c, n) and c.get("check_worthy"):
            tip = f"{c.get('id')}: check-worthy claim, score {c.get('score')}"
            marks.append(Mark(c["start"], c["end"], "claims", "claim", tip,
                              f"{c.get('id')} {float(c.get('score') or 0):.2f}", f"claims-{c.get('id')}"))
    return marks


def _technique_marks(record: dict, n: int) -> list[Mark]:
    marks = []
    for t in record.get("techniques") or []:
        if _ok(t, n):
            try:
                ti = technique_info(t.get("technique"))
                label, tip = ti.label, f"{ti.label}: {ti.definition}"
            except (KeyError, ValueError):
                label = tip = str(t.get("technique"))
            marks.append(Mark(t["start"], t["end"], "techniques", "tech", tip, label,
                              f"techniques-{t.get('id')}", focusable=True))
    return marks


def _source_marks(record: dict, n: int) -> list[Mark]:
    marks = []
    for s in record.get("sources") or []:
        if _ok(s, n):
            rating = s.get("rating") or {}
            tip = f"{s.get('id')} {s.get('kind')} source: {s.get('name')}" + (
                f" · rated {rating.get('level') or rating.get('label')}" if rating else " · unrated")
            if s.get("state_affiliated"):
                tip += " · state-affiliated"
            marks.append(Mark(s["start"], s["end"], "sources", "source", tip, str(s.get("id")),
                              f"sources-{s.get('id')}"))
    return marks


def _segment_marks(record: dict, n: int) -> list[Mark]:
    return [Mark(s["start"], s["end"], "segments", f"seg seg-{s.get('type')}", None,
                 str(s.get("type"))) for s in record.get("segments") or [] if _ok(s, n)]


BUILDERS = (_segment_marks, _claim_marks, _quote_marks, _source_marks, _technique_marks, _event_marks,
            _entity_marks, _timex_marks)


def marks_of(record: dict) -> list[Mark]:
    n = len(record.get("text") or "")
    return [m for build in BUILDERS for m in build(record, n)]


def _open(mark: Mark, first: bool) -> str:
    attrs = [f'class="hl l-{mark.layer} {escape(mark.classes)}{"" if first else " cont"}"']
    if first and mark.anchor:
        attrs.append(f'id="{escape(mark.anchor)}"')
    if mark.tip:
        attrs.append(f'data-tip="{escape(mark.tip)}" title="{escape(mark.tip)}"')
    if mark.focusable and first:
        attrs.append('tabindex="0"')
    head = f"<span {' '.join(attrs)}>"
    if first and mark.layer == "segments" and mark.label:
        head += f'<span class="tag tag-seg" aria-hidden="true">{escape(mark.label)}</span>'
    return head


def _close(mark: Mark, last: bool) -> str:
    if last and mark.label and mark.layer != "segments":
        return f'<sup class="tag tag-{mark.layer}">{escape(mark.label)}</sup></span>'
    return "</span>"


def render(text: str, marks: list[Mark]) -> Markup:
    """``text`` as escaped HTML with ``marks`` nested properly (see the module docstring)."""
    n = len(text)
    marks = [m for m in marks if 0 <= m.start < m.end <= n]
    starts: dict[int, list[Mark]] = {}
    for m in marks:
        starts.setdefault(m.start, []).append(m)
    bounds = sorted({0, n, *(m.start for m in marks), *(m.end for m in marks)})
    out: list[str] = []
    stack: list[Mark] = []
    active: set[Mark] = set()
    opened: set[Mark] = set()
    for b0, b1 in zip(bounds, bounds[1:]):
        active = {m for m in active if m.end > b0}
        active.update(starts.get(b0, ()))
        desired = sorted(active, key=Mark.sort_key)
        keep = 0
        while keep < min(len(stack), len(desired)) and stack[keep] is desired[keep]:
            keep += 1
        for m in reversed(stack[keep:]):
            out.append(_close(m, m.end <= b0))
        for m in desired[keep:]:
            out.append(_open(m, m not in opened))
            opened.add(m)
        stack = desired
        out.append(str(escape(text[b0:b1])))
    for m in reversed(stack):
        out.append(_close(m, True))
    return Markup("".join(out))
