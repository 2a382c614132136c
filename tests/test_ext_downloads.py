"""book/_ext/downloads.py on the small test book: each chapter page offers its notebook, the student edition its workbook."""

from __future__ import annotations

import re
import runpy

import nbformat
import pytest
from sphinx.errors import ExtensionError

from small_book import MARKS, book, build, pages_built, pages_built_student  # noqa: F401  (fixtures)

import downloads  # noqa: E402  (book/_ext, on the path from small_book)

pytestmark = MARKS


def download_menu(page: str) -> str:
    """The page's download menu (the theme's "download-buttons")."""
    menu = page[page.index("download-buttons"):]
    return menu[: menu.index("</ul>")]


def download_links(page: str) -> list[str]:
    return re.findall(r'href="([^"]+)"', download_menu(page))


def test_the_chapter_page_offers_its_notebook_with_the_solutions_and_its_source(pages_built):
    links = download_links((pages_built / "chapter.html").read_text(encoding="utf-8"))
    assert links == ["_sources/chapter.ipynb", "_sources/chapter.md"], links
    source = pages_built.parents[2]
    offered = nbformat.read(pages_built / "_sources" / "chapter.ipynb", as_version=4)
    expected = downloads._workbooks().notebook("chapter", source, solutions=True, base_url="")
    assert nbformat.writes(offered) == nbformat.writes(expected)
    assert "SOLUTION-MARKER" in nbformat.writes(offered)
    first = next(cell for cell in offered.cells if cell.cell_type == "code")
    assert first.source == downloads._workbooks().import_cell(""), "the first cell loads the checks or says how to get them"


def test_a_page_without_exercises_offers_no_notebook(pages_built):
    for name in ("index", "sources", "citations"):
        page = (pages_built / f"{name}.html").read_text(encoding="utf-8")
        assert ".ipynb" not in page, name
        assert not (pages_built / "_sources" / f"{name}.ipynb").exists(), name


def test_the_student_edition_offers_the_workbook_and_no_source(pages_built_student):
    page = (pages_built_student / "chapter.html").read_text(encoding="utf-8")
    # The notebook only: the source is not copied, and the theme would still offer it, as a link to the folder.
    assert download_links(page) == ["_sources/chapter.ipynb"], download_links(page)
    assert "download-source-button" not in download_menu(page)
    source = pages_built_student.parents[3]
    offered = nbformat.read(pages_built_student / "_sources" / "chapter.ipynb", as_version=4)
    assert nbformat.writes(offered) == nbformat.writes(downloads._workbooks().workbook("chapter", source, base_url=""))
    assert "SOLUTION-MARKER" not in nbformat.writes(offered)
    assert "Double the value." in nbformat.writes(offered)


def test_a_chapter_that_cannot_become_a_notebook_stops_the_build_and_is_named(book):
    # The test book's chapter has no `from exercises import check, hint, load` cell, which a notebook needs.
    extensions = runpy.run_path(str(book / "conf.py"))["extensions"] + ["downloads"]
    with pytest.raises(ExtensionError, match=r"downloads: chapter 'chapter' failed to convert to \.ipynb: .*check, hint, load"):
        build(book, extensions=extensions, execute=False)


def test_the_workbooks_tool_is_imported_from_its_file_and_sys_path_is_untouched():
    import sys

    before = list(sys.path)
    downloads._workbooks.cache_clear()
    workbooks = downloads._workbooks()
    assert sys.path == before
    assert workbooks.__file__ == str(downloads.ROOT / "tools" / "workbooks.py")
    assert workbooks is downloads._workbooks(), "imported once"
