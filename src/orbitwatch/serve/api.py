"""The JSON API under /api/: verdicts, signals, events, documents, corrections."""
from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.responses import PlainTextResponse, Response
from pydantic import BaseModel, Field

from ..pipeline import apply_correction, import_corrections
from ..records import CHANNELS, TYPES
from ..score import signals, verdicts
from ..score.signals import PERIODS
from ..score.weights import load_weights
from ..store import ACTIONS, Correction, CorrectionError, EventQuery, replayable
from .security import MAX_BODY, MAX_OFFSET, MAX_PAGE, require_writer

router = APIRouter(prefix="/api", tags=["api"])
FORMS = ("application/x-www-form-urlencoded", "multipart/form-data")  # bodies of an HTML form, not a file


@dataclass
class EventFilters:
    """Query parameters shared by the event list, its exports and the pages."""

    state: str | None = Query(None, description="a state code (either side of the record)")
    power: str | None = Query(None, description="a second code: records between state and power")
    type: str | None = Query(None, description=f"one of {', '.join(TYPES)}")
    channel: str | None = Query(None, description=f"one of {', '.join(CHANNELS)}")
    stance: int | None = Query(None, ge=-1, le=1)
    since: str | None = Query(None, pattern=r"^\d{4}(-\d{2}(-\d{2})?)?$")
    until: str | None = Query(None, pattern=r"^\d{4}(-\d{2}(-\d{2})?)?$")
    doc: str | None = None
    source: str | None = Query(None, max_length=200, description="the documents' source (outlet)")
    q: str | None = Query(None, max_length=200, description="words in the evidence")
    review: str | None = Query(None, pattern="^(machine|confirmed|edited|added)$")
    machine: bool = Query(False, description="the machine's records, without people's corrections")

    def query(self, limit: int | None = None, offset: int = 0, order: str = "date") -> EventQuery:
        up = lambda c: c.strip().upper() if c else None  # noqa: E731
        return EventQuery(state=up(self.state), power=up(self.power), type=up(self.type), channel=self.channel,
                          stance=self.stance, since=self.since, until=self.until, doc=self.doc, text=self.q,
                          source=self.source or None,
                          review=self.review, machine=self.machine, limit=limit, offset=offset, order=order)


def record_json(r) -> dict:
    d = r.to_dict()
    d.pop("extractor", None)
    return d


@router.get("/verdicts")
def api_verdicts(request: Request, state: str | None = None, power: str | None = None,
                 channel: str | None = None, since: str | None = None, until: str | None = None,
                 machine: bool = False) -> list[dict]:
    """Per state, power and channel: closer, away, mixed or insufficient, with the evidence."""
    with request.app.state.bench.use() as store:
        rows = verdicts(store, state=_code(state), power=_code(power), since=since, until=until, machine=machine)
    return [r for r in rows if not channel or r["channel"] == channel]


@router.get("/signals")
def api_signals(request: Request, state: str | None = None, power: str | None = None,
                period: str = Query("quarter", pattern="^(" + "|".join(PERIODS) + ")$"),
                since: str | None = None, until: str | None = None, machine: bool = False) -> list[dict]:
    """The event index with its interval, per period."""
    with request.app.state.bench.use() as store:
        return [s.to_dict() for s in signals(store, state=_code(state), power=_code(power), period=period,
                                             since=since, until=until, machine=machine)]


@router.get("/events")
def api_events(request: Request, f: EventFilters = Depends(), limit: int = Query(50, ge=1, le=MAX_PAGE),
               offset: int = Query(0, ge=0, le=MAX_OFFSET),
               order: str = Query("date", pattern="^(date|confidence)$")) -> dict:
    """A page of records (people's corrections applied unless machine=true)."""
    with request.app.state.bench.use() as store:
        total = store.count_events(f.query())
        items = [record_json(r) for r in store.events(f.query(limit, offset, order))]
    return {"total": total, "limit": limit, "offset": offset, "items": items}


@router.get("/events.jsonl", response_class=PlainTextResponse)
def api_events_jsonl(request: Request, f: EventFilters = Depends()) -> Response:
    """Every matching record as event record v1, one per line (corrected records make gold data)."""
    with request.app.state.bench.use() as store:
        lines = [json.dumps(record_json(r), ensure_ascii=False) for r in store.events(f.query())]
    return Response("\n".join(lines) + ("\n" if lines else ""), media_type="application/x-ndjson",
                    headers={"Content-Disposition": 'attachment; filename="events.jsonl"'})


@router.get("/events.csv", response_class=PlainTextResponse)
def api_events_csv(request: Request, f: EventFilters = Depends()) -> Response:
    """Every matching record as CSV."""
    cols = ["doc", "actor", "target", "type", "stance", "channel", "date", "evidence", "confidence", "review"]
    out = io.StringIO()
    w = csv.writer(out, lineterminator="\n")
    w.writerow(cols)
    with request.app.state.bench.use() as store:
        for r in store.events(f.query()):
            d = record_json(r)
            w.writerow([d.get(c) for c in cols])
    return Response(out.getvalue(), media_type="text/csv",
                    headers={"Content-Disposition": 'attachment; filename="events.csv"'})


