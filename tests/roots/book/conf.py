"""A small book for the unit tests of the book's Sphinx extensions (tests/test_extensions.py).

It loads the extensions of book/_ext/ and the book's templates, like the real conf.py, around two pages:
a chapter whose code imports this folder's own tiny `exercises` package, and a sources page.
"""

import os
import sys
from pathlib import Path

# The real book's folder: the tests build copies of this book elsewhere and name it in BOOK_SOURCES.
BOOK = Path(os.environ.get("BOOK_SOURCES", Path(__file__).resolve().parents[3] / "book"))
sys.path.insert(0, str(BOOK / "_ext"))

project = "Test book"
extensions = [
    "myst_nb",
    "sphinx_book_theme",
    "sphinx_exercise",
    "sphinx_togglebutton",
    "sphinxcontrib.bibtex",
    "edition",
    "fresh_outputs",
    "book_html",
]
exclude_patterns = ["_build", "exercises"]
myst_enable_extensions = ["colon_fence", "dollarmath"]
nb_execution_mode = "cache"
nb_execution_raise_on_error = True
bibtex_bibfiles = ["references.bib"]
bibtex_reference_style = "author_year"
html_theme = "sphinx_book_theme"
templates_path = [str(BOOK / "_templates")]
html_context = {"default_mode": "light"}
