"""Persuasion techniques: spans overlined between ⁅ ⁆ with id, technique and score; a table
of the spans; and the definition and an example of each technique found."""
from __future__ import annotations

from rich.console import Group
from rich.table import Table
from rich.text import Text

from ...document import Document
from ...techniques_info import INFO
from . import Highlight, highlighter, panel

TAG = {
    "Loaded_Language": "loaded", "Name_Calling,Labeling": "name-calling", "Repetition": "repetition",
    "Exaggeration,Minimisation": "exaggeration", "Doubt": "doubt", "Appeal_to_fear-prejudice": "fear",
    "Flag-Waving": "flag-waving", "Causal_Oversimplification": "causal", "Slogans": "slogan",
    "Appeal_to_Authority": "authority", "Black-and-White_Fallacy": "black-white",
    "Thought-terminating_Cliches": "cliché", "Whataboutism,Straw_Men,Red_Herring": "whataboutism",
    "Bandwagon,Reductio_ad_hitlerum": "bandwagon",
}
SHOWN = 90  # characters of span text shown in the table


@highlighter(order=55)
def technique_spans(doc: Document):
    for t in doc.layer("techniques"):
        yield Highlight(t.start, t.end, "overline", open_label="⁅",
                        close_label=f"⁆[{t.id} {TAG.get(t.technique, t.technique)} {t.score:.2f}]",
                        label_style="dim magenta")


def _excerpt(doc: Document, start: int, end: int) -> str:
    body = " ".join(doc.text[start:end].split())
    return body if len(body) <= SHOWN else body[:SHOWN - 1] + "…"


@panel(order=55)
def technique_table(doc: Document) -> Group | None:
    spans = doc.layer("techniques")
    if not spans:
        return None
    table = Table("id", "technique", "score", "text", title="Persuasion techniques (score: calibrated "
                  "chance that annotators would mark this span with this technique)", title_justify="left")
    for t in spans:
        table.add_row(t.id, TAG.get(t.technique, t.technique), f"{t.score:.2f}", _excerpt(doc, t.start, t.end))
    return Group(table, definitions(sorted({t.technique for t in spans}, key=list(INFO).index)))


def definitions(names: list[str]) -> Table:
    """What each technique found is, with the team's example."""
    table = Table("technique", "what it is", "example", title="What these techniques are",
                  title_justify="left", show_lines=True)
    for name in names:
        info = INFO.get(name)
        if info is not None:
            table.add_row(Text(info.label, style="bold"), info.definition, Text(info.example, style="italic"))
    return table
