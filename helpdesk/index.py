"""The BM25 search index over passages (rank_bm25), one per language, built once and immutable."""

from __future__ import annotations

import difflib
import math
import re
import threading
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import NamedTuple

import numpy as np
from rank_bm25 import BM25Okapi

from helpdesk.analyzer import Analyzer, hs_codes_in
from helpdesk.glossary import Glossary
from helpdesk.kb.models import LANGS, Article, Category, FrontMatter, KnowledgeBase, Lang, Passage
from helpdesk.places import Places

_LATIN = re.compile(r"^[a-z]{5,}$")

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
# Office articles answer questions about their place: when the question names no place
# and no office, their scores are multiplied by this.
PLACELESS_OFFICE_FACTOR = 0.7
# Korean verb and adjective stems weigh this much in coverage (nouns carry the topic).
LIGHT_WEIGHT = 0.5
# Spelling candidates this close to the best one compete on how common they are.
SPELLING_TIE = 0.1


def correct_spelling(
    token: str,
    vocabulary: list[str],
    cutoff: float = 0.8,
    df: Mapping[str, int] | None = None,
) -> str:
    """The closest ``vocabulary`` word to an unknown Latin-script ``token`` ("tarrif" -> "tariff").

    Only words of five letters or more are corrected, and only to a close match
    (difflib ratio >= ``cutoff``); anything else is returned unchanged. Among matches
    nearly as close as the best (within ``SPELLING_TIE``), the word most passages use
    wins, as in Norvig's corrector: "tarrif" is nearer the rare stem "tarif"
    ("tariffed") but means "tariff".
    """
    if not _LATIN.match(token):
        return token
    matches = difflib.get_close_matches(token, vocabulary, n=5, cutoff=cutoff)
    if not matches:
        return token
    if df is None:
        return matches[0]
    best = difflib.SequenceMatcher(None, token, matches[0]).ratio()
    near = [
        m for m in matches if difflib.SequenceMatcher(None, token, m).ratio() >= best - SPELLING_TIE
    ]
    return max(near, key=lambda m: df.get(m, 0))


_HANGUL_WORD = re.compile(r"^[\uac00-\ud7a3]{2,4}$")
_HANGUL_RUN = re.compile(r"^[\uac00-\ud7a3]+$")


