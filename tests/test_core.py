"""The check machinery itself, on small exercises declared here (not in the registry)."""

from __future__ import annotations

import collections
import signal
import sys
import threading
import time
import types

import pytest

import exercises
from exercises import _core
from exercises._core import (
    Case,
    ChoiceExercise,
    FunctionExercise,
    OrderExercise,
    Result,
    ValueExercise,
    _run_limited,
    TimeLimitExceeded,
    is_placeholder,
    moved,
    swapped,
)
from exercises._data import events_in_order, load

DOUBLE = FunctionExercise(
    id="demo-double",
    name="double",
    hint="Multiply by two.",
    expects="an int, twice x",
    cases=lambda: [Case((1,)), Case((5,)), Case(([1, 2],), "double(a list)")],
    expected=lambda x: 2 * x,
)
FACTOR = ValueExercise(
    id="demo-factor",
    name="factor",
    hint="Divide.",
    expects="a number",
    expected=lambda: 11.0,
    rel_tol=0.05,
)
CHOICE = ChoiceExercise(
    id="demo-choice",
    name="choice",
    hint="Think of who wrote it.",
    expects="one letter",
    options={"A": "first", "B": "second", "C": "third"},
    answer="B",
    feedback={"A": "A is what the source says, not why it was written."},
)
#: Three events of events.csv, in a jumbled order (the right one is a, b, c below).
EVENTS = ("vienna-summit", "berlin-ultimatum", "wall-begins")
ORDER = OrderExercise(
    id="demo-order",
    name="order",
    hint="Look at the dates.",
    expects="the three ids in order",
    events=EVENTS,
    mistakes=[swapped("vienna-summit", "wall-begins", why="The Wall came after Vienna.")],
)


def test_function_exercise_outcomes():
    assert DOUBLE.check(...).status == "not attempted"
    assert DOUBLE.check(lambda x: 2 * x).passed
    wrong = DOUBLE.check(lambda x: x + 1)
    assert not wrong.passed and "double(5) returned 6" in wrong.message and "(too low)" in wrong.message
    wrong = DOUBLE.check(lambda x: 3 * x)
    assert "double(1) returned 3" in wrong.message and "too high" in wrong.message
    assert "takes (a, b)" in DOUBLE.check(lambda a, b: 0).message
    assert "forget a return" in DOUBLE.check(lambda x: None).message
    assert "ZeroDivisionError" in DOUBLE.check(lambda x: 1 / 0).message
    assert "where a function was due" in DOUBLE.check(4).message


def test_only_an_untouched_placeholder_counts_as_not_attempted():
    def double(x):
        """Return twice x."""
        ...  # the starter, typed again

    def bare(x):
        ...

    def empty(x):
        pass

    def documented(x):
        """Only a docstring."""

    def attempt(x):
        """Return twice x."""
        y = 2 * x

    for placeholder in (double, bare, empty, documented, ...):
        assert is_placeholder(placeholder), placeholder
        assert DOUBLE.check(placeholder).status == "not attempted"
    for answer in (attempt, lambda x: None, None, 0, "...", [...], double.__code__):
        assert not is_placeholder(answer), answer
    assert "forget a return" in DOUBLE.check(attempt).message
    assert "forget a return" in DOUBLE.check(lambda x: None).message


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
    assert FACTOR.check([...]).status == "failed"
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


