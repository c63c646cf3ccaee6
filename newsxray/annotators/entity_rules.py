"""Rules that fix the small spaCy model's systematic misses on news text.

- names the model missed or mis-typed that a gazetteer knows exactly as written
  (countries, international bodies, outlets, seats of government, regions);
- a country glued to a hyphenated modifier ("the U.S.-led alliance" -> U.S.);
- a capitalised name right after a role word or honorific is a person
  ("Chinese Ambassador to Russia Zhang Hanhui", "Mr Tomita");
- a person split in two adjacent spans is joined;
- types corrected from the gazetteers; "the Indo-Pacific region" -> "Indo-Pacific".
Document-level: a single word the model typed ORG/GPE/... that is the first or last name
of a person named in full elsewhere in the article becomes that person ("Kishida").
"""
from __future__ import annotations

import re
from collections import Counter

from .. import gazetteer as gz
from .entity_spans import Cand, Unit

_LEAD = re.compile(r"[^\W_]+")
_PARTICLES = frozenset({"bin", "al", "al-", "el", "de", "del", "della", "der", "van", "von",
                        "da", "das", "dos", "du", "di", "la", "le", "ibn", "ben", "abu", "y"})
_CONNECTORS = frozenset({"to", "of", "for", "at"})
_NOT_NAMES = frozenset({
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december", "monday", "tuesday", "wednesday", "thursday",
    "friday", "saturday", "sunday", "i", "ii", "iii", "iv", "jr", "jr.", "sr", "sr.",
    "the", "and", "or", "said", "says", "told", "on", "in", "at",
})
_ROLE_WORDS = frozenset(w for phrase in gz.PERSON_ROLES for w in phrase.split())
# role words that are also given names: never stripped from or taken as a title of a name
_NAME_LIKE_ROLES = frozenset({"dean", "bishop", "judge", "chancellor", "marshal", "king", "prince",
                              "major", "rector", "governor", "speaker", "chief", "cardinal",
                              "deputy", "forward", "player", "chair", "head"})
_TITLE_STARTS = (frozenset(gz.ROLE_FIRST) | gz.HONORIFICS | frozenset(gz.roles.ORG_ROLE_FIRST)) - _NAME_LIKE_ROLES
_ORG_WORDS = frozenset(w for phrase in gz.roles.ORG_HEADS for w in phrase.split()) - {"united", "city"}


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
        t = last + 1 if _place_gazetteer(unit, tok.i, last + 1, kind, payload) else t + 1


def _match_surface(unit: Unit, t: int, entries, ends) -> tuple[int, str, object] | None:
    tok = unit.sdoc[t]
    for surface, kind, payload in entries:
        if unit.stext.startswith(surface, tok.idx):
            last = ends.get(tok.idx + len(surface))
            if last is not None:
                return last, kind, payload
    return None


def _place_gazetteer(unit: Unit, t0: int, t1: int, kind: str, payload: object) -> bool:
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


def _namelike(tok) -> bool:
    word = tok.text
    if not word[:1].isupper() or word.isupper() and len(word) > 1:
        return False
    if not (tok.is_alpha or all(c.isalpha() or c in "-'’." for c in word)):
        return False
    low = tok.lower_
    return not (low in _NOT_NAMES or low in _ROLE_WORDS or low in _ORG_WORDS
                or low in gz.HONORIFICS or gz.nation_code(word) or gz.place_code(word))


