"""The student edition in the browser: its sealed checks (exercises._sealed) judge as Jupyter's do, and one line
typed into a code cell of its page cannot list the answers."""

from __future__ import annotations

import json
import os
import re

import pytest

import exercises
from browser.conftest import PageLog, fresh_page, open_page
from browser.test_runner import BLOCKS, jupyter_html, press_check, run_plain, same_html, wrong_source
from conftest import STUDENT

#: One exercise of each kind that has code on the page: a function, a value with a success sentence, a choice.
TRIED = ["berlin-refugee-total", "berlin-crisis-rise", "berlin-source-purpose"]


@pytest.fixture(scope="module")
def student_site(request):
    from tools.localweb import serve

    if not (os.environ.get("REUSE_BUILD") == "1" and (STUDENT / "index.html").exists()):
        request.getfixturevalue("student_built")
    server, url, thread = serve(STUDENT)
    yield url
    server.shutdown()
    server.server_close()
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def student_berlin(browser, student_site):
    """berlin.html of the student edition, loaded once, and what it did (a PageLog).

    The tests below each check exercises of their own, or only read the session, so they share the page and its
    one start of Python; its log collects the problems of all of them.
    """
    log = PageLog()
    page = fresh_page(browser, student_site, log)
    open_page(page, student_site, "berlin.html")
    yield page, log
    page.context.close()


def without_direction(html: str) -> str:
    return re.sub(r", which is too (high|low)\.", ", which is not right.", re.sub(r" \(too (high|low)\)", "", html))


@pytest.mark.parametrize("exercise_id", TRIED)
def test_a_sealed_check_in_the_page_gives_jupyters_message(student_berlin, exercise_id):
    page, page_log = student_berlin
    status, expected = jupyter_html(exercise_id, BLOCKS[exercise_id].solution[0])
    shown = press_check(page, exercise_id, BLOCKS[exercise_id].solution[0], "passed")
    assert same_html(page, shown, expected), f"page: {shown}\nJupyter: {expected}"
    wrong = wrong_source(exercises.get(exercise_id), BLOCKS[exercise_id].starter)
    status, expected = jupyter_html(exercise_id, wrong)
    shown = press_check(page, exercise_id, wrong, "failed", timeout=15_000)
    assert same_html(page, shown, without_direction(expected)), f"page: {shown}\nJupyter: {expected}"
    assert not page_log.problems(), page_log.problems()


PROBE = """
import importlib, json
import exercises
from exercises import _core
found = {}
for i in exercises.ids():
    e = exercises.get(i)
    fields = {k: v for k, v in vars(e).items() if k != "options"}
    options = getattr(e, "options", {})
    letters = sorted(options) if isinstance(options, dict) else []
    found[i] = [type(e).__name__, getattr(e, "answer", None) if e.kind == "choice" else None,
                [k for k, v in fields.items() if isinstance(v, str) and v.strip().upper() in letters and k != "expects"],
                repr(e.expected()) if e.kind == "value" else None,
                sorted(name for name, v in vars(importlib.import_module("exercises." + _core._CHAPTER[i].replace("-", "_"))).items()
                       if callable(v) and not name.startswith("__"))]
print(json.dumps(found))
"""


def test_one_line_in_a_code_cell_of_the_student_page_lists_no_answer(student_berlin):
    page, page_log = student_berlin
    shown = run_plain(page, 0, PROBE.strip())
    assert "{" in shown, shown[-3000:]
    found = json.loads(shown[shown.index("{"): shown.rindex("}") + 1])
    assert sorted(found) == exercises.ids()
    for exercise_id, (kind, answer, letter_fields, value, module_callables) in found.items():
        assert kind.startswith("Sealed"), exercise_id
        assert answer in (None, ""), f"{exercise_id}: the choice's answer is readable"
        assert not letter_fields, f"{exercise_id}: a field holds an option letter: {letter_fields}"
        assert value in (None, "None"), f"{exercise_id}: expected() gives {value}"
        assert module_callables == ["register_sealed"], f"{exercise_id}: its module has functions {module_callables}"
    assert not page_log.problems(), page_log.problems()


def sealed_check(exercise_id, answer):
    """The message of the student edition's check (sealed, exercises._sealed) for an answer."""
    from exercises import _sealed

    return _sealed.build(_sealed.record(exercises.get(exercise_id), _sealed.SECRET)).check(answer).message


def test_the_sealed_widgets_of_the_student_page_give_its_checks_message(student_berlin):
    """The student page's widgets hold only hashes and locked messages, which the page opens with the answer given."""
    from browser.test_practice import said, widget

    page, page_log = student_berlin
    short = widget(page, "berlin-wall-year")
    assert "1961" not in short.locator(".practice-data").text_content()
    field = short.locator(".practice-input")
    for typed in ("1948", "nineteen sixty", "1960", " 1961 "):
        field.focus()
        page.keyboard.press("Control+A")
        page.keyboard.type(typed)
        page.keyboard.press("Enter")
        assert said(short) == sealed_check("berlin-wall-year", typed), typed
    assert short.evaluate("b => b.classList.contains('practice-passed')")
    choice = widget(page, "berlin-source-purpose")
    for letter in exercises.get("berlin-source-purpose").options:
        choice.locator(f'input[value="{letter}"]').check()
        choice.locator(".practice-check").click()
        assert said(choice) == sealed_check("berlin-source-purpose", letter), letter
    assert not page_log.problems(), page_log.problems()
