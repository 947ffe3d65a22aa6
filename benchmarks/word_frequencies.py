"""Build ``helpdesk/data/word_frequency.tsv.gz``: how common each index token is in everyday text.

    .venv/bin/python benchmarks/word_frequencies.py

It reads wordfreq's English and Korean frequency lists (a dev dependency), runs each
English word through the help desk's own analyzer, so that the keys are the tokens
questions are searched with ("duties" -> "duti"), and adds up the frequencies of the
words that share a token. Korean entries are morphemes already and are kept as they
are. Tokens at or above ``MIN_ZIPF`` are written with their Zipf frequency (log10 of
occurrences per billion words); rarer ones weigh as much as an unseen word
(``helpdesk.specificity``), so they are left out. Run it again when the analyzer's
stemming changes; a test checks that the table and the analyzer still agree.
"""

from __future__ import annotations

import gzip
import math
import re
from importlib.metadata import version
from pathlib import Path

from wordfreq import get_frequency_dict

from helpdesk.analyzer import default_analyzer
from helpdesk.specificity import MIN_ZIPF, TABLE_PATH

ENGLISH_WORD = re.compile(r"[a-z][a-z'-]*")
HANGUL = re.compile(r"[\uac00-\ud7a3]")


def zipf(freq: float) -> float:
    """A word's share of running text as a Zipf frequency: log10 of uses per billion words."""
    return math.log10(freq * 1e9)


def main() -> None:
    analyzer = default_analyzer()
    analyzer.load()
    totals: dict[str, float] = {}
    for word, freq in get_frequency_dict("en").items():
        # a word too rare to be written cannot make its token common: skip analysing it
        if zipf(freq) < MIN_ZIPF or not ENGLISH_WORD.fullmatch(word):
            continue
        tokens = analyzer.analyze(word)
        if len(tokens) == 1:
            totals[tokens[0]] = totals.get(tokens[0], 0.0) + freq
    for word, freq in get_frequency_dict("ko").items():
        if HANGUL.search(word):
            totals[word] = totals.get(word, 0.0) + freq
    rows = sorted((token, zipf(freq)) for token, freq in totals.items())
    rows = [(token, value) for token, value in rows if value >= MIN_ZIPF]
    header = (
        f"# Zipf frequency of help-desk index tokens, from wordfreq {version('wordfreq')} "
        "(data CC BY-SA 4.0, https://github.com/rspeer/wordfreq); "
        "built by benchmarks/word_frequencies.py\n"
    )
    body = "".join(f"{token}\t{value:.2f}\n" for token, value in rows)
    Path(TABLE_PATH).write_bytes(gzip.compress((header + body).encode("utf-8"), mtime=0))
    print(f"{TABLE_PATH}: {len(rows)} tokens")


if __name__ == "__main__":
    main()