def _title_end(unit: Unit, t: int) -> tuple[int, str] | None:
    """(token after the title, label of the name it announces) for a role phrase or
    honorific at ``t`` ("Ambassador to Russia" -> PERSON; "news agency" -> ORG)."""
    sdoc = unit.sdoc
    tok = sdoc[t]
    low, end, label = tok.lower_, None, "PERSON"
    if low in gz.HONORIFICS:
        end = t + 1 + (t + 1 < len(sdoc) and sdoc[t + 1].text == ".")
    elif low not in _NAME_LIKE_ROLES:
        end = _phrase_end(sdoc, t, gz.ROLE_FIRST)
        if end is None and tok.is_lower:
            end, label = _phrase_end(sdoc, t, gz.roles.ORG_ROLE_FIRST), "ORG"
    if end is None or end >= len(sdoc):
        return None
    if label == "PERSON" and sdoc[end].lower_ in _CONNECTORS:
        k = end + 1 + (end + 1 < len(sdoc) and sdoc[end + 1].lower_ == "the")
        held = unit.owned(k) if k < len(sdoc) else None
        if held is None or held.label not in ("GPE", "ORG", "NORP", "LOC"):
            return None
        end = held.t1
    return end, label


def _phrase_end(sdoc, t: int, table: dict[str, list[tuple[str, ...]]]) -> int | None:
    for phrase in table.get(sdoc[t].lower_, ()):
        if tuple(w.lower_ for w in sdoc[t:t + len(phrase)]) == phrase:
            return t + len(phrase)
    return None


def _name_after(unit: Unit, t: int) -> int | None:
    """End of a 1-3 token capitalised name starting at ``t`` (particles allowed inside)."""
    sdoc = unit.sdoc
    k, names = t, 0
    while k < len(sdoc) and names < 4:
        tok = sdoc[k]
        if _namelike(tok):
            names += 1
        elif not (tok.lower_ in _PARTICLES and names and k + 1 < len(sdoc) and _namelike(sdoc[k + 1])):
            break
        k += 1
    if names == 0 or names > 3:
        return None
    if k < len(sdoc) and sdoc[k].text[:1].isupper() and sdoc[k].is_alpha and not sdoc[k].is_sent_start:
        return None  # more capitalised words follow: a title or an organisation, not a name
    return k


def titled_persons(unit: Unit) -> None:
    """A capitalised 1-3 token name right after a role phrase or honorific is a PERSON
    ("Ambassador to Russia Zhang Hanhui", "Mr Tomita"); after "news agency", "newspaper"
    and the like it is an ORG ("the Yugoslav news agency Tanjug")."""
    sdoc = unit.sdoc
    for tok in sdoc:
        low = tok.lower_
        if low not in _TITLE_STARTS:
            continue
        held = unit.owned(tok.i)
        if held is not None and held.label != "PERSON":
            continue
        found = _title_end(unit, tok.i)
        end = _name_after(unit, found[0]) if found is not None else None
        if end is not None:
            _claim_name(unit, found[0], end, found[1])


def _claim_name(unit: Unit, t0: int, t1: int, label: str) -> None:
    owners = [unit.cands[i] for i in unit.owners(t0, t1)]
    if any(o.label == label for o in owners):
        return
    if any(o.t0 < t0 or o.t1 > t1 or o.kind is not None for o in owners):
        return
    unit.replace(unit.make(t0, t1, label, source="rule"))


def clean_persons(unit: Unit) -> None:
    """PERSON spans lose number tokens (split there) and trailing lower-case words:
    "Chandana 2 I. Healy" -> "Chandana", "I. Healy"; "J. Gillespie st" -> "J. Gillespie"."""
    sdoc = unit.sdoc
    for cand in unit.live():
        if cand.label != "PERSON" or cand.source != "model":
            continue
        parts, current = [], []
        for t in range(cand.t0, cand.t1):
            if any(ch.isdigit() for ch in sdoc[t].text):
                parts.append(current)
                current = []
            else:
                current.append(t)
        parts.append(current)
        parts = [_trim_lower(sdoc, part) for part in parts]
        parts = [p for p in parts if p and any(sdoc[t].is_title for t in p)]
        if len(parts) == 1 and (parts[0][0], parts[0][-1] + 1) == (cand.t0, cand.t1):
            continue
        unit.drop(cand)
        for part in parts:
            unit.add(unit.make(part[0], part[-1] + 1, "PERSON", source="rule"))


