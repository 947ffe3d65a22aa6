from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from helpdesk.errors import KnowledgeBaseEmpty, KnowledgeBaseInvalid, KnowledgeBaseNotFound
from helpdesk.kb import check_knowledge_base, load_knowledge_base

from .conftest import FIXTURES

BROKEN = FIXTURES / "kb_broken"


def test_valid_knowledge_base_loads_every_article_with_its_front_matter(kb_dir: Path) -> None:
    kb = load_knowledge_base(kb_dir)
    assert len(kb) == 6
    assert kb.ids == ["autos", "help-desk", "kotra-monterrey", "steel"]
    steel = kb.get("steel", "en")
    assert steel is not None
    assert steel.meta.status == "in_force"
    assert steel.meta.effective == dt.date(2025, 6, 4)
    assert steel.meta.hs_codes == ["72", "7208", "73", "76"]
    assert steel.meta.sources[0].date == "2025-06"
    assert sorted(kb.translations("steel")) == ["en", "ko"]


def test_office_article_carries_its_office_block(kb_dir: Path) -> None:
    office = load_knowledge_base(kb_dir).get("kotra-monterrey")
    assert office is not None and office.meta.office is not None
    assert office.meta.office.city == "Monterrey"
    assert office.meta.office.phone is None


def test_version_hash_is_stable_and_changes_with_content(kb_copy: Path, kb_dir: Path) -> None:
    first = load_knowledge_base(kb_dir).version
    assert first == load_knowledge_base(kb_dir).version
    (kb_copy / "tariff" / "steel.en.md").write_text(
        (kb_copy / "tariff" / "steel.en.md").read_text() + "\nMore.\n"
    )
    assert load_knowledge_base(kb_copy).version != first


@pytest.mark.parametrize(
    "problem",
    [
        "notes/stray.en.md: path: article files must be named <category>/<id>.<lang>.md",
        "support/bad-yaml.en.md: front matter: is not valid YAML: while parsing a flow sequence",
        "support/no-front-matter.en.md: front matter: is missing (start the file with '---')",
        "tariff/bad-date.en.md: as_of: '2026-13-01': Input should be a valid date or datetime, "
        "month value is outside expected range of 1-12",
        "tariff/bad-source.en.md: countries.0: 'kor': String should match pattern '^[A-Z]{2}$'",
        "tariff/bad-source.en.md: hs_codes.0: '87a3': is not an HS code (2, 4, 6, 8 or 10 digits)",
        "tariff/bad-source.en.md: sources.0.url: 'example.org': "
        "String should match pattern '^https?://[^\\s]+$'",
        "tariff/bad-source.en.md: sources.0.date: 'June 2025': "
        "is not a date (YYYY-MM-DD or YYYY-MM)",
        "tariff/bad-status.en.md: status: 'active': "
        "Input should be 'in_force', 'ended', 'announced', 'under_review' or 'info'",
        "tariff/missing-title.en.md: title: Field required",
        "tariff/no-sources.en.md: sources: []: "
        "List should have at least 1 item after validation, not 0",
        "tariff/wrong-name.ko.md: id: 'other-name' does not match the file name 'wrong-name'",
        "tariff/wrong-name.ko.md: lang: 'en' does not match the file name 'ko'",
        "tariff/wrong-name.ko.md: category: 'support' does not match the folder 'tariff'",
        "tariff/dangling.en.md: related: 'no-such-article' is not an article id",
        "glossary.yaml: entry 1: ['lonely']: must list 2+ terms",
    ],
)
def test_broken_knowledge_base_reports_each_problem_with_file_and_field(problem: str) -> None:
    _, problems = check_knowledge_base(BROKEN)
    assert problem in [str(p) for p in problems]


def test_broken_knowledge_base_reports_every_problem_and_nothing_else() -> None:
    _, problems = check_knowledge_base(BROKEN)
    assert len(problems) == 16


def test_loading_a_broken_knowledge_base_raises_with_all_problems() -> None:
    with pytest.raises(KnowledgeBaseInvalid) as caught:
        load_knowledge_base(BROKEN)
    assert len(caught.value.problems) == 16
    assert "tariff/bad-status.en.md: status:" in caught.value.message


def test_missing_folder_names_the_path(tmp_path: Path) -> None:
    missing = tmp_path / "nowhere"
    with pytest.raises(KnowledgeBaseNotFound, match=f"knowledge base not found: {missing}"):
        load_knowledge_base(missing)


def test_empty_folder_names_the_path(tmp_path: Path) -> None:
    with pytest.raises(KnowledgeBaseEmpty, match=f"knowledge base at {tmp_path} has no article"):
        load_knowledge_base(tmp_path)


def test_duplicate_id_and_language_is_a_problem(kb_copy: Path) -> None:
    (kb_copy / "support" / "steel.en.md").write_text(
        (kb_copy / "tariff" / "steel.en.md")
        .read_text()
        .replace("category: tariff", "category: support")
    )
    _, problems = check_knowledge_base(kb_copy)
    assert [str(p) for p in problems] == [
        "tariff/steel.en.md: id: 'steel' is also used by support/steel.en.md"
    ]


