"""The chat widget in real Chromium (Debian's /usr/bin/chromium, driven by Playwright).

Each test loads the demo host page from a live server on loopback and uses the
widget as a person would: typing, clicking, pressing keys, reloading.
Screenshots go to test-artifacts/.
"""

from __future__ import annotations

import os
import re
import shutil
import socket
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import uvicorn
from fastapi import FastAPI

from helpdesk.api import create_app
from helpdesk.records import RecordStore
from helpdesk.settings import Settings

from .conftest import FIXTURES, REPO, SHIPPED_KB, TODAY

CHROMIUM = Path("/usr/bin/chromium")
ARTIFACTS = REPO / "test-artifacts"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

if not CHROMIUM.exists():
    if os.environ.get("CI"):
        raise RuntimeError("CI needs Chromium at /usr/bin/chromium for the widget tests")
    pytest.skip(
        "Chromium is not installed at /usr/bin/chromium: the widget's browser tests are skipped "
        "(apt-get install chromium fonts-noto-cjk)",
        allow_module_level=True,
    )

from playwright.sync_api import Browser, Dialog, Page, expect, sync_playwright  # noqa: E402


@dataclass
class LiveServer:
    app: FastAPI
    url: str


def _serve(settings: Settings) -> Iterator[LiveServer]:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    app = create_app(settings)
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        assert time.monotonic() < deadline, "the live server did not start"
        time.sleep(0.05)
    yield LiveServer(app, f"http://127.0.0.1:{port}")
    server.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def live() -> Iterator[LiveServer]:
    yield from _serve(Settings(kb_path=SHIPPED_KB, today=TODAY))


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(viewport={"width": 1280, "height": 800}, locale="ko-KR")
    page = context.new_page()
    dialogs: list[str] = []
    errors: list[str] = []

    def on_dialog(dialog: Dialog) -> None:
        dialogs.append(dialog.message)
        dialog.dismiss()

    page.on("dialog", on_dialog)
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.dialogs = dialogs  # type: ignore[attr-defined]
    yield page
    assert errors == [], f"JavaScript errors: {errors}"
    context.close()


def widget(page: Page) -> Any:
    return page.locator("tariff-helpdesk")


def open_and_ask(page: Page, url: str, question: str) -> Any:
    page.goto(url + "/")
    w = widget(page)
    w.locator(".launcher").click()
    count = w.locator("article.msg").count()
    w.locator("textarea").fill(question)
    w.locator("button[type=submit]").click()
    answer = w.locator("article.msg").nth(count)
    expect(answer).to_be_visible()
    return answer


def screenshot(page: Page, name: str) -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    path = ARTIFACTS / name
    page.screenshot(path=str(path))
    return path


def test_korean_question_gets_a_cited_answer(page: Page, live: LiveServer) -> None:
    answer = open_and_ask(page, live.url, "미국 철강 관세율은?")
    expect(answer.locator("h3")).to_contain_text("232조 철강")
    expect(answer.locator(".badge")).to_have_text("시행 중")
    expect(answer).to_contain_text("확인 기준일: 2026-11-28")
    citation = answer.locator("a.citation")
    expect(citation).to_have_attribute("href", re.compile(r"/articles/steel-aluminum-232\?lang=ko"))
    expect(answer.locator("details.cited summary")).to_contain_text("출처")
    expect(answer.locator(".disclaimer")).to_contain_text("법률 자문이 아닙니다")
    screenshot(page, "widget-desktop-ko.png")
    page.set_viewport_size({"width": 360, "height": 740})
    screenshot(page, "widget-mobile-ko.png")


def test_english_question_gets_a_cited_answer(page: Page, live: LiveServer) -> None:
    answer = open_and_ask(page, live.url, "What is the US tariff on Korean cars?")
    expect(answer).to_have_attribute("lang", "en")
    expect(answer.locator("h3")).to_contain_text("Section 232")
    expect(answer).to_contain_text("Facts checked on: 2026-11-28")
    expect(answer.locator("a.citation")).to_have_attribute(
        "href", re.compile(r"/articles/autos-parts-232\?lang=en")
    )


def test_office_answer_shows_cards(page: Page, live: LiveServer) -> None:
    answer = open_and_ask(page, live.url, "멕시코 무역관")
    cards = answer.locator(".card.office")
    expect(cards).to_have_count(2)
    expect(cards.first).to_contain_text("KOTRA")
    expect(cards.first.locator("a")).to_have_attribute("href", re.compile("openstreetmap"))


