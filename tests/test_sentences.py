"""One sentence rule for what people ask and what the articles say."""

from __future__ import annotations

from helpdesk.index import asking_sentences
from helpdesk.sentences import split_sentences


def test_sentences_end_at_stops_question_marks_and_line_breaks() -> None:
    text = "울산 브레이크패드 업체입니다. 관세 15% 맞나요？ 감사합니다!\nThanks again"
    assert split_sentences(text) == [
        "울산 브레이크패드 업체입니다.",
        "관세 15% 맞나요？",
        "감사합니다!",
        "Thanks again",
    ]


def test_a_web_address_or_an_hs_code_does_not_end_a_sentence() -> None:
    text = "Check kotra.or.kr for HS 8703.23 rates. Then call 1600-7119."
    assert split_sentences(text) == [
        "Check kotra.or.kr for HS 8703.23 rates.",
        "Then call 1600-7119.",
    ]


def test_blank_lines_and_spaces_make_no_sentence() -> None:
    assert split_sentences("  \n\n steel tariff?  \n ") == ["steel tariff?"]
    assert split_sentences("   ") == []


def test_a_question_typed_over_two_lines_asks_with_the_line_that_has_the_question_mark() -> None:
    typed = "저희는 울산 브레이크패드 업체입니다\n자동차부품 관세 15% 맞나요?"
    assert asking_sentences(typed) == "자동차부품 관세 15% 맞나요?"
