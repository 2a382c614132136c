"""Help in steps for each exercise, in the page: "Next hint" and "Put the lines in order".

On every page with exercises (a chapter or the primer) this writes, at build time, a JSON block
that ``_static/hints.js`` reads; no Python runtime is needed for either.

* **Hints** (both editions): each exercise's ``hint_steps()``, declared once with the exercise in
  ``exercises/<module>.py``; for a code exercise the last step is a partly written scaffold, which
  tests/test_exercises.py proves is not the solution.  A hint is not an answer.
* **Put the lines in order** (a Parsons problem; both editions): made from the chapter's reference
  solution (``exercises._book``: the first cell of the solution block), in one of three forms
  (:func:`parsons`), chosen by the shape of the solution so that the ordering is the thinking the
  exercise asks for:

  - ``lines``: a solution of three or more different statements gives one block per statement
    with its indentation (or one per line), shuffled with a seed taken from the exercise id (the
    same every build); the right order is the solution's (identical lines are interchangeable).
  - ``pieces``: a solution of one or two short statements (the primer's first exercises, such as
    ``rise = 331_000 - 182_000``) has too few lines to order, so it is cut into its pieces: each
    assignment's ``name =``, each value, operator, and each call or index in brackets
    (``rows``, ``[0]``, ``["refugees"]``).  A beginner then decides what a line needs first:
    which figure is subtracted from which, that a row is taken before its column, that a list
    is made before it is summed.  Any order of the pieces whose code passes the check is
    accepted (all orders are tried at build time), not only the reference's.
  - ``pairs``: a solution that is one literal dict of True/False verdicts (conclusion-claims-verdict)
    could go in any order, so its lines stay in the table's order and each verdict line comes with
    its twin of the opposite verdict (a paired distractor): the student leaves out the wrong line
    of each pair, which is the judgement the exercise asks for.

  The page never holds the right order as such: only FNV-1a keys (:func:`_key`, ``exercises._quiz.fnv1a`` as the quizzes use it)
  of every right prefix of the chosen lines, as the choice widgets key their messages.  So the
  check can say how many first lines are right, in the student edition too, and the page shows
  nothing of the solution beyond what a Parsons problem shows by its nature: its lines, jumbled.
  (Trying orders one by one finds the answer, as trying answers in ``check`` does.)
"""

from __future__ import annotations

import ast
import hashlib
import io
import itertools
import json
import random
import tokenize
import warnings
from pathlib import Path

from sphinx.application import Sphinx

from exercises import _book
from exercises._quiz import fnv1a


def _key(exercise_id: str, *parts: str) -> str:
    """The key of a first part of an answer: FNV-1a of the id and the items, one a line (as hints.js computes it)."""
    return fnv1a("\n".join((exercise_id, *parts)))

CODE_KINDS = ("function", "value")
#: The most pieces whose every order is tried at build time (7! = 5,040 orders).
MAX_PIECES = 7


def statement_lines(source: str) -> list[str]:
    """The solution's statements in order, each with its indentation; a statement over several lines stays one block.

    Blank lines and lines holding only a comment are left out.
    """
    lines = source.splitlines()
    blocks: list[str] = []
    start = None
    tokens = tokenize.generate_tokens(io.StringIO(source + "\n").readline)
    for token in tokens:
        if token.type in (tokenize.NL, tokenize.COMMENT, tokenize.INDENT, tokenize.DEDENT, tokenize.ENDMARKER):
            continue
        if start is None:
            start = token.start[0]
        if token.type == tokenize.NEWLINE:
            end = token.start[0]
            text = "\n".join(lines[start - 1:end]).rstrip()
            if text.strip():
                blocks.append(text)
            start = None
    return blocks


def physical_lines(source: str) -> list[str]:
    """The solution's non-blank lines that are not only a comment, each with its indentation."""
    return [line.rstrip() for line in source.splitlines() if line.strip() and not line.strip().startswith("#")]


def parsons_blocks(source: str) -> list[str]:
    """The blocks to put in order: the statements, or the lines when there are fewer than three statements."""
    blocks = statement_lines(source)
    return blocks if len(set(blocks)) >= 3 else physical_lines(source)


def shuffled(exercise_id: str, blocks: list[str]) -> list[int]:
    """A fixed jumbled order of the blocks' indices (never the right order when there are two or more different blocks)."""
    order = list(range(len(blocks)))
    rng = _rng(exercise_id)
    for _ in range(20):
        rng.shuffle(order)
        if [blocks[i] for i in order] != blocks:
            break
    return order


def _rng(exercise_id: str) -> random.Random:
    return random.Random(int.from_bytes(hashlib.sha256(exercise_id.encode()).digest()[:8], "big"))


