"""Look for the expected answers in a Python session that has imported ``exercises`` (run by tests/test_sealed.py).

Usage: python answer_probe.py <folder to put first on sys.path, or "-"> <spec.pickle> <out.json>

It does what a student could do with one line in a code cell: walk every object reachable from
the ``exercises`` package (module globals, the registry, each exercise's fields, closures and
default arguments of functions, bound methods), and for every exercise of the spec:

* choice: a reachable string equal to the right letter, or a list or dict keyed by the wrong letters
  only (the right one told by its absence), among what the exercise object holds besides its options;
* value and order: a value held by the exercise equal to the answer (not for numbers, which the
  data are full of), or a function of no arguments anywhere (a lambda, a bound method ...) that returns it;
* function: a function that returns the expected result on every test case (the book's own answer);
* a dict answer keyed by the ids of a data table: a column of that table that sorts the ids into the
  same groups as the answer's values (a column of verdicts, say), read through ``exercises.load``.

It writes {exercise id: [what was found, ...]} as JSON.
"""

from __future__ import annotations

import json
import math
import pickle
import signal
import sys
import types


def equal(got, want) -> bool:
    try:
        if isinstance(want, float) and isinstance(got, (int, float)) and not isinstance(got, bool):
            return math.isclose(got, want, rel_tol=1e-6)
        if isinstance(want, (list, tuple)) and isinstance(got, (list, tuple)):
            return len(got) == len(want) and all(equal(g, w) for g, w in zip(got, want))
        if isinstance(want, dict) and isinstance(got, dict):
            return got.keys() == want.keys() and all(equal(got[k], want[k]) for k in want)
        return type(got) is type(want) and got == want
    except Exception:
        return False


class Timeout(BaseException):
    pass


def call(function, args):
    def stop(signum, frame):
        raise Timeout

    previous = signal.signal(signal.SIGALRM, stop)
    signal.setitimer(signal.ITIMER_REAL, 1.0)
    try:
        return True, function(*args)
    except BaseException:  # noqa: BLE001 - anything a probe call raises is "no answer here"
        return False, None
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def ours(obj) -> bool:
    module = getattr(obj, "__module__", None) or getattr(type(obj), "__module__", "") or ""
    return module.split(".")[0] == "exercises"


def reachable(root) -> tuple[list, list]:
    """(values, callables) reachable from ``root``."""
    seen: set[int] = set()
    values, functions = [], []
    stack = [root]
    while stack:
        obj = stack.pop()
        if id(obj) in seen:
            continue
        seen.add(id(obj))
        if isinstance(obj, types.ModuleType):
            if obj.__name__.split(".")[0] == "exercises":
                stack.extend(vars(obj).values())
            continue
        if isinstance(obj, (types.FunctionType, types.MethodType)):
            functions.append(obj)
            function = obj.__func__ if isinstance(obj, types.MethodType) else obj
            if ours(function):
                for cell in function.__closure__ or ():
                    try:
                        stack.append(cell.cell_contents)
                    except ValueError:
                        pass
                stack.extend(function.__defaults__ or ())
                stack.extend((function.__kwdefaults__ or {}).values())
            continue
        if isinstance(obj, type):
            if ours(obj):
                stack.extend(vars(obj).values())
            continue
        if isinstance(obj, dict):
            stack.extend(obj.keys())
            stack.extend(obj.values())
        elif isinstance(obj, (list, tuple, set, frozenset)):
            stack.extend(obj)
        elif ours(obj) and hasattr(obj, "__dict__"):
            stack.extend(vars(obj).values())
            for name in dir(type(obj)):
                if not name.startswith("__"):
                    try:
                        attribute = getattr(obj, name)
                    except Exception:
                        continue
                    if isinstance(attribute, types.MethodType):
                        stack.append(attribute)
        values.append(obj)
    return values, functions


def positional(function) -> tuple[int, int]:
    """How many positional arguments ``function`` takes: (required, most)."""
    import inspect

    try:
        parameters = inspect.signature(function).parameters.values()
    except (TypeError, ValueError):
        return (-1, -1)
    required = most = 0
    for parameter in parameters:
        if parameter.kind in (parameter.POSITIONAL_ONLY, parameter.POSITIONAL_OR_KEYWORD):
            most += 1
            required += parameter.default is parameter.empty
        elif parameter.kind == parameter.VAR_POSITIONAL:
            most = 99
    return required, most


