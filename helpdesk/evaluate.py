"""Retrieval evaluation: hit@1, hit@3, MRR@5, rejection, false fallback, language match.

The question set is JSON lines: ``{"id", "split", "lang", "question", "expected": [ids]}``;
``expected == []`` marks an out-of-scope question, which may also say what kind it is
(``"oos_kind"``, one of ``OOS_KINDS``): off-topic ("오늘 날씨"); another subject of
trade that no article covers ("UK import duty on Korean cars"); or a detail that no
article gives on a subject an article covers ("the KOTRA Riyadh office's opening year").
A question for a detail that an article says, in so many words, its sources do not give
("LA무역관 전화번호", where the article says it found none and names 1600-7119) is in
scope, answered by that article: its dated "not in our sources; ask 1600-7119" is the
honest answer, and the article's own.
Rejection is also reported per kind. An in-scope question may also give
``"evidence"``: fragments of the expected article's text that answer it; passage@1 is
the share of such questions whose first passage shown holds one of them (the right
passage, not only the right article). The same metrics are computed for the
help desk and for two baselines on the same passages: rank_bm25 over whitespace tokens,
and bm25s with its default tokenizer.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
from rank_bm25 import BM25Okapi

from helpdesk.answer import AnswerPolicy, ask
from helpdesk.index import SearchIndex
from helpdesk.kb.models import KnowledgeBase, Lang, Passage
from helpdesk.kb.render import plain_text
from helpdesk.lang_index import passage_fields
from helpdesk.schemas import AskRequest

OOS_KINDS = ("offtopic", "other", "detail")


@dataclass(frozen=True)
class Question:
    id: str
    split: str
    lang: Lang
    question: str
    expected: tuple[str, ...]
    oos_kind: str | None = None
    evidence: tuple[str, ...] = ()  # fragments of the text that answers it

    @property
    def in_scope(self) -> bool:
        return bool(self.expected)


def readable(heading: str, text: str) -> str:
    """A passage as a reader sees it, for finding evidence in: markdown dropped,
    white space collapsed."""
    return " ".join(f"{heading} {plain_text(text)}".split())


def holds_evidence(shown: str | None, evidence: tuple[str, ...]) -> bool:
    """Whether the ``readable`` text of a passage holds one of the fragments."""
    return shown is not None and any(" ".join(e.split()) in shown for e in evidence)


@dataclass(frozen=True)
class Ranking:
    """What a system returned: distinct articles best first, top passage language,
    answered, and the first passage it shows (``readable``)."""

    articles: list[str]
    top_lang: Lang | None
    answered: bool
    shown: str | None = None


System = Callable[[Question], Ranking]


def load_questions(path: Path) -> list[Question]:
    questions = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        data = json.loads(line)
        try:
            question = Question(
                id=data["id"],
                split=data["split"],
                lang=data["lang"],
                question=data["question"],
                expected=tuple(data["expected"]),
                oos_kind=data.get("oos_kind"),
                evidence=tuple(data.get("evidence", ())),
            )
        except KeyError as exc:
            raise ValueError(f"{path}:{n}: missing field {exc}") from exc
        if question.evidence and not question.in_scope:
            raise ValueError(f"{path}:{n}: evidence needs an in-scope question")
        if question.oos_kind is not None and (
            question.in_scope or question.oos_kind not in OOS_KINDS
        ):
            raise ValueError(
                f"{path}:{n}: oos_kind {question.oos_kind!r} needs an out-of-scope question "
                f"and one of {', '.join(OOS_KINDS)}"
            )
        questions.append(question)
    return questions


def _distinct(ids: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(ids))


def helpdesk_system(index: SearchIndex, policy: AnswerPolicy) -> System:
    def run(q: Question) -> Ranking:
        response = ask(index, AskRequest(question=q.question, top_k=10), policy=policy)
        first = response.answer or (response.results[0] if response.results else None)
        return Ranking(
            articles=_distinct(r.article_id for r in response.results),
            top_lang=response.results[0].lang if response.results else None,
            answered=response.answered,
            shown=readable(first.heading, first.text) if first else None,
        )

    return run


def _corpus(kb: KnowledgeBase) -> tuple[list[Passage], list[str]]:
    """The same passages, with the same indexed text, that the help desk searches (the
    questions each passage answers whole, as the baselines cannot tell which of their
    words are new)."""
    passages: list[Passage] = []
    texts: list[str] = []
    for article in kb:
        for passage in article.passages:
            passages.append(passage)
            texts.append("\n".join([passage_fields(article, passage), *passage.questions]))
    return passages, texts


def _ranking(passages: list[Passage], scores: np.ndarray, limit: int = 10) -> Ranking:
    order = [int(i) for i in np.argsort(-scores, kind="stable")[:limit] if scores[i] > 0]
    return _ranked(passages, order)


def _ranked(passages: list[Passage], order: list[int]) -> Ranking:
    """A baseline's ranking from the indexes of the passages it found, best first; it
    answers whenever it found any."""
    top = passages[order[0]] if order else None
    return Ranking(
        articles=_distinct(passages[i].article_id for i in order),
        top_lang=top.lang if top else None,
        answered=bool(order),
        shown=readable(top.heading, top.text) if top else None,
    )


def whitespace_bm25_system(kb: KnowledgeBase) -> System:
    """Baseline (a): rank_bm25 over lower-cased whitespace tokens; answers when anything scores."""
    passages, texts = _corpus(kb)
    bm25 = BM25Okapi([t.lower().split() for t in texts])

    def run(q: Question) -> Ranking:
        return _ranking(passages, np.asarray(bm25.get_scores(q.question.lower().split())))

    return run


def bm25s_system(kb: KnowledgeBase) -> System:
    """Baseline (b): bm25s with its default tokenizer (English stopwords, ``\\w\\w+`` tokens)."""
    import bm25s

    passages, texts = _corpus(kb)
    retriever = bm25s.BM25()
    retriever.index(bm25s.tokenize(texts, show_progress=False), show_progress=False)

    def run(q: Question) -> Ranking:
        tokens = bm25s.tokenize([q.question], show_progress=False)
        if not tokens.vocab:
            return Ranking([], None, False)
        docs, scores = retriever.retrieve(
            tokens, k=min(10, len(passages)), show_progress=False, n_threads=1
        )
        order = [int(d) for d, s in zip(docs[0], scores[0], strict=True) if s > 0]
        return _ranked(passages, order)

    return run


@dataclass
class Metrics:
    in_scope: int = 0
    out_of_scope: int = 0
    hit1: float = 0.0
    hit3: float = 0.0
    mrr5: float = 0.0
    rejected: float = 0.0
    false_fallback: float = 0.0
    lang_match: float = 0.0
    evidenced: int = 0  # in-scope questions that give evidence
    passage_hit: float = 0.0  # of those, the ones whose first passage shown holds it
    misses: list[str] = field(default_factory=list)

    def row(self, digits: int | None = 3) -> dict[str, float | int]:
        """The counts and rates, each rate rounded to ``digits`` (exact with None)."""
        n, m = max(self.in_scope, 1), max(self.out_of_scope, 1)

        def rate(x: float) -> float:
            return x if digits is None else round(x, digits)

        return {
            "n_in": self.in_scope,
            "n_oos": self.out_of_scope,
            "hit@1": rate(self.hit1 / n),
            "hit@3": rate(self.hit3 / n),
            "mrr@5": rate(self.mrr5 / n),
            "oos_rejection": rate(self.rejected / m),
            "false_fallback": rate(self.false_fallback / n),
            "lang_match": rate(self.lang_match / n),
            "n_evidence": self.evidenced,
            "passage@1": rate(self.passage_hit / max(self.evidenced, 1)),
        }


def score(questions: list[Question], system: System) -> dict[str, Metrics]:
    """Metrics for every (split, language) group, plus each split's and the whole set's
    totals, and the out-of-scope questions of each kind per split and language
    ("heldout/ko/detail") and in all ("all/detail")."""
    groups: dict[str, Metrics] = {}
    for q in questions:
        ranking = system(q)
        keys = [f"{q.split}/{q.lang}", f"{q.split}/all", f"all/{q.lang}", "all/all"]
        if q.oos_kind is not None:
            keys += [f"{q.split}/{q.lang}/{q.oos_kind}", f"all/{q.oos_kind}"]
        for key in keys:
            m = groups.setdefault(key, Metrics())
            if not q.in_scope:
                m.out_of_scope += 1
                m.rejected += not ranking.answered
                continue
            m.in_scope += 1
            top5 = ranking.articles[:5]
            rank = next((i for i, a in enumerate(top5, start=1) if a in q.expected), None)
            m.hit1 += rank == 1
            m.hit3 += rank is not None and rank <= 3
            m.mrr5 += 1 / rank if rank else 0.0
            m.false_fallback += not ranking.answered
            m.lang_match += ranking.top_lang == q.lang
            if q.evidence:
                m.evidenced += 1
                m.passage_hit += holds_evidence(ranking.shown, q.evidence)
            if rank != 1 and key == "all/all" and q.split == "dev":
                m.misses.append(q.id)  # held-out misses are never listed: no tuning on them
    return groups


ROW_ORDER = [
    "heldout/ko", "heldout/en", "heldout/all", "dev/ko", "dev/en", "dev/all",
    "all/ko", "all/en", "all/all",
]  # fmt: skip


def format_table(results: dict[str, dict[str, Metrics]]) -> str:
    """One table per system, a row per (split, language) group."""
    columns = ["n_in", "n_oos", "hit@1", "hit@3", "mrr@5", "oos_rejection", "false_fallback",
               "lang_match"]  # fmt: skip
    lines = []
    for system_name, groups in results.items():
        lines.append(f"\n{system_name}")
        lines.append(f"  {'group':<12}" + "".join(f"{c:>15}" for c in columns))
        for key in ROW_ORDER:
            if key in groups:
                row = groups[key].row()
                lines.append(f"  {key:<12}" + "".join(f"{row[c]:>15}" for c in columns))
    return "\n".join(lines).lstrip("\n")


def _by_system(
    results: dict[str, dict[str, Metrics]],
    title: str,
    keys: list[str],
    count: tuple[str, Callable[[Metrics], int]],
    column: str,
) -> str:
    """A table of one ``row()`` column for the groups ``keys``, a column per system,
    after the count of questions each group has ("" for no group)."""
    if not keys:
        return ""
    first = next(iter(results.values()))
    names = list(results)
    count_name, counted = count
    header = f"  {'group':<20}{count_name:>8}" + "".join(f"{n[:34]:>36}" for n in names)
    lines = [title, header]
    for key in keys:
        cells = "".join(f"{results[n][key].row()[column]:>36}" for n in names)
        lines.append(f"  {key:<20}{counted(first[key]):>8}" + cells)
    return "\n".join(lines)


def format_kinds(results: dict[str, dict[str, Metrics]]) -> str:
    """Out-of-scope rejection per kind of question, a column per system ("" when the
    question set labels no kinds)."""
    groups = [f"{split}/{lang}" for split in ("heldout", "dev") for lang in ("ko", "en")] + ["all"]
    first = next(iter(results.values()), {})
    keys = [f"{group}/{kind}" for group in groups for kind in OOS_KINDS]
    keys = [k for k in keys if k in first]
    count = ("n_oos", lambda m: m.out_of_scope)
    return _by_system(results, "out-of-scope rejection by kind", keys, count, "oos_rejection")


def format_passages(results: dict[str, dict[str, Metrics]]) -> str:
    """passage@1 per group of questions that give evidence, a column per system ("" when
    none does)."""
    first = next(iter(results.values()), {})
    keys = [k for k in ROW_ORDER if k in first and first[k].evidenced]
    title = "passage@1: the first passage shown holds the evidence"
    return _by_system(results, title, keys, ("n", lambda m: m.evidenced), "passage@1")
