"""The passages of one language, as BM25 (rank_bm25) sees them, with their articles' lines.

What a passage's indexed text is (title and heading weighted by repetition, the
lead passage with the summary and the aliases, and the words of the questions the
passage answers that it does not already use), and the per-language index the
search reads: the BM25 model (and a second one over the passages' own words, for
which passage of an article to show), each passage's token set, front matter and the kinds
of value it holds, each article's title, alias and heading lines for line coverage,
and the words of each article's names and of its sentences that say what its
sources do not confirm.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Sequence
from functools import lru_cache

import numpy as np
from rank_bm25 import BM25Okapi

from helpdesk.coverage import Coverage
from helpdesk.kb.models import Article, FrontMatter, Passage
from helpdesk.unconfirmed import unconfirmed_sentences
from helpdesk.values import held_kinds, holds_status

# How many times the title and the heading are repeated in a passage's indexed text:
# BM25 then weighs a match there above a match in the body (chosen on the dev split).
TITLE_WEIGHT = 1
HEADING_WEIGHT = 2
# Korean verb and adjective stems weigh this much in coverage (nouns carry the topic).
LIGHT_WEIGHT = 0.5
# How many tokens' BM25 scores over every passage each index keeps (``LangIndex.scores``):
# a few kilobytes each, and questions keep using the same words.
TERM_CACHE = 2048


def own_fields(article: Article, passage: Passage) -> str:
    """A passage's own words: title, heading and text (weighted by repetition)."""
    parts = (
        [article.meta.title] * TITLE_WEIGHT + [passage.heading] * HEADING_WEIGHT + [passage.text]
    )
    return "\n".join(parts)


def asked_words(asked: list[str], indexed: list[str]) -> list[str]:
    """The words of a passage's questions (``asked``, the analyzed front matter
    ``questions``) that its indexed text (``indexed``) does not use, once each.

    The questions are written in the askers' words ("what's the clock on that?" for a
    passage about the marking deadline), so their new words let the passage be found
    by them; added once, and not the words the passage already has, they widen the
    match without outweighing what the passage says.
    """
    have = set(indexed)
    return list(dict.fromkeys(t for t in asked if t not in have))


def passage_fields(article: Article, passage: Passage) -> str:
    """The text indexed for a passage: its own words (``own_fields``).

    The lead passage also carries the summary and the aliases, so that an article is
    found by every name it goes by.
    """
    if passage.position != 0:
        return own_fields(article, passage)
    return "\n".join([own_fields(article, passage), article.meta.summary, *article.meta.aliases])


def article_lines(article: Article) -> list[str]:
    """The short lines that name what an article answers: title, aliases and headings."""
    return [article.meta.title, *article.meta.aliases, *(p.heading for p in article.passages)]


class LangIndex:
    """One language's passages, their BM25 model, and their articles' lines."""

    def __init__(
        self,
        passages: list[Passage],
        tokens: list[list[str]],
        metas: list[FrontMatter],
        lines: dict[str, list[frozenset[str]]],
        names: dict[str, frozenset[str]],
        unconfirmed: dict[str, frozenset[str]],
        own_tokens: list[list[str]],
    ) -> None:
        self.passages = passages
        # each article's passages, in order
        self.article_rows: dict[str, list[int]] = {}
        for i, passage in enumerate(passages):
            self.article_rows.setdefault(passage.article_id, []).append(i)
        readable = [f"{p.heading}\n{p.text}" for p in passages]
        # the kinds of value each passage holds (helpdesk.values): a rate, an amount, a count
        self.value_kinds = [held_kinds(text) for text in readable]
        # whether each says a measure stands or has ended (struck down, lapsed, in force)
        self.states = [holds_status(text) for text in readable]
        # each article's title and aliases, and its sentences saying what it does not know
        # (helpdesk.unconfirmed), analyzed
        self.names = names
        self.unconfirmed = unconfirmed
        # each article's title, aliases and headings, analyzed: a question that one of
        # them holds is a question the article was written to answer
        self.lines: list[frozenset[str]] = []
        self.line_ranges: dict[str, range] = {}
        self.line_postings: dict[str, list[int]] = {}  # token -> the lines holding it
        for article_id, rows in lines.items():
            start = len(self.lines)
            self.lines.extend(rows)
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
        # every token of each article, for whether it uses the words a question asks for
        self.article_tokens: dict[str, frozenset[str]] = {}
        for meta, held in zip(metas, self.token_sets, strict=True):
            self.article_tokens[meta.id] = self.article_tokens.get(meta.id, frozenset()) | held
        self.bm25 = BM25Okapi(tokens)
        self._term_scores = lru_cache(maxsize=TERM_CACHE)(self._score_term)
        # The same passages by their own words (``own_fields``) and the questions they
        # answer, without the summary and aliases the lead carries: which passage of an
        # article to show.
        self.own_bm25 = BM25Okapi(own_tokens)
        n = len(passages)
        # A token no passage holds weighs as much as the rarest possible one.
        self.unseen_idf = math.log((n + 0.5) / 0.5)

    @classmethod
    def build(
        cls, articles: Iterable[Article], analyze: Callable[[str], list[str]]
    ) -> LangIndex | None:
        """The index of ``articles`` (all of one language), or None when they have no passage."""
        passages: list[Passage] = []
        tokens: list[list[str]] = []
        metas: list[FrontMatter] = []
        lines: dict[str, list[frozenset[str]]] = {}
        names: dict[str, frozenset[str]] = {}
        unconfirmed: dict[str, frozenset[str]] = {}
        own: list[list[str]] = []
        for article in articles:
            meta = article.meta
            lines[meta.id] = [frozenset(analyze(line)) for line in article_lines(article)]
            names[meta.id] = frozenset(analyze("\n".join([meta.title, *meta.aliases])))
            unknown = [
                sentence
                for p in article.passages
                for sentence in unconfirmed_sentences(f"{p.heading}\n{p.text}")
            ]
            unconfirmed[meta.id] = frozenset(analyze("\n".join(unknown)))
            for passage in article.passages:
                passages.append(passage)
                indexed = analyze(passage_fields(article, passage))
                # one question at a time: analysed as one text, the end of a question
                # can change how the next one's first word is read
                asked = [t for q in passage.questions for t in analyze(q)]
                tokens.append(indexed + asked_words(asked, indexed))
                # only the lead's indexed text holds more than its own words; the
                # questions count whole there, for which of its passages to show
                lead = passage.position == 0
                own.append((analyze(own_fields(article, passage)) if lead else indexed) + asked)
                metas.append(article.meta)
        if not passages:
            return None
        return cls(passages, tokens, metas, lines, names, unconfirmed, own)

    def scores(self, tokens: Sequence[str]) -> np.ndarray:
        """rank_bm25's ``get_scores(tokens)``, to the last bit: the same sum, in the same
        order, of rank_bm25's score of every passage for each token, which is kept for
        the ``TERM_CACHE`` tokens used last."""
        total = np.zeros(len(self.passages))
        for token in tokens:
            total += self._term_scores(token)
        return total

    def _score_term(self, token: str) -> np.ndarray:
        vector = np.asarray(self.bm25.get_scores([token]), dtype=float)
        vector.flags.writeable = False  # shared by every question that uses the token
        return vector

    def title_tokens(self, article_id: str) -> frozenset[str]:
        """The article's title, analyzed: the first of its lines (``article_lines``)."""
        return self.lines[self.line_ranges[article_id].start]

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
