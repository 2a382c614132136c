"""Exercises of the chapter "Thirteen days: the Cuban missile crisis, October 1962" (book/missile-crisis.md).

Tables used: ``missile_sites`` (towns near the Soviet missile sites in Cuba),
``cities`` (North American cities), ``missiles`` (range figures for the R-12
and R-14 from different sources) and ``events``.

Distances are great-circle distances on a sphere of mean Earth radius
``EARTH_RADIUS_KM`` = 6371.0 km, computed with the haversine formula; the
chapter states the same radius, and students are asked to use it.

The two letter excerpts are exact words of the US government translations
printed in *Foreign Relations of the United States, 1961-1963*, volume VI,
documents 65 (26 October 1962) and 66 (27 October 1962); the chapter shows
them as Sources B and C.
"""

from __future__ import annotations

import datetime as _dt
import math
import re

from ._core import Case, ChoiceExercise, FunctionExercise, OrderExercise, ValueExercise, register, swapped
from ._data import load
from ._core import scaffold

__all__ = ["EARTH_RADIUS_KM", "KEYWORDS", "LETTER_26_OCTOBER", "LETTER_27_OCTOBER"]

#: Mean radius of the Earth used for every distance in the chapter, in km.
EARTH_RADIUS_KM = 6371.0

#: Khrushchev to Kennedy, 26 October 1962 (US Embassy translation, FRUS 1961-63 vol. VI, doc. 65).
LETTER_26_OCTOBER = (
    "Let us therefore show statesmanlike wisdom. I propose: We, for our part, will declare that our ships, "
    "bound for Cuba, will not carry any kind of armaments. You would declare that the United States will not "
    "invade Cuba with its forces and will not support any sort of forces which might intend to carry out an "
    "invasion of Cuba. Then the necessity for the presence of our military specialists in Cuba would disappear."
)

#: Khrushchev to Kennedy, 27 October 1962 (Department of State translation, FRUS 1961-63 vol. VI, doc. 66).
LETTER_27_OCTOBER = (
    "I therefore make this proposal: We are willing to remove from Cuba the means which you regard as "
    "offensive. We are willing to carry this out and to make this pledge in the United Nations. Your "
    "representatives will make a declaration to the effect that the United States, for its part, considering "
    "the uneasiness and anxiety of the Soviet State, will remove its analogous means from Turkey."
)

#: Key words the chapter compares between the two letters.
KEYWORDS = ("armaments", "cuba", "invade", "nations", "offensive", "pledge", "remove", "ships", "state", "turkey")

#: Event ids of the ordering exercise, in the jumbled order the chapter prints them.
DAY_EVENTS = (
    "sac-defcon-2",
    "khrushchev-letter-26-october",
    "u2-finds-missile-sites",
    "khrushchev-broadcast-acceptance",
    "kennedy-quarantine-address",
    "khrushchev-letter-27-october",
    "kennedy-told-of-missiles",
    "oas-backs-quarantine",
)

BLACK_SATURDAY = _dt.date(1962, 10, 27)


# --- reference answers, computed from the tables ---------------------------------


