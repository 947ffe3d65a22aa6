from __future__ import annotations

import pytest

from helpdesk.analyzer import default_analyzer
from helpdesk.terms import TermIndex

TERMS = TermIndex(
    [
        [("상호", "관세"), ("reciprocal", "tariff")],
        [("메이드", "인", "코리아"), ("made", "in", "korea")],
        [("steel",)],
    ]
)


@pytest.mark.parametrize(
    ("tokens", "groups"),
    [
        (["reciprocal", "tariff", "rate"], [0]),
        (["상호", "관세", "철강"], [0]),
        (["steel", "reciprocal", "tariff"], [0, 2]),  # in the groups' order
        (["tariff", "reciprocal"], []),  # a term's words in another order
        (["reciprocal", "steel", "tariff"], [2]),  # a term's words apart
        (["메이드", "인코리아", "표시"], [1]),  # a Korean term's letters, cut elsewhere
        (["made", "inkorea"], []),  # only Korean terms are matched by their letters
    ],
)
def test_a_term_is_found_as_its_words_in_order_or_as_its_korean_letters(
    tokens: list[str], groups: list[int]
) -> None:
    assert TERMS.named(tokens) == groups


def test_a_term_found_by_its_letters_is_given_as_the_question_s_own_words() -> None:
    assert TERMS.found(["메이드", "인코리아"]) == [(1, ("메이드", "인코리아"))]


def test_a_question_finds_a_korean_term_however_the_analyzer_cuts_it() -> None:
    analyzer = default_analyzer()
    terms = TermIndex([[tuple(analyzer.analyze("메이드인코리아"))]])
    question = "베트남 물건 포장만 바꿔서 메이드인코리아 표시 돼요?"
    assert terms.named(analyzer.analyze(question)) == [0]
