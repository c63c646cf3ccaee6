"""The FastAPI app: the JSON API and the server-rendered UI from the same view functions.

    >>> from newsxray.web import create_app
    >>> app = create_app(db="corpus.db")          # serve with uvicorn, or `newsxray serve`

Every error, on every route, is ``{"error": {"code", "message"}}`` in JSON (an HTML page
with the same code and message for browser pages); see ``security`` for the defences.
"""
from __future__ import annotations

import logging
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

import anyio
from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from ..errors import AnnotatorError, ConfigError, FetchError, InputError, NewsxrayError, StoreError
from . import api, pages
from .runtime import Runtime, WebError
from .security import LOOPBACK_NAMES, MAX_BODY, Csrf, SecurityMiddleware, is_loopback

log = logging.getLogger("newsxray")
HERE = Path(__file__).resolve().parent
CODES = {400: "bad_request", 401: "unauthorized", 403: "forbidden", 404: "not_found", 405: "method_not_allowed",
         413: "body_too_large", 415: "unsupported_media_type", 422: "invalid_request"}


def create_app(*, db: str | Path, allow_private: bool = False, token: str | None = None,
               host: str = "127.0.0.1", allowed_hosts: list[str] | None = None, analyzer: Any = None,
               layers: str | None = None, workers: int = 1, max_waiting: int = 128,
               max_body: int = MAX_BODY, preload: bool = False) -> FastAPI:
    """Build the app over the corpus ``db`` (created if missing).

    ``token``: required for every write when set; a server bound beyond loopback must have
    one (``ConfigError`` otherwise). ``allow_private`` lets the URL fetcher read private and
    loopback addresses. ``analyzer`` replaces ``newsxray.load(layers)`` (loaded once, lazily,
    or at start-up with ``preload``); analyses run ``workers`` at a time.
    """
    if token is not None and not token.strip():
        raise ConfigError("the token is empty; give a long random string, or none on loopback")
    if token is None and not is_loopback(host):
        raise ConfigError(f"the server is bound to {host}, beyond this machine: give a token (--token) "
                          "so that only you can write")
    runtime = Runtime(db=db, allow_private=allow_private, analyzer=analyzer, layers=layers, workers=workers,
                      max_waiting=max_waiting)
    app = FastAPI(title="newsxray", version="1", lifespan=_lifespan(runtime, preload),
                  description="News articles analysed into evidence-linked layers, and a corpus to explore. "
                              "Errors are always {\"error\": {\"code\", \"message\"}}.",
                  docs_url=None, redoc_url=None, swagger_ui_oauth2_redirect_url=None)
    app.state.runtime = runtime
    app.state.csrf = Csrf()
    app.state.token = token
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
    app.include_router(api.router)
    app.include_router(pages.router)
    _handlers(app)
    hosts = _hosts(host, allowed_hosts)
    app.add_middleware(DropEmptyParams)
    app.add_middleware(SecurityMiddleware, token=token, allowed_hosts=hosts, max_body=max_body)
    return app


class DropEmptyParams:
    """Drop empty query parameters (``since=&until=`` from a submitted form) before validation:
    an empty field means "no filter", on a page and on its JSON twin alike."""

    def __init__(self, app) -> None:
        self.app = app

    async def __call__(self, scope, receive, send):
        if scope["type"] == "http" and scope.get("query_string"):
            parts = [p for p in scope["query_string"].split(b"&") if p.partition(b"=")[2]]
            scope = {**scope, "query_string": b"&".join(parts)}
        await self.app(scope, receive, send)


def _hosts(host: str, allowed: list[str] | None) -> frozenset[str] | None:
    if allowed is not None:
        return frozenset(h.lower() for h in allowed)
    if is_loopback(host):  # a loopback server answers only to loopback names: no DNS rebinding
        return LOOPBACK_NAMES | {host.lower()}
    return None


def _lifespan(runtime: Runtime, preload: bool):
    @asynccontextmanager
    async def lifespan(app: FastAPI):
        if preload:
            await anyio.to_thread.run_sync(runtime.analyzer)
        yield
        runtime.close()
    return lifespan


def _error(request: Request, status: int, code: str, message: str) -> Any:
    if pages.wants_html(request):
        return pages.error_page(request, status, code, message)
    return JSONResponse({"error": {"code": code, "message": message}}, status_code=status)


def _validation_message(exc: RequestValidationError) -> str:
    parts = []
    for err in exc.errors()[:3]:
        where = ".".join(str(x) for x in err.get("loc", ()) if x not in ("query", "body", "path"))
        parts.append(f"{where or 'request'}: {err.get('msg')}")
    return "; ".join(parts) or "the request is not valid"


def _handlers(app: FastAPI) -> None:
    @app.exception_handler(WebError)
    async def web_error(request: Request, exc: WebError):
        return _error(request, exc.status, exc.code, exc.message)

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError):
        return _error(request, 422, "invalid_request", _validation_message(exc))

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException):
        message = exc.detail if isinstance(exc.detail, str) else "request failed"
        if exc.status_code == 404 and message == "Not Found":
            message = f"there is nothing at {request.url.path}; see /docs for the API"
        return _error(request, exc.status_code, CODES.get(exc.status_code, "error"), message)

    @app.exception_handler(NewsxrayError)
    async def newsxray_error(request: Request, exc: NewsxrayError):
        if isinstance(exc, FetchError):
            return _error(request, 422, "fetch_failed", str(exc))
        if isinstance(exc, InputError):
            return _error(request, 422, "bad_input", str(exc))
        if isinstance(exc, ConfigError):
            return _error(request, 400, "bad_parameter", str(exc))
        if isinstance(exc, StoreError):
            log.error("store error: %s", exc)
            return _error(request, 503, "store_error", str(exc))
        status = 500 if isinstance(exc, AnnotatorError) else 400
        return _error(request, status, "analysis_failed" if status == 500 else "error", str(exc))

    @app.exception_handler(Exception)
    async def crashed(request: Request, exc: Exception):
        log.exception("unexpected error on %s", request.url.path)
        return _error(request, 500, "internal_error", "the server failed on this request; the log has the details")
