"""What a question asks for: the words next to its question word.

A detail question names its topic and then the one thing it wants from it: "What
are the opening hours of the Korea Customs Service help center?", "애틀랜타무역관
직원은 몇 명이에요?". The topic words are what make search find the right article;
the asked-for words ("opening hours", "직원") are what says whether that article
can answer. When the article never uses them, it is about the topic but does not
hold the answer, however much of the question it covers.

The focus is found by position, with no parsing: in English, the first words after
a question word ("how much did Samsung pay" -> samsung, pay); in Korean, where the
question word comes last, the words just before it in its clause ("직원은 몇 명" ->
직원), and for 무슨/어떤/어느 also the word they qualify ("무슨 회의" -> 회의).
A question with no question word ("Is there a KOTRA office in Dallas?") has no focus.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from itertools import islice

ENGLISH_QUESTION_WORD = re.compile(
    r"\b(?:what|which|who|whom|whose|when|where|why|how(?: much| many| long| often)?)\b",
    re.IGNORECASE,
)
KOREAN_QUESTION_WORD = re.compile(r"몇|얼마|언제|어디|누구|누가|무엇|뭐|무슨|어떤|어느|며칠")
# Korean question words that qualify the noun after them ("무슨 회의에서").
KOREAN_QUALIFIERS = ("무슨", "어떤", "어느")
# A clause ends at a sentence mark or a comma: the words before a question word that
# count are the ones in its own clause.
CLAUSE_END = re.compile(r"[.?!,;。？！]")
WORDS_AFTER = 2  # English: the tokens after the question word that are its focus
WORDS_BEFORE = 2  # Korean: the tokens before it
# A question asks a few things at most: only the first question words of each language
# count, and only the text near each is analysed ("뭐" typed 500 times would otherwise
# have its whole prefix analysed 500 times).
MAX_QUESTION_WORDS = 4
NEAR = 40  # characters of text after (English) or before (Korean) a question word


def focus_tokens(text: str, analyze: Callable[[str], list[str]]) -> list[str]:
    """The tokens (as ``analyze`` gives them) that the question asks about, in order.

    Numbers, dates, percentages and section numbers are left out: they pin down the
    topic ("in July 2026", "the 50% duty"), they are not what is asked for, and the
    analyzer puts them first, ahead of the words next to the question word.
    """

    def analyze_words(span: str) -> list[str]:
        return [t for t in analyze(span) if not any(c.isdigit() for c in t)]

    found: list[str] = []
    for m in islice(ENGLISH_QUESTION_WORD.finditer(text), MAX_QUESTION_WORDS):
        clause = CLAUSE_END.split(text[m.end() : m.end() + NEAR], maxsplit=1)[0]
        found += analyze_words(clause)[:WORDS_AFTER]
    for m in islice(KOREAN_QUESTION_WORD.finditer(text), MAX_QUESTION_WORDS):
        before = text[max(0, m.start() - NEAR) : m.start()]
        clause = before[max((c.end() for c in CLAUSE_END.finditer(before)), default=0) :]
        if clause.strip():
            found += analyze_words(clause)[-WORDS_BEFORE:]
        if m.group() in KOREAN_QUALIFIERS:
            after = text[m.end() : m.end() + NEAR].split(maxsplit=1)
            if after:
                found += analyze_words(after[0])[:1]
    return list(dict.fromkeys(found))


# "다낭에도 무역관 있어요?", "코트라 사무소 없어요?": an office (or KOTRA) and then whether it
# exists, with at most a particle between. "무역관에 회의실 있어요?" asks about a room.
KOREAN_OFFICE_EXISTS = re.compile(
    r"(?:무역관|코트라|kotra|사무소|오피스)\s*(?:이|가|도|은|는)?\s*(?:있|없)", re.IGNORECASE
)
# "Is there a KOTRA office in Beijing?", "does KOTRA have an office near Surabaya",
# "any office in Tbilisi?", "is there a kotra in Chennai"; not "is there a fee for the
# KOTRA branch-office program?".
ENGLISH_OFFICE_EXISTS = re.compile(
    r"\b(?:is there|are there|do you have|does kotra have|do they have|any)\s+"
    r"(?:(?:an?|any)\s+)?(?:kotra\s+)?(?:trade\s+|overseas\s+|local\s+)?"
    r"(?:offices?\b|kotra\s+(?:in|near|at)\b)",
    re.IGNORECASE,
)


def asks_whether_office_exists(text: str) -> bool:
    """Whether the question asks if KOTRA has an office somewhere: it asks for the
    office as a whole, which its article's overview answers."""
    return bool(KOREAN_OFFICE_EXISTS.search(text) or ENGLISH_OFFICE_EXISTS.search(text))
