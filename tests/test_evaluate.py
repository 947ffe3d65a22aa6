from __future__ import annotations

import json
from pathlib import Path

import pytest

from helpdesk.analyzer import default_analyzer, detect_lang
from helpdesk.answer import AnswerPolicy
from helpdesk.evaluate import (
    Question,
    Ranking,
    format_kinds,
    format_passages,
    format_table,
    helpdesk_system,
    load_questions,
    readable,
    score,
)
from helpdesk.index import SearchIndex
from helpdesk.kb import load_knowledge_base
from helpdesk.settings import Settings

from .conftest import REPO, SHIPPED_KB

QUESTIONS = REPO / "tests" / "eval" / "questions.jsonl"


def test_metrics_are_computed_per_split_and_language() -> None:
    questions = [
        Question("d1", "dev", "en", "a", ("x",)),
        Question("d2", "dev", "en", "b", ("y",)),
        Question("d3", "dev", "ko", "c", ()),
        Question("h1", "heldout", "en", "d", ("x",)),
    ]
    answers = {
        "a": Ranking(["x", "y"], "en", True),
        "b": Ranking(["x", "z", "y"], "ko", False),
        "c": Ranking(["x"], "ko", False),
        "d": Ranking([], None, False),
    }
    groups = score(questions, lambda q: answers[q.question])
    dev = groups["dev/en"].row()
    assert dev["hit@1"] == 0.5 and dev["hit@3"] == 1.0
    assert dev["mrr@5"] == round((1 + 1 / 3) / 2, 3)
    assert dev["false_fallback"] == 0.5 and dev["lang_match"] == 0.5
    assert groups["dev/ko"].row()["oos_rejection"] == 1.0
    assert groups["heldout/en"].row()["hit@1"] == 0.0
    assert groups["all/all"].misses == ["d2"]  # held-out misses are never listed
    assert "heldout/en" in format_table({"system": groups})


def test_rejection_is_also_reported_per_kind_of_out_of_scope_question() -> None:
    questions = [
        Question("d1", "dev", "en", "weather", (), "offtopic"),
        Question("d2", "dev", "ko", "uk duty", (), "other"),
        Question("d3", "dev", "en", "riyadh opening year", (), "detail"),
        Question("d4", "dev", "en", "riyadh fee", (), "detail"),
        Question("h1", "heldout", "en", "steel", ("x",)),
    ]
    answered = {"weather": False, "uk duty": False, "riyadh opening year": True,
                "riyadh fee": False, "steel": True}  # fmt: skip
    groups = score(questions, lambda q: Ranking(["x"], "en", answered[q.question]))
    assert groups["dev/en/offtopic"].row()["oos_rejection"] == 1.0
    assert groups["dev/en/detail"].row()["oos_rejection"] == 0.5
    assert groups["all/detail"].out_of_scope == 2 and "heldout/en/detail" not in groups
    table = format_kinds({"helpdesk": groups, "baseline": groups})
    assert "dev/en/detail" in table and "0.5" in table and "heldout/en/detail" not in table
    assert (
        format_kinds({"helpdesk": score(questions[4:], lambda q: Ranking([], None, False))}) == ""
    )


def test_passage_at_1_counts_the_questions_whose_first_passage_shown_holds_the_evidence() -> None:
    questions = [
        Question("d1", "dev", "en", "a", ("x",), evidence=("15% from 2025-11-01",)),
        Question("d2", "dev", "en", "b", ("x",), evidence=("042-714-7538", "the help line")),
        Question("d3", "dev", "en", "c", ("x",)),  # no evidence: not counted
    ]
    shown = {
        "a": readable("Rate", "Korea pays **15%**\nfrom 2025-11-01."),  # markdown and a break
        "b": readable("About", "KCS runs a help center."),
        "c": readable("Rate", "15% from 2025-11-01"),
    }
    groups = score(questions, lambda q: Ranking(["x"], "en", True, shown[q.question]))
    row = groups["dev/en"].row()
    assert row["n_evidence"] == 2 and row["passage@1"] == 0.5
    assert "dev/en" in format_passages({"helpdesk": groups})
    assert (
        format_passages({"helpdesk": score(questions[2:], lambda q: Ranking([], None, False))})
        == ""
    )


def test_evidence_on_an_out_of_scope_question_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "q.jsonl"
    line = {"id": "d1", "split": "dev", "lang": "en", "question": "weather", "expected": [],
            "evidence": ["sunny"]}  # fmt: skip
    path.write_text(json.dumps(line) + "\n", encoding="utf-8")
    with pytest.raises(ValueError, match="q.jsonl:1: evidence needs an in-scope question"):
        load_questions(path)


def test_every_evidence_fragment_is_in_a_passage_of_an_expected_article() -> None:
    # An edited article that no longer says it makes the question's evidence stale.
    kb = load_knowledge_base(SHIPPED_KB)
    stale = []
    for q in load_questions(QUESTIONS):
        texts = [
            readable(p.heading, p.text)
            for article_id in q.expected
            for article in [kb.get(article_id, q.lang)]
            if article is not None
            for p in article.passages
        ]
        stale += [(q.id, e) for e in q.evidence if not any(e in t for t in texts)]
    assert stale == []


