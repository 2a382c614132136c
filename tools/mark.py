"""Mark a class's handed-in work with the book's own checks, each submission in a sandbox.

    make mark SUBMISSIONS=folder [OUT=marking] [CHAPTER=berlin]
    python -m tools.mark folder [--out marking] [--chapter berlin] [--cell-time 10] [--check-time 3]
                                [--submission-time 60] [--memory 512] [--jobs 2]

A submission is a Jupyter notebook (.ipynb): a workbook from `make workbooks` done in Jupyter, or the file that
"Download my work" gives on a chapter page (the same notebook, with a small record in its metadata, see
README "Handing in work").  Every file in the folder is read; anything else gets a line in the gradebook
saying what is wrong with it, never a traceback.

Writes into the output folder:
    gradebook.csv        one row per student, one column per exercise (passed / failed / not attempted), a total
    feedback/<name>.html one page per student: each check's message (the checks never show the solution)
    summary.html, summary.txt  which exercises most of the class got wrong, and the misconceptions seen most

Each submission runs in its own bubblewrap sandbox (tools/mark_sandbox.py is the harness): see the README,
"Marking safely", for the threat model.  Standard library only, so it runs with any Python 3.11+.
"""

from __future__ import annotations

import argparse
import collections
import concurrent.futures
import csv
import html
import json
import os
import re
import resource
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

import exercises

ROOT = Path(__file__).resolve().parent.parent
HARNESS = Path(__file__).resolve().parent / "mark_sandbox.py"
PACKAGE = Path(exercises.__file__).resolve().parent
BOOK_VERSION = exercises.__version__
RECORD = "thaw_to_brink"  # the key of the "Download my work" record in a notebook's metadata
MAX_BYTES = 5_000_000
CHECK_CELL = re.compile(r'^\s*check\(\s*["\']([a-z0-9-]+)["\']\s*,\s*([A-Za-z_][A-Za-z0-9_]*)\s*\)\s*;?\s*$', re.M)
STATUSES = ("passed", "failed", "not attempted")


@dataclass
class Limits:
    cell_time: float = 10.0  # seconds one cell of student code may run
    check_time: float = 3.0  # seconds one check may run (the book's own limit)
    submission_time: float = 60.0  # seconds one whole submission may take, wall clock
    memory_mb: int = 512  # address space of the sandboxed Python


@dataclass
class Submission:
    path: Path
    student: str
    chapter: str | None = None
    cells: list[str] = field(default_factory=list)
    problem: str | None = None  # why it cannot be marked
    notes: list[str] = field(default_factory=list)
    results: dict[str, tuple[str, str]] = field(default_factory=dict)  # id -> (status, message)
    flags: list[str] = field(default_factory=list)  # what the sandbox stopped, in words
    cell_errors: list[str] = field(default_factory=list)


# --- reading a submission (all of it untrusted) --------------------------------------------------------------


def chapter_exercises(chapter: str) -> dict[str, str]:
    """Exercise id -> the name the student defines, for one chapter, in declaration order."""
    return {i: exercises.get(i).name for i in exercises.ids() if exercises.chapter_of(i) == chapter}


def _source(cell) -> str:
    source = cell.get("source", "") if isinstance(cell, dict) else ""
    if isinstance(source, list):
        source = "".join(part for part in source if isinstance(part, str))
    return source if isinstance(source, str) else ""


