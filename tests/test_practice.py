"""Questions answered without code: the page widget gives the very message that check gives.

book/_static/practice.js judges an answer from the data that exercises._practice.widget computes;
here node runs that script's ``judge`` on many answers of every widget (each option, every
known mistake, random orders and pairings, typed words and numbers) and each result is compared
with ``exercises.check`` on the same answer.  Also: every chapter has a match and a short-answer
question and a misconceptions box whose wrong answers get a message naming the misconception,
and the multiple-choice questions do not give their answer away by its length or position.
"""

from __future__ import annotations

import copy
import hashlib
import json
import random
import re
import shutil
import subprocess
from collections import Counter

import pytest

import exercises
from conftest import BOOK, ROOT
from exercises import _book, _practice, _sealed

SCRIPT = ROOT / "book" / "_static" / "practice.js"
WIDGETS = _practice.widget_ids()
CHAPTERS = _book.chapters(BOOK)


def answers_to_try(exercise_id: str, rng: random.Random) -> list:
    """Answers a student could give through the widget: strings, lists of ids, dicts of letters."""
    exercise = exercises.get(exercise_id)
    if exercise.kind == "choice":
        return list(exercise.options)
    if exercise.kind == "multi":  # every set of boxes a student can tick, in any order
        return [rng.sample(chosen, len(chosen)) for chosen in exercise.subsets()]
    if exercise.kind == "order":
        right = exercise.items()
        found = [right, list(exercise.events)] + [mistake.apply(right) for mistake in exercise.mistakes]
        for _ in range(150):
            found.append(rng.sample(right, len(right)))
        for i in range(len(right) - 1):  # every neighbour swap of the right order
            near = list(right)
            near[i], near[i + 1] = near[i + 1], near[i]
            found.append(near)
        return found
    if exercise.kind == "match":
        letters = [letter for letter, _ in exercise.lettered().items()]
        found = [exercise.solution()] + [w for w in exercise.wrong_answers() if isinstance(w, dict)]
        for _ in range(150):
            answer = {left: rng.choice(letters) for left in exercise.pairs}
            for left in list(answer):
                if rng.random() < 0.15:
                    del answer[left]  # a drop-down left on "Choose..."
            found.append(answer)
        return found
    words = [exercise.solution(), "", "   ", "xyz", "12 and 13", "  " + exercise.solution().upper() + "!"]
    words += [str(w) for w in exercise.mistakes] + [str(w) for w in exercise.wrong]
    if exercise.number is not None:
        n = exercise.number
        words += [f"{n:,.0f}", f"{n + exercise.tolerance:g}", f"{n + exercise.tolerance + 1:g}", f"{n - exercise.tolerance - 1:g}",
                  f"about {n:g} {exercise.unit}", f"{n / 1e6:g} million", f"{n / 1e3:g} thousand", "-5", ".5"]
    else:
        words += [text.upper() for text in exercise.accept] + [f" {text}. " for text in exercise.mistakes]
    return words


@pytest.fixture(scope="module")
def node():
    path = shutil.which("node")
    assert path, "node is needed (it comes with npm, which `make runtime` uses)"
    return path


def judged_in_node(node, cases: list[dict]) -> list:
    """practice.js's ``judge`` of each case ({"data": widget data, "answer": ...}), run by node."""
    program = (
        f"const p = require({json.dumps(str(SCRIPT))});"
        "const cases = JSON.parse(require('fs').readFileSync(0, 'utf8'));"
        "process.stdout.write(JSON.stringify(cases.map((c) => p.judge[c.data.kind](c.data, c.answer))));"
    )
    out = subprocess.run([node, "-e", program], input=json.dumps(cases), capture_output=True, text=True, timeout=300, check=True)
    return json.loads(out.stdout)


@pytest.mark.parametrize("edition", ["book", "student"])
def test_every_widget_shows_the_message_check_gives(node, edition):
    """In the book the widget's message is the one ``exercises.check`` gives; in the student edition, where the
    widget's data are sealed, the one the student edition's (sealed) check gives."""
    rng = random.Random(1962)
    cases = []
    for exercise_id in WIDGETS:
        exercise = exercises.get(exercise_id)
        data = _practice.widget(exercise_id, sealed=edition == "student")
        check = exercise.check if edition == "book" else _sealed.build(_sealed.record(exercise, _sealed.SECRET)).check
        for answer in answers_to_try(exercise_id, rng):
            expected = check(copy.deepcopy(answer))
            cases.append({"data": data, "answer": answer, "want": [expected.status, expected.message]})
    got = judged_in_node(node, cases)
    assert len(got) == len(cases) > 1000
    for case, said in zip(cases, got):
        assert said == case["want"], f"{case['data']['id']}: {case['answer']!r}"
    # the tries reach every outcome
    assert {status for status, _ in got} == {"passed", "failed"}


