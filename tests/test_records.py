"""POST /api/handoff and POST /api/feedback: validated, stored, answered with an id."""

from __future__ import annotations

import re

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from .conftest import assert_error

VALID_HANDOFF = {
    "session_id": "sess-12345678",
    "name": "김수출",
    "company": "한빛정밀",
    "email": "export@example.co.kr",
    "question": "자동차 부품 8708.29 관세가 15%인지 확인하고 싶습니다.",
    "consent": True,
}


def test_handoff_returns_a_ticket_and_stores_it(client: TestClient, app: FastAPI) -> None:
    response = client.post("/api/handoff", json=VALID_HANDOFF)
    assert response.status_code == 201
    body = response.json()
    assert re.fullmatch(r"T-[0-9A-F]{8}", body["ticket_id"])
    assert body["status"] == "received"
    assert body["message"] == (
        f"상담 요청이 접수되었습니다 ({body['ticket_id']}). "
        "상담원이 남겨 주신 연락처로 연락드립니다."
    )
    assert body["contact"] == "무역장벽 119 (KOTRA 1600-7119)"
    [ticket] = app.state.services.records.tickets()
    assert ticket.id == body["ticket_id"]
    assert ticket.company == "한빛정밀" and ticket.email == "export@example.co.kr"


def test_handoff_with_a_phone_only_is_accepted_in_english(client: TestClient) -> None:
    body = {**VALID_HANDOFF, "email": None, "phone": "+82 2-3460-7114", "lang": "en"}
    response = client.post("/api/handoff", json=body)
    assert response.status_code == 201
    assert response.json()["message"].startswith("Your request is in (T-")


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (
            {"consent": False},
            "consent: must be true: a consultant can only contact you with your consent",
        ),
        ({"consent": "yes"}, "consent: Input should be a valid boolean"),
        ({"email": None}, "give an email or a phone number so a consultant can reach you"),
        ({"email": "   "}, "give an email or a phone number so a consultant can reach you"),
        (
            {"email": "not-an-email"},
            "email: String should match pattern '^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$'",
        ),
        ({"phone": "call me"}, "phone: String should match pattern '^\\+?[0-9][0-9 ()-]{5,24}$'"),
        ({"name": ""}, "name: String should have at least 1 character"),
        ({"company": None}, "company: Input should be a valid string"),
        ({"question": "x" * 1001}, "question: String should have at most 1000 characters"),
        (
            {"session_id": "../etc"},
            "session_id: String should match pattern '^[A-Za-z0-9_-]{8,64}$'",
        ),
        ({"extra": 1}, "extra: Extra inputs are not permitted"),
    ],
)
def test_handoff_rejects_bad_input_with_the_exact_message(
    client: TestClient, change: dict[str, object], message: str
) -> None:
    assert_error(client.post("/api/handoff", json={**VALID_HANDOFF, **change}), 422, message)


def test_handoff_missing_consent_is_named(client: TestClient) -> None:
    body = {k: v for k, v in VALID_HANDOFF.items() if k != "consent"}
    assert_error(client.post("/api/handoff", json=body), 422, "consent: Field required")


def test_feedback_on_an_answer_is_recorded(client: TestClient, app: FastAPI) -> None:
    answer_id = client.post("/api/ask", json={"question": "steel tariff rate"}).json()["answer_id"]
    response = client.post(
        "/api/feedback",
        json={"session_id": "sess-12345678", "answer_id": answer_id, "helpful": True},
    )
    assert response.status_code == 201
    body = response.json()
    assert re.fullmatch(r"F-[0-9A-F]{8}", body["feedback_id"]) and body["status"] == "recorded"
    [record] = app.state.services.records.feedback()
    assert record.answer_id == answer_id and record.helpful is True


def test_feedback_on_an_article_with_a_comment_is_recorded(client: TestClient) -> None:
    response = client.post(
        "/api/feedback", json={"article_id": "steel", "helpful": False, "comment": "outdated?"}
    )
    assert response.status_code == 201


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ({"helpful": True}, "give the answer_id or the article_id the feedback is about"),
        ({"article_id": "steel"}, "helpful: Field required"),
        ({"article_id": "steel", "helpful": "yes"}, "helpful: Input should be a valid boolean"),
        ({"article_id": "nope", "helpful": True}, "article_id: no article 'nope'"),
        (
            {"article_id": "../x", "helpful": True},
            "article_id: String should match pattern '^[a-z0-9]+(?:-[a-z0-9]+)*$'",
        ),
        (
            {"answer_id": "42", "helpful": True},
            "answer_id: String should match pattern '^A-[0-9A-F]{12}$'",
        ),
        (
            {"article_id": "steel", "helpful": True, "comment": "x" * 1001},
            "comment: String should have at most 1000 characters",
        ),
    ],
)
def test_feedback_rejects_bad_input_with_the_exact_message(
    client: TestClient, body: dict[str, object], message: str
) -> None:
    assert_error(client.post("/api/feedback", json=body), 422, message)
