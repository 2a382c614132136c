"""Three more kinds of exercise, the misconceptions the book corrects, and what a page widget needs.

* :class:`MultiChoiceExercise`: multiple choice where more than one option is right; the answer
  is the set of the right letters (``{"A", "C"}``; a list, a tuple or ``"A, C"`` is accepted too).
  The page shows its options as checkboxes.
* :class:`MatchExercise`: match each item on the left (a term, a person, a source) to one
  option on the right (a definition, a role, a provenance).  The answer is a dict
  ``{left: letter}`` (the option's text is accepted too).
* :class:`ShortAnswerExercise`: a few words with their accepted spellings declared
  (``accept=("Khrushchev", "Krushchev")``), or a number with its tolerance and unit.
* :class:`Misconception`: a wrong claim that circulates, the cited correction, and the
  exercise (and the wrong answer to it) that tests it.  Each chapter's box of "Common
  misconceptions" is generated from these (book/_ext/practice.py), and the tests prove that
  the wrong answer gets a message that names the misconception.
* :func:`widget`: everything a page widget needs to answer a click at once, without Python:
  every message that :func:`exercises.check` would give, computed here, at build time.
  book/_static/practice.js only looks messages up (choice, match, order) or fills the
  student's words into a message made here (short answer).  In the student edition the
  messages are keyed and locked by salted hashes of the answers (``widget(..., sealed=True)``,
  :func:`exercises._sealed.seal_widget`), so the page names no answer.

Only the standard library is used (the package runs in the page too).
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass, field
from typing import Any

from ._core import Exercise, Result, _kind, _show, get, ids

__all__ = ["MatchExercise", "Misconception", "MultiChoiceExercise", "ShortAnswerExercise", "misconception", "misconceptions", "normalise", "question", "widget"]

#: The kinds of exercise that a page widget answers without code.
WIDGET_KINDS = ("choice", "multi", "order", "match", "short")
#: The token that a short answer's message templates hold where the student's words go.
GOT = "\u2063GOT\u2063"
LETTERS = "ABCDEFGHIJKLMNOP"


def normalise(text: str) -> str:
    """Words as compared: lower case, letters and digits only, single spaces (book/_static/practice.js does the same)."""
    return " ".join(re.sub(r"[^0-9a-z]+", " ", text.lower()).split())


def _words(text: str) -> str:
    """A student's words as a message shows them."""
    return '"' + text.strip()[:60] + '"'


# --------------------------------------------------------------------------
# Multiple choice with more than one right option


