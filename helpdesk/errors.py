"""The one exception tree of the help desk.

Everything the core raises derives from :class:`HelpdeskError`. The edges
translate it: the CLI prints ``Error: <message>`` and exits non-zero, the HTTP
API answers with the JSON error shape and the status below.

    HelpdeskError
    ├── KnowledgeBaseError              (500 at start-up; never reached by a request)
    │   ├── KnowledgeBaseNotFound       the path does not exist or is not a folder
    │   ├── KnowledgeBaseEmpty          the folder holds no article files
    │   └── KnowledgeBaseInvalid        one or more files failed validation (.problems)
    ├── ArticleNotFound                 404: no article with that id (and language)
    ├── AdminForbidden                  403: no admin token is configured, or a wrong one
    ├── ReloadFailed                    409: the new knowledge base is broken; the old one serves on
    └── RecordsUnavailable              503: the records database cannot store or read records
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass


class HelpdeskError(Exception):
    """Base class of every error the help desk raises on purpose."""

    status_code = 500
    code = "internal_error"

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class KnowledgeBaseError(HelpdeskError):
    """The knowledge base cannot be loaded."""

    code = "knowledge_base_error"


class KnowledgeBaseNotFound(KnowledgeBaseError):
    code = "knowledge_base_not_found"


class KnowledgeBaseEmpty(KnowledgeBaseError):
    code = "knowledge_base_empty"


@dataclass(frozen=True)
class Problem:
    """One validation problem: which file, which field, what is wrong."""

    file: str
    field: str
    message: str

    def __str__(self) -> str:
        return f"{self.file}: {self.field}: {self.message}"


class KnowledgeBaseInvalid(KnowledgeBaseError):
    code = "knowledge_base_invalid"

    def __init__(self, problems: Sequence[Problem]) -> None:
        self.problems = list(problems)
        lines = "\n".join(f"  {p}" for p in self.problems)
        super().__init__(f"knowledge base has {len(self.problems)} problem(s):\n{lines}")


class ArticleNotFound(HelpdeskError):
    status_code = 404
    code = "not_found"

    def __init__(self, article_id: str, lang: str | None = None) -> None:
        where = f" in language '{lang}'" if lang else ""
        super().__init__(f"article '{article_id}' not found{where}")
        self.article_id = article_id


class AdminForbidden(HelpdeskError):
    status_code = 403
    code = "forbidden"


class ReloadFailed(HelpdeskError):
    status_code = 409
    code = "reload_failed"


class RecordsUnavailable(HelpdeskError):
    status_code = 503
    code = "records_unavailable"