def columns_giving(want: dict, tables: dict) -> list[str]:
    """The columns of the data tables from which a dict answer, keyed by a table's ids, can be read off."""
    found = []
    for name, rows in tables.items():
        if not rows:
            continue
        first = next(iter(rows[0]))
        if {row[first] for row in rows} != set(want) or len(rows) != len(want):
            continue
        groups = lambda pairs: sorted(sorted(map(str, group)) for group in _grouped(pairs).values())  # noqa: E731
        answer = groups((repr(value), key) for key, value in want.items())
        for column in rows[0]:
            if column != first and groups((repr(row[column]), row[first]) for row in rows) == answer:
                found.append(f"the column {column!r} of the table {name!r} gives the answer")
    return found


def _grouped(pairs) -> dict:
    out: dict = {}
    for value, key in pairs:
        out.setdefault(value, []).append(key)
    return out


def main(path: str, spec_file: str, out_file: str) -> None:
    if path != "-":
        sys.path.insert(0, path)
    import exercises
    from exercises import _core

    spec = pickle.loads(open(spec_file, "rb").read())
    from exercises import _data

    tables = {name: _data.load(name) for name in _data.tables()}
    values, functions = reachable(exercises)
    zero = []
    for function in functions:
        required, most = positional(function)
        if required == 0 and getattr(function, "__name__", "") not in {"write_sealed", "main"}:
            ok, result = call(function, ())
            if ok:
                zero.append((function, result))
    found: dict[str, list[str]] = {}
    for exercise_id, item in spec.items():
        hits = []
        kind = item["kind"]
        if kind == "choice":
            letter, letters = item["answer"], set(item["letters"])
            exercise = _core.get(exercise_id)
            held = {k: v for k, v in vars(exercise).items() if k != "options"}
            inner, _ = reachable(held)
            for value in inner:
                if isinstance(value, str) and value.strip().upper() == letter:
                    hits.append(f"the letter {letter!r} in the exercise's fields")
                elif isinstance(value, dict) and value and set(value) == letters - {letter}:
                    hits.append("a dict keyed by every wrong letter")
                elif isinstance(value, (list, tuple)) and value and {str(v) for v in value} == letters - {letter}:
                    hits.append("a list of every wrong letter")
        elif kind in ("value", "order"):
            want = item["answer"]
            # Values held by the exercise (an answer list, a verdicts dict ...); the data tables and the
            # task's own words (event ids, claim ids) are everywhere, and are not the answer.
            held, _ = reachable(dict(vars(_core.get(exercise_id))))
            if not isinstance(want, (int, float)) or isinstance(want, bool):
                if isinstance(want, str):  # a short answer's words: any accepted spelling held, in any case
                    hits += [f"the exercise holds the answer {want!r}" for v in held if isinstance(v, str) and v.casefold() == want.casefold()][:1]
                else:
                    hits += [f"the exercise holds a {type(v).__name__} equal to the answer" for v in held if equal(v, want)][:2]
            hits += [f"{getattr(f, '__qualname__', f)}() returns the answer" for f, result in zero if equal(result, want)][:2]
            if isinstance(want, dict):
                hits += columns_giving(want, tables)
        elif kind == "function":
            cases = item["cases"]
            n = len(cases[0][0])
            for function in functions:
                required, most = positional(function)
                if not (required <= n <= most) or getattr(function, "__name__", "") in {"write_sealed", "main"}:
                    continue
                for args, want in cases:
                    ok, result = call(function, pickle.loads(pickle.dumps(args)))
                    if not ok or not equal(result, want):
                        break
                else:
                    hits.append(f"{getattr(function, '__qualname__', function)} returns the expected result on every case")
        found[exercise_id] = sorted(set(hits))
    with open(out_file, "w", encoding="utf-8") as out:
        json.dump(found, out, indent=1)


if __name__ == "__main__":
    main(*sys.argv[1:4])
