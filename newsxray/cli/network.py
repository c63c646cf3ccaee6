"""``newsxray network`` and ``newsxray entities``: who appears with whom, and which entities a corpus names."""
from __future__ import annotations

import sys
from typing import Optional

import typer
from rich.console import Console
from rich.table import Table

from .corpus_util import DB_HELP, check_format, corpus, write_json

FORMATS = ("json", "dot")


def network(
    db: str = typer.Option("corpus.db", "--db", help=DB_HELP),
    entity: Optional[str] = typer.Option(None, "--entity", "-e", help="The ego network of this entity."),
    min_weight: int = typer.Option(2, "--min-weight", min=1, help="Keep links of at least this many articles."),
    limit: int = typer.Option(50, "--limit", "-n", min=1, help="At most this many entities."),
    format: str = typer.Option("json", "--format", "-f", help="json (nodes and edges) or dot (Graphviz)."),
) -> None:
    """Entity co-occurrence network: entities linked by the number of articles naming both."""
    check_format(format, FORMATS)
    from ..store.analysis import network as corpus_network

    with corpus(db) as store:
        graph = corpus_network(store, entity=entity, min_weight=min_weight, limit=limit)
    if format == "json":
        write_json(graph)
    else:
        sys.stdout.write(to_dot(graph))


def _quoted(value: str) -> str:
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"').replace("\n", " ") + '"'


def to_dot(graph: dict) -> str:
    """The network as a Graphviz ``graph`` (node size and edge width by weight)."""
    lines = ["graph newsxray {", "  node [shape=ellipse, fontname=Helvetica];"]
    for node in graph["nodes"]:
        label = node["name"] + (f" ({node['type']})" if node.get("type") else "")
        lines.append(f"  {_quoted(node['id'])} [label={_quoted(label)}, weight={node['weight']}];")
    for edge in graph["edges"]:
        lines.append(f"  {_quoted(edge['source'])} -- {_quoted(edge['target'])} "
                     f"[weight={edge['weight']}, penwidth={min(8, 1 + edge['weight'] // 2)}];")
    return "\n".join(lines + ["}"]) + "\n"


def entities(
    query: str = typer.Argument("", help="Part of a name (case does not matter); empty lists the top entities."),
    db: str = typer.Option("corpus.db", "--db", help=DB_HELP),
    limit: int = typer.Option(20, "--limit", "-n", min=1, help="At most this many entities."),
    format: str = typer.Option("table", "--format", "-f", help="table or jsonl."),
) -> None:
    """Entities whose name contains QUERY, named in the most articles first."""
    check_format(format, ("table", "jsonl"))
    from ..store.analysis import entity_search

    with corpus(db) as store:
        found = entity_search(store, query, limit=limit)
    if format == "jsonl":
        write_json(found, lines=True)
        return
    table = Table()
    for name in ("entity", "type", "country", "sector", "articles", "mentions"):
        table.add_column(name, overflow="fold")
    for e in found:
        table.add_row(*(str(e.get(k) if e.get(k) is not None else "") for k in
                        ("name", "type", "country", "sector", "articles", "mentions")))
    Console(highlight=False).print(table)

