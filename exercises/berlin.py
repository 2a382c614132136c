"""Exercises of the chapter "Berlin 1958-61: from ultimatum to wall" (book/berlin.md).

This module is the worked example that every chapter copies.  Each exercise
is declared once, here, with what judges an answer; its code (the starter the
student edits and the solution shown) is written once, in the chapter, which
runs ``check("<id>", answer)``.

Conventions shown here:

* Expected answers are *computed* from the data tables (``load("refugees")``,
  ``load("events")``), never typed in, so a corrected table corrects the
  exercise too.
* Each exercise lists the wrong answers a student would really give (an
  off-by-one year range, the GCSE essay that circulates online's figure, a reversed ratio ...); the
  tests prove that every one of them fails with a helpful message.
* The chapter's starter leaves the answer as a placeholder (``name = ...``, or a
  function whose body is a docstring and ``...``), so an untouched starter is
  "not attempted yet"; the tests run the chapter's starter and solution cells.
* An ordering exercise names its events in the order the chapter shows them;
  the right order, the titles and the wrong answers to try are computed from
  ``events.csv`` (``mistakes`` lists the known slips: ``swapped``, ``moved``).
"""

from __future__ import annotations

from ._core import Case, ChoiceExercise, FunctionExercise, OrderExercise, ValueExercise, register, swapped
from ._data import load
from ._core import scaffold

#: The total that the GCSE essay that circulates online claims for refugees from East Germany, 1948-1960.
ESSAY_CLAIM = 250_000


# --- reference answers, computed from the tables ---------------------------------


def _refugee_total(rows, first_year, last_year):
    return sum(row["refugees"] for row in rows if first_year <= row["year"] <= last_year)


def _yearly_change(rows):
    return {now["year"]: now["refugees"] - before["refugees"] for before, now in zip(rows, rows[1:])}


def _essay_factor():
    return _refugee_total(load("refugees"), 1949, 1960) / ESSAY_CLAIM


def _crisis_biggest_rise():
    changes = _yearly_change(load("refugees"))
    crisis = {year: change for year, change in changes.items() if 1959 <= year <= 1961}
    return max(crisis, key=crisis.get)


CRISIS_EVENTS = (
    "wall-begins",
    "camp-david-statement",
    "berlin-ultimatum",
    "vienna-summit",
    "paris-summit-collapses",
    "checkpoint-charlie-standoff",
    "kennedy-berlin-address",
    "geneva-ministers-open",
)


def _rows_between(first_year, last_year):
    return [row for row in load("refugees") if first_year <= row["year"] <= last_year]


# --- plausible wrong answers --------------------------------------------------------


def _total_excluding_last_year(rows, first_year, last_year):
    return sum(row["refugees"] for row in rows if first_year <= row["year"] < last_year)


def _total_of_every_row(rows, first_year, last_year):
    return sum(row["refugees"] for row in rows)


def _count_of_years(rows, first_year, last_year):
    return len([row for row in rows if first_year <= row["year"] <= last_year])


def _change_reversed(rows):
    return {now["year"]: before["refugees"] - now["refugees"] for before, now in zip(rows, rows[1:])}


def _change_with_first_year(rows):
    changes = {rows[0]["year"]: 0}
    changes.update(_yearly_change(rows))
    return changes


def _change_in_percent(rows):
    return {
        now["year"]: round(100 * (now["refugees"] - before["refugees"]) / before["refugees"], 1)
        for before, now in zip(rows, rows[1:])
    }


# --- messages that name a known mistake -------------------------------------------------


def _diagnose_total(result, case):
    rows, first_year, last_year = case.args
    if result == _total_excluding_last_year(rows, first_year, last_year) != _refugee_total(rows, first_year, last_year):
        return "It looks as if last_year was left out: range(a, b) and year < last_year both stop one year early."
    if result == _count_of_years(rows, first_year, last_year):
        return "That is the number of years, not the number of refugees: add up row['refugees']."
    return None


