from __future__ import annotations

from helpdesk.analyzer import default_analyzer
from helpdesk.glossary import Glossary, term_problems
from helpdesk.index import SearchIndex

ENTRIES = [
    ("상호관세", "reciprocal tariff"),
    ("232조", "section 232", "s.232"),
    ("소액면세", "de minimis"),
    ("무역관", "trade office", "kbc"),
]


def glossary() -> Glossary:
    return Glossary(ENTRIES, default_analyzer())


def test_korean_term_expands_to_english_tokens() -> None:
    a = default_analyzer()
    assert glossary().expand(a.analyze("상호관세 환급 되나요?")) == ["reciproc", "tariff"]


def test_english_term_expands_to_korean_tokens() -> None:
    a = default_analyzer()
    assert glossary().expand(a.analyze("de minimis for parcels")) == ["소액", "면세"]


def test_spacing_and_particles_do_not_stop_a_match() -> None:
    a = default_analyzer()
    assert glossary().expand(a.analyze("무역관에 문의")) == ["trade", "offic", "kbc"]


def test_tokens_already_in_the_query_are_not_added_again() -> None:
    a = default_analyzer()
    assert glossary().expand(a.analyze("KBC trade office")) == ["무역관"]


def test_unrelated_query_is_not_expanded() -> None:
    a = default_analyzer()
    assert glossary().expand(a.analyze("copper tariff")) == []


def test_entries_whose_terms_analyze_alike_are_dropped() -> None:
    # "232조", "Section 232" and "s.232" all become the token "sec232": nothing to expand.
    assert len(Glossary([("232조", "Section 232", "s.232")], default_analyzer())) == 0
    assert len(glossary()) == 3


def test_equivalents_pair_the_typed_term_with_the_other_terms() -> None:
    a = default_analyzer()
    found = glossary().equivalents(a.analyze("무역관 주소"))
    assert found == [
        (frozenset(a.analyze("무역관")), [frozenset(a.analyze("trade office")), frozenset({"kbc"})])
    ]
    assert glossary().equivalents(a.analyze("날씨")) == []


def test_a_term_no_article_uses_is_respelled_as_one_they_do() -> None:
    a = default_analyzer()
    g = glossary()
    indexed = frozenset(a.analyze("무역관 관세"))
    assert g.respell("kbc", indexed) == ["무역관"]
    assert g.respell("날씨", indexed) is None
    assert g.respell("kbc", frozenset()) is None  # no other term is indexed either


PRODUCTS = [(("세럼", "serum", "sedan"), ("화장품", "cosmetics"))]


def test_a_product_expands_to_its_category_and_not_the_reverse() -> None:
    a = default_analyzer()
    with_products = Glossary(ENTRIES, a, PRODUCTS)
    assert with_products.expand(a.analyze("세럼 관세")) == ["화장품", "cosmet"]
    assert with_products.expand(a.analyze("화장품 관세")) == []


def test_a_passage_naming_the_category_holds_the_product_asked_about() -> None:
    a = default_analyzer()
    with_products = Glossary(ENTRIES, a, PRODUCTS)
    assert with_products.equivalents(a.analyze("serum duty")) == [
        (frozenset({"serum"}), [frozenset({"화장품"}), frozenset({"cosmet"})])
    ]


def test_a_product_no_article_names_is_searched_as_its_category() -> None:
    a = default_analyzer()
    with_products = Glossary(ENTRIES, a, PRODUCTS)
    assert with_products.respell("serum", frozenset({"cosmet", "tariff"})) == ["cosmet"]
    assert with_products.respell("cosmet", frozenset({"serum"})) is None


def test_a_term_the_analyzer_reads_as_no_word_is_reported() -> None:
    problems = term_problems([("미국", "us", "u.s.")], default_analyzer())
    assert problems == ["'u.s.' (entry '미국') reads as no word: it never matches"]


def test_a_term_that_reads_as_another_entrys_term_is_reported() -> None:
    # kiwipiepy drops the suffix of 한국산, so it would join "made in Korea" to 한국
    entries = [("한국산", "made in korea"), ("한국", "korea")]
    problems = term_problems(entries, default_analyzer())
    assert any(p.startswith("'한국산' (entry '한국산') reads as '한국'") for p in problems)
    assert all("made in korea" not in p and "'korea'" not in p for p in problems)


def test_a_glossary_whose_terms_all_read_apart_has_no_problems() -> None:
    assert term_problems(ENTRIES, default_analyzer()) == []


def test_the_shipped_glossary_reads_as_written(shipped_index: SearchIndex) -> None:
    # the index's analyzer has been taught the knowledge base's place names
    glossary = shipped_index.kb.glossary
    assert term_problems(glossary, shipped_index.analyzer) == []


def test_a_korean_term_the_analyzer_cuts_elsewhere_in_a_question_still_matches() -> None:
    # alone, 메이드인코리아 reads as 메이드, 인, 코리아; in a question kiwipiepy may
    # read 메이드, 인코리아: the same letters, cut elsewhere
    a = default_analyzer()
    g = Glossary([("메이드인코리아", "made in korea")], a)
    assert a.analyze("메이드인코리아") == ["메이드", "인", "코리아"]
    assert g.expand(["베트남", "메이드", "인코리아", "수출"])[-2:] == ["made", "korea"]
    assert g.expand(["메이드인코리아"])[-2:] == ["made", "korea"]
    # the letters must start and end on the question's own cuts
    assert g.expand(["메이드", "인코리아어"]) == []
