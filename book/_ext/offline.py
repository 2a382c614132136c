"""The book works offline after one visit: a service worker with a cache versioned by the build.

After every HTML build this writes ``sw.js`` into the site's root (from ``offline-sw.js`` beside
this file): the list of the book's files (every page, the search index, scripts, styles,
pictures, the Python runtime in ``_static/pyodide/`` and the exercises wheel) and a version, the
sha256 of their names and contents.  ``_static/offline.js`` (on every page) registers it once the
page has loaded.  The worker keeps a copy of those files in a cache named for the version and
answers the book's requests from it; a rebuild that changes any file changes the version, so the
browser installs the new copy and deletes the old one.

Left out: ``_sources/`` (the pages' MyST text), source maps, the theme's translations
(``_static/locales/``), ``objects.inv`` and ``.buildinfo``: no page of the book loads them.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from sphinx.application import Sphinx

TEMPLATE = Path(__file__).with_name("offline-sw.js")
SKIP_DIRS = {"_sources", "locales", ".doctrees"}
SKIP_NAMES = {"sw.js", ".buildinfo", "objects.inv", ".nojekyll"}
SKIP_SUFFIXES = (".map", ".LICENSE.txt", ".bak")


def book_files(outdir: Path) -> list[str]:
    """The files of the built book that its pages can load, relative to the root, sorted."""
    files = []
    for path in outdir.rglob("*"):
        if not path.is_file():
            continue
        relative = path.relative_to(outdir)
        if SKIP_DIRS.intersection(relative.parts) or path.name in SKIP_NAMES or path.name.endswith(SKIP_SUFFIXES):
            continue
        if path.name.startswith("."):
            continue
        files.append(relative.as_posix())
    return sorted(files)


def service_worker(outdir: Path) -> str:
    files = book_files(outdir)
    digest = hashlib.sha256()
    for name in files:
        digest.update(name.encode() + b"\0")
        digest.update(hashlib.sha256((outdir / name).read_bytes()).digest())
    digest.update(TEMPLATE.read_bytes())
    return TEMPLATE.read_text(encoding="utf-8").replace("__VERSION__", digest.hexdigest()[:16]).replace(
        "__FILES__", json.dumps(files, indent=0)
    )


def _write_service_worker(app: Sphinx, exception) -> None:
    if exception is not None or app.builder.format != "html":
        return
    outdir = Path(app.outdir)
    text = service_worker(outdir)
    target = outdir / "sw.js"
    if not target.exists() or target.read_text(encoding="utf-8") != text:
        target.write_text(text, encoding="utf-8")


def setup(app: Sphinx) -> dict:
    app.add_js_file("offline.js", loading_method="defer", priority=450)
    # Last of all (after the runtime is copied and csp.py wrote its tags): the version is of the files as served.
    app.connect("build-finished", _write_service_worker, priority=950)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
