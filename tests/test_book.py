"""The chapters keep the book's promises: structure, sources, and exercises that match the registry."""

from __future__ import annotations

import re

import jupytext
import pytest

import exercises
from conftest import BOOK, chapters, toctree_pages

CHAPTERS = chapters()
LABEL = re.compile(r"```\{exercise-start\}[^\n]*\n(?::[^\n]*\n)*?:label:\s*(\S+)")
SOLUTION = re.compile(r"```\{solution-start\}\s*(\S+)")
CITE = re.compile(r"\{cite(?::\w+)?\}`([^`]+)`")


def text(page: str) -> str:
    return (BOOK / f"{page}.md").read_text(encoding="utf-8")


def cells(page: str):
    return jupytext.read(BOOK / f"{page}.md").cells


def test_toctree_pages_exist_and_no_chapter_is_left_out():
    pages = toctree_pages()
    assert len(pages) == len(set(pages))
    for page in pages:
        assert (BOOK / f"{page}.md").exists(), page
    on_disk = {path.stem for path in BOOK.glob("*.md")}
    assert on_disk - {"index"} <= set(pages), "every page in book/ belongs in the toctree"


def test_no_notebooks_or_outputs_in_the_sources():
    assert not list(BOOK.rglob("*.ipynb"))


@pytest.mark.parametrize("page", CHAPTERS)
def test_chapter_has_every_part(page):
    body = text(page)
    assert body.lstrip().startswith("---\njupytext:"), "front matter first"
    assert f"({page})=" in body, "page label"
    assert "Key question" in body
    assert re.search(r"^#+ Learning objectives", body, re.M)
    assert re.search(r"^#+ Summary", body, re.M)
    if page != "conclusion":
        assert re.search(r"^#+ Source questions", body, re.M)
        assert body.count(":class: source") >= 2, "at least two primary-source excerpts"
    assert re.search(r"alt:\s*\S", body), "a figure with alt text"
    assert CITE.search(body), "a chapter cites its sources"


@pytest.mark.parametrize("page", [p for p in toctree_pages()])
def test_every_citation_is_in_the_bibliography(page, keys):
    for group in CITE.findall(text(page)):
        for key in group.split(","):
            assert key.strip() in keys, f"{page}: {key.strip()} is not in references.bib"


def test_labels_in_the_book_match_the_registry_both_ways():
    labels = {}
    for page in CHAPTERS:
        for label in LABEL.findall(text(page)):
            assert label not in labels, f"{label} appears twice"
            labels[label] = page
    assert set(labels) == set(exercises.ids())
    for label, page in labels.items():
        assert exercises.chapter_of(label) == page, f"{label} is declared in another chapter's module"


@pytest.mark.parametrize("page", CHAPTERS)
def test_chapter_shows_declared_starter_check_and_solution(page):
    declared = [i for i in exercises.ids() if exercises.chapter_of(i) == page]
    assert len(declared) >= 3, f"{page} needs at least three exercises"
    notebook = cells(page)
    for exercise_id in declared:
        exercise = exercises.get(exercise_id)
        starter_at = solution_at = None
        for index, cell in enumerate(notebook):
            source = cell.source
            if cell.cell_type == "markdown" and re.search(rf":label:\s*{re.escape(exercise_id)}\s*$", source, re.M):
                starter_at = _next_code(notebook, index)
            if cell.cell_type == "markdown" and re.search(rf"\{{solution-start\}}\s*{re.escape(exercise_id)}\s*$", source, re.M):
                solution_at = _next_code(notebook, index)
        assert starter_at is not None, f"{exercise_id}: no exercise block"
        assert notebook[starter_at].source.strip() == exercise.starter.strip(), f"{exercise_id}: the starter cell differs from the declared starter"
        check_cell = notebook[starter_at + 1].source
        assert f'check("{exercise_id}", {exercise.name})' in check_cell, f"{exercise_id}: a check cell follows the starter"
        assert solution_at is not None, f"{exercise_id}: no solution block"
        assert notebook[solution_at].source.strip() == exercise.solution.strip(), f"{exercise_id}: the solution cell differs from the declared solution"


def _next_code(notebook, index):
    for later in range(index + 1, len(notebook)):
        if notebook[later].cell_type == "code":
            return later
    return None


@pytest.mark.parametrize("page", CHAPTERS)
def test_solutions_are_folded(page):
    body = text(page)
    for match in SOLUTION.finditer(body):
        following = body[match.end(): match.end() + 200]
        assert ":class: dropdown" in following, f"{page}: solution {match.group(1)} is not folded"