@router.get("/documents/{doc_id}")
def api_document(request: Request, doc_id: str, machine: bool = False) -> dict:
    """A document's text with its records and their spans."""
    with request.app.state.bench.use() as store:
        doc = store.document(doc_id)
        if doc is None:
            raise HTTPException(404, f"no document {doc_id!r}")
        recs = [record_json(r) for r in store.events(EventQuery(doc=doc_id, machine=machine))]
    return {"id": doc.id, "title": doc.title, "published": doc.published, "url": doc.url, "text": doc.text,
            "events": recs}


def review_query(order: str, limit: int, offset: int = 0) -> EventQuery:
    """Records no person has looked at: the least confident first, or those
    that weigh most in the index (intensity x confidence)."""
    return EventQuery(review="machine", order=order, limit=limit, offset=offset,
                      intensity=tuple(load_weights().intensity.items()))


@router.get("/review")
def api_review(request: Request, limit: int = Query(20, ge=1, le=MAX_PAGE),
               offset: int = Query(0, ge=0, le=MAX_OFFSET),
               order: str = Query("confidence", pattern="^(confidence|influence)$")) -> dict:
    """Records no person has looked at, by low confidence or by influence on the index."""
    q = review_query(order, limit, offset)
    with request.app.state.bench.use() as store:
        return {"total": store.count_events(EventQuery(review="machine")),
                "items": [record_json(r) for r in store.events(q)]}


class CorrectionIn(BaseModel):
    """A correction: the record's key (document, actor, target, type), the
    action, who, why, and for edit/add the new values (add: with the span)."""

    doc: str = Field(max_length=200)
    actor: str = Field(max_length=10)
    target: str = Field(max_length=10)
    type: str = Field(max_length=20)
    action: str = Field(pattern="^(" + "|".join(ACTIONS) + ")$")
    author: str = Field(min_length=1, max_length=100)
    reason: str | None = Field(None, max_length=2000)
    changes: dict[str, str | int | None] | None = None
    start: int | None = Field(None, ge=0)
    end: int | None = Field(None, ge=0)


@router.get("/corrections")
def api_corrections(request: Request, doc: str | None = None, limit: int = Query(100, ge=1, le=MAX_PAGE),
                    offset: int = Query(0, ge=0, le=MAX_OFFSET)) -> list[dict]:
    """The audit log, newest first: who, when, before, after, why."""
    with request.app.state.bench.use() as store:
        return store.corrections(doc, limit, offset)


@router.post("/corrections", status_code=201, dependencies=[Depends(require_writer)])
def api_correct(request: Request, body: CorrectionIn) -> dict:
    """Confirm, reject, edit or add a record; needs the token."""
    with request.app.state.bench.use() as store:
        try:
            return apply_correction(store, Correction(**body.model_dump()))
        except CorrectionError as e:
            raise HTTPException(422, str(e)) from None


@router.get("/corrections.jsonl", response_class=PlainTextResponse)
def api_corrections_export(request: Request) -> Response:
    """The whole audit log, oldest first, to share with a team (import it with POST /api/corrections/import)."""
    with request.app.state.bench.use() as store:
        rows = list(reversed(store.corrections(limit=10**9)))
    lines = [json.dumps(replayable(r), ensure_ascii=False) for r in rows]
    return Response("\n".join(lines) + ("\n" if lines else ""), media_type="application/x-ndjson",
                    headers={"Content-Disposition": 'attachment; filename="corrections.jsonl"'})


@router.post("/corrections/import", dependencies=[Depends(require_writer)])
async def api_corrections_import(request: Request) -> dict:
    """Replay corrections exported by another workbench (JSONL); bad lines are reported, the rest applied."""
    kind = request.headers.get("content-type", "").partition(";")[0].strip().lower()
    if kind in FORMS:  # its boundaries or encoding would be read as bad lines, its fields applied
        raise HTTPException(415, f"send the JSONL file itself as the body (Content-Type: application/x-ndjson), "
                                 f"not as {kind}")
    raw = b""
    async for chunk in request.stream():  # a chunked body carries no Content-Length for the middleware
        raw += chunk
        if len(raw) > MAX_BODY:
            raise HTTPException(413, f"request body over {MAX_BODY} bytes")
    body = raw.decode("utf-8", errors="replace")
    with request.app.state.bench.use() as store:
        applied, errors = import_corrections(store, body.splitlines())
    return {"applied": applied, "errors": errors}


def _code(value: str | None) -> str | None:
    return value.strip().upper() if value and value.strip() else None
