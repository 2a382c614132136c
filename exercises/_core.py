"""The check machinery: exercise kinds, the registry, and safe running of student code.

An exercise is *declared* once, in its chapter's module, as an instance of one
of four kinds:

* :class:`FunctionExercise`: the student writes a function; the check calls it
  on test cases and compares each result with the module's own expected function.
* :class:`ValueExercise`: the student sets a variable to a value; the check
  compares it with ``expected()``.
* :class:`ChoiceExercise`: the student picks a letter.
* :class:`OrderExercise`: the student puts items in order; the check names the
  first pair that is out of order.

:func:`check` is the only door students use.  It never raises, never hands
student code the shared data (every call gets fresh copies), and never shows
the solution: a message says what was expected, what came back, and gives a hint.

The time limit (:data:`config`, 3 seconds) stops runaway Python code: a loop that
never ends, however it is written, is stopped and reported as "still running".
It does not stop a single long call into C: ``sum(range(10**9))`` or
``sorted(huge)`` runs to its end first, and the check stops at the next Python
step after it.  On CPython's main thread an alarm signal also cuts a sleep
short; off the main thread (and in the browser) there is no alarm, only the
check of the clock between Python steps.
Threat model: a formative self-check, not a sandbox.  In the page the worker
watchdog, which ends the whole Python worker, is the hard stop.

Only the standard library is used, so the same checks run in the browser.
"""

from __future__ import annotations

import copy
import datetime as _dt
import difflib
import html
import inspect
import math
import os
import reprlib
import signal
import sys
import threading
import time
import types
from dataclasses import dataclass, field
from typing import Any, Callable

from ._book import chapter_of_module

__all__ = [
    "Case",
    "ChoiceExercise",
    "Exercise",
    "FunctionExercise",
    "Misorder",
    "Note",
    "OrderExercise",
    "Result",
    "ValueExercise",
    "chapter_of",
    "check",
    "config",
    "get",
    "hint",
    "ids",
    "is_placeholder",
    "moved",
    "register",
    "scaffold",
    "swapped",
]

PASSED = "passed"
FAILED = "failed"
NOT_ATTEMPTED = "not attempted"


def _default_time_limit() -> float:
    try:
        value = float(os.environ.get("EXERCISES_TIME_LIMIT", "3"))
    except ValueError:
        return 3.0
    return value if value > 0 else 3.0


#: Settings of the checks.  ``config.time_limit`` is how many seconds a
#: student's Python code may run inside one check before it is stopped (default 3,
#: or the environment variable ``EXERCISES_TIME_LIMIT``); a single long call into C
#: finishes first (see the module docstring).
config = types.SimpleNamespace(time_limit=_default_time_limit())


# --------------------------------------------------------------------------
# Results


class Result:
    """The outcome of a check: ``.passed`` (bool), ``.status`` and ``.message`` (str).

    ``status`` is ``"passed"``, ``"failed"`` or ``"not attempted"``.
    In Jupyter the result shows as a coloured box; elsewhere as plain text.
    """

    __slots__ = ("exercise_id", "status", "message")

    def __init__(self, exercise_id: str, status: str, message: str):
        self.exercise_id = exercise_id
        self.status = status
        self.message = message

    @property
    def passed(self) -> bool:
        return self.status == PASSED

    def __bool__(self) -> bool:
        return self.passed

    def __str__(self) -> str:
        return self.message

    def __repr__(self) -> str:
        return self.message

    def _repr_html_(self) -> str:
        symbol = {PASSED: "\u2714", FAILED: "\u2718", NOT_ATTEMPTED: "\u2026"}[self.status]
        label = {PASSED: "Correct", FAILED: "Not yet", NOT_ATTEMPTED: "Not attempted yet"}[self.status]
        lines = self.message.split("\n")
        body = "<br>".join(html.escape(line) for line in lines[1:])
        css = self.status.replace(" ", "-")
        return (
            f'<div class="check-result check-{css}" role="status">'
            f'<strong><span aria-hidden="true">{symbol}</span> {label}</strong>'
            f' <code>{html.escape(self.exercise_id)}</code>'
            + (f"<br>{body}" if body else "")
            + "</div>"
        )


