"""Build ``15_warc_northgate_times.warc.gz``: a small web archive of three fictional articles.

The articles were written by the newsxray team for the bundled examples (Apache-2.0); the
site, its domain and every person quoted are invented. The archive holds one ``warcinfo``
record followed by three HTTP ``response`` records, gzip-compressed per record.

The output is deterministic: the WARC dates are fixed and the record ids are UUID5 values
derived from each record's target URI, so re-running the script reproduces the same bytes.

Usage::

    .venv/bin/python examples/make_warc.py [OUTPUT]
"""
from __future__ import annotations

import html
import sys
import uuid
from io import BytesIO
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

HERE = Path(__file__).resolve().parent
DEFAULT_OUTPUT = HERE / "15_warc_northgate_times.warc.gz"
SITE = "The Northgate Times"
BASE = "https://northgate-times.example"
CRAWL_DATE = "2024-10-02T08:00:00Z"
NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, BASE + "/")

ARTICLES: tuple[dict, ...] = (
    {
        "path": "/europe/2024/09/30/moldova-energy-aid-request",
        "date": "2024-09-30T14:20:00+03:00",
        "fetched": "2024-10-02T08:00:05Z",
        "title": "Moldova asks EU for emergency energy aid ahead of winter",
        "author": "Andrei Ciobanu",
        "paragraphs": (
            "CHISINAU – Moldova formally asked the European Union on Monday for 250 million "
            "euros in emergency energy assistance, warning that gas and electricity bills "
            "could double this winter for the poorest households.",
            "\"We are not asking for charity, we are asking for a bridge until our new "
            "interconnectors are finished,\" Energy Minister Victoria Rusu told reporters "
            "after meeting EU ambassadors in the capital.",
            "The request follows a decision last week by the authorities in the breakaway "
            "region of Transnistria to raise the price of electricity sold to the rest of "
            "the country by 40 percent. According to the ministry, the region supplies about "
            "70 percent of the power consumed on the right bank of the Dniester.",
            "A spokesperson for the EU Commission said the bloc had \"received the request "
            "and is assessing it as a matter of urgency\". Romania offered to increase power "
            "exports through two cross-border lines, its energy ministry said.",
        ),
    },
    {
        "path": "/asia/2024/10/01/kazakhstan-uzbekistan-water-agreement",
        "date": "2024-10-01T09:05:00+05:00",
        "fetched": "2024-10-02T08:00:11Z",
        "title": "Kazakhstan and Uzbekistan sign deal to share Syr Darya water",
        "author": "Dilnoza Karimova",
        "paragraphs": (
            "ASTANA – Kazakhstan and Uzbekistan signed an agreement on Tuesday to share water "
            "from the Syr Darya river and to jointly manage two reservoirs, ending a dispute "
            "that had strained relations during last summer's drought.",
            "Under the deal, Uzbekistan will guarantee a minimum flow of 160 cubic metres per "
            "second into southern Kazakhstan during the irrigation season, while Kazakhstan "
            "will help finance the repair of canals in the Fergana Valley.",
            "\"Water must unite our peoples, not divide them,\" Kazakh Water Resources "
            "Minister Serik Abenov said at the signing ceremony. His Uzbek counterpart, "
            "Jahongir Tursunov, said the two countries would invite Kyrgyzstan and Tajikistan "
            "to join a regional water council next year.",
            "The World Bank, which helped prepare the technical studies, said in a statement "
            "that the agreement could cut water losses in the basin by up to 15 percent.",
        ),
    },
    {
        "path": "/americas/2024/10/01/peru-expels-bolivian-consul",
        "date": "2024-10-01T22:40:00-05:00",
        "fetched": "2024-10-02T08:00:17Z",
        "title": "Peru expels Bolivian consul accused of backing road blockades",
        "author": "Mateo Quispe",
        "paragraphs": (
            "LIMA – Peru ordered a Bolivian consul to leave the country within 72 hours on "
            "Tuesday, accusing him of encouraging road blockades by protesters in the "
            "southern region of Puno.",
            "Peru's foreign ministry said in a statement that the diplomat, based in the city "
            "of Puno, had taken part in meetings with protest leaders and made remarks that "
            "amounted to \"unacceptable interference in Peru's internal affairs\".",
            "Bolivia rejected the accusation and recalled its chargé d'affaires in Lima for "
            "consultations. \"Our consul was doing his job, which is to protect Bolivian "
            "citizens stranded by the blockades,\" Bolivian Foreign Minister Rosa Mamani told "
            "state media, adding that La Paz would respond \"in a reciprocal manner\".",
            "The blockades, which began two weeks ago in protest against a mining concession, "
            "have cut the main highway between the two countries, according to Peru's "
            "transport ministry.",
        ),
    },
)


