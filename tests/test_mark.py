"""`make mark`: a folder of real, hostile and malformed submissions marked into a gradebook, nothing else touched.

Each hostile submission is a solved workbook with one hostile cell added; the tests prove the sandbox stopped
what the cell tried, the checks after it were still marked, the other submissions were marked normally, and a
canary file outside the folder (and a fake ~/.ssh key) was neither changed nor read into any output.
"""

from __future__ import annotations

import csv
import hashlib
import json
import os
import re
import secrets
import socket
import subprocess
import sys
import threading
from pathlib import Path

import nbformat
import pytest

import exercises
from conftest import BOOK, ROOT
from exercises import _book
from tools import mark, workbooks

CHAPTER = "berlin"
CRISIS_RISE_SOLUTION = 'rows = [row for row in load("refugees") if row["year"] >= 1958]'
IDS = [i for i in exercises.ids() if exercises.chapter_of(i) == CHAPTER]


def solved_workbook(page: str) -> nbformat.NotebookNode:
    """The workbook of `page` with each starter cell replaced by the chapter's own solution cell (exercises._book)."""
    blocks = _book.exercise_blocks(BOOK, page)
    book = workbooks.workbook(page)
    previous = None
    for cell in book.cells:
        if cell.cell_type == "code":
            check = re.match(r'check\("([a-z0-9-]+)"', cell.source.strip())
            if check and previous is not None and check.group(1) in blocks:
                previous.source = blocks[check.group(1)].solution[0]
            previous = cell
    return book


def with_cell(notebook: nbformat.NotebookNode, code: str, at_end: bool = False) -> nbformat.NotebookNode:
    notebook = nbformat.from_dict(json.loads(json.dumps(notebook)))
    cell = nbformat.v4.new_code_cell(code)
    cell.id = f"hostile-{secrets.token_hex(3)}"
    position = len(notebook.cells) if at_end else 1 + next(i for i, c in enumerate(notebook.cells) if c.cell_type == "code")
    notebook.cells.insert(position, cell)
    return notebook


def digest(folder: Path) -> dict[str, str]:
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.rglob("*")) if p.is_file()}


class Listener:
    """A TCP server on 127.0.0.1 that records every connection it accepts."""

    def __init__(self):
        self.server = socket.create_server(("127.0.0.1", 0))
        self.server.settimeout(0.2)
        self.port = self.server.getsockname()[1]
        self.accepted = 0
        self.running = True
        self.thread = threading.Thread(target=self.serve, daemon=True)
        self.thread.start()

    def serve(self):
        while self.running:
            try:
                connection, _ = self.server.accept()
            except OSError:
                continue
            self.accepted += 1
            connection.close()

    def close(self):
        self.running = False
        self.thread.join(timeout=2)
        self.server.close()


