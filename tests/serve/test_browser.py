"""The web UI in Debian's Chromium (headless, through Playwright): submit the seed article,
see its highlighted statements and the dispute, follow the link to the story; hostile
article markup never runs. Screenshots go to the test's tmp dir (or CLAIMGRAPH_SCREENSHOTS).
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from tests.seed import seed_path
from tests.serve_support import TOKEN, hostile_html, live_server

CHROMIUM = os.environ.get("CLAIMGRAPH_CHROMIUM", "/usr/bin/chromium")
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update"]
DENY_TINT = "rgb(254, 226, 226)"  # --deny-bg in style.css


def _missing(what: str) -> None:
    if os.environ.get("CI", "").strip().lower() in ("1", "true", "yes"):
        pytest.fail(f"{what} is missing but CI is set: browser tests must run in CI", pytrace=False)
    pytest.skip(f"{what} is missing (apt-get install chromium; pip install playwright)")


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _missing("playwright")
    if not Path(CHROMIUM).is_file():
        _missing(CHROMIUM)
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        yield b
        b.close()


@pytest.fixture(scope="module")
def base(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    with live_server(str(tmp_path_factory.mktemp("ui") / "claimgraph.db")) as url:
        yield url


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    pg = context.new_page()
    pg.errors = []  # type: ignore[attr-defined]
    pg.on("console", lambda m: m.type == "error" and pg.errors.append(m.text))
    pg.on("pageerror", lambda e: pg.errors.append(str(e)))
    pg.on("dialog", lambda d: (pg.errors.append(f"dialog: {d.message}"), d.dismiss()))
    yield pg
    context.close()


def _shot(pg: Any, tmp_path: Path, name: str) -> Path:
    path = tmp_path / f"{name}.png"
    pg.screenshot(path=str(path), full_page=True)
    keep = os.environ.get("CLAIMGRAPH_SCREENSHOTS")
    if keep:
        Path(keep).mkdir(parents=True, exist_ok=True)
        shutil.copy(path, Path(keep) / path.name)
    assert path.stat().st_size > 10_000
    return path


def _submit(pg: Any, base: str, text: str, kind: str = "text") -> None:
    pg.goto(f"{base}/submit")
    pg.fill("#text", text)
    pg.check(f"input[name=kind][value={kind}]")
    if pg.locator("#token").count():
        pg.fill("#token", TOKEN)
    with pg.expect_navigation(timeout=120_000):  # the click waits for the analysis too
        pg.click("form.submit button[type=submit]", timeout=120_000)


def test_seed_document_story_and_dispute(page: Any, base: str, tmp_path: Path) -> None:
    _submit(page, base, seed_path().read_text(encoding="utf-8"))
    assert "/documents/" in page.url
    assert page.inner_text("h1").startswith("La coopération militaire russo-vénézuélienne")

    # highlighted statements, coloured by stance from the local stylesheet
    text = page.locator("#article-text")
    denials = text.locator(".q-deny")
    assert denials.count() >= 2
    assert denials.first.evaluate("e => getComputedStyle(e).backgroundColor") == DENY_TINT
    assert text.locator(".q-assert").count() >= 1
    assert "Zaemsky" in " ".join(text.locator(".sp").all_inner_texts())
    assert text.locator(".cue").count() >= 5

    # the dispute at a glance: the WSJ claim against the ambassador's and Rostec's denials
    dispute = page.locator(".dispute").filter(has_text="Wall Street Journal").first
    assert "Wall Street Journal" in dispute.locator(".claim-side").inner_text()
    against = dispute.locator(".against-side").inner_text()
    assert "Vladimir Zaemsky" in against and "Rostec" in against
    assert "Sputnik" in against and "Press TV" in against

    # noise and captions apart from the body
    noise = page.locator("aside.noise").inner_text()
    assert "Partager Cet Article" in noise and "Photo d'archives" in noise
    assert "Partager Cet Article" not in text.inner_text()

    # hovering a row of the who-says-what table lights up its statement in the text (app.js)
    row = page.locator("table.attributions tbody tr").first
    attr = row.get_attribute("data-a")
    row.hover()
    assert "hl" in (text.locator(f'[data-a="{attr}"]').first.get_attribute("class") or "")
    _shot(page, tmp_path, "document")

    page.click("a.story-link")
    assert "/stories/" in page.url
    assert page.locator("#timeline").inner_text().count("Press TV") >= 1
    story_dispute = page.locator("#disputes .dispute").filter(has_text="Wall Street Journal").first
    assert "Vladimir Zaemsky" in story_dispute.locator(".against-side").inner_text()
    _shot(page, tmp_path, "story")

    page.goto(f"{base}/search?q=Zaemsky")
    assert page.locator("#results-claims li").count() >= 1
    assert page.locator("#results-claims mark").count() + page.locator("#results-documents mark").count() >= 1
    page.goto(f"{base}/outlets")
    page.click("text=Press TV")
    facts = page.locator("dl.facts").inner_text()
    assert "Iran" in facts and "State Media Matrix" in facts
    assert page.errors == []  # type: ignore[attr-defined]


def test_hostile_html_never_runs(page: Any, base: str, tmp_path: Path) -> None:
    _submit(page, base, hostile_html(), kind="html")
    assert "/documents/" in page.url
    body = page.locator("#article-text").inner_text()
    assert "<script>window.__pwned = 1</script>" in body  # shown as text
    page.mouse.click(400, 400)
    for el in page.locator("#article-text *").all():
        el.hover()
    assert page.evaluate("typeof window.__pwned") == "undefined"
    assert page.locator("#article-text script, #article-text img, #article-text svg").count() == 0
    assert page.locator('a[href^="javascript:"]').count() == 0
    assert not [e for e in page.errors if "dialog" in e]  # type: ignore[attr-defined]
    _shot(page, tmp_path, "hostile")
