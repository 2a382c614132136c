"""book/_ext/teachers.py on the small test book: the print style and the book's version on every page,
"Download my work" on pages with exercises, the class overview's script and its index of exercises."""

from __future__ import annotations

import json
import re

import exercises
from exercises import _book

from conftest import BOOK
from small_book import MARKS, pages_built  # noqa: F401  (a fixture)

import teachers  # noqa: E402  (book/_ext, on the path from small_book)

pytestmark = MARKS

PAGES = ("index", "chapter", "sources", "citations", "class-overview", "search", "genindex")


def head(out, name: str) -> str:
    page = (out / f"{name}.html").read_text(encoding="utf-8")
    return page[: page.index("</head>")]


def test_every_page_has_the_print_style_and_the_books_version(pages_built):
    for name in PAGES:
        top = head(pages_built, name)
        assert re.search(r'<link media="print" rel="stylesheet" type="text/css" href="_static/print\.css', top), name
        assert top.count('<meta name="ttb-book-version"') == 1, name
        assert f'<meta name="ttb-book-version" content="{exercises.__version__}">' in top, name
    assert (pages_built / "_static" / "print.css").exists()


def test_download_my_work_is_on_the_pages_with_exercises_only(pages_built):
    for name in PAGES:
        top = head(pages_built, name)
        has = bool(re.search(r'<script defer="defer" src="_static/mywork\.js', top))
        assert has == (name == "chapter"), name
        assert ("_static/mywork.css" in top) == (name == "chapter"), name
    assert (pages_built / "_static" / "mywork.js").exists()


def test_the_class_overview_gets_its_script_and_the_index_of_every_exercise(pages_built):
    for name in PAGES:
        page = (pages_built / f"{name}.html").read_text(encoding="utf-8")
        overview = name == "class-overview"
        assert bool(re.search(r'<script defer="defer" src="_static/overview\.js', page)) == overview, name
        assert ("_static/overview.css" in page) == overview, name
        assert ('id="ttb-exercises"' in page) == overview, name
    page = (pages_built / "class-overview.html").read_text(encoding="utf-8")
    (block,) = re.findall(r'<script type="application/json" id="ttb-exercises">(.*?)</script>', page, re.S)
    data = json.loads(block)
    assert set(data) == set(exercises.ids())
    assert all(entry == {"chapter": exercises.chapter_of(key), "page": f"{exercises.chapter_of(key)}.html", "order": entry["order"]}
               for key, entry in data.items())
    assert sorted(entry["order"] for entry in data.values()) == list(range(len(data)))


def test_the_index_of_exercises_follows_the_books_chapter_order():
    block = teachers._exercise_index(BOOK)
    assert block.startswith('<script type="application/json" id="ttb-exercises">') and block.count("<") == 2
    data = json.loads(block[block.index(">") + 1: block.rindex("</script>")])
    by_order = sorted(data, key=lambda key: data[key]["order"])
    chapters = _book.chapters(BOOK)
    # The primer's exercises (an exercise page, not a chapter) come after the chapters'.
    rank = [chapters.index(data[key]["chapter"]) if data[key]["chapter"] in chapters else len(chapters) for key in by_order]
    assert rank == sorted(rank), "an exercise of an earlier chapter comes first"
    assert set(rank) - {len(chapters)} == set(range(len(chapters))), "every chapter has exercises in the index"
