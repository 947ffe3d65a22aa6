"""Turn search hits into an answer: pick the passage, judge confidence, cite, or fall back."""

from __future__ import annotations

from helpdesk.analyzer import detect_lang
from helpdesk.confidence import confidence
from helpdesk.index import Hit, SearchIndex
from helpdesk.kb.models import Article, Lang
from helpdesk.kb.render import plain_text
from helpdesk.schemas import (
    Answer,
    AskRequest,
    AskResponse,
    Citation,
    Fallback,
    FollowUp,
    Result,
)
from helpdesk.snippet import make_snippet

FALLBACK_MESSAGES: dict[Lang, str] = {
    "ko": (
        "이 질문에 자신 있게 답할 자료를 찾지 못했습니다. 아래의 가까운 자료를 확인하시거나 "
        "상담원에게 문의해 주세요."
    ),
    "en": (
        "I could not find an answer I am confident in. Check the closest articles below, "
        "or ask a consultant."
    ),
}
MAX_FOLLOW_UPS = 3


def article_url(article_id: str, lang: Lang, anchor: str = "") -> str:
    """The article page a citation points to, anchored at the passage."""
    return f"/articles/{article_id}?lang={lang}" + (f"#{anchor}" if anchor else "")


def _result(index: SearchIndex, hit: Hit, tokens: list[str]) -> Result:
    article = index.article(hit.passage)
    return Result(
        article_id=article.meta.id,
        title=article.meta.title,
        heading=hit.passage.heading,
        text=hit.passage.text,
        snippet=make_snippet(plain_text(hit.passage.text), tokens),
        score=round(hit.score, 4),
        lang=article.meta.lang,
        category=article.meta.category,
        url=article_url(article.meta.id, article.meta.lang, hit.passage.anchor),
    )


def _answer(article: Article, hit: Hit) -> Answer:
    meta = article.meta
    return Answer(
        article_id=meta.id,
        title=meta.title,
        heading=hit.passage.heading,
        text=hit.passage.text,
        url=article_url(meta.id, meta.lang, hit.passage.anchor),
        lang=meta.lang,
        category=meta.category,
        status=meta.status,
        effective=meta.effective,
        as_of=meta.as_of,
        sources=[Citation.of(s) for s in meta.sources],
        office=meta.office,
    )


def _follow_ups(
    index: SearchIndex, article: Article, hits: list[Hit], lang: Lang
) -> list[FollowUp]:
    """Related articles first, then the nearest other articles; each offered by its title."""
    candidates = list(article.meta.related) + [h.passage.article_id for h in hits]
    seen = {article.meta.id}
    follow_ups = []
    for article_id in candidates:
        other = index.kb.get(article_id, lang) or index.kb.get(article_id)
        if article_id in seen or other is None:
            continue
        seen.add(article_id)
        follow_ups.append(FollowUp(question=other.meta.title, article_id=article_id))
        if len(follow_ups) == MAX_FOLLOW_UPS:
            break
    return follow_ups


def runner_up_score(hits: list[Hit]) -> float:
    """The best score of a passage from another article than the top hit's."""
    top = hits[0].passage.article_id
    return next((h.score for h in hits[1:] if h.passage.article_id != top), 0.0)


def ask(
    index: SearchIndex, request: AskRequest, *, min_confidence: float, contact: str
) -> AskResponse:
    """Answer one question from the index."""
    lang: Lang = request.lang or detect_lang(request.question)
    filters = request.filters
    tokens, hits = index.search(
        request.question,
        lang,
        category=filters.category if filters else None,
        country=filters.country if filters else None,
        limit=max(10, request.top_k),
    )
    results = [_result(index, hit, tokens) for hit in hits[: request.top_k]]
    fallback = Fallback(message=FALLBACK_MESSAGES[lang], contact=contact)
    if not hits:
        return AskResponse(
            question=request.question,
            lang=lang,
            answered=False,
            confidence=0.0,
            answer=None,
            results=[],
            fallback=fallback,
            follow_ups=[],
        )
    top = hits[0]
    score = confidence(top.score, runner_up_score(hits), top.coverage)
    answered = score >= min_confidence
    article = index.article(top.passage)
    return AskResponse(
        question=request.question,
        lang=lang,
        answered=answered,
        confidence=score,
        answer=_answer(article, top) if answered else None,
        results=results,
        fallback=None if answered else fallback,
        follow_ups=_follow_ups(index, article, hits, lang) if answered else [],
    )
