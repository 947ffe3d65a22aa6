from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parent.parent


def _checker() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "check_batch", ROOT / "tests" / "eval" / "check_batch.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_batch_checker_accepts_a_good_batch_and_names_each_fault(kb_dir: Path) -> None:
    check = _checker()
    good = {
        "id": "h1",
        "split": "heldout",
        "lang": "en",
        "question": "who owes the steel levy",
        "expected": ["steel"],
        "evidence": ["The US importer of record pays the steel duty at entry."],
    }
    offtopic = {"id": "h2", "split": "heldout", "lang": "ko", "question": "오늘 날씨",
                "expected": [], "oos_kind": "offtopic"}  # fmt: skip
    assert check.problems([good, offtopic], kb_dir, set()) == []
    bad = [
        {**good, "id": "h3", "question": "철강 관세 누가 내요"},  # Hangul, labelled English
        {**good, "id": "h4", "evidence": ["The exporter pays."]},
        {**offtopic, "id": "h1"},  # an id the question set already has
        {**offtopic, "id": "h5", "oos_kind": "weather"},
    ]
    assert check.problems(bad, kb_dir, {"h1"}) == [
        "line 1 (h3): a question with Hangul is Korean, one without is English",
        "line 2 (h4): evidence not found verbatim: 'The exporter pays.'",
        "line 3 (h1): id h1 is already used",
        "line 4 (h5): out of scope needs oos_kind, one of ('offtopic', 'other', 'detail')",
    ]
