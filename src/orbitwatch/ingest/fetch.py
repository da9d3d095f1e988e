"""A polite HTTP client for feeds and the articles they list, and an
article page read as a Document.

Polite means: it says who it is (``user_agent()``), asks robots.txt first,
waits ``delay`` seconds between two requests to the same host, gives up
after ``timeout`` seconds, refuses bodies over ``max_bytes`` and speaks only
http and https. The standard library does the HTTP, so watching feeds adds
no HTTP dependency.
"""
from __future__ import annotations

import hashlib
import re
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from email.message import Message
from http.client import HTTPException
from pathlib import PurePosixPath
from urllib.parse import urlsplit, urlunsplit
from urllib.robotparser import RobotFileParser

from .. import __version__
from .decode import decode
from .document import Document, IngestError
from .html import read_html

SCHEMES = ("http", "https")
DELAY = 1.0             # seconds between two requests to one host
TIMEOUT = 15.0          # seconds to connect, and between two reads
MAX_BYTES = 5_000_000   # a feed or an article page larger than this is refused


class FetchError(Exception):
    """A URL that could not be fetched; ``str()`` is the one-line reason."""

    def __init__(self, url: str, reason: str, status: int | None = None):
        super().__init__(f"{url}: {reason}")
        self.url = url
        self.reason = reason
        self.status = status  # the HTTP status, when the server answered


@dataclass
class Response:
    url: str                  # after redirects
    status: int               # 200, or 304 for a conditional request with nothing new
    headers: Message = field(default_factory=Message)
    body: bytes = b""

    def charset(self) -> str | None:
        return self.headers.get_content_charset() if self.headers else None


def user_agent() -> str:
    """``orbitwatch/<version> (+<project URL>)``: the URL is the first
    ``[project.urls]`` entry of the installed package, so a site owner can
    find who is fetching; without one the product token stands alone."""
    from importlib.metadata import PackageNotFoundError, metadata
    try:
        meta = metadata("orbitwatch")
        urls = [u.split(",", 1)[-1].strip() for u in meta.get_all("Project-URL") or []]
        url = (urls or [meta.get("Home-page")])[0]
    except PackageNotFoundError:
        url = None
    return f"orbitwatch/{__version__} (+{url})" if url else f"orbitwatch/{__version__}"


def check_url(url: str) -> None:
    """Refuse anything but an http or https URL with a host."""
    parts = urlsplit(url)
    if parts.scheme.lower() not in SCHEMES or not parts.hostname:
        raise FetchError(url, "not an http or https URL")


class _HttpOnlyRedirects(urllib.request.HTTPRedirectHandler):
    """Follow redirects, but never to file:, ftp: or any other scheme."""

    def redirect_request(self, req, fp, code, msg, headers, newurl):
        if urlsplit(newurl).scheme.lower() not in SCHEMES:
            raise FetchError(req.full_url, f"redirected to a URL that is not http or https: {newurl}")
        return super().redirect_request(req, fp, code, msg, headers, newurl)


