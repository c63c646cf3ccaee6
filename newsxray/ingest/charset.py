"""Turning fetched, archived or stored markup bytes into text.

The charset comes from, in order: a byte-order mark, the declared charset (an HTTP
``Content-Type`` header), a ``<meta charset>`` / ``<meta http-equiv>`` tag or an XML
declaration near the start, and finally the caller's default (UTF-8). Legacy Latin
labels are read as windows-1252, as browsers do. When the chosen charset cannot decode
the bytes, UTF-8 is tried, then the bytes are decoded with replacement characters and a
note says so (the caller reports it); markup never fails on its encoding alone.
"""
from __future__ import annotations

import codecs
import re

_BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_META = re.compile(rb"""<meta\b[^>]{0,512}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]{1,40})""", re.I)
_XML_DECL = re.compile(rb"""^\s*<\?xml[^>]{0,200}?encoding\s*=\s*["']([A-Za-z0-9_.:-]{1,40})["']""")
_CT_CHARSET = re.compile(r"""charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]{1,40})""", re.I)
# labels that browsers read as windows-1252 (a superset of latin-1 for printable text)
_AS_CP1252 = {"latin-1", "iso8859-1", "ascii", "cp1252"}
SNIFF_BYTES = 4096


def normalise_charset(label: str | None) -> str | None:
    """Python codec name for a charset label, or None for unknown labels."""
    if not label:
        return None
    try:
        name = codecs.lookup(label.strip().strip("'\"")).name
    except LookupError:
        return None
    return "cp1252" if name in _AS_CP1252 else name


def parse_content_type(value: str | None) -> tuple[str, str | None]:
    """``"text/html; charset=UTF-8"`` -> ``("text/html", "UTF-8")``."""
    if not value:
        return "", None
    media = value.split(";", 1)[0].strip().lower()
    found = _CT_CHARSET.search(value)
    return media, found.group(1) if found else None


def bom_charset(data: bytes) -> tuple[str | None, int]:
    """The charset a byte-order mark announces and the mark's length."""
    for bom, name in _BOMS:
        if data.startswith(bom):
            return name, len(bom)
    return None, 0


def sniff_charset(data: bytes) -> str | None:
    """The charset the markup declares about itself (meta tag or XML declaration)."""
    head = data[:SNIFF_BYTES]
    found = _XML_DECL.match(head) or _META.search(head)
    if not found:
        return None
    name = normalise_charset(found.group(1).decode("ascii"))
    # an ASCII-compatible byte stream cannot really be UTF-16 (the BOM would have said so)
    return "utf-8" if name and name.startswith("utf-16") else name


def decode_markup(data: bytes, *, declared: str | None = None,
                  default: str = "utf-8") -> tuple[str, str, str | None]:
    """Decode HTML/XML bytes; returns ``(text, charset used, note or None)``."""
    bom, skip = bom_charset(data)
    if bom:
        return data[skip:].decode(bom, errors="replace"), bom, None
    chosen = normalise_charset(declared) or sniff_charset(data) or normalise_charset(default) or "utf-8"
    try:
        return data.decode(chosen), chosen, None
    except UnicodeDecodeError as exc:
        problem = f"bytes are not valid {chosen} (at byte {exc.start})"
    if chosen != "utf-8":
        try:
            return data.decode("utf-8"), "utf-8", f"{problem}; read as utf-8 instead"
        except UnicodeDecodeError:
            pass
    return data.decode(chosen, errors="replace"), chosen, f"{problem}; undecodable bytes replaced"
