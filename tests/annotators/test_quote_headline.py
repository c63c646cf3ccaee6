"""Headline attributions in the "Speaker: claim" form (``quote_headline``)."""
from __future__ import annotations

import pytest

import newsxray
from newsxray.annotators.quote_headline import _quoted, _speaker_ok

BODY = "\n\nWASHINGTON (Reuters) - The senator spoke to reporters on Sunday after the vote.\n"


def test_speaker_part_must_be_a_short_capitalised_name_not_a_label():
    assert _speaker_ok("Graham") and _speaker_ok("Clinton camp") and _speaker_ok("Dr. Ben Carson")
    assert not _speaker_ok("Breaking") and not _speaker_ok("The Latest") and not _speaker_ok("EXCLUSIVE")
    assert not _speaker_ok("watch this") and not _speaker_ok("A very long phrase before the colon")


def test_a_claim_wholly_in_quotation_marks_is_verbatim():
    text = "‘I Think She Will’"
    assert _quoted(text, 0, len(text))
    assert not _quoted("Cruz Has ‘To Come a Long Way’ On Ethanol", 0, 40)


@pytest.fixture(scope="module")
def analyze():
    analyzer = newsxray.load(["quotes"])
    return lambda text: analyzer.analyze(text)


@pytest.mark.slow
def test_headline_claim_is_attributed_to_the_name_before_the_colon(analyze):
    doc = analyze("Graham: Party risks losing the election over rhetoric" + BODY)
    quotes = [q for q in doc.layer("quotes") if q.cue.text == ":"]
    assert len(quotes) == 1
    q = quotes[0]
    assert doc.text[q.start:q.end] == "Party risks losing the election over rhetoric"
    assert q.speaker is not None and q.speaker.text == "Graham" and q.kind == "indirect"


@pytest.mark.slow
def test_quoted_headline_claim_is_direct_and_labels_are_not_speakers(analyze):
    doc = analyze("Kasich: ‘We Are Going All The Way To Cleveland’" + BODY)
    (q,) = [q for q in doc.layer("quotes") if q.cue.text == ":"]
    assert q.kind == "direct" and doc.text[q.start:q.end] == "We Are Going All The Way To Cleveland"
    doc = analyze("Breaking: Senate passes the budget bill" + BODY)
    assert not [q for q in doc.layer("quotes") if q.cue.text == ":"]
