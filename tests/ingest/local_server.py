"""A real HTTP server on 127.0.0.1 for the ingest tests (never any other address).

``local_server(routes)`` runs ``http.server`` in a thread; ``routes`` maps a path to a
function ``(handler) -> None`` that writes the response (``send`` helps). The server
records every request's path and Host header in ``hits``.
"""
from __future__ import annotations

import contextlib
import http.server
import threading
from typing import Callable, Iterator

Route = Callable[[http.server.BaseHTTPRequestHandler], None]


def send(handler: http.server.BaseHTTPRequestHandler, body: bytes | str = b"", *, status: int = 200,
         content_type: str | None = "text/html; charset=utf-8", headers: dict | None = None,
         length: bool = True) -> None:
    data = body.encode("utf-8") if isinstance(body, str) else body
    handler.send_response(status)
    if content_type:
        handler.send_header("Content-Type", content_type)
    for key, value in (headers or {}).items():
        handler.send_header(key, value)
    if length:
        handler.send_header("Content-Length", str(len(data)))
    handler.end_headers()
    handler.wfile.write(data)


def redirect(location: str, status: int = 302) -> Route:
    return lambda h: send(h, b"", status=status, content_type=None, headers={"Location": location})


class LocalServer:
    def __init__(self, routes: dict[str, Route]) -> None:
        self.routes = routes
        self.hits: list[tuple[str, str]] = []
        server = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def log_message(self, *args: object) -> None:
                pass

            def do_GET(self) -> None:  # noqa: N802
                server.hits.append((self.path, self.headers.get("Host", "")))
                route = server.routes.get(self.path)
                try:
                    if route is None:
                        send(self, "<h1>not found</h1>", status=404)
                    else:
                        route(self)
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the client gave up (as the size and time limits make it do)

        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.port = self.httpd.server_address[1]

    def url(self, path: str = "/", host: str = "127.0.0.1") -> str:
        return f"http://{host}:{self.port}{path}"

    @property
    def paths(self) -> list[str]:
        return [path for path, _ in self.hits]


@contextlib.contextmanager
def local_server(routes: dict[str, Route]) -> Iterator[LocalServer]:
    server = LocalServer(routes)
    thread = threading.Thread(target=server.httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        yield server
    finally:
        server.httpd.shutdown()
        server.httpd.server_close()
