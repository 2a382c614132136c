"""`make print`: the whole book, and per chapter a knowledge organiser, a worksheet and a teacher pack, as PDFs.

Each PDF is read back with PDFium (pypdfium2): it opens, has a sensible number of pages, and its text holds what it must.
No worksheet holds any line of the chapter's solutions; every teacher pack does (so the check can fail).
"""

from __future__ import annotations

import datetime as dt
import os
import re
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest
import pypdfium2

import book_builds
from conftest import BOOK, HTML, ROOT, chapters
from exercises import load
from exercises import _exam_bank  # noqa: F401  (declares the exam questions)
from exercises._exam import exam_questions
from tools import print_book, workbooks

CHAPTERS = [page for page in chapters() if page in print_book.chapters()]


def _newest_source() -> float:
    paths = [ROOT / "conf.py", *BOOK.rglob("*"), *(ROOT / "exercises").rglob("*.py"), *(ROOT / "exercises" / "data").glob("*")]
    return max(path.stat().st_mtime for path in paths if path.is_file())


def print_into(out: Path, *args: str) -> None:
    done = subprocess.run([sys.executable, "-m", "tools.print_book", "--html", str(HTML), "--out", str(out), *args],
                          cwd=ROOT, capture_output=True, text=True, timeout=1800)
    assert done.returncode == 0, done.stderr[-3000:]


@pytest.fixture(scope="module")
def printed(tmp_path_factory) -> Path:
    """The organisers, worksheets and teacher packs (quick: no build needed; the whole book is printed by its test)."""
    out = tmp_path_factory.mktemp("print")
    print_into(out, "--no-book")
    return out


@pytest.fixture(scope="module")
def book_pdf(request, tmp_path_factory) -> Path:
    index = HTML / "index.html"
    fresh = index.exists() and (os.environ.get("REUSE_BUILD") == "1" or index.stat().st_mtime >= _newest_source())
    if not fresh or os.environ.get(book_builds.RESULTS_ENV):  # a build of this run is under way: use its result
        request.getfixturevalue("built")
    out = tmp_path_factory.mktemp("book")
    print_into(out, "--book-only")
    return out / "book.pdf"


def pages_of(path: Path) -> list[str]:
    """The text of each page of a PDF (PDFium reads the whole book's 400 pages in about a second; pypdf took twenty)."""
    pdf = pypdfium2.PdfDocument(str(path))
    try:
        return [pdf[index].get_textpage().get_text_bounded() for index in range(len(pdf))]
    finally:
        pdf.close()


def squeezed(text: str) -> str:
    """Text without white space, ligatures (fi) undone: PDF text extraction breaks lines and joins letters."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))


def solution_lines(page: str) -> set[str]:
    """Lines of the chapter's solution code (over 20 characters) that appear nowhere else in the chapter."""
    text = (BOOK / f"{page}.md").read_text(encoding="utf-8")
    rest = workbooks.without_solutions(text)
    rest_squeezed = squeezed(rest.replace("`", ""))  # as the page shows inline code
    found = set()
    for block in workbooks.SOLUTION.finditer(text):
        for cell in re.findall(r"^```\{code-cell\}[^\n]*\n(.*?)^```", block.group(0), re.M | re.S):
            for line in cell.splitlines():
                line = line.strip()
                if len(line) > 20 and squeezed(line.replace("`", "")) not in rest_squeezed and not line.startswith("check("):
                    found.add(line)
    return found


def test_the_whole_book(book_pdf):
    pages = pages_of(book_pdf)
    assert len(pages) > 40
    text = "\n".join(pages)
    for page in CHAPTERS:
        title = print_book.read_chapter(page).title
        assert squeezed(title) in squeezed(text), title
    assert "Checkpoint Charlie" in text
    assert "Run" not in re.findall(r"^\s*(Run|Check|Reset to starter code)\s*$", text, re.M)  # no buttons printed


@pytest.mark.parametrize("page", CHAPTERS)
def test_knowledge_organiser(printed, page):
    pages = pages_of(printed / f"{page}-organiser.pdf")
    assert len(pages) == 1
    text = squeezed(pages[0])
    chapter = print_book.read_chapter(page)
    assert squeezed(chapter.title) in text
    events = sorted((row for row in load("events") if row["chapter"] == page), key=lambda row: row["date"])
    events = events or print_book.key_dates(chapter)  # the conclusion narrates no event of its own
    assert events
    first = events[0]["date"]
    assert squeezed(f"{first.day} {first.strftime('%b')} {first.year}") in text
    assert squeezed(print_book.author_year(events[0]["source"])) in text  # each date cited author-year
    assert "Keyterms" in text and "Keydates" in text and "Keyfigures" in text


@pytest.mark.parametrize("page", CHAPTERS)
def test_worksheet_and_teacher_pack(printed, page):
    chapter = print_book.read_chapter(page)
    sheet, pack = printed / f"{page}-worksheet.pdf", printed / f"{page}-teacher.pdf"
    sheet_pages, pack_pages = pages_of(sheet), pages_of(pack)
    assert 1 <= len(sheet_pages) <= 30 and 1 <= len(pack_pages) <= 30
    student, teacher = squeezed("\n".join(sheet_pages)), squeezed("\n".join(pack_pages))
    assert squeezed(chapter.title) in student and squeezed(chapter.title) in teacher
    assert squeezed(chapter.exercises[0].title) in student  # a question
    lines = solution_lines(page)
    assert lines, f"{page}: no solution line to look for"
    leaked = [line for line in lines if squeezed(line) in student]
    assert not leaked, leaked
    assert [line for line in lines if squeezed(line) in teacher], "the teacher pack shows no solution"
    assert "Modelanswer" in teacher and "Markscheme" in teacher and "Modelanswer" not in student
    for question in exam_questions(page):  # exam practice: the question on both, the model answers only for the teacher
        assert squeezed(question.question) in student and squeezed(question.question) in teacher
        for model in question.models:
            middle = squeezed(model.text)[len(squeezed(model.text)) // 3:][:80]
            assert middle in teacher and middle not in student, (question.id, model.level)


def test_a_key_date_is_formatted_from_the_table():
    assert print_book._date("1961-08-13") == "13 Aug 1961"
    assert dt.date.fromisoformat("1961-08-13")
