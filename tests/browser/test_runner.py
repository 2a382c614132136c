"""Run and check the exercises in the page: Pyodide in a Web Worker, from the book's own files.

Every test drives headless Debian Chromium over the local server of tests/browser/conftest.py,
with every request that does not go to 127.0.0.1 aborted and recorded (``page_log``).
The messages the page shows are compared with what ``exercises.check`` gives in CPython,
so the in-page check is proved to be the same code as in Jupyter.
The starter and solution code are read from the page itself (the chapter is their one source).
Hostile and careless inputs (floods of output, loops, a worker that closes itself, broken
builtins, changed data, HTML and script from a cell) each have a test of their own.
"""

from __future__ import annotations

import re
import time
from contextlib import contextmanager, nullcontext

import pytest

import exercises
from browser.conftest import PageLog, fresh_page, open_page
from conftest import chapters, exercise_blocks

# Generous waits: the first Check starts Python (downloads and compiles about 14 MB).
START = 90_000
RUNTIME_FILES = ("/_static/pyodide/", ".whl", "runner-worker.mjs")
#: Exercise id -> its cells in the chapter (exercises._book): the starter and the solution are written there only.
BLOCKS = exercise_blocks()
EXERCISE = "berlin-refugee-total"  # a function exercise on berlin.html, used by the tests of traps
PLAIN_PAGE = "arms-race"  # a chapter that opens with two plain (setup) cells


def starter(page, exercise_id):
    return page.locator(f'[data-runner="starter"][data-exercise="{exercise_id}"]')


def check_output(page, exercise_id):
    return page.locator(f'[data-runner="check"][data-exercise="{exercise_id}"] .runner-output')


def plain_cells(page):
    return page.locator('[data-runner="setup"]')


def editor(cell):
    """The cell's editor, as a reader gets it: pointing at the cell loads CodeMirror in place of the plain text area."""
    cell.locator(".runner-editor-host").hover()
    content = cell.locator(".runner-editor-host .cm-content")
    content.wait_for(timeout=15_000)
    return content


def set_code(cell, source: str) -> None:
    """Replace the code in the cell's editor, as pasting it would."""
    content = editor(cell)
    content.click()
    content.press("Control+a")
    content.page.keyboard.insert_text(source)
    assert code_in(cell) == source


def code_in(cell) -> str:
    """The code now in the cell's editor (CodeMirror's document, or the text area before it loads)."""
    return cell.evaluate(
        """el => {
            const text = window.BookEditor && window.BookEditor.textOf(el);
            if (text !== null && text !== undefined) return text;
            const area = el.querySelector("textarea.runner-editor");
            return area ? area.value : null;
        }"""
    )


# The watchdog's limit for the jobs of a test that waits for it to stop a loop: what is tested (the loop is stopped,
# the page answers, the message says so, Python starts again) does not depend on how long the limit is.
LOOP_LIMIT = 2


@contextmanager
def loop_limit(page, seconds: float = LOOP_LIMIT):
    """Shorten the page's time limit (``window.thawRunner.config.limit``, read as each job is sent or starts)
    for the jobs run meanwhile, and give the book's own back afterwards; the limit the book sets is checked apart."""
    book = page.evaluate("s => { const c = window.thawRunner.config, old = c.limit; c.limit = s; return old; }", seconds)
    assert book == time_limit(page), (book, time_limit(page))
    try:
        yield
    finally:
        page.evaluate("s => { window.thawRunner.config.limit = s; }", book)


def time_limit(page) -> float:
    return float(page.eval_on_selector("script[data-time-limit]", "s => s.dataset.timeLimit"))


def first_exercise(page, chapter: str) -> str:
    """The first exercise on the page whose starter has a Check button and is declared in the chapter's module."""
    on_page = page.eval_on_selector_all('[data-runner="starter"][data-exercise]', "cells => cells.map(c => c.dataset.exercise)")
    declared = [exercise_id for exercise_id in on_page if exercise_id in exercises.ids() and exercises.chapter_of(exercise_id) == chapter]
    assert declared, f"no runnable exercise starter on {chapter}.html (found {on_page})"
    return declared[0]


