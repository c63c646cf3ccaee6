"""Attribution sources: outlets and institutions the article's text attributes things to.

Cue-driven: leading cues ("according to", "told", "in an interview with", "published in")
are found with one regex per body segment, and the name after each is looked up; the
names the entities layer found (and generic phrases such as "state media", and domains)
are checked for a trailing cue ("said", "reported", "a Reuters report"). Only the body
(lede, body, captions) is read: headlines in "related" blocks cite nothing.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from ..document import Document, Entity
from ..gazetteer import nation_code
from .source_cues import (ADJECTIVE_BEFORE, ARTICLE_BEFORE, CLAUSE_END, COORDINATED, GENERIC, LEADING,
                          NAME_PREFIX, NOUN, OBJECT_BEFORE, OUTLET_SUFFIXES, STATE_WORDS, THE, TRAILING,
                          caps_name, head_kind)
from .source_names import DOMAIN, URL, Found, Resolved, outlet_by_name, resolve_domain, resolve_name

BODY_TYPES = ("lede", "body", "caption")
_WORD = re.compile(r"\S+")
_CAP_WORD = re.compile(r"[A-Z][a-z]+\s+")
NOT_SOURCES = ("PERSON", "GPE", "NORP", "LOC", "FAC", "EVENT")


@dataclass(frozen=True, slots=True)
class Name:
    """A candidate name in the text: where, what it resolves to, whether media or org."""

    start: int
    end: int
    resolved: Resolved
    category: str                 # media, org, or other (never a source)
    entity: str | None = None
    country: str | None = None
    state: bool = False


class Mentions:
    """The entities' mentions, by start and by the span covering a position."""

    def __init__(self, doc: Document) -> None:
        spans = sorted((m.start, m.end, e) for e in doc.entities for m in e.mentions)
        self.spans = spans
        self.starts = [s for s, _, _ in spans]
        self.at = {s: (en, e) for s, en, e in spans}

    def covering(self, pos: int) -> Entity | None:
        i = bisect.bisect_right(self.starts, pos) - 1
        if i >= 0 and self.spans[i][0] <= pos < self.spans[i][1]:
            return self.spans[i][2]
        return None


def attributions(doc: Document) -> list[Found]:
    """Every attribution source in the body, one per name span, in text order."""
    mentions = Mentions(doc)
    found: dict[tuple[int, int], Found] = {}
    for seg in doc.segments:
        if seg.type not in BODY_TYPES:
            continue
        for m in LEADING.finditer(doc.text, seg.start, seg.end):
            for item in _leading(doc, m, seg.end, mentions):
                found.setdefault((item.start, item.end), item)
        for item in _trailing(doc, seg.start, seg.end, mentions):
            found.setdefault((item.start, item.end), item)
    return sorted(found.values(), key=lambda f: (f.start, f.end))


def _found(name: Name, cue: tuple[int, int]) -> Found:
    return Found(name.start, name.end, "attribution", name.resolved, cue=cue, entity=name.entity,
                 country=name.country, state=name.state)


def _leading(doc: Document, m, seg_end: int, mentions: Mentions) -> list[Found]:
    """The name(s) after a leading cue: "told TASS", "according to Reuters and AFP"."""
    text = doc.text
    kind = "media" if m.group("media") else "any" if m.group("any") else "inverted"
    cue = (m.start(), m.start() + len(m.group(0).rstrip()))
    out: list[Found] = []
    pos = m.end()
    while True:
        name = _first_name(doc, pos, seg_end, mentions)
        if name is None or name.category == "other" or (kind == "media" and name.category != "media"):
            break
        if kind == "inverted" and not CLAUSE_END.match(text, name.end):
            break
        out.append(_found(name, cue))
        joint = COORDINATED.match(text, name.end, seg_end)
        if joint is None or kind == "inverted":
            break
        pos = joint.end()
    return out


def _first_name(doc: Document, pos: int, seg_end: int, mentions: Mentions) -> Name | None:
    for start in _name_starts(doc.text, pos, seg_end):
        name = name_at(doc, start, seg_end, mentions)
        if name is not None:
            return name
    return None


def _name_starts(text: str, pos: int, seg_end: int) -> list[int]:
    starts = []
    prefix = NAME_PREFIX.match(text, pos, seg_end)
    if prefix:
        starts.append(prefix.end())
    the = THE.match(text, pos, seg_end)
    if the:
        starts.append(the.end())
    starts.append(pos)
    return list(dict.fromkeys(starts))


def name_at(doc: Document, start: int, seg_end: int, mentions: Mentions) -> Name | None:
    """The name starting at ``start``: a domain, an entity mention, a generic phrase, or caps."""
    text = doc.text
    token = URL.match(text, start, seg_end) or DOMAIN.match(text, start, seg_end)
    if token:
        resolved = resolve_domain(token.group(0))
        if resolved is not None:
            return _named(start, token.end(), resolved, "media")
    generic = GENERIC.match(text, start, seg_end)
    if generic is None:
        word = _CAP_WORD.match(text, start, seg_end)     # "Syrian state media"
        generic = GENERIC.match(text, word.end(), seg_end) if word else None
    if generic:
        return from_generic(generic)
    if start in mentions.at:
        end, entity = mentions.at[start]
        if end <= seg_end:
            return from_entity(doc, start, end, entity)
    return _from_caps(text, start, seg_end, mentions)