def test_order_exercise_computes_its_order_titles_and_wrong_answers_from_the_events_table():
    titles = {row["id"]: row["title"] for row in load("events") if row["id"] in EVENTS}
    right = events_in_order(EVENTS)
    assert right == ["berlin-ultimatum", "vienna-summit", "wall-begins"]
    assert ORDER.items() == right and ORDER.titles() == titles
    assert ORDER.wrong_answers() == [list(EVENTS), ["berlin-ultimatum", "wall-begins", "vienna-summit"]]
    assert ORDER.check(...).status == "not attempted"
    assert ORDER.check(right).passed
    assert ORDER.check([titles[key] for key in right]).passed
    # a declared mistake names its own pair and its misconception
    message = ORDER.check(["berlin-ultimatum", "wall-begins", "vienna-summit"]).message
    assert f"Got: 'wall-begins' ({titles['wall-begins']}) placed before 'vienna-summit' ({titles['vienna-summit']})." in message
    assert "Those two are out of order: put them in the order they happened. The Wall came after Vienna." in message
    # any other order names its first pair out of order
    message = ORDER.check(["vienna-summit", "berlin-ultimatum", "wall-begins"]).message
    assert f"Got: 'vienna-summit' ({titles['vienna-summit']}) placed before 'berlin-ultimatum' ({titles['berlin-ultimatum']})." in message
    assert "The Wall came after Vienna." not in message
    assert "without 'wall-begins'" in ORDER.check(["berlin-ultimatum", "vienna-summit"]).message
    assert "more than once" in ORDER.check(["berlin-ultimatum", "vienna-summit", "vienna-summit", "wall-begins"]).message
    assert "not one of the items" in ORDER.check(["berlin-ultimatum", "vienna-summit", "z"]).message


def test_moved_and_swapped_make_the_wrong_orders_they_name():
    right = ["a", "b", "c", "d"]
    assert swapped("a", "c").apply(right) == ["c", "b", "a", "d"]
    assert swapped("a", "c").pair(right) == ("c", "a")
    assert moved("d", before="b").apply(right) == ["a", "d", "b", "c"]
    assert moved("d", before="b").pair(right) == ("d", "b")
    assert moved("a", after="c").apply(right) == ["b", "c", "a", "d"]
    assert moved("a", after="c").pair(right) == ("c", "a")
    assert moved("a", before="d").apply(right) == ["b", "c", "a", "d"]
    assert moved("a", before="d").pair(right) == ("a", "d")
    assert moved("d", after="a").pair(right) == ("a", "d")
    with pytest.raises(TypeError):
        moved("a")
    with pytest.raises(KeyError):
        swapped("a", "z").apply(right)


def test_time_limit_stops_every_kind_of_loop_and_restores_state():
    def busy():
        while True:
            pass

    def sleepy():
        time.sleep(30)

    before_trace = sys.gettrace()
    before_handler = signal.getsignal(signal.SIGALRM)
    for function in (busy, sleepy):
        with pytest.raises(TimeLimitExceeded):
            _run_limited(function, 0.5)
    assert sys.gettrace() is before_trace
    assert signal.getsignal(signal.SIGALRM) == before_handler


def test_a_single_call_into_c_finishes_before_the_limit_applies(monkeypatch):
    """As the module docstring says: sum(range(10**9)) runs to its end, then the check stops."""
    ticks = []
    # A clock that moves only when the C call below appends to `ticks`: no real time is measured.
    monkeypatch.setattr(_core, "time", types.SimpleNamespace(monotonic=lambda: len(ticks)))
    after = []

    def student():
        collections.deque(map(ticks.append, range(10)), maxlen=0)  # one call into C, past the deadline of 3
        after.append("the next Python step ran")

    with pytest.raises(TimeLimitExceeded):
        _run_limited(student, 3)
    assert len(ticks) == 10, "the C call was cut short"
    assert after == [], "the limit did not apply right after the C call"


def test_off_the_main_thread_the_trace_stops_loops_without_the_alarm():
    seen = {}

    def busy():
        seen["handler"] = signal.getsignal(signal.SIGALRM)
        seen["timer"] = signal.getitimer(signal.ITIMER_REAL)
        while True:
            pass

    def in_thread():
        try:
            _run_limited(busy, 0.3)
        except TimeLimitExceeded:
            seen["stopped"] = True

    worker = threading.Thread(target=in_thread)
    worker.start()
    worker.join(timeout=60)  # a generous bound, so a failure cannot hang the suite
    assert seen.get("stopped") is True
    assert seen["handler"] == signal.getsignal(signal.SIGALRM) and seen["timer"] == (0.0, 0.0), "no alarm off the main thread"
    # On the main thread the alarm is armed while student code runs.
    _run_limited(lambda: seen.update(main=(signal.getsignal(signal.SIGALRM), signal.getitimer(signal.ITIMER_REAL))), 0.3)
    assert seen["main"][0] not in (signal.SIG_DFL, signal.SIG_IGN) and seen["main"][1][0] > 0


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
