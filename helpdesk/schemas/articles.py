"""Article listings and details of /api/articles."""

from __future__ import annotations

import datetime as dt

from pydantic import BaseModel, ConfigDict, Field
from pydantic.config import JsonDict

from helpdesk.kb.models import Category, Lang, Status

SUMMARY_EXAMPLE: JsonDict = {
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


class ArticleSummary(BaseModel):
    """An article in a listing."""

    model_config = ConfigDict(json_schema_extra={"examples": [SUMMARY_EXAMPLE]})

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
                    "articles": [SUMMARY_EXAMPLE],
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
