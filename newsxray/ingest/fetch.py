"""Fetching one URL safely: public addresses only, bounded in size and time.

``Fetcher(limits=..., allow_private=False).fetch(url)`` returns a ``Fetched`` page or
raises ``FetchError`` with a reason a user can act on. What it guarantees:

- only ``http``/``https``; the host is resolved by newsxray and *every* address is
  checked (``addresses.check_host``): private, loopback, link-local, multicast,
  reserved and unspecified addresses (also inside IPv6) are refused unless
  ``allow_private=True``; the connection is then made to a checked address only, so
  DNS rebinding cannot switch it (see ``transport``);
- redirects are followed by hand, at most ``limits.max_redirects``, and each target is
  checked like the first URL;
- ``limits.fetch_timeout`` bounds the whole fetch, redirects included;
- ``limits.max_bytes`` bounds the body while it streams (a declared ``Content-Length``
  over the limit is refused before reading; gzip/deflate bodies are inflated with a
  bounded output, so a compression bomb is refused too);
- only HTML, XHTML, XML (RSS/Atom) and plain text are read; images, PDF and other
  binary types are refused from the headers, before the body is downloaded;
- the text is decoded with the HTTP charset, else the page's own declaration, else
  UTF-8 (see ``charset``).
"""
from __future__ import annotations

import contextlib
import logging
import time
import zlib
from dataclasses import dataclass, field
from typing import Any

import httpx

from ..errors import FetchError
from . import addresses
from .charset import decode_markup, parse_content_type
from .limits import LIMITS, Limits
from .transport import GuardedTransport
from .validate import looks_binary

log = logging.getLogger("newsxray")

TEXT_TYPES = frozenset({
    "text/html", "application/xhtml+xml", "text/xml", "application/xml", "application/rss+xml",
    "application/atom+xml", "application/rdf+xml", "text/plain",
})
FEED_TYPES = frozenset({"application/rss+xml", "application/atom+xml", "application/rdf+xml"})
REDIRECT_CODES = frozenset({301, 302, 303, 307, 308})
HEADERS = {
    "User-Agent": "newsxray/0.1 (news article analysis)",
    "Accept": "text/html,application/xhtml+xml,application/xml;q=0.9,text/plain;q=0.8,*/*;q=0.1",
    "Accept-Encoding": "gzip, deflate",
}
CHUNK = 65536


@dataclass
class Fetched:
    """A fetched page: final URL (after redirects), status, media type and decoded text."""

    url: str
    status: int
    content_type: str
    text: str
    headers: Any = field(default_factory=dict, repr=False)
    charset: str | None = None

    @property
    def is_plain_text(self) -> bool:
        return self.content_type == "text/plain"

    def as_input(self, **meta: Any):
        """The page as an ``ArticleInput`` (HTML, or text for ``text/plain``)."""
        from . import ArticleInput
        meta.setdefault("url", self.url)
        if self.is_plain_text:
            return ArticleInput(text=self.text, **meta)
        return ArticleInput(html=self.text, **meta)


def _megabytes(n: int) -> str:
    return f"{n / 1e6:.0f} MB" if n >= 1e6 else f"{n:,} bytes"


def check_media_type(media: str) -> None:
    """Refuse media types that are not articles (HTML, XML feeds, plain text)."""
    if not media or media in TEXT_TYPES or media.endswith("+xml"):
        return
    raise FetchError(f"content type {media} is not an article; newsxray reads HTML, "
                     "RSS/Atom feeds and plain text")


class _Inflater:
    """Undo ``Content-Encoding`` with a bound on the output size."""

    def __init__(self, encoding: str | None) -> None:
        encoding = (encoding or "identity").strip().lower()
        if encoding in ("", "identity"):
            self._zlib = None
        elif encoding in ("gzip", "x-gzip", "deflate"):
            self._zlib = zlib.decompressobj(47)  # gzip or zlib header, detected
        else:
            raise FetchError(f"the server sent an unsupported content encoding {encoding!r}")

    def feed(self, data: bytes, room: int) -> bytes:
        """Up to ``room + 1`` bytes of output (one more than fits signals overflow)."""
        if self._zlib is None:
            return data
        try:
            return self._zlib.decompress(data, room + 1)
        except zlib.error as exc:
            raise FetchError(f"the compressed response is corrupt ({exc})") from None


def read_body(response: httpx.Response, *, limits: Limits, deadline: float) -> bytes:
    """The response body, streamed, refused as soon as it passes ``limits.max_bytes``."""
    cap = limits.max_bytes
    too_large = f"response larger than {_megabytes(cap)}; raise the limit (--max-bytes) to read it"
    encoding = response.headers.get("content-encoding")
    declared = response.headers.get("content-length", "")
    if declared.strip().isdigit() and int(declared) > cap and not encoding:
        raise FetchError(too_large)
    if response.is_stream_consumed:  # a transport that handed over the body whole (httpx.MockTransport)
        chunks, inflater = iter([response.content]), _Inflater(None)
    else:
        chunks, inflater = response.iter_raw(CHUNK), _Inflater(encoding)
    parts: list[bytes] = []
    size = 0
    for raw in chunks:
        piece = inflater.feed(raw, cap - size)
        size += len(piece)
        if size > cap:
            raise FetchError(too_large)
        parts.append(piece)
        if time.monotonic() > deadline:
            raise httpx.TimeoutException("the fetch deadline has passed")
    return b"".join(parts)


