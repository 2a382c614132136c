"""Unit tests of book/_ext/practice.py on the widget test book (tests/roots/widgets).

The chapter holds one widget of each kind (choice, order, match, a short answer in words and one in a
number) and a "Common misconceptions" box.  The data in the page is the declaration's, and
book/_static/practice.js, run by node on that data, gives for every answer tried the message that
``exercises.check`` gives; the controls have labels, keyboard moves and a live region.
"""

from __future__ import annotations

import itertools
import json
import re
import shutil
import subprocess

import exercises
from conftest import BOOK
from exercises import _practice
from widget_book import (  # noqa: F401
    FILTER, build, build_log, copy_book, declared, deferred_script, element, page, site, student_site, stylesheet, text,
)

pytestmark = FILTER

WIDGETS = {"chapter-choice": "choice", "chapter-order": "order", "chapter-match": "match",
           "chapter-short": "short", "chapter-number": "short"}
SCRIPT = BOOK / "_static" / "practice.js"


def widget(out, exercise_id: str) -> str:
    """The widget's <div> in the chapter."""
    markup = element(page(out), "div", id=f"practice-{exercise_id}")
    assert f'class="practice practice-{WIDGETS[exercise_id]}"' in markup and f'data-exercise="{exercise_id}"' in markup
    return markup


def data_of(markup: str) -> dict:
    found = re.search(r'<script type="application/json" class="practice-data">(.*?)</script>', markup, re.S)
    assert found, "the widget carries its data"
    return json.loads(found.group(1))


def answers(exercise_id: str) -> list:
    """Every answer a student can give through the widget (for the choice, order and match), or many typed ones."""
    exercise = exercises.get(exercise_id)
    if exercise.kind == "choice":
        return list(exercise.options)
    if exercise.kind == "order":
        return [list(order) for order in itertools.permutations(exercise.events)]
    if exercise.kind == "match":
        choices = [None, *exercise.lettered()]  # None: a drop-down left on "Choose..."
        return [{left: letter for left, letter in zip(exercise.pairs, pick) if letter}
                for pick in itertools.product(choices, repeat=len(exercise.pairs))]
    if exercise.number is not None:
        return ["", "2,700,000", "2.7 million", "about 2650000 people", "3.5 million", "3,550,000", "2,500,000",
                "4 million", "many", "12 and 13"]
    return ["", "  ", "Bulganin", "bulganin!", "BOULGANINE", "Molotov", " molotov. ", "Malenkov", "Bul ganin"]


def test_each_widget_carries_the_data_of_its_declaration(site, declared):
    for exercise_id in WIDGETS:
        assert data_of(widget(site, exercise_id)) == _practice.widget(exercise_id), exercise_id


def test_the_page_script_gives_the_message_check_gives_for_every_answer(site, declared):
    node = shutil.which("node")
    assert node, "node is needed (it comes with npm, which `make runtime` uses)"
    cases = []
    for exercise_id, kind in WIDGETS.items():
        data = data_of(widget(site, exercise_id))
        for answer in answers(exercise_id):
            result = exercises.check(exercise_id, answer)
            cases.append({"kind": kind, "data": data, "answer": answer, "want": [result.status, result.message]})
    program = (
        f"const p = require({json.dumps(str(SCRIPT))});"
        "const cases = JSON.parse(require('fs').readFileSync(0, 'utf8'));"
        "process.stdout.write(JSON.stringify(cases.map((c) => p.judge[c.kind](c.data, c.answer))));"
    )
    done = subprocess.run([node, "-e", program], input=json.dumps(cases), capture_output=True, text=True, timeout=60, check=True)
    got = json.loads(done.stdout)
    assert len(got) == len(cases)
    for case, said in zip(cases, got):
        assert said == case["want"], f"{case['data']['id']}: {case['answer']!r}"
    assert {status for status, _ in got} == {"passed", "failed"}
    assert any("MISCONCEPTION-ORDER" in message for _, message in got), "a known wrong order names its misconception"


def test_the_choice_is_radio_buttons_with_labels(site, declared):
    markup = widget(site, "chapter-choice")
    options = re.findall(r'<input type="radio" name="practice-chapter-choice" id="([^"]+)" value="([A-Z])">', markup)
    assert [letter for _, letter in options] == list(exercises.get("chapter-choice").options)
    for oid, letter in options:
        label = re.search(rf'<label for="{oid}">(.*?)</label>', markup).group(1)
        assert text(label) == f"{letter} {exercises.get('chapter-choice').options[letter]}"


def test_the_order_can_be_changed_with_the_keyboard(site, declared):
    exercise = exercises.get("chapter-order")
    markup = widget(site, "chapter-order")
    items = re.findall(r'<li class="practice-item" draggable="true" tabindex="0" data-key="([^"]+)">(.*?)</li>', markup, re.S)
    assert [key for key, _ in items] == list(exercise.events), "the items come in the jumbled order declared"
    for key, body in items:
        title = exercise.titles()[key]
        assert f'<span class="practice-item-text">{title}</span>' in body
        assert f'aria-label="Move up: {title}"' in body and f'aria-label="Move down: {title}"' in body
    how = re.search(r'<p id="([^"]+)" class="practice-how">([^<]*)</p>', markup)
    assert "arrow keys" in how.group(2) and f'<ol class="practice-list" aria-describedby="{how.group(1)}">' in markup
    assert re.search(r'<p class="practice-moved[^"]*" aria-live="polite">', markup), "a move is announced"


