"""The whole book builds with warnings as errors, every notebook executed, and the pages show what they promise."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

import exercises
from conftest import ROOT, chapters

BUILD = Path(os.environ.get("BUILDDIR", ROOT / "_build"))
HTML = BUILD / "html"


@pytest.fixture(scope="session")
def built():
    """Build the book like `make html` does (the execution cache is reused; the environment is rebuilt)."""
    done = subprocess.run(
        [sys.executable, "-m", "sphinx", "-c", str(ROOT), "-nW", "--keep-going", "-E", "-b", "html", str(ROOT / "book"), str(HTML)],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-6000:]
    assert "WARNING" not in done.stderr, done.stderr[-6000:]
    return HTML


def page(built, name):
    return (built / f"{name}.html").read_text(encoding="utf-8")


def test_every_chapter_is_built(built):
    for name in chapters() + ["index", "sources", "glossary"]:
        assert (built / f"{name}.html").exists(), name


@pytest.mark.parametrize("name", chapters())
def test_chapter_page_shows_checks_solutions_and_figure(built, name):
    html = page(built, name)
    assert "check-result" in html, "executed check output"
    assert "check-not-attempted" in html, "starter cells were checked"
    assert "check-passed" in html, "solution cells were checked"
    assert "check-failed" not in html, "a check in the chapter fails"
    assert "Traceback" not in html, "a cell printed a traceback"
    assert "dropdown" in html, "folded solutions"
    images = re.findall(r"<img [^>]*>", html)
    assert images, "a figure"
    for image in images:
        assert re.search(r'alt="[^"]{10,}"', image), f"image without alt text: {image[:120]}"
    for exercise_id in exercises.ids():
        if exercises.chapter_of(exercise_id) == name:
            assert f'id="{exercise_id}"' in html, f"{exercise_id} has no anchor"


def test_berlin_page_has_the_chapter_parts(built):
    html = page(built, "berlin")
    for text in ("Key question", "Learning objectives", "Summary", "Source questions", "Checkpoint Charlie"):
        assert text in html


def test_sources_page_lists_the_bibliography(built):
    html = page(built, "sources")
    assert html.count('class="citation') >= 5 or html.count("<dt") >= 5 or html.count('role="doc-biblioentry"') >= 5
