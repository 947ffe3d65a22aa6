"""The search over the passages of both languages: ranking, boosts and what a hit carries.

Built once and immutable; ``IndexHolder`` swaps in a new one on reload.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from typing import NamedTuple

import numpy as np

from helpdesk.analyzer import HS_WORDS, Analyzer, hs_codes_in
from helpdesk.duties import duty_tokens, measure_terms
from helpdesk.focus import asks_whether_office_exists, focus_tokens
from helpdesk.glossary import Glossary
from helpdesk.kb.models import (
    LANGS,
    Article,
    Category,
    FrontMatter,
    KnowledgeBase,
    Lang,
    Passage,
    Uncovered,
)
from helpdesk.lang_index import LangIndex
from helpdesk.places import SETTING_COUNTRIES, Places, place_names
from helpdesk.sentences import split_sentences
from helpdesk.specificity import Specificity, default_specificity
from helpdesk.spelling import Speller
from helpdesk.terms import TermIndex
from helpdesk.uncovered import UncoveredSubjects
from helpdesk.values import answers, asked_kinds, asks_status

# Glossary synonyms count for less than the words the asker typed (as in RM3-style expansion).
EXPANSION_WEIGHT = 0.1
# The previous question of a conversation, for a follow-up, counts for half.
CONTEXT_WEIGHT = 0.5
# Articles tagged with a country the question names score this much more.
COUNTRY_BOOST = 1.3
# Office articles whose city the question names score this much more.
CITY_BOOST = 1.3
# One office's article answers questions about its place: when the question names no
# place and no office, its scores are multiplied by this.
PLACELESS_OFFICE_FACTOR = 0.7
# A measure or scheme that has ended scores this much less: at an equal match ("수출바우처"
# is the 2026 scheme's name, and an alias of the ended 2025 voucher holds both words),
# the asker wants what applies now. A question about the ended one still finds it.
ENDED_FACTOR = 0.95
# An article that never names a trade remedy the question names (anti-dumping,
# countervailing duties, safeguards) scores this much less, so the articles that do
# name it come first, and a fallback offers them first ("냉연강판 반덤핑 관세": the
# anti-dumping article, not the Section 232 note that lists cold-rolled sheet).
OTHER_MEASURE_FACTOR = 0.3
# The best RERANK_DEPTH passages score up to LINE_BOOST more when one title, alias or
# heading of their article holds the question (times the share it holds).
LINE_BOOST = 0.5
RERANK_DEPTH = 30
# Of those, a passage holding a value of the kind the question asks for (a rate for
# "몇 프로", an amount for "how much does it cost"; helpdesk.values) counts this much
# more when each article's passages are ordered among themselves; which article comes
# first does not change.
VALUE_BOOST = 0.3
# In a duty question, a passage with no duty word weighs this much: "세럼 미국 관세"
# goes to the note giving the rate, not the FDA note that names serums most.
NO_DUTY_FACTOR = 0.8
# An HS code puts its articles first only from the heading (four digits) on: a chapter
# tag (84, 85: all machinery and electrical goods) is too broad to outrank the words.
HS_PRIORITY_DIGITS = 4


def value_weight(asked: frozenset[str], held: frozenset[str]) -> float:
    """How much more a passage holding ``held`` kinds of value counts, when ordering an
    article's passages, for a question asking for the ``asked`` kinds: ``VALUE_BOOST``
    more when it holds one (helpdesk.values)."""
    return 1.0 + VALUE_BOOST if answers(asked, held) else 1.0


@dataclass(frozen=True)
class Hit:
    """A passage and its BM25 score for one query."""

    passage: Passage
    score: float  # rank_bm25's score for the words the asker typed, a compound also as its parts
    rank: float  # what the order is by: the score plus glossary, context, place and line boosts
    coverage: float  # IDF-weighted share of the query's distinct tokens found in the passage
    hs_match: str | None = None  # the article's HS code that matched a code in the question
    line_coverage: float = 0.0  # the most of the query one title, alias or heading holds
    # the same share with each token weighed by how specific it is in everyday language
    # (helpdesk.specificity), and the weight of the tokens the passage does not hold
    specific_coverage: float = 0.0
    specific_missed: float = 0.0
    # for a question of several sentences, the coverage of the one(s) that ask (with a
    # question mark, else the last); None for a one-sentence question
    ask_coverage: float | None = None
    # whether the passage holds a value of the kind the question asks for (True when it
    # asks for none; helpdesk.values)
    has_value: bool = True


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


class Shown(NamedTuple):
    """Which passage of the top article an answer shows (``SearchIndex.search``)."""

    position: int
    has_value: bool  # whether it holds a value of the kind the question asks for


class Search(NamedTuple):
    """What one search found, and what the question named."""

    tokens: list[str]
    hits: list[Hit]
    countries: list[str]
    office_ids: list[str]
    mentions_office: bool
    focus: tuple[str, ...] = ()  # the words the question asks for (helpdesk.focus)
    # the tokens of the sentence(s) that ask (``asking_sentences``), or of the whole question
    asking: tuple[str, ...] = ()
    asked: frozenset[str] = frozenset()  # the kinds of value it asks for (helpdesk.values)
    shown: Shown | None = None  # the passage of the top article to show; None without hits
    # a subject no article covers that the asking sentence names (helpdesk.uncovered)
    uncovered: Uncovered | None = None
    # the countries the asking sentence(s) name; ``countries`` for a one-sentence question
    # or one whose asking sentence names none
    asking_countries: tuple[str, ...] = ()


def asking_sentences(text: str) -> str | None:
    """Of a question of several sentences, the ones that ask (with a question mark, or
    else the last): "We make brake pads in Ulsan. Our buyer paid 25% in November.
    Can they get the difference back?" asks the last. None for one sentence."""
    sentences = split_sentences(text)
    if len(sentences) < 2:
        return None
    asking = [s for s in sentences if "?" in s or "？" in s] or sentences[-1:]
    return " ".join(asking)


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
        self.glossary = Glossary(kb.glossary, analyzer, kb.products)
        # the subjects next to the desk's that no article covers (helpdesk.uncovered)
        self.uncovered = UncoveredSubjects(kb.uncovered, analyzer)
        self.duty_tokens = duty_tokens(analyzer)  # what makes a question ask about duties
        self.measures = TermIndex(measure_terms(analyzer))  # anti-dumping, countervailing ...
        self.places = Places(kb, analyzer)
        self._by_lang: dict[Lang, LangIndex] = {}
        for lang in LANGS:
            built = LangIndex.build((a for a in kb if a.meta.lang == lang), analyzer.analyze)
            if built is not None:
                self._by_lang[lang] = built
        # per language and trade remedy, the articles that name it, worked out once
        self._naming: dict[Lang, list[frozenset[str]]] = {
            lang: [
                frozenset(
                    aid
                    for aid, held in index.article_tokens.items()
                    if any(set(term) <= held for term in terms)
                )
                for terms in self.measures.groups
            ]
            for lang, index in self._by_lang.items()
        }
        indexed = [index.token_sets for index in self._by_lang.values()]
        places = self.places
        self.speller = Speller(
            indexed, self.glossary, lambda token: analyzer.is_word(token) or places.is_name(token)
        )

    @property
    def passage_count(self) -> int:
        return sum(len(index.passages) for index in self._by_lang.values())

    def article(self, passage: Passage) -> Article:
        article = self.kb.get(passage.article_id, passage.lang)
        assert article is not None  # every indexed passage comes from a loaded article
        return article

    def article_tokens(self, passage: Passage) -> frozenset[str]:
        """Every token of the passage's article, in the passage's language."""
        return self._by_lang[passage.lang].article_tokens[passage.article_id]

    def lacks_measure(self, passage: Passage, tokens: Sequence[str]) -> bool:
        """Whether the question names a trade remedy (anti-dumping, countervailing
        duties, a safeguard) that the passage's article never names."""
        naming = self._naming[passage.lang]
        return any(passage.article_id not in naming[n] for n in self.measures.named(tokens))

    def name_tokens(self, passage: Passage) -> frozenset[str]:
        """The tokens of the title and aliases of the passage's article."""
        return self._by_lang[passage.lang].names[passage.article_id]

    def unconfirmed_tokens(self, passage: Passage) -> frozenset[str]:
        """The tokens of the sentences in which the passage's article says what its sources
        do not give or confirm (helpdesk.unconfirmed)."""
        return self._by_lang[passage.lang].unconfirmed[passage.article_id]

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
        placeless: frozenset[str] = frozenset({"KR"}),
        parts: Sequence[list[str]] = (),
        ask: list[str] | None = None,
        asked: frozenset[str] = frozenset(),
    ) -> list[Hit]:
        """Passages of one language, best first.

        ``expansion`` tokens (from the glossary) add to the score but not to coverage,
        which measures how much of what the asker typed the passage holds.
        With ``hs_codes``, articles tagged with a matching code come first (the most
        specific code first; a match on a chapter tag alone, fewer than
        ``HS_PRIORITY_DIGITS`` digits, does not reorder), their lead passage included
        even if no word matched, and the code's tokens count as covered. ``context``
        tokens (the previous question) add to the score at ``CONTEXT_WEIGHT``;
        ``boost_countries`` lifts articles tagged with those countries by
        ``COUNTRY_BOOST`` and ``boost_articles`` (offices whose city the question
        names, when it asks about an office or KOTRA) by ``CITY_BOOST``. When neither
        names a place other than the ``placeless`` countries, office articles weigh
        ``PLACELESS_OFFICE_FACTOR``.
        Each of ``parts`` (the known words a compound of the question is made of)
        adds to the score as much as one word: each piece weighs ``1/len(pieces)``.
        ``asked`` are the kinds of value the question asks for (helpdesk.values): each
        article's leading passages are reordered to show one holding such a value first.
        """
        index = self._by_lang.get(lang)
        if index is None or not tokens:
            return []
        bm25 = index.scores(tokens)
        for pieces in parts:
            bm25 += index.scores(pieces) / len(pieces)
        scores = bm25.copy()
        if expansion:
            scores += EXPANSION_WEIGHT * index.scores(expansion)
        if context:
            scores += CONTEXT_WEIGHT * index.scores(context)
        if boost_countries:
            wanted = frozenset(boost_countries)
            boost = np.array([COUNTRY_BOOST if wanted & c else 1.0 for c in index.countries])
            scores *= boost
        if boost_articles:
            named = frozenset(boost_articles)
            scores *= np.array([CITY_BOOST if m.id in named else 1.0 for m in index.metas])
        if not (set(boost_countries or ()) - placeless or boost_articles):
            scores[index.is_office] *= PLACELESS_OFFICE_FACTOR
        scores[index.is_ended] *= ENDED_FACTOR
        query = frozenset(tokens)
        for n in self.measures.named(tokens):
            naming = self._naming[lang][n]
            scores[[m.id not in naming for m in index.metas]] *= OTHER_MEASURE_FACTOR
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

        def order(i: int) -> tuple[int, float, int]:
            code = matches.get(i, "")
            priority = len(code) if len(code) >= HS_PRIORITY_DIGITS else 0
            return (-priority, -scores[i], i)  # HS code first, then score

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
        asks_duty = bool(self.duty_tokens & query)
        for i in head:
            scores[i] *= 1.0 + LINE_BOOST * line_coverage(i)
            if asks_duty and not self.duty_tokens & index.token_sets[i]:
                scores[i] *= NO_DUTY_FACTOR
        head.sort(key=order)
        if asked:
            head = self._values_first(head, index, asked, scores)
        candidates[:RERANK_DEPTH] = head
        specific = index.coverage(query, guessed, equivalents, light, weigh=self.specificity)
        asked_coverage = (
            index.coverage(frozenset(ask), guessed, equivalents, light) if ask else None
        )

        def hit(i: int) -> Hit:
            codes_held = code_tokens if i in matches else None
            share = specific(i, codes_held)
            return Hit(
                index.passages[i],
                float(bm25[i]),
                float(scores[i]),
                covers(i, codes_held),
                matches.get(i),
                line_coverage(i),
                share,
                (1.0 - share) * specific.total,
                None if asked_coverage is None else asked_coverage(i, codes_held),
                answers(asked, index.value_kinds[i]),
            )

        return [hit(i) for i in candidates[:limit]]

    @staticmethod
    def _values_first(
        head: list[int], index: LangIndex, asked: frozenset[str], scores: np.ndarray
    ) -> list[int]:
        """``head`` with each article's passages reordered among the places they hold, a
        passage with a value of the kind asked for (helpdesk.values) counting
        ``VALUE_BOOST`` more: "철강관세 몇프로임? 열연강판" shows the passage giving the
        50% rate, not the one listing the HS codes of 열연강판. Which article comes
        first does not change."""

        def weight(i: int) -> float:
            return float(scores[i]) * value_weight(asked, index.value_kinds[i])

        places: dict[str, list[int]] = {}
        for n, i in enumerate(head):
            places.setdefault(index.metas[i].id, []).append(n)
        shown = list(head)
        for spots in places.values():
            passages = sorted((head[n] for n in spots), key=lambda i: (-weight(i), i))
            for n, i in zip(spots, passages, strict=True):
                shown[n] = i
        return shown

    def _analyzed(self, text: str) -> tuple[list[str], frozenset[str], frozenset[str]]:
        """``text``'s tokens with misspellings corrected, the corrections guessed, and
        its verb and adjective stems (kept as typed, and weighing less in coverage)."""
        predicates: set[str] = set()
        typed = self.analyzer.analyze(text, predicates)
        verbs = frozenset(predicates)
        tokens, guessed = self.speller.correct(typed, verbs)
        return tokens, guessed, verbs

    def _words(self, text: str) -> list[str]:
        """``text`` analyzed, with misspellings corrected as in the question."""
        return self._analyzed(text)[0]

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
        tokens, guessed, verbs = self._analyzed(text)
        expansion = self.glossary.expand(tokens)
        equivalents = self.glossary.equivalents(tokens)
        # A Korean compound of the question is also searched as the known words it is
        # made of, which together weigh as the one word and cover it.
        parts: list[list[str]] = []
        for token in dict.fromkeys(tokens):
            pieces = self.speller.parts(token)
            if pieces is not None:
                equivalents.append((frozenset({token}), [frozenset(pieces)]))
                parts.append(pieces)
        context_tokens = self._words(context) if context else None
        countries = self.places.countries(tokens, text)
        codes = hs_codes_in(text)
        asking = asking_sentences(text)
        ask = self._words(asking) if asking else None
        asking_tokens = ask if ask is not None else tokens
        focus = focus_tokens(text, self._words)
        asked = asked_kinds(asking or text)
        search = Search(
            tokens=tokens,
            hits=[],
            countries=countries,
            office_ids=self.places.office_ids([*tokens, *expansion]),  # "엘에이" names LA
            mentions_office=self.places.mentions_office(tokens),
            focus=tuple(focus),
            asking=tuple(asking_tokens),
            asked=asked,
            uncovered=self.uncovered.named(asking_tokens),
            # what the asking sentence names, when it names a country at all
            asking_countries=tuple(
                (self.places.countries(ask, asking) if asking and ask is not None else [])
                or countries
            ),
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
                light=verbs,
                # "미국 수출하는 소기업인데 관세 물어볼 데" is set in the US and asks for
                # no office there; "미국 무역관 연락처" does.
                placeless=frozenset({"KR"}) if asks_for_office else SETTING_COUNTRIES,
                parts=parts,
                ask=ask,
                asked=asked,
            )
            if hits:
                # a compound also as its parts: "스쿨버스" finds the passage listing
                # "스쿨버스·시내버스", which the analyzer reads as 스쿨, 버스
                words = [*tokens, *(piece for pieces in parts for piece in pieces)]
                # An HS code names the product, which the search has already used to
                # find the article; which passage answers is for the other words to
                # tell ("HS 8708 브레이크패드 관세 25%에요 15%에요?" wants the rate, not
                # the passage listing the codes covered).
                product = {*codes, *HS_WORDS} if codes else set()
                words = [w for w in words if w not in product] or words
                shown = self._shown(
                    hits[0],
                    words,
                    asked,
                    bare=not focus,
                    office=asks_whether_office_exists(text),
                    status=asks_status(asking or text),
                )
                return search._replace(hits=hits, shown=shown)
        return search

    def _shown(
        self,
        top: Hit,
        tokens: list[str],
        asked: frozenset[str],
        *,
        bare: bool = False,
        office: bool = False,
        status: bool = False,
    ) -> Shown:
        """The passage of ``top``'s article that best answers: by BM25 over each
        passage's own words (title, heading and text; helpdesk.lang_index.own_fields),
        a passage holding a value of the kind asked for counting ``VALUE_BOOST`` more.

        The search ranks the lead passage with the article's summary and aliases, so it
        finds the article by any of its names; which of its passages says what was
        asked is for its own words to tell: "자카르타 코트라 사무소 개설연도" finds the
        Jakarta office's article by its lead and shows the passage on its history. The top
        hit stays when no passage's own words match (an HS code alone found it); the
        earlier passage wins a tie.

        A question that asks nothing of the subject (no question word, no kind of
        value) in only the words of the article's title ("kotra atlanta", "자카르타무역관",
        "멕시코 관세") asks for the subject as a whole, and is shown the article's lead,
        its overview, however a later passage's own words happen to score. So is a
        question whether KOTRA has an office somewhere (``office``: "다낭에도 무역관
        있어요? 중부 베트남 바이어 찾을라고") when an office's article answers it, unless
        it also asks for a kind of value (the address, the phone number).

        A question whether a measure still stands (``status``: "상호관세 15% 아직
        내야돼요?") counts a passage saying it stands, ended or was struck down
        ``VALUE_BOOST`` more, as it does a value of the kind asked for.
        """
        index = self._by_lang[top.passage.lang]
        rows = index.article_rows[top.passage.article_id]
        whole = bare and tokens and set(tokens) <= index.title_tokens(top.passage.article_id)
        if not asked and (whole or (office and index.is_office[rows[0]])):
            return Shown(index.passages[rows[0]].position, True)
        scores = index.own_bm25.get_batch_scores(tokens, rows)
        weighted = [
            score
            * value_weight(asked, index.value_kinds[i])
            * (1.0 + VALUE_BOOST if status and index.states[i] else 1.0)
            for i, score in zip(rows, scores, strict=True)
        ]
        best = max(range(len(rows)), key=lambda n: (weighted[n], -n))
        if weighted[best] <= 0:
            return Shown(top.passage.position, top.has_value)
        i = rows[best]
        return Shown(index.passages[i].position, answers(asked, index.value_kinds[i]))

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
