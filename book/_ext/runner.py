"""Run and check the chapters' code cells in the page.

Every page gets ``_static/store.js`` (``window.BookStore``: the one module that keeps what the
book saves in the browser, under the ``ttb:`` prefix of localStorage).
On every chapter page (a page with notebook code cells) this adds ``_static/runner.js``,
which turns the cells into editors with Run and Check buttons and runs them in a
Web Worker with Pyodide.  The extension puts into the HTML output what that needs,
so the page loads everything from the book's own site and nothing from elsewhere:

* ``_static/pyodide/``: the core of the pinned ``pyodide`` npm package
  (installed by ``make runtime`` into ``node_modules/``, from package-lock.json);
* ``_static/wheels/<hash>/thaw_to_brink_exercises-<version>-py3-none-any.whl``:
  the ``exercises`` package with its data tables, built here as a pure-Python wheel
  (the hash of its sources names the folder, so a browser never keeps a stale copy),
  and ``_static/wheels/index.json`` naming it.  The worker reads index.json (revalidated
  each time Python starts), so pages that an incremental build did not rewrite still
  load the current wheel.

The worker loads the wheel with ``pyodide.loadPackage(url)``: the in-page check is the
code that pytest tests.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.errors import ExtensionError
from sphinx.util import logging

logger = logging.getLogger(__name__)

ROOT = Path(__file__).resolve().parents[2]
PYODIDE = ROOT / "node_modules" / "pyodide"
# The core of Pyodide: enough for loadPyodide({indexURL}) and a pure-Python wheel.
PYODIDE_CORE = ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", "python_stdlib.zip", "pyodide-lock.json")
# Seconds a cell may run in the page before its worker is ended (the check's own limit is 3).
TIME_LIMIT = 6
# The code editor: CodeMirror 6 from npm (pinned in package.json and package-lock.json), bundled
# with the pinned esbuild into _static/editor.js; runner.js loads it when the reader first
# points at or focuses a cell (until then, and without it, each cell is a plain textarea).
EDITOR_ENTRY = Path(__file__).with_name("editor.mjs")
ESBUILD = ROOT / "node_modules" / ".bin" / "esbuild"


def _pinned_version() -> str:
    lock = json.loads((ROOT / "package-lock.json").read_text(encoding="utf-8"))
    return lock["packages"]["node_modules/pyodide"]["version"]


def _check_runtime() -> None:
    wanted = _pinned_version()
    manifest = PYODIDE / "package.json"
    if not manifest.exists():
        raise ExtensionError(f"The in-page Python runtime is not installed: run `make runtime` (npm ci) first. ({PYODIDE} is missing)")
    found = json.loads(manifest.read_text(encoding="utf-8"))["version"]
    if found != wanted:
        raise ExtensionError(f"node_modules has pyodide {found}, package-lock.json pins {wanted}: run `make runtime`.")
    missing = [name for name in PYODIDE_CORE if not (PYODIDE / name).exists()]
    if missing:
        raise ExtensionError(f"The pyodide package lacks {', '.join(missing)}: run `make runtime`.")
    if not ESBUILD.exists() or not (ROOT / "node_modules" / "@codemirror" / "view").exists():
        raise ExtensionError("The code editor (CodeMirror) or esbuild is not installed: run `make runtime` (npm ci).")


def _bundle_editor(static: Path) -> Path:
    """Bundle CodeMirror (book/_ext/editor.mjs) into ``static/editor.js``, unless the bundle is of the same inputs."""
    digest = hashlib.sha256(EDITOR_ENTRY.read_bytes() + (ROOT / "package-lock.json").read_bytes()).hexdigest()[:16]
    stamp = (
        f"/* editor.js {digest}: CodeMirror 6 (MIT licence, codemirror.net) and Lezer, from npm as pinned in "
        "package-lock.json, bundled by book/_ext/runner.py with esbuild. */\n"
    )
    target = static / "editor.js"
    if target.exists() and target.read_text(encoding="utf-8").startswith(stamp):
        return target
    static.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="runner-editor-") as tmp:
        out = Path(tmp) / "editor.js"
        done = subprocess.run(
            [str(ESBUILD), str(EDITOR_ENTRY), "--bundle", "--format=iife", "--minify", "--target=es2020",
             "--legal-comments=none", "--log-level=error", f"--outfile={out}"],
            capture_output=True, text=True, cwd=ROOT,
        )
        if done.returncode != 0:
            raise ExtensionError(f"Bundling the code editor failed:\n{done.stdout[-2000:]}{done.stderr[-4000:]}")
        target.write_text(stamp + out.read_text(encoding="utf-8"), encoding="utf-8")
    return target


def _wheel_sources() -> list[Path]:
    files = [ROOT / "pyproject.toml", ROOT / "README.md"]
    files += sorted(
        path
        for path in (ROOT / "exercises").rglob("*")
        if path.is_file() and "__pycache__" not in path.parts and path.suffix in {".py", ".csv", ".toml", ".json"}
    )
    return files


def _seal(package: Path) -> None:
    """The student edition's chapter modules: sealed stubs, with no answer a student can read (exercises._sealed)."""
    from exercises._sealed import write_sealed

    write_sealed(package)


