"""Spelling: unknown words of a question turned into words the knowledge base uses.

A question word that no passage holds is, in this order: kept when a passage holds
it; respelled from the glossary ("엘에이" -> 로스앤젤레스); kept when the glossary
knows it; for a short Korean word, corrected to a known word one keyboard slip
away ("철광" -> 철강); for a long Korean run, split into known words
("관세대응바우쳐" -> 관세대응 바우처); for an English word, corrected to the closest
known word ("tarrif" -> tariff). Corrections are guesses and say so.
"""

from __future__ import annotations

import difflib
import re
from collections import Counter
from collections.abc import Callable, Iterable, Mapping

from helpdesk.glossary import Glossary

_LATIN = re.compile(r"^[a-z]{5,}$")
_HANGUL_WORD = re.compile(r"^[\uac00-\ud7a3]{2,4}$")
_HANGUL_RUN = re.compile(r"^[\uac00-\ud7a3]+$")

# Spelling candidates this close to the best one compete on how common they are.
SPELLING_TIE = 0.1
# A stem that extends another by at most a quarter of its letters is of its family.
FAMILY_SHARE = 0.75


def correct_spelling(
    token: str,
    vocabulary: list[str],
    cutoff: float = 0.8,
    df: Mapping[str, int] | None = None,
) -> str:
    """The closest ``vocabulary`` word to an unknown Latin-script ``token`` ("tarrif" -> "tariff").

    Only words of five letters or more are corrected, and only to a close match
    (difflib ratio >= ``cutoff``); anything else is returned unchanged. Among matches
    nearly as close as the best (within ``SPELLING_TIE``), the word most passages use
    wins, as in Norvig's corrector: "tarrif" is nearer the rare stem "tarif"
    ("tariffed") but means "tariff".
    """
    if not _LATIN.match(token):
        return token
    matches = difflib.get_close_matches(token, vocabulary, n=5, cutoff=cutoff)
    if not matches:
        return token
    if df is None:
        return matches[0]
    best = difflib.SequenceMatcher(None, token, matches[0]).ratio()
    near = [
        m for m in matches if difflib.SequenceMatcher(None, token, m).ratio() >= best - SPELLING_TIE
    ]
    return max(near, key=lambda m: df.get(m, 0))


