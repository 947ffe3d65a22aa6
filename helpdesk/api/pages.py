"""Server-side HTML pages: the article pages every citation links to, and the article list."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates

from helpdesk.api.deps import IndexDep
from helpdesk.api.routes_articles import find_article
from helpdesk.kb.models import CATEGORIES, Lang
from helpdesk.kb.render import render_html
from helpdesk.schemas import MAX_QUESTION_CHARS

router = APIRouter(include_in_schema=False)
templates = Jinja2Templates(
    directory=str(Path(__file__).resolve().parent.parent / "web" / "templates")
)

LABELS: dict[Lang, dict[str, str]] = {
    "ko": {
        "in_force": "시행 중",
        "ended": "종료",
        "announced": "발표(시행 전)",
        "under_review": "검토 중",
        "info": "안내",
        "tariff": "관세",
        "support": "지원 사업",
        "office": "무역관",
        "market": "시장",
        "effective": "시행일",
        "as_of": "확인 기준일",
        "sources": "출처",
        "related": "관련 자료",
        "articles": "전체 자료",
        "other_lang": "English",
        "title": "관세 상담 자료",
        "search": "검색",
        "found": "건",
        "none": "찾는 자료가 없습니다. 무역장벽 119(1600-7119)에 문의하세요.",
    },
    "en": {
        "in_force": "In force",
        "ended": "Ended",
        "announced": "Announced",
        "under_review": "Under review",
        "info": "Information",
        "tariff": "Tariffs",
        "support": "Support schemes",
        "office": "Offices",
        "market": "Markets",
        "effective": "Effective",
        "as_of": "Facts checked on",
        "sources": "Sources",
        "related": "Related",
        "articles": "All articles",
        "other_lang": "한국어",
        "title": "Tariff help articles",
        "search": "Search",
        "found": "articles",
        "none": "Nothing found. Ask 무역장벽 119 (KOTRA 1600-7119).",
    },
}


@router.get("/articles/{article_id}", response_class=HTMLResponse)
def article_page(
    request: Request,
    article_id: str,
    index: IndexDep,
    lang: Annotated[Lang | None, Query()] = None,
) -> HTMLResponse:
    article = find_article(index.kb, article_id, lang)
    meta = article.meta
    related = [r for r in (index.kb.preferred(i, meta.lang) for i in meta.related) if r]
    other = [lg for lg in index.kb.translations(meta.id) if lg != meta.lang]
    return templates.TemplateResponse(
        request,
        "article.html",
        {
            "meta": meta,
            "html": render_html(article.body),
            "related": related,
            "other_lang": other[0] if other else None,
            "t": LABELS[meta.lang],
        },
    )


@router.get("/articles", response_class=HTMLResponse)
def articles_page(
    request: Request,
    index: IndexDep,
    lang: Annotated[Lang, Query()] = "ko",
    q: Annotated[str, Query(max_length=MAX_QUESTION_CHARS)] = "",
) -> HTMLResponse:
    """The knowledge base by category; with ``q``, only the articles that search finds."""
    articles = [a for a in index.kb if a.meta.lang == lang]
    if q.strip():
        found = index.search(q, lang, limit=40).hits
        order = list(dict.fromkeys(h.passage.article_id for h in found if h.passage.lang == lang))
        articles = [a for i in order if (a := index.kb.get(i, lang)) is not None]
    groups = {
        category: [a.meta for a in articles if a.meta.category == category]
        for category in CATEGORIES
    }
    return templates.TemplateResponse(
        request,
        "articles.html",
        {"groups": groups, "lang": lang, "q": q, "count": len(articles), "t": LABELS[lang]},
    )
