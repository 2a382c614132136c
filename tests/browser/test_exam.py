"""Exam practice in the page, with the keyboard alone: a draft that survives a reload, a timer with
extra time that keeps the draft, and a checklist whose level is the one exercises.level_for gives."""

from __future__ import annotations

import json

from browser.conftest import open_page
from exercises._exam import exam, level_for

QID = "berlin-exam-wall-consequences"


def _tab_to(page, selector: str, limit: int = 400) -> None:
    for _ in range(limit):
        if page.evaluate("(s) => document.activeElement && document.activeElement.matches(s)", selector):
            return
        # a code editor keeps Tab for indenting: Escape, then Tab, leaves it (as the page tells its reader)
        if page.evaluate("() => !!document.activeElement && !!document.activeElement.closest('.cell, .cm-editor, .runner')"):
            page.keyboard.press("Escape")
        page.keyboard.press("Tab")
    raise AssertionError(f"{selector} is not reachable with Tab")


def test_draft_timer_checklist_with_the_keyboard(page, page_log, site):
    page.clock.install()
    open_page(page, site, "berlin.html")
    draft = f"#{QID}-draft"
    _tab_to(page, draft)
    page.keyboard.type("The Wall stopped the flight of refugees.")
    page.wait_for_timeout(400)
    page.clock.run_for(1000)
    page.reload()
    assert page.input_value(draft) == "The Wall stopped the flight of refugees."

    # extra time: 25 % more than the board's suggestion
    question = exam(QID)
    _tab_to(page, f"#{QID}-extra")
    page.keyboard.press("ArrowDown")
    minutes = question.fmt.minutes * 1.25
    clock = page.locator(f"#{QID} .exam-clock")
    assert clock.text_content() == f"{int(minutes):02d}:{int(minutes % 1 * 60):02d}"
    _tab_to(page, f"#{QID} .exam-timer-start")
    page.keyboard.press("Enter")
    page.clock.run_for(int(minutes * 60 * 1000) + 2000)
    assert "Time is up" in page.locator(f"#{QID} .exam-time-note").text_content()
    assert page.input_value(draft).startswith("The Wall stopped")

    # the model answers wait for the checklist
    assert page.locator(f'details[data-exam-models="{QID}"]').is_hidden()
    boxes = page.locator(f"#{QID} .exam-checklist input")
    values = [boxes.nth(i).get_attribute("value") for i in range(boxes.count())]
    ticked = set(values[:3])  # Level 1 and Level 2 complete
    for value in values[:3]:  # in the page's order, as a reader tabs down the list (a set's order would wrap round the page)
        _tab_to(page, f"#{QID} input[value={json.dumps(value)}]")
        page.keyboard.press("Space")
    _tab_to(page, f"#{QID} .exam-show-level")
    page.keyboard.press("Enter")
    level, missing = level_for(question.format, ticked)
    shown = page.locator(f"#{QID} .exam-level-result").text_content()
    assert f"fits Level {level} " in shown and level == 2
    for criterion in missing:
        assert criterion in shown
    assert page.locator(f'details[data-exam-models="{QID}"]').is_visible()
    # Tabbing past a code cell starts loading Python; the reload above cuts that download short, which is no fault.
    assert [p for p in page_log.problems() if "net::ERR_ABORTED" not in p] == []


def test_check_my_facts_shows_what_factcheck_says(page, page_log, site):
    """The button runs exercises.factcheck in the page's Python: the same flags, the same words."""
    from exercises import factcheck

    text = "Between 1948 and 1960 about 250,000 people left East Germany. The Berlin Wall was built on 13 August 1961."
    open_page(page, site, "berlin.html")
    page.fill(f"#{QID}-draft", text)
    page.locator(f"#{QID} .exam-factcheck").click()
    facts = page.locator(f"#{QID} .exam-facts")
    facts.locator(".exam-facts-head").wait_for(timeout=120_000)
    items = facts.locator("li")
    expected = [flag.message for flag in factcheck(text).flags]
    assert len(expected) == 1 and items.count() == 1
    assert items.nth(0).text_content().startswith(expected[0])
    assert "Checked 2 dates or figures" in facts.text_content()
    assert [p for p in page_log.problems() if "net::ERR_ABORTED" not in p] == []