def test_the_pages_sha256_and_unlock_are_pythons(node):
    texts = ["", "a", "abc", "x" * 55, "x" * 56, "y" * 64, "z" * 119, "\u2063GOT\u2063 Khrushchev \u00e9 " * 9]
    boxes = [[_sealed.lock(text, f"key {n}", "ab" * 16), f"key {n}"] for n, text in enumerate(texts)]
    program = (
        f"const p = require({json.dumps(str(SCRIPT))});"
        "const [texts, boxes] = JSON.parse(require('fs').readFileSync(0, 'utf8'));"
        "const hex = (b) => Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');"
        "process.stdout.write(JSON.stringify([texts.map((t) => hex(p.sha256(new TextEncoder().encode(t)))),"
        "  boxes.map(([box, key]) => [p.unlock(box, key, 'ab'.repeat(16)), p.unlock(box, key + '!', 'ab'.repeat(16))])]));"
    )
    out = subprocess.run([node, "-e", program], input=json.dumps([texts, boxes]), capture_output=True, text=True, timeout=60, check=True)
    digests, opened = json.loads(out.stdout)
    assert digests == [hashlib.sha256(text.encode()).hexdigest() for text in texts]
    assert opened == [[text, None] for text in texts]


def plain_answer_keys(exercise_id: str) -> list[str]:
    """The keys of a widget's data that are the right answer itself, as the book's (unsealed) widget writes them."""
    exercise = exercises.get(exercise_id)
    if exercise.kind == "choice":
        return [f"{exercise_id}\n{exercise.answer}"]
    if exercise.kind == "multi":
        return ["\n".join((exercise_id, *sorted(exercise.answers)))]
    if exercise.kind == "order":
        return ["\n".join((exercise_id, *exercise.items()))]
    if exercise.kind == "match":
        return ["\n".join((exercise_id, *exercise.solution().values()))]
    if exercise.accept:
        return [f"{exercise_id}\n{_practice.normalise(text)}" for text in exercise.accept]
    return []


@pytest.mark.parametrize("exercise_id", WIDGETS)
def test_the_student_editions_widget_data_name_no_answer(exercise_id):
    """The book's widget data hold each answer in the clear (the control); the student edition's hold none of them:
    no right key, no number, no passing message, no status in the clear."""
    exercise = exercises.get(exercise_id)
    book, student = _practice.widget(exercise_id), _practice.widget(exercise_id, sealed=True)
    for data in (book, student):
        assert json.loads(json.dumps(data)) == data  # plain JSON, so the page needs no Python for a click
    book_text, student_text = json.dumps(book), json.dumps(student)
    needles = [json.dumps(key) for key in plain_answer_keys(exercise_id)]
    if exercise.kind == "short" and exercise.number is not None:
        needles.append(f'"number": {json.dumps(exercise.number)}')
    right = {"choice": lambda: exercise.answer, "multi": lambda: sorted(exercise.answers),
             "order": lambda: exercise.items()}.get(exercise.kind, lambda: exercise.solution())()
    needles.append(json.dumps(_practice._said(exercise.check(right)))[:-1])  # the passing message
    for needle in needles:
        assert needle in book_text, needle
        assert needle not in student_text, needle
    passing = re.compile(r'"passed"(?!: )')  # the status as a value, not the key "passed"
    assert passing.search(book_text) and not passing.search(student_text)
    if exercise.kind == "order":  # nor a pair's message in the clear: together they give the order
        assert "placed before" in book_text and "placed before" not in student_text
    if exercise.kind == "multi":  # every set of ticks has its message, none ticked too
        assert len(book["messages"]) == 2 ** len(exercise.options)


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_every_chapter_has_a_match_and_a_short_answer_and_a_misconceptions_box(chapter):
    kinds = Counter(exercises.get(i).kind for i in exercises.ids() if exercises.chapter_of(i) == chapter)
    assert kinds["match"] >= 1 and kinds["short"] >= 1, kinds
    text = _book.page_text(BOOK, chapter)
    assert "```{misconceptions}" in text
    assert _practice.misconceptions(chapter)


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_every_widget_exercise_of_the_chapter_shows_its_widget(chapter):
    blocks = _book.exercise_blocks(BOOK, chapter)
    text = _book.page_text(BOOK, chapter)
    for exercise_id in blocks:
        if exercises.get(exercise_id).kind in _practice.WIDGET_KINDS:
            assert f"```{{practice}} {exercise_id}\n" in text, exercise_id
    assert "- **A** " not in text, "options are generated from the declaration, not written in the chapter"


@pytest.mark.parametrize("item", _practice.misconceptions(), ids=lambda m: m.exercise)
def test_a_misconception_gets_a_message_that_names_it(item):
    assert item.exercise in exercises.ids()
    result = exercises.check(item.exercise, item.answer)
    assert result.status == "failed"
    assert item.names and item.names in result.message
    assert "{cite:p}`" in item.correction, "the correction gives its evidence"