def _jamo_distance(a: str, b: str) -> int:
    """How many of the initial, medial and final letters of two Hangul syllables differ."""
    x, y = ord(a) - 0xAC00, ord(b) - 0xAC00
    return sum(
        p != q
        for p, q in zip(
            (x // 588, x % 588 // 28, x % 28), (y // 588, y % 588 // 28, y % 28), strict=True
        )
    )


def correct_hangul(
    token: str, by_shape: dict[tuple[int, int, str], list[str]], df: Mapping[str, int]
) -> str:
    """A Korean word the knowledge base never uses, one syllable off a word it does use.

    "철광" -> "철강": the syllables differ in one letter (ㅘ for ㅏ), as a slip of the
    keyboard does; "보복" is not taken for "보도" (복 and 도 differ in two).
    ``by_shape`` maps (length, position, word with that syllable blanked) to known
    words and ``df`` counts the passages each word is in. The
    typo is corrected only to a clear favourite: a neighbour used in at least
    twice as many passages as any other, so a word with several equal neighbours
    stays as typed.
    """
    if not _HANGUL_WORD.match(token):
        return token
    candidates = sorted(
        {
            word
            for i in range(len(token))
            for word in by_shape.get((len(token), i, token[:i] + "_" + token[i + 1 :]), [])
            if _jamo_distance(token[i], word[i]) <= 1
        },
        key=lambda w: (-df.get(w, 0), w),
    )
    if not candidates:
        return token
    if len(candidates) > 1 and df.get(candidates[0], 0) < 2 * df.get(candidates[1], 0):
        return token
    return candidates[0]


def split_hangul(
    token: str,
    known: frozenset[str],
    by_shape: dict[tuple[int, int, str], list[str]],
    df: Mapping[str, int],
) -> list[str] | None:
    """The words a long unknown Korean compound is made of, or None.

    "관세대응바우쳐" (typed without spaces, with a typo) -> 관세, 대응, 바우처;
    "덤프트럭" -> 덤프, 트럭. Each piece is two syllables or more and is a known word,
    a word ``correct_hangul`` fixes, or (once) a word the knowledge base does not
    know, usually the modifier of a known head noun. The split with the fewest
    unknown or corrected pieces wins, then a correction over an unknown word, then
    the fewest pieces.
    """
    if len(token) < 4 or not _HANGUL_RUN.match(token):
        return None
    # best[i]: (unknown or corrected pieces, pieces, unknown pieces, words) for token[:i]
    best: list[tuple[int, int, int, list[str]] | None] = [None] * (len(token) + 1)
    best[0] = (0, 0, 0, [])
    for end in range(2, len(token) + 1):
        for start in range(0, end - 1):
            before = best[start]
            if before is None or end - start == len(token):
                continue
            piece = token[start:end]
            word = piece if piece in known else correct_hangul(piece, by_shape, df)
            unknown = word not in known
            option = (before[0] + (word != piece or unknown), before[1] + 1,
                      before[2] + unknown, [*before[3], word])  # fmt: skip
            current = best[end]
            if current is None or (option[0], option[2], option[1]) < (
                current[0],
                current[2],
                current[1],
            ):
                best[end] = option
    found = best[len(token)]
    if found is None or found[1] < 2 or found[0] > 1:
        return None
    return found[3]


class Speller:
    """Corrects question tokens against the indexed passages' tokens and the glossary."""

    def __init__(
        self,
        token_sets: Iterable[Iterable[frozenset[str]]],
        glossary: Glossary,
        is_word: Callable[[str], bool] = lambda token: False,
    ) -> None:
        self.glossary = glossary
        self._is_word = is_word
        self._df: Counter[str] = Counter(
            t for sets in token_sets for passage in sets for t in passage
        )
        self._indexed = frozenset(self._df)
        # Glossary words are never "corrected": "엘에이" and "씨티" are spellings it knows.
        self._known = self._indexed | frozenset(
            t for entry in glossary.entries for seq in entry for t in seq
        )
        self._vocabulary = sorted(t for t in self._indexed if _LATIN.match(t))
        self._hangul_shapes: dict[tuple[int, int, str], list[str]] = {}
        for word in sorted(t for t in self._known if _HANGUL_WORD.match(t)):
            for i in range(len(word)):
                key = (len(word), i, word[:i] + "_" + word[i + 1 :])
                self._hangul_shapes.setdefault(key, []).append(word)

    def _family(self, token: str) -> str | None:
        """The indexed English stem that ``token`` extends or that extends it, if one,
        by no more than a quarter of its letters ("distributor" ~ "distribut")."""
        if not _LATIN.match(token):
            return None
        family = [
            w
            for w in self._vocabulary
            if (w.startswith(token) or token.startswith(w))
            and min(len(w), len(token)) >= FAMILY_SHARE * max(len(w), len(token))
        ]
        return max(family, key=lambda w: self._df[w]) if family else None

    def _compound(self, token: str) -> list[str] | None:
        """A short unknown compound made of known words only, typed without a space
        ("동부자바" -> 동부, 자바), or None."""
        pieces = split_hangul(token, self._known, self._hangul_shapes, self._df)
        if pieces is None or "".join(pieces) != token or not set(pieces) <= self._known:
            return None
        return pieces

    def parts(self, token: str) -> list[str] | None:
        """The known words a Korean compound of the question is made of, or None
        ("스쿨버스" -> 스쿨, 버스).

        kiwipiepy splits a compound by its context: "스쿨버스 관세" keeps 스쿨버스 whole
        while "스쿨버스·시내버스" gives 스쿨, 버스, so an article may hold only the parts.
        """
        if len(token) < 4 or not _HANGUL_RUN.match(token):
            return None
        return self._compound(token)

    def correct(
        self, tokens: list[str], verbs: frozenset[str] = frozenset()
    ) -> tuple[list[str], frozenset[str]]:
        """Tokens with unknown words replaced by known spellings, and the guesses.

        A guess is what a correction produced, not what was typed; a glossary
        respelling is curated, so it is not a guess. ``verbs`` are the verb and
        adjective stems the analysis found: kiwipiepy read them as words, so they are
        kept as typed ("풀렸어요" gives 풀리, not the polysilicon's 폴리).
        """
        out: list[str] = []
        guessed: set[str] = set()
        for t in tokens:
            if t in self._indexed:
                out.append(t)
                continue
            respelled = self.glossary.respell(t, self._indexed)
            if respelled is not None:
                out.extend(respelled)
                continue
            if t in self._known:
                out.append(t)
                continue
            if t in verbs or self._is_word(t):
                # A real word the articles do not use is not a typo of one they do
                # ("fight" is not "eight"), but it may be of a family they use
                # ("distributor" ~ "distribut").
                out.append(self._family(t) or t)
                continue
            if _HANGUL_WORD.match(t):
                fixed = [correct_hangul(t, self._hangul_shapes, self._df)]
                if fixed == [t]:
                    fixed = self._compound(t) or [t]
            elif _HANGUL_RUN.match(t):
                fixed = split_hangul(t, self._known, self._hangul_shapes, self._df) or [t]
            else:
                fixed = [correct_spelling(t, self._vocabulary, df=self._df)]
            if fixed != [t]:
                guessed.update(w for w in fixed if w not in tokens)
            out.extend(fixed)
        return out, frozenset(guessed)
