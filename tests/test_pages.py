"""Server-side article pages: every article renders, with its sources, dates and status."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient
from markupsafe import escape

from helpdesk.kb import load_knowledge_base
from helpdesk.kb.models import Lang

from .conftest import SHIPPED_KB

KB = load_knowledge_base(SHIPPED_KB)
ARTICLES = [(a.meta.id, a.meta.lang) for a in KB]


@pytest.mark.parametrize(("article_id", "lang"), ARTICLES, ids=[f"{i}.{lg}" for i, lg in ARTICLES])
def test_every_article_page_renders_with_its_sources(
    shipped_client: TestClient, article_id: str, lang: Lang
) -> None:
    response = shipped_client.get(f"/articles/{article_id}", params={"lang": lang})
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/html")
    page = response.text
    article = KB.get(article_id, lang)
    assert article is not None
    meta = article.meta
    assert f"<h1>{escape(meta.title)}</h1>" in page
    assert f'<html lang="{lang}">' in page
    assert f"<time>{meta.as_of}</time>" in page
    for source in meta.sources:
        assert str(escape(source.title)) in page
        assert f'href="{escape(source.url)}"' in page
    assert f'class="badge {meta.status}"' in page


def test_citation_urls_in_answers_point_at_pages_that_render(shipped_client: TestClient) -> None:
    body = shipped_client.post("/api/ask", json={"question": "copper tariff exclusions"}).json()
    page = shipped_client.get(body["answer"]["url"].split("#")[0])
    assert page.status_code == 200
    anchor = body["answer"]["url"].partition("#")[2]
    assert not anchor or f'id="{anchor}"' in page.text


def test_article_page_links_related_articles_and_the_translation(
    shipped_client: TestClient,
) -> None:
    page = shipped_client.get("/articles/steel-aluminum-232", params={"lang": "en"}).text
    assert 'href="/articles/metals-232-redesign-2026?lang=en"' in page
    assert 'href="/articles/steel-aluminum-232?lang=ko"' in page


def test_articles_page_lists_the_knowledge_base_by_category(shipped_client: TestClient) -> None:
    page = shipped_client.get("/articles", params={"lang": "en"}).text
    for heading in ("Tariffs", "Support schemes", "Offices", "Markets"):
        assert f"<h2>{heading}</h2>" in page
    assert page.count('<li><a href="/articles/') == sum(1 for a in KB if a.meta.lang == "en")


def test_articles_page_search_narrows_the_list(shipped_client: TestClient) -> None:
    page = shipped_client.get("/articles", params={"lang": "ko", "q": "구리 관세"}).text
    assert 'href="/articles/copper-232?lang=ko"' in page
    assert 'href="/articles/kotra-tokyo?lang=ko"' not in page
    empty = shipped_client.get("/articles", params={"lang": "en", "q": "zzzz"}).text
    assert "Nothing found. Ask 무역장벽 119 (KOTRA 1600-7119)." in empty
