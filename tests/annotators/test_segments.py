"""The segments annotator: typed, ordered, trimmed, non-overlapping parts covering the text."""
from __future__ import annotations

import time

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsxray.annotators import segment_rules as R
from newsxray.annotators.segments import Segments, segment_text
from newsxray.document import Document, HtmlBlock, Segment
from newsxray.pipeline import Pipeline
from newsxray.registry import annotators


# -- helpers ----------------------------------------------------------------------------------
def check_invariants(text: str, segs: list[Segment]) -> None:
    """In order, non-overlapping, in bounds, trimmed, covering every non-space char once."""
    prev = 0
    covered = [False] * len(text)
    for s in segs:
        assert 0 <= s.start < s.end <= len(text), s
        assert s.start >= prev, f"overlap or disorder at {s}"
        piece = text[s.start:s.end]
        assert not piece[0].isspace() and not piece[-1].isspace(), f"untrimmed {piece!r}"
        for k in range(s.start, s.end):
            covered[k] = True
        prev = s.end
    missing = [k for k, ch in enumerate(text) if not ch.isspace() and not covered[k]]
    assert not missing, f"uncovered characters at {missing[:5]}: {[text[k] for k in missing[:5]]}"


def seg(text: str, **meta) -> list[tuple[str, str]]:
    doc = Document(text=text, **meta)
    segs = segment_text(doc)
    check_invariants(text, segs)
    return [(s.type, text[s.start:s.end]) for s in segs]


def of_type(pairs: list[tuple[str, str]], typ: str) -> list[str]:
    return [t for k, t in pairs if k == typ]


# -- the example article ------------------------------------------------------------------------
@pytest.fixture(scope="module")
def example(example_text):
    return seg(example_text)


def test_example_title_and_lede(example, example_text):
    assert example[0] == ("title", example_text.splitlines()[0])
    assert example[1][0] == "lede"
    assert example[1][1].startswith("Chinese Ambassador to Russia Zhang Hanhui")
    assert example[1][1].endswith('"the wolf into the sheepfold."')
    assert [k for k, _ in example].count("lede") == 1


def test_example_inline_related_is_cut_out(example):
    related = [(i, t) for i, (k, t) in enumerate(example) if k == "related" and "World War III" in t]
    assert len(related) == 1
    i, text = related[0]
    assert text == "(Related:\nNATO preparing for World War III.)"
    before, after = example[i - 1], example[i + 1]
    assert before[0] == "body" and before[1].startswith("Back in May, Koji Tomita")
    assert before[1].endswith("particularly with regard to China.")
    assert after[0] == "body" and after[1].startswith("Tomita said the overarching theme")


def test_example_related_block_one_segment_per_headline(example):
    related = of_type(example, "related")
    header = related.index("More related stories:")
    headlines = related[header + 1:]
    assert len(headlines) == 5
    assert headlines[0] == "NATO offers Ukraine security guarantee but not an invite to the alliance."
    assert headlines[-1] == "Z-DAY APPROACHES as Russia prepares massive assault wave against Ukraine and NATO."
    assert all("\n" not in h for h in headlines)
    assert len(related) == 7  # the inline aside, the header and five headlines: nothing else


def test_example_sources(example):
    assert of_type(example, "sources") == [
        "Sources include:", "SHTFPlan.com", "RT.com", "KyodoNews.com", "Brighteon.com",
    ]
    assert example[-5][1] == "Sources include:"


def test_example_paragraphs(example):
    body = of_type(example, "body")
    assert "NATO plans to build a liaison office in Tokyo" in body
    joined = [t for t in body if t.startswith("In an exclusive interview with")]
    assert len(joined) == 1 and "TASS on August 3, Zhang emphasized" in joined[0]
    assert not any(t == "In an exclusive interview with" for t in body)
    assert any(t.endswith("near Japan.") and t.startswith("A joint statement") for t in body)
    assert {k for k, _ in example} == {"title", "lede", "body", "related", "sources"}