class Note(str):
    """A string that shows as plain text in Jupyter (used for hints)."""

    def __repr__(self) -> str:
        return str(self)

    def _repr_html_(self) -> str:
        if "\n" in self:  # a hint in steps: keep the scaffold's lines and indentation
            return f'<div class="check-hint" role="note"><pre>{html.escape(str(self))}</pre></div>'
        return f'<div class="check-hint" role="note">{html.escape(str(self))}</div>'


# --------------------------------------------------------------------------
# Running student code under a time limit


class TimeLimitExceeded(BaseException):
    """Raised inside student code when the time limit is reached.

    It derives from BaseException so that a student's ``except Exception``
    cannot swallow it.
    """


def _library_prefixes() -> tuple[str, ...]:
    import sysconfig

    paths = {os.path.dirname(os.path.abspath(__file__))}
    for name in ("stdlib", "platstdlib", "purelib", "platlib"):
        try:
            paths.add(sysconfig.get_paths()[name])
        except (KeyError, OSError):
            pass
    # POSIX keeps a leading "//" (Pyodide's sysconfig gives "//lib/python3.x"); files say "/lib/...".
    return tuple("/" + os.path.normcase(os.path.abspath(path)).lstrip("/") if path.startswith("/") else os.path.normcase(os.path.abspath(path)) for path in paths if path)


_LIBRARY = _library_prefixes()
_IS_LIBRARY: dict[str, bool] = {}


def _is_library(filename: str) -> bool:
    """True for code of this package, the standard library and installed packages."""
    known = _IS_LIBRARY.get(filename)
    if known is None:
        path = os.path.normcase(filename)
        known = path.startswith("<frozen") or (os.path.isabs(path) and path.startswith(_LIBRARY))
        _IS_LIBRARY[filename] = known
    return known


def _run_limited(function: Callable[[], Any], limit: float) -> Any:
    """Call ``function()`` and stop it with TimeLimitExceeded after ``limit`` seconds.

    Two mechanisms:
    a trace function that looks at the clock at every Python call and, inside
    student code (anything that is not this package, the standard library or
    an installed package), at every opcode, which works on any Python and any
    thread, the browser included; and, on CPython's main thread only, an
    interval timer signal, which also cuts a sleep short.
    Neither stops a single call into C while it runs (``sum(range(10**9))``):
    Python runs signal handlers and trace functions only between its own steps,
    so such a call finishes first and the limit takes effect right after it.
    tests/test_core.py pins this behaviour.
    """
    deadline = time.monotonic() + limit
    previous_trace = sys.gettrace()

    def in_student_code(frame, event, arg):
        if time.monotonic() > deadline:
            raise TimeLimitExceeded
        return in_student_code

    def tracer(frame, event, arg):
        if time.monotonic() > deadline:
            raise TimeLimitExceeded
        if _is_library(frame.f_code.co_filename):
            return None
        frame.f_trace_opcodes = True
        return in_student_code

    use_alarm = False
    previous_handler = None
    if hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread():
        try:
            previous_handler = signal.getsignal(signal.SIGALRM)
            if previous_handler in (signal.SIG_DFL, signal.SIG_IGN, None):

                def on_alarm(signum, stack):
                    raise TimeLimitExceeded

                signal.signal(signal.SIGALRM, on_alarm)
                signal.setitimer(signal.ITIMER_REAL, limit + 0.25)
                use_alarm = True
        except (ValueError, OSError, AttributeError):
            use_alarm = False
    sys.settrace(tracer)
    try:
        return function()
    finally:
        sys.settrace(previous_trace)
        if use_alarm:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, previous_handler)


_repr = reprlib.Repr()
_repr.maxstring = 60
_repr.maxother = 60
_repr.maxlist = 6
_repr.maxdict = 4


def _show(value: Any) -> str:
    """A short, safe description of a student's value for a message."""
    try:
        if isinstance(value, bool) or value is None:
            return repr(value)
        if isinstance(value, int):
            return f"{value:,}" if abs(value) >= 10_000 else str(value)
        if isinstance(value, float):
            return f"{value:,.6g}"
        return _repr.repr(value)
    except Exception:  # a hostile __repr__
        return f"a {type(value).__name__} that cannot be shown"


def _kind(value: Any) -> str:
    name = type(value).__name__
    article = "an" if name[:1].lower() in "aeiou" else "a"
    return f"{article} {name}"


