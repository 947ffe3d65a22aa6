"""How sure the service is of its best hit, from the score distribution, as small pure functions.

confidence = w_cov * coverage + w_abs * saturation(score) + w_margin * margin(score, runner_up)

- coverage: share of the query's distinct tokens found in the best passage;
- saturation: s / (s + k), squashing the unbounded BM25 score into 0..1;
- margin: (s1 - s2) / s1, how far the best hit stands above the runner-up from another article.
"""

from __future__ import annotations


def saturation(score: float, k: float = 12.0) -> float:
    """``score / (score + k)``: 0.5 at ``score == k``."""
    return score / (score + k) if score > 0 else 0.0


def margin(score: float, runner_up: float) -> float:
    """``(s1 - s2) / s1``, in 0..1."""
    if score <= 0:
        return 0.0
    return max(0.0, min(1.0, (score - runner_up) / score))


def confidence(
    score: float,
    runner_up: float,
    coverage: float,
    *,
    w_coverage: float = 0.65,
    w_score: float = 0.30,
    w_margin: float = 0.05,
) -> float:
    """A 0..1 confidence for the best hit.

    The weights and the answer threshold (``Settings.min_confidence``) were chosen on
    the dev split of the evaluation set only; coverage separates in-scope questions
    from near-misses best, the score and the margin break its ties.
    """
    value = (
        w_coverage * coverage + w_score * saturation(score) + w_margin * margin(score, runner_up)
    )
    return round(max(0.0, min(1.0, value)), 4)
