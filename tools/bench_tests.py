"""Test-suite speed: `make test` of a git commit against the working tree, measured in one run (`make bench-tests`).

Both are measured the same way, one after the other, on this machine:

1. a temporary clone of the repository at the commit (``--base``, default HEAD), and a temporary copy of the
   working tree (every tracked and untracked, not ignored, file as it is now, committed or not);
2. in each, the set-up that `make test` would do first, not timed: ``make venv runtime browser`` (its own .venv
   from the pins, the pinned npm packages), so that the timed part is the tests themselves;
3. then ``make test``, timed, with a fresh build folder (the execution cache starts empty, as in CI).

It prints the machine, the date, the load average around each run, both times and their ratio (working tree /
commit), and whether each run passed.  The load average matters: on a shared machine, run it when it is quiet.

    python tools/bench_tests.py [--base COMMIT] [--rounds N] [--json out.json] [--keep] [--target test]
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DROP_ENV = {"VIRTUAL_ENV", "PYTHONPATH", "BUILDDIR", "MAKEFLAGS", "MAKELEVEL", "MFLAGS", "TEST_JOBS"}


def git(*args: str, cwd: Path = ROOT) -> str:
    return subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True, text=True).stdout.strip()


def clone_at(commit: str, target: Path) -> None:
    subprocess.run(["git", "clone", "--quiet", "--no-local", str(ROOT), str(target)], check=True)
    git("checkout", "--quiet", "--detach", commit, cwd=target)


def copy_working_tree(target: Path) -> None:
    """Every tracked and untracked (not ignored) file of the working tree, as it is on disk now."""
    names = git("ls-files", "-z", "--cached", "--others", "--exclude-standard").split("\0")
    for name in filter(None, names):
        source = ROOT / name
        if source.is_file() or source.is_symlink():
            (target / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target / name, follow_symlinks=False)


def machine() -> dict:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    memory = ""
    try:
        kib = int(Path("/proc/meminfo").read_text().split()[1])
        memory = f"{kib / 1024 / 1024:.0f} GB"
    except (OSError, ValueError, IndexError):
        pass
    return {"cpu": cpu, "cores": os.cpu_count(), "memory": memory, "system": platform.platform(),
            "python": platform.python_version()}


def load() -> str:
    return " ".join(f"{value:.2f}" for value in os.getloadavg())


def run(tree: Path, target: str, log: Path) -> tuple[int, float]:
    env = {key: value for key, value in os.environ.items() if key not in DROP_ENV}
    start = time.perf_counter()
    with log.open("a", encoding="utf-8") as out:
        out.write(f"\n$ make {target}\n")
        out.flush()
        done = subprocess.run(["make", "--no-print-directory", *target.split()], cwd=tree, env=env,
                              stdout=out, stderr=subprocess.STDOUT)
    return done.returncode, time.perf_counter() - start


def measure(name: str, tree: Path, logs: Path, target: str = "test") -> dict:
    log = logs / f"{name}.log"
    code, setup = run(tree, "venv runtime browser", log)
    if code != 0:
        sys.exit(f"{name}: the set-up failed; see {log}")
    before = load()
    code, seconds = run(tree, target, log)
    return {"seconds": round(seconds, 1), "passed": code == 0, "setup_seconds": round(setup, 1),
            "load_before": before, "load_after": load(), "log": str(log)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--base", default="HEAD", help="the commit to compare with (default HEAD)")
    parser.add_argument("--rounds", type=int, default=1, help="measure each this many times, alternating")
    parser.add_argument("--json", type=Path, help="also write the figures here")
    parser.add_argument("--keep", action="store_true", help="keep the temporary clones and logs")
    parser.add_argument("--target", default="test", help="the make target to time (default test; e.g. help, for a dry run of the script)")
    args = parser.parse_args()

    commit = git("rev-parse", args.base)
    work = Path(tempfile.mkdtemp(prefix="bench-tests-"))
    shared = ROOT.parent / "shared"
    if shared.is_dir():  # what the tests read beside the repository (tests/test_factcheck.py: ../shared/seed)
        (work / "shared").symlink_to(shared)
    logs = work / "logs"
    logs.mkdir()
    base, tree = work / "base", work / "tree"
    clone_at(commit, base)
    tree.mkdir()
    copy_working_tree(tree)
    started = datetime.datetime.now(datetime.timezone.utc)
    results = {"base": [], "tree": []}
    try:
        for _ in range(args.rounds):
            for name, folder in (("base", base), ("tree", tree)):
                shutil.rmtree(folder / "_build", ignore_errors=True)
                results[name].append(measure(name, folder, logs, args.target))
                print(f"{name}: {results[name][-1]}", flush=True)
    finally:
        if not args.keep:
            shutil.rmtree(base, ignore_errors=True)
            shutil.rmtree(tree, ignore_errors=True)

    best = {name: min(run["seconds"] for run in runs) for name, runs in results.items()}
    report = {
        "date": started.strftime("%Y-%m-%d %H:%M UTC"),
        "machine": machine(),
        "base": {"commit": commit, "runs": results["base"]},
        "tree": {"dirty": bool(git("status", "--porcelain")), "runs": results["tree"]},
        "ratio": round(best["tree"] / best["base"], 2) if best["base"] else None,
    }
    m = report["machine"]
    print(f"\nmake {args.target}, {report['date']}, {m['cpu']} ({m['cores']} cores, {m['memory']}), {m['system']}, Python {m['python']}")
    for name, label in (("base", f"commit {commit[:10]}"), ("tree", "working tree")):
        for run_ in results[name]:
            status = "passed" if run_["passed"] else "FAILED"
            print(f"  {label:18} {run_['seconds']:7.1f} s  {status}  (load average before {run_['load_before']}, after {run_['load_after']})")
    print(f"  ratio (working tree / commit, best of {args.rounds}): {report['ratio']}")
    if args.keep:
        print(f"  clones and logs kept in {work}")
    else:
        print(f"  logs in {logs}")
    if args.json:
        args.json.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