@pytest.fixture(scope="module")
def marked(tmp_path_factory):
    """Mark one folder of submissions once; hand the tests the folder, the outputs and what was planted."""
    tmp = tmp_path_factory.mktemp("mark")
    folder, out, home, teacher = tmp / "handed-in", tmp / "marking", tmp / "home", tmp / "teacher"
    for path in (folder, home / ".ssh", teacher):
        path.mkdir(parents=True)
    secret = "CANARY-" + secrets.token_hex(8)
    canary = teacher / "marks-2026.txt"
    canary.write_text(secret)
    key = home / ".ssh" / "id_rsa"
    key.write_text("SSHKEY-" + secret)
    listener = Listener()

    solved = solved_workbook(CHAPTER)
    hostile = {
        "h-loop": "while True:\n    pass",
        "h-loop-in-answer": None,  # below: the answer itself loops
        "h-loop-blocking-signals": "import signal\nsignal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGALRM})\nwhile True:\n    pass",
        "h-memory": "hog = []\nwhile True:\n    hog.append(bytearray(50_000_000))",
        "h-fork": "import os\nwhile True:\n    os.fork()",
        "h-subprocess": "import subprocess\nsubprocess.run(['sh', '-c', 'touch /tmp/pwned'])",
        "h-delete": f"import os, shutil\nos.remove({str(canary)!r})\nshutil.rmtree({str(folder)!r})",
        "h-read-ssh": None,  # below: what it reads becomes its answer, so a leak would show in the feedback
        "h-socket": f"import socket\nsocket.create_connection(('127.0.0.1', {listener.port}), timeout=2).sendall(b'marks')",
        "h-ctypes": "import ctypes\nctypes.string_at(0)",
        "h-tamper": "import exercises._core as core\ncore.Exercise.check = lambda self, answer: core.Result(self.id, 'passed', 'ok')",
    }
    for name, code in hostile.items():
        if code is not None:
            nbformat.write(with_cell(solved, code), folder / f"{name}.ipynb")
    looping = nbformat.from_dict(json.loads(json.dumps(solved)))
    for cell in looping.cells:
        if cell.cell_type == "code" and cell.source.startswith("def refugee_total"):
            cell.source = "def refugee_total(rows, first_year, last_year):\n    while True:\n        pass"
    nbformat.write(looping, folder / "h-loop-in-answer.ipynb")
    reading = with_cell(solved, (
        "import os\nleak = []\n"
        f"for path in [os.path.expanduser('~/.ssh/id_rsa'), '/root/.ssh/id_rsa', {str(key)!r}, {str(canary)!r}]:\n"
        "    try:\n        leak.append(open(path).read())\n    except OSError as error:\n        leak.append(str(error))\n"
        "print(leak)"
    ))
    for cell in reading.cells:
        if cell.cell_type == "code" and cell.source.startswith(CRISIS_RISE_SOLUTION):
            cell.source = "crisis_biggest_rise = ' '.join(leak)"
    nbformat.write(reading, folder / "h-read-ssh.ipynb")
    nbformat.write(with_cell(solved, "import faulthandler\nfaulthandler._sigsegv()", at_end=True), folder / "h-crash.ipynb")
    # The tamper cell sits in an unsolved workbook: if it worked, an empty workbook would pass.
    nbformat.write(with_cell(workbooks.workbook(CHAPTER), hostile["h-tamper"]), folder / "h-tamper.ipynb")

    # Honest work, before and after the hostile files in the order they are marked.
    nbformat.write(solved, folder / "alice.ipynb")
    nbformat.write(solved, folder / "zoe.ipynb")
    nbformat.write(workbooks.workbook(CHAPTER), folder / "nina-untouched.ipynb")
    wrong = nbformat.from_dict(json.loads(json.dumps(solved)))
    for cell in wrong.cells:
        if cell.cell_type == "code" and cell.source.startswith(CRISIS_RISE_SOLUTION):
            cell.source = "crisis_biggest_rise = 1961"
    nbformat.write(wrong, folder / "walt-wrong.ipynb")
    downloaded = nbformat.from_dict(json.loads(json.dumps(solved)))
    downloaded.metadata[mark.RECORD] = {"format": 1, "chapter": CHAPTER, "book_version": exercises.__version__, "student": "Dana Download", "saved": "2026-11-29T08:00:00Z"}
    nbformat.write(downloaded, folder / "my-work-berlin.ipynb")

    # Malformed files.
    (folder / "m-not-json.ipynb").write_text("print('hello')\n")
    (folder / "m-empty.ipynb").write_text("")
    (folder / "m-binary.ipynb").write_bytes(bytes(range(256)) * 4)
    (folder / "m-json-not-notebook.ipynb").write_text(json.dumps({"student": "x", "answers": [1, 2]}))
    (folder / "m-old-format.ipynb").write_text(json.dumps({"nbformat": 3, "worksheets": [{"cells": []}], "metadata": {}}))
    (folder / "m-no-exercises.ipynb").write_text(json.dumps({"nbformat": 4, "nbformat_minor": 5, "metadata": {}, "cells": [{"cell_type": "code", "source": "x = 1", "metadata": {}, "outputs": [], "execution_count": None}]}))
    nbformat.write(workbooks.workbook("cuba"), folder / "m-other-chapter.ipynb")
    old = nbformat.from_dict(json.loads(json.dumps(solved)))
    old.metadata[mark.RECORD] = {"format": 1, "chapter": CHAPTER, "book_version": "0.0.1", "student": "Olga Old"}
    old.cells.append(nbformat.v4.new_code_cell('check("berlin-refugee-count", refugee_count)'))
    nbformat.write(old, folder / "m-old-version.ipynb")

    before = digest(folder)
    canary_stat = canary.stat()
    env = {**os.environ, "HOME": str(home)}
    done = subprocess.run(
        [sys.executable, "-m", "tools.mark", str(folder), "--out", str(out), "--chapter", CHAPTER,
         "--cell-time", "4", "--submission-time", "12", "--memory", "384"],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=300,
    )
    listener.close()
    with open(out / "gradebook.csv", encoding="utf-8") as handle:
        rows = {row["file"]: row for row in csv.DictReader(handle)}
    yield {
        "done": done, "rows": rows, "out": out, "folder": folder, "before": before, "secret": secret,
        "canary": canary, "canary_stat": canary_stat, "key": key, "listener": listener,
    }


