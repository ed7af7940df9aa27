"""Screenshot the interactive page of a build (docs/graph.png), offline, in headless Chromium.

Usage: .venv/bin/python scripts/screenshot.py [exports/graph.html] [docs/graph.png]
Needs chromium (scripts/setup-system.sh), the test extra (playwright, no browser download) and
a CJK font for legible labels (Debian: apt-get install fonts-noto-cjk).
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]


def main() -> None:
    page_path = Path(sys.argv[1] if len(sys.argv) > 1 else "exports/graph.html").resolve()
    out = Path(sys.argv[2] if len(sys.argv) > 2 else "docs/graph.png")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=shutil.which("chromium"), args=ARGS, headless=True
        )
        page = browser.new_page(viewport={"width": 1600, "height": 1000}, device_scale_factor=1)
        page.route(
            "**/*", lambda r: r.continue_() if r.request.url.startswith("file:") else r.abort()
        )
        page.goto(page_path.as_uri())
        page.wait_for_selector("body[data-stabilized=true]", timeout=120_000)
        page.screenshot(path=str(out))
        zoomed = out.with_name(out.stem + "-detail" + out.suffix)
        page.evaluate(
            "(() => { const n = window.kgNetwork.body.data.nodes.get()"
            ".find(x => x.label === '安康市总工会');"
            " if (n) window.kgNetwork.focus(n.id, {scale: 1.6}); })()"
        )
        page.wait_for_timeout(500)
        page.screenshot(path=str(zoomed))
        browser.close()
    print(f"wrote {out} and {zoomed}")


if __name__ == "__main__":
    main()
