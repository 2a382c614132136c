"""Exercises of the chapter "After the brink, 1962-63" (book/aftermath.md).

The chapter covers the secret removal of the Jupiter missiles, the hotline
agreement of 20 June 1963, the Limited Test Ban Treaty of 5 August 1963 and
the question of who "won" the Cuban missile crisis.

Expected answers are computed from the table ``nuclear_tests`` (tests per
year and country, 1955-1963); the multiple-choice answers rest on the sources
quoted in the chapter.  The starter and solution code live in the chapter only.
"""

from __future__ import annotations

from ._core import Case, ChoiceExercise, FunctionExercise, ValueExercise, register
from ._data import load

#: The two superpowers, as named in the ``country`` column of ``nuclear_tests``.
SUPERPOWERS = ("USA", "USSR")

#: The years between the end of the moratorium (September 1961) and the treaty (August 1963).
SURGE_YEARS = (1961, 1962)


# --- reference answers, computed from the table ------------------------------------


def _total_tests(rows, year):
    return sum(row["tests"] for row in rows if row["year"] == year)


def _tests(countries, years):
    return sum(row["tests"] for row in load("nuclear_tests") if row["country"] in countries and row["year"] in years)


def _superpower_tests():
    return _tests(SUPERPOWERS, SURGE_YEARS)


def _rows_of(countries):
    return [row for row in load("nuclear_tests") if row["country"] in countries]


# --- plausible wrong answers --------------------------------------------------------


def _superpowers_only(rows, year):
    return sum(row["tests"] for row in rows if row["year"] == year and row["country"] in SUPERPOWERS)


def _up_to_year(rows, year):
    return sum(row["tests"] for row in rows if row["year"] <= year)


def _count_of_rows(rows, year):
    return len([row for row in rows if row["year"] == year])


def _largest_country(rows, year):
    return max((row["tests"] for row in rows if row["year"] == year), default=0)


# --- messages that name a known mistake ---------------------------------------------


def _diagnose_total(result, case):
    rows, year = case.args
    right = _total_tests(rows, year)
    if result == right:
        return None
    if result == _superpowers_only(rows, year):
        return "Britain and France tested too: count every country, not only the USA and the USSR."
    if result == _up_to_year(rows, year):
        return "That adds up every year up to the one asked for: keep only the rows of that year."
    if result == _count_of_rows(rows, year):
        return "That is the number of rows (countries), not the number of tests: add up row['tests']."
    return None


def _diagnose_surge(answer):
    if isinstance(answer, bool) or not isinstance(answer, int):
        return None
    if answer == _tests(("USA", "USSR", "UK", "France"), SURGE_YEARS):
        return "Only the two superpowers: leave out Britain and France."
    if answer == _tests(SUPERPOWERS, (1962,)):
        return "Count 1961 as well as 1962."
    if answer == _tests(SUPERPOWERS, (1961, 1962, 1963)):
        return "Stop at 1962: the treaty was signed in 1963."
    return None


# --- the exercises ----------------------------------------------------------------

TESTS_IN_YEAR = FunctionExercise(
    id="aftermath-tests-in-year",
    name="total_tests",
    hint=(
        "Add up row['tests'] over the rows whose row['year'] is the year asked for. "
        "Every country counts, not only the two superpowers."
    ),
    expects="an int: the nuclear tests of all countries together in that year (0 if there were none)",
    expected=_total_tests,
    cases=lambda: [
        Case((load("nuclear_tests"), 1958)),
        Case((load("nuclear_tests"), 1959)),
        Case((load("nuclear_tests"), 1960)),
        Case((load("nuclear_tests"), 1962)),
        Case((load("nuclear_tests"), 1963)),
        Case((_rows_of(("UK", "France")), 1962), "total_tests(rows of the UK and France only, 1962)"),
    ],
    diagnose=_diagnose_total,
    wrong=[_superpowers_only, _up_to_year, _count_of_rows, _largest_country],
)

