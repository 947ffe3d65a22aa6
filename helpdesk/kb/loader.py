"""Load and validate a knowledge-base folder, reporting every problem with its file and field."""

from __future__ import annotations

import hashlib
from dataclasses import replace
from pathlib import Path
from typing import Any

import frontmatter
import yaml
from frontmatter.default_handlers import YAMLHandler
from pydantic import ValidationError

from helpdesk.errors import (
    KnowledgeBaseEmpty,
    KnowledgeBaseInvalid,
    KnowledgeBaseNotFound,
    Problem,
)
from helpdesk.kb.models import (
    CATEGORIES,
    LANGS,
    Article,
    FrontMatter,
    KnowledgeBase,
    Lang,
    ProductEntry,
    Terms,
    Uncovered,
)
from helpdesk.kb.passages import split_passages

GLOSSARY_FILE = "glossary.yaml"
UNCOVERED_FILE = "not_covered.yaml"


class _NoDatesLoader(yaml.SafeLoader):
    """SafeLoader that leaves dates as strings, so pydantic reports a bad one with its field."""


_NoDatesLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


class _Handler(YAMLHandler):
    def load(self, fm: str, **kwargs: Any) -> Any:
        return yaml.load(fm, Loader=_NoDatesLoader)  # noqa: S506 - a SafeLoader subclass


def _describe(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def _pydantic_problems(rel: str, error: ValidationError) -> list[Problem]:
    problems = []
    for err in error.errors():
        loc = ".".join(str(part) for part in err["loc"]) or "front matter"
        message = err["msg"].removeprefix("Value error, ")
        if err["type"] != "missing" and "input" in err and err["loc"]:  # not the whole dict
            message = f"{_describe(err['input'])}: {message}"
        problems.append(Problem(rel, loc, message))
    return problems


def _load_file(root: Path, path: Path, problems: list[Problem]) -> Article | None:
    rel = path.relative_to(root).as_posix()
    parts = path.relative_to(root).parts
    name_parts = path.name.split(".")
    if len(parts) != 2 or len(name_parts) != 3 or parts[0] not in CATEGORIES:
        problems.append(
            Problem(rel, "path", "article files must be named <category>/<id>.<lang>.md")
        )
        return None
    file_id, file_lang = name_parts[0], name_parts[1]
    try:
        post = frontmatter.loads(path.read_text(encoding="utf-8"), handler=_Handler())
    except UnicodeDecodeError:
        problems.append(Problem(rel, "file", "is not UTF-8 text"))
        return None
    except (yaml.YAMLError, ValueError, TypeError) as exc:
        problems.append(Problem(rel, "front matter", f"is not valid YAML: {exc}".splitlines()[0]))
        return None
    if not isinstance(post.metadata, dict) or not post.metadata:
        problems.append(Problem(rel, "front matter", "is missing (start the file with '---')"))
        return None
    try:
        meta = FrontMatter.model_validate(post.metadata)
    except ValidationError as exc:
        problems.extend(_pydantic_problems(rel, exc))
        return None
    ok = True
    if meta.id != file_id:
        problems.append(Problem(rel, "id", f"{meta.id!r} does not match the file name {file_id!r}"))
        ok = False
    if meta.lang != file_lang:
        problems.append(
            Problem(rel, "lang", f"{meta.lang!r} does not match the file name {file_lang!r}")
        )
        ok = False
    if meta.category != parts[0]:
        problems.append(
            Problem(rel, "category", f"{meta.category!r} does not match the folder {parts[0]!r}")
        )
        ok = False
    body = post.content
    passages = split_passages(meta.id, meta.lang, meta.title, body)
    if not passages:
        problems.append(Problem(rel, "body", "is empty"))
        ok = False
    headings = {p.heading for p in passages}
    for key in meta.questions:
        if key not in headings:
            problems.append(
                Problem(rel, "questions", f"{key!r} is not the title or a '##' heading")
            )
            ok = False
    passages = tuple(
        replace(p, questions=tuple(meta.questions.get(p.heading, ()))) for p in passages
    )
    return Article(meta=meta, body=body, path=Path(rel), passages=passages) if ok else None


def _terms(value: object) -> Terms | None:
    """A list of non-empty strings, stripped; None for anything else."""
    if not isinstance(value, list) or not all(isinstance(t, str) and t.strip() for t in value):
        return None
    return tuple(t.strip() for t in value)


def _yaml_list(root: Path, name: str, what: str, problems: list[Problem]) -> list[Any] | None:
    """The YAML list in ``root / name``; None when the file is absent or not a list (a
    problem is recorded for the latter)."""
    path = root / name
    if not path.is_file():
        return None
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=_NoDatesLoader)  # noqa: S506
    except yaml.YAMLError as exc:
        problems.append(Problem(name, "file", f"is not valid YAML: {exc}".splitlines()[0]))
        return None
    if not isinstance(data, list):
        problems.append(Problem(name, "file", f"must be a list of {what}"))
        return None
    return data


