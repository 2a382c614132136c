"""Measure the in-page runner: time from pressing Check to the result, and bytes the first Run downloads.

Usage: .venv/bin/python tools/measure_runner.py [--html _build/html] [--page berlin] [--repeat 3]
(`make measure-runner` builds the book first and runs this on $(BUILDDIR)/html).

It serves the built HTML on 127.0.0.1 (a plain Python server: no compression, no HTTP/2),
drives Debian's headless Chromium with Playwright (every non-local request aborted), and
reads the times the page itself records (window.thawRunner.runs: from the click on the
button, in the page's clock, to the moment the result is in the page).  Scenarios:

* cold, Check first: an empty browser cache; the reader's very first action is pressing
  Check on an exercise (nothing was focused before, so nothing was preloaded);
* warm, Check first: the same, in a browser whose HTTP cache already holds the runtime
  (a reload of the page in the same browser context);
* preloaded: the reader focused the editor first (that starts Python) and pressed Check
  once Python was ready, as after typing an answer;
* later checks: Check pressed again in a running session.

Each figure is the median of --repeat runs, each in a fresh browser context.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import statistics
import sys
import time
from pathlib import Path

from localweb import QuietHandler, launch, serve

ROOT = Path(__file__).resolve().parent.parent


class Server:
    """A local HTTP server over the built HTML that counts the bytes of every file it sends."""

    def __init__(self, html: Path):
        self.sent: list[tuple[str, int]] = []
        server = self

        class Handler(QuietHandler):
            def send_header(self, keyword, value):
                if keyword.lower() == "content-length":
                    server.sent.append((self.path, int(value)))
                super().send_header(keyword, value)

        self.httpd, self.url, self.thread = serve(html, Handler)

    def close(self):
        self.httpd.shutdown()
        self.httpd.server_close()


def first_exercise(page) -> str:
    return page.eval_on_selector('[data-runner="starter"][data-exercise]', "c => c.dataset.exercise")


def press_check(page, exercise_id: str) -> dict:
    """Press Check (a click, which does not focus the editor) and wait for the check's result; the page's record of it."""
    before = page.evaluate("window.thawRunner.runs.length")
    page.locator(f'[data-runner="starter"][data-exercise="{exercise_id}"]').get_by_role(
        "button", name=f"Check your answer to {exercise_id}"
    ).click()
    page.wait_for_function(
        f"""() => window.thawRunner.runs.slice({before}).some(r => r.kind === "check")""", timeout=120_000
    )
    runs = page.evaluate(f"window.thawRunner.runs.slice({before})")
    return [run for run in runs if run["kind"] == "check"][-1]


def open_page(context, server: Server, name: str, blocked: list):
    page = context.new_page()
    page.goto(server.url + f"{name}.html", wait_until="load")
    page.wait_for_load_state("networkidle")
    return page


def measure(html: Path, name: str, repeat: int) -> dict:
    from playwright.sync_api import sync_playwright

    server = Server(html)
    figures: dict[str, list] = {
        "cold": [], "warm": [], "preloaded_cold": [], "preloaded_warm": [], "later": [],
        "startup": [], "startup_warm": [], "pyodide": [], "wheel": [], "imports": [],
    }
    first_run_bytes = []
    blocked: list[str] = []
    try:
        with sync_playwright() as playwright:
            browser = launch(playwright)

            def new_context():
                # No request routing here: Playwright's routing turns the HTTP cache off, and the
                # warm-cache figure needs it.  Every request is watched instead; any that is not
                # to the local server fails the measurement (the tests block them outright).
                context = browser.new_context(service_workers="block")
                context.on(
                    "request",
                    lambda request: request.url.startswith((server.url, "data:", "blob:")) or blocked.append(request.url),
                )
                return context

            for _ in range(repeat):
                # Cold cache, Check as the first action; then later checks; then a warm reload.
                context = new_context()
                page = open_page(context, server, name, blocked)
                exercise_id = first_exercise(page)
                mark = len(server.sent)
                run = press_check(page, exercise_id)
                figures["cold"].append(run["ms"])
                figures["startup"].append(run["sessionMs"])
                for part in ("pyodide", "wheel", "imports"):
                    figures[part].append(run["loadMs"]["runtime" if part == "pyodide" else part])
                first_run_bytes.append(sum(size for _, size in server.sent[mark:]))
                for _ in range(5):
                    figures["later"].append(press_check(page, exercise_id)["ms"])
                page.close()
                page = open_page(context, server, name, blocked)
                run = press_check(page, exercise_id)
                figures["warm"].append(run["ms"])
                figures["startup_warm"].append(run["sessionMs"])
                page.close()
                # Warm cache, the editor focused first (preload), Check once Python is ready.
                page = open_page(context, server, name, blocked)
                page.locator(f'[data-runner="starter"][data-exercise="{exercise_id}"] textarea').focus()
                page.wait_for_function("() => window.thawRunner.sessions === 1", timeout=5000)
                page.wait_for_timeout(8000)  # a reader typing an answer
                figures["preloaded_warm"].append(press_check(page, exercise_id)["ms"])
                context.close()
                # Cold cache, focus first.
                context = new_context()
                page = open_page(context, server, name, blocked)
                page.locator(f'[data-runner="starter"][data-exercise="{exercise_id}"] textarea').focus()
                page.wait_for_timeout(15000)
                figures["preloaded_cold"].append(press_check(page, exercise_id)["ms"])
                context.close()
            browser.close()
    finally:
        server.close()
    static = html / "_static"
    files = sorted((static / "pyodide").glob("*")) + sorted((static / "wheels").rglob("*.whl")) + [static / "runner.js", static / "runner-worker.mjs", static / "runner.css", static / "editor.js"]
    sizes = {
        str(path.relative_to(html)): {"bytes": path.stat().st_size, "gzip": len(gzip.compress(path.read_bytes(), 6))}
        for path in files
        if path.is_file() and path.name != "NOTICE.txt"
    }
    return {
        "page": name,
        "repeat": repeat,
        "median_ms": {key: statistics.median(values) for key, values in figures.items() if values},
        "all_ms": figures,
        "first_run_bytes": statistics.median(first_run_bytes),
        "files": sizes,
        "blocked": blocked,
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--html", type=Path, default=Path(os.environ.get("BUILDDIR", ROOT / "_build")) / "html")
    parser.add_argument("--page", default="berlin")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--json", type=Path, default=None, help="also write the figures here")
    args = parser.parse_args()
    if not (args.html / f"{args.page}.html").exists():
        print(f"{args.html / args.page}.html is missing: run `make html` first", file=sys.stderr)
        return 2
    started = time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())
    result = measure(args.html, args.page, args.repeat)
    result["when"] = started
    result["machine"] = f"{os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f} at the end"
    text = json.dumps(result, indent=2)
    if args.json:
        args.json.write_text(text + "\n", encoding="utf-8")
    m = result["median_ms"]
    total = sum(item["bytes"] for item in result["files"].values())
    total_gz = sum(item["gzip"] for item in result["files"].values())
    print(f"In-page runner on {args.page}.html, {result['when']}, {result['machine']}, median of {args.repeat}:")
    print(
        f"  Check as first action, empty cache:   {m['cold']:>6.0f} ms  (of which starting Python: {m['startup']:.0f} ms ="
        f" Pyodide {m['pyodide']:.0f} + exercises wheel {m['wheel']:.0f} + imports {m['imports']:.0f}, plus the worker's start)"
    )
    print(f"  Check as first action, warm cache:    {m['warm']:>6.0f} ms  (of which starting Python: {m['startup_warm']:.0f} ms)")
    print(f"  Check after focus preload, cold:      {m['preloaded_cold']:>6.0f} ms")
    print(f"  Check after focus preload, warm:      {m['preloaded_warm']:>6.0f} ms")
    print(f"  Later checks:                         {m['later']:>6.0f} ms")
    print(f"  Bytes the first Run downloads:        {result['first_run_bytes']:>9,} (uncompressed, empty cache)")
    print("  The runner's files (runner.js and runner.css load with the page; the rest on the first Run or focus):")
    for path, item in result["files"].items():
        print(f"    {path:<70} {item['bytes']:>10,}  gzip {item['gzip']:>10,}")
    print(f"    {'total':<70} {total:>10,}  gzip {total_gz:>10,}")
    if result["blocked"]:
        print(f"  BLOCKED non-local requests: {result['blocked']}")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
