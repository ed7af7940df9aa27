"""Headless Chromium with the network blocked, through Playwright (no browser download)."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
    "--disable-quic",
]


def chromium_path() -> str | None:
    return shutil.which("chromium") or shutil.which("chromium-browser")


@dataclass
class Visit:
    """What happened while a page was open."""

    page: Any
    console_errors: list[str] = field(default_factory=list)
    blocked: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)


@contextmanager
def open_page(path: Path, *, wait_stable: bool = True) -> Iterator[Visit]:
    """Open ``path`` from disk; every non-file request is aborted and recorded."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=chromium_path(), args=CHROMIUM_ARGS, headless=True
        )
        page = browser.new_page(viewport={"width": 1400, "height": 900})
        visit = Visit(page)
        page.on(
            "console",
            lambda m: visit.console_errors.append(m.text) if m.type == "error" else None,
        )
        page.on("pageerror", lambda e: visit.console_errors.append(str(e)))

        def on_dialog(dialog: Any) -> None:
            visit.dialogs.append(dialog.message)
            dialog.dismiss()

        page.on("dialog", on_dialog)

        def route(r: Any) -> None:
            if r.request.url.startswith("file://"):
                r.continue_()
            else:
                visit.blocked.append(r.request.url)
                r.abort()

        page.route("**/*", route)
        page.goto(path.resolve().as_uri())
        page.wait_for_function("window.kgNodeCount !== undefined", timeout=30_000)
        if wait_stable:
            page.wait_for_selector("body[data-stabilized=true]", timeout=120_000)
        try:
            yield visit
        finally:
            browser.close()
