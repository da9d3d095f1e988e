"""HTML pages for people: overview, state, events, document, review queue.

Templates autoescape everything; charts are the report's own Plotly figures,
shipped as JSON and drawn by the vendored Plotly script.
"""
from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import urlencode

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates
from markupsafe import Markup

from ..records import CHANNELS, TYPES
from ..report.build import collect
from ..score import verdicts
from ..report.html import COLOURS, highlighted, series_chart, structure_chart, styled
from ..score.weights import load_weights
from ..store import EventQuery
from .api import EventFilters, record_json, review_query
from .security import MAX_OFFSET, MAX_PAGE

router = APIRouter(include_in_schema=False)
CHART_EVENTS = 150  # events marked on a state page's chart per pair: enough to see, few enough to draw
templates = Jinja2Templates(directory=str(Path(__file__).parent / "templates"))
templates.env.globals.update(COLOURS=COLOURS, CHANNELS=CHANNELS, TYPES=TYPES)


def _json(value) -> Markup:
    """JSON for a <script type="application/json"> element: every "<" as \\u003c,
    so text can neither close the element nor open a comment in it ("<!--"
    would swallow what follows), and the JSON stays valid for app.js."""
    return Markup(json.dumps(value, ensure_ascii=False).replace("<", "\\u003c"))


def _figure(fig) -> Markup:
    """A figure as inert JSON for app.js to draw ("</" escaped: no way out of the script element)."""
    return Markup(styled(fig).to_json().replace("</", "<\\/"))


@router.get("/", response_class=HTMLResponse)
def overview(request: Request, channel: str = Query("overall"), since: str | None = None,
             until: str | None = None, machine: bool = False):
    with request.app.state.bench.use() as store:
        rows = verdicts(store, since=since or None, until=until or None, machine=machine)
    cells = {(r["state"], r["power"]): r for r in rows if r["channel"] == channel}
    states = sorted({s for s, _ in cells})
    powers = [p for p in load_weights().powers if any(q == p for _, q in cells)]
    return templates.TemplateResponse(request, "overview.html", {
        "cells": cells, "states": states, "powers": powers, "channel": channel, "since": since or "",
        "until": until or "", "machine": machine})


@router.get("/state/{code}", response_class=HTMLResponse)
def state_page(request: Request, code: str, machine: bool = False):
    code = code.strip().upper()
    with request.app.state.bench.use() as store:
        data = collect(store, state=code, max_events=CHART_EVENTS, documents=False, machine=machine)
    if not data.verdicts:
        raise HTTPException(404, f"no events or indicators for {code!r}")
    pairs = [p for s, p in data.pairs if s == code]
    charts = {p: _figure(series_chart(data, code, p)) for p in pairs if data.series.get((code, p))}
    return templates.TemplateResponse(request, "state.html", {
        "code": code, "pairs": pairs, "data": data, "charts": charts,
        "structure": _figure(structure_chart(data, code)), "machine": machine})


@router.get("/events", response_class=HTMLResponse)
def events_page(request: Request, f: EventFilters = Depends(), page: int = Query(1, ge=1, le=MAX_OFFSET),
                size: int = Query(50, ge=1, le=MAX_PAGE)):
    with request.app.state.bench.use() as store:
        total = store.count_events(f.query())
        items = [record_json(r) for r in store.events(f.query(size, (page - 1) * size))]
    params = {k: v for k, v in request.query_params.items() if k not in ("page",)}
    return templates.TemplateResponse(request, "events.html", {
        "items": items, "total": total, "page": page, "size": size, "f": f,
        "pages": max(1, -(-total // size)), "qs": lambda **kw: urlencode({**params, **kw}),
        "export": urlencode({k: v for k, v in params.items() if k != "size"})})


@router.get("/documents/{doc_id}", response_class=HTMLResponse)
def document_page(request: Request, doc_id: str, machine: bool = False):
    with request.app.state.bench.use() as store:
        doc = store.document(doc_id)
        if doc is None:
            raise HTTPException(404, f"no document {doc_id!r}")
        recs = [record_json(r) for r in store.events(EventQuery(doc=doc_id, machine=machine))]
        log = store.corrections(doc_id, limit=50)
    marks = [(r["start"], r["end"], f'{r["actor"]} {r["type"]} {r["target"]}') for r in recs
             if r.get("start") is not None and r.get("end") is not None]
    return templates.TemplateResponse(request, "document.html", {
        "doc": doc, "body": Markup(highlighted(doc.text, marks)), "records": recs, "log": log,
        "machine": machine, "records_json": _json(recs), "doc_text": _json(doc.text)})


@router.get("/review", response_class=HTMLResponse)
def review_page(request: Request, size: int = Query(20, ge=1, le=MAX_PAGE),
                order: str = Query("confidence", pattern="^(confidence|influence)$")):
    q = review_query(order, size)
    with request.app.state.bench.use() as store:
        items = [record_json(r) for r in store.events(q)]
        total = store.count_events(EventQuery(review="machine"))
    return templates.TemplateResponse(request, "review.html", {"items": items, "total": total, "order": order})
