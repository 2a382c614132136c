"""Sealed exercises: what the student edition's checks know, in a form they can compare but a student cannot read.

In the student edition (``make html-student``) the wheel that the page loads has no chapter modules
as they are written: :func:`write_sealed` replaces each of them with a stub that registers the same
exercises, sealed.  A sealed exercise keeps everything that is not an answer (id, name, expects,
hints in steps, the options of a choice, the events to order, the cases of a function) and keeps
each answer only as salted hashes (SHA-256) of its normalised form:

* **choice**: the hash of the right letter; the feedback of each wrong option, keyed by its
  letter's hash (so the letters that have feedback do not point at the one that has none);
* **multi** (more than one right option): the message of every set of letters a student can tick,
  each locked with that set and keyed by its hash, so the check gives the very message of the full
  one and the package names no right letter;
* **value**: the expected value as a tree of hashes (a number's hash, or for a number with a
  tolerance the hashes of the grid cells that the tolerance covers; a string's, a list's items',
  a dict's keys and values'), so messages can still say which item of a list or which key of a
  dict is wrong;
* **function**: for each test case, its arguments and the expected result as such a tree; the
  chapter module's reference function is not shipped;
* **order**: the hashes of the pairs that are in the right order, so the message can still name
  the first pair out of order;
* each declared wrong answer (a value, a function's result on each case, a known misorder) is kept
  as a tree of hashes with the message its diagnosis gives, so known mistakes are still named;
* the sentence shown on success, which may explain the answer, is encrypted with a key that only
  the right answer gives.

The data tables lose the columns that are an exercise's answer (a manifest's ``answer_of``, such
as the verdicts of ``claims``), and the page widgets of the student edition hold their messages
locked in the same way (:func:`seal_widget`).

What the sealed checks cannot say: whether a wrong number is too high or too low (that would need
the number), and a diagnosis of a mistake that is not one of the declared wrong answers.
A student can still try answers one by one, as with ``check`` itself; what they cannot do is read
an answer off the package.  Threat model: a formative self-check, not an exam.

Standard library only: this runs in the page.
"""

from __future__ import annotations

import base64
import functools
import hashlib
import inspect
import json
import math
import datetime as _dt
from dataclasses import dataclass, field
from typing import Any

from . import _core
from ._core import (
    ChoiceExercise,
    FunctionExercise,
    Mismatch,
    OrderExercise,
    Result,
    ValueExercise,
    _fresh,
    _is_number,
    _kind,
    _show,
)


def _digest(salt: str, text: str, purpose: str = "match") -> str:
    """A salted SHA-256 of an answer's normal form (hashlib's built-in SHA-256: Pyodide has no OpenSSL,
    so no PBKDF2).  One round: a check may hash hundreds of items (a list of 114 tuples) within its time
    limit, in the browser too; more rounds would not stop a student who tries answers one by one
    (``check`` lets them do that anyway).  The hashes stop one who reads the package."""
    return hashlib.sha256(f"{salt}|{purpose}|{text}".encode()).hexdigest()[:40]


# --- normal forms and trees of hashes ---------------------------------------------------------


def _step(want: float, rel_tol: float, abs_tol: float) -> tuple[float, float]:
    """The tolerance of ``_core._compare`` for a number, and a grid step: a power of ten no bigger than it."""
    tol = max(abs_tol, rel_tol * abs(want), 1e-9 * abs(want))
    if tol <= 0:
        tol = 1e-12
    return tol, 10.0 ** math.floor(math.log10(tol))


def _scalar(value: Any) -> str | None:
    """The normal form of a value the comparison treats as one thing, or None for a container."""
    if isinstance(value, bool):
        return f"b:{value}"
    if value is None:
        return "n:"
    if isinstance(value, int):
        return f"i:{value}"
    if isinstance(value, str):  # the normal form that _core._same_text compares
        return f"s:{value.strip().casefold()}"
    if isinstance(value, _dt.date):
        return f"d:{value.isoformat()}"
    return None


