"""How long the interactive page takes in headless Chromium (prints figures, asserts nothing).

Usage: .venv/bin/python scripts/page_timing.py OUT_DIR/graph.html [NAME]

Prints the file size, the entities in the data and in the overview, the seconds until the
page is drawn, and the seconds a search (for NAME, default: the last entity of the data,
which the overview usually leaves out) and the expansion of the most connected node take.
Needs chromium (scripts/setup-system.sh installs it).
"""

from __future__ import annotations

import shutil
import sys
import time
from pathlib import Path

from playwright.sync_api import sync_playwright


def main() -> None:
    path = Path(sys.argv[1]).resolve()
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=shutil.which("chromium") or shutil.which("chromium-browser"),
            args=["--headless", "--no-sandbox", "--disable-gpu"],
        )
        page = browser.new_page(viewport={"width": 1400, "height": 900})
        errors: list[str] = []
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
        started = time.perf_counter()
        page.goto(path.as_uri())
        page.wait_for_selector("body[data-stabilized=true]", timeout=600_000)
        opened = time.perf_counter() - started
        total, shown = page.evaluate("[window.kgTotalNodes, window.kgNodeCount]")
        name = (
            sys.argv[2]
            if len(sys.argv) > 2
            else page.evaluate(
                "JSON.parse(document.getElementById('kg-data').textContent).nodes.slice(-1)[0].label"
            )
        )
        started = time.perf_counter()
        page.fill("#search", name)
        page.press("#search", "Enter")
        page.evaluate("window.kgNetwork.getSelectedNodes().length")
        searched = time.perf_counter() - started
        hub = page.evaluate(
            "window.kgNetwork.body.data.nodes.get().sort((a, b) => b.value - a.value)[0].id"
        )
        started = time.perf_counter()
        added = page.evaluate("(hub) => window.kgExpand(hub)", hub)
        page.evaluate("window.kgNetwork.redraw()")
        expanded = time.perf_counter() - started
        browser.close()
    print(f"page             {path} ({path.stat().st_size / 1e6:.1f} MB)")
    print(f"entities         {total} in the data, {shown} in the overview")
    print(f"open (drawn)     {opened:.2f} s")
    print(f"search {name!r:<10} {searched:.2f} s")
    print(f"expand the hub   {expanded:.2f} s (+{added} entities)")
    print(f"console errors   {len(errors)}")


if __name__ == "__main__":
    main()
