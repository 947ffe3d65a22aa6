"""Query expansion with the knowledge base's Korean–English glossary.

Each glossary entry lists terms that mean the same thing ("상호관세", "reciprocal
tariff"). A query that contains any term of an entry, compared as analyzed token
sequences so spacing and particles do not matter, gains the tokens of the other
terms, so an English term in a Korean question (or the reverse) still finds the
article written in the question's language.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from helpdesk.analyzer import Analyzer, contains_sequence


class Glossary:
    """Analyzed glossary entries, ready to expand queries."""

    def __init__(self, entries: Iterable[Sequence[str]], analyzer: Analyzer) -> None:
        self.entries: list[list[tuple[str, ...]]] = []
        for entry in entries:
            analyzed = list(dict.fromkeys(tuple(analyzer.analyze(term)) for term in entry))
            analyzed = [seq for seq in analyzed if seq]
            if len(analyzed) > 1:
                self.entries.append(analyzed)

    def __len__(self) -> int:
        return len(self.entries)

    def expand(self, tokens: Sequence[str]) -> list[str]:
        """Tokens to add to the query: the other terms of every entry the query mentions."""
        present = set(tokens)
        extra: list[str] = []
        for entry in self.entries:
            if any(contains_sequence(tokens, seq) for seq in entry):
                for seq in entry:
                    for token in seq:
                        if token not in present:
                            present.add(token)
                            extra.append(token)
        return extra

    def equivalents(self, tokens: Sequence[str]) -> list[tuple[frozenset[str], list[frozenset[str]]]]:
        """For each glossary term the query contains: its tokens, and the other terms' tokens.

        A passage holding all the tokens of another term of the entry holds what the
        asker meant: "멕시코씨티" is found where a passage says "멕시코시티" or
        "mexico city", "aluminium" where it says "aluminum".
        """
        found = []
        for entry in self.entries:
            for seq in entry:
                if contains_sequence(tokens, seq):
                    others = [frozenset(other) for other in entry if other != seq]
                    found.append((frozenset(seq), others))
        return found
