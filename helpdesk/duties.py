"""The words that make a question about a duty or a tax.

A duty question is answered by a passage about duties: "세럼 미국 관세" wants the
note that gives the rate, not the FDA note that names serums most often. And a duty
question that names another country ("Japan import duty on Korean cosmetics",
"인도 스마트폰 기본관세") asks about that country's own duties, which only a tariff
note about that country answers (helpdesk.evidence). A question naming a trade
remedy (anti-dumping, countervailing duties, a safeguard) is about that remedy, which
only an article naming it answers (helpdesk.index).
"""

from __future__ import annotations

from helpdesk.analyzer import Analyzer

# 세관 (a customs office) too: "일본 세관 사전교시" asks about Japan's own customs. Not
# the English "customs", which the stemmer makes one word with "customers".
DUTY_WORDS = (
    "tariff", "duty", "tax", "levy", "VAT", "safeguard", "quota", "surtax",
    "관세", "세율", "세금", "부가세", "소비세", "세이프가드", "쿼터", "세관",
)  # fmt: skip


# Trade remedies, each named by several terms: a question naming one is about that
# measure, and an article that never names it cannot answer ("냉연강판 반덤핑 관세" is
# not answered by the Section 232 note listing cold-rolled sheet). Not "dumping"
# alone: a dump truck is no trade remedy.
MEASURE_TERMS: tuple[tuple[str, ...], ...] = (
    ("반덤핑", "덤핑", "anti-dumping", "antidumping", "dumping duty", "dumping margin"),
    ("상계관세", "countervailing", "CVD"),
    ("세이프가드", "safeguard", "safeguards"),
)


def duty_tokens(analyzer: Analyzer) -> frozenset[str]:
    """``DUTY_WORDS`` as the analyzer's tokens ("duties" -> "duti")."""
    return analyzer.token_set(DUTY_WORDS)


def measure_terms(analyzer: Analyzer) -> list[list[tuple[str, ...]]]:
    """``MEASURE_TERMS`` as the analyzer's token sequences, one list per measure."""
    return [
        [seq for seq in (tuple(analyzer.analyze(term)) for term in terms) if seq]
        for terms in MEASURE_TERMS
    ]
