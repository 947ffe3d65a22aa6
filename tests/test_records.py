"""Hand-off tickets, feedback and asked questions: validated, kept in the records database
through restarts and faults, and listed for the staff by ``helpdesk records``."""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from click.testing import CliRunner
from fastapi import FastAPI
from fastapi.testclient import TestClient

from helpdesk.api import create_app
from helpdesk.cli import main
from helpdesk.errors import RecordsUnavailable
from helpdesk.records import Asked, AskedLog, Feedback, RecordStore, Ticket
from helpdesk.settings import Settings

from .conftest import assert_error, break_table

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


# --- kept in a database: what survives a restart, what staff can review, what a fault does


def records_cli(*args: str) -> str:
    result = CliRunner().invoke(main, ["records", *args])
    assert result.exit_code == 0, result.output
    return result.stdout


def test_a_ticket_survives_a_restart_and_staff_can_list_it(
    settings: Settings, records_database: str
) -> None:
    with TestClient(create_app(settings)) as client:
        ticket_id = client.post("/api/handoff", json=VALID_HANDOFF).json()["ticket_id"]
    with TestClient(create_app(settings)) as client:  # the service restarted
        assert client.get("/healthz").status_code == 200
    [listed] = json.loads(records_cli("tickets", "--database", records_database, "--json"))
    assert listed["id"] == ticket_id
    assert (listed["name"], listed["company"]) == ("김수출", "한빛정밀")
    assert listed["email"] == "export@example.co.kr" and listed["phone"] is None
    assert listed["question"] == VALID_HANDOFF["question"] and listed["lang"] == "ko"
    text = records_cli("tickets", "--database", records_database)
    assert text.startswith("1 tickets\n" + f"{ticket_id} ")
    assert "[ko] 김수출 (한빛정밀) export@example.co.kr\n" in text


def test_feedback_survives_a_restart_and_staff_can_list_it(
    settings: Settings, records_database: str
) -> None:
    with TestClient(create_app(settings)) as client:
        client.post("/api/feedback", json={"article_id": "steel", "helpful": True})
        client.post(
            "/api/feedback", json={"article_id": "steel", "helpful": False, "comment": "old?"}
        )
    lines = records_cli("feedback", "--database", records_database).splitlines()
    assert lines[0] == "2 ratings, 1 helpful, 1 not helpful"
    assert lines[1].endswith(" helpful steel") and lines[2].endswith(" NOT helpful steel: old?")


def test_questions_left_unanswered_are_listed_most_asked_first(
    client: TestClient, app: FastAPI, records_database: str
) -> None:
    for question in (
        "steel tariff rate",
        "kimchi stew recipe",
        "오늘 날씨 어때요",
        "Kimchi  stew recipe ",
        "steel tariff rate",
    ):
        client.post("/api/ask", json={"question": question})
    app.state.services.asked.flush()
    report = json.loads(records_cli("unanswered", "--database", records_database, "--json"))
    assert (report["asked"], report["unanswered"]) == (5, 3)
    asked = [(q["question"], q["lang"], q["times"]) for q in report["questions"]]
    assert asked == [("Kimchi  stew recipe", "en", 2), ("오늘 날씨 어때요", "ko", 1)]
    text = records_cli("unanswered", "--database", records_database)
    assert text.splitlines()[0] == "5 questions asked, 3 unanswered (60%)"
    assert "   2x [en] Kimchi  stew recipe\n" in text


def test_questions_are_not_kept_when_recording_is_off(kb_dir: Path, records_database: str) -> None:
    settings = Settings(kb_path=kb_dir, record_questions=False)
    with TestClient(create_app(settings)) as client:
        assert client.post("/api/ask", json={"question": "kimchi stew recipe"}).status_code == 200
    assert RecordStore.open(records_database).counts() == (0, 0)


def test_a_ticket_the_database_cannot_store_is_refused_in_the_askers_language(
    client: TestClient, app: FastAPI, records_database: str
) -> None:
    break_table(records_database, "tickets")
    error = assert_error(
        client.post("/api/handoff", json=VALID_HANDOFF),
        503,
        "상담 요청을 지금은 저장하지 못했습니다. 저장된 내용은 없습니다. "
        "잠시 후 다시 시도하시거나 무역장벽 119 (KOTRA 1600-7119)로 전화해 주세요.",
    )
    assert error["code"] == "records_unavailable"
    assert_error(
        client.post("/api/handoff", json={**VALID_HANDOFF, "lang": "en"}),
        503,
        "We could not save your request just now, and nothing was saved. "
        "Please try again in a minute, or call 무역장벽 119 (KOTRA 1600-7119).",
    )


