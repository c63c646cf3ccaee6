"""The bundled sample articles under ``examples/``: present, well-formed, and rich enough.

These files feed ``make demo`` and the tests of every layer, so this module checks the
properties the other tests rely on (styles, blocks, formats). No spaCy here: it is fast.
"""
from __future__ import annotations

import importlib.util
import json
import re
from pathlib import Path
from urllib.parse import urlparse

import feedparser
import pytest
from lxml import html as lxml_html
from warcio.archiveiterator import ArchiveIterator

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
TEXT_FILES = sorted(EXAMPLES.glob("[01][0-9]_*.txt"))
HTML_FILE = next(iter(sorted(EXAMPLES.glob("13_*.html"))), EXAMPLES / "13_missing.html")
RSS_FILE = next(iter(sorted(EXAMPLES.glob("14_*.xml"))), EXAMPLES / "14_missing.xml")
WARC_FILE = next(iter(sorted(EXAMPLES.glob("15_*.warc.gz"))), EXAMPLES / "15_missing.warc.gz")
TAG = re.compile(r"<[^>]+>")
DATELINE = re.compile(r"^[A-Z][A-Z' .-]+, [A-Z][a-z]{2,8}\.? \d{1,2} \([^)]+\) - ", re.M)


def words(text: str) -> int:
    return len(text.split())


def by_prefix(prefix: str) -> str:
    (path,) = [p for p in TEXT_FILES if p.name.startswith(prefix)]
    return path.read_text(encoding="utf-8")


def paragraphs(text: str) -> list[str]:
    return [p.strip() for p in re.split(r"\n\s*\n", text) if p.strip()]


# --- presence and encoding -------------------------------------------------------------

def test_every_example_file_is_present():
    assert [p.name[:3] for p in TEXT_FILES] == [f"{i:02d}_" for i in [*range(1, 13), 16]]
    for path in (HTML_FILE, RSS_FILE, WARC_FILE, EXAMPLES / "README.md", EXAMPLES / "make_warc.py"):
        assert path.is_file(), f"missing {path.name}"


@pytest.mark.parametrize("path", TEXT_FILES + [HTML_FILE, RSS_FILE, EXAMPLES / "README.md"],
                         ids=lambda p: p.name)
def test_text_files_are_non_empty_utf8_with_unix_newlines(path):
    raw = path.read_bytes()
    assert raw.strip(), f"{path.name} is empty"
    text = raw.decode("utf-8")  # raises if not UTF-8
    assert not text.startswith("\ufeff")
    assert "\r" not in text and "\t" not in text
    assert text.endswith("\n")


def test_readme_lists_every_file_and_states_licence():
    readme = (EXAMPLES / "README.md").read_text(encoding="utf-8")
    for path in sorted(EXAMPLES.iterdir()):
        if path.name != "README.md" and path.is_file():
            assert f"`{path.name}`" in readme, f"README does not describe {path.name}"
    assert "fictional" in readme.lower()
    assert "Apache-2.0" in readme


# --- the plain-text articles ----------------------------------------------------------

@pytest.mark.parametrize("path", TEXT_FILES, ids=lambda p: p.name)
def test_plain_articles_are_250_to_700_words(path):
    count = words(path.read_text(encoding="utf-8"))
    assert 250 <= count <= 700, f"{path.name}: {count} words"


def test_at_least_three_have_related_and_sources_blocks():
    texts = [p.read_text(encoding="utf-8") for p in TEXT_FILES]
    with_blocks = [t for t in texts if "More related stories:" in t and "Sources include:" in t]
    assert len(with_blocks) >= 3
    for text in with_blocks:
        assert re.search(r"\(Related: [^)]+\)", text)
        related = text.split("More related stories:")[1].split("Sources include:")[0]
        assert 4 <= len([ln for ln in related.splitlines() if ln.strip()]) <= 6
        listed = [ln.strip() for ln in text.split("Sources include:")[1].splitlines() if ln.strip()]
        assert 3 <= len(listed) <= 5
        assert all(re.fullmatch(r"[A-Za-z0-9.-]+\.[a-z]{2,}", ln) for ln in listed), listed


def test_four_wire_stories_have_byline_and_dateline():
    wires = [p for p in TEXT_FILES if "_wire_" in p.name]
    assert len(wires) == 4
    for path in wires:
        text = path.read_text(encoding="utf-8")
        assert re.search(r"^By [A-Z]", text, re.M), path.name
        assert DATELINE.search(text), path.name
        assert text.count(" said") >= 5, path.name
    all_wire = " ".join(p.read_text(encoding="utf-8") for p in wires)
    for phrase in ("told reporters", "according to", "told TASS", "in an interview with CNN",
                   "State media reported", "a spokesperson for the EU Commission"):
        assert phrase.lower() in all_wire.lower(), phrase


def test_analysis_pieces_have_relative_dates_and_statistics():
    text = by_prefix("08_") + by_prefix("09_")
    for phrase in ("last Tuesday", "back in May", "in late January", "earlier this year",
                   "two weeks ago", "the next day", "in the 1990s", "next month"):
        assert phrase.lower() in text.lower(), phrase
    assert len(re.findall(r"\d+(?:\.\d+)? percent", text)) >= 8
    assert "a study published in nature" in text.lower()


