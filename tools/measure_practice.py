"""Measure the question widgets: time from a click on Check to the feedback, on a cold page.

Usage: .venv/bin/python tools/measure_practice.py [--html _build/html] [--page berlin] [--repeat 5]

It serves the built HTML on 127.0.0.1, opens the page in a fresh browser context (empty cache)
of Debian's headless Chromium, picks an option of the first choice widget and presses Check,
and reads in the page's own clock the time from the click to the moment the feedback is in the
page (a MutationObserver on the live region).  It does the same for a short answer, and lists
every file the page fetched after the click (none should be the Python runtime).  It prints the
median and the worst of --repeat runs, with the machine's load and the date; the figures are for
notes, never for a test (no test asserts a time).
"""

from __future__ import annotations

import argparse
import datetime
import gzip
import json
import os
import statistics
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from localweb import launch, serve  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent

CLICK = """async (kind) => {
  const box = document.querySelector(`.practice-${kind}`);
  if (kind === "choice") box.querySelector("input[type=radio]").checked = true;
  if (kind === "short") box.querySelector(".practice-input").value = "1948";
  const feedback = box.querySelector(".practice-feedback");
  const done = new Promise((resolve) => new MutationObserver((_, observer) => { observer.disconnect(); resolve(performance.now()); })
    .observe(feedback, {childList: true, subtree: true, characterData: true}));
  const start = performance.now();
  box.querySelector(".practice-check").click();
  return (await done) - start;
}"""


def page_weight(html: Path, page: str) -> dict:
    """Gzipped bytes of the page's HTML and of the widget's script and style."""
    def gz(path: Path) -> int:
        return len(gzip.compress(path.read_bytes(), 9)) if path.exists() else 0

    return {
        "html_gz": gz(html / f"{page}.html"),
        "practice_js_gz": gz(html / "_static" / "practice.js"),
        "practice_css_gz": gz(html / "_static" / "practice.css"),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--html", default=str(ROOT / "_build" / "html"))
    parser.add_argument("--page", default="berlin")
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    html = Path(args.html)
    from playwright.sync_api import sync_playwright

    server, url, thread = serve(html)
    times: dict[str, list[float]] = {"choice": [], "short": []}
    after_click: set[str] = set()
    try:
        with sync_playwright() as playwright:
            browser = launch(playwright)
            for _ in range(args.repeat):
                for kind in times:
                    context = browser.new_context()
                    page = context.new_page()
                    page.route("**/*", lambda route: route.continue_() if route.request.url.startswith(url) else route.abort())
                    page.goto(f"{url}{args.page}.html", wait_until="load")
                    fetched: list[str] = []
                    page.on("request", lambda request: fetched.append(request.url))
                    times[kind].append(page.evaluate(CLICK, kind))
                    page.wait_for_timeout(300)
                    after_click.update(fetched)
                    context.close()
            browser.close()
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=10)
    report = {
        "date": datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="minutes"),
        "machine": f"{os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f}",
        "page": args.page,
        "click_to_feedback_ms": {kind: {"median": round(statistics.median(v), 1), "worst": round(max(v), 1)} for kind, v in times.items()},
        "files_fetched_after_the_click": sorted(after_click),
        "weight": page_weight(html, args.page),
    }
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