class Fetcher:
    """Fetches URLs safely (see the module docstring). Reusable; close it when done.

    ``transport`` replaces the guarded httpx transport (for tests or special setups);
    addresses are still checked before each request, but the connection is then made
    by that transport.
    """

    def __init__(self, *, limits: Limits = LIMITS, allow_private: bool = False,
                 transport: httpx.BaseTransport | None = None) -> None:
        self.limits = limits
        self.allow_private = allow_private
        self._transport = transport
        self._client: httpx.Client | None = None
        self._guarded: GuardedTransport | None = None

    def __getstate__(self) -> dict:
        state = dict(self.__dict__)
        state["_client"] = state["_guarded"] = None
        return state

    def __enter__(self) -> "Fetcher":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        if self._client is not None:
            self._client.close()
            self._client = self._guarded = None

    def _http(self) -> httpx.Client:
        if self._client is None:
            transport = self._transport
            if transport is None:
                transport = self._guarded = GuardedTransport(allow_private=self.allow_private)
            self._client = httpx.Client(transport=transport, follow_redirects=False,
                                        trust_env=False, headers=HEADERS)
        return self._client

    def fetch(self, url: str) -> Fetched:
        """Fetch ``url`` and return the final page; raises ``FetchError``."""
        deadline = time.monotonic() + self.limits.fetch_timeout
        client = self._http()
        session = self._guarded.backend.session(deadline) if self._guarded else contextlib.nullcontext()
        try:
            with session:
                return self._follow(client, url, deadline)
        except FetchError as exc:
            raise FetchError(exc.reason, source=url) from None
        except httpx.TimeoutException:
            raise FetchError(f"timed out after {self.limits.fetch_timeout:g} s; the server is too slow "
                             "or unreachable (raise --timeout to wait longer)", source=url) from None
        except httpx.HTTPError as exc:
            raise FetchError(f"could not fetch the page ({type(exc).__name__}: {exc})", source=url) from None

    def _follow(self, client: httpx.Client, url: str, deadline: float) -> Fetched:
        current = url
        for hop in range(self.limits.max_redirects + 1):
            target = self._checked(current, redirected=hop > 0)
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise httpx.TimeoutException("the fetch deadline has passed")
            request = client.build_request("GET", target, timeout=httpx.Timeout(remaining))
            response = client.send(request, stream=True)
            try:
                location = response.headers.get("location")
                if response.status_code in REDIRECT_CODES and location:
                    current = str(target.join(location.strip()))
                    log.debug("redirect %s -> %s", target, current)
                    continue
                return self._complete(target, response, deadline)
            finally:
                response.close()
        raise FetchError(f"too many redirects (more than {self.limits.max_redirects}); "
                         f"the last one pointed to {current}")

    def _checked(self, url: str, *, redirected: bool) -> httpx.URL:
        """Parse ``url``, refuse other schemes and non-public hosts (pinning the checked IPs)."""
        where = f"redirect to {url}: " if redirected else ""
        try:
            target = httpx.URL(url)
        except (httpx.InvalidURL, TypeError, ValueError) as exc:
            raise FetchError(f"{where}not a valid URL ({exc})") from None
        if target.scheme not in ("http", "https"):
            raise FetchError(f"{where}only http and https URLs can be fetched, "
                             f"not {target.scheme or 'a URL without a scheme'}")
        host = target.raw_host.decode("ascii")
        if not host:
            raise FetchError(f"{where}the URL has no host")
        port = target.port or (443 if target.scheme == "https" else 80)
        try:
            if self._guarded is not None:
                self._guarded.backend.pin(host, port)
            else:
                addresses.check_host(host, port, allow_private=self.allow_private)
        except FetchError as exc:
            raise FetchError(where + exc.reason) from None
        return target

    def _complete(self, target: httpx.URL, response: httpx.Response, deadline: float) -> Fetched:
        status = response.status_code
        if status >= 400:
            raise FetchError(f"the server answered HTTP {status} {response.reason_phrase}".rstrip())
        if not 200 <= status < 300:
            raise FetchError(f"unexpected HTTP status {status} (nothing to read)")
        media, charset = parse_content_type(response.headers.get("content-type"))
        check_media_type(media)
        body = read_body(response, limits=self.limits, deadline=deadline)
        text, used, note = decode_markup(body, declared=charset)
        if looks_binary(text):
            raise FetchError("the response looks like binary data, not an article")
        if note:
            log.warning("%s: %s", target, note)
        return Fetched(url=str(target), status=status, content_type=media, text=text,
                       headers=response.headers, charset=used)