def _load_glossary(
    root: Path, problems: list[Problem]
) -> tuple[tuple[Terms, ...], tuple[ProductEntry, ...]]:
    """The synonym entries (lists) and the product entries (``{products, category}``)."""
    data = _yaml_list(root, GLOSSARY_FILE, "entries", problems)
    if data is None:
        return (), ()
    entries: list[Terms] = []
    products: list[ProductEntry] = []
    for n, entry in enumerate(data):
        if isinstance(entry, dict):
            names, category = _terms(entry.get("products")), _terms(entry.get("category"))
            if set(entry) != {"products", "category"} or not names or not category:
                problems.append(
                    Problem(
                        GLOSSARY_FILE,
                        f"entry {n}",
                        f"{_describe(entry)}: a product entry lists 1+ products and 1+ category"
                        " terms, under exactly those two keys",
                    )
                )
                continue
            products.append((names, category))
            continue
        terms = _terms(entry)
        if terms is None or len(terms) < 2:
            problems.append(
                Problem(GLOSSARY_FILE, f"entry {n}", f"{_describe(entry)}: must list 2+ terms")
            )
            continue
        entries.append(terms)
    return tuple(entries), tuple(products)


def _load_uncovered(root: Path, problems: list[Problem]) -> tuple[Uncovered, ...]:
    """The subjects no article covers: ``{ko, en, terms}`` entries."""
    data = _yaml_list(root, UNCOVERED_FILE, "subjects", problems)
    if data is None:
        return ()
    found: list[Uncovered] = []
    for n, entry in enumerate(data):
        ko, en = (entry.get(k) if isinstance(entry, dict) else None for k in ("ko", "en"))
        terms = _terms(entry.get("terms")) if isinstance(entry, dict) else None
        if (
            not isinstance(entry, dict)
            or set(entry) != {"ko", "en", "terms"}
            or not isinstance(ko, str)
            or not ko.strip()
            or not isinstance(en, str)
            or not en.strip()
            or not terms
        ):
            problems.append(
                Problem(
                    UNCOVERED_FILE,
                    f"subject {n}",
                    f"{_describe(entry)}: a subject has a Korean name (ko), an English name (en)"
                    " and 1+ terms, under exactly those three keys",
                )
            )
            continue
        found.append(Uncovered(ko.strip(), en.strip(), terms))
    return tuple(found)


def _version(root: Path, files: list[Path]) -> str:
    """A short hash of every file's path and bytes: changes whenever the content does."""
    digest = hashlib.sha256()
    for path in files:
        digest.update(path.relative_to(root).as_posix().encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def check_knowledge_base(path: Path) -> tuple[KnowledgeBase, list[Problem]]:
    """Load what is valid and list every problem; raise only when the folder is missing or empty."""
    root = Path(path)
    if not root.is_dir():
        raise KnowledgeBaseNotFound(f"knowledge base not found: {root} is not a folder")
    files = sorted(p for p in root.rglob("*.md") if p.parent != root)
    if not files:
        raise KnowledgeBaseEmpty(
            f"knowledge base at {root} has no article files (*/<id>.<lang>.md)"
        )
    problems: list[Problem] = []
    articles: dict[tuple[str, Lang], Article] = {}
    for file in files:
        article = _load_file(root, file, problems)
        if article is None:
            continue
        if article.key in articles:
            other = articles[article.key].path.as_posix()
            problems.append(
                Problem(
                    article.path.as_posix(), "id", f"{article.meta.id!r} is also used by {other}"
                )
            )
            continue
        articles[article.key] = article
    known = {article_id for article_id, _ in articles}
    for article in articles.values():
        for related in article.meta.related:
            if related not in known:
                problems.append(
                    Problem(article.path.as_posix(), "related", f"{related!r} is not an article id")
                )
    glossary, products = _load_glossary(root, problems)
    uncovered = _load_uncovered(root, problems)
    lists = [root / name for name in (GLOSSARY_FILE, UNCOVERED_FILE) if (root / name).is_file()]
    kb = KnowledgeBase(
        path=root,
        articles=dict(sorted(articles.items())),
        glossary=glossary,
        products=products,
        uncovered=uncovered,
        version=_version(root, files + lists),
    )
    return kb, problems


def load_knowledge_base(path: Path) -> KnowledgeBase:
    """Load a knowledge base, or raise with every problem found."""
    kb, problems = check_knowledge_base(path)
    if problems:
        raise KnowledgeBaseInvalid(problems)
    return kb


__all__ = ["LANGS", "check_knowledge_base", "load_knowledge_base"]
