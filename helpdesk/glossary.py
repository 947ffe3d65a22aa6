"""Query expansion with the knowledge base's Korean–English glossary.

Each glossary entry lists terms that mean the same thing ("상호관세", "reciprocal
tariff"). A query that contains any term of an entry, compared as analyzed token
sequences so spacing and particles do not matter, gains the tokens of the other
terms, so an English term in a Korean question (or the reverse) still finds the
article written in the question's language.

A product entry goes one way: exporters name what they make ("세럼", "frozen
dumplings", "dump truck"), the articles the category it belongs to ("화장품",
"food", "truck"). A query naming the product gains the category's terms, and a
passage holding them holds what the asker meant; a query about the category
gains nothing from the product names.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from helpdesk.analyzer import Analyzer
from helpdesk.terms import TermIndex, is_hangul


class Glossary:
    """Analyzed glossary entries, ready to expand queries."""

    def __init__(
        self,
        entries: Iterable[Sequence[str]],
        analyzer: Analyzer,
        products: Iterable[tuple[Sequence[str], Sequence[str]]] = (),
    ) -> None:
        # Per entry: the terms a query may name, and the terms it then stands for
        # (for a synonym entry the same list, for a product entry its category).
        self.entries: list[list[tuple[str, ...]]] = []
        self.targets: list[list[tuple[str, ...]]] = []

        def analyzed(terms: Iterable[str]) -> list[tuple[str, ...]]:
            found = dict.fromkeys(tuple(analyzer.analyze(term)) for term in terms)
            return [seq for seq in found if seq]

        for entry in entries:
            terms = analyzed(entry)
            if len(terms) > 1:
                self.entries.append(terms)
                self.targets.append(terms)
        for names, category in products:
            broad = analyzed(category)
            narrow = [seq for seq in analyzed(names) if seq not in broad]
            if narrow and broad:
                self.entries.append(narrow)
                self.targets.append(broad)
        self._terms = TermIndex(self.entries)

    def __len__(self) -> int:
        return len(self.entries)

    def expand(self, tokens: Sequence[str]) -> list[str]:
        """Tokens to add to the query: the other terms of every entry the query mentions."""
        present = set(tokens)
        extra: list[str] = []
        for n in self._terms.named(tokens):
            for seq in self.targets[n]:
                for token in seq:
                    if token not in present:
                        present.add(token)
                        extra.append(token)
        return extra

    def equivalents(
        self, tokens: Sequence[str]
    ) -> list[tuple[frozenset[str], list[frozenset[str]]]]:
        """For each glossary term the query contains: its tokens, and the other terms' tokens.

        A passage holding all the tokens of another term of the entry holds what the
        asker meant: "멕시코씨티" is found where a passage says "멕시코시티" or
        "mexico city", "aluminium" where it says "aluminum".
        """
        return [
            (frozenset(seq), [frozenset(other) for other in self.targets[n] if other != seq])
            for n, seq in self._terms.found(tokens)
        ]

    def respell(self, token: str, indexed: frozenset[str]) -> list[str] | None:
        """The tokens of another term for ``token`` that the indexed text uses, or None.

        "엘에이" appears in no article, but its entry's "로스앤젤레스" does: a one-word term
        the index never saw is searched as the entry's first term whose words it has,
        in the same script first. A product no article names ("세단") is searched as its
        category ("승용차").
        """
        hangul = is_hangul(token)
        for n in self._terms.named([token]):
            if (token,) not in self.entries[n]:
                continue
            others = [
                seq for seq in self.targets[n] if seq != (token,) and all(t in indexed for t in seq)
            ]
            others.sort(key=lambda seq: is_hangul(seq[0]) != hangul)
            if others:
                return list(others[0])
        return None


def term_problems(entries: Iterable[Sequence[str]], analyzer: Analyzer) -> list[str]:
    """What keeps glossary terms from working as written, one message per term.

    Entries are matched as analyzed tokens, so two faults cannot be seen in the file:
    a term the analyzer reads as no word ("u.s.", "억 달러") never matches, and a term
    that reads as a term of another entry joins the two entries for every question
    naming it ("한국산" reads as 한국, so every question naming Korea would also have
    been searched for "made in Korea").
    """
    read = [[(term, tuple(analyzer.analyze(term))) for term in entry] for entry in entries]
    owners: dict[tuple[str, ...], list[int]] = {}
    problems: list[str] = []
    for n, terms in enumerate(read):
        first = terms[0][0]
        for term, tokens in terms:
            if not tokens:
                problems.append(f"{term!r} (entry {first!r}) reads as no word: it never matches")
            elif n not in owners.setdefault(tokens, []):
                owners[tokens].append(n)
    for n, terms in enumerate(read):
        first = terms[0][0]
        for term, tokens in terms:
            others = [read[m][0][0] for m in owners.get(tokens, []) if m != n]
            if others:
                problems.append(
                    f"{term!r} (entry {first!r}) reads as {' '.join(tokens)!r}, a term of"
                    f" the entry {others[0]!r} too: a question naming it gets both entries' terms"
                )
    return problems
