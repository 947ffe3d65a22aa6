"""The models clients see: requests and responses of the JSON API (also the CLI's --json)."""

from helpdesk.schemas.articles import (
    ArticleDetail,
    ArticleList,
    ArticleSummary,
)
from helpdesk.schemas.ask import (
    MAX_QUESTION_CHARS,
    Answer,
    AskFilters,
    AskRequest,
    AskResponse,
    Citation,
    Fallback,
    FollowUp,
    Result,
)
from helpdesk.schemas.service import (
    ErrorBody,
    ErrorDetail,
    ErrorInfo,
    Health,
    Ready,
)

__all__ = [
    "Answer",
    "ArticleDetail",
    "ArticleList",
    "ArticleSummary",
    "AskFilters",
    "AskRequest",
    "AskResponse",
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
