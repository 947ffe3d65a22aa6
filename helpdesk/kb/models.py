"""Pydantic models of an article's front matter, and the loaded article and passage types."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, model_validator

Lang = Literal["ko", "en"]
Category = Literal["tariff", "support", "office", "market"]
Status = Literal["in_force", "ended", "announced", "under_review", "info"]

LANGS: tuple[Lang, ...] = ("ko", "en")
CATEGORIES: tuple[Category, ...] = ("tariff", "support", "office", "market")
SLUG_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
_PARTIAL_DATE = re.compile(r"^\d{4}-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?$")


def _source_date(value: Any) -> Any:
    """Accept a YAML date or a ``YYYY-MM``/``YYYY-MM-DD`` string; keep it as a string."""
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, str) and not _PARTIAL_DATE.match(value):
        raise ValueError("is not a date (YYYY-MM-DD or YYYY-MM)")
    return value


def normalize_hs_code(value: Any) -> Any:
    """``8703.23`` / ``870323`` / ``8703.23.0100`` -> digits only; chapter to full tariff line."""
    if isinstance(value, int):
        value = str(value)
    if not isinstance(value, str):
        return value
    digits = value.replace(".", "").replace(" ", "")
    if not digits.isdigit() or len(digits) not in (2, 4, 6, 8, 10):
        raise ValueError("is not an HS code (2, 4, 6, 8 or 10 digits)")
    return digits


SourceDate = Annotated[str, BeforeValidator(_source_date)]
HsCode = Annotated[str, BeforeValidator(normalize_hs_code)]
Country = Annotated[str, Field(pattern=r"^[A-Z]{2}$")]
Slug = Annotated[str, Field(pattern=SLUG_PATTERN)]
Url = Annotated[str, Field(pattern=r"^https?://[^\s]+$")]
Text = Annotated[str, Field(min_length=1)]


class Source(BaseModel):
    """Where a fact comes from."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    title: Text
    url: Url
    date: SourceDate


class Office(BaseModel):
    """The structured block of an office article; contact fields only where a source gives them."""

    model_config = ConfigDict(
        extra="forbid",
        frozen=True,
        json_schema_extra={
            "examples": [
                {
                    "name": "KOTRA Monterrey",
                    "city": "Monterrey",
                    "country": "MX",
                    "region": "Latin America",
                }
            ]
        },
    )

    name: Text
    city: Text
    country: Country
    region: Text
    address: str | None = None
    phone: str | None = None
    email: str | None = None
    url: Url | None = None
    hours: str | None = None
    tariff_help_desk: bool | None = None


class FrontMatter(BaseModel):
    """The YAML front matter of one article file (see knowledge_base/README.md)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: Slug
    title: Text
    lang: Lang
    category: Category
    summary: Text
    aliases: list[Text] = Field(default_factory=list)
    countries: list[Country] = Field(default_factory=list)
    # tariff notes: the countries whose own duties or rules the note describes (the US
    # for a Section 232 note, Mexico for Mexico's tariff rises); ``countries`` also
    # lists the countries a measure targets
    levied_by: list[Country] = Field(default_factory=list)
    hs_codes: list[HsCode] = Field(default_factory=list)
    status: Status
    effective: dt.date | None = None
    as_of: dt.date
    sources: list[Source] = Field(min_length=1)
    related: list[Slug] = Field(default_factory=list)
    office: Office | None = None
    # the questions each passage answers, as exporters ask them, keyed by the passage's
    # heading (the title for the lead)
    questions: dict[Text, list[Text]] = Field(default_factory=dict)

    @model_validator(mode="after")
    def _office_only_for_offices(self) -> FrontMatter:
        if self.office is not None and self.category != "office":
            raise ValueError("an 'office' block is only allowed in category 'office'")
        return self

    @model_validator(mode="after")
    def _levied_by_only_for_tariff_notes(self) -> FrontMatter:
        if self.levied_by and self.category != "tariff":
            raise ValueError("'levied_by' is only allowed in category 'tariff'")
        if not set(self.levied_by) <= set(self.countries):
            raise ValueError("every 'levied_by' country must also be in 'countries'")
        return self

    @property
    def levying_countries(self) -> list[str]:
        """Whose duties a tariff note is about: ``levied_by``, or else ``countries``."""
        return list(self.levied_by or self.countries)


@dataclass(frozen=True)
class Passage:
    """One searchable piece of an article: the text under one ``##`` heading (or the lead)."""

    article_id: str
    lang: Lang
    position: int
    heading: str
    anchor: str
    text: str
    # the questions this passage answers (front matter ``questions``), searched, not shown
    questions: tuple[str, ...] = ()


@dataclass(frozen=True)
class Article:
    """A validated article file with its passages."""

    meta: FrontMatter
    body: str
    path: Path
    passages: tuple[Passage, ...]

    @property
    def key(self) -> tuple[str, Lang]:
        return (self.meta.id, self.meta.lang)


# A glossary entry's terms, as written in glossary.yaml.
Terms = tuple[str, ...]
# (products, category): everyday names of products and the category words the articles
# use for them ("세럼", "serum" -> "화장품", "cosmetics").
ProductEntry = tuple[Terms, Terms]


@dataclass(frozen=True)
class Uncovered:
    """A subject next to the help desk's that no article covers (not_covered.yaml): its
    name in each language, and the words a question names it by."""

    ko: str
    en: str
    terms: Terms


@dataclass(frozen=True)
class KnowledgeBase:
    """Every article, keyed by ``(id, lang)``, plus the glossary, the subjects no article
    covers and a content hash."""

    path: Path
    articles: Mapping[tuple[str, Lang], Article]
    glossary: tuple[Terms, ...] = ()
    products: tuple[ProductEntry, ...] = ()
    uncovered: tuple[Uncovered, ...] = ()
    version: str = ""
    _by_id: dict[str, dict[Lang, Article]] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        for (article_id, lang), article in self.articles.items():
            self._by_id.setdefault(article_id, {})[lang] = article

    def __iter__(self) -> Iterator[Article]:
        return iter(self.articles.values())

    def __len__(self) -> int:
        return len(self.articles)

    @property
    def ids(self) -> list[str]:
        return sorted(self._by_id)

    def translations(self, article_id: str) -> dict[Lang, Article]:
        return dict(self._by_id.get(article_id, {}))

    def get(self, article_id: str, lang: Lang | None = None) -> Article | None:
        """The article in ``lang``; without a language, Korean first, then English."""
        versions = self._by_id.get(article_id, {})
        if lang is not None:
            return versions.get(lang)
        return versions.get("ko") or versions.get("en")

    def preferred(self, article_id: str, lang: Lang) -> Article | None:
        """The article in ``lang`` when it has that translation, else in any language."""
        return self.get(article_id, lang) or self.get(article_id)

    @property
    def passages(self) -> list[Passage]:
        return [p for article in self for p in article.passages]