def test_feedback_the_database_cannot_store_is_refused(
    client: TestClient, records_database: str
) -> None:
    break_table(records_database, "feedback")
    error = assert_error(
        client.post("/api/feedback", json={"article_id": "steel", "helpful": True}),
        503,
        "the records database cannot store this right now; nothing was saved",
    )
    assert error["code"] == "records_unavailable"


def test_an_answer_is_served_when_its_question_cannot_be_recorded(
    client: TestClient, app: FastAPI, records_database: str, caplog: pytest.LogCaptureFixture
) -> None:
    break_table(records_database, "questions")
    response = client.post("/api/ask", json={"question": "steel tariff rate"})
    assert response.status_code == 200 and response.json()["answered"] is True
    app.state.services.asked.flush()
    answer_id = response.json()["answer_id"]
    assert f"1 question(s) not recorded ({answer_id}): the records database" in caplog.text


def test_questions_still_queued_are_written_when_the_service_stops(
    settings: Settings, records_database: str
) -> None:
    with TestClient(create_app(settings)) as client:
        for n in range(30):
            client.get("/api/ask", params={"q": f"kimchi stew recipe {n}"})
    # no flush: stopping the service writes what is queued
    assert RecordStore.open(records_database).counts() == (30, 30)


def test_start_up_stops_naming_a_database_it_cannot_open(kb_dir: Path, tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path}"  # a folder, not a file
    with pytest.raises(RecordsUnavailable) as caught:
        create_app(Settings(kb_path=kb_dir, database_url=url))
    assert caught.value.message == (
        f"cannot open the records database {url}: unable to open database file"
    )
    result = CliRunner().invoke(main, ["records", "tickets", "--database", "nonsense"])
    assert result.exit_code == 1
    assert result.stderr == "Error: not a database URL: 'nonsense'\n"


def test_tickets_sent_at_once_are_all_kept(client: TestClient, app: FastAPI) -> None:
    def send(n: int) -> str:
        body = {**VALID_HANDOFF, "question": f"question {n}"}
        response = client.post("/api/handoff", json=body)
        assert response.status_code == 201, response.text
        return str(response.json()["ticket_id"])

    with ThreadPoolExecutor(max_workers=8) as pool:
        ids = list(pool.map(send, range(120)))
    stored = app.state.services.records.tickets()
    assert len(set(ids)) == 120
    assert sorted(t.id for t in stored) == sorted(ids)
    assert {t.question for t in stored} == {f"question {n}" for n in range(120)}


def test_records_are_read_back_in_utc_and_since_a_moment(tmp_path: Path) -> None:
    store = RecordStore.open(f"sqlite:///{tmp_path / 'r.sqlite3'}")
    old = dt.datetime(2026, 11, 1, 9, 0, tzinfo=dt.timezone(dt.timedelta(hours=9)))
    store.add_asked(
        *(
            Asked(None, question, "en", False, 0.2, "A-000000000000", None, created=created)
            for created, question in ((old, "old"), (dt.datetime.now(dt.UTC), "new"))
        )
    )
    everything = store.asked()
    assert [a.question for a in everything] == ["old", "new"]
    assert everything[0].created == old and everything[0].created.tzinfo is not None
    recent = dt.datetime(2026, 11, 2, tzinfo=dt.UTC)
    assert [u.question for u in store.unanswered(since=recent)] == ["new"]
    assert store.counts(since=recent) == (1, 1)
    store.close()


def test_an_unanswered_question_shows_the_article_offered_last(tmp_path: Path) -> None:
    store = RecordStore.open(f"sqlite:///{tmp_path / 'r.sqlite3'}")
    for article in ("copper-232", "steel-aluminum-232"):
        store.add_asked(Asked(None, "2028 tariff?", "en", False, 0.3, "A-000000000000", article))
    [row] = store.unanswered()
    assert (row.times, row.closest_article) == (2, "steel-aluminum-232")
    store.close()