def _is_number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


# --------------------------------------------------------------------------
# Comparing answers


class Mismatch(Exception):
    """Raised by a comparison with a sentence saying how the answer differs."""


def _direction(got: Any, want: Any, say: bool = True) -> str:
    if say and _is_number(got) and _is_number(want):
        return " (too high)" if got > want else " (too low)"
    return ""


def _same_text(got: str, want: str) -> bool:
    """Whether two strings are the same answer: surrounding spaces and case do not count."""
    return got.strip().casefold() == want.strip().casefold()


def _check_string(got: Any, that: str) -> None:
    """Raise Mismatch if ``got`` is not a string (``that`` names it in the message)."""
    if not isinstance(got, str):
        raise Mismatch(f"{that} is {_kind(got)}, where a string was due")


def _check_dict(got: Any, keys: list, that: str, place: str) -> None:
    """Raise Mismatch unless ``got`` is a dict with exactly these keys (the first missing or extra one is named)."""
    if not isinstance(got, dict):
        raise Mismatch(f"{that} is {_kind(got)}, where a dict was due")
    missing = [key for key in keys if key not in got]
    extra = [key for key in got if key not in keys]
    if missing:
        raise Mismatch(f"your dict{place} has no entry for {_show(missing[0])}" + (f" (and {len(missing) - 1} more missing)" if len(missing) > 1 else ""))
    if extra:
        raise Mismatch(f"your dict{place} has an entry for {_show(extra[0])}, which should not be there")


def _check_list(got: Any, length: int, that: str, place: str) -> None:
    """Raise Mismatch unless ``got`` is a list or tuple of ``length`` items."""
    if not isinstance(got, (list, tuple)):
        raise Mismatch(f"{that} is {_kind(got)}, where a list was due")
    if len(got) != length:
        more = "too many" if len(got) > length else "too few"
        raise Mismatch(f"your list{place} has {len(got)} items: {more}")


def _compare(got: Any, want: Any, rel_tol: float, abs_tol: float, where: str = "", direction: bool = True) -> None:
    """Raise Mismatch if ``got`` differs from ``want``; never reveals ``want``'s value."""
    place = f" {where}" if where else ""
    # At the top level the message's reader has just seen the value; inside a
    # dict or list, name the value and where it stands.
    that = f"{_show(got)}{place}" if where else "that"
    if _is_number(want):
        if not _is_number(got):
            raise Mismatch(f"{that} is {_kind(got)}, where a number was due")
        if isinstance(want, int) and rel_tol == 0 and abs_tol == 0:
            if got != want:
                raise Mismatch(f"{that} is not right{_direction(got, want, direction)}")
            return
        tolerance = max(abs_tol, 1e-9 * abs(want))
        if not math.isclose(got, want, rel_tol=rel_tol, abs_tol=tolerance):
            raise Mismatch(f"{that} is not right{_direction(got, want, direction)}")
        return
    if isinstance(want, bool) or want is None:
        if got is not want and got != want:
            raise Mismatch(f"{that} is not right")
        return
    if isinstance(want, str):
        _check_string(got, that)
        if not _same_text(got, want):
            raise Mismatch(f"{that} is not right")
        return
    if isinstance(want, dict):
        _check_dict(got, list(want), that, place)
        for key in want:
            _compare(got[key], want[key], rel_tol, abs_tol, f"for {_show(key)}", direction)
        return
    if isinstance(want, (list, tuple)):
        _check_list(got, len(want), that, place)
        for index, (g, w) in enumerate(zip(got, want)):
            _compare(g, w, rel_tol, abs_tol, f"at position {index}", direction)
        return
    if got != want:
        raise Mismatch(f"{that} is not right")


# --------------------------------------------------------------------------
# Exercise kinds


@dataclass(frozen=True)
class Case:
    """One test case of a FunctionExercise: the arguments, and how to describe the call."""

    args: tuple
    label: str = ""


def _instructions(function: Any) -> list[tuple[str, Any]]:
    import dis

    skip = {"RESUME", "NOP", "CACHE", "EXTENDED_ARG", "COPY_FREE_VARS", "MAKE_CELL"}
    return [(op.opname, op.argval) for op in dis.get_instructions(function) if op.opname not in skip]


