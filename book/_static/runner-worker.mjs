// The Python session of a chapter page: Pyodide in a Web Worker (see runner.js).
//
// Messages in:  {type: "init", indexURL, wheelsURL}
//               {type: "run", id, code, scope, setup}
//                 scope "page": the page's shared session (Run on a plain cell);
//                 scope "exercise:<id>": a namespace of that exercise's own; with `setup` (a list of
//                 code strings: the chapter's setup cells) it is made fresh and the setup runs first.
//               {type: "check", id, exercise, code, scope}
//                 runs the exercise's check cell `code` in `scope` and reports the verdict.
// Messages out: {type: "ready", ms: {runtime, wheel, imports}} | {type: "failed", error}
//               {type: "started", id}
//               {type: "partial", id, stdout}  (the start of a flood of output, sent once)
//               {type: "result", id, ok, stdout, value, error, explain, check, ms}
// Everything sent out is plain data: strings, numbers, booleans, null, and for a check
// {exercise, status, lines}.  The page never turns any of it into HTML.  Printed text, shown
// values and errors are capped here (the page caps again).
// Everything is loaded from the book's own site: indexURL and wheelsURL point into _static/;
// wheels/index.json names the current wheel of the exercises package.

let ready = null;
let api = null;

const PRELUDE = `
import builtins, collections, io, os, sys, traceback
import exercises
from exercises import Result as _Result
from pyodide.code import eval_code as _eval_code

_CAP_CHARS = 100_000   # printed text, a shown value or an error: at most this many characters
_CAP_LINES = 2_000     # ... and this many lines; the start and the end are kept


def _cap(text):
    """At most _CAP_CHARS characters and _CAP_LINES lines of text: its start and end, and a note."""
    if text is None:
        return None
    if len(text) <= _CAP_CHARS and text.count("\\n") < _CAP_LINES:
        return text
    out = _Capped()
    out.write(text)
    return out.getvalue()


class _Capped(io.TextIOBase):
    """A text stream that keeps the start and the end of what is written, never more than the cap."""

    HEAD_CHARS, HEAD_LINES = _CAP_CHARS // 2, _CAP_LINES // 2
    TAIL_CHARS, TAIL_LINES = _CAP_CHARS // 2, _CAP_LINES // 2

    def __init__(self, on_overflow=None):
        self.head = []
        self.head_chars = 0
        self.head_lines = 0
        self.full = False
        self.tail = collections.deque()
        self.tail_chars = 0
        self.lines = 0
        self.chars = 0
        self.on_overflow = on_overflow

    def writable(self):
        return True

    def write(self, s):
        if not isinstance(s, str):
            raise TypeError(f"write() argument must be str, not {type(s).__name__}")
        n = len(s)
        newlines = s.count("\\n")
        self.chars += n
        self.lines += newlines
        if not self.full:
            if self.head_chars + n <= self.HEAD_CHARS and self.head_lines + newlines < self.HEAD_LINES:
                self.head.append(s)
                self.head_chars += n
                self.head_lines += newlines
                return n
            # Fill the head up to the cap, keep the rest for the tail.
            room = self.HEAD_CHARS - self.head_chars
            part = s[:room]
            cut = -1
            count = self.head_lines
            for _ in range(self.HEAD_LINES - self.head_lines):
                cut = part.find("\\n", cut + 1)
                if cut < 0:
                    break
                count += 1
            if count >= self.HEAD_LINES and cut >= 0:
                part = part[: cut + 1]
            self.head.append(part)
            self.head_chars += len(part)
            self.head_lines += part.count("\\n")
            self.full = True
            s = s[len(part):]
            if self.on_overflow is not None:
                try:
                    self.on_overflow("".join(self.head))
                except Exception:
                    pass
        self.tail.append(s)
        self.tail_chars += len(s)
        if self.tail_chars > 4 * self.TAIL_CHARS or len(self.tail) > 4 * self.TAIL_LINES:
            self._trim()
        return n

    def _trim(self):
        text = "".join(self.tail)[-self.TAIL_CHARS:]
        self.tail = collections.deque([text])
        self.tail_chars = len(text)

    def getvalue(self):
        head = "".join(self.head)
        if not self.full:
            return head
        tail = "".join(self.tail)[-self.TAIL_CHARS:]
        lines = tail.split("\\n")
        if len(lines) > self.TAIL_LINES:
            tail = "\\n".join(lines[-self.TAIL_LINES:])
        hidden_lines = self.lines - head.count("\\n") - tail.count("\\n")
        hidden_chars = self.chars - len(head) - len(tail)
        if hidden_lines > 0:
            note = f"\\u2026 {hidden_lines:,} more lines not shown \\u2026"
        else:
            note = f"\\u2026 {hidden_chars:,} more characters not shown \\u2026"
        return head + ("" if head.endswith("\\n") else "\\n") + note + "\\n" + tail


class _NoInput(RuntimeError):
    pass


def _input(prompt=""):
    raise _NoInput(
        "input() cannot ask you to type something on this page. "
        "Put the value in your code instead, for example: answer = 1961"
    )


builtins.input = _input
sys.stdin = io.StringIO("")

_JUPYTER_ONLY = {"matplotlib": "draws charts", "numpy": "computes with arrays",
                 "pandas": "handles tables", "IPython": "belongs to Jupyter"}


def _new_namespace():
    namespace = {"__name__": "__main__", "__builtins__": builtins}
    exec("from exercises import check, hint, load", namespace)
    return namespace


_scopes = {"page": _new_namespace()}


def _explain(exc, code):
    """One sentence for a beginner about a common error, or None."""
    if isinstance(exc, _NoInput):
        return str(exc)
    if isinstance(exc, NameError) and getattr(exc, "name", None):
        name = exc.name
        return (f"Python does not know the name {name}. If you meant the text {name}, put it in quotes: \\"{name}\\". "
                "If it is a variable or a function, check its spelling and that the cell that makes it has run.")
    if isinstance(exc, SyntaxError):
        where = f"line {exc.lineno}" if exc.lineno else "your code"
        return (f"Python could not read {where} (marked with ^ below): look for a missing bracket, quote, "
                "colon or comma, or wrong indentation, on that line or the one before.")
    if isinstance(exc, IndentationError):
        return "The spaces at the start of a line do not line up with the lines around it."
    if isinstance(exc, ZeroDivisionError):
        return "Your code divided by zero."
    if isinstance(exc, RecursionError):
        return "A function called itself too many times without stopping."
    if isinstance(exc, MemoryError):
        return "Your code tried to use more memory than the page has."
    if isinstance(exc, (KeyError, IndexError)):
        return "Your code asked for a key or a position that the table, list or dict does not have."
    if isinstance(exc, TypeError):
        return "A value of the wrong type was used, for example text where a number was needed."
    return None


def _format_error(exc):
    if isinstance(exc, SyntaxError):
        return "".join(traceback.format_exception_only(exc)).rstrip()
    if isinstance(exc, _NoInput):
        return "input() is not available on this page"
    if isinstance(exc, ModuleNotFoundError):
        name = (exc.name or "").split(".")[0]
        what = _JUPYTER_ONLY.get(name)
        if what:
            return (f"This cell needs {name}, which {what} and runs only in Jupyter, "
                    "not on this page; what the build showed is above.")
        return f"ModuleNotFoundError: the page cannot load the package {exc.name!r}."
    frames = [frame for frame in traceback.extract_tb(exc.__traceback__)
              if frame.filename == "<cell>" or not (frame.filename.startswith("<exec>") or "/_pyodide/" in frame.filename)]
    lines = ["Traceback (most recent call last):\\n"] if frames else []
    lines += traceback.format_list(frames)
    lines += traceback.format_exception_only(exc)
    return "".join(lines).rstrip()


def _show(value):
    try:
        return _cap(repr(value))
    except BaseException as exc:  # noqa: BLE001 - a value whose repr fails is still reported
        return f"<a {type(value).__name__} that cannot be shown: {type(exc).__name__}>"


_SVG_LIMIT = 500_000


def _chart(value):
    """A chart of exercises.plot as (svg text, alt text), sent as data: the page shows it as an <img>, never as HTML."""
    try:
        from exercises._svgplot import Chart
    except ImportError:
        return None
    if type(value) is not Chart:  # only the package's own charts, not an object that claims to be one
        return None
    try:
        svg = Chart._repr_svg_(value)
        alt = str(value.alt)
    except BaseException:  # noqa: BLE001 - a broken chart is shown as its repr instead
        return None
    if not isinstance(svg, str) or len(svg) > _SVG_LIMIT:
        return None
    return svg, _cap(alt)


def _scope(name, setup):
    if setup is not None or name not in _scopes:
        _scopes[name] = _new_namespace()
    return _scopes[name]


def _run(code, scope, setup, on_overflow):
    """Run one cell like a notebook (pyodide.code.eval_code, return_mode="last_expr", a trailing ; hides the value)."""
    out = _Capped(on_overflow)
    result = {"stdout": "", "value": None, "error": None, "explain": None, "check": None, "phase": "code"}
    saved = sys.stdout, sys.stderr
    sys.stdout = sys.stderr = out
    try:
        namespace = _scope(scope, setup)
        if setup:
            result["phase"] = "setup"
            sys.stdout = sys.stderr = _Capped()  # what the setup cells print is not shown
            for index, cell in enumerate(setup):
                result["setup_cell"] = index
                _eval_code(cell, namespace, return_mode="none", filename="<setup>", dedent=False)
            sys.stdout = sys.stderr = out
            result["phase"] = "code"
            result.pop("setup_cell", None)
        value = _eval_code(code, namespace, return_mode="last_expr", quiet_trailing_semicolon=True,
                           filename="<cell>", dedent=False)
        result["raw"] = value
        chart = _chart(value)
        if chart:
            result["svg"], result["alt"] = chart
        elif value is not None:
            result["value"] = _show(value)
    except BaseException as exc:  # noqa: BLE001 - everything a student's code raises is shown
        try:
            result["error"] = _cap(_format_error(exc))
            result["explain"] = _explain(exc, code)
        except BaseException:  # noqa: BLE001
            result["error"] = type(exc).__name__
    finally:
        sys.stdout, sys.stderr = saved
    result["stdout"] = out.getvalue()
    return result


def _run_cell(code, scope, setup, on_overflow):
    result = _run(code, scope, setup, on_overflow)
    result.pop("raw", None)
    return result


def _check(code, scope, exercise, on_overflow):
    """Run an exercise's check cell; its verdict is read from a real exercises.Result only."""
    result = _run(code, scope, None, on_overflow)
    raw = result.pop("raw", None)
    if type(raw) is _Result:
        try:
            status = object.__getattribute__(raw, "status")
            message = object.__getattribute__(raw, "message")
            owner = object.__getattribute__(raw, "exercise_id")
        except BaseException:  # noqa: BLE001
            status = None
        if status in ("passed", "failed", "not attempted") and isinstance(message, str) and owner == exercise:
            result["check"] = {"exercise": exercise, "status": status, "lines": _cap(message).split("\\n")}
            result["value"] = None
    return result
`;

