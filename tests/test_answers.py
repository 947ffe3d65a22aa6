"""Answers people can act on, shown with the shipped knowledge base."""

from __future__ import annotations

import datetime as dt
import shutil
import uuid
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from helpdesk.analyzer import detect_lang
from helpdesk.answer import DISCLAIMERS, find, mostly_english
from helpdesk.api import create_app
from helpdesk.index import SearchIndex
from helpdesk.kb.models import Lang
from helpdesk.settings import Settings


def ask(client: TestClient, question: str, **extra: object) -> dict[str, Any]:
    response = client.post("/api/ask", json={"question": question, **extra})
    assert response.status_code == 200, response.text
    body: dict[str, Any] = response.json()
    return body


def answer_to(client: TestClient, question: str) -> dict[str, Any]:
    """The answer to ``question``, which must be answered."""
    body = ask(client, question)
    assert body["answered"] is True, body
    answer = body["answer"]
    assert isinstance(answer, dict)
    return answer


def session() -> str:
    return "test-" + uuid.uuid4().hex[:12]


def test_stale_answer_is_flagged_with_a_warning(kb_dir: Path, tmp_path: Path) -> None:
    copy = tmp_path / "kb"
    shutil.copytree(kb_dir, copy)
    path = copy / "tariff" / "steel.en.md"
    path.write_text(path.read_text().replace("as_of: 2026-11-28", "as_of: 2026-01-15"))
    settings = Settings(kb_path=copy, today=dt.date(2026, 11, 28))
    with TestClient(create_app(settings)) as client:
        answer = ask(client, "steel tariff rate")["answer"]
    assert isinstance(answer, dict)
    assert answer["stale"] is True
    assert answer["warning"] == (
        "These facts were last checked on 2026-01-15, 317 days ago. "
        "Confirm they still hold with 무역장벽 119."
    )


def test_fresh_answer_is_not_flagged(shipped_client: TestClient) -> None:
    answer = ask(shipped_client, "What is the US tariff on steel?")["answer"]
    assert isinstance(answer, dict)
    assert answer["stale"] is False and answer["warning"] is None


def test_staleness_limit_is_configurable(kb_dir: Path) -> None:
    settings = Settings(kb_path=kb_dir, today=dt.date(2026, 12, 30), stale_after_days=7)
    with TestClient(create_app(settings)) as client:
        answer = ask(client, "미국 철강 관세율은?")["answer"]
    assert isinstance(answer, dict) and answer["stale"] is True
    assert answer["warning"].startswith(
        "이 자료는 2026-11-28 기준으로 32일 전에 확인한 내용입니다."
    )


@pytest.mark.parametrize(
    ("today", "warned"), [(dt.date(2026, 12, 1), False), (dt.date(2026, 12, 7), True)]
)
def test_an_announced_measure_past_its_start_date_says_to_confirm_it_started(
    today: dt.date, warned: bool
) -> None:
    # The polysilicon note was checked on 2026-11-28 for a tariff announced for 2026-12-04.
    with TestClient(create_app(Settings(today=today))) as client:
        answer = ask(client, "polysilicon section 232 tariff Korea cap")["answer"]
    assert isinstance(answer, dict) and answer["article_id"] == "polysilicon-solar-232"
    assert answer["status"] == "announced" and answer["stale"] is warned
    if warned:
        assert answer["warning"].startswith(
            "This measure was announced to take effect on 2026-12-04; these facts were "
            "checked on 2026-11-28"
        )
    else:
        assert answer["warning"] is None


@pytest.mark.parametrize(
    ("question", "lang"), [("철강 관세 몇 프로예요?", "ko"), ("copper tariff rate", "en")]
)
def test_tariff_answer_carries_status_dates_sources_and_disclaimer(
    shipped_client: TestClient, question: str, lang: Lang
) -> None:
    answer = ask(shipped_client, question)["answer"]
    assert isinstance(answer, dict)
    assert answer["category"] == "tariff"
    assert answer["status"] == "in_force"
    assert answer["effective"] in ("2025-06-04", "2025-08-01")
    assert answer["as_of"] == "2026-11-28"
    assert answer["sources"] and all(s["url"].startswith("https://") for s in answer["sources"])
    assert answer["disclaimer"] == DISCLAIMERS[lang]


def test_support_answer_has_no_tariff_disclaimer(shipped_client: TestClient) -> None:
    answer = ask(shipped_client, "지사화사업 신청 방법")["answer"]
    assert isinstance(answer, dict)
    assert answer["article_id"] == "branch-office-program" and answer["disclaimer"] is None