def _placeholder():
    """A docstring."""
    ...


_PLACEHOLDER = _instructions(_placeholder)


def is_placeholder(answer: Any) -> bool:
    """True for an untouched starter, the way a chapter's starter cell leaves its answer.

    That is ``...`` (a starter ``name = ...  # a comment``), or a function (not a lambda) whose
    body does nothing: only a docstring and ``...`` or ``pass`` (a starter
    ``def name(args): \"\"\"What it returns.\"\"\" ...  # your code here``).
    The function is judged by its bytecode, so this works wherever the code came from
    (a notebook, the page, a file); a body of ``return None`` counts as doing nothing too.
    """
    if answer is Ellipsis:
        return True
    if isinstance(answer, types.FunctionType) and answer.__code__.co_name != "<lambda>":
        try:
            return _instructions(answer) == _PLACEHOLDER
        except Exception:
            return False
    return False


def scaffold(code: str) -> str:
    """A hint step that is partly written code: ``code`` without its common indentation.

    Declarations write it indented inside the exercise's ``steps``; ``...`` marks what the student fills in.
    """
    import textwrap

    return textwrap.dedent(code).strip("\n")


@dataclass
class Exercise:
    """What every kind of exercise declares.

    The code of the exercise (the starter the student edits and the shown solution) is
    written once, in the chapter: exercises._book finds it, and the tests prove that the
    starter is "not attempted" and that the solution passes.  A starter leaves ``name`` as
    a placeholder (see :func:`is_placeholder`), so an untouched starter is "not attempted yet".

    id: ``<chapter-slug>-<what-it-asks>``; also the label of the exercise in the book.
    name: the function or variable the student defines.
    hint: one or two sentences that point the way without giving the answer.
    expects: a phrase saying what a right answer is, shown in failure messages.
    wrong: plausible wrong answers that the tests prove fail (see :meth:`wrong_answers`).
    success: an optional sentence added to the passing message (what it shows).
    say_direction: whether a wrong number is called "too high" or "too low";
        set it to False where that would give the answer away (a year out of three).
    steps: further hints, in order, after ``hint`` (:meth:`hint_steps`); for a code exercise the
        last is a partly written scaffold: the solution's shape with ``...`` where the student's
        code goes (it never passes the check).  ``hint(id, n)`` gives step ``n``.
    """

    id: str
    name: str
    hint: str
    expects: str
    wrong: list = field(default_factory=list)
    success: str = ""
    say_direction: bool = True
    steps: tuple = ()

    kind = "exercise"

    # -- the parts the kinds define

    def _evaluate(self, answer: Any) -> Result:  # pragma: no cover - abstract
        raise NotImplementedError

    # -- shared behaviour

    def wrong_answers(self) -> list:
        """The plausible wrong answers the tests try (the declared ``wrong``; a kind may add more)."""
        return list(self.wrong)

    def hint_steps(self) -> list[str]:
        """Every hint in order: ``hint`` first, then each of ``steps`` (the last a scaffold for code)."""
        return [self.hint, *self.steps]

    def run_source(self, source: str) -> Any:
        """Execute ``source`` (a chapter's starter or solution cell) in a fresh namespace holding ``load``; return ``name``."""
        from ._data import load

        namespace: dict[str, Any] = {"load": load, "__name__": "__exercise__"}
        exec(compile(source, f"<{self.id}>", "exec"), namespace)
        return namespace[self.name]

    def _is_starter(self, answer: Any) -> bool:
        return is_placeholder(answer)

    def _fail(self, what: str, extra: str = "") -> Result:
        lines = [
            f"{self.id}: not yet.",
            f"Expected: {self.expects}.",
            f"Got: {what}" + ("" if what.endswith((".", "?", "!")) else "."),
        ]
        if extra:
            lines.append(extra)
        lines.append(f"Hint: {self.hint}")
        return Result(self.id, FAILED, "\n".join(lines))

    def _pass(self, note: str = "") -> Result:
        lines = [f"{self.id}: correct."]
        if self.success:
            lines.append(self.success)
        if note:
            lines.append(note)
        return Result(self.id, PASSED, "\n".join(lines))

    def not_attempted(self) -> Result:
        return Result(
            self.id,
            NOT_ATTEMPTED,
            f"{self.id}: not attempted yet.\n"
            f"Edit the starter code to give your answer ({self.expects}), "
            "run that cell, then run this check again.",
        )

    def check(self, answer: Any) -> Result:
        """Check ``answer``; never raises; student Python code stops at the time limit."""
        limit = config.time_limit
        try:
            if self._is_starter_safely(answer, limit):
                return self.not_attempted()
            return _run_limited(lambda: self._evaluate(answer), limit)
        except TimeLimitExceeded:
            return self._fail(
                f"your code was still running after {limit:g} seconds, so it was stopped",
                "Look for a loop that never ends (a while loop whose condition never becomes false).",
            )
        except RecursionError:
            return self._fail("your code called itself too many times (RecursionError)")
        except (Exception, SystemExit) as error:
            return self._fail(f"an error while checking your answer: {_error(error)}")

    def _is_starter_safely(self, answer: Any, limit: float) -> bool:
        try:
            return bool(_run_limited(lambda: self._is_starter(answer), limit))
        except (Exception, SystemExit, TimeLimitExceeded):
            return False


