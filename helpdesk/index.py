"""The BM25 search index over passages (rank_bm25), one per language, built once and immutable."""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
from rank_bm25 import BM25Okapi

from helpdesk.analyzer import Analyzer
from helpdesk.kb.models import LANGS, Article, Category, KnowledgeBase, Lang, Passage


@dataclass(frozen=True)
class Hit:
    """A passage and its BM25 score for one query."""

    passage: Passage
    score: float
    coverage: float  # share of the distinct query tokens found in the passage's fields


def passage_fields(article: Article, passage: Passage) -> str:
    """The text indexed for a passage: title, heading and text.

    The lead passage also carries the summary and the aliases.
    """
    parts = [article.meta.title, passage.heading, passage.text]
    if passage.position == 0:
        parts += [article.meta.summary, *article.meta.aliases]
    return "\n".join(parts)


class _LangIndex:
    def __init__(self, passages: list[Passage], tokens: list[list[str]]) -> None:
        self.passages = passages
        self.token_sets = [frozenset(t) for t in tokens]
        self.bm25 = BM25Okapi(tokens)


class SearchIndex:
    """Immutable after construction; a reload builds a new one and swaps it in."""

    def __init__(self, kb: KnowledgeBase, analyzer: Analyzer) -> None:
        self.kb = kb
        self.analyzer = analyzer
        self._by_lang: dict[Lang, _LangIndex] = {}
        for lang in LANGS:
            passages: list[Passage] = []
            tokens: list[list[str]] = []
            for article in kb:
                if article.meta.lang != lang:
                    continue
                for passage in article.passages:
                    passages.append(passage)
                    tokens.append(analyzer.analyze(passage_fields(article, passage)))
            if passages:
                self._by_lang[lang] = _LangIndex(passages, tokens)

    @property
    def passage_count(self) -> int:
        return sum(len(index.passages) for index in self._by_lang.values())

    def article(self, passage: Passage) -> Article:
        article = self.kb.get(passage.article_id, passage.lang)
        assert article is not None  # every indexed passage comes from a loaded article
        return article

    def _allowed(self, passage: Passage, category: Category | None, country: str | None) -> bool:
        meta = self.article(passage).meta
        if category is not None and meta.category != category:
            return False
        return country is None or country in meta.countries

    def search_lang(
        self,
        tokens: list[str],
        lang: Lang,
        *,
        category: Category | None = None,
        country: str | None = None,
        limit: int = 10,
    ) -> list[Hit]:
        """Passages of one language with a positive score, best first."""
        index = self._by_lang.get(lang)
        if index is None or not tokens:
            return []
        scores = np.asarray(index.bm25.get_scores(tokens), dtype=float)
        query = frozenset(tokens)
        hits: list[Hit] = []
        for i in np.argsort(-scores, kind="stable"):
            score = float(scores[i])
            if score <= 0.0 or len(hits) >= limit:
                break
            passage = index.passages[i]
            if not self._allowed(passage, category, country):
                continue
            coverage = len(query & index.token_sets[i]) / len(query)
            hits.append(Hit(passage, score, coverage))
        return hits

    def search(
        self,
        text: str,
        lang: Lang,
        *,
        category: Category | None = None,
        country: str | None = None,
        limit: int = 10,
    ) -> tuple[list[str], list[Hit]]:
        """Analyze ``text`` and search its language first; fall back to the other language."""
        tokens = self.analyzer.analyze(text)
        order = [lang] + [other for other in LANGS if other != lang]
        for candidate in order:
            hits = self.search_lang(
                tokens, candidate, category=category, country=country, limit=limit
            )
            if hits:
                return tokens, hits
        return tokens, []


class IndexHolder:
    """Holds the current index; ``reload`` builds a new one off to the side, then swaps it in.

    Readers take ``holder.index`` once per request, so a request never sees half of
    an old index and half of a new one.
    """

    def __init__(self, build: Callable[[], SearchIndex]) -> None:
        self._build = build
        self._lock = threading.Lock()
        self._index = build()

    @property
    def index(self) -> SearchIndex:
        return self._index

    def reload(self) -> SearchIndex:
        with self._lock:
            fresh = self._build()  # raises, leaving the old index in place, if the KB is broken
            self._index = fresh
            return fresh
