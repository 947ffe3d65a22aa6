"""Countries and office cities named in a question, found by their analyzed names.

Country names come from the table below (the countries the knowledge base tags);
city names come from the office blocks of the knowledge base itself.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from helpdesk.analyzer import Analyzer, contains_sequence
from helpdesk.kb.models import KnowledgeBase
from helpdesk.terms import TermIndex

# ISO 3166 alpha-2 -> names people type, Korean and English ("Indian", "Japanese" too).
COUNTRY_NAMES: dict[str, tuple[str, ...]] = {
    "US": ("미국", "united states", "usa", "america", "american"),
    "MX": ("멕시코", "mexico", "mexican"),
    "CA": ("캐나다", "canada", "canadian"),
    "CN": ("중국", "china", "chinese"),
    "JP": ("일본", "japan", "japanese"),
    "VN": ("베트남", "vietnam", "viet nam", "vietnamese"),
    "ID": ("인도네시아", "indonesia", "indonesian"),
    "IN": ("인도", "india", "indian"),
    "SG": ("싱가포르", "singapore", "singaporean"),
    "PK": ("파키스탄", "pakistan", "pakistani"),
    "AE": ("아랍에미리트", "uae", "united arab emirates", "에미리트", "emirati"),
    "SA": ("사우디아라비아", "사우디", "saudi arabia", "saudi"),
    "DE": ("독일", "germany", "german"),
    "PL": ("폴란드", "poland", "polish"),
    "SK": ("슬로바키아", "slovakia", "slovak", "slovakian"),
    "GE": ("조지아", "georgia"),
    "AZ": ("아제르바이잔", "azerbaijan", "azerbaijani"),
    "TW": ("대만", "taiwan", "taiwanese"),
    "TH": ("태국", "thailand", "thai"),
    "MY": ("말레이시아", "malaysia", "malaysian"),
    "KH": ("캄보디아", "cambodia", "cambodian"),
    "BD": ("방글라데시", "bangladesh", "bangladeshi"),
    "CH": ("스위스", "switzerland", "swiss"),
    "NO": ("노르웨이", "norway", "norwegian"),
    # Trading partners the knowledge base has no office article for: naming one says
    # the question is about somewhere the articles are not.
    "GB": ("영국", "united kingdom", "uk", "britain", "england", "british"),
    "FR": ("프랑스", "france", "french"),
    "IT": ("이탈리아", "italy", "italian"),
    "ES": ("스페인", "spain", "spanish"),
    "NL": ("네덜란드", "netherlands", "dutch"),
    "BE": ("벨기에", "belgium", "belgian"),
    "EU": ("유럽연합", "eu", "european union", "european"),
    "AU": ("호주", "australia", "australian"),
    "NZ": ("뉴질랜드", "new zealand"),
    "BR": ("브라질", "brazil", "brazilian"),
    "AR": ("아르헨티나", "argentina", "argentine"),
    "CL": ("칠레", "chile", "chilean"),
    "RU": ("러시아", "russia", "russian"),
    "TR": ("튀르키예", "터키", "turkey", "turkiye", "turkish"),
    "PH": ("필리핀", "philippines", "filipino"),
    "HK": ("홍콩", "hong kong"),
    "EG": ("이집트", "egypt", "egyptian"),
    "ZA": ("남아공", "남아프리카공화국", "south africa"),
}
# Big cities of countries the knowledge base has no office in, or no office in that city.
CITY_COUNTRIES: dict[str, tuple[str, ...]] = {
    "GB": ("런던", "london"),
    "FR": ("파리", "paris"),
    "AU": ("시드니", "멜버른", "sydney", "melbourne"),
    "CA": ("토론토", "밴쿠버", "toronto", "vancouver"),
    "JP": ("오사카", "osaka"),
    "DE": ("뮌헨", "베를린", "munich", "berlin"),
    "US": ("휴스턴", "시애틀", "seattle", "houston"),
}
# Korean cities and provinces as exporters spell them in English ("our plant in
# Cheongju"). They name the asker's home, not a place an article is about, and they
# are words, not typos: "cheongju" is not corrected to "chengdu", nor "jinju" to
# "injury".
HOME_PLACES = (
    "seoul", "busan", "incheon", "daegu", "daejeon", "gwangju", "ulsan", "sejong",
    "suwon", "changwon", "gimhae", "cheongju", "cheonan", "asan", "gumi", "pohang",
    "gyeongju", "yeosu", "gunsan", "jeonju", "iksan", "wonju", "chuncheon", "gangneung",
    "pyeongtaek", "hwaseong", "ansan", "siheung", "bucheon", "gimpo", "paju", "goyang",
    "seongnam", "yongin", "osan", "icheon", "anyang", "osong", "ochang", "jincheon",
    "eumseong", "chungju", "geoje", "tongyeong", "jinju", "yangsan", "miryang",
    "gimcheon", "andong", "gyeongsan", "chilgok", "mokpo", "suncheon", "gwangyang",
    "jeju", "dangjin", "seosan", "gyeonggi", "gangwon", "chungbuk", "chungnam",
    "jeonbuk", "jeonnam", "gyeongbuk", "gyeongnam", "chungcheong", "jeolla", "gyeongsang",
)  # fmt: skip
# Names that are also a US state: "Atlanta, Georgia" is not the country.
US_STATE_NAMES = frozenset({"GE"})
# The member states among the countries above: an article about the EU (CBAM, the
# EU steel safeguard) is about each of them ("our buyer in the Netherlands").
EU_MEMBERS = frozenset({"DE", "PL", "SK", "FR", "IT", "ES", "NL", "BE"})


def with_eu_members(codes: Iterable[str]) -> frozenset[str]:
    """``codes``, with every EU member state added when the EU is among them."""
    found = frozenset(codes)
    return found | EU_MEMBERS if "EU" in found else found


# The countries nearly every article is set in (a Korean exporter selling to the US):
# naming them says neither which article nor that the asker wants an office there.
SETTING_COUNTRIES = frozenset({"KR", "US"})

_NAME_PARTS = re.compile(r"[()/,]")
_OFFICE_NAME_WORDS = re.compile(r"kotra|코트라|무역관|trade office", re.IGNORECASE)

KOTRA_NAMES: tuple[str, ...] = ("KOTRA", "코트라")
OFFICE_WORDS: tuple[str, ...] = (
    "무역관", "해외무역관", "사무소", "지사", "office", "offices", "kbc",
    "korea business center", "trade office", "연락처", "주소", "contact", "address",
)  # fmt: skip


def _origin_pattern(names: Iterable[str]) -> re.Pattern[str]:
    """Where a question names a country as where goods are made ("중국산", "made in
    China", "China-made", "of Chinese origin"); not 중국산업 (industry)."""
    korean = "|".join(re.escape(n) for n in names if n[:1] >= "\uac00")
    english = "|".join(re.escape(n) for n in names if n[:1] < "\uac00")
    forms = [
        rf"\b(?:made in|product of|manufactured in)\s+(?:the\s+)?(?:{english})\b",
        rf"\b(?:{english})[- ](?:made|manufactured|origin)\b",
        rf"\bof\s+(?:{english})\s+origin\b",
    ]
    if korean:
        forms.append(rf"(?:{korean})산(?![업림악지맥])")
    return re.compile("|".join(forms), re.IGNORECASE)


def _city_names(city: str) -> list[str]:
    """An office block's city as separate names: "호치민 (호찌민)" -> 호치민, 호찌민."""
    return [name.strip() for name in _NAME_PARTS.split(city) if name.strip()]


def place_names(kb: KnowledgeBase) -> list[str]:
    """Every country and city name the tables and the office articles know."""
    names = [n for table in (COUNTRY_NAMES, CITY_COUNTRIES) for ns in table.values() for n in ns]
    for article in kb:
        if article.meta.office is not None:
            names += _city_names(article.meta.office.city)
    return list(dict.fromkeys(names))


class Places:
    """Finds countries, office cities and office words in analyzed question tokens."""

    def __init__(self, kb: KnowledgeBase, analyzer: Analyzer) -> None:
        def analyzed(names: Iterable[str]) -> list[tuple[str, ...]]:
            return [seq for seq in (tuple(analyzer.analyze(n)) for n in names) if seq]

        self._country_codes = list(COUNTRY_NAMES)
        self._countries = TermIndex(
            analyzed((*names, *CITY_COUNTRIES.get(code, ())))
            for code, names in COUNTRY_NAMES.items()
        )
        cities: dict[tuple[str, ...], str] = {}
        for article in kb:
            office = article.meta.office
            if office is not None:
                names = [
                    *_city_names(office.city),
                    _OFFICE_NAME_WORDS.sub(" ", office.name),
                    article.meta.id.removeprefix("kotra-"),
                ]
                for seq in analyzed(n for n in names if n.strip()):
                    cities.setdefault(seq, article.meta.id)
        self._city_ids = list(dict.fromkeys(cities.values()))
        self._cities = TermIndex(
            [seq for seq, aid in cities.items() if aid == office] for office in self._city_ids
        )
        self._origin_patterns = {
            code: _origin_pattern(names) for code, names in COUNTRY_NAMES.items()
        }
        self._office_words = analyzed(OFFICE_WORDS)
        self._kotra = analyzer.token_set(KOTRA_NAMES)
        self._us_offices = frozenset(
            a.meta.id for a in kb if a.meta.office is not None and a.meta.office.country == "US"
        )
        self.words = analyzer.token_set([*place_names(kb), *HOME_PLACES])

    def is_name(self, token: str) -> bool:
        """Whether a question token is (part of) a place name: a word, never a typo."""
        return token in self.words

    def countries(self, tokens: Sequence[str], text: str = "") -> list[str]:
        """Country codes named in the question: by name, or as an upper-case code ("MX");
        not those named only as where goods are made (``named_as_origin``)."""
        found = [self._country_codes[n] for n in self._countries.named(tokens)]
        found += [w for w in text.split() if len(w) == 2 and w.isupper() and w in COUNTRY_NAMES]
        if "US" in found or self._names_us_office(tokens):
            found = [code for code in found if code not in US_STATE_NAMES]
        origins = self.named_as_origin(text) if found else set()
        return [code for code in dict.fromkeys(found) if code not in origins]

    def named_as_origin(self, text: str) -> set[str]:
        """Countries the question names only as where goods are made: a Korean "X산",
        "made in X", "X-made", "of X origin" ("중국산 부품 써서 한국에서 조립하면 한국산이에요?",
        "we repackage Vietnam-made goods in Busan"). They say where the goods come from,
        not which country's measures or offices the asker wants."""
        found = set()
        for code, pattern in self._origin_patterns.items():
            if pattern.search(text):
                rest = pattern.sub(" ", text).lower()
                if not any(
                    re.search(rf"(?<![a-z]){re.escape(name)}(?![a-z])", rest)
                    for name in COUNTRY_NAMES[code]
                ):
                    found.add(code)
        return found

    def _names_us_office(self, tokens: Sequence[str]) -> bool:
        return any(aid in self._us_offices for aid in self.office_ids(tokens))

    def office_ids(self, tokens: Sequence[str]) -> list[str]:
        """Office articles whose city the question names."""
        return [self._city_ids[n] for n in self._cities.named(tokens)]

    def mentions_office(self, tokens: Sequence[str]) -> bool:
        return any(contains_sequence(tokens, seq) for seq in self._office_words)

    def names_kotra(self, tokens: Sequence[str]) -> bool:
        """Whether the question names KOTRA ("KOTRA", "코트라")."""
        return not self._kotra.isdisjoint(tokens)
