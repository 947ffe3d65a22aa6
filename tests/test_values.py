from __future__ import annotations

import pytest

from helpdesk.values import answers, asked_kinds, asks_status, held_kinds, holds_status


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        ("철강관세 지금 몇프로임?", "percent"),
        ("반덤핑 관세율은 얼마인가요", "percent"),
        ("지사화사업 참가비 얼마예요?", "money"),
        ("FDA 사전통지 할때 건당 내는 수수료 있어요?", "money"),
        ("캔톤페어 한국관 참가비 내야 돼요?", "money"),
        ("애틀랜타무역관 직원은 몇 명이에요?", "people"),
        ("사전심사 결과 나오는데 며칠 걸려요?", "duration"),
        ("무역장벽119 상담 몇 건 했어요?", "count"),
        ("LA무역관 업무시간 몇시부터에요?", "time"),
        ("LA무역관 주소 알려주세요", "address"),
        ("바쿠무역관 지금 관장님 성함 알 수 있을까요", "person"),
        ("who's in charge of kotra's logistics support group?", "person"),
        ("who is the current head of KOTRA Shenzhen?", "person"),
        ("What percentage is the auto parts tariff?", "percent"),
        ("what's the steel tariff rate", "percent"),
        ("How much does a booth at Vietnam Expo cost?", "money"),
        ("what does a US customs broker typically charge to file a single entry?", "money"),
        ("How long does CBP take to issue an importer number?", "duration"),
        ("how many entries did CBP accept in CAPE?", "count"),
        ("how many people work at KOTRA Atlanta?", "people"),
        ("What are the opening hours of KOTRA Da Nang?", "time"),
        ("KOTRA head office postal address", "address"),
        ("What number do I call at the KCS US classification help center?", "phone"),
        ("is there a number we can call at korea customs for help?", "phone"),
        ("What year did KOTRA open its Lima office?", "opened"),
        ("kotra cairo office - when was it set up?", "opened"),
        ("다낭무역관 언제 개소했어요?", "opened"),
        ("LA무역관 설립연도가 몇년이에요?", "opened"),
    ],
)
def test_a_question_asking_for_a_value_names_its_kind(question: str, kind: str) -> None:
    assert kind in asked_kinds(question)


@pytest.mark.parametrize(
    "question",
    [
        "관세대응바우처 신청방법",
        "무역투자24 사이트 주소",  # a website's address is not a street address
        "How long has KOTRA been in Jakarta?",  # a date, which nearly every passage holds
        "We make silicone phone cases in Gumi. Does KORUS apply?",
        "Section 232 steel tariff",
        "when is the Da Nang office open on Saturdays?",  # hours, not an opening date
        "아마다바드 무역관 개설 계획은 언제 발표됐어요?",  # when a plan was announced
    ],
)
def test_a_question_asking_for_no_value_names_none(question: str) -> None:
    assert asked_kinds(question) == frozenset()