def _is_one_literal(source: str) -> bool:
    """True for a solution that is one assignment of a literal (a dict of verdicts): its lines can go in any order."""
    body = ast.parse(source).body
    return len(body) == 1 and isinstance(body[0], ast.Assign) and isinstance(body[0].value, (ast.Dict, ast.List, ast.Set, ast.Tuple, ast.Constant))


def _is_verdicts(source: str) -> bool:
    """True for a solution that is one dict literal whose values are all True or False, one entry a line."""
    body = ast.parse(source).body
    if not (len(body) == 1 and isinstance(body[0], ast.Assign) and isinstance(body[0].value, ast.Dict)):
        return False
    values = body[0].value.values
    return bool(values) and all(isinstance(v, ast.Constant) and isinstance(v.value, bool) for v in values) and len(physical_lines(source)) == len(values) + 2


# --- pieces of a short statement ------------------------------------------------------------------

_SKIP = (tokenize.NL, tokenize.NEWLINE, tokenize.COMMENT, tokenize.INDENT, tokenize.DEDENT, tokenize.ENDMARKER)
_ASSIGN = {"=", "+=", "-=", "*=", "/=", "//=", "%="}


def statement_pieces(statement: str) -> list[str]:
    """One statement cut into pieces: an assignment's ``name =``, then each value and operator, with
    each bracketed group (a call's arguments, an index, a list) a piece of its own and a dotted name
    kept whole: ``first = rows[0]["refugees"]`` gives ``first =``, ``rows``, ``[0]``, ``["refugees"]``."""
    starts = [0]
    for line in statement.splitlines(keepends=True):
        starts.append(starts[-1] + len(line))

    def at(position):
        return starts[position[0] - 1] + position[1]

    spans: list[list[int]] = []
    depth = 0
    join_next = False
    for token in tokenize.generate_tokens(io.StringIO(statement + "\n").readline):
        if token.type in _SKIP:
            continue
        begin, end = at(token.start), at(token.end)
        if depth:
            depth += (token.string in "([{") - (token.string in ")]}") if token.type == tokenize.OP else 0
            spans[-1][1] = end
            continue
        if token.type == tokenize.OP and token.string in _ASSIGN:
            spans = [[spans[0][0] if spans else begin, end]]  # the target and its "=" are one piece
            continue
        if token.type == tokenize.OP and token.string == "." and spans:
            spans[-1][1] = end
            join_next = True
            continue
        if join_next:
            spans[-1][1] = end
            join_next = False
            continue
        if token.type == tokenize.OP and token.string in "([{":
            depth = 1
        spans.append([begin, end])
    return [statement[begin:end] for begin, end in spans]


def _glues(piece: str, before: str | None) -> bool:
    """A call's or an index's brackets follow what they apply to without a space (hints.js does the same)."""
    return before is not None and piece[:1] in "([" and (before[-1:].isalnum() or before[-1:] in "_)]}'\"")


def assemble(pieces: list[str], starts: list[bool]) -> str:
    """The code that pieces in this order make: a piece that starts a statement starts a line."""
    out = ""
    before = None
    for piece, start in zip(pieces, starts):
        if out and start:
            out += "\n"
        elif out:
            out += "" if _glues(piece, before) else " "
        out += piece
        before = piece
    return out


def _pieces(source: str) -> tuple[list[str], list[bool]] | None:
    """The pieces of a short solution (every statement at the top level), and which of them start a statement."""
    statements = statement_lines(source)
    if any(statement[:1].isspace() or "\n" in statement for statement in statements):
        return None
    pieces, starts = [], []
    for statement in statements:
        cut = statement_pieces(statement)
        pieces += cut
        starts += [True] + [False] * (len(cut) - 1)
    return pieces, starts


def _passing_orders(exercise, pieces: list[str], starts: list[bool]) -> list[tuple[int, ...]]:
    """Every order of the pieces (as index tuples, one per distinct sequence) whose code passes the exercise's check."""
    found, seen = [], set()
    for order in itertools.permutations(range(len(pieces))):
        sequence = tuple((pieces[i], starts[i]) for i in order)
        if sequence in seen:
            continue
        seen.add(sequence)
        code = assemble([p for p, _ in sequence], [s for _, s in sequence])
        try:
            with warnings.catch_warnings():  # most orders are not Python ("'list' object is not callable")
                warnings.simplefilter("ignore")
                compile(code, "<parsons>", "exec")
                answer = exercise.run_source(code)
        except Exception:  # or fail when run
            continue
        if exercise.check(answer).passed:
            found.append(order)
    return found


