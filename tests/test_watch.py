"""Watching feeds: new articles stored with their events, politely, and a
feed that is down or malformed does not stop the round.

Every request goes to an HTTP server the fixture starts on 127.0.0.1;
no test reaches the internet.
"""
import json
import socket
import threading
from email.utils import formatdate
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from click.testing import CliRunner

from orbitwatch.cli import main
from orbitwatch.ingest.feeds import (
    Feed, WatchError, WatchState, connector, default_state_path, parse_every, poll, read_feeds_file, watch,
)
from orbitwatch.ingest.fetch import FetchError, PoliteClient, user_agent
from orbitwatch.store import DuckDBStore

FIXTURES = Path(__file__).parent / "fixtures" / "feeds"
TYPES = {".xml": "application/xml", ".html": "text/html; charset=utf-8", ".txt": "text/plain"}
RSS_ETAG = '"rss-v1"'
ATOM_MODIFIED = formatdate(1702569600, usegmt=True)  # 2023-12-14


class Handler(BaseHTTPRequestHandler):
    """Serves tests/fixtures/feeds with {{BASE}} filled in, honours the
    feeds' validators with 304, answers /broken.xml with 500 and, for the
    host name "localhost", robots.txt with 503. Records every request."""

    def do_GET(self):
        self.server.requests.append((self.path, dict(self.headers)))
        path = self.path.split("?")[0]
        if path == "/broken.xml":
            return self._send(500, b"database on fire", "text/plain")
        if path == "/robots.txt" and self.headers["Host"].startswith("localhost"):
            return self._send(503, b"try later", "text/plain")
        file = FIXTURES / path.lstrip("/")
        if ".." in path or not file.is_file():
            return self._send(404, b"not found", "text/plain")
        extra = {"/rss.xml": {"ETag": RSS_ETAG}, "/atom.xml": {"Last-Modified": ATOM_MODIFIED}}.get(path, {})
        if (self.headers["If-None-Match"] == RSS_ETAG and "ETag" in extra
                or self.headers["If-Modified-Since"] == ATOM_MODIFIED and "Last-Modified" in extra):
            return self._send(304, b"", None, extra)
        body = file.read_bytes().replace(b"{{BASE}}", self.server.base.encode())
        self._send(200, body, TYPES.get(file.suffix, "application/octet-stream"), extra)

    def _send(self, status, body, kind, extra=None):
        self.send_response(status)
        headers = dict(extra or {}, **({"Content-Type": kind} if kind else {}))
        for name, value in headers.items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def server():
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.base = f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.requests = []
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield httpd
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture
def base(server):
    server.requests.clear()
    return server.base


@pytest.fixture
def store():
    s = DuckDBStore(":memory:")
    yield s
    s.close()


