"""The shipped knowledge base: valid, complete, bilingual and sourced (issue: knowledge base)."""

from __future__ import annotations

import datetime as dt

import pytest
from fastapi.testclient import TestClient

from helpdesk.kb import KnowledgeBase, check_knowledge_base

from .conftest import SHIPPED_KB

# Every coverage topic, by category; each must exist in Korean and English.
TOPICS: dict[str, list[str]] = {
    "tariff": [
        "steel-aluminum-232",
        "steel-derivatives-407",
        "metals-232-redesign-2026",
        "autos-parts-232",
        "copper-232",
        "lumber-furniture-232",
        "trucks-buses-232",
        "semiconductors-232",
        "polysilicon-solar-232",
        "pharmaceuticals-232",
        "ieepa-reciprocal-tariffs",
        "supreme-court-ieepa-ruling",
        "ieepa-refunds-cape",
        "section-122-surcharge",
        "section-301-forced-labor",
        "section-301-excess-capacity",
        "korea-us-deal",
        "de-minimis",
        "korus-fta",
        "origin-transshipment",
        "mexico-tariffs-usmca",
        "us-china-measures",
        "hs-classification-ruling",
        "eu-cbam-non-tariff-barriers",
        "us-fda-food-cosmetics",
        "section-201-safeguards",
    ],
    "support": [
        "trade-barrier-119",
        "export-voucher-2026",
        "tariff-voucher-2025",
        "branch-office-program",
        "open-trade-offices",
        "ksure-tariff-support",
        "refund-psc-protest-support",
        "kcs-tariff-support",
        "contact-kotra",
    ],
    "office": [
        "overseas-network",
        "north-america-hq",
        "kotra-washington-dc",
        "kotra-new-york",
        "kotra-silicon-valley",
        "kotra-atlanta",
        "kotra-chicago",
        "kotra-los-angeles",
        "kotra-mexico-city",
        "kotra-monterrey",
        "kotra-tbilisi",
        "kotra-baku",
        "kotra-frankfurt",
        "kotra-warsaw",
        "kotra-bratislava",
        "kotra-dubai",
        "kotra-riyadh",
        "kotra-karachi",
        "kotra-beijing",
        "kotra-shanghai",
        "kotra-guangzhou",
        "kotra-shenzhen",
        "kotra-qingdao",
        "kotra-hanoi",
        "kotra-ho-chi-minh-city",
        "kotra-da-nang",
        "kotra-jakarta",
        "kotra-surabaya",
        "kotra-singapore",
        "kotra-new-delhi",
        "kotra-mumbai",
        "kotra-chennai",
        "kotra-bengaluru",
        "kotra-tokyo",
    ],
    "market": [
        "promising-sectors",
        "global-south-markets",
        "china-market",
        "kotra-2027-targets",
        "kotra-leadership",
    ],
}
ALL_TOPICS = [(category, i) for category, ids in TOPICS.items() for i in ids]


@pytest.fixture(scope="module")
def shipped() -> KnowledgeBase:
    kb, problems = check_knowledge_base(SHIPPED_KB)
    assert [str(p) for p in problems] == []
    return kb


@pytest.mark.parametrize(("category", "article_id"), ALL_TOPICS, ids=[i for _, i in ALL_TOPICS])
def test_every_coverage_topic_exists_in_korean_and_english(
    shipped: KnowledgeBase, category: str, article_id: str
) -> None:
    versions = shipped.translations(article_id)
    assert sorted(versions) == ["en", "ko"], f"{article_id} is missing a translation"
    assert {a.meta.category for a in versions.values()} == {category}


def test_size_meets_the_coverage_targets(shipped: KnowledgeBase) -> None:
    offices = {a.meta.id for a in shipped if a.meta.office is not None}
    assert len(shipped.ids) >= 36
    assert len(offices) >= 30
    assert len(shipped) >= 130
    assert all(len(shipped.translations(i)) == 2 for i in shipped.ids)


def test_every_article_cites_a_dated_source_with_a_url(shipped: KnowledgeBase) -> None:
    for article in shipped:
        assert article.meta.sources, article.path
        for source in article.meta.sources:
            assert source.url.startswith(("https://", "http://")), article.path
            assert source.date, article.path


def test_translations_agree_on_dates_status_and_links(shipped: KnowledgeBase) -> None:
    for article_id in shipped.ids:
        ko, en = (shipped.translations(article_id)[lang].meta for lang in ("ko", "en"))
        assert (ko.status, ko.effective, ko.as_of) == (en.status, en.effective, en.as_of), (
            article_id
        )
        assert sorted(ko.related) == sorted(en.related), article_id
        assert sorted(ko.hs_codes) == sorted(en.hs_codes), article_id
        assert sorted(ko.levied_by) == sorted(en.levied_by), article_id


def test_tariff_notes_carry_status_dates_and_end_with_the_disclaimer(
    shipped: KnowledgeBase,
) -> None:
    for article in shipped:
        if article.meta.category != "tariff":
            continue
        last = article.passages[-1].heading
        assert last in ("Note", "유의사항"), f"{article.path} ends with '{last}'"
        assert article.meta.as_of <= dt.date.today(), f"{article.path}: as_of is in the future"
        assert article.meta.levied_by, f"{article.path}: say whose duties the note is about"


def test_every_related_id_resolves(shipped: KnowledgeBase) -> None:
    for article in shipped:
        for related in article.meta.related:
            assert shipped.get(related) is not None, f"{article.path}: {related}"
            assert related != article.meta.id


def test_glossary_is_well_formed(shipped: KnowledgeBase) -> None:
    assert len(shipped.glossary) >= 40
    seen: dict[str, int] = {}
    for n, entry in enumerate(shipped.glossary):
        assert len(entry) >= 2
        for term in entry:
            assert term == term.strip() and term, entry
            assert term.lower() not in seen, (
                f"'{term}' is in entries {seen.get(term.lower())} and {n}"
            )
            seen[term.lower()] = n
    hangul = [e for e in shipped.glossary if any("\uac00" <= ch <= "\ud7a3" for t in e for ch in t)]
    assert len(hangul) >= 40


@pytest.mark.parametrize(
    ("question", "lang"),
    [("미국 철강 관세율은?", "ko"), ("What is the US tariff on steel?", "en")],
)
def test_steel_question_is_answered_with_a_cited_steel_passage(
    shipped_client: TestClient, question: str, lang: str
) -> None:
    body = shipped_client.post("/api/ask", json={"question": question}).json()
    assert body["answered"] is True
    assert body["answer"]["article_id"] in ("steel-aluminum-232", "metals-232-redesign-2026")
    assert body["answer"]["lang"] == lang
    assert body["answer"]["sources"] and body["answer"]["sources"][0]["url"].startswith("https://")
