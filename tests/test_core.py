"""The check machinery itself, on small exercises declared here (not in the registry)."""

from __future__ import annotations

import signal
import sys
import time

import pytest

import exercises
from exercises._core import (
    Case,
    ChoiceExercise,
    FunctionExercise,
    OrderExercise,
    Result,
    ValueExercise,
    _run_limited,
    TimeLimitExceeded,
)

DOUBLE = FunctionExercise(
    id="demo-double",
    name="double",
    starter='def double(x):\n    """Return twice x."""\n    ...  # your code here\n',
    solution="def double(x):\n    return 2 * x\n",
    hint="Multiply by two.",
    expects="an int, twice x",
    cases=lambda: [Case((1,)), Case((5,)), Case(([1, 2],), "double(a list)")],
    expected=lambda x: 2 * x,
)
FACTOR = ValueExercise(
    id="demo-factor",
    name="factor",
    starter="factor = ...\n",
    solution="factor = 11.0\n",
    hint="Divide.",
    expects="a number",
    expected=lambda: 11.0,
    rel_tol=0.05,
)
CHOICE = ChoiceExercise(
    id="demo-choice",
    name="choice",
    starter="choice = ...\n",
    solution='choice = "B"\n',
    hint="Think of who wrote it.",
    expects="one letter",
    options={"A": "first", "B": "second", "C": "third"},
    answer="B",
    feedback={"A": "A is what the source says, not why it was written."},
)
ORDER = OrderExercise(
    id="demo-order",
    name="order",
    starter='order = ["c", "a", "b"]\n',
    solution='order = ["a", "b", "c"]\n',
    hint="Look at the dates.",
    expects="the three ids in order",
    items=lambda: ["a", "b", "c"],
    titles=lambda: {"a": "First thing", "b": "Second thing", "c": "Third thing"},
)


def test_function_exercise_outcomes():
    assert DOUBLE.check(DOUBLE.starter_answer()).status == "not attempted"
    assert DOUBLE.check(lambda x: 2 * x).passed
    wrong = DOUBLE.check(lambda x: x + 1)
    assert not wrong.passed and "double(5) returned 6" in wrong.message and "(too low)" in wrong.message
    wrong = DOUBLE.check(lambda x: 3 * x)
    assert "double(1) returned 3" in wrong.message and "too high" in wrong.message
    assert "takes (a, b)" in DOUBLE.check(lambda a, b: 0).message
    assert "forget a return" in DOUBLE.check(lambda x: None).message
    assert "ZeroDivisionError" in DOUBLE.check(lambda x: 1 / 0).message
    assert "where a function was due" in DOUBLE.check(4).message


def test_only_the_untouched_starter_counts_as_not_attempted():
    def double(x):
        """Return twice x."""
        ...  # the starter, typed again

    def empty(x):
        pass

    assert DOUBLE.check(double).status == "not attempted"
    assert DOUBLE.check(...).status == "not attempted"
    assert "forget a return" in DOUBLE.check(empty).message


def test_a_function_that_changes_its_argument_is_told_so_and_harms_nothing():
    data = [1, 2]

    def double(x):
        if isinstance(x, list):
            result = x * 2
            x.append(99)
            return result
        return 2 * x

    result = DOUBLE.check(double)
    assert result.passed and "changed the data" in result.message
    assert data == [1, 2]


def test_value_exercise_tolerance_and_types():
    assert FACTOR.check(...).status == "not attempted"
    assert FACTOR.check(11.4).passed
    assert not FACTOR.check(12.0).passed
    assert "too low" in FACTOR.check(1.1).message
    assert "where a number was due" in FACTOR.check("11").message
    # the message does not give the expected value away
    assert "11.0" not in FACTOR.check(2.0).message


def test_choice_exercise():
    assert CHOICE.check("b").passed and CHOICE.check(" B ").passed and CHOICE.check("(B)").passed
    wrong = CHOICE.check("A")
    assert not wrong.passed and "not why it was written" in wrong.message
    assert "not one of the options" in CHOICE.check("Z").message
    assert "one letter in quotes" in CHOICE.check(2).message


def test_order_exercise_names_first_pair_out_of_order():
    assert ORDER.check(["c", "a", "b"]).status == "not attempted"
    assert ORDER.check(["a", "b", "c"]).passed
    assert ORDER.check(["First thing", "Second thing", "Third thing"]).passed
    message = ORDER.check(["a", "c", "b"]).message
    assert "'c' (Third thing) placed before 'b' (Second thing)" in message
    assert "without 'c'" in ORDER.check(["a", "b"]).message
    assert "more than once" in ORDER.check(["a", "b", "b", "c"]).message
    assert "not one of the items" in ORDER.check(["a", "b", "z"]).message


def test_time_limit_stops_every_kind_of_loop_and_restores_state():
    def busy():
        while True:
            pass

    def sleepy():
        time.sleep(30)

    before_trace = sys.gettrace()
    before_handler = signal.getsignal(signal.SIGALRM)
    for function in (busy, sleepy):
        start = time.monotonic()
        with pytest.raises(TimeLimitExceeded):
            _run_limited(function, 0.5)
        assert time.monotonic() - start < 2
    assert sys.gettrace() is before_trace
    assert signal.getsignal(signal.SIGALRM) == before_handler


def test_default_time_limit_is_a_few_seconds():
    assert 1 <= exercises.config.time_limit <= 10


def test_time_limit_is_reported_as_a_sentence():
    exercises.config.time_limit, before = 0.5, exercises.config.time_limit
    try:
        result = DOUBLE.check(lambda x: [0 for _ in iter(int, 1)])
    finally:
        exercises.config.time_limit = before
    assert not result.passed and "still running after 0.5 seconds" in result.message


def test_check_with_unknown_or_odd_ids_never_raises():
    some_id = exercises.ids()[0]
    assert "Did you mean" in exercises.check(some_id + "x", 1).message
    for odd in (None, 3, ["x"], object()):
        result = exercises.check(odd, 1)
        assert isinstance(result, Result) and not result.passed
    assert "There is no exercise" in exercises.hint("no-such-exercise")


def test_result_shows_as_html_and_text():
    result = CHOICE.check("A")
    html = result._repr_html_()
    assert 'role="status"' in html and "check-failed" in html and "demo-choice" in html
    assert str(result) == result.message == repr(result)
    assert bool(CHOICE.check("B")) is True


def test_registry_refuses_a_duplicate_id():
    from exercises import _core

    with pytest.raises(ValueError):
        _core.register(exercises.get(exercises.ids()[0]))


def test_none_can_be_a_right_answer():
    exercise = FunctionExercise(
        id="demo-find",
        name="find",
        starter="def find(rows, year):\n    ...\n",
        solution="def find(rows, year):\n    return None\n",
        hint="Look for the year.",
        expects="the row's value, or None when no row has that year",
        cases=lambda: [Case(([{"year": 1950, "n": 3}], 1950)), Case(([{"year": 1950, "n": 3}], 1999))],
        expected=lambda rows, year: next((r["n"] for r in rows if r["year"] == year), None),
    )

    def find(rows, year):
        return next((row["n"] for row in rows if row["year"] == year), None)

    def forgets(rows, year):
        found = [row["n"] for row in rows if row["year"] == year]

    assert exercise.check(find).passed
    assert "forget a return" in exercise.check(forgets).message
    assert "1950" in exercise.check(lambda rows, year: 4).message  # a year is not shown as 1,950
