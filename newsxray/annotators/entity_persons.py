"""Rules about people: the names the small model misses, splits or mistypes.

- a capitalised 1-3 token name right after a role phrase or honorific is a person
  ("Chinese Ambassador to Russia Zhang Hanhui", "Mr Tomita"; after "news agency" an ORG);
- a PERSON span loses a leading title, number tokens (split there) and trailing
  lower-case words; two PERSON spans separated by a space are one name;
- a name before an age ("Wang, 45,") or starting with a common given name is a person;
- document level: a single word the model typed ORG/GPE/... that starts or ends a full
  name given elsewhere is that person ("Kishida"), a surname the model did not tag at all
  is tagged, and one name typed differently across the article gets its majority type.
"""
from __future__ import annotations

import re
from collections import Counter

from .. import gazetteer as gz
from ..gazetteer.given_names import GIVEN_NAMES
from .entity_spans import Cand, Unit

_CONNECTORS = frozenset({"to", "of", "for", "at"})
_NOT_NAMES = frozenset({
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december", "monday", "tuesday", "wednesday", "thursday",
    "friday", "saturday", "sunday", "i", "ii", "iii", "iv", "jr", "jr.", "sr", "sr.",
    "the", "and", "or", "said", "says", "told", "on", "in", "at",
})
_ROLE_WORDS = frozenset(w for phrase in gz.PERSON_ROLES for w in phrase.split())
_PARTICLES = frozenset({"bin", "al", "al-", "el", "de", "del", "della", "der", "van", "von",
                        "da", "das", "dos", "du", "di", "la", "le", "ibn", "ben", "abu", "y"})
# role words that are also given names: never stripped from or taken as a title of a name
_NAME_LIKE_ROLES = frozenset({"dean", "bishop", "judge", "chancellor", "marshal", "king", "prince",
                              "major", "rector", "governor", "speaker", "chief", "cardinal",
                              "deputy", "forward", "player", "chair", "head"})
_TITLE_STARTS = (frozenset(gz.ROLE_FIRST) | gz.HONORIFICS | frozenset(gz.roles.ORG_ROLE_FIRST)) - _NAME_LIKE_ROLES
_ORG_WORDS = frozenset(w for phrase in gz.roles.ORG_HEADS for w in phrase.split()) - {"united", "city"}


def namelike(tok) -> bool:
    """A capitalised word that can be part of a person's name (not a role, place, month)."""
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
        if namelike(tok):
            names += 1
        elif not (tok.lower_ in _PARTICLES and names and k + 1 < len(sdoc) and namelike(sdoc[k + 1])):
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
        parts = [p for p in parts if p and any(sdoc[t].text[:1].isupper() for t in p)]
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


_AGE = re.compile(r"\s*,\s*(?:aged\s+)?\d{1,3}\s*,")


def aged_persons(unit: Unit) -> None:
    """A name followed by an age is a person: "Wang, 45, was sentenced" (model: ORG)."""
    for cand in unit.live():
        if cand.label != "PERSON" and cand.kind is None and _AGE.match(unit.text, cand.end) \
                and all(namelike(unit.sdoc[t]) or unit.sdoc[t].is_lower for t in range(cand.t0, cand.t1)):
            cand.label, cand.source = "PERSON", "rule"


def named_persons(unit: Unit) -> None:
    """A 2-3 word name the model typed ORG/GPE/FAC/OTHER that starts with a common given
    name is a person ("Kirsty Rosse-Emile"), unless a word says organisation or place."""
    sdoc = unit.sdoc
    for cand in unit.live():
        if cand.label == "PERSON" or cand.kind is not None or cand.label == "NORP":
            continue
        words = cand.text.split()
        if 2 <= len(words) <= 3 and words[0] in GIVEN_NAMES \
                and all(namelike(sdoc[t]) or sdoc[t].text in "-." for t in range(cand.t0, cand.t1)):
            cand.label, cand.source = "PERSON", "rule"


