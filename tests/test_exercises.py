"""Every exercise, three ways and more: the starter is "not attempted", the reference
solution passes, every listed wrong answer fails with a helpful message, and hostile
answers fail quickly without raising or changing shared data."""

from __future__ import annotations

import copy
import time

import pytest

import exercises
from exercises import _core, _data

IDS = exercises.ids()


def test_there_are_exercises():
    assert len(IDS) >= 4


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
    # It never shows the solution.
    assert exercise.solution.strip() not in result.message


@pytest.mark.parametrize("exercise_id", IDS)
def test_id_names_its_chapter(exercise_id):
    assert exercise_id.startswith(exercises.chapter_of(exercise_id) + "-")


@pytest.mark.parametrize("exercise_id", IDS)
def test_starter_is_not_attempted(exercise_id):
    exercise = exercises.get(exercise_id)
    result = exercises.check(exercise_id, exercise.starter_answer())
    assert result.status == "not attempted", result.message
    assert result.passed is False
    assert "not attempted yet" in result.message


@pytest.mark.parametrize("exercise_id", IDS)
def test_reference_solution_passes(exercise_id):
    exercise = exercises.get(exercise_id)
    result = exercises.check(exercise_id, exercise.solution_answer())
    assert result.passed, result.message
    assert result.status == "passed"


@pytest.mark.parametrize("exercise_id", IDS)
def test_wrong_answers_fail_helpfully(exercise_id):
    exercise = exercises.get(exercise_id)
    assert len(exercise.wrong) >= 1, "declare at least one plausible wrong answer"
    for wrong in exercise.wrong:
        result = exercises.check(exercise_id, copy.deepcopy(wrong))
        assert_helpful_failure(result, exercise)


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


@pytest.mark.parametrize("exercise_id", IDS)
@pytest.mark.parametrize("label", list(HOSTILE))
def test_hostile_answers_fail_quickly_and_change_nothing(exercise_id, label, short_limit):
    before = snapshot()
    exercise = exercises.get(exercise_id)
    start = time.monotonic()
    result = exercises.check(exercise_id, HOSTILE[label])
    elapsed = time.monotonic() - start
    assert elapsed < 5, f"{label} took {elapsed:.1f} s"
    assert isinstance(result, exercises.Result)
    assert result.passed is False, result.message
    assert result.message.strip()
    assert snapshot() == before
    # The exercise's own declaration is unchanged too.
    assert exercises.check(exercise_id, exercise.solution_answer()).passed
