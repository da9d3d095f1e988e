"""The workbench under attack: writes without the token, cross-site posts,
stored script, SQL in every filter, path traversal, oversized bodies and a
load test on loopback during which every response is right and no review
write is lost.

The fuzz and load runs are short here; ``ORBITWATCH_FUZZ_EXAMPLES``,
``ORBITWATCH_LOAD_SECONDS`` and ``ORBITWATCH_LOAD_CLIENTS`` make them longer
on demand (``-s`` shows the load figures)."""
import csv
import io
import json
import os
import re
import shutil
import socket
import threading
import time
from collections import Counter
from contextlib import contextmanager
from html.parser import HTMLParser
from pathlib import Path

import httpx
import pytest
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings, strategies as st

from orbitwatch.pipeline import ingest_paths
from orbitwatch.serve import api, create_app, pages
from orbitwatch.store import open_store

PARADOX = Path(__file__).parent / "fixtures" / "paradox"
TOKEN = "attack-token"
AUTH = {"Authorization": f"Bearer {TOKEN}"}
EVIL_ORIGIN = "https://evil.example"

SCRIPT = "<script>alert(1)</script>"
IMG = "<img src=x onerror=alert(2)>"
LINK = '<a href="javascript:alert(3)">link</a>'
SVG = '"><svg onload=alert(4)>'
COMMENT = "<!--<script>"  # inside a <script> element: would swallow the markup after it
PAYLOADS = (SCRIPT, IMG, LINK, SVG, COMMENT)
EVIL = " ".join(PAYLOADS)

INJECTIONS = ("' OR 1=1 --", "KAZ'; DROP TABLE events; --", "%", "_",
              "\u2019 OR \u20181\u2019=\u20181 \uff2b\uff21\uff3a",  # typographic quotes, full-width KAZ
              "KAZ\x00' OR '1'='1")
NASTIEST = (INJECTIONS[0], INJECTIONS[1], "%_\x00\u2019")  # for the routes whose filters /api/events shares
NUMBERS = ("9" * 30, "-1", "1e3", "0x10")  # for the numeric parameters too
LOAD_SECONDS = float(os.environ.get("ORBITWATCH_LOAD_SECONDS", "3"))
LOAD_CLIENTS = int(os.environ.get("ORBITWATCH_LOAD_CLIENTS", "8"))
FUZZ_EXAMPLES = int(os.environ.get("ORBITWATCH_FUZZ_EXAMPLES", "25"))


def _ingest(location: str, folder: Path, gas_documents: int = 0) -> str:
    """The paradox articles, one article whose title, URL and text carry
    script, and ``gas_documents`` one-record articles (distinct records for
    the load test's writer)."""
    folder.mkdir(exist_ok=True)
    (folder / "evil.txt").write_text(
        f"title: Gas {EVIL}\npublished: 2022-09-01\nurl: javascript:alert(5)\n---\n"
        f"Kazakhstan signed a gas agreement with Russia {EVIL} on 1 September 2022.\n", encoding="utf-8")
    for i in range(1, gas_documents + 1):
        (folder / f"gas{i:02d}.txt").write_text(
            f"title: Gas deal {i}\npublished: 2022-09-{i:02d}\n---\n"
            f"Kazakhstan signed a gas agreement with Russia on {i} September 2022.\n", encoding="utf-8")
    with open_store(location) as store:
        ingest_paths([str(PARADOX), str(folder)], store)
    return location


@pytest.fixture()
def db(make_store, tmp_path):
    return _ingest(make_store.location(), tmp_path / "articles")


@pytest.fixture()
def client(db):
    """On each engine: for what reaches the store (stored text, filters, load).
    A server error comes back as a 500 response, as a browser would see it."""
    return TestClient(create_app(db, TOKEN), raise_server_exceptions=False)


