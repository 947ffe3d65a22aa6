"""Refit the confidence model's weights on the dev split (never the held-out part).

    .venv/bin/python benchmarks/fit_confidence.py [--questions tests/eval/questions.jsonl]
        [--hold FEATURE=WEIGHT ...]

(the shipped weights: ``--hold "unconfirmed=-2.915"``, eighteenth round)

For every dev question with a hit it takes the inputs the service judges by
(``helpdesk.evidence.evidence``), fits a logistic regression of in scope against
out of scope (numpy gradient descent on standardized features, L2 0.001), and
prints the weights, five-fold cross-validated false fallback at the first threshold
with >= 95% rejection, and rejection and false fallback per threshold with the bias
that would put each threshold at 0.5; then, per language, rejection and false
fallback per threshold under the shipped model, which is how the bias and the
Korean weight are chosen.
``helpdesk/confidence.py`` holds the weights chosen from this output
(docs/retrieval.md says how).
"""

from __future__ import annotations

import argparse
import math
from pathlib import Path

import numpy as np

from helpdesk.analyzer import default_analyzer, detect_lang
from helpdesk.answer import find
from helpdesk.confidence import FEATURES, features
from helpdesk.evaluate import load_questions
from helpdesk.evidence import Evidence, evidence
from helpdesk.index import SearchIndex
from helpdesk.kb import load_knowledge_base
from helpdesk.settings import Settings


def inputs(found: Evidence) -> list[float]:
    """The shipped model's features of a search's evidence (all but ``unanswerable``,
    which scales the confidence rather than entering the sum)."""
    fields = found._asdict()
    del fields["unanswerable"]
    return features(**fields)


def fit(
    x: np.ndarray,
    y: np.ndarray,
    l2: float = 1e-3,
    steps: int = 3000,
    held: dict[int, float] | None = None,
) -> np.ndarray:
    """Logistic regression weights (the bias last) on the features as given.

    The descent runs on standardized features, so that it converges in ``steps`` for
    features of any scale and the L2 penalty weighs them alike; the weights are then
    put back on the features' own scale. ``held`` maps feature columns to weights
    that are kept as given while the others are fitted around them.
    """
    held = held or {}
    free = [j for j in range(x.shape[1]) if j not in held]
    offset = sum((v * x[:, j] for j, v in held.items()), np.zeros(len(x)))
    xf = x[:, free]
    mu, sd = xf.mean(axis=0), xf.std(axis=0)
    sd[sd == 0] = 1.0
    x1 = np.c_[(xf - mu) / sd, np.ones(len(xf))]
    w = np.zeros(x1.shape[1])
    for _ in range(steps):
        p = 1.0 / (1.0 + np.exp(-(x1 @ w + offset)))
        w -= 0.5 * (x1.T @ (p - y) / len(y) + l2 * np.r_[w[:-1], 0.0])
    scaled = w[:-1] / sd
    weights = np.zeros(x.shape[1])
    weights[free] = scaled
    for j, v in held.items():
        weights[j] = v
    fitted: np.ndarray = np.r_[weights, w[-1] - scaled @ mu]
    return fitted


def predict(w: np.ndarray, x: np.ndarray) -> np.ndarray:
    p: np.ndarray = 1.0 / (1.0 + np.exp(-np.c_[x, np.ones(len(x))] @ w))
    return p


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--questions", type=Path, default=Path("tests/eval/questions.jsonl"))
    parser.add_argument(
        "--hold",
        action="append",
        default=[],
        metavar="FEATURE=WEIGHT",
        help='keep a weight as given, e.g. --hold "unconfirmed=-2.915" (round 18)',
    )
    args = parser.parse_args()
    held = {}
    for item in args.hold:
        name, _, value = item.partition("=")
        held[FEATURES.index(name)] = float(value)
    settings = Settings()
    index = SearchIndex(load_knowledge_base(Path(settings.kb_path)), default_analyzer())
    rows, labels, shipped, langs = [], [], [], []
    for q in load_questions(args.questions):
        if q.split != "dev":
            continue  # the held-out part is never fitted on
        search, score = find(index, q.question, detect_lang(q.question))
        found = evidence(index, search)
        if found is not None:
            rows.append(inputs(found))
            labels.append(float(q.in_scope))
            shipped.append(score)  # the shipped model's confidence in this search
            langs.append(q.lang)
    x, y = np.array(rows), np.array(labels)
    print(f"dev questions with a hit: {len(y)} ({int(y.sum())} in scope)")

    order = np.random.default_rng(0).permutation(len(y))
    held_out = np.zeros(len(y))
    for k in range(5):
        test = order[k::5]
        train = np.setdiff1d(order, test)
        held_out[test] = predict(fit(x[train], y[train], held=held), x[test])
    for t in np.linspace(0.05, 0.95, 181):
        if np.mean(held_out[y == 0] < t) >= 0.95:
            print(f"cross-validated: rejection {np.mean(held_out[y == 0] < t):.3f}, "
                  f"false fallback {np.mean(held_out[y == 1] < t):.3f}")  # fmt: skip
            break

    w = fit(x, y, held=held)
    print("weights: " + ", ".join(f"{n} {v:.3f}" for n, v in zip(FEATURES, w, strict=False)))
    p = predict(w, x)
    print("threshold  rejection  false_fallback  bias_for_0.5")
    for t in np.arange(0.60, 0.86, 0.02):
        bias = w[-1] - math.log(t / (1 - t))
        print(f"{t:9.2f}  {np.mean(p[y == 0] < t):9.3f}  {np.mean(p[y == 1] < t):14.3f}"
              f"  {bias:12.3f}")  # fmt: skip

    # The shipped model's confidence, per language: where the bias and the Korean
    # weight put each language's threshold (0.5 is the default HELPDESK_MIN_CONFIDENCE).
    conf, lang = np.array(shipped), np.array(langs)
    for code in ("ko", "en"):
        m = lang == code
        print(f"shipped model, {code} (dev questions with a hit)")
        print("threshold  rejection  false_fallback")
        for t in np.arange(0.40, 0.62, 0.02):
            print(f"{t:9.2f}  {np.mean(conf[m & (y == 0)] < t):9.3f}"
                  f"  {np.mean(conf[m & (y == 1)] < t):14.3f}")  # fmt: skip


if __name__ == "__main__":
    main()
