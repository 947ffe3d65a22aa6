"""What kind of value a question asks for, and which kinds of value a text holds.

"철강 관세 몇 프로예요?" asks for a percentage, "지사화사업 참가비 얼마예요?" for an
amount of money (or a rate), "How long does CBP take to issue an importer number?"
for a duration, "애틀랜타무역관 직원은 몇 명이에요?" for a number of people, "When did KOTRA open
its Da Nang office?" for an opening date (a year with a word for opening in one
sentence, or the article's word that it does not know the date). A
passage answers such a question only if it holds a value of that kind: "232조 관세
50%" does, a passage listing the HS codes the tariff covers does not. Pure functions
of text; the index works out each passage's kinds once, at start-up.
"""

from __future__ import annotations

import re

# A number starts only where no digit, comma or point comes before it, and once read
# is not read again shorter: each pattern stays linear in the text's length.
_NUMBER = r"(?<![\d,.])\d[\d,.]*+"
# A number with words between it and what it counts ("137 Korean and US business
# people", "about 300 Korean firms"): never a year ("in 2025 Korean firms").
_NOT_A_YEAR = rf"(?<![\d.,])(?!(19|20)\d\d\b){_NUMBER}"

# Words for something opening: an office, a centre, a system, a scheme.
_OPENING = (
    r"(\bopen(ed|ing|s)?\b(?!\s+trade\s+office)|\bestablish(ed|ment)?\b|\bset\s+up\b|\bfounded\b|\blaunch(ed)?\b"
    r"|\binaugurat\w*|개소|설립|개설|개관|문을\s?열|열었|열기로|출범|오픈|개시)"
)

# A value of each kind, as passages write it (in either language).
_HELD: dict[str, re.Pattern[str]] = {
    "percent": re.compile(rf"{_NUMBER}\s?(%|퍼센트|프로\b|percent)|%p\b|percentage point", re.I),
    "people": re.compile(
        rf"{_NUMBER}\s?(여\s?)?(명|people|persons|staff|employees|workers|attendees|participants|guests)"
        # "137 Korean and US business people"; neither a year ("in 2023 people") nor a
        # population ("37 million people") is a head count
        rf"|{_NOT_A_YEAR}\s(?!million|billion)(?:[a-z]+\s){{1,4}}"
        r"(people|persons|staff|employees|workers|attendees|participants|guests)\b",
        re.I,
    ),
    "duration": re.compile(
        rf"{_NUMBER}\s?(~\s?{_NUMBER}\s?)?"
        r"(일|개월|주|년|달|영업일|시간|((business|calendar|working)\s)?(days?|weeks?|months?|years?|hours?))\b"
        rf"|{_NUMBER}\s?(일|개월|주일|영업일)",
        re.I,
    ),
    "money": re.compile(
        rf"{_NUMBER}\s?(원|만\s?원|억|조\s?원|달러|불|유로|위안|엔|페소|million|billion|trillion|won|dollars?)"
        rf"|[$€£₩]\s?{_NUMBER}|\b(USD|KRW|EUR)\s?{_NUMBER}",
        re.I,
    ),
    "count": re.compile(
        rf"{_NUMBER}\s?(million|billion|thousand|만|천|억)?\s?(여\s?)?"
        r"(건|개|곳|개사|개국|군데|개\s?주|번째|톤|tons?|kg|companies|firms|cases|offices|"
        r"countries|economies|states|items|products|entries|measures|orders|applicants|services|areas|"
        r"sessions|findings|codes|lines|SMEs|exporters|businesses|기업|업체|개\s?기업)"
        # "about 300 Korean firms", "1,463 tariff lines"; not a year ("in 2025 Korean firms")
        rf"|{_NOT_A_YEAR}\+?\s(?!million|billion)(?:[a-z-]+\s){{1,3}}"
        r"(companies|firms|offices|countries|economies|items|products|entries|orders|lines|"
        r"codes|SMEs|exporters|businesses)\b"
        r"|\b(one|two|three|four|five|six|seven|eight|nine|ten|twelve|twenty|dozen)\b"
        r"|[한두세네]\s?(곳|개|건|명|번째|차례)|(첫|두|세|네|다섯)\s?번째",
        re.I,
    ),
    # 1600-7119, +1 213 427 2001, (02) 3460-7114; not a date such as 2026-11-28
    "phone": re.compile(
        r"(?<![\d-])(\+\d{1,3}[\s.-]?)?(\(?\d{2,4}\)?[\s.-])?\d{3,4}[\s.-]\d{4}(?![\d-])"
    ),
    # 강경성 사장, Kang Kyung-sung, Secretary Lutnick: a person's name, with a title
    "person": re.compile(
        r"(?<![가-힣])[김이박최정강조윤장임한오서신권황안송전홍유고문양손배백허남심노하곽성차주우구민류나진지엄채원천방공현함변염여추도소석선설마길연위표명기반왕금옥육인맹제모탁국어은편용예경봉][가-힣]{1,2}\s?"
        r"(사장|관장|무역관장|본부장|지역본부장|대표|장관|대통령|위원장|대법관|판사|청장|차관|회장|이사장)"
        r"|[가-힣]{2,5}\s?(대법관|대법원장|대통령|상무장관)"
        r"|\b[A-Z][a-z]+ [A-Z][a-z]+-[a-z]+\b"
        r"|\b(President|Justice|Judge|Secretary|Minister|Commissioner|Chairman|Ambassador|CEO)\s+[A-Z][a-z]+"
    ),
    "time": re.compile(r"\d{1,2}\s?:\s?\d{2}|\d{1,2}\s?시|\b[ap]\.?m\b", re.I),
    # when something opened: a year and a word for opening in one sentence ("opened
    # in January 2019", "2019-01-17 개소", "1962년 설립")
    "opened": re.compile(
        rf"{_OPENING}[^.?!\n]{{0,80}}(?<!\d)(19|20)\d\d(?!\d)"
        rf"|(?<!\d)(19|20)\d\d(?!\d)[^.?!\n]{{0,80}}{_OPENING}"
        # or says the date is not known, which answers the question honestly
        # ("정확한 개관일은 저희 자료로 확인되지 않습니다")
        rf"|{_OPENING}\s?(일|연도|날짜|date|year)[^.?!\n]{{0,40}}"
        r"(확인되지\s?않|나와\s?있지\s?않|not\s+confirmed|not\s+given|do\s+not\s+give|does\s+not\s+give)",
        re.I,
    ),
    "address": re.compile(
        r"(?<!\d)\d{1,3}\s?층|\d{1,4}\s?호실|\b[a-z]+-(ro|gil|daero|gu)\b"
        r"|\b(street|st\.|ave(nue)?|road|rd\.|blvd|boulevard|suite|floor|fl\.)\b|[가-힣]{0,10}[^으\s](대로|로|길)\s?\d{1,4}(?![\d.%-]|\s?[년월일])",
        re.I,
    ),
}