def test_clicking_a_follow_up_chip_asks_it(page: Page, live: LiveServer) -> None:
    answer = open_and_ask(page, live.url, "구리 관세")
    chip = answer.locator(".chip").first
    question = chip.inner_text()
    chip.click()
    w = widget(page)
    expect(w.locator(".msg.user").last).to_have_text(question)
    expect(w.locator("article.msg")).to_have_count(2)
    expect(w.locator("article.msg").last.locator("h3")).to_be_visible()


def test_thumbs_up_records_feedback(page: Page, live: LiveServer) -> None:
    before = len(live.app.state.services.records.feedback())
    answer = open_and_ask(page, live.url, "지사화사업 신청 방법")
    answer.get_by_role("button", name="도움이 됐어요").click()
    expect(answer.locator(".feedback [role=status]")).to_have_text("의견 감사합니다.")
    records = live.app.state.services.records.feedback()
    assert len(records) == before + 1
    assert records[-1].helpful is True and records[-1].article_id == "branch-office-program"


def test_fallback_offers_a_consultant_and_the_form_returns_a_ticket(
    page: Page, live: LiveServer
) -> None:
    answer = open_and_ask(page, live.url, "강아지 이름 추천")
    expect(answer).to_contain_text("무역장벽 119 (KOTRA 1600-7119)")
    answer.get_by_role("button", name="상담원 연결").click()
    form = answer.locator("form.handoff")
    form.get_by_label("이름").fill("김수출")
    form.get_by_label("회사명").fill("한빛정밀")
    form.get_by_label("이메일").fill("export@example.co.kr")
    form.get_by_label("상담을 위해 연락처를 제공하는 데 동의합니다.").check()
    form.get_by_role("button", name="상담 요청").click()
    ticket = widget(page).locator(".ticket strong")
    expect(ticket).to_have_text(re.compile(r"^T-[0-9A-F]{8}$"))
    stored = live.app.state.services.records.tickets()[-1]
    assert stored.id == ticket.inner_text()
    assert stored.question == "강아지 이름 추천" and stored.company == "한빛정밀"


def test_a_ticket_that_cannot_be_saved_says_so_and_the_form_can_be_sent_again(
    page: Page, live: LiveServer
) -> None:
    records = live.app.state.services.records
    with records.engine.begin() as connection:
        connection.exec_driver_sql("DROP TABLE tickets")
    answer = open_and_ask(page, live.url, "고양이 사료 추천")
    answer.get_by_role("button", name="상담원 연결").click()
    form = answer.locator("form.handoff")
    form.get_by_label("이름").fill("이수출")
    form.get_by_label("회사명").fill("바다식품")
    form.get_by_label("전화번호").fill("010-1234-5678")
    form.get_by_label("상담을 위해 연락처를 제공하는 데 동의합니다.").check()
    form.get_by_role("button", name="상담 요청").click()
    expect(form.get_by_role("alert")).to_have_text(
        "상담 요청을 지금은 저장하지 못했습니다. 저장된 내용은 없습니다. "
        "잠시 후 다시 시도하시거나 무역장벽 119 (KOTRA 1600-7119)로 전화해 주세요."
    )
    expect(form.get_by_label("회사명")).to_have_value("바다식품")
    RecordStore(records.engine)  # the database is back: its tables are made again
    form.get_by_role("button", name="상담 요청").click()
    ticket = widget(page).locator(".ticket strong")
    expect(ticket).to_have_text(re.compile(r"^T-[0-9A-F]{8}$"))
    [stored] = [t for t in records.tickets() if t.company == "바다식품"]
    assert stored.id == ticket.inner_text() and stored.phone == "010-1234-5678"


def test_keyboard_only_flow(page: Page, live: LiveServer) -> None:
    page.goto(live.url + "/")
    w = widget(page)
    launcher = w.locator(".launcher")
    for _ in range(10):  # Tab from the page's links to the launcher
        page.keyboard.press("Tab")
        if launcher.evaluate("node => node.getRootNode().activeElement === node"):
            break
    expect(launcher).to_be_focused()
    page.keyboard.press("Enter")
    textarea = w.locator("textarea")
    expect(textarea).to_be_focused()
    page.keyboard.type("HS 8703 tariff")
    page.keyboard.press("Enter")
    expect(w.locator("article.msg")).to_have_count(1)
    panel = w.locator(".panel")
    for _ in range(25):  # focus never leaves the open panel
        page.keyboard.press("Tab")
        assert panel.evaluate("p => p.contains(p.getRootNode().activeElement)")
    page.keyboard.press("Shift+Tab")
    assert panel.evaluate("p => p.contains(p.getRootNode().activeElement)")
    page.keyboard.press("Escape")
    expect(panel).to_be_hidden()
    expect(launcher).to_be_focused()
    expect(launcher).to_have_attribute("aria-expanded", "false")


