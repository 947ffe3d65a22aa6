"""``/api/handoff`` and ``/api/feedback``: hand a question to a person; rate an answer.
``/api/admin/records/...``: what the staff review (behind the admin token)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query
from fastapi.exceptions import RequestValidationError

from helpdesk.api.deps import AuthorizationHeader, IndexDep, ServicesDep, require_admin
from helpdesk.errors import RecordsUnavailable
from helpdesk.records import Feedback, Ticket, days_ago
from helpdesk.schemas import (
    ErrorBody,
    FeedbackRecord,
    FeedbackRequest,
    FeedbackResponse,
    HandoffRequest,
    HandoffResponse,
    TicketRecord,
    UnansweredReport,
    feedback_records,
    ticket_records,
    unanswered_report,
)

router = APIRouter(prefix="/api", tags=["people"])
_ERRORS: dict[int | str, dict[str, object]] = {
    422: {"model": ErrorBody},
    503: {"model": ErrorBody, "description": "The records database cannot store it now."},
}

NOT_SAVED = {
    "ko": "상담 요청을 지금은 저장하지 못했습니다. 저장된 내용은 없습니다. "
    "잠시 후 다시 시도하시거나 {contact}로 전화해 주세요.",
    "en": "We could not save your request just now, and nothing was saved. "
    "Please try again in a minute, or call {contact}.",
}
RECEIVED = {
    "ko": "상담 요청이 접수되었습니다 ({ticket}). 상담원이 남겨 주신 연락처로 연락드립니다.",
    "en": "Your request is in ({ticket}). A consultant will contact you.",
}


@router.post("/handoff", response_model=HandoffResponse, status_code=201, responses=_ERRORS)
def handoff(request: HandoffRequest, services: ServicesDep) -> HandoffResponse:
    """Pass a question to a human consultant; returns the ticket id once it is stored."""
    try:
        ticket = services.records.add_ticket(
            Ticket(
                session_id=request.session_id,
                name=request.name,
                company=request.company,
                email=request.email,
                phone=request.phone,
                question=request.question,
                lang=request.lang,
            )
        )
    except RecordsUnavailable as exc:
        services.metrics.not_stored("tickets")
        # the asker reads this in the widget, in their language
        message = NOT_SAVED[request.lang].format(contact=services.settings.contact)
        raise RecordsUnavailable(message) from exc
    services.metrics.tickets.labels(request.lang).inc()
    return HandoffResponse(
        ticket_id=ticket.id,
        message=RECEIVED[request.lang].format(ticket=ticket.id),
        contact=services.settings.contact,
    )


@router.post("/feedback", response_model=FeedbackResponse, status_code=201, responses=_ERRORS)
def feedback(request: FeedbackRequest, services: ServicesDep, index: IndexDep) -> FeedbackResponse:
    """Record whether an answer helped."""
    if request.article_id is not None and index.kb.get(request.article_id) is None:
        raise RequestValidationError(
            [
                {
                    "type": "value_error",
                    "loc": ("body", "article_id"),
                    "msg": f"no article '{request.article_id}'",
                    "input": request.article_id,
                }
            ]
        )
    try:
        record = services.records.add_feedback(
            Feedback(
                session_id=request.session_id,
                answer_id=request.answer_id,
                article_id=request.article_id,
                helpful=request.helpful,
                comment=request.comment,
            )
        )
    except RecordsUnavailable:
        services.metrics.not_stored("feedback")
        raise
    services.metrics.ratings.labels(str(request.helpful).lower()).inc()
    return FeedbackResponse(feedback_id=record.id)


_ADMIN_ERRORS: dict[int | str, dict[str, object]] = {
    403: {"model": ErrorBody},
    422: {"model": ErrorBody},
    503: {"model": ErrorBody, "description": "The records database cannot be read now."},
}
Days = Annotated[
    int | None, Query(ge=1, description="Only the last this many days (default: all kept).")
]


@router.get(
    "/admin/records/unanswered",
    response_model=UnansweredReport,
    responses=_ADMIN_ERRORS,
    tags=["admin"],
)
def unanswered(
    services: ServicesDep,
    authorization: AuthorizationHeader = None,
    days: Days = None,
    limit: Annotated[int, Query(ge=1, le=1000, description="At most this many.")] = 50,
) -> UnansweredReport:
    """How many questions were asked and left unanswered; the unanswered, most asked first."""
    require_admin(services, authorization, "reading the records")
    return unanswered_report(services.records, days_ago(days), limit)


@router.get(
    "/admin/records/tickets",
    response_model=list[TicketRecord],
    responses=_ADMIN_ERRORS,
    tags=["admin"],
)
def tickets(
    services: ServicesDep, authorization: AuthorizationHeader = None, days: Days = None
) -> list[TicketRecord]:
    """Hand-off tickets, oldest first: who to contact, how, about what, and what the
    service told them before they asked for a person."""
    require_admin(services, authorization, "reading the records")
    return ticket_records(services.records, days_ago(days))


@router.get(
    "/admin/records/feedback",
    response_model=list[FeedbackRecord],
    responses=_ADMIN_ERRORS,
    tags=["admin"],
)
def ratings(
    services: ServicesDep, authorization: AuthorizationHeader = None, days: Days = None
) -> list[FeedbackRecord]:
    """Ratings of answers, oldest first."""
    require_admin(services, authorization, "reading the records")
    return feedback_records(services.records, days_ago(days))