@pytest.fixture(scope="module")
def duck_template(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("attack")
    return Path(_ingest(str(folder / "template.duckdb"), folder / "articles"))


@pytest.fixture()
def duck_db(duck_template, tmp_path) -> str:
    """A fresh copy of one DuckDB store: for the guards in front of the store
    (token, origin, size, type, path), which no engine reaches."""
    for suffix in ("", ".wal"):
        if Path(f"{duck_template}{suffix}").exists():
            shutil.copy(f"{duck_template}{suffix}", tmp_path / f"w.duckdb{suffix}")
    return str(tmp_path / "w.duckdb")


@pytest.fixture()
def guarded(duck_db):
    return TestClient(create_app(duck_db, TOKEN), raise_server_exceptions=False)


def _log(client) -> list[dict]:
    return client.get("/api/corrections", params={"limit": 500}).json()


def _events(client, **params) -> dict:
    return client.get("/api/events", params={"limit": 500, **params}).json()


def _confirmation(client, doc="a2") -> dict:
    rec = _events(client, doc=doc)["items"][0]
    return {"doc": doc, **rec["key"], "action": "confirm", "author": "mallory", "reason": "looks right"}


def _stored_rows(client) -> dict:
    """Row counts straight from the app's store: what a DROP or DELETE would change."""
    with client.app.state.bench.use() as store:
        return store.counts()


# --- who may write -------------------------------------------------------------------

BAD_AUTHORIZATIONS = (None, "Bearer wrong-token", f"Bearer {TOKEN}x", f"Bearer {TOKEN[:-1]}", "Bearer",
                      f"Basic {TOKEN}", f"Token {TOKEN}", TOKEN, f"Bearer{TOKEN}", f"Bearer {TOKEN} {TOKEN}")


def _write_endpoints(client) -> list[tuple[str, dict]]:
    """Every write the server has (pages only read): a correction and an import."""
    body = _confirmation(client)
    return [("/api/corrections", {"json": body}),
            ("/api/corrections/import", {"content": json.dumps(body) + "\n",
                                         "headers": {"Content-Type": "application/x-ndjson"}})]


def test_every_write_without_the_right_bearer_token_is_401_and_logs_nothing(guarded):
    writes = [r.path for router in (api.router, pages.router) for r in router.routes
              if {"POST", "PUT", "PATCH", "DELETE"} & r.methods]
    assert sorted(writes) == ["/api/corrections", "/api/corrections/import"]  # a new write needs a case here
    for path, kw in _write_endpoints(guarded):
        for authorization in BAD_AUTHORIZATIONS:
            headers = {**kw.get("headers", {}), **({"Authorization": authorization} if authorization else {})}
            r = guarded.post(path, **{**kw, "headers": headers})
            assert r.status_code == 401, (path, authorization, r.text)
            assert "Bearer" in r.json()["detail"]
    assert _log(guarded) == []
    assert _events(guarded, review="machine")["total"] == _events(guarded)["total"]


def test_a_malformed_write_without_the_token_is_refused_and_logs_nothing(guarded):
    for content in ("{", "[" * 100_000, "null", '{"doc": 1}'):
        r = guarded.post("/api/corrections", content=content, headers={"Content-Type": "application/json"})
        assert 400 <= r.status_code < 500, (content[:10], r.status_code)
    assert _log(guarded) == []


def test_pages_and_reads_take_no_writes(guarded):
    for path in ("/", "/events", "/review", "/state/KAZ", "/documents/a1", "/api/events", "/api/documents/a1"):
        assert guarded.post(path, data={"action": "reject"}, headers=AUTH).status_code == 405, path
    for method in ("PUT", "PATCH", "DELETE"):
        assert guarded.request(method, "/api/corrections", headers=AUTH, json={}).status_code == 405
    assert _log(guarded) == []


# --- cross-site requests -------------------------------------------------------------

def _cross_site_requests(client) -> list[tuple[str, dict]]:
    """What a page on another site can make a browser send: forms (urlencoded,
    multipart, text/plain holding JSON), from another Origin, from a sandboxed
    frame (Origin: null), or with no Origin and a foreign Referer."""
    body = _confirmation(client)
    forms = {"form": {"data": body},
             "multipart": {"files": {"file": ("c.jsonl", json.dumps(body))}},
             "text/plain": {"content": json.dumps(body), "headers": {"Content-Type": "text/plain"}}}
    senders = ({"Origin": EVIL_ORIGIN}, {"Origin": "null"}, {"Referer": f"{EVIL_ORIGIN}/page"},
               {"Origin": "http://testserver.evil.example"})
    return [(path, {**kw, "headers": {**kw.get("headers", {}), **sender}})
            for path in ("/api/corrections", "/api/corrections/import")
            for kw in forms.values() for sender in senders]


def test_cross_site_posts_are_refused_even_carrying_the_token(guarded):
    for path, kw in _cross_site_requests(guarded):
        assert guarded.post(path, **kw).status_code == 401, (path, kw["headers"])  # a browser sends no token
        with_token = {**kw, "headers": {**kw["headers"], **AUTH}}
        r = guarded.post(path, **with_token)
        assert r.status_code == 403 and "cross-site" in r.json()["detail"], (path, kw["headers"], r.text)
    assert _log(guarded) == []


def test_a_same_site_write_is_accepted_by_origin_or_referer(guarded):
    body = _confirmation(guarded)
    for sender in ({"Origin": "http://testserver"}, {"Referer": "http://testserver/documents/a2"}):
        assert guarded.post("/api/corrections", json=body, headers={**AUTH, **sender}).status_code == 201
    assert len(_log(guarded)) == 2


def test_simple_content_types_a_form_can_send_are_refused_with_the_token(guarded):
    """Without Origin or Referer (not a browser) and with the token, a body in
    a form's encoding is still no correction: 415 or 422, nothing logged."""
    body = _confirmation(guarded)
    for path in ("/api/corrections", "/api/corrections/import"):
        for kw in ({"data": body}, {"files": {"file": ("c.jsonl", json.dumps(body))}}):
            r = guarded.post(path, headers=AUTH, **kw)
            assert r.status_code in (415, 422), (path, r.status_code, r.text)
    for kind in ("text/plain", "application/xml", "application/x-www-form-urlencoded"):
        r = guarded.post("/api/corrections", content=json.dumps(body), headers={**AUTH, "Content-Type": kind})
        assert r.status_code in (415, 422), (kind, r.text)
    assert _log(guarded) == []


def test_headers_forbid_inline_script_framing_and_sniffing_and_no_cookie_is_set(guarded):
    for path in ("/", "/events", "/review", "/state/KAZ", "/documents/a1", "/api/events", "/nowhere"):
        r = guarded.get(path)
        csp = {d.split()[0]: d.split()[1:] for d in r.headers["content-security-policy"].split("; ")}
        assert csp["script-src"] == ["'self'"] and csp["default-src"] == ["'self'"], path
        assert csp["frame-ancestors"] == ["'none'"] and csp["form-action"] == ["'self'"]
        assert csp["base-uri"] == ["'none'"] and "object-src" not in csp  # default-src 'self' covers it
        assert r.headers["x-content-type-options"] == "nosniff"
        for cookie in r.headers.get_list("set-cookie"):  # none today; any later must be SameSite
            assert "samesite=strict" in cookie.lower() or "samesite=lax" in cookie.lower()


# --- stored script -------------------------------------------------------------------

class _Page(HTMLParser):
    """What a browser would make of a page: elements, attributes and the text
    of each <script type="application/json">."""

    def __init__(self, html: str):
        super().__init__(convert_charrefs=True)
        self.tags, self.json, self._script = [], {}, None
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self.tags.append((tag, attrs))
        if tag == "script" and attrs.get("type") == "application/json":
            self._script = attrs.get("id", "")
            self.json[self._script] = ""

    def handle_data(self, data):
        if self._script is not None:
            self.json[self._script] += data

    def handle_endtag(self, tag):
        if tag == "script":
            self._script = None

    def dangers(self) -> list:
        """Elements and attributes that could run script: none may come from data."""
        found = []
        for tag, attrs in self.tags:
            if tag in ("img", "svg", "iframe", "object", "embed"):
                found.append((tag, attrs))
            if tag == "script" and not (attrs.get("src", "").startswith("/static/")
                                        or attrs.get("type") == "application/json"):
                found.append((tag, attrs))
            found += [(tag, k, v) for k, v in attrs.items() if k.startswith("on")]
            found += [(tag, k, v) for k, v in attrs.items()
                      if k in ("href", "src", "action") and (v or "").strip().lower().startswith("javascript:")]
        return found

    def data(self) -> dict:
        """Each JSON element parsed; its text may hold no "<" (no way out, no comment)."""
        assert all("<" not in text for text in self.json.values()), self.json
        return {name: json.loads(text) for name, text in self.json.items()}


def _as_text(html: str) -> _Page:
    """The page, checked: no payload raw, nothing that could run, valid JSON."""
    for payload in PAYLOADS:
        assert payload not in html, payload
    page = _Page(html)
    assert page.dangers() == []
    page.data()
    return page


def test_script_in_an_article_is_text_on_every_page_and_data_in_the_api(client):
    evil = _events(client, doc="evil")["items"]
    assert len(evil) == 1 and EVIL in evil[0]["evidence"]
    document = client.get("/api/documents/evil").json()
    assert EVIL in document["title"] and EVIL in document["text"] and document["url"] == "javascript:alert(5)"

    page = _as_text(client.get("/documents/evil").text)
    assert page.data() == {"records-json": evil, "doc-text": document["text"]}  # what app.js reads
    for path in ("/events?doc=evil", "/events?q=gas", "/review?size=500", "/state/KAZ", "/"):
        r = client.get(path)
        assert r.status_code == 200, path
        _as_text(r.text)
    for path in ("/documents/evil", "/events?doc=evil", "/review?size=500"):  # shown, as text
        assert "&lt;script&gt;alert(1)&lt;/script&gt; &lt;img src=x onerror=alert(2)&gt;" in client.get(path).text
    review = _Page(client.get("/review").text).data()["records-json"]
    assert review == client.get("/api/review").json()["items"]
    exported = [json.loads(x) for x in client.get("/api/events.jsonl", params={"doc": "evil"}).text.splitlines()]
    assert [r["evidence"] for r in exported] == [evil[0]["evidence"]]
    table = list(csv.DictReader(io.StringIO(client.get("/api/events.csv", params={"doc": "evil"}).text)))
    assert [r["evidence"] for r in table] == [evil[0]["evidence"]]


def test_script_in_a_correction_is_text_on_the_pages_and_verbatim_in_the_log(client):
    rec = _events(client, doc="evil")["items"][0]
    key = {"doc": "evil", **rec["key"]}
    for author, reason in ((SVG, EVIL), (SCRIPT, IMG + LINK), (COMMENT, None)):
        r = client.post("/api/corrections", headers=AUTH,
                        json={**key, "action": "confirm", "author": author, "reason": reason})
        assert r.status_code == 201, r.text
    text = client.get("/api/documents/evil").json()["text"]
    start = text.index("Kazakhstan")
    added = client.post("/api/corrections", headers=AUTH, json={
        "doc": "evil", "actor": "RUS", "target": "KAZ", "type": "SUPPORT", "action": "add", "author": IMG,
        "reason": LINK, "start": start, "end": text.index("2022.") + 5,
        "changes": {"actor": "RUS", "target": "KAZ", "type": "SUPPORT", "stance": 1, "channel": "energy"}})
    assert added.status_code == 201 and EVIL in added.json()["after"]["evidence"]

    log = _log(client)
    assert [(e["author"], e["reason"]) for e in log] == [(IMG, LINK), (COMMENT, None), (SCRIPT, IMG + LINK),
                                                          (SVG, EVIL)]
    replay = [json.loads(x) for x in client.get("/api/corrections.jsonl").text.splitlines()]
    assert [(e["author"], e["reason"]) for e in replay] == [(e["author"], e["reason"]) for e in reversed(log)]
    page = _as_text(client.get("/documents/evil").text)
    assert page.data()["records-json"] == _events(client, doc="evil")["items"]
    for path in ("/events?doc=evil", "/review?size=500", "/state/KAZ"):
        _as_text(client.get(path).text)
    assert "<td>&#34;&gt;&lt;svg onload=alert(4)&gt;</td>" in client.get("/documents/evil").text  # the log, as text


def test_script_in_an_edited_field_is_refused_and_logs_nothing(guarded):
    rec = _events(guarded, doc="evil")["items"][0]
    key = {"doc": "evil", **rec["key"], "author": "mallory"}
    for field in ("actor", "target", "type", "stance", "channel", "date"):
        for payload in (SCRIPT, SVG, "2022" + IMG):
            r = guarded.post("/api/corrections", headers=AUTH,
                            json={**key, "action": "edit", "changes": {field: payload}})
            assert r.status_code == 422 and field in r.text, (field, payload, r.text)
    r = guarded.post("/api/corrections", headers=AUTH, json={**key, "action": "edit", "changes": {"evidence": SCRIPT}})
    assert r.status_code == 422 and "editable" in r.json()["detail"]
    assert _log(guarded) == []


# --- SQL in the filters --------------------------------------------------------------

TEXT_FILTERS = ("state", "power", "type", "channel", "doc", "q", "source")
EVENT_FILTERS = TEXT_FILTERS + ("stance", "since", "until", "review", "machine")
NUMERIC = ("stance", "limit", "offset", "page", "size")
SWEEP = {  # every route that reads parameters, and the ones it reads
    "/api/events": EVENT_FILTERS + ("limit", "offset", "order"),
    "/events": EVENT_FILTERS + ("page", "size"),
    "/api/events.csv": ("q", "doc"),  # the exports read the filters of /api/events
    "/api/events.jsonl": ("state", "source"),
    "/api/verdicts": ("state", "power", "channel", "since", "until", "machine"),
    "/api/signals": ("state", "power", "period", "since", "until", "machine"),
    "/api/review": ("limit", "offset", "order"),
    "/review": ("size", "order"),
    "/api/corrections": ("doc", "limit", "offset"),
    "/": ("channel", "since", "until", "machine"),
    "/state/KAZ": ("machine",),
    "/documents/a1": ("machine",),
    "/api/documents/a1": ("machine",),
}


def _refusal_names(response, param: str) -> bool:
    """A 422 names the parameter it refuses (FastAPI's detail: a list with each error's loc)."""
    detail = response.json()["detail"]
    return any(param in e["loc"] for e in detail) if isinstance(detail, list) else param in detail


def test_sql_in_every_filter_is_a_value_never_an_error_and_changes_nothing(client):
    rows, total = _stored_rows(client), _events(client)["total"]
    texts = " ".join(f"{r['evidence']} {r['doc']}" for r in _events(client)["items"])
    assert not any(v in texts for v in INJECTIONS)  # so each text filter must find nothing
    for path, params in SWEEP.items():
        for param in params:
            for value in (INJECTIONS if path == "/api/events" else NASTIEST) + (NUMBERS if param in NUMERIC else ()):
                r = client.get(path, params={param: value})
                assert r.status_code in (200, 404, 422), (path, param, value, r.status_code, r.text[:200])
                if r.status_code == 422:
                    assert _refusal_names(r, param), (path, param, r.text)
                elif path == "/api/events" and param in TEXT_FILTERS:
                    assert r.json()["total"] == 0 and r.json()["items"] == [], (param, value)
                elif path == "/events" and param in TEXT_FILTERS:
                    assert '<span id="total">0</span>' in r.text, (param, value)
                assert r.status_code != 404 or path.startswith(("/state", "/documents", "/api/documents")), path
    assert client.get("/api/events", params={"stance": "-1"}).json()["items"]  # a valid value still filters
    assert _stored_rows(client) == rows and _events(client)["total"] == total and _log(client) == []


def test_sql_in_a_correction_is_stored_as_text(client):
    drop = "x'); DROP TABLE corrections; --"
    body = {**_confirmation(client), "reason": drop, "author": "o'brien"}
    for field in ("doc", "actor", "target", "type"):
        r = client.post("/api/corrections", headers=AUTH, json={**body, field: "' OR 1=1 --"[:10]})
        assert r.status_code == 422 and "no record" in r.json()["detail"], (field, r.text)
    assert client.post("/api/corrections", headers=AUTH, json=body).status_code == 201
    (entry,) = _log(client)
    assert entry["reason"] == drop and entry["author"] == "o'brien"


def test_any_text_in_a_filter_matches_literally(client):
    """A fuzz: whatever text a filter holds, the result is what a literal
    comparison in Python gives (no wildcard, no quote, no NUL changes it)."""
    everything = _events(client, machine="true")["items"]
    chars = st.sampled_from("KAZRUSkaz rgen%_'\"\\;-*()\x00\u2019\u201c\u00e9")
    words = st.one_of(st.text(chars, max_size=8), st.sampled_from(["KAZ", "gas", "a1", "Russia", "kaz "]))

    def expected(param: str, value: str) -> int:
        """Records kept by the filter as the API documents it (an empty filter keeps all)."""
        code = value.strip().upper()
        keep = {"state": lambda r: not code or code in (r["actor"], r["target"]),
                "q": lambda r: value.lower() in r["evidence"].lower(),
                "doc": lambda r: not value or r["doc"] == value}[param]
        return sum(1 for r in everything if keep(r))

    @settings(max_examples=FUZZ_EXAMPLES, deadline=None, database=None,
              suppress_health_check=[HealthCheck.function_scoped_fixture])
    @given(param=st.sampled_from(["state", "q", "doc"]), value=words)
    def check(param, value):
        r = client.get("/api/events", params={param: value, "limit": 500, "machine": "true"})
        assert r.status_code == 200, r.text
        assert r.json()["total"] == len(r.json()["items"]) == expected(param, value)

    check()


# --- paths ---------------------------------------------------------------------------

SECRETS = ("root:", "[project]", '"""The FastAPI application', "orbitwatch workbench: draws")


def test_traversal_in_a_document_id_reads_no_file(guarded):
    for path in ("/documents/%2e%2e%2f%2e%2e%2fetc%2fpasswd", "/api/documents/..%2F..%2Fpyproject.toml",
                 "/documents/..%2f..%2f..%2fpyproject.toml", "/documents/a%00b", "/api/documents/%00",
                 "/documents/" + "a" * 20_000, "/api/documents/" + "%2e%2e%2f" * 2000 + "etc%2fpasswd",
                 "/documents/%ff%fe", "/state/..%2f..%2fetc%2fpasswd", "/state/%00",
                 "/static/..%2fapp.py", "/static/%2e%2e/%2e%2e/%2e%2e/pyproject.toml", "/static/%2e%2e%2fapi.py"):
        r = guarded.get(path)
        assert r.status_code in (404, 422), (path[:80], r.status_code)
        assert not any(s in r.text for s in SECRETS), path[:80]


def _raw_get(base: str, target: bytes) -> tuple[int, bytes]:
    """A request line sent as is: no client normalises its ".." away."""
    host, port = base.removeprefix("http://").split(":")
    with socket.create_connection((host, int(port)), timeout=10) as s:
        s.sendall(b"GET " + target + b" HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
        reply = b""
        while chunk := s.recv(65536):
            reply += chunk
    return int(reply.split(b" ", 2)[1]), reply


def test_traversal_sent_raw_to_the_server_reads_no_file(duck_db):
    with serving(create_app(duck_db, TOKEN)) as base:
        assert _raw_get(base, b"/static/app.js")[0] == 200
        for target in (b"/documents/../../etc/passwd", b"/static/../../../../../../etc/passwd",
                       b"/static/../app.py", b"/static/..%2f..%2f..%2fpyproject.toml", b"/api/documents/../../etc",
                       b"/documents/a\x00b", b"/static/./../security.py", b"//etc/passwd", b"/static//etc/passwd"):
            status, reply = _raw_get(base, target)
            assert status in (400, 404, 422), (target, status)
            assert not any(s.encode() in reply for s in SECRETS), target


# --- bodies --------------------------------------------------------------------------

def test_oversized_bodies_are_413_before_the_token_is_looked_at(guarded):
    big = b'{"reason": "' + b"x" * 1_100_000 + b'"}'
    for headers in (AUTH, {}):
        assert guarded.post("/api/corrections", content=big, headers={**headers, "Content-Type": "application/json"}
                           ).status_code == 413
    for length in ("1000001", "99999999999999999999", "-1", "12, 12", "0x10"):
        r = guarded.post("/api/corrections", content=b"{}", headers={**AUTH, "Content-Length": length})
        assert r.status_code == 413, (length, r.status_code)
    assert guarded.request("GET", "/api/events", content=big).status_code == 413
    assert _log(guarded) == []


# --- load ----------------------------------------------------------------------------

@contextmanager
def serving(app):
    """The app under uvicorn on a free loopback port (port 0), in a thread; stopped on exit."""
    uvicorn = pytest.importorskip("uvicorn")
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    server = uvicorn.Server(uvicorn.Config(app, log_level="error"))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    give_up = time.monotonic() + 20
    while not server.started and thread.is_alive() and time.monotonic() < give_up:
        time.sleep(0.01)
    assert server.started, "uvicorn did not start"
    try:
        yield f"http://127.0.0.1:{sock.getsockname()[1]}"
    finally:
        server.should_exit = True
        thread.join(20)
        sock.close()


def _key_of(r: dict) -> tuple:
    return (r["doc"], r["key"]["actor"], r["key"]["target"], r["key"]["type"])


class Reader:
    """One client: a fixed round of pages, API reads and a write without the
    token, each response checked. Writes only take records away from the
    review queue and (rejections) from the events, so the totals one client
    sees in turn never grow, nor the log shrink."""

    def __init__(self, base: str, expect: dict):
        self.http, self.expect = httpx.Client(base_url=base, timeout=60), expect
        self.served, self.errors = 0, []
        self.last = {"events": expect["total"], "kaz": expect["kaz"], "review": expect["total"], "log": 0}

    def round(self) -> list:
        e = self.expect
        return [
            ("GET", "/api/events", {"limit": 500}, 200, self._events),
            ("GET", "/api/events", {"machine": "true", "limit": 1}, 200, lambda r: r.json()["total"] == e["total"]),
            ("GET", "/events", {"state": "KAZ"}, 200, self._events_page),
            ("GET", "/review", {}, 200, lambda r: 'id="queue"' in r.text),
            ("GET", "/api/review", {"limit": 5}, 200, lambda r: self._within("review", r.json()["total"], e["total"])),
            ("GET", "/documents/a1", {}, 200, lambda r: e["a1"] in r.text and 'id="records"' in r.text),
            ("GET", "/api/corrections", {"limit": 500}, 200, lambda r: self._grows("log", len(r.json()))),
            ("GET", "/api/verdicts", {"state": "KAZ"}, 200, lambda r: any(v["power"] == "RUS" for v in r.json())),
            ("GET", "/state/KAZ", {}, 200, lambda r: "<h1>KAZ</h1>" in r.text),
            ("GET", "/api/events.csv", {"state": "KAZ"}, 200, lambda r: r.text.startswith("doc,actor,target,type")),
            ("GET", "/static/app.js", {}, 200, lambda r: "Authorization" in r.text),
            ("POST", "/api/corrections", e["unauthorised"], 401, lambda r: "Bearer" in r.json()["detail"]),
        ]

    def _events(self, r) -> bool:
        page, e = r.json(), self.expect
        return (len(page["items"]) == page["total"] and {_key_of(x) for x in page["items"]} <= e["keys"]
                and self._within("events", page["total"], e["total"], e["rejects"]))

    def _events_page(self, r) -> bool:
        found = re.search(r'<span id="total">(\d+)</span>', r.text)
        return bool(found) and self._within("kaz", int(found.group(1)), self.expect["kaz"], self.expect["rejects"])

    def _within(self, name: str, value: int, first: int, fewer: int | None = None) -> bool:
        """Between ``first`` less ``fewer`` (default: all of it) and the value seen last."""
        ok = first - (first if fewer is None else fewer) <= value <= self.last[name]
        self.last[name] = value
        return ok

    def _grows(self, name: str, value: int) -> bool:
        ok, self.last[name] = value >= self.last[name], value
        return ok

    def run(self, deadline: float) -> None:
        rounds, n = self.round(), 0
        while time.monotonic() < deadline:
            method, path, params, status, check = rounds[n % len(rounds)]
            n += 1
            try:
                r = (self.http.post(path, json=params) if method == "POST" else self.http.get(path, params=params))
                self.served += 1
                if r.status_code != status or not check(r):
                    self.errors.append((path, params, r.status_code, r.text[:200]))
            except Exception as exc:  # a dropped connection, a body that does not parse
                self.errors.append((path, params, repr(exc)))
        self.http.close()


class Writer:
    """The reviewer: confirms, rejects or edits each record once, with the token."""

    ACTIONS = ("confirm", "reject", "edit")

    def __init__(self, base: str, records: list[dict]):
        self.http, self.records = httpx.Client(base_url=base, timeout=60, headers=AUTH), records
        self.served, self.accepted, self.errors = 0, [], []

    def plan(self, i: int, rec: dict) -> dict:
        body = {"doc": rec["doc"], **rec["key"], "action": self.ACTIONS[i % 3], "author": f"load{i}"}
        if body["action"] == "edit":
            body["changes"] = {"channel": "society" if rec["channel"] != "society" else "security"}
        return body

    def run(self, deadline: float) -> None:
        for i, rec in enumerate(self.records):
            if time.monotonic() >= deadline:
                break
            body = self.plan(i, rec)
            try:
                r = self.http.post("/api/corrections", json=body)
                self.served += 1
                if r.status_code == 201:
                    self.accepted.append((body, r.json()))
                else:
                    self.errors.append((body, r.status_code, r.text[:200]))
            except Exception as exc:
                self.errors.append((body, repr(exc)))
        self.http.close()


@pytest.fixture()
def busy_db(make_store, tmp_path):
    return _ingest(make_store.location(), tmp_path / "articles", gas_documents=24)


def test_under_load_every_response_is_right_and_no_review_write_is_lost(busy_db, make_store):
    with serving(create_app(busy_db, TOKEN)) as base:
        with httpx.Client(base_url=base) as http:
            records = http.get("/api/events", params={"limit": 500}).json()["items"]
            kaz = http.get("/api/events", params={"state": "KAZ", "limit": 1}).json()["total"]
            a1 = http.get("/api/documents/a1").json()["title"]
        expect = {"total": len(records), "kaz": kaz, "a1": a1, "rejects": -(-len(records) // 3),
                  "keys": {_key_of(r) for r in records},
                  "unauthorised": {"doc": records[0]["doc"], **records[0]["key"], "action": "reject",
                                   "author": "mallory"}}
        readers, writer = [Reader(base, expect) for _ in range(LOAD_CLIENTS)], Writer(base, records)
        started = time.monotonic()
        threads = [threading.Thread(target=c.run, args=(started + LOAD_SECONDS,), daemon=True)
                   for c in (*readers, writer)]
        for t in threads:
            t.start()
        for t in threads:
            t.join(LOAD_SECONDS + 120)
        elapsed = time.monotonic() - started
        assert not any(t.is_alive() for t in threads), "a client did not stop by itself"
        with httpx.Client(base_url=base) as http:
            log = http.get("/api/corrections", params={"limit": 500}).json()
            after = {_key_of(r): r for r in http.get("/api/events", params={"limit": 500}).json()["items"]}

    served = sum(c.served for c in readers) + writer.served
    print(f"\nload on {make_store.engine}: {LOAD_CLIENTS} clients and a reviewer for {elapsed:.1f} s, "
          f"{served} requests served ({served / elapsed:.0f}/s); {len(writer.accepted)} corrections written, "
          f"{sum(1 for e in log if e['author'].startswith('load'))} found in the log")
    assert [e for c in readers for e in c.errors] == [] and writer.errors == []
    assert writer.accepted and all(c.served for c in readers)
    assert Counter(e["id"] for e in log) == Counter(entry["id"] for _, entry in writer.accepted)  # once each
    by_id = {e["id"]: e for e in log}
    for body, entry in writer.accepted:  # each one logged as sent, and in effect
        logged = by_id[entry["id"]]
        assert (logged["doc"], logged["key"], logged["action"], logged["author"]) == \
            (body["doc"], {k: body[k] for k in ("actor", "target", "type")}, body["action"], body["author"])
        now = after.get((body["doc"], body["actor"], body["target"], body["type"]))
        if body["action"] == "reject":
            assert now is None
        else:
            assert now["review"] == {"confirm": "confirmed", "edit": "edited"}[body["action"]]
            assert body["action"] != "edit" or now["channel"] == body["changes"]["channel"]
