"""What the confidence model reads about a search's best hit, and the judgement it gives.

The inputs (``Evidence``) are worked out from the hits and from what the question
names; ``helpdesk.confidence`` turns them into a 0..1 confidence.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import NamedTuple

from helpdesk.analyzer import detect_lang
from helpdesk.confidence import confidence
from helpdesk.coverage import Coverage
from helpdesk.index import Hit, Search, SearchIndex
from helpdesk.places import SETTING_COUNTRIES, with_eu_members

HS_MATCH_COVERAGE = 0.75


def runner_up_score(hits: list[Hit]) -> float:
    """The best score of a passage from another article than the top hit's."""
    top = hits[0].passage.article_id
    return next((h.score for h in hits[1:] if h.passage.article_id != top), 0.0)


class Evidence(NamedTuple):
    """What the confidence model reads about the best hit (``confidence``'s arguments)."""

    score: float
    runner_up: float
    coverage: float
    terms: int
    elsewhere: float
    line_coverage: float
    korean: float
    foreign_duty: float
    specific_coverage: float
    specific_missed: float
    ask_coverage: float
    several_sentences: float
    unanswerable: float
    focus_coverage: float
    asks_focus: float
    unconfirmed: float
    lacks_value: float


def specific_share(index: SearchIndex, words: Iterable[str], held: frozenset[str]) -> float:
    """The share of ``words``, each weighed by how specific it is, that ``held`` holds
    (0 for no words)."""
    weights = {t: index.specificity(t) for t in words}
    return Coverage([held], weights, frozenset(), ())(0)


def focus_coverage(index: SearchIndex, search: Search, top: Hit) -> float:
    """The share of what the question asks for (``Search.focus``, each word weighed by
    how specific it is) that the top hit's article uses anywhere; 1 with no focus."""
    if not search.focus:
        return 1.0
    return specific_share(index, search.focus, index.article_tokens(top.passage))


def unconfirmed_share(index: SearchIndex, search: Search, top: Hit) -> float:
    """The share of what the question asks (the asking sentence's words beyond the top
    article's title and aliases, each weighed by how specific it is) that the article
    holds in its sentences saying what its sources do not confirm (helpdesk.unconfirmed).

    "LA무역관 업무시간 몇시부터에요?" asks for 업무시간, and the LA office's article
    names it only where it says its hours are not confirmed.
    """
    asked = set(search.asking) - index.name_tokens(top.passage)
    return specific_share(index, asked, index.unconfirmed_tokens(top.passage))


def evidence(index: SearchIndex, search: Search) -> Evidence | None:
    """The confidence model's inputs for the top hit, or None when nothing matched.

    An HS code in the question that the top article is tagged with is strong
    evidence on its own: product words next to it ("열연강판") often appear in no
    article, so coverage counts at least ``HS_MATCH_COVERAGE`` then. ``elsewhere``
    is the share of the countries the question names (other than the setting
    countries) that the top article is not about. ``line_coverage`` is the most of
    the question one title, alias or heading of the top article holds, and
    ``korean`` whether any searched word is Korean: Korean questions keep more
    words no article uses (colloquial verb stems), so they cover less at equal
    relevance.
    """
    hits = search.hits
    if not hits:
        return None
    top = hits[0]
    coverage = max(top.coverage, HS_MATCH_COVERAGE) if top.hs_match else top.coverage
    named = set(search.countries) - SETTING_COUNTRIES
    meta = index.article(top.passage).meta
    about = with_eu_members(meta.countries)
    elsewhere = len(named - about) / len(named) if named else 0.0
    line = max(top.line_coverage, HS_MATCH_COVERAGE) if top.hs_match else top.line_coverage
    terms = len(set(search.tokens))
    korean = float(detect_lang(" ".join(search.tokens)) == "ko")
    # A duty question naming another country is about that country's duties, answered
    # only by a tariff note about it; a question about an office there is not.
    # A support scheme is no country's duty: "we moved production to Mexico because of
    # US tariffs; what did K-SURE offer?" is about the scheme.
    duty = (
        bool(index.duty_tokens & set(search.tokens))
        and not search.mentions_office
        and meta.category != "support"
    )
    levying = with_eu_members(meta.levying_countries) if meta.category == "tariff" else frozenset()
    # "US tariff on Japanese goods" names who levies it: a question about the note's duties.
    # Who levies is named where the question asks: "We export to Canada as well as the
    # US. ... Does Canada charge a surtax on Korean steel too?" asks about Canada's.
    about_note = bool(levying & set(search.asking_countries))
    foreign_duty = len(named - levying) / len(named) if named and duty and not about_note else 0.0
    # A tariff note is about its levying countries' duties: asked about the duties of
    # countries it is not about at all, it cannot answer. (A support article may still
    # answer a duty question set elsewhere: "we moved production to Mexico because of
    # US tariffs; did K-SURE help?")
    unanswerable = elsewhere * foreign_duty if meta.category == "tariff" else 0.0
    # A subject no article covers, named by the asking sentence (helpdesk.uncovered),
    # is not answered by whichever article shares the question's other words.
    if search.uncovered is not None:
        unanswerable = 1.0
    # A question about a trade remedy (anti-dumping, a safeguard) is not answered by an
    # article that never names it: "냉연강판 반덤핑 관세" by the 232 note listing the sheet.
    if index.lacks_measure(top.passage, search.tokens):
        unanswerable = 1.0
    return Evidence(
        top.score,
        runner_up_score(hits),
        coverage,
        terms,
        elsewhere,
        line,
        korean,
        foreign_duty,
        top.specific_coverage,
        top.specific_missed,
        coverage if top.ask_coverage is None else top.ask_coverage,
        float(top.ask_coverage is not None),
        unanswerable,
        focus_coverage(index, search, top),
        float(bool(search.focus)),
        unconfirmed_share(index, search, top),
        float(not top.has_value),
    )


def judge(index: SearchIndex, search: Search) -> float:
    """Confidence in the top hit (0 when there is none)."""
    found = evidence(index, search)
    return 0.0 if found is None else confidence(**found._asdict())