SUPERPOWER_SURGE = ValueExercise(
    id="aftermath-superpower-surge",
    name="superpower_tests",
    hint=(
        "Keep only the rows of the USA and the USSR, and only the years 1961 and 1962, "
        "then add up their tests."
    ),
    expects="an int: the tests of the USA and the USSR together in 1961 and 1962",
    expected=_superpower_tests,
    diagnose=_diagnose_surge,
    success="Both superpowers tested more in 1961-62 than in any two earlier years: the pause had not slowed the race.",
    wrong=[
        _tests(("USA", "USSR", "UK", "France"), SURGE_YEARS),  # Britain and France counted too
        _tests(SUPERPOWERS, (1962,)),  # 1962 only
        _tests(SUPERPOWERS, (1961, 1962, 1963)),  # 1963 added
        _tests(("USA",), SURGE_YEARS),  # the USA alone
    ],
)

HOTLINE_MEDIUM = ChoiceExercise(
    id="aftermath-hotline-medium",
    name="hotline_medium",
    hint="Look at the equipment named in point 1a of the Annex in Source A, and at where the American end was put.",
    expects='a one-letter string, "A", "B", "C" or "D"',
    options={
        "A": "Teleprinters at each end, joined by a telegraph and a radio circuit, for use in an emergency.",
        "B": "A red telephone on the president's desk, so that he could speak to the Kremlin at any moment.",
        "C": "A telephone line between the White House and the Kremlin, used every day for routine diplomacy.",
        "D": "A television link, so that the two leaders could see each other while they talked in a crisis.",
    },
    answer="A",
    feedback={
        "B": (
            "That is the \"red telephone\" of films and cartoons, a common misconception. The agreement "
            "names telegraph-teleprinter equipment, not a telephone."
        ),
        "C": "The agreement says the link is for use in time of emergency, and it was not a telephone line.",
        "D": "Nothing in the agreement mentions pictures: it names telegraph and radiotelegraph circuits.",
    },
    wrong=["B", "C", "D"],
)

WHO_WON = ChoiceExercise(
    id="aftermath-who-won",
    name="who_won",
    hint="List what each side gained in public, what it gained in secret and what it gave up; then ask how it looked in 1962.",
    expects='a one-letter string, "A", "B", "C" or "D"',
    options={
        "A": (
            "The USA won outright: the USSR gave up its missiles in Cuba and got nothing at all in "
            "return for them."
        ),
        "B": (
            "Each side gained something, but the Jupiter part was secret, so it looked like a Soviet "
            "retreat."
        ),
        "C": "Both sides got everything they had set out to achieve, so in effect both of them won equally.",
        "D": "The USSR won outright, because the Jupiters left Turkey and Italy and Castro stayed in power.",
    },
    answer="B",
    feedback={
        "A": (
            "\"Kennedy won outright\" is a common misconception: the USSR did get something, a conditional "
            "promise not to invade Cuba and, in secret, the removal of the Jupiters."
        ),
        "C": (
            "Khrushchev wanted missiles in Cuba and had to take them out; Kennedy had to accept Castro "
            "and lose the Jupiters."
        ),
        "D": (
            "The Jupiters went, but the Soviet missiles left Cuba too, and in public it looked like a "
            "Soviet retreat."
        ),
    },
    wrong=["A", "C", "D"],
)

SOURCE_B_PROVENANCE = ChoiceExercise(
    id="aftermath-source-b-provenance",
    name="source_b_provenance",
    hint="Who is speaking in Source B, to whom, and what did the treaty still need before it could come into force?",
    expects='a one-letter string, "A", "B", "C" or "D"',
    options={
        "A": (
            "It is a Soviet statement about the treaty, so it exaggerates how much the treaty meant to "
            "the world."
        ),
        "B": (
            "It was written many years after the treaty, so the speaker may have forgotten or confused "
            "details."
        ),
        "C": (
            "It is a private letter to a friend, so it shows what Kennedy really thought about the "
            "treaty and its limits."
        ),
        "D": (
            "It is the President speaking to the public the day after the talks, to win support the "
            "Senate had to give."
        ),
    },
    answer="D",
    feedback={
        "A": "Check the provenance: the speaker is President Kennedy.",
        "B": "Check the date: Kennedy spoke on 26 July 1963, the day after the talks ended.",
        "C": "It was a radio and television address to the American people, not a private letter.",
    },
    wrong=["A", "B", "C"],
)

