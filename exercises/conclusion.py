"""Exercises of the chapter "How did relations change, 1955-62?" (book/conclusion.md).

The conclusion reads the whole period as a pattern of thaw and freeze.
Students join the book's tension scores (table ``tension``) to the dated
events (table ``events``), find where tension rose, plan essay answers and
test the claims of a typical answer against the evidence (table ``claims``).

Expected answers are computed from those tables; the starter and solution
code live in the chapter only.
"""

from __future__ import annotations

import datetime as _dt

from ._core import Case, ChoiceExercise, FunctionExercise, OrderExercise, ValueExercise, register, swapped
from ._data import load

#: Paragraph topics of the narrative-account plan, in the jumbled order the chapter gives them.
NARRATIVE_EVENTS = (
    "wall-begins",
    "u2-shot-down",
    "kennedy-quarantine-address",
    "berlin-ultimatum",
    "vienna-summit",
    "khrushchev-arrives-usa",
)


# --- reference answers, computed from the tables ------------------------------------


def _tension_series(events, scores):
    return sorted((row["date"], row["id"], scores[row["id"]]) for row in events if row["id"] in scores)


def _rises(series):
    return [event_id for (_, _, before), (_, event_id, score) in zip(series, series[1:]) if score > before]


def _book_scores():
    return {row["id"]: row["score"] for row in load("tension")}


def _book_series():
    return _tension_series(load("events"), _book_scores())


def _verdicts():
    return {row["id"]: row["supported"] == "yes" for row in load("claims")}


# Small hand-made inputs, so that the checks also try cases where the order of the rows matters.
_D = _dt.date


def _toy_events():
    return [dict(row) for row in _TOY_EVENTS]


def _toy_series():
    return list(_TOY_SERIES)


_TOY_EVENTS = [
    {"id": "c", "date": _D(1961, 8, 13), "title": "c", "chapter": "x", "source": "k"},
    {"id": "a", "date": _D(1955, 7, 18), "title": "a", "chapter": "x", "source": "k"},
    {"id": "b", "date": _D(1959, 9, 15), "title": "b", "chapter": "x", "source": "k"},
    {"id": "d", "date": _D(1962, 10, 27), "title": "d", "chapter": "x", "source": "k"},
]
_TOY_SERIES = [
    (_D(1955, 7, 18), "a", 3),
    (_D(1956, 11, 4), "b", 6),
    (_D(1959, 9, 15), "c", 3),
    (_D(1960, 5, 1), "d", 6),
    (_D(1960, 5, 16), "e", 6),
    (_D(1961, 8, 13), "f", 8),
]


# --- plausible wrong answers --------------------------------------------------------


def _series_unsorted(events, scores):
    return [(row["date"], row["id"], scores[row["id"]]) for row in events if row["id"] in scores]


def _series_by_score(events, scores):
    return sorted(
        ((row["date"], row["id"], scores[row["id"]]) for row in events if row["id"] in scores),
        key=lambda item: item[2],
    )


def _series_with_unscored(events, scores):
    return sorted((row["date"], row["id"], scores.get(row["id"])) for row in events)


def _rises_or_equal(series):
    return [event_id for (_, _, before), (_, event_id, score) in zip(series, series[1:]) if score >= before]


def _rises_against_next(series):
    return [event_id for (_, event_id, score), (_, _, after) in zip(series, series[1:]) if after > score]


def _rises_with_first(series):
    return [series[0][1]] + _rises(series) if series else []


def _falls(series):
    return [event_id for (_, _, before), (_, event_id, score) in zip(series, series[1:]) if score < before]


def _all_true():
    return {row["id"]: True for row in load("claims")}


def _flipped(claim_id):
    verdicts = _verdicts()
    verdicts[claim_id] = not verdicts[claim_id]
    return verdicts


# --- messages that name a known mistake ---------------------------------------------


def _diagnose_series(result, case):
    events, scores = case.args
    if not isinstance(result, list):
        return None
    if result == _series_unsorted(events, scores) != _tension_series(events, scores):
        return "The rows of the table are not in date order: sort the tuples before returning them."
    if result == _series_by_score(events, scores) != _tension_series(events, scores):
        return "Sort by date, not by score: put the date first in each tuple and sort."
    if len(result) > len(scores):
        return "Leave out the events that have no score."
    return None


