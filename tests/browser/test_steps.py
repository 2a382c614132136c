"""Help in steps in the page (book/_ext/steps.py, hints.js), with the keyboard alone: "Next hint" shows the
declared steps one by one, and "Put the lines in order" is solved by moving lines with Alt+Arrow keys."""

from __future__ import annotations

import exercises
from browser.conftest import open_page

EXERCISE = "berlin-refugee-total"


def hints_of(page, exercise_id):
    return page.locator(f'.hint-steps[data-exercise="{exercise_id}"]')


def test_next_hint_shows_the_declared_steps_one_by_one_with_the_keyboard(page, page_log, site):
    open_page(page, site, "berlin.html")
    steps = exercises.get(EXERCISE).hint_steps()
    box = hints_of(page, EXERCISE)
    button = box.get_by_role("button")
    assert box.locator(".hint-list").get_attribute("aria-live") == "polite"
    assert box.locator("li").count() == 0, "no hint before it is asked for"
    button.focus()
    for number in range(1, len(steps) + 1):
        assert f"({number} of {len(steps)})" in button.inner_text()
        page.keyboard.press("Enter")
        assert box.locator("li").count() == number
    shown = [box.locator("li").nth(i).inner_text().strip() for i in range(len(steps))]
    assert shown == [step.strip() for step in steps]
    assert box.locator("li pre.hint-scaffold").count() == 1, "the scaffold keeps its lines"
    assert button.is_disabled()
    # Every exercise on a page has its hints, the choice and ordering ones too.
    declared = [i for i in exercises.ids() if exercises.chapter_of(i) == "berlin"]
    assert sorted(page.eval_on_selector_all(".hint-steps", "els => els.map(e => e.dataset.exercise)")) == sorted(declared)
    assert not page_log.problems()


def order(page, box):
    return box.locator(".parsons-line").evaluate_all("items => items.map(i => i.dataset.code)")


def test_lines_in_order_are_solved_with_the_keyboard_alone(page, page_log, site):
    open_page(page, site, "berlin.html")
    box = page.locator(f'.parsons[data-exercise="{EXERCISE}"]')
    box.locator("summary").focus()
    page.keyboard.press("Enter")
    answer = page.evaluate(f'JSON.parse(document.getElementById("exercise-steps").textContent)["{EXERCISE}"].parsons.answer')
    assert order(page, box) != answer, "the lines come jumbled"
    box.get_by_role("button", name="Check order").click()
    assert "Not yet" in box.locator(".parsons-feedback").inner_text()
    # Selection sort by keyboard: focus the line that belongs at each place and move it up with Alt+ArrowUp.
    for place, code in enumerate(answer):
        current = order(page, box)
        at = next(i for i in range(place, len(current)) if current[i] == code)
        box.locator(".parsons-line").nth(at).focus()
        for _ in range(at - place):
            page.keyboard.press("Alt+ArrowUp")
    assert order(page, box) == answer
    assert "Moved to line" in box.locator(".parsons-feedback").inner_text()
    check = box.get_by_role("button", name="Check order")
    check.focus()
    page.keyboard.press("Enter")
    assert box.locator(".parsons-feedback").inner_text().startswith("Correct")
    assert box.locator(".parsons-feedback").get_attribute("aria-live") == "polite"
    # The Move down button moves a line too, and the order is then wrong again.
    box.locator(".parsons-line").first.get_by_role("button", name="Move down").click()
    check.click()
    assert "Not yet" in box.locator(".parsons-feedback").inner_text()
    assert not page_log.problems()


def test_open_hints_and_lines_are_accessible(page, page_log, site):
    from browser.test_pages import axe_violations

    open_page(page, site, "berlin.html")
    for button in page.locator(".hint-next").all():
        button.click()
    for summary in page.locator(".parsons summary").all():
        summary.click()
    assert page.locator(".parsons[open]").count() >= 3
    violations = axe_violations(page)
    assert not violations, "\n".join(violations)


def test_the_primer_checks_in_the_page_as_in_jupyter(page, page_log, site):
    from browser.test_runner import BLOCKS, jupyter_html, press_check, same_html, wrong_source

    open_page(page, site, "python-for-historians.html")
    for exercise_id in ("python-for-historians-big-years", "python-for-historians-count-events"):
        status, expected = jupyter_html(exercise_id, BLOCKS[exercise_id].solution[0])
        shown = press_check(page, exercise_id, BLOCKS[exercise_id].solution[0], "passed")
        assert same_html(page, shown, expected), f"page: {shown}\nJupyter: {expected}"
        wrong = wrong_source(exercises.get(exercise_id), BLOCKS[exercise_id].starter)
        status, expected = jupyter_html(exercise_id, wrong)
        shown = press_check(page, exercise_id, wrong, "failed", timeout=15_000)
        assert same_html(page, shown, expected), f"page: {shown}\nJupyter: {expected}"
    assert page.locator(".hint-steps").count() == 6
    assert not page_log.problems(), page_log.problems()