def _trim_lower(sdoc, part: list[int]) -> list[int]:
    """Drop trailing lower-case words and punctuation (not the tail of "Young-hoon")."""
    while len(part) > 1 and (sdoc[part[-1]].is_lower or sdoc[part[-1]].is_punct) \
            and sdoc[part[-2]].whitespace_:
        part = part[:-1]
    while part and sdoc[part[0]].is_punct:
        part = part[1:]
    return part


def join_split_persons(unit: Unit) -> None:
    """Two PERSON spans separated only by spaces are one name ("Jens" "Stoltenberg")."""
    persons = [c for c in unit.live() if c.label == "PERSON"]
    for left, right in zip(persons, persons[1:]):
        gap = unit.text[left.end:right.start]
        if left.t1 == right.t0 and not gap.strip() and "\n" not in gap:
            unit.replace(unit.make(left.t0, right.t1, "PERSON", source="rule"))


def _strip_title(unit: Unit, cand: Cand) -> None:
    """A PERSON span that starts with a role word or honorific keeps only the name."""
    sdoc, t0 = unit.sdoc, cand.t0
    while t0 < cand.t1 - 1 and ((sdoc[t0].lower_ in _ROLE_WORDS and sdoc[t0].lower_ not in _NAME_LIKE_ROLES)
                                or sdoc[t0].lower_ in gz.HONORIFICS or sdoc[t0].text == "."):
        t0 += 1
    if t0 > cand.t0 and _namelike(sdoc[t0]):
        start = unit.offset + sdoc[t0].idx
        for t in range(cand.t0, t0):
            unit.owner[t] = -1
        cand.t0, cand.start, cand.text = t0, start, unit.text[start:cand.end]


def retype(unit: Unit) -> None:
    """Types and spans from the gazetteers for the model's own spans."""
    for cand in unit.live():
        if cand.source != "model":
            continue
        if cand.label == "PERSON":
            _strip_title(unit, cand)
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


def person_variants(units: list[Unit]) -> None:
    """Single words the model typed ORG/GPE/LOC/OTHER that name a person of the article
    ("Kishida" beside "Fumio Kishida"), unless the model typed that word non-person more
    often than it named that person (a firm named after its founder: "Pirelli")."""
    parts: Counter = Counter()
    surnames: set[str] = set()
    for unit in units:
        for cand in unit.live():
            words = cand.text.split()
            if cand.label == "PERSON" and len(words) > 1:
                parts.update({words[0], words[-1]})
                surnames.add(words[-1])
    if not parts:
        return
    others: dict[str, list[Cand]] = {}
    for unit in units:
        for cand in unit.live():
            if cand.label in ("PERSON", "NORP") or cand.kind is not None or " " in cand.text:
                continue
            if cand.text in parts:
                others.setdefault(cand.text, []).append(cand)
    for word, cands in others.items():
        if len(cands) <= parts[word] and not (gz.place_code(word) or gz.nation_code(word)):
            for cand in cands:
                cand.label, cand.source = "PERSON", "rule"
    surnames = {word for word in surnames if word not in others and _plain_name(word)}
    if surnames:
        for unit in units:
            _untagged_surnames(unit, surnames)


def _plain_name(word: str) -> bool:
    return len(word) > 2 and word[0].isupper() and word[1:].islower() and word.isalpha() \
        and not (gz.place_code(word) or gz.nation_code(word) or gz.org_info(word))


def _untagged_surnames(unit: Unit, surnames: set[str]) -> None:
    """The surname of a person named in full, where the model tagged nothing ("Lebed")."""
    for tok in unit.sdoc:
        if tok.text in surnames and unit.owner[tok.i] < 0 and tok.pos_ == "PROPN":
            unit.add(unit.make(tok.i, tok.i + 1, "PERSON", source="rule"))


def unit_rules(unit: Unit) -> None:
    """All per-unit rules, in order."""
    retype(unit)
    gazetteer_mentions(unit)
    datelines(unit)
    hyphen_countries(unit)
    clean_persons(unit)
    titled_persons(unit)
    join_split_persons(unit)