def _diagnose_rises(result, case):
    (series,) = case.args
    if not isinstance(result, list) or result == _rises(series):
        return None
    if result == _rises_or_equal(series):
        return "A score equal to the one before is not a rise: use > rather than >=."
    if result == _rises_against_next(series):
        return "Compare each event with the event before it, not with the one after."
    if result == _falls(series):
        return "Those are the falls: keep the events whose score is higher than the one before."
    if series and result[:1] == [series[0][1]]:
        return "The first event has nothing before it, so it cannot be a rise."
    return None


def _diagnose_verdicts(answer):
    if not isinstance(answer, dict):
        return None
    right = _verdicts()
    missing = [claim for claim in right if claim not in answer]
    if missing:
        return f"Give a verdict for every claim: {missing[0]!r} is missing."
    wrong = [claim for claim in right if answer.get(claim) is not right[claim]]
    if len(wrong) == 1:
        return f"One verdict is not right: look again at the evidence for {wrong[0]!r}."
    return None


# --- the exercises ----------------------------------------------------------------

TENSION_SERIES = FunctionExercise(
    id="conclusion-tension-series",
    name="tension_series",
    hint=(
        "Keep only the rows whose row['id'] is a key of scores, make a (date, id, score) tuple for each, "
        "and sort the list: tuples sort by their first item, the date."
    ),
    expects="a list of (date, id, score) tuples, one per scored event, sorted by date",
    expected=_tension_series,
    cases=lambda: [
        Case((load("events"), _book_scores()), 'tension_series(load("events"), the book\'s scores)'),
        Case((_toy_events(), {"a": 3, "b": 2, "c": 8, "d": 10}), "tension_series(four events out of date order, scores for all four)"),
        Case((_toy_events(), {"d": 10, "a": 3}), "tension_series(four events out of date order, scores for two)"),
        Case((_toy_events(), {}), "tension_series(four events, no scores)"),
    ],
    diagnose=_diagnose_series,
    wrong=[_series_unsorted, _series_by_score, _series_with_unscored],
)

RISES = FunctionExercise(
    id="conclusion-rises",
    name="rises",
    hint=(
        "Walk through the series in pairs (the event before, this event): zip(series, series[1:]) gives the pairs. "
        "Keep this event's id when its score is strictly higher."
    ),
    expects="a list of event ids, in date order, of the events whose score is higher than the score just before",
    expected=_rises,
    cases=lambda: [
        Case((_book_series(),), "rises(the book's tension series)"),
        Case((_toy_series(),), "rises(a series of six scores: 3, 6, 3, 6, 6, 8)"),
        Case((_toy_series()[:1],), "rises(a series of one event)"),
        Case(([],), "rises([])"),
    ],
    diagnose=_diagnose_rises,
    wrong=[_rises_or_equal, _rises_against_next, _rises_with_first, _falls],
)

NARRATIVE_ORDER = OrderExercise(
    id="conclusion-narrative-order",
    name="paragraphs",
    hint=(
        "Berlin comes first and Cuba last. In between, remember that Khrushchev's visit to the USA came "
        "before the U-2, and that Kennedy met Khrushchev at Vienna before the Wall went up."
    ),
    expects="a list of the six event ids, earliest first",
    events=NARRATIVE_EVENTS,
    mistakes=[
        # the U-2 put before Khrushchev's visit
        swapped("khrushchev-arrives-usa", "u2-shot-down"),
        # the Wall put before Vienna
        swapped("vienna-summit", "wall-begins"),
    ],
)

EXPLAIN_PLAN = ChoiceExercise(
    id="conclusion-explain-plan",
    name="explain_plan",
    hint="An explain question asks why. Which plan gives reasons, one per paragraph, each with evidence?",
    expects='a one-letter string, "A", "B", "C" or "D"',
    options={
        "A": (
            "Three paragraphs, one per reason (refugees and the 1958 ultimatum; U-2 and Paris; Vienna "
            "and the Wall), each linked to worse relations."
        ),
        "B": (
            "Tell the story of every event from 1955 to 1962 in the order it happened, from the Geneva "
            "summit to the Cuban missile crisis, with the dates."
        ),
        "C": (
            "One paragraph on Khrushchev's character and one on Kennedy's, showing how two very "
            "different men could not get on with each other."
        ),
        "D": (
            "Argue that relations really improved, using the Camp David talks of 1959 and the test ban "
            "treaty of 1963 as the main evidence."
        ),
    },
    answer="A",
    feedback={
        "B": (
            "That is a narrative of the whole period: it tells what happened, not why relations got "
            "worse, and strays outside 1958-61."
        ),
        "C": (
            "Character may be part of a reason, but this plan gives no events as evidence and no links "
            "to the outcome."
        ),
        "D": "The question asks why relations got worse in 1958-61; 1963 is outside the period.",
    },
    wrong=["B", "C", "D"],
)

