// The Python session of a chapter page: Pyodide in a Web Worker (see runner.js).
//
// Messages in:  {type: "init", indexURL, wheelsURL}
//               {type: "run", id, code}
// Messages out: {type: "ready", ms: {runtime, wheel, imports}} | {type: "failed", error}
//               {type: "started", id}  (the page's watchdog starts counting here)
//               {type: "result", id, ok, stdout, html, text, error, ms}
// Everything is loaded from the book's own site: indexURL and wheelsURL point into _static/;
// wheels/index.json names the current wheel of the exercises package.

let ready = null;
let run = null;

const PRELUDE = `
import ast, contextlib, io, sys, time, traceback
import exercises
from exercises import Result as _Result
from exercises._core import Note as _Note

# The only packages the page can load are the standard library and the book's own
# exercises; name the others plainly.
_JUPYTER_ONLY = {"matplotlib": "draws charts", "numpy": "computes with arrays",
                 "pandas": "handles tables", "IPython": "belongs to Jupyter"}

# The checks run exactly as under pytest: exercises._core's time limit traces only the
# student's code (compiled here as "<cell>"); the page's watchdog in runner.js stops the rest.

_session = {"__name__": "__main__", "__builtins__": __builtins__}
exec("from exercises import check, hint, load", _session)


def _run_cell(code):
    """Run one cell like a notebook: statements, then show the last expression's value."""
    out = io.StringIO()
    value = None
    error = None
    try:
        tree = ast.parse(code, "<cell>", "exec")
        last = None
        if tree.body and isinstance(tree.body[-1], ast.Expr):
            last = ast.Expression(tree.body.pop().value)
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(out):
            exec(compile(tree, "<cell>", "exec"), _session)
            if last is not None:
                value = eval(compile(last, "<cell>", "eval"), _session)
    except ModuleNotFoundError as exc:
        name = (exc.name or "").split(".")[0]
        what = _JUPYTER_ONLY.get(name)
        if what:
            error = (f"This cell needs {name}, which {what} and runs only in Jupyter, "
                     "not on this page; what the build showed is above.")
        else:
            error = f"ModuleNotFoundError: the page cannot load the package {exc.name!r}."
    except SyntaxError as exc:
        error = "".join(traceback.format_exception_only(exc)).rstrip()
    except BaseException as exc:  # noqa: BLE001 - everything a student's code raises is shown
        frames = traceback.extract_tb(exc.__traceback__)
        frames = [frame for frame in frames if frame.filename != "<exec>"]  # drop this helper
        lines = ["Traceback (most recent call last):\\n"] if frames else []
        lines += traceback.format_list(frames)
        lines += traceback.format_exception_only(exc)
        error = "".join(lines).rstrip()
    html = text = None
    if value is not None:
        if isinstance(value, (_Result, _Note)):
            html = value._repr_html_()
        try:
            text = repr(value)
        except Exception as exc:  # noqa: BLE001
            text = f"<a {type(value).__name__} that cannot be shown: {exc}>"
    return {"stdout": out.getvalue(), "html": html, "text": text, "error": error}
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
  run = (code) => {
    const proxy = runCell(code);
    const result = proxy.toJs({ dict_converter: Object.fromEntries });
    proxy.destroy();
    return result;
  };
  // How long each part took (ms): Pyodide itself, the wheel, importing exercises.
  return { runtime: Math.round(t1 - t0), wheel: Math.round(t2 - t1), imports: Math.round(performance.now() - t2) };
}

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
  if (message.type === "run") {
    try {
      await ready;
    } catch (error) {
      self.postMessage({ type: "result", id: message.id, ok: false, error: "Python could not start on this page: " + error });
      return;
    }
    self.postMessage({ type: "started", id: message.id });
    const t0 = performance.now();
    let result;
    try {
      result = run(message.code);
    } catch (error) {
      result = { stdout: "", html: null, text: null, error: String(error) };
    }
    self.postMessage({ type: "result", id: message.id, ok: !result.error, ms: Math.round(performance.now() - t0), ...result });
  }
};
