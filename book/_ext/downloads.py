"""Each chapter page offers its notebook as ``.ipynb`` in the theme's download menu.

sphinx-book-theme lists an ``.ipynb`` in that menu only when the page context has
``ipynb_source`` (a file under ``_sources/``), which MyST-NB does not set for a text
notebook.  For every chapter this writes ``_sources/<chapter>.ipynb`` and sets it:

- full edition: the whole chapter with its solutions;
- student edition (``-t student``): the workbook, without solutions, as ``make workbooks`` writes it.

Both come from ``notebook()`` in tools/workbooks.py (no outputs), written in plain Markdown
by ``exercises._plainmd`` so that any notebook tool shows them as the book does; citations and
cross-references link to the book at ``html_baseurl``, and the first cell installs the
``exercises`` wheel from there when the kernel lacks it (or says in one line how to get it).  The student edition copies no page sources, so
the menu there offers the notebook and the print view only.
"""

from __future__ import annotations

import functools
import importlib.util
from pathlib import Path

from sphinx.application import Sphinx
from sphinx.errors import ExtensionError

from exercises import _book


# The repository: book/_ext/ is two levels below it, tools/ beside book/ (as in runner.py).
ROOT = Path(__file__).resolve().parents[2]


@functools.cache
def _workbooks():
    """The repository's tools/workbooks.py, imported from its file.

    tools/ holds the book's scripts (run as ``python -m tools.<name>`` from the repository), not a package installed
    in the environment; importing the one module from its path leaves ``sys.path`` as it is.
    """
    path = ROOT / "tools" / "workbooks.py"
    if not path.exists():
        raise ExtensionError(f"downloads: {path} is missing (it converts each chapter to .ipynb)")
    spec = importlib.util.spec_from_file_location("_book_tools_workbooks", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _find_chapters(app: Sphinx) -> None:
    # The primer (python-for-historians) too: every page with exercises.
    app.builder._notebook_chapters = set(_book.exercise_pages(Path(app.srcdir)))


def _offer_notebook(app: Sphinx, pagename, templatename, context, doctree) -> None:
    if app.builder.format != "html" or pagename not in getattr(app.builder, "_notebook_chapters", ()):
        return
    workbooks = _workbooks()
    student = app.tags.has("student")
    try:
        notebook = workbooks.notebook(pagename, Path(app.srcdir), solutions=not student, base_url=app.config.html_baseurl)
    except Exception as error:  # noqa: BLE001 - name the chapter in the build's error
        raise ExtensionError(f"downloads: chapter {pagename!r} failed to convert to .ipynb: {error}") from error
    target = Path(app.outdir) / "_sources" / f"{pagename}.ipynb"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(workbooks.nbformat.writes(notebook), encoding="utf-8")
    context["ipynb_source"] = f"{pagename}.ipynb"


def _drop_source_download(app: Sphinx, pagename, templatename, context, doctree) -> None:
    """Student edition: the page sources are not copied (they hold the solutions), so do not link them."""
    if not app.tags.has("student"):
        return
    for button in context.get("header_buttons", []):
        if button.get("label") == "download-buttons":
            button["buttons"] = [b for b in button["buttons"] if b.get("label") != "download-source-button"]


def setup(app: Sphinx) -> dict:
    app.connect("builder-inited", _find_chapters)
    # Before the theme builds its header buttons (priority 501), and after it for the clean-up.
    app.connect("html-page-context", _offer_notebook, priority=500)
    app.connect("html-page-context", _drop_source_download, priority=502)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
