from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from helpdesk.cli import main

from .conftest import FIXTURES


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_ask_prints_the_answer_with_status_and_sources(kb_dir: Path) -> None:
    code, out, _ = run("ask", "steel tariff rate", "--kb", str(kb_dir))
    assert code == 0
    assert out.startswith("Section 232 steel and aluminum tariff: 50%")
    assert "[in_force, as of 2026-11-28]" in out
    assert "White House proclamation: Adjusting Imports of Aluminum and Steel (2025-06)" in out


def test_ask_json_prints_the_api_response(kb_dir: Path) -> None:
    code, out, _ = run("ask", "미국 철강 관세율은?", "--json", "--kb", str(kb_dir))
    assert code == 0
    body = json.loads(out)
    assert body["answered"] is True and body["answer"]["article_id"] == "steel"
    assert body["lang"] == "ko"


def test_ask_off_topic_prints_the_fallback_and_contact(kb_dir: Path) -> None:
    code, out, _ = run("ask", "kimchi stew recipe", "--kb", str(kb_dir))
    assert code == 0
    assert "Contact: 무역장벽 119 (KOTRA 1600-7119)" in out


def test_ask_with_blank_question_prints_error_and_exits_non_zero(kb_dir: Path) -> None:
    code, _, err = run("ask", "  ", "--kb", str(kb_dir))
    assert code == 1
    assert err == "Error: question: must not be blank\n"


def test_ask_with_missing_knowledge_base_names_the_path(tmp_path: Path) -> None:
    code, _, err = run("ask", "steel", "--kb", str(tmp_path / "nope"))
    assert code == 1
    assert err == f"Error: knowledge base not found: {tmp_path / 'nope'} is not a folder\n"


def test_kb_check_passes_on_a_valid_knowledge_base(kb_dir: Path) -> None:
    code, out, _ = run("kb", "check", str(kb_dir))
    assert code == 0
    assert out == f"OK: 6 articles in {kb_dir}, no problems\n"


def test_kb_check_lists_every_problem_and_fails_on_a_broken_one() -> None:
    broken = FIXTURES / "kb_broken"
    code, _, err = run("kb", "check", str(broken))
    assert code == 1
    lines = err.splitlines()
    assert (
        "tariff/bad-status.en.md: status: 'active': Input should be 'in_force', 'ended', "
        "'announced', 'under_review' or 'info'" in lines
    )
    assert lines[-1] == f"Error: 16 problem(s) in {broken}"
    assert len(lines) == 17


def test_kb_stats_counts_topics_offices_and_languages(kb_dir: Path) -> None:
    code, out, _ = run("kb", "stats", "--kb", str(kb_dir), "--json")
    assert code == 0
    stats = json.loads(out)
    assert stats["articles"] == 6
    assert stats["topics"] == 4
    assert stats["bilingual_topics"] == 2
    assert stats["offices"] == 1
    assert stats["by_lang"] == {"en": 4, "ko": 2}
    assert (stats["glossary_entries"], stats["product_entries"], stats["not_covered"]) == (0, 0, 0)


def test_kb_stats_prints_a_readable_table(kb_dir: Path) -> None:
    code, out, _ = run("kb", "stats", "--kb", str(kb_dir))
    assert code == 0
    assert "articles           6" in out
    assert "by_category        office 1, support 1, tariff 4" in out


def test_eval_on_the_dev_split_shows_no_held_out_figure(kb_dir: Path, tmp_path: Path) -> None:
    questions = tmp_path / "questions.jsonl"
    rows = [
        {"id": "d1", "split": "dev", "lang": "en", "question": "steel tariff rate",
         "expected": ["steel"]},
        {"id": "h1", "split": "heldout", "lang": "en", "question": "auto tariff",
         "expected": ["autos"]},
    ]  # fmt: skip
    questions.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    args = ("eval", "--questions", str(questions), "--kb", str(kb_dir), "--no-baselines")
    code, out, _ = run(*args, "--split", "dev")
    assert code == 0
    assert out.startswith("1 questions") and "dev/en" in out and "heldout" not in out
    code, out, _ = run(*args)
    assert "heldout/en" in out and "dev/en" in out
