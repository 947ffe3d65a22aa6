"""The BM25 search index over passages (rank_bm25), one per language, built once and immutable."""

from __future__ import annotations

import math
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from typing import NamedTuple

import numpy as np
from rank_bm25 import BM25Okapi

from helpdesk.analyzer import Analyzer, hs_codes_in
from helpdesk.glossary import Glossary
from helpdesk.kb.models import LANGS, Article, Category, FrontMatter, KnowledgeBase, Lang, Passage
from helpdesk.places import Places, place_names
from helpdesk.specificity import Specificity, default_specificity
from helpdesk.spelling import Speller

# Glossary synonyms count for less than the words the asker typed (as in RM3-style expansion).
EXPANSION_WEIGHT = 0.1
# A corrected spelling counts this much towards coverage (it may be a wrong guess).
GUESS_WEIGHT = 0.5
# The previous question of a conversation, for a follow-up, counts for half.
CONTEXT_WEIGHT = 0.5
# Articles tagged with a country the question names score this much more.
COUNTRY_BOOST = 1.3
# Office articles whose city the question names score this much more.
CITY_BOOST = 1.3
# How many times the title and the heading are repeated in a passage's indexed text:
# BM25 then weighs a match there above a match in the body (chosen on the dev split).
TITLE_WEIGHT = 1
HEADING_WEIGHT = 2
# One office's article answers questions about its place: when the question names no
# place and no office, its scores are multiplied by this.
PLACELESS_OFFICE_FACTOR = 0.7
# A measure or scheme that has ended scores this much less: at an equal match ("수출바우처"
# is the 2026 scheme's name, and an alias of the ended 2025 voucher holds both words),
# the asker wants what applies now. A question about the ended one still finds it.
ENDED_FACTOR = 0.95
# Korean verb and adjective stems weigh this much in coverage (nouns carry the topic).
LIGHT_WEIGHT = 0.5
# The best RERANK_DEPTH passages score up to LINE_BOOST more when one title, alias or
# heading of their article holds the question (times the share it holds).
LINE_BOOST = 0.5
RERANK_DEPTH = 30


@dataclass(frozen=True)
class Hit:
    """A passage and its BM25 score for one query."""

    passage: Passage
    score: float  # rank_bm25's score for the words the asker typed
    rank: float  # what the order is by: the score plus glossary, context, place and line boosts
    coverage: float  # IDF-weighted share of the query's distinct tokens found in the passage
    hs_match: str | None = None  # the article's HS code that matched a code in the question
    line_coverage: float = 0.0  # the most of the query one title, alias or heading holds
    # the same share with each token weighed by how specific it is in everyday language
    # (helpdesk.specificity), and the weight of the tokens the passage does not hold
    specific_coverage: float = 0.0
    specific_missed: float = 0.0


def hs_match(article_codes: list[str], query_codes: list[str]) -> str | None:
    """The most specific of the article's HS codes that a question's code falls under (or over).

    Chapter, heading and subheading all match by prefix: a question about 870323
    matches an article tagged 87 or 8703, and a question about chapter 72 matches an
    article tagged 7208.
    """
    found = [
        code
        for code in article_codes
        for asked in query_codes
        if asked.startswith(code) or code.startswith(asked)
    ]
    return max(found, key=len) if found else None


def passage_fields(article: Article, passage: Passage) -> str:
    """The text indexed for a passage: title, heading and text.

    The lead passage also carries the summary and the aliases.
    """
    parts = (
        [article.meta.title] * TITLE_WEIGHT + [passage.heading] * HEADING_WEIGHT + [passage.text]
    )
    if passage.position == 0:
        parts += [article.meta.summary, *article.meta.aliases]
    return "\n".join(parts)


def article_lines(article: Article) -> list[str]:
    """The short lines that name what an article answers: title, aliases and headings."""
    return [article.meta.title, *article.meta.aliases, *(p.heading for p in article.passages)]


