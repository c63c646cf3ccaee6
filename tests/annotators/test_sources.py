"""The sources layer on hand-built documents: every kind of source, name and domain
normalisation, state-affiliated outlets, ratings and the outlet profile."""
from __future__ import annotations

import pickle
import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsxray.annotators.source_names import outlet_by_domain, resolve
from newsxray.annotators.source_profile import outlet_key
from newsxray.annotators.sources import Sources
from newsxray.document import Document, Entity, Link, Mention, Outlet, Segment, Source
from newsxray.errors import ConfigError
from newsxray.gazetteer.state_media import STATE_MEDIA, state_outlet_for_domain
from newsxray.ratings import ENV_VAR, RatingsError


def entity(text: str, n: int, name: str, type: str, *, surface: str | None = None, sector: str | None = None,
           country: str | None = None) -> Entity:
    spans = [Mention(m.start(), m.end()) for m in re.finditer(re.escape(surface or name), text)]
    assert spans, f"{surface or name!r} is not in the text"
    return Entity(id=f"E{n}", name=name, type=type, country=country, sector=sector, description=None,
                  mentions=tuple(spans))


def make(text: str, ents=(), *, segments=None, links=None, url=None) -> Document:
    doc = Document(text=text, url=url)
    doc.set_layer("segments", segments or [Segment(0, len(text), "body")])
    doc.set_layer("entities", [entity(text, i, *e[:2], **(e[2] if len(e) > 2 else {}))
                               for i, e in enumerate(ents, 1)])
    if links:
        doc.hints["links"] = links
    return doc


def run(doc: Document, **config) -> list[Source]:
    Sources(env=False, **config).annotate(doc)
    return doc.layer("sources")


def cited(doc: Document, sources=None) -> list[tuple[str, str, str, str | None]]:
    return [(s.kind, doc.text[s.start:s.end], s.name, s.domain) for s in (sources or doc.layer("sources"))]


# -- normalisation -----------------------------------------------------------------------------
def test_one_outlet_however_it_is_written():
    forms = ["RT", "RT.com", "rt.com", "https://www.rt.com/news/1", "Russia Today"]
    assert {(resolve(f).name, resolve(f).domain) for f in forms} == {("RT", "rt.com")}
    assert resolve("Kyodo News").name == resolve("KyodoNews.com").name == "Kyodo News"
    assert resolve("KyodoNews.com").domain == "kyodonews.com"      # the domain as cited
    assert resolve("Kyodo News").domain == "kyodonews.net"         # the outlet's own domain
    assert resolve("the Associated Press").name == resolve("AP").name == "Associated Press"
    assert resolve("SHTFPlan.com").name == "SHTFPlan.com" and resolve("SHTFPlan.com").domain == "shtfplan.com"
    assert resolve("www.bbc.co.uk/news").domain == "bbc.co.uk"
    assert resolve("Some Local Gazette").domain is None


def test_outlet_keys_merge_names_domains_and_links():
    def src(name, domain):
        return Source(0, 1, "S1", "listed", name, domain, None)
    assert outlet_key(src("RT", "rt.com")) == outlet_key(src("RT.com", "rt.com")) == outlet_key(src("rt", None))
    assert outlet_key(src("Kyodo News", "kyodonews.com")) == outlet_key(src("Kyodo", "kyodonews.net"))
    assert outlet_key(src("a.example.org", "example.org")) != outlet_key(src("b.example.net", "example.net"))


def test_state_media_list_is_well_formed():
    codes = {o.country for o in STATE_MEDIA}
    assert {"RUS", "CHN", "IRN", "PRK", "VEN", "TUR"} <= codes
    assert all(len(c) == 3 and c.isupper() for c in codes)
    assert all(o.domains and all("." in d and d == d.lower() for d in o.domains) for o in STATE_MEDIA)
    assert state_outlet_for_domain("tass.ru").name == "TASS"
    assert state_outlet_for_domain("bbc.co.uk") is None
    assert outlet_by_domain("english.news.cn").name == "Xinhua"


# -- attribution --------------------------------------------------------------------------------
def test_attribution_cues_before_the_name():
    text = ("Two drones were shot down, according to Reuters. The minister told TASS that nothing had "
            "changed. In an interview with\nCNN, the spokesman denied it. A study published in the "
            "journal Nature found the opposite.")
    doc = make(text, [("Reuters", "ORG", {"sector": "MED"}), ("TASS", "ORG", {"sector": "MED"}),
                      ("CNN", "ORG", {"sector": "MED"}), ("Nature", "OTHER")])
    got = {(s.name, s.cue.text, s.domain) for s in run(doc)}
    assert got == {("Reuters", "according to", "reuters.com"), ("TASS", "told", "tass.com"),
                   ("CNN", "interview with", "cnn.com"), ("Nature", "published in", "nature.com")}
    assert all(s.kind == "attribution" and s.entity for s in doc.layer("sources"))


