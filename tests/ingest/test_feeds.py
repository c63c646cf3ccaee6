"""RSS/Atom feeds: items as inputs, full content offline, teasers fetched safely."""
from __future__ import annotations

import time

import pytest

from newsxray.errors import FetchError
from newsxray.ingest import ArticleInput, InputFailure
from newsxray.ingest.feeds import feed_stem, is_feed, is_full_content, iter_feed, slug
from newsxray.ingest.fetch import Fetcher
from newsxray.ingest.limits import LIMITS
from newsxray.ingest.readers import iter_inputs
from tests.ingest.local_server import local_server, send

FULL = ("<p>The harbour council voted on Monday to rebuild the flood wall. The vote was 7 to 2. "
        "Work starts in spring and will take two years. \u201cWe cannot wait,\u201d the mayor said.</p>")
PAGE = "<html><body><article><h1>Fetched story</h1><p>Body of the fetched story.</p></article></body></html>"


def rss(items: str, *, decl: str = '<?xml version="1.0" encoding="utf-8"?>') -> str:
    return (f'{decl}\n<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">'
            f"<channel><title>Ledger</title><link>https://ledger.example/</link>{items}</channel></rss>")


def item(title: str, link: str, *, guid: str | None = None, date: str | None = None,
         content: str | None = None, summary: str = "A short teaser.") -> str:
    parts = [f"<title>{title}</title>", f"<link>{link}</link>", f"<description>{summary}</description>"]
    if guid:
        parts.append(f"<guid>{guid}</guid>")
    if date:
        parts.append(f"<pubDate>{date}</pubDate>")
    if content:
        parts.append(f"<content:encoded><![CDATA[{content}]]></content:encoded>")
    return "<item>" + "".join(parts) + "</item>"


ATOM = """<?xml version="1.0" encoding="utf-8"?>
<!-- a comment before the root -->
<feed xmlns="http://www.w3.org/2005/Atom"><title>Atom news</title>
  <entry><title>Atom story</title><id>tag:ledger.example,2023:story-42</id>
    <link rel="alternate" href="https://ledger.example/atom/story-42"/>
    <updated>2023-08-06T08:00:00Z</updated>
    <content type="html">{content}</content></entry>
</feed>"""


class NoFetch:
    def fetch(self, url):
        raise AssertionError(f"nothing should be fetched, but {url} was")


@pytest.mark.parametrize("text, expected", [
    (rss(""), True),
    ("\ufeff  " + rss("", decl=""), True),
    (ATOM.format(content=""), True),
    ('<?xml version="1.0"?><!DOCTYPE rdf><rdf:RDF xmlns:rdf="x"><item/></rdf:RDF>', True),
    ("<!DOCTYPE html><html><body><p>rss feed</p></body></html>", False),
    ('<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"/>', False),
    ('{"text": "<rss>"}', False),
    ("Plain text that mentions <rss> later.", False),
])
def test_is_feed(text, expected):
    assert is_feed(text) is expected


def test_is_feed_is_fast_on_hostile_prologs():
    started = time.monotonic()
    for text in (" " * 100_000 + "x", "<?" * 50_000, "<!--" * 30_000, "\n" * 4000 + "<rss>"):
        is_feed(text)
    assert time.monotonic() - started < 0.5


def test_full_content_threshold():
    assert is_full_content(FULL)
    assert not is_full_content("<p>A short teaser. Read more.</p>")
    assert not is_full_content("<p>" + "word " * 100 + "</p>"), "long but not sentences"


@pytest.mark.parametrize("value, expected", [
    ("https://ledger.example/news/2023/08/05/flood-wall-vote.html", "flood-wall-vote"),
    ("https://ledger.example/?p=123", "p-123"),
    ("tag:ledger.example,2023:story-42", "tag-ledger.example-2023-story-42"),
    ("12345", "12345"), ("", None), (None, None), ("///", None),
])
def test_slug(value, expected):
    assert slug(value) == expected


def test_feed_stem():
    assert feed_stem("https://ledger.example/feeds/world.xml") == "world"
    assert feed_stem("https://ledger.example/") == "ledger.example"


def test_full_content_items_are_read_offline():
    text = rss(item("Flood wall vote", "https://ledger.example/news/flood-wall-vote.html",
                    guid="https://ledger.example/news/flood-wall-vote.html",
                    date="Sat, 05 Aug 2023 10:00:00 GMT", content=FULL + "<script>track()</script>")
               + item("Second &amp; last", "/news/second", content=FULL, date="not a date"))
    items = list(iter_feed(text, source="ledger.xml", stem="ledger", fetcher=NoFetch(),
                           url="https://ledger.example/feed.xml"))
    assert [i.id for i in items] == ["flood-wall-vote", "second"]
    first, second = items
    assert isinstance(first, ArticleInput) and "flood wall" in first.html and "track()" not in first.html
    assert first.title == "Flood wall vote" and first.published == "2023-08-05T10:00:00+00:00"
    assert first.url == "https://ledger.example/news/flood-wall-vote.html" and first.source == "ledger.xml#1"
    assert second.title == "Second & last" and second.published is None
    assert second.url == "https://ledger.example/news/second", "relative links resolve against the feed URL"