def test_office_question_lists_both_mexican_offices_as_cards(shipped_client: TestClient) -> None:
    answer = ask(shipped_client, "멕시코 무역관")["answer"]
    assert isinstance(answer, dict)
    cards = answer["offices"]
    assert [c["article_id"] for c in cards] == ["kotra-mexico-city", "kotra-monterrey"]
    monterrey = cards[1]
    assert monterrey["country"] == "MX" and monterrey["city"] == "몬테레이"
    assert monterrey["phone"] is None and monterrey["email"] is None  # no source gives them
    assert monterrey["map_url"].startswith("https://www.openstreetmap.org/search?query=")
    assert monterrey["article_url"] == "/articles/kotra-monterrey?lang=ko"


def test_office_card_shows_the_address_the_knowledge_base_has(shipped_client: TestClient) -> None:
    answer = ask(shipped_client, "KOTRA Atlanta office address")["answer"]
    assert isinstance(answer, dict)
    card = answer["offices"][0]
    assert card["article_id"] == "kotra-atlanta"
    assert "Salesforce Tower" in card["address"]


def test_a_place_with_an_office_gets_its_card(shipped_client: TestClient) -> None:
    answer = ask(shipped_client, "KOTRA office in Dubai")["answer"]
    assert isinstance(answer, dict)
    assert answer["article_id"] == "kotra-dubai"
    assert [c["article_id"] for c in answer["offices"]] == ["kotra-dubai"]


def test_tariff_question_without_a_place_has_no_office_cards(shipped_client: TestClient) -> None:
    answer = ask(shipped_client, "미국 철강 관세율은?")["answer"]
    assert isinstance(answer, dict) and answer["offices"] == []


def test_country_in_the_question_boosts_that_countrys_articles(shipped_client: TestClient) -> None:
    body = ask(shipped_client, "Mexico KOTRA offices", top_k=3)
    assert {r["article_id"] for r in body["results"][:2]} == {
        "kotra-mexico-city",
        "kotra-monterrey",
    }


@pytest.mark.parametrize(
    ("question", "article_id", "code"),
    [
        ("HS 8703 tariff", "autos-parts-232", "8703"),
        ("8708.29 관세", "autos-parts-232", "8708"),
        ("hs 8542 chips duty", "semiconductors-232", "8542"),
        ("HS 9401 furniture", "lumber-furniture-232", "9401"),
        ("854142 solar cells", "polysilicon-solar-232", "854142"),
        ("7208 열연강판 관세", "steel-aluminum-232", "72"),
    ],
)
def test_hs_code_question_ranks_the_tagged_note_first_and_says_which_code(
    shipped_client: TestClient, question: str, article_id: str, code: str
) -> None:
    body = ask(shipped_client, question)
    answer = body["answer"]
    assert isinstance(answer, dict), body
    assert answer["article_id"] == article_id
    assert answer["matched_hs_code"] == code


@pytest.mark.parametrize(
    ("question", "article_ids"),
    [
        ("we make DRAM modules (8473.30). does the 25% chip tariff hit memory?",
         {"semiconductors-232"}),
        ("wire harnesses 8544.30 for cars: do they pay the copper 232 duty?",
         {"copper-232", "autos-parts-232"}),
    ],
)  # fmt: skip
def test_a_chapter_wide_hs_tag_does_not_outrank_the_article_the_words_name(
    shipped_index: SearchIndex, question: str, article_ids: set[str]
) -> None:
    # The steel-derivatives note is tagged with chapters 84 and 85, all machinery and
    # electrical goods; a code in them is no reason to put it above the chip note.
    search, _ = find(shipped_index, question, detect_lang(question))
    assert search.hits[0].passage.article_id in article_ids


@pytest.mark.parametrize(
    ("question", "overview"),
    [
        ("kotra atlanta", "KOTRA Atlanta trade office"),
        ("자카르타무역관", "KOTRA 자카르타무역관 안내"),
    ],
)
def test_a_question_that_only_names_an_article_shows_its_overview(
    shipped_client: TestClient, question: str, overview: str
) -> None:
    # Typed as a bare name, the office's article is shown from its first passage, not
    # from the history or services section whose own words happen to score higher.
    answer = answer_to(shipped_client, question)
    assert str(answer["heading"]).startswith(overview)


