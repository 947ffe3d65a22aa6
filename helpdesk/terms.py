"""Finding listed terms in a question's analyzed tokens.

The glossary, the subjects no article covers and the place names are each groups of
terms ("상호관세" / "reciprocal tariff"), analyzed as the search reads questions, so
spacing and particles do not matter. A term is found in a question two ways:

- as its own tokens, in order and next to each other;
- for a Korean term of two or more tokens, as question tokens that run together to
  the same letters. kiwipiepy cuts a compound by its context ("메이드인코리아" alone
  reads 메이드, 인, 코리아; inside a question 메이드, 인코리아), so the question may hold
  the term's letters cut elsewhere.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from helpdesk.analyzer import contains_sequence

Term = tuple[str, ...]


def is_hangul(token: str) -> bool:
    return "\uac00" <= token[:1] <= "\ud7a3"


class TermIndex:
    """Groups of analyzed terms, indexed so a question only tries the terms it could hold."""

    def __init__(self, groups: Iterable[Iterable[Term]]) -> None:
        self.groups: list[list[Term]] = [list(dict.fromkeys(g)) for g in groups]
        # Every term under its first token.
        self._by_first: dict[str, list[tuple[int, Term]]] = {}
        # Every Korean term of two or more tokens under its tokens run together.
        self._by_letters: dict[str, list[int]] = {}
        for n, terms in enumerate(self.groups):
            for seq in terms:
                self._by_first.setdefault(seq[0], []).append((n, seq))
                if len(seq) > 1 and all(is_hangul(token) for token in seq):
                    self._by_letters.setdefault("".join(seq), []).append(n)
        self._longest = max((len(letters) for letters in self._by_letters), default=0)

    def __len__(self) -> int:
        return len(self.groups)

    def found(self, tokens: Sequence[str]) -> list[tuple[int, Term]]:
        """(group number, term) for every term ``tokens`` hold, in group order and, within
        a group, in the group's term order. A term found by its letters is given as the
        question's tokens that hold them, once per group."""
        hits = {
            (n, seq)
            for token in set(tokens)
            for n, seq in self._by_first.get(token, ())
            if contains_sequence(tokens, seq)
        }
        named = {n for n, _ in hits}
        for start in range(len(tokens)):
            letters = ""
            for end in range(start, len(tokens)):
                letters += tokens[end]
                if len(letters) > self._longest:
                    break
                for n in self._by_letters.get(letters, ()):
                    if n not in named:
                        hits.add((n, tuple(tokens[start : end + 1])))
                        named.add(n)

        def order(item: tuple[int, Term]) -> tuple[int, int]:
            n, seq = item
            terms = self.groups[n]
            return n, terms.index(seq) if seq in terms else len(terms)

        return sorted(hits, key=order)

    def named(self, tokens: Sequence[str]) -> list[int]:
        """The numbers of the groups ``tokens`` name, in group order."""
        return list(dict.fromkeys(n for n, _ in self.found(tokens)))
