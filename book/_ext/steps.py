"""Help in steps for each exercise, in the page: "Next hint" and "Put the lines in order".

On every page with exercises (a chapter or the primer) this writes, at build time, a JSON block
that ``_static/hints.js`` reads; no Python runtime is needed for either.

* **Hints** (both editions): each exercise's ``hint_steps()``, declared once with the exercise in
  ``exercises/<module>.py``; for a code exercise the last step is a partly written scaffold, which
  tests/test_exercises.py proves is not the solution.  A hint is not an answer.
* **Put the lines in order** (a Parsons problem; full edition only): the lines of the chapter's
  reference solution (``exercises._book``: the first cell of the solution block), one block per
  statement with its indentation (one per line when there are fewer than three statements), shuffled with a seed taken from the exercise id (the same
  every build).  The page checks the order against the solution's, exactly; identical lines are
  interchangeable.  The student edition leaves it out: the lines are the solution's lines, and
  only their order would be hidden.  A solution that is one literal (the dict of verdicts of
  conclusion-claims-verdict) has none: its lines could go in any order.
"""

from __future__ import annotations

import hashlib
import io
import json
import random
import tokenize
from pathlib import Path

from sphinx.application import Sphinx

from exercises import _book

CODE_KINDS = ("function", "value")


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
    seed = int.from_bytes(hashlib.sha256(exercise_id.encode()).digest()[:8], "big")
    order = list(range(len(blocks)))
    rng = random.Random(seed)
    for _ in range(20):
        rng.shuffle(order)
        if [blocks[i] for i in order] != blocks:
            break
    return order


def _is_one_literal(source: str) -> bool:
    """True for a solution that is one assignment of a literal (a dict of verdicts): its lines can go in any order."""
    import ast

    body = ast.parse(source).body
    return len(body) == 1 and isinstance(body[0], ast.Assign) and isinstance(body[0].value, (ast.Dict, ast.List, ast.Set, ast.Tuple, ast.Constant))


def page_data(srcdir: Path, page: str, student: bool) -> dict:
    """What hints.js needs for the exercises of one page: id -> {"hints": [...], "parsons": {...}}."""
    import exercises

    data = {}
    for exercise_id, block in _book.exercise_blocks(srcdir, page).items():
        try:
            exercise = exercises.get(exercise_id)
        except KeyError:
            continue  # tests/test_book.py names an exercise that is not declared
        entry: dict = {"hints": exercise.hint_steps()}
        if not student and exercise.kind in CODE_KINDS and block.solution:
            blocks = parsons_blocks(block.solution[0])
            if len(set(blocks)) >= 3 and not _is_one_literal(block.solution[0]):
                order = shuffled(exercise_id, blocks)
                entry["parsons"] = {"lines": [blocks[i] for i in order], "answer": blocks}
        data[exercise_id] = entry
    return data


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

