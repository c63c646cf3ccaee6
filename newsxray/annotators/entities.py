"""Entities: one item per real-world referent, with its type, country, sector and role.

Built from the shared spaCy parse (never re-run): the model's spans, fixed by the rules of
``entity_rules`` (missed names after titles, gazetteer names, "U.S.-led", possessives,
a leading "the" dropped from every name), grouped by ``entity_groups`` (name variants,
acronyms, role phrases), described by ``entity_roles`` (the role phrase the article gives),
and given a country (ISO3) and sector from the role phrase and the gazetteers.

Types: spaCy's PERSON, ORG, GPE, NORP, LOC, FAC, EVENT are kept; WORK_OF_ART, LAW,
PRODUCT and LANGUAGE become OTHER; dates, times and numbers are not entities. Seats of
government ("the Kremlin") are ORG; world regions ("Indo-Pacific") are LOC; a country's
entity has no sector (null), its capital and cities are GPE entities of their own.
"""
from __future__ import annotations

import re
from collections import Counter

from .. import gazetteer as gz
from ..document import Document, Entity, Mention
from ..nlp import parses
from ..registry import Annotator, register
from .entity_groups import defined_acronyms, group, link_nominals
from .entity_roles import Nominal, analyse, describe, nominals
from .entity_rules import document_rules, unit_rules
from .entity_spans import Cand, Unit, model_mentions


def collect(doc: Document, *, rules: bool = True) -> list[Unit]:
    """The parsed units of ``doc`` with their candidate mentions (rules applied)."""
    units = [Unit(i, offset, sdoc, doc.text) for i, (offset, sdoc) in enumerate(parses(doc))]
    for unit in units:
        model_mentions(unit)
        if rules:
            unit_rules(unit)
    if rules:
        document_rules(units)
    return units


def _acronym_mentions(units: list[Unit], cands: list[Cand], acronyms: dict[str, Cand], text: str) -> list[Cand]:
    """Every occurrence of an acronym the article defines, where no other mention sits."""
    taken = sorted((c.start, c.end) for c in cands)
    added = []
    for acronym in acronyms:
        for match in re.finditer(r"(?<![\w.])" + re.escape(acronym) + r"(?![\w])", text):
            start, end = match.span()
            inside = any(u.offset + len(u.stext) >= end > start >= u.offset for u in units)
            if inside and not any(s < end and start < e for s, e in taken):
                added.append(Cand(start=start, end=end, label="ORG", t0=-1, t1=-1,
                                  source="acronym", unit=-1, text=acronym))
    return added


def _sentence_starts(sdoc) -> list[int]:
    if not sdoc.has_annotation("SENT_START"):
        return [0]
    return [sent.start_char for sent in sdoc.sents]


def _descriptions(units: list[Unit], members: list[Cand], limit: int = 4) -> list[str]:
    """The role phrases the article gives for an entity, in mention order (a few at most)."""
    found: list[str] = []
    for cand in members:
        if cand.t0 >= 0 and cand.label in ("PERSON", "ORG"):
            phrase = describe(units[cand.unit], cand)
            if phrase and phrase not in found:
                found.append(phrase)
                if len(found) >= limit:
                    break
    return found


def _role_attrs(descriptions: list[str]) -> tuple[str | None, str | None, bool]:
    """(country, sector, intergovernmental) from the first role phrases that say them."""
    infos = [analyse(d) for d in descriptions]
    country = next((i.country for i in infos if i.country), None)
    sector = next((i.sector for i in infos if i.sector), None)
    return country, sector, sector == "IGO"


def _entity_type(members: list[Cand]) -> str:
    kinds = {c.kind for c in members}
    if "country" in kinds:
        return "GPE"
    if "region" in kinds:
        return "LOC"
    labels = Counter(c.label for c in members)
    if "org" in kinds or "seat" in kinds:
        return "NORP" if set(labels) == {"NORP"} else "ORG"
    if "PERSON" in labels:
        return "PERSON"
    return labels.most_common(1)[0][0]


