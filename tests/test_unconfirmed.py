from __future__ import annotations

import pytest

from helpdesk.unconfirmed import unconfirmed_sentences


@pytest.mark.parametrize(
    "sentence",
    [
        "저희 자료에는 광저우무역관의 주소, 전화번호, 이메일, 업무시간이 나와 있지 않습니다.",
        "2026-11-28 기준 주소, 전화번호, 업무시간, 무역관장은 확인되지 않았습니다.",
        "2025~2026년 현 관장을 언급한 보도는 찾지 못했습니다.",
        "A lower Korean rate under the Section 232 truck and bus tariff is unconfirmed.",
        "Our sources do not give KOTRA Hanoi's address, phone, email or hours, so none is listed.",
        "KOTRA Chennai's address, phone, email and hours are not in our sources.",
        "As of 2026-11-28 the help desk found no source saying whether the targets have been met.",
    ],
)
def test_a_sentence_saying_the_sources_do_not_confirm_something_is_found(sentence: str) -> None:
    assert unconfirmed_sentences(f"The office opened in 1962. {sentence} Call 1600-7119.") == [
        sentence
    ]


@pytest.mark.parametrize(
    "text",
    [
        "LA무역관은 1962년에 세워졌습니다. 문의는 1600-7119로 해 주십시오.",
        "The Court held that IEEPA does not give the President power to set tariffs.",
        "Check the directory on kotra.or.kr for the office's address.",
    ],
)
def test_a_text_stating_only_what_it_knows_has_no_such_sentence(text: str) -> None:
    assert unconfirmed_sentences(text) == []


def test_sentences_end_at_a_stop_or_a_line_break_but_not_inside_an_address() -> None:
    text = "주소는 kotra.or.kr에서 확인되지 않았습니다\n업무시간은 오전 9시부터입니다."
    assert unconfirmed_sentences(text) == ["주소는 kotra.or.kr에서 확인되지 않았습니다"]
