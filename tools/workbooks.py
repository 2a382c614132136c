"""Write one Jupyter workbook per chapter into workbooks/: the chapter without its solutions.

    python tools/workbooks.py [--force] [--out workbooks] [chapter ...]

Every chapter is converted in memory first; if any fails, the script names the
chapter and the reason and writes nothing.  An existing workbook is never
overwritten (a student may have worked in it): it is left alone and reported.
With --force it is copied aside to <name>.<time>.bak.ipynb first, then replaced.
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from pathlib import Path

import jupytext
import nbformat

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


def chapters() -> list[str]:
    """The chapters of the book, in toctree order: pages that declare exercises."""
    text = (BOOK / "index.md").read_text(encoding="utf-8")
    pages = re.findall(r"^([a-z0-9-]+)$", text, re.M)
    return [page for page in pages if "{exercise-start}" in (BOOK / f"{page}.md").read_text(encoding="utf-8")]


def without_solutions(text: str) -> str:
    stripped = SOLUTION.sub("", text)
    if "{solution-start}" in stripped or "{solution-end}" in stripped:
        raise ValueError("a solution block is not closed by ```{solution-end}``` followed by ```")
    return stripped


def workbook(page: str) -> nbformat.NotebookNode:
    """The workbook of one chapter, as a notebook in memory."""
    path = BOOK / f"{page}.md"
    if not path.exists():
        raise FileNotFoundError(f"{path.relative_to(ROOT)} does not exist")
    notebook = jupytext.reads(without_solutions(path.read_text(encoding="utf-8")), fmt="md:myst")
    found = False
    for cell in notebook.cells:
        if cell.cell_type == "code" and cell.source.strip() == IMPORT_CELL:
            cell.source = GUARDED_IMPORT
            found = True
    if not found:
        raise ValueError(f"no cell that is exactly `{IMPORT_CELL}`")
    notebook.metadata["kernelspec"] = {"display_name": "Python 3", "language": "python", "name": "python3"}
    notebook.metadata.pop("jupytext", None)
    nbformat.validate(notebook)
    return notebook


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("chapters", nargs="*", help="chapter slugs (default: every chapter)")
    parser.add_argument("--out", default=str(ROOT / "workbooks"))
    parser.add_argument("--force", action="store_true", help="replace existing workbooks, keeping a copy")
    args = parser.parse_args(argv)
    pages = args.chapters or chapters()
    out = Path(args.out)

    books = {}
    for page in pages:  # convert everything before writing anything
        try:
            books[page] = nbformat.writes(workbook(page))
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
