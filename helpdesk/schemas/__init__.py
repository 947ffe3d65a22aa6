"""The models clients see: requests and responses of the JSON API (also the CLI's --json)."""

from helpdesk.schemas.articles import (
    ArticleDetail,
    ArticleList,
    ArticleSummary,
)
from helpdesk.schemas.ask import (
    MAX_QUESTION_CHARS,
    SESSION_PATTERN,
    Answer,
    ArticleLink,
    AskFilters,
    AskRequest,
    AskResponse,
    Citation,
    Fallback,
    FollowUp,
    OfficeCard,
    Result,
)
from helpdesk.schemas.records import (
    FeedbackRecord,
    FeedbackRequest,
    FeedbackResponse,
    HandoffRequest,
    HandoffResponse,
    TicketRecord,
    UnansweredQuestion,
    UnansweredReport,
)
from helpdesk.schemas.service import (
    ErrorBody,
    ErrorDetail,
    ErrorInfo,
    Health,
    Ready,
)

__all__ = [
    "FeedbackRecord",
    "FeedbackRequest",
    "FeedbackResponse",
    "HandoffRequest",
    "HandoffResponse",
    "TicketRecord",
    "UnansweredQuestion",
    "UnansweredReport",
    "Answer",
    "ArticleDetail",
    "ArticleList",
    "ArticleSummary",
    "AskFilters",
    "AskRequest",
    "AskResponse",
    "ArticleLink",
    "OfficeCard",
    "SESSION_PATTERN",
    "Citation",
    "ErrorBody",
    "ErrorDetail",
    "ErrorInfo",
    "Fallback",
    "FollowUp",
    "Health",
    "MAX_QUESTION_CHARS",
    "Ready",
    "Result",
]
