"""Arbitrary text in, never a crash out: property-based fuzzing with Hypothesis.

Each property runs a fixed, derandomized sample (the same inputs on every run, so CI
is reproducible) drawn from text an exporter could paste: Hangul, Latin, digits,
punctuation, emoji, control characters and long runs of one character.
"""

from __future__ import annotations

import string

from fastapi import FastAPI
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from helpdesk.analyzer import default_analyzer
from helpdesk.schemas import HandoffRequest
from helpdesk.schemas.ask import MAX_QUESTION_CHARS
from helpdesk.values import asked_kinds, held_kinds

FUZZ = settings(
    max_examples=150,
    derandomize=True,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

# Characters that exercise the analyzers: Hangul syllables and jamo, Latin, digits,
# the punctuation and symbols the patterns read (%, $, ~, -, ·), and anything else.
PICKED = st.sampled_from(
    list("관세몇프로얼마명건사장성함주소ㅋㅎㄱ")
    + list(string.ascii_letters + string.digits + "%$~-·.,?! \n\t")
)
TEXT = st.one_of(
    st.text(alphabet=PICKED, max_size=200),
    st.text(max_size=200),  # any Unicode, control characters and emoji included
    st.builds(lambda c, n: c * n, PICKED, st.integers(1, MAX_QUESTION_CHARS)),
)
KINDS = {"percent", "people", "duration", "money", "count", "phone", "time",
         "address", "person"}  # fmt: skip


@FUZZ
@given(question=TEXT)
def test_any_question_gets_an_answer_a_fallback_or_a_clear_error(
    shipped_client: TestClient, question: str
) -> None:
    response = shipped_client.post("/api/ask", json={"question": question})
    assert response.status_code in (200, 422), response.text
    body = response.json()
    if response.status_code == 422:
        assert body["error"]["code"] and body["error"]["message"]
        return
    assert 0.0 <= body["confidence"] <= 1.0
    if body["answered"]:
        assert body["answer"]["article_id"] and body["answer"]["text"]
    else:
        assert body["fallback"] is not None


@FUZZ
@given(
    first=TEXT,
    follow_up=TEXT,
    session=st.text(max_size=80),
    lang=st.sampled_from([None, "ko", "en", "fr", ""]),
    top_k=st.integers(-2, 12),
)
def test_any_conversation_and_options_get_an_answer_a_fallback_or_a_clear_error(
    shipped_client: TestClient,
    first: str,
    follow_up: str,
    session: str,
    lang: str | None,
    top_k: int,
) -> None:
    for question in (first, follow_up):  # the second is read as a follow-up
        payload = {"question": question, "session_id": session, "lang": lang, "top_k": top_k}
        response = shipped_client.post("/api/ask", json=payload)
        assert response.status_code in (200, 422), response.text
        if response.status_code == 200:
            assert len(response.json()["results"]) <= top_k
        else:
            assert response.json()["error"]["message"]


@FUZZ
@given(text=TEXT)
def test_the_value_patterns_read_any_text(text: str) -> None:
    assert asked_kinds(text) <= KINDS
    assert held_kinds(text) <= KINDS


@FUZZ
@given(text=TEXT)
def test_the_analyzer_reads_any_text(text: str) -> None:
    tokens = default_analyzer().analyze(text)
    assert all(isinstance(t, str) and t and not t.isspace() for t in tokens)


@FUZZ
@given(name=TEXT, company=TEXT, question=TEXT, lang=st.sampled_from(["ko", "en"]))
def test_any_hand_off_is_kept_exactly_as_sent_or_refused_with_a_clear_error(
    shipped_client: TestClient, name: str, company: str, question: str, lang: str
) -> None:
    payload = {
        "name": name,
        "company": company,
        "email": "export@example.co.kr",
        "question": question,
        "consent": True,
        "lang": lang,
    }
    response = shipped_client.post("/api/handoff", json=payload)
    assert response.status_code in (201, 422), response.text
    if response.status_code == 422:
        assert response.json()["error"]["message"]
        return
    ticket_id = response.json()["ticket_id"]
    app = shipped_client.app
    assert isinstance(app, FastAPI)
    [stored] = [t for t in app.state.services.records.tickets() if t.id == ticket_id]
    # what was sent, as the request model read it (less surrounding white space)
    sent = HandoffRequest.model_validate(payload)
    assert (stored.name, stored.company) == (sent.name, sent.company)
    assert (stored.question, stored.lang) == (sent.question, lang)
