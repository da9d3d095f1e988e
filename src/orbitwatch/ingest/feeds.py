"""Feeds: poll RSS and Atom feeds, fetch the articles they list, store them.

``orbitwatch watch`` wraps ``watch()``. One round (``poll()``) asks each
feed for news with a conditional request, fetches the entries it has not
fetched before through the polite client of ``fetch.py``, reads each page
with the HTML reader of ``orbitwatch ingest`` and extracts and stores it as
``ingest`` does. A feed or an article that fails is reported in one line and
the round goes on. What was fetched and the feeds' validators live in a small
JSON state file, written after each feed, so a crash loses one feed's
progress at most (and a refetched article is stored as unchanged).
"""
from __future__ import annotations

import json
import os
import re
import sys
import tempfile
from collections.abc import Callable, Iterable
from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass, replace
from datetime import date, datetime
from email.utils import parsedate_to_datetime
from pathlib import Path
from urllib.parse import urljoin, urlsplit

from .document import Document, IngestError
from .fetch import FetchError, PoliteClient, Response, check_url, read_article

FEEDS_FILE_FORMAT = "each line is: URL [NAME], a # comment, or blank (URL: http:// or https://)"
DURATION_FORMAT = "hours, minutes and seconds such as 30s, 15m, 1h or 1h30m"
EVERY = 15 * 60     # seconds between rounds
MAX_SEEN = 1000     # article links remembered per feed; a feed lists far fewer
STATE_VERSION = 1


class WatchError(Exception):
    """A feeds file or state file that cannot be used; the message says what is valid."""


@dataclass(frozen=True)
class Feed:
    url: str
    name: str | None = None

    @property
    def source(self) -> str:
        """What its articles' ``source`` says: the name given, else the host."""
        return self.name or urlsplit(self.url).hostname


def parse_feed_line(line: str) -> Feed | None:
    """A feed from one line of a feeds file; None for a blank or comment line.

    A ``#`` starts a comment at the start of a line or after whitespace (a
    ``#`` inside a URL is a fragment)."""
    text = re.sub(r"(^|\s)#.*$", "", line).strip()
    if not text:
        return None
    url, *name = text.split(None, 1)
    try:
        check_url(url)
    except FetchError:
        raise ValueError(f"{url!r} is not an http or https URL") from None
    return Feed(url, name[0] if name else None)


def read_feeds_file(path: str | Path) -> list[Feed]:
    """The feeds of a hand-written file, in order; WatchError names the bad line."""
    try:
        lines = Path(path).read_text(encoding="utf-8-sig").splitlines()
    except (OSError, UnicodeDecodeError) as e:
        raise WatchError(f"cannot read feeds file {path}: {getattr(e, 'strerror', None) or e}") from None
    feeds, first = [], {}
    for n, line in enumerate(lines, start=1):
        try:
            feed = parse_feed_line(line)
        except ValueError as e:
            raise WatchError(f"{path}:{n}: {e}; {FEEDS_FILE_FORMAT}") from None
        if feed is None:
            continue
        if feed.url in first:
            raise WatchError(f"{path}:{n}: {feed.url} is already listed on line {first[feed.url]}")
        first[feed.url] = n
        feeds.append(feed)
    if not feeds:
        raise WatchError(f"{path}: lists no feeds; {FEEDS_FILE_FORMAT}")
    return feeds


def parse_every(text: str) -> float:
    """Seconds in a duration such as ``30s``, ``15m``, ``1h`` or ``1h30m``."""
    m = re.fullmatch(r"(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?", text.strip().lower())
    hours, minutes, seconds = (int(g or 0) for g in m.groups()) if m else (0, 0, 0)
    if not hours + minutes + seconds:
        raise ValueError(f"{text!r} is not a duration; give {DURATION_FORMAT}")
    return float(hours * 3600 + minutes * 60 + seconds)


def default_state_path(db: str) -> Path:
    """``<db>.watch.json`` beside a database file; in the user data
    directory for ``:memory:`` or a database URL, which have no directory."""
    if db == ":memory:" or "://" in db:
        from platformdirs import user_data_dir
        return Path(user_data_dir("orbitwatch")) / "watch.json"
    return Path(db).expanduser().with_name(Path(db).name + ".watch.json")