class PoliteClient:
    """GET with a user agent, a per-host interval, a timeout and a size limit.

    ``clock`` and ``sleep`` are injectable so that a test checks the waits
    without waiting. robots.txt is read once per host and round: call
    ``new_round()`` at the start of each polling round.
    """

    def __init__(self, *, delay: float = DELAY, timeout: float = TIMEOUT, max_bytes: int = MAX_BYTES,
                 agent: str | None = None, clock: Callable[[], float] = time.monotonic,
                 sleep: Callable[[float], None] = time.sleep):
        self.delay, self.timeout, self.max_bytes = delay, timeout, max_bytes
        self.agent = agent or user_agent()
        self.clock, self.sleep = clock, sleep
        self._last: dict[str, float] = {}            # host -> when its last request ended
        self._robots: dict[str, RobotFileParser | FetchError] = {}
        self._opener = urllib.request.build_opener(_HttpOnlyRedirects())

    def new_round(self) -> None:
        self._robots.clear()

    def get(self, url: str, headers: dict[str, str] | None = None) -> Response:
        """The response to a GET; a 304 is returned, any other failure raised as FetchError."""
        check_url(url)
        host = urlsplit(url).hostname
        self._wait(host)
        request = urllib.request.Request(url, headers={"User-Agent": self.agent, **(headers or {})})
        try:
            with self._opener.open(request, timeout=self.timeout) as r:
                return Response(r.geturl(), r.status, r.headers, self._read(url, r))
        except urllib.error.HTTPError as e:
            e.close()
            if e.code == 304:
                return Response(url, 304, e.headers)
            raise FetchError(url, f"HTTP {e.code} {e.reason}", e.code) from None
        except urllib.error.URLError as e:
            raise FetchError(url, _reason(e.reason)) from None
        except (HTTPException, OSError, ValueError) as e:
            raise FetchError(url, _reason(e)) from None
        finally:
            self._last[host] = self.clock()

    def allowed(self, url: str) -> bool:
        """Whether robots.txt lets this client fetch ``url``.

        The convention is RFC 9309's: a robots.txt that is missing or
        refused (HTTP 4xx) allows everything; one that is unreachable (HTTP
        5xx, connection refused, timeout) means "assume complete disallow",
        and this raises FetchError saying so, for every URL of that host
        until the next round.
        """
        check_url(url)
        parts = urlsplit(url)
        origin = urlunsplit((parts.scheme.lower(), parts.netloc.lower(), "", "", ""))
        if origin not in self._robots:
            self._robots[origin] = self._read_robots(origin)
        robots = self._robots[origin]
        if isinstance(robots, FetchError):
            raise FetchError(url, robots.reason)
        return robots.can_fetch(self.agent, url)

    def _read_robots(self, origin: str) -> RobotFileParser | FetchError:
        robots = RobotFileParser(origin + "/robots.txt")
        try:
            response = self.get(origin + "/robots.txt")
            robots.parse(response.body.decode("utf-8", errors="replace").splitlines())
        except FetchError as e:
            if not (e.status and 400 <= e.status < 500):
                return FetchError(origin, f"robots.txt unreachable ({e.reason}); "
                                          "skipped, as RFC 9309 asks")
            robots.allow_all = True
        return robots

    def _wait(self, host: str) -> None:
        if host in self._last:
            wait = self._last[host] + self.delay - self.clock()
            if wait > 0:
                self.sleep(wait)

    def _read(self, url: str, response) -> bytes:
        length = response.headers.get("Content-Length")
        if length and length.isdigit() and int(length) > self.max_bytes:
            raise FetchError(url, f"response of {length} bytes is over the limit of {self.max_bytes}")
        body = response.read(self.max_bytes + 1)
        if len(body) > self.max_bytes:
            raise FetchError(url, f"response is over the limit of {self.max_bytes} bytes")
        return body


def read_article(url: str, response: Response, warn: Callable[[str], None]) -> Document:
    """An article page as ``ingest`` reads an .html file (boilerplate
    removed), with ``url`` as its URL; IngestError says why it cannot be."""
    kind = response.headers.get_content_type() if response.headers else "text/html"
    if not (kind.startswith("text/") or "html" in kind or "xml" in kind):
        raise IngestError(url, f"not an HTML page but {kind}")
    text = _decode(response, url, warn)
    try:
        page = read_html(text, article_id(url), url)
    except IngestError:
        raise
    except Exception as e:  # a parser bug must not stop the round
        raise IngestError(url, f"could not parse as html: {type(e).__name__}: {e}") from None
    return replace(page, url=url, path=None)


def _decode(response: Response, url: str, warn: Callable[[str], None]) -> str:
    """The charset the server declares, else UTF-8, else detection (reported)."""
    charset = response.charset()
    if charset:
        try:
            return response.body.decode(charset)
        except (LookupError, UnicodeDecodeError):
            pass
    text, warning = decode(response.body, url)
    if warning:
        warn(f"article {url}: {warning}")
    return text


def article_id(url: str) -> str:
    """A stable, readable document id: the page's name and a hash of its URL
    (ids appear in paths of the workbench, so no slashes)."""
    parts = urlsplit(url)
    stem = PurePosixPath(parts.path).stem or parts.hostname or ""
    slug = re.sub(r"[^a-z0-9]+", "-", stem.lower()).strip("-")[:60] or "article"
    return f"{slug}-{hashlib.sha1(url.encode('utf-8')).hexdigest()[:10]}"


def _reason(error) -> str:
    """A short reason: "Connection refused", "timed out", not a repr."""
    if isinstance(error, TimeoutError) or "timed out" in str(error):
        return "timed out"
    if isinstance(error, OSError) and error.strerror:
        return error.strerror
    return str(error) or type(error).__name__
