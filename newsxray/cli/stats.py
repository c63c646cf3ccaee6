"""``newsxray stats``: what a corpus holds: counts, top entities and outlets, outlet profiles, top claims."""
from __future__ import annotations

import typer
from rich.console import Console
from rich.table import Table

from .corpus_util import DB_HELP, check_format, clip, corpus, write_json

FORMATS = ("table", "json")


def stats(
    db: str = typer.Option("corpus.db", "--db", help=DB_HELP),
    top: int = typer.Option(10, "--top", "-n", min=1, help="How many entities, outlets and claims to list."),
    format: str = typer.Option("table", "--format", "-f", help="table (terminal) or json."),
) -> None:
    """Counts, top entities, outlets with their technique and source-credibility profiles, top claims."""
    check_format(format, FORMATS)
    from ..store import analysis

    with corpus(db) as store:
        result = analysis.stats(store, top=top)
        result["outlet_profiles"] = analysis.outlet_profiles(store, limit=top)
        result["top_claims"] = analysis.top_claims(store, limit=top)
    if format == "json":
        write_json(result)
    else:
        _tables(result)


def _kv_table(title: str, columns: tuple[str, ...], rows: list[tuple]) -> Table:
    table = Table(title=title, title_justify="left")
    for n, name in enumerate(columns):
        table.add_column(name, justify="right" if n else "left", overflow="fold")
    for row in rows:
        table.add_row(*(str(v) if v is not None else "" for v in row))
    return table


def _tables(s: dict) -> None:
    console = Console(highlight=False)
    console.print(f"{s['articles']} article(s) ({s['duplicates']} near-duplicate(s)), {s['outlets']} outlet(s), "
                  f"{s['failures']} failed input(s); published {(s['first'] or '?')[:10]} … {(s['last'] or '?')[:10]}")
    console.print(_kv_table("layers", ("layer", "items"), sorted(s["layers"].items())))
    console.print(_kv_table("top entities", ("entity", "type", "articles"),
                            [(e["name"], e["type"], e["articles"]) for e in s["top_entities"]]))
    rows = []
    for p in s["outlet_profiles"]:
        techniques = ", ".join(f"{k} {v}" for k, v in list(p["techniques"].items())[:3])
        levels = ", ".join(f"{k} {v}" for k, v in p["profile"]["by_level"].items())
        rows.append((p["outlet"], p["articles"], p["words"], p["techniques_per_1000_words"], techniques,
                     p["sources"]["cited"], levels, f"{100 * p['profile']['state_share']:.0f}%"))
    console.print(_kv_table("outlets", ("outlet", "articles", "words", "techniques/1k words", "top techniques",
                                        "sources cited", "credibility", "state media"), rows))
    console.print(_kv_table("top claims", ("claim", "score", "article"),
                            [(clip(c["text"], 120), f"{c['score']:.2f}", c["article"]["id"]) for c in s["top_claims"]]))
