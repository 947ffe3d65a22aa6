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

        # One-word terms of an entry stand for each other: "aluminium" is found where
        # a passage says "aluminum" or "알루미늄".
        self.synonyms: dict[str, frozenset[str]] = {}
        for analyzed_entry in self.entries:
            words = frozenset(seq[0] for seq in analyzed_entry if len(seq) == 1)
            for word in words:
                others = words - {word}
                if others:
                    self.synonyms[word] = self.synonyms.get(word, frozenset()) | others

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
