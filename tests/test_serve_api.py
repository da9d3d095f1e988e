"""The workbench's JSON API and pages: reads, filters, pages, exports, the
audit log, and writes refused without the token."""
import json
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from orbitwatch.pipeline import ingest_paths
from orbitwatch.serve import create_app
from orbitwatch.store import open_store

PARADOX = Path(__file__).parent / "fixtures" / "paradox"
TOKEN = "s3cret-token"
AUTH = {"Authorization": f"Bearer {TOKEN}"}
XSS = "<script>alert(1)</script>"


@pytest.fixture()
def db(make_store, tmp_path):
    """A workbench's database, on each engine (the app works on both)."""
    path = make_store.location()
    extra = tmp_path / "xss.txt"
    extra.write_text(f"title: A {XSS} test\npublished: 2022-09-01\n---\n"
                     f"Kazakhstan signed a gas agreement with Russia {XSS} on 1 September 2022.\n")
    with open_store(path) as store:
        ingest_paths([str(PARADOX), str(extra)], store)
    return path


@pytest.fixture()
def client(db):
    return TestClient(create_app(str(db), TOKEN))


def _reject(client, headers=AUTH, **kw):
    rec = client.get("/api/events", params={"state": "KAZ", "type": "REJECT", "doc": "a2"}).json()["items"][0]
    body = {"doc": rec["doc"], **rec["key"], "action": "reject", "author": "ana", "reason": "not a refusal", **kw}
    return client.post("/api/corrections", json=body, headers=headers)


def test_openapi_documents_every_api_endpoint(client):
    paths = client.get("/api/openapi.json").json()["paths"]
    assert {"/api/verdicts", "/api/signals", "/api/events", "/api/events.csv", "/api/events.jsonl",
            "/api/documents/{doc_id}", "/api/review", "/api/corrections", "/api/corrections.jsonl",
            "/api/corrections/import"} <= set(paths)


def test_verdicts_and_signals(client):
    rows = client.get("/api/verdicts", params={"state": "kaz", "power": "RUS"}).json()
    overall = next(r for r in rows if r["channel"] == "overall")
    assert overall["events"] >= 4 and {"closer", "away"} == set(overall["evidence"])
    assert {r["channel"] for r in client.get("/api/verdicts", params={"state": "KAZ", "channel": "diplomatic"}).json()} \
        == {"diplomatic"}
    sig = client.get("/api/signals", params={"state": "KAZ", "power": "RUS", "period": "quarter"}).json()
    assert sig and all(s["low"] <= s["score"] <= s["high"] for s in sig)
    assert client.get("/api/signals", params={"period": "decade"}).status_code == 422


@pytest.mark.parametrize("params, check", [
    ({"state": "KAZ", "type": "REJECT"}, lambda r: r["type"] == "REJECT" and "KAZ" in (r["actor"], r["target"])),
    ({"channel": "security"}, lambda r: r["channel"] == "security"),
    ({"stance": -1}, lambda r: r["stance"] == -1),
    ({"since": "2022-10", "until": "2022-10"}, lambda r: (r["date"] or "").startswith("2022-10")),
    ({"q": "GAS AGREEMENT"}, lambda r: "gas agreement" in r["evidence"].lower()),
    ({"doc": "a3"}, lambda r: r["doc"] == "a3"),
    ({"review": "machine"}, lambda r: r["review"] == "machine"),
])
def test_event_filters(client, params, check):
    page = client.get("/api/events", params=params).json()
    assert page["items"] and page["total"] == len(page["items"]) and all(check(r) for r in page["items"])


def test_events_are_paginated_and_page_size_is_bounded(client):
    total = client.get("/api/events").json()["total"]
    seen = []
    for offset in range(0, total, 2):
        seen += [(r["doc"], r["actor"], r["target"], r["type"])
                 for r in client.get("/api/events", params={"limit": 2, "offset": offset}).json()["items"]]
    assert len(seen) == len(set(seen)) == total
    assert client.get("/api/events", params={"limit": 10_000}).status_code == 422


def test_source_filter_and_review_orders(client):
    assert client.get("/api/events", params={"source": "no such outlet"}).json()["total"] == 0
    by_conf = [r["confidence"] for r in client.get("/api/review").json()["items"]]
    assert by_conf == sorted(by_conf)
    from orbitwatch.score.weights import load_weights
    w = load_weights().intensity
    heavy = [w[r["type"]] * r["confidence"] for r in
             client.get("/api/review", params={"order": "influence"}).json()["items"]]
    assert heavy == sorted(heavy, reverse=True) and len(heavy) == len(by_conf)
    assert client.get("/api/review", params={"order": "random"}).status_code == 422


