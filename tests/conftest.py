"""Shared fixtures: the book's chapters, its bibliography, and the exercises registry."""

from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
import tempfile
from pathlib import Path

import pytest

from exercises import _book
import book_builds

ROOT = Path(__file__).resolve().parent.parent
BOOK = ROOT / "book"
DATA = ROOT / "exercises" / "data"
# Where the tests build the book: $BUILDDIR/html, like `make html BUILDDIR=...` (default _build).
BUILD = book_builds.BUILD
HTML = book_builds.HTML



def toctree_pages() -> list[str]:
    """The pages named in the toctrees of book/index.md, in order (exercises._book defines pages)."""
    return _book.pages(BOOK)


def chapters() -> list[str]:
    """The chapters, in order: toctree pages that are text notebooks with exercises (see exercises._book)."""
    return _book.chapters(BOOK)


def exercise_blocks() -> dict:
    """Exercise id -> its ExerciseBlock: where the chapter shows its starter, check and solution cells."""
    return {key: block for page in chapters() for key, block in _book.exercise_blocks(BOOK, page).items()}


def bib_keys() -> set[str]:
    text = (BOOK / "references.bib").read_text(encoding="utf-8")
    return set(re.findall(r"^@\w+\s*\{\s*([^,\s]+)\s*,", text, re.M))


@pytest.fixture(scope="session")
def keys() -> set[str]:
    return bib_keys()


# --- The builds: made once per test run (tests/book_builds.py), in the background when the tests run in parallel ---


def _edition(edition: str) -> dict:
    results = os.environ.get(book_builds.RESULTS_ENV)
    if results:
        result = book_builds.wait(Path(results), edition, builder=int(os.environ.get(_BUILDER_PID, "0")) or None)
    else:
        result = book_builds.build(edition)
    problem = book_builds.problems(result)
    assert not problem, problem
    return result


@pytest.fixture(scope="session")
def built() -> Path:
    """$BUILDDIR/html, built once per test run like `make html` (every page read again, the execution cache reused)."""
    _edition("html")
    return HTML


@pytest.fixture(scope="session")
def student_built(built) -> Path:
    """$BUILDDIR/student/html, built like `make html-student` after the book, from its execution cache."""
    result = _edition("student")
    assert "Executed notebook" not in result["stdout"] + result["stderr"], "the student build executed notebooks instead of using the cache"
    return book_builds.STUDENT


_BUILDER_PID = "BOOK_TEST_BUILDER_PID"
# Test files that look at a build: when the run includes one and runs in parallel, the builds start at once.
_BUILD_USERS = ("test_build.py", "test_editions.py", "test_fresh_outputs.py", "browser")


def _needs_builds(config) -> bool:
    for arg in config.args or [str(ROOT / "tests")]:
        path = Path(config.invocation_params.dir, arg.split("::")[0]).resolve()
        if path in (ROOT, ROOT / "tests") or any(name in path.parts or path.name == name for name in _BUILD_USERS):
            return True
    return False


_BUILD_FIXTURES = {"built", "student_built", "site"}


def pytest_collection_modifyitems(session, config, items) -> None:
    """Run the tests that need no build first, then the longest one that does, then the rest (a stable sort).

    In a parallel run the builds are made in the background meanwhile, so no worker waits for them while other
    tests could run; the order within each group is the files' own.
    """

    def rank(item) -> int:
        if not _BUILD_FIXTURES & set(getattr(item, "fixturenames", ())):
            return 0
        return 1 if item.path.name == "test_fresh_outputs.py" else 2

    items.sort(key=rank)


def pytest_report_header(config) -> str:
    """The browser that the browser tests drive (tests/browser/conftest.py fails on a major outside its tested range)."""
    path = shutil.which("chromium")
    if not path:
        return "chromium: not installed (`make browser` installs Debian's package)"
    done = subprocess.run([path, "--version"], capture_output=True, text=True, timeout=60)
    return f"chromium: {done.stdout.strip() or done.stderr.strip()}"


def pytest_configure(config) -> None:
    """In the main process of a parallel run (pytest-xdist), start both builds in the background for the workers."""
    if hasattr(config, "workerinput") or not config.pluginmanager.hasplugin("xdist"):
        return
    if config.getoption("dist", "no") == "no" or not _needs_builds(config):
        return
    results = Path(tempfile.mkdtemp(prefix="book-builds-"))
    config._book_builder = book_builds.start_background(results)
    os.environ[book_builds.RESULTS_ENV] = str(results)  # inherited by the workers, started after this hook
    os.environ[_BUILDER_PID] = str(config._book_builder.pid)


def pytest_unconfigure(config) -> None:
    builder = getattr(config, "_book_builder", None)
    if builder is None:
        return
    if builder.poll() is None:  # the run ended (or was stopped) before the builds did
        os.killpg(builder.pid, signal.SIGTERM)
        try:
            builder.wait(30)
        except subprocess.TimeoutExpired:
            os.killpg(builder.pid, signal.SIGKILL)
            builder.wait()
    shutil.rmtree(os.environ.pop(book_builds.RESULTS_ENV), ignore_errors=True)
    os.environ.pop(_BUILDER_PID, None)