async function init(indexURL, wheelsURL) {
  const t0 = performance.now();
  // Ask for the wheel's name while Python loads (revalidated: a rebuild may have changed it).
  const wheelURL = fetch(wheelsURL, { cache: "no-cache" })
    .then((response) => {
      if (!response.ok) throw new Error(`${wheelsURL}: HTTP ${response.status}`);
      return response.json();
    })
    .then((index) => new URL(index.wheel, wheelsURL).href);
  wheelURL.catch(() => {});
  const { loadPyodide } = await import(indexURL + "pyodide.mjs");
  const pyodide = await loadPyodide({ indexURL, stdout: () => {}, stderr: () => {} });
  const t1 = performance.now();
  await pyodide.loadPackage(await wheelURL, { messageCallback: () => {}, errorCallback: () => {} });
  const t2 = performance.now();
  pyodide.runPython(PRELUDE);
  const runCell = pyodide.globals.get("_run_cell");
  const checkCell = pyodide.globals.get("_check");
  const plain = (proxy) => {
    const result = proxy.toJs({ dict_converter: Object.fromEntries });
    proxy.destroy();
    return result;
  };
  api = {
    run: (m, onOverflow) => plain(runCell(String(m.code), String(m.scope || "page"), m.setup ? m.setup.map(String) : undefined, onOverflow)),
    check: (m, onOverflow) => plain(checkCell(String(m.code), String(m.scope), String(m.exercise), onOverflow)),
  };
  // How long each part took (ms): Pyodide itself, the wheel, importing exercises.
  return { runtime: Math.round(t1 - t0), wheel: Math.round(t2 - t1), imports: Math.round(performance.now() - t2) };
}

