// Run and check the code cells of a chapter page, in the page: Python (Pyodide) in a
// Web Worker, loaded from the book's own site (_static/pyodide/ and the exercises wheel).
//
// * Every code cell outside a folded solution becomes an editor (a labelled <textarea>)
//   with a Run button and an aria-live output area; an exercise's starter cell also gets
//   Check (run it, then the exercise's check cell) and "Reset to starter code".
// * The page's cells share one Python session, as in a notebook; the plain cells above a
//   cell (the imports, the tables) run first, once per session.
// * A cell still running after the time limit is stopped by ending the worker; a fresh
//   session starts at once, so the tab never freezes.
// * What the reader typed is kept in the browser through BookStore (store.js), per page and cell.
// * Nothing is downloaded until the reader focuses or edits a cell, or points at (or tabs to)
//   a Run or Check button.
// Without JavaScript the page shows the outputs of the build, as before.
(() => {
  "use strict";

  const script = document.currentScript;
  const staticURL = new URL(".", script.src);
  const config = {
    indexURL: new URL("pyodide/", staticURL).href,
    wheelsURL: new URL("wheels/index.json", staticURL).href,
    workerURL: new URL("runner-worker.mjs", staticURL).href,
    limit: Number(script.dataset.timeLimit || 6),
  };
  const page = location.pathname.replace(/\/index\.html$/, "/").split("/").pop().replace(/\.html$/, "") || "index";
  const store = window.BookStore; // book/_static/store.js: the book's only use of localStorage
  const CHECK_CALL = /\bcheck\(\s*["']([^"']+)["']/;
  const JUPYTER_ONLY = /\b(import\s+matplotlib|from\s+matplotlib|plt\.)/;

  // Figures for tools/measure_runner.py and the tests.
  const state = (window.thawRunner = { config, sessions: 0, runs: [] });

  // ---------------------------------------------------------------------------
  // The Python session (one worker at a time)

  let session = null;
  let counter = 0;
  let queue = Promise.resolve();

  function newSession() {
    const worker = new Worker(config.workerURL, { type: "module", name: "python" });
    const s = { worker, ran: new Set(), pending: new Map(), created: performance.now(), readyAt: null };
    s.ready = new Promise((resolve, reject) => {
      s.onReady = resolve;
      s.onFail = reject;
    });
    s.ready.catch(() => {});
    worker.onmessage = (event) => {
      const m = event.data;
      if (m.type === "ready") {
        s.readyAt = performance.now();
        s.loadMs = m.ms;
        s.onReady();
      } else if (m.type === "failed") {
        s.onFail(new Error(m.error));
      } else if (m.type === "started") {
        const job = s.pending.get(m.id);
        if (job) job.started();
      } else if (m.type === "result") {
        const job = s.pending.get(m.id);
        if (job) {
          s.pending.delete(m.id);
          job.done(m);
        }
      }
    };
    worker.onerror = (event) => {
      const error = `Python stopped: ${event.message || "the worker failed"}`;
      s.onFail(new Error(error));
      for (const job of s.pending.values()) job.done({ ok: false, error });
      s.pending.clear();
    };
    worker.postMessage({ type: "init", indexURL: config.indexURL, wheelsURL: config.wheelsURL });
    state.sessions += 1;
    return s;
  }

  // Browsers run no worker for a page opened from a file: the book must be served over http.
  const FROM_FILE = location.protocol === "file:";

  function ensureSession() {
    if (FROM_FILE) return null;
    if (!session) session = newSession();
    return session;
  }

  function endSession(s) {
    s.worker.terminate();
    for (const job of s.pending.values()) job.done({ ok: false, error: "The Python session was restarted." });
    s.pending.clear();
    if (session === s) session = null;
  }

  // Run code in the session; resolves with the worker's result, or {timeout: true}.
  function execute(code) {
    const job = queue.then(() => executeNow(code));
    queue = job.catch(() => {});
    return job;
  }

  function executeNow(code) {
    const s = ensureSession();
    const id = ++counter;
    return new Promise((resolve) => {
      let timer = null;
      s.pending.set(id, {
        // The limit counts from when the code starts, not while Python loads.
        started: () => {
          timer = setTimeout(() => {
            s.pending.delete(id);
            endSession(s);
            ensureSession(); // a fresh session, loading from the browser's cache
            resolve({ ok: false, timeout: true, session: s });
          }, config.limit * 1000);
        },
        done: (m) => {
          clearTimeout(timer);
          resolve({ ...m, session: s });
        },
      });
      s.worker.postMessage({ type: "run", id, code });
    });
  }

  // ---------------------------------------------------------------------------
  // The cells of the page

  const cells = [];

  function codeOf(cell) {
    const pre = cell.querySelector(".cell_input pre");
    return pre ? pre.textContent.replace(/\n+$/, "") : "";
  }

  function classify() {
    const found = Array.from(document.querySelectorAll("div.cell"));
    found.forEach((element, index) => {
      const input = element.querySelector(".cell_input");
      if (!input || element.closest(".solution")) return; // folded solutions stay as they are
      const code = codeOf(element);
      const exercise = element.closest(".exercise");
      const cell = { element, input, code, index, exercise: null, kind: "setup" };
      const call = code.match(CHECK_CALL);
      if (JUPYTER_ONLY.test(code)) cell.kind = "jupyter-only";
      else if (exercise && call) {
        cell.kind = "check";
        cell.exercise = call[1];
      } else if (exercise) cell.kind = "starter";
      else if (call) {
        cell.kind = "check";
        cell.exercise = call[1];
      }
      cells.push(cell);
    });
    // A starter is the cell before its exercise's check cell.
    cells.forEach((cell, i) => {
      if (cell.kind !== "starter") return;
      const next = cells.slice(i + 1).find((c) => c.element.closest(".exercise") === cell.element.closest(".exercise"));
      if (next && next.kind === "check") {
        cell.exercise = next.exercise;
        cell.checkCell = next;
        next.starter = cell;
      }
    });
  }

  function button(text, label, onClick) {
    const b = document.createElement("button");
    b.type = "button";
    b.className = "runner-button";
    b.textContent = text;
    if (label) b.setAttribute("aria-label", label);
    b.addEventListener("click", onClick);
    return b;
  }

  // A pointer on a Run or Check button, or keyboard focus on it, means a press is coming:
  // start Python then (scrolling past a cell starts nothing).
  function preloadOn(b) {
    b.addEventListener("pointerenter", ensureSession);
    b.addEventListener("focus", ensureSession);
    return b;
  }

  let helpId = null;
  function helpText() {
    if (helpId) return helpId;
    const help = document.createElement("p");
    helpId = help.id = "runner-help";
    help.className = "runner-help";
    help.hidden = true;
    help.textContent =
      "Python code you can edit. Tab indents; press Escape, then Tab, to leave the editor. " +
      "Shift+Enter runs the cell. What you type is kept in this browser.";
    document.body.appendChild(help);
    return helpId;
  }

  function describe(cell) {
    if (cell.kind === "starter") return `Your code for exercise ${cell.exercise}`;
    if (cell.kind === "check") return `Check of exercise ${cell.exercise}`;
    return `Code cell ${cell.index + 1}`;
  }

  function storageKey(cell) {
    return `code:${page}:` + (cell.kind === "starter" && cell.exercise ? cell.exercise : `cell-${cell.index}`);
  }

  function loadSaved(cell) {
    const saved = store ? store.get(storageKey(cell)) : null;
    return typeof saved === "string" ? saved : null;
  }

  function save(cell) {
    if (!store) return;
    if (cell.editor.value === cell.code) store.remove(storageKey(cell));
    else store.set(storageKey(cell), cell.editor.value); // false when full or blocked: the code stays on the page
  }

  function fit(textarea) {
    textarea.rows = Math.max(2, textarea.value.split("\n").length + 1);
  }

  function enhance(cell) {
    const { element, input } = cell;
    element.classList.add("runner-cell");
    element.dataset.runner = cell.kind;
    if (cell.exercise) element.dataset.exercise = cell.exercise;

    const output = document.createElement("div");
    output.className = "runner-output";
    output.setAttribute("aria-live", "polite");
    output.setAttribute("aria-label", `Output of ${describe(cell).toLowerCase()}`);
    cell.output = output;

    if (cell.kind === "jupyter-only") {
      const note = document.createElement("p");
      note.className = "runner-note";
      note.textContent =
        "This cell draws a chart with matplotlib, which runs only in Jupyter; the chart here is from the build.";
      input.after(note);
      return;
    }

    const editor = document.createElement("textarea");
    editor.className = "runner-editor";
    editor.spellcheck = false;
    editor.autocapitalize = "off";
    editor.setAttribute("autocomplete", "off");
    editor.setAttribute("aria-label", `${describe(cell)} (Python, editable)`);
    editor.setAttribute("aria-describedby", helpText());
    const saved = loadSaved(cell);
    editor.value = saved !== null ? saved : cell.code;
    fit(editor);
    cell.editor = editor;

    let escaped = false;
    editor.addEventListener("keydown", (event) => {
      if (event.key === "Escape") {
        escaped = true;
        return;
      }
      if (event.key === "Enter" && (event.shiftKey || event.ctrlKey || event.metaKey)) {
        event.preventDefault();
        (cell.kind === "starter" && cell.checkCell ? check(cell) : run(cell));
        return;
      }
      if (event.key === "Tab" && !event.shiftKey && !escaped && !event.ctrlKey && !event.altKey) {
        event.preventDefault();
        const { selectionStart: start, selectionEnd: end, value } = editor;
        editor.value = value.slice(0, start) + "    " + value.slice(end);
        editor.selectionStart = editor.selectionEnd = start + 4;
        editor.dispatchEvent(new Event("input"));
      }
      escaped = false;
    });
    editor.addEventListener("focus", ensureSession);
    editor.addEventListener("input", () => {
      ensureSession();
      fit(editor);
      save(cell);
    });

    const bar = document.createElement("div");
    bar.className = "runner-bar";
    const what = describe(cell).toLowerCase();
    bar.append(preloadOn(button("Run", `Run ${what}`, () => run(cell))));
    if (cell.kind === "starter" && cell.checkCell) {
      bar.append(preloadOn(button("Check", `Check your answer to ${cell.exercise}`, () => check(cell))));
    }
    const resetText = cell.kind === "starter" ? "Reset to starter code" : "Reset code";
    bar.append(button(resetText, `${resetText}, ${what}`, () => reset(cell)));

    const highlight = input.querySelector(".highlight") || input.firstElementChild;
    if (highlight) highlight.hidden = true;
    input.append(editor, bar);
    input.after(output);
  }

  function reset(cell) {
    if (cell.editor.value === cell.code) return;
    const question =
      cell.kind === "starter"
        ? "Discard your code in this cell and put back the starter code?"
        : "Discard your changes to this cell and put back the book's code?";
    if (!window.confirm(question)) return;
    cell.editor.value = cell.code;
    fit(cell.editor);
    save(cell);
    cell.editor.focus();
  }

  // ---------------------------------------------------------------------------
  // Running and showing

  function show(cell, parts) {
    const { output } = cell;
    output.replaceChildren();
    for (const part of parts) output.append(part);
    const built = cell.element.querySelector(".cell_output");
    if (built) built.hidden = true;
  }

  function text(tag, className, content) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    node.textContent = content;
    return node;
  }

  function render(cell, result) {
    if (result.timeout) {
      show(cell, [
        text(
          "p",
          "runner-timeout",
          `Stopped: this cell was still running after ${config.limit} seconds, so Python was restarted. ` +
            "Look for a loop that never ends (a while loop whose condition never becomes false). " +
            "The new session starts empty: run again the cells you need.",
        ),
      ]);
      return;
    }
    const parts = [];
    if (result.stdout) parts.push(text("pre", "runner-stdout", result.stdout));
    if (result.html) {
      const box = document.createElement("div");
      box.className = "runner-html";
      box.innerHTML = result.html; // only exercises.Result and hint notes, which escape their text
      parts.push(box);
    } else if (result.text) parts.push(text("pre", "runner-value", result.text));
    if (result.error) parts.push(text("pre", "runner-error", result.error));
    if (!parts.length) parts.push(text("p", "runner-done", "Done (no output)."));
    show(cell, parts);
  }

  function busy(cell, message) {
    show(cell, [text("p", "runner-status", message)]);
  }

  async function runOne(cell, pressed) {
    const s = ensureSession();
    if (!s.readyAt) busy(cell, "Starting Python in this page (the first time takes a few seconds)\u2026");
    else busy(cell, "Running\u2026");
    const code = cell.editor ? cell.editor.value : cell.code;
    const result = await execute(code);
    if (!result.timeout && session === result.session) result.session.ran.add(cell);
    render(cell, result);
    state.runs.push({
      cell: cell.index,
      kind: cell.kind,
      ms: Math.round(performance.now() - pressed),
      pythonMs: result.ms,
      ok: !!result.ok,
      timeout: !!result.timeout,
      session: state.sessions,
      // How long the session took to start (worker, Pyodide, wheel), and its parts inside the worker.
      sessionMs: s.readyAt ? Math.round(s.readyAt - s.created) : null,
      loadMs: s.loadMs || null,
    });
    return result;
  }

  // Run the plain cells above (imports, tables) that this session has not run yet.
  async function runAbove(cell, pressed) {
    for (const other of cells) {
      if (other === cell) break;
      if (other.kind === "setup" && !ensureSession().ran.has(other)) {
        const result = await runOne(other, pressed);
        if (result.timeout) return false;
      }
    }
    return true;
  }

  function servedFromFile(cell) {
    if (!FROM_FILE) return false;
    show(cell, [
      text(
        "p",
        "runner-error",
        "Python cannot start in a page opened as a file. Serve the book instead, for example with " +
          "`python3 -m http.server -d _build/html` in the book's folder, and open http://127.0.0.1:8000/.",
      ),
    ]);
    return true;
  }

  async function run(cell) {
    if (cell.kind === "jupyter-only" || servedFromFile(cell)) return;
    const pressed = performance.now();
    if (!(await runAbove(cell, pressed))) return;
    await runOne(cell, pressed);
  }

  async function check(cell) {
    if (servedFromFile(cell)) return;
    const pressed = performance.now();
    if (!(await runAbove(cell, pressed))) return;
    const result = await runOne(cell, pressed);
    if (result.timeout || !result.ok) {
      if (!result.timeout) {
        show(cell.checkCell, [text("p", "runner-status", "Fix the error in your code above, then check again.")]);
      }
      return;
    }
    if (!result.stdout && !result.text && !result.html) {
      cell.output.replaceChildren(text("p", "runner-done", "Ran your code; the check is below."));
    }
    await runOne(cell.checkCell, pressed);
  }

  // ---------------------------------------------------------------------------

  function start() {
    classify();
    cells.forEach(enhance);
    document.documentElement.classList.add("runner-ready");
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
