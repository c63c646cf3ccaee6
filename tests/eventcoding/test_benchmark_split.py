"""The PETRARCH validation benchmark's scoring rules: the family-level split, unscorable
records, appeals scored as REQUEST (reads ../shared/datasets/events at test time)."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parents[2] / "benchmarks"
sys.path.insert(0, str(BENCH))
petr = pytest.importorskip("petrarch_records")

if not petr.RECORDS.exists():
    pytest.skip("../shared/datasets/events is not available", allow_module_level=True)


@pytest.fixture(scope="module")
def records():
    return petr.load_records()


def test_near_identical_variants_stay_on_one_side_of_the_split(records):
    halves = petr.half_of(records)
    assert set(halves) == {"analysis", "heldout"}
    assert 0.3 < halves.count("heldout") / len(halves) < 0.7
    side = {}
    for family, half in zip(petr.families(records), halves):
        assert side.setdefault(family, half) == half
    by_id = {r.id: h for r, h in zip(records, halves)}
    assert by_id["COMMA-01"] == by_id["COMMA-03"]  # the same template sentence


def test_input_error_tests_and_non_cameo_gold_are_unscorable(records):
    by_id = {r.id: r for r in records}
    assert by_id["ERROR-02"].unscorable and not by_id["ERROR-02"].events
    assert by_id["DEMO-24"].unscorable  # gold 212: a WEIS code, CAMEO has no root 21
    assert not by_id["DEMO-01"].unscorable
    assert petr.is_cameo("0871") and not petr.is_cameo("212") and not petr.is_cameo("915")


def test_appeals_are_requests_and_statements_have_no_type():
    table = petr.load_table()
    assert petr.plover_of("023", table) == "REQUEST"
    assert petr.plover_of("1053", table) == "REQUEST"
    assert petr.plover_of("010", table) is None
    assert petr.plover_of("0871", table) in ("RETREAT", "CONCEDE")
