"""Retrieval practice: every generated question is right by the data, and the same seed gives the same quiz."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from conftest import BOOK, ROOT, chapters
from exercises import _quiz

sys.path.insert(0, str(ROOT / "book" / "_ext"))
from quiz import SEED, build_pool  # noqa: E402  (the Sphinx extension's own pool)

CHAPTERS, POOL, GLOSSARY = build_pool(BOOK)


def test_chapters_are_the_books():
    assert CHAPTERS == chapters()


@pytest.mark.parametrize("item", POOL, ids=[item.id for item in POOL])
def test_every_question_is_right_by_the_data(item):
    assert _quiz.verify(item, GLOSSARY), item
    assert item.chapter in CHAPTERS and item.source


def test_verify_can_fail():
    item = next(i for i in POOL if i.kind == "year")
    wrong = next(option for option in item.options if option != item.answer)
    assert not _quiz.verify(_quiz.QuizItem(item.id, item.chapter, item.kind, item.prompt, item.options, wrong, item.source), GLOSSARY)


def test_every_kind_is_made():
    assert {item.kind for item in POOL} == {"year", "first", "term"}


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_each_chapter_has_its_quizzes(chapter):
    memory = _quiz.memory_quiz(POOL, CHAPTERS, chapter, SEED)
    assert 5 <= len(memory) <= 10 and len({i.id for i in memory}) == len(memory)
    assert any(item.chapter == chapter for item in memory)
    if chapter != CHAPTERS[0]:
        assert any(item.chapter != chapter for item in memory), "questions from earlier chapters are mixed in"
    now = _quiz.do_now(POOL, CHAPTERS, chapter, SEED)
    assert len(now) == 5
    if chapter != CHAPTERS[0]:
        assert all(CHAPTERS.index(item.chapter) < CHAPTERS.index(chapter) for item in now)
    text = (BOOK / f"{chapter}.md").read_text(encoding="utf-8")
    assert "```{do-now}" in text and "```{memory-quiz}" in text


def test_same_seed_same_quiz():
    again = build_pool(BOOK)[1]
    for chapter in CHAPTERS:
        assert _quiz.memory_quiz(POOL, CHAPTERS, chapter, SEED) == _quiz.memory_quiz(again, CHAPTERS, chapter, SEED)
    assert _quiz.memory_quiz(POOL, CHAPTERS, "berlin", SEED) != _quiz.memory_quiz(POOL, CHAPTERS, "berlin", SEED + 1)


def test_the_page_holds_a_hash_not_the_answer():
    item = POOL[0]
    public = item.public()
    assert "answer" not in public
    assert public["key"] == _quiz.answer_key(item.id, item.answer)
    assert [_quiz.answer_key(item.id, option) == public["key"] for option in item.options].count(True) == 1
    # 32-bit FNV-1a: the published test vectors
    assert [_quiz.fnv1a(text) for text in ("", "a", "foobar")] == ["811c9dc5", "e40c292c", "bf9cf968"]
