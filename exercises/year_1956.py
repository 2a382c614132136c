"""Exercises of the chapter "1956: de-Stalinisation, Hungary and Suez" (book/year-1956.md).

Each exercise is declared once, here, and the chapter runs ``check("<id>", answer)``.
Expected answers are computed from the ``events`` table; the wrong answers are the
mistakes a student would really make (counting both end days, putting Suez after
the Soviet attack on Budapest, taking a US government release as proof of
authenticity ...).
"""

from __future__ import annotations

from ._core import Case, ChoiceExercise, FunctionExercise, OrderExercise, moved, register, swapped
from ._data import load


# --- reference answers, computed from the tables ---------------------------------

#: The events of the ordering exercise, in the jumbled order the chapter shows.
HUNGARY_EVENTS = (
    "soviet-attack-budapest",
    "israel-attacks-egypt",
    "hungary-uprising-begins",
    "hungary-neutrality",
    "dulles-dallas-speech",
    "soviet-declaration",
)


def _dates(rows):
    return {row["id"]: row["date"] for row in rows}


def _days_between(rows, first_id, second_id):
    dates = _dates(rows)
    return (dates[second_id] - dates[first_id]).days


# --- plausible wrong answers --------------------------------------------------------


def _days_counting_both_ends(rows, first_id, second_id):
    """Counts the first and the last day, as when counting days on a calendar."""
    return _days_between(rows, first_id, second_id) + 1


def _days_from_day_numbers(rows, first_id, second_id):
    """Subtracts the day of the month only, forgetting that the month changed."""
    dates = _dates(rows)
    return dates[second_id].day - dates[first_id].day


def _days_with_30_day_months(rows, first_id, second_id):
    """Treats every month as 30 days long."""
    dates = _dates(rows)
    first, second = dates[first_id], dates[second_id]
    return (second.year - first.year) * 360 + (second.month - first.month) * 30 + second.day - first.day


# --- the exercises ----------------------------------------------------------------

HUNGARY_ORDER = OrderExercise(
    id="year-1956-hungary-order",
    name="hungary_order",
    hint=(
        "All six events fall between 23 October and 4 November 1956. "
        "The Soviet offer to review its troops came before Nagy's declaration, not after it."
    ),
    expects="a list of the six event ids, earliest first",
    events=HUNGARY_EVENTS,
    mistakes=[
        # Suez put after the Soviet attack on Budapest
        moved("israel-attacks-egypt", after="soviet-attack-budapest"),
        # Nagy's declaration of neutrality put before the Soviet declaration
        swapped("soviet-declaration", "hungary-neutrality"),
        # Dulles's reassurance put after the crushing of the revolt
        moved("dulles-dallas-speech", after="soviet-attack-budapest"),
    ],
)

DAYS_BETWEEN = FunctionExercise(
    id="year-1956-days-between",
    name="days_between",
    hint=(
        "Find the two rows by their 'id'. Their 'date' values are Python dates: "
        "subtracting one date from another gives a timedelta, which has a .days attribute."
    ),
    expects="an int: the days from the first event's date to the second event's date (the same day gives 0)",
    expected=_days_between,
    cases=lambda: [
        Case((load("events"), "hungary-uprising-begins", "soviet-attack-budapest")),
        Case((load("events"), "secret-speech", "secret-speech-released")),
        Case((load("events"), "suez-nationalised", "israel-attacks-egypt")),
        Case((load("events"), "israel-attacks-egypt", "bulganin-joint-action")),
        Case((load("events"), "soviet-attack-budapest", "un-assembly-hungary")),
    ],
    wrong=[_days_counting_both_ends, _days_from_day_numbers, _days_with_30_day_months],
)

SPEECH_SOURCE = ChoiceExercise(
    id="year-1956-speech-source",
    name="speech_source_verdict",
    hint=(
        "Ask who obtained the text, how, and what the Department of State itself said about it when it "
        "released it. Then ask why the US government wanted the world to read it."
    ),
    expects='a one-letter string, "A", "B", "C" or "D"',
    options={
        "A": "Completely reliable: the US government checked it word for word against Khrushchev's own text.",
        "B": (
            "Useful evidence, but from a secret source the US would not vouch for, and released to hurt "
            "the USSR."
        ),
        "C": "Useless, because the United States released it only as propaganda against the Soviet Union.",
        "D": "Reliable, because it was first published in the Soviet newspaper Pravda in February 1956.",
    },
    answer="B",
    feedback={
        "A": (
            "The Department of State said it did not propose to vouch for the document, and its experts "
            "expected omissions and distortions."
        ),
        "C": (
            "A source released for propaganda can still be accurate: US experts judged it an authentic "
            "version of the speech."
        ),
        "D": (
            "That it was published in Pravda is a misconception: the speech was given in a closed "
            "session and was not published in the Soviet Union in 1956."
        ),
    },
    wrong=["A", "C", "D"],
)

