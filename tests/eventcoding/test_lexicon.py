"""The event lexicon: well-formed entries, codes that agree with PLOVER, lookups."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from newsxray.eventcoding import codes
from newsxray.eventcoding.lexicon import (NOUN_ENTRIES, VERB_ENTRIES, LexiconError, all_entries, build,
                                          lookup, parse_line)

SHARED = Path(__file__).resolve().parents[3] / "shared" / "datasets" / "events"


def test_every_entry_has_a_plover_type_and_a_cameo_code_that_fit():
    entries = all_entries()
    assert len(entries) > 600
    for e in entries:
        assert e.type in codes.PLOVER_TYPES
        assert re.fullmatch(r"\d{3,4}", e.cameo), e
        assert codes.type_fits_root(e.type, e.cameo), (e.lemma, e.type, e.cameo)
        assert 0.0 < e.weight <= 1.0


def test_every_plover_type_and_every_cameo_root_from_02_to_20_is_covered():
    types = {e.type for e in all_entries()}
    assert types == set(codes.PLOVER_TYPES)
    roots = {e.cameo[:2] for e in all_entries()}
    assert {f"{i:02d}" for i in range(2, 21)} <= roots


def _table() -> dict[str, str]:
    path = SHARED / "CAMEO2PLOVER-2021.txt"
    if not path.exists():
        pytest.skip("../shared/datasets/events is not available")
    table: dict[str, str] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        m = re.match(r"^(\d{2,4}):\s*([A-Z]+)", line.strip())
        if m:
            table.setdefault(m.group(1), m.group(2))
    return table


def test_codes_agree_with_the_cameo_to_plover_table_except_documented_manual_choices():
    table = _table()
    for e in all_entries():
        if e.cameo[:2] == "02":  # appeals: PLOVER REQUEST here, "dropped" in the table
            continue
        found = next((table[k] for k in (e.cameo, e.cameo[:3], e.cameo[:2]) if k in table), None)
        manual = next((codes.MANUAL[k][0] for k in (e.cameo, e.cameo[:3]) if k in codes.MANUAL), None)
        if e.cameo[:2] == "08":
            assert e.type in ("CONCEDE", "RETREAT")
        else:
            assert e.type in {found, manual}, (e.lemma, e.type, e.cameo, found)


def test_verb_roots_mostly_agree_with_petrarch2_dictionary_headers():
    path = SHARED / "cameo-dictionaries" / "CAMEO.2.0.txt"
    if not path.exists():
        pytest.skip("../shared/datasets/events is not available")
    text = path.read_text(encoding="utf-8", errors="replace")
    heads = {m.group(1).lower(): m.group(2) for m in
             re.finditer(r"^---\s+([A-Z_]+)\s+\[(\d+)(?::\d+)?\]\s+---", text, re.M)}
    shared = [(lemma, entries) for lemma, entries in VERB_ENTRIES.items() if lemma in heads
              and any(e.specificity == 0 for e in entries)]
    assert len(shared) >= 50
    agree = sum(next(e for e in entries if e.specificity == 0).cameo[:2] == heads[lemma][:2]
                for lemma, entries in shared)
    assert agree / len(shared) >= 0.65


def test_specific_entries_win_over_bare_ones():
    assert lookup(VERB_ENTRIES, "lift", objects=frozenset({"sanction"})).type == "RETREAT"
    assert lookup(VERB_ENTRIES, "lift", objects=frozenset({"curfew"})).cameo == "0813"
    assert lookup(VERB_ENTRIES, "call", preps=frozenset({"for"})).frame == "appeal"
    assert lookup(VERB_ENTRIES, "call", preps=frozenset({"on"})).tgt == ("on", "upon")
    assert lookup(VERB_ENTRIES, "call", objects=frozenset({"counterpart"})).type == "CONSULT"
    assert lookup(VERB_ENTRIES, "call") is None
    assert lookup(VERB_ENTRIES, "break", particle="off", objects=frozenset({"relation"})).cameo == "161"
    assert lookup(NOUN_ENTRIES, "strike", mods=frozenset({"hunger"})).cameo == "142"
    assert lookup(NOUN_ENTRIES, "strike").type == "ASSAULT"
    assert lookup(VERB_ENTRIES, "meet").has("sym")


def test_parse_line_reads_all_parts_and_rejects_bad_lines():
    (entry,) = parse_line("pull out ~of +troop|force = RETREAT/withdraw 087 tgt=from w=0.6 sym")
    assert (entry.lemma, entry.particles, entry.preps, entry.objects) == (
        "pull", frozenset({"out"}), frozenset({"of"}), frozenset({"troop", "force"}))
    assert (entry.type, entry.mode, entry.cameo, entry.tgt, entry.weight) == ("RETREAT", "withdraw", "087", ("from",), 0.6)
    assert entry.has("sym") and entry.specificity == 7
    assert {e.lemma for e in parse_line("meet|convene = CONSULT 040")} == {"meet", "convene"}
    for bad in ("meet CONSULT 040", "meet = CONSULTATION 040", "meet = CONSULT x40",
                "meet = CONSULT 040 frame=wish", "meet = CONSULT 040 loud"):
        with pytest.raises(LexiconError):
            parse_line(bad)
    table = build("# comment\nmeet = CONSULT 040\nmeet +demand = CONCEDE 083\n")
    assert [e.type for e in table["meet"]] == ["CONCEDE", "CONSULT"]
