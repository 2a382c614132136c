"""Every command on the page "For instructors" (book/instructors.md) works as written from a fresh copy.

The shell commands are taken from the page's ```bash blocks and run, in the page's order, in a copy
of the working tree (no .venv, _build, workbooks or dist; .venv and node_modules are symlinked, so
nothing is installed again).  A command that is not run is in NOT_RUN, with the reason.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import BOOK, ROOT, chapters

PAGE = BOOK / "instructors.md"

# Commands of the page that these tests do not run, and why.  Every other command is run.
NOT_RUN = {
    # The builds: tests/test_fresh_outputs.py runs these very commands in a copy of the tree (after changing a
    # table), and the session's `built` and `student_built` fixtures run the same sphinx-build commands.
    "make html": "tests/test_fresh_outputs.py runs it in a copy of the tree",
    "make html BUILDDIR=/tmp/mybuild": "the same build as `make html`, elsewhere",
    "make html-student": "tests/test_fresh_outputs.py runs it in a copy of the tree",
    # It is the test suite itself.
    "make test": "this is the test suite",
    # Starts a JupyterLab server that runs until stopped (and installs JupyterLab).
    "make lab": "starts a server that does not return",
    # In a fresh environment pip fetches setuptools from the package index to build the folder;
    # tests never use the network.  `make wheel` + `pip install dist/...whl` is run instead.
    "pip install .": "needs the package index; the wheel install is tested",
}


def bash_commands() -> list[str]:
    text = PAGE.read_text(encoding="utf-8")
    commands = []
    for block in re.findall(r"^```bash\n(.*?)^```", text, re.S | re.M):
        for line in block.splitlines():
            line = line.strip()
            if line and not line.startswith("#"):
                commands.append(line)
    return commands


COMMANDS = bash_commands()


def test_the_page_is_in_the_book_and_has_commands():
    assert "instructors" in (BOOK / "index.md").read_text(encoding="utf-8")
    assert len(COMMANDS) >= 10
    for target in ("make html", "make html-student", "make workbooks", "make workbooks FORCE=1", "make wheel", "make lab", "make manifests"):
        assert target in COMMANDS, target


def test_every_command_not_run_is_on_the_page():
    """The allow-list holds only commands the page shows (no stale entries hiding a change)."""
    assert set(NOT_RUN) <= set(COMMANDS), set(NOT_RUN) - set(COMMANDS)


def test_the_page_names_every_make_target_it_uses():
    targets = set(re.findall(r"^([a-zA-Z_-]+):.*##", (ROOT / "Makefile").read_text(encoding="utf-8"), re.M))
    for command in COMMANDS:
        if command.startswith("make "):
            assert command.split()[1] in targets, command


@pytest.fixture(scope="module")
def copy(tmp_path_factory) -> dict:
    """A fresh copy of the working tree, an empty build folder, and a separate virtual environment standing for
    a student's Python (with pip, nothing else)."""
    base = tmp_path_factory.mktemp("instructors")
    tree = base / "thaw-to-brink"
    ignore = shutil.ignore_patterns(".git", ".venv", "_build", "build", "dist", "workbooks", "node_modules",
                                    "*.egg-info", "__pycache__", ".pytest_cache", ".ipynb_checkpoints")
    shutil.copytree(ROOT, tree, ignore=ignore, symlinks=True)
    # The copy shares this tree's .venv and node_modules: make must never install into them from the copy
    # (an editable install would then point at the copy), so their stamps' prerequisites are made old.
    for name in ("requirements.txt", "constraints.txt", "pyproject.toml", "requirements-lab.txt",
                 "constraints-lab.txt", "package.json", "package-lock.json"):
        if (tree / name).exists():
            os.utime(tree / name, (946684800, 946684800))  # 2000-01-01
    (tree / ".venv").symlink_to(ROOT / ".venv")
    if (ROOT / "node_modules").exists():
        (tree / "node_modules").symlink_to(ROOT / "node_modules")
    build = base / "build"
    build.mkdir()
    student = base / "student-python"
    subprocess.run([sys.executable, "-m", "venv", str(student)], check=True, capture_output=True)
    env = {key: value for key, value in os.environ.items() if key not in {"VIRTUAL_ENV", "PYTHONPATH", "MAKEFLAGS", "MAKELEVEL"}}
    env.update(PATH=f"{student / 'bin'}{os.pathsep}{env['PATH']}", BUILDDIR=str(build))
    return {"tree": tree, "build": build, "student": student, "env": env, "outputs": {}}


def run(copy: dict, command: str) -> subprocess.CompletedProcess:
    done = subprocess.run(["bash", "-euo", "pipefail", "-c", command], cwd=copy["tree"], env=copy["env"],
                          capture_output=True, text=True, timeout=900)
    copy["outputs"][command] = done
    return done


def installed_exercises() -> str:
    """Where the shared .venv imports `exercises` from (outside any source folder)."""
    done = subprocess.run([str(ROOT / ".venv" / "bin" / "python"), "-c", "import exercises; print(exercises.__file__)"],
                          cwd="/", capture_output=True, text=True)
    return done.stdout.strip() or done.stderr.strip()


def test_run_every_command_of_the_page_in_order(copy):
    """Each command not in NOT_RUN exits 0 in the copy; then what it promises is checked below."""
    before = installed_exercises()
    ran = []
    try:
        for command in COMMANDS:
            if command in NOT_RUN:
                continue
            done = run(copy, command)
            assert done.returncode == 0, f"`{command}` failed:\n{done.stdout[-3000:]}\n{done.stderr[-3000:]}"
            ran.append(command)
    finally:
        assert installed_exercises() == before, "a command in the copy reinstalled the shared .venv"
    assert len(ran) + len(NOT_RUN) == len(COMMANDS)
    tree, outputs = copy["tree"], copy["outputs"]

    # make: lists the targets.
    assert "make html-student" in outputs["make"].stdout and "make workbooks" in outputs["make"].stdout

    # make manifests: the committed checksums were fresh, so nothing changed.
    for manifest in (tree / "exercises" / "data").glob("*.toml"):
        assert manifest.read_bytes() == (ROOT / "exercises" / "data" / manifest.name).read_bytes(), manifest.name

    # make workbooks, then make workbooks FORCE=1: one per chapter, kept, then replaced with a copy aside.
    written = sorted(p.stem for p in (tree / "workbooks").glob("*.ipynb") if ".bak" not in p.name)
    assert written == sorted(chapters())
    assert "wrote" in outputs["make workbooks"].stdout
    assert "copied" in outputs["make workbooks FORCE=1"].stdout
    assert len(list((tree / "workbooks").glob("*.bak.ipynb"))) == len(chapters())

    # make wheel, then the student's pip install: exercises works in the student's Python, from the wheel.
    assert list((tree / "dist").glob("thaw_to_brink_exercises-*.whl"))
    probe = subprocess.run(
        [str(copy["student"] / "bin" / "python"), "-c",
         "import exercises; r = exercises.check('berlin-refugee-total', None); print(exercises.__file__, r.status)"],
        cwd=copy["build"], capture_output=True, text=True,
    )
    assert probe.returncode == 0, probe.stderr
    assert str(copy["student"]) in probe.stdout and str(ROOT) not in probe.stdout, probe.stdout

    # The time limit from the environment.
    assert outputs['EXERCISES_TIME_LIMIT=10 .venv/bin/python -c "import exercises; print(exercises.config.time_limit)"'].stdout.strip() == "10.0"
