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
import shutil
import sys
from pathlib import Path

import pytest
from sphinx.testing.util import SphinxTestApp

from conftest import BOOK

ROOT_BOOK = Path(__file__).resolve().parent / "roots" / "book"
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