def _build_wheel(target: Path, student: bool = False) -> Path:
    """Build the exercises wheel into ``target/<hash>/`` from a copy of the sources (the tree stays clean)."""
    sources = _wheel_sources()
    digest = hashlib.sha256(b"student" if student else b"full")
    for path in sources:
        digest.update(str(path.relative_to(ROOT)).encode())
        digest.update(path.read_bytes())
    folder = target / digest.hexdigest()[:12]
    existing = sorted(folder.glob("*.whl"))
    if existing:
        return existing[0]
    with tempfile.TemporaryDirectory(prefix="runner-wheel-") as tmp:
        copy = Path(tmp) / "src"
        for path in sources:
            dest = copy / path.relative_to(ROOT)
            dest.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(path, dest)
        if student:
            _seal(copy / "exercises")
        done = subprocess.run(
            [sys.executable, "-m", "pip", "wheel", "--quiet", "--disable-pip-version-check",
             "--no-deps", "--no-build-isolation", "-w", str(Path(tmp) / "dist"), str(copy)],
            capture_output=True,
            text=True,
        )
        if done.returncode != 0:
            raise ExtensionError(f"Building the exercises wheel failed:\n{done.stdout[-2000:]}{done.stderr[-4000:]}")
        wheels = sorted((Path(tmp) / "dist").glob("*-py3-none-any.whl"))
        if len(wheels) != 1:
            raise ExtensionError(f"Expected one pure-Python wheel, got {[w.name for w in wheels]}")
        if target.exists():
            shutil.rmtree(target)  # older wheels
        folder.mkdir(parents=True)
        return Path(shutil.copy2(wheels[0], folder / wheels[0].name))


def _write_index(wheel: Path, target: Path) -> None:
    index = {"wheel": wheel.relative_to(target).as_posix(), "pyodide": _pinned_version()}
    (target / "index.json").write_text(json.dumps(index) + "\n", encoding="utf-8")


def _builder_inited(app: Sphinx) -> None:
    app.runner_wheel = None  # type: ignore[attr-defined]
    if app.builder.format != "html":
        return
    _check_runtime()
    target = Path(app.outdir) / "_static" / "wheels"
    wheel = _build_wheel(target, student=app.tags.has("student"))
    _write_index(wheel, target)
    app.runner_wheel = wheel.relative_to(target).as_posix()  # type: ignore[attr-defined]
    _bundle_editor(Path(app.outdir) / "_static")
    logger.info(f"runner: pyodide {_pinned_version()}, wheel {app.runner_wheel}")


def _has_cells(doctree) -> bool:
    for node in doctree.findall(nodes.container):
        if "cell" in node.get("classes", []):
            return True
    return False


def _page_context(app: Sphinx, pagename: str, templatename: str, context: dict, doctree) -> None:
    if doctree is None or not getattr(app, "runner_wheel", None) or not _has_cells(doctree):
        return
    app.add_css_file("runner.css")
    app.add_js_file(
        "runner.js",
        loading_method="defer",
        **{"data-time-limit": str(TIME_LIMIT)},
    )


def _copy_runtime(app: Sphinx, exception) -> None:
    if exception is not None or app.builder.format != "html":
        return
    target = Path(app.outdir) / "_static" / "pyodide"
    target.mkdir(parents=True, exist_ok=True)
    for name in PYODIDE_CORE:
        source = PYODIDE / name
        dest = target / name
        if not dest.exists() or dest.stat().st_size != source.stat().st_size or dest.stat().st_mtime < source.stat().st_mtime:
            shutil.copy2(source, dest)
    # The runtime's licence travels with it.
    notice = target / "NOTICE.txt"
    notice.write_text(
        f"Pyodide {_pinned_version()} (npm package pyodide), Mozilla Public License 2.0; "
        "copied unchanged from node_modules/pyodide by book/_ext/runner.py.\n",
        encoding="utf-8",
    )


def setup(app: Sphinx) -> dict:
    # store.js (window.BookStore) owns everything the book keeps in the browser; every page has it,
    # before runner.js (deferred scripts run in document order, lower priority first).
    app.add_js_file("store.js", loading_method="defer", priority=400)
    # What keeps the page's Python safe and usable: a Content-Security-Policy on every page
    # (book/_ext/csp.py) and reading offline after one visit (book/_ext/offline.py).
    app.setup_extension("csp")
    app.setup_extension("offline")
    app.connect("builder-inited", _builder_inited)
    # Before book_html (priority 500) replaces the page's list of scripts, whatever the order of conf.py's extensions;
    # after teachers (400), so the page lists its scripts as before.
    app.connect("html-page-context", _page_context, priority=450)
    app.connect("build-finished", _copy_runtime)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