def test_example_speed(example_text):
    doc = Document(text=example_text)
    segment_text(doc)  # warm up
    runs = 50
    t0 = time.perf_counter()
    for _ in range(runs):
        segment_text(doc)
    per_doc = (time.perf_counter() - t0) / runs
    ms_per_kb = per_doc * 1000 / (len(example_text.encode("utf-8")) / 1024)
    assert ms_per_kb < 0.5, f"{ms_per_kb:.3f} ms/KB"


# -- hand-written articles -----------------------------------------------------------------------
WIRE = """Russia says grain deal talks stalled over shipping guarantees
By Jane Doe and John Roe, Reuters
August 3, 2023
MOSCOW, Aug 3 (Reuters) - Russia said on Thursday that talks on reviving the Black Sea
grain deal had stalled, blaming Western guarantees for shipping insurance.
Kremlin spokesman Dmitry Peskov told reporters the conditions had not been met.
"We see no progress," Peskov said.
Russian President Vladimir Putin attends a meeting in Moscow, August 2, 2023. REUTERS/Evgenia Novozhenina
The United Nations declined to comment.
Reporting by Jane Doe in Moscow; Editing by Alex Richardson
"""


def test_wire_story():
    pairs = seg(WIRE)
    assert [k for k, _ in pairs] == [
        "title", "byline", "dateline", "dateline", "lede", "body", "body", "caption", "body", "byline",
    ]
    assert pairs[3][1] == "MOSCOW, Aug 3 (Reuters) -"
    assert pairs[4][1].startswith("Russia said on Thursday") and pairs[4][1].endswith("insurance.")
    assert pairs[7][1].endswith("REUTERS/Evgenia Novozhenina")


def test_ap_dateline_and_copyright_footer():
    text = ("WASHINGTON (AP) — President Joe Biden on Tuesday signed an executive order aimed at\n"
            "curbing investment in Chinese technology.\n"
            "The order takes effect next year.\n"
            "Copyright 2023 The Associated Press. All rights reserved. This material may not be\n"
            "published, broadcast, rewritten or redistributed.\n")
    pairs = seg(text)
    assert pairs[0] == ("dateline", "WASHINGTON (AP) —")
    assert pairs[1][0] == "lede" and pairs[1][1].startswith("President Joe Biden")
    assert pairs[2] == ("body", "The order takes effect next year.")
    assert pairs[3][0] == "boilerplate" and pairs[3][1].endswith("redistributed.")
    assert len(pairs) == 4


BLOG = """Ten things we learned from the city council budget vote

Posted by Sam Writer | Staff writer

The council approved a $2 billion budget late on Tuesday after a marathon session.

Read more: Council delays vote on transit plan

Members clashed over police funding, with three voting against the plan.

Photo: Council members debate the budget on Tuesday. (Photo by Jane Lens / Getty Images)

Share this article
Share on Facebook
Subscribe to our newsletter for daily updates.

Read more:
Mayor unveils new housing strategy
Transit fares to rise next year

The vote is final.

© 2023 Example News Media. All rights reserved.
Tags: budget, council, city hall
"""


def test_blog_with_read_more_share_and_footer():
    pairs = seg(BLOG)
    assert [k for k, _ in pairs] == [
        "title", "byline", "lede", "related", "body", "caption", "boilerplate", "boilerplate",
        "boilerplate", "related", "related", "related", "body", "boilerplate", "boilerplate",
    ]
    assert of_type(pairs, "related")[1:] == [
        "Read more:", "Mayor unveils new housing strategy", "Transit fares to rise next year",
    ]


def test_captions():
    text = ("Floods sweep through southern Brazil\n"
            "Rescuers searched for survivors on Sunday after days of heavy rain.\n"
            "(Photo by Ana Lima / Getty Images)\n"
            "Image: A flooded street in Porto Alegre\n"
            "Pictured: residents wade through water\n"
            "Residents waded through flooded streets in Porto Alegre. (AP Photo/Carlos Souza)\n"
            "Credit: Brazilian Air Force\n"
            "The state governor declared an emergency.\n")
    pairs = seg(text)
    assert [k for k, _ in pairs] == ["title", "lede"] + ["caption"] * 5 + ["body"]


