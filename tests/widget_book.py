"""The small test book of the page widgets (tests/roots/widgets), built in seconds for tests/test_ext_*.py.

Its first chapter holds a "Do now", a key-terms box, code exercises with hints and solutions, a choice, an order,
a match and two short-answer widgets, a misconceptions box, an exam question and a "Check your memory";
a later chapter has a "Do now" and a "Check your memory" of its own.
What they show is declared in tests/roots/widgets/declarations.py; the fixture ``declared`` runs it into
copies of the ``exercises`` registries (restored after each test, so no other test sees the test book's
exercises), as the module ``exercises.chapter`` so that they belong to the page ``chapter``.

Each edition is built once per test process, with ``sphinx.testing``'s ``SphinxTestApp`` (the notebooks
are not executed: these extensions read the sources and the declarations only), and a build that warns fails.
"""

from __future__ import annotations

import html
import io
import json
import os
import re
import runpy
import shutil
import sys
from pathlib import Path

import pytest
from sphinx.testing.util import SphinxTestApp

from conftest import BOOK
from exercises import _core, _exam, _practice

ROOT = Path(__file__).resolve().parent / "roots" / "widgets"
sys.path.insert(0, str(BOOK / "_ext"))

# sphinx-exercise 1.2.1 reads `.app` attributes that Sphinx 9 deprecates (for Sphinx 11); in this process
# pytest would turn those warnings into errors (the book's own extensions do not use them). Test files set
# `pytestmark = FILTER` so that their builds run as `make html` does.
FILTER = pytest.mark.filterwarnings("ignore::sphinx.deprecation.RemovedInSphinx11Warning")

_BUILT: dict[str, Path] = {}


@pytest.fixture
def declared(monkeypatch) -> dict:
    """The test chapter's exercises, misconception and exam question, declared for the length of one test."""
    monkeypatch.setattr(_core, "_REGISTRY", dict(_core._REGISTRY))
    monkeypatch.setattr(_core, "_CHAPTER", dict(_core._CHAPTER))
    monkeypatch.setattr(_exam, "_REGISTRY", dict(_exam._REGISTRY))
    monkeypatch.setattr(_practice, "_MISCONCEPTIONS", {key: list(found) for key, found in _practice._MISCONCEPTIONS.items()})
    return runpy.run_path(str(ROOT / "declarations.py"), run_name="exercises.chapter")


def build_log(source: Path, *, tags=(), outdir: str = "html", builder: str = "html") -> tuple[Path, str]:
    """Build the book at ``source`` into <source>/_build/<outdir>; return the output folder and the warnings."""
    status, warning = io.StringIO(), io.StringIO()
    before = os.environ.get("BOOK_SOURCES")
    os.environ["BOOK_SOURCES"] = str(BOOK)
    try:
        app = SphinxTestApp(builder, srcdir=source, builddir=source / "_build" / outdir, status=status,
                            warning=warning, tags=list(tags))
        try:
            app.build()
        finally:
            app.cleanup()
    finally:
        if before is None:
            os.environ.pop("BOOK_SOURCES")
        else:
            os.environ["BOOK_SOURCES"] = before
    return Path(app.outdir), warning.getvalue()


def build(source: Path, **options) -> Path:
    """:func:`build_log`, for a build that must not warn."""
    out, warnings = build_log(source, **options)
    assert not warnings, warnings
    return out


def copy_book(target: Path) -> Path:
    """A fresh copy of the test book at ``target``."""
    shutil.copytree(ROOT, target, ignore=shutil.ignore_patterns("__pycache__", "_build"))
    return target


def built(edition: str, tmp_path_factory) -> Path:
    """The HTML of one edition ("html" or "student") of the test book, built once per process."""
    if edition not in _BUILT:
        source = copy_book(tmp_path_factory.mktemp(f"widgets-{edition}") / "src")
        _BUILT[edition] = build(source, tags=["student"] if edition == "student" else [], outdir=edition)
    return _BUILT[edition]


@pytest.fixture
def site(declared, tmp_path_factory) -> Path:
    """The full edition of the test book (built once per process)."""
    return built("html", tmp_path_factory)


@pytest.fixture
def student_site(declared, tmp_path_factory) -> Path:
    """The student edition of the test book (built once per process)."""
    return built("student", tmp_path_factory)


def page(out: Path, name: str = "chapter") -> str:
    return (out / f"{name}.html").read_text(encoding="utf-8")


def text(markup: str) -> str:
    """The visible words of some HTML, with single spaces."""
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", markup)).split())


def element(markup: str, tag: str, css_class: str | None = None, *, id: str | None = None) -> str:
    """The first element <tag class="... css_class ..."> (or <tag ... id="id">) with everything inside it.

    Nested elements of the same tag are counted, so a <div> holding <div>s is returned whole.
    """
    if id is not None:
        opening = re.compile(rf'<{tag}\b[^>]*\bid="{re.escape(id)}"[^>]*>')
    else:
        opening = re.compile(rf'<{tag}\b[^>]*\bclass="(?:[^"]*\s)?{re.escape(css_class)}(?:\s[^"]*)?"[^>]*>')
    found = opening.search(markup)
    assert found, f'no <{tag} class="{css_class}" id="{id}"> in the page'
    depth = 0
    for match in re.finditer(rf"<(/?){tag}\b[^>]*>", markup[found.start():]):
        depth += -1 if match.group(1) else 1
        if depth == 0:
            return markup[found.start():found.start() + match.end()]
    raise AssertionError(f"<{tag}> {found.group(0)} is not closed")


def json_script(markup: str, pattern: str) -> object:
    """The JSON inside the first <script ...> whose opening tag matches ``pattern``."""
    found = re.search(rf"<script[^>]*{pattern}[^>]*>(.*?)</script>", markup, re.S)
    assert found, f"no <script> matching {pattern!r}"
    return json.loads(found.group(1))


def deferred_script(markup: str, name: str) -> bool:
    """Whether the page loads _static/<name> with a deferred <script>."""
    tags = re.findall(r"<script\b[^>]*>", markup)
    return any(re.search(rf'\bsrc="_static/{re.escape(name)}(?:\?[^"]*)?"', tag) and "defer" in tag for tag in tags)


def stylesheet(markup: str, name: str) -> bool:
    """Whether the page links _static/<name>."""
    return bool(re.search(rf'<link\b[^>]*\bhref="_static/{re.escape(name)}(?:\?[^"]*)?"', markup))
