"""GET /metrics: what an operator's Prometheus scrapes, read back with its own parser."""

from __future__ import annotations

from fastapi import FastAPI
from fastapi.testclient import TestClient
from prometheus_client.parser import text_string_to_metric_families

from .conftest import HANDOFF, break_table


def scrape(client: TestClient) -> dict[tuple[str, frozenset[tuple[str, str]]], float]:
    response = client.get("/metrics")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/plain; version=")
    return {
        (sample.name, frozenset(sample.labels.items())): sample.value
        for family in text_string_to_metric_families(response.text)
        for sample in family.samples
    }


def value(
    samples: dict[tuple[str, frozenset[tuple[str, str]]], float], name: str, **labels: str
) -> float:
    return samples.get((name, frozenset(labels.items())), 0.0)


def test_requests_are_counted_by_route_not_by_path(client: TestClient) -> None:
    client.get("/api/articles/steel")
    client.get("/api/articles/autos")
    client.get("/api/articles/nope")
    client.get("/no/such/page")
    samples = scrape(client)
    route = "/api/articles/{article_id}"
    requests = "helpdesk_http_requests_total"
    assert value(samples, requests, route=route, method="GET", status="200") == 2
    assert value(samples, requests, route=route, method="GET", status="404") == 1
    assert value(samples, requests, route="unmatched", method="GET", status="404") == 1
    assert value(samples, "helpdesk_http_request_duration_seconds_count", route=route) == 3
    assert not any("steel" in dict(labels).get("route", "") for _, labels in samples)


def test_questions_are_counted_answered_or_handed_over(client: TestClient) -> None:
    client.post("/api/ask", json={"question": "steel tariff rate"})
    client.post("/api/ask", json={"question": "kimchi stew recipe"})
    client.post("/api/ask", json={"question": "오늘 날씨 어때요"})
    samples = scrape(client)
    assert value(samples, "helpdesk_questions_total", lang="en", answered="true") == 1
    assert value(samples, "helpdesk_questions_total", lang="en", answered="false") == 1
    assert value(samples, "helpdesk_questions_total", lang="ko", answered="false") == 1
    assert value(samples, "helpdesk_answer_confidence_count") == 3


def test_tickets_ratings_and_what_could_not_be_stored_are_counted(
    client: TestClient, app: FastAPI, records_database: str
) -> None:
    assert client.post("/api/handoff", json=HANDOFF).status_code == 201
    client.post("/api/feedback", json={"article_id": "steel", "helpful": True})
    break_table(records_database, "tickets")
    break_table(records_database, "questions")
    assert client.post("/api/handoff", json=HANDOFF).status_code == 503
    client.post("/api/ask", json={"question": "steel tariff rate"})
    app.state.services.asked.flush()
    samples = scrape(client)
    assert value(samples, "helpdesk_handoff_tickets_total", lang="ko") == 1
    assert value(samples, "helpdesk_feedback_total", helpful="true") == 1
    assert value(samples, "helpdesk_records_not_stored_total", kind="tickets") == 1
    assert value(samples, "helpdesk_records_not_stored_total", kind="questions") == 1


def test_the_knowledge_base_served_is_named(client: TestClient) -> None:
    ready = client.get("/readyz").json()
    samples = scrape(client)
    assert value(samples, "helpdesk_knowledge_base_info", version=ready["version"]) == 1
    assert value(samples, "helpdesk_knowledge_base_articles") == ready["articles"]
    assert value(samples, "helpdesk_knowledge_base_passages") == ready["passages"]


def test_each_app_counts_its_own_requests(app: FastAPI, client: TestClient) -> None:
    from helpdesk.api import create_app

    client.post("/api/ask", json={"question": "steel tariff rate"})
    with TestClient(create_app(app.state.services.settings)) as other:
        assert value(scrape(other), "helpdesk_questions_total", lang="en", answered="true") == 0
