"""Text analysis for search: language detection and tokenization for Korean and English.

The same analyzer runs over passages when the index is built and over questions
when it is searched, so both sides meet on the same tokens:

- NFKC normalization and lower case;
- dates however typed (``2025-06-04``, ``2025년 6월 4일``, ``June 4, 2025``) as ISO
  tokens for the day, its month and its year; percentages (``50%``, ``50프로``), HS
  codes and section numbers (``232조``, ``Section 232``, ``s.232``, a bare ``232`` ->
  ``sec232``) kept as single tokens, also with a particle glued on (``2025-06-04부터``,
  ``8703.23에``);
- Korean: morphological analysis with kiwipiepy, keeping content morphemes (nouns,
  roots, verb and adjective stems, foreign words), so particles never stay glued
  to nouns and compound nouns split into their parts;
- English: stopwords removed and Snowball stems (PyStemmer).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from functools import lru_cache
from typing import Any

import Stemmer

from helpdesk.kb.models import Lang

_HANGUL = re.compile(r"[\uac00-\ud7a3\u1100-\u11ff\u3130-\u318f]")
_HANGUL_SYLLABLE = re.compile(r"[\uac00-\ud7a3]")
_DATE = re.compile(r"(?<!\d)(\d{4})-(\d{1,2})(?:-(\d{1,2}))?(?!\d)")
# Dates as people type them, rewritten to the ISO form the articles use before _DATE
# reads them: 2025년 8월 18일, 2025.8.18, 8/18/2025 (US order), August 18, 2025,
# 18 Aug 2025, August 2025. A date without a year ("8월 18일") stays as its numbers.
_MONTHS = {
    name: n
    for n, names in enumerate(
        [("jan", "january"), ("feb", "february"), ("mar", "march"), ("apr", "april"),
         ("may",), ("jun", "june"), ("jul", "july"), ("aug", "august"),
         ("sep", "sept", "september"), ("oct", "october"), ("nov", "november"),
         ("dec", "december")],
        start=1,
    )
    for name in names
}  # fmt: skip
_MONTH = "(" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_YEAR = r"(20[0-4]\d)"
_KOREAN_DATE = re.compile(_YEAR + r"\s*년\s*(\d{1,2})\s*월(?:\s*(\d{1,2})\s*일)?")
_DOTTED_DATE = re.compile(r"(?<![\d.])" + _YEAR + r"[./](\d{1,2})[./](\d{1,2})(?![\d]|[./]\d)")
_US_DATE = re.compile(r"(?<![\d/])(\d{1,2})/(\d{1,2})/" + _YEAR + r"(?!\d)")
_MONTH_DAY_YEAR = re.compile(r"\b" + _MONTH + r"\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+" + _YEAR + r"\b")
_DAY_MONTH_YEAR = re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)?\s+" + _MONTH + r",?\s+" + _YEAR + r"\b")
_MONTH_YEAR = re.compile(r"\b" + _MONTH + r",?\s+" + _YEAR + r"\b")
# "Section 232", "sec.232", "s.232", "s232", "232조"; and the four section numbers of US
# trade law the articles cover, written bare as people do ("steel 232", "the 201 case",
# "10% 122 surcharge"). A bare number counts only alone, not in an amount, a decimal, a
# percentage or a list of figures ("$232", "232.5", "301%", "232,000").
_SECTION = re.compile(
    r"(?:\bsection|\bsec\.?|\bs\.|\bs(?=\d))\s*(\d{3})(?!\d)|(?<!\d)(\d{3})\s*조(?!\d)"
    r"|(?<![\d.,$€£₩#-])\b(122|201|232|301)\b(?!\s*[%$]|[.,]\d|-\d)"
)
_PERCENT = re.compile(r"(\d+(?:\.\d+)?)\s*(?:%|퍼센트|프로|pct\b|percent\b)")
_HS = re.compile(
    r"(?<![\d.])(\d{4})(?:\.(\d{2}))(?:\.(\d{2,4}))?(?![\d])|(?<![\d.])(\d{4})(\d{2})(\d{2,4})?(?!\d)"
)
# What a pulled-out special token leaves behind: a number, so that Korean analysis still
# reads the particle after it as a particle ("15%로" -> 0000 + 로), then dropped.
_PLACEHOLDER = "0000"
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
_LATIN_WORD = re.compile(r"[a-z][a-z0-9]*(?:['’][a-z]+)?")

# Content morphemes kept from kiwipiepy's Sejong-style tags.
_KEEP_TAGS = frozenset({"NNG", "NNP", "XR", "SH", "VV", "VA", "SL", "SN", "W_SERIAL"})

# Domain words default analysis breaks apart (지사화 -> 지사 + 화; 반덤핑 -> 반 + 덤핑).
DOMAIN_WORDS: tuple[tuple[str, str], ...] = (
    ("지사화", "NNG"),
    ("반덤핑", "NNG"),
    ("코트라", "NNP"),
    ("무역관", "NNG"),
    ("성함", "NNG"),  # 사장님 성함이 -> 성하 (a verb) in context
    ("강경성", "NNP"),  # KOTRA's president: 강경 ("hardline") + 성 without it
)

# Morphemes that only carry the question's grammar or chat ("알려주세요", "있나요",
# "어떻게 되나요", "몇%임?"): dropped like English stopwords. Keyed by form and tag,
# so the noun 주 ("state") stays while the auxiliary 주 ("give") goes.
KOREAN_STOPWORDS = frozenset(
    {
        ("있", "VA"), ("있", "VV"), ("하", "VV"), ("되", "VV"), ("알", "VV"),
        ("알리", "VV"), ("주", "VV"), ("주", "VX"), ("싶", "VX"), ("보", "VX"), ("어떻", "VA"),
        ("이렇", "VA"), ("그렇", "VA"), ("궁금", "XR"), ("궁금", "NNG"), ("궁금하", "VA"),
        ("임", "NNG"), ("말", "NNG"), ("맞", "VV"), ("물어보", "VV"), ("가르치", "VV"),
        # "now" words: every article is dated, so they add nothing to the match
        ("올해", "NNG"), ("금년", "NNG"), ("요즘", "NNG"), ("요새", "NNG"), ("현재", "NNG"),
        # people trying the widget out
        ("테스트", "NNG"), ("테스트", "NNP"),
        # "what is the name of ..." asks who: no article says 이름 next to a name
        ("이름", "NNG"), ("성함", "NNG"),
    }
)  # fmt: skip
_HANGUL_ONLY = re.compile(r"[\uac00-\ud7a3]+")
# A token needs a Hangul syllable, a Latin letter or a digit: "ㅋㅋㅋ" and "ㅠㅠ" are chat.
_CONTENT = re.compile(r"[\uac00-\ud7a3a-z0-9]")

# Words Snowball stems apart from their family: "tariffed" -> "tarif", not "tariff".
STEM_EXCEPTIONS = {"tariffed": "tariff", "tariffing": "tariff"}
# Amounts are written both ways ("US$350bn", "US$350 billion"), and by askers too.
UNIT_ABBREVIATIONS = {"bn": "billion", "mn": "million", "tn": "trillion"}

# Thanks in Korean: 감사 alone is also "audit", so the whole phrase goes, not the noun.
_KOREAN_THANKS = re.compile(r"(?:감사|고맙)(?:합니다|해요|드립니다|습니다)|고마워요?")
# Phrases that only say "now" or frame the question ("what happened to ...").
_ENGLISH_FILLER = re.compile(
    r"\b(?:these days|right now|at the moment|as of now|what happened|what's happening"
    # "how many", "how long" ask for a number or a date, as 몇 and 얼마나 do
    r"|how (?:many|much|long|big|often|soon|far))\b"
)

ENGLISH_STOPWORDS = frozenset(
    """a about above after again all am an and any are as at be because been before being
    below between both but by can could did do does doing down during each few for from
    further had has have having he her here hers him his how i if in into is it its itself
    just me more most my no nor not now of off on once only or other our ours out over own
    same she should so some such than that the their theirs them then there these they this
    those through to too under until up very was we were what when where which while who whom
    why will with would you your yours please tell know want need get got hi hello thanks
    whats hows wheres whos whens im ive dont doesnt really actually something anything
    thing things stuff also ok okay pls plz thx u ur r currently nowadays today
    heard hear said says told think thinking wonder wondering guess test testing
    still already yet ever even exactly roughly approximately basically maybe perhaps
    kindly anyway name etc isnt arent wasnt werent didnt hasnt havent hadnt wont
    wouldnt shouldnt couldnt cant aint""".split()
)


def _iso(year: str, month: int, day: int | None = None) -> str | None:
    if not 1 <= month <= 12 or (day is not None and not 1 <= day <= 31):
        return None
    return f"{year}-{month:02d}" + (f"-{day:02d}" if day is not None else "")


def iso_dates(text: str) -> str:
    """``text`` (lower case) with the dates people type rewritten in ISO form.

    "2025년 8월 18일", "2025.8.18", "8/18/2025", "august 18, 2025" and "18 aug 2025"
    become 2025-08-18, "august 2025" and "2025년 8월" 2025-08; anything that is not a
    real month and day (an HS code such as 9903.04.62) is left as it was.
    """

    def rewrite(m: re.Match[str], year: int, month: int, day: int | None) -> str:
        groups = m.groups()
        number = groups[month] if groups[month].isdigit() else _MONTHS[groups[month]]
        found = _iso(
            groups[year], int(number), int(groups[day]) if day is not None and groups[day] else None
        )
        return found or m.group(0)

    text = _KOREAN_DATE.sub(lambda m: rewrite(m, 0, 1, 2), text)
    text = _DOTTED_DATE.sub(lambda m: rewrite(m, 0, 1, 2), text)
    text = _US_DATE.sub(lambda m: rewrite(m, 2, 0, 1), text)
    text = _MONTH_DAY_YEAR.sub(lambda m: rewrite(m, 2, 0, 1), text)
    text = _DAY_MONTH_YEAR.sub(lambda m: rewrite(m, 2, 1, 0), text)
    return _MONTH_YEAR.sub(lambda m: rewrite(m, 1, 0, None), text)


def normalize(text: str) -> str:
    """NFKC (full-width digits and letters become ASCII) and lower case."""
    return unicodedata.normalize("NFKC", text).lower()


def detect_lang(text: str) -> Lang:
    """``ko`` when the text has any Hangul (mixed questions count as Korean), else ``en``."""
    return "ko" if _HANGUL.search(text) else "en"


def contains_sequence(tokens: Sequence[str], sequence: Sequence[str]) -> bool:
    """Whether ``sequence`` occurs contiguously in ``tokens`` (an analyzed phrase in a query)."""
    n = len(sequence)
    if n == 0:
        return True
    first, whole = sequence[0], tuple(sequence)
    return any(
        tokens[i] == first and tuple(tokens[i : i + n]) == whole for i in range(len(tokens) - n + 1)
    )


# The words that introduce an HS code ("HS 8703", "HTS 8708.30", "HSK 코드").
HS_WORDS = frozenset({"hs", "hts", "hsk"})


def hs_codes_in(text: str) -> list[str]:
    """HS codes written in the text, digits only: ``8703.23.0100`` -> ``87032301 00``-style digits.

    Dotted and 6+-digit forms count anywhere; a bare four-digit number counts unless
    it reads as a year (1900-2099); after ``HS``/``HTS``/``HSK`` two digits (a
    chapter) count too.
    """
    found: list[str] = []
    norm = iso_dates(normalize(text))  # "2025.08.18" is a date, not HS 2025.08
    for match in _HS.finditer(norm):
        found.append("".join(g for g in match.groups() if g))
    for match in re.finditer(r"\b(?:hs|hts|hsk)\s*(?:code)?\s*[:#]?\s*(\d{2,4})\b", norm):
        found.append(match.group(1))
    for match in re.finditer(r"(?<![\d.,-])(\d{4})(?![\d.,-]|\s*년)", norm):
        if not 1900 <= int(match.group(1)) <= 2099:
            found.append(match.group(1))
    return list(dict.fromkeys(found))


class Analyzer:
    """Turns text into index tokens. Build once and share: Korean analysis loads a model."""

    def __init__(
        self,
        user_words: Iterable[tuple[str, str]] = DOMAIN_WORDS,
        *,
        korean: str = "morphemes",
        full_dictionaries: bool = False,
    ) -> None:
        """``korean`` is "morphemes" (kiwipiepy), "bigrams" (Hangul character bigrams) or
        "both"; ``full_dictionaries`` loads kiwipiepy's typo and multi-word dictionaries.
        The defaults are what the evaluation chose (docs/retrieval.md)."""
        if korean not in ("morphemes", "bigrams", "both"):
            raise ValueError(f"korean must be 'morphemes', 'bigrams' or 'both', not {korean!r}")
        self._user_words = tuple(user_words)
        self._korean_mode = korean
        self._full = full_dictionaries
        self._kiwi: Any = None
        self._stemmer = Stemmer.Stemmer("english")
        self._english_stems: frozenset[str] | None = None
        self._korean_words: dict[str, bool] = {}

    @property
    def kiwi(self) -> Any:
        if self._kiwi is None:
            from kiwipiepy import Kiwi

            # The typo and multi-word dictionaries cost memory and start-up time
            # (measured in docs/retrieval.md); they are off unless asked for.
            kiwi = Kiwi(load_typo_dict=self._full, load_multi_dict=self._full)
            for word, tag in self._user_words:
                # Score 10, not 5: at 5 "미국 반덤핑" still came out as 반 + 덤핑.
                kiwi.add_user_word(word, tag, 10.0)
            self._kiwi = kiwi
        return self._kiwi

    @property
    def english_stems(self) -> frozenset[str]:
        """The stems of the English words in pyspellchecker's dictionary (160,000 words)."""
        if self._english_stems is None:
            from spellchecker import SpellChecker

            words = [w for w in SpellChecker(language="en").word_frequency.keys() if w.isalpha()]
            self._english_stems = frozenset(self._stemmer.stemWords(words))
        return self._english_stems

    def add_proper_nouns(self, words: Iterable[str]) -> None:
        """Teach the Korean model place names it would glue a particle to.

        Next to another proper noun kiwipiepy reads an unfamiliar name and its
        particle as one word ("슬로바키아에 코트라 무역관" gives 슬로바키아에), so the
        country is lost; alone it cuts some into pieces (벵갈루루 -> 벵갈루). Names
        of Hangul only are added, each once, so rebuilding the index with the same
        names leaves the model as it is; only a reload that brings a new office city
        changes it, while the old index still answers (its passages then lack that
        one word until the new index is swapped in).
        """
        known = {word for word, _ in self._user_words}
        new = [
            word
            for word in dict.fromkeys(words)
            if word not in known and _HANGUL_ONLY.fullmatch(word)
        ]
        for word in new:
            self.kiwi.add_user_word(word, "NNP", 10.0)
        if new:
            self._user_words += tuple((word, "NNP") for word in new)
            self._korean_words.clear()

    def load(self) -> None:
        """Load the Korean model and the English word list now, not on the first question."""
        _ = self.kiwi, self.english_stems

    def token_set(self, words: Iterable[str]) -> frozenset[str]:
        """Every token of ``words``, each word analyzed on its own ("duties" -> "duti")."""
        return frozenset(token for word in words for token in self.analyze(word))

    def is_word(self, token: str) -> bool:
        """Whether an analyzed token is a word of its language, not a typo.

        A Korean token is a word when kiwipiepy's dictionary knows it as one noun
        ("비자", but not "바우쳐"); an English stem when a dictionary word stems to
        it ("fight", "elect", but not "tarrif").
        """
        if _HANGUL_SYLLABLE.search(token):
            known = self._korean_words.get(token)
            if known is None:
                morphemes = self.kiwi.analyze(token)[0][0]
                known = (
                    len(morphemes) == 1
                    and morphemes[0].form == token
                    and morphemes[0].tag.startswith("NN")
                    and not getattr(morphemes[0], "oov", False)
                )
                self._korean_words[token] = known
            return known
        return token in self.english_stems

    def stem(self, word: str) -> str:
        return STEM_EXCEPTIONS.get(word) or str(self._stemmer.stemWord(word))

    def _special_tokens(self, text: str) -> tuple[list[str], str]:
        """Pull dates, sections, percentages and HS-style numbers out as whole tokens."""
        tokens: list[str] = []

        def date(m: re.Match[str]) -> str:
            year, month, day = m.group(1), int(m.group(2)), m.group(3)
            # The date and the month and year it falls in: "shipped on 2026-07-20"
            # meets a passage about July 2026 ("from 2026-07-24") on 2026-07 and 2026.
            tokens.append(f"{year}-{month:02d}" + (f"-{int(day):02d}" if day else ""))
            if day:
                tokens.append(f"{year}-{month:02d}")
            tokens.append(year)
            return _PLACEHOLDER

        def section(m: re.Match[str]) -> str:
            tokens.append(f"sec{m.group(1) or m.group(2) or m.group(3)}")
            return _PLACEHOLDER

        def percent(m: re.Match[str]) -> str:
            tokens.append(f"{m.group(1)}%")
            return _PLACEHOLDER

        def hs(m: re.Match[str]) -> str:
            groups = [g for g in m.groups() if g]
            tokens.append(groups[0])  # the heading, e.g. 8703
            if len(groups) > 1:
                tokens.append("".join(groups[:2]))  # the subheading, e.g. 870323
            return _PLACEHOLDER

        text = _DATE.sub(date, iso_dates(text))
        text = _SECTION.sub(section, text)
        text = _PERCENT.sub(percent, text)
        text = _HS.sub(hs, text)
        return tokens, text

    def _english(self, text: str) -> list[str]:
        out = []
        for word in _LATIN_WORD.findall(_ENGLISH_FILLER.sub(" ", text)):
            word = word.replace("’", "'")
            if word.endswith("n't"):
                continue  # a negated auxiliary ("wasn't", "won't"), not "wasn" or "won"
            word = word.split("'")[0]
            if len(word) > 1 and word not in ENGLISH_STOPWORDS:
                out.append(self.stem(UNIT_ABBREVIATIONS.get(word, word)))
        return out

    def _morphemes(self, text: str) -> list[Any]:
        """Kiwi's best analysis, unless a close runner-up avoids out-of-vocabulary guesses.

        A compound typed without spaces and without context ("관세대응바우처") can come
        out as one unknown noun; the second-best analysis splits it into known words.
        """
        candidates = self.kiwi.analyze(text, top_n=2)
        best = candidates[0][0]
        if any(getattr(t, "oov", False) for t in best) and len(candidates) > 1:
            runner_up = candidates[1][0]
            if not any(getattr(t, "oov", False) for t in runner_up):
                return list(runner_up)
        return list(best)

    @staticmethod
    def _bigrams(text: str) -> list[str]:
        """Hangul character bigrams of each Hangul run ("관세율" -> "관세", "세율")."""
        out = []
        for run in re.findall(r"[\uac00-\ud7a3]+", text):
            out += [run[i : i + 2] for i in range(len(run) - 1)] if len(run) > 1 else [run]
        return out

    def _korean(self, text: str, predicates: set[str] | None = None) -> list[str]:
        text = _KOREAN_THANKS.sub(" ", text)
        if self._korean_mode == "bigrams":
            return self._bigrams(text) + self._english(text) + _NUMBER.findall(text)
        out: list[str] = self._bigrams(text) if self._korean_mode == "both" else []
        for token in self._morphemes(text):
            tag = token.tag.split("-")[0]
            if tag not in _KEEP_TAGS or (token.form, tag) in KOREAN_STOPWORDS:
                continue
            if not _CONTENT.search(token.form.lower()):
                continue
            if predicates is not None and tag in ("VV", "VA"):
                predicates.add(token.form)
            if tag == "SL":
                out.extend(self._english(token.form.lower()))
            elif tag in ("SN", "W_SERIAL"):
                out.append(token.form.replace(",", ""))
            else:
                out.append(token.form)
        return out

    def analyze(self, text: str, predicates: set[str] | None = None) -> list[str]:
        """Index tokens for ``text``, in order, duplicates kept (BM25 counts them).

        Korean verb and adjective stems ("팔" of 팔면, "넘" of 넘었나요) are also added
        to ``predicates`` when it is given: they say less about the topic than nouns.
        """
        tokens, rest = self._special_tokens(normalize(text))
        if _HANGUL_SYLLABLE.search(rest):
            words = self._korean(rest, predicates)
        else:
            words = self._english(rest) + [n.replace(",", "") for n in _NUMBER.findall(rest)]
        tokens.extend(w for w in words if w != _PLACEHOLDER)  # what special tokens left
        return tokens


@lru_cache(maxsize=1)
def default_analyzer() -> Analyzer:
    """The shared analyzer, built on first use (never at import)."""
    return Analyzer()