@dataclass
class MultiChoiceExercise(Exercise):
    """Multiple choice where more than one option is right: the student chooses every right option.

    options: dict letter -> the option's text (the page shows them as checkboxes).
    answers: the right letters (at least two), e.g. ``("A", "C")``.
    feedback: dict letter -> a sentence.  For a wrong option it names the misconception of choosing
        it (the message names that option); for a right option it is the nudge given when it is
        left out, which points at the idea without quoting the option or giving its letter.
    A message names one wrong option chosen (the first), or else says how many right options are
    missing and gives the nudge of one of them: never the whole answer.
    """

    options: dict = field(default_factory=dict)
    answers: tuple = ()
    feedback: dict = field(default_factory=dict)

    kind = "multi"

    def __post_init__(self) -> None:
        if len(set(self.answers)) < 2 or not set(self.answers) <= set(self.options):
            raise TypeError(f"{self.id}: answers= must name two or more of the options")

    def letters(self, answer: Any) -> list[str] | Result:
        """The letters chosen, upper case and sorted, or the failing Result for an answer that is not letters of options."""
        example = '{"' + '", "'.join(list(self.options)[:2]) + '"}'
        if isinstance(answer, str):
            chunks = re.findall(r"[A-Za-z]+", answer)
            if any(len(chunk) > 1 for chunk in chunks):
                return self._fail(f"{_show(answer)}", f"Give the letters of the options, such as {example}.")
            answer = chunks
        if not isinstance(answer, (set, frozenset, list, tuple)):
            return self._fail(f"{_kind(answer)}, {_show(answer)}", f"Give a set of letters in quotes, such as {example}.")
        chosen = set()
        for item in answer:
            if not isinstance(item, str):
                return self._fail(f"a set holding {_kind(item)}, {_show(item)}", f"Every item should be a letter in quotes, such as {example}.")
            letter = item.strip().strip("().").strip().upper()
            if letter not in self.options:
                return self._fail(f"{_show(item)}, which is not one of the options {', '.join(self.options)}")
            chosen.add(letter)
        return sorted(chosen)

    def _evaluate(self, answer: Any) -> Result:
        chosen = self.letters(answer)
        if isinstance(chosen, Result):
            return chosen
        return self.judge(chosen)

    def judge(self, chosen: list[str]) -> Result:
        """The result for these letters (valid, upper case, sorted)."""
        right = set(self.answers)
        shown = ", ".join(chosen)
        if not chosen:
            return self._fail("no option", "Choose every option that is right: more than one is.")
        for letter in chosen:
            if letter not in right:
                return self._fail(f"{shown}; {letter} is not right: {self.options[letter]}", self.feedback.get(letter, ""))
        missing = sorted(right - set(chosen))
        if missing:
            more = f"{len(missing)} more option{'s' if len(missing) > 1 else ''} {'are' if len(missing) > 1 else 'is'} right too"
            return self._fail(f"{shown}; right as far as it goes, but {more}", self.feedback.get(missing[0], ""))
        return self._pass()

    def subsets(self) -> list[list[str]]:
        """Every set of letters a student can tick, each sorted (the page and the sealed check keep a message for each)."""
        letters = sorted(self.options)
        return [[letter for bit, letter in enumerate(letters) if mask >> bit & 1] for mask in range(2 ** len(letters))]

    def wrong_answers(self) -> list:
        right = set(self.answers)
        found = [sorted(right | {letter}) for letter in self.options if letter not in right]  # a wrong option as well
        found += [sorted(right - {letter}) for letter in self.answers]  # a right option left out
        return found + list(self.wrong)

    def solution(self) -> set:
        return set(self.answers)


# --------------------------------------------------------------------------
# Match


@dataclass
class MatchExercise(Exercise):
    """Match each item on the left to one option on the right.

    pairs: dict left -> its right option (the right answer), in the order the page shows the left.
    decoys: extra right-hand options that match nothing.
    mistakes: dict (left, right option) -> a sentence naming the misconception of that pairing.
    The options are shown (and lettered A, B, ...) in alphabetical order, so their order gives nothing away.
    """

    pairs: dict = field(default_factory=dict)
    decoys: tuple = ()
    mistakes: dict = field(default_factory=dict)

    kind = "match"

    def options(self) -> list[str]:
        """The right-hand options in the order shown, lettered A, B, ..."""
        return sorted(set(self.pairs.values()) | set(self.decoys), key=str.casefold)

    def lettered(self) -> dict[str, str]:
        return dict(zip(LETTERS, self.options()))

    def _evaluate(self, answer: Any) -> Result:
        lettered = self.lettered()
        example = next(iter(self.pairs))
        if not isinstance(answer, dict):
            return self._fail(f"{_kind(answer)}, {_show(answer)}", f'Give a dict that matches every item to a letter, for example {{"{example}": "A", ...}}.')
        for key in answer:
            if key not in self.pairs:
                return self._fail(f"an entry for {_show(key)}, which is not one of the items to match")
        by_text = {text.casefold(): text for text in lettered.values()}
        for left in self.pairs:
            if left not in answer:
                return self._fail(f'no match for "{left}"', "Match every item on the left.")
            chosen = answer[left]
            if not isinstance(chosen, str):
                return self._fail(f'{_kind(chosen)} for "{left}"', "Match each item to a letter in quotes.")
            text = lettered.get(chosen.strip().upper()) or by_text.get(chosen.strip().casefold())
            if text is None:
                return self._fail(f'{_show(chosen)} for "{left}", which is not one of the options {", ".join(lettered)}')
            if not self._is_match(left, text):
                return self._mismatched(left, text)
        return self._pass()

    def _is_match(self, left: str, text: str) -> bool:
        """Whether ``text`` (an option) is the match of ``left``."""
        return text == self.pairs[left]

    def _mismatched(self, left: str, text: str) -> Result:
        why = self._mistake(left, text) or "That is not its match: look again at what the chapter says about it."
        return self._fail(f'"{left}" matched to "{text}"', why)

    def _mistake(self, left: str, text: str) -> str:
        """The sentence naming the misconception of matching ``left`` to ``text``, or "" if none is declared."""
        return self.mistakes.get((left, text)) or ""

    def wrong_answers(self) -> list:
        letter = {text: key for key, text in self.lettered().items()}
        right = {left: letter[text] for left, text in self.pairs.items()}
        found = []
        for (left, text) in self.mistakes:
            found.append({**right, left: letter[text]})
        return found + list(self.wrong)

    def solution(self) -> dict:
        letter = {text: key for key, text in self.lettered().items()}
        return {left: letter[text] for left, text in self.pairs.items()}


