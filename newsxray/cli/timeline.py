"""``newsxray timeline A B``: how two actors have treated each other, day by day (or month by month).

A terminal bar chart of the events between A and B (either direction) per day or month, coloured
by PLOVER type, each bar followed by the sentences that report them.
"""
from __future__ import annotations

from collections import Counter, defaultdict
from typing import Optional

import typer
from rich.console import Console
from rich.text import Text

from .corpus_util import DB_HELP, check_format, clip, corpus, die, write_json

FORMATS = ("table", "jsonl")
BY = ("day", "month")
BAR = 40
# cooperation in greens/blues, conflict in yellows/reds (PLOVER quad classes)
COLOURS = {"AGREE": "green", "CONSULT": "cyan", "SUPPORT": "bright_green", "CONCEDE": "bright_cyan",
           "COOPERATE": "blue", "AID": "bright_blue", "RETREAT": "magenta", "REQUEST": "bright_magenta",
           "ACCUSE": "yellow", "REJECT": "bright_yellow", "SANCTION": "dark_orange", "THREATEN": "orange_red1",
           "PROTEST": "red", "MOBILIZE": "bright_red", "COERCE": "deep_pink2", "ASSAULT": "red3"}


def timeline(
    a: str = typer.Argument(..., help="First actor: a name (China, Wang Yi) or an ISO code (CHN)."),
    b: str = typer.Argument(..., help="Second actor: a name or an ISO code."),
    db: str = typer.Option("corpus.db", "--db", help=DB_HELP),
    since: Optional[str] = typer.Option(None, "--since", help="Events on or after this day (ISO 8601)."),
    until: Optional[str] = typer.Option(None, "--until", help="Events on or before this day (ISO 8601)."),
    by: str = typer.Option("day", "--by", help="Bars per day or per month."),
    evidence: int = typer.Option(3, "--evidence", "-e", min=0, help="Sentences shown under each bar."),
    format: str = typer.Option("table", "--format", "-f", help="table (bar chart) or jsonl (one bar per line)."),
) -> None:
    """Events between A and B (either direction) per day or month, with the sentences that report them."""
    check_format(format, FORMATS)
    if by not in BY:
        die(f"unknown --by {by!r}; use day or month")
    from ..store.analysis import timeline as corpus_timeline

    with corpus(db) as store:
        result = corpus_timeline(store, a, b, since=since, until=until, limit=100_000)
    buckets = group(result, by=by)
    if format == "jsonl":
        write_json(buckets, lines=True)
    else:
        chart(result, buckets, evidence=evidence)


def group(result: dict, *, by: str) -> list[dict]:
    """Day (or month) buckets with their counts, types, mean Goldstein score and events."""
    width = 10 if by == "day" else 7
    counts: dict[str, Counter] = defaultdict(Counter)
    scores: dict[str, list[float]] = defaultdict(list)
    found: dict[str, list[dict]] = defaultdict(list)
    for event in result["events"]:
        if event["date"] is None:
            continue
        key = event["date"][:width]
        counts[key][event["type"]] += 1
        found[key].append(event)
        if event.get("goldstein") is not None:
            scores[key].append(float(event["goldstein"]))
    return [{"date": key, "count": sum(counts[key].values()), "by_type": dict(counts[key].most_common()),
             "goldstein": round(sum(scores[key]) / len(scores[key]), 3) if scores[key] else None,
             "events": found[key]} for key in sorted(counts)]


def chart(result: dict, buckets: list[dict], *, evidence: int) -> None:
    console = Console(highlight=False)
    console.print(Text(f"{result['a']} ↔ {result['b']}: {result['total']} event(s)", style="bold"))
    if not buckets:
        Console(stderr=True).print("no dated events between them", highlight=False)
        return
    most = max(bucket["count"] for bucket in buckets)
    types = Counter()
    for bucket in buckets:
        types.update(bucket["by_type"])
        line = Text(f"{bucket['date']:<10} ")
        for kind, n in bucket["by_type"].items():
            line.append("█" * max(1, round(BAR * n / most)), style=COLOURS.get(kind, "white"))
        tone = "" if bucket["goldstein"] is None else f"  goldstein {bucket['goldstein']:+.1f}"
        line.append(f" {bucket['count']}{tone}")
        console.print(line)
        for event in bucket["events"][:evidence]:
            console.print(_evidence(event))
    legend = Text("legend: ")
    for kind, _ in types.most_common():
        legend.append("█ ", style=COLOURS.get(kind, "white")).append(f"{kind}  ")
    console.print(legend)
    if result["undated"]:
        console.print(f"({result['undated']} event(s) without any date are not drawn)")


def _evidence(event: dict) -> Text:
    actor = (event.get("actor") or {}).get("name") or "?"
    target = (event.get("target") or {}).get("name") or "?"
    text = Text("    ")
    text.append(f"{event['type']} ", style=COLOURS.get(event["type"], "white"))
    text.append(f"{actor} → {target}: ", style="bold")
    text.append(clip(event.get("sentence_text"), 140))
    text.append(f"  [{event['article']['id']}]", style="dim")
    return text
