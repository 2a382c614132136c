"""The book never shows stale outputs: a change to a data table reaches every page at the next `make html`.

In a copy of the working tree whose build folder starts with the execution cache of this run's build
(so outputs computed from the old data are at hand, as on a teacher's machine), a test changes two tables,
runs the README's commands (`make manifests`, `make html`, `make html-student`) and looks for the new values:
in a chapter page (arms-race prints the stockpiles table), in the timeline (drawn from events.csv), and in the
student edition.  Then it checks that the cache still saves work: a prose edit executes nothing, and
`make html` with nothing changed does not start Sphinx.
"""

from __future__ import annotations

import html
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from conftest import BOOK, BUILD, ROOT

OLD_EVENT, NEW_EVENT = "Stalin dies in Moscow", "Stalin dies in Moscow (a title changed by a test)"
OLD_ROW, NEW_ROW = "1962,25540,3346,", "1962,25541,3346,"
NEW_ROW_SHOWN = re.compile(r"1962\s+25541\s+3346")
OLD_ROW_SHOWN = re.compile(r"1962\s+25540\s+3346")
# A line the build does not need to execute anything for.
PROSE = "\nThis sentence was added by a test: prose only.\n"
EXECUTED = re.compile(r"([^/\s]+)\.md: Executed notebook in", re.M)


def pages_with_code() -> set[str]:
    return {path.stem for path in BOOK.glob("*.md") if "```{code-cell}" in path.read_text(encoding="utf-8")}


@pytest.fixture(scope="module")
def tree(tmp_path_factory, built) -> dict:
    """A copy of the working tree (sharing .venv and node_modules) and a build folder seeded with this run's cache."""
    base = tmp_path_factory.mktemp("fresh")
    tree = base / "book-copy"
    ignore = shutil.ignore_patterns(".git", ".venv", "_build", "build", "dist", "workbooks", "node_modules",
                                    "*.egg-info", "__pycache__", ".pytest_cache", ".ipynb_checkpoints")
    shutil.copytree(ROOT, tree, ignore=ignore, symlinks=True)
    # The copy shares this tree's .venv and node_modules: make must not install into them from the copy.
    for name in ("requirements.txt", "constraints.txt", "pyproject.toml", "package.json", "package-lock.json"):
        if (tree / name).exists():
            os.utime(tree / name, (946684800, 946684800))  # 2000-01-01
    (tree / ".venv").symlink_to(ROOT / ".venv")
    if (ROOT / "node_modules").exists():
        (tree / "node_modules").symlink_to(ROOT / "node_modules")
    build = base / "build"
    build.mkdir()
    shutil.copytree(BUILD / ".jupyter_cache", build / ".jupyter_cache")
    env = {key: value for key, value in os.environ.items() if key not in {"VIRTUAL_ENV", "PYTHONPATH", "MAKEFLAGS", "MAKELEVEL"}}
    env["BUILDDIR"] = str(build)
    return {"tree": tree, "build": build, "env": env}


def make(tree: dict, *args: str) -> subprocess.CompletedProcess:
    done = subprocess.run(["make", "--no-print-directory", *args], cwd=tree["tree"], env=tree["env"],
                          capture_output=True, text=True, timeout=1200)
    assert done.returncode == 0, f"make {' '.join(args)} failed:\n{done.stdout[-3000:]}\n{done.stderr[-3000:]}"
    return done


def executed(done: subprocess.CompletedProcess) -> set[str]:
    return set(EXECUTED.findall(done.stdout + done.stderr))


def text(path: Path) -> str:
    return html.unescape(re.sub(r"<[^>]+>", " ", path.read_text(encoding="utf-8")))


def test_a_changed_table_reaches_every_page_and_edition_and_prose_edits_still_execute_nothing(tree):
    data = tree["tree"] / "exercises" / "data"
    for table, old, new in (("events.csv", OLD_EVENT, NEW_EVENT), ("stockpiles.csv", OLD_ROW, NEW_ROW)):
        path = data / table
        content = path.read_text(encoding="utf-8")
        assert content.count(old) == 1, (table, old)
        path.write_text(content.replace(old, new), encoding="utf-8")
    make(tree, "manifests")

    first = make(tree, "html")
    assert executed(first) == pages_with_code(), first.stdout[-3000:]
    full = tree["build"] / "html"
    timeline, arms_race = text(full / "timeline.html"), text(full / "arms-race.html")
    assert NEW_EVENT in timeline
    assert NEW_ROW_SHOWN.search(arms_race) and not OLD_ROW_SHOWN.search(arms_race)

    student = make(tree, "html-student")
    assert not executed(student), student.stdout[-3000:]
    edition = tree["build"] / "student" / "html"
    assert NEW_EVENT in text(edition / "timeline.html")
    assert NEW_ROW_SHOWN.search(text(edition / "arms-race.html"))

    # The cache still works: a prose edit reads one page and executes nothing; nothing changed starts nothing.
    with (tree["tree"] / "book" / "berlin.md").open("a", encoding="utf-8") as chapter:
        chapter.write(PROSE)
    prose = make(tree, "html")
    assert not executed(prose), prose.stdout[-3000:]
    assert "prose only" in text(full / "berlin.html")
    again = make(tree, "html")
    assert "Nothing changed" in again.stdout and not executed(again)