# --------------------------------------------------------------------------
# Short answer

_NUMBER = re.compile(r"[-+]?\d[\d,]*(?:\.\d+)?|[-+]?\.\d+")


def parse_number(text: str) -> float | None:
    """The number in a student's words: "41,000", "41000 people", "3.5 million"; None if there is none or more than one."""
    found = _NUMBER.findall(text)
    if len(found) != 1:
        return None
    value = float(found[0].replace(",", ""))
    words = text.lower()
    if "million" in words:
        value *= 1_000_000
    elif "thousand" in words:
        value *= 1_000
    return value


@dataclass
class ShortAnswerExercise(Exercise):
    """A short answer: a few words, or a number.

    accept: the accepted spellings of a word answer (compared after :func:`normalise`).
    number: the right number, for a number answer (then ``accept`` stays empty).
    tolerance: how far a number may be from ``number`` and still pass (absolute, in ``unit``).
    unit: the unit of the number, named in the page ("people", "km", "megatons").
    mistakes: known wrong answers -> a sentence naming the misconception: words (any spelling
        that normalises the same) or numbers (within ``tolerance``).
    """

    accept: tuple = ()
    number: float | None = None
    tolerance: float = 0.0
    unit: str = ""
    mistakes: dict = field(default_factory=dict)

    kind = "short"

    def __post_init__(self) -> None:
        if (self.number is None) == (not self.accept):
            raise TypeError(f"{self.id}: give either accept= (words) or number=")

    def _not_it(self) -> str:
        if self.number is not None:
            return ""
        return "That is not the answer; check the spelling too."

    def _evaluate(self, answer: Any) -> Result:
        if self.number is not None and isinstance(answer, (int, float)) and not isinstance(answer, bool):
            return self._judge_number(float(answer), _show(answer))
        if not isinstance(answer, str):
            want = "a number" if self.number is not None else "a few words in quotes"
            return self._fail(f"{_kind(answer)}, {_show(answer)}", f"Answer with {want}.")
        if not answer.strip():
            return self._fail("nothing", "Type your answer.")
        if self.number is not None:
            value = parse_number(answer)
            if value is None:
                return self._fail(f"{_words(answer)}, which is not one number", "Answer with one number, such as 1200 or 1,200.")
            return self._judge_number(value, _words(answer))
        return self._judge_words(normalise(answer), _words(answer))

    def _judge_words(self, words: str, shown: str) -> Result:
        """The verdict on a word answer, ``words`` as :func:`normalise` gives them (``shown`` as the message shows them)."""
        if words in {normalise(text) for text in self.accept}:
            return self._pass()
        for wrong, why in self.mistakes.items():
            if words == normalise(str(wrong)):
                return self._fail(shown, why)
        return self._fail(shown, self._not_it())

    def _judge_number(self, value: float, shown: str) -> Result:
        if abs(value - self.number) <= self.tolerance:
            return self._pass()
        for wrong, why in self.mistakes.items():
            if abs(value - float(wrong)) <= self.tolerance:
                return self._fail(shown, why)
        if self.say_direction:
            return self._fail(f"{shown}, which is too {'high' if value > self.number else 'low'}")
        return self._fail(f"{shown}, which is not right")

    def wrong_answers(self) -> list:
        return [str(wrong) for wrong in self.mistakes] + list(self.wrong)

    def solution(self) -> str:
        if self.accept:
            return self.accept[0]
        return f"{self.number:,.0f}" if float(self.number).is_integer() else f"{self.number:,}"


