"""The ``newsxray`` command line: one module per command, Typer + Rich."""
from __future__ import annotations

import typer

from . import analyze as _analyze
from . import ingest as _ingest
from . import search as _search
from . import layers as _layers
from . import serve as _serve
from . import batch as _batch
from . import quotes as _quotes
from . import timeline as _timeline
from . import stats as _stats
from . import network as _network
from . import export as _export
from . import stories as _stories
from . import claims as _claims

app = typer.Typer(
    name="newsxray",
    help="Shows what is inside news articles: parts, entities, quotes, dates, events, claims, "
         "techniques and sources, each tied to the exact characters that support it.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
app.command("analyze")(_analyze.analyze)
app.command("layers")(_layers.layers)
app.command("ingest")(_ingest.ingest)
app.command("search")(_search.search)
app.command("serve")(_serve.serve)
app.command("batch")(_batch.batch)
app.command("query")(_batch.query)
app.command("quotes")(_quotes.quotes)
app.command("timeline")(_timeline.timeline)
app.command("stats")(_stats.stats)
app.command("network")(_network.network)
app.command("entities")(_network.entities)
app.command("export")(_export.export)
app.command("stories")(_stories.stories)
app.command("claims")(_claims.claims)


@app.callback()
def _root() -> None:
    """newsxray command line."""


def main() -> None:
    app()
