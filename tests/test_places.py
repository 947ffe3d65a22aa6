"""Places: the countries and office cities a question names, on the shipped knowledge base."""

from __future__ import annotations

import pytest

from helpdesk.index import SearchIndex
from helpdesk.kb.models import Lang


@pytest.mark.parametrize(
    ("question", "countries"),
    [
        ("멕시코 관세", ["MX"]),
        ("KOTRA London trade office phone number", ["GB"]),  # a city with no office
        ("시드니 무역관 있나요", ["AU"]),
        ("EU CBAM 대응", ["EU"]),
        ("조지아 트빌리시 무역관", ["GE"]),
        ("address of the korea trade office in atlanta georgia usa", ["US"]),  # the state
        ("KOTRA Atlanta office, Georgia", []),
        ("슬로바키아에 코트라 무역관 있어요?", ["SK"]),  # not 슬로바키아에
        ("which indian cities have a kotra trade office", ["IN"]),
        ("What duty do Japanese customs charge on Korean cosmetics?", ["JP"]),
        # where goods are made is not a place the asker wants measures or offices of
        ("베트남산 원단으로 한국에서 봉제하면 원산지 어디에요?", []),
        ("We repackage Vietnam-made goods in Busan. Are they Korean for US customs?", ["US"]),
        ("a Chinese-made motor goes into our pumps; what is the 232 rate?", []),
        ("베트남산 원단 쓰는데 베트남 무역관 연락처 알려주세요", ["VN"]),  # and the office
        ("중국산업 동향 자료 어디 있어요?", ["CN"]),  # 산업, industry, is no origin
    ],
)
def test_a_question_names_the_countries_of_its_places(
    shipped_index: SearchIndex, question: str, countries: list[str]
) -> None:
    lang: Lang = "ko" if any("\uac00" <= c <= "\ud7a3" for c in question) else "en"
    assert shipped_index.search(question, lang).countries == countries


@pytest.mark.parametrize(
    ("question", "kept", "not_guessed"),
    [
        ("We make transformers in Cheongju. Which 232 tier applies?", "cheongju", "chengdu"),
        ("our plant in Jinju ships auto parts to Alabama", "jinju", "injuri"),
        ("bathroom vanities from a factory near Gimpo", "gimpo", "impos"),
    ],
)
def test_a_korean_city_the_asker_names_is_kept_not_corrected_into_another_word(
    shipped_index: SearchIndex, question: str, kept: str, not_guessed: str
) -> None:
    tokens = shipped_index.search(question, "en").tokens
    assert kept in tokens and not_guessed not in tokens
