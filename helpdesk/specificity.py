"""How specific a word is in everyday language, as a weight for query coverage.

The index's IDF says how rare a token is in this knowledge base, which is small and
about one thing: "korean" and "export" are in nearly every passage and weigh
nothing, while everyday words the articles happen to use once ("learn", "fast",
"website") weigh the most. A near-miss such as "how to learn korean fast" then
covers all of its weight with one passage. Everyday frequency corrects that: a
question's specific words ("countervailing", "POSCO", "consulate") are the ones it
is about, and a passage that misses them does not answer it.

``weight = clamp(SPECIFIC_ZIPF - zipf, MIN_WEIGHT, MAX_WEIGHT)``, where ``zipf`` is
log10 of a token's occurrences per billion words of everyday text (wordfreq's
English and Korean lists, keyed by this analyzer's tokens; built by
``benchmarks/word_frequencies.py``). A token the table does not hold (a name, a
code, a rare word) weighs ``MAX_WEIGHT``.
"""

from __future__ import annotations

import gzip
from functools import lru_cache
from pathlib import Path

TABLE_PATH = Path(__file__).parent / "data" / "word_frequency.tsv.gz"
# Tokens rarer than this weigh MAX_WEIGHT anyway, so the table leaves them out.
MIN_ZIPF = 1.5
SPECIFIC_ZIPF = 7.5
MIN_WEIGHT = 0.5
MAX_WEIGHT = 6.0


def specificity(zipf: float) -> float:
    """``clamp(SPECIFIC_ZIPF - zipf, MIN_WEIGHT, MAX_WEIGHT)``: "the" 0.5, "tariff" 3.6."""
    return min(MAX_WEIGHT, max(MIN_WEIGHT, SPECIFIC_ZIPF - zipf))


class Specificity:
    """Token -> weight, from a table of Zipf frequencies (see the module docstring)."""

    def __init__(self, zipf: dict[str, float]) -> None:
        self._zipf = zipf

    @classmethod
    def load(cls, path: Path = TABLE_PATH) -> Specificity:
        """Read ``token<TAB>zipf`` lines (``#`` lines are comments) from a gzip file."""
        zipf: dict[str, float] = {}
        with gzip.open(path, "rt", encoding="utf-8") as lines:
            for line in lines:
                if line.startswith("#"):
                    continue
                token, value = line.rstrip("\n").split("\t")
                zipf[token] = float(value)
        return cls(zipf)

    def zipf(self, token: str) -> float:
        """The token's Zipf frequency; 0 when the table does not hold it."""
        return self._zipf.get(token, 0.0)

    def __call__(self, token: str) -> float:
        return specificity(self.zipf(token))

    def __len__(self) -> int:
        return len(self._zipf)


@lru_cache(maxsize=1)
def default_specificity() -> Specificity:
    """The shipped table, read once per process and shared by every index (and reload)."""
    return Specificity.load()
