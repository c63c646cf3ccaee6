"""brat standoff: a directory with ``<id>.txt`` (the article text, exactly) and ``<id>.ann`` per
article, plus ``annotation.conf`` declaring every type, relation and attribute used.

``.ann`` lines: ``T`` text-bound spans (entity mentions typed PERSON/ORG/..., Quote, Speaker,
Cue, Timex, Claim, the PLOVER type of event triggers, technique names, Source) with exact
character offsets (a span crossing a line break is written as fragments ``s1 e1;s2 e2``);
``A`` attributes (QuoteKind, TimexType, CheckWorthy, SourceKind, Country); ``R`` relations
(SaidBy quote → speaker, HasCue quote → cue); ``#`` AnnotatorNotes (entity id and name, timex
value, scores). brat type names allow no commas, so ``Name_Calling,Labeling`` is written
``Name_Calling-Labeling`` (likewise ``Whataboutism-Straw_Men-Red_Herring``, ``Exaggeration-Minimisation``).
"""
from __future__ import annotations

import re
from collections import defaultdict
from pathlib import Path

from .spans import labelled

_UNSAFE_TYPE = re.compile(r"[^A-Za-z0-9_-]")
_UNSAFE_NAME = re.compile(r"[^A-Za-z0-9._-]")
_TABS = re.compile(r"[\t\r\n]")
FIXED_ATTRIBUTES = {"QuoteKind": ("Quote", ("direct", "indirect", "mixed")),
                    "TimexType": ("Timex", ("DATE", "TIME", "DURATION", "SET")),
                    "SourceKind": ("Source", ("attribution", "link", "listed"))}


def brat_type(label: str) -> str:
    return _UNSAFE_TYPE.sub("-", label) or "OTHER"


def fragments(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """``(start, end)`` pieces of a span that contain no line break (brat spans cannot cross one)."""
    out, begin = [], start
    for n in range(start, end):
        if text[n] == "\n":
            if n > begin:
                out.append((begin, n))
            begin = n + 1
    if end > begin:
        out.append((begin, end))
    return out or [(start, end)]


class BratWriter:
    def __init__(self, out: Path, *, layers: frozenset[str] | None = None) -> None:
        self.out, self.layers = out, layers
        self.names: set[str] = set()
        self.types: set[str] = set()
        self.values: dict[str, set[str]] = defaultdict(set)

    def _name(self, ident: str | None) -> str:
        base = _UNSAFE_NAME.sub("_", str(ident or "article"))[:100] or "article"
        name, n = base, 1
        while name in self.names:
            n += 1
            name = f"{base}-{n}"
        self.names.add(name)
        return name

    def write(self, record: dict) -> int:
        text = record["text"]
        spans, relations = labelled(record, self.layers)
        name = self._name(record.get("id"))
        (self.out / f"{name}.txt").write_text(text, encoding="utf-8", newline="")
        (self.out / f"{name}.ann").write_text(self._ann(text, spans, relations), encoding="utf-8", newline="\n")
        return 1

    def _ann(self, text: str, spans: list[dict], relations: list[tuple[str, str, str]]) -> str:
        lines, tid, counters = [], {}, defaultdict(int)
        for span in spans:
            kind = brat_type(span["label"])
            self.types.add(kind)
            tid[span["key"]] = t = f"T{len(tid) + 1}"
            pieces = fragments(text, span["start"], span["end"])
            where = ";".join(f"{s} {e}" for s, e in pieces)
            words = " ".join(_TABS.sub(" ", text[s:e]) for s, e in pieces)
            lines.append(f"{t}\t{kind} {where}\t{words}")
            for attr, value in span["attrs"].items():
                counters["A"] += 1
                if value is True:
                    lines.append(f"A{counters['A']}\t{attr} {t}")
                else:
                    self.values[attr].add(str(value))
                    lines.append(f"A{counters['A']}\t{attr} {t} {value}")
            if span["note"]:
                counters["#"] += 1
                lines.append(f"#{counters['#']}\tAnnotatorNotes {t}\t{_TABS.sub(' ', span['note'])}")
        for n, (label, source, target) in enumerate(relations, 1):
            lines.append(f"R{n}\t{label} Arg1:{tid[source]} Arg2:{tid[target]}")
        return "".join(line + "\n" for line in lines)

    def close(self) -> None:
        (self.out / "annotation.conf").write_text(self.conf(), encoding="utf-8")

    def conf(self) -> str:
        types = sorted(self.types | {"Quote", "Speaker", "Cue"})
        lines = ["[entities]", *types, "", "[relations]", "SaidBy Arg1:Quote, Arg2:Speaker",
                 "HasCue Arg1:Quote, Arg2:Cue", "<OVERLAP> Arg1:<ENTITY>, Arg2:<ENTITY>, <OVL-TYPE>:<ANY>", "",
                 "[events]", "", "[attributes]", "CheckWorthy Arg:Claim"]
        for attr, (arg, values) in FIXED_ATTRIBUTES.items():
            lines.append(f"{attr} Arg:{arg}, Value:{'|'.join(sorted(set(values) | self.values[attr]))}")
        if self.values["Country"]:
            lines.append(f"Country Arg:<ENTITY>, Value:{'|'.join(sorted(self.values['Country']))}")
        return "\n".join(lines) + "\n"
