"""The question widgets in the page, with the keyboard alone: each kind (choice, choice with several
right options, order, match, short answer) is answered wrongly and then rightly, and the message the widget shows is the very one
``exercises.check`` returns for the same answer; feedback goes to a live region; a click needs
no Python runtime; axe finds nothing serious in a page full of widgets."""

from __future__ import annotations

import exercises
from browser.conftest import open_page
from browser.test_pages import axe_violations

PAGE = "berlin.html"


def widget(page, exercise_id):
    return page.locator(f'.practice[data-exercise="{exercise_id}"]')


def press_check(page, box):
    box.locator(".practice-check").focus()
    page.keyboard.press("Enter")


def said(box):
    feedback = box.locator(".practice-feedback")
    assert feedback.get_attribute("role") == "status" and feedback.get_attribute("aria-live") == "polite"
    return box.locator(".practice-message").text_content()


def test_choice_with_the_keyboard(page, page_log, site):
    open_page(page, site, PAGE)
    exercise = exercises.get("berlin-source-purpose")
    box = widget(page, exercise.id)
    first = box.locator("input[type=radio]").first
    first.focus()
    page.keyboard.press("Space")  # selects the first option
    letters = list(exercise.options)
    for letter in letters:
        if letter != letters[0]:
            page.keyboard.press("ArrowDown")  # moves the selection to the next option
        chosen = box.locator("input[type=radio]:checked").get_attribute("value")
        assert chosen == letter
        press_check(page, box)
        assert said(box) == exercises.check(exercise.id, letter).message
        box.locator(f'input[value="{letter}"]').focus()
    assert not page_log.problems()


def test_several_right_options_with_the_keyboard(page, page_log, site):
    """Checkboxes: Tab moves between the options and Space ticks one; the message is check's for that set."""
    open_page(page, site, PAGE)
    exercise = exercises.get("berlin-wall-causes")
    box = widget(page, exercise.id)
    boxes = box.locator("input[type=checkbox]")
    assert boxes.count() == len(exercise.options) and box.locator("input[type=radio]").count() == 0
    letters = list(exercise.options)
    wrong = sorted(set(letters) - set(exercise.answers))[:1] + sorted(exercise.answers)[:1]
    for attempt in ([], sorted(exercise.answers)[:1], wrong, sorted(exercise.answers)):
        boxes.first.focus()
        for index, letter in enumerate(letters):
            if index:
                page.keyboard.press("Tab")
            if boxes.nth(index).is_checked() != (letter in attempt):
                page.keyboard.press("Space")
        ticked = box.locator("input[type=checkbox]:checked").evaluate_all("els => els.map(e => e.value)")
        assert sorted(ticked) == sorted(attempt)
        press_check(page, box)
        assert said(box) == exercises.check(exercise.id, set(attempt)).message, attempt
    assert "correct" in said(box)
    assert box.evaluate("b => b.classList.contains('practice-passed')")
    assert not page_log.problems()


def order_in_page(box):
    return box.locator(".practice-item").evaluate_all("items => items.map(li => li.dataset.key)")


def test_order_with_the_keyboard(page, page_log, site):
    open_page(page, site, PAGE)
    exercise = exercises.get("berlin-crisis-order")
    box = widget(page, exercise.id)
    # a wrong order: move the first item down twice with the arrow key
    box.locator(".practice-item").first.focus()
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowDown")
    assert "now number 3" in box.locator(".practice-moved").text_content()
    press_check(page, box)
    wrong = order_in_page(box)
    assert said(box) == exercises.check(exercise.id, wrong).message
    assert "placed before" in said(box)
    # the right order, by arrow keys on the items and by the Move up buttons
    right = exercise.items()
    for target, key in enumerate(right):
        current = order_in_page(box).index(key)
        item = box.locator(f'.practice-item[data-key="{key}"]')
        for step in range(current - target):
            if step % 2:
                item.focus()
                page.keyboard.press("ArrowUp")
            else:
                item.locator(".practice-up").focus()
                page.keyboard.press("Enter")
    assert order_in_page(box) == right
    press_check(page, box)
    assert said(box) == exercises.check(exercise.id, right).message
    assert box.evaluate("b => b.classList.contains('practice-passed')")
    assert not page_log.problems()


def test_order_by_dragging(page, page_log, site):
    open_page(page, site, PAGE)
    exercise = exercises.get("berlin-crisis-order")
    box = widget(page, exercise.id)
    items = box.locator(".practice-item")
    first = order_in_page(box)[0]
    items.nth(0).drag_to(items.nth(3), target_position={"x": 20, "y": 30})
    moved = order_in_page(box)
    assert moved != list(exercise.events) and moved.index(first) > 0, moved
    press_check(page, box)
    assert said(box) == exercises.check(exercise.id, moved).message
    assert not page_log.problems()


def test_match_with_the_keyboard(page, page_log, site):
    open_page(page, site, PAGE)
    exercise = exercises.get("berlin-sources-provenance")
    box = widget(page, exercise.id)
    letters = list(exercise.lettered())
    solution = exercise.solution()
    # first every item on option A, then the right letters
    for attempt in ({left: letters[0] for left in exercise.pairs}, solution):
        for left, letter in attempt.items():
            select = box.locator(f'select[data-left="{left}"]')
            select.focus()
            page.keyboard.press("Home")
            for _ in range(letters.index(letter) + 1):  # past "Choose…"
                page.keyboard.press("ArrowDown")
            assert select.input_value() == letter
        press_check(page, box)
        assert said(box) == exercises.check(exercise.id, attempt).message
    assert "correct" in said(box)
    assert not page_log.problems()


def test_short_answer_with_the_keyboard_and_no_python(page, page_log, site):
    open_page(page, site, PAGE)
    before = len(page_log.responses)
    exercise = exercises.get("berlin-wall-year")
    box = widget(page, exercise.id)
    field = box.locator(".practice-input")
    for typed in ("1948", "nineteen sixty", " 1961 "):
        field.focus()
        page.keyboard.press("Control+A")
        page.keyboard.type(typed)
        page.keyboard.press("Enter")
        assert said(box) == exercises.check(exercise.id, typed).message
    assert "Berlin Blockade" in exercises.check(exercise.id, "1948").message
    assert box.evaluate("b => b.classList.contains('practice-passed')")
    assert page.evaluate(f"window.BookStore.get('practice:{exercise.id}').status") == "passed"
    fetched = [url for url, _ in page_log.responses[before:]]
    assert not [url for url in fetched if "pyodide" in url or url.endswith((".whl", ".wasm"))], fetched
    assert not page_log.problems()


def test_a_page_full_of_widgets_is_accessible(page, page_log, site):
    open_page(page, site, PAGE)
    assert page.locator(".practice").count() >= 4
    assert page.locator(".misconceptions").count() == 1
    assert axe_violations(page) == []
