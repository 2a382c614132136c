"""The marking harness: runs ONE student's submission inside the sandbox that tools/mark.py builds.

It is started by tools/mark.py as ``python -I -S /sandbox/harness.py`` inside bubblewrap (its own mount, PID,
network, IPC and UTS namespaces; only the Python installation, the ``exercises`` package and this file are
visible, read-only) with resource limits set on the process (memory, CPU, processes, file size, open files).
It uses the standard library only and trusts nothing in the submission.

Protocol: the job arrives as JSON on standard input::

    {"cells": ["code", ...], "exercises": {"<id>": "<name>", ...}, "cell_time": 10, "check_time": 3}

Results leave as JSON lines on a private copy of the original standard output (the student's own prints go to a
capped buffer and are thrown away), one line per event, so whatever was marked before the sandbox is killed
is kept::

    {"event": "result", "id": "...", "status": "passed|failed|not attempted", "message": "..."}
    {"event": "flag", "kind": "network|process|file|delete|memory|time|crash|tamper|...", "text": "..."}
    {"event": "cell-error", "cell": 3, "text": "NameError: ..."}
    {"event": "done"}

Second line of defence (the namespaces and limits are the first): an audit hook, which Python code cannot
remove, refuses to start processes, open sockets, load C libraries through ctypes, delete or rename files, and
open files outside the Python installation, the exercises package and /tmp, and records each attempt as a flag.
"""

from __future__ import annotations

import builtins
import gc
import io
import json
import os
import re
import signal
import sys

BOOK = "/sandbox/book"  # the exercises package is mounted read-only at /sandbox/book/exercises
NOBODY = 65534
CHECK_CELL = re.compile(r'^\s*check\(\s*["\']([a-z0-9-]+)["\']\s*,\s*([A-Za-z_][A-Za-z0-9_]*)\s*\)\s*;?\s*$')
MAX_PRINT = 100_000  # characters of the student's own output kept (then dropped)


class CellTimeout(BaseException):
    """Raised in student code when a cell runs too long (BaseException: `except Exception` cannot swallow it)."""


class Blocked(PermissionError):
    pass


