"""Splitting text into sentences, one rule for questions and articles alike.

A sentence ends at a full stop, question or exclamation mark followed by space (Korean
and full-width marks too), or at a line break; "kotra.or.kr" and "8703.23" stay whole.
"""

from __future__ import annotations

import re

_SENTENCE_END = re.compile(r"(?<=[.?!。？！])\s+|\n+")


def split_sentences(text: str) -> list[str]:
    """The non-blank sentences of ``text``, stripped, in order."""
    return [s.strip() for s in _SENTENCE_END.split(text) if s.strip()]