def _error(error: BaseException) -> str:
    try:
        text = str(error)
    except Exception:
        text = ""
    name = type(error).__name__
    return f"{name}: {text[:200]}" if text else name


@dataclass
class FunctionExercise(Exercise):
    """The student writes a function ``name``.

    cases: a callable returning a list of :class:`Case` (fresh arguments each call).
    expected: a callable taking the same arguments, with the same names as the chapter's
        starter, and returning the right result; it is the module's own implementation,
        independent of the solution shown in the chapter.
    rel_tol, abs_tol: tolerance for numbers in the result (0 means exact for ints).
    diagnose: optional callable(result, case) -> str | None naming a known mistake.
    """

    cases: Callable[[], list] = lambda: []
    expected: Callable[..., Any] = lambda *args: None
    rel_tol: float = 0.0
    abs_tol: float = 0.0
    diagnose: Callable[[Any, Case], str | None] | None = None

    kind = "function"

    def signature(self) -> str:
        try:
            return f"{self.name}({', '.join(inspect.signature(self.expected).parameters)})"
        except Exception:
            return f"{self.name}(...)"

    def _label(self, case: Case) -> str:
        if case.label:
            return case.label
        parts = []
        for arg in case.args:
            if isinstance(arg, list) and arg and isinstance(arg[0], dict):
                parts.append("rows")
            else:
                parts.append(_show(arg))
        return f"{self.name}({', '.join(parts)})"

    def _evaluate(self, answer: Any) -> Result:
        if not callable(answer):
            return self._fail(
                f"{_kind(answer)}, {_show(answer)}, where a function was due",
                f"Define the function {self.signature()} and pass the function itself, without brackets.",
            )
        runs = self._runs()
        try:
            theirs = inspect.signature(answer)
            for args, _, _ in runs[:1]:
                theirs.bind(*args)
        except TypeError:
            return self._fail(
                f"a function that takes {_signature_text(answer)}",
                f"It should take {self._parameters_text()}: the same arguments, in the same order.",
            )
        except ValueError:
            pass  # a builtin without a signature; let the call tell
        notes = []
        for args, label, case in runs:
            given = _fresh(args)
            try:
                result = answer(*given)
            except (TimeLimitExceeded, RecursionError):
                raise
            except (Exception, SystemExit) as error:
                return self._fail(f"{label} raised {_error(error)}")
            if result is Ellipsis:
                return self.not_attempted()
            want = self._want(case)
            if result is None and not self._may_return_none(want):
                return self._fail(
                    f"{label} returned None",
                    "Did you forget a return statement?",
                )
            try:
                self._compare_result(result, want)
            except Mismatch as mismatch:
                return self._fail(f"{label} returned {_show(result)}; {mismatch}", self._diagnosis(result, case))
            if _changed(given, args) and not notes:
                notes.append(
                    "Note: your function changed the data it was given. "
                    "That worked here, because it got a copy, but it is safer to leave its arguments alone."
                )
        return self._pass(" ".join(notes))

    # What the check above compares, in steps that exercises._sealed.SealedFunction replaces (it has no answers).

    def _runs(self) -> list[tuple[tuple, str, Any]]:
        """(arguments, label, case) of each test case."""
        return [(case.args, self._label(case), case) for case in self.cases()]

    def _parameters_text(self) -> str:
        return _signature_text_from(inspect.signature(self.expected))

    def _want(self, case: Case) -> Any:
        return self.expected(*_fresh(case.args))

    def _may_return_none(self, want: Any) -> bool:
        return want is None

    def _compare_result(self, result: Any, want: Any) -> None:
        _compare(result, want, self.rel_tol, self.abs_tol, direction=self.say_direction)

    def _diagnosis(self, result: Any, case: Case) -> str:
        return (self.diagnose(result, case) if self.diagnose else None) or ""


