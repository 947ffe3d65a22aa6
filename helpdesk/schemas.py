"""The models clients see: requests and responses of the JSON API (also the CLI's --json).

Field names of ``AskResponse`` are a contract: later versions may add fields, never rename.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from helpdesk.kb.models import Category, Lang, Office, Source, Status

MAX_QUESTION_CHARS = 1000


class AskFilters(BaseModel):
    """Restrict the search to one category and/or one country."""

    model_config = ConfigDict(extra="forbid", json_schema_extra={"examples": [{"country": "MX"}]})

    category: Category | None = Field(default=None, description="Only articles of this category.")
    country: str | None = Field(
        default=None,
        pattern=r"^[A-Za-z]{2}$",
        description="Only articles tagged with this ISO 3166 alpha-2 country code.",
    )

    @field_validator("country")
    @classmethod
    def _upper(cls, value: str | None) -> str | None:
        return value.upper() if value else value


class AskRequest(BaseModel):
    """A question from an exporter."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {"question": "미국 철강 관세율은?"},
                {"question": "What is the US tariff on Korean cars?", "lang": "en", "top_k": 5},
            ]
        },
    )

    question: str = Field(
        min_length=1,
        max_length=MAX_QUESTION_CHARS,
        description="The question, in Korean or English.",
    )
    lang: Lang | None = Field(
        default=None, description="Answer language; detected from the question when omitted."
    )
    top_k: int = Field(default=3, ge=1, le=10, description="How many results to return.")
    filters: AskFilters | None = Field(default=None, description="Optional search filters.")

    @field_validator("question")
    @classmethod
    def _not_blank(cls, value: str) -> str:
        if not value.strip():
            raise ValueError("must not be blank")
        return value.strip()


class Citation(BaseModel):
    """A source an article's facts come from."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "title": "White House proclamation: Adjusting Imports of Aluminum and Steel",
                    "url": "https://www.whitehouse.gov/",
                    "date": "2025-06",
                }
            ]
        }
    )

    title: str
    url: str
    date: str = Field(description="YYYY-MM-DD, or YYYY-MM when the source gives only a month.")

    @classmethod
    def of(cls, source: Source) -> Citation:
        return cls(title=source.title, url=source.url, date=source.date)


class Answer(BaseModel):
    """The best passage, with what the reader needs to trust it."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "article_id": "steel-aluminum-232",
                    "title": "Section 232 steel and aluminum",
                    "heading": "Who pays?",
                    "text": "The US importer of record pays ...",
                    "url": "/articles/steel-aluminum-232?lang=en#who-pays",
                    "lang": "en",
                    "category": "tariff",
                    "status": "in_force",
                    "effective": "2025-06-04",
                    "as_of": "2026-11-28",
                    "sources": [
                        {
                            "title": "Proclamation",
                            "url": "https://www.whitehouse.gov/",
                            "date": "2025-06",
                        }
                    ],
                    "office": None,
                }
            ]
        }
    )

    article_id: str = Field(examples=["steel-aluminum-232"])
    title: str
    heading: str = Field(description="The passage's heading (the article title for the lead).")
    text: str = Field(description="The passage, as markdown.")
    url: str = Field(description="The article page, anchored at the passage.")
    lang: Lang
    category: Category
    status: Status
    effective: dt.date | None = None
    as_of: dt.date = Field(description="When the facts were last checked.")
    sources: list[Citation]
    office: Office | None = Field(default=None, description="The office card, for office articles.")


