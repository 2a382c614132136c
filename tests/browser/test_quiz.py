"""Retrieval practice in the page, with the keyboard alone: feedback at once, a wrong answer comes
back on the Revise page after a reload, and the progress can be reset."""

from __future__ import annotations

import sys

from browser.conftest import open_page
from conftest import BOOK, ROOT
from exercises import _quiz

sys.path.insert(0, str(ROOT / "book" / "_ext"))
from quiz import SEED, build_pool  # noqa: E402

CHAPTERS, POOL, _ = build_pool(BOOK)


def test_quiz_feedback_and_revise(page, page_log, site):
    item = _quiz.memory_quiz(POOL, CHAPTERS, "berlin", SEED)[0]
    wrong = next(option for option in item.options if option != item.answer)
    open_page(page, site, "berlin.html")
    box = page.locator(f'.quiz-memory .quiz-item[data-item="{item.id}"]')
    # no answer in the page: only its hash
    assert item.answer not in (box.get_attribute("data-key") or "")
    box.get_by_label(wrong, exact=True).focus()
    page.keyboard.press("Space")
    box.locator(".quiz-check").focus()
    page.keyboard.press("Enter")
    feedback = box.locator(".quiz-feedback").text_content()
    assert feedback.startswith("✘") and item.answer in feedback

    open_page(page, site, "revise.html")
    due = page.locator(f'.quiz-revise .quiz-item[data-item="{item.id}"]')
    assert due.is_visible(), "a question answered wrongly is due at once"
    assert "1 question is due now." in page.locator(".quiz-due").text_content()
    due.get_by_label(item.answer, exact=True).focus()
    page.keyboard.press("Space")
    due.locator(".quiz-check").focus()
    page.keyboard.press("Enter")
    assert due.locator(".quiz-feedback").text_content().startswith("✔")
    page.reload()
    assert page.locator(f'.quiz-revise .quiz-item[data-item="{item.id}"]').is_hidden(), "a right answer waits a day"
    assert page.evaluate(f"window.BookStore.get('quiz:{item.id}').box") == 2

    page.on("dialog", lambda dialog: dialog.accept())
    page.locator(".quiz-reset").click()
    assert page.evaluate(f"window.BookStore.get('quiz:{item.id}')") is None
    assert not page_log.problems()