def test_blank_line_paragraphs_and_subheading():
    text = ("Markets rally as inflation cools\n\n"
            "Stocks rose on Wednesday after data showed inflation\n"
            "easing for a third month.\n\n"
            "Bond yields fell sharply.\n\n"
            "What analysts say\n\n"
            "Economists expect the central bank to pause.\n")
    pairs = seg(text)
    assert pairs == [
        ("title", "Markets rally as inflation cools"),
        ("lede", "Stocks rose on Wednesday after data showed inflation\neasing for a third month."),
        ("body", "Bond yields fell sharply."),
        ("body", "What analysts say"),
        ("body", "Economists expect the central bank to pause."),
    ]


def test_sources_and_related_in_prose_stay_body():
    text = ("Officials said the related investigations were continuing.\n"
            "Sources said the talks failed, and related documents were sealed.\n"
            "Sources close to the matter said more details would follow. Related\n"
            "coverage has been limited, the report said.\n"
            "References to the earlier agreement were removed from the final text.\n"
            "Related\n"
            "The crossing has been closed since March, when fighting broke out nearby.\n"
            "Sources\n"
            "Officials said the reopening would be gradual.\n")
    pairs = seg(text)
    assert {k for k, _ in pairs} == {"lede", "body"}
    assert ("body", "Sources close to the matter said more details would follow. Related\n"
                    "coverage has been limited, the report said.") in pairs


def test_crlf_line_endings():
    text = ("Storm hits coast\r\nBy Jane Doe\r\nHeavy rain fell across the region on Monday, officials\r\n"
            "said, cutting power to thousands of homes.\r\nCrews worked through the night.\r\n"
            "Sources:\r\nweather.gov\r\nhttps://example.org/storm\r\n")
    pairs = seg(text)
    assert [k for k, _ in pairs] == ["title", "byline", "lede", "body", "sources", "sources", "sources"]
    assert pairs[2][1].endswith("thousands of homes.")
    assert pairs[-1] == ("sources", "https://example.org/storm")


def test_one_line_text():
    assert seg("Just one line of text without anything else.") == [
        ("lede", "Just one line of text without anything else.")]
    assert seg("A lone headline-like line") == [("lede", "A lone headline-like line")]
    assert seg("   \n\t ") == []
    assert seg("") == []


def test_text_without_title():
    text = ("Officials in Tokyo said on Monday that the plan would proceed as scheduled.\n"
            "The decision followed weeks of talks between the two governments.\n")
    assert [k for k, _ in seg(text)] == ["lede", "body"]
    wrapped = ("Officials in Tokyo said on Monday that the plan to build a new\n"
               "bridge would proceed.\nCritics said the move was rushed.\n")
    assert [k for k, _ in seg(wrapped)] == ["lede", "body"]


def test_title_from_metadata_spans_lines():
    text = "China warns Japan against\nbacking NATO\nChinese officials said on Friday that NATO\nshould stay out of Asia.\n"
    pairs = seg(text, title="China warns Japan against backing NATO")
    assert pairs[0] == ("title", "China warns Japan against\nbacking NATO")
    assert pairs[1][0] == "lede"
    # a first line ending with a period is no headline unless the metadata says so
    text2 = "Fire in Paris.\nA fire broke out in Paris on Sunday.\n"
    assert seg(text2)[0][0] == "lede"
    assert seg(text2, title="Fire in Paris.")[0] == ("title", "Fire in Paris.")
    # the metadata title must match whole words
    text3 = "Newsmax reports that the vote was delayed.\nThe count resumes today.\n"
    assert seg(text3, title="News")[0][0] == "lede"


def test_leading_navigation_and_bracketed_related():
    text = ("Home | World | Politics | Business\n"
            "Court blocks new voting law\n"
            "A federal court blocked the law on Friday [Related: What the law would change] and\n"
            "ordered a new hearing.\n"
            "RELATED: Judge orders recount in county race\n"
            "The state said it would appeal.\n")
    pairs = seg(text)
    assert [k for k, _ in pairs] == ["boilerplate", "title", "lede", "related", "lede", "related", "body"]
    assert pairs[3][1] == "[Related: What the law would change]"
    assert pairs[4][1] == "and\nordered a new hearing."