def _diagnose_essay_factor(answer):
    if not isinstance(answer, (int, float)) or isinstance(answer, bool) or answer == 0:
        return None
    right = _essay_factor()
    if abs(answer - 1) < 0.05:
        return (
            "A factor of 1 would mean the essay's 250,000 was right. "
            "That is the misconception this exercise tests: add up the table's refugees and see how far off it is."
        )
    if abs(answer * right - 1) < 0.02:
        return "Your ratio is upside down: divide the registered total by 250,000, not the other way round."
    if abs(answer / right - 1000) < 20:
        return "The table already counts people, not thousands: do not multiply by 1,000."
    if abs(answer * 1000 / right - 1) < 0.02:
        return "The table already counts people, not thousands: do not divide by 1,000."
    if abs(answer - _refugee_total(load("refugees"), 1949, 1961) / ESSAY_CLAIM) < 0.01:
        return "The claim stops in 1960: leave 1961 out."
    if abs(answer - _refugee_total(load("refugees"), 1949, 1959) / ESSAY_CLAIM) < 0.01:
        return "The claim runs to 1960: count 1960 too."
    return None


def _diagnose_change(result, case):
    (rows,) = case.args
    if not isinstance(result, dict):
        return None
    if result == _change_reversed(rows):
        return "The signs are the wrong way round: take this year's figure minus last year's."
    if rows and rows[0]["year"] in result:
        return "The first year has no year before it, so it should have no entry."
    if result == _change_in_percent(rows):
        return "Give the change in people, not in per cent."
    return None


def _diagnose_crisis_rise(answer):
    crisis = {year: change for year, change in _yearly_change(load("refugees")).items() if 1959 <= year <= 1961}
    if isinstance(answer, bool) or not isinstance(answer, int):
        return None
    if answer not in crisis:
        return "Only 1959, 1960 and 1961 count here."
    if crisis[answer] < 0:
        return "In that year the number fell: look for the biggest rise."
    if answer == 1961:
        return "1961 had the most refugees of the three years, but compare each year with the year before it."
    return None


# --- the exercises ----------------------------------------------------------------

REFUGEE_TOTAL = FunctionExercise(
    id="berlin-refugee-total",
    name="refugee_total",
    hint=(
        "Loop over the rows and add up row['refugees'] for the rows whose row['year'] lies in the range. "
        "Check that both end years are counted."
    ),
    steps=(
        (
            "Start a running total at 0. Go through the rows one at a time. For each row, ask: is its year "
            "between first_year and last_year, both included? If so, add its refugees to the total. At the end, "
            "return the total."
        ),
        scaffold(
            '''
            def refugee_total(rows, first_year, last_year):
                total = 0
                for row in rows:
                    if ... <= row["year"] <= ...:   # both ends count
                        total += ...                # this row's refugees
                return total
            '''
        ),
    ),
    expects="an int: the number of refugees registered from first_year to last_year, both years included",
    expected=_refugee_total,
    cases=lambda: [
        Case((load("refugees"), 1949, 1960)),
        Case((load("refugees"), 1953, 1953)),
        Case((load("refugees"), 1958, 1961)),
        Case((_rows_between(1955, 1960), 1949, 1961), "refugee_total(rows for 1955-1960 only, 1949, 1961)"),
        Case((load("refugees"), 1961, 1958)),
    ],
    diagnose=_diagnose_total,
    wrong=[_total_excluding_last_year, _total_of_every_row, _count_of_years],
)