def test_attribution_cues_after_the_name():
    text = ("The Pentagon said on Monday that the base was hit. State media reported the same. "
            "Chinese state television said nothing. A Reuters report disputed it. "
            "Xinhua news agency said the deal was signed. NATO's statement was short.")
    doc = make(text, [("Pentagon", "ORG", {"sector": "MIL", "country": "USA"}),
                      ("Reuters", "ORG", {"sector": "MED"}), ("Xinhua", "ORG", {"sector": "MED"}),
                      ("North Atlantic Treaty Organization", "ORG", {"surface": "NATO", "sector": "IGO"})])
    by_name = {s.name: s for s in run(doc)}
    assert set(by_name) == {"Pentagon", "state media", "Chinese state television", "Reuters", "Xinhua",
                            "North Atlantic Treaty Organization"}
    assert by_name["Pentagon"].cue.text == "said" and by_name["Pentagon"].country == "USA"
    assert by_name["state media"].state_affiliated and by_name["state media"].country is None
    assert by_name["Chinese state television"].country == "CHN"
    assert by_name["Reuters"].cue.text == "report"
    assert by_name["Xinhua"].state_affiliated and by_name["Xinhua"].country == "CHN"
    assert by_name["North Atlantic Treaty Organization"].cue.text == "statement"


def test_names_without_entities_and_evidence_phrases():
    text = ("Homs was hit, according to Syrian state media. "
            "Prices rose, according to a report by the Center for Budget Studies. Growth slowed, "
            "according to data from the Bureau of Labor Statistics. He told the Russian news agency "
            "RIA Novosti that talks would go on. Speaking to the Moscow Tribune, she agreed.")
    got = {(s.name, s.cue.text) for s in run(make(text, [("Syrian", "NORP")]))}
    assert got == {("Syrian state media", "according to"), ("Center for Budget Studies", "according to a report by"),
                   ("Bureau of Labor Statistics", "according to data from"),
                   ("RIA Novosti", "told"), ("Moscow Tribune", "Speaking to")}


def test_people_places_and_audiences_are_not_sources():
    text = ("Zhang told reporters the plan was dead. The minister told MPs it was right. He told "
            "Zhang nothing, according to Zhang. Japan said it would respond. Trump has told the "
            "Pentagon to leave. Land occupied by Islamic State said to be mined. Members of Congress "
            "said they would look. Isis was said to have fled. He cited NATO's expansion as a threat.")
    doc = make(text, [("Zhang", "PERSON"), ("Japan", "GPE"), ("Pentagon", "ORG", {"sector": "MIL"}),
                      ("Islamic State", "ORG", {"sector": "REB"}), ("Congress", "ORG", {"sector": "LEG"}),
                      ("Isis", "ORG", {"sector": "REB"}),
                      ("North Atlantic Treaty Organization", "ORG", {"surface": "NATO"})])
    assert run(doc) == []


def test_the_example_attribution_pattern():
    text = "In an exclusive interview with\nTASS on August 3, Zhang emphasized the need for peace."
    (src,) = run(make(text, [("TASS", "ORG", {"sector": "MED", "country": "RUS"}), ("Zhang", "PERSON")]))
    assert (src.kind, src.name, src.domain, src.country, src.state_affiliated) == (
        "attribution", "TASS", "tass.com", "RUS", True)
    assert text[src.cue.start:src.cue.end] == "interview with"


def test_only_the_body_is_read_for_attributions():
    text = "NATO said it would act\nMore related stories:\nReuters said the war is over."
    segs = [Segment(0, 22, "body"), Segment(23, 44, "related"), Segment(45, len(text), "related")]
    doc = make(text, [("Reuters", "ORG", {"sector": "MED"})], segments=segs)
    assert run(doc) == []


# -- links -----------------------------------------------------------------------------------
PAGE = """<html><head><title>Talks fail</title></head><body><article>
<h1>Talks fail after a long night</h1>
<p>The minister said on Tuesday that the talks had failed, <a href="https://www.reuters.com/world/x">Reuters
reported</a>. Officials disputed the account given by <a href="https://tass.com/politics/1">the news
agency</a> and by <a href="/local/story">our own reporters</a>.</p>
<p>More can be read at www.bbc.co.uk/news and https://example.org/page?x=1 for details, or on
Brighteon.com, which the prime minister denied in a long and angry statement on Wednesday.</p>
</article></body></html>"""