def seal(value: Any, salt: str, rel_tol: float = 0.0, abs_tol: float = 0.0) -> dict:
    """A tree of hashes that :func:`compare` can match an answer against, without the value in it."""
    if _is_number(value) and (isinstance(value, float) or rel_tol or abs_tol):
        tol, step = _step(float(value), rel_tol, abs_tol)
        first, last = math.floor((value - tol) / step), math.floor((value + tol) / step)
        return {"t": "cells", "step": step, "h": sorted(_digest(salt, f"c:{cell}") for cell in range(first, last + 1))}
    if isinstance(value, int) and not isinstance(value, bool):
        return {"t": "int", "h": _digest(salt, _scalar(value))}
    if isinstance(value, bool) or value is None:
        return {"t": "flag", "h": _digest(salt, _scalar(value))}
    if isinstance(value, str):
        return {"t": "str", "h": _digest(salt, _scalar(value))}
    if isinstance(value, (list, tuple)):
        return {"t": "list", "items": [seal(item, salt, rel_tol, abs_tol) for item in value]}
    if isinstance(value, dict):
        return {"t": "dict", "keys": [_encode(key) for key in value], "items": [seal(item, salt, rel_tol, abs_tol) for item in value.values()]}
    if isinstance(value, _dt.date):
        return {"t": "other", "h": _digest(salt, _scalar(value))}
    return {"t": "other", "h": _digest(salt, f"r:{value!r}")}


def compare(got: Any, node: dict, salt: str, where: str = "") -> None:
    """Raise ``_core.Mismatch`` with the message ``_core._compare`` gives (without "too high" or "too low")."""
    place = f" {where}" if where else ""
    that = f"{_show(got)}{place}" if where else "that"
    kind = node["t"]
    if kind in ("cells", "int"):
        if not _is_number(got):
            raise Mismatch(f"{that} is {_kind(got)}, where a number was due")
        if kind == "int":
            if isinstance(got, float) and got.is_integer():
                got = int(got)
            if not isinstance(got, int) or _digest(salt, f"i:{got}") != node["h"]:
                raise Mismatch(f"{that} is not right")
            return
        try:
            cell = math.floor(got / node["step"])
        except (OverflowError, ValueError):
            raise Mismatch(f"{that} is not right") from None
        if _digest(salt, f"c:{cell}") not in node["h"]:
            raise Mismatch(f"{that} is not right")
        return
    if kind == "flag":
        text = _scalar(bool(got)) if _is_number(got) and got in (0, 1) else _scalar(got) if (isinstance(got, bool) or got is None) else None
        if text is None or _digest(salt, text) != node["h"]:
            raise Mismatch(f"{that} is not right")
        return
    if kind == "str":
        _core._check_string(got, that)
        if _digest(salt, _scalar(got)) != node["h"]:
            raise Mismatch(f"{that} is not right")
        return
    if kind == "dict":
        keys = [_decode(key) for key in node["keys"]]
        _core._check_dict(got, keys, that, place)
        for key, item in zip(keys, node["items"]):
            compare(got[key], item, salt, f"for {_show(key)}")
        return
    if kind == "list":
        _core._check_list(got, len(node["items"]), that, place)
        for index, (item, child) in enumerate(zip(got, node["items"])):
            compare(item, child, salt, f"at position {index}")
        return
    text = _scalar(got) if isinstance(got, _dt.date) else f"r:{got!r}"
    if _digest(salt, text) != node["h"]:
        raise Mismatch(f"{that} is not right")


def matches(got: Any, node: dict, salt: str) -> bool:
    try:
        compare(got, node, salt)
    except Mismatch:
        return False
    return True


