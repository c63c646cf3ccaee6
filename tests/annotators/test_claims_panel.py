"""The claims panel and highlights of ``--format pretty``."""
from __future__ import annotations

from rich.console import Console

from newsxray.cli.panels.claims import claim_spans, claim_table
from newsxray.document import Claim, Document, Entity, Mention

TEXT = "Prices rose 4 percent. Thank you all. Exports fell, the minister said."


def hand_doc() -> Document:
    doc = Document(text=TEXT)
    doc.set_layer("entities", [Entity("E1", "Jane Doe", "PERSON", None, "GOV", None, (Mention(56, 64),))])
    doc.set_layer("claims", [
        Claim(0, 22, "C1", 0.62, True, None, None),
        Claim(23, 37, "C2", 0.01, False, None, None),
        Claim(38, 50, "C3", 0.93, True, "E1", "Q1"),
    ])
    return doc


def render(renderable) -> str:
    console = Console(record=True, width=140)
    console.print(renderable)
    return console.export_text()


def test_only_check_worthy_claims_are_highlighted_with_labels():
    marks = list(claim_spans(hand_doc()))
    assert [(m.start, m.end) for m in marks] == [(0, 22), (38, 50)]
    assert "C1 check-worthy 0.62" in marks[0].close_label and marks[0].open_label
    assert "← E1" in marks[1].close_label


def test_table_lists_flagged_claims_most_check_worthy_first():
    out = render(claim_table(hand_doc()))
    assert out.index("C3") < out.index("C1") and "C2" not in out
    assert "Jane Doe [E1]" in out and "Q1" in out
    assert "2 of 3 statements are check-worthy" in out


def test_no_claims_no_panel():
    doc = Document(text=TEXT)
    assert claim_table(doc) is None and list(claim_spans(doc)) == []
    doc.set_layer("claims", [Claim(0, 22, "C1", 0.1, False, None, None)])
    assert "0 of 1 statements" in render(claim_table(doc))