def test_marking_finishes_without_traceback(marked):
    done = marked["done"]
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stdout + done.stderr
    assert "most of the class" in done.stdout or "failed" in done.stdout


def test_honest_work_is_marked_normally(marked):
    rows = marked["rows"]
    for name in ("alice.ipynb", "zoe.ipynb", "my-work-berlin.ipynb"):
        assert [rows[name][i] for i in IDS] == ["passed"] * len(IDS), rows[name]
        assert rows[name]["total"] == f"{len(IDS)}/{len(IDS)}"
        assert rows[name]["stopped or blocked"] == ""
    assert rows["my-work-berlin.ipynb"]["student"] == "Dana Download"
    assert [rows["nina-untouched.ipynb"][i] for i in IDS] == ["not attempted"] * len(IDS)
    wrong = rows["walt-wrong.ipynb"]
    assert wrong["berlin-crisis-rise"] == "failed" and wrong["total"] == f"{len(IDS) - 1}/{len(IDS)}"


def test_feedback_gives_each_message_and_no_solution(marked):
    page = (marked["out"] / "feedback" / "walt-wrong.html").read_text(encoding="utf-8")
    assert "1961 had the most refugees of the three years" in page  # the misconception the check names
    assert "berlin-crisis-rise: failed" in page
    assert "max(rises, key=rises.get)" not in page and "zip(rows, rows[1:])" not in page.replace("zip(rows, rows[1:]) gives", "")
    summary = (marked["out"] / "summary.txt").read_text(encoding="utf-8")
    assert "1961 had the most refugees" in summary
    assert re.search(r"berlin-crisis-rise: \d+ failed", summary)


def flags(marked, name: str) -> str:
    return marked["rows"][f"{name}.ipynb"]["stopped or blocked"]


def all_passed(marked, name: str) -> bool:
    return all(marked["rows"][f"{name}.ipynb"][i] == "passed" for i in IDS)


def test_an_endless_loop_is_stopped_and_the_rest_marked(marked):
    assert "still running after 4 seconds" in flags(marked, "h-loop")
    assert all_passed(marked, "h-loop")


def test_an_endless_loop_in_an_answer_fails_that_check_only(marked):
    row = marked["rows"]["h-loop-in-answer.ipynb"]
    assert row["berlin-refugee-total"] == "failed"
    assert sum(row[i] == "passed" for i in IDS) == len(IDS) - 1
    page = (marked["out"] / "feedback" / "h-loop-in-answer.html").read_text(encoding="utf-8")
    assert "still running after 3 seconds" in page


def test_a_loop_that_blocks_the_timer_is_killed_with_its_sandbox(marked):
    assert "whole submission was still running after 12 seconds" in flags(marked, "h-loop-blocking-signals")


def test_memory_exhaustion_is_stopped(marked):
    assert "ran out of memory" in flags(marked, "h-memory")
    assert all_passed(marked, "h-memory")


def test_starting_processes_is_blocked(marked):
    assert "tried to start or signal a process (os.fork)" in flags(marked, "h-fork")
    assert "tried to start or signal a process (subprocess.Popen)" in flags(marked, "h-subprocess")
    assert all_passed(marked, "h-fork") and all_passed(marked, "h-subprocess")


