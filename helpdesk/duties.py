"""The words that make a question about a duty or a tax.

A duty question is answered by a passage about duties: "세럼 미국 관세" wants the
note that gives the rate, not the FDA note that names serums most often. And a duty
question that names another country ("Japan import duty on Korean cosmetics",
"인도 스마트폰 기본관세") asks about that country's own duties, which only a tariff
note about that country answers (helpdesk.evidence).
"""

from __future__ import annotations

from helpdesk.analyzer import Analyzer

DUTY_WORDS = (
    "tariff", "duty", "tax", "levy", "VAT", "safeguard", "quota", "surtax",
    "관세", "세율", "세금", "부가세", "소비세", "세이프가드", "쿼터",
)  # fmt: skip


def duty_tokens(analyzer: Analyzer) -> frozenset[str]:
    """``DUTY_WORDS`` as the analyzer's tokens ("duties" -> "duti")."""
    return analyzer.token_set(DUTY_WORDS)
