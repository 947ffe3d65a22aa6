"""Fixtures chain kb_dir -> settings -> app -> client; fixture data lives in tests/fixtures/."""

from __future__ import annotations

import datetime as dt
import shutil
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa
from fastapi import FastAPI
from fastapi.testclient import TestClient

from helpdesk.analyzer import default_analyzer
from helpdesk.api import create_app
from helpdesk.index import SearchIndex
from helpdesk.kb import load_knowledge_base
from helpdesk.settings import Settings

FIXTURES = Path(__file__).parent / "fixtures"
REPO = Path(__file__).resolve().parent.parent
SHIPPED_KB = REPO / "knowledge_base"
TODAY = dt.date(2026, 12, 1)  # answers are judged fresh or stale against this date in tests
# A hand-off an exporter could send: reachable by phone only.
HANDOFF = {
    "name": "김수출",
    "company": "한빛정밀",
    "phone": "010-1234-5678",
    "question": "8708.29 관세 확인",
    "consent": True,
}


@pytest.fixture(scope="session", autouse=True)
def session_records_database(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """Apps built once for many tests keep their records in a file of the session."""
    url = f"sqlite:///{tmp_path_factory.mktemp('records') / 'records.sqlite3'}"
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("HELPDESK_DATABASE_URL", url)
        yield url


@pytest.fixture(autouse=True)
def records_database(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    """Each test keeps its records in its own SQLite file, never in the working folder."""
    url = f"sqlite:///{tmp_path / 'records.sqlite3'}"
    monkeypatch.setenv("HELPDESK_DATABASE_URL", url)
    return url


@pytest.fixture
def kb_dir() -> Path:
    return FIXTURES / "kb"


@pytest.fixture
def kb_copy(kb_dir: Path, tmp_path: Path) -> Path:
    """A writable copy of the fixture knowledge base, for tests that change it."""
    copy = tmp_path / "kb"
    shutil.copytree(kb_dir, copy)
    return copy


@pytest.fixture
def settings(kb_dir: Path) -> Settings:
    return Settings(kb_path=kb_dir)


@pytest.fixture
def app(settings: Settings) -> FastAPI:
    return create_app(settings)


@pytest.fixture
def client(app: FastAPI) -> Iterator[TestClient]:
    with TestClient(app, raise_server_exceptions=False) as test_client:
        yield test_client


@pytest.fixture(scope="session")
def shipped_client() -> Iterator[TestClient]:
    """A client over the shipped knowledge base, built once for the session."""
    settings = Settings(kb_path=SHIPPED_KB, today=TODAY)
    with TestClient(create_app(settings), raise_server_exceptions=False) as test_client:
        yield test_client


@pytest.fixture(scope="session")
def shipped_index() -> SearchIndex:
    """The search index over the shipped knowledge base, built once for the session."""
    return SearchIndex(load_knowledge_base(SHIPPED_KB), default_analyzer())


def break_table(url: str, table: str) -> None:
    """A fault the service did not cause: a table of the records database is gone."""
    with sqlite3.connect(sa.make_url(url).database or "") as connection:
        connection.execute(f"DROP TABLE {table}")


def assert_error(response: Any, status: int, message: str) -> dict[str, Any]:
    """Every error, of every status, has one shape: {"error": {status, code, message, details}}."""
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/json")
    body = response.json()
    assert set(body) == {"error"}
    error = body["error"]
    assert set(error) == {"status", "code", "message", "details"}
    assert error["status"] == status
    assert error["message"] == message
    return dict(error)
