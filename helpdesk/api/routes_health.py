"""Liveness, readiness and the knowledge-base reload."""

from __future__ import annotations

import hmac
from typing import Annotated

from fastapi import APIRouter, Header

from helpdesk.api.deps import IndexDep, ServicesDep
from helpdesk.errors import KnowledgeBaseError, ReloadDisabled, ReloadFailed
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


@router.post(
    "/api/admin/reload",
    response_model=Ready,
    responses={403: {"model": ErrorBody}, 409: {"model": ErrorBody}},
    tags=["admin"],
)
def reload(
    services: ServicesDep,
    authorization: Annotated[str | None, Header(description="Bearer HELPDESK_ADMIN_TOKEN")] = None,
) -> Ready:
    """Re-read the knowledge base and swap the new index in; the old one serves until then."""
    token = services.settings.admin_token
    if not token:
        raise ReloadDisabled("reload is disabled: set HELPDESK_ADMIN_TOKEN to enable it")
    given = (authorization or "").removeprefix("Bearer ").strip()
    if not hmac.compare_digest(given.encode(), token.encode()):
        raise ReloadDisabled("reload needs the header 'Authorization: Bearer <admin token>'")
    try:
        return ready_of(services.holder.reload())
    except KnowledgeBaseError as exc:
        raise ReloadFailed(f"reload failed, still serving the previous version: {exc}") from exc