# How a question asks for each kind, in Korean and in English (a mixed question may
# ask in either).
_ASKED: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("percent", re.compile(r"몇\s?(%|프로|퍼센트|퍼)|[율률]\s*[은는이가]?\s*(몇|얼마)")),
    ("people", re.compile(r"몇\s?명|인원\s*[은는이가]?\s*(몇|얼마)")),
    (
        "duration",
        re.compile(
            r"며칠\s*(걸|소요|정도|이나|만에)|몇\s?(일|달|개월|주|년|시간)\s*(걸|정도|이나|동안|소요|만에)"
            r"|얼마나\s*(걸|오래|소요)|기간\s*[은는이가]?\s*(얼마|어느)"
        ),
    ),
    (
        "money",
        re.compile(
            r"얼마(?!나)|비용\s*[은는이가]?\s*(어느|어떻게)"
            # "수수료 있어요?", "참가비 내야 돼요?"
            r"|(수수료|비용|요금|참가비|부스비|이용료|신청비)\s*[은는이가을를도]?\s*(있|내|드|들|받)"
        ),
    ),
    ("count", re.compile(r"몇\s?(건|개|곳|개사|개국|군데|개\s?기업|개나|가지)")),
    ("phone", re.compile(r"전화\s?번호|연락처|번호\s*(좀|알려)")),
    (
        "person",
        re.compile(
            r"(사장|관장|본부장|대표|장관|위원장|대법관|판사|청장|책임자|담당자|관장님)\S{0,4}\s*(은|는|이|가)?\s*(누구|성함|이름)"
            r"|성함|누가\s*(맡|임명|됐|되었)"
        ),
    ),
    ("time", re.compile(r"몇\s?시|업무\s?시간|운영\s?시간|영업\s?시간")),
    # not a website's or a mailbox's address
    (
        "address",
        re.compile(r"(?<!사이트)(?<!사이트 )(?<!홈페이지)(?<!홈페이지 )(?<!메일)(?<!메일 )주소"),
    ),
    (
        "percent",
        re.compile(
            r"what\s+(percent|percentage)|how\s+many\s+percent"
            r"|\bwhat('s|\s+is|\s+are)?\s+the\s+([a-z]+\s+){0,3}rates?\b",
            re.I,
        ),
    ),
    (
        "people",
        re.compile(r"how\s+many\s+(people|staff|employees|workers|persons)|head\s?count", re.I),
    ),
    (
        "duration",
        re.compile(
            r"how\s+long(?!\s+(has|have|had|ago)\b)|how\s+many\s+(days|weeks|months|years|hours)",
            re.I,
        ),
    ),
    (
        "money",
        re.compile(
            r"how\s+much\s+(does|do|did|will|would|is\s+it|money|to)|\bcosts?\b|\bfees?\b|\bprice\b"
            # "what does a broker charge", "do they charge for it"; not "who is in charge"
            r"|(?<!in\s)\bcharge\b(?!\s+of\b)"
            r"|how\s+much\s+\w+\s+(cost|charge)",
            re.I,
        ),
    ),
    (
        "count",
        re.compile(
            r"how\s+many\s+(?!people|staff|employees|workers|persons|days|weeks|months|years"
            r"|hours|percent)",
            re.I,
        ),
    ),
    (
        "phone",
        re.compile(
            r"\bphone\s+(number|no)|\btelephone|contact\s+number|\bcall\s+(them|the\s+office)"
            # "What number do I call at the KCS help center?", "a number we can call"
            r"|\bnumbers?\b[^.?!]{0,30}\bcall\b",
            re.I,
        ),
    ),
    (
        "person",
        re.compile(
            r"who('s|\s+is|\s+was)?\s+(in\s+charge|the\s+(current\s+|new\s+|present\s+)?"
            r"(head|president|ceo|chief|director|judge|justice|chair))"
            r"|name\s+of\s+the\s+(person|head|director|president|judge)"
            r"|who\s+(runs|heads|leads|wrote|was\s+appointed|is\s+appointed)|which\s+(judge|justice)",
            re.I,
        ),
    ),
    ("time", re.compile(r"opening\s+hours|office\s+hours|business\s+hours|what\s+time", re.I)),
    (
        "opened",
        re.compile(
            r"\b(when|what\s+year|which\s+year|since\s+when)\s+(did|was|were|has|had)\b"
            r"[^?.!]{0,60}\b(open|opened|establish|established|set\s+up|founded|launch|launched)\b"
            r"|(개소|설립|생긴|생겼|문\s?열|오픈|개설|개관|출범|개시)(일|연도|년도|날짜|시기|한\s?게|된\s?게|했|된|한|은|는|이|가|게|건)?"
            r"\s*(은|는|이|가)?\s*(언제|몇\s?년)"
            r"|(언제|몇\s?년도?에?)\s*(개소|설립|생겼|문\s?열|오픈|개설|개관|출범|개시)",
            re.I,
        ),
    ),
    ("address", re.compile(r"\baddress\b", re.I)),
)

