"""Check a batch of evaluation questions before it joins tests/eval/questions.jsonl.

    .venv/bin/python tests/eval/check_batch.py BATCH.jsonl [--kb knowledge_base]

It runs no search: it checks the fields, that a question with Hangul is labelled
Korean and one without is English, that every expected article exists, that every
evidence fragment is found verbatim in a passage of an expected article in the
question's language (as a reader sees it: ``helpdesk.evaluate.readable``, matched
as passage@1 matches it), that the ids are new, and prints the counts by kind.
Writers of held-out batches run it (docs/audits/brief-heldout-writers.md); it never
shows what the service answers.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

from helpdesk.analyzer import detect_lang
from helpdesk.evaluate import OOS_KINDS, holds_evidence, readable
from helpdesk.kb import load_knowledge_base

FIELDS = {"id", "split", "lang", "question", "expected", "evidence", "oos_kind"}


def problems(rows: list[dict[str, object]], kb_path: Path, known_ids: set[str]) -> list[str]:
    kb = load_knowledge_base(kb_path)
    found: list[str] = []
    seen: set[str] = set()
    for n, row in enumerate(rows, start=1):
        where = f"line {n} ({row.get('id', '?')})"
        extra = set(row) - FIELDS
        if extra:
            found.append(f"{where}: unknown fields {sorted(extra)}")
        qid, question, lang = row.get("id"), row.get("question"), row.get("lang")
        if not isinstance(qid, str) or not qid:
            found.append(f"{where}: no id")
        elif qid in seen or qid in known_ids:
            found.append(f"{where}: id {qid} is already used")
        else:
            seen.add(qid)
        if row.get("split") != "heldout":
            found.append(f"{where}: split must be 'heldout'")
        if not isinstance(question, str) or not question.strip():
            found.append(f"{where}: no question")
            continue
        if lang not in ("ko", "en"):
            found.append(f"{where}: lang must be 'ko' or 'en'")
            continue
        if lang != detect_lang(question):
            found.append(f"{where}: a question with Hangul is Korean, one without is English")
        expected = row.get("expected")
        if not isinstance(expected, list):
            found.append(f"{where}: expected must be a list")
            continue
        evidence = row.get("evidence", [])
        if expected:
            if row.get("oos_kind") is not None:
                found.append(f"{where}: an in-scope question has no oos_kind")
            if not isinstance(evidence, list) or not 1 <= len(evidence) <= 3:
                found.append(f"{where}: give 1 to 3 evidence fragments")
                continue
            texts = []
            for article_id in expected:
                article = kb.get(str(article_id), lang)
                if article is None or article.meta.lang != lang:
                    found.append(f"{where}: no {lang} article {article_id!r}")
                    continue
                texts += [readable(p.heading, p.text) for p in article.passages]
            for fragment in evidence:
                if not any(holds_evidence(text, (str(fragment),)) for text in texts):
                    found.append(f"{where}: evidence not found verbatim: {fragment!r}")
        else:
            if row.get("oos_kind") not in OOS_KINDS:
                found.append(f"{where}: out of scope needs oos_kind, one of {OOS_KINDS}")
            if evidence:
                found.append(f"{where}: an out-of-scope question has no evidence")
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("batch", type=Path)
    parser.add_argument("--kb", type=Path, default=Path("knowledge_base"))
    parser.add_argument("--questions", type=Path, default=Path("tests/eval/questions.jsonl"))
    args = parser.parse_args()
    lines = args.batch.read_text(encoding="utf-8").splitlines()
    rows = [json.loads(line) for line in lines if line.strip()]
    known = {
        json.loads(line)["id"]
        for line in args.questions.read_text(encoding="utf-8").splitlines()
        if line.strip()
    }
    found = problems(rows, args.kb, known)
    for problem in found:
        print(problem)
    counts = Counter(str(r.get("oos_kind")) if not r.get("expected") else "in scope" for r in rows)
    print("no problems" if not found else f"{len(found)} problem(s)", dict(counts))
    sys.exit(1 if found else 0)


if __name__ == "__main__":
    main()
