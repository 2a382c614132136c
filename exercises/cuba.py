"""Exercises of the chapter "Revolution, the Bay of Pigs and Vienna, 1959-61" (book/cuba.md).

Each exercise is declared once, here, and the chapter runs ``check("<id>", answer)``.
Expected answers are computed from the tables ``cuba_sugar_quota`` and
``events``, so a corrected table corrects the exercise too.  The wrong answers
are the mistakes students really make: dividing the sugar cut by the wrong
total (the "95 per cent" claim), giving a fraction instead of a percentage, or
giving the share Cuba kept instead of the share it lost.
"""

from __future__ import annotations

from ._core import Case, ChoiceExercise, FunctionExercise, OrderExercise, register, swapped
from ._data import load


# --- reference answers, computed from the tables ---------------------------------


def _tons(rows):
    return {row["figure"]: row["short_tons"] for row in rows}


def _share_cut(rows, base):
    tons = _tons(rows)
    return round(100 * tons["cut_july_1960"] / tons[base], 1)


def _with_figures(**changes):
    """Return the quota table with some figures replaced (a test case the student cannot hard-code)."""
    rows = load("cuba_sugar_quota")
    for row in rows:
        if row["figure"] in changes:
            row["short_tons"] = changes[row["figure"]]
    return rows


#: The seven events of Cuba's road from revolution to the missiles, shuffled.
CUBA_EVENTS = (
    "vienna-summit",
    "export-embargo",
    "batista-flees",
    "anadyr-approved",
    "relations-broken",
    "sugar-quota-cut",
    "bay-of-pigs-landing",
)


# --- plausible wrong answers --------------------------------------------------------


def _share_of_whole_year_always(rows, base):
    tons = _tons(rows)
    return round(100 * tons["cut_july_1960"] / tons["quota_1960"], 1)


def _share_as_fraction(rows, base):
    tons = _tons(rows)
    return round(tons["cut_july_1960"] / tons[base], 3)


def _share_kept(rows, base):
    tons = _tons(rows)
    return round(100 * (tons[base] - tons["cut_july_1960"]) / tons[base], 1)


def _base_over_cut(rows, base):
    tons = _tons(rows)
    return round(100 * tons[base] / tons["cut_july_1960"], 1)


# --- messages that name a known mistake -------------------------------------------------


def _diagnose_share(result, case):
    rows, base = case.args
    if not isinstance(result, (int, float)) or isinstance(result, bool):
        return None
    if base != "quota_1960" and result == _share_of_whole_year_always(rows, base):
        return "You always divided by quota_1960: divide by the figure named base."
    if result == _share_as_fraction(rows, base) or result == round(_share_cut(rows, base) / 100, 3):
        return "That is a fraction: multiply by 100 to give a percentage."
    if result == _share_kept(rows, base):
        return "That is the share that was left, not the share that was cut."
    if result == _base_over_cut(rows, base):
        return "Your division is upside down: divide the cut by the base figure."
    return None


# --- the exercises ----------------------------------------------------------------

SUGAR_CUT_SHARE = FunctionExercise(
    id="cuba-sugar-cut-share",
    name="share_cut",
    hint=(
        "First make a dict from figure name to short_tons. "
        "Then divide the cut by the figure named base (not always by the same total), multiply by 100 and round."
    ),
    expects="a float: 100 x cut_july_1960 / the figure named base, rounded to one decimal place",
    expected=_share_cut,
    cases=lambda: [
        Case((load("cuba_sugar_quota"), "quota_1960")),
        Case((load("cuba_sugar_quota"), "unshipped_before_cut")),
        Case((load("cuba_sugar_quota"), "certified_before_cut")),
        Case(
            (_with_figures(cut_july_1960=500_000), "unshipped_before_cut"),
            'share_cut(the table with a cut of 500,000 tons, "unshipped_before_cut")',
        ),
    ],
    diagnose=_diagnose_share,
    success=(
        "The same cut of 700,000 tons was about a fifth of Cuba's 1960 quota but about 95 per cent "
        "of the sugar Cuba still had to sell that year: always ask what a percentage is a percentage of."
    ),
    wrong=[_share_of_whole_year_always, _share_as_fraction, _share_kept, _base_over_cut],
)

