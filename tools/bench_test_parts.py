"""Test-suite speed, part by part: chosen test files of a git commit against the working tree, in one run.

`tools/bench_tests.py` times the whole `make test` in fresh clones; this times single parts, quickly, on this
machine's existing set-up:

1. the commit (``--base``) and the working tree (tracked and untracked, not ignored, files) are copied into two
   temporary folders (`git archive`, no change to the repository), each sharing this tree's .venv, node_modules
   and tests/browser/node_modules through symbolic links;
2. each part runs in the commit's copy, then at once in the working tree's copy, serially (``-n 0``) and niced,
   with this tree's built book (``BUILDDIR``, ``REUSE_BUILD=1``: no part builds the book; run `make html
   html-student` first);
3. it prints the machine, the date, for each part both times, the load average around each, whether it passed,
   and the ratio (working tree / commit).

    python tools/bench_test_parts.py --base COMMIT [--json out.json] "tests/browser/test_pages.py" "tests/x.py -k y"

Each part is one argument: the pytest arguments of that part, as a shell would split them.
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import platform
import shlex
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = (".venv", "node_modules", "tests/browser/node_modules")


def snapshot(commit: str | None, target: Path) -> None:
    """The commit's files, or (None) the working tree's tracked and untracked, not ignored, files."""
    target.mkdir(parents=True)
    if commit:
        archive = subprocess.run(["git", "archive", commit], cwd=ROOT, check=True, capture_output=True).stdout
        subprocess.run(["tar", "-x", "-C", str(target)], input=archive, check=True)
    else:
        names = subprocess.run(["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"], cwd=ROOT,
                               check=True, capture_output=True).stdout.decode().split("\0")
        packed = subprocess.run(["tar", "-c", "--null", "-T", "-", "-f", "-"], cwd=ROOT, check=True, capture_output=True,
                                input="\0".join(n for n in names if n and (ROOT / n).is_file()).encode()).stdout
        subprocess.run(["tar", "-x", "-C", str(target)], input=packed, check=True)
    for name in SHARED:
        if (ROOT / name).exists() and not (target / name).exists():
            (target / name).parent.mkdir(parents=True, exist_ok=True)
            (target / name).symlink_to(ROOT / name)


def run(tree: Path, part: str) -> dict:
    env = {key: value for key, value in os.environ.items() if key not in {"VIRTUAL_ENV", "PYTHONPATH", "MAKEFLAGS"}}
    # The copy's own `exercises` first (the shared .venv's editable install points at this tree).
    env.update(PYTHONPATH=str(tree), REUSE_BUILD="1", BUILDDIR=os.environ.get("BUILDDIR", str(ROOT / "_build")))
    command = ["nice", "-n", "10", str(ROOT / ".venv" / "bin" / "python"), "-m", "pytest", *shlex.split(part),
               "-q", "-p", "no:cacheprovider", "-n", "0"]
    load = os.getloadavg()[0]
    start = time.perf_counter()
    done = subprocess.run(command, cwd=tree, env=env, capture_output=True, text=True)
    seconds = time.perf_counter() - start
    return {"seconds": round(seconds, 1), "load": [round(load, 2), round(os.getloadavg()[0], 2)],
            "passed": done.returncode == 0, "summary": (done.stdout + done.stderr).strip().splitlines()[-1:]}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("parts", nargs="+", help='pytest arguments of one part, e.g. "tests/test_plainmd.py"')
    parser.add_argument("--base", required=True, help="the commit to compare with")
    parser.add_argument("--json", type=Path, help="also write the figures here")
    args = parser.parse_args(argv)
    report = {"date": datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
              "machine": f"{os.cpu_count()} cores, {platform.platform()}, Python {platform.python_version()}",
              "base": args.base, "parts": {}}
    with tempfile.TemporaryDirectory(prefix="bench-parts-") as tmp:
        base, new = Path(tmp) / "base", Path(tmp) / "new"
        snapshot(args.base, base)
        snapshot(None, new)
        for part in args.parts:
            before, after = run(base, part), run(new, part)
            ratio = round(after["seconds"] / before["seconds"], 2) if before["seconds"] else None
            report["parts"][part] = {"base": before, "working tree": after, "ratio": ratio}
            print(f"{part}: {before['seconds']} s (load {before['load'][0]}-{before['load'][1]}, "
                  f"{'passed' if before['passed'] else 'FAILED'}) -> {after['seconds']} s (load {after['load'][0]}-"
                  f"{after['load'][1]}, {'passed' if after['passed'] else 'FAILED'}), ratio {ratio}", flush=True)
    print(f"{report['date']}, {report['machine']}, base {args.base}")
    if args.json:
        args.json.write_text(json.dumps(report, indent=1), encoding="utf-8")
    return 0 if all(row["working tree"]["passed"] for row in report["parts"].values()) else 1


if __name__ == "__main__":
    sys.exit(main())
