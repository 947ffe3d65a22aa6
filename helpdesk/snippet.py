"""A short excerpt of a passage around the query's terms."""

from __future__ import annotations


def make_snippet(text: str, terms: list[str], width: int = 180) -> str:
    """The ``width``-character window of ``text`` that holds the most distinct ``terms``.

    ``text`` is plain text; ``terms`` are the query's tokens, matched as lower-case
    substrings (a Korean morpheme or an English stem is a prefix of the surface word).
    """
    if len(text) <= width:
        return text
    lowered = text.lower()  # same length as text, so positions line up
    positions = sorted(
        (pos, term) for term in set(terms) if len(term) > 1 for pos in _find_all(lowered, term)
    )
    best_start, best_count = 0, 0
    for start, _ in positions:
        count = len({term for pos, term in positions if start <= pos < start + width})
        if count > best_count:
            best_start, best_count = start, count
    start = max(0, best_start - width // 4)
    if start > 0:
        space = text.rfind(" ", 0, start + 1)
        start = space + 1 if space > start - 20 else start
    end = min(len(text), start + width)
    if end < len(text):
        space = text.rfind(" ", start, end)
        end = space if space > start + width // 2 else end
    return ("…" if start > 0 else "") + text[start:end].strip() + ("…" if end < len(text) else "")


def _find_all(haystack: str, needle: str) -> list[int]:
    found, pos = [], haystack.find(needle)
    while pos != -1:
        found.append(pos)
        pos = haystack.find(needle, pos + 1)
    return found
