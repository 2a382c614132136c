"""Data tables that ship with the package, and their manifests.

Every table is a UTF-8 CSV file in ``exercises/data/`` with a TOML manifest
beside it (``<table>.toml``): title, source key, licence, sha256 and a
description of every column.  :func:`load` reads a table through
:mod:`importlib.resources`, converts each column to the type its manifest
names, and hands back a fresh list of fresh dicts, so nothing a student does
to the result can change what the next caller gets.
"""

from __future__ import annotations

import csv
import datetime as _dt
import functools
import hashlib
import io
import sys
import tomllib
from importlib import resources

__all__ = ["load", "manifest", "tables", "table_bytes", "sha256", "events_in_order", "event_titles"]

_DATA = "data"

#: Whether :func:`load` compares each table's sha256 with its manifest before reading it.
#: On by default in the page (Pyodide), where a student's code can rewrite the installed files
#: for the rest of the session; elsewhere the tests keep files and manifests in step.
VERIFY_CHECKSUMS = sys.platform == "emscripten"


class ChangedTableError(ValueError):
    """A data table's file no longer matches the sha256 in its manifest."""

_CONVERTERS = {
    "int": int,
    "float": float,
    "str": str,
    "date": _dt.date.fromisoformat,
}


def _file(name: str):
    return resources.files(__package__).joinpath(_DATA).joinpath(name)


def tables() -> list[str]:
    """Return the names of all data tables, sorted (``["events", "refugees", ...]``)."""
    folder = resources.files(__package__).joinpath(_DATA)
    return sorted(
        entry.name[: -len(".csv")]
        for entry in folder.iterdir()
        if entry.name.endswith(".csv")
    )


def _check_name(name: str) -> None:
    if not isinstance(name, str) or name not in tables():
        known = ", ".join(tables())
        raise KeyError(f"There is no data table called {name!r}. The tables are: {known}.")


def table_bytes(name: str) -> bytes:
    """Return the raw bytes of table ``name``'s CSV file."""
    _check_name(name)
    return _file(f"{name}.csv").read_bytes()


def sha256(name: str) -> str:
    """Return the sha256 hex digest of table ``name``'s CSV file as it is now."""
    return hashlib.sha256(table_bytes(name)).hexdigest()


def manifest(name: str) -> dict:
    """Return table ``name``'s manifest (a fresh dict parsed from its TOML file)."""
    _check_name(name)
    return tomllib.loads(_file(f"{name}.toml").read_text(encoding="utf-8"))


@functools.lru_cache(maxsize=None)
def _parsed(name: str, digest: str) -> tuple:
    """The typed rows of a table, parsed once per content (``digest``); never handed out."""
    columns = manifest(name).get("columns", {})
    text = table_bytes(name).decode("utf-8")
    rows = []
    for raw in csv.DictReader(io.StringIO(text)):
        row = {}
        for key, value in raw.items():
            kind = columns.get(key, {}).get("type", "str")
            row[key] = None if value == "" else _CONVERTERS[kind](value)
        rows.append(row)
    return tuple(rows)


def load(name: str) -> list[dict]:
    """Return the rows of table ``name`` as a new list of new dicts.

    Values are converted to the type the manifest gives for their column
    (``int``, ``float``, ``str`` or ``date``); an empty cell becomes ``None``.
    Each call returns new objects: change them as you like.
    With :data:`VERIFY_CHECKSUMS` (the default in the page) a file whose sha256 differs from
    its manifest's raises :class:`ChangedTableError` with a sentence saying what to do.
    """
    digest = sha256(name)
    if VERIFY_CHECKSUMS and digest != manifest(name).get("sha256"):
        raise ChangedTableError(
            f"The table {name!r} was changed in this session, so it is no longer the book's data "
            "and a check on it could give a wrong verdict. Restart Python (the button on the page, "
            "or restart the kernel in Jupyter) to get the book's table back."
        )
    # Every value is immutable (int, float, str, date or None), so new dicts are a full copy.
    return [dict(row) for row in _parsed(name, digest)]


def events_in_order(ids) -> list[str]:
    """The ids of these events (rows of the ``events`` table), earliest first.

    Ordering exercises use it for their right answer, so the answer always
    follows the dates in the table.  Two events on the same day keep the
    order of ``ids``.
    """
    wanted = list(ids)
    rows = {row["id"]: row for row in load("events") if row["id"] in wanted}
    missing = [key for key in wanted if key not in rows]
    if missing:
        raise KeyError(f"events.csv has no event {missing[0]!r}")
    return sorted(wanted, key=lambda key: rows[key]["date"])


def event_titles(ids) -> dict[str, str]:
    """A dict of event id -> title for these events, for the messages of ordering exercises."""
    wanted = set(ids)
    return {row["id"]: row["title"] for row in load("events") if row["id"] in wanted}
