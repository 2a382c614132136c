"""The small test book (tests/roots/book) and its build with ``sphinx.testing``, for the extensions' unit tests.

As myst-nb's and sphinx-exercise's own tests do, a test builds a copy of the small book with ``SphinxTestApp``
and looks at the pages it wrote (tests/test_extensions.py, tests/test_ext_*.py)::

    from small_book import MARKS, book, build, text  # noqa: F401  (book is a fixture)

    pytestmark = MARKS

The book's extensions (book/_ext/) are importable by their module names, as conf.py makes them.
"""

from __future__ import annotations

import html
import io
import re
import runpy
import shutil
import sys
from pathlib import Path

import pytest
from sphinx.testing.util import SphinxTestApp

from conftest import BOOK

ROOT_BOOK = Path(__file__).resolve().parent / "roots" / "book"
# What the build with the page extensions adds to a copy of ROOT_BOOK (see its README.md).
ROOT_PAGES = Path(__file__).resolve().parent / "roots" / "pages"
if str(BOOK / "_ext") not in sys.path:
    sys.path.insert(0, str(BOOK / "_ext"))

EXECUTED = "Executed notebook"
# sphinx-exercise 1.2.1 and sphinx-book-theme 1.4.0 read `.app` attributes that Sphinx 9 deprecates (for Sphinx 11);
# in this process pytest would turn those warnings into errors. The book's own extensions do not use them.
MARKS = [pytest.mark.filterwarnings("ignore::sphinx.deprecation.RemovedInSphinx11Warning")]


def copy_book(target: Path) -> Path:
    """A fresh copy of the test book at ``target``."""
    shutil.copytree(ROOT_BOOK, target, ignore=shutil.ignore_patterns("__pycache__", "_build"))
    return target


@pytest.fixture
def book(tmp_path, monkeypatch) -> Path:
    """A fresh copy of the test book; the kernels' PYTHONPATH (set by fresh_outputs) is restored afterwards."""
    monkeypatch.setenv("PYTHONPATH", "")
    monkeypatch.setenv("BOOK_SOURCES", str(BOOK))
    return copy_book(tmp_path / "src")


def build(source: Path, *, tags=(), extensions=None, outdir: str = "html", execute: bool = True,
          overrides: dict | None = None) -> tuple[Path, str]:
    """Build the book into <source>/_build/<outdir>/html; return the output folder and the build's log.

    Every build of one copy shares its execution cache, <source>/_build/.jupyter_cache, as the Makefile's builds do.
    ``overrides``: more configuration values, as ``-D`` would give them.
    """
    status, warning = io.StringIO(), io.StringIO()
    settings = {"nb_execution_cache_path": str(source / "_build" / ".jupyter_cache")}
    if extensions is not None:
        settings["extensions"] = extensions
    if not execute:
        settings["nb_execution_mode"] = "off"
    settings.update(overrides or {})
    app = SphinxTestApp("html", srcdir=source, builddir=source / "_build" / outdir, status=status, warning=warning,
                        tags=list(tags), confoverrides=settings)
    try:
        app.build()
    finally:
        app.cleanup()
    assert not warning.getvalue(), warning.getvalue()
    return Path(app.outdir), status.getvalue()


def text(path: Path) -> str:
    """A page's text without its markup."""
    return html.unescape(re.sub(r"<[^>]+>", " ", path.read_text(encoding="utf-8")))


# --- The test book with the extensions that shape the served pages, built once per test run ------------------------

# book/_ext's extensions that add to the pages the reader gets: runner (with csp and offline), downloads, teachers,
# quiet_citations; the book's own scripts and styles (book/_static) as in conf.py. They come after the test book's
# extensions (book_html too), unlike in conf.py: each must work wherever it is listed.
PAGE_EXTENSIONS = ["downloads", "runner", "teachers", "quiet_citations"]
_PAGE_BUILDS: dict[str, Path] = {}


def _page_build(root: Path, edition: str) -> Path:
    source = root / "src"
    if not source.exists():
        copy_book(source)
        for page in ROOT_PAGES.iterdir():
            if page.name != "README.md":
                shutil.copy2(page, source / page.name)
        # A chapter's notebook (tools/workbooks.py) starts from its cell that loads the checks; the test book's chapter
        # has none, since its kernel has no checks. This copy's cells are not executed.
        chapter = source / "chapter.md"
        head, _, rest = chapter.read_text(encoding="utf-8").partition("# A chapter\n")
        chapter.write_text(head + "# A chapter\n\n```{code-cell} ipython3\nfrom exercises import check, hint, load\n```\n" + rest,
                           encoding="utf-8")
    with pytest.MonkeyPatch.context() as patch:  # as the `book` fixture does
        patch.setenv("PYTHONPATH", "")
        patch.setenv("BOOK_SOURCES", str(BOOK))
        extensions = runpy.run_path(str(source / "conf.py"))["extensions"] + PAGE_EXTENSIONS
        out, _ = build(source, tags=["student"] if edition == "student" else [], extensions=extensions,
                       outdir="student/html" if edition == "student" else "html", execute=False,
                       overrides={"html_static_path": [str(BOOK / "_static")],
                                  "bibtex_bibfiles": ["references.bib", "extra.bib"]})
    return out


@pytest.fixture
def pages_built(tmp_path_factory) -> Path:
    """The output folder of the test book and tests/roots/pages built with PAGE_EXTENSIONS (code cells not executed).

    Made once per test process and shared by the test files: read it, never change it.
    """
    if "html" not in _PAGE_BUILDS:
        _PAGE_BUILDS["html"] = _page_build(tmp_path_factory.mktemp("pages"), "html")
    return _PAGE_BUILDS["html"]


@pytest.fixture
def pages_built_student(pages_built) -> Path:
    """The same book's student edition (``-t student``), built after the full one from the same copy; read only."""
    if "student" not in _PAGE_BUILDS:
        _PAGE_BUILDS["student"] = _page_build(pages_built.parents[3], "student")
    return _PAGE_BUILDS["student"]
