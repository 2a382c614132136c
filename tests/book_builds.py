"""The two builds the tests look at, each made once per test run: the book and the student edition.

- ``$BUILDDIR/html``: the book, built as `make html` builds it (``-E``: every page read again; the execution
  cache is reused while the chapters' code and the ``exercises`` package are unchanged);
- ``$BUILDDIR/student/html``: the student edition, as `make html-student` builds it, after the book, from the
  same execution cache (so it executes nothing).

Run serially (plain ``pytest``), the ``built`` and ``student_built`` fixtures of conftest.py call ``build()``
when a test first needs them.  Run in parallel (``pytest -n auto``, as `make test` does), the main pytest process
starts both builds at once in the background (``start_background``), one after the other, while the workers
run the tests that need no build; a worker that needs a build waits for its result file (``wait``).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BOOK = ROOT / "book"
BUILD = Path(os.environ.get("BUILDDIR", ROOT / "_build"))
HTML = BUILD / "html"
STUDENT = BUILD / "student" / "html"
EDITIONS = ("html", "student")
# Set by the main process for its workers: the folder where the background builds write their results.
RESULTS_ENV = "BOOK_TEST_BUILD_RESULTS"


def command(edition: str) -> list[str]:
    """The sphinx-build command line of an edition, with the Makefile's options."""
    common = [sys.executable, "-m", "sphinx", "-c", str(ROOT), "-nW", "--keep-going", "-E"]  # serial, as the Makefile
    if edition == "html":
        return [*common, "-b", "html", str(BOOK), str(HTML)]
    if edition == "student":
        return [*common, "-t", "student", "-D", f"nb_execution_cache_path={BUILD.resolve() / '.jupyter_cache'}",
                "-b", "html", str(BOOK), str(STUDENT)]
    raise ValueError(edition)


def build(edition: str) -> dict:
    """Build one edition; return its return code, output and error output (the tail)."""
    done = subprocess.run(command(edition), cwd=ROOT, capture_output=True, text=True)
    return {"returncode": done.returncode, "stdout": done.stdout[-20000:], "stderr": done.stderr[-20000:]}


def problems(result: dict) -> str:
    """Why a build is not good enough for the tests (it failed, or it warned), or '' when it is."""
    if result["returncode"] != 0:
        return f"the build failed:\n{result['stdout'][-3000:]}\n{result['stderr'][-6000:]}"
    if "WARNING" in result["stderr"]:
        return f"the build warned:\n{result['stderr'][-6000:]}"
    return ""


def main(results: Path) -> None:
    """Build every edition in order, writing ``<edition>.json`` into ``results`` as each one finishes."""
    results.mkdir(parents=True, exist_ok=True)
    for edition in EDITIONS:
        try:
            result = build(edition)
        except Exception as error:  # noqa: BLE001 - reported to the tests that wait for it
            result = {"returncode": 1, "stdout": "", "stderr": f"the {edition} build could not run: {error!r}"}
        (results / f"{edition}.json.tmp").write_text(json.dumps(result), encoding="utf-8")
        (results / f"{edition}.json.tmp").replace(results / f"{edition}.json")
        if result["returncode"] != 0:
            for later in EDITIONS[EDITIONS.index(edition) + 1:]:
                skipped = {"returncode": 1, "stdout": "", "stderr": f"not built: the {edition} build failed"}
                (results / f"{later}.json").write_text(json.dumps(skipped), encoding="utf-8")
            return


def start_background(results: Path) -> subprocess.Popen:
    results.mkdir(parents=True, exist_ok=True)
    with open(results / "builds.log", "w", encoding="utf-8") as log:  # the child keeps its own copy of the handle
        return subprocess.Popen(
            [sys.executable, str(Path(__file__).resolve()), str(results)],
            cwd=ROOT, stdout=log, stderr=subprocess.STDOUT, start_new_session=True,
        )


def wait(results: Path, edition: str, builder: int | None = None, timeout: float = 3600) -> dict:
    """The result of a background build: wait until its file appears (or the builder process is gone)."""
    path = results / f"{edition}.json"
    deadline = time.monotonic() + timeout
    while not path.exists():
        if time.monotonic() > deadline:
            return {"returncode": 1, "stdout": "", "stderr": f"no result for the {edition} build after {timeout} s"}
        if builder is not None and not _alive(builder) and not path.exists():
            log = (results / "builds.log").read_text(encoding="utf-8", errors="replace")[-3000:]
            return {"returncode": 1, "stdout": "", "stderr": f"the background build stopped early:\n{log}"}
        time.sleep(0.5)
    return json.loads(path.read_text(encoding="utf-8"))


def _alive(pid: int) -> bool:
    """Whether the process runs (a finished child that its parent has not reaped yet counts as gone)."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state not in {"Z", "X"}


if __name__ == "__main__":
    main(Path(sys.argv[1]))