# --------------------------------------------------------------------------
# Misconceptions


@dataclass(frozen=True)
class Misconception:
    """A wrong claim, corrected with evidence, and the exercise that tests it.

    claim: the misconception, as students meet it ("The Wall went up during the Berlin Blockade").
    correction: what the evidence shows, in MyST with its ``{cite:p}`` (shown in the chapter's box).
    exercise: the id of the exercise that tests it; answer: the wrong answer that makes the mistake.
    names: words that the message for that answer must contain (they name the misconception).
    """

    claim: str
    correction: str
    exercise: str
    answer: Any
    names: str


_MISCONCEPTIONS: dict[str, list[Misconception]] = {}


def misconception(chapter_module: str, claim: str, correction: str, exercise: str, answer: Any, names: str) -> Misconception:
    """Declare a misconception of the chapter whose module is ``chapter_module`` (pass ``__name__``)."""
    from ._book import chapter_of_module

    found = Misconception(claim, correction, exercise, answer, names)
    _MISCONCEPTIONS.setdefault(chapter_of_module(chapter_module), []).append(found)
    return found


def misconceptions(chapter: str | None = None) -> list[Misconception]:
    """The misconceptions of one chapter (its slug), or of the whole book."""
    if chapter is not None:
        return list(_MISCONCEPTIONS.get(chapter, []))
    return [item for items in _MISCONCEPTIONS.values() for item in items]


# --------------------------------------------------------------------------
# What the page needs, and the question as text (for a notebook)


def widget(exercise_id: str, sealed: bool = False) -> dict:
    """The data of the page widget of a choice (one or several right options), order, match or short-answer exercise.

    Every message is the one :func:`exercises.check` returns for that answer, computed here.
    Messages are keyed by :func:`_key` of the answer: in the book these keys are the answers
    themselves (its pages show the solutions anyway); with ``sealed`` (the student edition) each
    map of keys is sealed by :func:`exercises._sealed.seal_widget`: salted hashes of the keys, the
    messages locked with them, and a number kept as hashed grid cells, so the page names no answer.
    """
    exercise = get(exercise_id)
    kind = exercise.kind
    data: dict[str, Any] = {"id": exercise.id, "kind": kind}
    if kind == "choice":
        data["options"] = [[letter, text] for letter, text in exercise.options.items()]
        data["messages"] = {_key(exercise.id, letter): _said(exercise.check(letter)) for letter in exercise.options}
    elif kind == "multi":
        data["options"] = [[letter, text] for letter, text in exercise.options.items()]
        data["messages"] = {_key(exercise.id, *chosen): _said(exercise.check(chosen)) for chosen in exercise.subsets()}
    elif kind == "order":
        right = exercise.items()
        titles = exercise.titles()
        position = {item: index for index, item in enumerate(right)}
        data["items"] = [[item, titles.get(item, item)] for item in exercise.events]
        data["mistakes"] = {}
        for mistake in exercise.mistakes:  # the first mistake that makes an order names it, as in check
            data["mistakes"].setdefault(_key(exercise.id, *mistake.apply(right)), _said(exercise.check(mistake.apply(right))))
        data["pairs"] = {  # every pair of items, None where the two are in the right order
            _key(exercise.id, first, second): _said(exercise._misplaced(first, second, titles)) if position[first] > position[second] else None
            for first in right for second in right if first != second
        }
        data["passed"] = {_key(exercise.id, *right): _said(exercise.check(right))}
    elif kind == "match":
        lettered = exercise.lettered()
        data["left"] = list(exercise.pairs)
        data["options"] = [[letter, text] for letter, text in lettered.items()]
        data["missing"] = {left: _said(exercise.check({k: v for k, v in exercise.solution().items() if k != left})) for left in exercise.pairs}
        data["messages"] = {
            _key(exercise.id, left, letter): (None if text == exercise.pairs[left] else _said(exercise._mismatched(left, text)))
            for left in exercise.pairs for letter, text in lettered.items()
        }
        data["passed"] = {_key(exercise.id, *exercise.solution().values()): _said(exercise.check(exercise.solution()))}
    elif kind == "short":
        data["unit"] = exercise.unit
        data["empty"] = _said(exercise.check(""))
        passed = _said(exercise.check(exercise.solution()))
        if exercise.number is not None:
            data["passed"] = passed
            data["number"] = exercise.number
            data["tolerance"] = exercise.tolerance
            data["notNumber"] = _said(exercise._fail(f"{GOT}, which is not one number", "Answer with one number, such as 1200 or 1,200."))
            data["mistakes"] = [[float(wrong), _said(exercise._fail(GOT, why))] for wrong, why in exercise.mistakes.items()]
            data["high"] = _said(exercise._fail(f"{GOT}, which is too high" if exercise.say_direction else f"{GOT}, which is not right"))
            data["low"] = _said(exercise._fail(f"{GOT}, which is too low" if exercise.say_direction else f"{GOT}, which is not right"))
        else:
            data["accept"] = {_key(exercise.id, normalise(text)): passed for text in exercise.accept}
            data["mistakes"] = {_key(exercise.id, normalise(str(wrong))): _said(exercise._fail(GOT, why)) for wrong, why in exercise.mistakes.items()}
            data["other"] = _said(exercise._fail(GOT, exercise._not_it()))
    else:
        raise ValueError(f"{exercise_id} is a {kind} exercise: it has no page widget")
    if sealed:
        from ._sealed import seal_widget

        return seal_widget(data, exercise)
    return data


