"""Which network addresses newsxray may fetch from: globally routable ones only.

Articles and feeds are hostile input: a link to ``http://169.254.169.254/`` or to a
host name that resolves to ``10.0.0.5`` must not make newsxray read a cloud metadata
service or an intranet page. ``check_host`` resolves a host itself and refuses it when
*any* of its addresses is private, loopback, link-local, multicast, reserved,
unspecified or otherwise not global (IPv4 addresses embedded in IPv6 — mapped, 6to4,
NAT64 — are checked as the IPv4 address they carry). ``allow_private=True``
(``--allow-private``) lifts the check for deliberate local use.
"""
from __future__ import annotations

import ipaddress
import socket

from ..errors import FetchError

PRIVATE_HINT = "pass --allow-private to fetch local addresses"
_NAT64 = ipaddress.ip_network("64:ff9b::/96")
_KINDS = (
    ("is_unspecified", "an unspecified address"),
    ("is_loopback", "a loopback address"),
    ("is_link_local", "a link-local address"),
    ("is_multicast", "a multicast address"),
    ("is_reserved", "a reserved address"),
    ("is_private", "a private address"),
)


def _embedded_ipv4(addr: ipaddress.IPv6Address) -> ipaddress.IPv4Address | None:
    if addr.ipv4_mapped is not None:
        return addr.ipv4_mapped
    if addr.sixtofour is not None:
        return addr.sixtofour
    if addr in _NAT64:
        return ipaddress.IPv4Address(int(addr) & 0xFFFFFFFF)
    return None


def address_problem(ip: str) -> str | None:
    """Why ``ip`` is not fetched from by default (``"a loopback address"``), or None."""
    try:
        addr = ipaddress.ip_address(ip.split("%", 1)[0])
    except ValueError:
        return "not an IP address"
    if isinstance(addr, ipaddress.IPv6Address):
        inner = _embedded_ipv4(addr)
        if inner is not None:
            problem = address_problem(str(inner))
            return f"{problem} (IPv4 {inner} inside IPv6)" if problem else None
    for attribute, kind in _KINDS:
        if getattr(addr, attribute):
            return kind
    return None if addr.is_global else "not a globally routable address"


def resolve_host(host: str, port: int) -> list[str]:
    """Every address ``host`` resolves to (IP literals resolve to themselves)."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError, OSError) as exc:
        reason = getattr(exc, "strerror", None) or str(exc)
        raise FetchError(f"could not resolve host {host!r} ({reason}); check the URL") from None
    found: list[str] = []
    for info in infos:
        ip = str(info[4][0])
        if ip not in found:
            found.append(ip)
    return found


def check_host(host: str, port: int, *, allow_private: bool = False) -> list[str]:
    """Resolve ``host`` and return its addresses, refusing non-public ones.

    Raises ``FetchError`` naming the address and why it is refused.
    """
    addresses = resolve_host(host, port)
    if not addresses:
        raise FetchError(f"could not resolve host {host!r}; check the URL")
    if allow_private:
        return addresses
    for ip in addresses:
        problem = address_problem(ip)
        if problem:
            if ip.split("%", 1)[0] == host:
                raise FetchError(f"refused: {ip} is {problem}; {PRIVATE_HINT}")
            raise FetchError(f"refused: {host} resolves to {ip}, {problem}; {PRIVATE_HINT}")
    return addresses
