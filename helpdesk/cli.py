"""The ``helpdesk`` command line: serve, ask, eval, knowledge-base checks and records."""

from __future__ import annotations

import datetime as dt
import json
import sys
from collections import Counter
from collections.abc import Callable
from contextlib import closing
from pathlib import Path
from typing import TYPE_CHECKING

import click

from helpdesk.errors import HelpdeskError
from helpdesk.settings import Settings, get_settings

if TYPE_CHECKING:
    from helpdesk.records import RecordStore


class HelpdeskGroup(click.Group):
    """Prints ``Error: <message>`` and exits 1 for every error the core raises."""

    def invoke(self, ctx: click.Context) -> object:
        try:
            return super().invoke(ctx)
        except HelpdeskError as exc:
            raise click.ClickException(exc.message) from exc


def _settings(kb: Path | None) -> Settings:
    settings = get_settings()
    return settings.model_copy(update={"kb_path": kb}) if kb else settings


@click.group(cls=HelpdeskGroup)
@click.version_option(package_name="helpdesk")
def main() -> None:
    """Tariff help desk: cited answers for Korean exporters from a curated knowledge base."""


@main.command()
@click.option(
    "--host", default=None, help="Address to listen on [default: HELPDESK_HOST or 127.0.0.1]."
)
@click.option("--port", default=None, type=int, help="Port [default: HELPDESK_PORT or 8000].")
@click.option("--kb", type=click.Path(path_type=Path), default=None, help="Knowledge-base folder.")
def serve(host: str | None, port: int | None, kb: Path | None) -> None:
    """Serve the JSON API, the article pages and the docs."""
    import uvicorn

    from helpdesk.api import create_app

    settings = _settings(kb)
    app = create_app(settings)
    index = app.state.services.holder.index
    click.echo(
        f"Loaded {len(index.kb)} articles ({index.passage_count} passages) from {settings.kb_path}"
    )
    uvicorn.run(app, host=host or settings.host, port=port or settings.port, log_level="info")


@main.command(name="ask")
@click.argument("question")
@click.option("--lang", type=click.Choice(["ko", "en"]), default=None, help="Answer language.")
@click.option("--top-k", default=3, show_default=True, help="How many results.")
@click.option("--json", "as_json", is_flag=True, help="Print the JSON response of /api/ask.")
@click.option("--kb", type=click.Path(path_type=Path), default=None, help="Knowledge-base folder.")
def ask_command(
    question: str, lang: str | None, top_k: int, as_json: bool, kb: Path | None
) -> None:
    """Answer QUESTION from the knowledge base."""
    from pydantic import ValidationError

    from helpdesk.answer import AnswerPolicy, ask
    from helpdesk.api.app import build_index
    from helpdesk.schemas import AskRequest

    settings = _settings(kb)
    try:
        request = AskRequest.model_validate({"question": question, "lang": lang, "top_k": top_k})
    except ValidationError as exc:
        first = exc.errors()[0]
        field = ".".join(str(p) for p in first["loc"])
        raise click.ClickException(
            f"{field}: {first['msg'].removeprefix('Value error, ')}"
        ) from exc
    response = ask(
        build_index(settings),
        request,
        policy=AnswerPolicy.of(settings),
    )
    if as_json:
        click.echo(response.model_dump_json(indent=2))
        return
    if response.answer is not None:
        a = response.answer
        click.echo(f"{a.title} — {a.heading}  [{a.status}, as of {a.as_of}]\n")
        click.echo(a.text)
        click.echo("\nSources:")
        for s in a.sources:
            click.echo(f"  - {s.title} ({s.date}) {s.url}")
        click.echo(f"\nconfidence {response.confidence:.2f}")
    else:
        assert response.fallback is not None
        click.echo(f"{response.fallback.message}\nContact: {response.fallback.contact}")
        for r in response.results:
            click.echo(f"  - {r.title} — {r.heading}")


