"""For teachers (the page side): the print style, "Download my work" on chapter pages, the class overview.

- ``print.css`` (media print) on every page, so a page prints cleanly from the browser's Print command;
- ``mywork.js`` on every page that has exercises (it uses ``window.BookStore`` of ``store.js``);
- ``overview.js`` on the page ``class-overview``;
- the book's version (``exercises.__version__``) in a ``<meta name="ttb-book-version">`` of every page, for the
  record that "Download my work" writes and the marker reads.
"""

from __future__ import annotations

from pathlib import Path

import exercises


def _page(app, pagename, templatename, context, doctree) -> None:
    context["metatags"] = context.get("metatags", "") + f'\n<meta name="ttb-book-version" content="{exercises.__version__}">'
    static = Path(app.srcdir) / "_static"
    body = context.get("body", "")
    if 'class="exercise' in body and (static / "mywork.js").exists():
        app.add_js_file("mywork.js", defer="defer")
    if pagename == "class-overview" and (static / "overview.js").exists():
        app.add_js_file("overview.js", defer="defer")


def setup(app):
    app.add_css_file("print.css", media="print")
    app.connect("html-page-context", _page)
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True}
