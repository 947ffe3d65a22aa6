"""Hand-off to a consultant and feedback on answers."""

from __future__ import annotations

import datetime as dt

from pydantic import BaseModel, ConfigDict, Field, StrictBool, field_validator, model_validator

from helpdesk.kb.models import SLUG_PATTERN, Lang
from helpdesk.records import RecordStore
from helpdesk.schemas.ask import MAX_QUESTION_CHARS, SESSION_PATTERN

EMAIL_PATTERN = r"^[^@\s]+@[^@\s]+\.[^@\s]+$"
PHONE_PATTERN = r"^\+?[0-9][0-9 ()-]{5,24}$"


def _strip(value: str | None) -> str | None:
    if value is None:
        return None
    value = value.strip()
    return value or None


class HandoffRequest(BaseModel):
    """Ask a human consultant to get in touch."""

    model_config = ConfigDict(
        extra="forbid",
        str_strip_whitespace=True,
        json_schema_extra={
            "examples": [
                {
                    "session_id": "s-6f1c2a9e",
                    "name": "김수출",
                    "company": "한빛정밀",
                    "email": "export@example.co.kr",
                    "question": "자동차 부품 8708.29 관세가 15%인지 확인하고 싶습니다.",
                    "consent": True,
                }
            ]
        },
    )

    session_id: str | None = Field(default=None, pattern=SESSION_PATTERN)
    name: str = Field(min_length=1, max_length=100, description="Who to contact.")
    company: str = Field(min_length=1, max_length=200)
    email: str | None = Field(default=None, max_length=254, pattern=EMAIL_PATTERN)
    phone: str | None = Field(default=None, pattern=PHONE_PATTERN)
    question: str = Field(min_length=1, max_length=MAX_QUESTION_CHARS)
    consent: StrictBool = Field(description="Consent to be contacted about this question.")
    lang: Lang = Field(default="ko", description="The language to reply in.")

    @field_validator("email", "phone", mode="before")
    @classmethod
    def _blank_is_none(cls, value: object) -> object:
        return _strip(value) if isinstance(value, str) else value

    @field_validator("consent")
    @classmethod
    def _consented(cls, value: bool) -> bool:
        if not value:
            raise ValueError("must be true: a consultant can only contact you with your consent")
        return value

    @model_validator(mode="after")
    def _reachable(self) -> HandoffRequest:
        if self.email is None and self.phone is None:
            raise ValueError("give an email or a phone number so a consultant can reach you")
        return self


