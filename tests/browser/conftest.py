"""Fixtures for tests that open the built book in a real browser (headless Chromium from Debian, driven by Playwright).

Reuse them in any test under tests/browser/:

``site``
    Base URL (``http://127.0.0.1:<port>/``, ending in a slash) of a local web server over ``$BUILDDIR/html``
    (default ``_build/html``), running in a thread for the whole session.
    The book is built first (the session's ``built`` fixture, as tests/test_build.py uses) when the HTML is
    missing or older than any source; ``REUSE_BUILD=1`` serves an existing build as it is.
``browser``
    A Playwright ``Browser``: Debian's ``chromium`` (``make browser`` installs it), headless, fresh profile.
``page_log``
    What happened in the current page: ``blocked`` (every request that was not to ``site``: it was aborted),
    ``console_errors`` (console messages of type error and uncaught exceptions), ``failed`` (local responses
    with status >= 400, and requests that failed), ``responses`` (every response: url, status).
    ``page_log.problems()`` lists all of them; ``assert not page_log.problems()`` is the usual check.
``page``
    A new page in a fresh browser context, 1366x900, with every request that does not go to ``site`` aborted
    and recorded in ``page_log``. ``open_page(page, site, "berlin.html")`` loads a page and waits for it.

Example::

    from browser.conftest import open_page

    def test_berlin_loads(page, page_log, site):
        open_page(page, site, "berlin.html")
        assert not page_log.problems()
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

import pytest

import book_builds
from conftest import BOOK, BUILD, HTML, ROOT
from tools.localweb import chromium_version, launch, serve  # shared with the measuring scripts

# The Chromium majors these tests have passed with (Debian's package; the version is in the report header).
# Another major fails the browser tests at once: run them with it, then widen this range.
CHROMIUM_TESTED = range(156, 157)

# axe-core, pinned in tests/browser/package.json, installed by `make browser` (npm ci) into this ignored folder.
AXE = Path(__file__).resolve().parent / "node_modules" / "axe-core" / "axe.min.js"
# Screenshots for a person to look at.
SCREENSHOTS = BUILD / "screenshots"


def _newest_source() -> float:
    paths = [ROOT / "conf.py", *BOOK.rglob("*"), *(ROOT / "exercises").rglob("*.py"), *(ROOT / "exercises" / "data").glob("*")]
    return max(path.stat().st_mtime for path in paths if path.is_file())


@pytest.fixture(scope="session")
def site(request) -> str:
    """Base URL of a server on 127.0.0.1 (ephemeral port) over the built HTML."""
    index = HTML / "index.html"
    fresh = index.exists() and (os.environ.get("REUSE_BUILD") == "1" or index.stat().st_mtime >= _newest_source())
    if not fresh or os.environ.get(book_builds.RESULTS_ENV):  # a build of this run is under way: serve its result
        request.getfixturevalue("built")
    server, url, thread = serve(HTML)
    yield url
    server.shutdown()
    server.server_close()
    thread.join(timeout=10)


@pytest.fixture(scope="session")
def playwright_instance():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        yield playwright


@pytest.fixture(scope="session")
def browser(playwright_instance):
    """Headless Debian chromium (no browser is downloaded).

    Playwright's launch() gives Chromium a fresh profile in a new temporary folder (--user-data-dir) and removes it
    on close; each test then gets its own isolated context (see `page`).
    """
    version = chromium_version()
    if int(version.split(".")[0]) not in CHROMIUM_TESTED:
        pytest.fail(f"Chromium {version} is outside the range these tests were run with (majors "
                    f"{CHROMIUM_TESTED.start}-{CHROMIUM_TESTED.stop - 1}): run them with it and widen CHROMIUM_TESTED "
                    "in tests/browser/conftest.py", pytrace=False)
    browser = launch(playwright_instance)
    yield browser
    browser.close()


@dataclass
class PageLog:
    """What one page did: requests blocked, console errors, failed requests, every response."""

    blocked: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)
    responses: list[tuple[str, int]] = field(default_factory=list)

    def problems(self) -> list[str]:
        return (
            [f"blocked non-local request: {url}" for url in self.blocked]
            + [f"console error: {text}" for text in self.console_errors]
            + [f"failed: {text}" for text in self.failed]
        )


@pytest.fixture
def page_log() -> PageLog:
    return PageLog()


def watch(page, site: str, log: PageLog) -> None:
    """Abort and record every request that does not go to `site`; record console errors and failures."""

    def route(route):
        url = route.request.url
        if url.startswith(site) or url.startswith("data:") or url.startswith("blob:"):
            route.continue_()
        else:
            log.blocked.append(url)
            route.abort("blockedbyclient")

    page.route("**/*", route)
    page.on("console", lambda message: message.type == "error" and log.console_errors.append(f"{message.text} ({message.location.get('url', '')})"))
    page.on("pageerror", lambda error: log.console_errors.append(f"uncaught: {error}"))
    page.on(
        "requestfailed",
        lambda request: request.url not in log.blocked and log.failed.append(f"{request.url}: {request.failure}"),
    )

    def response(response):
        log.responses.append((response.url, response.status))
        if response.status >= 400:
            log.failed.append(f"{response.url}: HTTP {response.status}")

    page.on("response", response)


def fresh_page(browser, site: str, log: PageLog):
    """A new page in its own context (no cache, no cookies), 1366x900, every non-local request blocked and recorded
    in `log`; close it with ``page.context.close()``."""
    context = browser.new_context(viewport={"width": 1366, "height": 900}, service_workers="block")
    page = context.new_page()
    watch(page, site, log)
    return page


@pytest.fixture
def page(browser, site, page_log):
    """A fresh page (own context: no cache, no cookies), every non-local request blocked and recorded."""
    page = fresh_page(browser, site, page_log)
    yield page
    page.context.close()


def open_page(page, site: str, path: str) -> None:
    """Load `path` (relative to the book's root), then wait (up to 10 s) until the network is idle.

    A page that never goes idle is not an error in itself: `page_log` still records whatever it requests.
    """
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    page.goto(site + path, wait_until="load")
    try:
        page.wait_for_load_state("networkidle", timeout=10_000)
    except PlaywrightTimeout:
        pass