class _LangIndex:
    def __init__(
        self,
        passages: list[Passage],
        tokens: list[list[str]],
        metas: list[FrontMatter],
        lines: dict[str, list[frozenset[str]]],
    ) -> None:
        self.passages = passages
        # each article's title, aliases and headings, analyzed: a question that one of
        # them holds is a question the article was written to answer
        self.lines: list[frozenset[str]] = []
        self.line_ranges: dict[str, range] = {}
        self.line_postings: dict[str, list[int]] = {}  # token -> the lines holding it
        for article_id, article_lines in lines.items():
            start = len(self.lines)
            self.lines.extend(article_lines)
            self.line_ranges[article_id] = range(start, len(self.lines))
        for j, line in enumerate(self.lines):
            for token in line:
                self.line_postings.setdefault(token, []).append(j)
        self.metas = metas  # each passage's article front matter, for filters and boosts
        self.countries = [frozenset(m.countries) for m in metas]
        # One office's article (it has an office block); the network and the regional
        # headquarters articles answer placeless questions ("코트라 무역관 총 몇 개").
        self.is_office = np.array([m.office is not None for m in metas])
        self.is_ended = np.array([m.status == "ended" for m in metas])  # ENDED_FACTOR
        self.token_sets = [frozenset(t) for t in tokens]
        self.bm25 = BM25Okapi(tokens)
        n = len(passages)
        # A token no passage holds weighs as much as the rarest possible one.
        self.unseen_idf = math.log((n + 0.5) / 0.5)

    def idf(self, token: str) -> float:
        value = self.bm25.idf.get(token)
        return self.unseen_idf if value is None else max(float(value), 0.0)

    def coverage(
        self,
        query: frozenset[str],
        guessed: frozenset[str] = frozenset(),
        equivalents: Sequence[tuple[frozenset[str], list[frozenset[str]]]] = (),
        light: frozenset[str] = frozenset(),
        *,
        lines: bool = False,
        weigh: Callable[[str], float] | None = None,
    ) -> Coverage:
        """How much of ``query`` each passage (or, with ``lines``, each title, alias and
        heading) holds; the weights (IDF, or ``weigh``) are worked out once."""
        weight = weigh or self.idf
        weights = {t: weight(t) * (LIGHT_WEIGHT if t in light else 1.0) for t in query}
        return Coverage(self.lines if lines else self.token_sets, weights, guessed, equivalents)


class Coverage:
    """IDF-weighted share of a query's tokens that a passage holds.

    Words the knowledge base never uses ("팔찌", "recipe") weigh the most, so a
    question that shares only a common word with an article scores low. A spelling
    correction (``guessed``) is a guess, so it counts half when held; a typed glossary
    term counts as held where the passage holds another term of its entry.
    """

    def __init__(
        self,
        token_sets: list[frozenset[str]],
        weights: dict[str, float],
        guessed: frozenset[str],
        equivalents: Sequence[tuple[frozenset[str], list[frozenset[str]]]],
    ) -> None:
        self._token_sets = token_sets
        self.total = sum(weights.values())
        self._found = {t: (GUESS_WEIGHT if t in guessed else 1.0) * w for t, w in weights.items()}
        self._query = frozenset(weights)
        self._equivalents = [(term & self._query, others) for term, others in equivalents]

    def __call__(self, i: int, extra: frozenset[str] | None = None) -> float:
        if self.total <= 0:
            return 0.0
        held = self._token_sets[i] | extra if extra else self._token_sets[i]
        found = self._query & held
        for term, others in self._equivalents:
            if not term <= found and any(other <= held for other in others):
                found = found | term
        return sum(self._found[t] for t in found) / self.total


class Search(NamedTuple):
    """What one search found, and what the question named."""

    tokens: list[str]
    hits: list[Hit]
    countries: list[str]
    office_ids: list[str]
    mentions_office: bool


