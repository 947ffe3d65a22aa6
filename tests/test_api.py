from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from helpdesk.api import create_app
from helpdesk.errors import KnowledgeBaseEmpty, KnowledgeBaseNotFound
from helpdesk.settings import Settings

from .conftest import assert_error

ANSWER_FIELDS = {
    "article_id",
    "title",
    "heading",
    "text",
    "url",
    "lang",
    "category",
    "status",
    "effective",
    "as_of",
    "sources",
    "office",
    "stale",
    "warning",
    "disclaimer",
    "offices",
    "matched_hs_code",
}
RESULT_FIELDS = {
    "article_id",
    "title",
    "heading",
    "text",
    "snippet",
    "score",
    "lang",
    "category",
    "url",
}


def test_ask_returns_the_contract_with_a_cited_answer(client: TestClient) -> None:
    response = client.post("/api/ask", json={"question": "What is the steel tariff rate?"})
    assert response.status_code == 200
    body = response.json()
    assert set(body) == {
        "question",
        "lang",
        "answered",
        "confidence",
        "answer",
        "results",
        "fallback",
        "follow_ups",
        "answer_id",
        "context",
    }
    assert body["question"] == "What is the steel tariff rate?"
    assert body["lang"] == "en"
    assert body["answered"] is True
    assert 0.0 < body["confidence"] <= 1.0
    assert body["fallback"] is None
    answer = body["answer"]
    assert set(answer) == ANSWER_FIELDS
    assert answer["article_id"] == "steel"
    assert answer["status"] == "in_force"
    assert answer["as_of"] == "2026-11-28"
    assert answer["sources"] == [
        {
            "title": "White House proclamation: Adjusting Imports of Aluminum and Steel",
            "url": "https://www.whitehouse.gov/",
            "date": "2025-06",
        }
    ]
    assert answer["url"] == "/articles/steel?lang=en"
    assert "50%" in answer["text"]
    assert [set(r) for r in body["results"]] == [RESULT_FIELDS] * len(body["results"])
    assert body["results"][0]["article_id"] == "steel"
    scores = [r["score"] for r in body["results"]]
    assert scores == sorted(scores, reverse=True)
    assert body["follow_ups"][0] == {
        "question": "Section 232 autos: Korea pays 15%",
        "article_id": "autos",
    }
    assert 2 <= len(body["follow_ups"]) <= 3


def test_ask_in_korean_answers_from_the_korean_article(client: TestClient) -> None:
    body = client.post("/api/ask", json={"question": "미국 철강 관세율은?"}).json()
    assert body["lang"] == "ko"
    assert body["answered"] is True
    assert body["answer"]["article_id"] == "steel"
    assert body["answer"]["lang"] == "ko"
    assert body["answer"]["title"] == "미국 232조 철강·알루미늄 관세 50%"


def test_get_ask_does_the_same_as_post(client: TestClient) -> None:
    via_get = client.get("/api/ask", params={"q": "steel tariff rate", "top_k": 2}).json()
    via_post = client.post("/api/ask", json={"question": "steel tariff rate", "top_k": 2}).json()
    assert via_get.pop("answer_id") != via_post.pop("answer_id")
    assert via_get == via_post
    assert len(via_get["results"]) <= 2


def test_lang_overrides_detection(client: TestClient) -> None:
    body = client.post("/api/ask", json={"question": "steel", "lang": "ko"}).json()
    assert body["lang"] == "ko"


def test_filters_restrict_results(client: TestClient) -> None:
    body = client.post(
        "/api/ask", json={"question": "office tariff", "filters": {"country": "mx"}}
    ).json()
    assert {r["article_id"] for r in body["results"]} == {"kotra-monterrey"}


def test_office_answer_carries_the_office_block(client: TestClient) -> None:
    body = client.post("/api/ask", json={"question": "KOTRA Monterrey office"}).json()
    assert body["answer"]["office"]["city"] == "Monterrey"


@pytest.mark.parametrize("question", ["오늘 날씨 어때요", "kimchi stew recipe", "ㅋㅋㅋ", "asdf"])
def test_off_topic_question_falls_back_with_the_contact(client: TestClient, question: str) -> None:
    body = client.post("/api/ask", json={"question": question}).json()
    assert body["answered"] is False
    assert body["answer"] is None
    assert body["fallback"]["contact"] == "무역장벽 119 (KOTRA 1600-7119)"
    assert body["follow_ups"] == []


