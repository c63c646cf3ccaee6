"""Checks that make bad input fail early with a reason a user can act on."""
from __future__ import annotations

from ..errors import InputError
from .limits import LIMITS, Limits

_CONTROL_OK = set("\n\r\t\f\v")


def looks_binary(sample: str | bytes) -> bool:
    """True for NUL bytes or a high share of control characters (not text)."""
    if isinstance(sample, bytes):
        if b"\x00" in sample[:8192]:
            return True
        sample = sample[:8192].decode("latin-1")
    sample = sample[:8192]
    if "\x00" in sample:
        return True
    if not sample:
        return False
    controls = sum(1 for c in sample if ord(c) < 32 and c not in _CONTROL_OK)
    return controls / len(sample) > 0.05


def decode_bytes(data: bytes, *, source: str | None = None, limits: Limits = LIMITS,
                 encoding: str = "utf-8") -> str:
    """Decode file or response bytes, refusing binary data, oversize and bad encodings."""
    if len(data) > limits.max_bytes:
        raise InputError(
            f"input is {len(data) / 1e6:.1f} MB, over the {limits.max_bytes / 1e6:.0f} MB limit; "
            "split it or raise the limit (--max-bytes)", source=source)
    if looks_binary(data):
        raise InputError("input looks like binary data, not text or HTML", source=source)
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise InputError(
            f"not valid {encoding} (byte {exc.start}: {data[exc.start:exc.start + 1]!r}); "
            "convert it to UTF-8 or pass --encoding", source=source) from None
    except LookupError:
        raise InputError(f"unknown encoding {encoding!r}", source=source) from None


def check_text(text: str, *, limits: Limits = LIMITS, source: str | None = None, what: str = "text") -> str:
    """Return ``text`` unchanged if it can be analysed, else raise InputError."""
    if not isinstance(text, str):
        raise InputError(f"{what} must be a str, got {type(text).__name__}", source=source)
    if not text.strip():
        raise InputError(f"empty input: the {what} is empty or only whitespace", source=source)
    if len(text) > limits.max_chars:
        raise InputError(
            f"{what} has {len(text):,} characters, over the {limits.max_chars:,} limit; "
            "split it or raise the limit (--max-chars)", source=source)
    if looks_binary(text):
        raise InputError(f"the {what} looks like binary data (NUL or control characters)", source=source)
    return text
