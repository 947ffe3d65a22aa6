"""The /api/ask contract: field names may be added to, never renamed."""

from __future__ import annotations

import datetime as dt

from pydantic import BaseModel, ConfigDict, Field, field_validator

from helpdesk.kb.models import Category, Lang, Office, Source, Status

MAX_QUESTION_CHARS = 1000
SESSION_PATTERN = r"^[A-Za-z0-9_-]{8,64}$"


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
    session_id: str | None = Field(
        default=None,
        pattern=SESSION_PATTERN,
        description="Lets a short follow-up ('그럼 자동차는?') build on the previous question.",
    )

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


class OfficeCard(BaseModel):
    """A KOTRA trade office, with only the contact fields the knowledge base has."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "article_id": "kotra-monterrey",
                    "name": "KOTRA Monterrey",
                    "city": "Monterrey",
                    "country": "MX",
                    "region": "Latin America",
                    "address": None,
                    "phone": None,
                    "email": None,
                    "hours": None,
                    "url": None,
                    "map_url": "https://www.openstreetmap.org/search?query=KOTRA%20Monterrey%20Monterrey",
                    "tariff_help_desk": None,
                    "article_url": "/articles/kotra-monterrey?lang=en",
                }
            ]
        }
    )

    article_id: str
    name: str
    city: str
    country: str
    region: str
    address: str | None = None
    phone: str | None = None
    email: str | None = None
    hours: str | None = None
    url: str | None = None
    map_url: str = Field(description="A map search for the office (opens in the browser).")
    tariff_help_desk: bool | None = None
    article_url: str


class ArticleLink(BaseModel):
    """A pointer to an article."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "article_id": "copper-232",
                    "title": "Section 232 copper tariff",
                    "url": "/articles/copper-232?lang=en",
                }
            ]
        }
    )

    article_id: str
    title: str
    url: str


class Answer(BaseModel):
    """The passage of the best article that answers the question (chosen by its own
    words, so it can differ from the first result), with what the reader needs to trust it."""

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
    office: Office | None = Field(
        default=None, description="The office block, for office articles."
    )
    stale: bool = Field(
        default=False,
        description=(
            "True when as_of is older than the freshness limit, or the answer is an "
            "announced measure whose start date has passed since as_of."
        ),
    )
    warning: str | None = Field(
        default=None,
        description=(
            "What to check, and with whom: when the answer is stale, or when the passage "
            "does not give the kind of value the question asks for (a rate, an amount ...)."
        ),
    )
    disclaimer: str | None = Field(
        default=None, description="The not-legal-advice line of tariff answers."
    )
    offices: list[OfficeCard] = Field(
        default_factory=list, description="Office cards, for questions about offices or places."
    )
    matched_hs_code: str | None = Field(
        default=None, description="The article's HS code that matched a code in the question."
    )


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
    articles: list[ArticleLink] = Field(
        default_factory=list, description="The closest articles: 'did you mean'."
    )
    handoff_available: bool = Field(
        default=True, description="POST /api/handoff can pass the question to a consultant."
    )
    not_covered: str | None = Field(
        default=None,
        description="A subject the question names that no article covers (exchange rates,"
        " trademarks ...), in the question's language; null otherwise.",
    )


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
                        "stale": False,
                        "warning": None,
                        "disclaimer": "이 답변은 일반 안내이며 법률 자문이 아닙니다. ...",
                        "offices": [],
                        "matched_hs_code": None,
                    },
                    "results": [],
                    "fallback": None,
                    "follow_ups": [
                        {
                            "question": "2026년 금속 232조 개편",
                            "article_id": "metals-232-redesign-2026",
                        }
                    ],
                    "answer_id": "A-3F9C2A1B7D0E",
                    "context": None,
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
    answer_id: str = Field(description="Quote it in POST /api/feedback.")
    context: str | None = Field(
        default=None, description="The previous question this answer built on, if any."
    )