class HandoffResponse(BaseModel):
    """The ticket a consultant will pick up."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "ticket_id": "T-9F2C41AB",
                    "status": "received",
                    "message": "상담 요청이 접수되었습니다 (T-9F2C41AB).",
                    "contact": "무역장벽 119 (KOTRA 1600-7119)",
                }
            ]
        }
    )

    ticket_id: str
    status: str = "received"
    message: str
    contact: str


class FeedbackRequest(BaseModel):
    """Was this answer helpful?"""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {"session_id": "s-6f1c2a9e", "answer_id": "A-3F9C2A1B7D0E", "helpful": True},
                {"article_id": "copper-232", "helpful": False, "comment": "2027 rate is missing"},
            ]
        },
    )

    session_id: str | None = Field(default=None, pattern=SESSION_PATTERN)
    answer_id: str | None = Field(default=None, pattern=r"^A-[0-9A-F]{12}$")
    article_id: str | None = Field(default=None, pattern=SLUG_PATTERN)
    helpful: StrictBool
    comment: str | None = Field(default=None, max_length=1000)

    @model_validator(mode="after")
    def _about_something(self) -> FeedbackRequest:
        if self.answer_id is None and self.article_id is None:
            raise ValueError("give the answer_id or the article_id the feedback is about")
        return self


class FeedbackResponse(BaseModel):
    """Feedback was recorded."""

    model_config = ConfigDict(
        json_schema_extra={"examples": [{"feedback_id": "F-1A2B3C4D", "status": "recorded"}]}
    )

    feedback_id: str
    status: str = "recorded"


class AskedRecord(BaseModel):
    """A question of the conversation before a ticket, and what the service did with it."""

    model_config = ConfigDict(
        from_attributes=True,
        json_schema_extra={
            "examples": [
                {
                    "question": "자동차 부품 관세 15% 맞나요?",
                    "lang": "ko",
                    "answered": True,
                    "confidence": 0.93,
                    "article_id": "autos-parts-232",
                    "created": "2026-12-08T04:11:00Z",
                }
            ]
        },
    )

    question: str
    lang: Lang
    answered: bool
    confidence: float
    article_id: str | None = Field(description="The article answered with, or offered.")
    created: dt.datetime


class TicketRecord(BaseModel):
    """A stored hand-off ticket, as the staff read it."""

    model_config = ConfigDict(
        from_attributes=True,
        json_schema_extra={
            "examples": [
                {
                    "id": "T-9F2C41AB",
                    "created": "2026-12-08T04:12:00Z",
                    "session_id": "s-6f1c2a9e",
                    "name": "김수출",
                    "company": "한빛정밀",
                    "email": "export@example.co.kr",
                    "phone": None,
                    "question": "자동차 부품 8708.29 관세가 15%인지 확인하고 싶습니다.",
                    "lang": "ko",
                    "conversation": [],
                }
            ]
        },
    )

    id: str
    created: dt.datetime
    session_id: str | None
    name: str
    company: str
    email: str | None
    phone: str | None
    question: str
    lang: Lang
    conversation: list[AskedRecord] = Field(
        default_factory=list,
        description="What the same session asked before the ticket, oldest first.",
    )


class FeedbackRecord(BaseModel):
    """A stored rating of an answer."""

    model_config = ConfigDict(
        from_attributes=True,
        json_schema_extra={
            "examples": [
                {
                    "id": "F-1A2B3C4D",
                    "created": "2026-12-08T04:13:00Z",
                    "session_id": None,
                    "answer_id": None,
                    "article_id": "copper-232",
                    "helpful": False,
                    "comment": "2027 rate is missing",
                }
            ]
        },
    )

    id: str
    created: dt.datetime
    session_id: str | None
    answer_id: str | None
    article_id: str | None
    helpful: bool
    comment: str | None


class UnansweredQuestion(BaseModel):
    """A question the service fell back on, and how often it was asked that way."""

    model_config = ConfigDict(
        from_attributes=True,
        json_schema_extra={
            "examples": [
                {
                    "question": "2028년에 미국 관세 또 오를까요?",
                    "lang": "ko",
                    "times": 3,
                    "last_asked": "2026-12-08T04:12:00Z",
                    "closest_article": "copper-232",
                }
            ]
        },
    )

    question: str = Field(description="As it was last asked.")
    lang: Lang
    times: int = Field(description="Asked this often (ignoring case and spacing).")
    last_asked: dt.datetime
    closest_article: str | None = Field(description="The article offered the last time.")


class UnansweredReport(BaseModel):
    """How many questions were asked and left unanswered, and the unanswered ones."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "asked": 41,
                    "unanswered": 6,
                    "questions": [
                        {
                            "question": "2028년에 미국 관세 또 오를까요?",
                            "lang": "ko",
                            "times": 3,
                            "last_asked": "2026-12-08T04:12:00Z",
                            "closest_article": "copper-232",
                        }
                    ],
                }
            ]
        }
    )

    asked: int
    unanswered: int
    questions: list[UnansweredQuestion] = Field(description="The most often asked first.")


# What the staff read, built from the store the same way for the CLI and the HTTP API.


def unanswered_report(
    store: RecordStore, since: dt.datetime | None, limit: int
) -> UnansweredReport:
    """The questions asked and left unanswered since a moment, the unanswered most asked first."""
    asked, missed = store.counts(since)
    rows = store.unanswered(since, limit=limit)
    return UnansweredReport(
        asked=asked,
        unanswered=missed,
        questions=[UnansweredQuestion.model_validate(row) for row in rows],
    )


def ticket_records(store: RecordStore, since: dt.datetime | None) -> list[TicketRecord]:
    """The tickets since a moment, oldest first, each with what its session asked before it."""
    return [
        TicketRecord.model_validate(
            {
                **vars(ticket),
                "conversation": [AskedRecord.model_validate(a) for a in store.conversation(ticket)],
            }
        )
        for ticket in store.tickets(since)
    ]


def feedback_records(store: RecordStore, since: dt.datetime | None) -> list[FeedbackRecord]:
    """The ratings since a moment, oldest first."""
    return [FeedbackRecord.model_validate(f) for f in store.feedback(since)]