def test_each_item_to_match_has_a_labelled_drop_down(site, declared):
    exercise = exercises.get("chapter-match")
    markup = widget(site, "chapter-match")
    selects = re.findall(r'<label for="([^"]+)">([^<]*)</label><select id="\1" data-left="([^"]*)">(.*?)</select>', markup)
    assert [left for _, left, _, _ in selects] == list(exercise.pairs)
    for _, left, data_left, options in selects:
        assert data_left == left
        assert re.findall(r'<option value="([A-Z]?)">', options) == ["", *exercise.lettered()]


def test_a_short_answer_is_a_labelled_text_box_with_its_unit(site, declared):
    for exercise_id in ("chapter-short", "chapter-number"):
        markup = widget(site, exercise_id)
        assert re.search(rf'<label for="practice-{exercise_id}-input">Your answer</label> <input type="text" id="practice-{exercise_id}-input"', markup)
        unit = exercises.get(exercise_id).unit
        assert (f'<span class="practice-unit">{unit}</span>' in markup) == bool(unit), exercise_id


def test_every_widget_has_a_check_button_and_a_live_region(site, declared):
    for exercise_id in WIDGETS:
        markup = widget(site, exercise_id)
        assert '<button type="button" class="practice-check">Check</button>' in markup
        assert '<div class="practice-feedback" role="status" aria-live="polite"></div>' in markup


def test_the_student_page_names_no_accepted_spelling_right_letter_or_number(site, student_site, declared):
    short, choice = exercises.get("chapter-short"), exercises.get("chapter-choice")
    right_letter = json.dumps(f"chapter-choice\n{choice.answer}")
    book, student = page(site), page(student_site)
    for spelling in short.accept:
        assert spelling.lower() in book.lower(), "the full edition keys its messages by the answers (the control)"
        assert spelling.lower() not in student.lower(), spelling
    assert right_letter in json.dumps(list(data_of(widget(site, "chapter-choice"))["messages"])), "the control"
    assert right_letter not in json.dumps(data_of(widget(student_site, "chapter-choice")))
    number = data_of(widget(student_site, "chapter-number"))
    assert "number" not in number and "tolerance" not in number, "the student edition keeps a number as hashed cells"
    assert "2,700,000" not in text(book) and "2,700,000" not in text(student)  # a number answer is in the data only


def test_the_misconceptions_box_names_the_claim_the_evidence_and_the_exercise(site, declared):
    found = _practice.misconceptions("chapter")
    assert len(found) == 1
    item = found[0]
    box = element(page(site), "div", "misconceptions-box")
    words = text(box)
    assert "Common misconceptions" in words and f"Not so: {item.claim}" in words
    assert "The evidence: CORRECTION-TEXT: it was beta" in words and 'href="sources.html#' in box
    assert re.search(rf'Test yourself: <a class="reference internal" href="#{item.exercise}">', box)
    said = exercises.check(item.exercise, item.answer)
    assert item.names in said.message
    data = data_of(widget(site, item.exercise))
    assert data["messages"][_practice._key(item.exercise, item.answer)] == [said.status, said.message]


def test_the_practice_script_is_loaded_only_where_there_is_a_widget(site):
    assert deferred_script(page(site), "practice.js") and stylesheet(page(site), "practice.css")
    for name in ("index", "glossary", "revise", "notes"):
        assert not deferred_script(page(site, name), "practice.js"), name


def test_other_builders_get_the_question_as_text(declared, tmp_path):
    """The book is built as HTML only, but a widget falls back to its question as text (LaTeX here, the quickest)."""
    out = build(copy_book(tmp_path / "src"), builder="latex", outdir="latex")
    chapter = next(out.glob("*.tex")).read_text(encoding="utf-8")
    for letter, option in exercises.get("chapter-choice").options.items():
        assert re.search(rf"\\sphinxstylestrong\{{{letter}\}}\s*{re.escape(option)}", chapter), letter
    for left in exercises.get("chapter-match").pairs:
        assert left in chapter
    assert "Answer in people." in chapter
    assert "practice-data" not in chapter and "Or answer in Python" not in chapter


def test_a_widget_or_box_with_nothing_declared_fails_the_build(declared, tmp_path):
    source = copy_book(tmp_path / "src")
    chapter = source / "chapter.md"
    body = chapter.read_text(encoding="utf-8")
    body = body.replace("{practice} chapter-short", "{practice} chapter-nothing").replace("{practice} chapter-number", "{practice} chapter-total")
    chapter.write_text(body, encoding="utf-8")
    with (source / "later.md").open("a", encoding="utf-8") as later:
        later.write("\n```{misconceptions}\n```\n")
    _, warnings = build_log(source, outdir="broken")
    assert "unknown exercise 'chapter-nothing'" in warnings
    assert "chapter-total is a value exercise: it has no widget" in warnings
    assert "no misconceptions are declared for 'later'" in warnings
