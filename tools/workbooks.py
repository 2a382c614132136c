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
import os
import re
import sys
import time
from pathlib import Path

import jupytext
import nbformat

from exercises import _book
from exercises._plainmd import Book, Converter

ROOT = Path(__file__).resolve().parent.parent
BOOK = ROOT / "book"

# A solution block of sphinx-exercise's gated form, from its start fence to its end fence.
SOLUTION = re.compile(r"^```\{solution-start\}.*?^```\{solution-end\}\s*\n```[ \t]*\n?", re.M | re.S)
IMPORT_CELL = "from exercises import check, hint, load"
WHEEL = "thaw_to_brink_exercises"
# Where the book is published (conf.py's html_baseurl reads the same variable); "" when not known.
BASE_URL = os.environ.get("BOOK_BASEURL", "")

HOW_TO = (
    "**Working in Jupyter.** Run the cells in order from the top (Shift+Enter runs a cell and moves on). "
    "The first code cell loads the tools that check your answers. "
    "In each exercise, edit the starter cell (replace the `...` with your code), run it, "
    "then run the `check(...)` cell under it: it tells you whether your answer is right and, if not, what to look at again. "
    'A cell `hint("exercise-id")` gives a nudge.'
)


def import_cell(base_url: str = "") -> str:
    """The notebook's first code cell: import the checks, or install them from the book's site, or say in one line how."""
    local = f"build it with  make wheel  in the book's folder and  pip install dist/{WHEEL}-*.whl"
    if base_url:
        site = base_url.rstrip("/") + "/"
        where = f"pip install the wheel named in {site}_static/wheels/index.json, or {local}"
        fetch = f'''
    try:  # a fresh kernel (Colab, Binder ...): install the wheel the book's site offers
        import importlib, json, subprocess, sys, urllib.request

        WHEELS = "{site}_static/wheels/"
        with urllib.request.urlopen(WHEELS + "index.json", timeout=30) as answer:
            wheel = WHEELS + json.load(answer)["wheel"]
        subprocess.run([sys.executable, "-m", "pip", "install", "--quiet", wheel], check=True)
        importlib.invalidate_caches()
        from exercises import check, hint, load
    except Exception:
        raise ExercisesNotInstalled(
            "The exercises package is not installed and could not be installed from the book's site: "
            "{where}, then restart the kernel."
        ) from None'''
    else:
        fetch = f'''
    raise ExercisesNotInstalled(
        "The exercises package is not installed in this kernel: "
        "{local}, then restart the kernel."
    ) from None'''
    return f'''# Run this cell first: it loads the tools that check your answers.
try:
    from exercises import check, hint, load
except ImportError:
    class ExercisesNotInstalled(Exception):
        """Shown as one line in Jupyter instead of a traceback."""

        def _render_traceback_(self):
            return [str(self)]
{fetch}'''


def chapters(book: Path = BOOK) -> list[str]:
    """The pages with exercises, in toctree order: the primer and the chapters (exercises._book defines them)."""
    return _book.exercise_pages(book)


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


EXAM = re.compile(r"^```\{exam-question\}\s*(\S+)\s*\n```[ \t]*$", re.M)
QUIZ = re.compile(r"^```\{(do-now|memory-quiz)\}[ \t]*\n```[ \t]*$", re.M)
KEY_TERMS = re.compile(r"^```\{key-terms\}[ \t]*\n```[ \t]*$", re.M)
REVISE = re.compile(r"^```\{revise\}[ \t]*\n```[ \t]*$", re.M)


def with_questions_written_out(text: str, page: str, book: Path = BOOK) -> str:
    """Each ```{practice} id``` (a widget in the page) as Markdown: the options, items or pairs a notebook reader
    needs; the chapter's ```{misconceptions}``` box as a Markdown list; each ```{exam-question} id``` with its
    checklist and model answers; the "Do now" and "Check your memory" quizzes (questions, no answers); the key terms."""
    import exercises  # noqa: F401  (fills the registry)
    from exercises import _exam, _practice, _quiz

    text = EXAM.sub(lambda match: _exam.exam(match.group(1)).to_markdown(), text)
    if QUIZ.search(text) or KEY_TERMS.search(text):
        chapters, questions, glossary = _quiz.pool(book)

        def quiz(match: re.Match) -> str:
            if match.group(1) == "do-now":
                return _quiz.to_markdown(_quiz.do_now(questions, chapters, page), "Do now: five quick questions")
            return _quiz.to_markdown(_quiz.memory_quiz(questions, chapters, page), "Check your memory")

        terms = [term for term in _quiz.terms_in(text) if term in glossary]
        key_terms = "**Key terms**\n\n" + "\n".join(f"- **{term}**: {glossary[term]}" for term in terms) + "\n"
        text = KEY_TERMS.sub(lambda match: key_terms, QUIZ.sub(quiz, text))
    text = REVISE.sub("", text)

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