CUBA_ORDER = OrderExercise(
    id="cuba-order",
    name="cuba_order",
    hint=(
        "The economic measures of 1960 came before the break in relations, "
        "and the break came before Kennedy took office; the summit came about seven weeks (47 days) after the landing."
    ),
    expects="a list of the seven event ids, earliest first",
    events=CUBA_EVENTS,
    mistakes=[
        # the embargo put before the sugar cut
        swapped("sugar-quota-cut", "export-embargo"),
        # Vienna put before the Bay of Pigs
        swapped("bay-of-pigs-landing", "vienna-summit"),
    ],
)

SOURCE_PROVENANCE = ChoiceExercise(
    id="cuba-source-provenance",
    name="source_c_provenance",
    hint=(
        "Look at the date, the speaker and the audience in the provenance line, "
        "and ask what the speaker wanted his listeners in Havana and Moscow to hear."
    ),
    expects='a one-letter string, "A", "B", "C" or "D"',
    options={
        "A": (
            "It is a neutral report of the landing, written later for historians when all the facts "
            "were known."
        ),
        "B": "It was a private message to Khrushchev, so it shows what Kennedy really thought of the landing.",
        "C": (
            "It was a public speech the day after the landing failed: it warns Castro but hides the "
            "American part."
        ),
        "D": (
            "It proves that the United States had nothing at all to do with planning or paying for the "
            "landing."
        ),
    },
    answer="C",
    feedback={
        "A": "It was spoken on 20 April 1961, the day after the landing collapsed, by the President himself.",
        "B": "It was a public speech to newspaper editors, printed for everyone to read.",
        "D": (
            "That the USA had nothing to do with it is a misconception: the exiles were trained and "
            "paid by the CIA; the speech only says American forces did not intervene."
        ),
    },
    wrong=["A", "B", "D"],
)

for _exercise in (SUGAR_CUT_SHARE, CUBA_ORDER, SOURCE_PROVENANCE):
    register(_exercise)


# --- questions answered without code (a widget in the page; check() in Python) -------------

from ._practice import MatchExercise, ShortAnswerExercise, misconception, option_with, with_pair  # noqa: E402

CUBA_PEOPLE = MatchExercise(
    id="cuba-people",
    name="cuba_people",
    hint="One fled, one took power, one approved the plan, and one inherited it.",
    expects="a dict matching each person to the letter of their part in 1959-61",
    pairs={
        "Fulgencio Batista": "Cuba's dictator, who fled on 1 January 1959",
        "Fidel Castro": "Led the rebels who took power in January 1959",
        "Dwight D. Eisenhower": "Approved a CIA plan to overthrow Castro in March 1960",
        "John F. Kennedy": "Inherited the plan and would not send American forces in openly",
    },
    mistakes={
        ("John F. Kennedy", "Approved a CIA plan to overthrow Castro in March 1960"): (
            "The plan was approved by Eisenhower on 17 March 1960; the Kennedy administration inherited it."
        ),
        ("Dwight D. Eisenhower", "Inherited the plan and would not send American forces in openly"): (
            "Eisenhower approved the plan in March 1960; it was Kennedy, president from January 1961, who refused to send American forces in openly."
        ),
    },
)

BRIGADE = ShortAnswerExercise(
    id="cuba-brigade",
    name="brigade_size",
    hint="Look for the number of exiles of the CIA-trained brigade who landed on 17 April 1961.",
    expects="a number: about how many exiles landed at the Bay of Pigs (within 100)",
    number=1400,
    tolerance=100,
    unit="exiles",
    mistakes={
        14_000: "That is ten times too many: the brigade was small, which is one reason the landing failed so quickly.",
    },
    wrong=["140", "about 5,000"],
)

for _exercise in (CUBA_PEOPLE, BRIGADE):
    register(_exercise)

misconception(
    __name__,
    claim="The USA had nothing to do with the Bay of Pigs landing: it was the work of Cuban exiles.",
    correction=(
        "Eisenhower approved a CIA plan that included training a force of Cuban exiles {cite:p}`frus1958v06d486`, "
        "and the Kennedy administration inherited it {cite:p}`schoultz2009infernal`; Kennedy said only that American forces "
        "did not intervene {cite:p}`kennedy1961editors`."
    ),
    exercise="cuba-source-provenance",
    answer=option_with(SOURCE_PROVENANCE, "nothing at all to do"),
    names="CIA",
)
