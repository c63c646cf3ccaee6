"""``newsxray serve``: the web UI and REST API over a corpus database."""
from __future__ import annotations

import secrets
from typing import Optional

import typer
from rich.console import Console

from ..errors import NewsxrayError

EXIT_USAGE = 2


def serve(
    db: str = typer.Option("corpus.db", "--db", help="The corpus database (created if missing)."),
    host: str = typer.Option("127.0.0.1", "--host", help="Address to bind. Anything but loopback requires a token."),
    port: int = typer.Option(8000, "--port", min=0, max=65535, help="Port to listen on."),
    allow_private: bool = typer.Option(False, "--allow-private",
                                       help="Let the URL fetcher read private and loopback addresses."),
    token: Optional[str] = typer.Option(None, "--token", envvar="NEWSXRAY_TOKEN",
                                        help="Token required for writes (made up and printed when bound "
                                             "beyond loopback without one)."),
    layers: Optional[str] = typer.Option(None, "--layers", help="Layers to analyse (default: all)."),
    workers: int = typer.Option(1, "--workers", min=1, max=16, help="Analyses run at the same time."),
) -> None:
    """Serve the web UI and the REST API (OpenAPI at /openapi.json, endpoint list at /docs)."""
    import uvicorn

    from ..web import create_app
    from ..web.security import is_loopback

    err = Console(stderr=True)
    if token is None and not is_loopback(host):
        token = secrets.token_urlsafe(24)
        typer.echo(f"newsxray token (needed for writes): {token}")
    try:
        app = create_app(db=db, allow_private=allow_private, token=token, host=host, layers=layers,
                         workers=workers, preload=True)
    except NewsxrayError as exc:
        err.print(f"[bold red]error:[/] {exc}", highlight=False, soft_wrap=True)
        raise typer.Exit(EXIT_USAGE)
    config = uvicorn.Config(app, host=host, port=port, log_level="warning", server_header=False)
    _Server(config).run()


def _address(host: str, port: int) -> str:
    shown = f"[{host}]" if ":" in host else host
    return f"http://{shown}:{port}/"


def _make_server():
    import uvicorn

    class Server(uvicorn.Server):
        """Prints the address once the analyzer is loaded and the socket listens."""

        async def startup(self, sockets=None) -> None:
            await super().startup(sockets=sockets)
            if self.started and not self.should_exit:
                port = self.config.port
                for server in getattr(self, "servers", []):
                    for sock in server.sockets or ():
                        port = sock.getsockname()[1]
                        break
                typer.echo(f"newsxray UI: {_address(self.config.host, port)}")
    return Server


def _Server(config):
    return _make_server()(config)
