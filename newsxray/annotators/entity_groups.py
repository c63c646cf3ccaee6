"""One group of mentions per real-world referent.

Mentions are keyed (a country by its ISO3, a known organisation by its canonical name,
other names by type and normal form), then keys are joined:
- a person's partial name joins the one full name it is the start or end of
  ("Kishida" -> "Fumio Kishida"); two full names sharing it leave it alone;
- an acronym joins its long form when the article defines it ("North Atlantic Treaty
  Organization (NATO)") or when its letters are the long form's initials;
- a definite role phrase ("the ambassador") joins the person it most plausibly refers to,
  a generic noun ("the alliance") the one organisation of the article it can mean.
"""
from __future__ import annotations

import re
from collections import defaultdict

from .. import gazetteer as gz
from .entity_roles import Nominal, analyse
from .entity_spans import Cand

_ACRONYM = re.compile(r"\s*\(\s*([A-Z][A-Za-z0-9&.\-]{1,11})\s*\)")
_SMALL = frozenset({"of", "the", "and", "for", "on", "in", "to", "de", "du", "des", "&"})
_PLACE_TYPES = frozenset({"GPE", "LOC", "FAC"})


def _words(text: str) -> tuple[str, ...]:
    return tuple(gz.norm(text).split())


_ARTICLE = re.compile(r"^(?:al|el|al'|el')-(?=\w)")


def _person_words(text: str) -> tuple[str, ...]:
    """Name words without an Arabic article prefix: "Bashar al-Assad" -> (bashar, assad)."""
    return tuple(_ARTICLE.sub("", word) for word in _words(text) if word not in ("al", "el"))


def key_of(cand: Cand) -> tuple:
    """The grouping key of a mention."""
    text = cand.text
    if cand.label == "PERSON":
        return ("PERSON",) + (_person_words(text) or _words(text))
    if cand.kind == "country":
        return ("C", cand.payload)
    if cand.kind == "org":
        return ("O", cand.payload.name, cand.label == "NORP")
    if cand.kind in ("seat", "region"):
        return (cand.kind, gz.norm(text))
    if cand.label == "NORP":
        code = gz.demonym_code(text)
        return ("N", code) if code else ("NORP", gz.norm(text))
    cls = "PLACE" if cand.label in _PLACE_TYPES else cand.label
    return (cls, gz.norm(text))


class _Joins:
    """Union-find over keys."""

    def __init__(self) -> None:
        self.parent: dict[tuple, tuple] = {}

    def find(self, key: tuple) -> tuple:
        self.parent.setdefault(key, key)
        while self.parent[key] != key:
            self.parent[key] = self.parent[self.parent[key]]
            key = self.parent[key]
        return key

    def join(self, a: tuple, b: tuple) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[ra] = rb


def _join_persons(keys: set[tuple], joins: _Joins) -> None:
    persons = sorted((k for k in keys if k[0] == "PERSON" and len(k) > 1), key=len, reverse=True)
    for i, short in enumerate(persons):
        n = len(short) - 1
        roots = {joins.find(long) for long in persons[:i]
                 if len(long) - 1 > n and (long[1:n + 1] == short[1:] or long[-n:] == short[1:])}
        if len(roots) == 1:
            joins.join(short, roots.pop())


def _initials(text: str) -> str:
    return "".join(w[0] for w in re.split(r"[\s\-]+", text) if w and w.lower() not in _SMALL
                   and w[0].isalpha()).upper()


def _abbreviates(word: str, initials: str) -> bool:
    """An acronym of a long form with these initials: "NATO", "Nato", "OPEC", not "Parent"."""
    letters = word.replace(".", "").replace("-", "")
    if not letters or letters[0].upper() != initials[:1]:
        return False
    if letters.isupper():
        return True
    return letters.upper() == initials[:len(letters)] and len(letters) <= 6


