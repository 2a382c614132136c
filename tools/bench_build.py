"""Build speed, measured in one run on a copy of the sources (run by `make bench`; never edits the real chapters).

On a temporary copy of the repository (without .venv, builds and .git; node_modules is linked), with fresh build
folders, it times `make html` (the Makefile's own options, using this repository's .venv):

1. cold, parallel: a fresh build folder, SPHINXOPTS with -j auto (shown for comparison only: the Makefile builds
   serially, because jupyter-cache is not safe when two workers execute chapters at once; see the Makefile);
2. cold: a fresh build folder, as `make html` runs it (serial);
3. no-op: the same build again, nothing changed (the Makefile sees that and skips Sphinx);
   and again with FORCE=1, so Sphinx itself runs and finds nothing to do (shown, not a goal);
4. prose edit: one sentence added to the prose of one chapter;
5. code edit: one code cell added at the end of the same chapter;

and counts the notebooks each build executed (myst-nb logs "<path>/<chapter>.md: Executed notebook in N seconds").

Goals: no-op executes 0 notebooks and takes at most 10 % of the cold build; a prose edit executes 0 notebooks;
a code edit executes 1.

    python tools/bench_build.py [--chapter berlin] [--json out.json]
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import platform
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VENV = ROOT / ".venv"
SKIP = {".git", ".venv", "_build", "build", "dist", "node_modules", "workbooks", ".pytest_cache", "__pycache__"}
NODE_MODULES = ["node_modules", "tests/browser/node_modules"]  # npm packages the build may use, linked into the copy
EXECUTED = re.compile(r"^(?:\S*/)?([^/\s]+)\.(?:md|ipynb): Executed notebook in ([0-9.]+) seconds", re.M)


def copy_sources(target: Path) -> Path:
    def ignore(folder, names):
        return [name for name in names if name in SKIP or name.endswith(".egg-info")]

    shutil.copytree(ROOT, target, ignore=ignore, symlinks=True)
    for modules in NODE_MODULES:
        if (ROOT / modules).exists() and (target / modules).parent.exists():
            (target / modules).symlink_to((ROOT / modules).resolve())
    return target


def make_html(copy: Path, builddir: Path, sphinxopts: str | None = None, *extra: str) -> dict:
    """Run `make html` in the copy with this repository's .venv (marked up to date, so nothing is installed)."""
    command = ["make", "--no-print-directory", "-C", str(copy), "html", f"VENV={VENV}", f"BUILDDIR={builddir}"]
    # -o: treat the stamps as up to date (names as the Makefile writes them), so make neither installs nor runs npm.
    stamps = [VENV / ".installed", *(Path(modules) / stamp.name for modules in NODE_MODULES for stamp in (copy / modules).glob(".*installed"))]
    for stamp in stamps:
        command += ["-o", str(stamp)]
    if sphinxopts is not None:
        command.append(f"SPHINXOPTS={sphinxopts}")
    command += extra
    env = {**os.environ, "PYTHONPATH": str(copy)}  # the kernels import the copy's exercises package
    start = time.perf_counter()
    done = subprocess.run(command, cwd=copy, capture_output=True, text=True, env=env)
    seconds = time.perf_counter() - start
    if done.returncode != 0:
        sys.exit(f"make html failed in {copy}:\n{done.stdout[-3000:]}\n{done.stderr[-5000:]}")
    executed = EXECUTED.findall(done.stdout + done.stderr)
    return {"seconds": round(seconds, 1), "executed": len(executed), "chapters": [name for name, _ in executed]}


def makefile_sphinxopts(copy: Path) -> str:
    done = subprocess.run(
        ["make", "--no-print-directory", "-C", str(copy), "-pn", "help"], capture_output=True, text=True, check=False
    )
    found = re.search(r"^SPHINXOPTS :?\??= (.*)$", done.stdout, re.M)
    return found.group(1).strip() if found else "-nW --keep-going"