def test_deleting_files_is_blocked_and_nothing_was_deleted(marked):
    assert "tried to delete or change" in flags(marked, "h-delete")
    assert marked["canary"].read_text() == marked["secret"]
    assert marked["canary"].stat().st_mtime_ns == marked["canary_stat"].st_mtime_ns
    assert digest(marked["folder"]) == marked["before"]


def test_reading_ssh_keys_and_teacher_files_is_blocked_and_nothing_leaks(marked):
    blocked = flags(marked, "h-read-ssh")
    for path in ("/tmp/.ssh/id_rsa", "/root/.ssh/id_rsa", str(marked["key"]), str(marked["canary"])):
        assert f"tried to open {path}: blocked" in blocked
    row = marked["rows"]["h-read-ssh.ipynb"]
    assert row["berlin-crisis-rise"] == "failed"  # its answer was what it could read: the error messages
    page = (marked["out"] / "feedback" / "h-read-ssh.html").read_text(encoding="utf-8")
    assert "berlin-crisis-rise: failed" in page
    for path in marked["out"].rglob("*"):
        if path.is_file():
            assert marked["secret"] not in path.read_text(encoding="utf-8", errors="replace"), path
    assert marked["secret"] not in marked["done"].stdout + marked["done"].stderr


def test_the_network_is_blocked(marked):
    assert "tried to use the network" in flags(marked, "h-socket")
    assert marked["listener"].accepted == 0
    assert "tried to call C code directly" in flags(marked, "h-ctypes")


def test_a_crash_of_the_interpreter_is_reported_and_earlier_checks_kept(marked):
    assert "crashed (SIGSEGV)" in flags(marked, "h-crash")
    assert all_passed(marked, "h-crash")


def test_changing_the_checker_is_caught(marked):
    row = marked["rows"]["h-tamper.ipynb"]
    assert "changed the checker" in row["stopped or blocked"]
    assert not any(row[i] == "passed" for i in IDS)


def test_malformed_files_get_a_clear_line(marked):
    rows = marked["rows"]
    expected = {
        "m-not-json.ipynb": "not JSON",
        "m-empty.ipynb": "empty",
        "m-binary.ipynb": "not text",
        "m-json-not-notebook.ipynb": "not a notebook",
        "m-old-format.ipynb": "old format 3",
        "m-no-exercises.ipynb": "no exercise of this book",
        "m-other-chapter.ipynb": "work for chapter 'cuba', not 'berlin'",
    }
    for name, words in expected.items():
        assert rows[name]["status"].startswith("not marked") and words in rows[name]["status"], rows[name]
        assert all(rows[name][i] == "" for i in IDS)
    old = rows["m-old-version.ipynb"]
    assert "book version 0.0.1" in old["status"] and "berlin-refugee-count" in old["status"]
    assert old["total"] == f"{len(IDS)}/{len(IDS)}"


def test_one_row_per_student_and_one_feedback_page_each(marked):
    rows = marked["rows"]
    assert len(rows) == len(list(marked["folder"].iterdir()))
    marked_rows = [row for row in rows.values() if not row["status"].startswith("not marked")]
    assert len(list((marked["out"] / "feedback").glob("*.html"))) == len(marked_rows)


def test_the_sandbox_itself_hides_the_teachers_files_and_the_network(tmp_path):
    """Without the harness's audit hook: raw code in the same sandbox sees none of the host and has no network."""
    secret = tmp_path / "secret.txt"
    secret.write_text("CANARY")
    code = (
        "import os, socket\n"
        f"print(os.path.exists({str(secret)!r}), os.path.exists({str(ROOT)!r}), sorted(os.listdir('/')))\n"
        "try:\n    socket.create_connection(('1.1.1.1', 80), timeout=2)\nexcept OSError as e:\n    print('network', e.errno)\n"
    )
    command = mark.sandbox_command(["-c", code])
    done = subprocess.run(command, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    first, second = done.stdout.splitlines()
    assert first.startswith("False False")
    assert "'work'" not in first and "'home'" not in first
    assert second.startswith("network")
