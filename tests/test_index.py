from __future__ import annotations

import math
import shutil
from pathlib import Path

import numpy as np
import pytest
from rank_bm25 import BM25Okapi

import helpdesk.index as index_module
from helpdesk.analyzer import default_analyzer
from helpdesk.errors import KnowledgeBaseInvalid
from helpdesk.index import ENDED_FACTOR, IndexHolder, SearchIndex
from helpdesk.kb import load_knowledge_base
from helpdesk.lang_index import asked_words, passage_fields


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
    indexed = [analyzer.analyze(passage_fields(kb.get(p.article_id, "en"), p)) for p in passages]  # type: ignore[arg-type]
    asked = [[t for q in p.questions for t in analyzer.analyze(q)] for p in passages]
    reference = BM25Okapi([i + asked_words(a, i) for i, a in zip(indexed, asked, strict=True)])
    tokens = analyzer.analyze("steel tariff")
    expected = sorted(reference.get_scores(tokens), reverse=True)[0]
    hits = index.search_lang(tokens, "en")
    assert hits[0].score == pytest.approx(expected)


@pytest.mark.parametrize(
    "tokens",
    [
        ["steel", "tariff"],
        ["tariff", "steel", "tariff"],  # a repeated word counts twice, as in rank_bm25
        ["steel", "zzzunknown"],
        [],
    ],
)
def test_the_index_kept_term_scores_add_up_to_rank_bm25_scores_exactly(
    index: SearchIndex, tokens: list[str]
) -> None:
    lang_index = index._by_lang["en"]
    expected = lang_index.bm25.get_scores(tokens)
    first = lang_index.scores(tokens)
    first += 1.0  # a caller adding boosts to its copy changes no later question's scores
    assert np.array_equal(lang_index.scores(tokens), expected)


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


def test_translated_hits_show_the_same_place_of_the_other_language_version(
    index: SearchIndex,
) -> None:
    found = index.search("steel tariff rate", "en")
    shown = index.translated(found, "ko")
    assert shown.hits[0].passage.lang == "ko"
    for before, after in zip(found.hits, shown.hits, strict=True):
        korean = index.kb.get(before.passage.article_id, "ko")
        placed = korean is not None and before.passage.position < len(korean.passages)
        assert after.passage.lang == ("ko" if placed else "en")  # no such place: kept
        assert after.passage.article_id == before.passage.article_id
        assert after.passage.position == before.passage.position
        assert (after.score, after.coverage) == (before.score, before.coverage)


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


def test_a_hit_reports_how_much_of_the_question_one_title_alias_or_heading_holds(
    index: SearchIndex,
) -> None:
    stated = index.search("how much is the US steel duty", "en").hits[0]
    assert stated.passage.article_id == "steel"
    assert stated.line_coverage == pytest.approx(1.0)
    scattered = index.search("importer pays steel duty at entry", "en").hits[0]
    assert scattered.coverage == pytest.approx(1.0)  # the passage holds every word...
    assert scattered.line_coverage < 0.6  # ...but no single line of the article says it


def test_specific_coverage_weighs_words_by_how_rare_they_are_in_everyday_text(
    index: SearchIndex,
) -> None:
    hit = index.search("steel zebra", "en").hits[0]
    weigh = index.specificity
    steel, zebra = weigh("steel"), weigh("zebra")
    assert steel < zebra  # "zebra" is rarer in everyday English than "steel"
    assert hit.specific_coverage == pytest.approx(steel / (steel + zebra))
    assert hit.specific_missed == pytest.approx(zebra)


def test_a_question_whose_specific_word_no_passage_holds_misses_its_full_weight(
    index: SearchIndex,
) -> None:
    hit = index.search("steel duty for posco", "en").hits[0]
    held = index.specificity("steel") + index.specificity("duti")
    posco = index.specificity("posco")  # in no passage, and rare in everyday English
    assert posco > held / 2
    assert hit.specific_missed == pytest.approx(posco)
    assert hit.specific_coverage == pytest.approx(held / (held + posco))


def test_an_ended_measure_ranks_below_a_current_one_at_an_equal_match(
    kb_dir: Path, tmp_path: Path
) -> None:
    kb = tmp_path / "kb"
    shutil.copytree(kb_dir, kb)
    for lang in ("ko", "en"):
        path = kb / "tariff" / f"steel.{lang}.md"
        ended = path.read_text(encoding="utf-8").replace("status: in_force", "status: ended", 1)
        path.write_text(ended, encoding="utf-8")
    before = SearchIndex(load_knowledge_base(kb_dir), default_analyzer()).search("steel", "en")
    after = SearchIndex(load_knowledge_base(kb), default_analyzer()).search("steel", "en")
    first = before.hits[0]
    moved = next(h for h in after.hits if h.passage.anchor == first.passage.anchor)
    assert moved.rank == pytest.approx(first.rank * ENDED_FACTOR)
    assert moved.score == pytest.approx(first.score)  # the BM25 score itself is untouched


def test_the_asking_sentence_of_a_long_question_is_the_one_with_a_question_mark() -> None:
    from helpdesk.index import asking_sentences

    long = "We make brake pads in Ulsan. Is the auto-parts tariff 15%? Thanks."
    assert asking_sentences(long) == "Is the auto-parts tariff 15%?"
    assert asking_sentences("We make brake pads. Tell me the tariff") == "Tell me the tariff"
    assert asking_sentences("steel tariff rate?") is None  # one sentence: the whole question


def test_the_value_asked_for_reorders_passages_within_an_article_but_not_the_articles(
    shipped_index: SearchIndex, monkeypatch: pytest.MonkeyPatch
) -> None:
    question = "태양광 201조 세이프가드 첫해 모듈 관세 몇프로였어요"
    shown = shipped_index.search(question, "ko").hits
    monkeypatch.setattr(index_module, "VALUE_BOOST", 0.0)
    plain = shipped_index.search(question, "ko").hits
    assert [h.passage.article_id for h in shown] == [h.passage.article_id for h in plain]
    assert "30%" in shown[0].passage.text and shown[0].has_value
    assert "30%" not in plain[0].passage.text


def test_the_passage_shown_is_the_one_whose_own_words_hold_the_question(
    index: SearchIndex,
) -> None:
    # "auto parts duty" is an alias, which only the lead passage is searched with;
    # "topped up" is said in the passage on how the 15% is applied.
    found = index.search("auto parts duty: how is it topped up?", "en")
    assert found.hits[0].passage.article_id == "autos"
    assert found.shown is not None
    assert found.shown.position == 1


def test_a_question_found_by_its_hs_code_alone_shows_the_top_hits_passage(
    index: SearchIndex,
) -> None:
    found = index.search("HS 8703", "en")
    assert found.hits[0].passage.article_id == "autos"
    assert found.shown is not None
    assert found.shown.position == found.hits[0].passage.position


def test_the_words_of_the_questions_a_passage_answers_find_it(index: SearchIndex) -> None:
    # steel's "Who pays?" passage says "importer of record"; its front matter lists
    # "is the levy owed by our American customer or by us" as a question it answers
    hits = index.search("levy owed by our customer", "en").hits
    assert (hits[0].passage.article_id, hits[0].passage.heading) == ("steel", "Who pays?")
    assert "levy" not in hits[0].passage.text  # found by the question, shown as written


def test_a_question_word_the_passage_already_uses_is_not_counted_again() -> None:
    indexed = ["importer", "pay", "steel", "duty"]
    asked = ["levy", "owe", "american", "customer", "levy", "pay"]
    assert asked_words(asked, indexed) == ["levy", "owe", "american", "customer"]