def _jamo_distance(a: str, b: str) -> int:
    """How many of the initial, medial and final letters of two Hangul syllables differ."""
    x, y = ord(a) - 0xAC00, ord(b) - 0xAC00
    return sum(
        p != q
        for p, q in zip(
            (x // 588, x % 588 // 28, x % 28), (y // 588, y % 588 // 28, y % 28), strict=True
        )
    )


def correct_hangul(
    token: str, by_shape: dict[tuple[int, int, str], list[str]], df: Mapping[str, int]
) -> str:
    """A Korean word the knowledge base never uses, one syllable off a word it does use.

    "철광" -> "철강": the syllables differ in one letter (ㅘ for ㅏ), as a slip of the
    keyboard does; "보복" is not taken for "보도" (복 and 도 differ in two).
    ``by_shape`` maps (length, position, word with that syllable blanked) to known
    words and ``df`` counts the passages each word is in. The
    typo is corrected only to a clear favourite: a neighbour used in at least
    twice as many passages as any other, so a word with several equal neighbours
    stays as typed.
    """
    if not _HANGUL_WORD.match(token):
        return token
    candidates = sorted(
        {
            word
            for i in range(len(token))
            for word in by_shape.get((len(token), i, token[:i] + "_" + token[i + 1 :]), [])
            if _jamo_distance(token[i], word[i]) <= 1
        },
        key=lambda w: (-df.get(w, 0), w),
    )
    if not candidates:
        return token
    if len(candidates) > 1 and df.get(candidates[0], 0) < 2 * df.get(candidates[1], 0):
        return token
    return candidates[0]


def split_hangul(
    token: str,
    known: frozenset[str],
    by_shape: dict[tuple[int, int, str], list[str]],
    df: Mapping[str, int],
) -> list[str] | None:
    """The words a long unknown Korean compound is made of, or None.

    "관세대응바우쳐" (typed without spaces, with a typo) -> 관세, 대응, 바우처;
    "덤프트럭" -> 덤프, 트럭. Each piece is two syllables or more and is a known word,
    a word ``correct_hangul`` fixes, or (once) a word the knowledge base does not
    know, usually the modifier of a known head noun. The split with the fewest
    unknown or corrected pieces wins, then a correction over an unknown word, then
    the fewest pieces.
    """
    if len(token) < 4 or not _HANGUL_RUN.match(token):
        return None
    # best[i]: (unknown or corrected pieces, pieces, unknown pieces, words) for token[:i]
    best: list[tuple[int, int, int, list[str]] | None] = [None] * (len(token) + 1)
    best[0] = (0, 0, 0, [])
    for end in range(2, len(token) + 1):
        for start in range(0, end - 1):
            before = best[start]
            if before is None or end - start == len(token):
                continue
            piece = token[start:end]
            word = piece if piece in known else correct_hangul(piece, by_shape, df)
            unknown = word not in known
            option = (before[0] + (word != piece or unknown), before[1] + 1,
                      before[2] + unknown, [*before[3], word])  # fmt: skip
            current = best[end]
            if current is None or (option[0], option[2], option[1]) < (
                current[0],
                current[2],
                current[1],
            ):
                best[end] = option
    found = best[len(token)]
    if found is None or found[1] < 2 or found[0] > 1:
        return None
    return found[3]


@dataclass(frozen=True)
class Hit:
    """A passage and its BM25 score for one query."""

    passage: Passage
    score: float  # rank_bm25's score for the words the asker typed
    rank: float  # what the order is by: the score plus glossary, context and country boosts
    coverage: float  # IDF-weighted share of the query's distinct tokens found in the passage
    hs_match: str | None = None  # the article's HS code that matched a code in the question
    countries: frozenset[str] = frozenset()  # the countries the passage's article is about


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


class _LangIndex:
    def __init__(
        self, passages: list[Passage], tokens: list[list[str]], metas: list[FrontMatter]
    ) -> None:
        self.passages = passages
        self.metas = metas  # each passage's article front matter, for filters and boosts
        self.countries = [frozenset(m.countries) for m in metas]
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
    ) -> Coverage:
        """How much of ``query`` each passage holds; the weights are worked out once."""
        weights = {t: self.idf(t) * (LIGHT_WEIGHT if t in light else 1.0) for t in query}
        return Coverage(self.token_sets, weights, guessed, equivalents)


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
        self._total = sum(weights.values())
        self._found = {t: (GUESS_WEIGHT if t in guessed else 1.0) * w for t, w in weights.items()}
        self._query = frozenset(weights)
        self._equivalents = [(term & self._query, others) for term, others in equivalents]

    def __call__(self, i: int, extra: frozenset[str] | None = None) -> float:
        if self._total <= 0:
            return 0.0
        held = self._token_sets[i] | extra if extra else self._token_sets[i]
        found = self._query & held
        for term, others in self._equivalents:
            if not term <= found and any(other <= held for other in others):
                found = found | term
        return sum(self._found[t] for t in found) / self._total


class Search(NamedTuple):
    """What one search found, and what the question named."""

    tokens: list[str]
    hits: list[Hit]
    countries: list[str]
    office_ids: list[str]
    mentions_office: bool