@pytest.mark.parametrize(
    ("question", "overview"),
    [
        ("슬로바키아에 코트라 무역관 있나요? 자동차 부품 협력사 찾고 있어요",
         "KOTRA 브라티슬라바무역관 안내"),
        ("카라치에도 무역관 있어요? 파키스탄 섬유 바이어 만나려고", "KOTRA 카라치무역관 안내"),
        ("Is there a KOTRA office in Chennai? we supply auto parts to Hyundai's plant",
         "KOTRA Chennai trade office"),
        ("does kotra have an office in Riyadh? looking for construction buyers",
         "KOTRA Riyadh trade office"),
    ],
)  # fmt: skip
def test_asked_whether_kotra_has_an_office_there_the_answer_shows_the_offices_overview(
    shipped_client: TestClient, question: str, overview: str
) -> None:
    # "Is there an office?" asks for the office as a whole: its article's first passage
    # says where it is and what it covers, where a later one (its services, its history)
    # only shares the question's other words.
    answer = answer_to(shipped_client, question)
    assert str(answer["heading"]).startswith(overview)


@pytest.mark.parametrize(
    ("question", "article_id", "says"),
    [
        ("관세대응 119 오픈 언제였어요", "trade-barrier-119", "2025년 2월 18일"),
        ("애틀랜타무역관 오픈 언제에요", "kotra-atlanta", "2022-03-31"),
        ("is the KCS fasttrack classification review free?", "kcs-tariff-support", "fast-track"),
        ("한미FTA 고친 거 두 나라가 사인한 날짜가 언제예요?", "korus-fta", "2018년 9월 서명"),
        (
            "호치민 출장가는데 무역관 사무실 공짜로 며칠까지 쓸수있어요?",
            "kotra-ho-chi-minh-city",
            "사무공간도 무료로 쓸 수 있습니다",
        ),
    ],
)
def test_a_word_typed_another_way_than_the_articles_write_it_still_finds_the_answer(
    shipped_client: TestClient, question: str, article_id: str, says: str
) -> None:
    # Exporters say 오픈 where the articles write 개소, 개관, 개시 or 출범, 사인 and 고치다
    # for 서명 and 개정, 공짜 for 무료, and type "fasttrack" for "fast track" (the glossary).
    answer = answer_to(shipped_client, question)
    assert answer["article_id"] == article_id
    assert says in str(answer["text"])


@pytest.mark.parametrize(
    "question",
    ["냉연강판 반덤핑 관세", "countervailing duty on Korean cold-rolled coil from POSCO"],
)
def test_a_trade_remedy_question_is_offered_the_article_naming_the_remedy_first(
    shipped_client: TestClient, question: str
) -> None:
    # The Section 232 note lists cold-rolled sheet but says nothing of anti-dumping or
    # countervailing duties: showing its 50% would be a confidently wrong rate.
    body = ask(shipped_client, question)
    offered = [r["article_id"] for r in body["results"]]
    if body["answered"]:
        assert body["answer"]["article_id"] == "us-ad-cvd"
    else:  # "did you mean": the article on the remedy asked about comes first
        assert [a["article_id"] for a in body["fallback"]["articles"]][0] == "us-ad-cvd"
    assert offered[0] == "us-ad-cvd"


def test_a_dump_truck_is_no_anti_dumping_question(shipped_client: TestClient) -> None:
    answer = answer_to(shipped_client, "dump truck tariff to the US")
    assert answer["article_id"] == "trucks-buses-232"


def test_a_question_when_an_office_opened_is_answered_with_the_date(
    shipped_client: TestClient,
) -> None:
    # The article says 문을 열었습니다 where the asker says 개소 (the glossary), and the
    # passage with the date is the one shown.
    answer = answer_to(shipped_client, "다낭무역관 언제 개소했어요?")
    assert answer["article_id"] == "kotra-da-nang"
    assert "2019-01-21" in str(answer["text"])
    assert answer["warning"] is None


def test_a_question_about_goods_made_elsewhere_reaches_the_origin_rules_not_that_country(
    shipped_client: TestClient,
) -> None:
    # "베트남산" says where the fabric was made; the asker wants the US origin rules,
    # not the Ho Chi Minh City office. The article does not name fabric or sewing, so
    # it is offered first rather than shown as the answer.
    body = ask(shipped_client, "베트남산 원단으로 한국에서 봉제하면 원산지 어디에요?")
    offered = body["results"][0]
    assert offered["article_id"] == "origin-transshipment"


