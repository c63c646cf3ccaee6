"""Quotation marks and regions: pairing, paragraphs, nesting and unbalanced marks (no model)."""
from __future__ import annotations

import re

from newsxray.annotators.quote_marks import find_regions
from newsxray.annotators.quote_regions import Regions, cut_at, snap


def regions(text: str) -> list[str]:
    """The region contents of ``text``, one paragraph per line, all in one flow."""
    paragraphs = [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text)]
    return [text[r.start:r.end] for r in find_regions(text, [paragraphs])]


def test_straight_and_curly_marks_pair_and_leave_the_marks_out():
    text = 'He said "the plan is dead." She said \u201cit will pass,\u201d and left.'
    assert regions(text) == ["the plan is dead.", "it will pass"]


def test_a_quotation_of_several_sentences_is_one_region():
    text = "\u201cWe are ready. We have the ships. We will sail,\u201d the admiral said."
    assert regions(text) == ["We are ready. We have the ships. We will sail"]


def test_a_paragraph_that_reopens_the_quotation_continues_it():
    text = ("\u201cThe first part ends without a closing mark.\n"
            "\u201cThe second paragraph reopens and closes it.\u201d\n"
            "Then the reporter writes on.")
    found = find_regions(text, [[(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text)]])
    assert len(found) == 1
    region = found[0]
    assert region.paragraphs == 2 and region.balanced
    assert text[region.start:region.end].startswith("The first part")
    assert text[region.start:region.end].endswith("closes it.")


def test_nested_single_quotes_stay_inside_the_double_quotation():
    text = "\u201cHe told me it was \u2018a routine flight\u2019 and left,\u201d she said."
    assert regions(text) == ["He told me it was \u2018a routine flight\u2019 and left"]


def test_an_unbalanced_mark_stops_at_its_sentence_end():
    text = ('The 12" pipe burst. Then "a stray quote begins here. And the article goes on.\n'
            "A second paragraph that must not be swallowed.")
    found = regions(text)
    assert found == ["a stray quote begins here."]
    assert all("second paragraph" not in r for r in found)


def test_an_opening_mark_while_one_is_open_closes_the_first():
    text = "\u201cFirst words. \u201cSecond words,\u201d he said."
    assert regions(text) == ["First words.", "Second words"]


def test_a_paragraph_cannot_start_by_closing_so_a_leading_close_mark_opens():
    text = "\u201dMr. Trump embodies the legacy.\u201d \u2015 Sonya Herridge"
    assert regions(text) == ["Mr. Trump embodies the legacy."]


def test_doubled_apostrophes_of_wire_archives_are_double_marks():
    text = "He said, ''I hope not.'' And he left."
    assert regions(text) == ["I hope not."]


def test_single_quoted_phrases_of_two_words_or_more_are_regions_but_apostrophes_are_not():
    text = "The minister called it \u2018a dark day\u2019. Don\u2019t worry, it\u2019s the \u201990s."
    assert regions(text) == ["a dark day"]


def test_a_stray_closing_mark_is_ignored():
    assert regions("The talks\u201d ended on Friday. Nothing else.") == []


def test_flows_do_not_leak_into_each_other():
    text = "\u201cOpen in the body\nRelated: headline\n\u201cMore body.\u201d"
    body1, related, body2 = [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text)]
    found = find_regions(text, [[body1], [body2]])
    assert [text[r.start:r.end] for r in found] == ["Open in the body", "More body."]


def test_snap_takes_a_whole_quotation_into_content_and_inside_content_becomes_it():
    text = 'She pledged to "defend the borders" soon. "All of it," he said.'
    paragraphs = [(0, len(text))]
    reg = Regions(find_regions(text, [paragraphs]))
    partial = (text.index("to "), text.index("borders") + 3)
    [merged], used = snap([partial], reg)
    assert text[merged[0]:merged[1]] == 'to "defend the borders"' and len(used) == 1
    inside = (text.index("All"), text.index("it,") + 2)
    [whole], _ = snap([inside], reg)
    assert text[whole[0]:whole[1]] == "All of it"


def test_cut_at_drops_a_dangling_conjunction():
    text = "the plan is dead and said that it was over"
    assert cut_at(text, (0, len(text)), text.index("said")) == (0, len("the plan is dead"))
