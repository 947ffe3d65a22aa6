"""Settings read from the environment (prefix ``HELPDESK_``) with pydantic-settings."""

from __future__ import annotations

import datetime as dt
from functools import lru_cache
from pathlib import Path

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict


def shipped_kb_path() -> Path:
    """The knowledge base shipped with the package.

    An installed wheel carries it inside the package (``helpdesk/knowledge_base``);
    a source checkout keeps it beside the package, at the repository's top level.
    """
    here = Path(__file__).resolve().parent
    inside = here / "knowledge_base"
    return inside if inside.is_dir() else here.parent / "knowledge_base"


class Settings(BaseSettings):
    """Every setting, with its environment variable in the docstring of the field."""

    model_config = SettingsConfigDict(env_prefix="HELPDESK_", extra="ignore")

    kb_path: Path = Field(
        default_factory=shipped_kb_path,
        description="Folder of the knowledge base (HELPDESK_KB_PATH).",
    )
    host: str = Field(default="127.0.0.1", description="Address to serve on (HELPDESK_HOST).")
    port: int = Field(default=8000, ge=1, le=65535, description="Port (HELPDESK_PORT).")
    min_confidence: float = Field(
        default=0.5,
        ge=0.0,
        le=1.0,
        description="Below this the answer falls back to a human (HELPDESK_MIN_CONFIDENCE).",
    )
    stale_after_days: int = Field(
        default=90,
        ge=0,
        description="Answers checked longer ago are flagged stale (HELPDESK_STALE_AFTER_DAYS).",
    )
    today: dt.date | None = Field(
        default=None,
        description="The date staleness is judged on; default: the real date (HELPDESK_TODAY).",
    )
    session_ttl_seconds: float = Field(
        default=1800.0,
        gt=0,
        description="Conversation memory, seconds (HELPDESK_SESSION_TTL_SECONDS).",
    )
    max_sessions: int = Field(
        default=10_000,
        ge=1,
        description="Conversations remembered at most (HELPDESK_MAX_SESSIONS).",
    )
    cors_origins: list[str] = Field(
        default_factory=list,
        description="Origins whose pages may embed the widget and call the API, as a JSON list "
        "(HELPDESK_CORS_ORIGINS='[\"https://exporter.example\"]').",
    )
    admin_token: str | None = Field(
        default=None,
        description="Token for POST /api/admin/reload and GET /api/admin/records/...; unset "
        "disables them (HELPDESK_ADMIN_TOKEN).",
    )
    database_url: str = Field(
        default="sqlite:///var/records.sqlite3",
        description="Where hand-off tickets, feedback and asked questions are kept, as a "
        "SQLAlchemy URL; a relative SQLite path is taken from the working folder "
        "(HELPDESK_DATABASE_URL).",
    )
    record_questions: bool = Field(
        default=True,
        description="Keep every question asked, with whether it was answered, for the staff "
        "to review (HELPDESK_RECORD_QUESTIONS).",
    )
    contact: str = Field(
        default="무역장벽 119 (KOTRA 1600-7119)",
        description="Who to contact when the service cannot answer (HELPDESK_CONTACT).",
    )


@lru_cache
def get_settings() -> Settings:
    """The settings from the environment, read once on first use."""
    return Settings()