@pytest.mark.parametrize(
    ("question", "subject"),
    [
        ("내년 원달러 환율 전망 어때요? 수출 단가 정하려고요", "환율과 환율 전망"),
        ("We sell cosmetics in the US. How long does USPTO trademark registration take?",
         "trademark registration"),
        ("EMS로 보낸 샘플 배송조회 어디서 해요?", "우편·택배 배송조회"),
        ("멕시코로 자동차 부품 보내면 부가세는 몇 %예요?", "부가가치세·판매세(VAT, GST, IVA)"),
        ("Do I need a business visa to visit Saudi Arabia for a trade show?",
         "visas and entry permits"),
        ("요즘 부산-LA 해상운임 얼마 정도 해요?", "해상·항공 운임 시세"),
        ("관세사 수수료 수입신고 건당 보통 얼마 받아요?", "관세사·포워더 수수료"),
        ("미국 경쟁사가 ITC에 특허침해로 우리를 걸면 절차가 어떻게 돼요?",
         "미국 관세법 337조(특허 등 지식재산권 침해) 조사"),
        ("What happens once a US rival files a Section 337 complaint against us at the ITC?",
         "US Section 337 investigations (patent and other IP infringement)"),
        ("무보 단기수출보험 가입하면 보험료는 얼마쯤 나와요?",
         "한국무역보험공사(K-SURE) 보험 상품의 보험료율과 신용조사"),
    ],
)  # fmt: skip
def test_a_question_about_a_subject_no_article_covers_is_handed_over_naming_it(
    shipped_client: TestClient, question: str, subject: str
) -> None:
    # The closest article shares the question's other words (cosmetics, US, EMS); it is
    # offered as "did you mean", not shown as the answer.
    body = ask(shipped_client, question)
    assert body["answered"] is False
    assert body["answer"] is None
    fallback = body["fallback"]
    assert fallback["not_covered"] == subject
    assert subject in str(fallback["message"])
    assert "1600-7119" in str(fallback["contact"])
    assert fallback["articles"]


def test_a_subject_no_article_covers_named_only_as_the_setting_is_not_held_against_the_question(
    shipped_client: TestClient,
) -> None:
    body = ask(
        shipped_client,
        "Our margins are squeezed by the exchange rate. What is the US tariff on Korean steel?",
    )
    # the asking sentence names no such subject: the question is answered
    assert body["answered"] is True
    assert body["fallback"] is None


@pytest.mark.parametrize(
    ("question", "heading", "says"),
    [
        ("상호관세 아직 내고 있어요?", "미국 상호관세(IEEPA", "징수를 중단"),
        ("한미FTA 아직 살아있는거죠? 특혜관세 신청 계속 하나요", "한미 FTA(KORUS)",
         "중단되거나 종료되었다는 자료는 없습니다"),
    ],
)  # fmt: skip
def test_asked_whether_a_measure_still_stands_the_answer_says_whether_it_does(
    shipped_client: TestClient, question: str, heading: str, says: str
) -> None:
    # "아직 내야 돼요?" asks whether the measure stands: the passage saying it ended
    # (or is still in force) answers, not the one on how its rate was worked out or
    # how a preference is claimed, which share more of the question's other words.
    answer = answer_to(shipped_client, question)
    assert str(answer["heading"]).startswith(heading)
    assert says in str(answer["text"])


@pytest.mark.parametrize(
    ("question", "article_id", "rate"),
    [
        ("HS 4407 제재목 미국 수출 관세 몇 %?", "lumber-furniture-232", "10%"),
        ("HS 9401 upholstered chairs Korea US tariff rate", "lumber-furniture-232", "15%"),
        ("HS 8704 트럭 미국 관세 얼마?", "trucks-buses-232", "25%"),
    ],
)
def test_a_rate_asked_with_an_hs_code_is_answered_by_the_passage_giving_the_rate(
    shipped_client: TestClient, question: str, article_id: str, rate: str
) -> None:
    # The code names the product, which finds the article; the passage listing the
    # codes covered holds the code too, but it is the rate that was asked for.
    answer = answer_to(shipped_client, question)
    assert answer["article_id"] == article_id
    assert rate in str(answer["text"])
    assert "covered" not in str(answer["heading"])
    assert "대상" not in str(answer["heading"])


@pytest.mark.parametrize(
    "question", ["스쿨버스 미국 관세 몇 %예요?", "고속버스 미국 수출 232조 관세 몇 프로?"]
)
def test_a_korean_compound_shows_the_passage_that_writes_it_in_parts(
    shipped_client: TestClient, question: str
) -> None:
    # The note lists "버스(HS 8702호, 스쿨버스·시내버스·고속버스 등): 10%", which the
    # analyzer reads as 스쿨 + 버스; asked as one word, the passage giving the bus rate is
    # shown, not the one on the 3.75% assembly offset.
    answer = answer_to(shipped_client, question)
    assert answer["article_id"] == "trucks-buses-232"
    assert "스쿨버스" in str(answer["text"])
    assert "10%" in str(answer["text"])


