"""Liveness, readiness, metrics and the knowledge-base reload."""

from __future__ import annotations

from fastapi import APIRouter, Response
from prometheus_client import CONTENT_TYPE_LATEST, generate_latest

from helpdesk.api.deps import AuthorizationHeader, IndexDep, ServicesDep, require_admin
from helpdesk.errors import KnowledgeBaseError, ReloadFailed
from helpdesk.schemas import ErrorBody, Health, Ready

router = APIRouter(tags=["health"])


@router.get("/healthz", response_model=Health)
def healthz() -> Health:
    """The process is up."""
    return Health()


def ready_of(index: IndexDep) -> Ready:
    return Ready(articles=len(index.kb), passages=index.passage_count, version=index.kb.version)


@router.get("/readyz", response_model=Ready)
def readyz(index: IndexDep) -> Ready:
    """Article and passage counts and the knowledge-base version hash."""
    return ready_of(index)


@router.get(
    "/metrics",
    response_class=Response,
    responses={200: {"content": {CONTENT_TYPE_LATEST: {}}, "description": "Prometheus text."}},
)
def metrics(services: ServicesDep) -> Response:
    """Counters and histograms for Prometheus: requests, latency, answers, records."""
    return Response(generate_latest(services.metrics.registry), media_type=CONTENT_TYPE_LATEST)


@router.post(
    "/api/admin/reload",
    response_model=Ready,
    responses={403: {"model": ErrorBody}, 409: {"model": ErrorBody}},
    tags=["admin"],
)
def reload(services: ServicesDep, authorization: AuthorizationHeader = None) -> Ready:
    """Re-read the knowledge base and swap the new index in; the old one serves until then."""
    require_admin(services, authorization, "reload")
    try:
        return ready_of(services.holder.reload())
    except KnowledgeBaseError as exc:
        raise ReloadFailed(f"reload failed, still serving the previous version: {exc}") from exc
