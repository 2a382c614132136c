"""Exercises of the chapter "The arms race and the space race, 1955-62" (book/arms-race.md).

Every exercise is declared once, here, and the chapter runs ``check("<id>", answer)``.
Expected answers are computed from the tables ``stockpiles`` (US and Soviet warheads
by year), ``delivery_1962`` (missiles and bombers around October 1962, one row per
source) and ``events``; nothing is typed in from a solution.
"""

from __future__ import annotations

from ._core import Case, ChoiceExercise, FunctionExercise, OrderExercise, ValueExercise, moved, register, swapped
from ._data import load


# --- reference answers, computed from the tables ---------------------------------


def _warhead_ratio(rows):
    return {row["year"]: round(row["us_warheads"] / row["ussr_warheads"], 1) for row in rows}


def _first_year_over(rows, column, threshold):
    for row in rows:
        if row[column] > threshold:
            return row["year"]
    raise ValueError(f"no year has {column} over {threshold}")


def _estimate_range(rows, side, system):
    counts = [row["count"] for row in rows if row["side"] == side and row["system"] == system]
    return (min(counts), max(counts))


def _long_range_missiles(rows, side, pick):
    """Lowest (pick=min) or highest (pick=max) figure for ICBMs plus SLBMs of one side."""
    total = 0
    for system in ("ICBM", "SLBM"):
        counts = [row["count"] for row in rows if row["side"] == side and row["system"] == system]
        if counts:
            total += pick(counts)
    return total


def _gap_favours():
    rows = load("delivery_1962")
    us_lowest = _long_range_missiles(rows, "USA", min)
    ussr_highest = _long_range_missiles(rows, "USSR", max)
    us_highest = _long_range_missiles(rows, "USA", max)
    ussr_lowest = _long_range_missiles(rows, "USSR", min)
    if us_lowest > ussr_highest:
        return "USA"
    if ussr_lowest > us_highest:
        return "USSR"
    return "none"


ARMS_EVENTS = (
    "sputnik-1",
    "tsar-bomba",
    "u2-first-overflight",
    "kennedy-missile-gap-speech",
    "dulles-massive-retaliation",
    "gilpatric-speech",
    "r7-first-success",
    "discoverer-14",
)


def _stockpile_rows(first_year, last_year):
    return [row for row in load("stockpiles") if first_year <= row["year"] <= last_year]


#: A small made-up table, so that a function cannot pass by knowing the real numbers.
_INVENTED_STOCKPILES = [
    {"year": 1970, "us_warheads": 300, "ussr_warheads": 100, "source": "invented"},
    {"year": 1971, "us_warheads": 450, "ussr_warheads": 200, "source": "invented"},
    {"year": 1972, "us_warheads": 500, "ussr_warheads": 400, "source": "invented"},
    {"year": 1973, "us_warheads": 500, "ussr_warheads": 700, "source": "invented"},
]

#: A made-up delivery table in which each side has several estimates.
_INVENTED_DELIVERY = [
    {"side": "USA", "system": "ICBM", "count": 50, "as_of": "1970-01", "source": "invented", "basis": ""},
    {"side": "USA", "system": "ICBM", "count": 30, "as_of": "1970-01", "source": "invented", "basis": ""},
    {"side": "USA", "system": "ICBM", "count": 70, "as_of": "1970-01", "source": "invented", "basis": ""},
    {"side": "USA", "system": "bomber", "count": 900, "as_of": "1970-01", "source": "invented", "basis": ""},
    {"side": "USSR", "system": "ICBM", "count": 40, "as_of": "1970-01", "source": "invented", "basis": ""},
]


# --- plausible wrong answers --------------------------------------------------------


def _ratio_reversed(rows):
    return {row["year"]: round(row["ussr_warheads"] / row["us_warheads"], 1) for row in rows}


def _ratio_as_difference(rows):
    return {row["year"]: row["us_warheads"] - row["ussr_warheads"] for row in rows}