def test_reload_keeps_the_conversation_and_the_session(page: Page, live: LiveServer) -> None:
    open_and_ask(page, live.url, "철강 관세 몇 프로?")
    session = page.evaluate("JSON.parse(sessionStorage.getItem('tariff-helpdesk:v1')).sessionId")
    page.reload()
    w = widget(page)
    expect(w.locator(".panel")).to_be_visible()
    expect(w.locator(".msg.user")).to_have_text(["철강 관세 몇 프로?"])
    expect(w.locator("article.msg h3")).to_contain_text(["232조 철강"])
    assert (
        page.evaluate("JSON.parse(sessionStorage.getItem('tariff-helpdesk:v1')).sessionId")
        == session
    )
    w.locator("textarea").fill("그럼 자동차는?")
    w.locator("button[type=submit]").click()
    expect(w.locator("article.msg").last.locator("h3")).to_contain_text("자동차")


def test_language_switch_changes_the_interface_without_a_reload(
    page: Page, live: LiveServer
) -> None:
    page.goto(live.url + "/")
    page.evaluate("window.__marker = 'same page'")
    w = widget(page)
    w.locator(".launcher").click()
    expect(w.locator("textarea")).to_have_attribute("placeholder", re.compile("질문을 입력하세요"))
    w.get_by_role("button", name="EN", exact=True).click()
    expect(w.locator("textarea")).to_have_attribute("placeholder", re.compile("Ask a question"))
    expect(w.locator("button[type=submit]")).to_have_text("Send")
    expect(w.get_by_role("button", name="EN", exact=True)).to_have_attribute("aria-pressed", "true")
    assert page.evaluate("window.__marker") == "same page"


def test_browser_language_sets_the_default(browser: Browser, live: LiveServer) -> None:
    context = browser.new_context(locale="en-US")
    page = context.new_page()
    page.goto(live.url + "/embed")  # a same-origin page, without data-lang on a widget tag
    page.add_script_tag(url=live.url + "/widget.js")
    expect(widget(page).locator(".launcher")).to_have_attribute(
        "aria-label", "Open the tariff help chat"
    )
    context.close()


def test_api_outage_shows_an_error_with_a_working_retry(page: Page, live: LiveServer) -> None:
    page.goto(live.url + "/")
    page.route("**/api/ask", lambda route: route.abort())
    w = widget(page)
    w.locator(".launcher").click()
    w.locator("textarea").fill("구리 관세")
    w.locator("button[type=submit]").click()
    alert = w.locator(".error[role=alert]")
    expect(alert).to_contain_text("서버에 연결하지 못했습니다.")
    page.unroute("**/api/ask")
    alert.get_by_role("button", name="다시 시도").click()
    expect(alert).to_have_count(0)
    expect(w.locator("article.msg h3")).to_contain_text(["구리"])


def test_html_in_a_question_renders_as_inert_text(page: Page, live: LiveServer) -> None:
    attack = "<img src=x onerror=alert(1)>"
    open_and_ask(page, live.url, attack)
    w = widget(page)
    expect(w.locator(".msg.user").last).to_have_text(attack)
    assert w.locator("img").count() == 0
    page.wait_for_timeout(300)
    assert page.dialogs == []  # type: ignore[attr-defined]