class Result(BaseModel):
    """One ranked passage."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "article_id": "steel-aluminum-232",
                    "title": "Section 232 steel and aluminum",
                    "heading": "Who pays?",
                    "text": "The US importer of record pays ...",
                    "snippet": "... importer of record pays the 50% duty ...",
                    "score": 7.31,
                    "lang": "en",
                    "category": "tariff",
                    "url": "/articles/steel-aluminum-232?lang=en#who-pays",
                }
            ]
        }
    )

    article_id: str
    title: str
    heading: str
    text: str
    snippet: str = Field(description="A short excerpt around the query terms.")
    score: float = Field(description="The BM25 score (rank_bm25).")
    lang: Lang
    category: Category
    url: str


class Fallback(BaseModel):
    """What to do when the service is not sure: who can help."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "message": "I could not find an answer I am confident in. ...",
                    "contact": "무역장벽 119 (KOTRA 1600-7119)",
                }
            ]
        }
    )

    message: str
    contact: str = Field(examples=["무역장벽 119 (KOTRA 1600-7119)"])


class FollowUp(BaseModel):
    """A next question the service can answer."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {"question": "Section 232 autos: Korea pays 15%", "article_id": "autos-parts-232"}
            ]
        }
    )

    question: str
    article_id: str


class AskResponse(BaseModel):
    """The answer to a question (see the README for the contract)."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "question": "미국 철강 관세율은?",
                    "lang": "ko",
                    "answered": True,
                    "confidence": 0.82,
                    "answer": {
                        "article_id": "steel-aluminum-232",
                        "title": "미국 232조 철강·알루미늄 관세",
                        "heading": "미국 232조 철강·알루미늄 관세",
                        "text": "2025년 6월 4일부터 ... 50% ...",
                        "url": "/articles/steel-aluminum-232?lang=ko",
                        "lang": "ko",
                        "category": "tariff",
                        "status": "in_force",
                        "effective": "2025-06-04",
                        "as_of": "2026-11-28",
                        "sources": [
                            {
                                "title": "...",
                                "url": "https://www.whitehouse.gov/",
                                "date": "2025-06",
                            }
                        ],
                        "office": None,
                    },
                    "results": [],
                    "fallback": None,
                    "follow_ups": [
                        {
                            "question": "2026년 금속 232조 개편",
                            "article_id": "metals-232-redesign-2026",
                        }
                    ],
                }
            ]
        }
    )

    question: str
    lang: Lang
    answered: bool = Field(description="False when nothing is confident enough.")
    confidence: float = Field(ge=0.0, le=1.0)
    answer: Answer | None
    results: list[Result] = Field(description="Best first.")
    fallback: Fallback | None
    follow_ups: list[FollowUp]


class ArticleSummary(BaseModel):
    """An article in a listing."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "id": "copper-232",
                    "lang": "en",
                    "title": "Section 232 copper tariff",
                    "category": "tariff",
                    "status": "in_force",
                    "summary": "50% on copper content ...",
                    "countries": ["US", "KR"],
                    "as_of": "2026-11-28",
                    "url": "/articles/copper-232?lang=en",
                }
            ]
        }
    )

    id: str
    lang: Lang
    title: str
    category: Category
    status: Status
    summary: str
    countries: list[str]
    as_of: dt.date
    url: str


class ArticleList(BaseModel):
    """Articles matching the filters."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "count": 1,
                    "articles": [
                        {
                            "id": "copper-232",
                            "lang": "en",
                            "title": "Section 232 copper tariff",
                            "category": "tariff",
                            "status": "in_force",
                            "summary": "50% on copper content ...",
                            "countries": ["US", "KR"],
                            "as_of": "2026-11-28",
                            "url": "/articles/copper-232?lang=en",
                        }
                    ],
                }
            ]
        }
    )

    count: int
    articles: list[ArticleSummary]


class ArticleDetail(BaseModel):
    """One article: its front matter, its markdown and the rendered HTML."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "id": "copper-232",
                    "lang": "en",
                    "front_matter": {"id": "copper-232", "status": "in_force"},
                    "markdown": "Since 2025-08-01 ...",
                    "html": "<p>Since 2025-08-01 ...</p>",
                    "translations": ["en", "ko"],
                    "url": "/articles/copper-232?lang=en",
                }
            ]
        }
    )

    id: str
    lang: Lang
    front_matter: dict[str, object]
    markdown: str
    html: str
    translations: list[Lang] = Field(description="Languages this article exists in.")
    url: str


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
