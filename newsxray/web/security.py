"""The web app's defences: security headers, a body-size limit, trusted hosts, write tokens, CSRF.

Article text and metadata are hostile. What this module guarantees, for every response:

- a strict Content-Security-Policy (``default-src 'self'``, no inline script or style, no
  plugins, no framing, forms only to this server), ``X-Content-Type-Options: nosniff``,
  ``Referrer-Policy: no-referrer`` and ``X-Frame-Options: DENY``;
- request bodies over ``max_body`` bytes are refused with 413 (checked on the declared
  length and again while the body streams);
- the ``Host`` header must name this server (defeats DNS rebinding against a loopback server);
- when a token is set (always, when bound beyond loopback) every write (POST, PUT, PATCH,
  DELETE) needs it: ``Authorization: Bearer T``, ``X-Newsxray-Token: T`` or the
  ``newsxray_token`` cookie set by the login form;
- ``/api`` writes must be ``application/json`` (a cross-site HTML form cannot send that), and
  HTML forms carry a signed double-submit CSRF token (``csrf_token`` / ``check_csrf``).
"""
from __future__ import annotations

import hashlib
import hmac
import ipaddress
import json
import secrets
from typing import Awaitable, Callable

CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; font-src 'self'; "
       "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'")
HEADERS = [
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
    (b"cross-origin-opener-policy", b"same-origin"),
    (b"permissions-policy", b"camera=(), microphone=(), geolocation=()"),
]
WRITE_METHODS = frozenset({"POST", "PUT", "PATCH", "DELETE"})
MAX_BODY = 2_000_000
TOKEN_COOKIE = "newsxray_token"
CSRF_COOKIE = "newsxray_csrf"
LOOPBACK_NAMES = frozenset({"localhost", "127.0.0.1", "::1", "[::1]"})

Send = Callable[[dict], Awaitable[None]]


def is_loopback(host: str) -> bool:
    """Whether ``host`` (a bind address or name) is only reachable from this machine."""
    host = host.strip().strip("[]").lower()
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def error_body(status: int, code: str, message: str) -> bytes:
    return json.dumps({"error": {"code": code, "message": message}}).encode()


async def send_error(send: Send, status: int, code: str, message: str, extra: list | None = None) -> None:
    body = error_body(status, code, message)
    headers = [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]
    await send({"type": "http.response.start", "status": status, "headers": headers + HEADERS + (extra or [])})
    await send({"type": "http.response.body", "body": body})


class BodyTooLarge(Exception):
    pass


def _header(scope: dict, name: bytes) -> str | None:
    for key, value in scope.get("headers") or ():
        if key == name:
            return value.decode("latin-1")
    return None


def _cookie(scope: dict, name: str) -> str | None:
    raw = _header(scope, b"cookie") or ""
    for part in raw.split(";"):
        key, _, value = part.strip().partition("=")
        if key == name:
            return value
    return None


def presented_token(scope: dict) -> str | None:
    auth = _header(scope, b"authorization") or ""
    if auth.lower().startswith("bearer "):
        return auth[7:].strip()
    return _header(scope, b"x-newsxray-token") or _cookie(scope, TOKEN_COOKIE)


def token_ok(expected: str | None, given: str | None) -> bool:
    if expected is None:
        return True
    return given is not None and hmac.compare_digest(expected.encode(), given.encode())


class SecurityMiddleware:
    """ASGI middleware applying the checks above before the app sees a request."""

    def __init__(self, app, *, token: str | None, allowed_hosts: frozenset[str] | None,
                 max_body: int = MAX_BODY) -> None:
        self.app, self.token, self.allowed_hosts, self.max_body = app, token, allowed_hosts, max_body

    async def __call__(self, scope: dict, receive, send: Send) -> None:
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        refusal = self._refusal(scope)
        if refusal is not None:
            return await send_error(send, *refusal)
        state = {"started": False, "exceeded": False}

        async def send_with_headers(message: dict) -> None:
            if state["exceeded"]:  # the app caught the overflow as a bad body: answer 413 instead
                if message["type"] == "http.response.start" and not state["started"]:
                    state["started"] = True
                    await send_error(send, 413, "body_too_large", self._too_large())
                return
            if message["type"] == "http.response.start":
                state["started"] = True
                names = {k.lower() for k, _ in message.get("headers") or ()}
                message = {**message, "headers": list(message.get("headers") or ())
                           + [h for h in HEADERS if h[0] not in names]}
            await send(message)

        try:
            await self.app(scope, self._limited(receive, state), send_with_headers)
        except BodyTooLarge:
            if not state["started"]:
                state["started"] = True
                await send_error(send, 413, "body_too_large", self._too_large())

    def _too_large(self) -> str:
        return f"the request body is larger than {self.max_body:,} bytes; send a shorter article"

    def _refusal(self, scope: dict) -> tuple[int, str, str] | None:
        host = (_header(scope, b"host") or "").lower()
        name = host.rsplit(":", 1)[0] if not host.endswith("]") else host
        if self.allowed_hosts is not None and name not in self.allowed_hosts:
            return 400, "bad_host", f"this server does not answer to the host {host!r}; use its own address"
        length = _header(scope, b"content-length")
        if length and length.strip().isdigit() and int(length) > self.max_body:
            return 413, "body_too_large", self._too_large()
        if scope["method"] in WRITE_METHODS:
            if scope["path"] != "/login" and not token_ok(self.token, presented_token(scope)):
                return 401, "token_required", ("this server needs its access token for writes: send "
                                               "'Authorization: Bearer TOKEN' or log in at /login")
            if scope["path"].startswith("/api/"):
                kind = (_header(scope, b"content-type") or "").split(";")[0].strip().lower()
                if kind != "application/json":
                    return 415, "unsupported_media_type", "send the request body as application/json"
        return None

    def _limited(self, receive, state: dict):
        seen = 0

        async def wrapped() -> dict:
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body") or b"")
                if seen > self.max_body:
                    state["exceeded"] = True
                    raise BodyTooLarge()
            return message
        return wrapped


class Csrf:
    """Signed double-submit tokens: a random cookie, and a form field that is its HMAC."""

    def __init__(self, secret: bytes | None = None) -> None:
        self.secret = secret or secrets.token_bytes(32)

    @staticmethod
    def new_cookie() -> str:
        return secrets.token_urlsafe(24)

    def token_for(self, cookie: str) -> str:
        return hmac.new(self.secret, cookie.encode(), hashlib.sha256).hexdigest()

    def check(self, cookie: str | None, field: str | None) -> bool:
        if not cookie or not field:
            return False
        return hmac.compare_digest(self.token_for(cookie), field)
