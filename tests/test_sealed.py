"""The student edition's checks are sealed (exercises._sealed): they judge as the full ones do, and no
answer can be read off what the student edition ships.

The full edition is the control: the same searches find every answer there.
"""

from __future__ import annotations

import ast
import copy
import csv
import inspect
import io
import json
import pickle
import re
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

import exercises
from conftest import ROOT, exercise_blocks
from exercises import _core, _data, _practice, _sealed

IDS = exercises.ids()
BLOCKS = exercise_blocks()
RECORDS = {i: json.loads(json.dumps(_sealed.record(exercises.get(i), _sealed.SECRET))) for i in IDS}


def without_direction(message: str) -> str:
    """A sealed check cannot say "too high" or "too low": that would need the number."""
    return re.sub(r", which is too (high|low)\.", ", which is not right.", re.sub(r" \(too (high|low)\)", "", message))


def answers_to_try(exercise_id):
    exercise = exercises.get(exercise_id)
    yield "the starter", exercise.run_source(BLOCKS[exercise_id].starter)
    yield "the solution", exercise.run_source(BLOCKS[exercise_id].solution[0])
    for number, wrong in enumerate(exercise.wrong_answers()):
        yield f"wrong answer {number}", wrong


@pytest.mark.parametrize("exercise_id", IDS)
def test_the_sealed_check_gives_the_same_result_and_message(exercise_id):
    full, sealed = exercises.get(exercise_id), _sealed.build(RECORDS[exercise_id])
    for label, answer in answers_to_try(exercise_id):
        want, got = full.check(copy.deepcopy(answer)), sealed.check(copy.deepcopy(answer))
        assert got.status == want.status, f"{label}: {got.message}"
        assert got.message == without_direction(want.message), label


def test_a_sealed_number_with_a_tolerance_accepts_what_the_tolerance_accepts():
    salt = "00" * 16
    tree = _sealed.seal(10.0, salt, rel_tol=0.01)
    for inside in (10.0, 9.91, 10.09, 10.099):
        assert _sealed.matches(inside, tree, salt), inside
    for outside in (9.7, 10.3, -10.0, float("nan"), float("inf"), "10"):
        assert not _sealed.matches(outside, tree, salt), outside
    # The tree holds a grid step (a power of ten no bigger than the tolerance) and hashes, not the number.
    assert set(tree) == {"t", "step", "h"} and tree["step"] == 0.1
    assert all(re.fullmatch(r"[0-9a-f]{40}", digest) for digest in tree["h"])


def test_a_locked_sentence_opens_only_with_its_answer():
    salt = "ab" * 16
    box = _sealed.lock("1961 rose only a little", "i:1960", salt)
    assert _sealed.unlock(box, "i:1960", salt) == "1961 rose only a little"
    assert _sealed.unlock(box, "i:1961", salt) == ""
    assert "1961" not in box


# --- what the student edition ships: the wheel, and a Python session that imported it -------------


def build_wheel(target: Path, student: bool) -> Path:
    sys.path.insert(0, str(ROOT / "book" / "_ext"))
    try:
        import runner
    finally:
        sys.path.pop(0)
    return runner._build_wheel(target, student=student)


@pytest.fixture(scope="module")
def wheels(tmp_path_factory) -> dict[str, Path]:
    """The exercises wheel of each edition, unzipped: {"full": folder, "student": folder}."""
    found = {}
    for edition in ("full", "student"):
        base = tmp_path_factory.mktemp(edition)
        wheel = build_wheel(base / "wheels", student=edition == "student")
        folder = base / "unzipped"
        with zipfile.ZipFile(wheel) as archive:
            archive.extractall(folder)
        found[edition] = folder
    return found


def spec() -> dict:
    """What the probe looks for: each exercise's answer, from the full package."""
    out = {}
    for exercise_id in IDS:
        exercise = exercises.get(exercise_id)
        item = {"kind": exercise.kind}
        if exercise.kind == "choice":
            item.update(answer=exercise.answer.upper(), letters=list(exercise.options))
        elif exercise.kind == "value":
            item.update(answer=exercise.expected())
        elif exercise.kind == "order":
            item.update(answer=exercise.items())
        elif exercise.kind == "multi":
            item.update(kind="value", answer=list(exercise.answers))  # probed as a value: the right letters
        elif exercise.kind in ("match", "short"):
            item.update(kind="value", answer=exercise.solution())  # probed as a value: {item: letter}, or the words
        else:
            item.update(cases=[(case.args, exercise.expected(*copy.deepcopy(case.args))) for case in exercise.cases()])
        out[exercise_id] = item
    return out