@main.command(name="eval")
@click.option(
    "--questions",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    default=Path("tests/eval/questions.jsonl"),
    show_default=True,
    help="The question set (JSON lines).",
)
@click.option("--kb", type=click.Path(path_type=Path), default=None, help="Knowledge-base folder.")
@click.option("--baselines/--no-baselines", default=True, help="Also score the two baselines.")
@click.option("--json", "as_json", is_flag=True, help="Print the metrics as JSON.")
@click.option(
    "--misses",
    is_flag=True,
    help="List dev-split questions missed at rank 1 (never held-out ones).",
)
@click.option(
    "--split",
    type=click.Choice(["dev", "heldout"]),
    default=None,
    help="Score one split only; tune with --split dev, so no held-out figure is seen.",
)
def eval_command(
    questions: Path,
    kb: Path | None,
    baselines: bool,
    as_json: bool,
    misses: bool,
    split: str | None,
) -> None:
    """Score retrieval on the question set, per language and split, beside the baselines."""
    from helpdesk.answer import AnswerPolicy
    from helpdesk.api.app import build_index
    from helpdesk.evaluate import (
        bm25s_system,
        format_kinds,
        format_passages,
        format_table,
        helpdesk_system,
        load_questions,
        score,
        whitespace_bm25_system,
    )

    settings = _settings(kb)
    index = build_index(settings)
    qs = [q for q in load_questions(questions) if split is None or q.split == split]
    systems = {"helpdesk": helpdesk_system(index, AnswerPolicy.of(settings))}
    if baselines:
        systems["baseline: rank_bm25 whitespace"] = whitespace_bm25_system(index.kb)
        try:
            systems["baseline: bm25s default tokenizer"] = bm25s_system(index.kb)
        except ImportError:
            click.echo("bm25s is not installed (pip install -e '.[dev]'); skipping it", err=True)
    results = {name: score(qs, system) for name, system in systems.items()}
    if as_json:
        data = {name: {k: m.row() for k, m in groups.items()} for name, groups in results.items()}
        click.echo(json.dumps(data, indent=2))
        return
    click.echo(f"{len(qs)} questions from {questions}; knowledge base {index.kb.version}\n")
    click.echo(format_table(results))
    kinds = format_kinds(results)
    if kinds:
        click.echo(f"\n{kinds}")
    passages = format_passages(results)
    if passages:
        click.echo(f"\n{passages}")
    if misses:
        by_id = {q.id: q for q in qs}
        click.echo("\nmissed at rank 1 (dev split):")
        for qid in results["helpdesk"]["all/all"].misses:
            q = by_id[qid]
            click.echo(f"  {qid} [{q.lang}] {q.question}  -> expected {', '.join(q.expected)}")


@main.group()
def kb() -> None:
    """Check and describe the knowledge base."""


@kb.command()
@click.argument("path", required=False, type=click.Path(path_type=Path))
def check(path: Path | None) -> None:
    """Validate every article in PATH (default: the configured knowledge base)."""
    from helpdesk.analyzer import default_analyzer
    from helpdesk.errors import Problem
    from helpdesk.glossary import term_problems
    from helpdesk.kb import check_knowledge_base
    from helpdesk.kb.loader import GLOSSARY_FILE, UNCOVERED_FILE
    from helpdesk.places import place_names
    from helpdesk.uncovered import used_terms

    root = path or get_settings().kb_path
    knowledge_base, problems = check_knowledge_base(root)
    # the glossary as the search reads it: analyzed, with the place names taught first
    analyzer = default_analyzer()
    analyzer.add_proper_nouns(place_names(knowledge_base))
    for message in term_problems(knowledge_base.glossary, analyzer):
        problems.append(Problem(GLOSSARY_FILE, "term", message))
    # a subject listed as not covered that an article covers after all
    for message in used_terms(knowledge_base, analyzer):
        problems.append(Problem(UNCOVERED_FILE, "subject", message))
    for problem in problems:
        click.echo(str(problem), err=True)
    if problems:
        raise click.ClickException(f"{len(problems)} problem(s) in {root}")
    click.echo(f"OK: {len(knowledge_base)} articles in {root}, no problems")


@kb.command()
@click.option(
    "--kb", "path", type=click.Path(path_type=Path), default=None, help="Knowledge-base folder."
)
@click.option("--json", "as_json", is_flag=True, help="Print the counts as JSON.")
def stats(path: Path | None, as_json: bool) -> None:
    """Count articles, topics, offices, passages and sources."""
    from helpdesk.kb import load_knowledge_base

    knowledge_base = load_knowledge_base(path or get_settings().kb_path)
    articles = list(knowledge_base)
    data = {
        "articles": len(articles),
        "topics": len(knowledge_base.ids),
        "bilingual_topics": sum(
            1 for i in knowledge_base.ids if len(knowledge_base.translations(i)) == 2
        ),
        "offices": len({a.meta.id for a in articles if a.meta.office is not None}),
        "passages": sum(len(a.passages) for a in articles),
        "sources": sum(len(a.meta.sources) for a in articles),
        "glossary_entries": len(knowledge_base.glossary),
        "product_entries": len(knowledge_base.products),
        "not_covered": len(knowledge_base.uncovered),
        "by_category": dict(sorted(Counter(a.meta.category for a in articles).items())),
        "by_lang": dict(sorted(Counter(a.meta.lang for a in articles).items())),
        "by_status": dict(sorted(Counter(a.meta.status for a in articles).items())),
        "version": knowledge_base.version,
    }
    if as_json:
        click.echo(json.dumps(data, ensure_ascii=False, indent=2))
        return
    for key, value in data.items():
        if isinstance(value, dict):
            value = ", ".join(f"{k} {v}" for k, v in value.items())
        click.echo(f"{key:<18} {value}")


