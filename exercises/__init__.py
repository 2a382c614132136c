"""Exercises, data and checks for the book *From Thaw to Brink*.

Use it from a chapter or a notebook::

    from exercises import check, hint, load
    rows = load("refugees")
    check("berlin-refugee-total", refugee_total)

``check(id, answer)`` returns a result with ``.passed`` and ``.message``;
``hint(id)`` gives the exercise's hint; ``ids()`` lists every exercise;
``load(table)`` returns a fresh copy of a data table.
The package uses the Python standard library only.
"""

from __future__ import annotations

import importlib
import pkgutil

from ._core import Result, chapter_of, check, config, get, hint, ids
from ._data import load, manifest, tables
from ._factcheck import factcheck
from . import _exam_bank  # noqa: F401  (declares the exam questions)
from ._exam import exam, exam_ids, level_for

__all__ = ["Result", "chapter_of", "check", "config", "get", "hint", "ids", "load", "manifest", "tables", "factcheck", "exam", "exam_ids", "level_for"]

__version__ = "0.1.0"


# Every public module declares the exercises of one chapter (exercises._book says which):
# importing them fills the registry.
for _info in pkgutil.iter_modules(__path__):
    if not _info.name.startswith("_"):
        importlib.import_module(f"{__name__}.{_info.name}")
del _info
