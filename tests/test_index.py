from __future__ import annotations

import math
import shutil
from pathlib import Path

import pytest
from rank_bm25 import BM25Okapi

from helpdesk.analyzer import default_analyzer
from helpdesk.errors import KnowledgeBaseInvalid
from helpdesk.index import IndexHolder, SearchIndex, passage_fields
from helpdesk.kb import load_knowledge_base


@pytest.fixture
def index(kb_dir: Path) -> SearchIndex:
    return SearchIndex(load_knowledge_base(kb_dir), default_analyzer())


def test_bm25_score_matches_the_formula_computed_by_hand() -> None:
    corpus = [["steel", "tariff"], ["steel", "steel", "quota"], ["auto", "tariff", "rate", "korea"]]
    bm25 = BM25Okapi(corpus, k1=1.5, b=0.75)
    # idf(quota) = ln((N - n + 0.5) / (n + 0.5)) = ln(2.5 / 1.5);
    # doc 2 has tf 1 and |d| = avgdl = 3,
    # so tf * (k1 + 1) / (tf + k1 * (1 - b + b * |d| / avgdl)) = 2.5 / 2.5 = 1.
    expected = math.log(2.5 / 1.5)
    assert bm25.get_scores(["quota"])[1] == pytest.approx(expected)
    assert round(float(bm25.get_scores(["quota"])[1]), 6) == 0.510826


def test_index_scores_are_rank_bm25_scores_over_analyzed_passages(index: SearchIndex) -> None:
    kb = index.kb
    analyzer = default_analyzer()
    passages = [p for a in kb if a.meta.lang == "en" for p in a.passages]
    reference = BM25Okapi(
        [analyzer.analyze(passage_fields(kb.get(p.article_id, "en"), p)) for p in passages]  # type: ignore[arg-type]
    )
    tokens = analyzer.analyze("steel tariff")
    expected = sorted(reference.get_scores(tokens), reverse=True)[0]
    hits = index.search_lang(tokens, "en")
    assert hits[0].score == pytest.approx(expected)


@pytest.mark.parametrize(
    ("question", "lang", "article_id"),
    [
        ("steel tariff rate", "en", "steel"),
        ("how much is the duty on Korean cars", "en", "autos"),
        ("who can help with tariffs? phone number", "en", "help-desk"),
        ("Monterrey office", "en", "kotra-monterrey"),
        ("미국 철강 관세율은?", "ko", "steel"),
        ("자동차 부품 관세", "ko", "autos"),
    ],
)
def test_search_ranks_the_right_article_first(
    index: SearchIndex, question: str, lang: str, article_id: str
) -> None:
    hits = index.search(question, lang).hits  # type: ignore[arg-type]
    assert hits[0].passage.article_id == article_id
    assert hits[0].passage.lang == lang


def test_search_falls_back_to_the_other_language_when_only_it_matches(index: SearchIndex) -> None:
    hits = index.search("Monterrey", "ko").hits
    assert hits[0].passage.article_id == "kotra-monterrey"
    assert hits[0].passage.lang == "en"


def test_filters_restrict_category_and_country(index: SearchIndex) -> None:
    hits = index.search("tariff", "en", category="support").hits
    assert {h.passage.article_id for h in hits} == {"help-desk"}
    hits = index.search("office tariff", "en", country="MX").hits
    assert {h.passage.article_id for h in hits} == {"kotra-monterrey"}


def test_coverage_weighs_query_tokens_by_idf_and_unknown_words_most(index: SearchIndex) -> None:
    hits = index.search("steel tariff", "en").hits
    assert hits[0].coverage == 1.0
    hits = index.search("steel zebra", "en").hits
    lang_index = index._by_lang["en"]
    steel, zebra = lang_index.idf("steel"), lang_index.idf("zebra")
    assert zebra == lang_index.unseen_idf > steel
    assert hits[0].coverage == pytest.approx(steel / (steel + zebra))


def test_reload_swaps_in_a_new_index_and_keeps_the_old_one_on_failure(
    kb_dir: Path, tmp_path: Path
) -> None:
    copy = tmp_path / "kb"
    shutil.copytree(kb_dir, copy)
    holder = IndexHolder(lambda: SearchIndex(load_knowledge_base(copy), default_analyzer()))
    first = holder.index
    (copy / "support" / "help-desk.en.md").unlink()
    second = holder.reload()
    assert holder.index is second is not first
    assert len(second.kb) == len(first.kb) - 1
    (copy / "tariff" / "steel.en.md").write_text("no front matter")
    with pytest.raises(KnowledgeBaseInvalid):
        holder.reload()
    assert holder.index is second