_IMMUTABLE = (int, float, str, bytes, bool, type(None), _dt.date)


def _fresh(value: Any) -> Any:
    """A copy of ``value`` that shares nothing mutable with it.

    Tables (lists of dicts of plain values) are copied directly, which is much
    faster than deepcopy, above all in the browser; anything else is deep-copied.
    """
    if isinstance(value, _IMMUTABLE):
        return value
    if type(value) is tuple:
        return tuple(_fresh(item) for item in value)
    if type(value) is list and all(
        type(item) is dict and all(isinstance(v, _IMMUTABLE) for v in item.values()) for item in value
    ):
        return [dict(item) for item in value]
    return copy.deepcopy(value)


def _changed(given: tuple, original: tuple) -> bool:
    try:
        return bool(given != original)
    except Exception:
        return True


def _signature_text(function: Any) -> str:
    try:
        return _signature_text_from(inspect.signature(function))
    except (TypeError, ValueError):
        return "arguments that cannot be read"


def _signature_text_from(signature: inspect.Signature) -> str:
    return _names_text(list(signature.parameters))


def _names_text(names: list[str]) -> str:
    if not names:
        return "no arguments"
    return "(" + ", ".join(names) + ")"


@dataclass
class ValueExercise(Exercise):
    """The student sets a variable ``name`` to a value.

    expected: a callable returning the right value, computed from the data.
    rel_tol, abs_tol: tolerance for numbers (0 means exact for ints).
    diagnose: optional callable(answer) -> str | None naming a known mistake.
    """

    expected: Callable[[], Any] = lambda: None
    rel_tol: float = 0.0
    abs_tol: float = 0.0
    diagnose: Callable[[Any], str | None] | None = None

    kind = "value"

    def _evaluate(self, answer: Any) -> Result:
        if callable(answer) and not callable(self.expected()):
            return self._fail(f"a function, {_show(answer)}", f"Set {self.name} to a value, not a function.")
        mine = copy.deepcopy(answer)
        try:
            _compare(mine, self.expected(), self.rel_tol, self.abs_tol, direction=self.say_direction)
        except Mismatch as mismatch:
            extra = self.diagnose(copy.deepcopy(answer)) if self.diagnose else None
            return self._fail(f"{_show(answer)}; {mismatch}", extra or "")
        return self._pass()


@dataclass
class ChoiceExercise(Exercise):
    """Multiple choice: the answer is one letter.

    options: dict letter -> the option's text (shown in the chapter too).
    answer: the right letter.
    feedback: dict letter -> why that option is not the best answer.
    """

    options: dict = field(default_factory=dict)
    answer: str = ""
    feedback: dict = field(default_factory=dict)

    kind = "choice"

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
        if choice != self.answer.upper():
            why = self.feedback.get(choice, "")
            return self._fail(f"{choice}: {self.options[choice]}", why)
        return self._pass()


@dataclass(frozen=True)
class Misorder:
    """A known wrong order of an :class:`OrderExercise`, made from the right order by :func:`swapped` or :func:`moved`.

    why: an optional sentence that names the misconception, added to the message.
    """

    how: str  # "swap", "before" or "after"
    item: str
    other: str
    why: str = ""

    def apply(self, right: list[str]) -> list[str]:
        """This wrong order, made from the right one."""
        order = list(right)
        for key in (self.item, self.other):
            if key not in order:
                raise KeyError(f"{key!r} is not one of the items to order")
        if self.how == "swap":
            i, j = order.index(self.item), order.index(self.other)
            order[i], order[j] = order[j], order[i]
            return order
        order.remove(self.item)
        at = order.index(self.other) + (self.how == "after")
        return order[:at] + [self.item] + order[at:]

    def pair(self, right: list[str]) -> tuple[str, str]:
        """The two items this mistake puts the wrong way round: (placed first, placed second)."""
        given = self.apply(right)
        position = {key: index for index, key in enumerate(right)}
        at = given.index(self.item)
        if self.how == "swap":
            return tuple(sorted((self.item, self.other), key=given.index))
        if self.how == "before" and position[self.item] > position[self.other]:
            return self.item, self.other
        if self.how == "after" and position[self.item] < position[self.other]:
            return self.other, self.item
        # Moved the other way: it jumped over its neighbour in the wrong order.
        return (given[at - 1], self.item) if self.how == "after" else (self.item, given[at + 1])


