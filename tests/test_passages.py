from __future__ import annotations

from helpdesk.kb.passages import slugify, split_passages

BODY = """Lead paragraph with the answer.

Second lead line.

## Who pays?
The importer pays.

### A detail
Still part of who pays.

## Empty section

## 누가 내나요?
수입자가 냅니다.

## Who pays?
Again, a duplicate heading.
"""


def test_lead_text_before_first_heading_is_a_passage_headed_by_the_title() -> None:
    passages = split_passages("steel", "en", "Steel tariff", BODY)
    lead = passages[0]
    assert lead.heading == "Steel tariff"
    assert lead.anchor == ""
    assert lead.text == "Lead paragraph with the answer.\n\nSecond lead line."


def test_each_h2_starts_a_passage_and_deeper_headings_stay_inside() -> None:
    passages = split_passages("steel", "en", "Steel tariff", BODY)
    assert [p.heading for p in passages] == [
        "Steel tariff",
        "Who pays?",
        "누가 내나요?",
        "Who pays?",
    ]
    assert passages[1].text == "The importer pays.\n\n### A detail\nStill part of who pays."
    assert [p.position for p in passages] == [0, 1, 2, 3]
    assert all(p.article_id == "steel" and p.lang == "en" for p in passages)


def test_anchors_are_slugs_and_unique_within_an_article() -> None:
    passages = split_passages("steel", "en", "Steel tariff", BODY)
    assert [p.anchor for p in passages] == ["", "who-pays", "누가-내나요", "who-pays-1"]


def test_body_without_headings_is_one_passage() -> None:
    passages = split_passages("x", "ko", "제목", "본문 한 줄.")
    assert len(passages) == 1 and passages[0].text == "본문 한 줄."


def test_slugify_keeps_hangul_and_drops_punctuation() -> None:
    assert slugify("What is excluded? (HS 72)") == "what-is-excluded-hs-72"
    assert slugify("제외 품목은?") == "제외-품목은"
