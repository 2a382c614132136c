"""Shared fixtures: the book's chapters, its bibliography, and the exercises registry."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from exercises import _book

ROOT = Path(__file__).resolve().parent.parent
BOOK = ROOT / "book"
DATA = ROOT / "exercises" / "data"
# Where the tests build the book: $BUILDDIR/html, like `make html BUILDDIR=...` (default _build).
BUILD = Path(os.environ.get("BUILDDIR", ROOT / "_build"))
HTML = BUILD / "html"
# Where the tests build the student edition, like `make html-student`.
STUDENT = BUILD / "student" / "html"



def toctree_pages() -> list[str]:
    """The pages named in the toctrees of book/index.md, in order (exercises._book defines pages)."""
    return _book.pages(BOOK)


def chapters() -> list[str]:
    """The chapters, in order: toctree pages that are text notebooks with exercises (see exercises._book)."""
    return _book.chapters(BOOK)


def exercise_pages() -> list[str]:
    """The chapters and any other page with exercises (the primer), in order."""
    return _book.exercise_pages(BOOK)


def exercise_blocks() -> dict:
    """Exercise id -> its ExerciseBlock: where the page (a chapter or the primer) shows its starter, check and solution cells."""
    return {key: block for page in exercise_pages() for key, block in _book.exercise_blocks(BOOK, page).items()}


def bib_keys() -> set[str]:
    text = (BOOK / "references.bib").read_text(encoding="utf-8")
    return set(re.findall(r"^@\w+\s*\{\s*([^,\s]+)\s*,", text, re.M))


@pytest.fixture(scope="session")
def keys() -> set[str]:
    return bib_keys()


def build_book() -> Path:
    """Build the book like `make html` does (the execution cache is reused; the environment is rebuilt)."""
    done = subprocess.run(
        [sys.executable, "-m", "sphinx", "-c", str(ROOT), "-nW", "--keep-going", "-j", "auto", "-E", "-b", "html", str(ROOT / "book"), str(HTML)],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-6000:]
    assert "WARNING" not in done.stderr, done.stderr[-6000:]
    return HTML


@pytest.fixture(scope="session")
def built() -> Path:
    """$BUILDDIR/html, built once per test session by build_book()."""
    return build_book()


@pytest.fixture(scope="session")
def student_built(built) -> Path:
    """$BUILDDIR/student/html, built like `make html-student` after the main build (whose execution cache it reuses)."""
    done = subprocess.run(
        [sys.executable, "-m", "sphinx", "-c", str(ROOT), "-nW", "--keep-going", "-E", "-t", "student",
         "-D", f"nb_execution_cache_path={BUILD.resolve() / '.jupyter_cache'}",
         "-b", "html", str(ROOT / "book"), str(STUDENT)],
        cwd=ROOT, capture_output=True, text=True,
    )
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-6000:]
    assert "WARNING" not in done.stderr, done.stderr[-6000:]
    assert "Executing notebook" not in done.stdout, "the student build executed notebooks instead of using the cache"
    return STUDENT
