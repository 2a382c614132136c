"""For teachers (the page side): the print style, "Download my work" on chapter pages, the class overview.

- ``print.css`` (media print) on every page, so a page prints cleanly from the browser's Print command;
- ``mywork.js`` on every page that has exercises (it uses ``window.BookStore`` of ``store.js``);
- ``overview.js`` on the page ``class-overview``;
- the book's version (``exercises.__version__``) in a ``<meta name="ttb-book-version">`` of every page, for the
  record that "Download my work" writes and the marker reads.
"""

from __future__ import annotations

import json
from pathlib import Path

import exercises


def _exercise_index(book: Path) -> str:
    """Every exercise's chapter page and order, for the class overview's links (JSON in a data block, never run)."""
    from exercises import _book

    order = {page: index for index, page in enumerate(_book.chapters(book))}
    ids = sorted(exercises.ids(), key=lambda i: (order.get(exercises.chapter_of(i), 99), i))
    data = {i: {"chapter": exercises.chapter_of(i), "page": f"{exercises.chapter_of(i)}.html", "order": n} for n, i in enumerate(ids)}
    text = json.dumps(data).replace("<", "\\u003c")
    return f'<script type="application/json" id="ttb-exercises">{text}</script>'


def _ships(app, name: str) -> bool:
    """Whether the book's static files (``html_static_path``, relative to the confdir) include ``name``."""
    return any((Path(app.confdir) / folder / name).exists() for folder in app.config.html_static_path)


def _page(app, pagename, templatename, context, doctree) -> None:
    context["metatags"] = context.get("metatags", "") + f'\n<meta name="ttb-book-version" content="{exercises.__version__}">'
    body = context.get("body", "")
    if 'class="exercise' in body and _ships(app, "mywork.js"):
        app.add_js_file("mywork.js", loading_method="defer")
        app.add_css_file("mywork.css")
    if pagename == "class-overview" and _ships(app, "overview.js"):
        context["body"] = body + _exercise_index(Path(app.srcdir))
        app.add_js_file("overview.js", loading_method="defer")
        app.add_css_file("overview.css")


def setup(app):
    app.add_css_file("print.css", media="print")
    app.connect("html-page-context", _page, priority=400)  # before book_html replaces the list of scripts
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True}