def probe(folder: Path, tmp_path: Path) -> dict[str, list[str]]:
    spec_file, out_file = tmp_path / "spec.pickle", tmp_path / "found.json"
    spec_file.write_bytes(pickle.dumps(spec()))
    done = subprocess.run(
        [sys.executable, str(ROOT / "tests" / "answer_probe.py"), str(folder), str(spec_file), str(out_file)],
        cwd=tmp_path, capture_output=True, text=True, timeout=900,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    return json.loads(out_file.read_text(encoding="utf-8"))


def test_a_python_session_of_the_full_edition_finds_every_answer(wheels, tmp_path):
    """The control: one line in a code cell of the full edition reads any answer."""
    found = probe(wheels["full"], tmp_path)
    assert sorted(found) == IDS
    missed = [i for i, hits in found.items() if not hits]
    assert not missed, missed
    # ... an answer column of a data table among them (the claims' verdicts, read with load("claims")).
    for table, column, exercise_id in ANSWER_COLUMNS:
        assert f"the column {column!r} of the table {table!r} gives the answer" in found[exercise_id], found[exercise_id]


def test_a_python_session_of_the_student_edition_finds_no_answer(wheels, tmp_path):
    found = probe(wheels["student"], tmp_path)
    assert sorted(found) == IDS
    hits = {i: h for i, h in found.items() if h}
    assert not hits, hits


#: (table, column, exercise) for each column of a data table that is an exercise's answer (a manifest's ``answer_of``).
ANSWER_COLUMNS = [(name, column, exercise_id) for name in _data.tables()
                  for column, exercise_id in _sealed.answer_columns(_data.manifest(name)).items()]


def test_the_answer_columns_are_answers():
    """Each column marked ``answer_of`` names an exercise whose answer can be read off it; claims' verdicts are one."""
    from answer_probe import columns_giving

    assert ("claims", "supported", "conclusion-claims-verdict") in ANSWER_COLUMNS
    for table, column, exercise_id in ANSWER_COLUMNS:
        found = columns_giving(exercises.get(exercise_id).expected(), {table: _data.load(table)})
        assert f"the column {column!r} of the table {table!r} gives the answer" in found, (table, column)


def column_texts(exercise_id: str) -> list[tuple[str, str]]:
    """Each row of a table with an answer column of this exercise, as the CSV file writes it, up to that column."""
    out = []
    for table, column, owner in ANSWER_COLUMNS:
        if owner == exercise_id:
            rows = list(csv.reader(io.StringIO(_data.table_bytes(table).decode("utf-8"))))
            end = rows[0].index(column) + 1
            for row in rows[1:]:
                line = io.StringIO()
                csv.writer(line, lineterminator="").writerow(row[:end])
                out.append((line.getvalue(), f"exercises/data/{table}.csv"))
    return out


def widget_texts(exercise_id: str) -> list[tuple[str, str]]:
    """The right answer as the book's page widget holds it in the clear: the key of the passing message (the
    right letter, order, pairing or spelling), or the number; found in that widget's data (``#practice-<id>``)."""
    from test_practice import plain_answer_keys

    if exercise_id not in _practice.widget_ids():
        return []
    where = f"#practice-{exercise_id}"
    out = [(json.dumps(key) + ': ["passed"', where) for key in plain_answer_keys(exercise_id)]
    exercise = exercises.get(exercise_id)
    if exercise.kind == "short" and exercise.number is not None:
        out.append((f'"number": {json.dumps(exercise.number)}', where))
    return out


def answer_texts() -> dict[str, list[tuple[str, str]]]:
    """Per exercise, (text, file) pairs that give its answer away: each line of the module's own answer
    function (for a function or value exercise), in any file (file ""), a choice's ``answer="B"``
    in its chapter's module (file ``exercises/<module>.py``), an answer column's values in its table's
    CSV file (:func:`column_texts`), and the answer in the clear in a page widget's data (:func:`widget_texts`)."""
    out = {}
    for exercise_id in IDS:
        exercise = exercises.get(exercise_id)
        needles = []
        if exercise.kind == "choice":
            needles.append((f'answer="{exercise.answer}"', f"exercises/{exercises.chapter_of(exercise_id).replace('-', '_')}.py"))
        elif exercise.kind == "multi":
            written = "answers=(" + ", ".join(f'"{letter}"' for letter in exercise.answers) + ")"
            needles.append((written, f"exercises/{exercises.chapter_of(exercise_id).replace('-', '_')}.py"))
        elif exercise.kind in ("function", "value"):
            source = inspect.getsource(exercise.expected)
            for line in source.splitlines():
                line = line.strip()
                if len(line) > 20 and not line.startswith(("def ", '"""', "expected=")):
                    needles.append((line, ""))
                elif line.startswith("expected=lambda"):
                    needles.append((line, ""))
        out[exercise_id] = needles + column_texts(exercise_id) + widget_texts(exercise_id)
    return out


def scan(folder: Path) -> dict[str, list[str]]:
    texts = {path.as_posix(): path.read_text(encoding="utf-8", errors="ignore") for path in folder.rglob("*") if path.is_file() and path.suffix in {".py", ".json", ".txt", ".csv", ".toml", ""}}
    found = {}
    for exercise_id, needles in answer_texts().items():
        hits = [needle for needle, where in needles if any(needle in text and name.endswith(where) for name, text in texts.items())]
        if hits:
            found[exercise_id] = hits
    return found


def test_the_unzipped_full_wheel_shows_the_answers_and_the_student_wheel_none(wheels):
    full = scan(wheels["full"])
    kinds = ("choice", "multi", "function", "value")
    in_wheel = {i for i, needles in answer_texts().items() if any(not where.startswith("#practice-") for _, where in needles)}
    assert sorted(full) == [i for i in IDS if i in in_wheel]
    for table, column, exercise_id in ANSWER_COLUMNS:  # found in the table itself, not only in the module
        assert set(column_texts(exercise_id)) <= {(n, w) for n, w in answer_texts()[exercise_id] if n in full[exercise_id]}
    assert len(full) >= len([i for i in IDS if exercises.get(i).kind in kinds]) - 3
    assert {i for i in IDS if exercises.get(i).kind == "multi"} <= set(full)
    assert scan(wheels["student"]) == {}


def test_the_student_wheel_has_no_chapter_module_as_written(wheels):
    package = wheels["student"] / "exercises"
    for path in package.glob("*.py"):
        if path.name.startswith("_"):
            continue
        text = path.read_text(encoding="utf-8")
        assert "register_sealed(__name__" in text, path.name
        tree = ast.parse(text)
        assert not [node for node in ast.walk(tree) if isinstance(node, (ast.FunctionDef, ast.Lambda, ast.ClassDef))], path.name


def test_the_student_wheel_loads_its_tables_without_the_answer_columns(wheels, tmp_path):
    """load() checks each table against its manifest's sha256 in the page: the student wheel's are in step."""
    code = (
        "import json; from exercises import _data; _data.VERIFY_CHECKSUMS = True\n"
        "print(json.dumps({name: sorted(_data.load(name)[0]) for name in _data.tables()}))"
    )
    found = {}
    for edition in ("full", "student"):
        done = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, capture_output=True, text=True,
                              env={"PYTHONPATH": str(wheels[edition]), "PATH": ""})
        assert done.returncode == 0, done.stderr[-2000:]
        found[edition] = json.loads(done.stdout)
    assert ANSWER_COLUMNS
    for table, columns in found["full"].items():
        dropped = {column for name, column, _ in ANSWER_COLUMNS if name == table}
        assert found["student"][table] == sorted(set(columns) - dropped), table


def test_a_chapter_can_still_import_its_public_texts_from_the_sealed_module(wheels, tmp_path):
    code = "from exercises.missile_crisis import KEYWORDS, LETTER_26_OCTOBER, LETTER_27_OCTOBER; print(len(KEYWORDS))"
    done = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, capture_output=True, text=True,
                          env={"PYTHONPATH": str(wheels["student"]), "PATH": ""})
    assert done.returncode == 0 and int(done.stdout) > 0, done.stderr[-2000:]


@pytest.mark.parametrize("exercise_id", IDS)
def test_a_sealed_check_fails_hostile_answers_safely(exercise_id):
    from test_exercises import HOSTILE, LOOPING

    sealed = _sealed.build(RECORDS[exercise_id])
    before = _core.config.time_limit
    _core.config.time_limit = 0.5
    try:
        for label, answer in HOSTILE.items():
            result = sealed.check(answer)
            assert result.status == "failed", f"{label}: {result.message}"
            stopped = "still running after" in result.message
            assert stopped == (sealed.kind == "function" and label in LOOPING), f"{label}: {result.message}"
    finally:
        _core.config.time_limit = before