ESSAY_FACTOR = ValueExercise(
    id="berlin-essay-factor",
    name="essay_factor",
    hint=(
        "First add up the refugees for 1949 to 1960 (both included), then divide that total by the claimed "
        "250,000. The answer is bigger than 1."
    ),
    steps=(
        (
            "This is two steps. First, add up the refugees of the rows from 1949 to 1960 (a loop with an if, as "
            "in the last exercise). Second, divide that total by 250_000."
        ),
        scaffold(
            '''
            rows = load("refugees")
            registered = 0
            for row in rows:
                if ...:                 # the years 1949 to 1960, both included
                    registered += ...
            essay_factor = ... / ...     # the total divided by the claim
            '''
        ),
    ),
    expects="a number: refugees registered 1949-1960 divided by the claimed 250,000 (within 1 per cent)",
    expected=_essay_factor,
    rel_tol=0.01,
    diagnose=_diagnose_essay_factor,
    success=(
        "So the claim of 250,000 is about ten times too small, and the true gap is wider still, "
        "because the table cannot count 1948."
    ),
    wrong=[
        ESSAY_CLAIM / _refugee_total(load("refugees"), 1949, 1960),  # the ratio turned upside down
        _refugee_total(load("refugees"), 1949, 1961) / ESSAY_CLAIM,  # one year too many: 1961
        _refugee_total(load("refugees"), 1949, 1959) / ESSAY_CLAIM,  # one year too few: 1960 left out
        _refugee_total(load("refugees"), 1949, 1960) / 1000 / ESSAY_CLAIM,  # refugees taken as thousands
    ],
)

YEARLY_CHANGE = FunctionExercise(
    id="berlin-yearly-change",
    name="yearly_change",
    hint=(
        "Walk through the rows in pairs (this year and the year before). "
        "zip(rows, rows[1:]) gives you the pairs; the first year has no year before it."
    ),
    steps=(
        (
            "Make an empty dict. zip(rows, rows[1:]) pairs each row with the row after it: call them before and "
            "now. For each pair, store now's year as the key and now's refugees minus before's refugees as the "
            "value."
        ),
        scaffold(
            '''
            def yearly_change(rows):
                changes = {}
                for before, now in zip(..., ...):   # pairs: (last year's row, this year's row)
                    changes[...] = ... - ...        # key: this year; value: this year's minus last year's
                return changes
            '''
        ),
    ),
    expects="a dict {year: change in refugees since the year before}, with no entry for the first year",
    expected=_yearly_change,
    diagnose=_diagnose_change,
    cases=lambda: [
        Case((load("refugees"),)),
        Case((_rows_between(1958, 1961),), "yearly_change(rows for 1958-1961 only)"),
        Case((_rows_between(1952, 1954),), "yearly_change(rows for 1952-1954 only)"),
    ],
    wrong=[_change_reversed, _change_with_first_year, _change_in_percent],
)

CRISIS_RISE = ValueExercise(
    id="berlin-crisis-rise",
    name="crisis_biggest_rise",
    hint=(
        "Compare each year with the year before it, not with the other crisis years: "
        "the year with the most refugees is not always the year with the biggest rise."
    ),
    steps=(
        (
            "Work out the change for every year first (this year's refugees minus last year's), as in "
            "yearly_change. Then keep only 1959, 1960 and 1961, and pick the year whose change is biggest: max(d, "
            "key=d.get) gives the key with the biggest value."
        ),
        scaffold(
            '''
            rows = load("refugees")
            rises = {}
            for before, now in zip(..., ...):   # pairs: (last year's row, this year's row)
                rises[now["year"]] = ...        # this year's refugees minus last year's
            crisis = {year: change for year, change in rises.items() if ...}   # only 1959 to 1961
            crisis_biggest_rise = max(crisis, key=...)
            '''
        ),
    ),
    expects="an int: the year among 1959, 1960 and 1961 whose refugee figure rose most over the year before",
    expected=_crisis_biggest_rise,
    diagnose=_diagnose_crisis_rise,
    say_direction=False,  # "too low" would point straight at the answer among three years
    success=(
        "1961 rose only a little because its figure covers the whole year, "
        "but the border was shut on 13 August and most of the year's flight came before the Wall."
    ),
    wrong=[
        1961,  # the year with the most refugees, not the biggest rise
        1959,  # the biggest change, but it was a fall
        1953,  # the biggest rise of all, outside the crisis years
    ],
)

