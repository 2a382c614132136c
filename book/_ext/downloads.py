"""Each chapter page offers its notebook as ``.ipynb`` in the theme's download menu.

sphinx-book-theme lists an ``.ipynb`` in that menu only when the page context has
``ipynb_source`` (a file under ``_sources/``), which MyST-NB does not set for a text
notebook.  For every chapter this writes ``_sources/<chapter>.ipynb`` and sets it:

- full edition: the whole chapter with its solutions;
- student edition (``-t student``): the workbook, without solutions, as ``make workbooks`` writes it.

Both come from ``notebook()`` in tools/workbooks.py (no outputs; the import cell prints one
line if the ``exercises`` package is missing), so they run top to bottom in any Jupyter
kernel that has ``exercises`` installed.  The student edition copies no page sources, so
the menu there offers the notebook and the print view only.
"""

from __future__ import annotations

import sys
from pathlib import Path

from sphinx.application import Sphinx
from sphinx.errors import ExtensionError

from exercises import _book


def _tools(app: Sphinx):
    tools = str(Path(app.confdir) / "tools")
    if tools not in sys.path:
        sys.path.insert(0, tools)
    import workbooks

    return workbooks


def _find_chapters(app: Sphinx) -> None:
    app.builder._notebook_chapters = set(_book.chapters(Path(app.srcdir)))


def _offer_notebook(app: Sphinx, pagename, templatename, context, doctree) -> None:
    if app.builder.format != "html" or pagename not in getattr(app.builder, "_notebook_chapters", ()):
        return
    workbooks = _tools(app)
    student = app.tags.has("student")
    try:
        notebook = workbooks.notebook(pagename, Path(app.srcdir), solutions=not student)
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
