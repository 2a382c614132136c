"""The chapters keep the book's promises: structure, sources, and exercises that match the registry."""

from __future__ import annotations

import re

import jupytext
import pytest

import exercises
from conftest import BOOK, chapters, toctree_pages
from exercises import _book

CHAPTERS = chapters()
SOLUTION = re.compile(r"```\{solution-start\}\s*(\S+)")
CITE = re.compile(r"\{cite(?::\w+)?\}`([^`]+)`")


def text(page: str) -> str:
    return (BOOK / f"{page}.md").read_text(encoding="utf-8")


def test_the_chapters_are_the_numbered_toctree():
    """exercises._book finds the chapters (text notebooks with exercises): they are the numbered part of the book."""
    numbered = re.search(r"```\{toctree\}\n(?::[^\n]*\n)*?:numbered:.*?\n\n(.*?)```", text("index"), re.S)
    assert CHAPTERS == numbered.group(1).split()
    assert len(CHAPTERS) >= 9


def test_a_new_page_that_is_not_a_chapter_needs_no_list(tmp_path):
    book = tmp_path / "book"
    book.mkdir()
    for page in ("index", "berlin", "glossary"):
        (book / f"{page}.md").write_text(text(page), encoding="utf-8")
    (book / "index.md").write_text("```{toctree}\n:numbered:\n\nberlin\n```\n\n```{toctree}\nglossary\nnotes\ndata-notes\n```\n", encoding="utf-8")
    (book / "notes.md").write_text("# Notes\n\nProse only.\n", encoding="utf-8")
    # A text notebook without exercises (like the timeline) is a page, not a chapter.
    (book / "data-notes.md").write_text(text("berlin").split("(berlin)=")[0] + "# Data\n\n```{code-cell} ipython3\n1 + 1\n```\n", encoding="utf-8")
    assert _book.pages(book) == ["berlin", "glossary", "notes", "data-notes"]
    assert _book.chapters(book) == ["berlin"]


@pytest.mark.parametrize("page", [p for p in toctree_pages() if _book.is_notebook(text(p))])
def test_the_cell_parser_reads_every_notebook_as_jupytext_does(page):
    ours = [(cell.kind, cell.source) for cell in _book.cells(text(page))]
    theirs = [(cell.cell_type, cell.source) for cell in jupytext.read(BOOK / f"{page}.md").cells]
    assert ours == theirs


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
    for page in toctree_pages():
        for label in _book.exercise_labels(text(page)):
            assert label not in labels, f"{label} appears twice"
            labels[label] = page
    assert set(labels) == set(exercises.ids())
    for label, page in labels.items():
        assert exercises.chapter_of(label) == page, f"{label} is declared in another chapter's module"


@pytest.mark.parametrize("page", CHAPTERS)
def test_chapter_shows_each_exercise_with_starter_check_and_folded_solution(page):
    declared = [i for i in exercises.ids() if exercises.chapter_of(i) == page]
    assert len(declared) >= 3, f"{page} needs at least three exercises"
    blocks = _book.exercise_blocks(BOOK, page)
    assert sorted(blocks) == declared
    for exercise_id, block in blocks.items():
        name = exercises.get(exercise_id).name
        assert block.starter is not None, f"{exercise_id}: no starter cell in the exercise block"
        assert block.check == f'check("{exercise_id}", {name})', f"{exercise_id}: a check cell follows the starter"
        assert len(block.solution) == 2, f"{exercise_id}: the solution block holds the solution and its check"
        assert block.solution[1] == block.check


def test_a_malformed_exercise_block_is_named(tmp_path):
    book = tmp_path / "book"
    book.mkdir()
    broken = text("berlin").replace("```{solution-end}\n```\n", "", 1)
    (book / "berlin.md").write_text(broken, encoding="utf-8")
    with pytest.raises(ValueError, match=r"berlin: .*berlin-refugee-total"):
        _book.exercise_blocks(book, "berlin")


@pytest.mark.parametrize("page", CHAPTERS)
def test_solutions_are_folded(page):
    body = text(page)
    for match in SOLUTION.finditer(body):
        following = body[match.end(): match.end() + 200]
        assert ":class: dropdown" in following, f"{page}: solution {match.group(1)} is not folded"
