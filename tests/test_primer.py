"""The first page, "Python for historians": an exercise page before the chapters, teaching what the exercises use."""

from __future__ import annotations

import re

import exercises
from conftest import BOOK, chapters, exercise_pages, toctree_pages
from exercises import _book

PAGE = "python-for-historians"


def text() -> str:
    return (BOOK / f"{PAGE}.md").read_text(encoding="utf-8")


def test_the_primer_comes_first_and_is_an_exercise_page_but_not_a_chapter():
    assert toctree_pages()[0] == PAGE
    assert exercise_pages()[0] == PAGE
    assert PAGE not in chapters(), "the primer has no quiz, exam questions or workbook"
    assert exercise_pages()[1:] == chapters()


def test_the_primer_teaches_what_the_exercises_need():
    body = text()
    for thing in ("for row in rows:", "if ", "sum(", "sorted(", "def ", "[", '["refugees"]', 'load("refugees")', 'load("events")'):
        assert thing in body, thing
    for term in ("**list**", "**dictionary**", "**function**"):
        assert term in body, term


def test_the_primer_is_written_one_sentence_per_line():
    prose = _book.cells(text())
    for cell in prose:
        if cell.kind != "markdown":
            continue
        for line in cell.source.splitlines():
            if line.startswith((":", "```", "#", "(")):
                continue
            # a sentence ends a line: no ". X" inside a line (inline code and e.g. are not sentences)
            plain = re.sub(r"`[^`]*`", "code", line)
            assert not re.search(r"[.?!] [A-Z]", plain), line


def test_each_primer_exercise_is_checked_and_has_hints_in_steps():
    declared = [i for i in exercises.ids() if exercises.chapter_of(i) == PAGE]
    assert len(declared) >= 5
    blocks = _book.exercise_blocks(BOOK, PAGE)
    assert sorted(blocks) == declared
    for exercise_id in declared:
        exercise = exercises.get(exercise_id)
        assert blocks[exercise_id].check == f'check("{exercise_id}", {exercise.name})'
        assert len(exercise.hint_steps()) >= 3