def _named(start: int, end: int, resolved: Resolved, category: str, entity: str | None = None) -> Name:
    outlet = resolved.outlet
    if outlet is not None:
        category = "media" if outlet.media else "org"
    return Name(start, end, resolved, category, entity,
                outlet.country if outlet else None, bool(outlet and outlet.state))


def from_entity(doc: Document, start: int, end: int, entity: Entity) -> Name:
    """An entity mention as a candidate source (people and places are never sources)."""
    written = doc.text[start:end]
    outlet = outlet_by_name(entity.name) or outlet_by_name(written)
    if outlet is None and "," in written:  # "Telegraph, Hussen Abase": the model ran two names together
        end = start + written.index(",")
        outlet = outlet_by_name(doc.text[start:end])
        if outlet is None:
            return Name(start, end, Resolved(name=written, domain=None), "other", entity.id)
    outlet = outlet or outlet_with_suffix(written)
    if outlet is not None:
        return _named(start, end, resolve_name(outlet.name), "media", entity.id)
    if entity.type in NOT_SOURCES:
        return Name(start, end, Resolved(name=entity.name, domain=None), "other", entity.id)
    if entity.type == "ORG":
        category = "media" if entity.sector == "MED" or head_kind(entity.name) == "media" else "org"
    else:
        category = head_kind(entity.name) or "other"
    name = Name(start, end, Resolved(name=entity.name, domain=None), category, entity.id, entity.country)
    return name


def outlet_with_suffix(name: str):
    """A known outlet followed by edition words: "BBC Radio 4" -> BBC, "Guardian Australia"."""
    words = name.split()
    for k in range(len(words) - 1, 0, -1):
        rest = words[k:]
        if all(w in OUTLET_SUFFIXES or w.isdigit() for w in rest):
            outlet = outlet_by_name(" ".join(words[:k]))
            if outlet is not None and outlet.media:
                return outlet
    return None


def from_generic(m) -> Name:
    """ "state media", "Chinese state television": a source without a name of its own."""
    core = " ".join(m.group("core").lower().split())
    before = ADJECTIVE_BEFORE.search(m.string, max(0, m.start() - 24), m.start())
    adj = before.group("adj") if before else None
    country = nation_code(adj) if adj else None
    keep = bool(country or adj in ("Western", "Arab", "European"))
    start = before.start() if keep else m.start()
    name = f"{adj} {core}" if keep else core
    state = any(w in core for w in STATE_WORDS)
    return Name(start, m.end(), Resolved(name=name, domain=None), "media", None, country, state)


def _from_caps(text: str, start: int, seg_end: int, mentions: Mentions) -> Name | None:
    span = caps_name(text, start)
    if span is None or span[1] > seg_end:
        return None
    covering = mentions.covering(start)
    if covering is not None and covering.type in NOT_SOURCES:
        return None
    words = [(w.group(0), w.end()) for w in _WORD.finditer(text, span[0], span[1])]
    for k in range(len(words), 0, -1):
        outlet = outlet_by_name(" ".join(w for w, _ in words[:k]))
        if outlet is not None:
            return _named(start, words[k - 1][1], resolve_name(outlet.name), "media")
    name = " ".join(w for w, _ in words)
    kind = head_kind(name)
    return Name(span[0], span[1], resolve_name(name), kind) if kind else None


def _trailing(doc: Document, seg_start: int, seg_end: int, mentions: Mentions) -> list[Found]:
    """Names followed by a reporting verb or noun: "the Pentagon said", "a TASS report"."""
    text, out = doc.text, []
    for name in _body_names(doc, seg_start, seg_end, mentions):
        if name.category == "other":
            continue
        cue = None
        if not OBJECT_BEFORE.search(text, max(seg_start, name.start - 12), name.start):
            cue = TRAILING.match(text, name.end, seg_end)
        if cue is None:
            noun = NOUN.match(text, name.end, seg_end)
            if noun and (noun.group("own") or ARTICLE_BEFORE.search(text, max(seg_start, name.start - 6), name.start)):
                cue = noun
        if cue is not None:
            out.append(_found(name, cue.span("verb")))
    return out


def _body_names(doc: Document, seg_start: int, seg_end: int, mentions: Mentions) -> list[Name]:
    text = doc.text
    lo, hi = bisect.bisect_left(mentions.starts, seg_start), bisect.bisect_left(mentions.starts, seg_end)
    names = [from_entity(doc, s, e, ent) for s, e, ent in mentions.spans[lo:hi] if e <= seg_end]
    names += [from_generic(m) for m in GENERIC.finditer(text, seg_start, seg_end)]
    for m in DOMAIN.finditer(text, seg_start, seg_end):
        resolved = resolve_domain(m.group(0))
        if resolved is not None:
            names.append(_named(m.start(), m.end(), resolved, "media"))
    return names