def defined_acronyms(cands: list[Cand], text: str) -> dict[str, Cand]:
    """Acronyms the article defines after a long form: "North Atlantic ... (NATO)"."""
    found: dict[str, Cand] = {}
    for cand in cands:
        if cand.label in ("PERSON", "NORP", "GPE") or " " not in cand.text:
            continue
        match = _ACRONYM.match(text, cand.end)
        if match and _abbreviates(match.group(1), _initials(cand.text)):
            found.setdefault(match.group(1), cand)
    return found


def _join_acronyms(cands: list[Cand], keys: dict[int, tuple], acronyms: dict[str, Cand],
                   joins: _Joins) -> None:
    long_forms: dict[str, set[tuple]] = defaultdict(set)
    for cand in cands:
        if cand.label == "ORG" and " " in cand.text:
            long_forms[_initials(cand.text)].add(keys[id(cand)])
    for cand in cands:
        word = cand.text.replace(".", "")
        if cand.label != "ORG" or " " in word or not (2 <= len(word) <= 8 and word.isupper()):
            continue
        if word in acronyms:
            joins.join(keys[id(cand)], keys[id(acronyms[word])])
        elif len({joins.find(k) for k in long_forms.get(word, ())}) == 1:
            joins.join(keys[id(cand)], next(iter(long_forms[word])))


def group(cands: list[Cand], acronyms: dict[str, Cand]) -> list[list[Cand]]:
    """Mentions grouped by referent, groups in order of first mention."""
    keys = {id(c): key_of(c) for c in cands}
    joins = _Joins()
    for key in keys.values():
        joins.find(key)
    _join_persons(set(keys.values()), joins)
    _join_acronyms(cands, keys, acronyms, joins)
    groups: dict[tuple, list[Cand]] = {}
    for cand in sorted(cands, key=lambda c: (c.start, -c.end)):
        groups.setdefault(joins.find(keys[id(cand)]), []).append(cand)
    return list(groups.values())


# -- nominal phrases ---------------------------------------------------------------------
def _last_before(group: list[Cand], start: int) -> int:
    return max((c.end for c in group if c.end <= start), default=-1)


def link_nominals(groups: list[list[Cand]], descriptions: list[list[str]], nominals: list[Nominal],
                  sentence_starts: list[int]) -> dict[int, list[Nominal]]:
    """Which group each nominal refers to: {group index: [nominals]}.

    A role phrase goes to the person whose description has that head role and who was named
    before it: the only such person, or the most recent one if it was named in this or the
    previous sentence and no other candidate was named since that sentence began.
    A generic organisation noun goes to the only known organisation of the article that
    takes it.
    """
    linked: dict[int, list[Nominal]] = defaultdict(list)
    for nominal in nominals:
        target = (_role_target if nominal.kind == "role" else _org_target)(
            groups, descriptions, nominal, sentence_starts)
        if target is not None:
            linked[target].append(nominal)
    return linked


def _role_target(groups, descriptions, nominal: Nominal, sentence_starts: list[int]) -> int | None:
    found = []
    for i, (group, phrases) in enumerate(zip(groups, descriptions)):
        if phrases and any(c.label == "PERSON" for c in group) \
                and any(analyse(p).role == nominal.noun for p in phrases):
            last = _last_before(group, nominal.start)
            if last >= 0:
                found.append((last, i))
    if len(found) <= 1:
        return found[0][1] if found else None
    found.sort(reverse=True)
    window = _sentence_start(sentence_starts, nominal.start, back=1)
    if found[0][0] >= window and found[1][0] < window:
        return found[0][1]
    return None


def _sentence_start(starts: list[int], offset: int, back: int) -> int:
    before = [s for s in starts if s <= offset]
    if not before:
        return 0
    return before[max(0, len(before) - 1 - back)]


def _org_target(groups, descriptions, nominal: Nominal, sentence_starts) -> int | None:
    found = set()
    for i, group in enumerate(groups):
        for cand in group:
            if cand.kind == "org" and nominal.noun in cand.payload.generic:
                found.add(i)
                break
    if len(found) != 1:
        return None
    target = found.pop()
    return target if _last_before(groups[target], nominal.start) >= 0 else None
