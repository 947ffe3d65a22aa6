"""The sentences of an article that say what it does not know.

The knowledge base never guesses: where its sources stop, an article says so
("저희 자료에는 광저우무역관의 주소, 전화번호, 이메일, 업무시간이 나와 있지 않습니다",
"A lower Korean rate under the Section 232 truck tariff is unconfirmed") and points
the reader to 무역장벽 119. A question that asks for exactly that ("광저우무역관
업무시간 몇시까지에요?") holds every word of such a sentence, yet the article does not
give the answer: the service must not answer as though it knew. Either the article's
own sentence (dated, naming 무역장벽 119) or a fallback hands the asker on.
"""

from __future__ import annotations

import re

from helpdesk.sentences import split_sentences

# How the articles say that their sources do not give or confirm something.
UNCONFIRMED = re.compile(
    r"확인되지 않|찾지 못했|나와 있지 않|자료에는[^.]*없|확인된 자료에 없|알려지지 않|공개되지 않"
    r"|not (?:been )?confirmed|unconfirmed|not in our sources"
    r"|our sources (?:do not|don't|give no|show no|describe only)"
    r"|found no|could not find|did not find|no later source",
    re.IGNORECASE,
)


def unconfirmed_sentences(text: str) -> list[str]:
    """The sentences of ``text`` that say something is not confirmed or not in the sources."""
    return [s for s in split_sentences(text) if UNCONFIRMED.search(s)]
