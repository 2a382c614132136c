"""Exercises of the first page, "Python for historians" (book/python-for-historians.md).

The page teaches just the Python the chapters need (numbers, lists, dictionaries of rows,
``for``, ``if``, ``sum``, ``sorted`` and functions), one small checked exercise per idea.
Each exercise is declared once, here, like a chapter's; the page holds its code.
Expected answers are computed from the ``refugees`` and ``events`` tables.
"""

from __future__ import annotations

from ._core import Case, FunctionExercise, ValueExercise, register, scaffold
from ._data import load

BIG = 250_000  # "more than 250,000 people in a year", the threshold of the loop exercise


def _refugees(year):
    return next(row["refugees"] for row in load("refugees") if row["year"] == year)


def _rise_1953():
    return _refugees(1953) - _refugees(1952)


def _crisis_total():
    return sum(_refugees(year) for year in (1959, 1960, 1961))


def _first_row_refugees():
    return load("refugees")[0]["refugees"]


def _big_years():
    return [row["year"] for row in load("refugees") if row["refugees"] > BIG]


def _top_three():
    return sorted((row["refugees"] for row in load("refugees")), reverse=True)[:3]


def _count_events(rows, chapter):
    return len([row for row in rows if row["chapter"] == chapter])


# --- plausible wrong answers --------------------------------------------------------


def _count_every_event(rows, chapter):
    return len(rows)


def _count_other_events(rows, chapter):
    return len([row for row in rows if row["chapter"] != chapter])


def _diagnose_count(result, case):
    rows, chapter = case.args
    if not isinstance(result, int):
        return None
    if result == len(rows) != _count_events(rows, chapter):
        return "That is every event in the table: count only the rows whose chapter is the one asked for."
    if result == _count_other_events(rows, chapter):
        return "That counts the other chapters' events: use == in the if, not !=."
    return None


def _diagnose_rise(answer):
    if not isinstance(answer, int):
        return None
    if answer == -_rise_1953():
        return "The sign is the wrong way round: take the later year (1953) minus the earlier one (1952)."
    if answer == _refugees(1953) + _refugees(1952):
        return "That adds the two years: the rise is the difference, so subtract."
    return None


def _diagnose_big_years(answer):
    if isinstance(answer, list) and answer == [row["refugees"] for row in load("refugees") if row["refugees"] > BIG]:
        return "Those are the refugee figures: keep row['year'], not row['refugees']."
    return None


def _diagnose_top_three(answer):
    if isinstance(answer, list) and answer == sorted(row["refugees"] for row in load("refugees"))[:3]:
        return "Those are the three smallest: sorted() puts the smallest first unless you add reverse=True."
    return None


# --- the exercises ----------------------------------------------------------------

RISE = ValueExercise(
    id="python-for-historians-rise",
    name="rise",
    hint="Python does sums like a calculator: 10 - 3 is 7. Take the figure for 1953 minus the figure for 1952.",
    steps=(
        "Find the two figures in the table above: the row of 1952 and the row of 1953. Type them as plain numbers, without commas (331000, not 331,000).",
        scaffold(
            """
            rise = ... - ...   # the 1953 figure minus the 1952 figure
            """
        ),
    ),
    expects="an int: the refugees of 1953 minus the refugees of 1952",
    expected=_rise_1953,
    diagnose=_diagnose_rise,
    success="The rise came in the year of the workers' uprising of June 1953 in East Germany.",
    wrong=[-_rise_1953(), _refugees(1953) + _refugees(1952), _refugees(1953)],
)

CRISIS_TOTAL = ValueExercise(
    id="python-for-historians-crisis-total",
    name="crisis_total",
    hint="Put the three figures in a list, in square brackets and separated by commas, then give the list to sum().",
    steps=(
        "The figures for 1959, 1960 and 1961 are in the table above. A list of them looks like [144000, ..., ...]. sum(a_list) adds up every number in it.",
        scaffold(
            """
            crisis = [..., ..., ...]   # the figures of 1959, 1960 and 1961
            crisis_total = sum(...)
            """
        ),
    ),
    expects="an int: the refugees of 1959, 1960 and 1961 added up",
    expected=_crisis_total,
    wrong=[_refugees(1959) + _refugees(1960), _refugees(1961)],
)

