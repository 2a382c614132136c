"""Unit tests of book/_ext/exam.py on the widget test book (tests/roots/widgets): the ``{exam-question}`` box.

Everything in the box comes from the one declaration (tests/roots/widgets/declarations.py): the question,
its board, marks and minutes, the timer, the checklist and the model answers, which stay folded after
"Show my level" in both editions.
"""

from __future__ import annotations

import re

from exercises import exam
from widget_book import (  # noqa: F401
    FILTER, build_log, copy_book, declared, deferred_script, element, page, site, student_site, stylesheet, text,
)

pytestmark = FILTER

QID = "chapter-exam-how-far"


def test_the_box_shows_the_declared_question_board_marks_and_time(site):
    question = exam(QID)
    fmt = question.fmt
    box = element(page(site), "div", "exam-question")
    words = text(box).replace("‘", "'").replace("’", "'")  # MyST's smart quotes
    assert f"Exam practice 1 — {fmt.board}: {fmt.name}" in words
    assert f"({question.marks_text}; suggested time {fmt.minutes} minutes)" in words
    assert question.question in words
    assert fmt.paper in words
    assert 'href="sources.html#' in box, "the board's paper is cited"
    assert f'data-exam-id="{QID}"' in box and f'data-minutes="{fmt.minutes}"' in box


def test_the_timer_starts_at_the_suggested_minutes_with_extra_time_options(site):
    fmt = exam(QID).fmt
    box = element(page(site), "div", "exam-question")
    assert re.search(rf'<span class="exam-clock" role="timer"[^>]*>{fmt.minutes:02d}:00</span>', box)
    options = re.findall(r'<option value="([\d.]+)">([^<]*)</option>', box)
    assert [value for value, _ in options] == ["1", "1.25", "1.5"]
    for value, label in options:
        assert label.startswith(f"{fmt.minutes * float(value):g} minutes"), label
    assert re.search(r'<label[^>]*for="chapter-exam-how-far-extra"', box), "the time choice has a label"


def test_the_checklist_has_every_criterion_of_every_level_once(site):
    fmt = exam(QID).fmt
    checklist = element(page(site), "fieldset", "exam-checklist")
    boxes = re.findall(r'<input type="checkbox" id="([^"]+)" data-level="(\d)" value="([^"]*)">', checklist)
    want = [(str(level.number), criterion) for level in fmt.levels for criterion in level.criteria]
    assert [(level, value) for _, level, value in boxes] == want
    for box_id, _, _ in boxes:
        assert f'<label for="{box_id}">' in checklist
    for level in fmt.levels:
        assert f"Level {level.number} ({level.marks[0]}–{level.marks[1]} marks)" in checklist


def test_the_model_answers_come_folded_after_the_self_marking(site):
    question = exam(QID)
    chapter = page(site)
    box = element(chapter, "div", "exam-question")
    models = re.search(r"<details class=\"exam-models\"([^>]*)>(.*?)</details>", box, re.S)
    assert models, "the model answers are in a <details>"
    assert "open" not in models.group(1), "the model answers are folded until the student asks for them"
    before = box[:models.start()]
    assert before.index('class="exam-checklist"') < before.index('class="exam-show-level"')
    folded = text(models.group(2))
    for model in question.models:
        assert f"Level {model.level}" in folded and model.why in folded
        for paragraph in filter(None, model.text.split("\n")):
            assert paragraph in folded
            assert paragraph not in text(before), "a model answer shows before the self-marking"
    levels = [int(n) for n in re.findall(r"<strong>Level (\d)</strong>", models.group(2))]
    assert levels == sorted(model.level for model in question.models)


def test_the_student_edition_keeps_the_same_box(site, student_site):
    full = element(page(site), "div", "exam-question")
    student = element(page(student_site), "div", "exam-question")
    assert student == full, "students need the model answers to learn: the exam box is the same in both editions"


def test_the_exam_script_is_loaded_only_where_there_is_a_question(site):
    assert deferred_script(page(site), "exam.js") and stylesheet(page(site), "exam.css")
    for name in ("index", "glossary", "revise"):
        assert not deferred_script(page(site, name), "exam.js") and not stylesheet(page(site, name), "exam.css"), name


def test_an_undeclared_question_fails_the_build(declared, tmp_path):
    source = copy_book(tmp_path / "src")
    chapter = source / "chapter.md"
    chapter.write_text(chapter.read_text(encoding="utf-8").replace(f"{{exam-question}} {QID}", "{exam-question} chapter-exam-none"),
                       encoding="utf-8")
    _, warnings = build_log(source, outdir="broken")
    assert "unknown exam question 'chapter-exam-none'" in warnings