def _haversine_km(lat1, lon1, lat2, lon2):
    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    dphi = math.radians(lat2 - lat1)
    dlambda = math.radians(lon2 - lon1)
    h = math.sin(dphi / 2) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(dlambda / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(math.sqrt(h))


def _cities_in_range(site, cities, range_km):
    return sorted(
        city["name"]
        for city in cities
        if _haversine_km(site["lat"], site["lon"], city["lat"], city["lon"]) <= range_km
    )


def _words(text):
    return set(re.findall(r"[a-z]+", text.lower()))


def _new_keywords(first, second, keywords):
    first_words, second_words = _words(first), _words(second)
    return sorted(word for word in keywords if word in second_words and word not in first_words)


def _chapter_events_on(day):
    return [row for row in load("events") if row["chapter"] == "missile-crisis" and row["date"] == day]


def _black_saturday():
    return sorted(row["id"] for row in _chapter_events_on(BLACK_SATURDAY))


def _distance_cases():
    """Every missile site to every city, plus points that test the edges of the formula."""
    sites, cities = load("missile_sites"), load("cities")
    cases = [
        Case(
            (site["lat"], site["lon"], city["lat"], city["lon"]),
            f"haversine_km({site['lat']}, {site['lon']}, {city['lat']}, {city['lon']}), "
            f"from {site['name']} to {city['name']}",
        )
        for site in sites
        for city in cities
    ]
    cases += [
        Case((22.71658, -83.05647, 22.71658, -83.05647), "haversine_km for the same point twice"),
        Case((0.0, 0.0, 0.0, 90.0), "haversine_km(0.0, 0.0, 0.0, 90.0), a quarter of the equator"),
        Case((51.5, -0.1, 55.75, 37.6), "haversine_km(51.5, -0.1, 55.75, 37.6), London to Moscow"),
        Case((-33.9, 18.4, 40.7, -74.0), "haversine_km(-33.9, 18.4, 40.7, -74.0), Cape Town to New York"),
        Case((64.8, -147.7, 43.1, 131.9), "haversine_km(64.8, -147.7, 43.1, 131.9), across the 180th meridian"),
    ]
    return cases


def _range_cases():
    sites, cities, missiles = load("missile_sites"), load("cities"), load("missiles")
    cases = [
        Case((site, cities, row["range_km"]), f"cities_in_range(site {site['name']}, cities, {row['range_km']})")
        for site in sites
        for row in missiles
    ]
    cases += [
        Case((sites[0], cities, 0.0), f"cities_in_range(site {sites[0]['name']}, cities, 0.0)"),
        Case((sites[0], [], 5000.0), f"cities_in_range(site {sites[0]['name']}, [], 5000.0)"),
        Case((sites[-1], cities, 10_000.0), f"cities_in_range(site {sites[-1]['name']}, cities, 10000.0)"),
    ]
    return cases


def _keyword_cases():
    return [
        Case((LETTER_26_OCTOBER, LETTER_27_OCTOBER, KEYWORDS),
             "new_keywords(LETTER_26_OCTOBER, LETTER_27_OCTOBER, KEYWORDS)"),
        Case((LETTER_27_OCTOBER, LETTER_26_OCTOBER, KEYWORDS),
             "new_keywords(LETTER_27_OCTOBER, LETTER_26_OCTOBER, KEYWORDS)"),
        Case(("The ships sail.", "The SHIPS and the missiles.", ("ships", "sail", "missiles"))),
        Case(("the United States", "the Soviet State", ("states", "state"))),
        Case(("Turkey and Cuba", "Cuba and Turkey", ("turkey", "cuba"))),
        Case(("", "Remove the means from Turkey and from Cuba", ("turkey", "remove", "cuba", "berlin"))),
    ]


# --- plausible wrong answers --------------------------------------------------------


def _haversine_in_degrees(lat1, lon1, lat2, lon2):
    """Forgot to turn degrees into radians."""
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(math.sqrt(h))


def _flat_map_distance(lat1, lon1, lat2, lon2):
    """Pythagoras on a flat latitude-longitude map, 111.2 km to every degree."""
    return math.hypot(lat2 - lat1, lon2 - lon1) * (math.pi * EARTH_RADIUS_KM / 180)


def _haversine_in_miles(lat1, lon1, lat2, lon2):
    """The right formula with the Earth's radius in statute miles."""
    return _haversine_km(lat1, lon1, lat2, lon2) / EARTH_RADIUS_KM * 3959.0


def _haversine_without_two(lat1, lon1, lat2, lon2):
    """Dropped the factor 2 in front of the arcsine."""
    return _haversine_km(lat1, lon1, lat2, lon2) / 2


def _haversine_lat_lon_swapped(lat1, lon1, lat2, lon2):
    """Read the arguments as (longitude, latitude)."""
    return _haversine_km(lon1, lat1, lon2, lat2)


def _in_range_unsorted(site, cities, range_km):
    return [
        city["name"]
        for city in cities
        if _haversine_km(site["lat"], site["lon"], city["lat"], city["lon"]) <= range_km
    ]


def _in_range_ids(site, cities, range_km):
    return sorted(
        city["id"] for city in cities if _haversine_km(site["lat"], site["lon"], city["lat"], city["lon"]) <= range_km
    )


def _in_range_flat_map(site, cities, range_km):
    return sorted(
        city["name"]
        for city in cities
        if _flat_map_distance(site["lat"], site["lon"], city["lat"], city["lon"]) <= range_km
    )


def _in_range_miles(site, cities, range_km):
    return sorted(
        city["name"]
        for city in cities
        if _haversine_in_miles(site["lat"], site["lon"], city["lat"], city["lon"]) <= range_km
    )


def _out_of_range(site, cities, range_km):
    return sorted(
        city["name"] for city in cities if _haversine_km(site["lat"], site["lon"], city["lat"], city["lon"]) > range_km
    )


def _keywords_reversed(first, second, keywords):
    """Listed the words of the first text that are missing from the second."""
    return _new_keywords(second, first, keywords)


def _keywords_case_sensitive(first, second, keywords):
    first_words, second_words = set(re.findall(r"[A-Za-z]+", first)), set(re.findall(r"[A-Za-z]+", second))
    return sorted(word for word in keywords if word in second_words and word not in first_words)


def _keywords_substring(first, second, keywords):
    """Tested `word in text`, so "state" is found inside "States"."""
    return sorted(word for word in keywords if word in second.lower() and word not in first.lower())


def _keywords_either_not_both(first, second, keywords):
    first_words, second_words = _words(first), _words(second)
    return sorted(word for word in keywords if (word in first_words) != (word in second_words))


def _keywords_unsorted(first, second, keywords):
    first_words, second_words = _words(first), _words(second)
    return [word for word in keywords if word in second_words and word not in first_words]


def _diagnose_distance(result, case):
    if not isinstance(result, (int, float)) or isinstance(result, bool):
        return None
    known = [
        (_haversine_in_degrees, "It looks as if the angles were used in degrees: convert them with math.radians first."),
        (_haversine_in_miles, "That looks like miles: use the radius 6371.0 km."),
        (_haversine_without_two, "That is exactly half the distance: the formula starts with 2R."),
        (_haversine_lat_lon_swapped, "Latitude and longitude look swapped: the order is lat1, lon1, lat2, lon2."),
        (_flat_map_distance, "That is a straight line on a flat map; use the haversine formula for the curved Earth."),
    ]
    for mistake, message in known:
        if math.isclose(result, mistake(*case.args), rel_tol=1e-6) and not math.isclose(
            result, _haversine_km(*case.args), rel_tol=0.001
        ):
            return message
    return None


def _ids_on(*days):
    return sorted(row["id"] for day in days for row in _chapter_events_on(day))


# --- the exercises ----------------------------------------------------------------

DISTANCES = FunctionExercise(
    id="missile-crisis-distances",
    name="haversine_km",
    hint=(
        "The functions in math work in radians, so convert every latitude and longitude with math.radians first. "
        "Then follow the formula term by term, and do not forget the 2 in front of R."
    ),
    steps=(
        (
            "Convert first: phi1 and phi2 are the two latitudes in radians; dphi and dlambda are the differences "
            "in latitude and in longitude, in radians. Then h = sin(dphi/2)**2 + "
            "cos(phi1)*cos(phi2)*sin(dlambda/2)**2, and the distance is 2 * R * asin(sqrt(h))."
        ),
        scaffold(
            '''
            import math

            EARTH_RADIUS_KM = 6371.0

            def haversine_km(lat1, lon1, lat2, lon2):
                phi1 = math.radians(lat1)
                phi2 = ...
                dphi = math.radians(...)
                dlambda = math.radians(...)
                h = math.sin(dphi / 2) ** 2 + ...
                return 2 * EARTH_RADIUS_KM * ...
            '''
        ),
    ),
    expects="a float: the great-circle distance in km on a sphere of radius 6371.0 km (within 0.1 per cent)",
    expected=_haversine_km,
    cases=_distance_cases,
    rel_tol=0.001,
    diagnose=_diagnose_distance,
    success="A missile flies a great circle: these are the distances the range figures must be compared with.",
    wrong=[
        _haversine_in_degrees,
        _flat_map_distance,
        _haversine_in_miles,
        _haversine_without_two,
        _haversine_lat_lon_swapped,
    ],
)

CITIES_IN_RANGE = FunctionExercise(
    id="missile-crisis-cities-in-range",
    name="cities_in_range",
    hint=(
        "For each city, measure the great-circle distance from the site with haversine_km(site['lat'], "
        "site['lon'], city['lat'], city['lon']) and keep city['name'] if it is no more than range_km. "
        "Sort the names at the end."
    ),
    steps=(
        (
            "Copy your haversine_km function from the last exercise into this cell (or inside cities_in_range). "
            "Then loop over the cities, keep each city's name when its distance from the site is no more than "
            "range_km, and return the names sorted."
        ),
        scaffold(
            '''
            import math

            def cities_in_range(site, cities, range_km):
                names = []
                for city in cities:
                    distance = haversine_km(site["lat"], site["lon"], ..., ...)
                    if ...:                     # no more than range_km away
                        names.append(city["name"])
                return sorted(names)
            '''
        ),
    ),
    expects="a list of city names (str), sorted alphabetically: the cities at most range_km from the site",
    expected=_cities_in_range,
    cases=_range_cases,
    wrong=[_in_range_unsorted, _in_range_ids, _in_range_flat_map, _in_range_miles, _out_of_range],
)

LETTER_KEYWORDS = FunctionExercise(
    id="missile-crisis-letter-keywords",
    name="new_keywords",
    hint=(
        "Turn each text into a set of lower-case words with re.findall(r'[a-z]+', text.lower()). "
        "Then keep a keyword if it is in the second set and not in the first, and sort the result."
    ),
    steps=(
        (
            "Make two sets of words, one for each letter, with set(re.findall(r'[a-z]+', text.lower())). Then go "
            "through the keywords and keep each one that is in the second set and not in the first. Sort the "
            "result."
        ),
        scaffold(
            '''
            import re

            def new_keywords(first, second, keywords):
                first_words = set(re.findall(..., first.lower()))   # the pattern for one word
                second_words = ...
                return sorted(word for word in keywords if ... and ...)
            '''
        ),
    ),
    expects="a list of the keywords (str) that occur as whole words in `second` but not in `first`, sorted",
    expected=_new_keywords,
    cases=_keyword_cases,
    wrong=[
        _keywords_reversed,
        _keywords_case_sensitive,
        _keywords_substring,
        _keywords_either_not_both,
        _keywords_unsorted,
    ],
)

DAY_ORDER = OrderExercise(
    id="missile-crisis-day-order",
    name="crisis_days",
    hint=(
        "The photographs came two days before the President saw them; the address came before the vote "
        "of the American states, and the alert of Strategic Air Command came with the quarantine itself."
    ),
    expects="a list of the eight event ids, earliest first",
    events=DAY_EVENTS,
    mistakes=[
        # the President told on the day of the flight, before the photographs
        swapped("u2-finds-missile-sites", "kennedy-told-of-missiles"),
        # the two letters swapped: the tougher public letter put first
        swapped("khrushchev-letter-26-october", "khrushchev-letter-27-october"),
    ],
)

BLACK_SATURDAY_EVENTS = ValueExercise(
    id="missile-crisis-black-saturday",
    name="black_saturday",
    hint=(
        "Filter load('events') on two columns: chapter must be 'missile-crisis' and date must equal "
        "datetime.date(1962, 10, 27). Keep only the ids and sort them."
    ),
    steps=(
        (
            "Use sorted( row['id'] for row in load('events') if ... and ... ). One condition checks the chapter, "
            "the other the date: dt.date(1962, 10, 27)."
        ),
        scaffold(
            '''
            import datetime as dt

            black_saturday = sorted(
                row["id"]
                for row in load("events")
                if row["chapter"] == ... and row["date"] == ...
            )
            '''
        ),
    ),
    expects="a list of event ids (str), sorted alphabetically: this chapter's events dated 27 October 1962",
    expected=_black_saturday,
    wrong=[
        _ids_on(_dt.date(1962, 10, 26), BLACK_SATURDAY),  # 26 October counted too
        _ids_on(BLACK_SATURDAY, _dt.date(1962, 10, 28)),  # 28 October counted too
        [row["id"] for row in _chapter_events_on(BLACK_SATURDAY)],  # not sorted
        [event for event in _black_saturday() if event != "anderson-u2-shot-down"],  # the U-2 left out
    ],
)

BREAKTHROUGH = ChoiceExercise(
    id="missile-crisis-breakthrough",
    name="breakthrough_verdict",
    hint=(
        "Look at your list of events of 27 October, and at the date on which Khrushchev announced "
        "that the missiles would be dismantled."
    ),
    expects='a one-letter string, "A", "B", "C" or "D"',
    options={
        "A": (
            "The claim is right: after the letter of 26 October the crisis was over and the missiles "
            "were going home"
        ),
        "B": (
            "The claim is wrong: Khrushchev never offered to remove the missiles in return for a "
            "promise not to invade Cuba"
        ),
        "C": (
            "The claim is wrong because the letter of 26 October was broadcast, and the letter of 27 "
            "October was secret"
        ),
        "D": (
            "Partly right: the letter of 26 October offered the terms, but the crisis went on through "
            "27 October"
        ),
    },
    answer="D",
    feedback={
        "A": (
            "That the letter of 26 October ended the crisis is a common misconception. Count the events "
            "of 27 October in the table: a U-2 was shot down the day after the letter."
        ),
        "B": "Read Source B again: it links the Soviet specialists in Cuba to a promise not to invade.",
        "C": (
            "It was the other way round: the 26 October letter was private, and the 27 October letter "
            "was broadcast."
        ),
    },
    wrong=["A", "B", "C"],
)

for _exercise in (DISTANCES, CITIES_IN_RANGE, LETTER_KEYWORDS, DAY_ORDER, BLACK_SATURDAY_EVENTS, BREAKTHROUGH):
    register(_exercise)


# --- questions answered without code (a widget in the page; check() in Python) -------------

from ._practice import MatchExercise, ShortAnswerExercise, misconception, option_with  # noqa: E402

CRISIS_TERMS = MatchExercise(
    id="missile-crisis-terms",
    name="crisis_terms",
    hint="Two of them are American, one is an alert level, and one is a man.",
    expects="a dict matching each name to the letter of what it was",
    pairs={
        "ExComm": "The group of officials and advisers Kennedy gathered to decide what to do",
        "Jupiter missiles": "American missiles in Turkey that Khrushchev's second letter demanded",
        "DEFCON 2": "The alert of Strategic Air Command one level below war, from 24 October",
        "Rudolf Anderson": "The pilot of the U-2 shot down over Cuba on 27 October",
    },
    decoys=("The Soviet missiles that a U-2 photographed in Cuba on 14 October",),
    mistakes={
        ("Jupiter missiles", "The Soviet missiles that a U-2 photographed in Cuba on 14 October"): (
            "The Jupiters were American missiles in Turkey; the missiles photographed in Cuba were Soviet."
        ),
    },
)

QUARANTINE = ShortAnswerExercise(
    id="missile-crisis-quarantine",
    name="kennedy_word",
    hint="Read what Kennedy told the American people on 22 October: he chose a blockade but did not call it one.",
    expects="a word: what Kennedy called the Navy's stopping of ships bound for Cuba",
    accept=("quarantine", "a quarantine", "the quarantine", "naval quarantine", "a naval quarantine"),
    mistakes={
        "blockade": (
            "That is what it was, but not what Kennedy called it: a blockade implies an act of war, "
            "and Khrushchev himself had said in private that, except in time of war, a blockade was illegal."
        ),
        "naval blockade": (
            "That is what it was, but not what Kennedy called it: a blockade implies an act of war, "
            "and Khrushchev himself had said in private that, except in time of war, a blockade was illegal."
        ),
    },
)

for _exercise in (CRISIS_TERMS, QUARANTINE):
    register(_exercise)

misconception(
    __name__,
    claim="Khrushchev's letter of 26 October ended the crisis.",
    correction=(
        "On 27 October came a tougher letter that demanded the Jupiters as well, and a U-2 was shot down over Cuba "
        "{cite:p}`usaf2005anderson`; the crisis was settled only after Robert Kennedy's secret assurance to Dobrynin that "
        "evening {cite:p}`hershberg1995anatomy`, and Khrushchev's order to dismantle the missiles was broadcast on "
        "28 October {cite:p}`frus1961v06d68`."
    ),
    exercise="missile-crisis-breakthrough",
    answer=option_with(BREAKTHROUGH, "The claim is right"),
    names="U-2",
)


# --- several right options: checkboxes in the page -----------------------------------------------

from ._practice import MultiChoiceExercise  # noqa: E402

SETTLEMENT = MultiChoiceExercise(
    id="missile-crisis-settlement",
    name="settlement",
    hint="Separate what was said in public on 27 and 28 October from what was promised in private, and check who refused what afterwards.",
    steps=(
        "Three of the options are right. One wrong option makes a secret promise public; the other gives Castro a part he refused.",
    ),
    expects='a set of the letters of every right option, such as {"A", "B"}',
    options={
        "A": "The USA announced in public that its Jupiter missiles would leave Turkey",
        "B": "Khrushchev agreed to take the Soviet missiles out of Cuba and ship them home",
        "C": "Kennedy promised not to invade Cuba, on condition the missiles were removed",
        "D": "Castro let United Nations inspectors check that the missile sites were gone",
        "E": "Robert Kennedy told Dobrynin in secret that the Jupiters would leave Turkey",
    },
    answers=("B", "C", "E"),
    feedback={
        "A": (
            "The promise about the Jupiters was made in secret, by Robert Kennedy to Dobrynin, and Khrushchev's "
            "broadcast of 28 October did not mention Turkey. Thinking the Turkish deal was public is a common mistake."
        ),
        "B": "Think about what Moscow radio broadcast on Sunday 28 October.",
        "C": "What did Kennedy's reply of 27 October offer, and on what condition?",
        "D": (
            "Castro refused to let United Nations inspectors onto the island; the removal was checked from the air "
            "and at sea, which is why the promise not to invade stayed conditional."
        ),
        "E": "Think about what was agreed in private on the evening of 27 October, not only in public.",
    },
    success="The crisis ended in a public bargain over Cuba and a secret one over Turkey.",
)

register(SETTLEMENT)

misconception(
    __name__,
    claim="To end the crisis the USA agreed in public to take its missiles out of Turkey.",
    correction=(
        "Robert Kennedy promised Dobrynin in secret on 27 October that the Jupiters would go {cite:p}`frus1961v06d70`; "
        "Khrushchev's broadcast of 28 October did not mention Turkey {cite:p}`frus1961v06d68`, and the last Jupiter "
        "came down on 24 April 1963 {cite:p}`mcnamara1963jupiternote`."
    ),
    exercise="missile-crisis-settlement",
    answer=["A", "B", "C", "E"],
    names="Thinking the Turkish deal was public",
)