SOURCE_PURPOSE = ChoiceExercise(
    id="berlin-source-purpose",
    name="source_b_purpose",
    hint=(
        "Think about who was listening on 25 July 1961, and who else would read the speech the next day, "
        "in Moscow and in Berlin."
    ),
    expects='a one-letter string, "A", "B", "C" or "D"',
    options={
        "A": "To tell Americans how many refugees were leaving East Germany through Berlin each month",
        "B": "To announce that the United States accepted Khrushchev's plan to make West Berlin a free city",
        "C": "To protest against the building of the Berlin Wall and demand that the border be opened again",
        "D": "To warn the Soviet Union, and reassure allies, that the USA would stay in West Berlin",
    },
    answer="D",
    feedback={
        "A": (
            "The refugees were one cause of the crisis, but the speech is about what the USA will do, "
            "not about figures."
        ),
        "B": "The sentence says the opposite: the USA will not be driven out of Berlin.",
        "C": (
            "Check the date: the speech was given on 25 July 1961, before the border was closed on 13 "
            "August. Mixing up the crisis of 1961 with the Wall that ended it is a common slip."
        ),
    },
    wrong=["A", "B", "C"],
)

CRISIS_ORDER = OrderExercise(
    id="berlin-crisis-order",
    name="crisis_order",
    hint=(
        "Start from the ultimatum of November 1958 and end with the tanks of October 1961; "
        "the summits came in the order Geneva, Camp David, Paris, Vienna."
    ),
    expects="a list of the eight event ids, earliest first",
    events=CRISIS_EVENTS,
    mistakes=[
        # Paris and Vienna swapped: the two summits most often confused
        swapped(
            "paris-summit-collapses", "vienna-summit",
            why="The two summits are often confused: Paris collapsed in May 1960, under Eisenhower; Vienna, in June 1961, was Kennedy's.",
        ),
        # the Wall put before Kennedy's address
        swapped(
            "kennedy-berlin-address", "wall-begins",
            why="Kennedy's report of 25 July 1961 came before the Wall: it warned Moscow, but did not answer a wall that was not yet built.",
        ),
    ],
)

for _exercise in (REFUGEE_TOTAL, ESSAY_FACTOR, YEARLY_CHANGE, CRISIS_RISE, SOURCE_PURPOSE, CRISIS_ORDER):
    register(_exercise)


# --- questions answered without code (a widget in the page; check() in Python) -------------

from ._practice import MatchExercise, ShortAnswerExercise, misconception, with_pair  # noqa: E402

SOURCES_PROVENANCE = MatchExercise(
    id="berlin-sources-provenance",
    name="berlin_provenance",
    hint="Read the provenance line under each source: who made it, for whom, and when.",
    expects="a dict matching each source to the letter of its provenance",
    pairs={
        "Source A": "The Soviet Foreign Ministry's note to the US ambassador in Moscow, November 1958",
        "Source B": "A radio and television report by President Kennedy to the American people, July 1961",
        "Source C": "An answer by the East German leader at a press conference in East Berlin, June 1961",
    },
    decoys=("Khrushchev's words to Kennedy at the Vienna summit, June 1961",),
    mistakes={
        ("Source C", "A radio and television report by President Kennedy to the American people, July 1961"): (
            "\"Nobody intends to build a wall\" was said by Walter Ulbricht, the East German leader, two months before "
            "the GDR closed the border; Kennedy's report is Source B."
        ),
        ("Source A", "A radio and television report by President Kennedy to the American people, July 1961"): (
            "The free-city proposal was the Soviet side's, in the note of November 1958."
        ),
    },
)