@main.group()
def records() -> None:
    """Review what people asked, left unanswered, handed over and rated."""


def _database_option(command: Callable[..., None]) -> Callable[..., None]:
    return click.option(
        "--database",
        default=None,
        help="SQLAlchemy URL of the records [default: HELPDESK_DATABASE_URL or the service's].",
    )(command)


def _since_option(command: Callable[..., None]) -> Callable[..., None]:
    return click.option(
        "--days",
        type=click.IntRange(min=1),
        default=None,
        help="Only the last DAYS days [default: everything kept].",
    )(command)


def _open_records(database: str | None) -> closing[RecordStore]:
    from helpdesk.records import RecordStore

    return closing(RecordStore.open(database or get_settings().database_url))


def _when(moment: dt.datetime) -> str:
    return moment.strftime("%Y-%m-%d %H:%M UTC")


@records.command()
@_database_option
@_since_option
@click.option(
    "--limit",
    type=click.IntRange(min=1),
    default=50,
    show_default=True,
    help="Show at most this many questions.",
)
@click.option("--json", "as_json", is_flag=True, help="Print them as JSON.")
def unanswered(database: str | None, days: int | None, limit: int, as_json: bool) -> None:
    """Questions the service fell back on, the most often asked first."""
    from helpdesk.records import days_ago
    from helpdesk.schemas import unanswered_report

    with _open_records(database) as store:
        report = unanswered_report(store, days_ago(days), limit)
    if as_json:
        click.echo(report.model_dump_json(indent=2))
        return
    asked, missed = report.asked, report.unanswered
    share = f" ({missed / asked:.0%})" if asked else ""
    click.echo(f"{asked} questions asked, {missed} unanswered{share}")
    for row in report.questions:
        offered = f"; offered {row.closest_article}" if row.closest_article else ""
        click.echo(f"{row.times:>4}x [{row.lang}] {row.question}")
        click.echo(f"       last asked {_when(row.last_asked)}{offered}")


@records.command()
@_database_option
@_since_option
@click.option("--json", "as_json", is_flag=True, help="Print them as JSON.")
def tickets(database: str | None, days: int | None, as_json: bool) -> None:
    """Hand-off tickets, oldest first: who to contact, about what, and what the session
    asked before."""
    from helpdesk.records import days_ago
    from helpdesk.schemas import ticket_records

    with _open_records(database) as store:
        rows = ticket_records(store, days_ago(days))
    if as_json:
        data = [t.model_dump(mode="json") for t in rows]
        click.echo(json.dumps(data, ensure_ascii=False, indent=2))
        return
    click.echo(f"{len(rows)} tickets")
    for t in rows:
        reach = ", ".join(x for x in (t.email, t.phone) if x)
        click.echo(f"{t.id} {_when(t.created)} [{t.lang}] {t.name} ({t.company}) {reach}")
        click.echo(f"    {t.question}")
        for asked in t.conversation:
            offered = f"; offered {asked.article_id}" if asked.article_id else ""
            told = asked.article_id if asked.answered else f"fell back{offered}"
            click.echo(f"      asked before: {asked.question} -> {told}")


@records.command()
@_database_option
@_since_option
@click.option("--json", "as_json", is_flag=True, help="Print it as JSON.")
def feedback(database: str | None, days: int | None, as_json: bool) -> None:
    """Feedback on answers, oldest first."""
    from helpdesk.records import days_ago
    from helpdesk.schemas import feedback_records

    with _open_records(database) as store:
        rows = feedback_records(store, days_ago(days))
    if as_json:
        data = [f.model_dump(mode="json") for f in rows]
        click.echo(json.dumps(data, ensure_ascii=False, indent=2))
        return
    helpful = sum(1 for f in rows if f.helpful)
    click.echo(f"{len(rows)} ratings, {helpful} helpful, {len(rows) - helpful} not helpful")
    for f in rows:
        about = " ".join(x for x in (f.article_id, f.answer_id) if x)
        verdict = "helpful" if f.helpful else "NOT helpful"
        comment = f": {f.comment}" if f.comment else ""
        click.echo(f"{f.id} {_when(f.created)} {verdict} {about}{comment}")


@records.command()
@_database_option
@click.option(
    "--keep-days",
    type=click.IntRange(min=1),
    required=True,
    help="Keep the records of the last KEEP_DAYS days; delete everything older.",
)
def purge(database: str | None, keep_days: int) -> None:
    """Delete tickets, ratings and questions older than the days kept."""
    from helpdesk.records import days_ago

    before = days_ago(keep_days)
    assert before is not None  # --keep-days is at least 1
    with _open_records(database) as store:
        gone = store.purge(before)
    counts = ", ".join(f"{n} {kind}" for kind, n in gone.items())
    click.echo(f"Deleted {counts} from before {_when(before)}")


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
