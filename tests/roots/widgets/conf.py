"""A small book for the unit tests of the book's page widgets (tests/test_ext_*.py, tests/widget_book.py).

Its first chapter holds one of each thing the extensions exam, quiz, practice, steps and keyterms of book/_ext/
put in a page, and a later chapter has its quizzes too.  What they show comes from declarations.py (the first
chapter's exercises, misconception and exam question, as exercises/<chapter>.py declares a real chapter's),
glossary.md and references.bib.
The notebooks are not executed: these extensions read the sources and the declarations only.
"""

import os
import sys
from pathlib import Path

# The real book's folder: the tests build copies of this book elsewhere and name it in BOOK_SOURCES.
BOOK = Path(os.environ.get("BOOK_SOURCES", Path(__file__).resolve().parents[3] / "book"))
sys.path.insert(0, str(BOOK / "_ext"))

project = "Widget test book"
extensions = [
    "myst_nb",
    "sphinx_exercise",
    "sphinxcontrib.bibtex",
    "edition",
    "quiz",
    "practice",
    "exam",
    "steps",
    "keyterms",
]
exclude_patterns = ["_build", "declarations.py"]
myst_enable_extensions = ["colon_fence"]
nb_execution_mode = "off"
bibtex_bibfiles = ["references.bib"]
bibtex_reference_style = "author_year"
