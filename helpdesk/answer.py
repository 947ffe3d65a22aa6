"""Turn search hits into a reply people can act on.

Picks the passage, judges confidence, cites sources with dates and status, flags
stale facts, adds office cards and follow-ups, resolves short follow-ups from the
conversation, or falls back to a human with the closest articles.
"""

from __future__ import annotations

import datetime as dt
import re
import secrets
from dataclasses import dataclass
from functools import partial
from urllib.parse import quote

from helpdesk.analyzer import detect_lang
from helpdesk.evidence import judge
from helpdesk.index import Hit, Search, SearchIndex
from helpdesk.kb.models import Article, Category, Lang
from helpdesk.kb.render import plain_text
from helpdesk.schemas import (
    Answer,
    ArticleLink,
    AskRequest,
    AskResponse,
    Citation,
    Fallback,
    FollowUp,
    OfficeCard,
    Result,
)
from helpdesk.sessions import SessionStore, Turn
from helpdesk.settings import Settings
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
# When the question names a subject no article covers (helpdesk.uncovered).
UNCOVERED_MESSAGES: dict[Lang, str] = {
    "ko": (
        "'{subject}' 관련 내용은 저희 안내 자료에서 다루지 않습니다. 아래의 가까운 자료를 "
        "참고하시거나 상담원에게 문의해 주세요."
    ),
    "en": (
        "Our articles do not cover {subject}. Check the closest articles below, or ask a "
        "consultant."
    ),
}
DISCLAIMERS: dict[Lang, str] = {
    "ko": (
        "이 답변은 일반 안내이며 법률 자문이 아닙니다. 선적 전에 무역장벽 119(KOTRA 1600-7119) "
        "또는 관세사에게 꼭 확인하세요."
    ),
    "en": (
        "General information, not legal advice. Verify with 무역장벽 119 (KOTRA 1600-7119) "
        "or a licensed customs broker before you ship."
    ),
}
STALE_WARNINGS: dict[Lang, str] = {
    "ko": (
        "이 자료는 {as_of} 기준으로 {days}일 전에 확인한 내용입니다. "
        "최신 여부를 무역장벽 119에 확인하세요."
    ),
    "en": (
        "These facts were last checked on {as_of}, {days} days ago. "
        "Confirm they still hold with 무역장벽 119."
    ),
}
# An announced measure whose start date has passed since the facts were checked: it
# may have started as announced, been delayed or changed, and the article cannot say.
OVERDUE_WARNINGS: dict[Lang, str] = {
    "ko": (
        "이 조치는 {effective} 시행 예정으로 발표되었고, 이 자료는 그 전인 {as_of}에 "
        "확인한 내용입니다. 예정대로 시행되었는지 무역장벽 119에 확인하세요."
    ),
    "en": (
        "This measure was announced to take effect on {effective}; these facts were "
        "checked on {as_of}, before that date. Confirm with 무역장벽 119 whether it "
        "took effect as announced."
    ),
}
# When the shown passage holds no value of a kind the question asks for ("몇 %",
# "how much does it cost"), the answer says so: it is the nearest passage, not the
# figure. Kinds as helpdesk.values names them.
MISSING_VALUE_WARNINGS: dict[Lang, str] = {
    "ko": (
        "문의하신 {kinds} 정보는 이 단락에 나와 있지 않습니다. "
        "전체 안내를 보시거나 {who} 확인하세요."
    ),
    "en": (
        "This passage does not give the {kinds} you asked for: see the whole article, or ask {who}."
    ),
}
# Who has the figure: a duty rate or an amount also a licensed customs broker.
MISSING_VALUE_WHO: dict[Lang, tuple[str, str]] = {
    "ko": ("무역장벽 119(1600-7119)에", "무역장벽 119(1600-7119)나 관세사에게"),
    "en": (
        "무역장벽 119 (KOTRA, 1600-7119)",
        "무역장벽 119 (KOTRA, 1600-7119) or a licensed customs broker",
    ),
}
VALUE_KIND_NAMES: dict[Lang, dict[str, str]] = {
    "ko": {
        "percent": "비율", "money": "금액", "count": "수치", "people": "인원",
        "duration": "기간", "phone": "전화번호", "time": "시간", "address": "주소",
        "person": "이름", "opened": "개소·설립 시기",
    },
    "en": {
        "percent": "rate", "money": "amount", "count": "number", "people": "number of people",
        "duration": "period", "phone": "phone number", "time": "time", "address": "address",
        "person": "name", "opened": "opening date",
    },
}  # fmt: skip
LATIN_WORD = re.compile(r"[A-Za-z]{2,}")
HANGUL_WORD = re.compile(r"[\uac00-\ud7a3]")
MAX_FOLLOW_UPS = 3
MAX_OFFICE_CARDS = 6
FOLLOW_UP_MARKERS = re.compile(
    r"^\s*(그럼|그러면|그리고|그건|그거|그다음|그 다음"
    r"|and\b|what about\b|how about\b|also\b|then\b)",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class AnswerPolicy:
    """How answers are judged and dressed: thresholds, contact, freshness."""

    min_confidence: float
    contact: str
    stale_after_days: int = 90
    today: dt.date | None = None

    @classmethod
    def of(cls, settings: Settings) -> AnswerPolicy:
        return cls(
            min_confidence=settings.min_confidence,
            contact=settings.contact,
            stale_after_days=settings.stale_after_days,
            today=settings.today,
        )


def article_url(article_id: str, lang: Lang, anchor: str = "") -> str:
    """The article page a citation points to, anchored at the passage."""
    return f"/articles/{article_id}?lang={lang}" + (f"#{anchor}" if anchor else "")


def is_follow_up(question: str) -> bool:
    """Starts like a follow-up: "그럼 자동차는?", "and in Mexico?", "what about copper?"."""
    return bool(FOLLOW_UP_MARKERS.match(question))


def mostly_english(question: str) -> bool:
    """At least as many words in Latin letters as words in Hangul, and some of each."""
    words = question.split()
    latin = sum(bool(LATIN_WORD.search(w)) and not HANGUL_WORD.search(w) for w in words)
    hangul = sum(bool(HANGUL_WORD.search(w)) for w in words)
    return 0 < hangul <= latin


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


def office_card(article: Article) -> OfficeCard:
    office = article.meta.office
    assert office is not None
    place = " ".join(p for p in (office.name, office.address or office.city) if p)
    return OfficeCard(
        article_id=article.meta.id,
        name=office.name,
        city=office.city,
        country=office.country,
        region=office.region,
        address=office.address,
        phone=office.phone,
        email=office.email,
        hours=office.hours,
        url=office.url,
        map_url=f"https://www.openstreetmap.org/search?query={quote(place)}",
        tariff_help_desk=office.tariff_help_desk,
        article_url=article_url(article.meta.id, article.meta.lang),
    )


def office_cards(index: SearchIndex, search: Search, top: Article, lang: Lang) -> list[OfficeCard]:
    """Cards for the offices the question is about, in the asker's language.

    The top article's office, offices in cities the question names, and, when the
    question is about offices, every office in the countries it names.
    """
    ids = list(search.office_ids)
    about_offices = search.mentions_office or top.meta.category == "office"
    if top.meta.office is not None:
        ids.insert(0, top.meta.id)
    if about_offices:
        ids += [
            a.meta.id
            for a in index.kb
            if a.meta.office is not None and a.meta.office.country in search.countries
        ]
    cards = []
    for article_id in dict.fromkeys(ids):
        article = index.kb.preferred(article_id, lang)
        if article is not None and article.meta.office is not None:
            cards.append(office_card(article))
    return cards[:MAX_OFFICE_CARDS]


def missing_value_warning(asked: frozenset[str], lang: Lang) -> str:
    """What to tell an asker whose question wants a value of the ``asked`` kinds that
    the shown passage does not hold, and who has it."""
    names = VALUE_KIND_NAMES[lang]
    kinds = ("·" if lang == "ko" else " or ").join(sorted(names[k] for k in asked if k in names))
    who = MISSING_VALUE_WHO[lang][bool(asked & {"percent", "money"})]
    return MISSING_VALUE_WARNINGS[lang].format(kinds=kinds, who=who)


def _answer(
    index: SearchIndex, search: Search, hit: Hit, lang: Lang, policy: AnswerPolicy
) -> Answer:
    article = index.article(hit.passage)
    meta = article.meta
    passage, has_value = hit.passage, hit.has_value
    shown = search.shown
    if shown is not None and shown.position < len(article.passages):
        passage, has_value = article.passages[shown.position], shown.has_value
    today = policy.today or dt.date.today()
    age = (today - meta.as_of).days
    stale = age > policy.stale_after_days
    overdue = (
        meta.status == "announced"
        and meta.effective is not None
        and meta.as_of < meta.effective <= today
    )
    warnings = []
    if overdue:
        warnings.append(OVERDUE_WARNINGS[lang].format(effective=meta.effective, as_of=meta.as_of))
    if stale:
        warnings.append(STALE_WARNINGS[lang].format(as_of=meta.as_of, days=age))
    if not has_value:
        warnings.append(missing_value_warning(search.asked, lang))
    return Answer(
        article_id=meta.id,
        title=meta.title,
        heading=passage.heading,
        text=passage.text,
        url=article_url(meta.id, meta.lang, passage.anchor),
        lang=meta.lang,
        category=meta.category,
        status=meta.status,
        effective=meta.effective,
        as_of=meta.as_of,
        sources=[Citation.of(s) for s in meta.sources],
        office=meta.office,
        stale=stale or overdue,
        warning=" ".join(warnings) or None,
        disclaimer=DISCLAIMERS[lang] if meta.category == "tariff" else None,
        offices=office_cards(index, search, article, lang),
        matched_hs_code=hit.hs_match,
    )


def _follow_ups(
    index: SearchIndex, article: Article, hits: list[Hit], lang: Lang
) -> list[FollowUp]:
    """Related articles first, then the nearest other articles, each offered by its title."""
    candidates = list(article.meta.related) + [h.passage.article_id for h in hits]
    seen = {article.meta.id}
    follow_ups = []
    for article_id in candidates:
        other = index.kb.get(article_id, lang)
        if article_id in seen or other is None:
            continue
        seen.add(article_id)
        follow_ups.append(FollowUp(question=other.meta.title, article_id=article_id))
        if len(follow_ups) == MAX_FOLLOW_UPS:
            break
    return follow_ups


def _closest(index: SearchIndex, hits: list[Hit], lang: Lang, n: int = 3) -> list[ArticleLink]:
    links = []
    for article_id in dict.fromkeys(h.passage.article_id for h in hits):
        article = index.kb.preferred(article_id, lang)
        if article is not None:
            links.append(
                ArticleLink(
                    article_id=article_id,
                    title=article.meta.title,
                    url=article_url(article_id, article.meta.lang),
                )
            )
        if len(links) == n:
            break
    return links


def find(
    index: SearchIndex,
    question: str,
    lang: Lang,
    *,
    category: Category | None = None,
    country: str | None = None,
    limit: int = 10,
    context: str | None = None,
) -> tuple[Search, float]:
    """The search that answers ``question``, and the confidence in its top hit.

    The question's language is searched first. A Korean question that is mostly
    English words ("Could KOTRA's 지사화사업 find us buyers?") is also searched in
    English, where most of its words are; the more confident search wins, shown in
    Korean.
    """
    options = {"category": category, "country": country, "limit": limit, "context": context}
    search = index.search(question, lang, **options)  # type: ignore[arg-type]
    score = judge(index, search)
    if lang == "ko" and mostly_english(question):
        other = index.search(question, "en", **options)  # type: ignore[arg-type]
        other_score = judge(index, other)
        if other_score > score:
            return index.translated(other, lang), other_score
    return search, score


def _fallback(index: SearchIndex, search: Search, lang: Lang, policy: AnswerPolicy) -> Fallback:
    """Who can help, the closest articles, and the subject no article covers if the
    question named one."""
    subject = search.uncovered
    name = None if subject is None else (subject.ko if lang == "ko" else subject.en)
    return Fallback(
        message=FALLBACK_MESSAGES[lang]
        if name is None
        else UNCOVERED_MESSAGES[lang].format(subject=name),
        contact=policy.contact,
        articles=_closest(index, search.hits, lang),
        handoff_available=True,
        not_covered=name,
    )


def ask(
    index: SearchIndex,
    request: AskRequest,
    *,
    policy: AnswerPolicy,
    sessions: SessionStore | None = None,
) -> AskResponse:
    """Answer one question from the index (and the session's previous turn, for a follow-up)."""
    question = request.question
    lang: Lang = request.lang or detect_lang(question)
    filters = request.filters
    search_for = partial(
        find,
        index,
        category=filters.category if filters else None,
        country=filters.country if filters else None,
        limit=max(10, request.top_k),
    )
    search, score = search_for(question, lang)
    context = None
    last = (
        sessions.last(request.session_id) if sessions is not None and request.session_id else None
    )
    follow_up = is_follow_up(question)
    if last is not None and (follow_up or score < policy.min_confidence):
        follow, follow_score = search_for(question, lang, context=last.question)
        if follow_score >= policy.min_confidence and (follow_up or follow_score > score):
            search, score, context = follow, follow_score, last.question

    answered = bool(search.hits) and score >= policy.min_confidence
    top = index.article(search.hits[0].passage) if search.hits else None
    if sessions is not None and request.session_id:
        topic = f"{question} {context}" if context else question
        sessions.add(request.session_id, Turn(topic[-400:], lang, top.meta.id if top else None))
    return AskResponse(
        question=question,
        lang=lang,
        answered=answered,
        confidence=score,
        answer=_answer(index, search, search.hits[0], lang, policy) if answered else None,
        results=[_result(index, h, search.tokens) for h in search.hits[: request.top_k]],
        fallback=None if answered else _fallback(index, search, lang, policy),
        follow_ups=_follow_ups(index, top, search.hits, lang) if answered and top else [],
        answer_id="A-" + secrets.token_hex(6).upper(),
        context=context,
    )
