"""Subjects next to the help desk's that no article covers, found in a question.

Exporters ask the desk about neighbouring matters too: where the won-dollar rate is
going, how to register a trademark in the US, where a parcel is. Such a question
shares its other words with some article ("미국", "수출", "cosmetics"), so the
closest article can look like an answer. The curators list these subjects in
``knowledge_base/not_covered.yaml``, each with the words a question names it by; a
question whose asking sentence names one is handed to a consultant, and the fallback
says which subject the articles do not cover. Only the asking sentence counts: in
"Our margins are hit by the exchange rate. What tariff support does KOTRA offer?"
the rate is the setting. Within one sentence the rule cannot tell a setting from the
subject ("환율도 오르고 관세도 올라서 힘든데 코트라 지원 있나요?" falls back, naming
exchange rates); it errs towards handing over, where a wrong answer would cost more.

A subject is listed only while no article uses its words: once one does, the article
covers it, and ``helpdesk kb check`` reports the listing (``used_terms``).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from helpdesk.analyzer import Analyzer
from helpdesk.kb.models import KnowledgeBase, Uncovered
from helpdesk.terms import TermIndex


class UncoveredSubjects:
    """The listed subjects, their terms analyzed as the search reads questions."""

    def __init__(self, subjects: Iterable[Uncovered], analyzer: Analyzer) -> None:
        self._subjects = list(subjects)
        self._terms = TermIndex(
            [seq for seq in (tuple(analyzer.analyze(term)) for term in subject.terms) if seq]
            for subject in self._subjects
        )

    def __len__(self) -> int:
        return len(self._subjects)

    def named(self, tokens: Sequence[str]) -> Uncovered | None:
        """The first listed subject that ``tokens`` (a question's, analyzed) name, if any."""
        found = self._terms.named(tokens)
        return self._subjects[found[0]] if found else None


def used_terms(kb: KnowledgeBase, analyzer: Analyzer) -> list[str]:
    """A message for every listed term that an article uses (in its title, aliases,
    summary, headings, text or questions): that subject is covered after all."""
    subjects = UncoveredSubjects(kb.uncovered, analyzer)
    if not len(subjects):
        return []
    messages = []
    for article in kb:
        meta = article.meta
        texts = [meta.title, meta.summary, *meta.aliases]
        for passage in article.passages:
            texts += [passage.heading, passage.text, *passage.questions]
        for text in texts:
            found = subjects.named(analyzer.analyze(text))
            if found is not None:
                messages.append(
                    f"{found.en!r} is listed as not covered, but {article.path.as_posix()}"
                    f" names it: {text[:60]!r}"
                )
                break
    return messages