@pytest.mark.parametrize(
    "question",
    ["미국 철강 관세율은?", "IEEPA refund how to claim", "멕시코 관세 인상", "수출바우처 한도"],
)
def test_follow_ups_are_in_the_askers_language_and_answerable(
    shipped_client: TestClient, question: str
) -> None:
    body = ask(shipped_client, question)
    follow_ups = body["follow_ups"]
    assert isinstance(follow_ups, list) and 2 <= len(follow_ups) <= 4
    for follow_up in follow_ups:
        reply = ask(shipped_client, follow_up["question"])
        assert reply["answered"] is True, follow_up
        assert reply["lang"] == body["lang"]
        assert reply["answer"]["article_id"] == follow_up["article_id"]


def test_short_follow_up_builds_on_the_previous_question(shipped_client: TestClient) -> None:
    sid = session()
    first = ask(shipped_client, "철강 관세 몇 프로?", session_id=sid)
    assert first["answer"]["article_id"] == "steel-aluminum-232"
    second = ask(shipped_client, "그럼 자동차는?", session_id=sid)
    assert second["answered"] is True
    assert second["answer"]["article_id"] == "autos-parts-232"
    assert second["context"] == "철강 관세 몇 프로?"


def test_english_follow_up_about_a_place_resolves_to_offices(shipped_client: TestClient) -> None:
    sid = session()
    ask(shipped_client, "Where is the KOTRA office in Dubai?", session_id=sid)
    reply = ask(shipped_client, "and in Mexico?", session_id=sid)
    answer = reply["answer"]
    assert isinstance(answer, dict)
    assert answer["article_id"] in ("kotra-mexico-city", "kotra-monterrey")
    assert {c["article_id"] for c in answer["offices"]} == {"kotra-mexico-city", "kotra-monterrey"}
    assert reply["context"] == "Where is the KOTRA office in Dubai?"


def test_a_new_topic_does_not_drag_the_old_one_along(shipped_client: TestClient) -> None:
    sid = session()
    ask(shipped_client, "철강 관세 몇 프로?", session_id=sid)
    reply = ask(shipped_client, "지사화사업 신청 방법", session_id=sid)
    assert reply["context"] is None
    assert reply["answer"]["article_id"] == "branch-office-program"
    assert "철강" not in reply["answer"]["text"]


def test_without_a_session_a_follow_up_has_no_context(shipped_client: TestClient) -> None:
    reply = ask(shipped_client, "그럼 자동차는?")
    assert reply["context"] is None


def test_sessions_do_not_share_context(shipped_client: TestClient) -> None:
    ask(shipped_client, "Where is the KOTRA office in Dubai?", session_id=session())
    reply = ask(shipped_client, "and in Mexico?", session_id=session())
    assert reply["context"] is None


def test_fallback_carries_the_contact_closest_articles_and_handoff(
    shipped_client: TestClient,
) -> None:
    body = ask(shipped_client, "주식 배당금 세금")
    assert body["answered"] is False and body["answer"] is None
    fallback = body["fallback"]
    assert isinstance(fallback, dict)
    assert fallback["contact"] == "무역장벽 119 (KOTRA 1600-7119)"
    assert fallback["message"].startswith("이 질문에 자신 있게 답할 자료를 찾지 못했습니다.")
    assert fallback["handoff_available"] is True
    assert 1 <= len(fallback["articles"]) <= 3
    closest = [a["article_id"] for a in fallback["articles"]]
    ranked = list(dict.fromkeys(r["article_id"] for r in body["results"]))
    assert closest[: len(ranked)] == ranked[: len(closest)]  # the best-ranked articles, in order


@pytest.mark.parametrize(
    ("question", "article_id"),
    [
        ("CBAM", "eu-cbam-non-tariff-barriers"),
        ("원산지", "origin-transshipment"),
        ("copper", "copper-232"),
        ("수출바우처", "export-voucher-2026"),
    ],
)
def test_a_single_keyword_the_knowledge_base_holds_is_answered(
    shipped_client: TestClient, question: str, article_id: str
) -> None:
    assert answer_to(shipped_client, question)["article_id"] == article_id


@pytest.mark.parametrize(
    "question",
    [
        "주식 배당금 세금",
        "book a flight to Tokyo",
        "미국주식 양도소득세 신고",
        "노트북 추천좀",
        "KOTRA London trade office phone number",
        "Does the UK charge import duty on Korean cars?",
        "인도 스마트폰 기본관세 몇 프로",
        # another country's customs (세관) is that country's own import regime
        "일본 세관에 품목분류 사전교시 신청하려면 어떻게 해요?",
        # the asking sentence names who levies the duty: Canada, not the US of the context
        "We export steel pipe to Canada as well as the US. Canada added surtaxes on some "
        "steel after the US tariffs. Does Canada charge Korean steel a surtax or quota too, "
        "and how much?",
    ],
)
def test_a_near_miss_sharing_a_word_with_the_knowledge_base_falls_back(
    shipped_client: TestClient, question: str
) -> None:
    body = ask(shipped_client, question)
    assert body["answered"] is False
    assert body["answer"] is None and body["fallback"] is not None


