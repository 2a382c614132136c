"""What a page and a chapter of the book are, and where each exercise's code stands in its chapter.

This is the one definition that the tests, ``tools/`` and the Sphinx extensions in
``book/_ext/`` share (``from exercises._book import chapters, exercise_blocks``).
Every function takes the book's folder (``book/``), so it works on a copy of the book too.
It uses the standard library only and reads the MyST text notebooks itself.

* A **page** is a file ``<book>/<name>.md`` named in a ``{toctree}`` of ``<book>/index.md``;
  :func:`pages` lists them in toctree order (the order of the book).
* A **chapter** is a page that is a text notebook (a ``kernelspec`` in its front matter)
  and holds at least one exercise (``{exercise-start}``); :func:`chapters`.
  Any other page (the glossary, the sources, the corrections ...) is not a chapter, and
  adding one needs no change here or in the tests.
* A chapter's exercises are declared in the module ``exercises/<chapter with _ for ->.py``
  (:func:`module_name`); the chapter is the single source of each exercise's code:
  in its ``{exercise-start}`` block the first code cell is the **starter** and the next
  the **check** cell; the code cells of its ``{solution-start}`` block are the
  **solution** (the first) and the solution's check.  :func:`exercise_blocks` finds them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

__all__ = [
    "Cell",
    "ExerciseBlock",
    "cells",
    "chapter_of_module",
    "chapters",
    "exercise_blocks",
    "exercise_labels",
    "is_chapter",
    "is_notebook",
    "module_name",
    "page_text",
    "pages",
]

_TOCTREE = re.compile(r"^(`{3,})\{toctree\}[^\n]*\n(.*?)^\1[ \t]*$", re.M | re.S)
_FRONT_MATTER = re.compile(r"\A---\n(.*?)^---[ \t]*$", re.M | re.S)
_FENCE = re.compile(r"^(`{3,}|~{3,})(.*)$")
_CODE_CELL = re.compile(r"\{code-cell\}")
_OPTION = re.compile(r"^:[\w-]+:")
_EXERCISE_START = re.compile(r"^`{3,}\{exercise-start\}")
_EXERCISE_END = re.compile(r"^`{3,}\{exercise-end\}")
_SOLUTION_START = re.compile(r"^`{3,}\{solution-start\}\s*(\S+)", re.M)
_SOLUTION_END = re.compile(r"^`{3,}\{solution-end\}")
_LABEL = re.compile(r"^`{3,}\{exercise-start\}[^\n]*\n(?::[^\n]*\n)*?:label:\s*(\S+)", re.M)


# --- pages and chapters ---------------------------------------------------------------------


def page_text(book: Path, page: str) -> str:
    """The text of ``<book>/<page>.md``."""
    return (Path(book) / f"{page}.md").read_text(encoding="utf-8")


def pages(book: Path) -> list[str]:
    """The pages named in the toctrees of ``<book>/index.md``, in order (``index`` itself is not one)."""
    found = []
    for match in _TOCTREE.finditer(page_text(book, "index")):
        for line in match.group(2).splitlines():
            line = line.strip()
            if line and not line.startswith(":"):
                found.append(line)
    return found


def is_notebook(text: str) -> bool:
    """True when a page's text is a MyST text notebook: front matter with a ``kernelspec``."""
    front = _FRONT_MATTER.match(text)
    return bool(front and re.search(r"^kernelspec:", front.group(1), re.M))


def is_chapter(book: Path, page: str) -> bool:
    """True when ``page`` is a text notebook with at least one exercise (see the module docstring)."""
    text = page_text(book, page)
    return is_notebook(text) and bool(_LABEL.search(text))


def chapters(book: Path) -> list[str]:
    """The chapters of the book, in toctree order."""
    return [page for page in pages(book) if is_chapter(book, page)]


def module_name(chapter: str) -> str:
    """The module of ``exercises`` that declares a chapter's exercises: ``year-1956`` -> ``year_1956``."""
    return chapter.replace("-", "_")


def chapter_of_module(module: str) -> str:
    """The chapter whose exercises a module declares: ``exercises.year_1956`` -> ``year-1956``."""
    return module.rsplit(".", 1)[-1].replace("_", "-")


# --- cells of a text notebook -----------------------------------------------------------------


@dataclass(frozen=True)
class Cell:
    """One cell of a MyST text notebook: ``kind`` is ``"code"`` or ``"markdown"``; ``line`` is 1-based."""

    kind: str
    source: str
    line: int