def swapped(first: str, second: str, why: str = "") -> Misorder:
    """The right order with ``first`` and ``second`` exchanged (two events often confused)."""
    return Misorder("swap", first, second, why)


def moved(item: str, *, before: str | None = None, after: str | None = None, why: str = "") -> Misorder:
    """The right order with ``item`` taken out and put just ``before`` (or ``after``) another item."""
    if (before is None) == (after is None):
        raise TypeError("moved() takes exactly one of before= and after=")
    return Misorder("before", item, before, why) if before is not None else Misorder("after", item, after, why)


@dataclass
class OrderExercise(Exercise):
    """Put events of the ``events`` table in the order they happened; the answer is a list of
    event ids (their titles are accepted too).

    events: the event ids, in the jumbled order the chapter shows them.  Everything else is
        computed from ``exercises/data/events.csv``: the right order (by date, so a corrected
        date corrects the exercise), the titles the messages show, and the wrong answers
        the tests try (the order as shown, and each of ``mistakes``).
    mistakes: known wrong orders, each :func:`swapped` or :func:`moved`; an answer that makes
        one is told which two events it puts the wrong way round (and the mistake's ``why``).
    what: how the order is defined, e.g. "in the order they happened".
    """

    events: tuple = ()
    mistakes: list = field(default_factory=list)
    what: str = "in the order they happened"

    kind = "order"

    def items(self) -> list[str]:
        """The event ids in the right order, earliest first."""
        from ._data import events_in_order

        return events_in_order(self.events)

    def titles(self) -> dict[str, str]:
        """Event id -> title, for messages and to accept titles in place of ids."""
        from ._data import event_titles

        return event_titles(self.events)

    def wrong_answers(self) -> list:
        right = self.items()
        shown = [list(self.events)] if list(self.events) != right else []
        return shown + [mistake.apply(right) for mistake in self.mistakes] + list(self.wrong)

    def _evaluate(self, answer: Any) -> Result:
        items = list(self.events)
        titles = dict(self.titles())
        if isinstance(answer, (str, bytes)) or not isinstance(answer, (list, tuple)):
            return self._fail(f"{_kind(answer)}, {_show(answer)}", "Give a list of the ids, in quotes, inside [ ].")
        by_title = {title.casefold(): key for key, title in titles.items()}
        given = []
        for item in answer:
            if not isinstance(item, str):
                return self._fail(f"a list holding {_kind(item)}, {_show(item)}", "Every item should be an id in quotes.")
            key = item.strip()
            given.append(by_title.get(key.casefold(), key))
        unknown = [item for item in given if item not in items]
        if unknown:
            return self._fail(f"{_show(unknown[0])}, which is not one of the items to order")
        repeated = sorted({item for item in given if given.count(item) > 1})
        if repeated:
            return self._fail(f"{_show(repeated[0])} more than once", "Use every item exactly once.")
        missing = [item for item in items if item not in given]
        if missing:
            return self._fail(f"a list without {_show(missing[0])}", "Use every item exactly once.")
        known = self._known_misorder(given)
        if known:
            first, second, why = known
            return self._misplaced(first, second, titles, why)
        misplaced = self._first_misplaced(given)
        if misplaced:
            return self._misplaced(*misplaced, titles)
        return self._pass()

    def _known_misorder(self, given: list[str]) -> tuple[str, str, str] | None:
        """(first, second, why) of the declared mistake that ``given`` (every item once) makes, or None."""
        right = self.items()
        for mistake in self.mistakes:
            if given == mistake.apply(right):
                return (*mistake.pair(right), mistake.why)
        return None

    def _first_misplaced(self, given: list[str]) -> tuple[str, str] | None:
        """The first two neighbours of ``given`` (every item once) that are the wrong way round, or None."""
        position = {item: index for index, item in enumerate(self.items())}
        return next(((a, b) for a, b in zip(given, given[1:]) if position[a] > position[b]), None)

    def _misplaced(self, first: str, second: str, titles: dict, why: str = "") -> Result:
        return self._fail(
            f"{self._name(first, titles)} placed before {self._name(second, titles)}",
            " ".join(part for part in (f"Those two are out of order: put them {self.what}.", why) if part),
        )

    @staticmethod
    def _name(item: str, titles: dict) -> str:
        return f"'{item}' ({titles[item]})" if item in titles else f"'{item}'"


