"""Help in steps in the page (book/_ext/steps.py): the hints are each exercise's declared steps, and the
"put the lines in order" version is the chapter's own solution, jumbled the same way every build."""

from __future__ import annotations

import ast
import sys

import pytest

import exercises
from conftest import BOOK, ROOT, exercise_blocks, exercise_pages

sys.path.insert(0, str(ROOT / "book" / "_ext"))
import steps  # noqa: E402

BLOCKS = exercise_blocks()
CODE = [i for i in exercises.ids() if exercises.get(i).kind in steps.CODE_KINDS]


def normalised(code: str) -> str:
    return ast.dump(ast.parse(code))


#: Solutions that are one literal (a dict of True/False verdicts): their lines can go in any order.
LITERAL = {"conclusion-claims-verdict"}
#: Solutions of one or two lines (the primer's first exercises) need no lines to put in order.
SHORT = {i for i in CODE if len(steps.physical_lines(BLOCKS[i].solution[0])) < 3}
ORDERED = [i for i in CODE if i not in LITERAL | SHORT]


def test_almost_every_code_exercise_has_lines_to_put_in_order():
    assert not {i for i in SHORT if not i.startswith("python-for-historians-")}
    assert len(ORDERED) >= len(CODE) - 4


@pytest.mark.parametrize("exercise_id", ORDERED)
def test_the_lines_are_the_solution_statements_and_come_jumbled(exercise_id):
    solution = BLOCKS[exercise_id].solution[0]
    blocks = steps.parsons_blocks(solution)
    assert len(set(blocks)) >= 3
    # Put back in order, the lines are the solution (comments and blank lines aside).
    assert normalised("\n".join(blocks)) == normalised(solution)
    order = steps.shuffled(exercise_id, blocks)
    assert sorted(order) == list(range(len(blocks)))
    assert [blocks[i] for i in order] != blocks, "the jumbled order is not already the answer"
    assert order == steps.shuffled(exercise_id, blocks), "the same order every build"


def test_a_statement_over_several_lines_stays_one_block():
    code = 'total = sum(\n    x\n    for x in rows  # each\n)\n\n# a comment\nif total:\n    print(total)\n'
    assert steps.statement_lines(code) == ["total = sum(\n    x\n    for x in rows  # each\n)", "if total:", "    print(total)"]


@pytest.mark.parametrize("page", exercise_pages())
def test_page_data_has_every_hint_and_the_lines_only_in_the_full_edition(page):
    full = steps.page_data(BOOK, page, student=False)
    student = steps.page_data(BOOK, page, student=True)
    declared = [i for i in exercises.ids() if exercises.chapter_of(i) == page]
    assert sorted(full) == sorted(student) == sorted(declared)
    for exercise_id in declared:
        assert full[exercise_id]["hints"] == student[exercise_id]["hints"] == exercises.get(exercise_id).hint_steps()
        assert "parsons" not in student[exercise_id]
        assert ("parsons" in full[exercise_id]) == (exercise_id in ORDERED)
        if "parsons" in full[exercise_id]:
            parsons = full[exercise_id]["parsons"]
            assert sorted(parsons["lines"]) == sorted(parsons["answer"])
            assert parsons["answer"] == steps.parsons_blocks(BLOCKS[exercise_id].solution[0])
