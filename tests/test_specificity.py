from __future__ import annotations

import gzip
from pathlib import Path

import pytest

from helpdesk.analyzer import default_analyzer
from helpdesk.specificity import (
    MAX_WEIGHT,
    MIN_WEIGHT,
    Specificity,
    default_specificity,
    specificity,
)


def test_weight_is_clamped_between_the_commonest_and_an_unknown_word() -> None:
    assert specificity(9.0) == MIN_WEIGHT
    assert specificity(0.0) == MAX_WEIGHT
    assert specificity(4.0) == pytest.approx(3.5)


def test_load_reads_token_and_zipf_rows_and_skips_comments(tmp_path: Path) -> None:
    path = tmp_path / "table.tsv.gz"
    path.write_bytes(gzip.compress("# built by a test\nsteel\t4.70\n관세\t3.74\n".encode()))
    table = Specificity.load(path)
    assert len(table) == 2
    assert table.zipf("steel") == 4.7
    assert table("관세") == pytest.approx(3.76)
    assert table("zebra") == MAX_WEIGHT


@pytest.mark.parametrize(
    ("everyday", "specific"),
    [("learn", "countervailing"), ("website", "tariff"), ("fast", "POSCO"), ("방법", "반덤핑")],
)
def test_everyday_words_weigh_less_than_the_words_a_question_is_about(
    everyday: str, specific: str
) -> None:
    analyzer, table = default_analyzer(), default_specificity()
    (common,), (rare,) = analyzer.analyze(everyday), analyzer.analyze(specific)
    assert table(common) < table(rare)


@pytest.mark.parametrize("word", ["duties", "tariffs", "exporting", "customs", "관세", "수출"])
def test_the_shipped_table_is_keyed_by_the_analyzers_tokens(word: str) -> None:
    # If stemming changes, rebuild the table: benchmarks/word_frequencies.py
    (token,) = default_analyzer().analyze(word)
    assert default_specificity().zipf(token) > 3.0, (word, token)