def parallel(options: str) -> str:
    options = re.sub(r"\s*-j\s*\S+", "", options)
    return f"{options} -j auto".strip()


def edit_prose(chapter: Path) -> None:
    """Add one sentence to the first paragraph line after the title (prose only, no code cell touched)."""
    lines = chapter.read_text(encoding="utf-8").splitlines(keepends=True)
    in_fence = False
    seen_title = False
    for index, line in enumerate(lines):
        if line.lstrip().startswith("```"):
            in_fence = not in_fence
        elif not in_fence and line.startswith("# "):
            seen_title = True
        elif seen_title and not in_fence and line[:1].isalpha():
            lines[index] = line.rstrip("\n") + " This sentence was added by the build benchmark.\n"
            break
    else:
        raise SystemExit(f"no prose line found in {chapter}")
    chapter.write_text("".join(lines), encoding="utf-8")


def edit_code(chapter: Path) -> None:
    """Add one code cell at the end of the chapter (the other cells stay exactly as the chapter's checks expect)."""
    text = chapter.read_text(encoding="utf-8").rstrip("\n")
    chapter.write_text(text + "\n\n```{code-cell} ipython3\n_benchmark_edit = 1\n```\n", encoding="utf-8")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--chapter", default="berlin", help="the chapter to edit (in the copy)")
    parser.add_argument("--json", type=Path, default=None, help="also write the figures here")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="bench-build-") as tmp:
        tmp = Path(tmp)
        copy = copy_sources(tmp / "src")
        chapter = copy / "book" / f"{args.chapter}.md"
        options = makefile_sphinxopts(copy)
        results = {}
        print(f"sources copied to {copy}; make html SPHINXOPTS='{options}'", flush=True)
        print("cold build, parallel (-j auto; for comparison) ...", flush=True)
        results["cold_parallel"] = make_html(copy, tmp / "parallel", parallel(options))
        print("cold build ...", flush=True)
        results["cold"] = make_html(copy, tmp / "build")
        print("no-op rebuild ...", flush=True)
        results["noop"] = make_html(copy, tmp / "build")
        print("no-op rebuild with FORCE=1 (Sphinx runs and finds nothing to do) ...", flush=True)
        results["noop_sphinx"] = make_html(copy, tmp / "build", None, "FORCE=1")
        print(f"prose edit of {args.chapter} ...", flush=True)
        edit_prose(chapter)
        results["prose_edit"] = make_html(copy, tmp / "build")
        print(f"code edit of {args.chapter} ...", flush=True)
        edit_code(chapter)
        results["code_edit"] = make_html(copy, tmp / "build")

    cold = results["cold"]["seconds"]
    checks = {
        "no-op executes 0 notebooks": results["noop"]["executed"] == 0,
        "no-op <= 10% of cold": results["noop"]["seconds"] <= 0.10 * cold,
        "prose edit executes 0 notebooks": results["prose_edit"]["executed"] == 0,
        "code edit executes 1 notebook": results["code_edit"]["executed"] == 1,
    }
    load = os.getloadavg()[1]  # other work on the machine makes the parallel build look worse than it is
    machine = f"{os.cpu_count()} cores, {platform.machine()}, Python {platform.python_version()}, load average {load:.1f}"
    when = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    print(f"\nBuild speed ({machine}; {when}; SPHINXOPTS='{options}')")
    print(f"{'build':<14}{'seconds':>9}{'executed':>10}  vs cold")
    for name, result in results.items():
        print(f"{name:<14}{result['seconds']:>9.1f}{result['executed']:>10}  {result['seconds'] / cold:>6.2f}x")
    for goal, met in checks.items():
        print(f"{'met    ' if met else 'NOT MET'} {goal}")
    if args.json:
        args.json.write_text(
            json.dumps({"machine": machine, "date": when, "sphinxopts": options, "results": results, "goals": checks}, indent=1),
            encoding="utf-8",
        )
    return 0 if all(checks.values()) else 1


if __name__ == "__main__":
    sys.exit(main())