# --------------------------------------------------------------------------
# The registry and the doors students use

_REGISTRY: dict[str, Exercise] = {}
_CHAPTER: dict[str, str] = {}


def register(exercise: Exercise) -> Exercise:
    """Add ``exercise`` to the registry (ids must be unique).

    The chapter is the module that registers it: ``exercises/year_1956.py``
    declares the exercises of ``book/year-1956.md``.
    """
    if exercise.id in _REGISTRY:
        raise ValueError(f"exercise id {exercise.id!r} is declared twice")
    module = sys._getframe(1).f_globals.get("__name__", "")
    _REGISTRY[exercise.id] = exercise
    _CHAPTER[exercise.id] = chapter_of_module(module)
    return exercise


def chapter_of(exercise_id: str) -> str:
    """The slug of the chapter whose module declares ``exercise_id``."""
    return _CHAPTER[exercise_id]


def ids() -> list[str]:
    """Every exercise id in the book, sorted."""
    return sorted(_REGISTRY)


def get(exercise_id: str) -> Exercise:
    """The declared exercise with this id (KeyError if there is none)."""
    return _REGISTRY[exercise_id]


def _unknown(exercise_id: Any) -> str:
    if not isinstance(exercise_id, str):
        return (
            f"The first argument of check should be an exercise id in quotes, such as \"{ids()[0] if ids() else 'berlin-refugee-total'}\"; "
            f"got {_kind(exercise_id)}."
        )
    close = difflib.get_close_matches(exercise_id, ids(), n=1)
    guess = f" Did you mean \"{close[0]}\"?" if close else ""
    return f"There is no exercise called \"{exercise_id}\".{guess}"


def check(exercise_id: str, answer: Any = Ellipsis) -> Result:
    """Check ``answer`` to exercise ``exercise_id`` and return a :class:`Result`.

    Never raises; student Python code is stopped after ``config.time_limit`` seconds
    (a single long call into C finishes first: see the module docstring).
    """
    try:
        exercise = _REGISTRY.get(exercise_id) if isinstance(exercise_id, str) else None
    except Exception:
        exercise = None
    if exercise is None:
        return Result(str(exercise_id)[:60] if isinstance(exercise_id, str) else "?", FAILED, _unknown(exercise_id))
    return exercise.check(answer)


def hint(exercise_id: str, step: int | None = None) -> Note:
    """The hint of exercise ``exercise_id``; ``hint(id, 1)``, ``hint(id, 2)``, ... give its hints in steps.

    The first step is the hint itself; for a code exercise the last is a partly written scaffold.
    A step beyond the last gives the last.
    """
    exercise = _REGISTRY.get(exercise_id) if isinstance(exercise_id, str) else None
    if exercise is None:
        return Note(_unknown(exercise_id))
    steps = exercise.hint_steps()
    if step is None:
        more = f" (hint(\"{exercise.id}\", 2) gives the next step.)" if len(steps) > 1 else ""
        return Note(f"Hint for {exercise.id}: {exercise.hint}{more}")
    if isinstance(step, bool) or not isinstance(step, int) or step < 1:
        return Note(f"Ask for a step by its number, from 1 to {len(steps)}: hint(\"{exercise.id}\", 1).")
    number = min(step, len(steps))
    text = steps[number - 1]
    after = f"\nhint(\"{exercise.id}\", {number + 1}) gives the next step." if number < len(steps) else "\nThat is the last step."
    return Note(f"Hint {number} of {len(steps)} for {exercise.id}:\n{text}{after}")
