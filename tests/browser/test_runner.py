"""Run and check the exercises in the page (issue 7): Pyodide in a Web Worker, from the book's own files.

Every test drives headless Debian Chromium over the local server of tests/browser/conftest.py,
with every request that does not go to 127.0.0.1 aborted and recorded (``page_log``).
The messages the page shows are compared with what ``exercises.check`` gives in CPython,
so the in-page check is proved to be the same code as in Jupyter.
"""

from __future__ import annotations

import re
import time

import pytest

import exercises
from browser.conftest import open_page
from conftest import chapters, exercise_blocks

# Generous waits: the first Run starts Python (downloads and compiles about 14 MB).
START = 90_000
RUNTIME_FILES = ("/_static/pyodide/", ".whl", "runner-worker.mjs")
#: Exercise id -> its cells in the chapter (exercises._book): the starter and the solution are written there only.
BLOCKS = exercise_blocks()


def starter(page, exercise_id):
    return page.locator(f'[data-runner="starter"][data-exercise="{exercise_id}"]')


def check_output(page, exercise_id):
    return page.locator(f'[data-runner="check"][data-exercise="{exercise_id}"] .runner-output')


def time_limit(page) -> float:
    return float(page.eval_on_selector("script[data-time-limit]", "s => s.dataset.timeLimit"))


def first_exercise(page, chapter: str) -> str:
    """The first exercise on the page whose starter has a Check button and is declared in the chapter's module."""
    on_page = page.eval_on_selector_all('[data-runner="starter"][data-exercise]', "cells => cells.map(c => c.dataset.exercise)")
    declared = [exercise_id for exercise_id in on_page if exercise_id in exercises.ids() and exercises.chapter_of(exercise_id) == chapter]
    assert declared, f"no runnable exercise starter on {chapter}.html (found {on_page})"
    return declared[0]


def jupyter_html(exercise_id: str, source: str) -> tuple[str, str]:
    """What Jupyter shows for the check after running ``source``: (status, HTML of the Result)."""
    namespace = {"__name__": "__main__"}
    exec("from exercises import check, hint, load", namespace)
    exec(compile(source, "<cell>", "exec"), namespace)
    result = exercises.check(exercise_id, namespace[exercises.get(exercise_id).name])
    return result.status, result._repr_html_()


def wrong_source(exercise) -> str:
    """A plausible wrong answer typed into the starter cell."""
    if exercise.kind == "function":
        # The starter's body is only `...`: answer with a function that returns a wrong number.
        source, count = re.subn(r"^(\s+)\.\.\..*$", r"\1return -1", BLOCKS[exercise.id].starter, count=1, flags=re.M)
        assert count == 1, BLOCKS[exercise.id].starter
        return source
    value = exercise.wrong_answers()[0] if exercise.wrong_answers() else None
    return f"{exercise.name} = {value!r}"


def same_html(page, shown: str, expected: str) -> bool:
    """Compare two HTML fragments as the browser serializes them."""
    normal = page.evaluate("html => { const d = document.createElement('div'); d.innerHTML = html; return d.innerHTML; }", expected)
    return shown == normal


def press_check(page, exercise_id: str, source: str, status: str, timeout: float = START):
    """Type ``source`` into the starter, press Check, wait for the check's result (or an error) and return its HTML."""
    cell = starter(page, exercise_id)
    cell.locator("textarea").fill(source)
    before = page.evaluate("window.thawRunner.runs.length")
    cell.get_by_role("button", name=f"Check your answer to {exercise_id}").click()
    # Done when the check cell ran, or the starter failed (then the check does not run).
    page.wait_for_function(
        """([before, id]) => window.thawRunner.runs.slice(before).some(r =>
               r.kind === "check" || (r.kind === "starter" && !r.ok))""",
        arg=[before, exercise_id],
        timeout=timeout,
    )
    shown = check_output(page, exercise_id)
    wanted = shown.locator(f".check-result.check-{status.replace(' ', '-')}")
    assert wanted.count() == 1, (
        f"expected a {status} check; the page shows:\n{cell.locator('.runner-output').inner_text()}\n---\n{shown.inner_text()}"
    )
    return shown.locator(".runner-html").inner_html()


def runtime_requests(page_log) -> list[str]:
    return [url for url, _ in page_log.responses if any(part in url for part in RUNTIME_FILES)]