def _key(got: Any, node: dict, salt: str) -> str | None:
    """The normal form of an answer that matches ``node`` (the key that opens the success sentence)."""
    if node["t"] == "cells":
        return f"c:{math.floor(got / node['step'])}"
    if node["t"] == "list":
        return json.dumps([_key(item, child, salt) for item, child in zip(got, node["items"])])
    if node["t"] == "dict":
        return json.dumps([_key(got[_decode(k)], child, salt) for k, child in zip(node["keys"], node["items"])])
    if node["t"] == "flag":
        return _scalar(bool(got)) if _is_number(got) else _scalar(got)
    if node["t"] == "int":
        return f"i:{int(got)}"
    return _scalar(got) if isinstance(got, (str, _dt.date)) else f"r:{got!r}"


def _crypt(data: bytes, key: str, salt: str) -> bytes:
    secret = hashlib.sha256(f"{salt}|open|{key}".encode()).digest()
    stream = b"".join(hashlib.sha256(secret + i.to_bytes(4, "big")).digest() for i in range(len(data) // 32 + 1))
    return bytes(a ^ b for a, b in zip(data, stream))


def lock(text: str, key: str, salt: str) -> str:
    """``text`` encrypted so that only ``key`` (the normal form of one answer) opens it."""
    return base64.b64encode(_crypt(("ok:" + text).encode(), key, salt)).decode()


def unlock(box: str, key: str, salt: str) -> str:
    """The text that ``lock`` locked with ``key``, or "" for another key."""
    try:
        text = _crypt(base64.b64decode(box), key, salt).decode()
    except (ValueError, UnicodeDecodeError):
        return ""
    return text[3:] if text.startswith("ok:") else ""


def _known_message(got: Any, known: list, salt: str) -> str:
    """The message of the declared wrong answer that ``got`` is, opened with ``got`` itself; "" if none."""
    for tree, box in known:
        if matches(got, tree, salt):
            return unlock(box, _key(got, tree, salt), salt)
    return ""


# --- JSON for the arguments of test cases -------------------------------------------------------


def _tables() -> dict:
    from ._data import load, tables

    return {name: load(name) for name in tables()}


def _encode(value: Any, tables: dict | None = None) -> Any:
    """JSON for a case's arguments; a whole data table is written as its name (``{"$table": name}``)."""
    if tables and isinstance(value, list):
        for name, rows in tables.items():
            if value == rows:
                return {"$table": name}
    if isinstance(value, _dt.date):
        return {"$date": value.isoformat()}
    if isinstance(value, tuple):
        return {"$tuple": [_encode(item) for item in value]}
    if isinstance(value, list):
        return [_encode(item) for item in value]
    if isinstance(value, dict):
        if all(isinstance(key, str) for key in value) and not (len(value) == 1 and next(iter(value)).startswith("$")):
            return {key: _encode(item) for key, item in value.items()}
        return {"$dict": [[_encode(key), _encode(item)] for key, item in value.items()]}
    return value


def _decode(value: Any) -> Any:
    if isinstance(value, list):
        return [_decode(item) for item in value]
    if isinstance(value, dict):
        if "$table" in value:
            from ._data import load

            return load(value["$table"])
        if "$date" in value:
            return _dt.date.fromisoformat(value["$date"])
        if "$tuple" in value:
            return tuple(_decode(item) for item in value["$tuple"])
        if "$dict" in value:
            return {_decode(key): _decode(item) for key, item in value["$dict"]}
        return {key: _decode(item) for key, item in value.items()}
    return value


# --- the sealed kinds ---------------------------------------------------------------------------


def _success(exercise, key: str) -> str:
    box = exercise.locked_success.get(_digest(exercise.salt, key, "success"))
    return unlock(box, key, exercise.salt) if box else ""


@dataclass
class SealedChoice(ChoiceExercise):
    salt: str = ""
    answer_hash: str = ""
    locked_success: dict = field(default_factory=dict)

    def _evaluate(self, answer: Any) -> Result:
        letters = ", ".join(self.options)
        if not isinstance(answer, str):
            return self._fail(
                f"{_kind(answer)}, {_show(answer)}",
                f"Answer with one letter in quotes, one of {letters}: for example \"{next(iter(self.options))}\".",
            )
        choice = answer.strip().strip("().").strip().upper()
        if choice not in self.options:
            return self._fail(f"{_show(answer)}, which is not one of the options {letters}")
        if _digest(self.salt, f"s:{choice}") != self.answer_hash:
            box = self.feedback.get(_digest(self.salt, f"s:{choice}", "feedback"))
            return self._fail(f"{choice}: {self.options[choice]}", unlock(box, f"s:{choice}", self.salt) if box else "")
        self.success = _success(self, f"s:{choice}")
        return self._pass()


@dataclass
class SealedValue(ValueExercise):
    salt: str = ""
    sealed: dict = field(default_factory=dict)
    known: list = field(default_factory=list)  # [tree of a declared wrong answer, its message]
    locked_success: dict = field(default_factory=dict)

    def _evaluate(self, answer: Any) -> Result:
        if callable(answer):
            return self._fail(f"a function, {_show(answer)}", f"Set {self.name} to a value, not a function.")
        try:
            compare(answer, self.sealed, self.salt)
        except Mismatch as mismatch:
            return self._fail(f"{_show(answer)}; {mismatch}", _known_message(answer, self.known, self.salt))
        self.success = _success(self, _key(answer, self.sealed, self.salt))
        return self._pass()


@dataclass
class SealedFunction(FunctionExercise):
    salt: str = ""
    parameters: list = field(default_factory=list)
    sealed_cases: list = field(default_factory=list)  # {"args", "label", "want", "none", "known": [[tree, message]]}

    def signature(self) -> str:
        return f"{self.name}({', '.join(self.parameters)})"

    def _runs(self) -> list[tuple[tuple, str, Any]]:
        return [(tuple(_decode(case["args"])), case["label"], case) for case in self.sealed_cases]

    def _parameters_text(self) -> str:
        return _core._names_text(self.parameters)

    def _want(self, case: dict) -> dict:
        return case

    def _may_return_none(self, want: dict) -> bool:
        return want["none"]

    def _compare_result(self, result: Any, want: dict) -> None:
        compare(result, want["want"], self.salt)

    def _diagnosis(self, result: Any, case: dict) -> str:
        return _known_message(result, case["known"], self.salt)


@dataclass
class SealedOrder(OrderExercise):
    salt: str = ""
    pairs: list = field(default_factory=list)  # hashes of "a<b" for every pair in the right order
    known: list = field(default_factory=list)  # [hash of a misorder, its (first, second, why) locked with it]
    shown_titles: dict = field(default_factory=dict)

    def items(self) -> list[str]:
        """The items, alphabetically: a sealed exercise does not know the right order."""
        return sorted(self.events)

    def titles(self) -> dict[str, str]:
        return dict(self.shown_titles)

    def _known_misorder(self, given: list[str]) -> tuple[str, str, str] | None:
        whole = "o:" + "|".join(given)
        for digest, box in self.known:
            if digest == _digest(self.salt, whole):
                opened = unlock(box, whole, self.salt)
                if opened:
                    first, second, why = json.loads(opened)
                    return first, second, why
        return None

    def _first_misplaced(self, given: list[str]) -> tuple[str, str] | None:
        right = set(self.pairs)
        return next(((a, b) for a, b in zip(given, given[1:]) if _digest(self.salt, f"p:{a}<{b}") not in right), None)


def _practice():
    from . import _practice

    return _practice


@functools.cache
def _sealed_match_class():
    practice = _practice()

    @dataclass
    class SealedMatch(practice.MatchExercise):
        """A match: each item's right option as a hash of (item, option); the misconceptions locked with their pairing."""

        salt: str = ""
        shown_options: list = field(default_factory=list)
        right_hashes: dict = field(default_factory=dict)
        locked_mistakes: dict = field(default_factory=dict)

        def options(self) -> list[str]:
            return list(self.shown_options)

        def solution(self) -> dict:
            return {}

        def _is_match(self, left: str, text: str) -> bool:
            return _digest(self.salt, f"m:{left}|{text}") == self.right_hashes.get(left)

        def _mistake(self, left: str, text: str) -> str:
            pairing = f"m:{left}|{text}"
            box = self.locked_mistakes.get(_digest(self.salt, pairing, "mistake"))
            return unlock(box, pairing, self.salt) if box else ""

    return SealedMatch


@functools.cache
def _sealed_short_class():
    practice = _practice()

    @dataclass
    class SealedShort(practice.ShortAnswerExercise):
        """A short answer: the accepted words, or the number's grid cells, as hashes; the known mistakes locked."""

        salt: str = ""
        is_number: bool = False
        accepted: list = field(default_factory=list)  # hashes of the normalised accepted words
        sealed: dict = field(default_factory=dict)  # a number's tree of cells
        known: list = field(default_factory=list)  # [hash of normalised words, locked why] or [tree, locked why]

        def __post_init__(self) -> None:
            self.number = 0.0 if self.is_number else None

        def solution(self) -> str:
            return ""

        def _judge_words(self, words: str, shown: str) -> Result:
            key = f"w:{words}"
            if _digest(self.salt, key) in self.accepted:
                return self._pass()
            for digest, box in self.known:
                if digest == _digest(self.salt, key):
                    return self._fail(shown, unlock(box, key, self.salt))
            return self._fail(shown, self._not_it())

        def _judge_number(self, value: float, shown: str) -> Result:
            if matches(value, self.sealed, self.salt):
                return self._pass()
            message = _known_message(value, self.known, self.salt)
            if message:
                return self._fail(shown, message)
            return self._fail(f"{shown}, which is not right")

    return SealedShort


@functools.cache
def _sealed_multi_class():
    practice = _practice()

    @dataclass
    class SealedMulti(practice.MultiChoiceExercise):
        """Several right options: each tickable set's message, locked with the set itself."""

        salt: str = ""
        messages: dict = field(default_factory=dict)

        def __post_init__(self) -> None:
            pass  # the right letters are not here to validate

        def judge(self, chosen: list[str]) -> Result:
            key = "m:" + ",".join(chosen)
            box = self.messages.get(_digest(self.salt, key, "multi"))
            opened = unlock(box, key, self.salt) if box else ""
            if not opened:
                return self._fail(", ".join(chosen) or "no option")
            status, message = json.loads(opened)
            return Result(self.id, status, message)

        def solution(self) -> set:
            return set()

    return SealedMulti


def _record_multi(exercise, salt: str) -> dict:
    messages = {}
    for chosen in exercise.subsets():
        result = exercise.check(chosen)
        key = "m:" + ",".join(chosen)
        messages[_digest(salt, key, "multi")] = lock(json.dumps([result.status, result.message], ensure_ascii=False), key, salt)
    return {"options": dict(exercise.options), "messages": messages}


def _known(wrong: Any, message: str, salt: str, rel_tol: float, abs_tol: float) -> list:
    """The entries [tree, locked message] of a declared wrong answer.  A number with a tolerance is one entry per
    grid cell, each locked with its cell, so every answer within the tolerance opens the message."""
    tree = seal(wrong, salt, rel_tol, abs_tol)
    if tree["t"] == "cells":
        return [[{**tree, "h": [digest]}, lock(message, f"c:{cell}", salt)]
                for cell, digest in ((cell, _digest(salt, f"c:{cell}")) for cell in _grid(wrong, rel_tol, abs_tol))]
    return [[tree, lock(message, _key(wrong, tree, salt), salt)]]


def _record_match(exercise, salt: str) -> dict:
    return {
        "pairs": {left: "" for left in exercise.pairs},
        "shown_options": exercise.options(),
        "right_hashes": {left: _digest(salt, f"m:{left}|{right}") for left, right in exercise.pairs.items()},
        "locked_mistakes": {_digest(salt, f"m:{left}|{text}", "mistake"): lock(why, f"m:{left}|{text}", salt) for (left, text), why in exercise.mistakes.items()},
        "success": exercise.success,
    }


def _record_short(exercise, salt: str) -> dict:
    practice = _practice()
    out = {"is_number": exercise.number is not None, "unit": exercise.unit, "success": exercise.success}
    if exercise.number is not None:
        out["sealed"] = seal(float(exercise.number), salt, 0.0, float(exercise.tolerance))
        out["known"] = [entry for wrong, why in exercise.mistakes.items() for entry in _known(float(wrong), why, salt, 0.0, float(exercise.tolerance))]
    else:
        out["accepted"] = sorted({_digest(salt, f"w:{practice.normalise(text)}") for text in exercise.accept})
        out["known"] = [[_digest(salt, f"w:{practice.normalise(str(wrong))}"), lock(why, f"w:{practice.normalise(str(wrong))}", salt)] for wrong, why in exercise.mistakes.items()]
    return out


# --- sealing the registry (at build time, from the full package) -----------------------------------


#: Salts are per exercise and per build secret; the default secret keeps builds reproducible.
SECRET = b"from-thaw-to-brink"


def _salt(exercise_id: str, secret: bytes) -> str:
    return hashlib.sha256(secret + exercise_id.encode()).hexdigest()[:32]


def _common(exercise) -> dict:
    return {
        "id": exercise.id,
        "name": exercise.name,
        "hint": exercise.hint,
        "expects": exercise.expects,
        "say_direction": False,
        "steps": list(exercise.steps),
    }


def _locked(value_keys: list[str], text: str, salt: str) -> dict:
    return {_digest(salt, key, "success"): lock(text, key, salt) for key in value_keys} if text else {}


def record(exercise, secret: bytes) -> dict:
    """The sealed record of one exercise of the full registry (JSON)."""
    salt = _salt(exercise.id, secret)
    out = {"kind": exercise.kind, "salt": salt, **_common(exercise)}
    if exercise.kind == "choice":
        right = exercise.answer.upper()
        out["options"] = dict(exercise.options)
        out["answer_hash"] = _digest(salt, f"s:{right}")
        out["feedback"] = {_digest(salt, f"s:{letter}", "feedback"): lock(text, f"s:{letter}", salt) for letter, text in exercise.feedback.items()}
        out["locked_success"] = _locked([f"s:{right}"], exercise.success, salt)
    elif exercise.kind == "value":
        want = exercise.expected()
        tree = seal(want, salt, exercise.rel_tol, exercise.abs_tol)
        out["sealed"] = tree
        known = []
        for wrong in exercise.wrong_answers():
            message = exercise.diagnose(wrong) if exercise.diagnose else None
            if message:
                known += _known(wrong, message, salt, exercise.rel_tol, exercise.abs_tol)
        out["known"] = known
        keys = [f"c:{cell}" for cell in _grid(want, exercise.rel_tol, exercise.abs_tol)] if tree["t"] == "cells" else [_key(want, tree, salt)]
        out["locked_success"] = _locked(keys, exercise.success, salt)
    elif exercise.kind == "function":
        out["parameters"] = list(inspect.signature(exercise.expected).parameters)
        cases = []
        for case in exercise.cases():
            want = exercise.expected(*_fresh(case.args))
            known = []
            for wrong in exercise.wrong_answers():
                if not callable(wrong):
                    continue
                try:
                    result = wrong(*_fresh(case.args))
                except Exception:
                    continue
                message = exercise.diagnose(result, case) if exercise.diagnose else None
                if message and result != want:
                    known += _known(result, message, salt, exercise.rel_tol, exercise.abs_tol)
            cases.append({
                "args": _encode(list(case.args), _tables()),
                "label": exercise._label(case),
                "want": seal(want, salt, exercise.rel_tol, exercise.abs_tol),
                "none": want is None,
                "known": known,
            })
        out["sealed_cases"] = cases
        out["success"] = exercise.success
    elif exercise.kind == "order":
        right = exercise.items()
        out["events"] = list(exercise.events)
        out["what"] = exercise.what
        out["shown_titles"] = exercise.titles()
        out["pairs"] = sorted(_digest(salt, f"p:{a}<{b}") for i, a in enumerate(right) for b in right[i + 1:])
        out["known"] = []
        for mistake in exercise.mistakes:
            whole = "o:" + "|".join(mistake.apply(right))
            out["known"].append([_digest(salt, whole), lock(json.dumps([*mistake.pair(right), mistake.why]), whole, salt)])
        out["success"] = exercise.success
    elif exercise.kind == "multi":
        out.update(_record_multi(exercise, salt))
    elif exercise.kind == "match":
        out.update(_record_match(exercise, salt))
    elif exercise.kind == "short":
        out.update(_record_short(exercise, salt))
    else:
        raise ValueError(f"{exercise.id}: no sealed form for the kind {exercise.kind!r}")
    return out


def _grid(want: float, rel_tol: float, abs_tol: float) -> list[int]:
    tol, step = _step(float(want), rel_tol, abs_tol)
    return list(range(math.floor((want - tol) / step), math.floor((want + tol) / step) + 1))


_KINDS = {"choice": SealedChoice, "value": SealedValue, "function": SealedFunction, "order": SealedOrder}


def build(data: dict):
    """The sealed exercise of a record."""
    data = dict(data)
    name = data.pop("kind")
    kind = _KINDS.get(name) or {"match": _sealed_match_class, "short": _sealed_short_class, "multi": _sealed_multi_class}[name]()
    data["steps"] = tuple(data.get("steps", ()))
    if kind is SealedOrder:
        data["events"] = tuple(data["events"])
    return kind(**data)


def register_sealed(module: str, records: str) -> None:
    """Register a chapter module's sealed exercises (the stub that :func:`write_sealed` writes calls this)."""
    from ._book import chapter_of_module

    for data in json.loads(records):
        exercise = build(data)
        if exercise.id in _core._REGISTRY:
            raise ValueError(f"exercise id {exercise.id!r} is declared twice")
        _core._REGISTRY[exercise.id] = exercise
        _core._CHAPTER[exercise.id] = chapter_of_module(module)


def _public_constants(module) -> dict:
    """A chapter module's public data (texts a chapter's code imports, such as the letters' keywords): plain values only."""
    found = {}
    for name, value in vars(module).items():
        if name.isupper() and not name.startswith("_"):
            try:
                if json.loads(json.dumps(value)) == (list(value) if isinstance(value, tuple) else value):
                    found[name] = value
            except (TypeError, ValueError):
                continue
    return found


def stub(module, records: list[dict]) -> str:
    """The text of a sealed chapter module."""
    constants = _public_constants(module)
    lines = [
        f'"""Exercises of {module.__name__}, sealed for the student edition (see exercises._sealed)."""',
        "",
        "from ._sealed import register_sealed",
        "",
    ]
    for name, value in constants.items():
        lines.append(f"{name} = {value!r}")
    lines += ["", f"register_sealed(__name__, {json.dumps(json.dumps(records, ensure_ascii=False), ensure_ascii=False)})", ""]
    return "\n".join(lines)


def write_sealed(package: "Path", secret: bytes | None = None) -> list[str]:  # noqa: F821
    """Replace every chapter module in ``package`` (a copy of exercises/) with its sealed stub, and take the
    answer columns out of its data tables (:func:`strip_answer_columns`); return the modules' names.

    The records come from the full registry of the running ``exercises`` package, which must be the
    package that ``package`` copies.
    """
    import importlib
    from pathlib import Path

    package = Path(package)
    secret = secret if secret is not None else SECRET
    written = []
    for path in sorted(package.glob("*.py")):
        if path.name.startswith("_"):
            continue
        module = importlib.import_module(f"exercises.{path.stem}")
        records = [record(_core.get(i), secret) for i in _core.ids() if _core._CHAPTER[i] == _core.chapter_of_module(module.__name__)]
        path.write_text(stub(module, records), encoding="utf-8")
        written.append(path.stem)
    strip_answer_columns(package / "data")
    return written


# --- the page widgets of the student edition (book/_ext/practice.py, book/_static/practice.js) -------


def seal_widget(data: dict, exercise) -> dict:
    """A widget's data (``exercises._practice.widget``) with no answer a student can read.

    Every map whose keys are answers (``_practice.WidgetKey``: the exercise id and the answer's
    parts, one a line) becomes a map from the salted hash of the key to the message, locked with
    the key (:func:`lock`), so the page opens the message of the answer given and no other; a
    right and a wrong answer look alike.  A number is kept as the grid cells its tolerance covers
    (as :func:`seal` keeps it), each with its message locked, and a wrong number is "not right",
    as the sealed check says.  book/_static/practice.js computes the same hashes (SHA-256).
    """
    salt = _salt(exercise.id, SECRET)
    data = dict(data)
    if "number" in data:
        tolerance = float(data.pop("tolerance"))
        groups = [(float(data.pop("number")), data.pop("passed"))] + [(float(wrong), said) for wrong, said in data.pop("mistakes")]
        data.pop("high"), data.pop("low")
        practice = _practice()
        data["cells"] = []
        for value, said in groups:
            _, step = _step(value, 0.0, tolerance)
            keys = {practice.WidgetKey(f"{exercise.id}\nc:{cell}"): said for cell in _grid(value, 0.0, tolerance)}
            data["cells"].append([step, keys])
        data["other"] = practice._said(exercise._fail(f"{practice.GOT}, which is not right"))
    sealed = _seal_keys(data, salt)
    sealed["salt"] = salt
    return sealed


def _seal_keys(value: Any, salt: str) -> Any:
    from ._practice import WidgetKey

    if isinstance(value, dict):
        if value and all(isinstance(key, WidgetKey) for key in value):
            return dict(sorted((_digest(salt, key, "widget"), lock(json.dumps(said), key, salt)) for key, said in value.items()))
        return {key: _seal_keys(item, salt) for key, item in value.items()}
    if isinstance(value, list):
        return [_seal_keys(item, salt) for item in value]
    return value


# --- data columns that are answers (a manifest's ``answer_of``), left out of the student edition ---------


def answer_columns(manifest: dict) -> dict[str, str]:
    """Column -> the exercise whose answer it is, for the columns a manifest marks with ``answer_of``."""
    return {name: spec["answer_of"] for name, spec in manifest.get("columns", {}).items() if spec.get("answer_of")}


def strip_answer_columns(data_folder: "Path") -> list[str]:  # noqa: F821
    """Remove every answer column from the tables in ``data_folder`` (a copy of exercises/data) and from their
    manifests, whose sha256 follows the new file; return the names of the tables changed."""
    import csv
    import io
    import re
    import tomllib
    from pathlib import Path

    changed = []
    for toml_path in sorted(Path(data_folder).glob("*.toml")):
        text = toml_path.read_text(encoding="utf-8")
        drop = answer_columns(tomllib.loads(text))
        if not drop:
            continue
        csv_path = toml_path.with_suffix(".csv")
        rows = list(csv.reader(io.StringIO(csv_path.read_text(encoding="utf-8"), newline="")))
        keep = [index for index, name in enumerate(rows[0]) if name not in drop]
        out = io.StringIO(newline="")
        csv.writer(out, lineterminator="\n").writerows([[row[index] for index in keep] for row in rows])
        csv_path.write_bytes(out.getvalue().encode("utf-8"))
        for name in drop:  # the column's table in the manifest, up to the next table
            text = re.sub(rf"(?ms)^\[columns\.{re.escape(name)}\]\n.*?(?=^\[|\Z)", "", text)
        digest = hashlib.sha256(csv_path.read_bytes()).hexdigest()
        text = re.sub(r'(?m)^sha256 = "[0-9a-f]*"', f'sha256 = "{digest}"', text)
        assert not answer_columns(tomllib.loads(text)) and tomllib.loads(text)["sha256"] == digest
        toml_path.write_text(text, encoding="utf-8")
        changed.append(csv_path.stem)
    return changed