@pytest.mark.slow
def test_links_from_a_page(analyzer):
    doc = analyzer.analyze(html=PAGE, url="https://news.example.com/talks")
    got = {(s.kind, doc.text[s.start:s.end], s.domain, s.url) for s in doc.layer("sources")}
    assert ("attribution", "Reuters", "reuters.com", "https://www.reuters.com/world/x") in got
    assert ("link", "the news agency", "tass.com", "https://tass.com/politics/1") in got
    assert ("link", "www.bbc.co.uk/news", "bbc.co.uk", "www.bbc.co.uk/news") in got
    assert ("link", "https://example.org/page?x=1", "example.org", "https://example.org/page?x=1") in got
    assert ("link", "Brighteon.com", "brighteon.com", None) in got
    assert not any(s.domain == "example.com" for s in doc.layer("sources"))   # its own site
    tass = next(s for s in doc.layer("sources") if s.domain == "tass.com")
    assert tass.name == "TASS" and tass.state_affiliated and tass.country == "RUS"


def test_links_skip_own_site_related_blocks_and_non_http():
    text = "Body text with a link here and another there.\nRelated story headline"
    segs = [Segment(0, 45, "body"), Segment(46, len(text), "related")]
    links = [Link(17, 21, "https://www.theguardian.com/world/1"), Link(31, 38, "https://site.example.net/x"),
             Link(25, 29, "mailto:someone@example.org"), Link(46, 53, "https://www.rt.com/news/2")]
    doc = make(text, segments=segs, links=links, url="https://www.site.example.net/story")
    assert cited(doc, run(doc)) == [("link", "link", "Guardian", "theguardian.com")]
    assert doc.layer("sources")[0].url == "https://www.theguardian.com/world/1"


def test_words_with_dots_are_not_domains():
    text = ("The U.S.-led alliance met at 9 a.m. on Monday, i.e. early. Prof. Smith, Ph.D., said "
            "it was done.It was not. Results are in report.pdf and in version 3.2.")
    assert run(make(text)) == []


# -- listed -------------------------------------------------------------------------------------
def test_listed_entries_of_a_sources_block():
    lines = ["Body sentence here.", "Sources include:", "SHTFPlan.com", "RT.com", "KyodoNews.com",
             "- Reuters", "2. https://www.nature.com/articles/x", "Smith J. A long study. The Lancet, 2020."]
    text = "\n".join(lines)
    segs, pos = [], 0
    for i, line in enumerate(lines):
        segs.append(Segment(pos, pos + len(line), "body" if i == 0 else "sources"))
        pos += len(line) + 1
    doc = make(text, segments=segs)
    got = [(s.kind, s.name, s.domain, text[s.start:s.end]) for s in run(doc)]
    assert got == [
        ("listed", "SHTFPlan.com", "shtfplan.com", "SHTFPlan.com"),
        ("listed", "RT", "rt.com", "RT.com"),
        ("listed", "Kyodo News", "kyodonews.com", "KyodoNews.com"),
        ("listed", "Reuters", "reuters.com", "Reuters"),
        ("listed", "Nature", "nature.com", "https://www.nature.com/articles/x"),
        ("listed", "The Lancet", "thelancet.com", "Smith J. A long study. The Lancet, 2020"),
    ]
    assert doc.layer("sources")[4].url == "https://www.nature.com/articles/x"


# -- ratings and profile ------------------------------------------------------------------------
@pytest.fixture()
def ratings_file(tmp_path):
    path = tmp_path / "mine.csv"
    path.write_text("domain,score,label\nrt.com,0.2,unreliable\nkyodonews.net,0.9,reliable\n"
                    "reuters.com,1.0,reliable\nodd.example.org,0.5,whatever\n")
    return str(path)


def example_like() -> Document:
    lines = ["Officials told TASS and Reuters the same thing, and RT said so too.", "Sources include:",
             "RT.com", "KyodoNews.com", "odd.example.org", "Brighteon.com"]
    text = "\n".join(lines)
    segs, pos = [], 0
    for i, line in enumerate(lines):
        segs.append(Segment(pos, pos + len(line), "body" if i == 0 else "sources"))
        pos += len(line) + 1
    return make(text, [("TASS", "ORG", {"sector": "MED"}), ("Reuters", "ORG", {"sector": "MED"}),
                       ("RT", "ORG", {"sector": "MED"})], segments=segs)


def test_ratings_attached_by_domain_and_by_outlet(ratings_file):
    doc = example_like()
    sources = {(s.kind, s.name): s for s in run(doc, ratings=[ratings_file])}
    assert sources[("listed", "RT")].rating.score == 0.2 and sources[("listed", "RT")].rating.dataset == "mine"
    assert sources[("listed", "Kyodo News")].rating.score == 0.9       # via the outlet's own domain
    assert sources[("attribution", "Reuters")].rating.level == "high"
    assert sources[("listed", "odd.example.org")].rating.level is None
    assert sources[("listed", "Brighteon.com")].rating is None
    assert sources[("attribution", "TASS")].rating is None and sources[("attribution", "TASS")].state_affiliated
    p = doc.profile
    assert p.by_kind == {"attribution": 3, "link": 0, "listed": 4} and p.sources == 7
    assert p.outlets == 6                                            # RT twice is one outlet
    assert p.by_level == {"high": 2, "mixed": 0, "low": 1, "other": 1, "unrated": 2}
    assert p.state_affiliated == ("TASS", "RT") and p.state_countries == ("RUS",)
    assert p.datasets == ("mine",)