for _exercise in (TESTS_IN_YEAR, SUPERPOWER_SURGE, HOTLINE_MEDIUM, WHO_WON, SOURCE_B_PROVENANCE):
    register(_exercise)


# --- questions answered without code (a widget in the page; check() in Python) -------------

from ._practice import MatchExercise, ShortAnswerExercise, misconception, option_with, with_pair  # noqa: E402

DEAL_PARTS = MatchExercise(
    id="aftermath-deal-parts",
    name="deal_parts",
    hint="Use the table of who won: what did each side gain, and which part of the deal was kept secret?",
    expects="a dict matching each part of the settlement to the letter of who gained it, and how",
    pairs={
        "The Soviet missiles left Cuba": "Gained by the USA, in public",
        "A US pledge not to invade Cuba": "Gained by the USSR, in public",
        "The Jupiters came down in Italy and Turkey": "Gained by the USSR, in secret",
    },
    decoys=("Gained by the USA, in secret",),
    mistakes={
        ("The Jupiters came down in Italy and Turkey", "Gained by the USSR, in public"): (
            "The Jupiter part was kept secret, which is why the world saw a Soviet retreat."
        ),
        ("A US pledge not to invade Cuba", "Gained by the USA, in public"): (
            "The pledge was what the USSR gained: Kennedy's formal letter gave it in return for the removal of the missiles."
        ),
    },
)

HOTLINE_ENDS = ShortAnswerExercise(
    id="aftermath-hotline-ends",
    name="hotline_machine",
    hint="Read point a of the agreement (Source A): what equipment stood at the two terminal points?",
    expects="a word: the machines at the two ends of the hotline of 1963",
    accept=("teleprinter", "teleprinters", "telegraph-teleprinter", "telegraph teleprinter", "teleprinter machines", "teletype", "teletypes"),
    mistakes={
        "telephone": "That is the \"red telephone\" of films and cartoons: the agreement names telegraph-teleprinter equipment, not a telephone.",
        "red telephone": "That is the \"red telephone\" of films and cartoons: the agreement names telegraph-teleprinter equipment, not a telephone.",
        "phone": "That is the \"red telephone\" of films and cartoons: the agreement names telegraph-teleprinter equipment, not a telephone.",
        "red phone": "That is the \"red telephone\" of films and cartoons: the agreement names telegraph-teleprinter equipment, not a telephone.",
    },
)

for _exercise in (DEAL_PARTS, HOTLINE_ENDS):
    register(_exercise)

misconception(
    __name__,
    claim='The hotline was a "red telephone" on the president\'s desk.',
    correction=(
        "The agreement of 20 June 1963 set up telegraph-teleprinter equipment at each end, joined by a wire telegraph "
        "circuit and a radiotelegraph circuit {cite:p}`state1963hotline`."
    ),
    exercise="aftermath-hotline-ends",
    answer="red telephone",
    names="red telephone",
)
misconception(
    __name__,
    claim="Kennedy won outright: the USSR gave up its missiles and got nothing in return.",
    correction=(
        "The USSR gained a public pledge not to invade Cuba and, in secret, the removal of the Jupiters from Turkey, "
        "the last of which came down on 24 April 1963 {cite:p}`hershberg1995anatomy,mcnamara1963jupiternote`."
    ),
    exercise="aftermath-who-won",
    answer=option_with(WHO_WON, "The USA won outright"),
    names="did get something",
)
