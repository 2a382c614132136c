"""Write one Jupyter workbook per chapter into workbooks/: the chapter without its solutions.

    python tools/workbooks.py [--force] [--out workbooks] [--book book] [chapter ...]

Every chapter is converted in memory first; if any fails, the script names the
chapter and the reason and writes nothing.  An existing workbook is never
overwritten (a student may have worked in it): it is left alone and reported.
With --force it is copied aside to <name>.<time>.bak.ipynb first, then replaced.

A cell of the narrative that uses a student's answer (a name the starter cell of an
earlier exercise defines, or a name computed from one) fails until the exercise is
solved: it is tagged ``raises-exception``, so "Run All" in Jupyter (and nbclient)
goes on past it, and a first comment line says which exercise it waits for.

book/_ext/downloads.py uses notebook() for the .ipynb download of each chapter page.
"""

from __future__ import annotations

import argparse
import ast
import re
import sys
import time
from pathlib import Path

import jupytext
import nbformat

from exercises import _book

ROOT = Path(__file__).resolve().parent.parent
BOOK = ROOT / "book"

# A solution block of sphinx-exercise's gated form, from its start fence to its end fence.
SOLUTION = re.compile(r"^```\{solution-start\}.*?^```\{solution-end\}\s*\n```[ \t]*\n?", re.M | re.S)
IMPORT_CELL = "from exercises import check, hint, load"
GUARDED_IMPORT = '''try:
    from exercises import check, hint, load
except ImportError:
    class ExercisesNotInstalled(Exception):
        """Shown as one line in Jupyter instead of a traceback."""

        def _render_traceback_(self):
            return [str(self)]

    raise ExercisesNotInstalled(
        "The exercises package is not installed in this kernel: "
        "run  pip install thaw_to_brink_exercises-*.whl  (or  pip install .  in the book's folder), "
        "then restart the kernel."
    ) from None'''


def chapters(book: Path = BOOK) -> list[str]:
    """The chapters of the book, in toctree order (exercises._book defines what a chapter is)."""
    return _book.chapters(book)


def without_solutions(text: str) -> str:
    for block in SOLUTION.finditer(text):  # a block left open would swallow the next exercise up to its solution's end
        if block.group(0).count("{solution-start}") > 1 or "{exercise-start}" in block.group(0):
            label = re.match(r"```\{solution-start\}\s*(\S*)", block.group(0)).group(1)
            raise ValueError(f"the solution block {label} is not closed by ```{{solution-end}}``` before the next exercise")
    stripped = SOLUTION.sub("", text)
    if "{solution-start}" in stripped or "{solution-end}" in stripped:
        raise ValueError("a solution block is not closed by ```{solution-end}``` followed by ```")
    return stripped


PRACTICE = re.compile(r"^```\{practice\}\s*(\S+)\s*\n```[ \t]*$", re.M)


MISCONCEPTIONS = re.compile(r"^```\{misconceptions\}[ \t]*\n```[ \t]*$", re.M)


def with_questions_written_out(text: str, page: str) -> str:
    """Each ```{practice} id``` (a widget in the page) as Markdown: the options, items or pairs a notebook reader
    needs; and the chapter's ```{misconceptions}``` box as a Markdown list."""
    import exercises  # noqa: F401  (fills the registry)
    from exercises import _practice

    box = "**Common misconceptions**\n\n" + "\n".join(
        f"- **Not so:** {item.claim} **The evidence:** {item.correction} (Tested by `{item.exercise}`.)" for item in _practice.misconceptions(page)
    )
    text = MISCONCEPTIONS.sub(lambda match: box, text)
    return PRACTICE.sub(lambda match: _practice.question(match.group(1)), text)


def _names(code: str) -> tuple[set[str], set[str]]:
    """The names a cell reads before binding them, and the names it binds (a rough view, statement by statement)."""
    try:
        tree = ast.parse(code)
    except SyntaxError:  # IPython magics: treat as reading and binding nothing
        return set(), set()
    read, bound = set(), set()
    for statement in tree.body:
        loads, stores = set(), set()
        for node in ast.walk(statement):
            if isinstance(node, ast.Name):
                (loads if isinstance(node.ctx, ast.Load) else stores).add(node.id)
            elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
                stores.add(node.name)
            elif isinstance(node, ast.alias):
                stores.add((node.asname or node.name).split(".")[0])
        read |= loads - stores - bound
        bound |= stores
    return read, bound