FIRST_ROW = ValueExercise(
    id="python-for-historians-first-row",
    name="first_refugees",
    hint="rows[0] is the first row (Python counts from 0), and a row's value is found by its column name in square brackets.",
    steps=(
        "A row is a dictionary: row['year'] gives its year and row['refugees'] its number of refugees. So first take rows[0], then ask it for 'refugees'.",
        scaffold(
            """
            rows = load("refugees")
            first_row = rows[...]              # the first row
            first_refugees = first_row[...]    # the name of the column, in quotes
            """
        ),
    ),
    expects="an int: the number of refugees in the first row of the refugees table",
    expected=_first_row_refugees,
    say_direction=False,
    wrong=[1949, load("refugees")[1]["refugees"]],
)

BIG_YEARS = ValueExercise(
    id="python-for-historians-big-years",
    name="big_years",
    hint="Start with an empty list. Go through the rows with for, and when a row's refugees are more than 250,000, add its year to the list.",
    steps=(
        "Inside the loop, write an if that compares row['refugees'] with 250_000 using >. Under the if, big_years.append(row['year']) adds the year to the list.",
        scaffold(
            """
            rows = load("refugees")
            big_years = []
            for row in rows:
                if ...:                     # more than 250,000 refugees
                    big_years.append(...)   # this row's year
            """
        ),
    ),
    expects="a list of the years (in table order) in which more than 250,000 refugees registered",
    expected=_big_years,
    diagnose=_diagnose_big_years,
    wrong=[
        [row["refugees"] for row in load("refugees") if row["refugees"] > BIG],  # the figures, not the years
        [row["year"] for row in load("refugees") if row["refugees"] < BIG],  # the small years
    ],
)

TOP_THREE = ValueExercise(
    id="python-for-historians-top-three",
    name="top_three",
    hint="Make a list of every year's figure, sort it with the biggest first (sorted(a_list, reverse=True)), then keep the first three with [:3].",
    steps=(
        "Build the list of figures with a loop: start with figures = [] and append row['refugees'] for every row. Then sorted(figures, reverse=True) gives a new list, biggest first.",
        scaffold(
            """
            rows = load("refugees")
            figures = []
            for row in rows:
                figures.append(...)
            top_three = sorted(figures, ...)[...]   # biggest first, then the first three
            """
        ),
    ),
    expects="a list of the three biggest yearly refugee figures, biggest first",
    expected=_top_three,
    diagnose=_diagnose_top_three,
    wrong=[sorted(row["refugees"] for row in load("refugees"))[:3], _top_three()[::-1]],
)

COUNT_EVENTS = FunctionExercise(
    id="python-for-historians-count-events",
    name="count_events",
    hint="Inside the function, start a count at 0, go through the rows, add 1 for each row whose row['chapter'] equals chapter, and return the count.",
    steps=(
        "A function gets its inputs as arguments (here rows and chapter) and hands back its answer with return. Use == to compare row['chapter'] with chapter, and count += 1 to add one.",
        scaffold(
            """
            def count_events(rows, chapter):
                count = 0
                for row in rows:
                    if ...:            # this row belongs to the chapter asked for
                        count += ...
                return ...
            """
        ),
    ),
    expects="an int: how many rows of events have that chapter",
    expected=_count_events,
    diagnose=_diagnose_count,
    cases=lambda: [
        Case((load("events"), "berlin")),
        Case((load("events"), "cuba")),
        Case((load("events"), "no-such-chapter")),
    ],
    wrong=[_count_every_event, _count_other_events],
)

for _exercise in (RISE, CRISIS_TOTAL, FIRST_ROW, BIG_YEARS, TOP_THREE, COUNT_EVENTS):
    register(_exercise)
