"""Search speed and memory, side by side with the reference libraries, in one run.

    python benchmarks/bench_search.py [--repeat N]

Every system answers the same questions (tests/eval/questions.jsonl) over the same
passages of the shipped knowledge base:

- helpdesk: the full /api/ask pipeline in-process (analysis, glossary, BM25,
  confidence, answer composition), without HTTP;
- helpdesk search only: SearchIndex.search (analysis + BM25 ranking);
- rank_bm25 whitespace: BM25Okapi over whitespace tokens (the evaluation's baseline a);
- bm25s default: bm25s with its default tokenizer (baseline b).

Timings are wall-clock on a shared machine: compare systems within one run, not
across runs. Memory is each system's peak RSS in a fresh process.
"""

from __future__ import annotations

import argparse
import json
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SYSTEMS = ["helpdesk", "helpdesk search only", "rank_bm25 whitespace", "bm25s default"]


def _run_one(name: str, repeat: int) -> dict[str, float]:
    """Build one system and time its queries; runs in its own process."""
    sys.path.insert(0, str(ROOT))
    start = time.perf_counter()
    from helpdesk.analyzer import default_analyzer
    from helpdesk.answer import AnswerPolicy, ask
    from helpdesk.evaluate import bm25s_system, load_questions, whitespace_bm25_system
    from helpdesk.index import SearchIndex
    from helpdesk.kb import load_knowledge_base
    from helpdesk.schemas import AskRequest
    from helpdesk.settings import Settings

    kb = load_knowledge_base(ROOT / "knowledge_base")
    questions = [q.question for q in load_questions(ROOT / "tests" / "eval" / "questions.jsonl")]
    if name.startswith("helpdesk"):
        index = SearchIndex(kb, default_analyzer())
    if name == "helpdesk":
        policy = AnswerPolicy.of(Settings())

        def query(q: str) -> object:
            return ask(index, AskRequest(question=q), policy=policy)

    elif name == "helpdesk search only":

        def query(q: str) -> object:
            return index.search(q, "ko" if any("가" <= c <= "힣" for c in q) else "en")

    else:
        from helpdesk.evaluate import Question

        baseline = whitespace_bm25_system if name.startswith("rank_bm25") else bm25s_system
        system = baseline(kb)

        def query(q: str) -> object:
            return system(Question("b", "bench", "en", q, ()))

    build = time.perf_counter() - start
    for q in questions[:20]:  # warm-up
        query(q)
    times: list[float] = []
    for _ in range(repeat):
        for q in questions:
            t0 = time.perf_counter()
            query(q)
            times.append((time.perf_counter() - t0) * 1000)
    times.sort()
    return {
        "queries": len(times),
        "build_s": round(build, 2),
        "p50_ms": round(statistics.median(times), 3),
        "p95_ms": round(times[int(0.95 * len(times)) - 1], 3),
        "p99_ms": round(times[int(0.99 * len(times)) - 1], 3),
        "qps": round(len(times) / (sum(times) / 1000), 1),
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5, help="passes over the question set")
    parser.add_argument("--one", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        print(json.dumps(_run_one(args.one, args.repeat)))
        return
    rows = {}
    for name in SYSTEMS:
        out = subprocess.run(
            [sys.executable, __file__, "--one", name, "--repeat", str(args.repeat)],
            check=True,
            capture_output=True,
            text=True,
        ).stdout
        rows[name] = json.loads(out.strip().splitlines()[-1])
    cols = ["queries", "build_s", "p50_ms", "p95_ms", "p99_ms", "qps", "peak_rss_mb"]
    print(f"{'system':<24}" + "".join(f"{c:>13}" for c in cols))
    for name, row in rows.items():
        print(f"{name:<24}" + "".join(f"{row[c]:>13}" for c in cols))


if __name__ == "__main__":
    main()