@pytest.mark.parametrize(
    ("question", "lang"),
    [
        ("What is the US antidumping duty rate on my product?", "en"),
        ("미국 반덤핑 관세율 어디서 확인해요", "ko"),
        ("상계관세가 뭐예요", "ko"),
    ],
)
def test_a_us_antidumping_question_is_told_where_its_company_rate_is_published(
    shipped_client: TestClient, question: str, lang: str
) -> None:
    answer = answer_to(shipped_client, question)
    assert (answer["article_id"], answer["lang"]) == ("us-ad-cvd", lang)
    assert answer["disclaimer"] is not None  # a tariff note: verify before you ship


def test_a_long_everyday_question_is_answered(shipped_client: TestClient) -> None:
    question = "냉연강판 미국 수출하는데 Section232 관세 아직도 50%에요??"
    assert answer_to(shipped_client, question)["article_id"] == "steel-aluminum-232"


@pytest.mark.parametrize("question", ["kotra phone number", "open trade office kotra"])
def test_without_a_place_general_articles_come_before_single_offices(
    shipped_client: TestClient, question: str
) -> None:
    assert answer_to(shipped_client, question)["category"] == "support"


@pytest.mark.parametrize(
    "question",
    ["how many overseas offices does kotra have", "How many trade offices does KOTRA have?"],
)
def test_a_question_about_the_whole_office_network_reaches_the_network_article(
    shipped_client: TestClient, question: str
) -> None:
    assert answer_to(shipped_client, question)["article_id"] == "overseas-network"


@pytest.mark.parametrize(
    ("question", "article_id"),
    [
        ("엘에이 코트라 사무실 연락처", "kotra-los-angeles"),
        ("멕시코씨티 코트라 사무실 어디있어요", "kotra-mexico-city"),
        ("호찌민 무역관", "kotra-ho-chi-minh-city"),
    ],
)
def test_an_office_named_by_another_spelling_of_its_city_is_found(
    shipped_client: TestClient, question: str, article_id: str
) -> None:
    answer = answer_to(shipped_client, question)
    assert answer["article_id"] == article_id
    offices = answer["offices"]
    assert isinstance(offices, list) and offices[0]["article_id"] == article_id


@pytest.mark.parametrize(
    ("question", "article_id"),
    [
        (
            "Does KOTRA's 지사화사업 look for buyers for a small firm with no staff abroad?",
            "branch-office-program",
        ),
        (
            "where can we book a free desk in a KOTRA office on a business trip, 공유오피스?",
            "open-trade-offices",
        ),
    ],
)
def test_a_mostly_english_question_with_a_korean_word_is_answered_in_korean(
    shipped_client: TestClient, question: str, article_id: str
) -> None:
    answer = answer_to(shipped_client, question)
    assert answer["article_id"] == article_id
    assert answer["lang"] == "ko"
    assert "?lang=ko" in str(answer["url"])


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("Could KOTRA's 지사화사업 find us buyers?", True),
        ("free desk 공유오피스", True),
        ("Section 232 철강 관세 지금도 50%?", False),
        ("철강 관세", False),
        ("steel tariff", False),
    ],
)
def test_a_korean_question_is_mostly_english_when_latin_words_are_at_least_half(
    question: str, expected: bool
) -> None:
    assert mostly_english(question) is expected


def test_a_support_question_set_in_another_country_is_still_answered(
    shipped_client: TestClient,
) -> None:
    # Mexico is where the asker moved production, not whose duties they ask about.
    question = "We moved some production to Mexico because of US tariffs. What did K-SURE offer?"
    assert answer_to(shipped_client, question)["article_id"] == "ksure-tariff-support"


@pytest.mark.parametrize(
    ("article", "stated", "absent"),
    [
        (
            "kotra-leadership",
            "Who is the KOTRA president?",
            "What is the salary of the KOTRA president?",
        ),
        ("kotra-leadership", "코트라 사장 누구예요?", "코트라 사장 연봉 얼마예요?"),
        # the article never mentions the office's staff or its floor
        ("kotra-los-angeles", "LA무역관은 언제 세워졌어요?", "LA무역관 직원 몇 명이에요?"),
        ("kotra-los-angeles", "LA무역관은 언제 세워졌어요?", "LA무역관 건물 몇 층이에요?"),
    ],
)
def test_a_detail_the_article_does_not_give_is_handed_to_a_consultant(
    shipped_client: TestClient, article: str, stated: str, absent: str
) -> None:
    assert answer_to(shipped_client, stated)["article_id"] == article
    body = ask(shipped_client, absent)
    assert body["answered"] is False
    assert body["fallback"] is not None
    assert body["fallback"]["articles"][0]["article_id"] == article  # did you mean


