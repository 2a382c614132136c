"""The whole book builds with warnings as errors, every notebook executed, and the pages show what they promise."""

from __future__ import annotations

import re

import pytest

import exercises
from conftest import chapters

# The `built` fixture (the book built into $BUILDDIR/html) is in conftest.py, shared with tests/browser/.


def page(built, name):
    return (built / f"{name}.html").read_text(encoding="utf-8")


def test_every_chapter_is_built(built):
    for name in chapters() + ["index", "sources", "glossary"]:
        assert (built / f"{name}.html").exists(), name


@pytest.mark.parametrize("name", chapters())
def test_chapter_page_shows_checks_solutions_and_figure(built, name):
    html = page(built, name)
    declared = [i for i in exercises.ids() if exercises.chapter_of(i) == name]
    # Each exercise is checked twice: its untouched starter, then its solution.
    assert html.count('class="check-result') == 2 * len(declared), "executed check output"
    assert html.count("check-not-attempted") == len(declared), "every starter cell was checked"
    assert html.count("check-passed") == len(declared), "every solution cell was checked"
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


def test_sources_page_lists_every_entry_of_the_bibliography_once(built, keys):
    html = page(built, "sources")
    entries = re.findall(r'<div class="citation" id="([^"]+)" role="doc-biblioentry">', html)
    assert html.count('role="doc-biblioentry"') == len(entries) == len(set(entries)) == len(keys)
