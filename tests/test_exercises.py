"""Every exercise, three ways and more, from the code its chapter shows: the chapter's
starter cell is "not attempted", the chapter's solution cell passes, every known wrong
answer fails with a helpful message, and hostile answers fail without raising, within
the time limit, and without changing shared data."""

from __future__ import annotations

import ast
import copy
import inspect
import re

import pytest

import exercises
from conftest import exercise_blocks
from exercises import _core, _data

IDS = exercises.ids()
#: Exercise id -> where its code stands in its chapter (the one source of the starter and the solution).
BLOCKS = exercise_blocks()


def starter_answer(exercise_id):
    """What the chapter's untouched starter cell defines."""
    return exercises.get(exercise_id).run_source(BLOCKS[exercise_id].starter)


def solution_answer(exercise_id):
    """What the first cell of the chapter's solution block defines."""
    return exercises.get(exercise_id).run_source(BLOCKS[exercise_id].solution[0])


def test_there_are_exercises_and_each_has_its_code_in_its_chapter():
    assert len(IDS) >= 4
    assert sorted(BLOCKS) == IDS
    for exercise_id, block in BLOCKS.items():
        assert block.page == exercises.chapter_of(exercise_id)
        assert block.starter and block.check and block.solution, exercise_id


@pytest.fixture
def short_limit():
    """Hostile loops are stopped after half a second, so the suite stays quick."""
    before = _core.config.time_limit
    _core.config.time_limit = 0.5
    yield 0.5
    _core.config.time_limit = before


def snapshot():
    return {name: (_data.sha256(name), _data.load(name)) for name in _data.tables()}


def assert_helpful_failure(result, exercise):
    assert result.passed is False
    assert result.status == "failed"
    assert result.message.strip()
    assert f"Expected: {exercise.expects}" in result.message
    assert "Got:" in result.message
    assert "Hint:" in result.message
    # It never shows the solution: neither the chapter's solution cell nor any long line of it.
    block = BLOCKS[exercise.id]
    solution = block.solution[0]
    assert solution.strip() not in result.message
    for line in solution.splitlines():
        line = line.strip()
        if len(line) > 25 and line not in block.starter:
            assert line not in result.message, f"{exercise.id}: the message shows the solution line {line!r}"


@pytest.mark.parametrize("exercise_id", IDS)
def test_id_names_its_chapter(exercise_id):
    assert exercise_id.startswith(exercises.chapter_of(exercise_id) + "-")


@pytest.mark.parametrize("exercise_id", IDS)
def test_starter_is_not_attempted(exercise_id):
    result = exercises.check(exercise_id, starter_answer(exercise_id))
    assert result.status == "not attempted", result.message
    assert result.passed is False
    assert "not attempted yet" in result.message
    assert _core.is_placeholder(starter_answer(exercise_id)), "a starter leaves its answer as a placeholder"


@pytest.mark.parametrize("exercise_id", IDS)
def test_chapter_cells_define_the_declared_name_and_check_it(exercise_id):
    exercise = exercises.get(exercise_id)
    assert BLOCKS[exercise_id].check.strip() == f'check("{exercise_id}", {exercise.name})'
    assert BLOCKS[exercise_id].solution[-1].strip() == f'check("{exercise_id}", {exercise.name})'
    if exercise.kind == "function":
        # Messages name the arguments of the module's own function: they are the starter's.
        shown = list(inspect.signature(starter_answer(exercise_id)).parameters)
        assert shown == list(inspect.signature(exercise.expected).parameters)
        assert list(inspect.signature(solution_answer(exercise_id)).parameters) == shown


@pytest.mark.parametrize("exercise_id", IDS)
def test_reference_solution_passes(exercise_id):
    result = exercises.check(exercise_id, solution_answer(exercise_id))
    assert result.passed, result.message
    assert result.status == "passed"


@pytest.mark.parametrize("exercise_id", IDS)
def test_wrong_answers_fail_helpfully(exercise_id):
    exercise = exercises.get(exercise_id)
    wrong_answers = exercise.wrong_answers()
    assert len(wrong_answers) >= 1, "declare at least one plausible wrong answer"
    for wrong in wrong_answers:
        result = exercises.check(exercise_id, copy.deepcopy(wrong))
        assert_helpful_failure(result, exercise)


@pytest.mark.parametrize("exercise_id", [i for i in IDS if exercises.get(i).kind == "order"])
def test_the_chapter_lists_the_events_to_order_as_declared(exercise_id):
    exercise = exercises.get(exercise_id)
    block = BLOCKS[exercise_id]
    quoted = re.findall(r'"([a-z0-9-]+)"', block.task + "\n" + block.starter)
    shown = list(dict.fromkeys(key for key in quoted if key in exercise.events))
    assert shown == list(exercise.events), "the task shows every event, in the order of `events`"
    assert shown != exercise.items(), "the task does not give the answer away"


@pytest.mark.parametrize("exercise_id", [i for i in IDS if exercises.get(i).kind == "order"])
def test_each_known_misorder_is_named(exercise_id):
    exercise = exercises.get(exercise_id)
    assert len(exercise.mistakes) >= 2, "name at least two plausible slips"
    right, titles = exercise.items(), exercise.titles()
    for mistake in exercise.mistakes:
        first, second = mistake.pair(right)
        message = exercises.check(exercise_id, mistake.apply(right)).message
        assert f"Got: '{first}' ({titles[first]}) placed before '{second}' ({titles[second]})." in message