@pytest.mark.parametrize(
    ("question", "article", "says"),
    [
        ("LA무역관 업무시간 몇시부터 몇시까지에요?", "kotra-los-angeles", "확인되지 않았습니다"),
        ("What are the opening hours of KOTRA Da Nang?", "kotra-da-nang", "do not give"),
    ],
)
def test_a_detail_the_article_says_it_lacks_is_answered_with_that_sentence_and_the_help_desk(
    shipped_client: TestClient, question: str, article: str, says: str
) -> None:
    # The article's own sentence is the honest answer (docs/retrieval-rounds.md, round
    # 16): what was checked, as of when, and who has the detail.
    answer = answer_to(shipped_client, question)
    assert answer["article_id"] == article
    assert says in answer["text"]
    assert "1600-7119" in answer["text"]
    assert "1600-7119" in answer["warning"]  # the hours asked for are not in it


def test_a_compound_the_article_only_holds_in_parts_finds_it(shipped_client: TestClient) -> None:
    # The trucks-and-buses note says "스쿨버스·시내버스", which kiwipiepy splits.
    answer = answer_to(shipped_client, "스쿨버스 미국 수출 관세 얼마예요")
    assert answer["article_id"] == "trucks-buses-232"


@pytest.mark.parametrize(
    ("question", "article_id"),
    [
        ("postal address of KOTRA head office for sending documents", "contact-kotra"),
        ("미국 수출하는 소기업인데 관세 무료로 물어볼 데 있나요", "trade-barrier-119"),
    ],
)
def test_the_article_whose_title_or_alias_says_the_question_comes_first(
    shipped_client: TestClient, question: str, article_id: str
) -> None:
    assert answer_to(shipped_client, question)["article_id"] == article_id


@pytest.mark.parametrize("question", ["122조 서차지 언제 끝났어요?", "서차지 10% 환급 되나요"])
def test_the_word_exporters_use_for_the_section_122_surcharge_is_answered_from_its_note(
    shipped_client: TestClient, question: str
) -> None:
    # The note says 수입과징금; exporters say 서차지 (the glossary pairs them).
    assert answer_to(shipped_client, question)["article_id"] == "section-122-surcharge"


@pytest.mark.parametrize(
    ("question", "article_id"),
    [
        (
            "We sell cosmetics to a distributor in Los Angeles. Does the 12.5% forced-labor "
            "tariff apply to our sheet masks?",
            "section-301-forced-labor",
        ),
        ("KOTRA Los Angeles phone number", "kotra-los-angeles"),
        ("LA 무역관 주소", "kotra-los-angeles"),
    ],
)
def test_a_city_lifts_its_office_only_when_the_question_asks_about_an_office_or_kotra(
    shipped_index: SearchIndex, question: str, article_id: str
) -> None:
    search, _ = find(shipped_index, question, detect_lang(question))
    assert search.hits[0].passage.article_id == article_id


@pytest.mark.parametrize(
    ("question", "lang", "heading"),
    [
        ("what is a customs bond and who needs one", "en", "customs bond"),
        ("ISF 신고 기한 언제까지예요", "ko", "ISF"),
        ("merchandise processing fee rate on US imports", "en", "MPF"),
        ("원산지 표시 안 하면 벌금 있나요", "ko", "표시를 안 하면"),
    ],
)
def test_us_import_paperwork_is_answered_from_the_entry_basics_article(
    shipped_client: TestClient, question: str, lang: str, heading: str
) -> None:
    answer = answer_to(shipped_client, question)
    assert (answer["article_id"], answer["lang"]) == ("us-import-entry-basics", lang)
    assert heading in answer["heading"]


@pytest.mark.parametrize(
    ("question", "article", "value"),
    [
        ("태양광 201조 세이프가드 첫해 모듈 관세 몇프로였어요", "section-201-safeguards", "30%"),
        (
            "how many days can I use the free desk at a KOTRA office abroad?",
            "open-trade-offices",
            "5 working days",
        ),
    ],
)
def test_a_question_asking_for_a_value_is_shown_the_passage_that_gives_it(
    shipped_client: TestClient, question: str, article: str, value: str
) -> None:
    # Each article's other passages (the measure's overview, the scheme's lead) match
    # the question's words better and hold no such value.
    answer = answer_to(shipped_client, question)
    assert answer["article_id"] == article
    assert value in str(answer["text"])


