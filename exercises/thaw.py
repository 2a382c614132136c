"""Exercises of the chapter "After Stalin: the thaw and the spirit of Geneva, 1953-55" (book/thaw.md).

Each exercise is declared once, here, and the chapter runs ``check("<id>", answer)``.
Expected answers are computed from the tables ``events`` and ``forces_1955``;
the wrong answers are the mistakes a student would really make (the GCSE essay's
date for Khrushchev, the Pact put before West Germany's entry into NATO, a ratio
turned upside down ...).
"""

from __future__ import annotations

from ._core import Case, ChoiceExercise, FunctionExercise, OrderExercise, moved, register, swapped
from ._data import load
from ._core import scaffold


# --- reference answers, computed from the tables ---------------------------------

#: The events of the ordering exercise, in the jumbled order the chapter shows.
THAW_EVENTS = (
    "warsaw-pact-signed",
    "khrushchev-first-secretary",
    "open-skies",
    "stalin-dies",
    "austrian-state-treaty",
    "korean-armistice",
    "frg-joins-nato",
)


def _values(rows, measure, side):
    return [row["value"] for row in rows if row["measure"] == measure and row["side"] == side]


def _ratio_range(rows, measure):
    pact = _values(rows, measure, "warsaw-pact")
    nato = _values(rows, measure, "nato")
    return (min(pact) / max(nato), max(pact) / min(nato))


def _toy_table():
    """A small made-up table whose NATO side has two estimates, so that every wrong answer shows."""
    return [
        {"side": "warsaw-pact", "measure": "tanks", "value": 2.0},
        {"side": "warsaw-pact", "measure": "tanks", "value": 4.0},
        {"side": "nato", "measure": "tanks", "value": 1.0},
        {"side": "nato", "measure": "tanks", "value": 2.0},
        {"side": "nato", "measure": "ships", "value": 10.0},
    ]


# --- plausible wrong answers --------------------------------------------------------


def _ratio_reversed(rows, measure):
    """NATO divided by the Pact: the ratio turned upside down."""
    pact = _values(rows, measure, "warsaw-pact")
    nato = _values(rows, measure, "nato")
    return (min(nato) / max(pact), max(nato) / min(pact))


def _ratio_same_ends(rows, measure):
    """Smallest by smallest and largest by largest: a range that is too narrow."""
    pact = _values(rows, measure, "warsaw-pact")
    nato = _values(rows, measure, "nato")
    return (min(pact) / min(nato), max(pact) / max(nato))


def _ratio_ignoring_measure(rows, measure):
    """Divisions and millions of men mixed together."""
    pact = [row["value"] for row in rows if row["side"] == "warsaw-pact"]
    nato = [row["value"] for row in rows if row["side"] == "nato"]
    return (min(pact) / max(nato), max(pact) / min(nato))


# --- the exercises ----------------------------------------------------------------

THAW_ORDER = OrderExercise(
    id="thaw-order",
    name="thaw_order",
    hint=(
        "Three events belong to 1953 and four to 1955. "
        "In May 1955 one alliance grew first and the other was founded in answer to it."
    ),
    expects="a list of the seven event ids, earliest first",
    events=THAW_EVENTS,
    mistakes=[
        # the GCSE essay's mistake: Khrushchev as a new leader in 1956, after Geneva
        moved("khrushchev-first-secretary", after="open-skies"),
        # the Warsaw Pact put before West Germany's entry into NATO
        swapped("frg-joins-nato", "warsaw-pact-signed"),
        # the Austrian treaty put before the Warsaw Pact (they were one day apart)
        swapped("warsaw-pact-signed", "austrian-state-treaty"),
    ],
)

FORCES_RATIO = FunctionExercise(
    id="thaw-forces-ratio",
    name="ratio_range",
    hint=(
        "Make two lists of values for the chosen measure, one for each side. "
        "The lowest ratio puts the smallest Pact figure over the biggest NATO figure."
    ),
    steps=(
        (
            "Make two lists of the values of that measure: one for the Warsaw Pact rows, one for the NATO rows. "
            "The lowest ratio is the smallest Pact value over the biggest NATO value; the highest is the other "
            "way round."
        ),
        scaffold(
            '''
            def ratio_range(rows, measure):
                pact = [row["value"] for row in rows if row["measure"] == measure and ...]
                nato = [row["value"] for row in rows if ...]
                return (min(pact) / ..., ... / ...)   # (low, high)
            '''
        ),
    ),
    expects="a tuple (low, high) of two numbers: the smallest and largest Warsaw Pact / NATO ratio for that measure",
    expected=_ratio_range,
    cases=lambda: [
        Case((load("forces_1955"), "divisions")),
        Case((load("forces_1955"), "personnel")),
        Case((_toy_table(), "tanks"), "ratio_range(a small made-up table with two NATO estimates, 'tanks')"),
    ],
    rel_tol=1e-9,
    wrong=[_ratio_reversed, _ratio_same_ends, _ratio_ignoring_measure],
)

