"""Translate every error into the one JSON error shape (``schemas.ErrorBody``)."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from helpdesk.errors import HelpdeskError
from helpdesk.schemas import ErrorBody, ErrorDetail, ErrorInfo

log = logging.getLogger("helpdesk.api")

_CODES = {
    400: "bad_request",
    401: "unauthorized",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    413: "payload_too_large",
    415: "unsupported_media_type",
    422: "invalid_request",
    429: "too_many_requests",
}


def error_response(
    status: int, message: str, code: str | None = None, details: Sequence[ErrorDetail] = ()
) -> JSONResponse:
    body = ErrorBody(
        error=ErrorInfo(
            status=status,
            code=code or _CODES.get(status, "error"),
            message=message,
            details=list(details),
        )
    )
    return JSONResponse(body.model_dump(), status_code=status)


def _field(loc: Sequence[Any]) -> str:
    parts = [str(p) for p in loc]
    if parts and parts[0] in ("body", "query", "path", "header"):
        parts = parts[1:]
    return ".".join(parts) or "body"


def _detail(error: dict[str, Any]) -> ErrorDetail:
    kind = error.get("type", "")
    if kind == "json_invalid":
        return ErrorDetail(field="body", message="request body is not valid JSON")
    if kind == "missing" and tuple(error.get("loc", ())) == ("body",):
        return ErrorDetail(field="body", message="request body is required")
    if kind == "model_attributes_type" or (kind == "dict_type" and len(error["loc"]) == 1):
        return ErrorDetail(field="body", message="request body must be a JSON object")
    message = str(error.get("msg", "is invalid")).removeprefix("Value error, ")
    return ErrorDetail(field=_field(error.get("loc", ())), message=message)


async def _validation(_: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, RequestValidationError)
    details = [_detail(e) for e in exc.errors()]
    message = "; ".join(
        d.message if d.field == "body" else f"{d.field}: {d.message}" for d in details
    )
    return error_response(422, message, details=details)


async def _http(_: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, StarletteHTTPException)
    message = exc.detail if isinstance(exc.detail, str) else "request failed"
    if exc.status_code == 404 and message == "Not Found":
        message = "no such page or endpoint"
    return error_response(exc.status_code, message)


async def _helpdesk(_: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, HelpdeskError)
    if exc.status_code >= 500:
        log.error("helpdesk error: %s", exc.message)
    return error_response(exc.status_code, exc.message, code=exc.code)


async def _unexpected(_: Request, exc: Exception) -> JSONResponse:
    log.exception("unexpected error", exc_info=exc)
    return error_response(500, "internal error; the help desk team has been notified")


def install_error_handlers(app: FastAPI) -> None:
    app.add_exception_handler(RequestValidationError, _validation)
    app.add_exception_handler(StarletteHTTPException, _http)
    app.add_exception_handler(HelpdeskError, _helpdesk)
    app.add_exception_handler(Exception, _unexpected)
