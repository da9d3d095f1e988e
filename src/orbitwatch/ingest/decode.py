"""Bytes to text: UTF-8 first, detection second, and always say which."""
from __future__ import annotations

from charset_normalizer import from_bytes

from .document import IngestError


def decode(raw: bytes, path: str) -> tuple[str, str | None]:
    """Return (text, warning). The warning names a detected non-UTF-8 encoding.

    Text that is not UTF-8 is never silently mangled: it is decoded by
    detection and reported, or refused when nothing plausible fits.
    """
    if b"\0" in raw[:4096] and not raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise IngestError(path, "binary file (NUL bytes), not text")
    try:
        return raw.decode("utf-8-sig"), None
    except UnicodeDecodeError:
        pass
    best = from_bytes(raw).best()
    if best is None or best.encoding is None:
        raise IngestError(path, "not valid UTF-8 and no text encoding could be detected")
    return str(best), f"not valid UTF-8; decoded as {best.encoding}"
