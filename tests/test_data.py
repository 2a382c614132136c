"""Every data table matches its manifest and names its sources."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys

import pytest

from conftest import BOOK, DATA, ROOT, toctree_pages
from exercises import _data

TABLES = _data.tables()
REQUIRED = ("title", "description", "source", "licence", "sha256", "columns")


def test_the_tables_the_book_promises_exist():
    assert {"refugees", "events"} <= set(TABLES)


@pytest.mark.parametrize("name", TABLES)
def test_manifest_is_complete(name):
    manifest = _data.manifest(name)
    for key in REQUIRED:
        assert manifest.get(key), f"{name}.toml has no {key}"
    for column, spec in manifest["columns"].items():
        assert spec.get("type") in {"int", "float", "str", "date"}, column
        assert "unit" in spec and spec.get("description"), column


@pytest.mark.parametrize("name", TABLES)
def test_sha256_matches_manifest(name):
    assert _data.sha256(name) == _data.manifest(name)["sha256"], "run `make manifests`"


@pytest.mark.parametrize("name", TABLES)
def test_columns_match_manifest(name):
    header = _data.table_bytes(name).decode("utf-8").splitlines()[0].split(",")
    assert header == list(_data.manifest(name)["columns"]), "column order and names must match the manifest"
    assert "source" in header


@pytest.mark.parametrize("name", TABLES)
def test_every_row_names_a_source_in_the_bibliography(name, keys):
    manifest = _data.manifest(name)
    assert manifest["source"] == "per-row" or manifest["source"] in keys
    rows = _data.load(name)
    assert rows, f"{name} is empty"
    for row in rows:
        for key in row["source"].split(";"):
            assert key.strip() in keys, f"{name}: source {key!r} is not in book/references.bib"


@pytest.mark.parametrize("name", TABLES)
def test_load_gives_fresh_copies(name):
    first = _data.load(name)
    first[0].clear()
    first.append("junk")
    assert _data.load(name)[0], "load must return new objects every time"


def test_refugee_series_covers_1949_to_1961():
    rows = _data.load("refugees")
    assert [row["year"] for row in rows] == list(range(1949, 1962))
    assert all(isinstance(row["refugees"], int) and row["refugees"] > 0 for row in rows)


def test_events_are_dated_unique_and_belong_to_chapters():
    rows = _data.load("events")
    ids = [row["id"] for row in rows]
    assert len(ids) == len(set(ids)), "event ids must be unique"
    pages = set(toctree_pages())
    for row in rows:
        assert isinstance(row["date"], dt.date)
        assert dt.date(1945, 1, 1) <= row["date"] <= dt.date(1964, 12, 31)
        assert row["chapter"] in pages and (BOOK / f"{row['chapter']}.md").exists(), row


def test_manifests_tool_agrees():
    done = subprocess.run([sys.executable, str(ROOT / "tools" / "manifests.py")], capture_output=True, text=True)
    assert done.returncode == 0, done.stdout


def test_ordering_exercises_on_events_have_one_right_answer():
    import exercises
    from exercises._core import OrderExercise

    dates = {row["id"]: row["date"] for row in _data.load("events")}
    for exercise_id in exercises.ids():
        exercise = exercises.get(exercise_id)
        if isinstance(exercise, OrderExercise):
            items = exercise.items()
            on_days = [dates[item] for item in items if item in dates]
            assert len(on_days) == len(set(on_days)), f"{exercise_id}: two of its events share a day"
