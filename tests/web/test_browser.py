"""The UI in a real browser: Playwright drives Debian's Chromium against a live uvicorn server
started on a free loopback port, with the real analyzer. Screenshots go to tests/web/screenshots/."""
from __future__ import annotations

import shutil
import threading
import time
from pathlib import Path

import pytest

from newsxray.store import open_store

from .test_security import hostile_record

CHROMIUM = Path("/usr/bin/chromium")
SHOTS = Path(__file__).resolve().parent / "screenshots"
ARTICLE = (
    "Harbour talks resume after week of accusations\n"
    "China accused Japan on Monday of staging provocative drills near the disputed harbour, "
    "and the foreign ministry in Beijing warned of a strong response.\n"
    "\"We will not accept these exercises,\" said Wei Tong, a spokesman for the ministry. "
    "Japanese Defence Minister Lena Marsh said on Tuesday that the drills had been planned since March.\n"
    "Officials in Tokyo said 40 ships took part, the largest exercise since 2019, according to Reuters.\n"
)

pytestmark = [pytest.mark.slow, pytest.mark.browser,
              pytest.mark.skipif(not CHROMIUM.exists(), reason="/usr/bin/chromium is not installed "
                                 "(apt-get install chromium); the browser tests need Debian's Chromium")]


@pytest.fixture(scope="module")
def server(corpus_db, tmp_path_factory, analyzer):
    import uvicorn

    from newsxray.web import create_app
    db = tmp_path_factory.mktemp("browser") / "corpus.db"
    shutil.copy(corpus_db, db)
    with open_store(db) as store:
        store.put(hostile_record())
    app = create_app(db=db, analyzer=analyzer)
    config = uvicorn.Config(app, host="127.0.0.1", port=0, log_level="warning", lifespan="on")
    srv = uvicorn.Server(config)
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not srv.started:
        assert time.monotonic() < deadline, "the server did not start"
        time.sleep(0.05)
    port = srv.servers[0].sockets[0].getsockname()[1]
    yield f"http://127.0.0.1:{port}"
    srv.should_exit = True
    thread.join(10)


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright
    with sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=str(CHROMIUM), args=[
            "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
            "--disable-sync", "--no-first-run"])
        yield b
        b.close()


@pytest.fixture()
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    p = context.new_page()
    dialogs: list[str] = []
    p.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    p.dialogs = dialogs
    p.set_default_timeout(20_000)
    yield p
    assert not dialogs, f"a dialog fired: {dialogs}"
    context.close()


def shot(page, name: str) -> None:
    SHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)


def test_analyze_an_article_and_see_its_layers_then_toggle_one(server, page):
    page.goto(server + "/")
    shot(page, "analyze")
    page.fill("#content", ARTICLE)
    page.fill("#published", "2023-08-09")
    page.check("input[name=store]")
    page.click("button[type=submit]")
    page.wait_for_url("**/articles/*")
    for layer in ("segments", "entities", "quotes", "timexes", "events", "claims"):
        assert page.locator(f"#text .l-{layer}").count() > 0, layer
    assert page.locator("#panel-quotes h3").count() >= 1
    assert "Wei Tong" in page.locator("#panel-quotes").inner_text()
    assert page.locator("#panel-events tbody tr").count() >= 1
    shot(page, "article")
    entity = page.locator("#text .l-entities").first
    assert "underline" in entity.evaluate("e => getComputedStyle(e).textDecorationLine")
    toggle = page.locator("input[data-layer=entities]")
    toggle.focus()
    page.keyboard.press("Space")  # by keyboard
    assert not toggle.is_checked()
    assert "off-entities" in page.locator("#text").get_attribute("class")
    assert entity.evaluate("e => getComputedStyle(e).textDecorationLine") == "none"
    shot(page, "article-entities-off")
    timex = page.locator("#text .l-timexes").first
    timex.focus()
    tip = timex.evaluate("e => getComputedStyle(e, '::after').content")
    assert "DATE" in tip and "2023" in tip


def test_search_then_open_a_result(server, page):
    page.goto(server + "/search")
    page.fill("#q", "drills")
    page.press("#q", "Enter")
    page.wait_for_url("**/search?*")
    hits = page.locator("ol.hits > li > a")
    assert hits.count() >= 2
    assert page.locator("ol.hits mark").first.inner_text().lower().startswith("drill")
    shot(page, "search")
    hits.first.click()
    page.wait_for_url("**/articles/*")
    assert page.locator("#text .l-quotes").count() >= 1


def test_open_an_entity(server, page):
    page.goto(server + "/entities?q=tong")
    page.get_by_role("link", name="Wei Tong").first.click()
    page.wait_for_url("**/entities/Wei%20Tong")
    assert page.locator("h1").inner_text() == "Wei Tong"
    assert "the drills were a threat to peace" in page.locator("main").inner_text()
    shot(page, "entity")


def test_view_a_timeline_and_the_network(server, page):
    page.goto(server + "/timeline")
    page.fill("#a", "CHN")
    page.fill("#b", "JPN")
    page.press("#b", "Enter")
    page.wait_for_url("**/timeline?*")
    assert page.locator("svg.chart rect.bar").count() >= 2
    assert page.locator("svg.chart rect.conflict").count() >= 1
    shot(page, "timeline")
    page.goto(server + "/network?min_weight=1")
    assert page.locator("svg.network a.node").count() >= 5
    shot(page, "network")


def test_hostile_article_is_inert_in_the_browser(server, page):
    violations: list[str] = []
    page.on("console", lambda m: violations.append(m.text) if "Content Security Policy" in m.text else None)
    page.goto(server + "/articles/evil")
    assert page.evaluate("() => document.querySelectorAll('#text script, #text img, #text svg').length") == 0
    assert "<script>" in page.locator("#text").inner_text()  # shown as text
    page.hover("#text .l-quotes")
    page.locator("#panel-sources").hover()
    shot(page, "hostile")
    page.goto(server + "/")
    page.fill("#content", "<p>Hi <img src=x onerror=\"alert('html')\"><script>alert('s')</script>"
                          "<a href=\"javascript:alert('a')\">link</a></p>")
    page.check("input[value=html]")
    page.click("button[type=submit]")
    page.wait_for_load_state("load")
    assert page.evaluate("() => document.querySelectorAll('#text script, #text img').length") == 0
    assert page.evaluate("() => [...document.querySelectorAll('a')].filter(a => a.href.startsWith('javascript')).length") == 0
    assert not page.dialogs