OUTNUMBERED_CLAIM = ChoiceExercise(
    id="thaw-outnumbered-claim",
    name="outnumbered_verdict",
    hint=(
        "Compare the two ratio ranges you worked out, for divisions and for men under arms, "
        "and remember what kind of figures they are."
    ),
    expects='a one-letter string, "A", "B", "C" or "D"',
    options={
        "A": "The claim is true on every measure: the Warsaw Pact had about five times NATO's forces.",
        "B": "The claim is the wrong way round: NATO had about five times as many forces as the Pact.",
        "C": "The claim holds for army divisions only; in men under arms the two sides were roughly equal.",
        "D": "Nothing can be said at all, because the Soviet Union kept all its military figures secret.",
    },
    answer="C",
    feedback={
        "A": "Five times holds for divisions only. Look at the ratio for men under arms.",
        "B": (
            "A ratio of about 5 means the Pact had more divisions, not NATO: check which side is on top "
            "of the fraction."
        ),
        "D": (
            "The figures are estimates, but several independent Western estimates agree well enough to "
            "judge the claim."
        ),
    },
    wrong=["A", "B", "D"],
)

OPEN_SKIES_REJECTION = ChoiceExercise(
    id="thaw-open-skies-rejection",
    name="open_skies_reason",
    hint="Read Source C again, and the paragraph after it: what did Khrushchev say the flights would really do?",
    expects='a one-letter string, "A", "B", "C" or "D"',
    options={
        "A": "Because the Soviet Union had no aircraft that could fly all the way over the United States.",
        "B": "Because he saw it as a way of gathering intelligence that would leave armaments as they were.",
        "C": "Because Eisenhower had refused to discuss the future of Germany at the Geneva summit that July.",
        "D": "Because Britain and France had already rejected the plan before the Soviet leaders saw it.",
    },
    answer="B",
    feedback={
        "A": (
            "Source C says nothing about Soviet aircraft: Khrushchev's objection was about what the "
            "flights would reveal."
        ),
        "C": "Source C is about disarmament and inspection, not about Germany.",
        "D": "Source C reports only what the Soviet leaders said; look for their own reason.",
    },
    wrong=["A", "C", "D"],
)

for _exercise in (THAW_ORDER, FORCES_RATIO, OUTNUMBERED_CLAIM, OPEN_SKIES_REJECTION):
    register(_exercise)


# --- questions answered without code (a widget in the page; check() in Python) -------------

from ._practice import MatchExercise, ShortAnswerExercise, misconception, with_pair  # noqa: E402

LEADERS_1955 = MatchExercise(
    id="thaw-leaders-1955",
    name="leaders_1955",
    hint="Malenkov, Bulganin and Khrushchev held different posts at different times: read the three steps again.",
    expects="a dict matching each leader to the letter of his post in 1953-55",
    pairs={
        "Nikita Khrushchev": "First Secretary of the Communist Party from September 1953",
        "Georgi Malenkov": "Head of the Soviet government until February 1955",
        "Nikolai Bulganin": "Head of the Soviet government from February 1955, at Geneva",
        "Dwight D. Eisenhower": "US President who proposed Open Skies at Geneva",
    },
    mistakes={
        ("Nikita Khrushchev", "Head of the Soviet government from February 1955, at Geneva"): (
            "Khrushchev did go to Geneva, but the head of government there was Bulganin; "
            "Khrushchev became head of government only in March 1958."
        ),
        ("Nikolai Bulganin", "First Secretary of the Communist Party from September 1953"): (
            "The party post was Khrushchev's, from September 1953; Bulganin took Malenkov's place as head of government."
        ),
    },
)

FIRST_SECRETARY = ShortAnswerExercise(
    id="thaw-first-secretary",
    name="first_secretary_year",
    hint="Look for the plenum of the Central Committee that elected Khrushchev, not for his Secret Speech.",
    expects="a year: when Khrushchev was elected First Secretary of the Communist Party",
    number=1953,
    say_direction=False,  # "too low" would give a year away
    mistakes={
        1956: (
            "That is the claim of a GCSE essay that circulates online: that Khrushchev \"took over\" in February 1956. "
            "February 1956 was the month of his Secret Speech; he had been First Secretary since September 1953."
        ),
        1958: "In March 1958 Khrushchev became head of government as well; the party post came years earlier.",
    },
)

for _exercise in (LEADERS_1955, FIRST_SECRETARY):
    register(_exercise)

misconception(
    __name__,
    claim='Khrushchev "took over the USSR" in February 1956.',
    correction=(
        "He was elected First Secretary on 7 September 1953 {cite:p}`rgani2021khrushchev` "
        "and became head of government only in March 1958 {cite:p}`frankel1958premier`; "
        "February 1956 was the month of the Secret Speech."
    ),
    exercise="thaw-first-secretary",
    answer="1956",
    names="GCSE essay",
)
misconception(
    __name__,
    claim="Khrushchev led the Soviet side at the Geneva summit of 1955 as head of government.",
    correction=(
        "The head of government at Geneva was Nikolai Bulganin {cite:p}`frus1955v20d48`; "
        "Khrushchev was the strongest of several leaders, not yet the only one {cite:p}`taubman2003khrushchev`."
    ),
    exercise="thaw-leaders-1955",
    answer=with_pair(LEADERS_1955, "Nikita Khrushchev", "Head of the Soviet government from February 1955, at Geneva"),
    names="head of government there was Bulganin",
)