class WidgetKey(str):
    """The key of an answer in a widget's data (what :func:`exercises._sealed.seal_widget` seals)."""


def _key(exercise_id: str, *parts: str) -> WidgetKey:
    """The key of an answer in a widget's data: the id and the answer's parts, one a line."""
    return WidgetKey("\n".join((exercise_id, *parts)))


def _said(result: Result) -> list:
    return [result.status, result.message]


def question(exercise_id: str) -> str:
    """The options of a choice, match or order exercise as Markdown (for a notebook, where the widget cannot show)."""
    exercise = get(exercise_id)
    if exercise.kind in ("choice", "multi"):
        return "\n".join(f"- **{letter}** {text}" for letter, text in exercise.options.items())
    if exercise.kind == "match":
        left = "\n".join(f"- {item}" for item in exercise.pairs)
        right = "\n".join(f"- **{letter}** {text}" for letter, text in exercise.lettered().items())
        return f"Match each of these:\n\n{left}\n\nto one of these:\n\n{right}"
    if exercise.kind == "order":
        titles = exercise.titles()
        return "\n".join(f'- `"{item}"`: {titles.get(item, item)}' for item in exercise.events)
    if exercise.kind == "short" and exercise.unit:
        return f"Answer in {exercise.unit}."
    return ""


def widget_ids() -> list[str]:
    """Every exercise that has a page widget."""
    return [i for i in ids() if get(i).kind in WIDGET_KINDS]


def option_with(exercise: Exercise, words: str) -> str:
    """The letter of the one option of a choice exercise whose text contains ``words``."""
    found = [letter for letter, text in exercise.options.items() if words in text]
    if len(found) != 1:
        raise ValueError(f"{exercise.id}: {len(found)} options contain {words!r}")
    return found[0]


def with_pair(exercise: MatchExercise, left: str, right: str) -> dict:
    """The right answer of a match exercise with ``left`` matched to ``right`` instead (a known mistake)."""
    letter = {text: key for key, text in exercise.lettered().items()}
    return {**exercise.solution(), left: letter[right]}