def test_a_question_that_finds_the_queue_full_is_dropped_and_logged(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    store = RecordStore.open(f"sqlite:///{tmp_path / 'r.sqlite3'}")
    log = AskedLog(store, max_pending=1)
    questions = [
        Asked(None, f"q{n}", "en", False, 0.2, f"A-00000000000{n}", None) for n in range(4)
    ]
    with store._one_writer:  # the database is stuck on a write: nothing drains the queue
        for asked in questions:
            log.put(asked)
    log.close()
    written = {a.answer_id for a in store.asked()}
    dropped = {a.answer_id for a in questions} - written
    assert dropped and len(written) >= 1
    for answer_id in dropped:
        assert f"question {answer_id} not recorded: the records queue is full" in caplog.text
    store.close()


ADMIN = {"Authorization": "Bearer s3cret"}


@pytest.fixture
def admin_client(kb_dir: Path) -> Iterator[TestClient]:
    settings = Settings(kb_path=kb_dir, admin_token="s3cret")
    with TestClient(create_app(settings), raise_server_exceptions=False) as test_client:
        yield test_client


def test_staff_read_the_records_over_http_with_the_admin_token(
    admin_client: TestClient,
) -> None:
    ticket_id = admin_client.post("/api/handoff", json=VALID_HANDOFF).json()["ticket_id"]
    admin_client.post("/api/feedback", json={"article_id": "steel", "helpful": False})
    for question in ("kimchi stew recipe", "steel tariff rate", "KIMCHI stew recipe"):
        admin_client.post("/api/ask", json={"question": question})
    app = admin_client.app
    assert isinstance(app, FastAPI)
    app.state.services.asked.flush()

    report = admin_client.get("/api/admin/records/unanswered", headers=ADMIN).json()
    assert (report["asked"], report["unanswered"]) == (3, 2)
    [row] = report["questions"]
    assert (row["question"], row["lang"], row["times"]) == ("KIMCHI stew recipe", "en", 2)
    assert row["last_asked"].endswith("Z")

    [ticket] = admin_client.get("/api/admin/records/tickets", headers=ADMIN).json()
    assert ticket["id"] == ticket_id and ticket["company"] == "한빛정밀"
    [rating] = admin_client.get("/api/admin/records/feedback?days=7", headers=ADMIN).json()
    assert rating["article_id"] == "steel" and rating["helpful"] is False


@pytest.mark.parametrize("path", ["unanswered", "tickets", "feedback"])
def test_the_records_are_closed_without_the_admin_token(
    client: TestClient, admin_client: TestClient, path: str
) -> None:
    assert_error(
        client.get(f"/api/admin/records/{path}"),
        403,
        "reading the records is disabled: set HELPDESK_ADMIN_TOKEN to enable it",
    )
    assert_error(
        admin_client.get(f"/api/admin/records/{path}", headers={"Authorization": "Bearer no"}),
        403,
        "reading the records needs the header 'Authorization: Bearer <admin token>'",
    )


def test_records_for_zero_days_are_refused(admin_client: TestClient) -> None:
    assert_error(
        admin_client.get("/api/admin/records/tickets?days=0", headers=ADMIN),
        422,
        "days: Input should be greater than or equal to 1",
    )


def test_purge_deletes_only_what_is_older_than_the_days_kept(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'r.sqlite3'}"
    store = RecordStore.open(url)
    old = dt.datetime.now(dt.UTC) - dt.timedelta(days=400)
    store.add_ticket(
        Ticket(None, "김수출", "한빛정밀", None, "010-1234-5678", "old", "ko", created=old)
    )
    store.add_ticket(Ticket(None, "이수출", "바다식품", None, "010-8765-4321", "new", "ko"))
    store.add_feedback(Feedback(None, None, "steel", True, None, created=old))
    store.add_asked(Asked(None, "old", "en", False, 0.1, "A-000000000000", None, created=old))
    result = CliRunner().invoke(main, ["records", "purge", "--keep-days", "365", "--database", url])
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("Deleted 1 tickets, 1 feedback, 1 questions from before ")
    assert [t.question for t in store.tickets()] == ["new"]
    assert store.feedback() == [] and store.asked() == []
    store.close()


def test_a_ticket_shows_the_consultant_what_its_session_asked_before(
    admin_client: TestClient, records_database: str
) -> None:
    session = {"session_id": "sess-12345678"}
    admin_client.post("/api/ask", json={"question": "steel tariff rate", **session})
    admin_client.post("/api/ask", json={"question": "kimchi stew recipe", **session})
    admin_client.post("/api/ask", json={"question": "steel tariff rate", "session_id": "other-123"})
    app = admin_client.app
    assert isinstance(app, FastAPI)
    app.state.services.asked.flush()
    admin_client.post("/api/handoff", json=VALID_HANDOFF)  # the same session
    admin_client.post("/api/handoff", json={**VALID_HANDOFF, "session_id": None})

    with_session, without = admin_client.get("/api/admin/records/tickets", headers=ADMIN).json()
    told = [(a["question"], a["answered"], a["article_id"]) for a in with_session["conversation"]]
    assert told == [("steel tariff rate", True, "steel"), ("kimchi stew recipe", False, None)]
    assert without["conversation"] == []
    text = records_cli("tickets", "--database", records_database)
    assert "      asked before: steel tariff rate -> steel\n" in text
    assert "      asked before: kimchi stew recipe -> fell back\n" in text