def read_submission(path: Path) -> Submission:
    """Read one handed-in file; a file that is not a notebook of this book gets a ``problem``, never an exception."""
    sub = Submission(path=path, student=path.stem)
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            sub.problem = f"not marked: the file is {size / 1e6:.1f} MB, larger than any workbook ({MAX_BYTES / 1e6:g} MB)"
            return sub
        raw = path.read_bytes()
    except OSError as error:
        sub.problem = f"not marked: the file cannot be read ({error.strerror or error})"
        return sub
    if not raw.strip():
        sub.problem = "not marked: the file is empty"
        return sub
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        sub.problem = "not marked: not a notebook (the file is not text; hand in the .ipynb file)"
        return sub
    try:
        notebook = json.loads(text)
    except (json.JSONDecodeError, RecursionError):
        sub.problem = "not marked: not a notebook (the file is not JSON; hand in the .ipynb file)"
        return sub
    if not isinstance(notebook, dict) or not isinstance(notebook.get("cells"), list):
        if isinstance(notebook, dict) and "worksheets" in notebook:
            sub.problem = "not marked: a notebook in the old format 3; open it in Jupyter, save it, and hand it in again"
        else:
            sub.problem = "not marked: JSON, but not a notebook (it has no list of cells)"
        return sub
    metadata = notebook.get("metadata") if isinstance(notebook.get("metadata"), dict) else {}
    record = metadata.get(RECORD) if isinstance(metadata.get(RECORD), dict) else {}
    student = record.get("student")
    if isinstance(student, str) and student.strip():
        sub.student = " ".join(student.split())[:80]
    sub.cells = [_source(cell) for cell in notebook["cells"] if isinstance(cell, dict) and cell.get("cell_type") == "code"]
    checked = [match.group(1) for source in sub.cells for match in CHECK_CELL.finditer(source)]
    known = set(exercises.ids())
    unknown = sorted({i for i in checked if i not in known})
    chapters = collections.Counter(exercises.chapter_of(i) for i in checked if i in known)
    chapter = record.get("chapter")
    if isinstance(chapter, str) and chapter in {exercises.chapter_of(i) for i in known}:
        sub.chapter = chapter
    elif chapters:
        sub.chapter = chapters.most_common(1)[0][0]
    version = record.get("book_version")
    if isinstance(version, str) and version != BOOK_VERSION:
        sub.notes.append(f"made with book version {version[:20]}; marked against version {BOOK_VERSION}")
    if unknown:
        sub.notes.append(f"checks exercises this version of the book does not have ({', '.join(unknown[:3])}): made with an older book?")
    if sub.chapter is None:
        sub.problem = "not marked: no exercise of this book in it (is it a workbook from `make workbooks` or a \"Download my work\" file?)"
    return sub


# --- the sandbox ---------------------------------------------------------------------------------------------


class SandboxUnavailable(RuntimeError):
    pass


def _ancestors(path: Path) -> list[str]:
    return [str(parent) for parent in reversed(path.parents) if str(parent) != "/"]


def sandbox_command(program: list[str] | None = None) -> list[str]:
    """The bubblewrap command that runs the harness: only the Python installation and the package are visible.

    ``program`` replaces the harness's arguments to Python (the tests run raw code in the same sandbox).
    """
    bwrap = shutil.which("bwrap")
    if not bwrap:
        raise SandboxUnavailable(
            "bubblewrap (bwrap) is not installed: `make mark` installs it (apt-get install bubblewrap, as root); "
            "marking never runs students' code without a sandbox"
        )
    python = Path(os.path.realpath(sys.executable))
    prefix = Path(os.path.realpath(sys.base_prefix))
    command = [bwrap]
    if os.geteuid() == 0:  # root can make the namespaces itself; the harness then becomes nobody
        command += ["--unshare-ipc", "--unshare-pid", "--unshare-net", "--unshare-uts", "--unshare-cgroup-try"]
    else:  # an ordinary user needs a user namespace for the others
        command += ["--unshare-all"]
    command += ["--die-with-parent", "--new-session", "--clearenv", "--setenv", "HOME", "/tmp", "--setenv", "LANG", "C.UTF-8"]
    command += ["--setenv", "PATH", "/usr/bin:/bin", "--setenv", "PYTHONDONTWRITEBYTECODE", "1", "--setenv", "PYTHONHASHSEED", "0"]
    for system in ("/usr", "/lib", "/lib64", "/lib32", "/bin"):
        if os.path.exists(system):
            command += ["--ro-bind", system, system]
    if os.path.exists("/etc/ld.so.cache"):
        command += ["--ro-bind", "/etc/ld.so.cache", "/etc/ld.so.cache"]
    made = {"/usr", "/lib", "/lib64", "/lib32", "/bin", "/tmp", "/proc", "/dev", "/etc"}
    bounds = [prefix] + ([python.parent] if prefix not in python.parents else [])
    for bound in bounds:
        if any(str(bound) == m or str(bound).startswith(m + "/") for m in ("/usr", "/lib", "/lib64", "/bin")):
            continue
        for parent in _ancestors(bound):
            if parent not in made:
                command += ["--perms", "0755", "--dir", parent]
                made.add(parent)
        command += ["--ro-bind", str(bound), str(bound)]
        made.add(str(bound))
    command += ["--perms", "0755", "--dir", "/sandbox", "--perms", "0755", "--dir", "/sandbox/book"]
    command += ["--ro-bind", str(PACKAGE), "/sandbox/book/exercises", "--ro-bind", str(HARNESS), "/sandbox/harness.py"]
    command += ["--proc", "/proc", "--dev", "/dev", "--tmpfs", "/tmp", "--chdir", "/tmp"]
    command += ["--", str(python), "-I", "-S", "-X", "utf8", *(program or ["/sandbox/harness.py"])]
    return command


