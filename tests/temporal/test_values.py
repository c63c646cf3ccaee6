"""Calendar values and TIMEX3 strings (no text, no parse)."""
from __future__ import annotations

from datetime import date

import pytest

from newsxray.temporal.values import Cal, duration, parse_dct


def test_granularities_print_as_timex3():
    day = Cal.of_date(date(2023, 8, 5))
    assert day.timex() == "2023-08-05"
    assert day.at("M").timex() == "2023-08"
    assert day.at("Y").timex() == "2023"
    assert day.at("Q").timex() == "2023-Q3"
    assert day.at("H").timex() == "2023-H2"
    assert day.at("W").timex() == "2023-W31"
    assert day.at("WE").timex() == "2023-W31-WE"
    assert day.at("S").timex() == "2023-SU"
    assert day.at("E").timex() == "202"
    assert day.at("C").timex() == "20"


def test_unknown_year_stays_open():
    assert Cal("M", None, 5).timex() == "XXXX-05"
    assert Cal("D", None, 12, 25).timex() == "XXXX-12-25"
    assert Cal("Y", None).timex() == "XXXX"
    assert Cal("M", None, 5).shift(-1, "Y").timex() == "XXXX-05"


@pytest.mark.parametrize("start, n, unit, gran, expected", [
    (date(2024, 1, 3), -1, "M", "M", "2023-12"),      # across the year boundary
    (date(2024, 1, 3), -1, "Q", "Q", "2023-Q4"),
    (date(2023, 12, 30), 1, "M", "M", "2024-01"),
    (date(2023, 12, 30), 1, "D", "D", "2023-12-31"),
    (date(2023, 12, 31), 1, "D", "D", "2024-01-01"),
    (date(2024, 3, 31), -1, "M", "D", "2024-02-29"),  # clipped to the month's last day
    (date(2023, 8, 5), -14, "D", "D", "2023-07-22"),
    (date(2023, 8, 5), -1, "Y", "Q", "2022-Q3"),
    (date(2021, 1, 1), -1, "W", "W", "2020-W52"),
])
def test_shift(start, n, unit, gran, expected):
    assert Cal.of_date(start, gran).shift(n, unit).timex() == expected


@pytest.mark.parametrize("amount, unit, expected", [
    (2, "W", "P2W"), (3, "H", "PT3H"), (90, "MIN", "PT90M"), (None, "Y", "PXY"), (None, "H", "PTXH"),
    (2.5, "Y", "P2Y6M"), (1.5, "MIN", "PT1M30S"), (1, "E", "P10Y"), (3, "Q", "P9M"), (1.5, "D", "P1DT12H"),
])
def test_duration_strings(amount, unit, expected):
    assert duration(amount, unit) == expected


def test_publication_dates():
    assert parse_dct("2023-08-05") == date(2023, 8, 5)
    assert parse_dct("2023-08-05T10:00:00+00:00") == date(2023, 8, 5)
    assert parse_dct(None) is None
    assert parse_dct("last Tuesday") is None