def test_hard_wrapped_text_with_subheading():
    text = ("Japan and South Korea resume security talks after five-year pause\n"
            "Japan and South Korea agreed on Friday to resume regular security\n"
            "talks, ending a five-year pause that had strained ties between the\n"
            "two United States allies in the region. Officials from Tokyo and\n"
            "Seoul met in the Japanese capital for the first round.\n"
            "The talks covered North Korea's missile programme, maritime security\n"
            "and supply chains for semiconductors, according to a statement\n"
            "released by the Japanese Foreign Ministry after the meeting.\n"
            "What comes next\n"
            "Analysts said the agreement could pave the way for a summit between\n"
            "Japanese Prime Minister Fumio Kishida and South Korean President\n"
            "Yoon Suk Yeol later this year.\n")
    pairs = seg(text)
    assert [k for k, _ in pairs] == ["title", "lede", "body", "body", "body"]
    assert pairs[3] == ("body", "What comes next")
    assert pairs[4][1].endswith("Yoon Suk Yeol later this year.")


def test_byline_lookalikes_stay_body():
    text = ("Border crossing to reopen\n"
            "By Tuesday, officials had agreed on a plan to reopen the border crossing.\n"
            "By the end of the year, trade is expected to recover.\n")
    assert [k for k, _ in seg(text)] == ["title", "lede", "body"]


# -- line rules ------------------------------------------------------------------------------------
@pytest.mark.parametrize("line, expected", [
    ("Sources include:", ("sources", False, False)),
    ("Sources for this article include:", ("sources", False, False)),
    ("SOURCES:", ("sources", False, False)),
    ("References", ("sources", True, False)),
    ("Source: Reuters", ("sources", False, True)),
    ("More related stories:", ("related", False, False)),
    ("Read more: Council delays vote", ("related", False, True)),
    ("You may also like", ("related", True, False)),
    ("ALSO READ | Markets slide again", ("related", False, True)),
    ("See also:", ("related", False, False)),
    ("Sources said the talks failed", None),
    ("Related to this, the ministry said it would act.", None),
    ("Read more about the plan in our explainer.", None),
    ("Recommendations were published on Monday:", None),
])
def test_list_headers(line, expected):
    assert R.list_header(line) == expected


@pytest.mark.parametrize("line, expected", [
    ("Subscribe to our newsletter", True), ("Share this article", True), ("Share on Facebook", True),
    ("We use cookies to improve your experience.", True), ("© 2023 Example Media", True),
    ("Copyright 2023 The Associated Press", True), ("All rights reserved.", True),
    ("Advertisement", True), ("Click here to read the full report", True),
    ("Follow us on Twitter and Facebook", True), ("Tags: NATO, Japan, China", True),
    ("This article was originally published on The Conversation.", True),
    ("Leave a comment", True), ("Home | World | Politics | Business", True),
    ("Follow WWIII.news for more news about the war.", True),
    ("Home / News / World", True), ("He said 24/7 coverage/and more/x", False),
    ("Facebook changed its privacy policy.", False), ("Copyright law in the EU is changing fast.", False),
    ("The company said users shared the post widely.", False), ("Jane Doe | Staff writer", False),
])
def test_boilerplate_lines(line, expected):
    assert R.is_boilerplate(line, len(line.split())) is expected


@pytest.mark.parametrize("line, expected", [
    ("Photo: Council members debate the budget", True), ("(Photo by Ana Lima / Getty Images)", True),
    ("Image: A flooded street", True), ("Pictured: residents wade through water", True),
    ("FILE PHOTO: A view of the Kremlin", True), ("Credit: Brazilian Air Force", True),
    ("This video is from the Thrive Time Show channel on Brighteon.com.", True),
    ("Photographs of the crossing showed long queues.", False), ("Picture this: a new city.", False),
])
def test_caption_lines(line, expected):
    assert R.is_caption_line(line) is expected


@pytest.mark.parametrize("line", [
    "Soldiers patrol the border near Kharkiv. (Reuters/Jane Lens)",
    "Putin attends a meeting in Moscow. REUTERS/Evgenia Novozhenina/File Photo",
    "Biden speaks at the White House. (AP Photo/Evan Vucci)",
    "A man walks past the building. Photo by Ana Lima/AFP via Getty Images",
])
def test_photo_credit_endings(line):
    assert R.ends_with_photo_credit(line)
    assert not R.ends_with_photo_credit("The alliance (NATO) met in Brussels on 3/4 June.")