@pytest.mark.parametrize("chapter", chapters())
def test_exercise_runs_and_checks_in_the_page(page, page_log, site, chapter):
    open_page(page, site, f"{chapter}.html")
    assert not runtime_requests(page_log), "the runtime was loaded before the reader touched a cell"
    exercise_id = first_exercise(page, chapter)
    exercise = exercises.get(exercise_id)

    # The reference solution passes, with the message Jupyter shows.
    status, expected = jupyter_html(exercise_id, BLOCKS[exercise_id].solution[0])
    assert status == "passed"
    shown = press_check(page, exercise_id, BLOCKS[exercise_id].solution[0], "passed")
    assert same_html(page, shown, expected), f"page: {shown}\nJupyter: {expected}"
    assert check_output(page, exercise_id).get_attribute("aria-live") == "polite"

    # A wrong answer fails, with the same message.
    wrong = wrong_source(exercise)
    status, expected = jupyter_html(exercise_id, wrong)
    assert status == "failed", wrong
    shown = press_check(page, exercise_id, wrong, "failed", timeout=15_000)
    assert same_html(page, shown, expected), f"page: {shown}\nJupyter: {expected}"

    # An endless loop is stopped after the limit; the page stays responsive; a new Run works.
    limit = time_limit(page)
    cell = starter(page, exercise_id)
    cell.locator("textarea").fill("while True: pass")
    started = time.monotonic()
    cell.get_by_role("button", name=f"Run your code for exercise {exercise_id}").click()
    page.wait_for_timeout(1000)
    before = time.monotonic()
    assert page.evaluate("() => 6 * 7") == 42
    assert time.monotonic() - before < 1.0, "the page froze while Python ran"
    cell.locator(".runner-timeout").wait_for(timeout=(limit + 5) * 1000)
    elapsed = time.monotonic() - started
    assert limit - 0.5 <= elapsed <= limit + 5, elapsed
    assert "still running after" in cell.locator(".runner-timeout").inner_text()
    press_check(page, exercise_id, BLOCKS[exercise_id].solution[0], "passed")

    assert runtime_requests(page_log), "the runtime's requests were not seen (are worker requests watched?)"
    assert not page_log.blocked, page_log.blocked
    assert not page_log.failed, page_log.failed


def test_runtime_starts_loading_on_focus_not_on_page_load(page, page_log, site):
    open_page(page, site, "berlin.html")
    page.wait_for_timeout(500)
    assert not runtime_requests(page_log)
    exercise_id = first_exercise(page, "berlin")
    starter(page, exercise_id).locator("textarea").focus()
    page.wait_for_function("() => window.thawRunner && window.thawRunner.sessions === 1", timeout=5000)
    deadline = time.monotonic() + 60
    while not any("pyodide.asm.wasm" in url for url in runtime_requests(page_log)) and time.monotonic() < deadline:
        page.wait_for_timeout(200)
    assert any("pyodide.asm.wasm" in url for url in runtime_requests(page_log)), runtime_requests(page_log)
    assert all(url.startswith(site) for url, _ in page_log.responses)
    assert not page_log.blocked, page_log.blocked


def test_typed_answer_survives_reload_and_reset_asks_first(page, page_log, site):
    open_page(page, site, "berlin.html")
    exercise_id = first_exercise(page, "berlin")
    original = BLOCKS[exercise_id].starter.rstrip("\n")
    editor = starter(page, exercise_id).locator("textarea")
    assert editor.input_value() == original
    typed = original + "\n# my first try"
    editor.fill(typed)

    page.reload(wait_until="load")
    editor = starter(page, exercise_id).locator("textarea")
    assert editor.input_value() == typed

    reset = starter(page, exercise_id).get_by_role("button", name=re.compile("^Reset to starter code"))
    page.once("dialog", lambda dialog: dialog.dismiss())
    reset.click()
    assert editor.input_value() == typed, "reset discarded the code although the reader said no"

    questions = []

    def accept(dialog):
        questions.append((dialog.type, dialog.message))
        dialog.accept()

    page.once("dialog", accept)
    reset.click()
    assert questions and questions[0][0] == "confirm", questions
    assert editor.input_value() == original

    page.reload(wait_until="load")
    assert starter(page, exercise_id).locator("textarea").input_value() == original
    assert not page_log.blocked, page_log.blocked


