"""Recognition and normalisation on sentences written for these tests, without the parse
(``find_timexes`` reads a bare string): values, spans, anchoring and the vetoes that the
words alone decide. The vetoes that need the parse are in test_timexes_parse.py."""
from __future__ import annotations

import pytest

from newsxray.temporal import find_timexes


def read(text: str, published: str | None = None) -> list[tuple[str, str, str, str | None]]:
    return [(text[t.start:t.end], t.type, t.value, t.mod) for t in find_timexes(text, published=published)]


def values(text: str, published: str | None = None) -> dict[str, str]:
    return {span: value for span, _, value, _ in read(text, published)}


# -- the expressions of the issue ---------------------------------------------------------
@pytest.mark.parametrize("text, span, value, mod", [
    ("He spoke to reporters on August 3 in Geneva.", "August 3", "2023-08-03", None),
    ("Back in May, the ministry announced a plan.", "May", "2023-05", None),
    ("In late January, the two leaders met in Tokyo.", "late January", "2023-01", "END"),
    ("Earlier this year, the council changed its rules.", "Earlier this year", "2023", None),
    ("Last Tuesday, a patrol boat shadowed the ship.", "Last Tuesday", "2023-08-01", None),
    ("Two weeks ago, ministers agreed on a plan.", "Two weeks ago", "2023-W29", None),
    ("Cooperation flourished in the 1990s.", "the 1990s", "199", None),
    ("The treaty will be signed next month.", "next month", "2023-09", None),
    ("Unemployment now stands at 4 percent.", "now", "PRESENT_REF", None),
    ("The talks lasted two weeks.", "two weeks", "P2W", None),
    ("The two leaders met in June 2022.", "June 2022", "2022-06", None),
])
def test_issue_expressions(text, span, value, mod):
    assert (span, value, mod) in [(s, v, m) for s, _, v, m in read(text, "2023-08-05")]


def test_the_next_day_counts_from_the_date_in_focus():
    text = ("On March 3, 2021, troops crossed the border. The next day talks began. That week, "
            "40 people died. Two days later a truce was signed. The following year was calm.")
    found = find_timexes(text, published="2023-05-02")
    got = [(text[t.start:t.end], t.value, t.anchor) for t in found]
    assert got == [("March 3, 2021", "2021-03-03", None), ("The next day", "2021-03-04", "T1"),
                   ("That week", "2021-W09", "T2"), ("Two days later", "2021-03-06", "T2"),
                   ("The following year", "2022", "T4")]


def test_relative_dates_chain_from_counted_dates():
    text = "Two weeks ago, the minister flew to Geneva. The next day, Norway pledged $45 million."
    assert values(text, "2024-06-04") == {"Two weeks ago": "2024-W21", "The next day": "2024-05-22"}


# -- publication dates near the year boundary --------------------------------------------
def test_published_just_after_new_year():
    text = ("Last month prices rose; next month they may fall. This year will be hard, unlike last "
            "year. Talks ended on December 28. Christmas was quiet. Last week the fourth quarter closed.")
    assert values(text, "2024-01-03") == {
        "Last month": "2023-12", "next month": "2024-02", "This year": "2024", "last year": "2023",
        "December 28": "2023-12-28", "Christmas": "2023-12-25", "Last week": "2023-W52",
        "the fourth quarter": "2023-Q4"}


def test_published_just_before_new_year():
    text = ("Next month the law takes effect; next week the parliament meets. On January 5 the envoy "
            "arrives. Tomorrow is a holiday, and the day after tomorrow markets reopen.")
    assert values(text, "2023-12-30") == {
        "Next month": "2024-01", "next week": "2024-W01", "January 5": "2024-01-05",
        "Tomorrow": "2023-12-31", "the day after tomorrow": "2024-01-01"}


def test_december_read_in_january_is_last_december():
    assert values("The minister resigned in December.", "2024-01-03") == {"December": "2023-12"}


# -- no publication date ------------------------------------------------------------------
def test_without_a_publication_date_values_stay_open():
    text = ("Back in May the plan was announced. Last year was hard. Yesterday he left. On August 3 "
            "he spoke. In June 2022 they met. It took two weeks. In 2019 it began.")
    assert values(text) == {"May": "XXXX-05", "Last year": "XXXX", "Yesterday": "XXXX-XX-XX",
                            "August 3": "XXXX-08-03", "June 2022": "2022-06", "two weeks": "P2W",
                            "2019": "2019"}


# -- calendar expressions ---------------------------------------------------------------
def test_quarters_halves_and_fiscal_years():
    text = ("Sales fell in the third quarter of 2022 and in Q3 2021; fiscal 2024 looks better, as did "
            "the first half of 2023. The company reported a loss in the third quarter.")
    assert values(text, "2023-06-10") == {
        "the third quarter of 2022": "2022-Q3", "Q3 2021": "2021-Q3", "fiscal 2024": "2024",
        "the first half of 2023": "2023-H1", "the third quarter": "2022-Q3"}


def test_a_year_earlier_compares_with_the_quarter_in_focus():
    text = "Profit rose in the third quarter to $5 million from $4 million a year earlier."
    assert values(text, "2023-10-20") == {"the third quarter": "2023-Q3", "a year earlier": "2022-Q3"}