@pytest.fixture(scope="module")
def live_xss(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    kb = tmp_path_factory.mktemp("kb")
    shutil.copytree(FIXTURES / "kb", kb, dirs_exist_ok=True)
    shutil.copy(FIXTURES / "xss.en.md", kb / "tariff" / "xss.en.md")
    yield from _serve(Settings(kb_path=kb, today=TODAY))


def test_script_in_the_knowledge_base_renders_as_inert_text(
    page: Page, live_xss: LiveServer
) -> None:
    answer = open_and_ask(page, live_xss.url, "zebra tariff script")
    expect(answer).to_contain_text("<script>alert('kb')</script>")
    expect(answer).to_contain_text("<img src=x onerror=alert(2)>")
    w = widget(page)
    assert w.locator("script").count() == 0 and w.locator("img").count() == 0
    assert answer.locator("a[href^='javascript']").count() == 0
    page.wait_for_timeout(300)
    assert page.dialogs == []  # type: ignore[attr-defined]


def _contrast(page: Page, selector: str) -> float:
    return float(
        widget(page)
        .locator(selector)
        .first.evaluate(
            """node => {
            const rgb = c => c.match(/\\d+(\\.\\d+)?/g).slice(0, 3).map(Number);
            const lum = c => { const [r, g, b] = rgb(c).map(v => { v /= 255;
                return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); });
                return 0.2126 * r + 0.7152 * g + 0.0722 * b; };
            let bgNode = node, bg = getComputedStyle(node).backgroundColor;
            while (/rgba\\(0, 0, 0, 0\\)|transparent/.test(bg) && bgNode.parentElement) {
                bgNode = bgNode.parentElement; bg = getComputedStyle(bgNode).backgroundColor; }
            if (/rgba\\(0, 0, 0, 0\\)|transparent/.test(bg)) bg = 'rgb(255, 255, 255)';
            const [a, b] = [lum(getComputedStyle(node).color), lum(bg)].sort((x, y) => y - x);
            return (a + 0.05) / (b + 0.05);
        }"""
        )
    )


def test_controls_are_labelled_live_region_announces_and_contrast_meets_aa(
    page: Page, live: LiveServer
) -> None:
    open_and_ask(page, live.url, "구리 관세")
    w = widget(page)
    log = w.locator(".log")
    expect(log).to_have_attribute("aria-live", "polite")
    expect(log.locator("article.msg")).to_have_count(1)
    unlabelled = w.locator("button, textarea, input").evaluate_all(
        """nodes => nodes.filter(n => {
            const root = n.getRootNode();
            const label = n.id && root.querySelector(`label[for="${n.id}"]`);
            const text = label && label.textContent.trim();
            return !(n.getAttribute('aria-label') || n.textContent.trim() || text);
        }).map(n => n.outerHTML)"""
    )
    assert unlabelled == []
    for selector in (".launcher", "header h2", ".badge", ".meta", ".chip", "button.primary"):
        assert _contrast(page, selector) >= 4.5, selector


def test_mobile_layout_fits_360_px(browser: Browser, live: LiveServer) -> None:
    context = browser.new_context(viewport={"width": 360, "height": 740}, locale="ko-KR")
    page = context.new_page()
    open_and_ask(page, live.url, "몬테레이 무역관")
    panel = widget(page).locator(".panel")
    box = panel.bounding_box()
    assert box is not None and box["x"] >= 0 and box["width"] <= 360
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    assert widget(page).locator(".log").evaluate("n => n.scrollWidth <= n.clientWidth")
    context.close()


def test_widget_script_and_pages_are_served(live: LiveServer, page: Page) -> None:
    response = page.request.get(live.url + "/widget.js")
    assert response.status == 200
    assert response.headers["content-type"].startswith("text/javascript")
    assert not re.search(
        r"(innerHTML|outerHTML)\s*=|insertAdjacentHTML|document\.write", response.text()
    )
    page.goto(live.url + "/embed")
    expect(page.locator("pre code").first).to_contain_text('/widget.js" data-lang="ko"')
    expect(page.locator("table")).to_contain_text("data-title")


@pytest.fixture(scope="module")
def live_later() -> Iterator[LiveServer]:
    """The shipped knowledge base, seen from a day long after its facts were checked."""
    import datetime as dt

    yield from _serve(Settings(kb_path=SHIPPED_KB, today=dt.date(2027, 6, 1)))


def test_stale_answer_shows_its_warning(page: Page, live_later: LiveServer) -> None:
    answer = open_and_ask(page, live_later.url, "구리 관세")
    expect(answer.locator(".warning")).to_contain_text("2026-11-28 기준으로 185일 전에 확인한")


def test_an_answer_without_the_figure_asked_for_says_so(page: Page, live: LiveServer) -> None:
    # The HS code finds the steel note's HS passage, which gives no rate.
    answer = open_and_ask(page, live.url, "HS 7208 열연강판 관세 몇 프로")
    expect(answer.locator(".warning")).to_contain_text("비율 정보는 이 단락에 나와 있지 않습니다")


def test_an_answer_with_the_figure_asked_for_has_no_warning(page: Page, live: LiveServer) -> None:
    answer = open_and_ask(page, live.url, "철강 관세 몇 프로")
    expect(answer.locator(".citation")).to_be_visible()
    expect(answer.locator(".warning")).to_have_count(0)