def test_press_conference_quote_spans_two_paragraphs():
    paras = paragraphs(by_prefix("10_"))
    reopened = [i for i, p in enumerate(paras)
                if i and p.startswith('"') and paras[i - 1].count('"') % 2 == 1]
    assert reopened, "no paragraph reopens an unclosed quote"
    text = "\n".join(paras)
    assert re.search(r'"[^"\n]*\'[^\'"\n]+\'[^"\n]*"', text), "no nested single quote"
    assert re.search(r"\bstated that\b", text) and re.search(r"\bargued that\b", text)
    assert 'pledged to "defend its borders' in text


def test_hard_wrapped_article_shape():
    lines = by_prefix("11_").rstrip("\n").split("\n")
    assert len(lines) >= 30
    assert all(line.strip() for line in lines), "hard-wrapped file has blank lines"
    assert all(len(line) <= 80 for line in lines[1:])
    mid_sentence = [ln for ln in lines[1:] if not ln.rstrip().endswith((".", '"'))]
    assert len(mid_sentence) > len(lines) // 2


def test_captioned_article_has_page_furniture():
    text = by_prefix("12_")
    assert len(re.findall(r"^Photo: ", text, re.M)) >= 2
    assert re.search(r"^Read more: ", text, re.M)
    assert "Share this article" in text
    assert re.search(r"^© \d{4} .+All rights reserved", text, re.M)


# --- HTML page ---------------------------------------------------------------------------

@pytest.fixture(scope="module")
def page():
    return lxml_html.fromstring(HTML_FILE.read_bytes())


def test_html_head_metadata(page):
    assert page.findtext(".//title").strip()
    assert page.xpath('//meta[@property="og:site_name"]/@content') == ["The Meridian Courier"]
    (published,) = page.xpath('//meta[@property="article:published_time"]/@content')
    (ld_text,) = page.xpath('//script[@type="application/ld+json"]/text()')
    ld = json.loads(ld_text)
    assert ld["@type"] == "NewsArticle"
    assert ld["datePublished"] == published


def test_html_article_structure(page):
    (article,) = page.xpath("//article")
    assert article.xpath(".//h1")
    assert article.xpath('.//*[contains(@class, "byline")]')
    assert article.xpath(".//time/@datetime")
    assert article.xpath(".//figure/figcaption")
    body = article.xpath('.//div[contains(@class, "story-body")]/p')
    assert len(body) >= 8
    links = article.xpath('.//div[contains(@class, "story-body")]//a/@href')
    assert len(links) >= 4 and all(urlparse(u).scheme == "https" for u in links)
    assert article.xpath('.//*[contains(@class, "sources")]//li')


def test_html_page_furniture(page):
    (aside,) = page.xpath("//aside")
    assert "Related stories" in aside.text_content()
    assert len(aside.xpath(".//li/a/@href")) == 4
    assert page.xpath('//*[contains(@class, "share")]//a')
    assert page.xpath('//*[contains(@class, "newsletter")]//form')
    assert page.xpath('//*[contains(@class, "cookie")]')
    assert "©" in page.xpath("//footer")[0].text_content()


# --- RSS feed ----------------------------------------------------------------------------

def test_rss_feed_has_three_full_items():
    feed = feedparser.parse(str(RSS_FILE))
    assert not feed.bozo, feed.get("bozo_exception")
    assert feed.version == "rss20"
    assert len(feed.entries) == 3
    titles = set()
    for entry in feed.entries:
        titles.add(entry.title)
        assert urlparse(entry.link).hostname.endswith(".example")
        assert entry.id and entry.published_parsed
        body = TAG.sub(" ", entry.content[0].value)
        assert 150 <= words(body) <= 300, (entry.title, words(body))
    assert len(titles) == 3


# --- WARC archive ------------------------------------------------------------------------

def read_warc(path: Path) -> list[tuple[str, str | None, bytes]]:
    with open(path, "rb") as stream:
        return [(rec.rec_type, rec.rec_headers.get_header("WARC-Target-URI"),
                 rec.content_stream().read()) for rec in ArchiveIterator(stream)]


def test_warc_has_warcinfo_then_three_html_responses():
    records = read_warc(WARC_FILE)
    assert records[0][0] == "warcinfo"
    responses = [r for r in records if r[0] == "response"]
    assert len(responses) == 3 and len(records) == 4
    for _, uri, payload in responses:
        assert urlparse(uri).hostname.endswith(".example")
        page_text = payload.decode("utf-8")
        assert "<h1>" in page_text and "article:published_time" in page_text


def test_warc_is_reproducible_from_script(tmp_path):
    spec = importlib.util.spec_from_file_location("make_warc", EXAMPLES / "make_warc.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    rebuilt = module.build(tmp_path / WARC_FILE.name)
    assert rebuilt.read_bytes() == WARC_FILE.read_bytes(), "re-run examples/make_warc.py"
