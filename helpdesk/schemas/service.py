"""Health, readiness and the one error shape."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field


class Health(BaseModel):
    """The process is alive."""

    model_config = ConfigDict(json_schema_extra={"examples": [{"status": "ok"}]})

    status: Literal["ok"] = "ok"


class Ready(BaseModel):
    """The knowledge base is loaded and indexed."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {"status": "ready", "articles": 144, "passages": 760, "version": "3f9c2a1b7d0e4c55"}
            ]
        }
    )

    status: Literal["ready"] = "ready"
    articles: int
    passages: int
    version: str = Field(description="A hash of the knowledge base's files.")


class ErrorDetail(BaseModel):
    """One invalid field."""

    model_config = ConfigDict(
        json_schema_extra={"examples": [{"field": "top_k", "message": "Input should be ..."}]}
    )

    field: str
    message: str


class ErrorInfo(BaseModel):
    """What went wrong: the HTTP status, a stable code and a readable message."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "status": 404,
                    "code": "not_found",
                    "message": "article 'x' not found",
                    "details": [],
                }
            ]
        }
    )

    status: int
    code: str
    message: str
    details: list[ErrorDetail] = Field(default_factory=list)


class ErrorBody(BaseModel):
    """The one error shape of every 4xx and 5xx response."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "error": {
                        "status": 422,
                        "code": "invalid_request",
                        "message": "question: String should have at least 1 character",
                        "details": [
                            {
                                "field": "question",
                                "message": "String should have at least 1 character",
                            }
                        ],
                    }
                }
            ]
        }
    )

    error: ErrorInfo