@pytest.mark.parametrize("line, expected", [
    ("By Jane Doe", True), ("By Jane Doe and John Roe, Reuters", True), ("BY JANE DOE", True),
    ("By The Associated Press", True), ("By Jane Doe, Aug. 3, 2023", True),
    ("Reporting by Jane Doe in Moscow; Editing by Alex Richardson", True),
    ("By Tuesday, officials had agreed", False), ("By the end of the year", False),
    ("By Monday", False), ("By contrast, exports fell sharply.", False),
])
def test_bylines(line, expected):
    assert R.is_byline(line, len(line.split())) is expected


@pytest.mark.parametrize("text, prefix", [
    ("MOSCOW, Aug 3 (Reuters) - Russia said", "MOSCOW, Aug 3 (Reuters) -"),
    ("WASHINGTON (AP) — President Joe Biden", "WASHINGTON (AP) —"),
    ("KYIV, Ukraine — Russian drones struck", "KYIV, Ukraine —"),
    ("BEIJING, Aug. 3 (Xinhua) -- China's exports", "BEIJING, Aug. 3 (Xinhua) --"),
    ("Paris (AFP) - French police said", "Paris (AFP) -"),
    ("NEW DELHI: The government said", "NEW DELHI:"),
    ("EXCLUSIVE — Officials said", None), ("NATO — the alliance said", None),
    ("Moscow - the Kremlin said", None), ("The minister - who declined", None),
])
def test_datelines(text, prefix):
    end = R.dateline_end(text, 0)
    assert (text[:end] if end is not None else None) == prefix


def test_date_lines():
    for line in ("August 3, 2023", "Published: 03 Aug 2023 10:00 GMT", "Updated 3 hours ago",
                 "Thu 3 Aug 2023 10.05 BST"):
        assert R.is_date_line(line, len(line.split())), line
    for line in ("August was hot", "Officials met on August 3, 2023 in Tokyo"):
        assert not R.is_date_line(line, len(line.split())), line


# -- the annotator ----------------------------------------------------------------------------------
def test_annotator_registered_and_idempotent():
    cls = annotators()["segments"]
    assert cls is Segments and cls.provides == ("segments",) and cls.requires == ()
    doc = Document(text=WIRE)
    Segments().annotate(doc)
    first = list(doc.segments)
    Segments().annotate(doc)
    assert doc.segments == first
    [out] = Pipeline(["segments"]).run([Document(text=WIRE)])
    assert out.segments == first
    assert [s for s in out.body_spans()] == [s for s in first if s.type in ("lede", "body")]


# -- HTML blocks -------------------------------------------------------------------------------------
def _blocks_doc(parts: list[tuple[str, str]], sep: str = "\n") -> Document:
    text, blocks, pos = "", [], 0
    for typ, part in parts:
        blocks.append(HtmlBlock(start=pos, end=pos + len(part), type=typ))
        text += part + sep
        pos = len(text)
    return Document(text=text, hints={"blocks": blocks})


def _html_pairs(doc: Document) -> list[tuple[str, str]]:
    segs = segment_text(doc)
    check_invariants(doc.text, segs)
    return [(s.type, doc.text[s.start:s.end]) for s in segs]


def test_html_blocks_refined():
    doc = _blocks_doc([
        ("title", "NATO eyes Tokyo office"),
        ("byline", "By Jane Doe"),
        ("body", "TOKYO (Reuters) — NATO is weighing an office in Tokyo, officials said."),
        ("body", "France objected to the plan (Related: Macron visits China) during talks."),
        ("body", "Sources include:"),
        ("body", "RT.com"),
        ("body", "KyodoNews.com"),
        ("related", "First related headline\nSecond related headline"),
        ("boilerplate", "Subscribe now"),
    ])
    assert _html_pairs(doc) == [
        ("title", "NATO eyes Tokyo office"),
        ("byline", "By Jane Doe"),
        ("dateline", "TOKYO (Reuters) —"),
        ("lede", "NATO is weighing an office in Tokyo, officials said."),
        ("body", "France objected to the plan"),
        ("related", "(Related: Macron visits China)"),
        ("body", "during talks."),
        ("sources", "Sources include:"),
        ("sources", "RT.com"),
        ("sources", "KyodoNews.com"),
        ("related", "First related headline"),
        ("related", "Second related headline"),
        ("boilerplate", "Subscribe now"),
    ]