class SearchIndex:
    """Immutable after construction; a reload builds a new one and swaps it in."""

    def __init__(
        self, kb: KnowledgeBase, analyzer: Analyzer, specificity: Specificity | None = None
    ) -> None:
        self.kb = kb
        self.analyzer = analyzer
        self.specificity = specificity or default_specificity()
        analyzer.load()
        analyzer.add_proper_nouns(place_names(kb))  # before any text is analyzed
        self.glossary = Glossary(kb.glossary, analyzer)
        self.places = Places(kb, analyzer)
        self._by_lang: dict[Lang, _LangIndex] = {}
        for lang in LANGS:
            passages: list[Passage] = []
            tokens: list[list[str]] = []
            metas: list[FrontMatter] = []
            lines: dict[str, list[frozenset[str]]] = {}
            for article in kb:
                if article.meta.lang != lang:
                    continue
                lines[article.meta.id] = [
                    frozenset(analyzer.analyze(line)) for line in article_lines(article)
                ]
                for passage in article.passages:
                    passages.append(passage)
                    tokens.append(analyzer.analyze(passage_fields(article, passage)))
                    metas.append(article.meta)
            if passages:
                self._by_lang[lang] = _LangIndex(passages, tokens, metas, lines)
        indexed = [index.token_sets for index in self._by_lang.values()]
        self.speller = Speller(indexed, self.glossary, analyzer.is_word)

    @property
    def passage_count(self) -> int:
        return sum(len(index.passages) for index in self._by_lang.values())

    def article(self, passage: Passage) -> Article:
        article = self.kb.get(passage.article_id, passage.lang)
        assert article is not None  # every indexed passage comes from a loaded article
        return article

    @staticmethod
    def _allowed(meta: FrontMatter, category: Category | None, country: str | None) -> bool:
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
        expansion: list[str] | None = None,
        hs_codes: list[str] | None = None,
        context: list[str] | None = None,
        boost_countries: list[str] | None = None,
        guessed: frozenset[str] = frozenset(),
        boost_articles: list[str] | None = None,
        equivalents: Sequence[tuple[frozenset[str], list[frozenset[str]]]] = (),
        light: frozenset[str] = frozenset(),
    ) -> list[Hit]:
        """Passages of one language, best first.

        ``expansion`` tokens (from the glossary) add to the score but not to coverage,
        which measures how much of what the asker typed the passage holds.
        With ``hs_codes``, articles tagged with a matching code come first (the most
        specific code first), their lead passage included even if no word matched,
        and the code's tokens count as covered. ``context`` tokens (the previous
        question) add to the score at ``CONTEXT_WEIGHT``; ``boost_countries`` lifts
        articles tagged with those countries by ``COUNTRY_BOOST`` and ``boost_articles``
        (offices whose city the question names, when it asks about an office or
        KOTRA) by ``CITY_BOOST``. When neither names a place other than Korea,
        office articles weigh ``PLACELESS_OFFICE_FACTOR``.
        """
        index = self._by_lang.get(lang)
        if index is None or not tokens:
            return []
        bm25 = np.asarray(index.bm25.get_scores(tokens), dtype=float)
        scores = bm25.copy()
        if expansion:
            scores += EXPANSION_WEIGHT * np.asarray(index.bm25.get_scores(expansion), dtype=float)
        if context:
            scores += CONTEXT_WEIGHT * np.asarray(index.bm25.get_scores(context), dtype=float)
        if boost_countries:
            wanted = frozenset(boost_countries)
            boost = np.array([COUNTRY_BOOST if wanted & c else 1.0 for c in index.countries])
            scores *= boost
        if boost_articles:
            named = frozenset(boost_articles)
            scores *= np.array([CITY_BOOST if m.id in named else 1.0 for m in index.metas])
        if not (set(boost_countries or ()) - {"KR"} or boost_articles):
            scores[index.is_office] *= PLACELESS_OFFICE_FACTOR
        scores[index.is_ended] *= ENDED_FACTOR
        query = frozenset(tokens)
        matches: dict[int, str] = {}
        if hs_codes:
            for i, (passage, meta) in enumerate(zip(index.passages, index.metas, strict=True)):
                code = hs_match(meta.hs_codes, hs_codes)
                if code is not None and (scores[i] > 0 or passage.position == 0):
                    matches[i] = code
        code_tokens = frozenset(t for t in query if t.isdigit() and len(t) >= 2)
        candidates = [
            i
            for i in {int(i) for i in np.flatnonzero(scores > 0)} | set(matches)
            if self._allowed(index.metas[i], category, country)
        ]
        covers = index.coverage(query, guessed=guessed, equivalents=equivalents, light=light)
        coverage = {i: covers(i, code_tokens if i in matches else None) for i in candidates}

        def order(i: int) -> tuple[int, float, int]:
            return (-len(matches.get(i, "")), -scores[i], i)  # HS code first, then score

        candidates.sort(key=order)
        lines = index.coverage(query, guessed, equivalents, light, lines=True)

        # Only lines that hold a query word (or another term of its glossary entry)
        # can cover any of it.
        words = set(query).union(*(t for _, others in equivalents for t in others))
        held = {j for t in words for j in index.line_postings.get(t, ())}
        by_article: dict[tuple[str, bool], float] = {}

        def line_coverage(i: int) -> float:
            key = (index.metas[i].id, i in matches)
            if key not in by_article:
                rows = index.line_ranges[key[0]]
                if key[1]:  # the HS code's tokens count as held on every line
                    by_article[key] = max((lines(j, code_tokens) for j in rows), default=0.0)
                else:
                    by_article[key] = max((lines(j) for j in rows if j in held), default=0.0)
            return by_article[key]

        # The leading passages are re-ranked by how much of the question one line of
        # their article holds: "postal address of KOTRA head office" goes to the
        # contact article, whose alias says it, not to one whose body says "postal".
        head = candidates[:RERANK_DEPTH]
        for i in head:
            scores[i] *= 1.0 + LINE_BOOST * line_coverage(i)
        head.sort(key=order)
        candidates[:RERANK_DEPTH] = head
        specific = index.coverage(query, guessed, equivalents, light, weigh=self.specificity)

        def hit(i: int) -> Hit:
            share = specific(i, code_tokens if i in matches else None)
            return Hit(
                index.passages[i],
                float(bm25[i]),
                float(scores[i]),
                coverage[i],
                matches.get(i),
                line_coverage(i),
                share,
                (1.0 - share) * specific.total,
            )

        return [hit(i) for i in candidates[:limit]]

    def search(
        self,
        text: str,
        lang: Lang,
        *,
        category: Category | None = None,
        country: str | None = None,
        limit: int = 10,
        context: str | None = None,
    ) -> Search:
        """Analyze ``text``, expand it with the glossary, and search its language first.

        Only when nothing in that language matches does the other language answer.
        ``context`` is the previous question of a conversation, for a follow-up.
        """
        predicates: set[str] = set()
        typed = self.analyzer.analyze(text, predicates)
        tokens, guessed = self.speller.correct(typed)
        expansion = self.glossary.expand(tokens)
        equivalents = self.glossary.equivalents(tokens)
        context_tokens = (
            self.speller.correct(self.analyzer.analyze(context))[0] if context else None
        )
        countries = self.places.countries(tokens, text)
        codes = hs_codes_in(text)
        search = Search(
            tokens=tokens,
            hits=[],
            countries=countries,
            office_ids=self.places.office_ids([*tokens, *expansion]),  # "엘에이" names LA
            mentions_office=self.places.mentions_office(tokens),
        )
        # A city named with no word for an office or for KOTRA is the asker's context
        # ("a distributor in LA"), not a request for that city's office.
        asks_for_office = search.mentions_office or self.places.names_kotra(tokens)
        order = [lang] + [other for other in LANGS if other != lang]
        for candidate in order:
            hits = self.search_lang(
                tokens,
                candidate,
                category=category,
                country=country,
                limit=limit,
                expansion=expansion,
                hs_codes=codes,
                context=context_tokens,
                boost_countries=countries,
                guessed=guessed,
                boost_articles=search.office_ids if asks_for_office else None,
                equivalents=equivalents,
                light=frozenset(predicates),
            )
            if hits:
                return search._replace(hits=hits)
        return search

    def translated(self, search: Search, lang: Lang) -> Search:
        """The same hits shown in ``lang``: each passage swapped for the one in the same
        place of the article's ``lang`` version (translations share their headings).

        Scores and coverage stay those of the language the words were found in.
        """
        hits = []
        for hit in search.hits:
            article = self.kb.get(hit.passage.article_id, lang)
            if article is None or hit.passage.position >= len(article.passages):
                hits.append(hit)
                continue
            hits.append(replace(hit, passage=article.passages[hit.passage.position]))
        return search._replace(hits=hits)


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