WALL_YEAR = ShortAnswerExercise(
    id="berlin-wall-year",
    name="wall_year",
    hint="It was two months after Ulbricht said that nobody intended to build a wall.",
    expects="a year: when the GDR closed the border between East and West Berlin and the Wall began",
    number=1961,
    say_direction=False,  # "too low" would give a year away
    mistakes={
        1948: (
            "That is the Berlin Blockade confused with the Berlin Wall: the Blockade was an earlier crisis, "
            "when nothing was built; the border through Berlin was closed on 13 August 1961."
        ),
        1949: (
            "That is the Berlin Blockade confused with the Berlin Wall: the Blockade was an earlier crisis, "
            "when nothing was built; the border through Berlin was closed on 13 August 1961."
        ),
        1958: "1958 was the year of Khrushchev's ultimatum, which began the crisis; the Wall came later.",
    },
)

for _exercise in (SOURCES_PROVENANCE, WALL_YEAR):
    register(_exercise)

misconception(
    __name__,
    claim="The Berlin Wall went up during the Berlin Blockade.",
    correction=(
        "The Blockade was an earlier, different crisis. The border through Berlin was closed early on "
        "13 August 1961, and the barriers put up then became the Wall {cite:p}`frus1961v14d104`."
    ),
    exercise="berlin-wall-year",
    answer="1948",
    names="Berlin Blockade confused with the Berlin Wall",
)
misconception(
    __name__,
    claim='Only "250,000" people left East Germany between 1948 and 1960 (a GCSE essay that circulates online).',
    correction=(
        "The registered refugees of 1949-1960 alone number about ten times as many {cite:p}`rytlewski1987refugees`; "
        "a CIA survey gives about 2.3 million from 1948 to the Wall {cite:p}`cia2009population`."
    ),
    exercise="berlin-essay-factor",
    answer=1.0,
    names="the essay's 250,000 was right",
)


# --- several right options: checkboxes in the page -----------------------------------------------

from ._practice import MultiChoiceExercise  # noqa: E402

WALL_CAUSES = MultiChoiceExercise(
    id="berlin-wall-causes",
    name="wall_causes",
    hint="Use the figures and the reports of this section: who was leaving, how many, and who the Wall shut in.",
    steps=(
        "Two of the options are right. Check each against the section: the refugee figures, the ages and jobs of the refugees, and what the Wall did to the Western routes.",
    ),
    expects='a set of the letters of every right option, such as {"A", "B"}',
    options={
        "A": "People were leaving East Germany through West Berlin, and the flow had grown in 1961",
        "B": "The Western powers had cut the roads and railways from West Germany into West Berlin",
        "C": "Most of those who fled were doctors and lawyers, whom the GDR could never replace",
        "D": "Almost half of the refugees of 1961 were under 25, so the GDR was losing its young",
    },
    answers=("A", "D"),
    feedback={
        "A": "Think about the numbers: what did the American diplomat in Berlin report on 13 August as the reason the East acted?",
        "B": (
            "That turns the Berlin Blockade of 1948-49 round: then the Soviet Union cut the routes. "
            "In 1961 the Western routes into West Berlin stayed open, and the Wall did not touch them."
        ),
        "C": (
            "Professionals did leave, but the figures show that most refugees were young working people: "
            "about six in ten had been in work, the largest group from industry."
        ),
        "D": "Look at who the refugees were, not only how many: their ages in the figures for 1961.",
    },
    success="The Wall stopped a flight that was draining the GDR of its young and working people.",
)

register(WALL_CAUSES)

misconception(
    __name__,
    claim="Most of those who fled East Germany were doctors and lawyers.",
    correction=(
        "In 1961 almost half of the refugees were under 25 {cite:p}`rytlewski1987refugees`, and in the first half of 1961 "
        "about six in ten had been in work, the largest group in industry and manufacturing {cite:p}`bmib1984occupations`."
    ),
    exercise="berlin-wall-causes",
    answer=["A", "C", "D"],
    names="most refugees were young working people",
)