def _code_source(body: list[str]) -> str:
    """A code cell's source without its options (a ``---`` YAML block or ``:key: value`` lines)."""
    if body and body[0].strip() == "---":
        for index in range(1, len(body)):
            if body[index].strip() == "---":
                body = body[index + 1:]
                break
    else:
        while body and _OPTION.match(body[0]):
            body = body[1:]
    return "\n".join(body).strip("\n")


def cells(text: str) -> list[Cell]:
    """The cells of a MyST text notebook, in order, as jupytext reads them.

    A ``{code-cell}`` fence at the top level is a code cell; everything between code cells
    (prose, directives, other fences) is one markdown cell.  The front matter is not a cell.
    """
    lines = text.split("\n")
    start = 0
    front = _FRONT_MATTER.match(text)
    if front:
        start = text[: front.end()].count("\n") + 1
    found: list[Cell] = []
    markdown: list[str] = []
    markdown_line = start + 1

    def flush() -> None:
        source = "\n".join(markdown).strip("\n")
        if source.strip():
            found.append(Cell("markdown", source, markdown_line))

    index = start
    while index < len(lines):
        line = lines[index]
        fence = _FENCE.match(line)
        if fence:
            marks, info = fence.group(1), fence.group(2)
            close = re.compile(rf"^{re.escape(marks[0])}{{{len(marks)},}}[ \t]*$")
            end = index + 1
            while end < len(lines) and not close.match(lines[end]):
                end += 1
            if _CODE_CELL.match(info.strip()):
                flush()
                markdown = []
                found.append(Cell("code", _code_source(lines[index + 1: end]), index + 1))
                markdown_line = end + 2
            else:
                markdown.extend(lines[index: end + 1])
            index = end + 1
            continue
        markdown.append(line)
        index += 1
    flush()
    return found


# --- exercises in a chapter ---------------------------------------------------------------------


@dataclass
class ExerciseBlock:
    """Where one exercise stands in its chapter, with the code of its cells.

    task: the text of the exercise block before its starter (what the student is asked).
    starter: the first code cell of the exercise block (what the student edits).
    check: the code cell after it (``check("<id>", <name>)``).
    solution: the code cells of the solution block; the first defines the answer.
    line: the line of the ``{exercise-start}`` fence in the chapter.
    """

    id: str
    page: str
    line: int
    task: str = ""
    starter: str | None = None
    check: str | None = None
    solution: list[str] = field(default_factory=list)


def exercise_labels(text: str) -> list[str]:
    """The labels of the exercises of a page, in order (the ids of ``exercises.check``)."""
    return _LABEL.findall(text)


def exercise_blocks(book: Path, page: str) -> dict[str, ExerciseBlock]:
    """Exercise id -> its :class:`ExerciseBlock`, in the order of the chapter ``page``.

    Raises ValueError when a block is malformed (a label twice, a solution for no exercise,
    a block left open), naming the page and the exercise.
    """
    blocks: dict[str, ExerciseBlock] = {}
    current: ExerciseBlock | None = None  # inside an exercise block
    solving: ExerciseBlock | None = None  # inside a solution block
    for cell in cells(page_text(book, page)):
        if cell.kind == "markdown":
            for line in cell.source.split("\n"):
                if _EXERCISE_START.match(line):
                    if current or solving:
                        raise ValueError(f"{page}: an exercise starts inside the block of {(current or solving).id}")
                    label = _LABEL.match(cell.source[cell.source.index(line):])
                    if not label:
                        raise ValueError(f"{page}: an exercise near line {cell.line} has no :label:")
                    if label.group(1) in blocks:
                        raise ValueError(f"{page}: the exercise {label.group(1)} appears twice")
                    current = blocks[label.group(1)] = ExerciseBlock(label.group(1), page, cell.line)
                elif _EXERCISE_END.match(line):
                    current = None
                elif _SOLUTION_START.match(line):
                    label = _SOLUTION_START.match(line).group(1)
                    if current or solving:
                        raise ValueError(f"{page}: the solution of {label} starts inside another block")
                    if label not in blocks:
                        raise ValueError(f"{page}: a solution for {label}, which is no exercise before it")
                    solving = blocks[label]
                elif _SOLUTION_END.match(line):
                    solving = None
                elif current is not None and current.starter is None and not _FENCE.match(line) and not _OPTION.match(line):
                    current.task = (current.task + "\n" + line).strip("\n")
            continue
        if current is not None:
            if current.starter is None:
                current.starter = cell.source
            elif current.check is None:
                current.check = cell.source
        elif solving is not None:
            solving.solution.append(cell.source)
    for block in (current, solving):
        if block is not None:
            raise ValueError(f"{page}: the block of {block.id} is not closed")
    return blocks