def page_starter(page, exercise_id: str) -> str:
    """The starter code of an exercise as the chapter shows it (the build's highlighted cell)."""
    return starter(page, exercise_id).locator(".cell_input pre").first.text_content().rstrip("\n")


def page_solution(page, exercise_id: str) -> str:
    """The code of the folded solution that follows the exercise in the chapter."""
    code = page.evaluate(
        """id => {
            let el = document.getElementById(id);
            while (el && !el.classList.contains("solution")) el = el.nextElementSibling;
            if (!el) return null;
            // The solution's code, without a cell that only calls check (the exercise's Check does that).
            return [...el.querySelectorAll(".cell_input pre")].map(p => p.textContent.replace(/\\n+$/, ""))
                .filter(code => !/^\\s*check\\(/.test(code)).join("\\n\\n");
        }""",
        exercise_id,
    )
    assert code, f"no solution follows exercise {exercise_id}"
    return code


def jupyter_html(exercise_id: str, source: str) -> tuple[str, str]:
    """What Jupyter shows for the check after running ``source``: (status, HTML of the Result)."""
    namespace = {"__name__": "__main__"}
    exec("from exercises import check, hint, load", namespace)
    exec(compile(source, "<cell>", "exec"), namespace)
    result = exercises.check(exercise_id, namespace[exercises.get(exercise_id).name])
    return result.status, result._repr_html_()


def wrong_source(exercise, starter_code: str) -> str:
    """A plausible wrong answer typed into the starter cell."""
    if exercise.kind == "function":
        # The starter's body is only `...`: answer with a function that returns a wrong number.
        source, count = re.subn(r"^(\s+)\.\.\..*$", r"\1return -1", starter_code, count=1, flags=re.M)
        assert count == 1, starter_code
        return source
    value = exercise.wrong_answers()[0] if exercise.wrong_answers() else None
    return f"{exercise.name} = {value!r}"


def same_html(page, shown: str, expected: str) -> bool:
    """Compare two HTML fragments as the browser serializes them."""
    normal = page.evaluate("html => { const d = document.createElement('div'); d.innerHTML = html; return d.innerHTML; }", expected)
    return shown == normal


def responsive(page) -> float:
    """Seconds a trivial evaluation in the page takes (the tab answers)."""
    started = time.monotonic()
    assert page.evaluate("() => 6 * 7") == 42
    return time.monotonic() - started


def wait_idle(page, cell, timeout: float = START, probe: bool = False) -> None:
    """Wait until the cell's action is over (it is neither queued nor running) and it shows an outcome.

    With ``probe``, the page must answer a trivial evaluation within a second throughout.
    """
    deadline = time.monotonic() + timeout / 1000
    while True:
        slow = responsive(page)
        if probe:
            assert slow < 1.0, f"the page took {slow:.1f} s to answer while Python ran"
        done = cell.evaluate(
            """el => {
                if (el.dataset.busy) return false;
                const ex = el.dataset.exercise;
                const area = ex && el.dataset.runner === "starter"
                    ? document.querySelector(`[data-runner="check"][data-exercise="${ex}"] .runner-output`)
                    : el.querySelector(".runner-output");
                return !!area && [...area.children].some(c => !c.classList.contains("runner-status"));
            }"""
        )
        if done:
            return
        assert time.monotonic() < deadline, "the cell never showed an outcome"
        page.wait_for_timeout(250)


def press_check(page, exercise_id: str, source: str, status: str | None = None, timeout: float = START, probe: bool = False):
    """Type ``source`` into the starter, press Check, wait for the outcome; with ``status``, assert it and return its HTML."""
    cell = starter(page, exercise_id)
    set_code(cell, source)
    cell.get_by_role("button", name=f"Check your answer to {exercise_id}").click()
    wait_idle(page, cell, timeout, probe=probe)
    shown = check_output(page, exercise_id)
    if status is None:
        return shown.text_content()
    wanted = shown.locator(f".check-result.check-{status.replace(' ', '-')}")
    assert wanted.count() == 1, (
        f"expected a {status} check; the page shows:\n{cell.locator('.runner-output').text_content()}\n---\n{shown.text_content()}"
    )
    return shown.locator(".runner-html").inner_html()


