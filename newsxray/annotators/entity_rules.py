"""Rules that fix the small spaCy model's systematic misses of places and organisations.

- names the model missed or mis-typed that a gazetteer knows exactly as written
  (countries, international bodies, outlets, seats of government, regions, cities);
- an upper-case place opening a line is a dateline GPE ("WASHINGTON (Reuters) -");
- a country glued to a hyphenated modifier ("the U.S.-led alliance" -> U.S.);
- types corrected from the gazetteers; "the Indo-Pacific region" -> "Indo-Pacific".
``unit_rules`` runs these and the person rules of ``entity_persons`` on one parsed unit;
``document_rules`` runs the rules that need the whole article.
"""
from __future__ import annotations

import re

from .. import gazetteer as gz
from .entity_persons import (aged_persons, clean_persons, harmonise, join_split_persons,
                             named_persons, person_variants, strip_title, titled_persons)
from .entity_spans import Cand, Unit

_LEAD = re.compile(r"[^\W_]+")


def _index_surfaces() -> dict[str, list[tuple[str, str, object]]]:
    index: dict[str, list[tuple[str, str, object]]] = {}
    for surface, (kind, payload) in gz.SCAN_SURFACES.items():
        if surface in gz.WORDY:
            continue
        lead = _LEAD.match(surface)
        if lead:
            index.setdefault(lead.group(), []).append((surface, kind, payload))
    for entries in index.values():
        entries.sort(key=lambda e: -len(e[0]))
    return index


_SURFACE_INDEX = _index_surfaces()
_KIND_LABEL = {"country": "GPE", "org": "ORG", "seat": "ORG", "region": "LOC", "place": "GPE"}


def _all_caps_context(sdoc, t: int) -> bool:
    """The token sits among upper-case words (a headline in capitals)."""
    near = [sdoc[k] for k in (t - 1, t + 1) if 0 <= k < len(sdoc) and sdoc[k].is_alpha]
    return bool(near) and all(tok.is_upper for tok in near)


def gazetteer_mentions(unit: Unit) -> None:
    """Add exact gazetteer names the model missed, or replace model spans inside them."""
    sdoc = unit.sdoc
    ends = {tok.idx + len(tok.text): tok.i for tok in sdoc}
    t = 0
    while t < len(sdoc):
        tok = sdoc[t]
        first = tok.text[:1]
        lead = _LEAD.match(tok.text) if first.isupper() else None
        entries = _SURFACE_INDEX.get(lead.group()) if lead else None
        matched = _match_surface(unit, t, entries, ends) if entries else None
        if matched is None:
            t += 1
            continue
        last, kind, payload = matched
        t = last + 1 if _claim_gazetteer(unit, tok.i, last + 1, kind, payload) else t + 1


def _match_surface(unit: Unit, t: int, entries, ends) -> tuple[int, str, object] | None:
    tok = unit.sdoc[t]
    for surface, kind, payload in entries:
        if unit.stext.startswith(surface, tok.idx):
            last = ends.get(tok.idx + len(surface))
            if last is not None:
                return last, kind, payload
    return None


def _claim_gazetteer(unit: Unit, t0: int, t1: int, kind: str, payload: object) -> bool:
    sdoc = unit.sdoc
    if t1 - t0 == 1 and sdoc[t0].is_upper and len(sdoc[t0].text) > 1 and _all_caps_context(sdoc, t0):
        if kind != "org":
            return False
    owners = [unit.cands[i] for i in unit.owners(t0, t1)]
    cand = unit.make(t0, t1, _KIND_LABEL[kind], source="gazetteer", kind=kind, payload=payload)
    if kind == "place":  # cities: only where the model saw nothing
        return unit.add(cand)
    if not owners:
        unit.add(cand)
        return True
    inside = all(t0 <= o.t0 and o.t1 <= t1 for o in owners)
    bigger = any(o.t1 - o.t0 < t1 - t0 for o in owners)
    if inside and bigger and t1 - t0 > 1:
        unit.replace(cand)
        return True
    return False