DULLES_PURPOSE = ChoiceExercise(
    id="year-1956-dulles-purpose",
    name="dulles_purpose",
    hint=(
        "Read Source B again, then read what Dulles asked the US ambassador in Moscow to do with that paragraph "
        "two days later."
    ),
    expects='a one-letter string, "A", "B", "C" or "D"',
    options={
        "A": (
            "To promise the Hungarian fighters that American soldiers would come to help them against "
            "the Soviet army."
        ),
        "B": "To warn Britain and France that the United States would not support an attack on Egypt.",
        "C": "To announce that the United States would leave NATO if the Soviet army left Eastern Europe.",
        "D": "To reassure Moscow that a free Hungary or Poland would not become an American military ally.",
    },
    answer="D",
    feedback={
        "A": (
            "The paragraph promises the opposite of military help: it says the USA does not see these "
            "nations as military allies."
        ),
        "B": (
            "The speech was made on 27 October, two days before the attack on Egypt began, and this "
            "passage is about Eastern Europe."
        ),
        "C": "Dulles speaks of a Europe no longer divided, but he says nothing about leaving NATO.",
    },
    wrong=["A", "B", "C"],
)

for _exercise in (HUNGARY_ORDER, DAYS_BETWEEN, SPEECH_SOURCE, DULLES_PURPOSE):
    register(_exercise)


# --- questions answered without code (a widget in the page; check() in Python) -------------

from ._practice import MatchExercise, ShortAnswerExercise, misconception, option_with  # noqa: E402

PEOPLE_1956 = MatchExercise(
    id="year-1956-people",
    name="people_1956",
    hint="Two of them were Hungarian Communists on opposite sides in November 1956; one was a Soviet diplomat in Budapest.",
    expects="a dict matching each person to the letter of what they did in 1956",
    pairs={
        "Imre Nagy": "Hungarian prime minister who declared Hungary neutral on 1 November",
        "János Kádár": "Took power in Hungary with the backing of the Soviet army",
        "Yuri Andropov": "Soviet ambassador in Budapest",
        "Nikita Khrushchev": "Attacked Stalin's crimes in a closed session in February",
    },
    mistakes={
        ("Imre Nagy", "Took power in Hungary with the backing of the Soviet army"): (
            "Nagy led the government that the Soviet army overthrew; Kádár took power with Soviet backing."
        ),
        ("János Kádár", "Hungarian prime minister who declared Hungary neutral on 1 November"): (
            "The declaration of neutrality was Nagy's; Kádár replaced his government."
        ),
    },
)

NEUTRAL_LEADER = ShortAnswerExercise(
    id="year-1956-neutral-leader",
    name="neutral_leader",
    hint="He became prime minister during the revolt and protested to the Soviet ambassador on 1 November.",
    expects="a name: the Hungarian prime minister who announced on 1 November 1956 that Hungary was leaving the Warsaw Pact",
    accept=("Nagy", "Imre Nagy", "Nagy Imre", "Prime Minister Nagy"),
    mistakes={
        "Kadar": "János Kádár was the man who took power after Nagy's government fell, backed by the Soviet army.",
        "Kádár": "János Kádár was the man who took power after Nagy's government fell, backed by the Soviet army.",
        "Janos Kadar": "János Kádár was the man who took power after Nagy's government fell, backed by the Soviet army.",
        "Andropov": "Yuri Andropov was the Soviet ambassador to whom the prime minister protested.",
    },
)

for _exercise in (PEOPLE_1956, NEUTRAL_LEADER):
    register(_exercise)

misconception(
    __name__,
    claim="Khrushchev's Secret Speech was published in Pravda in February 1956.",
    correction=(
        "He gave it to a closed session of the Party Congress on 25 February 1956; it was not published in the "
        "Soviet Union then {cite:p}`frus1955v24d26`, and the West first read it in the version the US State "
        "Department released on 4 June 1956 {cite:p}`frus1955v09d199`."
    ),
    exercise="year-1956-speech-source",
    answer=option_with(SPEECH_SOURCE, "Pravda"),
    names="closed session",
)
