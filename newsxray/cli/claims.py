"""``newsxray claims``: claims that recur across a corpus, and the fact-checks that cover them."""
from __future__ import annotations

from typing import Optional

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from .corpus_util import DB_HELP, check_format, corpus, write_json

FORMATS = ("table", "jsonl")


def claims(
    db: str = typer.Option("corpus.db", "--db", help=DB_HELP),
    groups: bool = typer.Option(False, "--groups", help="List recurring claims (the default unless "
                                "--factchecks is given)."),
    factchecks: Optional[str] = typer.Option(None, "--factchecks", help="Import fact-checks from this file "
                                             "(ClaimReview JSON/JSONL, or CSV with claim, verdict, url) and list "
                                             "the stored claims they match."),
    limit: int = typer.Option(20, "--limit", "-n", min=0, help="At most this many groups or matches."),
    min_articles: int = typer.Option(2, "--min-articles", min=1, help="With --groups: claims in at least this "
                                     "many articles."),
    rebuild: bool = typer.Option(False, "--rebuild", help="Regroup every stored claim first (e.g. for a corpus "
                                 "made before claim matching existed)."),
    format: str = typer.Option("table", "--format", "-f", help="table (terminal) or jsonl (one per line)."),
) -> None:
    """Recurring check-worthy claims, or fact-check matches (importing a fact-check file)."""
    from ..store import claimmatch

    err = Console(stderr=True)
    check_format(format, FORMATS)
    show_matches = factchecks is not None and not groups
    with corpus(db, readonly=not (rebuild or factchecks)) as store:
        if rebuild:
            err.print(f"regrouped the claims of {claimmatch.rebuild(store)} article(s)", highlight=False)
        if factchecks:
            added = claimmatch.import_factchecks(store, factchecks)
            err.print(f"imported {added} new fact-check(s) from {factchecks}", highlight=False)
        found = (claimmatch.factcheck_matches(store, limit=limit) if show_matches
                 else claimmatch.claim_groups(store, limit=limit, min_articles=min_articles))
    if format == "jsonl":
        write_json(found, lines=True)
    elif show_matches:
        _matches_table(found)
    else:
        _groups_table(found)
    if not found:
        err.print("no fact-check matches" if show_matches else "no recurring claims", highlight=False)


def _groups_table(found: list[dict]) -> None:
    if not found:
        return
    table = Table(show_lines=True)
    for name in ("group", "articles", "claim / where", "fact-checks"):
        table.add_column(name, overflow="fold")
    for group in found:
        where = "\n".join(f"• {c['article']['outlet'] or c['article']['id']}: {c['text']}" for c in group["claims"][:6])
        facts = "\n".join(f"{f['verdict'] or '?'} ({f['similarity']:.2f}) {f['url'] or ''}" for f in group["factchecks"])
        table.add_row(str(group["group"]), str(group["articles"]),
                      f"[bold]{escape(group['text'])}[/]\n{escape(where)}", escape(facts))
    Console(highlight=False).print(table)


def _matches_table(found: list[dict]) -> None:
    if not found:
        return
    table = Table(show_lines=True)
    for name in ("similarity", "verdict", "fact-checked claim", "claim in the corpus", "article"):
        table.add_column(name, overflow="fold")
    for match in found:
        fact, article = match["factcheck"], match["article"]
        table.add_row(f"{match['similarity']:.2f}", escape(fact["verdict"] or "?"), escape(fact["claim"]),
                      escape(match["text"]), escape(f"{article['id']} {article['outlet'] or ''}"))
    Console(highlight=False).print(table)