def datelines(unit: Unit) -> None:
    """An upper-case place opening a line is a GPE: "WASHINGTON (Reuters) -", "LONDON 1996-08-30"."""
    sdoc, text = unit.sdoc, unit.text
    for tok in sdoc:
        start = unit.offset + tok.idx
        if not (tok.is_upper and tok.is_alpha and len(tok) > 2) or (start > 0 and text[start - 1] != "\n"):
            continue
        end = tok.i + 1
        while end < len(sdoc) and end - tok.i < 3 and sdoc[end].is_upper and sdoc[end].is_alpha:
            end += 1
        for stop in range(end, tok.i, -1):
            if _dateline_place(unit, tok.i, stop):
                break


def _dateline_place(unit: Unit, t0: int, t1: int) -> bool:
    name = unit.text[unit.offset + unit.sdoc[t0].idx:unit.span_chars(t0, t1)[1]]
    code = gz.country_code(name)
    kind = "country" if code else "place"
    code = code or gz.place_code(name)
    if code is None:
        return False
    owners = [unit.cands[i] for i in unit.owners(t0, t1)]
    if any(o.t0 < t0 or o.t1 > t1 for o in owners):
        return False
    unit.replace(unit.make(t0, t1, "GPE", source="rule", kind=kind, payload=code))
    return True


def hyphen_countries(unit: Unit) -> None:
    """A country glued to a hyphenated word, as one token: "U.S.-led", "U.K.-based"."""
    for tok in unit.sdoc:
        word = tok.text
        cut = word.find("-")
        if cut <= 1 or unit.owner[tok.i] >= 0 or not word[0].isupper():
            continue
        for part, shift in ((word[:cut], 0), (word[cut + 1:], cut + 1)):
            code = gz.COUNTRY_SURFACES.get(part)
            if code and part not in gz.WORDY:
                start = unit.offset + tok.idx + shift
                unit.cands.append(Cand(start=start, end=start + len(part), label="GPE", t0=tok.i,
                                       t1=tok.i + 1, source="rule", kind="country", payload=code,
                                       unit=unit.index, text=part))
                unit.owner[tok.i] = len(unit.cands) - 1


def retype(unit: Unit) -> None:
    """Types and spans from the gazetteers for the model's own spans."""
    for cand in unit.live():
        if cand.source != "model":
            continue
        if cand.label == "PERSON":
            strip_title(unit, cand)
        text = cand.text
        if cand.label in ("GPE", "LOC") and text.endswith(" region") and gz.is_region(text[:-7]):
            cand.end -= 7
            cand.text = text = text[:-7]
        if cand.label == "PERSON" and text in gz.AMBIGUOUS:
            continue
        _retype_one(cand, text)


def _retype_one(cand: Cand, text: str) -> None:
    code = gz.country_code(text)
    if code and cand.label != "NORP":
        cand.label, cand.kind, cand.payload = "GPE", "country", code
        return
    org = gz.org_info(text)
    if org is not None:
        cand.kind, cand.payload = "org", org
        if cand.label != "NORP":
            cand.label = "ORG"
        return
    seat = gz.seat_info(text)
    if seat is not None:
        cand.label, cand.kind, cand.payload = "ORG", "seat", seat
    elif gz.is_region(text) and cand.label in ("GPE", "LOC", "ORG", "NORP"):
        cand.label, cand.kind = "LOC", "region"
    elif cand.label in ("ORG", "GPE", "PERSON", "OTHER") and gz.demonym_code(text):
        cand.label = "NORP"


def unit_rules(unit: Unit) -> None:
    """All per-unit rules, in order."""
    retype(unit)
    gazetteer_mentions(unit)
    datelines(unit)
    hyphen_countries(unit)
    clean_persons(unit)
    aged_persons(unit)
    named_persons(unit)
    titled_persons(unit)
    join_split_persons(unit)


def document_rules(units: list[Unit]) -> None:
    """Rules over the whole article, after every unit's own rules."""
    harmonise(units)
    person_variants(units)
