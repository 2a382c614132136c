"""The student edition: the same book with every solution removed, not hidden.

Build it with the Sphinx tag ``student`` (``make html-student``).  Solution blocks
are taken out of the doctree as soon as it is read, so their text and code reach
no page, no search index and no copied source; the executed outputs of the other
cells are the same as in the full edition (the execution cache is shared).
"""

from __future__ import annotations

import shutil
from pathlib import Path

from sphinx.application import Sphinx


def _is_student(app: Sphinx) -> bool:
    return app.tags.has("student")


def _drop_solutions(app: Sphinx, doctree) -> None:
    if not _is_student(app):
        return
    from sphinx_exercise.nodes import solution_node

    for node in list(doctree.findall(solution_node)):
        node.parent.remove(node)


def _configure(app: Sphinx, config) -> None:
    if not _is_student(app):
        return
    # The page sources hold the solutions: do not copy them or offer them for download
    # (book/_ext/downloads.py offers each chapter's workbook instead, and drops the source link).
    config.html_copy_source = False
    config.html_show_sourcelink = False
    config.html_title = f"{config.html_title} (student edition)"


def _remove_executed_notebooks(app: Sphinx, exception) -> None:
    """MyST-NB leaves the executed notebooks, solutions included, in jupyter_execute/ beside the HTML: remove them.

    The pages do not need them (their images are already copied into _images/ when the build finishes)."""
    if _is_student(app) and exception is None:
        shutil.rmtree(Path(app.outdir).parent / "jupyter_execute", ignore_errors=True)


def setup(app: Sphinx) -> dict:
    app.connect("config-inited", _configure)
    app.connect("build-finished", _remove_executed_notebooks)
    # Before sphinx-exercise registers the solutions (its handler has the default priority 500).
    app.connect("doctree-read", _drop_solutions, priority=400)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
