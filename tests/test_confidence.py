from __future__ import annotations

from helpdesk.confidence import confidence


def test_a_question_one_alias_or_heading_states_is_more_certain() -> None:
    scattered = confidence(10.0, 5.0, coverage=0.8, terms=5, line_coverage=0.2)
    stated = confidence(10.0, 5.0, coverage=0.8, terms=5, line_coverage=0.8)
    assert stated > scattered


def test_an_answer_about_another_country_than_the_question_names_is_less_certain() -> None:
    here = confidence(10.0, 5.0, coverage=0.8, terms=5)
    elsewhere = confidence(10.0, 5.0, coverage=0.8, terms=5, elsewhere=1.0)
    assert elsewhere < here


def test_nothing_matched_is_no_confidence() -> None:
    assert confidence(0.0, 0.0, coverage=0.0, terms=3) == 0.0


def test_a_question_about_another_countrys_duties_is_least_certain() -> None:
    other_place = confidence(10.0, 5.0, coverage=0.8, terms=5, elsewhere=1.0)
    other_duty = confidence(10.0, 5.0, coverage=0.8, terms=5, elsewhere=1.0, foreign_duty=1.0)
    assert other_duty < other_place


def test_a_tariff_note_cannot_answer_for_another_countrys_duties() -> None:
    # "UK import duty on Korean cars", best matched by the US auto tariff: every word
    # matches, and still the note says nothing about what the UK charges.
    strong = {"coverage": 1.0, "terms": 6, "line_coverage": 1.0, "specific_coverage": 1.0}
    assert confidence(30.0, 5.0, **strong, unanswerable=1.0) == 0.0  # type: ignore[arg-type]
    half = confidence(30.0, 5.0, **strong, unanswerable=0.5)  # type: ignore[arg-type]
    assert 0.0 < half < confidence(30.0, 5.0, **strong)  # type: ignore[arg-type]


def test_a_long_question_whose_asking_sentence_is_covered_is_more_certain() -> None:
    # The context sentence ("We make brake pads in Ulsan ...") holds words no article
    # uses; what decides is whether the best passage answers the question it asks.
    base = {"coverage": 0.3, "terms": 14, "several_sentences": 1.0}
    unanswered = confidence(16.0, 15.0, **base, ask_coverage=0.2)  # type: ignore[arg-type]
    answered = confidence(16.0, 15.0, **base, ask_coverage=1.0)  # type: ignore[arg-type]
    assert answered > unanswered


def test_an_article_that_never_uses_the_word_asked_for_is_less_certain() -> None:
    # "What are the opening hours of the KCS help center?": the article is about the
    # help center and says nothing of hours.
    base = {"coverage": 0.8, "terms": 8, "asks_focus": 1.0}
    holds = confidence(20.0, 10.0, **base, focus_coverage=1.0)  # type: ignore[arg-type]
    lacks = confidence(20.0, 10.0, **base, focus_coverage=0.0)  # type: ignore[arg-type]
    assert lacks < holds


def test_an_article_that_names_the_detail_asked_only_as_unconfirmed_is_less_certain() -> None:
    # "LA무역관 업무시간 몇시부터?": the article's only word on hours is that they are
    # not confirmed.
    base = {"coverage": 0.9, "terms": 6, "asks_focus": 1.0, "focus_coverage": 1.0}
    stated = confidence(20.0, 10.0, **base, unconfirmed=0.0)  # type: ignore[arg-type]
    unknown = confidence(20.0, 10.0, **base, unconfirmed=1.0)  # type: ignore[arg-type]
    assert unknown < stated


def test_a_passage_without_a_value_of_the_kind_asked_for_is_less_certain() -> None:
    # "애틀랜타무역관 직원은 몇 명이에요?": the office's article gives no number of staff.
    base = {"coverage": 0.9, "terms": 5}
    holds = confidence(20.0, 10.0, **base, lacks_value=0.0)  # type: ignore[arg-type]
    lacks = confidence(20.0, 10.0, **base, lacks_value=1.0)  # type: ignore[arg-type]
    assert lacks < holds