def join_split_persons(unit: Unit) -> None:
    """Two PERSON spans separated only by spaces are one name ("Jens" "Stoltenberg")."""
    persons = [c for c in unit.live() if c.label == "PERSON"]
    for left, right in zip(persons, persons[1:]):
        gap = unit.text[left.end:right.start]
        if left.t1 == right.t0 and not gap.strip() and "\n" not in gap:
            unit.replace(unit.make(left.t0, right.t1, "PERSON", source="rule"))


def strip_title(unit: Unit, cand: Cand) -> None:
    """A PERSON span that starts with a role word or honorific keeps only the name."""
    sdoc, t0 = unit.sdoc, cand.t0
    while t0 < cand.t1 - 1 and ((sdoc[t0].lower_ in _ROLE_WORDS and sdoc[t0].lower_ not in _NAME_LIKE_ROLES)
                                or sdoc[t0].lower_ in gz.HONORIFICS or sdoc[t0].text == "."):
        t0 += 1
    if t0 > cand.t0 and namelike(sdoc[t0]):
        start = unit.offset + sdoc[t0].idx
        for t in range(cand.t0, t0):
            unit.owner[t] = -1
        cand.t0, cand.start, cand.text = t0, start, unit.text[start:cand.end]


def person_variants(units: list[Unit]) -> None:
    """Names the model typed ORG/GPE/LOC/OTHER that name a person of the article: a word
    that starts or ends a full name given elsewhere ("Kishida" beside "Fumio Kishida"),
    unless the model typed it non-person more often than it named that person (a firm
    named after its founder: "Pirelli"); any name a rule found to be a person elsewhere
    (after a title, before an age). Then surnames the model did not tag at all."""
    parts: Counter = Counter()
    surnames: set[str] = set()
    strong: set[str] = set()
    for unit in units:
        for cand in unit.live():
            words = cand.text.split()
            if cand.label == "PERSON" and len(words) > 1:
                parts.update({words[0], words[-1]})
                surnames.add(words[-1])
            if cand.label == "PERSON" and cand.source == "rule":
                strong.add(cand.text)
    others: dict[str, list[Cand]] = {}
    for unit in units:
        for cand in unit.live():
            if cand.label in ("PERSON", "NORP") or cand.kind is not None:
                continue
            if cand.text in strong or (" " not in cand.text and cand.text in parts):
                others.setdefault(cand.text, []).append(cand)
    for word, cands in others.items():
        if word in strong or (len(cands) <= parts[word] and not (gz.place_code(word) or gz.nation_code(word))):
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


_LABEL_ORDER = ("PERSON", "GPE", "ORG", "LOC", "NORP", "FAC", "EVENT", "OTHER")


def harmonise(units: list[Unit]) -> None:
    """The same name typed differently by the model in one article gets its most frequent
    type ("Idlib" GPE x7, ORG x4 -> GPE); a 2-3 word name whose last word the model calls
    a PERSON elsewhere is a PERSON ("Ramzan Kadyrov" FAC, "Kadyrov" PERSON)."""
    votes: dict[str, Counter] = {}
    for unit in units:
        for cand in unit.live():
            if (cand.kind is None and cand.source == "model") or cand.kind == "place":
                votes.setdefault(cand.text, Counter())[cand.label] += 1
    persons = {text for text, count in votes.items() if count["PERSON"] and " " not in text}
    for unit in units:
        for cand in unit.live():
            count = votes.get(cand.text)
            if count is None or cand.kind is not None or cand.source != "model":
                continue
            words = cand.text.split()
            if cand.label != "PERSON" and 1 < len(words) <= 3 and words[-1] in persons \
                    and all(namelike(unit.sdoc[t]) or unit.sdoc[t].is_lower for t in range(cand.t0, cand.t1)):
                cand.label = "PERSON"
            elif len(count) > 1:
                cand.label = _vote(cand.text, count)


def _vote(text: str, count: Counter) -> str:
    if count["GPE"] and "PERSON" not in count and gz.place_code(text):
        return "GPE"  # a known place the model also calls a place ("Idlib" GPE/ORG)
    return max(count, key=lambda label: (count[label], -_LABEL_ORDER.index(label)))