def run_plain(page, index: int, source: str, timeout: float = START, probe: bool = False):
    """Type ``source`` into the plain cell ``index`` and Run it; return the cell's output text."""
    cell = plain_cells(page).nth(index)
    set_code(cell, source)
    cell.get_by_role("button", name=re.compile(r"^Run ")).click()
    wait_idle(page, cell, timeout, probe=probe)
    return cell.locator(".runner-output").text_content()


def restart(page) -> None:
    page.get_by_role("button", name=re.compile(r"^Restart Python")).first.click()


def runtime_requests(page_log) -> list[str]:
    return [url for url, _ in page_log.responses if any(part in url for part in RUNTIME_FILES)]


@pytest.mark.parametrize("chapter", chapters())
def test_exercise_runs_and_checks_in_the_page(page, page_log, site, chapter):
    open_page(page, site, f"{chapter}.html")
    assert not runtime_requests(page_log), "the runtime was loaded before the reader touched a cell"
    exercise_id = first_exercise(page, chapter)
    exercise = exercises.get(exercise_id)
    solution = page_solution(page, exercise_id)

    # The reference solution passes, with the message Jupyter shows.
    status, expected = jupyter_html(exercise_id, solution)
    assert status == "passed"
    shown = press_check(page, exercise_id, solution, "passed")
    assert same_html(page, shown, expected), f"page: {shown}\nJupyter: {expected}"
    assert check_output(page, exercise_id).get_attribute("aria-live") == "polite"

    # A wrong answer fails, with the same message.
    wrong = wrong_source(exercise, page_starter(page, exercise_id))
    status, expected = jupyter_html(exercise_id, wrong)
    assert status == "failed", wrong
    shown = press_check(page, exercise_id, wrong, "failed")
    assert same_html(page, shown, expected), f"page: {shown}\nJupyter: {expected}"

    # An endless loop is stopped after the limit, the page answering throughout; then a Check works again.
    with loop_limit(page):
        text = press_check(page, exercise_id, "while True: pass", probe=True)
    assert "Not checked" in text and f"still running after {LOOP_LIMIT} seconds" in text, text
    assert "\u2714" not in text
    press_check(page, exercise_id, solution, "passed")

    assert runtime_requests(page_log), "the runtime's requests were not seen (are worker requests watched?)"
    assert not page_log.blocked, page_log.blocked


def test_runtime_starts_loading_on_focus_not_on_page_load(page, page_log, site):
    open_page(page, site, "berlin.html")
    page.wait_for_timeout(500)
    assert not runtime_requests(page_log)
    exercise_id = first_exercise(page, "berlin")
    starter(page, exercise_id).locator("textarea").focus()  # the plain text area, before CodeMirror loads
    page.wait_for_function("() => window.thawRunner && window.thawRunner.sessions === 1", timeout=5000)
    page.wait_for_function("() => document.querySelector('.runner-session').textContent.includes('ready')", timeout=START)
    assert any("pyodide.asm.wasm" in url for url in runtime_requests(page_log)), runtime_requests(page_log)
    assert all(url.startswith(site) for url, _ in page_log.responses)
    assert not page_log.blocked, page_log.blocked


