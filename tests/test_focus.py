from __future__ import annotations

import pytest

from helpdesk.analyzer import default_analyzer
from helpdesk.focus import MAX_QUESTION_WORDS, NEAR, asks_whether_office_exists, focus_tokens


def analyze(text: str) -> list[str]:
    return default_analyzer().analyze(text)


@pytest.mark.parametrize(
    ("question", "focus"),
    [
        # English: the words after the question word
        ("What are the opening hours of the KCS help center?", ["open", "hour"]),
        ("How much did Samsung pay in total?", ["samsung", "pay"]),
        ("who runs kotra these days", ["run", "kotra"]),
        # only the words of its own clause
        ("Which year, roughly?", ["year"]),
        # Korean: the words just before the question word in its clause
        ("애틀랜타무역관 직원은 몇 명이에요?", ["무역관", "직원"]),
        ("코트라 사장 연봉 얼마예요?", ["사장", "연봉"]),
        # the clause before a comma is context, not what is asked
        ("미국에 수출하는데, 수수료 얼마예요?", ["수수료"]),
        # 무슨/어떤/어느 also name the word they qualify
        ("무슨 회의에서 발표했어요?", ["회의"]),
        # no question word: no focus
        ("Is there a KOTRA office in Dallas?", []),
        ("철강 관세 25%", []),
    ],
)
def test_the_focus_is_the_words_next_to_the_question_word(question: str, focus: list[str]) -> None:
    assert focus_tokens(question, analyze) == focus


def test_a_question_asking_two_things_has_the_focus_of_both() -> None:
    question = "When did KOTRA Monterrey open, and what does it focus on?"
    assert focus_tokens(question, analyze) == ["kotra", "monterrey", "focus"]


def test_only_the_first_question_words_and_the_text_near_them_are_analysed() -> None:
    # "뭐" typed hundreds of times must not have its whole prefix analysed each time.
    seen: list[str] = []

    def recording(text: str) -> list[str]:
        seen.append(text)
        return analyze(text)

    focus_tokens("뭐" * 500 + " what" * 300, recording)
    assert len(seen) <= 2 * MAX_QUESTION_WORDS
    assert all(len(text) <= NEAR for text in seen)


@pytest.mark.parametrize(
    ("question", "asks"),
    [
        ("다낭에도 무역관 있어요? 중부 베트남 바이어 찾을라고", True),
        ("아제르바이잔에 코트라 사무소 없나요?", True),
        ("Is there a KOTRA office in Beijing?", True),
        ("does KOTRA have an office closer to Surabaya", True),
        ("any office in Tbilisi?", True),
        # what is there at an office, not whether the office is
        ("LA무역관에 회의실 있어요?", False),
        ("Is there a fee for the KOTRA branch-office program?", False),
        ("kotra atlanta address", False),
    ],
)
def test_a_question_whether_kotra_has_an_office_somewhere_is_told_apart(
    question: str, asks: bool
) -> None:
    assert asks_whether_office_exists(question) is asks