def test_glossary_entries_are_loaded_as_term_groups(kb_copy: Path) -> None:
    (kb_copy / "glossary.yaml").write_text(
        "- [상호관세, reciprocal tariff]\n- [232조, section 232]\n"
    )
    kb = load_knowledge_base(kb_copy)
    assert kb.glossary == (("상호관세", "reciprocal tariff"), ("232조", "section 232"))


def test_product_entries_are_loaded_apart_from_synonyms(kb_copy: Path) -> None:
    (kb_copy / "glossary.yaml").write_text(
        "- [232조, section 232]\n- {products: [세럼, serum], category: [화장품, cosmetics]}\n"
    )
    kb = load_knowledge_base(kb_copy)
    assert kb.glossary == (("232조", "section 232"),)
    assert kb.products == ((("세럼", "serum"), ("화장품", "cosmetics")),)


@pytest.mark.parametrize(
    "entry",
    [
        "{products: [세럼]}",  # no category
        "{products: [], category: [화장품]}",
        "{products: [세럼], category: [화장품], note: x}",
    ],
)
def test_a_malformed_product_entry_is_reported(kb_copy: Path, entry: str) -> None:
    (kb_copy / "glossary.yaml").write_text(f"- [232조, section 232]\n- {entry}\n")
    _, problems = check_knowledge_base(kb_copy)
    assert [p.field for p in problems] == ["entry 1"]
    assert "a product entry lists 1+ products and 1+ category terms" in str(problems[0])


@pytest.mark.parametrize(
    ("front_matter", "message"),
    [
        ("levied_by: [MX]", "every 'levied_by' country must also be in 'countries'"),
        ("levied_by: [US]\ncategory: support", "'levied_by' is only allowed in category 'tariff'"),
    ],
)
def test_levied_by_must_name_listed_countries_of_a_tariff_note(
    kb_copy: Path, front_matter: str, message: str
) -> None:
    path = kb_copy / "tariff" / "steel.en.md"
    text = path.read_text(encoding="utf-8")
    if "category: support" in front_matter:
        text = text.replace("category: tariff\n", "")
        path.unlink()
        path = kb_copy / "support" / "steel.en.md"
    path.write_text(text.replace("countries: [US, KR]", f"countries: [US, KR]\n{front_matter}"))
    _, problems = check_knowledge_base(kb_copy)
    found = [p for p in map(str, problems) if "levied_by" in p]
    assert found == [f"{path.relative_to(kb_copy)}: front matter: {message}"]


def test_each_passage_carries_the_questions_its_front_matter_lists_for_it(kb_dir: Path) -> None:
    steel = load_knowledge_base(kb_dir).get("steel", "en")
    assert steel is not None
    by_heading = {p.heading: p.questions for p in steel.passages}
    assert by_heading["Who pays?"] == ("is the levy owed by our American customer or by us",)
    assert by_heading["What should I do?"] == ()


def test_questions_for_a_heading_the_article_lacks_are_a_problem(kb_copy: Path) -> None:
    path = kb_copy / "tariff" / "steel.en.md"
    path.write_text(path.read_text(encoding="utf-8").replace('"Who pays?":', '"Who paid?":'))
    _, problems = check_knowledge_base(kb_copy)
    assert [str(p) for p in problems] == [
        "tariff/steel.en.md: questions: 'Who paid?' is not the title or a '##' heading"
    ]


def test_subjects_no_article_covers_are_loaded_with_their_names_and_terms(
    kb_copy: Path, kb_dir: Path
) -> None:
    (kb_copy / "not_covered.yaml").write_text(
        "- ko: 상표 등록\n  en: trademark registration\n  terms: [상표, trademark]\n"
    )
    kb = load_knowledge_base(kb_copy)
    assert [(s.ko, s.en, s.terms) for s in kb.uncovered] == [
        ("상표 등록", "trademark registration", ("상표", "trademark"))
    ]
    assert kb.version != load_knowledge_base(kb_dir).version


@pytest.mark.parametrize(
    "entry",
    [
        "- [상표, trademark]",  # a list, not a subject
        "- {ko: 상표 등록, terms: [상표]}",  # no English name
        "- {ko: 상표 등록, en: trademarks, terms: []}",
        "- {ko: 상표 등록, en: trademarks, terms: [상표], note: x}",
    ],
)
def test_a_malformed_subject_not_covered_is_reported(kb_copy: Path, entry: str) -> None:
    (kb_copy / "not_covered.yaml").write_text(entry + "\n")
    _, problems = check_knowledge_base(kb_copy)
    assert [p.field for p in problems] == ["subject 0"]
    assert "a Korean name (ko), an English name (en) and 1+ terms" in str(problems[0])
