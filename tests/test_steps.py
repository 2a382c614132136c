"""Help in steps in the page (book/_ext/steps.py): the hints are each exercise's declared steps, and every
code exercise has a "put the lines in order" version (a Parsons problem) made from the chapter's own
solution, in both editions, whose page data holds keys of the right first lines but never the right order."""

from __future__ import annotations

import ast
import json
import random
import shutil
import subprocess
import sys

import pytest

import exercises
from conftest import BOOK, ROOT, exercise_blocks, exercise_pages

sys.path.insert(0, str(ROOT / "book" / "_ext"))
import steps  # noqa: E402

BLOCKS = exercise_blocks()
CODE = [i for i in exercises.ids() if exercises.get(i).kind in steps.CODE_KINDS]
SCRIPT = ROOT / "book" / "_static" / "hints.js"


def normalised(code: str) -> str:
    return ast.dump(ast.parse(code))


def solution(exercise_id: str) -> str:
    return BLOCKS[exercise_id].solution[0]


PARSONS = {i: steps.parsons(exercises.get(i), solution(i)) for i in CODE}


def right_items(exercise_id: str) -> list[str]:
    """The items of the reference solution, in its order, as the Parsons problem cuts them."""
    data = PARSONS[exercise_id]
    if data["mode"] == "lines":
        return steps.parsons_blocks(solution(exercise_id))
    if data["mode"] == "pairs":
        return steps.physical_lines(solution(exercise_id))
    return steps._pieces(solution(exercise_id))[0]


def test_every_code_exercise_has_at_least_two_hint_steps_and_a_parsons_problem_in_both_editions():
    assert len(CODE) >= 20
    seen = set()
    for page in exercise_pages():
        full = steps.page_data(BOOK, page, student=False)
        student = steps.page_data(BOOK, page, student=True)
        assert full == student, "both editions get the same hints and Parsons problems"
        for exercise_id, entry in full.items():
            if exercise_id in CODE:
                assert len(entry["hints"]) >= 2 and len(exercises.get(exercise_id).steps) >= 1, exercise_id
                assert entry["parsons"]["lines"], exercise_id
                seen.add(exercise_id)
    assert seen == set(CODE)
    modes = {data["mode"] for data in PARSONS.values()}
    assert modes == {"lines", "pieces", "pairs"}


@pytest.mark.parametrize("exercise_id", CODE)
def test_the_parsons_problem_is_the_solution_jumbled_and_its_right_order_is_accepted(exercise_id):
    data = PARSONS[exercise_id]
    right = right_items(exercise_id)
    # The items shown are the solution's (with one opposite twin per verdict line), never in the right order.
    if data["mode"] == "pairs":
        assert sorted(set(data["lines"]) - set(right)) and len(data["lines"]) == 2 * len(right) - 2
    else:
        assert sorted(data["lines"]) == sorted(right)
        assert data["lines"] != right, "the jumbled order is not already the answer"
    assert steps.judge(exercise_id, data, right) == (True, len(right))
    assert steps.judge(exercise_id, data, data["lines"])[0] is False
    assert steps.judge(exercise_id, data, right[:-1]) == (False, len(right) - 1), "too few items is not right"
    # Put back in order, the items are the solution.
    if data["mode"] == "pieces":
        starts = steps._pieces(solution(exercise_id))[1]
        assert normalised(steps.assemble(right, starts)) == normalised(solution(exercise_id))
    else:
        assert normalised("\n".join(right)) == normalised(solution(exercise_id))
    assert data == steps.parsons(exercises.get(exercise_id), solution(exercise_id)), "the same every build"


@pytest.mark.parametrize("exercise_id", CODE)
def test_the_page_data_holds_no_right_order_in_plain_text(exercise_id):
    data = PARSONS[exercise_id]
    assert set(data) <= {"mode", "lines", "length", "prefixes", "starts"}
    assert all(len(key) == 8 and int(key, 16) >= 0 for key in data["prefixes"])
    text = json.dumps(data, ensure_ascii=False)
    assert json.dumps(right_items(exercise_id), ensure_ascii=False)[1:-1] not in text


