"""The quotes layer on the example article: every quotation and reported statement, each
with the right speaker, kind and cue; nothing from the related headlines."""
from __future__ import annotations

import pytest

import newsxray
from newsxray.document import Document, Quote

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def doc(example_text) -> Document:
    return newsxray.load(["quotes"]).analyze(example_text)


def quote_with(doc: Document, words: str) -> Quote:
    found = [q for q in doc.layer("quotes") if words in doc.text[q.start:q.end]]
    assert found, f"no quote contains {words!r}"
    return found[0]


def speaker(doc: Document, q: Quote) -> str | None:
    if q.speaker is None or q.speaker.entity is None:
        return None
    return next(e.name for e in doc.entities if e.id == q.speaker.entity)


@pytest.mark.parametrize("words, kind, cue, name", [
    ("against supporting the expansion", "indirect", "has warned", "Zhang Hanhui"),
    ("such a move would be akin", "mixed", "stated", "Zhang Hanhui"),
    ("the wolf into the sheepfold.", "mixed", "stated", "Zhang Hanhui"),
    ("the need to heed historical lessons", "indirect", "emphasized", "Zhang Hanhui"),
    ("the potential dangers of involving", "indirect", "reiterated", "Zhang Hanhui"),
    ("We advise Japan and other courtiers", "direct", "said", "Zhang Hanhui"),
    ("NATO's scope should remain confined", "indirect", "argued", "France"),
    ("a strong response should the alliance", "indirect", "vowed", "Beijing"),
    ("safeguard its sovereignty", "mixed", "pledged", "China"),
    ("plan of NATO to build a liaison office", "indirect", "announced", "Koji Tomita"),
    ("closer alignment", "mixed", "emphasized", "Koji Tomita"),
    ("maintaining and strengthening", "mixed", "said", "Koji Tomita"),
])
def test_statements_of_the_example_have_their_kind_cue_and_speaker(doc, words, kind, cue, name):
    q = quote_with(doc, words)
    assert (q.kind, q.cue.text, speaker(doc, q)) == (kind, cue, name)


def test_the_ambassador_is_zhang(doc):
    q = quote_with(doc, "the potential dangers of involving")
    assert q.speaker.text == "The ambassador" and speaker(doc, q) == "Zhang Hanhui"


def test_the_long_direct_quote_is_whole_and_without_its_marks(doc):
    q = quote_with(doc, "We advise Japan")
    body = doc.text[q.start:q.end]
    assert body.startswith("We advise Japan") and body.endswith("it will take a bite on every sheep")
    assert q.speaker.text == "Zhang"


def test_the_joint_statement_and_the_statement_are_speakers(doc):
    joint = quote_with(doc, "unilateral change of the status quo")
    assert joint.kind == "mixed" and joint.speaker.text == "A joint statement"
    assert joint.cue.text == "emphasized"
    hint = quote_with(doc, "military collaboration between Russia and China")
    assert hint.kind == "indirect" and hint.speaker.text == "The statement" and hint.cue.text == "hints"


def test_nothing_is_quoted_from_related_headlines_or_source_lists(doc):
    outside = [s for s in doc.segments if s.type not in ("lede", "body")]
    for q in doc.layer("quotes"):
        assert not any(s.start <= q.start < s.end for s in outside), doc.text[q.start:q.end]


def test_zhang_lists_his_quotes(doc):
    zhang = next(e for e in doc.entities if e.name == "Zhang Hanhui")
    mine = [q.id for q in doc.layer("quotes") if q.speaker and q.speaker.entity == zhang.id]
    assert zhang.quotes == tuple(mine) and len(mine) >= 5
    others = [e for e in doc.entities if e.id != zhang.id]
    assert not any(set(e.quotes) & set(mine) for e in others)
