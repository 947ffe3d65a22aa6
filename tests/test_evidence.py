from __future__ import annotations

import pytest

from helpdesk.analyzer import default_analyzer, detect_lang
from helpdesk.answer import find
from helpdesk.duties import duty_tokens
from helpdesk.evidence import Evidence, evidence
from helpdesk.index import Search, SearchIndex


def judged(index: SearchIndex, question: str) -> tuple[Search, Evidence]:
    """The search for ``question`` and what the confidence model reads of its best hit."""
    search, _ = find(index, question, detect_lang(question))
    found = evidence(index, search)
    assert found is not None
    return search, found


def test_duty_words_are_matched_as_the_analyzer_tokenizes_them() -> None:
    tokens = duty_tokens(default_analyzer())
    assert {"tariff", "duti", "tax", "관세", "세율", "부가세"} <= tokens


@pytest.mark.parametrize(
    ("question", "article_id"),
    [
        # an article about the EU is about its member states
        (
            "Our buyer in the Netherlands wants embedded emissions data for CBAM. What is it?",
            "eu-cbam-non-tariff-barriers",
        ),
        ("독일 바이어가 CBAM 배출량 자료를 달래요. CBAM이 뭐예요?", "eu-cbam-non-tariff-barriers"),
        # the 232 notes that say what UK goods pay are about the UK too
        ("polysilicon 232: what does the UK pay compared with Korea?", "polysilicon-solar-232"),
        ("영국산 철강도 2025년 6월에 50%로 올랐어요?", "steel-aluminum-232"),
    ],
)
def test_a_country_the_top_article_covers_is_not_elsewhere(
    shipped_index: SearchIndex, question: str, article_id: str
) -> None:
    search, found = judged(shipped_index, question)
    assert shipped_index.article(search.hits[0].passage).meta.id == article_id
    assert found.elsewhere == 0.0


@pytest.mark.parametrize(
    ("question", "foreign_duty"),
    [
        ("What import duty does Japan charge on Korean cosmetics?", 1.0),
        ("일본 화장품 수입관세 몇 프로", 1.0),
        # a safeguard, a quota or a surtax is a duty the country levies
        ("UK steel safeguard quota for Korean hot-rolled coil", 1.0),
        ("영국 철강 세이프가드 한국산 쿼터 얼마나 남았어요", 1.0),
        ("Canada steel surtax on Korean pipe", 1.0),
        # the question names the country that levies the note's duties
        ("US section 301 tariff on Japanese goods", 0.0),
        ("멕시코 관세 인상 한국산 몇 프로", 0.0),
        # about an office there, not about that country's duties
        ("Can the KOTRA Mexico City office help us with Mexico's new tariffs?", 0.0),
        # no duty word
        ("KOTRA London office phone", 0.0),
    ],
)
def test_a_duty_question_naming_another_country_is_about_that_countrys_duties(
    shipped_index: SearchIndex, question: str, foreign_duty: float
) -> None:
    _, found = judged(shipped_index, question)
    assert found.foreign_duty == foreign_duty


@pytest.mark.parametrize(
    ("question", "held"),
    [
        # the leadership article names KOTRA's president, and never his pay
        ("Who is the KOTRA president?", True),
        ("What is the salary of the KOTRA president?", False),
        ("코트라 사장 누구예요?", True),
        ("코트라 사장 연봉 얼마예요?", False),
    ],
)
def test_focus_coverage_says_whether_the_article_uses_the_words_asked_for(
    shipped_index: SearchIndex, question: str, held: bool
) -> None:
    search, found = judged(shipped_index, question)
    assert shipped_index.article(search.hits[0].passage).meta.id == "kotra-leadership"
    assert found.asks_focus == 1.0
    assert (found.focus_coverage == 1.0) is held


def test_a_question_with_no_question_word_has_no_focus(shipped_index: SearchIndex) -> None:
    _, found = judged(shipped_index, "KOTRA president name")
    assert (found.asks_focus, found.focus_coverage) == (0.0, 1.0)


@pytest.mark.parametrize(
    ("question", "share"),
    [
        # the article names office hours only where it says they are not confirmed
        ("LA무역관 업무시간 몇시부터 몇시까지에요?", 1.0),
        ("What are the opening hours of KOTRA Da Nang?", 1.0),
        # it states when the office opened, and what it does
        ("LA무역관은 언제 세워졌어요?", 0.0),
        ("What does KOTRA Da Nang do for exporters?", 0.0),
    ],
)
def test_unconfirmed_says_how_much_of_the_ask_the_article_only_names_as_unknown(
    shipped_index: SearchIndex, question: str, share: float
) -> None:
    _, found = judged(shipped_index, question)
    assert found.unconfirmed == share
