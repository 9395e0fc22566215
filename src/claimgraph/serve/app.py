"""The FastAPI application: API, UI, static assets, error pages and security middleware."""

from __future__ import annotations

import logging
import threading
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from urllib.parse import quote

from fastapi import FastAPI, HTTPException, Request
from fastapi.exception_handlers import http_exception_handler
from fastapi.responses import RedirectResponse, Response
from fastapi.staticfiles import StaticFiles

import claimgraph
from claimgraph.config import Config
from claimgraph.serve import api, jobs, reviews, ui, workbench
from claimgraph.serve.analyze import Analyzer
from claimgraph.serve.cache import Cached, FreshReads, ReadCache
from claimgraph.serve.jobs import JobWorker
from claimgraph.serve.people import People
from claimgraph.serve.security import LimitsAndHeaders
from claimgraph.serve.settings import ServeSettings
from claimgraph.serve.views import Views
from claimgraph.store import StoreError, open_store
from claimgraph.store.urls import is_memory, resolve_url

log = logging.getLogger(__name__)
HERE = Path(__file__).parent


def create_app(config: Config, *, warm: bool | None = None) -> FastAPI:
    """The application over ``config.store_url``; the store opens when the server starts.

    ``warm`` starts the analysis worker and loads the models at startup (default: the
    ``serve.warmup`` setting, true).
    """
    settings = ServeSettings.from_config(config)
    ttl, stale = float(config.get("serve.cache_seconds", 0.5)), float(config.get("serve.stale_seconds", 5.0))
    warm = bool(config.get("serve.warmup", True)) if warm is None else warm

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        store = open_store(config.store_url)
        if store.dialect == "sqlite" and is_memory(resolve_url(config.store_url)):
            store.close()
            raise StoreError("the server needs a SQLite file or PostgreSQL: its analysis "
                             "processes cannot see an in-memory database")
        analyzer = Analyzer(config, settings.analysis_workers, settings.max_pending)
        cache = ReadCache(store, ttl=ttl, stale=stale)
        app.state.store, app.state.analyzer, app.state.cache = store, analyzer, cache
        people = People(store)
        cache.add_source(people.changed_entities)
        app.state.views, app.state.people = Cached(Views(store), cache), Cached(people, cache)
        if warm:
            analyzer.warm()
        threading.Thread(target=app.state.people.index, name="entity-index", daemon=True).start()
        app.state.jobs = JobWorker(app)
        app.state.jobs.start()
        try:
            yield
        finally:
            await app.state.jobs.stop()
            analyzer.close()
            cache.close()
            store.close()

    app = FastAPI(
        title="claimgraph",
        version=getattr(claimgraph, "__version__", "0.1.0"),
        summary="Who said what in the news, who denies it, and through which chain.",
        lifespan=lifespan,
        docs_url=None,  # the Swagger/ReDoc pages load assets from a CDN: only the schema is served
        redoc_url=None,
        openapi_url="/openapi.json",
    )
    app.state.config, app.state.settings = config, settings
    app.include_router(api.router)
    app.include_router(workbench.api)
    app.include_router(reviews.api)
    app.include_router(jobs.api)
    app.include_router(ui.router)
    app.include_router(workbench.pages)
    app.include_router(reviews.pages)
    app.mount("/static", StaticFiles(directory=str(HERE / "static")), name="static")
    app.add_middleware(FreshReads, secret=settings.secret, max_age=int(ttl + stale) + 2,
                       secure=settings.secure_cookies)
    app.add_middleware(LimitsAndHeaders, max_bytes=settings.max_request_bytes)

    @app.exception_handler(ui.LoginRequired)
    async def _login(request: Request, _exc: ui.LoginRequired) -> Response:
        target = request.url.path + (f"?{request.url.query}" if request.url.query else "")
        return RedirectResponse(f"/login?next={quote(target, safe='')}", status_code=303)

    @app.exception_handler(HTTPException)
    async def _http_error(request: Request, exc: HTTPException) -> Response:
        wants_html = "text/html" in request.headers.get("accept", "")
        if request.url.path.startswith("/api") or request.url.path == "/openapi.json" or not wants_html:
            return await http_exception_handler(request, exc)
        return ui.templates.TemplateResponse(
            request, "error.html", {"status": exc.status_code, "message": exc.detail},
            status_code=exc.status_code, headers=exc.headers,
        )

    return app