def test_cells_share_one_session_in_order(page, page_log, site):
    open_page(page, site, "berlin.html")
    exercise_id = first_exercise(page, "berlin")
    cell = starter(page, exercise_id)
    cell.locator("textarea").fill("shared_value = 6 * 7\nprint('set')")
    cell.get_by_role("button", name=f"Run your code for exercise {exercise_id}").click()
    cell.locator(".runner-stdout").wait_for(timeout=START)
    assert cell.locator(".runner-stdout").inner_text().strip() == "set"
    # The check cell runs in the same session: what the starter defined is there.
    check_cell = page.locator(f'[data-runner="check"][data-exercise="{exercise_id}"]')
    check_cell.locator("textarea").fill("shared_value")
    check_cell.get_by_role("button", name=f"Run check of exercise {exercise_id}").click()
    check_cell.locator(".runner-value").wait_for(timeout=15_000)
    assert check_cell.locator(".runner-value").inner_text().strip() == "42"
    # Errors show as a traceback in the cell, not as a page error.
    cell.locator("textarea").fill("1 / 0")
    cell.get_by_role("button", name=f"Run your code for exercise {exercise_id}").click()
    cell.locator(".runner-error").wait_for(timeout=15_000)
    assert "ZeroDivisionError" in cell.locator(".runner-error").inner_text()
    assert not page_log.problems(), page_log.problems()


def test_figure_cells_say_they_need_jupyter(page, site):
    open_page(page, site, "berlin.html")
    figure = page.locator('[data-runner="jupyter-only"]').first
    summary = figure.locator("details > summary")
    if summary.count():  # the code of a figure is folded (hide-input): open it as a reader would
        summary.first.click()
    note = figure.locator(".runner-note")
    note.wait_for(state="visible", timeout=5000)
    assert "matplotlib" in note.inner_text() and "Jupyter" in note.inner_text()
    assert figure.locator("textarea").count() == 0
    assert page.locator('[data-runner="jupyter-only"] img').count() >= 1
    # Folded solutions are not editors.
    assert page.locator(".solution textarea").count() == 0
    assert page.locator(".solution .cell").count() >= 1


def test_page_without_javascript_shows_the_build_outputs(browser, site):
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(site + "berlin.html", wait_until="load")
        assert page.locator("textarea").count() == 0
        assert page.locator(".cell_output .check-not-attempted").first.is_visible()
        assert page.locator(".cell_input pre").first.is_visible()
    finally:
        context.close()


def test_endless_loop_inside_a_check_gets_the_checks_own_message(page, page_log, site):
    """exercises._core's time limit works in the page too (its trace guard, kept for student code under Pyodide)."""
    open_page(page, site, "berlin.html")
    on_page = page.eval_on_selector_all('[data-runner="starter"][data-exercise]', "cells => cells.map(c => c.dataset.exercise)")
    function_ids = [i for i in on_page if i in exercises.ids() and exercises.get(i).kind == "function"]
    assert function_ids, on_page
    exercise = exercises.get(function_ids[0])
    looping, count = re.subn(r"^(\s+)\.\.\..*$", r"\1while True:\n\1    pass", BLOCKS[exercise.id].starter, count=1, flags=re.M)
    assert count == 1
    started = time.monotonic()
    press_check(page, exercise.id, looping, "failed")
    shown = check_output(page, exercise.id).inner_text()
    assert re.search(r"still running after [\d.]+ seconds, so it was stopped", shown), shown
    assert starter(page, exercise.id).locator(".runner-timeout").count() == 0, "the worker was ended instead"
    assert time.monotonic() - started < 60
    assert not page_log.blocked, page_log.blocked


def test_only_chapter_pages_load_the_runner(page, site):
    open_page(page, site, "index.html")
    assert page.locator('script[src*="runner.js"]').count() == 0
    assert page.locator("textarea").count() == 0
    open_page(page, site, "berlin.html")
    assert page.locator('script[src*="runner.js"]').count() == 1
    editors = page.locator("textarea.runner-editor")
    assert editors.count() >= 2
    for index in range(editors.count()):
        assert (editors.nth(index).get_attribute("aria-label") or "").strip()


def test_student_edition_wheel_has_no_solution_code(tmp_path):
    """No wheel the pages load carries a solution cell: the solutions are written in the chapters only."""
    import sys
    import zipfile

    from conftest import ROOT

    sys.path.insert(0, str(ROOT / "book" / "_ext"))
    try:
        import runner
    finally:
        sys.path.remove(str(ROOT / "book" / "_ext"))

    def modules(wheel):
        with zipfile.ZipFile(wheel) as archive:
            return "\n".join(archive.read(name).decode("utf-8") for name in archive.namelist() if name.endswith(".py"))

    student = modules(runner._build_wheel(tmp_path / "student", student=True))
    full = modules(runner._build_wheel(tmp_path / "full"))
    solutions = [block.solution[0].strip() for block in BLOCKS.values()]
    leaked = [solution[:80] for solution in solutions if solution in student or solution in full]
    assert not leaked, leaked
    assert "def check(" in student and "def check(" in full