# --- the Parsons problem of one exercise ------------------------------------------------------------


def parsons(exercise, solution: str) -> dict | None:
    """The Parsons problem of a code exercise, from its reference solution (see the module docstring), or None.

    ``lines``: the items to show, jumbled; ``mode``: "lines", "pieces" or "pairs"; ``starts`` (pieces):
    which items begin a statement; ``length``: how many items a right answer uses; ``prefixes``: the
    keys (:func:`_key`) of every first part of a right answer, none of them in plain text.
    """
    exercise_id = exercise.id
    starts: list[bool] | None = None
    if _is_verdicts(solution):
        mode = "pairs"
        right_lines = physical_lines(solution)
        rng = _rng(exercise_id)
        shown = [right_lines[0]]
        for line in right_lines[1:-1]:
            twin = line.replace(": True", ": False") if ": True" in line else line.replace(": False", ": True")
            pair = [line, twin]
            rng.shuffle(pair)
            shown += pair
        shown.append(right_lines[-1])
        answers = [right_lines]
    else:
        blocks = parsons_blocks(solution)
        if len(set(blocks)) >= 3 and not _is_one_literal(solution):
            mode = "lines"
            shown = [blocks[i] for i in shuffled(exercise_id, blocks)]
            answers = [blocks]
        else:
            cut = _pieces(solution)
            if cut is None or not 3 <= len(cut[0]) <= MAX_PIECES:
                return None
            mode = "pieces"
            pieces, piece_starts = cut
            orders = _passing_orders(exercise, pieces, piece_starts)
            if not orders:
                return None
            answers = [[pieces[i] for i in order] for order in orders]
            jumble = shuffled(exercise_id, pieces)
            for _ in range(50):  # a jumble that is not itself a right answer
                if tuple(jumble) not in set(orders):
                    break
                _rng(exercise_id + str(_)).shuffle(jumble)
            shown = [pieces[i] for i in jumble]
            starts = [piece_starts[i] for i in jumble]
    prefixes = sorted({_key(exercise_id, *answer[:n]) for answer in answers for n in range(1, len(answer) + 1)})
    data = {"mode": mode, "lines": shown, "length": len(answers[0]), "prefixes": prefixes}
    if starts is not None:
        data["starts"] = starts
    return data


def judge(exercise_id: str, data: dict, given: list[str]) -> tuple[bool, int]:
    """(right, how many first items are right) for the items given in order, as hints.js judges them."""
    right = 0
    prefixes = set(data["prefixes"])
    while right < len(given) and _key(exercise_id, *given[: right + 1]) in prefixes:
        right += 1
    return right == len(given) == data["length"], right


def page_data(srcdir: Path, page: str, student: bool) -> dict:
    """What hints.js needs for the exercises of one page: id -> {"hints": [...], "parsons": {...}}.

    The same in both editions: the Parsons problem holds no right order in plain text."""
    import exercises

    data = {}
    for exercise_id, block in _book.exercise_blocks(srcdir, page).items():
        try:
            exercise = exercises.get(exercise_id)
        except KeyError:
            continue  # tests/test_book.py names an exercise that is not declared
        entry: dict = {"hints": exercise.hint_steps()}
        if exercise.kind in CODE_KINDS and block.solution:
            found = _parsons_of(exercise_id, block.solution[0])
            if found:
                entry["parsons"] = found
        data[exercise_id] = entry
    return data


_CACHE: dict[tuple[str, str], dict | None] = {}


def _parsons_of(exercise_id: str, solution: str) -> dict | None:
    import exercises

    if (exercise_id, solution) not in _CACHE:
        _CACHE[exercise_id, solution] = parsons(exercises.get(exercise_id), solution)
    return _CACHE[exercise_id, solution]


def _page_context(app: Sphinx, pagename: str, templatename: str, context: dict, doctree) -> None:
    if doctree is None or pagename not in app.exercise_pages:  # type: ignore[attr-defined]
        return
    data = page_data(Path(app.srcdir), pagename, app.tags.has("student"))
    if not data:
        return
    # JSON inside <script>: "</" would end the element early.
    body = json.dumps(data, ensure_ascii=False).replace("</", "<\\/")
    app.add_js_file(None, body=body, type="application/json", id="exercise-steps")
    app.add_js_file("hints.js", loading_method="defer")
    app.add_css_file("hints.css")


def _builder_inited(app: Sphinx) -> None:
    app.exercise_pages = set(_book.exercise_pages(Path(app.srcdir)))  # type: ignore[attr-defined]


def setup(app: Sphinx) -> dict:
    app.connect("builder-inited", _builder_inited)
    app.connect("html-page-context", _page_context)
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True}