def test_profile_without_ratings_counts_everything_unrated():
    doc = example_like()
    run(doc)
    assert doc.profile.datasets == () and doc.profile.by_level["unrated"] == doc.profile.outlets
    assert all(s.rating is None and s.ratings == () for s in doc.layer("sources"))


def test_annotator_is_idempotent_and_ids_follow_text_order(ratings_file):
    doc = example_like()
    annotator = Sources(ratings=[ratings_file], env=False)
    annotator.annotate(doc)
    first = (list(doc.layer("sources")), doc.profile)
    annotator.annotate(doc)
    assert (doc.layer("sources"), doc.profile) == first
    assert [s.id for s in first[0]] == [f"S{i}" for i in range(1, len(first[0]) + 1)]
    assert [s.start for s in first[0]] == sorted(s.start for s in first[0])


# -- configuration ------------------------------------------------------------------------------
def test_ratings_from_config_environment_and_pickle(ratings_file, monkeypatch, tmp_path):
    other = tmp_path / "other.csv"
    other.write_text("domain,pc1\nrt.com,0.3\n")
    monkeypatch.setenv(ENV_VAR, str(other))
    assert Sources().ratings.names == ("other",)
    assert Sources(ratings=ratings_file).ratings.names == ("mine", "other")
    assert Sources(ratings=[ratings_file], env=False).ratings.names == ("mine",)
    clone = pickle.loads(pickle.dumps(Sources(ratings=[ratings_file], env=False)))
    assert clone.ratings.names == ("mine",) and clone.ratings.lookup("rt.com")[0].score == 0.2


def test_bad_configuration_fails_when_the_pipeline_is_built(tmp_path, monkeypatch):
    import newsxray
    monkeypatch.delenv(ENV_VAR, raising=False)
    bad = tmp_path / "bad.csv"
    bad.write_text("domain,pc1\nrt.com,0.3\nx.org,high\n")
    with pytest.raises(RatingsError, match=r"bad\.csv, line 3: pc1 'high' is not a number"):
        newsxray.load("sources", config={"sources": {"ratings": [str(bad)]}})
    with pytest.raises(ConfigError, match="list of file paths"):
        Sources(ratings=3, env=False)
    monkeypatch.setenv(ENV_VAR, str(bad))
    with pytest.raises(RatingsError, match="line 3"):
        Sources()


def test_outlet_in_the_record_is_not_a_cited_source():
    doc = make("Reuters said the talks failed.", [("Reuters", "ORG", {"sector": "MED"})],
               url="https://www.reuters.com/x")
    doc.outlet = Outlet(domain="reuters.com", name="Reuters")
    (src,) = run(doc)          # an attribution by name stays: the article names it
    assert src.kind == "attribution"


# -- robustness ---------------------------------------------------------------------------------
PIECES = ["according to", "told", "the", "Reuters", "TASS", "said", "reported", "state media", "Chinese",
          "in an interview with", "RT.com", "www.bbc.co.uk/news", "https://example.org/x?y=1", ",", ".",
          "and", "a", "report", "by", "Zhang", "\n", "Sources include:", "published in", "Nature", "of",
          "U.S.", "e.g.", "“", "”", "News", "Institute", "Ministry", "’s", "citing"]


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(PIECES), min_size=1, max_size=40), st.integers(min_value=0, max_value=3))
def test_any_text_gives_well_formed_sources(pieces, cut):
    text = " ".join(pieces)
    n = len(text)
    a = min(n, cut * n // 4)
    segs = [s for s in (Segment(0, a, "body"), Segment(a, n, "sources")) if s.end > s.start]
    ents = [("Reuters", "ORG", {"sector": "MED"})] if "Reuters" in text else []
    if "Zhang" in text:
        ents.append(("Zhang", "PERSON"))
    doc = make(text, ents, segments=segs)
    sources = run(doc)
    assert all(0 <= s.start < s.end <= n for s in sources)
    assert all(s.cue is None or 0 <= s.cue.start < s.cue.end <= n for s in sources)
    assert len({s.id for s in sources}) == len(sources)
    assert {s.kind for s in sources} <= {"attribution", "link", "listed"}
    assert all(s.name for s in sources) and doc.profile.sources == len(sources)
    doc.to_dict()