def test_english_typos_are_corrected_to_a_known_word() -> None:
    from helpdesk.index import correct_spelling

    vocabulary = ["tariff", "shenzhen", "aluminum", "steel"]
    assert correct_spelling("tarrif", vocabulary) == "tariff"
    assert correct_spelling("shenzen", vocabulary) == "shenzhen"
    assert correct_spelling("lounge", vocabulary) == "lounge"
    assert correct_spelling("stel", vocabulary) == "stel"  # too short to guess


def test_korean_typo_one_syllable_off_a_single_known_word_is_corrected() -> None:
    from helpdesk.index import correct_hangul

    shapes: dict[tuple[int, int, str], list[str]] = {}
    for word in ["철강", "관세", "관계", "무역관"]:
        for i in range(len(word)):
            shapes.setdefault((len(word), i, word[:i] + "_" + word[i + 1 :]), []).append(word)
    df = {"철강": 40, "관세": 300, "관계": 200, "무역관": 90}
    assert correct_hangul("철광", shapes, df) == "철강"
    assert correct_hangul("무역곤", shapes, df) == "무역관"
    assert correct_hangul("관게", shapes, df) == "관게"  # 관세 and 관계 are both common
    assert correct_hangul("관제", shapes, df) == "관세"  # 관계 is two letters off (ㅈ,ㅔ / ㄱ,ㅖ)
    assert correct_hangul("철북", shapes, df) == "철북"  # 북 and 강 differ in every letter
    assert correct_hangul("팔찌", shapes, df) == "팔찌"


def test_spelling_ties_go_to_the_word_more_passages_use() -> None:
    from helpdesk.index import correct_spelling

    vocabulary = ["tarif", "tariff"]  # "tarif" is Snowball's stem of the rare "tariffed"
    assert correct_spelling("tarrif", vocabulary) == "tarif"
    assert correct_spelling("tarrif", vocabulary, df={"tarif": 2, "tariff": 300}) == "tariff"


def test_long_unknown_korean_compound_splits_into_known_words() -> None:
    from helpdesk.index import split_hangul

    known = frozenset({"관세", "대응", "바우처", "수출"})
    shapes: dict[tuple[int, int, str], list[str]] = {}
    for word in known:
        for i in range(len(word)):
            shapes.setdefault((len(word), i, word[:i] + "_" + word[i + 1 :]), []).append(word)
    df = {"관세": 300, "대응": 50, "바우처": 40, "수출": 200}
    assert split_hangul("관세대응바우처", known, shapes, df) == ["관세", "대응", "바우처"]
    assert split_hangul("관세대응바우쳐", known, shapes, df) == ["관세", "대응", "바우처"]
    assert split_hangul("김치찌개맛집", known, shapes, df) is None
    assert split_hangul("관세", known, shapes, df) is None  # too short to be a compound


def test_glossary_synonym_in_the_passage_counts_as_covered(kb_dir: Path, tmp_path: Path) -> None:
    kb = tmp_path / "kb"
    shutil.copytree(kb_dir, kb)
    (kb / "glossary.yaml").write_text("- [알루미늄, aluminum, aluminium]\n", encoding="utf-8")
    index = SearchIndex(load_knowledge_base(kb), default_analyzer())
    british = index.search("aluminium tariff", "en")
    american = index.search("aluminum tariff", "en")
    assert british.hits[0].passage.article_id == american.hits[0].passage.article_id
    assert british.hits[0].coverage == pytest.approx(american.hits[0].coverage)
    assert british.hits[0].coverage == 1.0


def test_a_compound_with_one_unknown_modifier_splits_off_its_known_head() -> None:
    from helpdesk.index import split_hangul

    known = frozenset({"트럭", "강판"})
    shapes: dict[tuple[int, int, str], list[str]] = {}
    assert split_hangul("덤프트럭", known, shapes, {}) == ["덤프", "트럭"]
    assert split_hangul("덤프덤프", known, shapes, {}) is None  # nothing known in it