def test_fallback_message_is_in_the_askers_language(client: TestClient) -> None:
    ko = client.post("/api/ask", json={"question": "ㅋㅋㅋ"}).json()
    en = client.post("/api/ask", json={"question": "asdf"}).json()
    assert ko["fallback"]["message"].startswith("이 질문에 자신 있게 답할 자료를 찾지 못했습니다.")
    assert en["fallback"]["message"].startswith("I could not find an answer I am confident in.")


LONG = "관" * 5000


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ({"question": ""}, "question: String should have at least 1 character"),
        ({"question": "   "}, "question: must not be blank"),
        ({"question": LONG}, "question: String should have at most 1000 characters"),
        ({}, "question: Field required"),
        ({"question": 42}, "question: Input should be a valid string"),
        ({"question": "steel", "top_k": 0}, "top_k: Input should be greater than or equal to 1"),
        ({"question": "steel", "top_k": 1000}, "top_k: Input should be less than or equal to 10"),
        (
            {"question": "steel", "top_k": "many"},
            "top_k: Input should be a valid integer, unable to parse string as an integer",
        ),
        ({"question": "steel", "lang": "fr"}, "lang: Input should be 'ko' or 'en'"),
        (
            {"question": "steel", "filters": {"country": "Korea"}},
            "filters.country: String should match pattern '^[A-Za-z]{2}$'",
        ),
        ({"question": "steel", "colour": "red"}, "colour: Extra inputs are not permitted"),
        ([1, 2], "request body must be a JSON object"),
    ],
)
def test_ask_with_bad_json_input_returns_422_with_the_exact_message(
    client: TestClient, body: object, message: str
) -> None:
    assert_error(client.post("/api/ask", json=body), 422, message)


def test_ask_with_a_non_json_body_returns_422(client: TestClient) -> None:
    response = client.post(
        "/api/ask", content=b"question=steel", headers={"content-type": "application/json"}
    )
    assert_error(response, 422, "request body is not valid JSON")


def test_ask_with_no_body_returns_422(client: TestClient) -> None:
    assert_error(client.post("/api/ask"), 422, "request body is required")


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({}, "q: Field required"),
        ({"q": ""}, "q: String should have at least 1 character"),
        ({"q": "  "}, "q: must not be blank"),
        ({"q": LONG}, "q: String should have at most 1000 characters"),
        ({"q": "steel", "top_k": 0}, "top_k: Input should be greater than or equal to 1"),
        ({"q": "steel", "top_k": 1000}, "top_k: Input should be less than or equal to 10"),
    ],
)
def test_get_ask_with_bad_query_returns_422(
    client: TestClient, params: dict[str, str | int], message: str
) -> None:
    assert_error(client.get("/api/ask", params=params), 422, message)


def test_articles_list_is_filterable(client: TestClient) -> None:
    body = client.get("/api/articles").json()
    assert body["count"] == 6
    ko = client.get("/api/articles", params={"lang": "ko", "category": "tariff"}).json()
    assert sorted(a["id"] for a in ko["articles"]) == ["autos", "steel"]
    mx = client.get("/api/articles", params={"country": "mx"}).json()
    assert [a["id"] for a in mx["articles"]] == ["kotra-monterrey"]


def test_article_detail_has_front_matter_markdown_and_html(client: TestClient) -> None:
    body = client.get("/api/articles/steel", params={"lang": "en"}).json()
    assert body["id"] == "steel"
    assert body["front_matter"]["status"] == "in_force"
    assert body["front_matter"]["sources"][0]["url"] == "https://www.whitehouse.gov/"
    assert body["markdown"].startswith("Since 2025-06-04")
    assert '<h2 id="who-pays">Who pays?</h2>' in body["html"]
    assert body["translations"] == ["en", "ko"]


@pytest.mark.parametrize(
    ("path", "message"),
    [
        ("/api/articles/no-such-article", "article 'no-such-article' not found"),
        ("/api/articles/help-desk?lang=ko", "article 'help-desk' not found in language 'ko'"),
        ("/api/articles/..%2F..%2Fetc%2Fpasswd", "no such page or endpoint"),
        ("/api/articles/..%2e%2e", "article '....' not found"),
        ("/api/articles/%2e%2e", "article '..' not found"),
        ("/articles/no-such-article", "article 'no-such-article' not found"),
        ("/nowhere", "no such page or endpoint"),
    ],
)
def test_unknown_ids_and_paths_return_404(client: TestClient, path: str, message: str) -> None:
    assert_error(client.get(path), 404, message)