@pytest.mark.parametrize(
    ("question", "article", "text"),
    [
        (
            "관세청 미국 품목분류 상담센터 대표 전화번호가 뭐예요?",
            "kcs-tariff-support",
            "042-714-7538",
        ),
        (
            "What number do I call at the KCS US classification help center?",
            "kcs-tariff-support",
            "042-714-7538",
        ),
    ],
)
def test_the_answer_shows_the_passage_that_says_it_not_the_lead_that_names_the_article(
    shipped_client: TestClient, question: str, article: str, text: str
) -> None:
    # The lead passage is searched with the article's summary and aliases, so it ranks
    # first; the answer shows the passage whose own words hold the question.
    body = ask(shipped_client, question)
    answer = body["answer"]
    assert answer["article_id"] == article
    assert text in str(answer["text"])
    assert text not in str(body["results"][0]["text"])


@pytest.mark.parametrize(
    "question", ["인니 자카르타 코트라 사무소 개설연도", "when did kotra open its jakarta office"]
)
def test_asked_when_an_office_opened_the_answer_shows_its_history(
    shipped_client: TestClient, question: str
) -> None:
    answer = answer_to(shipped_client, question)
    assert answer["article_id"] == "kotra-jakarta"
    assert "1964" in str(answer["text"])


@pytest.mark.parametrize(
    ("question", "article_id"),
    [
        # exporters name what they make; the articles name its category
        ("sedan export to US tariff rate", "autos-parts-232"),
        ("세단 미국 수출 관세 몇 프로", "autos-parts-232"),
        ("브레이크 패드 미국 수출 관세 몇 %", "autos-parts-232"),
    ],
)
def test_a_product_named_as_its_maker_names_it_finds_its_categorys_article(
    shipped_client: TestClient, question: str, article_id: str
) -> None:
    assert answer_to(shipped_client, question)["article_id"] == article_id


@pytest.mark.parametrize("question", ["cosmetics US tariff rate", "serum US tariff rate"])
def test_a_cosmetics_tariff_question_is_answered_by_the_note_with_the_rate(
    shipped_client: TestClient, question: str
) -> None:
    assert answer_to(shipped_client, question)["article_id"] == "section-301-forced-labor"


def test_a_cosmetics_tariff_question_is_never_answered_with_the_fda_note(
    shipped_client: TestClient,
) -> None:
    # The FDA note gives no rate: better to hand over than to answer with it.
    body = ask(shipped_client, "요즘 미국으로 기초화장품 보내면 관세 몇 %?")
    answer = body["answer"]
    assert answer is None or answer["article_id"] != "us-fda-food-cosmetics"


@pytest.mark.parametrize(
    ("question", "warning"),
    [
        ("HS 7208 열연강판 관세 몇 프로", "문의하신 비율 정보는 이 단락에 나와 있지 않습니다"),
        ("HS 7208 hot-rolled steel tariff how many percent", "does not give the rate you asked"),
    ],
)
def test_an_answer_without_the_kind_of_value_asked_for_says_so_and_who_has_it(
    shipped_client: TestClient, question: str, warning: str
) -> None:
    answer = answer_to(shipped_client, question)
    assert answer["stale"] is False
    assert warning in str(answer["warning"])
    assert "1600-7119" in str(answer["warning"])


@pytest.mark.parametrize(
    "question", ["철강 관세 몇 프로", "steel tariff rate", "코트라 사장 누구예요?"]
)
def test_an_answer_holding_the_kind_of_value_asked_for_has_no_warning(
    shipped_client: TestClient, question: str
) -> None:
    assert answer_to(shipped_client, question)["warning"] is None


def test_how_many_us_trade_remedies_korea_faces_is_answered_with_the_count(
    shipped_client: TestClient,
) -> None:
    answer = answer_to(shipped_client, "미국이 한국산에 건 반덤핑 상계관세 조치 몇 건이에요?")
    assert answer["article_id"] == "us-ad-cvd"
    assert "52건" in str(answer["text"])


@pytest.mark.parametrize(
    "question", ["화장품 관세 몇 프로", "세럼 미국 관세", "식품 미국 관세", "cosmetics tariff US"]
)
def test_a_duty_question_on_food_or_cosmetics_gets_the_note_with_the_rate(
    shipped_client: TestClient, question: str
) -> None:
    # The FDA note names food and cosmetics far more often, but gives no duty.
    assert answer_to(shipped_client, question)["article_id"] == "section-301-forced-labor"