MATPLOTLIB = re.compile(r"^\s*(?:import|from)\s+matplotlib\b", re.M)


def _figure(cell) -> tuple[str, str] | None:
    """(caption, alt text) of a code cell that draws a captioned figure (MyST-NB's ``mystnb`` metadata), else None."""
    options = cell.metadata.get("mystnb", {})
    caption = (options.get("figure") or {}).get("caption")
    if not caption:
        return None
    return str(caption), str((options.get("image") or {}).get("alt", ""))


def plain(notebook: nbformat.NotebookNode, page: str, book: Path, solutions: bool, base_url: str) -> None:
    """Write the markdown cells of a chapter's notebook in plain Markdown (exercises._plainmd), in place.

    Under the title goes a paragraph on working in Jupyter; under a figure's code cell, its caption
    and its alt text; at the end, the sources the notebook cites.  A cell that draws a figure says
    that it needs matplotlib, and does not stop "Run All" where matplotlib is missing.
    """
    converter = Converter(Book(book, base_url), page, solutions=solutions)
    cells = []
    for cell in notebook.cells:
        if cell.cell_type == "markdown":
            cell.source = converter.markdown(cell.source)
            if cell.source.strip():
                cells.append(cell)
            continue
        cells.append(cell)
        figure = _figure(cell) if cell.cell_type == "code" else None
        caption = converter.caption(figure[0], figure[1]) if figure else None
        if cell.cell_type == "code" and MATPLOTLIB.search(cell.source):
            what = caption[0].split("*")[1].rstrip(".") if caption else "a figure"  # "Figure 4.1"
            cell.source = (f"# This cell draws {what} with matplotlib; if matplotlib is missing, "
                           "run  %pip install matplotlib  and then this cell again.\n" + cell.source)
            tags = cell.metadata.setdefault("tags", [])
            if "raises-exception" not in tags:
                tags.append("raises-exception")
        if caption:
            cells.append(nbformat.v4.new_markdown_cell("\n".join(caption).strip()))
    first = next((cell for cell in cells if cell.cell_type == "markdown"), None)
    if first is not None:
        lines = first.source.split("\n")
        at = next((i + 1 for i, line in enumerate(lines) if line.startswith("# ")), 0)
        first.source = "\n".join(lines[:at] + ["", HOW_TO, ""] + lines[at:]).strip("\n").replace("\n\n\n", "\n\n")
    sources = converter.sources()
    if sources:
        cells.append(nbformat.v4.new_markdown_cell(sources))
    notebook.cells = cells


def notebook(page: str, book: Path = BOOK, solutions: bool = False, base_url: str | None = None) -> nbformat.NotebookNode:
    """One chapter as a Jupyter notebook in memory: the workbook, or with solutions=True the whole chapter.

    base_url is the address the book is published at (default: $BOOK_BASEURL, as conf.py's html_baseurl):
    citations and cross-references link there, and the first cell installs the exercises from there.
    """
    base_url = BASE_URL if base_url is None else base_url
    path = book / f"{page}.md"
    if not path.exists():
        raise FileNotFoundError(f"{path} does not exist")
    text = with_questions_written_out(path.read_text(encoding="utf-8"), page, book)
    notebook = jupytext.reads(text if solutions else without_solutions(text), fmt="md:myst")
    found = False
    for cell in notebook.cells:
        if cell.cell_type == "code" and cell.source.strip() == IMPORT_CELL:
            cell.source = import_cell(base_url)
            found = True
    if not found:
        raise ValueError(f"no cell that is exactly `{IMPORT_CELL}`")
    if not solutions:
        mark_cells_that_use_answers(notebook)
    plain(notebook, page, book, solutions, base_url)
    for index, cell in enumerate(notebook.cells):  # the same chapter always gives the same file
        cell.id = f"cell-{index}"
    notebook.metadata["kernelspec"] = {"display_name": "Python 3", "language": "python", "name": "python3"}
    notebook.metadata.pop("jupytext", None)
    nbformat.validate(notebook)
    return notebook


def workbook(page: str, book: Path = BOOK, base_url: str | None = None) -> nbformat.NotebookNode:
    """The workbook of one chapter (no solutions), as a notebook in memory."""
    return notebook(page, book, solutions=False, base_url=base_url)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("chapters", nargs="*", help="chapter slugs (default: every chapter)")
    parser.add_argument("--out", default=str(ROOT / "workbooks"))
    parser.add_argument("--force", action="store_true", help="replace existing workbooks, keeping a copy")
    parser.add_argument("--book", default=str(BOOK), help="the folder of the chapters (default: book/)")
    parser.add_argument("--base-url", default=BASE_URL, help="where the book is published (default: $BOOK_BASEURL)")
    args = parser.parse_args(argv)
    book = Path(args.book)
    pages = args.chapters or chapters(book)
    out = Path(args.out)

    books = {}
    for page in pages:  # convert everything before writing anything
        try:
            books[page] = nbformat.writes(workbook(page, book, args.base_url))
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
