"""Fixtures of the browser tests: the app served by uvicorn and Debian's Chromium.

Each test gets its own server on a free port of 127.0.0.1, seeded with the
demo customers, and a fresh browser page. Chromium is never downloaded: the
tests drive `/usr/bin/chromium` (or `$CHROMIUM`) and are skipped when it is
missing, unless `SEGMENTS_E2E_REQUIRED=1` (set by `make test-e2e`) makes
that a failure.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, ConsoleMessage, Page, Playwright, sync_playwright

from tests.live_server import LiveServer

CHROMIUM = Path(os.environ.get("CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
# Enough customers that every condition of the tests matches some, few enough to seed fast.
DEMO_CUSTOMERS = 300
SCREENSHOTS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"


@pytest.fixture
def live_server() -> Iterator[LiveServer]:
    server = LiveServer(demo_customers=DEMO_CUSTOMERS)
    server.start()
    yield server
    server.stop()


# Package scope: while Playwright's sync API is started it keeps an event loop
# running in this thread, which would break the asyncio tests collected later.
@pytest.fixture(scope="package")
def playwright() -> Iterator[Playwright]:
    if not CHROMIUM.is_file():
        reason = (
            f"Chromium not found at {CHROMIUM}; "
            "install it with 'apt-get install chromium' or set CHROMIUM"
        )
        if os.environ.get("SEGMENTS_E2E_REQUIRED") == "1":
            pytest.fail(reason)
        pytest.skip(reason)
    with sync_playwright() as driver:
        yield driver


@pytest.fixture(scope="package")
def browser(playwright: Playwright) -> Iterator[Browser]:
    browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
    yield browser
    browser.close()


def open_page(browser: Browser, locale: str) -> tuple[Page, list[str]]:
    """Return a new page in a fresh context and the list its script errors are collected into."""
    context = browser.new_context(locale=locale, viewport={"width": 1280, "height": 860})
    page = context.new_page()
    problems: list[str] = []
    page.on("pageerror", lambda error: problems.append(f"uncaught: {error}"))

    def on_console(message: ConsoleMessage) -> None:
        # Chromium also logs each HTTP error status as a console error; the
        # tests that expect one check the page's handling of it themselves.
        if message.type == "error" and not message.text.startswith("Failed to load resource"):
            problems.append(f"console: {message.text}")

    page.on("console", on_console)
    return page, problems


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    """A page whose browser language is English; the test fails on any script error."""
    page, problems = open_page(browser, "en-US")
    yield page
    page.context.close()
    assert problems == []


def screenshot(page: Page, name: str, tmp_path: Path) -> Path:
    """Save a screenshot into docs/screenshots when UPDATE_SCREENSHOTS=1, else under tmp_path."""
    folder = SCREENSHOTS if os.environ.get("UPDATE_SCREENSHOTS") == "1" else tmp_path
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{name}.png"
    # Sticky panels and the focus ring would otherwise depend on where the test last clicked.
    page.evaluate("document.activeElement?.blur(); window.scrollTo(0, 0)")
    page.screenshot(path=str(path), full_page=True)
    return path
