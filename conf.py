"""Sphinx configuration of From Thaw to Brink.

It lives at the top of the repository (the Makefile calls ``sphinx-build -c . book ...``);
the chapters are in book/.
"""

import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent / "book" / "_ext"))

project = "From Thaw to Brink"
author = "The authors of From Thaw to Brink"
copyright = "2026, the authors of From Thaw to Brink (text CC BY 4.0, code MIT)"
language = "en"

extensions = [
    "myst_nb",
    "sphinx_book_theme",
    "sphinx_exercise",
    "sphinx_togglebutton",
    "sphinx_design",
    "sphinxcontrib.bibtex",
    "edition",  # book/_ext/edition.py: `-t student` builds the edition without solutions
    "downloads",  # book/_ext/downloads.py: each chapter page offers its .ipynb (the workbook in the student edition)
    "quiz",  # book/_ext/quiz.py: "Do now", "Check your memory" and the Revise page (retrieval practice)
    "practice",  # book/_ext/practice.py: choice, order, match and short-answer widgets; "Common misconceptions" boxes
    "exam",  # book/_ext/exam.py: exam practice (question, draft, timer, checklist, model answers)
    "steps",  # book/_ext/steps.py: "Next hint" on every exercise, "Put the lines in order" for code (full edition)
    "runner",  # book/_ext/runner.py: run and check the code cells in the page (Pyodide, from node_modules)
    "fresh_outputs",  # book/_ext/fresh_outputs.py: a change to the exercises package or its data executes the chapters again
]

exclude_patterns = ["_build", "_ext", "_templates", "**.ipynb_checkpoints", ".DS_Store"]
root_doc = "index"

# --- MyST and notebooks -----------------------------------------------------
myst_enable_extensions = ["colon_fence", "deflist", "dollarmath", "substitution"]
myst_heading_anchors = 3
# Execute every notebook at build time, and a failing cell fails the build. jupyter-cache keeps the outputs
# and executes a chapter again when its code cells change, or when the `exercises` package that every
# chapter imports changes (a module, a data table, a manifest): book/_ext/fresh_outputs.py keys the cache
# on a digest of the package, so the book never shows outputs computed from old data.
nb_execution_mode = "cache"
nb_execution_raise_on_error = True
nb_execution_timeout = 120
nb_execution_show_tb = True
nb_merge_streams = True
nb_execution_excludepatterns = []

# --- Exercises ----------------------------------------------------------------
# sphinx-exercise warns when a solution does not follow its exercise.
exercise_style = "solution_follow_exercise"

# --- Bibliography -------------------------------------------------------------
# Author-year labels must tell apart two works of one author in one year ("Office of the
# Historian, 1961a" and "1961b"): the build reads a copy of book/references.bib whose years carry
# those letters (book/_ext/bib_years.py; the copy is rewritten only when it would change).
from bib_years import disambiguated_copy  # noqa: E402

bibtex_bibfiles = [disambiguated_copy(Path(__file__).parent / "book" / "references.bib")]
bibtex_default_style = "plain"
bibtex_reference_style = "author_year"
# Each entry on the sources page has its key as anchor (sources.html#ussr1958berlinnote), so that
# notebooks can link a citation to it (exercises/_plainmd.py).
bibtex_cite_id = "{key}"

# --- HTML ---------------------------------------------------------------------
html_theme = "sphinx_book_theme"
# Where the book is published, e.g. BOOK_BASEURL=https://host/thaw-to-brink/ make html workbooks.
# Notebooks (workbooks, each chapter's .ipynb) link citations there and install the exercises wheel
# from its _static/wheels/; "" (not published) links nothing and says how to build the wheel.
html_baseurl = os.environ.get("BOOK_BASEURL", "")
html_title = "From Thaw to Brink"
html_static_path = [str(Path(__file__).parent / "book" / "_static")]
# book/_templates: the theme's layout less the FontAwesome script and, off the search page, the search scripts;
# its search button without a label that differs from its text.
templates_path = [str(Path(__file__).parent / "book" / "_templates")]
html_css_files = ["book.css"]
html_theme_options = {
    "home_page_in_toc": True,
    "show_toc_level": 2,
    "use_download_button": True,
    "use_fullscreen_button": False,
    "use_repository_button": False,
}
html_last_updated_fmt = None

# --- Lean, offline, accessible pages -------------------------------------------------------------------------
# book/_ext/book_html.py: math as MathML (no MathJax, no CDN), extensions' scripts only on pages that use them,
# the icon webfont cut down to the icons shown, fixes for what axe-core finds in myst-nb's and docutils' HTML.
# Each executed chapter is logged by myst-nb itself: "<path>/berlin.md: Executed notebook in 3.10 seconds".
extensions += ["book_html"]
# book/_ext/keyterms.py: a "Key terms" box per chapter from its {term} roles; the picture credits on the sources page.
extensions += ["keyterms"]
# book/_ext/quiet_citations.py: in-text citations leave the Tab order; each section ends with a folded list of its sources.
extensions += ["quiet_citations"]
extensions += ["teachers"]  # book/_ext/teachers.py: print style, "Download my work", the class overview
# Light by default (the reader can switch): without it the theme logs a console error on every page.
html_context = {"default_mode": "light"}
