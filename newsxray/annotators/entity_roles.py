"""Role phrases: what the article calls a person or organisation, and what that says.

- ``title_before``: the title chain right before a name ("Chinese Ambassador to Russia"
  Zhang Hanhui, "NATO Secretary General" Jens Stoltenberg, "Russian news agency" TASS);
- ``apposition``: the appositive noun phrase ("Koji Tomita, the Japanese ambassador to
  the U.S.,"; "the US president, Donald Trump");
- ``analyse``: country and sector from such a phrase, using the gazetteers;
- ``nominals``: "the ambassador", "the alliance" — phrases that may refer back to an entity.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .. import gazetteer as gz
from .entity_spans import Cand, Unit

_CHAIN_GLUE = frozenset({"to", "of", "for", "at", "the", "'s", "’s"})
_PREPOSITIONS = frozenset({"to", "of", "for", "at"})
_ROLE_WORDS = frozenset(w for phrase in gz.PERSON_ROLES for w in phrase.split()) - _CHAIN_GLUE - {"in", "on"}
_CUT = frozenset({"to", "of", "for", "at", "in", "on", "with", "from", "and", ","})
_ORG_ROLES = gz.roles.ORG_ROLES
_ORG_ROLE_FIRST = gz.roles.ORG_ROLE_FIRST
_ORG_ROLE_WORDS = frozenset(w for phrase in _ORG_ROLES for w in phrase.split()) - _CHAIN_GLUE
_ROLE_HEADS = frozenset(phrase.split()[-1] for phrase in gz.PERSON_ROLES)  # "minister", ...
_WORD = re.compile(r"\w[\w.-]*(?:['’](?!s\b)\w+)*")
_MAX_CHAIN = 10


def _words(sdoc, t0: int, t1: int) -> list[str]:
    return [sdoc[t].lower_ for t in range(t0, t1)]


def title_before(unit: Unit, cand: Cand) -> str | None:
    """The role chain ending right before ``cand`` ("Chinese Ambassador to Russia")."""
    sdoc = unit.sdoc
    heads = gz.ROLE_FIRST if cand.label == "PERSON" else _ORG_ROLE_FIRST
    vocab = _ROLE_WORDS if cand.label == "PERSON" else _ORG_ROLE_WORDS
    t, first = cand.t0 - 1, cand.t0
    if t < 0 or sdoc[t].lower_ in _CHAIN_GLUE:
        return None
    while t >= 0 and cand.t0 - t <= _MAX_CHAIN:
        tok = sdoc[t]
        held = unit.owned(t)
        if held is not None and held is not cand and held.label in ("GPE", "NORP", "ORG"):
            first, t = held.t0, held.t0 - 1
            continue
        low = tok.lower_
        if tok.is_punct or low in gz.HONORIFICS or not (
                low in vocab or low in gz.TITLE_MODIFIERS or gz.nation_code(tok.text)
                or (low in _CHAIN_GLUE and _glue_fits(unit, t))):
            break
        first, t = t, t - 1
    while first < cand.t0 and sdoc[first].lower_ in _CHAIN_GLUE:
        first += 1
    if first >= cand.t0 or not gz.find_phrases(_words(sdoc, first, cand.t0), heads):
        return None
    end_tok = cand.t0 - 1
    while end_tok > first and sdoc[end_tok].lower_ in gz.HONORIFICS | {"."}:
        end_tok -= 1
    start, end = unit.span_chars(first, end_tok + 1)
    return " ".join(unit.text[start:end].split())


def _glue_fits(unit: Unit, t: int) -> bool:
    """A function word inside a title: "to [the] <place>", "<country> 's"."""
    sdoc, low = unit.sdoc, unit.sdoc[t].lower_
    if low in _PREPOSITIONS:
        k = t + 1 + (t + 1 < len(sdoc) and sdoc[t + 1].lower_ == "the")
        held = unit.owned(k) if k < len(sdoc) else None
        return held is not None and held.label in ("GPE", "NORP", "ORG")
    if low == "the":
        return t > 0 and sdoc[t - 1].lower_ in _PREPOSITIONS
    held = unit.owned(t - 1) if t > 0 else None  # possessive
    return held is not None and held.label in ("GPE", "NORP", "ORG")


def apposition(unit: Unit, cand: Cand) -> str | None:
    """The appositive role phrase of a PERSON: after ("X, the ...,") or before ("the ..., X")."""
    sdoc = unit.sdoc
    root = sdoc[cand.t0:cand.t1].root
    for child in root.children:
        if child.dep_ == "appos" and child.i >= cand.t1 and child.lower_ in _ROLE_HEADS:
            phrase = _phrase(unit, child.left_edge.i, child.right_edge.i + 1)
            if phrase:
                return phrase
    if root.dep_ == "appos" and root.head.i < cand.t0 and root.head.lower_ in _ROLE_HEADS:
        head = root.head
        end = cand.t0
        while end > head.i + 1 and sdoc[end - 1].is_punct:
            end -= 1
        return _phrase(unit, head.left_edge.i, end)
    return None


def _phrase(unit: Unit, t0: int, t1: int) -> str | None:
    sdoc = unit.sdoc
    for t in range(t0, t1):
        if sdoc[t].lower_ in ("who", "which", "that", "whose") or sdoc[t].text in ",;()":
            t1 = t
            break
    while t1 > t0 and sdoc[t1 - 1].is_punct:
        t1 -= 1
    if t1 <= t0 or t1 - t0 > 14:
        return None
    if not gz.find_phrases(_words(sdoc, t0, t1), gz.ROLE_FIRST):
        return None
    start, end = unit.span_chars(t0, t1)
    return " ".join(unit.text[start:end].split())


def describe(unit: Unit, cand: Cand) -> str | None:
    """The role phrase the article gives for ``cand`` here, or None."""
    if cand.label == "PERSON":
        return title_before(unit, cand) or apposition(unit, cand)
    if cand.label == "ORG":
        return title_before(unit, cand)
    return None


@dataclass(frozen=True, slots=True)
class RoleInfo:
    """What a role phrase says: its head role, the country, and the sector."""

    role: str | None
    country: str | None
    sector: str | None


def _affiliation(words: list[str]) -> tuple[str | None, str | None, bool]:
    """(country, sector, found) of what ``words`` name: a known organisation or seat of
    government first ("US Central Command" -> USA, MIL), else a nation or place."""
    n = len(words)
    for i in range(n):
        for j in range(min(n, i + 5), i, -1):
            name = " ".join(words[i:j])
            org = gz.org_info(name)
            if org is not None:
                return org.country or _nation(words[:i]), org.sector, True
            seat = gz.seat_info(name)
            if seat is not None:
                return seat[0], seat[1], True
    code = _nation(words)
    return code, None, code is not None


def _nation(words: list[str]) -> str | None:
    n = len(words)
    for i in range(n):
        for j in range(min(n, i + 3), i, -1):
            name = " ".join(words[i:j])
            code = gz.nation_code(name) or gz.place_code(name)
            if code is not None:
                return code
    return None


@lru_cache(maxsize=4096)
def analyse(description: str) -> RoleInfo:
    """Country and sector of the entity a role phrase describes.

    "Chinese Ambassador to Russia" -> (ambassador, CHN, DIP); "NATO Secretary General"
    -> (secretary general, None, IGO); "Prime Minister of Japan" -> (prime minister, JPN, GOV).
    """
    words = _WORD.findall(description)
    lower = [w.lower() for w in words]
    roles = gz.find_phrases(lower, gz.ROLE_FIRST) or gz.find_phrases(lower, _ORG_ROLE_FIRST)
    if not roles:
        return RoleInfo(None, None, None)
    inside = {i for a, b, _ in roles for i in range(a, b)}
    cut = next((i for i, w in enumerate(lower) if w in _CUT and i not in inside), len(lower))
    before = [r for r in roles if r[0] < cut]
    head = before[-1] if before else roles[0]
    country, org_sector, _ = _affiliation(words[:head[0]])
    if cut < len(words) and lower[cut] in ("of", "for", "at", "with"):
        after = words[cut + 1:]
        country_after, sector_after, _ = _affiliation(after)
        country = country or country_after
        org_sector = org_sector or sector_after or gz.org_head_sector(" ".join(after))
    return RoleInfo(head[2], country, _sector(head[2], roles, org_sector))


def _sector(head: str, roles: list[tuple[int, int, str]], org_sector: str | None) -> str | None:
    sector = gz.PERSON_ROLES.get(head) or _ORG_ROLES.get(head)
    if head in gz.GENERIC_ROLES:
        if org_sector:
            return org_sector
        specific = [gz.PERSON_ROLES[r] for _, _, r in roles if r not in gz.GENERIC_ROLES
                    and r in gz.PERSON_ROLES]
        if specific:
            return specific[0]
        if head in gz.roles.NO_SECTOR_ALONE:
            return None
    return sector


# -- nominal mentions -----------------------------------------------------------------------
_NOMINAL_SECTORS = frozenset({"DIP", "GOV", "LEG", "MIL", "JUD", "REL", "BUS", "MED", "EDU"})
_PLURAL_OK = frozenset({"ceo", "boss", "press", "chairwoman", "chairman", "sheikh"})
_ORG_NOUN_FIRST: dict[str, list[tuple[str, ...]]] = {}
for _noun in sorted({n for org in gz.ORGS for n in org.generic}, key=lambda n: -len(n.split())):
    _ORG_NOUN_FIRST.setdefault(_noun.split()[0], []).append(tuple(_noun.split()))


@dataclass(frozen=True, slots=True)
class Nominal:
    """A definite role or generic noun phrase ("the ambassador", "the alliance")."""

    start: int
    end: int
    noun: str
    kind: str  # "role" (a person) or "org" (a generic organisation noun)


def nominals(unit: Unit) -> list[Nominal]:
    """Definite nominal phrases that may refer to an entity named in the article."""
    sdoc, found = unit.sdoc, []
    for tok in sdoc:
        if tok.lower_ != "the" or tok.i + 1 >= len(sdoc) or unit.owner[tok.i + 1] >= 0:
            continue
        hit = _nominal_at(sdoc, tok.i + 1)
        if hit is None:
            continue
        end, noun, kind = hit
        start, stop = unit.span_chars(tok.i, end)
        found.append(Nominal(start, stop, noun, kind))
    return found


def _nominal_at(sdoc, t: int) -> tuple[int, str, str] | None:
    low = sdoc[t].lower_
    for phrase in gz.ROLE_FIRST.get(low, ()):
        end = t + len(phrase)
        if tuple(w.lower_ for w in sdoc[t:end]) != phrase:
            continue
        noun = " ".join(phrase)
        if gz.PERSON_ROLES[noun] not in _NOMINAL_SECTORS or noun.endswith("s") and noun not in _PLURAL_OK:
            return None
        return (end, noun, "role") if _free_after(sdoc, end) else None
    for phrase in _ORG_NOUN_FIRST.get(low, ()):
        end = t + len(phrase)
        if tuple(w.lower_ for w in sdoc[t:end]) == phrase:
            return (end, " ".join(phrase), "org") if _free_after(sdoc, end) else None
    return None


def _free_after(sdoc, end: int) -> bool:
    """Nothing after the noun makes it a different phrase ("the ambassador to ...", a name)."""
    if end >= len(sdoc):
        return True
    nxt = sdoc[end]
    if nxt.lower_ in ("of", "to", "for", "'s", "’s", "-") or nxt.pos_ in ("PROPN", "NOUN"):
        return False
    return not (nxt.text[:1].isupper() and nxt.is_alpha and not nxt.is_sent_start)
