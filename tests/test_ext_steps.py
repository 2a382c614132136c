"""Unit tests of book/_ext/steps.py on the widget test book (tests/roots/widgets): "Next hint" and "Put the lines in order".

The chapter's code exercise chapter-total has two hints and a scaffold, and a solution of four statements;
chapter-verdicts' solution is one dict over five lines (no Parsons problem: its lines could go in any
order); the other exercises are widgets, with hints but no code to order.
"""

from __future__ import annotations

import html
import re

import exercises
from widget_book import FILTER, declared, deferred_script, json_script, page, site, student_site, stylesheet  # noqa: F401

pytestmark = FILTER
from steps import judge  # noqa: E402  (book/_ext, which widget_book puts on the path as conf.py does)


def text(markup: str) -> str:
    """The page as text: tags dropped (a highlighted solution is split by spans), entities read."""
    return html.unescape(re.sub(r"<[^>]+>", "", markup))

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


def test_a_code_exercise_gets_its_solution_lines_jumbled_with_keys_not_the_order(site, declared):
    parsons = steps(site)["chapter-total"]["parsons"]
    assert parsons["mode"] == "lines" and parsons["length"] == len(SOLUTION)
    assert sorted(parsons["lines"]) == sorted(SOLUTION) and parsons["lines"] != SOLUTION, "the lines come jumbled"
    assert "answer" not in parsons, "the right order is not in the page as such"
    assert judge("chapter-total", parsons, SOLUTION) == (True, len(SOLUTION))
    assert judge("chapter-total", parsons, [SOLUTION[1], SOLUTION[0], *SOLUTION[2:]]) == (False, 0)
    assert judge("chapter-total", parsons, parsons["lines"])[0] is False, "the jumble shown is not itself right"


def test_a_dict_of_verdicts_gets_pairs_and_a_widget_gets_no_lines_to_order(site, declared):
    data = steps(site)
    assert {exercise_id: entry["parsons"]["mode"] for exercise_id, entry in data.items() if "parsons" in entry} == {
        "chapter-total": "lines", "chapter-verdicts": "pairs"}
    pairs = data["chapter-verdicts"]["parsons"]
    right = ["verdicts = {", '    "first": True,', '    "second": False,', '    "third": True,', "}"]
    assert sorted(pairs["lines"]) == sorted([*right, '    "first": False,', '    "second": True,', '    "third": False,'])
    assert judge("chapter-verdicts", pairs, right) == (True, len(right))


def test_the_student_edition_has_the_same_hints_and_lines_but_no_solution(site, student_site, declared):
    data = steps(student_site)
    assert data == steps(site), "both editions get the same hints and the same jumbled lines"
    solution = "\n".join(SOLUTION)
    assert solution not in text(page(student_site)), "the solution, in order, is in the student edition"
    assert solution in text(page(site)), "the full edition shows the solution (the test above can fail)"


def test_the_hints_script_is_loaded_only_on_pages_with_exercises(site):
    assert deferred_script(page(site), "hints.js") and stylesheet(page(site), "hints.css")
    for name in ("index", "glossary", "revise", "notes"):
        markup = page(site, name)
        assert not deferred_script(markup, "hints.js") and 'id="exercise-steps"' not in markup, name