def test_exports_as_csv_and_event_records(client):
    csv_text = client.get("/api/events.csv", params={"state": "KAZ"}).text
    assert csv_text.splitlines()[0].startswith("doc,actor,target,type")
    lines = client.get("/api/events.jsonl", params={"state": "KAZ"}).text.splitlines()
    assert len(lines) == len(csv_text.splitlines()) - 1 and all(json.loads(x)["evidence"] for x in lines)


def test_document_with_its_records_and_404(client):
    d = client.get("/api/documents/a1").json()
    assert d["events"] and all(d["text"][r["start"]:r["end"]] == r["evidence"] for r in d["events"])
    assert client.get("/api/documents/nope").status_code == 404


def test_writes_need_the_token(client):
    assert _reject(client, headers={}).status_code == 401
    assert _reject(client, headers={"Authorization": "Bearer wrong"}).status_code == 401
    assert _reject(client, headers={**AUTH, "Origin": "https://evil.example"}).status_code == 403
    assert client.get("/api/corrections").json() == []


def test_a_read_only_server_refuses_every_write(db):
    client = TestClient(create_app(str(db), None))
    assert _reject(client).status_code == 401
    assert client.post("/api/corrections/import", content="{}", headers=AUTH).status_code == 401


def test_a_rejection_is_logged_and_moves_the_verdict_but_not_the_machine_view(client):
    count = lambda **kw: next(r["events"] for r in client.get(  # noqa: E731
        "/api/verdicts", params={"state": "KAZ", "power": "RUS", **kw}).json() if r["channel"] == "overall")
    before = count()
    r = _reject(client)
    assert r.status_code == 201 and r.json()["before"]["type"] == "REJECT" and r.json()["after"] is None
    assert count() == before - 1 and count(machine="true") == before
    (entry,) = client.get("/api/corrections").json()
    assert entry["author"] == "ana" and entry["reason"] == "not a refusal" and entry["created_at"]
    assert client.get("/api/review").json()["total"] == client.get("/api/events", params={"review": "machine"}).json()["total"]


def test_edit_and_add_and_invalid_changes(client):
    rec = client.get("/api/events", params={"doc": "a1", "type": "ACCUSE"}).json()["items"][0]
    key = {"doc": "a1", **rec["key"]}
    ok = client.post("/api/corrections", headers=AUTH, json={**key, "action": "edit", "author": "bo",
                                                             "changes": {"channel": "diplomatic"}})
    assert ok.status_code == 201 and ok.json()["after"]["channel"] == "diplomatic"
    bad = client.post("/api/corrections", headers=AUTH, json={**key, "action": "edit", "author": "bo",
                                                              "changes": {"type": "HUG"}})
    assert bad.status_code == 422 and "HUG" in bad.json()["detail"]
    text = client.get("/api/documents/a1").json()["text"]
    added = client.post("/api/corrections", headers=AUTH, json={
        "doc": "a1", "actor": "RUS", "target": "KAZ", "type": "ACCUSE", "action": "add", "author": "bo",
        "start": 0, "end": text.index(".") + 1,
        "changes": {"actor": "RUS", "target": "KAZ", "type": "ACCUSE", "stance": -1, "channel": "diplomatic"}})
    assert added.status_code == 201
    assert any(r["review"] == "added" for r in client.get("/api/events", params={"doc": "a1"}).json()["items"])


def test_corrections_export_and_import_into_another_workbench(client, make_store):
    _reject(client)
    exported = client.get("/api/corrections.jsonl").text
    other = make_store.location()
    with open_store(other) as store:
        ingest_paths([str(PARADOX)], store)
    peer = TestClient(create_app(str(other), TOKEN))
    result = peer.post("/api/corrections/import", content=exported + "not json\n", headers=AUTH).json()
    assert result["applied"] == 1 and result["errors"][0].startswith("line 2")
    assert peer.get("/api/events", params={"doc": "a2", "type": "REJECT"}).json()["total"] == 0


def test_oversized_requests_are_refused(client):
    big = "x" * 1_100_000
    assert client.post("/api/corrections/import", content=big, headers=AUTH).status_code == 413
    chunks = (b"x" * 100_000 for _ in range(11))  # no Content-Length: sent in chunks
    assert client.post("/api/corrections/import", content=chunks, headers=AUTH).status_code == 413
    assert client.post("/api/corrections", content=(b"{}" for _ in range(1)), headers=AUTH).status_code == 411


@pytest.mark.parametrize("page", ["/", "/events", "/review", "/state/KAZ", "/documents/a1"])
def test_pages_render(client, page):
    r = client.get(page)
    assert r.status_code == 200 and "text/html" in r.headers["content-type"]
    assert "script-src 'self'" in r.headers["content-security-policy"]


def test_article_text_is_escaped_everywhere(client):
    doc = client.get("/api/events", params={"q": "gas agreement"}).json()["items"][0]["doc"]
    for page in (f"/documents/{doc}", "/events?q=gas", "/review"):
        html = client.get(page).text
        assert XSS not in html and "&lt;script&gt;" in html or "\\u003cscript" in html
