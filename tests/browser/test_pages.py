"""Every page of the built book in headless Chromium: loads clean and offline, is accessible, and works for a reader."""

from __future__ import annotations

import pytest

from browser.conftest import AXE, SCREENSHOTS, PageLog, fresh_page, open_page
from browser.test_csp import CSP_WATCH, assert_policy_kept
from conftest import chapters, toctree_pages

PAGES = ["index", *[name for name in toctree_pages() if name != "index"], "genindex", "search"]


@pytest.fixture(scope="module", params=PAGES)
def name(request) -> str:
    """A page of the book; module scope makes pytest run every test of one page before the next page."""
    return request.param


@pytest.fixture(scope="module")
def visit(browser, site, name):
    """The page `name`, loaded once (a fresh context, every non-local request blocked) for the tests that only look at it."""
    log = PageLog()
    page = fresh_page(browser, site, log)
    page.add_init_script(CSP_WATCH)
    open_page(page, site, f"{name}.html")
    yield page, log
    page.context.close()


def axe_violations(page, impacts=("serious", "critical")) -> list[str]:
    """Run axe-core on the loaded page; one line per node that breaks a rule of the given impact."""
    assert AXE.exists(), f"{AXE} is missing: run `make browser` (npm ci in tests/browser)"
    # Evaluated through the DevTools protocol: the page's Content-Security-Policy (book/_ext/csp.py) refuses
    # an injected inline <script>, as it should.
    page.evaluate(AXE.read_text(encoding="utf-8") + "\n;undefined")
    result = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    return [
        f"{violation['id']} ({violation['impact']}): {violation['help']} at {node['target']}: {node['html'][:160]}"
        for violation in result["violations"]
        if violation["impact"] in impacts
        for node in violation["nodes"]
    ]


def test_page_loads_offline_without_errors(visit):
    page, page_log = visit
    assert page_log.responses, "nothing was loaded"
    assert not page_log.problems(), "\n".join(page_log.problems())


def test_page_has_a_policy_and_breaks_none_of_it(visit):
    """The Content-Security-Policy of the page (book/_ext/csp.py) holds: see tests/browser/test_csp.py."""
    page, page_log = visit
    assert_policy_kept(page, page_log)


def test_page_has_no_serious_accessibility_violations(visit):
    page, page_log = visit
    violations = axe_violations(page)
    assert not violations, "\n".join(violations)


def test_every_image_has_alt_text(visit, name):
    page, page_log = visit
    images = page.eval_on_selector_all(
        "img, [role=img]",
        "nodes => nodes.filter(n => !n.closest('[aria-hidden=true]'))"
        ".map(n => ({html: n.outerHTML.slice(0, 160), alt: n.getAttribute('alt'), label: n.getAttribute('aria-label')}))",
    )
    assert images or name not in chapters(), "a chapter without its figure"
    missing = [image["html"] for image in images if not (image["alt"] or "").strip() and not (image["label"] or "").strip()]
    assert not missing, "images without alt text:\n" + "\n".join(missing)


def test_search_finds_checkpoint_charlie(page, page_log, site):
    open_page(page, site, "search.html?q=Checkpoint+Charlie")
    results = page.locator("#search-results ul.search li")
    results.first.wait_for(timeout=15000)
    links = results.locator("a").evaluate_all("links => links.map(a => a.getAttribute('href'))")
    assert any(link.split("#")[0].split("?")[0].endswith("berlin.html") for link in links), links
    assert not page_log.problems(), "\n".join(page_log.problems())


def test_folded_solution_opens_on_click(page, page_log, site):
    open_page(page, site, "berlin.html")
    solution = page.locator("details.solution, .solution.dropdown").first
    solution.wait_for(state="attached")
    body = solution.locator("pre").first
    assert not body.is_visible(), "the solution is not folded when the page opens"
    solution.locator("summary, .toggle-button, button").first.click()
    body.wait_for(state="visible", timeout=5000)
    assert body.is_visible()
    assert not page_log.problems(), "\n".join(page_log.problems())


@pytest.mark.parametrize("width", [390, 1366])
def test_berlin_screenshot_fits_the_width(page, page_log, site, width):
    page.set_viewport_size({"width": width, "height": 900})
    open_page(page, site, "berlin.html")
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"berlin-{width}.png"
    page.screenshot(path=str(path), full_page=True)
    assert path.stat().st_size > 10_000
    overflow = page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 1, f"the page scrolls sideways by {overflow}px at {width}px wide"
    assert not page_log.problems(), "\n".join(page_log.problems())


def test_search_box_of_a_chapter_leads_to_results(page, page_log, site):
    """The chapter pages carry no search index (only search.html does): the search box must still work."""
    open_page(page, site, "berlin.html")
    page.locator("button.search-button-field").first.click()
    box = page.locator("form.bd-search input[name=q]").first
    box.wait_for(state="visible", timeout=5000)
    box.fill("Checkpoint Charlie")
    box.press("Enter")
    page.wait_for_url("**/search.html?q=*", timeout=15000)
    page.locator("#search-results ul.search li").first.wait_for(timeout=15000)
    assert not page_log.problems(), "\n".join(page_log.problems())


@pytest.mark.parametrize("name", ["index", "sources", "glossary", "timeline", "corrections", "revise", "class-overview", "python-for-historians"])
def test_reference_pages_do_not_scroll_sideways_on_a_phone(page, site, name):
    page.set_viewport_size({"width": 390, "height": 900})
    open_page(page, site, f"{name}.html")
    overflow = page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 1, f"{name} scrolls sideways by {overflow}px at 390 px wide"
