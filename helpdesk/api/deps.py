"""What routes depend on, as ``Annotated`` aliases over ``app.state``."""

from __future__ import annotations

import hmac
from dataclasses import dataclass
from typing import Annotated

from fastapi import Depends, Header, Request

from helpdesk.api.metrics import Metrics
from helpdesk.errors import AdminForbidden
from helpdesk.index import IndexHolder, SearchIndex
from helpdesk.records import AskedLog, RecordStore
from helpdesk.sessions import SessionStore
from helpdesk.settings import Settings


@dataclass
class Services:
    """Everything the app built at start-up."""

    settings: Settings
    holder: IndexHolder
    sessions: SessionStore
    records: RecordStore
    asked: AskedLog
    metrics: Metrics


def get_services(request: Request) -> Services:
    services: Services = request.app.state.services
    return services


def get_index(request: Request) -> SearchIndex:
    return get_services(request).holder.index


def get_settings_dep(request: Request) -> Settings:
    return get_services(request).settings


ServicesDep = Annotated[Services, Depends(get_services)]
IndexDep = Annotated[SearchIndex, Depends(get_index)]
SettingsDep = Annotated[Settings, Depends(get_settings_dep)]


def require_admin(services: Services, authorization: str | None, what: str) -> None:
    """Let the request through only with ``Authorization: Bearer <HELPDESK_ADMIN_TOKEN>``."""
    token = services.settings.admin_token
    if not token:
        raise AdminForbidden(f"{what} is disabled: set HELPDESK_ADMIN_TOKEN to enable it")
    given = (authorization or "").removeprefix("Bearer ").strip()
    if not hmac.compare_digest(given.encode(), token.encode()):
        raise AdminForbidden(f"{what} needs the header 'Authorization: Bearer <admin token>'")


AuthorizationHeader = Annotated[str | None, Header(description="Bearer HELPDESK_ADMIN_TOKEN")]
