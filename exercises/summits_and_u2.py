"""Exercises of the chapter "Camp David to Paris, 1959-60" (book/summits-and-u2.md).

Each exercise is declared once, here, and the chapter runs ``check("<id>", answer)``.
Expected answers are computed from the tables ``events`` and ``u2_statements``,
so a corrected table corrects the exercise too.  The wrong answers are the
mistakes students really make: believing the common story that the USA kept
denying everything until Eisenhower's news conference of 11 May, or taking a
Soviet statement for an American one.
"""

from __future__ import annotations

from ._core import ChoiceExercise, OrderExercise, ValueExercise, moved, register
from ._data import load


# --- reference answers, computed from the tables ---------------------------------

#: The seven events of the U-2 affair that the ordering exercise shuffles.
U2_EVENTS = (
    "u2-state-admits",
    "paris-summit-collapses",
    "u2-shot-down",
    "u2-eisenhower-press",
    "u2-us-note",
    "u2-khrushchev-announces",
    "u2-nasa-missing",
)


def _first_admission():
    admissions = [
        row for row in load("u2_statements") if row["side"] == "US" and row["account"] == "admission"
    ]
    return min(admissions, key=lambda row: row["date"])["event"]


# --- messages that name a known mistake -------------------------------------------------


def _diagnose_first_admission(answer):
    rows = {row["event"]: row for row in load("u2_statements")}
    if not isinstance(answer, str) or answer not in rows:
        return "Give the value of the event column of one row of u2_statements, in quotes."
    row = rows[answer]
    if row["side"] != "US":
        return "That statement was made by the Soviet side; look only at rows where side is 'US'."
    if row["account"] == "cover":
        return "That statement still kept to the cover story about a weather plane."
    return "That is an admission, but not the first one: compare the dates."


# --- the exercises ----------------------------------------------------------------

U2_ORDER = OrderExercise(
    id="summits-and-u2-order",
    name="u2_order",
    hint=(
        "Start with the shooting-down on 1 May and end with the summit in Paris. "
        "The American cover story came before Khrushchev's first speech, and the admission came after his second."
    ),
    expects="a list of the seven event ids, earliest first",
    events=U2_EVENTS,
    mistakes=[
        # the common story: the USA denied everything until Eisenhower spoke on 11 May
        moved("u2-state-admits", after="u2-eisenhower-press"),
        # Khrushchev's announcement put before the first NASA statement
        moved("u2-khrushchev-announces", before="u2-nasa-missing"),
    ],
)

FIRST_ADMISSION = ValueExercise(
    id="summits-and-u2-first-admission",
    name="first_admission",
    hint=(
        "Keep only the rows where side is 'US' and account is 'admission', then take the earliest. "
        "The President was not the first American to admit it."
    ),
    expects='a string: the event id of the earliest US statement whose account is "admission"',
    expected=_first_admission,
    diagnose=_diagnose_first_admission,
    success=(
        "On 7 May the State Department admitted the spying but still said Washington had not authorised "
        "the flight; only on 9 and 11 May did Herter and Eisenhower admit that it was the President's policy."
    ),
    wrong=[
        "u2-eisenhower-press",  # the popular answer: Eisenhower on 11 May
        "u2-herter-statement",  # the first admission that the flights were the President's policy
        "u2-pilot-alive",  # Khrushchev's revelation the same day: a Soviet statement
        "u2-us-note",  # the last statement of the cover story
    ],
)

SOURCE_USEFULNESS = ChoiceExercise(
    id="summits-and-u2-source-usefulness",
    name="source_d_usefulness",
    hint=(
        "A source can be useful and still be one-sided. "
        "Ask what the President needed to say on 11 May 1960, and what else a historian could check it against."
    ),
    expects='a one-letter string, "A", "B", "C" or "D"',
    options={
        "A": "Useful for the official reason for the flights, but said to defend a government caught out.",
        "B": (
            "Not useful at all: Eisenhower had already lied about the flight, so nothing he says can be "
            "used."
        ),
        "C": "Completely reliable, because it is the President's own statement, printed in the Public Papers.",
        "D": (
            "Useful mainly because it proves that the United States had planned the collapse of the "
            "Paris summit."
        ),
    },
    answer="A",
    feedback={
        "B": "A biased source is still evidence: it shows the reason the government chose to give in public.",
        "C": (
            "Being official makes the text exact, not the reasons true or complete; think about why it "
            "was said."
        ),
        "D": "Source D says nothing about the summit, and Eisenhower went to Paris hoping it would succeed.",
    },
    wrong=["B", "C", "D"],
)

for _exercise in (U2_ORDER, FIRST_ADMISSION, SOURCE_USEFULNESS):
    register(_exercise)


# --- questions answered without code (a widget in the page; check() in Python) -------------

from ._practice import MatchExercise, ShortAnswerExercise, misconception, with_pair  # noqa: E402

U2_PLACES = MatchExercise(
    id="summits-and-u2-places",
    name="u2_places",
    hint="Read the section on 1 May 1960 again: where the flight began, where it was to end, where it ended, and where the cover story put it.",
    expects="a dict matching each place to the letter of its part in the story",
    pairs={
        "Peshawar": "Where the U-2 took off, in Pakistan",
        "Bodø": "Where the U-2 was to land, in Norway",
        "Sverdlovsk": "Near where the U-2 was shot down, deep inside the Soviet Union",
        "Lake Van": "Where NASA's first statement said a weather plane had gone down, in Turkey",
    },
    mistakes={
        ("Lake Van", "Near where the U-2 was shot down, deep inside the Soviet Union"): (
            "That was the cover story: NASA said a weather plane had apparently gone down in the Lake Van area of Turkey. "
            "The U-2 was a spy plane, shot down near Sverdlovsk."
        ),
        ("Peshawar", "Where the U-2 was to land, in Norway"): "The flight ran from Pakistan across the Soviet Union towards Norway, not the other way.",
        ("Bodø", "Where the U-2 took off, in Pakistan"): "The flight ran from Pakistan across the Soviet Union towards Norway, not the other way.",
    },
)

U2_PILOT = ShortAnswerExercise(
    id="summits-and-u2-pilot",
    name="u2_pilot",
    hint="Khrushchev said nothing about him on 5 May; two days later he said the pilot was alive.",
    expects="a name: the pilot of the U-2 shot down on 1 May 1960",
    accept=("Powers", "Gary Powers", "Francis Gary Powers", "Francis Powers", "Frank Powers", "F. G. Powers"),
    mistakes={
        "Anderson": "Major Rudolf Anderson was the U-2 pilot shot down and killed over Cuba in October 1962.",
        "Rudolf Anderson": "Major Rudolf Anderson was the U-2 pilot shot down and killed over Cuba in October 1962.",
    },
)

for _exercise in (U2_PLACES, U2_PILOT):
    register(_exercise)

misconception(
    __name__,
    claim="The U-2 was a weather plane that strayed over the border.",
    correction=(
        "That was the American cover story: on 3 May NASA said a weather plane had apparently gone down near Lake Van in Turkey "
        "{cite:p}`frus1960u2note`. The U-2 flown by Francis Gary Powers was shot down near Sverdlovsk, "
        "about 1,200 miles inside the Soviet Union {cite:p}`frus1960u2note`, and on 7 May the State Department admitted "
        "that the flight had probably been made to obtain information {cite:p}`dos1960u2statements`."
    ),
    exercise="summits-and-u2-places",
    answer=with_pair(U2_PLACES, "Lake Van", "Near where the U-2 was shot down, deep inside the Soviet Union"),
    names="cover story",
)
