"""Spelling: unknown question words turned into words the knowledge base uses."""

from __future__ import annotations

from collections.abc import Callable

from helpdesk.analyzer import default_analyzer
from helpdesk.glossary import Glossary
from helpdesk.spelling import Speller, correct_hangul, correct_spelling, split_hangul


def test_english_typos_are_corrected_to_a_known_word() -> None:
    vocabulary = ["tariff", "shenzhen", "aluminum", "steel"]
    assert correct_spelling("tarrif", vocabulary) == "tariff"
    assert correct_spelling("shenzen", vocabulary) == "shenzhen"
    assert correct_spelling("lounge", vocabulary) == "lounge"
    assert correct_spelling("stel", vocabulary) == "stel"  # too short to guess


def test_korean_typo_one_syllable_off_a_single_known_word_is_corrected() -> None:
    shapes: dict[tuple[int, int, str], list[str]] = {}
    for word in ["철강", "관세", "관계", "무역관"]:
        for i in range(len(word)):
            shapes.setdefault((len(word), i, word[:i] + "_" + word[i + 1 :]), []).append(word)
    df = {"철강": 40, "관세": 300, "관계": 200, "무역관": 90}
    assert correct_hangul("철광", shapes, df) == "철강"
    assert correct_hangul("무역곤", shapes, df) == "무역관"
    assert correct_hangul("관게", shapes, df) == "관게"  # 관세 and 관계 are both common
    assert correct_hangul("관제", shapes, df) == "관세"  # 관계 is two letters off (ㅈ,ㅔ / ㄱ,ㅖ)
    assert correct_hangul("철북", shapes, df) == "철북"  # 북 and 강 differ in every letter
    assert correct_hangul("팔찌", shapes, df) == "팔찌"


def test_spelling_ties_go_to_the_word_more_passages_use() -> None:
    vocabulary = ["tarif", "tariff"]  # "tarif" is Snowball's stem of the rare "tariffed"
    assert correct_spelling("tarrif", vocabulary) == "tarif"
    assert correct_spelling("tarrif", vocabulary, df={"tarif": 2, "tariff": 300}) == "tariff"


def test_long_unknown_korean_compound_splits_into_known_words() -> None:
    known = frozenset({"관세", "대응", "바우처", "수출"})
    shapes: dict[tuple[int, int, str], list[str]] = {}
    for word in known:
        for i in range(len(word)):
            shapes.setdefault((len(word), i, word[:i] + "_" + word[i + 1 :]), []).append(word)
    df = {"관세": 300, "대응": 50, "바우처": 40, "수출": 200}
    assert split_hangul("관세대응바우처", known, shapes, df) == ["관세", "대응", "바우처"]
    assert split_hangul("관세대응바우쳐", known, shapes, df) == ["관세", "대응", "바우처"]
    assert split_hangul("김치찌개맛집", known, shapes, df) is None
    assert split_hangul("관세", known, shapes, df) is None  # too short to be a compound


def test_a_compound_with_one_unknown_modifier_splits_off_its_known_head() -> None:
    known = frozenset({"트럭", "강판"})
    shapes: dict[tuple[int, int, str], list[str]] = {}
    assert split_hangul("덤프트럭", known, shapes, {}) == ["덤프", "트럭"]
    assert split_hangul("덤프덤프", known, shapes, {}) is None  # nothing known in it


def speller_over(*passages: str, is_word: Callable[[str], bool] | None = None) -> Speller:
    analyzer = default_analyzer()
    sets = [frozenset(analyzer.analyze(p)) for p in passages]
    glossary = Glossary([], analyzer)
    return Speller([sets], glossary, is_word or analyzer.is_word)


def test_a_real_word_the_articles_do_not_use_is_not_corrected_into_one_they_do() -> None:
    speller = speller_over("기자 회견", "eight offices", "tariff rate", "철강 관세")
    analyzer = default_analyzer()
    for question, kept in [("비자 필요해요", "비자"), ("tariff fight", "fight")]:
        tokens, guessed = speller.correct(analyzer.analyze(question))
        assert kept in tokens and not guessed
    assert speller.correct(["tarrif"]) == (["tariff"], frozenset({"tariff"}))  # not a word


def test_without_a_word_list_a_real_word_is_corrected_like_a_typo() -> None:
    speller = speller_over("기자 회견", "eight offices", is_word=lambda token: False)
    assert speller.correct(["fight"])[0] == ["eight"]  # what the word list prevents


def test_a_real_word_of_a_family_the_articles_use_becomes_that_stem() -> None:
    speller = speller_over("distribute goods")
    assert speller.correct(["distributor"])[0] == ["distribut"]


def test_the_analyzer_knows_real_words_from_typos() -> None:
    analyzer = default_analyzer()
    assert analyzer.is_word("비자") and analyzer.is_word("fight") and analyzer.is_word("elect")
    assert not analyzer.is_word("바우쳐") and not analyzer.is_word("tarrif")


def test_a_short_compound_of_known_words_typed_without_a_space_is_split() -> None:
    speller = speller_over("동부 자바의 주도 수라바야")
    tokens, _ = speller.correct(default_analyzer().analyze("동부자바 무역관"))
    assert tokens[:2] == ["동부", "자바"]
    assert speller.correct(["동부바바"])[0] == ["동부바바"]  # not made of known words


def test_a_real_compound_word_is_also_known_by_the_words_it_is_made_of() -> None:
    # kiwipiepy keeps "스쿨버스" whole in a question but splits it in "스쿨버스·시내버스".
    speller = speller_over("버스(스쿨버스·시내버스): 10%")
    assert speller.parts("스쿨버스") == ["스쿨", "버스"]
    assert speller.parts("버스") is None  # too short to be a compound
    assert speller.parts("school") is None
    assert speller.parts("덤프트럭") is None  # not made of known words only


def test_a_korean_verb_the_analysis_read_is_kept_not_corrected_into_a_noun() -> None:
    # "풀렸어요" (has it been lifted?) gives the stem 풀리, one letter off 폴리.
    speller = speller_over("폴리실리콘 폴리 관세")
    analyzer = default_analyzer()
    verbs: set[str] = set()
    typed = analyzer.analyze("관세 풀렸어요?", verbs)
    assert "풀리" in verbs
    assert speller.correct(typed)[0] == ["관세", "폴리"]  # what keeping the verbs prevents
    assert speller.correct(typed, frozenset(verbs)) == (["관세", "풀리"], frozenset())