def test_a_short_solution_is_cut_into_pieces_and_any_order_that_passes_is_right():
    rise = "python-for-historians-rise"
    assert PARSONS[rise]["mode"] == "pieces"
    assert sorted(PARSONS[rise]["lines"]) == sorted(["rise =", "331_000", "-", "182_000"])
    assert steps.judge(rise, PARSONS[rise], ["rise =", "182_000", "-", "331_000"]) == (False, 1), "the wrong way round"
    first = "python-for-historians-first-row"
    assert steps.statement_pieces('first_refugees = rows[0]["refugees"]') == ["first_refugees =", "rows", "[0]", '["refugees"]']
    # Taking the first row in the line that loads the table also gives the right answer, so it is accepted too.
    other = ["rows =", "load", '("refugees")', "[0]", "first_refugees =", "rows", '["refugees"]']
    assert steps.judge(first, PARSONS[first], other) == (True, 7)
    assert steps.assemble(other, [True, False, False, False, True, False, False]) == 'rows = load("refugees")[0]\nfirst_refugees = rows["refugees"]'
    assert steps.judge(first, PARSONS[first], ["rows =", "load", '("refugees")', "first_refugees =", "rows", '["refugees"]', "[0]"])[0] is False


def test_a_dict_of_verdicts_is_a_choice_between_paired_lines():
    verdicts = "conclusion-claims-verdict"
    data = PARSONS[verdicts]
    assert data["mode"] == "pairs"
    right = right_items(verdicts)
    wrong = list(right)
    wrong[3] = wrong[3].replace("True", "False") if "True" in wrong[3] else wrong[3].replace("False", "True")
    assert steps.judge(verdicts, data, wrong) == (False, 3)
    assert steps.judge(verdicts, data, data["lines"]) == (False, 2), "every line used: the second of the first pair is extra"


def test_a_statement_over_several_lines_stays_one_block():
    code = 'total = sum(\n    x\n    for x in rows  # each\n)\n\n# a comment\nif total:\n    print(total)\n'
    assert steps.statement_lines(code) == ["total = sum(\n    x\n    for x in rows  # each\n)", "if total:", "    print(total)"]


def test_the_page_judges_and_assembles_as_python_does():
    """hints.js, run by node, on the right order, the jumble and random orders of every Parsons problem."""
    node = shutil.which("node")
    assert node, "node is needed (it comes with npm, which `make runtime` uses)"
    rng = random.Random(1955)
    cases = []
    for exercise_id, data in PARSONS.items():
        tries = [right_items(exercise_id), data["lines"]] + [rng.sample(data["lines"], len(data["lines"])) for _ in range(20)]
        for given in tries:
            starts = [rng.random() < 0.3 for _ in given]
            cases.append({"id": exercise_id, "data": data, "given": given, "starts": starts,
                          "want": list(steps.judge(exercise_id, data, given)), "code": steps.assemble(given, starts)})
    program = (
        f"const h = require({json.dumps(str(SCRIPT))});"
        "const cases = JSON.parse(require('fs').readFileSync(0, 'utf8'));"
        "process.stdout.write(JSON.stringify(cases.map((c) => [h.judgeParsons(c.id, c.data, c.given), h.assemble(c.given, c.starts)])));"
    )
    out = subprocess.run([node, "-e", program], input=json.dumps(cases), capture_output=True, text=True, timeout=120, check=True)
    got = json.loads(out.stdout)
    assert len(got) == len(cases) > 200
    for case, (judged, code) in zip(cases, got):
        assert judged == case["want"], case["id"]
        assert code == case["code"], case["id"]
    assert {judged[0] for judged, _ in got} == {True, False}


def test_the_keys_are_hashes_that_depend_on_the_order():
    key = steps._key("x", "a", "b")
    assert key == steps._key("x", "a", "b") != steps._key("x", "b", "a")
    assert key == exercises._quiz.fnv1a("x\na\nb") and "\n" not in key, "a key is an FNV-1a hash, not the items"


@pytest.mark.parametrize("page", exercise_pages())
def test_page_data_has_every_hint(page):
    data = steps.page_data(BOOK, page, student=True)
    declared = [i for i in exercises.ids() if exercises.chapter_of(i) == page]
    assert sorted(data) == sorted(declared)
    for exercise_id in declared:
        assert data[exercise_id]["hints"] == exercises.get(exercise_id).hint_steps()
        assert ("parsons" in data[exercise_id]) == (exercise_id in CODE)