def _ratio_integer_division(rows):
    return {row["year"]: row["us_warheads"] // row["ussr_warheads"] for row in rows}


def _first_year_at_least(rows, column, threshold):
    for row in rows:
        if row[column] >= threshold:
            return row["year"]
    return None


def _last_year_over(rows, column, threshold):
    found = None
    for row in rows:
        if row[column] > threshold:
            found = row["year"]
    return found


def _value_instead_of_year(rows, column, threshold):
    for row in rows:
        if row[column] > threshold:
            return row[column]
    return None


def _year_before_crossing(rows, column, threshold):
    for row in rows:
        if row[column] > threshold:
            return row["year"] - 1
    return None


def _range_first_and_last(rows, side, system):
    counts = [row["count"] for row in rows if row["side"] == side and row["system"] == system]
    return (counts[0], counts[-1])


def _range_reversed(rows, side, system):
    low, high = _estimate_range(rows, side, system)
    return (high, low)


def _range_ignoring_system(rows, side, system):
    counts = [row["count"] for row in rows if row["side"] == side]
    return (min(counts), max(counts))


def _range_mean(rows, side, system):
    counts = [row["count"] for row in rows if row["side"] == side and row["system"] == system]
    return sum(counts) / len(counts)


# --- messages that name a known mistake -------------------------------------------------


def _diagnose_ratio(result, case):
    (rows,) = case.args
    if not isinstance(result, dict):
        return None
    if result == _ratio_reversed(rows):
        return "Your ratio is upside down: divide the US figure by the Soviet figure."
    if result == _ratio_as_difference(rows):
        return "That is the difference (a subtraction); a ratio is a division."
    if result == _ratio_integer_division(rows):
        return "// throws away the part after the decimal point: use / and then round(x, 1)."
    return None


def _diagnose_first_year(result, case):
    rows, column, threshold = case.args
    if result == _first_year_at_least(rows, column, threshold):
        return "'More than' does not include a value exactly equal to the threshold: use >, not >=."
    if result == _value_instead_of_year(rows, column, threshold):
        return "That looks like the number of warheads: return the year, row['year']."
    if result == _last_year_over(rows, column, threshold):
        return "That is the last year over the threshold: stop at the first one."
    return None


def _diagnose_range(result, case):
    rows, side, system = case.args
    if not isinstance(result, (tuple, list)) or len(result) != 2:
        return None
    low, high = _estimate_range(rows, side, system)
    if tuple(result) == (high, low):
        return "Put the lowest figure first and the highest second."
    if tuple(result) == _range_first_and_last(rows, side, system):
        return "The rows are not sorted: the first and last rows are not the lowest and highest figures."
    if tuple(result) == _range_ignoring_system(rows, side, system):
        return "Keep only the rows of that system as well as that side."
    return None


def _diagnose_gap(answer):
    if isinstance(answer, str) and answer.strip().casefold() in {"ussr", "soviet union", "russia"}:
        return "That was the claim of 1958-60. What do the 1962 figures in delivery_1962 say?"
    return None


# --- the exercises ----------------------------------------------------------------

WARHEAD_RATIO = FunctionExercise(
    id="arms-race-warhead-ratio",
    name="warhead_ratio",
    hint=(
        "For each row, divide the US figure by the Soviet figure and round with round(x, 1). "
        "A ratio tells you how many times bigger one number is than the other."
    ),
    expects="a dict {year: round(us_warheads / ussr_warheads, 1)} with one entry for every row",
    expected=_warhead_ratio,
    cases=lambda: [
        Case((load("stockpiles"),)),
        Case((_stockpile_rows(1957, 1959),), "warhead_ratio(rows for 1957-1959 only)"),
        Case((_INVENTED_STOCKPILES,), "warhead_ratio(a made-up table for 1970-1973)"),
    ],
    diagnose=_diagnose_ratio,
    wrong=[_ratio_reversed, _ratio_as_difference, _ratio_integer_division],
    success="The ratio fell, but look at the difference too: the US lead in warheads grew every year.",
)

FIRST_YEAR_OVER = FunctionExercise(
    id="arms-race-first-year-over",
    name="first_year_over",
    hint=(
        "Go through the rows in order and stop at the first one whose value is bigger than the threshold. "
        "'More than 1,000' does not include exactly 1,000."
    ),
    expects="an int: the first year whose value in column is strictly greater than threshold",
    expected=_first_year_over,
    cases=lambda: [
        Case((load("stockpiles"), "us_warheads", 10_000)),
        Case((load("stockpiles"), "ussr_warheads", 1_000)),
        Case((load("stockpiles"), "ussr_warheads", 3_000)),
        Case((load("stockpiles"), "us_warheads", 2_422)),
        Case((_INVENTED_STOCKPILES, "us_warheads", 450), "first_year_over(a made-up table, 'us_warheads', 450)"),
        Case((_INVENTED_STOCKPILES, "ussr_warheads", 100), "first_year_over(a made-up table, 'ussr_warheads', 100)"),
    ],
    diagnose=_diagnose_first_year,
    wrong=[_first_year_at_least, _last_year_over, _value_instead_of_year, _year_before_crossing],
)

ESTIMATE_RANGE = FunctionExercise(
    id="arms-race-estimate-range",
    name="estimate_range",
    hint=(
        "Keep only the rows whose side AND system match, collect their counts, then use min() and max(). "
        "The rows are not sorted."
    ),
    expects="a tuple (lowest count, highest count) of the rows for that side and system",
    expected=_estimate_range,
    cases=lambda: [
        Case((load("delivery_1962"), "USSR", "ICBM")),
        Case((load("delivery_1962"), "USA", "ICBM")),
        Case((load("delivery_1962"), "USSR", "bomber")),
        Case((_INVENTED_DELIVERY, "USA", "ICBM"), "estimate_range(a made-up table, 'USA', 'ICBM')"),
    ],
    diagnose=_diagnose_range,
    wrong=[_range_first_and_last, _range_reversed, _range_ignoring_system, _range_mean],
)

MISSILE_GAP = ValueExercise(
    id="arms-race-missile-gap",
    name="gap_favours",
    hint=(
        "Be as generous as the sources allow to the Soviet side: compare the lowest US figure for "
        "ICBMs plus SLBMs with the highest Soviet figure. Kennedy's claim of 1958 is not the data."
    ),
    expects='a string: "USA" or "USSR" (the side ahead in long-range missiles on every estimate), or "none"',
    expected=_gap_favours,
    diagnose=_diagnose_gap,
    wrong=[
        "USSR",  # the missile gap as Kennedy described it in 1958-60
        "none",  # the ranges were thought to overlap
        "Soviet Union",  # the same idea in other words
    ],
    success="The gap was real, but it ran the other way: on every estimate the USA was far ahead.",
)

SOURCE_PURPOSE = ChoiceExercise(
    id="arms-race-source-purpose",
    name="source_c_purpose",
    hint=(
        "Read the last sentence of Source C again, and think about who in the world was frightened "
        "by a 50-megaton explosion in October 1961."
    ),
    expects='a one-letter string, "A", "B", "C" or "D"',
    options={
        "A": (
            "To admit that the USSR had now taken the lead in the arms race, in numbers and in the size "
            "of its bombs."
        ),
        "B": "To announce that the United States would now build and test a 50-megaton bomb of its own.",
        "C": (
            "To calm Americans and allies: the test was meant to frighten, and the US arsenal was still "
            "ahead."
        ),
        "D": "To tell the world that the Soviet bomb had failed and that its power had been exaggerated.",
    },
    answer="C",
    feedback={
        "A": "The statement says the opposite: the test 'does not affect the basic balance of nuclear power'.",
        "B": "Nothing in the source says so: it calls the test a political rather than a military act.",
        "D": "The statement says the explosion was very large, on the order of 50 megatons: it did not fail.",
    },
    wrong=["A", "B", "D"],
)

ARMS_ORDER = OrderExercise(
    id="arms-race-order",
    name="arms_order",
    hint=(
        "The policy of massive retaliation came first, and the spy flights began before either Sputnik or the "
        "Soviet ICBM. The rocket came before the satellite it launched."
    ),
    expects="a list of the eight event ids, earliest first",
    events=ARMS_EVENTS,
    mistakes=[
        # Sputnik put before the R-7 test: the satellite mistaken for the first Soviet success
        swapped("r7-first-success", "sputnik-1"),
        # spy flights thought to start only after Sputnik
        moved("u2-first-overflight", before="kennedy-missile-gap-speech"),
        # the Tsar Bomba put before Gilpatric's speech (both October 1961)
        swapped("gilpatric-speech", "tsar-bomba"),
    ],
)

for _exercise in (WARHEAD_RATIO, FIRST_YEAR_OVER, ESTIMATE_RANGE, MISSILE_GAP, SOURCE_PURPOSE, ARMS_ORDER):
    register(_exercise)


# --- questions answered without code (a widget in the page; check() in Python) -------------

from ._practice import MatchExercise, ShortAnswerExercise, misconception  # noqa: E402

ARMS_TERMS = MatchExercise(
    id="arms-race-terms",
    name="arms_terms",
    hint="Look each term up in the chapter or the glossary: one is a rocket, one a satellite, one a belief and one a pause.",
    expects="a dict matching each term to the letter of its meaning",
    pairs={
        "ICBM": "A rocket able to carry a nuclear warhead from one continent to another",
        "Sputnik": "The first artificial satellite to orbit the Earth, launched in October 1957",
        "missile gap": "The belief that the USSR had, or would soon have, many more long-range missiles than the USA",
        "moratorium": "A pause in nuclear testing by the USA, the UK and the USSR, 1958-61",
    },
    mistakes={
        ("Sputnik", "A rocket able to carry a nuclear warhead from one continent to another"): (
            "Sputnik was a satellite; the rocket that launched it, the R-7, was the first Soviet ICBM."
        ),
        ("missile gap", "A pause in nuclear testing by the USA, the UK and the USSR, 1958-61"): (
            "The missile gap was a belief about numbers of missiles; the pause in testing was the moratorium."
        ),
    },
)

BIG_BOMB = ShortAnswerExercise(
    id="arms-race-big-bomb",
    name="big_bomb_megatons",
    hint="Read the White House statement of 30 October 1961 (Source C).",
    expects="a number of megatons: the size the White House gave the Soviet bomb of 30 October 1961",
    number=50,
    tolerance=5,
    unit="megatons",
    mistakes={
        50_000: "The White House gave the size in megatons (millions of tons of TNT), not in thousands of tons.",
    },
    wrong=["5", "500"],
)

for _exercise in (ARMS_TERMS, BIG_BOMB):
    register(_exercise)

misconception(
    __name__,
    claim='After Sputnik the USSR had more long-range missiles than the USA: the "missile gap".',
    correction=(
        "By early 1961 the new government had concluded that the gap was \"a hundred and 80 degrees off\" "
        "{cite:p}`wgbh1989gilpatricgap`, and in May 1962 the CIA counted 81 Soviet ICBMs in being or under construction "
        "{cite:p}`frus1961v05d190`: the real gap favoured the USA."
    ),
    exercise="arms-race-missile-gap",
    answer="USSR",
    names="the claim of 1958-60",
)
