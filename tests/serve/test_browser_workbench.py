"""The workbench's charts and pages in Debian's Chromium (headless, through Playwright), over
the linked example corpus: the story timeline and source graph, the volume chart of an
entity, drawn under the site's CSP (no console error), checked against the API's data;
the pages stay usable 600 px wide. Screenshots go to tmp (or CLAIMGRAPH_SCREENSHOTS)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from tests.fixtures.workbench import corpus, fill
from tests.serve.test_browser import _shot, browser  # noqa: F401  (the Chromium fixture)
from tests.serve_support import live_server

from claimgraph.store import open_store

DENY = "rgb(185, 28, 28)"  # --deny in style.css
ASSERT = "rgb(29, 78, 216)"  # --assert


@pytest.fixture(scope="module")
def base(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    path = str(tmp_path_factory.mktemp("wbui") / "claimgraph.db")
    with open_store(path) as store:
        fill(store, corpus())
    with live_server(path, warm=False) as url:
        yield url


def _page(browser: Any, width: int) -> Any:  # noqa: F811
    pg = browser.new_context(viewport={"width": width, "height": 900}).new_page()
    pg.errors = []
    pg.on("console", lambda m: m.type == "error" and pg.errors.append(m.text))
    pg.on("pageerror", lambda e: pg.errors.append(str(e)))
    return pg


def test_story_timeline_and_source_graph(browser: Any, base: str, tmp_path: Path) -> None:  # noqa: F811
    stories = httpx.get(f"{base}/api/stories").json()
    story_id = max(stories, key=lambda s: s["documents"])["id"]
    story = httpx.get(f"{base}/api/stories/{story_id}").json()
    pg = _page(browser, 1300)
    pg.goto(f"{base}/stories/{story_id}")
    marks = pg.locator("svg.timeline-chart circle.ch-mark")
    dated = [s for s in story["statements"] if s["date"]]
    assert marks.count() == len(dated) > 3
    seen = sorted(tuple(m.get_attribute(f"data-{k}") for k in ("outlet", "date", "stance"))
                  for m in marks.all())
    assert seen == sorted((s["outlet"] or "unknown outlet", s["date"][:10], s["stance"]) for s in dated)
    for m in marks.all():
        lane, colour = m.get_attribute("data-lane"), m.evaluate("e => getComputedStyle(e).fill")
        assert lane == ("deny" if m.get_attribute("data-stance") in ("deny", "dispute") else "assert")
        if m.get_attribute("data-stance") in ("deny", "assert"):
            assert colour == (DENY if lane == "deny" else ASSERT)
    lanes = pg.locator("svg.timeline-chart text.ch-label").all_inner_texts()
    assert len(lanes) == len({s["outlet"] or "unknown outlet" for s in dated})

    graph = pg.locator("svg.graph-chart")
    speakers = {n.get_attribute("data-name") for n in graph.locator("g.ch-speaker").all()}
    outlets = {n.get_attribute("data-name") for n in graph.locator("g.ch-outlet").all()}
    assert {s["speaker"] for s in story["statements"]} <= speakers | outlets
    assert {d["outlet"] for d in story["documents"] if d["outlet"]} <= outlets
    edges = graph.locator("path.ch-edge").all()
    assert sum(int(e.get_attribute("data-count")) for e in edges) >= len(story["statements"])
    assert all(e.get_attribute("data-source") != e.get_attribute("data-target") for e in edges)
    box = graph.bounding_box()
    assert box and box["width"] > 600 and box["height"] > 100
    _shot(pg, tmp_path, "workbench-story")
    assert pg.errors == []


def test_entity_volume_chart_and_narrow_screens(browser: Any, base: str, tmp_path: Path) -> None:  # noqa: F811
    entity = httpx.get(f"{base}/api/entities/Kovel").json()
    pg = _page(browser, 1300)
    pg.goto(f"{base}/entities/{entity['id']}")
    bars = pg.locator("svg.volume-chart rect.ch-bar").all()
    assert sum(int(b.get_attribute("data-count")) for b in bars) == len(entity["statements"])
    denials = sum(int(b.get_attribute("data-count")) for b in bars
                  if b.get_attribute("data-stance") == "deny")
    assert denials == sum(1 for s in entity["statements"] if s["stance"] == "deny") > 0
    _shot(pg, tmp_path, "workbench-entity")
    assert pg.errors == []

    narrow = _page(browser, 600)
    for path in (f"/entities/{entity['id']}", "/statements", "/disputes", "/outlets/the-daily-harbour",
                 "/documents"):
        narrow.goto(base + path)
        width = narrow.evaluate("document.documentElement.scrollWidth")
        assert width <= 600, (path, width)
    _shot(narrow, tmp_path, "workbench-narrow")
    assert narrow.errors == []