class WatchState:
    """Per feed: its validators (ETag, Last-Modified) and the article links
    already fetched, as JSON: ``{"version": 1, "feeds": {url: {"etag": ...,
    "last_modified": ..., "seen": [link, ...]}}}``."""

    def __init__(self, path: str | Path, feeds: dict | None = None):
        self.path = Path(path)
        self.feeds: dict[str, dict] = feeds or {}

    @classmethod
    def load(cls, path: str | Path) -> "WatchState":
        path = Path(path)
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return cls(path)
        except (OSError, ValueError) as e:
            raise WatchError(f"cannot read the watch state {path}: {e}; move it away to start afresh "
                             "(every listed article is then fetched again)") from None
        if not (isinstance(data, dict) and data.get("version") == STATE_VERSION
                and isinstance(data.get("feeds"), dict)):
            raise WatchError(f"{path} is not an orbitwatch watch state (version {STATE_VERSION}); "
                             "give another --state path or move it away")
        return cls(path, data["feeds"])

    def _feed(self, url: str) -> dict:
        return self.feeds.setdefault(url, {"etag": None, "last_modified": None, "seen": []})

    def validators(self, url: str) -> dict[str, str]:
        """The headers of a conditional request for this feed."""
        entry = self.feeds.get(url, {})
        headers = {"If-None-Match": entry.get("etag"), "If-Modified-Since": entry.get("last_modified")}
        return {k: v for k, v in headers.items() if v}

    def set_validators(self, url: str, response: Response | None) -> None:
        """Remember the response's validators; None forgets them, so the next
        request fetches the whole feed (to retry the articles that failed)."""
        headers = response.headers if response is not None else {}
        self._feed(url).update(etag=headers.get("ETag"), last_modified=headers.get("Last-Modified"))

    def seen(self, feed_url: str, link: str) -> bool:
        return link in self.feeds.get(feed_url, {}).get("seen", ())

    def mark_seen(self, feed_url: str, link: str) -> None:
        seen = self._feed(feed_url)["seen"]
        seen.append(link)
        del seen[:-MAX_SEEN]

    def save(self) -> None:
        """Write atomically (a temporary file, then os.replace): a crash
        leaves the old state or the new one, never half of one."""
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=self.path.parent, prefix=self.path.name + ".", suffix=".tmp")
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as f:
                json.dump({"version": STATE_VERSION, "feeds": self.feeds}, f, indent=1, ensure_ascii=False)
                f.flush()
                os.fsync(f.fileno())
            os.replace(tmp, self.path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise


@dataclass
class RoundReport:
    feeds: int = 0
    not_modified: int = 0
    failed: int = 0
    articles: int = 0        # stored new or changed
    unchanged: int = 0       # fetched again, same content
    disallowed: int = 0      # by robots.txt
    article_failures: int = 0
    events: int = 0

    @property
    def failures(self) -> int:
        return self.failed + self.article_failures

    def line(self) -> str:
        return (f"{self.feeds} feeds polled ({self.not_modified} not modified, {self.failed} failed), "
                f"{self.articles} articles new ({self.unchanged} unchanged, {self.disallowed} disallowed "
                f"by robots.txt, {self.article_failures} failed), {self.events} events stored")


def _stderr(message: str) -> None:
    print(f"orbitwatch: {message}", file=sys.stderr)


def watch(feeds: list[Feed], connect: Callable[[], AbstractContextManager], state: WatchState,
          client: PoliteClient, *, every: float = EVERY, once: bool = False, parser=None,
          warn: Callable[[str], None] = _stderr,
          on_round: Callable[[RoundReport, object], None] = lambda report, store: None) -> RoundReport:
    """Poll every ``every`` seconds (from the start of one round to the
    next) until interrupted, or one round with ``once``; returns the last
    round's report. An interruption leaves the state saved.

    ``connect()`` (see ``connector``) opens the store for one round only:
    DuckDB lets one process open a file at a time, so between rounds other
    commands (``events``, ``report``) can use the database. When it is
    busy, the round is skipped with a warning (``once`` raises instead).
    """
    from ..store import StoreError
    while True:
        started = client.clock()
        try:
            with connect() as store:
                report = poll(feeds, store, state, client, parser=parser, warn=warn)
                on_round(report, store)
        except StoreError as e:
            if once:
                raise
            warn(f"round skipped: {e}")
        if once:
            return report
        client.sleep(max(0.0, every - (client.clock() - started)))


def connector(location: str) -> Callable[[], AbstractContextManager]:
    """What ``watch`` opens each round: the database file, closed after the
    round; a ``:memory:`` database is opened once and kept, as closing it
    would forget everything."""
    from ..store import open_store
    if location == ":memory:":
        store = open_store(location)
        return lambda: nullcontext(store)
    return lambda: open_store(location)


def poll(feeds: Iterable[Feed], store, state: WatchState, client: PoliteClient, *, parser=None,
         warn: Callable[[str], None] = _stderr) -> RoundReport:
    """One round over every feed. The state is saved after each feed (and
    when interrupted); canonical events are re-linked once, at the end."""
    from ..parallel import SerialRunner
    from ..pipeline import relink
    poller = _Round(store, state, client, SerialRunner(parser), warn)
    client.new_round()
    try:
        for feed in feeds:
            poller.feed(feed)
            state.save()
    finally:
        state.save()
        if poller.report.articles:
            relink(store)
    return poller.report


class _Round:
    """One polling round: what ``poll`` does for each feed and each entry."""

    def __init__(self, store, state: WatchState, client: PoliteClient, runner, warn):
        self.store, self.state, self.client, self.runner, self.warn = store, state, client, runner, warn
        self.report = RoundReport()

    def feed(self, feed: Feed) -> None:
        import feedparser  # imported here: only watching needs it
        self.report.feeds += 1
        try:
            if not self.client.allowed(feed.url):
                raise FetchError(feed.url, "disallowed by robots.txt")
            response = self.client.get(feed.url, self.state.validators(feed.url))
        except FetchError as e:
            return self._failed(feed, e.reason)
        if response.status == 304:
            self.report.not_modified += 1
            return
        parsed = feedparser.parse(response.body, response_headers={
            "content-location": response.url, "content-type": response.headers.get("Content-Type", "")})
        if not parsed.entries and (parsed.bozo or not parsed.version):
            why = parsed.get("bozo_exception") or "no rss, feed or RDF element"
            return self._failed(feed, f"not a valid RSS or Atom feed ({why})")
        done = [self.entry(feed, entry, response.url) for entry in parsed.entries]
        self.state.set_validators(feed.url, response if all(done) else None)

    def _failed(self, feed: Feed, reason: str) -> None:
        self.report.failed += 1
        self.warn(f"feed {feed.url}: {reason}")

    def entry(self, feed: Feed, entry, base: str) -> bool:
        """Fetch and store one entry's article; False when it failed and
        should be tried again next round."""
        if not entry.get("link"):
            return True  # nothing to fetch
        url = urljoin(base, entry["link"])
        if self.state.seen(feed.url, url):
            return True
        try:
            if not self.client.allowed(url):
                self.report.disallowed += 1
                return True
            doc = article_document(feed, entry, url, self.client.get(url), self.warn)
        except (FetchError, IngestError) as e:
            self.report.article_failures += 1
            self.warn(f"article {url} (feed {feed.url}): {e.reason}")
            return False
        self.save(doc)
        self.state.mark_seen(feed.url, url)
        return True

    def save(self, doc: Document) -> None:
        """Extract and store as ``ingest`` does, one transaction per article."""
        from ..pipeline import claims_dataset
        if self.store.is_current(doc, self.runner.extractor):
            self.report.unchanged += 1
            return
        for doc, records, claims in self.runner.map([doc]):
            self.store.save(doc, records, self.runner.extractor)
            self.store.replace_indicators(claims_dataset(doc.id), claims)
            self.report.articles += 1
            self.report.events += len(records)


def article_document(feed: Feed, entry, url: str, response: Response,
                     warn: Callable[[str], None] = _stderr) -> Document:
    """The page read as ``ingest`` reads an .html file, with the page's title
    (else the entry's), the entry's date (else the page's) and the feed's
    name (else its host) as source."""
    page = read_article(url, response, warn)
    return replace(page, title=page.title or entry.get("title") or None,
                   published=entry_date(entry) or page.published, source=feed.source, meta={"feed": feed.url})


def entry_date(entry) -> str | None:
    """``YYYY-MM-DD`` of the entry, in the time zone the feed wrote it in
    (feedparser's own parse is in UTC, which can move a date by a day)."""
    raw = entry.get("published") or entry.get("updated")
    for parse in (parsedate_to_datetime, datetime.fromisoformat):
        try:
            return parse(raw).date().isoformat()
        except (TypeError, ValueError, IndexError):
            continue
    parsed = entry.get("published_parsed") or entry.get("updated_parsed")
    return date(*parsed[:3]).isoformat() if parsed else None