def test_atom_content_and_updated_date():
    items = list(iter_feed(ATOM.format(content=FULL.replace("<", "&lt;")), source="a.atom", stem="a",
                           fetcher=NoFetch()))
    assert len(items) == 1 and items[0].html.startswith("<p>The harbour council")
    assert items[0].id == "tag-ledger.example-2023-story-42" and items[0].published == "2023-08-06T08:00:00+00:00"


def test_ids_fall_back_to_the_stem_and_stay_unique():
    text = rss(item("One", "https://ledger.example/index", content=FULL)
               + item("Two", "https://ledger.example/other/index", content=FULL)
               + item("Three", "", content=FULL))
    ids = [i.id for i in iter_feed(text, source="f.xml", stem="f", fetcher=NoFetch())]
    assert ids == ["index", "index-2", "f-3"]


def test_max_feed_items_caps_the_items(caplog):
    text = rss("".join(item(f"Story {n}", f"https://ledger.example/{n}", content=FULL) for n in range(12)))
    items = list(iter_feed(text, source="f.xml", stem="f", fetcher=NoFetch(), limits=LIMITS.with_(max_feed_items=5)))
    assert len(items) == 5 and "reading the first 5" in caplog.text


def test_broken_and_empty_feeds_are_reported():
    broken = list(iter_feed("<rss><channel><item><title>x</ti", source="b.xml", stem="b", fetcher=NoFetch()))
    empty = list(iter_feed(rss(""), source="e.xml", stem="e", fetcher=NoFetch()))
    assert isinstance(broken[0], InputFailure) and len(broken) == 1
    assert empty == [InputFailure(source="e.xml", reason="the feed has no items", id="e")]


def test_feedparser_never_fetches_by_itself():
    with local_server({}) as server:
        items = list(iter_feed(server.url("/feed.xml"), source="x", stem="x", fetcher=NoFetch()))
        assert server.hits == []
    assert isinstance(items[0], InputFailure)


ROUTES = {
    "/story": lambda h: send(h, PAGE),
    "/feed.xml": lambda h: send(h, rss(item("Teaser", "/story", guid="story-1")
                                      + item("Full", "/full", content=FULL)), content_type="application/rss+xml"),
    "/feed-as-xml": lambda h: send(h, ATOM.format(content=FULL.replace("<", "&lt;")), content_type="text/xml"),
}


@pytest.fixture(scope="module")
def server():
    with local_server(ROUTES) as srv:
        yield srv


@pytest.mark.network
def test_teaser_items_are_fetched_and_failures_stay_per_item(server, tmp_path):
    text = rss(item("Teaser", server.url("/story"), date="2023-08-05")
               + item("Gone", server.url("/gone"))
               + item("Intranet", "http://10.0.0.1/admin")
               + item("No link", ""))
    items = list(iter_feed(text, source="t.xml", stem="t", fetcher=Fetcher(allow_private=True)))
    assert [type(i).__name__ for i in items] == ["ArticleInput", "InputFailure", "InputFailure", "InputFailure"]
    assert items[0].html == PAGE and items[0].url == server.url("/story") and items[0].published == "2023-08-05"
    assert "HTTP 404" in items[1].reason and items[1].id == "gone"
    assert "10.0.0.1 is a private address" not in items[2].reason, "allow_private lets 10.0.0.1 through the check"
    assert "neither full content nor a link" in items[3].reason
    strict = list(iter_feed(rss(item("Intranet", "http://10.0.0.1/admin")), source="s", stem="s"))
    assert "refused: 10.0.0.1 is a private address" in strict[0].reason


@pytest.mark.network
def test_feed_urls_and_files_through_iter_inputs(server, tmp_path, monkeypatch):
    items = list(iter_inputs([server.url("/feed.xml"), server.url("/feed-as-xml")], allow_private=True))
    assert [i.id for i in items] == ["story-1", "full", "tag-ledger.example-2023-story-42"]
    assert items[0].html == PAGE and items[1].html.startswith("<p>The harbour")
    (tmp_path / "ledger.rss").write_text(rss(item("Full", "https://ledger.example/full", content=FULL)))
    (tmp_path / "sitemap.xml").write_text('<?xml version="1.0"?><urlset/>')
    got = list(iter_inputs([str(tmp_path)], fetcher=NoFetch()))
    assert got[0].id == "full" and isinstance(got[0], ArticleInput)
    assert isinstance(got[1], InputFailure) and "not an RSS or Atom feed" in got[1].reason
    with pytest.raises(FetchError):
        Fetcher().fetch(server.url("/feed.xml"))