def _threads_of(uid: int) -> int:
    count = 0
    for entry in os.scandir("/proc"):
        if entry.name.isdigit():
            try:
                if entry.stat().st_uid == uid:
                    count += len(os.listdir(f"/proc/{entry.name}/task"))
            except OSError:
                pass
    return count


def _limits(limits: Limits, nproc: int):
    def apply() -> None:
        memory = limits.memory_mb * 1024 * 1024
        resource.setrlimit(resource.RLIMIT_AS, (memory, memory))
        cpu = int(limits.submission_time) + 2
        resource.setrlimit(resource.RLIMIT_CPU, (cpu, cpu))
        resource.setrlimit(resource.RLIMIT_NPROC, (nproc, nproc))
        resource.setrlimit(resource.RLIMIT_FSIZE, (16 * 1024 * 1024, 16 * 1024 * 1024))
        resource.setrlimit(resource.RLIMIT_NOFILE, (64, 64))
        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))

    return apply


def _signal_name(number: int) -> str:
    try:
        return signal.Signals(number).name
    except ValueError:
        return f"signal {number}"


def run_sandboxed(sub: Submission, limits: Limits, command: list[str], nproc: int) -> None:
    """Mark one submission in a fresh sandbox; fills ``sub.results``, ``sub.flags`` and ``sub.cell_errors``."""
    names = chapter_exercises(sub.chapter)
    job = {"cells": sub.cells, "exercises": names, "cell_time": limits.cell_time, "check_time": limits.check_time}
    with tempfile.TemporaryDirectory(prefix="mark-") as scratch:
        job_path = Path(scratch) / "job.json"
        job_path.write_text(json.dumps(job), encoding="utf-8")
        out_path, err_path = Path(scratch) / "out", Path(scratch) / "err"
        timed_out = False
        with open(job_path, "rb") as stdin, open(out_path, "wb") as stdout, open(err_path, "wb") as stderr:
            process = subprocess.Popen(
                command, stdin=stdin, stdout=stdout, stderr=stderr, start_new_session=True,
                preexec_fn=_limits(limits, nproc), close_fds=True,
            )
            try:
                process.wait(timeout=limits.submission_time)
            except subprocess.TimeoutExpired:
                timed_out = True
                os.killpg(process.pid, signal.SIGKILL)
                process.wait()
        events = []
        with open(out_path, "rb") as handle:  # written by student-reachable code: parse with care
            for line in handle.read(8 * 1024 * 1024).splitlines()[:2000]:
                try:
                    event = json.loads(line.decode("utf-8", "replace"))
                except (json.JSONDecodeError, RecursionError):
                    continue
                if isinstance(event, dict):
                    events.append(event)
        error_text = err_path.read_bytes()[:2000].decode("utf-8", "replace")
    done = False
    for event in events:
        kind = event.get("event")
        if kind == "result":
            exercise_id, status, message = event.get("id"), event.get("status"), event.get("message")
            if exercise_id in names and status in STATUSES and isinstance(message, str) and exercise_id not in sub.results:
                sub.results[exercise_id] = (status, message[:4000])
        elif kind == "flag" and isinstance(event.get("text"), str) and len(sub.flags) < 20:
            text = event["text"][:300]
            if text not in sub.flags:
                sub.flags.append(text)
        elif kind == "cell-error" and isinstance(event.get("text"), str) and len(sub.cell_errors) < 30:
            sub.cell_errors.append(f"cell {event.get('cell')}: {event['text'][:300]}")
        elif kind == "done":
            done = True
    if timed_out:
        sub.flags.append(f"the whole submission was still running after {limits.submission_time:g} seconds: stopped")
    elif not done:
        code = process.returncode
        if code is not None and code < 0:
            how = _signal_name(-code)
        elif code is not None and code > 128:
            how = _signal_name(code - 128)
        else:
            how = f"exit code {code}"
        if "bwrap" in error_text and not events:
            raise SandboxUnavailable(f"the sandbox could not start: {error_text.strip()}")
        what = "ran out of CPU time" if how == "SIGXCPU" else f"crashed ({how})"
        sub.flags.append(f"the Python interpreter running this submission {what}; what it had marked is kept")
    for exercise_id in names:
        if exercise_id not in sub.results:
            sub.results[exercise_id] = ("failed", f"{exercise_id}: not marked, because the submission was stopped before this check.")


