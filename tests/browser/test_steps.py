"""Help in steps in the page (book/_ext/steps.py, hints.js), with the keyboard alone: "Next hint" shows the
declared steps one by one, and "Put the lines in order" is solved by moving lines with Alt+Arrow keys."""

from __future__ import annotations

import exercises
from browser.conftest import fresh_page, open_page

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


def used(page, box):
    return box.locator(".parsons-line").evaluate_all(
        "items => items.filter(i => !i.querySelector('.parsons-use') || i.querySelector('.parsons-use').checked).map(i => i.dataset.code)"
    )


def solve_by_keyboard(page, exercise_id):
    """Open the exercise's Parsons problem and solve it with the keyboard alone; return its box.

    The right items come from the chapter's solution (tests/test_steps.py), not from the page: the page
    holds only keys of them."""
    from test_steps import right_items

    answer = right_items(exercise_id)
    box = page.locator(f'.parsons[data-exercise="{exercise_id}"]')
    box.locator("summary").focus()
    page.keyboard.press("Enter")
    assert order(page, box) != answer, "the lines come jumbled"
    check = box.locator(".parsons-check")
    check.focus()
    page.keyboard.press("Enter")
    assert "Not yet" in box.locator(".parsons-feedback").inner_text()
    # A line that is no part of the answer (the opposite twin of a verdict): tick "Use" off with Space.
    for index, code in enumerate(order(page, box)):
        if code not in answer:
            box.locator(".parsons-use").nth(index).focus()
            page.keyboard.press("Space")
    assert sorted(used(page, box)) == sorted(answer)
    # Selection sort by keyboard: focus the item that belongs at each place and move it up with Alt+ArrowUp
    # (the items left out go last).
    unused = list(order(page, box))
    for code in answer:
        unused.remove(code)
    for place, code in enumerate(answer + unused):
        current = order(page, box)
        at = next(i for i in range(place, len(current)) if current[i] == code)
        box.locator(".parsons-line").nth(at).focus()
        for _ in range(at - place):
            page.keyboard.press("Alt+ArrowUp")
    assert used(page, box) == answer
    check.focus()
    page.keyboard.press("Enter")
    assert box.locator(".parsons-feedback").inner_text().startswith("Correct"), box.locator(".parsons-feedback").inner_text()
    assert box.locator(".parsons-feedback").get_attribute("aria-live") == "polite"
    return box


def test_lines_in_order_are_solved_with_the_keyboard_alone(page, page_log, site):
    open_page(page, site, "berlin.html")
    data = page.evaluate(f'JSON.parse(document.getElementById("exercise-steps").textContent)["{EXERCISE}"].parsons')
    assert "answer" not in data, "the page holds no right order"
    box = solve_by_keyboard(page, EXERCISE)
    # The Move down button moves a line too, and the order is then wrong again.
    box.locator(".parsons-line").first.get_by_role("button", name="Move down").click()
    box.get_by_role("button", name="Check order").click()
    assert "Not yet" in box.locator(".parsons-feedback").inner_text()
    assert not page_log.problems()


def test_the_pieces_of_a_one_line_solution_are_put_in_order_with_the_keyboard(page, page_log, site):
    open_page(page, site, "python-for-historians.html")
    box = solve_by_keyboard(page, "python-for-historians-first-row")
    assert box.locator(".parsons-preview").inner_text().strip() == 'rows = load("refugees")\nfirst_refugees = rows[0]["refugees"]'
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
    assert page.locator(".parsons").count() == 6, "every code exercise of the primer has its Parsons problem"
    assert not page_log.problems(), page_log.problems()


# --- the student edition: the same Parsons problems, checked without the solution in the page ---------

from browser.test_student import student_site  # noqa: E402,F401  (the fixture)


def test_the_student_edition_parsons_problems_are_solved_with_the_keyboard_alone(browser, page_log, student_site):
    from test_editions import SOLUTIONS

    page = fresh_page(browser, student_site, page_log)
    try:
        for html, exercise_id in (("berlin.html", EXERCISE), ("python-for-historians.html", "python-for-historians-rise"),
                                  ("conclusion.html", "conclusion-claims-verdict")):
            open_page(page, student_site, html)
            source = page.locator("#exercise-steps").text_content()
            assert SOLUTIONS[exercise_id] not in source and "parsons" in source
            solve_by_keyboard(page, exercise_id)
    finally:
        page.context.close()
    assert not page_log.problems(), page_log.problems()