def test_short_answers_accept_declared_spellings_only():
    pilot = "summits-and-u2-pilot"
    assert exercises.check(pilot, "francis gary POWERS").passed
    assert exercises.check(pilot, "Powers.").passed
    assert not exercises.check(pilot, "Power").passed
    assert "1962" in exercises.check(pilot, "Anderson").message
    assert exercises.check("conclusion-refugees", "2.7 million").passed
    assert exercises.check("conclusion-refugees", 2_650_000).passed
    assert "too low" in exercises.check("conclusion-refugees", "1,000,000").message
    assert "not one number" in exercises.check("conclusion-refugees", "lots").message


# --- multiple choice that tests knowledge, not guessing ------------------------------------


def choice_questions():
    return [exercises.get(i) for i in exercises.ids() if exercises.get(i).kind == "choice"]


def answer_figures(questions) -> tuple[int, Counter]:
    """How many questions have the right option as their longest (strictly), and the right letters' count."""
    longest = sum(1 for q in questions if len(q.options[q.answer]) > max(len(t) for k, t in q.options.items() if k != q.answer))
    return longest, Counter(q.answer for q in questions)


def test_right_options_are_not_the_longest_nor_in_one_place():
    questions = choice_questions()
    assert len(questions) >= 13
    longest, positions = answer_figures(questions)
    assert longest <= len(questions) // 2, f"the right option is the longest in {longest} of {len(questions)} questions"
    assert max(positions.values()) <= len(questions) // 2, f"right answers by position: {dict(positions)}"
    assert len(positions) >= 3, f"right answers by position: {dict(positions)}"


def test_the_balance_test_can_fail():
    class Q:
        def __init__(self, answer, options):
            self.answer, self.options = answer, options

    skewed = [Q("B", {"A": "short", "B": "a much longer right answer", "C": "short", "D": "tiny"})] * 13
    longest, positions = answer_figures(skewed)
    assert longest == 13 and positions["B"] == 13


@pytest.mark.parametrize("exercise_id", [q.id for q in choice_questions()])
def test_distractors_are_of_similar_length(exercise_id):
    question = exercises.get(exercise_id)
    lengths = sorted(len(text) for text in question.options.values())
    assert lengths[-1] <= 2 * lengths[0], f"{exercise_id}: option lengths {lengths}"


# --- several right options (checkboxes) ---------------------------------------------------------------


def multi_questions():
    return [exercises.get(i) for i in exercises.ids() if exercises.get(i).kind == "multi"]


def test_there_are_real_questions_with_several_right_options_and_the_chapter_cites_its_evidence():
    questions = multi_questions()
    assert len(questions) >= 2
    for question in questions:
        assert 2 <= len(question.answers) < len(question.options)
        block = _book.exercise_blocks(BOOK, exercises.chapter_of(question.id))[question.id]
        assert "{cite:p}`" in block.task, "the question names where its evidence is"
        # every wrong option has a message naming its misconception, every right one a nudge for when it is left out
        assert set(question.feedback) == set(question.options)


@pytest.mark.parametrize("exercise_id", [q.id for q in multi_questions()])
def test_a_multi_answer_message_names_one_option_and_never_the_whole_answer(exercise_id):
    question = exercises.get(exercise_id)
    right = set(question.answers)
    for chosen in question.subsets():
        result = exercises.check(exercise_id, set(chosen))
        assert result.passed == (set(chosen) == right)
        if result.passed:
            continue
        # No right option the student did not tick is named, by its letter or its text.
        got = result.message.split("Got: ", 1)[1].split("\n", 1)[0]
        for letter in right - set(chosen):
            assert question.options[letter] not in result.message
            assert f"{letter}," not in got and f" {letter};" not in got
        wrong = sorted(set(chosen) - right)
        if wrong:  # the first wrong option chosen is named, with its misconception
            assert f"{wrong[0]} is not right: {question.options[wrong[0]]}" in result.message
            assert question.feedback[wrong[0]] in result.message
        elif chosen:  # or a missing right option is pointed at, with its nudge
            missing = sorted(right - set(chosen))
            assert f"{len(missing)} more option" in result.message and question.feedback[missing[0]] in result.message
    # Letters in any form a student types them.
    answer = sorted(right)
    for form in (set(answer), answer[::-1], tuple(answer), ", ".join(answer), " ".join(a.lower() for a in answer)):
        assert exercises.check(exercise_id, form).passed, form


@pytest.mark.parametrize("exercise_id", [q.id for q in multi_questions()])
def test_multi_answer_options_do_not_give_the_answer_away(exercise_id):
    question = exercises.get(exercise_id)
    lengths = sorted(len(text) for text in question.options.values())
    assert lengths[-1] <= 1.5 * lengths[0], f"{exercise_id}: option lengths {lengths}"
    right = [len(question.options[letter]) for letter in question.answers]
    wrong = [len(text) for letter, text in question.options.items() if letter not in question.answers]
    assert not min(right) > max(wrong), "the right options are not simply the longest"
    assert sorted(question.answers) != sorted(question.options)[: len(question.answers)], "not simply the first letters"
