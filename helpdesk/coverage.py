"""How much of a question a passage (or one line of an article) holds, weighted per word."""

from __future__ import annotations

from collections.abc import Sequence

# A corrected spelling counts this much towards coverage (it may be a wrong guess).
GUESS_WEIGHT = 0.5


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