def mark_cells_that_use_answers(notebook: nbformat.NotebookNode) -> None:
    """Tag `raises-exception` every cell outside an exercise that uses a student's answer (see the module docstring)."""
    waiting: dict[str, str] = {}  # name -> the exercise whose answer it comes from
    exercise = None
    for cell in notebook.cells:
        if cell.cell_type == "markdown":
            labels = _book.exercise_labels(cell.source)
            if labels:
                exercise = labels[-1]
            if "{exercise-end}" in cell.source:
                exercise = None
            continue
        if cell.cell_type != "code":
            continue
        read, bound = _names(cell.source)
        if exercise is not None:  # starter and check cells: what the starter defines is the student's answer
            for name in bound:
                waiting[name] = exercise
            continue
        uses = sorted({waiting[name] for name in read if name in waiting})
        if uses:
            tags = cell.metadata.setdefault("tags", [])
            if "raises-exception" not in tags:
                tags.append("raises-exception")
            cell.source = f"# This cell uses your answer to {', '.join(uses)}: it works once that check passes.\n" + cell.source
            for name in bound:
                waiting[name] = uses[0]
        else:
            for name in bound:
                waiting.pop(name, None)


def notebook(page: str, book: Path = BOOK, solutions: bool = False) -> nbformat.NotebookNode:
    """One chapter as a Jupyter notebook in memory: the workbook, or with solutions=True the whole chapter."""
    path = book / f"{page}.md"
    if not path.exists():
        raise FileNotFoundError(f"{path} does not exist")
    text = with_questions_written_out(path.read_text(encoding="utf-8"), page)
    notebook = jupytext.reads(text if solutions else without_solutions(text), fmt="md:myst")
    found = False
    for cell in notebook.cells:
        if cell.cell_type == "code" and cell.source.strip() == IMPORT_CELL:
            cell.source = GUARDED_IMPORT
            found = True
    if not found:
        raise ValueError(f"no cell that is exactly `{IMPORT_CELL}`")
    if not solutions:
        mark_cells_that_use_answers(notebook)
    for index, cell in enumerate(notebook.cells):  # the same chapter always gives the same file
        cell.id = f"cell-{index}"
    notebook.metadata["kernelspec"] = {"display_name": "Python 3", "language": "python", "name": "python3"}
    notebook.metadata.pop("jupytext", None)
    nbformat.validate(notebook)
    return notebook


def workbook(page: str, book: Path = BOOK) -> nbformat.NotebookNode:
    """The workbook of one chapter (no solutions), as a notebook in memory."""
    return notebook(page, book, solutions=False)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("chapters", nargs="*", help="chapter slugs (default: every chapter)")
    parser.add_argument("--out", default=str(ROOT / "workbooks"))
    parser.add_argument("--force", action="store_true", help="replace existing workbooks, keeping a copy")
    parser.add_argument("--book", default=str(BOOK), help="the folder of the chapters (default: book/)")
    args = parser.parse_args(argv)
    book = Path(args.book)
    pages = args.chapters or chapters(book)
    out = Path(args.out)

    books = {}
    for page in pages:  # convert everything before writing anything
        try:
            books[page] = nbformat.writes(workbook(page, book))
        except Exception as error:  # noqa: BLE001 - report any failure by chapter
            print(f"workbooks: chapter {page!r} failed to convert: {error}", file=sys.stderr)
            print("workbooks: nothing was written.", file=sys.stderr)
            return 1

    out.mkdir(parents=True, exist_ok=True)
    stamp = time.strftime("%Y%m%d-%H%M%S")
    for page, text in books.items():
        target = out / f"{page}.ipynb"
        if target.exists():
            if not args.force:
                print(f"kept     {target} (it exists; FORCE=1 replaces it after keeping a copy)")
                continue
            backup = out / f"{page}.{stamp}.bak.ipynb"
            backup.write_bytes(target.read_bytes())
            print(f"copied   {target} to {backup.name}")
        partial = target.with_suffix(".ipynb.part")
        partial.write_text(text, encoding="utf-8")
        partial.replace(target)
        print(f"wrote    {target}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
