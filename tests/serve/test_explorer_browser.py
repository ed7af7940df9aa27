"""The explorer end to end in headless Chromium against the running ``kg serve``: search,
open an entity, follow a relation to its sentence in the document, expand the graph, run a
saved query. Requests anywhere but the server are aborted and recorded."""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlparse

import opencc
import pytest

from tests.exports.browser import CHROMIUM_ARGS, chromium_path

pytestmark = pytest.mark.browser
CORPUS = Path("corpus")
SIMPLIFIED = opencc.OpenCC("t2s")


#: Where the most connected neighbour of the first node is drawn, in page coordinates.
_MOST_CONNECTED_NEIGHBOUR = """() => {
  const k = window.kgNetwork, ids = k.nodes.getIds();
  const positions = k.network.getPositions(ids);
  let best = null;
  for (const id of ids.slice(1)) {
    const size = k.nodes.get(id).size;
    if (!best || size > best.size) { best = { id: id, size: size }; }
  }
  const dom = k.network.canvasToDOM(positions[best.id]);
  const box = document.getElementById('network').getBoundingClientRect();
  return { id: best.id, x: box.left + dom.x, y: box.top + dom.y };
}"""


def _wait_for(page: Any, count: str, above: int, seconds: float = 20) -> int:
    """Poll ``count`` (a JS function) until it passes ``above`` (the page's CSP forbids the
    string evaluation wait_for_function uses)."""
    deadline = time.monotonic() + seconds
    while True:
        found = int(page.evaluate(count))
        if found > above:
            return found
        if time.monotonic() > deadline:
            raise AssertionError(f"{count} stayed at {found}")
        page.wait_for_timeout(200)


@contextmanager
def browse(server: str) -> Iterator[tuple[Any, list[str], list[str]]]:
    """A page in headless Chromium that may reach ``server`` only; with the console
    errors and the blocked requests."""
    from playwright.sync_api import sync_playwright

    errors: list[str] = []
    blocked: list[str] = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=chromium_path(), args=CHROMIUM_ARGS, headless=True
        )
        page = browser.new_page(viewport={"width": 1300, "height": 900})
        page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: errors.append(str(e)))

        def route(r: Any) -> None:
            if r.request.url.startswith(server):
                r.continue_()
            else:
                blocked.append(r.request.url)
                r.abort()

        page.route("**/*", route)
        try:
            yield page, errors, blocked
        finally:
            browser.close()


def test_search_open_an_entity_and_follow_a_relation_to_its_sentence(server: str) -> None:
    with browse(server) as (page, errors, blocked):
        page.goto(server + "/")
        # a typo: 安康总工会 for 安康市总工会
        page.fill("#q", "安康总工会")
        page.press("#q", "Enter")
        page.wait_for_selector("ol.hits a.hit")
        first = page.locator("ol.hits a.hit").first
        assert first.inner_text() == "安康市总工会"
        first.click()
        page.wait_for_selector("h1")
        assert page.locator("h1").inner_text() == "安康市总工会"
        assert page.locator(".meta .badge").first.inner_text() == "Organization"
        # a relation with its evidence sentence, the names in it marked
        evidence = page.locator(".evidence a.sentence").first
        marks = evidence.locator("mark").all_inner_texts()
        assert marks and any("安康" in m or "市总工会" in m for m in marks)
        href = evidence.get_attribute("href") or ""
        evidence.click()
        page.wait_for_selector(".text")
        # the document view: the original text (traditional, with its pinyin and noise),
        # the sentence at its offsets and the mentions highlighted
        assert "原文" in page.locator(".meta").inner_text()
        query = parse_qs(urlparse(href).query)
        original = (CORPUS / query["id"][0]).read_text(encoding="utf-8")
        start, end = int(query["start"][0]), int(query["end"][0])
        highlighted = "".join(page.locator(".text .sentence, .text .in-sentence").all_inner_texts())
        assert highlighted == original[start:end] and highlighted
        focus = page.locator(".text a.mention.focus").all_inner_texts()
        simplified = {SIMPLIFIED.convert(text) for text in focus}
        assert focus and simplified <= {"安康市总工会", "市总工会", "市总"}, focus
        assert page.locator("#focus").count() == 1
        # a mention links to its entity
        page.locator(".text a.mention").first.click()
        page.wait_for_selector("h1")
        assert page.url.startswith(server + "/entity?iri=")
    assert errors == [] and blocked == []


def test_search_says_when_nothing_is_found_and_matches_aliases(server: str) -> None:
    with browse(server) as (page, errors, _blocked):
        page.goto(server + "/search?q=" + "火星总工会")
        assert page.locator(".nothing").count() == 1 or page.locator("ol.hits a.hit").count() > 0
        page.goto(server + "/search?q=xyzxyz")
        assert "Nothing found" in page.locator(".nothing").inner_text()
        page.goto(server + "/search?q=" + "产改")
        hits = page.locator("ol.hits a.hit").all_inner_texts()
        assert "产业工人队伍建设改革" in hits[:3]  # found by its alias 产改
    assert errors == []


def test_the_neighbourhood_graph_expands_on_click(server: str) -> None:
    with browse(server) as (page, errors, blocked):
        page.goto(server + "/search?q=" + "安康市总工会")
        page.locator("ol.hits a.hit").first.click()
        page.locator("a[href^='/graph?']").click()
        before = _wait_for(page, "() => window.kgNetwork ? window.kgNetwork.nodes.length : 0", 1)
        # click a neighbour on the canvas once the layout has settled: its own neighbours
        # come in (the click is tried again if a late move of the layout made it miss)
        after = before
        for _attempt in range(3):
            _wait_for(
                page,
                "() => document.getElementById('network').dataset.stable === 'true' ? 1 : 0",
                0,
            )
            target = page.evaluate(_MOST_CONNECTED_NEIGHBOUR)
            page.mouse.click(target["x"], target["y"])
            try:
                after = _wait_for(page, "() => window.kgNetwork.nodes.length", before, seconds=8)
                break
            except AssertionError:
                continue
        assert after > before
        assert "nodes" in page.locator("#status").inner_text()
    assert errors == [] and blocked == []


def test_a_saved_query_runs_in_one_click(server: str) -> None:
    with browse(server) as (page, errors, _blocked):
        page.goto(server + "/queries")
        page.locator("a.query", has_text="union-hierarchy").click()
        page.wait_for_selector("table.results")
        rows = page.locator("table.results tbody tr").count()
        assert rows > 0
        assert f"{rows} 行" in page.locator(".meta").inner_text()
        # the entities named in the rows link to their pages
        link = page.locator("table.results a").first
        link.click()
        page.wait_for_selector("h1")
        assert page.url.startswith(server + "/entity?iri=")
    assert errors == []
