"""The help desk's search time at two git revisions, timed back to back in one run.

    python benchmarks/compare_revisions.py BASE [HEAD]

A change that adds a little per-query work is smaller than the drift of a shared
machine between two runs of ``make bench`` minutes apart, so this times the two
revisions alternately (BASE, HEAD, BASE) in fresh processes, each over the same
questions (this checkout's tests/eval/questions.jsonl, two passes) and its own
revision's code and knowledge base, checked out in temporary git worktrees. It
prints p50 and mean of ``helpdesk.answer.find`` per run: a change shows only when
HEAD's run falls outside the spread of BASE's two.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
QUESTIONS = ROOT / "tests" / "eval" / "questions.jsonl"
WARM_UP = 300


def _time_here(tree: Path, passes: int) -> dict[str, float]:
    """Time ``find`` over the question set with the code and knowledge base at ``tree``."""
    sys.path.insert(0, str(tree))
    from helpdesk.analyzer import default_analyzer, detect_lang
    from helpdesk.answer import find
    from helpdesk.index import SearchIndex
    from helpdesk.kb import load_knowledge_base

    index = SearchIndex(load_knowledge_base(tree / "knowledge_base"), default_analyzer())
    questions = [json.loads(line)["question"] for line in QUESTIONS.open(encoding="utf-8")]
    for q in questions[:WARM_UP]:
        find(index, q, detect_lang(q))
    times = []
    for _ in range(passes):
        for q in questions:
            start = time.perf_counter()
            find(index, q, detect_lang(q))
            times.append(time.perf_counter() - start)
    return {
        "p50_ms": statistics.median(times) * 1000,
        "mean_ms": statistics.fmean(times) * 1000,
        "questions": len(questions),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("base", help="the revision to compare against (e.g. a commit)")
    parser.add_argument("head", nargs="?", default="HEAD")
    parser.add_argument("--passes", type=int, default=2)
    parser.add_argument("--time-tree", type=Path, help=argparse.SUPPRESS)  # child process
    args = parser.parse_args()
    if args.time_tree is not None:
        print(json.dumps(_time_here(args.time_tree, args.passes)))
        return
    with tempfile.TemporaryDirectory(prefix="helpdesk-compare-") as tmp:
        trees = {}
        for rev in (args.base, args.head):
            tree = Path(tmp) / rev.replace("/", "_")
            subprocess.run(
                ["git", "-C", str(ROOT), "worktree", "add", "--detach", "-q", str(tree), rev],
                check=True,
            )
            trees[rev] = tree
        try:
            for rev in (args.base, args.head, args.base):
                out = subprocess.run(
                    [sys.executable, __file__, rev, "--passes", str(args.passes),
                     "--time-tree", str(trees[rev])],
                    check=True, capture_output=True, text=True,
                )  # fmt: skip
                result = json.loads(out.stdout)
                print(
                    f"{rev:>12}  p50 {result['p50_ms']:.2f} ms  mean {result['mean_ms']:.2f} ms"
                    f"  ({result['questions']} questions x {args.passes})",
                    flush=True,
                )
        finally:
            for tree in trees.values():
                subprocess.run(
                    ["git", "-C", str(ROOT), "worktree", "remove", "--force", str(tree)],
                    check=False,
                )


if __name__ == "__main__":
    main()
