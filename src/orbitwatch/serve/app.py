"""The FastAPI application: one store behind a lock, the API and the pages."""
from __future__ import annotations

import threading
from contextlib import contextmanager
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse, PlainTextResponse, Response
from fastapi.staticfiles import StaticFiles
from plotly.offline import get_plotlyjs

from ..store import open_store
from .security import MAX_BODY

STATIC = Path(__file__).parent / "static"
CSP = ("default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
       "frame-ancestors 'none'; base-uri 'none'; form-action 'self'")


class Workbench:
    """The store, used by one request at a time: a DuckDB file allows one
    writer, and a PostgreSQL connection runs one statement at a time (other
    processes, such as an ingest, use connections of their own)."""

    def __init__(self, location: str):
        self.store = open_store(location)
        self.lock = threading.Lock()

    @contextmanager
    def use(self):
        with self.lock:
            yield self.store


def create_app(store_location: str, token: str | None = None) -> FastAPI:
    from . import api, pages  # routers import this module's Workbench

    app = FastAPI(title="orbitwatch", version="1", openapi_url="/api/openapi.json", docs_url=None,
                  redoc_url=None, description="Alignment events, verdicts and corrections. Reads are open; "
                  "writes need 'Authorization: Bearer <token>'.")
    app.state.bench = Workbench(store_location)
    app.state.token = token
    _plotly = get_plotlyjs()

    @app.middleware("http")
    async def guard(request: Request, call_next):
        length = request.headers.get("content-length")
        if length and (not length.isdigit() or int(length) > MAX_BODY):
            return JSONResponse({"detail": f"request body over {MAX_BODY} bytes"}, status_code=413)
        if request.method == "POST" and length is None and request.url.path != "/api/corrections/import":
            return JSONResponse({"detail": "a write needs a Content-Length"}, status_code=411)
        response = await call_next(request)
        response.headers["Content-Security-Policy"] = CSP
        response.headers["X-Content-Type-Options"] = "nosniff"
        response.headers["Referrer-Policy"] = "same-origin"
        return response

    @app.get("/static/plotly.min.js", include_in_schema=False)
    def plotly_js() -> Response:  # vendored with the plotly package: no CDN at run time
        return Response(_plotly, media_type="application/javascript",
                        headers={"Cache-Control": "public, max-age=86400"})

    @app.get("/healthz", include_in_schema=False)
    def health() -> PlainTextResponse:
        return PlainTextResponse("ok")

    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    app.include_router(api.router)
    app.include_router(pages.router)
    return app
