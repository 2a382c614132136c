"""Unit tests of the book's Sphinx extensions (book/_ext/) on a small test book (tests/roots/book), in seconds.

As myst-nb's and sphinx-exercise's own tests do, each test builds a copy of the small book with
``sphinx.testing``'s ``SphinxTestApp`` (tests/small_book.py) and looks at the pages it wrote; the full build
(tests/test_build.py) and the browser tests then check the real book.
"""

from __future__ import annotations

import re
import runpy
from pathlib import Path

from small_book import EXECUTED, MARKS, book, build, text  # noqa: F401  (first: it puts book/_ext on the path; book is a fixture)

import bib_years  # noqa: E402
import book_html  # noqa: E402
import fresh_outputs  # noqa: E402

pytestmark = MARKS


# --- fresh_outputs: the cache follows the package ------------------------------------------------------------------


def test_a_changed_table_executes_the_chapter_again_and_nothing_else_does(book):
    out, log = build(book)
    assert log.count(EXECUTED) == 1 and "the table says first-value" in text(out / "chapter.html")

    (book / "exercises" / "table.txt").write_text("second-value\n", encoding="utf-8")
    out, log = build(book)
    assert log.count(EXECUTED) == 1, log
    assert "the table says second-value" in text(out / "chapter.html")

    out, log = build(book)  # nothing changed
    assert EXECUTED not in log and "the table says second-value" in text(out / "chapter.html")

    with (book / "chapter.md").open("a", encoding="utf-8") as chapter:
        chapter.write("\nA new sentence of prose.\n")
    out, log = build(book)
    assert EXECUTED not in log and "A new sentence of prose." in text(out / "chapter.html")
    assert len(list((book / "_build" / ".jupyter_cache").glob("inputs-*"))) == 1, "the old cache was not removed"


def test_the_digest_covers_modules_and_data_but_not_caches(tmp_path):
    package = tmp_path / "exercises"
    (package / "data").mkdir(parents=True)
    (package / "__init__.py").write_text("x = 1\n")
    (package / "data" / "t.csv").write_text("a\n1\n")
    first = fresh_outputs.inputs_digest(package)
    (package / "__pycache__").mkdir()
    (package / "__pycache__" / "m.pyc").write_bytes(b"\0")
    assert fresh_outputs.inputs_digest(package) == first
    (package / "data" / "t.csv").write_text("a\n2\n")
    assert fresh_outputs.inputs_digest(package) != first
    (package / "data" / "t.csv").write_text("a\n1\n")
    (package / "data" / "t.csv").rename(package / "data" / "u.csv")
    assert fresh_outputs.inputs_digest(package) != first, "a renamed table is a change"


# --- edition: the student edition has no solution ---------------------------------------------------------------


def test_the_student_edition_removes_solutions_and_executed_notebooks(book):
    full, _ = build(book)
    assert "SOLUTION-MARKER" in (full / "chapter.html").read_text(encoding="utf-8")
    student, log = build(book, tags=["student"], outdir="student/html")
    page = (student / "chapter.html").read_text(encoding="utf-8")
    assert "SOLUTION-MARKER" not in page and "Double the value." in page
    assert "(student edition)" in page
    assert not (student / "_sources").exists() or not list((student / "_sources").glob("*.md"))
    assert not (student.parent / "jupyter_execute").exists()
    assert EXECUTED not in log, "the student edition reuses the cache"


# --- book_html: lean, offline, accessible pages ------------------------------------------------------------------


def test_pages_have_mathml_no_fontawesome_and_search_scripts_only_on_the_search_page(book):
    out, _ = build(book, execute=False)
    index = (out / "index.html").read_text(encoding="utf-8")
    assert "<math" in index and not re.search(r"<script[^>]*mathjax", index, re.I)
    for name in ("index", "chapter", "sources", "search"):
        assert "fontawesome.js" not in (out / f"{name}.html").read_text(encoding="utf-8"), name
    for name in ("index", "chapter", "sources"):
        page = (out / f"{name}.html").read_text(encoding="utf-8")
        assert not re.search(r"searchtools\.js|language_data\.js|searchindex\.js", page), name
    search = (out / "search.html").read_text(encoding="utf-8")
    for script in ("searchtools.js", "language_data.js", "searchindex.js"):
        assert script in search
    assert re.search(r'<button class="btn search-button-field[^>]*>', index)
    assert not re.search(r'<button class="btn search-button-field[^>]*aria-label', index)
    assert "togglebutton.js" not in index and "togglebutton.js" in (out / "chapter.html").read_text(encoding="utf-8")


def test_each_accessibility_fix_still_finds_what_it_fixes(book):
    without = [name for name in runpy.run_path(str(book / "conf.py"))["extensions"] if name != "book_html"]
    raw, _ = build(book, extensions=without, outdir="raw", execute=False)
    applied = set()
    for name in ("chapter", "sources"):
        _, fixes = book_html.rewrite_page((raw / f"{name}.html").read_text(encoding="utf-8"))
        applied |= fixes
    assert applied == set(range(len(book_html._FIXES))), "a fix no longer matches the markup: is it still needed?"
    fixed, _ = build(book, execute=False)
    for name in ("chapter", "sources"):
        page = (fixed / f"{name}.html").read_text(encoding="utf-8")
        assert all(not pattern.search(page) for pattern, *_ in book_html._FIXES), name


def test_the_icon_font_is_cut_down_to_the_icons_shown(book):
    out, _ = build(book, execute=False)
    font = out / "_static" / "vendor" / "fontawesome" / "webfonts" / "fa-solid-900.woff2"
    assert font.exists() and font.stat().st_size < 20_000


# --- bib_years: works of one author in one year get letters ------------------------------------------------------


def test_two_works_of_one_author_in_one_year_get_a_and_b(tmp_path):
    source = tmp_path / "book" / "references.bib"
    source.parent.mkdir()
    source.write_text(
        "@misc{k1, author = {Kennedy, John}, title = {Beta}, year = {1961}}\n"
        "@misc{k2, author = {Kennedy, John}, title = {Alpha}, year = {1961}}\n"
        "@misc{k3, author = {Kennedy, John}, title = {Gamma}, year = {1962}}\n",
        encoding="utf-8",
    )
    copy = Path(bib_years.disambiguated_copy(source)).read_text(encoding="utf-8")
    years = dict(re.findall(r"@misc\{(k\d),.*?year = \"?\{?(\d{4}[a-z]?)", copy, re.S))
    assert years == {"k1": "1961b", "k2": "1961a", "k3": "1962"}
    assert "1961a" not in source.read_text(encoding="utf-8"), "the book's own file is never changed"
