"""The app factory: builds the index and the routes; nothing happens at import time."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware

from helpdesk import __version__
from helpdesk.analyzer import default_analyzer
from helpdesk.api import pages, routes_articles, routes_ask, routes_health, routes_records, widget
from helpdesk.api.deps import Services
from helpdesk.api.errors import install_error_handlers
from helpdesk.api.metrics import Metrics, MetricsMiddleware
from helpdesk.index import IndexHolder, SearchIndex
from helpdesk.kb import load_knowledge_base
from helpdesk.records import AskedLog, RecordStore
from helpdesk.sessions import SessionStore
from helpdesk.settings import Settings, get_settings

DESCRIPTION = """
Answers Korean exporters' tariff questions, in Korean or English, with a passage
from a curated knowledge base, its sources and its as-of date. When no passage is
confident enough, `answered` is false and `fallback` says who can help.

Every error, validation errors included, has the shape
`{"error": {status, code, message, details}}`.
"""


def build_index(settings: Settings) -> SearchIndex:
    """Load the knowledge base named by the settings and index it (raises when it is broken)."""
    return SearchIndex(load_knowledge_base(settings.kb_path), default_analyzer())


def create_app(settings: Settings | None = None) -> FastAPI:
    """Build the app: load and index the knowledge base, open the records database, mount the
    routes and error handlers."""
    settings = settings or get_settings()
    holder = IndexHolder(lambda: build_index(settings))
    records = RecordStore.open(settings.database_url)
    metrics = Metrics(lambda: holder.index)
    asked = AskedLog(records, on_lost=lambda count: metrics.not_stored("questions", count))

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        yield
        asked.close()  # writes the questions still queued
        records.close()

    app = FastAPI(
        lifespan=lifespan,
        title="Tariff Help Desk",
        version=__version__,
        description=DESCRIPTION,
        docs_url="/docs",
        redoc_url=None,
    )
    app.state.services = Services(
        settings=settings,
        holder=holder,
        sessions=SessionStore(ttl=settings.session_ttl_seconds, max_sessions=settings.max_sessions),
        records=records,
        asked=asked,
        metrics=metrics,
    )
    install_error_handlers(app)
    app.include_router(routes_ask.router)
    app.include_router(routes_articles.router)
    app.include_router(routes_records.router)
    app.include_router(routes_health.router)
    app.include_router(pages.router)
    app.include_router(widget.router)
    if settings.cors_origins:
        app.add_middleware(
            CORSMiddleware,
            allow_origins=settings.cors_origins,
            allow_methods=["GET", "POST"],
            allow_headers=["content-type"],
            max_age=600,
        )
    app.add_middleware(MetricsMiddleware, metrics=metrics)  # outermost: times everything
    return app