def test_typed_answer_survives_reload_and_reset_asks_first(page, page_log, site):
    open_page(page, site, "berlin.html")
    exercise_id = first_exercise(page, "berlin")
    original = page_starter(page, exercise_id)
    cell = starter(page, exercise_id)
    assert code_in(cell) == original
    typed = original + "\n# my first try"
    set_code(cell, typed)

    page.reload(wait_until="load")
    cell = starter(page, exercise_id)
    assert code_in(cell) == typed

    reset = cell.get_by_role("button", name=re.compile("^Reset to starter code"))
    page.once("dialog", lambda dialog: dialog.dismiss())
    reset.click()
    assert code_in(cell) == typed, "reset discarded the code although the reader said no"

    questions = []

    def accept(dialog):
        questions.append((dialog.type, dialog.message))
        dialog.accept()

    page.once("dialog", accept)
    reset.click()
    assert questions and questions[0][0] == "confirm", questions
    assert code_in(cell) == original

    page.reload(wait_until="load")
    assert code_in(starter(page, exercise_id)) == original
    assert not page_log.blocked, page_log.blocked


def test_plain_cells_share_one_session_in_order(page, page_log, site):
    open_page(page, site, PLAIN_PAGE + ".html")
    assert plain_cells(page).count() >= 2
    assert run_plain(page, 0, "shared_value = 6 * 7\nprint('set')").strip() == "set"
    # A later plain cell runs in the same session: what the first defined is there.
    assert run_plain(page, 1, "shared_value").strip() == "42"
    # As in Jupyter, a trailing semicolon hides the value (pyodide.code.eval_code's own rule).
    assert run_plain(page, 1, "shared_value;").strip() == "Done (no output)."
    # Errors show in the cell, not as a page error.
    assert "ZeroDivisionError" in run_plain(page, 1, "1 / 0")
    assert not [p for p in page_log.problems() if "favicon" not in p], page_log.problems()


def test_folded_solutions_are_not_editors(page, site):
    open_page(page, site, "berlin.html")
    assert page.locator(".solution textarea").count() == 0
    assert page.locator(".solution .cell").count() >= 1


def test_page_without_javascript_shows_the_build_outputs(browser, site):
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(site + "berlin.html", wait_until="load")
        assert page.locator("textarea.runner-editor").count() == 0, "without JavaScript there is no code editor"
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
    exercise_id = function_ids[0]
    looping, count = re.subn(r"^(\s+)\.\.\..*$", r"\1while True:\n\1    pass", page_starter(page, exercise_id), count=1, flags=re.M)
    assert count == 1
    press_check(page, exercise_id, looping, "failed")
    shown = check_output(page, exercise_id).inner_text()
    assert re.search(r"still running after [\d.]+ seconds, so it was stopped", shown), shown
    assert "Not checked" not in shown, "the worker was ended instead"
    assert not page_log.blocked, page_log.blocked


def test_only_chapter_pages_load_the_runner(page, site):
    open_page(page, site, "index.html")
    assert page.locator('script[src*="runner.js"]').count() == 0
    assert page.locator("textarea.runner-editor").count() == 0
    open_page(page, site, "berlin.html")
    assert page.locator('script[src*="runner.js"]').count() == 1
    editors = page.locator("textarea.runner-editor")
    assert editors.count() >= 2
    for index in range(editors.count()):
        editor = editors.nth(index)
        # Each editor has a label naming it, visible wherever the editor is (a figure's code may be folded).
        label = page.locator(f'label[for="{editor.get_attribute("id")}"]')
        assert label.count() == 1 and "editable" in label.text_content()
        if editor.is_visible():
            assert label.is_visible()


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


# ---------------------------------------------------------------------------
# Storage: BookStore is the one module that keeps anything in the browser


def test_bookstore_keeps_the_books_keys_under_its_prefix(page, site):
    open_page(page, site, "index.html")
    found = page.evaluate(
        """() => {
            localStorage.setItem("other-site-key", "kept");
            const s = window.BookStore;
            s.set("a", {x: 1}); s.set("b", "text");
            const keys = s.keys();
            const raw = Object.keys(localStorage).sort();
            const all = s.exportAll();
            s.clearAll();
            const afterClear = s.keys();
            const imported = s.importAll(all);
            return {keys, raw, all, afterClear, imported, a: s.get("a"), missing: s.get("nope"),
                    other: localStorage.getItem("other-site-key"), api: Object.keys(s).sort()};
        }"""
    )
    assert found["api"] == sorted(["get", "set", "remove", "keys", "exportAll", "importAll", "clearAll"])
    assert found["keys"] == ["a", "b"]
    assert [key for key in found["raw"] if key.startswith("ttb:")] == ["ttb:a", "ttb:b"]
    assert found["all"] == {"a": {"x": 1}, "b": "text"}
    assert found["afterClear"] == [] and found["other"] == "kept"
    assert found["imported"] == 2 and found["a"] == {"x": 1} and found["missing"] is None