@pytest.mark.parametrize("exercise_id", IDS)
def test_hint_is_given(exercise_id):
    note = exercises.hint(exercise_id)
    assert exercises.get(exercise_id).hint in note
    assert len(exercises.get(exercise_id).hint) > 10


def _raises(*args, **kwargs):
    raise ValueError("a student's bug")


def _loops(*args, **kwargs):
    while True:
        pass


def _loops_and_swallows(*args, **kwargs):
    while True:
        try:
            pass
        except BaseException:
            pass


def _mutates(*args, **kwargs):
    for arg in args:
        if isinstance(arg, list):
            for item in arg:
                if isinstance(item, dict):
                    for key in list(item):
                        item[key] = None
            arg.clear()
        elif isinstance(arg, dict):
            arg.clear()
    return 0


def _returns_none(*args, **kwargs):
    """Does some work and forgets to return it (an empty body would be an untouched placeholder)."""
    found = [arg for arg in args if arg]
    return None


class _Nasty:
    """An answer whose comparison loops forever and whose repr raises."""

    def __eq__(self, other):
        while True:
            pass

    __hash__ = object.__hash__

    def __repr__(self):
        raise RuntimeError("no repr for you")


HOSTILE = {
    "None": None,
    "a string": "not an answer",
    "an int": 42,
    "a list": [1, 2, 3],
    "a raising function": _raises,
    "a looping function": _loops,
    "a loop that swallows exceptions": _loops_and_swallows,
    "a mutating function": _mutates,
    "a function returning None": _returns_none,
    "an object with a looping __eq__": _Nasty(),
}


#: The hostile answers that run forever when a check calls them (only a FunctionExercise calls an answer;
#: the other kinds reject a function, or an object of the wrong type, before comparing it).
LOOPING = {"a looping function", "a loop that swallows exceptions"}


@pytest.mark.parametrize("exercise_id", IDS)
@pytest.mark.parametrize("label", list(HOSTILE))
def test_hostile_answers_fail_within_the_limit_and_change_nothing(exercise_id, label, short_limit):
    before = snapshot()
    exercise = exercises.get(exercise_id)
    result = exercises.check(exercise_id, HOSTILE[label])
    assert isinstance(result, exercises.Result)
    assert result.passed is False, result.message
    assert result.status == "failed"
    assert f"Expected: {exercise.expects}" in result.message and "Hint:" in result.message
    # A loop is stopped by the time limit and told so; nothing else is reported as one.
    stopped = "your code was still running after 0.5 seconds, so it was stopped" in result.message
    assert stopped == (exercise.kind == "function" and label in LOOPING), result.message
    assert snapshot() == before
    # The exercise's own declaration is unchanged too: the reference still passes (with the usual time limit, so
    # that a loaded machine cannot stop the reference itself at half a second).
    _core.config.time_limit = _core._default_time_limit()
    assert exercises.check(exercise_id, solution_answer(exercise_id)).passed


# --- hints in steps (hint(id, 1), hint(id, 2), ...), ending in a scaffold for code ---------------

CODE_IDS = [i for i in IDS if exercises.get(i).kind in ("function", "value")]


def long_solution_lines(exercise_id):
    """The lines of the chapter's solution (over 25 characters) that its starter does not show."""
    block = BLOCKS[exercise_id]
    return [line.strip() for line in block.solution[0].splitlines() if len(line.strip()) > 25 and line.strip() not in block.starter]


@pytest.mark.parametrize("exercise_id", CODE_IDS)
def test_code_exercise_has_hints_in_steps_ending_in_a_scaffold_that_is_not_the_solution(exercise_id, short_limit):
    exercise = exercises.get(exercise_id)
    steps = exercise.hint_steps()
    assert len(steps) >= 3, "the hint, at least one more step, and a scaffold"
    assert steps[0] == exercise.hint
    last = steps[-1]
    tree = ast.parse(last)  # the scaffold is Python with ... where the student's code goes
    assert any(isinstance(node, ast.Constant) and node.value is Ellipsis for node in ast.walk(tree)), "a scaffold leaves gaps"
    for line in long_solution_lines(exercise_id):
        assert line not in last, f"the scaffold shows the solution line {line!r}"
    assert last.strip() != BLOCKS[exercise_id].solution[0].strip()
    try:
        answer = exercise.run_source(last)
    except Exception:  # a gap (...) that breaks the code when run: not a solution either
        return
    result = exercises.check(exercise_id, answer)
    assert not result.passed, "the scaffold, run as it is, passes the check"


@pytest.mark.parametrize("exercise_id", CODE_IDS)
def test_hint_gives_each_step_by_number(exercise_id):
    steps = exercises.get(exercise_id).hint_steps()
    for number, text in enumerate(steps, 1):
        note = exercises.hint(exercise_id, number)
        assert text in note and f"Hint {number} of {len(steps)}" in note
        assert ("next step" in note) == (number < len(steps))
    assert steps[-1] in exercises.hint(exercise_id, len(steps) + 5)
    assert "hint(" in exercises.hint(exercise_id) and "2)" in exercises.hint(exercise_id)


def test_hint_step_that_is_not_a_number_says_how_to_ask():
    exercise_id = CODE_IDS[0]
    for bad in (0, -1, "2", 1.5, True):
        note = exercises.hint(exercise_id, bad)
        assert "from 1 to" in note and f'hint("{exercise_id}", 1)' in note