def _person_attrs(members: list[Cand], descriptions: list[str]) -> tuple[str | None, str | None]:
    country, sector, igo = _role_attrs(descriptions)
    if country is None or sector is None:
        names = sorted({c.text for c in members}, key=len, reverse=True)
        single = all(" " not in n for n in names)
        known = next((found for n in names if (found := gz.person_info(n, single=single))), None)
        if known is not None:
            if country is None and not igo:
                country = known[0]
            sector = sector or known[1]
    return country, sector


def _name_country(name: str) -> str | None:
    words = name.split()
    for size in (3, 2, 1):
        for i in range(len(words) - size + 1):
            part = " ".join(words[i:i + size])
            code = gz.nation_code(part) or gz.place_code(part)
            if code:
                return code
    return None


def _org_attrs(members: list[Cand], descriptions: list[str], name: str) -> tuple[str | None, str | None]:
    for cand in members:
        if cand.kind == "org":
            return cand.payload.country, cand.payload.sector
        if cand.kind == "seat":
            return cand.payload
    country, sector, _ = _role_attrs(descriptions)
    return country or _name_country(name), sector or gz.org_head_sector(name)


def _place_country(members: list[Cand]) -> str | None:
    for cand in members:
        if cand.kind == "country":
            return cand.payload
        if cand.kind == "seat":
            return cand.payload[0]
    for cand in members:
        code = gz.place_code(cand.text)
        if code:
            return code
    return None


def attributes(members: list[Cand], kind: str, descriptions: list[str], name: str) -> tuple[str | None, str | None]:
    """(country, sector) of an entity."""
    if kind == "PERSON":
        return _person_attrs(members, descriptions)
    if kind == "ORG":
        return _org_attrs(members, descriptions, name)
    if kind == "NORP":
        org = next((c.payload for c in members if c.kind == "org"), None)
        if org is not None:
            return org.country, org.sector
        return next((code for c in members if (code := gz.demonym_code(c.text))), None), None
    if kind in ("GPE", "LOC", "FAC"):
        return _place_country(members), None
    return None, None


def _mentions(spans: list[tuple[int, int]]) -> tuple[Mention, ...]:
    out: list[Mention] = []
    for start, end in sorted(set(spans)):
        if out and start < out[-1].end:
            continue
        out.append(Mention(start=start, end=end))
    return tuple(out)


def build(groups: list[list[Cand]], descriptions: list[list[str]],
          linked: dict[int, list[Nominal]]) -> list[Entity]:
    """The entity layer: ids in order of first mention."""
    items = []
    for i, members in enumerate(groups):
        name = max((" ".join(c.text.split()) for c in members), key=len)
        kind = _entity_type(members)
        country, sector = attributes(members, kind, descriptions[i], name)
        spans = [(c.start, c.end) for c in members] + [(n.start, n.end) for n in linked.get(i, ())]
        first = descriptions[i][0] if descriptions[i] else None
        items.append((kind, name, country, sector, first, _mentions(spans)))
    items.sort(key=lambda item: item[5][0].start)
    return [Entity(id=f"E{n}", name=name, type=kind, country=country, sector=sector,
                   description=description, mentions=mentions)
            for n, (kind, name, country, sector, description, mentions) in enumerate(items, 1)]


@register
class Entities(Annotator):
    """Named entities grouped by referent, with country, sector and role description.

    Options: ``rules`` (default True) applies newsxray's fixes of the model's misses;
    ``nominals`` (default True) adds role phrases ("the ambassador") to the entity they
    refer to.
    """

    name = "entities"
    requires = ("segments", "_parse")
    provides = ("entities",)
    defaults = {"rules": True, "nominals": True}

    def annotate(self, doc: Document) -> None:
        rules = self.config["rules"]
        units = collect(doc, rules=rules)
        cands = [c for unit in units for c in unit.live()]
        acronyms = defined_acronyms(cands, doc.text) if rules else {}
        cands += _acronym_mentions(units, cands, acronyms, doc.text)
        groups = group(cands, acronyms) if cands else []
        descriptions = [_descriptions(units, members) for members in groups]
        linked: dict[int, list[Nominal]] = {}
        if self.config["nominals"] and groups:
            found = [n for unit in units for n in nominals(unit)]
            starts = sorted(u.offset + start for u in units for start in _sentence_starts(u.sdoc))
            linked = link_nominals(groups, descriptions, found, starts) if found else {}
        doc.set_layer("entities", build(groups, descriptions, linked))