def article_html(article: dict) -> str:
    """The HTML page of one article, with its headline, byline, date and paragraphs."""
    esc = html.escape
    body = "\n".join(f"    <p>{esc(p, quote=False)}</p>" for p in article["paragraphs"])
    return (
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        f"<title>{esc(article['title'])} | {SITE}</title>\n"
        f"<meta property=\"og:site_name\" content=\"{SITE}\">\n"
        f"<meta property=\"article:published_time\" content=\"{article['date']}\">\n"
        "</head>\n<body>\n"
        f"<header><a href=\"{BASE}/\">{SITE}</a> <nav><a href=\"{BASE}/europe/\">Europe</a> "
        f"<a href=\"{BASE}/asia/\">Asia</a> <a href=\"{BASE}/americas/\">Americas</a></nav></header>\n"
        "<article>\n"
        f"  <h1>{esc(article['title'])}</h1>\n"
        f"  <p class=\"byline\">By {esc(article['author'])}</p>\n"
        f"  <time datetime=\"{article['date']}\">{article['date'][:10]}</time>\n"
        f"  <div class=\"body\">\n{body}\n  </div>\n"
        "</article>\n"
        f"<footer><p>&copy; 2024 {SITE}. All rights reserved.</p></footer>\n"
        "</body>\n</html>\n"
    )


def record_id(uri: str) -> str:
    """A stable WARC-Record-ID for a target URI."""
    return f"<urn:uuid:{uuid.uuid5(NAMESPACE, uri)}>"


def write_warcinfo(writer: WARCWriter, filename: str) -> None:
    """The leading ``warcinfo`` record describing the archive."""
    fields = (
        "software: newsxray examples/make_warc.py (warcio)\r\n"
        "format: WARC File Format 1.1\r\n"
        f"description: Three fictional articles from {SITE}, written by the newsxray team\r\n"
        "license: Apache-2.0\r\n"
    ).encode("utf-8")
    headers = {
        "WARC-Record-ID": record_id("warcinfo:" + filename),
        "WARC-Date": CRAWL_DATE,
        "WARC-Filename": filename,
    }
    record = writer.create_warc_record(
        "", "warcinfo", payload=BytesIO(fields), length=len(fields),
        warc_content_type="application/warc-fields", warc_headers_dict=headers,
    )
    writer.write_record(record)


def write_response(writer: WARCWriter, article: dict) -> None:
    """One HTTP ``response`` record holding an article page."""
    uri = BASE + article["path"]
    payload = article_html(article).encode("utf-8")
    http_headers = StatusAndHeaders(
        "200 OK",
        [("Content-Type", "text/html; charset=utf-8"), ("Content-Length", str(len(payload)))],
        protocol="HTTP/1.1",
    )
    headers = {"WARC-Record-ID": record_id(uri), "WARC-Date": article["fetched"]}
    record = writer.create_warc_record(
        uri, "response", payload=BytesIO(payload), length=len(payload),
        http_headers=http_headers, warc_headers_dict=headers,
    )
    writer.write_record(record)


def build(output: Path = DEFAULT_OUTPUT) -> Path:
    """Write the archive to ``output`` and return its path."""
    with open(output, "wb") as stream:
        writer = WARCWriter(stream, gzip=True, warc_version="WARC/1.1")
        write_warcinfo(writer, output.name)
        for article in ARTICLES:
            write_response(writer, article)
    return output


if __name__ == "__main__":
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_OUTPUT
    sys.stdout.write(f"wrote {build(target)}\n")
