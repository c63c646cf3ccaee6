"""Rating datasets: formats detected from headers, lookups by domain and URL, and clear
errors (file and line) for files that cannot be used."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

from newsxray.errors import ConfigError
from newsxray.ratings import (
    Ratings, RatingsError, detect_format, domain_key, env_specs, lin_level, load_dataset, parse_spec,
    read_dataset,
)

DATASETS = Path(__file__).resolve().parents[2].parent / "shared" / "datasets" / "source_credibility"
LIN = DATASETS / "lin2023_domain_quality" / "data_domain_pc1.csv"
MBFC = DATASETS / "idiap_news_media_reliability" / "mbfc.csv"
BALY = DATASETS / "baly_news_media_reliability" / "emnlp18_corpus.tsv"


def write(tmp_path: Path, name: str, text: str) -> str:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return str(path)


def need(path: Path) -> str:
    if not path.exists():
        pytest.skip(f"{path} is not available")
    return str(path)


# -- formats -----------------------------------------------------------------------------------
@pytest.mark.parametrize("header, expected", [
    (["domain", "pc1"], "lin"),
    (["domain", "pc1", "afm", "mbfc"], "lin"),
    (["domain", "score", "label"], "simple"),
    (["source", "country", "bias", "factual_reporting"], "mbfc"),
    (["source_url", "source_url_normalized", "ref", "fact", "bias"], "mbfc"),
    (["domain", "reliability_label", "reliability_score"], None),
    (["name", "rating"], None),
])
def test_format_detected_from_header(header, expected):
    assert detect_format(header) == expected


def test_domain_keys_are_normalised():
    assert domain_key("https://www.RT.com/") == "rt.com"
    assert domain_key("http://www.who.int/en/") == "who.int/en"
    assert domain_key("rfi.fr/en") == "rfi.fr/en"
    assert domain_key("news.example.co.uk:8080/a?b=1") == "news.example.co.uk/a"


def test_lin_levels_use_documented_cuts():
    assert [lin_level(x) for x in (0.0, 0.27, 0.28, 0.49, 0.5, 1.0)] == ["low", "low", "mixed", "mixed",
                                                                        "high", "high"]


def test_simple_csv_lookup_by_domain_host_and_url(tmp_path):
    path = write(tmp_path, "mine.csv", "domain,score,label\nexample.org,0.9,reliable\n"
                 "junk.example.com,0.1,unreliable\nrfi.fr/en,0.8,high\nrfi.fr,0.2,low\n")
    ratings = Ratings.load([path])
    assert ratings.names == ("mine",)
    (r,) = ratings.lookup("example.org")
    assert (r.score, r.label, r.level, r.dataset) == (0.9, "reliable", "high", "mine")
    assert ratings.lookup("example.org", "https://www.example.org/a/b")[0].score == 0.9
    assert ratings.lookup("example.com", "https://junk.example.com/x")[0].level == "low"
    assert ratings.lookup("example.com") == ()           # a subdomain's rating is not the domain's
    assert ratings.lookup("rfi.fr", "https://www.rfi.fr/en/africa/1")[0].score == 0.8
    assert ratings.lookup("rfi.fr", "https://www.rfi.fr/fr/1")[0].score == 0.2
    assert ratings.lookup(None) == ()


def test_mbfc_table_gives_factuality_score_level_and_bias(tmp_path):
    path = write(tmp_path, "mbfc_like.tsv", "source_url\tsource_url_normalized\tref\tfact\tbias\n"
                 "http://www.good.example.com/\tgood.example.com\tx\thigh\tcenter\n"
                 "https://bad.example.net\tbad.example.net\tx\tVery Low\textreme-right\n"
                 "https://none.example.net\tnone.example.net\tx\t\tleft\n")
    ds = read_dataset(path)
    assert ds.format == "mbfc"
    good, bad, none = ds.get("good.example.com"), ds.get("bad.example.net"), ds.get("none.example.net")
    assert (good.score, good.label, good.level, good.bias) == (0.8, "high", "high", "center")
    assert (bad.score, bad.label, bad.level, bad.bias) == (0.0, "very low", "low", "extreme-right")
    assert (none.score, none.level, none.bias) == (None, None, "left")


def test_datasets_are_consulted_in_order_and_all_ratings_kept(tmp_path):
    a = write(tmp_path, "a.csv", "domain,score,label\nexample.org,0.9,high\n")
    b = write(tmp_path, "b.csv", "domain,pc1\nexample.org,0.1\nother.org,0.6\n")
    ratings = Ratings.load([b, a])
    assert [r.dataset for r in ratings.lookup("example.org")] == ["b", "a"]
    assert Ratings.load([a, b]).lookup("example.org")[0].dataset == "a"
    assert Ratings.load([a, a]).names == ("a",)           # the same file once


def test_same_stem_in_two_folders_gets_distinct_names(tmp_path):
    (tmp_path / "x").mkdir()
    (tmp_path / "y").mkdir()
    a = write(tmp_path / "x", "r.csv", "domain,score,label\nexample.org,1,high\n")
    b = write(tmp_path / "y", "r.csv", "domain,score,label\nexample.org,0,low\n")
    ratings = Ratings.load([a, b])
    assert ratings.names == ("r", "r-2")
    assert [r.dataset for r in ratings.lookup("example.org")] == ["r", "r-2"]


def test_format_prefix_forces_a_format(tmp_path):
    path = write(tmp_path, "both.csv", "domain,pc1,factuality\nexample.org,0.7,low\n")
    assert read_dataset(path).format == "lin"
    assert parse_spec(f"mbfc:{path}") == ("mbfc", path)
    assert parse_spec("C:/data/x.csv") == (None, "C:/data/x.csv")
    ds = Ratings.load([f"mbfc:{path}"]).datasets[0]
    assert ds.format == "mbfc" and ds.get("example.org").level == "low"
    with pytest.raises(RatingsError, match="line 1"):
        Ratings.load([f"simple:{path}"])


def test_env_specs_split_on_pathsep_and_keep_prefixes():
    sep = os.pathsep
    assert env_specs(f"/a.csv{sep}/b.tsv") == ["/a.csv", "/b.tsv"]
    assert env_specs("") == []
    if sep == ":":
        assert env_specs("lin:/a.csv:/b.csv:mbfc:/c.tsv") == ["lin:/a.csv", "/b.csv", "mbfc:/c.tsv"]


def test_loaded_once_per_process_and_reloaded_when_changed(tmp_path):
    path = write(tmp_path, "r.csv", "domain,score,label\nexample.org,1,high\n")
    first = load_dataset(path)
    assert load_dataset(path) is first
    Path(path).write_text("domain,score,label\nexample.org,0.5,medium\nother.org,1,high\n")
    os.utime(path, ns=(1, 1))
    second = load_dataset(path)
    assert second is not first and len(second) == 2


# -- bad files ---------------------------------------------------------------------------------
@pytest.mark.parametrize("name, text, line, words", [
    ("score.csv", "domain,score,label\nexample.org,0.5,ok\nbad.org,high,low\n", 3, "not a number"),
    ("pc1.csv", "domain,pc1\nexample.org,0.5\nbad.org,1.7\n", 3, "outside [0, 1]"),
    ("nan.csv", "domain,pc1\nexample.org,nan\n", 2, "finite"),
    ("ragged.csv", "domain,pc1\nexample.org,0.5\n\nbad.org,0.2,extra\n", 4, "3 field(s)"),
    ("header.csv", "site,stars\nexample.org,5\n", 1, "not a ratings format"),
    ("fact.csv", "source,factual_reporting\nexample.org,high\nbad.org,excellent\n", 3, "factuality"),
    ("empty.csv", "", 1, "empty"),
    ("only_header.csv", "domain,score,label\n", 2, "no ratings"),
    ("nothing.csv", "domain,score,label\nexample.org,,\n", 2, "neither a score nor a label"),
    ("quote.csv", 'domain,score,label\nexample.org,0.5,"ok\n', 2, "well-formed"),
])
def test_bad_files_name_file_and_line(tmp_path, name, text, line, words):
    path = write(tmp_path, name, text)
    with pytest.raises(RatingsError) as info:
        Ratings.load([path])
    message = str(info.value)
    assert path in message and f"line {line}" in message and words in message, message
    assert isinstance(info.value, ConfigError) and info.value.line == line


def test_not_utf8_names_the_line(tmp_path):
    path = tmp_path / "latin.csv"
    path.write_bytes("domain,score,label\nexample.org,1,high\ncaf\xe9.fr,1,high\n".encode("latin-1"))
    with pytest.raises(RatingsError, match=r"line 3: is not UTF-8"):
        Ratings.load([str(path)])


def test_missing_file_and_directory(tmp_path):
    with pytest.raises(RatingsError, match="does not exist"):
        Ratings.load([str(tmp_path / "nope.csv")])
    with pytest.raises(RatingsError, match="is a directory"):
        Ratings.load([str(tmp_path)])


def test_rows_without_a_domain_are_skipped_with_a_warning(tmp_path, caplog):
    path = write(tmp_path, "gaps.csv", "source,factual_reporting\n,high\nexample.org,low\n")
    ds = read_dataset(path)
    assert len(ds) == 1 and ds.get("example.org").level == "low"
    assert "line 2" in caplog.text


# -- the real datasets (read in place, never copied) ------------------------------------------
def test_lin_dataset_loads_and_rates_known_domains():
    ds = load_dataset(need(LIN))
    assert ds.format == "lin" and len(ds) > 11_000
    assert ds.get("reuters.com").score == 1.0 and ds.get("reuters.com").level == "high"
    rt = ds.get("rt.com")
    assert 0.2 < rt.score < 0.35 and rt.label is None


def test_mbfc_and_baly_tables_load():
    mbfc = load_dataset(need(MBFC))
    assert mbfc.format == "mbfc" and len(mbfc) > 4000
    assert mbfc.get("rt.com").label == "very low" and mbfc.get("rt.com").level == "low"
    baly = load_dataset(need(BALY))
    assert baly.format == "mbfc" and len(baly) > 1000
    assert {r.level for r in baly.ratings.values()} == {"high", "mixed", "low"}
