"""What routes depend on, as ``Annotated`` aliases over ``app.state``."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated

from fastapi import Depends, Request

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