# --- the reports ---------------------------------------------------------------------------------------------


def chapter_title(chapter: str) -> str:
    path = ROOT / "book" / f"{chapter}.md"
    try:
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.startswith("# "):
                return line[2:].strip()
    except OSError:
        pass
    return chapter


def spreadsheet_safe(text: str) -> str:
    """A cell a spreadsheet will not run as a formula (a student's name could start with =, +, - or @)."""
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:60] or "student"


def misconception(message: str) -> str | None:
    """The line of a failure message that names a known mistake (between "Got:" and "Hint:"), if any."""
    lines = message.split("\n")
    extra = [line for line in lines[1:] if not line.startswith(("Expected:", "Got:", "Hint:"))]
    return extra[0] if extra else None


PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title}</title>
<style>
body {{ font-family: system-ui, sans-serif; max-width: 48rem; margin: 2rem auto; padding: 0 1rem; line-height: 1.5; }}
.passed {{ border-left: 6px solid #2e7d32; }} .failed {{ border-left: 6px solid #c62828; }} .not-attempted {{ border-left: 6px solid #9e9e9e; }}
section {{ padding: .2rem 1rem; margin: 1rem 0; background: #fafafa; }}
pre {{ white-space: pre-wrap; font-family: inherit; }}
table {{ border-collapse: collapse; }} td, th {{ border: 1px solid #ccc; padding: .2rem .5rem; text-align: left; }}
.flag {{ background: #fff3e0; padding: .5rem 1rem; }}
</style></head><body>
{body}
</body></html>
"""


def feedback_page(sub: Submission, ids: list[str]) -> str:
    e = html.escape
    title = f"Feedback for {sub.student}: {chapter_title(sub.chapter)}"
    passed = sum(1 for i in ids if sub.results.get(i, ("",))[0] == "passed")
    parts = [f"<h1>{e(title)}</h1>", f"<p>You passed <strong>{passed} of {len(ids)}</strong> checks.</p>"]
    for note in sub.notes:
        parts.append(f'<p class="flag">{e(note)}</p>')
    if sub.flags:
        parts.append('<div class="flag"><p>The marking stopped something your code tried to do:</p><ul>')
        parts += [f"<li>{e(text)}</li>" for text in sub.flags]
        parts.append("</ul></div>")
    for exercise_id in ids:
        status, message = sub.results.get(exercise_id, ("not attempted", f"{exercise_id}: not attempted yet."))
        parts.append(f'<section class="{status.replace(" ", "-")}"><h2>{e(exercise_id)}: {e(status)}</h2><pre>{e(message)}</pre></section>')
    errors = [text for text in sub.cell_errors if "No module named 'matplotlib'" not in text]
    if errors:
        parts.append("<h2>Cells that stopped with an error</h2><ul>" + "".join(f"<li><code>{e(t)}</code></li>" for t in errors) + "</ul>")
    return PAGE.format(title=e(title), body="\n".join(parts))


def write_reports(subs: list[Submission], chapter: str, out: Path) -> dict:
    ids = list(chapter_exercises(chapter))
    out.mkdir(parents=True, exist_ok=True)
    feedback = out / "feedback"
    feedback.mkdir(exist_ok=True)
    used: set[str] = set()
    with open(out / "gradebook.csv", "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["student", "file", "chapter", "status", *ids, "total", "stopped or blocked"])
        for sub in subs:
            row = [spreadsheet_safe(sub.student), spreadsheet_safe(sub.path.name), sub.chapter or ""]
            if sub.problem:
                writer.writerow([*row, sub.problem, *([""] * len(ids)), "", ""])
                continue
            status = "marked" + (f" ({'; '.join(sub.notes)})" if sub.notes else "")
            marks = [sub.results.get(i, ("not attempted",))[0] for i in ids]
            total = f"{marks.count('passed')}/{len(ids)}"
            writer.writerow([*row, spreadsheet_safe(status), *marks, total, spreadsheet_safe("; ".join(sub.flags))])
            name = slug(sub.student)
            while name in used:
                name += "-2"
            used.add(name)
            (feedback / f"{name}.html").write_text(feedback_page(sub, ids), encoding="utf-8")

    marked = [sub for sub in subs if not sub.problem]
    rows = []
    for exercise_id in ids:
        statuses = collections.Counter(sub.results.get(exercise_id, ("not attempted",))[0] for sub in marked)
        mistakes = collections.Counter(
            line for sub in marked if sub.results.get(exercise_id, ("",))[0] == "failed"
            for line in [misconception(sub.results[exercise_id][1])] if line
        )
        rows.append((exercise_id, statuses, mistakes))
    rows.sort(key=lambda row: (-(row[1]["failed"] + row[1]["not attempted"]), row[0]))
    n = len(marked)
    lines = [f"{chapter_title(chapter)}: {n} submissions marked, {len(subs) - n} not marked.", ""]
    lines.append("Exercises, most got wrong first (failed + not attempted, of the submissions marked):")
    for exercise_id, statuses, mistakes in rows:
        wrong = statuses["failed"] + statuses["not attempted"]
        most = " <- most of the class" if n and wrong * 2 > n else ""
        lines.append(f"  {exercise_id}: {statuses['failed']} failed, {statuses['not attempted']} not attempted, {statuses['passed']} passed{most}")
        for text, count in mistakes.most_common(3):
            lines.append(f"      {count} x {text}")
    problems = [sub for sub in subs if sub.problem]
    if problems:
        lines += ["", "Not marked:"] + [f"  {sub.path.name}: {sub.problem}" for sub in problems]
    stopped = [sub for sub in marked if sub.flags]
    if stopped:
        lines += ["", "Stopped or blocked by the sandbox:"] + [f"  {sub.student}: {'; '.join(sub.flags)}" for sub in stopped]
    summary = "\n".join(lines) + "\n"
    (out / "summary.txt").write_text(summary, encoding="utf-8")
    e = html.escape
    table = ["<table><tr><th>exercise</th><th>failed</th><th>not attempted</th><th>passed</th><th>misconceptions seen most</th></tr>"]
    for exercise_id, statuses, mistakes in rows:
        seen = "<br>".join(f"{count} &times; {e(text)}" for text, count in mistakes.most_common(3))
        table.append(f"<tr><td>{e(exercise_id)}</td><td>{statuses['failed']}</td><td>{statuses['not attempted']}</td><td>{statuses['passed']}</td><td>{seen}</td></tr>")
    table.append("</table>")
    body = f"<h1>Class summary: {e(chapter_title(chapter))}</h1><p>{n} submissions marked, {len(subs) - n} not marked.</p>" + "".join(table)
    body += "<pre>" + e("\n".join(lines)) + "</pre>"
    (out / "summary.html").write_text(PAGE.format(title=e(f"Class summary: {chapter_title(chapter)}"), body=body), encoding="utf-8")
    return {"marked": n, "not_marked": len(subs) - n, "summary": summary}


# --- the command ---------------------------------------------------------------------------------------------


def mark_folder(folder: Path, out: Path, chapter: str | None = None, limits: Limits | None = None, jobs: int | None = None) -> dict:
    limits = limits or Limits()
    files = sorted(path for path in folder.iterdir() if path.is_file() and not path.name.startswith("."))
    subs = [read_submission(path) for path in files]
    chapters = collections.Counter(sub.chapter for sub in subs if not sub.problem)
    known = {exercises.chapter_of(i) for i in exercises.ids()}
    if chapter is None:
        if not chapters:
            raise SystemExit(f"mark: no submission in {folder} is a notebook of this book; nothing to mark")
        chapter = chapters.most_common(1)[0][0]
    elif chapter not in known:
        raise SystemExit(f"mark: there is no chapter {chapter!r} with exercises; one of: {', '.join(sorted(known))}")
    for sub in subs:
        if not sub.problem and sub.chapter != chapter:
            sub.problem = f"not marked: this is the work for chapter '{sub.chapter}', not '{chapter}'"
    command = sandbox_command()
    nproc = 32 if os.geteuid() == 0 else _threads_of(os.getuid()) + 64
    todo = [sub for sub in subs if not sub.problem]
    with concurrent.futures.ThreadPoolExecutor(max_workers=jobs or min(2, os.cpu_count() or 1)) as pool:
        for future in [pool.submit(run_sandboxed, sub, limits, command, nproc) for sub in todo]:
            future.result()
    return write_reports(subs, chapter, out)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tools.mark", description=__doc__.splitlines()[0])
    parser.add_argument("submissions", type=Path, help="the folder of handed-in .ipynb files")
    parser.add_argument("--out", type=Path, default=Path("marking"), help="where to write the gradebook and feedback (default: marking)")
    parser.add_argument("--chapter", help="the chapter set (default: the chapter most submissions are from)")
    parser.add_argument("--cell-time", type=float, default=Limits.cell_time, help="seconds per cell of student code (default 10)")
    parser.add_argument("--check-time", type=float, default=Limits.check_time, help="seconds per check (default 3)")
    parser.add_argument("--submission-time", type=float, default=Limits.submission_time, help="seconds per submission (default 60)")
    parser.add_argument("--memory", type=int, default=Limits.memory_mb, help="megabytes of memory per submission (default 512)")
    parser.add_argument("--jobs", type=int, default=None, help="submissions marked at once (default: 2, or 1 on one core)")
    args = parser.parse_args(argv)
    if not args.submissions.is_dir():
        print(f"mark: {args.submissions} is not a folder", file=sys.stderr)
        return 2
    limits = Limits(args.cell_time, args.check_time, args.submission_time, args.memory)
    started = time.monotonic()
    try:
        report = mark_folder(args.submissions, args.out, args.chapter, limits, args.jobs)
    except SandboxUnavailable as error:
        print(f"mark: {error}", file=sys.stderr)
        return 3
    print(report["summary"], end="")
    print(f"\nWrote {args.out / 'gradebook.csv'}, {args.out / 'feedback'}/ and {args.out / 'summary.html'} "
          f"({report['marked']} marked in {time.monotonic() - started:.1f} s).")
    return 0


if __name__ == "__main__":
    sys.exit(main())
