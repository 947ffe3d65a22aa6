"""Prometheus metrics of the running service, served at ``GET /metrics``.

What an operator watches: requests and their latency per route, how many questions
were answered and how many handed over, per language, how confident the answers were,
the tickets and ratings stored, the records the database could not keep, and which
knowledge base is serving. Each app has its own registry, so two apps in one process
(the tests build many) never share counts.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator

from prometheus_client import CollectorRegistry, Counter, Histogram
from prometheus_client.core import GaugeMetricFamily, InfoMetricFamily, Metric
from prometheus_client.registry import Collector
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from helpdesk.index import SearchIndex

# Answers take milliseconds; a slow one under load tens of milliseconds.
LATENCY_BUCKETS = (0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0)
CONFIDENCE_BUCKETS = (0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 1.0)


class _KnowledgeBase(Collector):
    """The serving knowledge base, read at each scrape (a reload shows at once)."""

    def __init__(self, index: Callable[[], SearchIndex]) -> None:
        self._index = index

    def collect(self) -> Iterator[Metric]:
        index = self._index()
        info = InfoMetricFamily("helpdesk_knowledge_base", "The knowledge base being served.")
        info.add_metric([], {"version": index.kb.version})
        yield info
        yield GaugeMetricFamily(
            "helpdesk_knowledge_base_articles", "Articles served.", value=len(index.kb)
        )
        yield GaugeMetricFamily(
            "helpdesk_knowledge_base_passages", "Passages searched.", value=index.passage_count
        )


class Metrics:
    """The service's counters and histograms, in a registry of their own."""

    def __init__(self, index: Callable[[], SearchIndex]) -> None:
        self.registry = CollectorRegistry()
        r = self.registry
        self.requests = Counter(
            "helpdesk_http_requests",
            "HTTP requests answered, by route, method and status.",
            ["route", "method", "status"],
            registry=r,
        )
        self.latency = Histogram(
            "helpdesk_http_request_duration_seconds",
            "Time to answer an HTTP request, by route.",
            ["route"],
            buckets=LATENCY_BUCKETS,
            registry=r,
        )
        self.questions = Counter(
            "helpdesk_questions",
            "Questions asked, by answer language and whether they were answered.",
            ["lang", "answered"],
            registry=r,
        )
        self.confidence = Histogram(
            "helpdesk_answer_confidence",
            "The confidence of each question's best hit.",
            buckets=CONFIDENCE_BUCKETS,
            registry=r,
        )
        self.tickets = Counter(
            "helpdesk_handoff_tickets",
            "Hand-off tickets stored, by language.",
            ["lang"],
            registry=r,
        )
        self.ratings = Counter(
            "helpdesk_feedback",
            "Ratings stored, by whether the answer helped.",
            ["helpful"],
            registry=r,
        )
        self.records_lost = Counter(
            "helpdesk_records_not_stored",
            "Records the database could not store, by kind (tickets and ratings are refused "
            "with a 503; questions are logged).",
            ["kind"],
            registry=r,
        )
        r.register(_KnowledgeBase(index))

    def asked(self, lang: str, answered: bool, confidence: float) -> None:
        self.questions.labels(lang, str(answered).lower()).inc()
        self.confidence.observe(confidence)

    def not_stored(self, kind: str, count: int = 1) -> None:
        self.records_lost.labels(kind).inc(count)


class MetricsMiddleware:
    """Counts and times every HTTP request under its route's path (``/api/articles/{article_id}``,
    not the id), so the labels stay few; a path no route matches counts as ``unmatched``."""

    def __init__(self, app: ASGIApp, metrics: Metrics) -> None:
        self.app = app
        self.metrics = metrics

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        start = time.perf_counter()
        status = 500

        async def send_status(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
            await send(message)

        try:
            await self.app(scope, receive, send_status)
        finally:
            route = getattr(scope.get("route"), "path", None) or "unmatched"
            self.metrics.requests.labels(route, scope["method"], str(status)).inc()
            self.metrics.latency.labels(route).observe(time.perf_counter() - start)
