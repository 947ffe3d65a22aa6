from __future__ import annotations

from pathlib import Path

import pytest

from helpdesk.analyzer import default_analyzer
from helpdesk.kb import load_knowledge_base
from helpdesk.kb.models import Uncovered
from helpdesk.uncovered import UncoveredSubjects, used_terms

FX = Uncovered("환율과 환율 전망", "exchange rates", ("환율", "exchange rate", "won-dollar"))
TRADEMARK = Uncovered("상표 등록", "trademark registration", ("상표", "trademark"))


@pytest.mark.parametrize(
    ("question", "subject"),
    [
        ("내년 원달러 환율은 어떻게 될까요?", FX),  # a particle on the term
        ("won-dollar exchange rates next year?", FX),  # a plural
        ("미국 상표 출원 비용", TRADEMARK),
        ("how do we register our trademarks in the US", TRADEMARK),
        ("철강 관세 몇 %예요?", None),
        ("what is the rate of exchange between tariffs", None),  # the words, not the term
    ],
)
def test_a_question_naming_a_subject_no_article_covers_is_recognised(
    question: str, subject: Uncovered | None
) -> None:
    analyzer = default_analyzer()
    subjects = UncoveredSubjects([FX, TRADEMARK], analyzer)
    assert subjects.named(analyzer.analyze(question)) == subject


def test_kb_check_reports_a_subject_listed_as_not_covered_that_an_article_covers(
    kb_copy: Path,
) -> None:
    (kb_copy / "not_covered.yaml").write_text(
        "- ko: 철강 관세\n  en: steel tariffs\n  terms: [steel tariff]\n"
        "- ko: 상표 등록\n  en: trademark registration\n  terms: [trademark]\n"
    )
    messages = used_terms(load_knowledge_base(kb_copy), default_analyzer())
    assert messages
    assert all(m.startswith("'steel tariffs' is listed as not covered, but ") for m in messages)


def test_the_shipped_list_names_no_subject_an_article_covers() -> None:
    kb = load_knowledge_base(Path(__file__).parent.parent / "knowledge_base")
    assert len(kb.uncovered) >= 5
    assert used_terms(kb, default_analyzer()) == []
