"""``date_for_span``: the date a sentence or an event trigger refers to."""
from __future__ import annotations

import pytest

from newsxray.document import Document, Segment, Sentence, Timex
from newsxray.pipeline import Pipeline
from newsxray.temporal import date_for_span, is_calendar, timexes_of

TEXT = ("In July, China pledged to safeguard its sovereignty. Russia echoed the pledge.\n"
        "On Tuesday the envoy met Zhang, and talks resumed on August 3. The ministry now says little.")


def _doc(text: str = TEXT, published: str | None = "2023-08-05") -> Document:
    """A hand-built document: paragraphs as body segments, sentences split at '. '."""
    doc = Document(text=text, published=published)
    segments, sentences, start = [], [], 0
    for para in text.split("\n"):
        segments.append(Segment(start=start, end=start + len(para), type="body"))
        pos = start
        for piece in para.split(". "):
            end = pos + len(piece) + (0 if piece.endswith(".") else 1)
            sentences.append(Sentence(start=pos, end=min(end, start + len(para))))
            pos = end + 1
        start += len(para) + 1
    doc.set_layer("segments", segments)
    doc.set_layer("sentences", sentences)
    doc.set_layer("timexes", timexes_of(doc))
    return doc


def _span(doc: Document, word: str) -> tuple[int, int]:
    start = doc.text.index(word)
    return start, start + len(word)


def test_a_timex_in_the_sentence_dates_the_trigger():
    doc = _doc()
    assert date_for_span(doc, *_span(doc, "pledged")) == ("2023-07", "T1")


def test_a_sentence_span_takes_its_first_calendar_timex():
    doc = _doc()
    sentence = doc.sentences[2]
    assert doc.text[sentence.start:sentence.end].startswith("On Tuesday")
    assert date_for_span(doc, sentence.start, sentence.end) == ("2023-08-01", "T2")


def test_the_nearest_timex_of_the_sentence_without_a_parse():
    doc = _doc()
    assert date_for_span(doc, *_span(doc, "resumed")) == ("2023-08-03", "T3")
    assert date_for_span(doc, *_span(doc, "met")) == ("2023-08-01", "T2")


def test_no_timex_and_no_parse_gives_none():
    doc = _doc()
    assert date_for_span(doc, *_span(doc, "echoed")) is None


def test_only_calendar_values_count():
    assert is_calendar(Timex(0, 3, "T1", "DATE", "2023-05", None))
    assert is_calendar(Timex(0, 3, "T1", "DATE", "XXXX-05", None))
    assert not is_calendar(Timex(0, 3, "T1", "DATE", "PRESENT_REF", None))
    assert not is_calendar(Timex(0, 3, "T1", "DURATION", "P2W", None))
    doc = _doc()
    assert date_for_span(doc, *_span(doc, "says")) is None  # "now" is not a calendar date


def test_span_outside_the_text_is_an_error():
    with pytest.raises(ValueError, match="outside the text"):
        date_for_span(_doc(), 5, 10_000)


@pytest.mark.slow
def test_tense_picks_the_date_in_focus_or_the_publication_day():
    doc = Document(text=TEXT, published="2023-08-05")
    Pipeline("timexes", keep_cache=True).run([doc])
    assert date_for_span(doc, *_span(doc, "echoed")) == ("2023-07", "T1")   # past: the date in focus
    assert date_for_span(doc, *_span(doc, "says")) == ("2023-08-05", None)  # present: publication day
    assert date_for_span(doc, *_span(doc, "met")) == ("2023-08-01", "T2")


@pytest.mark.slow
def test_the_parse_attaches_the_timex_to_its_verb():
    text = "The envoy met Zhang on Tuesday, and the ministers will meet again on August 10."
    doc = Document(text=text, published="2023-08-05")
    Pipeline("timexes", keep_cache=True).run([doc])
    assert date_for_span(doc, *_span(doc, "met")) == ("2023-08-01", "T1")
    assert date_for_span(doc, *_span(doc, "meet")) == ("2023-08-10", "T2")


@pytest.mark.slow
def test_the_attached_timex_wins_over_a_nearer_one_of_another_clause():
    # "in 2022" is nearer to "attacked" than "on Monday" but belongs to the relative clause
    text = "Russia, which invaded Ukraine in 2022, attacked Kyiv again on Monday."
    doc = Document(text=text, published="2024-03-14")
    Pipeline("timexes", keep_cache=True).run([doc])
    assert date_for_span(doc, *_span(doc, "attacked"))[0] == "2024-03-11"
    assert date_for_span(doc, *_span(doc, "invaded"))[0] == "2022"
