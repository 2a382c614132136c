"""Unit tests of book/_ext/quiz.py on the widget test book (tests/roots/widgets): "Do now", "Check your memory", "Revise".

The test book's first chapter uses three of the four terms of its glossary and the later chapter the fourth,
so the questions are the four "Which term means ...?" (the chapters' names are no chapter of the ``events``
table); each question's right option is known here from the glossary, and the page may hold it only as the
hash that book/_static/quiz.js compares (exercises._quiz.answer_key).
"""

from __future__ import annotations

import html
import re

from exercises._quiz import answer_key
from widget_book import (  # noqa: F401
    FILTER, build_log, copy_book, declared, deferred_script, element, page, site, stylesheet, text,
)

pytestmark = FILTER

# The first sentence of each definition in tests/roots/widgets/glossary.md, with the term masked as the prompt shows it.
DEFINED = {
    "Thaw": "A … is a warming of relations after a cold spell.",
    "Détente": "An easing of tension between rivals.",
    "Brinkmanship": "Pushing a dangerous situation to the edge of war to make the other side back down.",
    "Superpower": "A state with the power to act all over the world.",
}
# The terms each chapter uses with {term} (tests/roots/widgets/chapter.md and later.md).
USED = {"chapter": ["Thaw", "Détente", "Brinkmanship"], "later": ["Superpower"]}


def questions(section: str) -> list[dict]:
    """Each question of a quiz section: its attributes, prompt and options."""
    found = []
    for attributes, body in re.findall(r"<fieldset class=\"quiz-item\"([^>]*)>(.*?)</fieldset>", section, re.S):
        found.append({
            "attributes": dict(re.findall(r'([\w-]+)="([^"]*)"', attributes)),
            "hidden": bool(re.search(r"\bhidden\b", attributes)),
            "prompt": text(re.search(r"<legend>(.*?)</legend>", body, re.S).group(1)),
            "options": [html.unescape(value) for value in re.findall(r'<input type="radio"[^>]*value="([^"]*)"', body)],
            "body": body,
        })
    return found


def term_of(prompt: str) -> str:
    """The term whose definition the prompt gives."""
    matches = [term for term, definition in DEFINED.items() if prompt.endswith(f"Which term means: {definition}")]
    assert len(matches) == 1, prompt
    return matches[0]


def check_question(question: dict) -> str:
    """Assert that exactly one option hashes to the question's key, the term the prompt defines, and that the
    question belongs to the chapter that uses the term; return the term."""
    key, item = question["attributes"]["data-key"], question["attributes"]["data-item"]
    term = term_of(question["prompt"])
    assert sorted(question["options"]) == sorted(DEFINED), "the options are the glossary's terms"
    assert [option for option in question["options"] if answer_key(item, option) == key] == [term]
    assert term in USED[question["attributes"]["data-chapter"]]
    return term


def test_do_now_opens_the_first_chapter_with_its_own_term_questions(site):
    chapter = page(site)
    section = element(chapter, "section", "quiz-do-now")
    assert chapter.index('class="quiz quiz-do-now"') < chapter.index("After the"), "Do now opens the chapter"
    assert "Do now: five quick questions" in text(section)
    found = questions(section)
    # the first chapter has no chapter before it: it gets the questions on the terms it uses
    assert sorted(check_question(question) for question in found) == sorted(USED["chapter"])
    assert [re.match(r"(\d+)\. ", question["prompt"]).group(1) for question in found] == ["1", "2", "3"]


def test_do_now_in_a_later_chapter_asks_about_the_chapters_before_it(site):
    section = element(page(site, "later"), "section", "quiz-do-now")
    assert sorted(check_question(question) for question in questions(section)) == sorted(USED["chapter"])


def test_check_your_memory_ends_the_chapter_with_every_term_question(site):
    chapter = page(site)
    section = element(chapter, "section", "quiz-memory")
    assert chapter.index('class="quiz quiz-memory"') > chapter.index('class="exam-question'), "it ends the chapter"
    assert "Check your memory" in text(section)
    assert sorted(check_question(question) for question in questions(section)) == sorted(USED["chapter"])


def test_check_your_memory_in_a_later_chapter_adds_questions_from_earlier_ones(site):
    section = element(page(site, "later"), "section", "quiz-memory")
    found = questions(section)
    asked = [check_question(question) for question in found]
    assert asked[0] == "Superpower", "the chapter's own questions come first"
    # one question of its own, and then earlier ones to make up the eight (there are only three)
    assert sorted(asked) == sorted(USED["chapter"] + USED["later"])


def test_no_question_names_its_answer(site):
    for name, css_class in (("chapter", "quiz-do-now"), ("chapter", "quiz-memory"), ("later", "quiz-do-now"), ("later", "quiz-memory")):
        section = element(page(site, name), "section", css_class)
        for question in questions(section):
            term = term_of(question["prompt"])
            assert set(question["attributes"]) == {"data-item", "data-key", "data-chapter"}, "no attribute holds the answer"
            assert not re.search(rf"\b{re.escape(term)}\b", question["prompt"], re.I), "the term is masked in its definition"
            labelled = re.findall(r'<input type="radio"[^>]*id="([^"]+)"', question["body"])
            assert len(labelled) == len(question["options"])
            assert all(f'<label for="{oid}">' in question["body"] for oid in labelled)
            assert "checked" not in question["body"] and "answer" not in question["body"].lower()
            assert 'class="quiz-feedback" aria-live="polite"' in question["body"]


def test_the_revise_page_holds_every_question_hidden_until_due(site):
    section = element(page(site, "revise"), "section", "quiz-revise")
    found = questions(section)
    assert sorted(check_question(question) for question in found) == sorted(DEFINED)
    assert all(question["hidden"] for question in found), "quiz.js shows the questions that are due"
    assert 'class="quiz-due" aria-live="polite"' in section and 'class="quiz-reset"' in section


def test_the_same_question_has_the_same_id_and_key_everywhere(site):
    seen: dict[str, tuple[str, str]] = {}
    for name, css_class in (("chapter", "quiz-do-now"), ("chapter", "quiz-memory"), ("later", "quiz-do-now"),
                            ("later", "quiz-memory"), ("revise", "quiz-revise")):
        section = element(page(site, name), "section", css_class)
        for question in questions(section):
            term = term_of(question["prompt"])
            item = (question["attributes"]["data-item"], question["attributes"]["data-key"])
            assert seen.setdefault(term, item) == item, "a question answered in the chapter is the one due on the Revise page"


def test_the_quiz_script_is_loaded_only_where_there_is_a_quiz(site):
    for name in ("chapter", "later", "revise"):
        assert deferred_script(page(site, name), "quiz.js") and stylesheet(page(site, name), "quiz.css"), name
    for name in ("index", "glossary", "notes"):
        assert not deferred_script(page(site, name), "quiz.js"), name


def test_a_quiz_outside_a_chapter_fails_the_build(declared, tmp_path):
    source = copy_book(tmp_path / "src")
    with (source / "notes.md").open("a", encoding="utf-8") as notes:
        notes.write("\n```{memory-quiz}\n```\n")
    _, warnings = build_log(source, outdir="broken")
    assert "{memory-quiz} belongs in a chapter; 'notes' is not one" in warnings