def test_wrong_method_returns_405_in_the_error_shape(client: TestClient) -> None:
    assert_error(client.delete("/api/ask"), 405, "Method Not Allowed")


def test_healthz_and_readyz(client: TestClient) -> None:
    assert client.get("/healthz").json() == {"status": "ok"}
    ready = client.get("/readyz").json()
    assert ready["status"] == "ready"
    assert ready["articles"] == 6
    assert ready["passages"] == 10
    assert len(ready["version"]) == 16


def test_openapi_documents_every_model_with_an_example(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()
    schemas = spec["components"]["schemas"]
    ours = {name: s for name, s in schemas.items() if not name.startswith(("HTTP", "Validation"))}
    assert {"AskRequest", "AskResponse", "Citation", "ErrorBody", "Answer", "Result"} <= set(ours)
    for name, schema in ours.items():
        assert schema.get("description"), f"{name} has no description"
        assert schema.get("examples"), f"{name} has no example"
    assert client.get("/docs").status_code == 200


def test_article_page_renders_sources_and_escapes_raw_html(kb_dir: Path, tmp_path: Path) -> None:
    copy = tmp_path / "kb"
    shutil.copytree(kb_dir, copy)
    path = copy / "tariff" / "steel.en.md"
    path.write_text(path.read_text() + "\n<script>alert(1)</script>\n")
    with TestClient(create_app(Settings(kb_path=copy))) as client:
        page = client.get("/articles/steel", params={"lang": "en"})
        api = client.get("/api/articles/steel", params={"lang": "en"}).json()
    assert page.status_code == 200
    assert "White House proclamation: Adjusting Imports of Aluminum and Steel" in page.text
    assert "<script>alert(1)</script>" not in page.text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page.text
    assert "<script>" not in api["html"]


def test_reload_is_disabled_without_a_token(client: TestClient) -> None:
    assert_error(
        client.post("/api/admin/reload"),
        403,
        "reload is disabled: set HELPDESK_ADMIN_TOKEN to enable it",
    )


def test_reload_with_the_token_swaps_the_knowledge_base(kb_dir: Path, tmp_path: Path) -> None:
    copy = tmp_path / "kb"
    shutil.copytree(kb_dir, copy)
    with TestClient(
        create_app(Settings(kb_path=copy, admin_token="s3cret")), raise_server_exceptions=False
    ) as client:
        assert_error(
            client.post("/api/admin/reload", headers={"Authorization": "Bearer nope"}),
            403,
            "reload needs the header 'Authorization: Bearer <admin token>'",
        )
        (copy / "support" / "help-desk.en.md").unlink()
        ready = client.post("/api/admin/reload", headers={"Authorization": "Bearer s3cret"})
        assert ready.json()["articles"] == 5
        (copy / "tariff" / "steel.en.md").write_text("broken")
        failed = client.post("/api/admin/reload", headers={"Authorization": "Bearer s3cret"})
        assert failed.status_code == 409
        assert failed.json()["error"]["message"].startswith(
            "reload failed, still serving the previous version"
        )
        assert client.get("/readyz").json()["articles"] == 5


def test_missing_knowledge_base_stops_start_up_naming_the_path(tmp_path: Path) -> None:
    with pytest.raises(KnowledgeBaseNotFound, match=str(tmp_path / "nope")):
        create_app(Settings(kb_path=tmp_path / "nope"))
    with pytest.raises(KnowledgeBaseEmpty, match=str(tmp_path)):
        create_app(Settings(kb_path=tmp_path))


def test_cors_allows_only_the_configured_origins(kb_dir: Path) -> None:
    settings = Settings(kb_path=kb_dir, cors_origins=["https://exporter.example"])
    with TestClient(create_app(settings)) as client:
        allowed = client.options(
            "/api/ask",
            headers={
                "Origin": "https://exporter.example",
                "Access-Control-Request-Method": "POST",
                "Access-Control-Request-Headers": "content-type",
            },
        )
        assert allowed.status_code == 200
        assert allowed.headers["access-control-allow-origin"] == "https://exporter.example"
        other = client.post(
            "/api/ask", json={"question": "steel"}, headers={"Origin": "https://evil.example"}
        )
        assert "access-control-allow-origin" not in other.headers


def test_without_cors_origins_no_cross_origin_access_is_granted(client: TestClient) -> None:
    response = client.post(
        "/api/ask", json={"question": "steel"}, headers={"Origin": "https://exporter.example"}
    )
    assert "access-control-allow-origin" not in response.headers