def test_who_is_in_charge_asks_for_a_person_not_a_price() -> None:
    assert asked_kinds("who's in charge of kotra's logistics support group?") == {"person"}
    assert asked_kinds("is the LA office in charge of Nevada too?") == frozenset()


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("232조 관세 50%가 부과됩니다.", "percent"),
        ("Steel pays a 50 percent tariff.", "percent"),
        ("2026년 수출바우처 예산은 총 899억 원입니다.", "money"),
        ("The fee is $5,000 a year.", "money"),
        ("개소식에는 약 120명이 참석했습니다.", "people"),
        ("within 15 calendar days of arrival", "duration"),
        ("결과는 30일 안에 나옵니다.", "duration"),
        ("상담 건수는 출범 두 달 만에 3,022건이었습니다.", "count"),
        ("Korea had a quota of 2.63 million tons a year.", "count"),
        ("대표번호 1600-7119", "phone"),
        ("업무시간은 오전 9시부터입니다.", "time"),
        ("서울 서초구 헌릉로 13", "address"),
        ("개소식에는 200여 명이 참석했습니다.", "people"),
        ("강경성 사장은 2024-11-11 취임했습니다.", "person"),
        ("KOTRA president Kang Kyung-sung", "person"),
        ("3333 Wilshire Blvd, Suite 500", "address"),
        ("the opening conference drew 137 Korean and US business people", "people"),
        ("about 300 Korean firms operate around Monterrey", "count"),
        ("500+ Korean firms", "count"),
        ("하노이·호치민에 이어 2019-01-21 베트남 세 번째 무역관으로 문을 열었습니다", "opened"),
        ("KOTRA opened its Surabaya office in 2016.", "opened"),
        ("LA무역관은 1962년에 설립되었습니다.", "opened"),
        # says it does not know, which is the honest answer to "when did it open?"
        ("정확한 개관일은 저희 자료로 확인되지 않습니다.", "opened"),
        ("The exact opening date is not confirmed in our sources.", "opened"),
        ("the 16 economies under investigation", "count"),
    ],
)
def test_a_text_holding_a_value_holds_its_kind(text: str, kind: str) -> None:
    assert kind in held_kinds(text)


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("as of 2026-11-28", "phone"),  # a date is not a phone number
        ("232조 철강 관세", "money"),  # 232조 is a section, not 232 trillion
        ("열연강판(HS 7208~7212호)", "address"),  # a heading number, not a room
        ("저희 자료에는 주소가 나와 있지 않습니다.", "address"),  # names an address, holds none
        ("HS 72·73류의 철강 제품과 파생상품", "percent"),
        ("코트라 사장은 산업부 장관이 임명합니다.", "person"),  # titles, no name
        ("무역관장은 확인되지 않았습니다.", "person"),
        ("the office was KOTRA's fifth in the region", "people"),  # a count, not of people
        ("a province of about 37 million people", "people"),  # a population, not a head count
        ("in 2026 business people asked for desks", "people"),  # a year
        ("in 2025 Korean firms paid more", "count"),  # a year, not a number of firms
        ("as of 2026-11-28 the open trade offices lend desks", "opened"),  # a scheme's name
        ("KOTRA opened the office. It grew fast in 2020.", "opened"),  # another sentence
    ],
)
def test_a_text_without_such_a_value_does_not_hold_its_kind(text: str, kind: str) -> None:
    assert kind not in held_kinds(text)


def test_an_amount_question_is_answered_by_a_rate_and_a_count_by_people() -> None:
    assert answers(frozenset({"money"}), frozenset({"percent"}))  # "관세 얼마예요?" -> 25%
    assert answers(frozenset({"count"}), frozenset({"people"}))
    assert not answers(frozenset({"percent"}), frozenset({"money", "duration"}))
    assert answers(frozenset(), frozenset())  # nothing asked, nothing lacking


@pytest.mark.parametrize(
    ("question", "asks"),
    [
        ("상호관세 15% 아직도 내야 하나요?", True),
        ("한미FTA 폐기된 거 아니죠?", True),
        ("is the section 122 surcharge still being charged?", True),
        ("is the reciprocal tariff still in force?", True),
        ("상호관세 15% 계산 방식", False),
        ("we still use chinese parts, what is the duty?", False),
    ],
)
def test_a_question_whether_a_measure_still_stands_is_told_apart(question: str, asks: bool) -> None:
    assert asks_status(question) is asks


@pytest.mark.parametrize(
    ("text", "holds"),
    [
        ("CBP는 2026-02-24부터 상호관세 징수를 중단했습니다.", True),
        ("The Supreme Court struck down the IEEPA tariffs.", True),
        ("KORUS remains in force.", True),
        ("상호관세 15%는 MFN 세율과 15% 중 높은 쪽을 적용하는 방식입니다.", False),
    ],
)
def test_a_passage_saying_whether_a_measure_stands_is_told_apart(text: str, holds: bool) -> None:
    assert holds_status(text) is holds
