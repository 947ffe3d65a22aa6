"""``/api/ask``: a question in, a cited answer (or an honest fallback) out."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query
from fastapi.exceptions import RequestValidationError
from pydantic import ValidationError

from helpdesk.answer import AnswerPolicy, ask
from helpdesk.api.deps import IndexDep, Services, ServicesDep
from helpdesk.index import SearchIndex
from helpdesk.kb.models import Category, Lang
from helpdesk.records import Asked
from helpdesk.schemas import (
    MAX_QUESTION_CHARS,
    SESSION_PATTERN,
    AskFilters,
    AskRequest,
    AskResponse,
    ErrorBody,
)

router = APIRouter(prefix="/api", tags=["ask"])
_ERRORS: dict[int | str, dict[str, object]] = {422: {"model": ErrorBody}}


def _answer(index: SearchIndex, request: AskRequest, services: Services) -> AskResponse:
    """Answer, and queue the question for the staff's review (the answer does not wait)."""
    response = ask(
        index, request, policy=AnswerPolicy.of(services.settings), sessions=services.sessions
    )
    services.metrics.asked(response.lang, response.answered, response.confidence)
    if services.settings.record_questions:
        top = response.answer or (response.results[0] if response.results else None)
        services.asked.put(
            Asked(
                session_id=request.session_id,
                question=request.question,
                lang=response.lang,
                answered=response.answered,
                confidence=response.confidence,
                answer_id=response.answer_id,
                article_id=top.article_id if top else None,
            )
        )
    return response


@router.post("/ask", response_model=AskResponse, responses=_ERRORS)
def ask_post(request: AskRequest, index: IndexDep, services: ServicesDep) -> AskResponse:
    """Answer a question with the best passage, its sources and as-of date, or a fallback."""
    return _answer(index, request, services)


@router.get("/ask", response_model=AskResponse, responses=_ERRORS)
def ask_get(
    index: IndexDep,
    services: ServicesDep,
    q: Annotated[
        str, Query(min_length=1, max_length=MAX_QUESTION_CHARS, description="The question.")
    ],
    lang: Annotated[Lang | None, Query(description="Answer language.")] = None,
    top_k: Annotated[int, Query(ge=1, le=10, description="How many results.")] = 3,
    category: Annotated[Category | None, Query(description="Only this category.")] = None,
    country: Annotated[
        str | None, Query(pattern=r"^[A-Za-z]{2}$", description="Only this country (ISO alpha-2).")
    ] = None,
    session_id: Annotated[
        str | None, Query(pattern=SESSION_PATTERN, description="Conversation id.")
    ] = None,
) -> AskResponse:
    """The same as ``POST /api/ask``, with the question in ``q``."""
    try:
        filters = AskFilters(category=category, country=country) if category or country else None
        request = AskRequest(
            question=q, lang=lang, top_k=top_k, filters=filters, session_id=session_id
        )
    except ValidationError as exc:
        errors = []
        for error in exc.errors():
            loc = ("query", "q") if error["loc"] == ("question",) else ("query", *error["loc"])
            errors.append({**error, "loc": loc})
        raise RequestValidationError(errors) from exc
    return _answer(index, request, services)