def test_html_given_lede_kept_and_gaps_covered():
    doc = _blocks_doc([
        ("title", "Headline here"),
        ("body", "Share this article"),
        ("lede", "The lede paragraph is given by the page."),
        ("body", "A body paragraph follows."),
        ("caption", "A caption from a figure"),
    ])
    # text between and after blocks that no block covers must still be segmented
    doc.text += "Trailing text outside any block."
    pairs = _html_pairs(doc)
    assert pairs == [
        ("title", "Headline here"),
        ("boilerplate", "Share this article"),
        ("lede", "The lede paragraph is given by the page."),
        ("body", "A body paragraph follows."),
        ("caption", "A caption from a figure"),
        ("body", "Trailing text outside any block."),
    ]


def test_html_overlapping_and_out_of_range_blocks():
    text = "  Alpha beta gamma.\n\nDelta epsilon.  "
    blocks = [HtmlBlock(0, 15, "body"), HtmlBlock(5, 40, "body"), HtmlBlock(50, 60, "title"),
              HtmlBlock(3, 3, "caption")]
    pairs = _html_pairs(Document(text=text, hints={"blocks": blocks}))
    assert "".join(t for _, t in pairs).replace(" ", "") == "Alphabetagamma.Deltaepsilon."
    assert [k for k, _ in pairs].count("lede") == 1


# -- properties ---------------------------------------------------------------------------------------
_ANY_CHAR = st.characters(blacklist_categories=("Cs",))
_LINES = st.sampled_from([
    "Sources include:", "Related:", "(Related:", "NATO preparing for World War III.)", "RT.com",
    "More related stories:", "By Jane Doe", "MOSCOW, Aug 3 (Reuters) -", "Photo: a man",
    "Share this article", "© 2023 Example", "In an exclusive interview with", "the",
    "A short heading", "The minister said on Monday that talks would resume.", "", "   ",
    "WASHINGTON (AP) —", "https://example.org/a b", "Read more", "August 3, 2023", "\u2028",
    "Tags: x", "[Related: y]", "lowercase continuation line", "REUTERS/Name", "x" * 120,
])
_SEPS = st.sampled_from(["\n", "\r\n", "\r", "\u2028", "\u2029", "\x0b", "\x85", "\n\n", " \n\t\n"])


@st.composite
def article_like(draw) -> str:
    parts = draw(st.lists(st.tuples(st.one_of(_LINES, st.text(_ANY_CHAR, max_size=30)), _SEPS), max_size=25))
    return "".join(a + b for a, b in parts)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(st.text(_ANY_CHAR, max_size=400), article_like()), st.one_of(st.none(), st.text(max_size=20)))
def test_property_invariants_plain(text, title):
    doc = Document(text=text, title=title)
    check_invariants(text, segment_text(doc))


@settings(max_examples=200, deadline=None)
@given(article_like(), st.lists(st.tuples(st.integers(-5, 400), st.integers(-5, 400),
                                          st.sampled_from(["body", "lede", "title", "related", "sources",
                                                           "caption", "boilerplate", "sidebar"])), max_size=8))
def test_property_invariants_html(text, raw_blocks):
    blocks = [HtmlBlock(a, b, t) for a, b, t in raw_blocks]  # type: ignore[arg-type]
    check_invariants(text, segment_text(Document(text=text, hints={"blocks": blocks})))


def test_title_segment_becomes_the_record_title_when_none_given(example_text):
    import newsxray
    record = newsxray.load(["segments"]).analyze(text=example_text)
    assert record.title.startswith("China warns Japan and other countries against backing NATO")
    given = newsxray.load(["segments"]).analyze(text=example_text, title="Given headline")
    assert given.title == "Given headline"
