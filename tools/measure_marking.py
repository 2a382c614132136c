"""Time `make mark` on 30 submissions of one chapter (the figure in the README), with the machine and its load.

    python -m tools.measure_marking [--chapter berlin] [--count 30] [--repeat 3]

The submissions are the chapter's workbook (from tools/workbooks.py) in three states, in turn: solved with the
chapter's own solutions, one answer wrong, and untouched.  Each run marks them into a temporary folder with the
default limits; the script prints the median wall time, the time per submission, and the machine.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import statistics
import tempfile
import time
from pathlib import Path

import nbformat

from tools import mark, workbooks


def solved(page: str) -> nbformat.NotebookNode:
    """The workbook with each starter cell replaced by the chapter's own solution cell."""
    full = workbooks.notebook(page, solutions=True)
    solutions, current = {}, None
    for cell in full.cells:
        if cell.cell_type == "markdown":
            start = re.search(r"\{solution-start\}\s*(\S+)", cell.source)
            current = start.group(1) if start else (None if "{solution-end}" in cell.source else current)
        elif current and current not in solutions:
            solutions[current] = cell.source
    book, previous = workbooks.workbook(page), None
    for cell in book.cells:
        if cell.cell_type == "code":
            check = re.match(r'check\("([a-z0-9-]+)"', cell.source.strip())
            if check and previous is not None and check.group(1) in solutions:
                previous.source = solutions[check.group(1)]
            previous = cell
    return book


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--chapter", default="berlin")
    parser.add_argument("--count", type=int, default=30)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    right = solved(args.chapter)
    wrong = nbformat.from_dict(json.loads(json.dumps(right)))
    code = [cell for cell in wrong.cells if cell.cell_type == "code"]
    code[2].source = "# answer removed\n"
    untouched = workbooks.workbook(args.chapter)
    times = []
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "handed-in"
        folder.mkdir()
        for index in range(args.count):
            nbformat.write((right, wrong, untouched)[index % 3], folder / f"student-{index:02d}.ipynb")
        for run in range(args.repeat):
            started = time.perf_counter()
            report = mark.mark_folder(folder, Path(tmp) / f"out-{run}", args.chapter)
            times.append(time.perf_counter() - started)
            assert report["marked"] == args.count, report
    load = os.getloadavg()
    median = statistics.median(times)
    print(f"marked {args.count} submissions of {args.chapter}: median {median:.2f} s of {args.repeat} runs "
          f"({median / args.count * 1000:.0f} ms each; runs: {', '.join(f'{t:.2f}' for t in times)})")
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, "
          f"{time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}, load average {load[0]:.2f} {load[1]:.2f} {load[2]:.2f}")


if __name__ == "__main__":
    main()