def main() -> int:
    job = json.loads(sys.stdin.read())
    cells = [str(cell) for cell in job["cells"]]
    names = {str(key): str(value) for key, value in job["exercises"].items()}
    cell_time = float(job.get("cell_time", 10))
    check_time = float(job.get("check_time", 3))

    sys.path.insert(0, BOOK)
    import exercises  # noqa: PLC0415 - only once the path is set
    from exercises import _core

    exercises.config.time_limit = check_time

    # The private channel for results: a copy of stdout; fd 1 and 2 then go nowhere.
    channel = os.fdopen(os.dup(1), "w", buffering=1, encoding="utf-8")
    null = os.open(os.devnull, os.O_WRONLY)
    os.dup2(null, 1)
    os.dup2(null, 2)
    os.close(null)
    os.close(0)

    def emit(**event) -> None:
        channel.write(json.dumps(event) + "\n")
        channel.flush()

    # When started as root (a teacher marking as root, or CI), give up root for good before any student code runs.
    if os.getuid() == 0:
        os.setgroups([])
        os.setgid(NOBODY)
        os.setuid(NOBODY)

    # --- the audit hook ------------------------------------------------------------------------------------------
    allowed = tuple(
        os.path.realpath(path) for path in {BOOK, sys.prefix, sys.base_prefix, sys.exec_prefix, os.path.dirname(__file__)}
    )
    flagged: set[tuple[str, str]] = set()

    def flag(kind: str, text: str) -> None:
        if (kind, text) not in flagged and len(flagged) < 50:
            flagged.add((kind, text))
            emit(event="flag", kind=kind, text=text)

    process_events = ("os.fork", "os.forkpty", "os.system", "os.exec", "os.posix_spawn", "os.spawn", "subprocess.Popen", "os.kill", "os.killpg", "signal.pthread_kill", "pty.spawn")
    delete_events = ("os.remove", "os.unlink", "os.rmdir", "shutil.rmtree", "os.rename", "os.replace", "os.truncate", "os.chmod", "os.chown", "os.link", "os.symlink", "os.utime")
    network_events = ("socket.", "urllib.Request", "http.client.connect", "ftplib.connect", "smtplib.connect", "poplib.connect", "imaplib.open", "nntplib.connect", "telnetlib.Telnet.open", "webbrowser.open")

    def where(path) -> str:
        try:
            return os.path.realpath(os.fsdecode(path))
        except Exception:  # noqa: BLE001
            return str(path)[:200]

    def hook(event: str, args: tuple) -> None:
        if event.startswith(process_events):
            flag("process", f"tried to start or signal a process ({event}): blocked")
            raise Blocked(f"the marking sandbox does not allow {event}")
        if event.startswith(network_events):
            flag("network", f"tried to use the network ({event}): blocked")
            raise Blocked(f"the marking sandbox does not allow {event}")
        if event.startswith("ctypes."):
            flag("ctypes", f"tried to call C code directly ({event}): blocked")
            raise Blocked(f"the marking sandbox does not allow {event}")
        if event.startswith(delete_events):
            target = where(args[0]) if args else "?"
            if not (target.startswith("/tmp/") and os.path.lexists(target)):
                flag("delete", f"tried to delete or change {target} ({event}): blocked")
                raise Blocked(f"the marking sandbox does not allow {event} on {target}")
        if event == "open" and args and not isinstance(args[0], int):
            target = where(args[0])
            mode = args[1] if len(args) > 1 and isinstance(args[1], str) else "r"
            writes = any(letter in mode for letter in "wax+")
            if target == os.devnull:
                return
            if target.startswith("/tmp/") and (os.path.lexists(target) or (writes and os.path.isdir(os.path.dirname(target)))):
                return  # the sandbox's own scratch space
            if writes or not target.startswith(allowed):
                flag("file", f"tried to open {target}: blocked")
                raise Blocked(f"the marking sandbox does not allow opening {target}")
        if event in ("os.listdir", "os.scandir", "glob.glob") and args:
            target = where(args[0] if args[0] is not None else ".")
            if not (target.startswith(allowed) or target.startswith("/tmp")):
                flag("file", f"tried to list {target}: blocked")
                raise Blocked(f"the marking sandbox does not allow listing {target}")

    # --- what student code must not change ---------------------------------------------------------------------
    modules = {name: module for name, module in sys.modules.items() if name == "exercises" or name.startswith("exercises.")}

    def snapshot() -> dict:
        state = {}
        for name, module in modules.items():
            for key, value in vars(module).items():
                state[(name, key)] = id(value)
                if isinstance(value, type):
                    for attr, member in vars(value).items():
                        state[(name, f"{key}.{attr}")] = id(member)
        for key, value in vars(builtins).items():
            state[("builtins", key)] = id(value)
        state[("config", "time_limit")] = exercises.config.time_limit
        return state

    before = snapshot()
    real_check = exercises.check

    def tampered() -> str | None:
        now = snapshot()
        for key, value in before.items():
            if now.get(key) != value:
                return ".".join(key)
        return None

    # --- run ---------------------------------------------------------------------------------------------------
    def on_alarm(signum, frame):
        raise CellTimeout

    namespace: dict = {"__name__": "__main__", "__builtins__": builtins}
    results: dict[str, tuple[str, str]] = {}
    output = io.StringIO()

    class Capped(io.TextIOBase):
        def write(self, text):
            if output.tell() < MAX_PRINT:
                output.write(str(text)[: MAX_PRINT - output.tell()])
            return len(text)

    sys.stdout = sys.stderr = Capped()
    sys.stdin = io.StringIO("")
    sys.setrecursionlimit(3000)
    sys.addaudithook(hook)

    def record(exercise_id: str, result) -> None:
        status = result.status if result.status in ("passed", "failed", "not attempted") else "failed"
        results[exercise_id] = (status, str(result.message))
        emit(event="result", id=exercise_id, status=status, message=str(result.message)[:4000])

    broken = None
    for index, source in enumerate(cells):
        match = CHECK_CELL.match(source)
        if match and match.group(1) in names:
            exercise_id, name = match.groups()
            if exercise_id in results:
                continue  # the first check of an exercise counts (later cells may be the book's own solution)
            answer = namespace.get(name, ...)
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, signal.SIG_DFL)  # the check sets its own timer
            exercises.config.time_limit = check_time
            try:
                record(exercise_id, real_check(exercise_id, answer))
            except MemoryError:
                flag("memory", f"ran out of memory while checking {exercise_id}")
            except BaseException as error:  # noqa: BLE001 - check never raises; anything here is hostile
                flag("error", f"checking {exercise_id} was stopped: {type(error).__name__}")
            continue
        known = set(namespace)
        signal.signal(signal.SIGALRM, on_alarm)
        signal.setitimer(signal.ITIMER_REAL, cell_time)
        try:
            exec(compile(source, f"<cell {index + 1}>", "exec"), namespace)  # noqa: S102 - in the sandbox
        except CellTimeout:
            flag("time", f"cell {index + 1} was still running after {cell_time:g} seconds: stopped")
        except MemoryError:
            for name in set(namespace) - known:  # free what the cell made; keep the work of earlier cells
                del namespace[name]
            gc.collect()
            flag("memory", f"cell {index + 1} ran out of memory: stopped")
        except SyntaxError as error:
            emit(event="cell-error", cell=index + 1, text=f"SyntaxError: {error.msg} (line {error.lineno})"[:300])
        except BaseException as error:  # noqa: BLE001 - student code may raise anything, SystemExit too
            try:
                text = f"{type(error).__name__}: {error}"
            except BaseException:  # noqa: BLE001
                text = type(error).__name__
            emit(event="cell-error", cell=index + 1, text=text[:300])
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
        what = tampered()
        if what:
            broken = what
            flag("tamper", f"cell {index + 1} changed the checker ({what}): the rest of this submission is not marked")
            break

    if broken is None:
        for exercise_id, name in names.items():
            if exercise_id not in results:
                signal.signal(signal.SIGALRM, signal.SIG_DFL)
                exercises.config.time_limit = check_time
                try:
                    record(exercise_id, real_check(exercise_id, namespace.get(name, ...)))
                except BaseException as error:  # noqa: BLE001
                    flag("error", f"checking {exercise_id} was stopped: {type(error).__name__}")
    emit(event="done")
    return 0


if __name__ == "__main__":
    code = main()
    sys.stdout.flush()
    os._exit(code)