def test_an_out_of_scope_kind_on_an_in_scope_question_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "q.jsonl"
    line = {"id": "d1", "split": "dev", "lang": "en", "question": "steel", "expected": ["x"],
            "oos_kind": "detail"}  # fmt: skip
    path.write_text(json.dumps(line) + "\n", encoding="utf-8")
    with pytest.raises(ValueError, match="q.jsonl:1: oos_kind 'detail'"):
        load_questions(path)
    path.write_text(json.dumps({**line, "expected": [], "oos_kind": "weird"}), encoding="utf-8")
    with pytest.raises(ValueError, match="one of offtopic, other, detail"):
        load_questions(path)


def test_question_set_has_the_required_size_and_labels() -> None:
    questions = load_questions(QUESTIONS)
    kb = load_knowledge_base(SHIPPED_KB)
    assert len(questions) >= 240
    in_scope = [q for q in questions if q.in_scope]
    assert sum(q.lang == "ko" for q in in_scope) >= 100
    assert sum(q.lang == "en" for q in in_scope) >= 100
    assert sum(not q.in_scope for q in questions) >= 40
    # The held-out part is at least a quarter of the 240 questions the set must have,
    # in both languages and out of scope; dev batches added later do not shrink it.
    held = [q for q in questions if q.split == "heldout"]
    assert len(held) >= 60
    assert sum(q.lang == "ko" and q.in_scope for q in held) >= 20
    assert sum(q.lang == "en" and q.in_scope for q in held) >= 20
    assert sum(not q.in_scope for q in held) >= 10
    assert len({q.id for q in questions}) == len(questions)
    # A question asked twice would be tuned on in dev and scored again as held-out.
    texts = [q.question.strip().lower() for q in questions]
    assert len(set(texts)) == len(texts), [t for t in set(texts) if texts.count(t) > 1]
    for q in in_scope:
        for article_id in q.expected:
            assert kb.get(article_id) is not None, f"{q.id}: {article_id}"
    # Rejection is reported per kind of out-of-scope question, so every one names its kind.
    assert [q.id for q in questions if not q.in_scope and q.oos_kind is None] == []


def test_an_in_scope_questions_language_is_the_one_it_should_be_answered_in() -> None:
    # Mixed questions count as Korean ("Section 232 철강 관세"), so language match
    # measures the rule the service is held to, whatever script most words are in.
    wrong = [
        q.id for q in load_questions(QUESTIONS) if q.in_scope and q.lang != detect_lang(q.question)
    ]
    assert wrong == []


@pytest.fixture(scope="module")
def whole_set() -> dict[str, dict[str, float | int]]:
    settings = Settings(kb_path=SHIPPED_KB)
    index = SearchIndex(load_knowledge_base(Path(settings.kb_path)), default_analyzer())
    groups = score(load_questions(QUESTIONS), helpdesk_system(index, AnswerPolicy.of(settings)))
    # exact rates: 0.8497 is under a 0.85 floor, though the table prints it as 0.85
    return {key: m.row(digits=None) for key, m in groups.items()}


def test_regression_guard_hit_at_1_on_the_whole_set(
    whole_set: dict[str, dict[str, float | int]],
) -> None:
    assert whole_set["all/all"]["hit@1"] >= 0.85


def test_regression_guard_both_kinds_of_error_on_the_dev_split(
    whole_set: dict[str, dict[str, float | int]],
) -> None:
    # Every tuning choice is made on dev, so dev is where a change can regress. Both
    # errors are guarded: rejecting more out-of-scope questions by falling back on
    # more in-scope ones (or the reverse) fails here. Fresh held-out batches, which
    # are mostly near misses and read once, are reported in docs/retrieval.md rather
    # than guarded; a new one must not turn main red.
    # The floors follow the dev set: adding dev batch d15 (2026-12-07; on its own,
    # rejection 0.64) moved dev rejection from 0.844 to 0.828 for the same service, and
    # the rejection floor from 0.83 to 0.81 with it. Taking a question for a detail
    # that an article says it lacks as in scope (40 dev questions, 2026-12-07) moved
    # dev rejection to 0.868 and false fallback to 0.048 for the same service.
    dev = whole_set["dev/all"]
    assert dev["oos_rejection"] >= 0.85
    assert dev["false_fallback"] <= 0.055


def test_regression_guard_the_passage_shown_on_the_dev_split(
    whole_set: dict[str, dict[str, float | int]],
) -> None:
    # Of the dev questions that give evidence, the share whose answer shows a passage
    # holding it: 0.729 when the passage is chosen by its own words (2026-12-07, 96
    # questions), 0.667 when the lead passage, found by the article's summary and
    # aliases, is shown. With 480 more dev questions annotated (up to three passages
    # each) it is 0.773 over 576, and the floor follows. With the questions each
    # passage answers counted in its own words (round 18) it is 0.826 over 616; with
    # round 20's rules (an HS code names the product, "is there an office?", "does it
    # still apply?") 0.844, and the floor follows. Round 22's dev batch d16, written to
    # the facts the set asked least (an office's history, a scheme's fine print), holds
    # 74 more evidenced questions of which 42 (0.568) are shown the passage: 0.819 over
    # 690 with no change to the code, and the floor follows the harder set.
    assert whole_set["dev/all"]["passage@1"] >= 0.80


def test_regression_guard_out_of_scope_rejection_on_the_whole_set(
    whole_set: dict[str, dict[str, float | int]],
) -> None:
    # The retrieval issue's guard, over every kind of out-of-scope question.
    assert whole_set["all/all"]["oos_rejection"] >= 0.85


def test_answers_come_in_the_question_language(
    whole_set: dict[str, dict[str, float | int]],
) -> None:
    assert whole_set["all/all"]["lang_match"] >= 0.98
