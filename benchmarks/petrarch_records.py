"""Readers for the PETRARCH2 validation material in ../shared/datasets/events (read at run
time, never copied): the coded sentences, the validation suite's actor dictionary and the
CAMEO -> PLOVER translation table.
"""
from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path

DATA = Path(__file__).resolve().parents[2] / "shared" / "datasets" / "events"
RECORDS = DATA / "PETR_Validate_records_2_02.xml"
ACTORS = DATA / "cameo-dictionaries" / "PETR.Validate.actors.txt"
TABLE = DATA / "CAMEO2PLOVER-2021.txt"


@dataclass
class Gold:
    code: str
    source: str | None
    target: str | None


@dataclass
class Record:
    id: str
    category: str
    text: str
    date: str | None
    events: list[Gold] = field(default_factory=list)
    error: bool = False  # the record tests PETRARCH's handling of a bad input parse

    @property
    def unscorable(self) -> bool:
        """No CAMEO gold to score against: an input-error test, or gold codes that are not
        CAMEO codes at all (the suite's verb dictionary is partly WEIS: 212, 222, 345, 915)."""
        return self.error or (bool(self.events) and not any(is_cameo(g.code) for g in self.events))


def is_cameo(code: str) -> bool:
    """A code whose root is one of CAMEO's twenty (01..20)."""
    return len(code) >= 3 and "01" <= code[:2] <= "20"


def _iso(date: str | None) -> str | None:
    if date and re.fullmatch(r"\d{8}", date):
        return f"{date[:4]}-{date[4:6]}-{date[6:]}"
    return None


def load_records(path: Path = RECORDS) -> list[Record]:
    """Sentences marked ``evaluate="true"`` with their gold event codings."""
    from lxml import etree

    tree = etree.parse(str(path), etree.XMLParser(recover=True))
    out = []
    for node in tree.iter("Sentence"):
        if node.get("evaluate") != "true":
            continue
        text = (node.findtext("Text") or "").strip()
        if not text:
            continue
        rec = Record(node.get("id", ""), node.get("category", ""), text, _iso(node.get("date")))
        for coding in node.findall("EventCoding"):
            rec.error |= coding.get("error") is not None
            code = coding.get("eventcode")
            if code and code.isdigit():
                rec.events.append(Gold(code, coding.get("sourcecode"), coding.get("targetcode")))
        out.append(rec)
    return out


# -- the validation suite's actor dictionary ---------------------------------------------------
_CODE = re.compile(r"\[([^\]\s<>]+)\s*([<>])?\s*(\d{6,8})?(?:\s*-\s*(\d{6,8}))?\s*\]")


def _day(value: str) -> str:
    return value if len(value) == 8 else ("19" if int(value[:2]) > 30 else "20") + value


def _pick(codes: list[tuple], date: str | None) -> str | None:
    """The code an entry gives on ``date`` (YYYYMMDD) from its date-restricted blocks."""
    default = None
    for code, op, first, last in codes:
        if not first:
            default = default or code
            continue
        if date is None:
            continue
        lo = _day(first)
        if (op == "<" and date < lo) or (op == ">" and date > lo) or (
                not op and last and lo <= date <= _day(last)):
            return code
    return default or (codes[-1][0] if codes else None)


def load_actors(path: Path = ACTORS) -> list[tuple[str, list[tuple]]]:
    """(phrase, code blocks) pairs: every name and its "+" synonyms."""
    entries: list[tuple[list[str], list[tuple]]] = []
    for raw in path.read_text(encoding="utf-8", errors="replace").splitlines():
        line = raw.split("#", 1)[0].rstrip()
        if not line.strip() or line.lstrip().startswith("<"):
            continue
        codes = [m.groups() for m in _CODE.finditer(line)]
        name = _CODE.sub("", line).strip()
        if line[0] in " \t" and codes and entries:
            entries[-1][1].extend(codes)
        elif name.startswith("+") and entries:
            entries[-1][0].append(name[1:].strip())
        elif name:
            entries.append(([name], list(codes)))
    out = []
    for names, codes in entries:
        for name in names:
            phrase = " ".join(name.replace("_", " ").split()).lower()
            if phrase:
                out.append((phrase, codes))
    out.sort(key=lambda p: -len(p[0]))
    return out


def actor_code(text: str | None, actors: list[tuple[str, list[tuple]]], date: str | None) -> str | None:
    """The code of the longest dictionary phrase in ``text``."""
    if not text:
        return None
    low = " " + " ".join(text.lower().replace("'s", " ").replace("’s", " ").split()) + " "
    day = date.replace("-", "") if date else None
    for phrase, codes in actors:
        if f" {phrase} " in low or f" {phrase}s " in low:
            return _pick(codes, day)
    return None


# -- CAMEO -> PLOVER -------------------------------------------------------------------------
def load_table(path: Path = TABLE) -> dict[str, str]:
    """CAMEO code -> PLOVER type (roots 01 and 02 have none)."""
    table: dict[str, str] = {}
    for raw in path.read_text(encoding="utf-8").splitlines():
        m = re.match(r"^(\d{2,4}):\s*([A-Z]+)", raw.strip())
        if m:
            table.setdefault(m.group(1), m.group(2))
    return table


def plover_of(code: str, table: dict[str, str]) -> str | None:
    """The PLOVER type of a gold CAMEO code. The translation table drops root 02 (appeals),
    but the manual's REQUEST is "all requests, demands, and orders" (section 3.8), so an
    appeal is scored as REQUEST; root 01 (statements) has no type."""
    if code[:2] == "02":
        return "REQUEST"
    for key in (code, code[:3], code[:2]):
        if key in table:
            return table[key]
    return None


# -- a family-level split: analysis half and held-out half --------------------------------
def _words(text: str) -> frozenset[str]:
    return frozenset(re.findall(r"[a-z]+", text.lower()))


def families(records: list[Record], threshold: float = 0.8) -> list[int]:
    """A family number per record: records whose word sets overlap by Jaccard >= threshold
    (the suite's many variants of one template sentence) are in the same family."""
    words = [_words(r.text) for r in records]
    parent = list(range(len(records)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i in range(len(records)):
        for j in range(i + 1, len(records)):
            a, b = words[i], words[j]
            if len(a & b) >= threshold * len(a | b):
                parent[find(i)] = find(j)
    return [find(i) for i in range(len(records))]


def half_of(records: list[Record]) -> list[str]:
    """"analysis" or "heldout" for each record: whole families go to one side, by a hash of
    the family's first record id (fixed before any tuning; no record is moved by hand)."""
    fam = families(records)
    first: dict[int, str] = {}
    for rec, f in zip(records, fam):
        first.setdefault(f, rec.id)
    return ["analysis" if int(hashlib.md5(first[f].encode()).hexdigest(), 16) % 2 == 0 else "heldout"
            for f in fam]