def test_saved_edits_follow_the_cells_original_code(page, site):
    """Saved code is keyed by the cell's original code: a cell inserted above does not move it, a changed original drops it."""
    open_page(page, site, PLAIN_PAGE + ".html")
    cells = plain_cells(page)
    assert cells.count() >= 2
    second = cells.nth(1)
    original = second.locator(".cell_input pre").first.text_content().rstrip("\n")
    position = second.evaluate("el => [...document.querySelectorAll('div.cell')].indexOf(el)")
    set_code(second, original + "\n# my note")

    inserted = (
        '<div class="cell docutils container"><div class="cell_input docutils container">'
        '<div class="highlight-ipython3 notranslate"><div class="highlight"><pre>inserted_by_author = 1\n</pre></div></div></div></div>'
    )

    def with_cell_inserted(route):
        body = route.fetch().text()
        first = re.search(r'<div class="cell[ "]', body).start()
        route.fulfill(body=body[:first] + inserted + body[first:], content_type="text/html")

    page.route(site + PLAIN_PAGE + ".html", with_cell_inserted)
    page.reload(wait_until="load")
    editors = plain_cells(page)
    assert code_in(editors.nth(0)) == "inserted_by_author = 1"
    assert code_in(editors.nth(2)) == original + "\n# my note"
    assert code_in(editors.nth(1)) != original + "\n# my note"

    # The author changes that cell: the reader's copy of the old code is dropped, the new code shows.
    page.unroute(site + PLAIN_PAGE + ".html")

    def with_cell_changed(route):
        body = route.fetch().text()
        starts = [m.start() for m in re.finditer(r'<div class="cell[ "]', body)]
        cut = body.index("</pre>", starts[position])
        route.fulfill(body=body[:cut] + "# changed by the author\n" + body[cut:], content_type="text/html")

    page.route(site + PLAIN_PAGE + ".html", with_cell_changed)
    page.reload(wait_until="load")
    shown = code_in(plain_cells(page).nth(1))
    assert "# my note" not in shown and shown.endswith("# changed by the author")
    assert not [key for key in page.evaluate("() => window.BookStore.keys()") if key.startswith(f"code:{PLAIN_PAGE}:")]


# ---------------------------------------------------------------------------
# Output cannot take the tab down


@pytest.mark.parametrize(("flood", "stopped"), [('print("x" * 10**8)', False), ("for i in range(10**7): print(i)", True)],
                         ids=["one-huge-line", "ten-million-lines"])
def test_print_flood_is_capped_and_the_tab_answers(page, site, flood, stopped):
    open_page(page, site, "berlin.html")
    with loop_limit(page) if stopped else nullcontext():
        output = run_plain(page, 0, flood, probe=True)
    assert "not shown" in output or "the run was stopped here" in output, output[-300:]
    assert len(output) < 250_000, len(output)
    # The session can go on.
    if stopped:
        assert "the run was stopped here" in output and "still running after" in output, output[-300:]
    assert run_plain(page, 0, "6 * 7").strip() == "42"


# ---------------------------------------------------------------------------
# A result on screen always belongs to the code on screen