class SearchIndex:
    """Immutable after construction; a reload builds a new one and swaps it in."""

    def __init__(self, kb: KnowledgeBase, analyzer: Analyzer) -> None:
        self.kb = kb
        self.analyzer = analyzer
        self.glossary = Glossary(kb.glossary, analyzer)
        self.places = Places(kb, analyzer)
        self._by_lang: dict[Lang, _LangIndex] = {}
        for lang in LANGS:
            passages: list[Passage] = []
            tokens: list[list[str]] = []
            metas: list[FrontMatter] = []
            for article in kb:
                if article.meta.lang != lang:
                    continue
                for passage in article.passages:
                    passages.append(passage)
                    tokens.append(analyzer.analyze(passage_fields(article, passage)))
                    metas.append(article.meta)
            if passages:
                self._by_lang[lang] = _LangIndex(passages, tokens, metas)
        self._vocabulary = sorted(
            {t for index in self._by_lang.values() for t in index.bm25.idf if _LATIN.match(t)}
        )
        # Words of the indexed text and of the glossary are never "corrected":
        # "엘에이" and "씨티" are spellings the glossary knows.
        self._indexed = frozenset(t for index in self._by_lang.values() for t in index.bm25.idf)
        self._known = self._indexed | frozenset(
            t for entry in self.glossary.entries for seq in entry for t in seq
        )
        self._df: Counter[str] = Counter(
            t for index in self._by_lang.values() for tokens in index.token_sets for t in tokens
        )
        self._hangul_shapes: dict[tuple[int, int, str], list[str]] = {}
        for word in sorted(t for t in self._known if _HANGUL_WORD.match(t)):
            for i in range(len(word)):
                key = (len(word), i, word[:i] + "_" + word[i + 1 :])
                self._hangul_shapes.setdefault(key, []).append(word)

    def correct(self, tokens: list[str]) -> tuple[list[str], frozenset[str]]:
        """Tokens with unknown words replaced by their closest known spelling, and the guesses.

        English words go to the closest known word, short Korean words to a known word
        one syllable away, and long unknown Korean compounds to the known words they
        are made of. A guess is what a correction produced, not what was typed.
        """
        out: list[str] = []
        guessed: set[str] = set()
        for t in tokens:
            if t in self._indexed:
                out.append(t)
                continue
            respelled = self.glossary.respell(t, self._indexed)
            if respelled is not None:
                out.extend(respelled)  # a curated spelling, not a guess
                continue
            if t in self._known:
                out.append(t)
                continue
            if _HANGUL_WORD.match(t):
                fixed = [correct_hangul(t, self._hangul_shapes, self._df)]
            elif _HANGUL_RUN.match(t):
                fixed = split_hangul(t, self._known, self._hangul_shapes, self._df) or [t]
            else:
                fixed = [correct_spelling(t, self._vocabulary, df=self._df)]
            if fixed != [t]:
                guessed.update(w for w in fixed if w not in tokens)
            out.extend(fixed)
        return out, frozenset(guessed)

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
        placed: bool = True,
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
        articles tagged with those countries by ``COUNTRY_BOOST``.
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
        if not placed:
            for i in candidates:
                if index.metas[i].category == "office":
                    scores[i] *= PLACELESS_OFFICE_FACTOR
        candidates.sort(key=lambda i: (-len(matches.get(i, "")), -scores[i], i))
        return [
            Hit(
                index.passages[i],
                float(bm25[i]),
                float(scores[i]),
                coverage[i],
                matches.get(i),
                index.countries[i],
            )
            for i in candidates[:limit]
        ]

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
        tokens, guessed = self.correct(typed)
        expansion = self.glossary.expand(tokens)
        equivalents = self.glossary.equivalents(tokens)
        context_tokens = self.correct(self.analyzer.analyze(context))[0] if context else None
        countries = self.places.countries(tokens, text)
        codes = hs_codes_in(text)
        search = Search(
            tokens=tokens,
            hits=[],
            countries=countries,
            office_ids=self.places.office_ids([*tokens, *expansion]),  # "엘에이" names LA
            mentions_office=self.places.mentions_office(tokens),
        )
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
                placed=bool(set(countries) - {"KR"} or search.office_ids),
                boost_articles=search.office_ids,
                equivalents=equivalents,
                light=frozenset(predicates),
            )
            if hits:
                return search._replace(hits=hits)
        return search


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
