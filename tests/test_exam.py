"""Exam practice: each question declared once, in a board's format, placed once in its chapter."""

from __future__ import annotations

import itertools
import re

import pytest

from conftest import BOOK, bib_keys
from exercises import _exam_bank  # noqa: F401
from exercises._exam import FORMATS, exam, exam_ids, level_for

DIRECTIVE = re.compile(r"^```\{exam-question\}\s+(\S+)\s*$", re.M)


def placed() -> dict[str, list[str]]:
    where: dict[str, list[str]] = {}
    for path in sorted(BOOK.glob("*.md")):
        for qid in DIRECTIVE.findall(path.read_text(encoding="utf-8")):
            where.setdefault(qid, []).append(path.stem)
    return where


def test_every_question_is_placed_once_in_its_own_chapter():
    where = placed()
    assert set(where) == set(exam_ids()), "declared but not placed, or placed but not declared"
    for qid, pages in where.items():
        assert pages == [exam(qid).chapter], (qid, pages)


@pytest.mark.parametrize("qid", exam_ids())
def test_question_is_well_formed(qid):
    question = exam(qid)
    fmt = question.fmt
    assert question.question.strip().endswith(("?", ".")), "a question ends as a question or an instruction"
    levels = [m.level for m in question.models]
    if len(fmt.levels) >= 3:
        assert len(set(levels)) == 3, "three model answers at three different levels"
    assert max(m.level for m in question.models) == max(level.number for level in fmt.levels), "one model reaches the top level"
    for model in question.models:
        assert len(model.text.split()) >= 8 and model.why
    keys = bib_keys()
    assert set(question.cites) <= keys and set(fmt.source_keys) <= keys


@pytest.mark.parametrize("qid", exam_ids())
def test_markdown_view_is_plain(qid):
    """The Jupyter and print view: the question, every checklist item and every model answer, no MyST."""
    question = exam(qid)
    text = question.to_markdown()
    assert question.question in text
    for level in question.fmt.levels:
        for criterion in level.criteria:
            assert f"- [ ] {criterion}" in text
    for marker in ("{cite", "{term}", "```{", ":::"):
        assert marker not in text
    assert "Model answer at Level" not in question.to_markdown(answers=False)


@pytest.mark.parametrize("key", sorted(FORMATS))
def test_level_is_the_highest_complete_level(key):
    fmt = FORMATS[key]
    all_criteria = [c for level in fmt.levels for c in level.criteria]
    assert level_for(key, set()) == (0, list(fmt.levels[0].criteria))
    assert level_for(key, set(all_criteria)) == (fmt.levels[-1].number, [])
    # ticking a higher level without the one below does not count
    top_only = set(fmt.levels[-1].criteria)
    assert level_for(key, top_only)[0] == 0
    for n in range(1, len(fmt.levels) + 1):
        below = {c for level in fmt.levels[:n] for c in level.criteria}
        assert level_for(key, below)[0] == fmt.levels[n - 1].number


def test_board_formats_and_minutes():
    """Marks as the boards set them; minutes shared from the section's time in proportion to marks."""
    marks = {key: fmt.marks for key, fmt in FORMATS.items()}
    assert marks == {
        "edexcel-consequences": 8, "edexcel-narrative": 8, "edexcel-importance": 8,
        "aqa-how-do-you-know": 4, "aqa-usefulness": 12, "aqa-account": 8, "aqa-how-far": 16,
    }
    for fmt in FORMATS.values():
        assert 3 <= fmt.minutes <= 30
    assert FORMATS["aqa-how-far"].minutes > FORMATS["aqa-usefulness"].minutes > FORMATS["aqa-account"].minutes > FORMATS["aqa-how-do-you-know"].minutes


def test_both_boards_are_covered():
    boards = {exam(qid).fmt.board for qid in exam_ids()}
    assert boards == {"Edexcel", "AQA"}


def test_every_chapter_has_three_exam_questions():
    from conftest import chapters

    for chapter in chapters():
        assert len([q for q in exam_ids() if exam(q).chapter == chapter]) >= 3, chapter


def test_the_conclusion_spans_the_period_with_the_long_questions():
    formats = {exam(q).format for q in exam_ids() if exam(q).chapter == "conclusion"}
    assert {"aqa-how-far", "edexcel-importance"} <= formats
