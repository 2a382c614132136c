"""The book works offline after one visit (book/_ext/offline.py, _static/offline.js, sw.js).

Open one chapter, let the browser keep its copy of the book, cut the network; then read three
other chapters, search, and pass a Check (Python and the exercises wheel come from the copy).
"""

from __future__ import annotations

import uuid

from browser.test_runner import EXERCISE, page_solution, press_check

OTHER_CHAPTERS = ("thaw.html", "cuba.html", "missile-crisis.html")


def test_the_book_reads_searches_and_checks_offline_after_one_visit(browser, site):
    context = browser.new_context(viewport={"width": 1366, "height": 900}, service_workers="allow")
    try:
        page = context.new_page()
        page.goto(site + "berlin.html", wait_until="load")
        # The copy is made once the page has loaded; then the service worker controls the page.
        page.wait_for_function("() => navigator.serviceWorker && navigator.serviceWorker.controller !== null", timeout=180_000)
        page.evaluate("() => navigator.serviceWorker.ready")

        context.set_offline(True)
        # The network is really cut: a file that is not part of the book cannot be fetched.
        missing = page.evaluate(
            "async url => { try { await fetch(url); return 'reached'; } catch (e) { return 'offline'; } }",
            f"{site}not-in-the-book-{uuid.uuid4().hex}.txt",
        )
        assert missing == "offline"

        for name in OTHER_CHAPTERS:
            page.goto(site + name, wait_until="load")
            heading = page.locator("article h1").first
            assert heading.is_visible() and heading.inner_text().strip(), name
            assert page.locator("article p").count() > 5, name

        page.goto(site + "search.html?q=Khrushchev", wait_until="load")
        results = page.locator("#search-results li")
        results.first.wait_for(timeout=30_000)
        assert results.count() >= 3

        page.goto(site + "berlin.html", wait_until="load")
        press_check(page, EXERCISE, page_solution(page, EXERCISE), "passed")
    finally:
        context.close()