def test_a_check_shows_checking_at_once_and_never_a_stale_tick(page, site):
    open_page(page, site, "berlin.html")
    area = check_output(page, EXERCISE)
    solution = page_solution(page, EXERCISE)
    page.evaluate(
        """id => {
            window.seen = [];
            const area = document.querySelector(`[data-runner="check"][data-exercise="${id}"] .runner-output`);
            new MutationObserver(() => window.seen.push(area.textContent)).observe(area, {childList: true, subtree: true});
        }""",
        EXERCISE,
    )
    press_check(page, EXERCISE, solution, "passed")
    seen = page.evaluate("window.seen")
    assert seen and seen[0].startswith("Starting Python (first time only, a few seconds)"), seen

    # Editing clears the shown result.
    content = editor(starter(page, EXERCISE))
    content.click()
    page.keyboard.press("Control+End")
    page.keyboard.type(" ")
    assert "\u2714" not in area.text_content() and "changed your code" in area.text_content()

    # A looping cell above, stopped, then a wrong answer: no tick.
    with loop_limit(page):
        loop = run_plain(page, 0, "while True: pass")
    assert "still running after" in loop
    page.evaluate("window.seen = []")
    wrong = wrong_source(exercises.get(EXERCISE), page_starter(page, EXERCISE))
    text = press_check(page, EXERCISE, wrong)
    assert "\u2714" not in text and "Correct" not in text, text
    assert page.evaluate("window.seen")[0].startswith(("Checking", "Restarting")), page.evaluate("window.seen")

    # A loop in the starter: "Not checked", with the reason, in this exercise.
    press_check(page, EXERCISE, solution, "passed")
    with loop_limit(page):
        text = press_check(page, EXERCISE, "while True: pass")
    assert text.startswith("Not checked") and "still running after" in text and "\u2714" not in text, text


def test_presses_on_a_running_cell_are_ignored_and_stop_ends_it(page, site):
    open_page(page, site, "berlin.html")
    press_check(page, EXERCISE, page_solution(page, EXERCISE), "passed")  # Python is up
    cell = starter(page, EXERCISE)
    set_code(cell, "while True: pass")
    check = cell.get_by_role("button", name=f"Check your answer to {EXERCISE}")
    before = page.evaluate("window.thawRunner.runs.length")
    check.click()
    check.click(force=True)
    check.click(force=True)
    cell.get_by_role("button", name=re.compile("^Stop")).click()
    wait_idle(page, cell)
    text = check_output(page, EXERCISE).text_content()
    assert "Not checked" in text and "Stop" in text, text
    runs = page.evaluate(f"window.thawRunner.runs.slice({before})")
    assert len(runs) == 1, runs
    press_check(page, EXERCISE, page_solution(page, EXERCISE), "passed")


def test_a_reload_shows_the_last_check_of_the_saved_code(page, site):
    open_page(page, site, "berlin.html")
    press_check(page, EXERCISE, page_solution(page, EXERCISE), "passed")
    page.reload(wait_until="load")
    area = check_output(page, EXERCISE)
    assert area.locator(".check-result.check-passed").count() == 1, area.text_content()
    editor(starter(page, EXERCISE)).click()
    page.keyboard.press("Control+End")
    page.keyboard.type("\n")
    assert area.locator(".check-result").count() == 0


# ---------------------------------------------------------------------------
# The session can always be recovered


@pytest.fixture(scope="module")
def berlin_session(browser, site):
    """berlin.html loaded once for the tests that break its Python and repair it with Restart, or only read
    messages: each restart test ends on a new session that has passed a check, which the next test starts from,
    so they share one page and the start of Python a new page would cost."""
    page = fresh_page(browser, site, PageLog())
    open_page(page, site, "berlin.html")
    yield page
    page.context.close()


def test_a_worker_that_closes_itself_is_replaced(page, site):
    open_page(page, site, "berlin.html")
    with loop_limit(page):  # a closed worker answers nothing: the watchdog ends its job
        text = press_check(page, EXERCISE, "import js\njs.close()")
    assert "Not checked" in text, text
    restart(page)
    press_check(page, EXERCISE, page_solution(page, EXERCISE), "passed")