CLAIMS_VERDICT = ValueExercise(
    id="conclusion-claims-verdict",
    name="verdicts",
    hint=(
        "Take the claims one at a time and compare each with its line of evidence: a claim with the wrong "
        "number or date, or one that leaves out the secret deal, is not supported as it is stated."
    ),
    expects="a dict mapping each of the seven claim ids to True (supported) or False (not supported)",
    expected=_verdicts,
    diagnose=_diagnose_verdicts,
    success="Three of the seven claims in a confident essay fail on a date or a number, and two leave out the secret deal.",
    wrong=[
        _all_true(),  # believing the essay
        _flipped("khrushchev-leader-1956"),  # Khrushchev did lead the USSR in 1956, but he became leader in 1953
        _flipped("breakthrough-26-october"),  # the first letter taken as the end of the crisis
        _flipped("jupiters-six-months"),  # doubting the one claim about the Jupiters that holds
    ],
)

for _exercise in (TENSION_SERIES, RISES, NARRATIVE_ORDER, EXPLAIN_PLAN, CLAIMS_VERDICT):
    register(_exercise)


# --- questions answered without code (a widget in the page; check() in Python) -------------

from ._practice import MatchExercise, ShortAnswerExercise, misconception, with_pair  # noqa: E402

THAW_OR_FREEZE = MatchExercise(
    id="conclusion-thaw-or-freeze",
    name="thaw_or_freeze",
    hint="Use the five periods at the start of this chapter: thaw, freeze, thaw, freeze, thaw.",
    expects="a dict matching each event to the letter of the period it belongs to",
    pairs={
        "The Geneva summit, July 1955": "Thaw, 1955-56",
        "Soviet tanks crush the Hungarian rising, November 1956": "Freeze, 1956-58",
        "Khrushchev talks with Eisenhower at Camp David, September 1959": "Thaw, 1959",
        "The U-2 is shot down and the Paris summit collapses, 1960": "Freeze, 1960-62",
        "The hotline agreement and the Limited Test Ban Treaty, 1963": "Thaw, 1963",
    },
    mistakes={
        ("Khrushchev talks with Eisenhower at Camp David, September 1959", "Freeze, 1960-62"): (
            "Relations did not simply get worse from 1955 to 1962: 1959 was a thaw, between the Berlin ultimatum and the U-2."
        ),
        ("The Geneva summit, July 1955", "Freeze, 1956-58"): "Geneva came before the freeze of 1956-58: it was the first summit since 1945.",
    },
)

REFUGEES_TO_WALL = ShortAnswerExercise(
    id="conclusion-refugees",
    name="refugees_to_wall",
    hint="Look at the list of facts the book has checked, at the end of this chapter.",
    expects="a number: about how many people left East Germany for the West from 1949 to August 1961 (within 200,000)",
    number=2_700_000,
    tolerance=200_000,
    unit="people",
    mistakes={
        250_000: (
            "That is the figure of a GCSE essay that circulates online, and it is about ten times too small: "
            "in some single years between 1949 and 1961 more than 250,000 people left."
        ),
        2_300_000: "That is the CIA survey's lower count, from 1948 to the Wall; the figure this chapter gives is higher.",
    },
)

for _exercise in (THAW_OR_FREEZE, REFUGEES_TO_WALL):
    register(_exercise)

misconception(
    __name__,
    claim="Relations between the USA and the USSR simply got worse from 1955 to 1962.",
    correction=(
        "They went up and down: a thaw at Geneva in 1955 {cite:p}`frus1955v20d48`, a freeze over Hungary in 1956 "
        "{cite:p}`frus1955v25d162`, a thaw at Camp David in 1959 {cite:p}`eisenhower1959firstdiscussions`, "
        "and a freeze after the U-2 in 1960 {cite:p}`frus1960u2note`."
    ),
    exercise="conclusion-thaw-or-freeze",
    answer=with_pair(THAW_OR_FREEZE, "Khrushchev talks with Eisenhower at Camp David, September 1959", "Freeze, 1960-62"),
    names="did not simply get worse",
)
misconception(
    __name__,
    claim='Only "250,000" people left East Germany before the Wall.',
    correction="About 2.7 million people left East Germany for the West between 1949 and August 1961 {cite:p}`ghdi1963refugees`.",
    exercise="conclusion-refugees",
    answer="250,000",
    names="GCSE essay",
)
