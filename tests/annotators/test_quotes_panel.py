"""The quotes panel of ``--format pretty`` on a hand-built document (no model)."""
from __future__ import annotations

from rich.console import Console

from newsxray.cli.panels.quotes import groups
from newsxray.cli.render import render_record
from newsxray.document import Cue, Document, Entity, Mention, Quote, Segment, Speaker

TEXT = '"We are ready," Keller said. The union said talks failed. "Enough," someone shouted.'


def hand_built() -> Document:
    doc = Document(text=TEXT)
    doc.set_layer("segments", [Segment(start=0, end=len(TEXT), type="body")])
    k = TEXT.index("Keller")
    doc.set_layer("entities", [Entity(id="E1", name="Maria Keller", type="PERSON", country=None, sector=None,
                                      description=None, mentions=(Mention(start=k, end=k + 6),),
                                      quotes=("Q1",))])
    said = TEXT.index("said")
    union = TEXT.index("The union")
    talks = TEXT.index("talks failed")
    enough = TEXT.index("Enough")
    doc.set_layer("quotes", [
        Quote(start=1, end=13, id="Q1", kind="direct", speaker=Speaker(start=k, end=k + 6, entity="E1", text="Keller"),
              cue=Cue(start=said, end=said + 4, text="said")),
        Quote(start=talks, end=talks + 12, id="Q2", kind="indirect",
              speaker=Speaker(start=union, end=union + 9, entity=None, text="The union"),
              cue=Cue(start=union + 10, end=union + 14, text="said")),
        Quote(start=enough, end=enough + 6, id="Q3", kind="direct", speaker=None, cue=None),
    ])
    return doc


def test_groups_put_entities_first_then_unresolved_speakers_then_none():
    labels = [label for label, _ in groups(hand_built())]
    assert labels == ["Maria Keller [E1]", "The union", "(no speaker)"]


def test_pretty_output_marks_quotes_without_colour_and_lists_them_by_speaker():
    console = Console(record=True, width=120, color_system=None)
    render_record(hand_built(), console)
    out = console.export_text()
    assert "⟪We are ready⟫[Q1 direct ← E1]" in out
    assert "⟪talks failed⟫[Q2 indirect ← The union]" in out
    assert "Quotes by speaker" in out and "Maria Keller [E1]" in out and "(no speaker)" in out
