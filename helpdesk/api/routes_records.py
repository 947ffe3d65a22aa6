"""``/api/handoff`` and ``/api/feedback``: hand a question to a person; rate an answer."""

from __future__ import annotations

from fastapi import APIRouter
from fastapi.exceptions import RequestValidationError

from helpdesk.api.deps import IndexDep, ServicesDep
from helpdesk.errors import RecordsUnavailable
from helpdesk.records import Feedback, Ticket
from helpdesk.schemas import (
    ErrorBody,
    FeedbackRequest,
    FeedbackResponse,
    HandoffRequest,
    HandoffResponse,
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
        # the asker reads this in the widget, in their language
        message = NOT_SAVED[request.lang].format(contact=services.settings.contact)
        raise RecordsUnavailable(message) from exc
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
    record = services.records.add_feedback(
        Feedback(
            session_id=request.session_id,
            answer_id=request.answer_id,
            article_id=request.article_id,
            helpful=request.helpful,
            comment=request.comment,
        )
    )
    return FeedbackResponse(feedback_id=record.id)