def closed_port() -> int:
    """A loopback port nothing listens on: connecting to it is refused."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def run_round(feeds, store, state, client=None):
    warnings = []
    report = poll(feeds, store, state, client or PoliteClient(delay=0), warn=warnings.append)
    return report, warnings


def paths(server):
    return [p for p, _ in server.requests]


def dyads(store):
    return {(r.actor, r.target, r.type) for r in store.events()}


def test_watch_stores_new_articles_with_their_events(base, store, tmp_path):
    feeds = [Feed(f"{base}/rss.xml", "Steppe Herald"), Feed(f"{base}/atom.xml")]
    report, warnings = run_round(feeds, store, WatchState(tmp_path / "state.json"))
    assert warnings == []
    assert (report.feeds, report.articles, report.failed) == (2, 4, 0)
    assert report.events == len(store.events()) > 0
    assert dyads(store) >= {("KAZ", "RUS", "REJECT"), ("UZB", "CHN", "AGREE"),
                            ("AZE", "RUS", "AGREE"), ("EU", "GEO", "AGREE")}
    docs = {d.url: d for d in map(store.document, {r.doc for r in store.events()})}
    kaz = docs[f"{base}/news/kazakhstan-referendums.html"]
    assert (kaz.title, kaz.published, kaz.source) == (
        "Astana will not recognise the referendums", "2022-09-26", "Steppe Herald")
    assert "cookies" not in kaz.text and "Most read" not in kaz.text  # the HTML reader's boilerplate removal
    georgia = docs[f"{base}/caucasus/eu-georgia-candidate.html"]
    assert (georgia.title, georgia.published, georgia.source) == (
        "Georgia becomes an EU candidate country", "2023-12-14", "127.0.0.1")


def test_watch_entry_date_is_the_day_the_feed_wrote_not_utc(base, store, tmp_path):
    run_round([Feed(f"{base}/rss.xml")], store, WatchState(tmp_path / "state.json"))
    china = [d for d in map(store.document, {r.doc for r in store.events()}) if "china" in d.url]
    assert china[0].published == "2024-01-24"  # 02:10 +0500 is still the 23rd in UTC


def test_watch_second_round_sends_validators_and_fetches_nothing_new(server, base, store, tmp_path):
    feeds = [Feed(f"{base}/rss.xml"), Feed(f"{base}/atom.xml")]
    run_round(feeds, store, WatchState(tmp_path / "state.json"))
    server.requests.clear()
    report, warnings = run_round(feeds, store, WatchState.load(tmp_path / "state.json"))
    assert warnings == [] and (report.not_modified, report.articles) == (2, 0)
    headers = dict(server.requests)
    assert headers["/rss.xml"]["If-None-Match"] == RSS_ETAG
    assert headers["/atom.xml"]["If-Modified-Since"] == ATOM_MODIFIED
    assert sorted(paths(server)) == ["/atom.xml", "/robots.txt", "/rss.xml"]


def test_watch_changed_feed_fetches_only_unseen_entries(server, base, store, tmp_path):
    state = WatchState(tmp_path / "state.json")
    run_round([Feed(f"{base}/rss.xml")], store, state)
    state.feeds[f"{base}/rss.xml"]["etag"] = '"stale"'  # the feed changed since
    server.requests.clear()
    report, _ = run_round([Feed(f"{base}/rss.xml")], store, state)
    assert report.articles == 0
    assert not [p for p in paths(server) if p.endswith(".html")]


def test_watch_robots_disallowed_article_is_not_fetched(server, base, store, tmp_path):
    report, warnings = run_round([Feed(f"{base}/rss.xml")], store, WatchState(tmp_path / "state.json"))
    assert report.disallowed == 1 and warnings == []
    assert "/private/armenia-csto-freeze.html" not in paths(server)
    assert ("ARM", "CSTO", "RETREAT") not in dyads(store)


def test_watch_reads_robots_once_per_host_and_round_with_its_user_agent(server, base, store, tmp_path):
    feeds = [Feed(f"{base}/rss.xml"), Feed(f"{base}/atom.xml")]
    run_round(feeds, store, WatchState(tmp_path / "state.json"))
    assert paths(server).count("/robots.txt") == 1
    agents = {h["User-Agent"] for _, h in server.requests}
    assert agents == {user_agent()} and user_agent().startswith("orbitwatch/")


def test_watch_down_and_malformed_feeds_warn_once_each_and_the_rest_are_stored(base, store, tmp_path):
    down = f"http://127.0.0.1:{closed_port()}/feed.xml"
    feeds = [Feed(down), Feed(f"{base}/broken.xml"), Feed(f"{base}/malformed.xml"), Feed(f"{base}/atom.xml")]
    report, warnings = run_round(feeds, store, WatchState(tmp_path / "state.json"))
    assert len(warnings) == 3 and report.failed == 3
    assert down in warnings[0] and "refused" in warnings[0].lower()
    assert f"{base}/broken.xml" in warnings[1] and "HTTP 500" in warnings[1]
    assert f"{base}/malformed.xml" in warnings[2] and "not a valid RSS or Atom feed" in warnings[2]
    assert all("\n" not in w for w in warnings)
    assert dyads(store) >= {("AZE", "RUS", "AGREE"), ("EU", "GEO", "AGREE")}


def test_watch_unreachable_robots_skips_the_host_as_rfc_9309_asks(server, base, store, tmp_path):
    other = base.replace("127.0.0.1", "localhost")  # the handler answers its robots.txt with 503
    report, warnings = run_round([Feed(f"{other}/rss.xml"), Feed(f"{base}/atom.xml")], store,
                                 WatchState(tmp_path / "state.json"))
    assert len(warnings) == 1 and "robots.txt unreachable (HTTP 503" in warnings[0]
    assert "/rss.xml" not in paths(server)
    assert report.articles == 2


def test_watch_failed_article_is_retried_next_round(server, base, store, tmp_path):
    state = WatchState(tmp_path / "state.json")
    report, warnings = run_round([Feed(f"{base}/missing.xml")], store, state)
    assert report.article_failures == 1 and len(warnings) == 1
    assert f"{base}/news/taken-down.html" in warnings[0] and "HTTP 404" in warnings[0]
    server.requests.clear()
    run_round([Feed(f"{base}/missing.xml")], store, state)
    assert "/news/taken-down.html" in paths(server)  # the feed's validators were not kept


def test_watch_interrupted_round_keeps_the_state_of_finished_feeds(base, store, tmp_path):
    class Interrupting(PoliteClient):
        def get(self, url, headers=None):
            if url.endswith("/atom.xml"):
                raise KeyboardInterrupt
            return super().get(url, headers)

    path = tmp_path / "state.json"
    with pytest.raises(KeyboardInterrupt):
        run_round([Feed(f"{base}/rss.xml"), Feed(f"{base}/atom.xml")], store, WatchState(path),
                  Interrupting(delay=0))
    saved = WatchState.load(path)
    assert saved.validators(f"{base}/rss.xml") == {"If-None-Match": RSS_ETAG}
    assert saved.seen(f"{base}/rss.xml", f"{base}/news/kazakhstan-referendums.html")


class FakeTime:
    """A clock that moves only when slept on (or told to), recording each sleep."""

    def __init__(self):
        self.now, self.sleeps = 100.0, []

    def clock(self):
        return self.now

    def sleep(self, seconds):
        self.sleeps.append(seconds)
        self.now += seconds


def test_fetch_waits_the_delay_between_requests_to_one_host(base):
    t = FakeTime()
    client = PoliteClient(delay=1.5, clock=t.clock, sleep=t.sleep)
    client.get(f"{base}/robots.txt")
    client.get(f"{base}/rss.xml")
    t.now += 1.0  # a second passes on its own: only half a second is left to wait
    client.get(f"{base}/atom.xml")
    client.get(base.replace("127.0.0.1", "localhost") + "/atom.xml")  # another host: no wait
    assert t.sleeps == [1.5, 0.5]


def test_watch_rounds_start_every_seconds_apart_and_open_the_store_per_round(base, tmp_path):
    t = FakeTime()
    client = PoliteClient(delay=0, clock=t.clock, sleep=t.sleep)
    opened, rounds = [], []

    def connect():
        opened.append(t.now)
        return connector(str(tmp_path / "news.duckdb"))()

    def on_round(report, store):
        rounds.append(report)
        t.now += 10  # the round took ten seconds
        if len(rounds) == 2:
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        watch([Feed(f"{base}/atom.xml")], connect, WatchState(tmp_path / "s.json"), client, every=60,
              warn=lambda m: None, on_round=on_round)
    assert t.sleeps == [50] and opened == [100, 160]
    assert (rounds[0].articles, rounds[1].not_modified) == (2, 1)


def test_fetch_refuses_other_schemes_and_oversized_responses(base):
    with pytest.raises(FetchError, match="not an http or https URL"):
        PoliteClient(delay=0).get("file:///etc/passwd")
    with pytest.raises(FetchError, match="over the limit of 100"):
        PoliteClient(delay=0, max_bytes=100).get(f"{base}/rss.xml")


def test_feeds_file_reads_urls_names_comments_and_blank_lines(write):
    path = write("feeds.txt", "# Central Asia\n\nhttps://a.example/rss.xml  Steppe Herald   # daily\n"
                              "http://b.example/atom.xml\n")
    assert read_feeds_file(path) == [Feed("https://a.example/rss.xml", "Steppe Herald"),
                                     Feed("http://b.example/atom.xml")]


@pytest.mark.parametrize("line, problem", [
    ("ftp://a.example/rss.xml", "is not an http or https URL"),
    ("a.example/rss.xml Herald", "is not an http or https URL"),
    ("https://a.example/rss.xml", "is already listed on line 1"),
])
def test_feeds_file_bad_line_names_the_file_the_line_and_what_is_valid(write, line, problem):
    path = write("feeds.txt", f"https://a.example/rss.xml\n# comment\n{line}\n")
    with pytest.raises(WatchError) as e:
        read_feeds_file(path)
    message = str(e.value)
    assert message.startswith(f"{path}:3: ") and problem in message and "\n" not in message
    if "http or https" in problem:
        assert "URL [NAME]" in message


@pytest.mark.parametrize("text, seconds", [("30s", 30), ("15m", 900), ("1h", 3600), ("1h30m", 5400),
                                           ("2h5m10s", 7510), (" 15M ", 900)])
def test_every_parses_hours_minutes_and_seconds(text, seconds):
    assert parse_every(text) == seconds


@pytest.mark.parametrize("text", ["", "15", "15x", "m15", "0m", "1.5h", "30m1h"])
def test_every_rejects_other_values_saying_what_is_valid(text):
    with pytest.raises(ValueError, match="30s, 15m, 1h or 1h30m"):
        parse_every(text)


def test_state_file_goes_beside_the_database_or_in_the_data_dir(tmp_path):
    assert default_state_path(str(tmp_path / "news.duckdb")) == tmp_path / "news.duckdb.watch.json"
    assert default_state_path(":memory:").name == "watch.json"


def test_state_file_that_is_not_a_state_is_refused_clearly(write):
    with pytest.raises(WatchError, match="move it away"):
        WatchState.load(write("s.json", "{not json"))
    with pytest.raises(WatchError, match="not an orbitwatch watch state"):
        WatchState.load(write("t.json", json.dumps({"version": 99})))


def invoke(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


def test_cli_watch_once_stores_articles_and_prints_a_summary(base, write, tmp_path):
    feeds = write("feeds.txt", f"{base}/rss.xml Steppe Herald\n{base}/atom.xml Caucasus Wire\n")
    db = tmp_path / "news.duckdb"
    res = invoke("watch", feeds, "--db", db, "--once", "--delay", "0")
    assert res.exit_code == 0, res.output
    assert "2 feeds polled (0 not modified, 0 failed), 4 articles new" in res.output
    assert (tmp_path / "news.duckdb.watch.json").exists()
    events = invoke("events", "--db", db, "--state", "KAZ", "--format", "jsonl").output
    assert '"target": "RUS"' in events
    again = invoke("watch", feeds, "--db", db, "--once", "--delay", "0", "--state", tmp_path / "news.duckdb.watch.json")
    assert "2 not modified" in again.output and "0 articles new" in again.output


def test_cli_watch_once_exits_1_when_a_feed_failed(base, write, tmp_path):
    feeds = write("feeds.txt", f"{base}/broken.xml\n{base}/atom.xml\n")
    res = invoke("watch", feeds, "--db", tmp_path / "n.duckdb", "--once", "--delay", "0")
    assert res.exit_code == 1
    assert f"orbitwatch: feed {base}/broken.xml: HTTP 500" in res.output


def test_cli_watch_bad_every_is_a_usage_error_saying_what_is_valid(write, tmp_path):
    feeds = write("feeds.txt", "https://a.example/rss.xml\n")
    res = invoke("watch", feeds, "--every", "15x", "--db", tmp_path / "n.duckdb", "--once")
    assert res.exit_code == 2 and "30s, 15m, 1h or 1h30m" in res.output


def test_cli_watch_bad_feeds_file_is_one_line_naming_the_line(write, tmp_path):
    feeds = write("feeds.txt", "https://a.example/rss.xml\nnot-a-url\n")
    res = invoke("watch", feeds, "--db", tmp_path / "n.duckdb", "--once")
    assert res.exit_code == 1 and f"{feeds}:2: 'not-a-url' is not an http or https URL" in res.output


def test_cli_watch_ctrl_c_saves_the_state_and_exits_130(write, tmp_path, monkeypatch):
    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr("orbitwatch.cli.watch", interrupted)
    feeds = write("feeds.txt", "https://a.example/rss.xml\n")
    res = invoke("watch", feeds, "--db", tmp_path / "n.duckdb")
    assert res.exit_code == 130
    assert f"stopped; state saved in {tmp_path / 'n.duckdb.watch.json'}" in res.output