def test_decades_centuries_seasons():
    text = ("In the 1990s and the '80s, and in the early 2000s, as in the 19th century and the 1800s. "
            "This summer is hot; last winter was cold. In the spring they planted; fall 2020 was different.")
    got = read(text, "2023-05-02")
    assert [(s, v, m) for s, _, v, m in got] == [
        ("the 1990s", "199", None), ("the '80s", "198", None), ("the early 2000s", "200", "START"),
        ("the 19th century", "18", None), ("the 1800s", "18", None), ("This summer", "2023-SU", None),
        ("last winter", "2022-WI", None), ("the spring", "2023-SP", None), ("fall 2020", "2020-FA", None)]


def test_numeric_and_named_dates():
    text = ("The vote on 2023-04-28 and on 4/15/2023, the week of March 6, and mid-2022, in the 20th "
            "century, by year-end, on Thursday, Jan. 6, 2022 and on 5 June 2021.")
    assert values(text, "2023-05-02") == {
        "2023-04-28": "2023-04-28", "4/15/2023": "2023-04-15", "the week of March 6": "2023-W10",
        "mid-2022": "2022", "the 20th century": "19", "year-end": "2023",
        "Thursday, Jan. 6, 2022": "2022-01-06", "5 June 2021": "2021-06-05"}


def test_mods():
    text = "In early March, by mid-April and at the end of May, and in the late 1970s."
    assert [(s, m) for s, _, _, m in read(text, "2023-06-10")] == [
        ("early March", "START"), ("mid-April", "MID"), ("the end of May", "END"),
        ("the late 1970s", "END")]


# -- durations, sets, times -----------------------------------------------------------------
def test_durations():
    text = ("He served for three years. Prices rose over the past two months. The siege lasted more "
            "than 48 hours and about a decade of war followed. A five-year plan took two and a half years.")
    assert read(text, "2023-05-02") == [
        ("three years", "DURATION", "P3Y", None), ("the past two months", "DURATION", "P2M", None),
        ("more than 48 hours", "DURATION", "PT48H", "MORE_THAN"),
        ("about a decade", "DURATION", "P10Y", "APPROX"), ("five-year", "DURATION", "P5Y", None),
        ("two and a half years", "DURATION", "P2Y6M", None)]


def test_sets():
    text = "The council meets every Monday and reports daily; it votes twice a year, once per week."
    assert read(text, "2023-05-02") == [
        ("every Monday", "SET", "XXXX-WXX-1", None), ("daily", "SET", "P1D", None),
        ("a year", "SET", "P1Y", None), ("per week", "SET", "P1W", None)]


def test_clock_times():
    text = "At 5 p.m. the strike began. Around noon on Friday they left."
    assert read(text, "2023-05-02") == [
        ("5 p.m.", "TIME", "2023-05-02T17:00", None),
        ("Around noon on Friday", "TIME", "2023-04-28T12:00", "APPROX")]


def test_general_references():
    text = "Now the war is over, but recently clashes broke out, and in the future more may come."
    assert values(text, "2023-05-02") == {"Now": "PRESENT_REF", "recently": "PAST_REF",
                                          "the future": "FUTURE_REF"}


# -- what is not a time expression ----------------------------------------------------------
@pytest.mark.parametrize("text", [
    "Prices may rise.",
    "PRICES MAY RISE AGAIN",
    "We met officials on the border.",
    "The Sun said so.",
    "The spring water was clean and prices fall.",
    "They sent 2,000 troops; the budget was $2023 million, up 1990% and 2023 percent.",
    "The score was 9:30 at half time.",
    "Room 2015 was empty.",
    "It was the first time he had been there.",
    "He won a second term.",
    "The man, 37 years old, was arrested.",
    "About three-quarters of the vote was counted.",
])
def test_not_time_expressions(text):
    assert read(text, "2023-05-02") == []


def test_spans_never_include_prepositions():
    text = "In July, since 2016, until Friday, on August 3."
    for span, _, _, _ in read(text, "2023-08-05"):
        assert span.split()[0].lower() not in ("in", "since", "until", "on")


def test_hard_wrapped_text():
    text = "The two leaders met in late\nJanuary and again on August\n3."
    assert values(text, "2023-08-05") == {"late\nJanuary": "2023-01", "August\n3": "2023-08-03"}


def test_ranges_give_their_parts():
    text = "The festival ran May 3-5. Growth in 1990-1995 was slow."
    assert values(text, "2023-05-02") == {"May 3": "2023-05-03", "1990": "1990", "1995": "1995"}


def test_fiscal_years_and_named_seasons():
    text = "Revenue in FY2023 rose, and in Q4 FY2022 it fell; it rained in the summer of 2021 and on 12 March 1990."
    assert values(text, "2023-05-02") == {"FY2023": "2023", "Q4 FY2022": "2022-Q4",
                                          "the summer of 2021": "2021-SU", "12 March 1990": "1990-03-12"}


def test_a_four_digit_year_before_a_unit_is_a_year():
    assert values("Net was 20 cts a share for the 1986 year.", "1987-03-02") == {"1986": "1986"}