@pytest.mark.parametrize(
    "breakage",
    [
        "import builtins\nbuiltins.len = None\nbuiltins.sum = None\nbuiltins.range = None",
        "import os, exercises\nos.remove(os.path.join(os.path.dirname(exercises.__file__), 'data', 'refugees.csv'))",
        "import sys\nsys.modules['exercises'].check = True\nsys.modules['exercises']._core.check = True",
    ],
    ids=["broken-builtins", "deleted-data-file", "check-is-true"],
)
def test_restart_python_repairs_a_broken_session(berlin_session, breakage):
    page = berlin_session
    solution = page_solution(page, EXERCISE)
    run_plain(page, 0, breakage)
    assert "Correct" not in press_check(page, EXERCISE, solution)
    restart(page)
    press_check(page, EXERCISE, solution, "passed")


def test_input_gets_a_sentence_a_student_understands(berlin_session):
    page = berlin_session
    press_check(page, EXERCISE, "name = input('Your name? ')")
    shown = starter(page, EXERCISE).locator(".runner-output").text_content()
    assert "input() cannot ask you to type something on this page" in shown, shown
    assert "Errno 29" not in starter(page, EXERCISE).locator(".runner-output").inner_text()


def test_a_table_changed_in_the_session_gives_a_clear_message(page, site):
    open_page(page, site, "berlin.html")
    run_plain(
        page,
        0,
        "import os, exercises\n"
        "path = os.path.join(os.path.dirname(exercises.__file__), 'data', 'refugees.csv')\n"
        "open(path, 'a').write('1962,999999\\n')",
    )
    text = press_check(page, EXERCISE, page_solution(page, EXERCISE))
    assert "was changed in this session" in text, text
    assert "Correct" not in text


def test_beginner_explanations_of_raw_errors(berlin_session):
    page = berlin_session
    press_check(page, EXERCISE, "answer = B")
    output = starter(page, EXERCISE).locator(".runner-output")
    assert 'put it in quotes: "B"' in output.locator(".runner-explain").inner_text()
    assert output.locator("details.runner-traceback").count() == 1
    assert not output.locator("details.runner-traceback").get_attribute("open") is not None  # folded
    press_check(page, EXERCISE, "def f(:\n    pass")
    assert "line 1" in output.locator(".runner-explain").inner_text()
    assert "^" in output.locator("details.runner-traceback pre").text_content()


# ---------------------------------------------------------------------------
# Nothing from the worker becomes HTML

INJECTIONS = {
    "forged-worker-message": (
        "import js\n"
        "from pyodide.ffi import to_js\n"
        "payload = '<img src=x onerror=\"window.pwned=1;localStorage.setItem(`pwned`,1)\">'\n"
        "for n in range(1, 200):\n"
        "    js.postMessage(to_js({'type': 'result', 'id': n, 'ok': True, 'html': payload, 'stdout': payload,\n"
        "        'check': {'exercise': 'berlin-refugee-total', 'status': 'passed', 'lines': [payload]}},\n"
        "        dict_converter=js.Object.fromEntries))\n"
    ),
    "own-repr-html": (
        "import exercises\n"
        "class Shiny(exercises.Result):\n"
        "    def _repr_html_(self):\n"
        "        return '<img src=x onerror=\"window.pwned=1;localStorage.setItem(`pwned`,1)\">'\n"
        "Shiny('berlin-refugee-total', 'passed', 'ok')\n"
    ),
    "patched-result-repr-html": (
        "import exercises\n"
        "exercises.Result._repr_html_ = lambda self: '<img src=x onerror=\"window.pwned=1;localStorage.setItem(`pwned`,1)\">'\n"
        "check('berlin-refugee-total', 1)\n"
    ),
}


