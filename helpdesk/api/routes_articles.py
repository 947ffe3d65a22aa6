"""``/api/articles``: list and read knowledge-base articles."""

from __future__ import annotations

import re
from typing import Annotated

from fastapi import APIRouter, Query

from helpdesk.answer import article_url
from helpdesk.api.deps import IndexDep
from helpdesk.errors import ArticleNotFound
from helpdesk.kb.models import SLUG_PATTERN, Article, Category, KnowledgeBase, Lang, Status
from helpdesk.kb.render import render_html
from helpdesk.schemas import ArticleDetail, ArticleList, ArticleSummary, ErrorBody

router = APIRouter(prefix="/api", tags=["articles"])
_SLUG = re.compile(SLUG_PATTERN)


def find_article(kb: KnowledgeBase, article_id: str, lang: Lang | None) -> Article:
    """The article, or ArticleNotFound (ids that are not slugs are simply not found)."""
    article = kb.get(article_id, lang) if _SLUG.match(article_id) else None
    if article is None:
        raise ArticleNotFound(article_id[:100], lang if kb.get(article_id) else None)
    return article


def summary_of(article: Article) -> ArticleSummary:
    meta = article.meta
    return ArticleSummary(
        id=meta.id,
        lang=meta.lang,
        title=meta.title,
        category=meta.category,
        status=meta.status,
        summary=meta.summary,
        countries=list(meta.countries),
        as_of=meta.as_of,
        url=article_url(meta.id, meta.lang),
    )


@router.get("/articles", response_model=ArticleList, responses={422: {"model": ErrorBody}})
def list_articles(
    index: IndexDep,
    lang: Annotated[Lang | None, Query(description="Only this language.")] = None,
    category: Annotated[Category | None, Query(description="Only this category.")] = None,
    status: Annotated[Status | None, Query(description="Only this status.")] = None,
    country: Annotated[
        str | None, Query(pattern=r"^[A-Za-z]{2}$", description="Only this country.")
    ] = None,
) -> ArticleList:
    """Every article, filterable by language, category, status and country."""
    articles = [
        summary_of(a)
        for a in index.kb
        if (lang is None or a.meta.lang == lang)
        and (category is None or a.meta.category == category)
        and (status is None or a.meta.status == status)
        and (country is None or country.upper() in a.meta.countries)
    ]
    return ArticleList(count=len(articles), articles=articles)


@router.get(
    "/articles/{article_id}",
    response_model=ArticleDetail,
    responses={404: {"model": ErrorBody}, 422: {"model": ErrorBody}},
)
def get_article(
    article_id: str,
    index: IndexDep,
    lang: Annotated[Lang | None, Query(description="Language; Korean first when omitted.")] = None,
) -> ArticleDetail:
    """One article: its front matter, its markdown and the rendered HTML."""
    article = find_article(index.kb, article_id, lang)
    meta = article.meta
    return ArticleDetail(
        id=meta.id,
        lang=meta.lang,
        front_matter=meta.model_dump(mode="json", exclude_none=True),
        markdown=article.body,
        html=render_html(article.body),
        translations=sorted(index.kb.translations(meta.id)),
        url=article_url(meta.id, meta.lang),
    )
