"""Page weight: what each chapter costs a reader on a slow connection (run by `make measure`).

For every chapter page, load it in headless Debian chromium (fresh profile, empty cache), record every response
(the page and everything it loads), gzip each body (level 6, as a web server would) and add up the compressed sizes.
The same is done for a default Jupyter Book 1 style build of the same sources: sphinx-book-theme with its defaults
and the same MyST/notebook extensions, none of this book's trimming, built by this script into a temporary folder
(the notebooks' outputs come from the same jupyter-cache, so nothing is executed twice).

Goal: every chapter at most 50 % of the default build. Requests to other hosts are blocked (nothing here may reach
them) and listed; they are not counted, which flatters the default build (it loads MathJax from a CDN).

    python tools/measure_weight.py                 # builds $BUILDDIR/html (cached) and the default build
    python tools/measure_weight.py --no-build      # measure the existing $BUILDDIR/html and default build only
    python tools/measure_weight.py --json out.json
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from localweb import launch, serve

from exercises import _book

ROOT = Path(__file__).resolve().parent.parent
BOOK = ROOT / "book"
BUILD = Path(os.environ.get("BUILDDIR", ROOT / "_build")).resolve()
GOAL = 0.5

# A default Jupyter Book 1 style configuration: the book's sources need these extensions and MyST settings to
# parse; everything about the HTML is left at the theme's defaults.
DEFAULT_CONF = '''
project = "From Thaw to Brink (default Jupyter Book style build, for comparison)"
extensions = ["myst_nb", "sphinx_book_theme", "sphinx_togglebutton", "sphinx_design", "sphinx_exercise",
              "sphinxcontrib.bibtex"]
exclude_patterns = ["_build", "_ext", "**.ipynb_checkpoints"]
myst_enable_extensions = ["colon_fence", "deflist", "dollarmath", "substitution"]
myst_heading_anchors = 3
nb_execution_mode = "cache"
nb_execution_cache_path = {cache!r}
nb_execution_timeout = 120
bibtex_bibfiles = [{bib!r}]
bibtex_default_style = "plain"
bibtex_reference_style = "author_year"
html_theme = "sphinx_book_theme"
suppress_warnings = ["*"]
'''


def chapters() -> list[str]:
    return _book.chapters(ROOT / "book")


def build_book() -> Path:
    html = BUILD / "html"
    command = [sys.executable, "-m", "sphinx", "-c", str(ROOT), "-nW", "--keep-going", "-b", "html", str(BOOK), str(html)]
    done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True)
    if done.returncode != 0:
        sys.exit("the book does not build:\n" + done.stdout[-2000:] + done.stderr[-4000:])
    return html


def build_default(folder: Path) -> Path:
    conf = folder / "conf"
    conf.mkdir(parents=True, exist_ok=True)
    (conf / "conf.py").write_text(
        DEFAULT_CONF.format(cache=str(BUILD / ".jupyter_cache"), bib=str(BOOK / "references.bib")), encoding="utf-8"
    )
    html = folder / "html"
    command = [sys.executable, "-m", "sphinx", "-c", str(conf), "-q", "--keep-going", "-b", "html", str(BOOK), str(html)]
    done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True)
    if not (html / "index.html").exists():
        sys.exit("the default build failed:\n" + done.stdout[-2000:] + done.stderr[-4000:])
    return html


def weigh(browser, base: str, page_name: str) -> dict:
    """Load one page in a fresh context; gzip every response body; return totals and the biggest files."""
    context = browser.new_context(viewport={"width": 1366, "height": 900}, service_workers="block")
    page = context.new_page()
    blocked: list[str] = []
    responses = []

    def route(route):
        if route.request.url.startswith(base) or route.request.url.startswith("data:"):
            route.continue_()
        else:
            blocked.append(route.request.url)
            route.abort("blockedbyclient")

    page.route("**/*", route)
    page.on("response", lambda response: responses.append(response))
    page.goto(base + page_name + ".html", wait_until="load")
    try:
        page.wait_for_load_state("networkidle", timeout=15_000)
    except Exception:  # noqa: BLE001 - a page that never idles is still weighed
        pass
    files = []
    for response in responses:
        try:
            body = response.body()
        except Exception:  # noqa: BLE001 - redirects and aborted responses have no body
            continue
        files.append((response.url[len(base):].split("?")[0], len(body), len(gzip.compress(body, compresslevel=6))))
    context.close()
    return {
        "requests": len(files),
        "raw": sum(raw for _, raw, _ in files),
        "gzip": sum(packed for _, _, packed in files),
        "files": sorted(files, key=lambda f: -f[2]),
        "blocked": blocked,
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--no-build", action="store_true", help="measure $BUILDDIR/html as it is")
    parser.add_argument("--json", type=Path, default=BUILD / "page-weight.json", help="where to write the figures")
    parser.add_argument("--top", type=int, default=0, help="list the N biggest files of each page")
    args = parser.parse_args()

    from playwright.sync_api import sync_playwright

    ours = BUILD / "html" if args.no_build and (BUILD / "html" / "index.html").exists() else build_book()
    with tempfile.TemporaryDirectory(prefix="default-jb-") as tmp:
        print("building the default Jupyter Book style build for comparison ...", flush=True)
        default = build_default(Path(tmp))
        server_ours, base_ours, _ = serve(ours)
        server_default, base_default, _ = serve(default)
        rows = []
        with sync_playwright() as playwright:
            browser = launch(playwright)
            for name in chapters():
                mine, theirs = weigh(browser, base_ours, name), weigh(browser, base_default, name)
                rows.append({"page": name, "book": mine, "default": theirs, "ratio": mine["gzip"] / theirs["gzip"]})
            browser.close()
        server_ours.shutdown()
        server_default.shutdown()

    print(f"\nPage weight, gzip-compressed bytes a reader downloads per chapter (cold cache), goal <= {GOAL:.0%}")
    print(f"{'chapter':<18}{'book kB':>9}{'req':>5}{'default kB':>12}{'req':>5}{'ratio':>8}")
    for row in rows:
        book, default = row["book"], row["default"]
        flag = "" if row["ratio"] <= GOAL else "  over goal"
        print(
            f"{row['page']:<18}{book['gzip'] / 1000:>9.1f}{book['requests']:>5}"
            f"{default['gzip'] / 1000:>12.1f}{default['requests']:>5}{row['ratio']:>8.0%}{flag}"
        )
        if args.top:
            for path, raw, packed in book["files"][: args.top]:
                print(f"    {packed / 1000:8.1f} kB  {path}")
    total_book = sum(row["book"]["gzip"] for row in rows)
    total_default = sum(row["default"]["gzip"] for row in rows)
    print(f"{'all chapters':<18}{total_book / 1000:>9.1f}{'':>5}{total_default / 1000:>12.1f}{'':>5}{total_book / total_default:>8.0%}")
    blocked = sorted({url for row in rows for side in ("book", "default") for url in row[side]["blocked"]})
    for url in blocked:
        side = "book" if any(url in row["book"]["blocked"] for row in rows) else "default build"
        print(f"blocked (not counted), {side}: {url}")
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps(rows, indent=1), encoding="utf-8")
    print(f"figures: {args.json}")
    worst = max(row["ratio"] for row in rows)
    return 0 if worst <= GOAL and not any(row["book"]["blocked"] for row in rows) else 1


if __name__ == "__main__":
    sys.exit(main())
