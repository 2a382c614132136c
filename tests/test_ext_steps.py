"""Unit tests of book/_ext/steps.py on the widget test book (tests/roots/widgets): "Next hint" and "Put the lines in order".

The chapter's code exercise chapter-total has two hints and a scaffold, and a solution of four statements;
chapter-verdicts' solution is one dict over five lines (no Parsons problem: its lines could go in any
order); the other exercises are widgets, with hints but no code to order.
"""

from __future__ import annotations

import exercises
from widget_book import FILTER, declared, deferred_script, json_script, page, site, student_site, stylesheet  # noqa: F401

pytestmark = FILTER

ON_PAGE = ["chapter-total", "chapter-verdicts", "chapter-choice", "chapter-order", "chapter-match", "chapter-short", "chapter-number"]
# The statements of chapter-total's solution in tests/roots/widgets/chapter.md, in order.
SOLUTION = ["numbers = [1, 2, 3]", "total = 0", "for number in numbers:", "    total = total + number"]


def steps(out) -> dict:
    return json_script(page(out), r'id="exercise-steps"')


def test_every_exercise_of_the_page_gets_its_declared_hints_in_order(site, declared):
    data = steps(site)
    assert list(data) == ON_PAGE
    for exercise_id, entry in data.items():
        assert entry["hints"] == exercises.get(exercise_id).hint_steps(), exercise_id
    assert data["chapter-total"]["hints"][0].startswith("HINT-ONE") and data["chapter-total"]["hints"][1].startswith("HINT-TWO")


def test_a_code_exercise_gets_its_solution_lines_jumbled(site, declared):
    parsons = steps(site)["chapter-total"]["parsons"]
    assert parsons["answer"] == SOLUTION
    assert sorted(parsons["lines"]) == sorted(SOLUTION) and parsons["lines"] != SOLUTION, "the lines come jumbled"


def test_no_lines_to_order_for_a_literal_or_a_widget(site, declared):
    data = steps(site)
    assert [exercise_id for exercise_id, entry in data.items() if "parsons" in entry] == ["chapter-total"]


def test_the_student_edition_has_the_hints_but_no_solution_line(site, student_site, declared):
    data = steps(student_site)
    assert {exercise_id: entry["hints"] for exercise_id, entry in data.items()} == {
        exercise_id: entry["hints"] for exercise_id, entry in steps(site).items()}
    assert not any("parsons" in entry for entry in data.values())
    student = page(student_site)
    assert "total + number" not in student and '"third"' not in student, "a line of a solution is in the student edition"
    assert "total + number" in page(site), "the full edition shows the solution (the test above can fail)"


def test_the_hints_script_is_loaded_only_on_pages_with_exercises(site):
    assert deferred_script(page(site), "hints.js") and stylesheet(page(site), "hints.css")
    for name in ("index", "glossary", "revise", "notes"):
        markup = page(site, name)
        assert not deferred_script(markup, "hints.js") and 'id="exercise-steps"' not in markup, name
