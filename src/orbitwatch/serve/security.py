"""Who may write, and what a request may carry.

Writes need the token (``ORBITWATCH_TOKEN``, else the first line of
``token`` in the user's config directory), sent as ``Authorization: Bearer``
and compared in constant time. Browsers send that header only from our own
pages' scripts, never with a cross-site form, and a write whose ``Origin``
(or, without one, ``Referer``) names another site is refused as well.
"""
from __future__ import annotations

import hmac
import os
from pathlib import Path
from urllib.parse import urlsplit

from fastapi import HTTPException, Request
from platformdirs import user_config_dir

ENV_VAR = "ORBITWATCH_TOKEN"
MAX_BODY = 1_000_000  # bytes a request may carry (a corrections file of a few thousand lines)
MAX_PAGE = 500        # records a page may hold
MAX_OFFSET = 10**9    # records or pages a request may skip: past any store, within every engine's integers


def token_file() -> Path:
    return Path(user_config_dir("orbitwatch")) / "token"


def load_token() -> str | None:
    """The write token from the environment or the config file; None: read-only."""
    value = os.environ.get(ENV_VAR)
    if not value and token_file().is_file():
        value = token_file().read_text(encoding="utf-8").strip().splitlines()[0:1]
        value = value[0] if value else None
    return value.strip() if value and value.strip() else None


def require_writer(request: Request) -> None:
    """Refuse a write without the right token (401) or from another site (403)."""
    token = request.app.state.token
    given = request.headers.get("authorization", "")
    scheme, _, value = given.partition(" ")
    if token is None:
        raise HTTPException(401, "writes are disabled: start the server with ORBITWATCH_TOKEN set")
    if scheme.lower() != "bearer" or not hmac.compare_digest(value.strip().encode(), token.encode()):
        raise HTTPException(401, "a write needs 'Authorization: Bearer <token>' with the server's token")
    origin = request.headers.get("origin") or request.headers.get("referer")  # old browsers send no Origin
    if origin and urlsplit(origin).netloc != request.headers.get("host", ""):
        raise HTTPException(403, f"cross-site write from {origin} refused")