@pytest.mark.parametrize("route", list(INJECTIONS))
def test_no_script_runs_from_a_cell(page, site, route):
    open_page(page, site, "berlin.html")
    before = page.evaluate("() => Object.assign({}, localStorage)")
    run_plain(page, 0, INJECTIONS[route])
    page.wait_for_timeout(500)
    assert page.evaluate("() => window.pwned") is None
    assert page.locator(".runner-output img").count() == 0
    after = page.evaluate("() => Object.assign({}, localStorage)")
    assert "pwned" not in after
    assert {k: v for k, v in after.items() if not k.startswith("ttb:code:")} == {
        k: v for k, v in before.items() if not k.startswith("ttb:code:")
    }


# ---------------------------------------------------------------------------
# Keyboard paths


def test_skip_link_and_named_solution_toggles(page, site):
    open_page(page, site, "berlin.html")
    page.keyboard.press("Tab")
    focused = page.evaluate("() => document.activeElement.textContent.trim()")
    assert focused == "Skip to the exercises"
    page.keyboard.press("Enter")
    exercise = page.evaluate("() => document.activeElement.closest('.exercise') && document.activeElement.closest('.exercise').id")
    assert exercise == first_exercise(page, "berlin")
    number = page.locator(f"#{exercise} .caption-number").first.inner_text().strip()
    toggle = page.get_by_role("button", name=f"Show the solution to {number}")
    assert toggle.count() == 1
    toggle.click()
    assert page.get_by_role("button", name=f"Hide the solution to {number}").count() == 1
    assert page.locator('.solution button.toggle-button[aria-label="Toggle hidden content"]').count() == 0


# ---------------------------------------------------------------------------
# The code editor: CodeMirror 6, bundled with the book


def test_codemirror_editor_keyboard_and_look(page, page_log, site):
    open_page(page, site, "berlin.html")
    cell = starter(page, EXERCISE)
    assert cell.locator("textarea.runner-editor").count() == 1, "before any intent, a plain text area"
    content = editor(cell)
    assert any(url.startswith(site + "_static/editor.js") for url, _ in page_log.responses)
    # A visible label names the editor; the help line says how to leave it.
    label_id = content.get_attribute("aria-labelledby")
    label = page.locator(f"#{label_id}")
    assert label.is_visible() and "editable" in label.inner_text()
    help_text = page.locator("#runner-help")
    assert help_text.is_visible() and "Escape, then Tab" in help_text.inner_text()
    # Python highlighting: the keyword `def` is styled apart from plain text.
    colours = content.evaluate(
        """el => [...el.querySelectorAll(".cm-line span")].map(s => [s.textContent, getComputedStyle(s).color, getComputedStyle(s).fontWeight])"""
    )
    keyword = [c for c in colours if c[0] == "def"]
    assert keyword and keyword[0][1] != content.evaluate("el => getComputedStyle(el).color"), colours[:5]

    set_code(cell, "total = (1 + 2)")
    content.click()
    page.keyboard.press("Control+End")
    # Bracket matching: the caret after ")" marks both brackets.
    assert cell.locator(".cm-matchingBracket").count() == 2
    # Tab indents.
    page.keyboard.press("Enter")
    page.keyboard.press("Tab")
    page.keyboard.type("x")
    assert code_in(cell).endswith("\n    x"), repr(code_in(cell))
    # Escape, then Tab, leaves the editor (to the Check button).
    page.keyboard.press("Escape")
    page.keyboard.press("Tab")
    assert not page.evaluate("() => !!document.activeElement.closest('.cm-editor')")
    assert page.evaluate("() => document.activeElement.textContent") == "Check"
    assert not page_log.blocked, page_log.blocked


def test_a_cell_cannot_push_back_its_own_time_limit(page, site):
    """Code in the worker that keeps posting "started" (as the worker does once per job) is still stopped."""
    open_page(page, site, "berlin.html")
    with loop_limit(page):
        output = run_plain(
            page,
            0,
            "import js, time\n"
            "from pyodide.ffi import to_js\n"
            "while True:\n"
            "    for n in range(1, 50):\n"
            "        js.postMessage(to_js({'type': 'started', 'id': n}, dict_converter=js.Object.fromEntries))\n"
            "    time.sleep(0.05)\n",
        )
    assert "still running after" in output, output
