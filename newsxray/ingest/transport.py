"""The guarded HTTP transport: httpx on top of httpcore, connecting only to checked addresses.

Why a network backend and not a check before the request: if newsxray checked a host
name and then let the HTTP library resolve it again to connect, a hostile DNS server
could answer "public" to the check and "127.0.0.1" to the connection (DNS rebinding).
Here the check and the connection use the *same* answer:

1. ``Fetcher`` resolves the URL's host once with ``getaddrinfo`` and checks every
   address (``addresses.check_host``); the checked addresses are *pinned* for the
   duration of that fetch (``GuardedBackend.pin``).
2. httpcore asks the network backend to ``connect_tcp(host, port)``. ``GuardedBackend``
   never resolves the name on its own: it opens a TCP connection to one of the pinned
   IP addresses (or, if nothing was pinned, resolves and checks right there).
3. TLS still uses the host *name*: httpcore calls ``start_tls(server_hostname=host)`` on
   the stream, so SNI and certificate verification are for the name in the URL, and
   httpx sends ``Host:`` from the URL. Only the IP the socket connects to is fixed.

Connections are plain TCP (no proxies: the client ignores proxy environment variables;
Unix sockets are refused). The backend also enforces the fetch's *total* deadline: every
connect, read and write is given at most the time left, so a server that trickles one
byte at a time cannot stretch a fetch beyond ``Limits.fetch_timeout``.
"""
from __future__ import annotations

import contextlib
import threading
import time
from typing import Any, Iterable, Iterator

import httpcore
import httpx

from . import addresses

_SYNC = httpcore.SyncBackend()


def _connect_ip(ip: str, port: int, timeout: float | None, local_address: str | None,
                socket_options: Iterable[Any] | None) -> httpcore.NetworkStream:
    """Open a TCP connection to an IP address (never a name)."""
    return _SYNC.connect_tcp(ip, port, timeout=timeout, local_address=local_address,
                             socket_options=socket_options)


class _DeadlineStream(httpcore.NetworkStream):
    """A network stream whose every operation is bounded by the fetch deadline."""

    def __init__(self, inner: httpcore.NetworkStream, backend: "GuardedBackend") -> None:
        self._inner = inner
        self._backend = backend

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        return self._inner.read(max_bytes, self._backend.cap(timeout))

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        self._inner.write(buffer, self._backend.cap(timeout))

    def close(self) -> None:
        self._inner.close()

    def start_tls(self, ssl_context: Any, server_hostname: str | None = None,
                  timeout: float | None = None) -> httpcore.NetworkStream:
        inner = self._inner.start_tls(ssl_context, server_hostname, self._backend.cap(timeout))
        return _DeadlineStream(inner, self._backend)

    def get_extra_info(self, info: str) -> Any:
        return self._inner.get_extra_info(info)


class GuardedBackend(httpcore.NetworkBackend):
    """Connects only to addresses that passed ``addresses.check_host``."""

    def __init__(self, *, allow_private: bool = False) -> None:
        self.allow_private = allow_private
        self._local = threading.local()

    @contextlib.contextmanager
    def session(self, deadline: float) -> Iterator[None]:
        """One fetch (with its redirects): a deadline and the addresses pinned for it."""
        self._local.deadline, self._local.pinned = deadline, {}
        try:
            yield
        finally:
            self._local.deadline, self._local.pinned = None, {}

    def pin(self, host: str, port: int) -> list[str]:
        """Resolve and check ``host`` now; connections to it during this fetch use these."""
        found = addresses.check_host(host, port, allow_private=self.allow_private)
        pinned = getattr(self._local, "pinned", None)
        if pinned is not None:
            pinned[(host, port)] = found
        return found

    def cap(self, timeout: float | None) -> float | None:
        """``timeout`` shortened to the time left before the deadline."""
        deadline = getattr(self._local, "deadline", None)
        if deadline is None:
            return timeout
        left = deadline - time.monotonic()
        if left <= 0:
            raise httpcore.TimeoutException("the fetch deadline has passed")
        return left if timeout is None else min(timeout, left)

    def connect_tcp(self, host: str, port: int, timeout: float | None = None,
                    local_address: str | None = None,
                    socket_options: Iterable[Any] | None = None) -> httpcore.NetworkStream:
        pinned = getattr(self._local, "pinned", None) or {}
        found = pinned.get((host, port)) or addresses.check_host(host, port, allow_private=self.allow_private)
        failure: Exception | None = None
        for ip in found:
            try:
                stream = _connect_ip(ip, port, self.cap(timeout), local_address, socket_options)
            except (httpcore.ConnectError, httpcore.ConnectTimeout) as exc:
                failure = exc
                continue
            return _DeadlineStream(stream, self)
        raise failure or httpcore.ConnectError(f"no address to connect to for {host}")

    def connect_unix_socket(self, path: str, timeout: float | None = None,
                            socket_options: Iterable[Any] | None = None) -> httpcore.NetworkStream:
        raise httpcore.ConnectError("connections to Unix sockets are not allowed")


_EXCEPTIONS = (
    (httpcore.TimeoutException, httpx.TimeoutException),
    (httpcore.ConnectError, httpx.ConnectError),
    (httpcore.NetworkError, httpx.NetworkError),
    (httpcore.RemoteProtocolError, httpx.RemoteProtocolError),
    (httpcore.ProtocolError, httpx.ProtocolError),
    (httpcore.UnsupportedProtocol, httpx.UnsupportedProtocol),
)


@contextlib.contextmanager
def _as_httpx_errors() -> Iterator[None]:
    try:
        yield
    except Exception as exc:
        for core, mapped in _EXCEPTIONS:
            if isinstance(exc, core):
                raise mapped(str(exc) or type(exc).__name__) from exc
        raise


class _Body(httpx.SyncByteStream):
    def __init__(self, stream: Iterable[bytes]) -> None:
        self._stream = stream

    def __iter__(self) -> Iterator[bytes]:
        with _as_httpx_errors():
            yield from self._stream

    def close(self) -> None:
        closer = getattr(self._stream, "close", None)
        if closer is not None:
            closer()


class GuardedTransport(httpx.BaseTransport):
    """An httpx transport whose connections go through a ``GuardedBackend``."""

    def __init__(self, *, allow_private: bool = False) -> None:
        self.backend = GuardedBackend(allow_private=allow_private)
        self._pool = httpcore.ConnectionPool(
            ssl_context=httpx.create_ssl_context(trust_env=False), network_backend=self.backend,
            max_connections=20, max_keepalive_connections=10, keepalive_expiry=5.0)

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        core_request = httpcore.Request(
            method=request.method,
            url=httpcore.URL(scheme=request.url.raw_scheme, host=request.url.raw_host,
                             port=request.url.port, target=request.url.raw_path),
            headers=request.headers.raw, content=request.stream, extensions=request.extensions)
        with _as_httpx_errors():
            response = self._pool.handle_request(core_request)
        return httpx.Response(status_code=response.status, headers=response.headers,
                              stream=_Body(response.stream), extensions=response.extensions)

    def close(self) -> None:
        self._pool.close()
