"""The distance exercise (the solution the chapter shows) agrees with an independent great-circle computation, within 1 %."""

from __future__ import annotations

import math

import pytest

import exercises
from conftest import BOOK
from exercises import _book, load

SITES = load("missile_sites")
CITIES = load("cities")


def reference():
    """The haversine_km the chapter shows as its solution."""
    block = _book.exercise_blocks(BOOK, "missile-crisis")["missile-crisis-distances"]
    return exercises.get("missile-crisis-distances").run_source(block.solution[0])


def great_circle_km(lat1, lon1, lat2, lon2, radius=6371.0):
    """The haversine formula in its atan2 form, written independently of the book's."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return radius * 2 * math.atan2(math.sqrt(a), math.sqrt(1 - a))


@pytest.mark.parametrize("site", SITES, ids=[site["id"] for site in SITES])
def test_reference_distances_agree_within_one_percent(site):
    haversine_km = reference()
    for city in CITIES:
        want = great_circle_km(site["lat"], site["lon"], city["lat"], city["lon"])
        got = haversine_km(site["lat"], site["lon"], city["lat"], city["lon"])
        assert got == pytest.approx(want, rel=0.01), (site["id"], city["id"])


def test_a_known_distance():
    # Havana to Washington is about 1,800 km on the ground (a scale check of the units and the radius).
    haversine_km = reference()
    washington = next(city for city in CITIES if city["id"] == "washington")
    assert 1700 < haversine_km(23.1136, -82.3666, washington["lat"], washington["lon"]) < 1900


def test_a_flat_map_distance_fails_the_check():
    def flat(lat1, lon1, lat2, lon2):
        return 111.2 * math.hypot(lat2 - lat1, lon2 - lon1)

    result = exercises.check("missile-crisis-distances", flat)
    assert not result.passed and "Hint:" in result.message