# A kind the question asks for is also answered by these: "관세 얼마예요?" by a rate,
# "몇 곳" by a number of people as well as a count; "직원 몇 명" only by people.
_ANSWERED_BY: dict[str, frozenset[str]] = {
    "money": frozenset({"money", "percent"}),
    "count": frozenset({"count", "people"}),
}


def asked_kinds(question: str) -> frozenset[str]:
    """The kinds of value ``question`` asks for (empty when it asks for none)."""
    return frozenset(kind for kind, pattern in _ASKED if pattern.search(question))


def held_kinds(text: str) -> frozenset[str]:
    """The kinds of value ``text`` holds."""
    return frozenset(kind for kind, pattern in _HELD.items() if pattern.search(text))


def answers(asked: frozenset[str], held: frozenset[str]) -> bool:
    """Whether a text holding ``held`` has a value of a kind in ``asked`` (True when
    nothing is asked)."""
    if not asked:
        return True
    return any(_ANSWERED_BY.get(kind, frozenset({kind})) & held for kind in asked)


# Whether a measure still stands, as a question asks it: "상호관세 15% 아직 내야돼요?",
# "한미FTA 폐기된 거 아니죠?", "is the 10% surcharge still being charged?".
_ASKS_STATUS = re.compile(
    r"아직|여전히|폐기|없어졌|없어진|유효한|살아\s?있|종료됐|종료된|중단됐|끝났|끝난"
    r"|\bstill\s+(in\s+force|in\s+effect|valid|appl(y|ies)|being\s+(charged|collected|applied))"
    r"|\bis\s+(it|that|this)\s+(over|gone|ended|finished)\b|\bno\s+longer\b",
    re.I,
)
# A passage that says whether a measure stands: struck down, ended, lapsed, still in force.
_HOLDS_STATUS = re.compile(
    r"무효|위헌|폐지|종료|끝났|중단|만료|시행\s?중|유효|효력|없어졌|사라졌|철회|연장되지\s?않"
    r"|여전히|그대로\s?(유지|적용)|남아\s?있"
    r"|struck\s+down|invalid|\bended\b|expired|terminated|lapsed|no\s+longer|in\s+force"
    r"|in\s+effect|revoked|withdrawn|voided|still\s+(applies|apply|stands)",
    re.I,
)


def asks_status(question: str) -> bool:
    """Whether ``question`` asks if a measure still stands (or has ended)."""
    return _ASKS_STATUS.search(question) is not None


def holds_status(text: str) -> bool:
    """Whether ``text`` says a measure stands, has ended or was struck down."""
    return _HOLDS_STATUS.search(text) is not None