const text = (value) => (typeof value === "string" ? value : null);

self.onmessage = async (event) => {
  const message = event.data;
  if (message.type === "init") {
    if (!ready) {
      ready = init(message.indexURL, message.wheelsURL);
      ready.then(
        (ms) => self.postMessage({ type: "ready", ms }),
        (error) => self.postMessage({ type: "failed", error: String(error && error.message ? error.message : error) }),
      );
    }
    return;
  }
  if (message.type === "run" || message.type === "check") {
    const id = message.id;
    try {
      await ready;
    } catch (error) {
      self.postMessage({ type: "result", id, ok: false, error: "Python could not start on this page: " + error });
      return;
    }
    self.postMessage({ type: "started", id });
    const t0 = performance.now();
    const onOverflow = (head) => self.postMessage({ type: "partial", id, stdout: String(head) });
    let r;
    try {
      r = message.type === "run" ? api.run(message, onOverflow) : api.check(message, onOverflow);
    } catch (error) {
      r = { stdout: "", value: null, error: String(error).slice(0, 2000), explain: null, check: null };
    }
    const check = r.check
      ? { exercise: String(r.check.exercise), status: String(r.check.status), lines: Array.from(r.check.lines, String) }
      : null;
    self.postMessage({
      type: "result",
      id,
      ok: !r.error,
      phase: text(r.phase),
      setupCell: typeof r.setup_cell === "number" ? r.setup_cell : null,
      stdout: text(r.stdout) || "",
      value: text(r.value),
      error: text(r.error),
      explain: text(r.explain),
      svg: text(r.svg),
      alt: text(r.alt),
      check,
      ms: Math.round(performance.now() - t0),
    });
  }
};
