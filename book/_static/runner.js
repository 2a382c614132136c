// Run and check the code cells of a chapter page, in the page: Python (Pyodide) in a
// Web Worker, loaded from the book's own site (_static/pyodide/ and the exercises wheel).
//
// * Every code cell outside a folded solution becomes an editor with Run; an exercise has one
//   action, Check: it runs the student's code in a fresh namespace of that exercise (over the
//   chapter's setup cells, as the book wrote them), then the exercise's check, and shows the
//   verdict in the exercise.  The check cell itself is shown, not edited.
// * Plain cells share one Python session, as in a notebook; the plain cells above a cell
//   (the imports, the tables) run first, once per session.
// * Every job has a time limit from the moment it is sent (plus, the first time, the time
//   Python takes to load); a worker that does not answer in time is ended and a fresh one
//   started, so the tab never freezes and no click waits forever.  Stop ends a run;
//   "Restart Python" starts a fresh session.
// * A result on screen belongs to the code on screen: a press shows "Checking…" at once, an
//   abort says "Not checked: …", editing the code clears a shown result, a cell that is
//   queued or running ignores further presses.
// * Nothing the worker sends becomes HTML: it sends plain data (status, exercise id, lines of
//   text), read only for the request the page is waiting for, shown with textContent, capped.
// * What the reader typed, and the last check of that code, is kept through BookStore
//   (store.js), keyed by the cell's original code (a saved copy whose original changed is dropped).
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
    // Seconds Python may take to start (download and compile about 14 MB) before a job's limit counts.
    loadLimit: Number(script.dataset.loadLimit || 120),
  };
  const CAP_CHARS = 100000;
  const CAP_LINES = 2000;
  const page = location.pathname.replace(/\/index\.html$/, "/").split("/").pop().replace(/\.html$/, "") || "index";
  const store = window.BookStore; // book/_static/store.js: the book's only use of localStorage
  const CHECK_CALL = /\bcheck\(\s*["']([^"']+)["']/;
  const JUPYTER_ONLY = /\b(import\s+matplotlib|from\s+matplotlib|plt\.)/;

  // Figures for tools/measure_runner.py and the tests.
  const state = (window.thawRunner = { config, sessions: 0, runs: [] });

  // ---------------------------------------------------------------------------
  // Text: capped again here, whatever the worker sent

  function capText(value) {
    if (typeof value !== "string") return "";
    let text = value;
    if (text.length > CAP_CHARS) {
      const half = CAP_CHARS / 2;
      text = `${text.slice(0, half)}\n\u2026 ${(text.length - CAP_CHARS).toLocaleString("en")} more characters not shown \u2026\n${text.slice(-half)}`;
    }
    const lines = text.split("\n");
    if (lines.length > CAP_LINES) {
      const half = CAP_LINES / 2;
      text = [...lines.slice(0, half), `\u2026 ${(lines.length - CAP_LINES).toLocaleString("en")} more lines not shown \u2026`, ...lines.slice(-half)].join("\n");
    }
    return text;
  }

  function text(tag, className, content) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    node.textContent = capText(String(content));
    return node;
  }

  // ---------------------------------------------------------------------------
  // The Python session (one worker at a time) and its queue of jobs

  let session = null;
  let counter = 0;
  const queue = []; // jobs not yet sent
  let current = null; // the job the worker is running
  const sessionStatus = [];

  function setStatus(message) {
    for (const node of sessionStatus) node.textContent = message;
  }

  function newSession() {
    const worker = new Worker(config.workerURL, { type: "module", name: "python" });
    const s = { worker, ran: new Set(), created: performance.now(), readyAt: null, failed: null, dead: false };
    worker.onmessage = (event) => {
      if (s.dead) return;
      const m = event.data;
      if (!m || typeof m !== "object") return;
      if (m.type === "ready") {
        if (s.readyAt) return;
        s.readyAt = performance.now();
        s.loadMs = m.ms && typeof m.ms === "object" ? { ...m.ms } : null;
        setStatus("Python is ready.");
        if (current && current.session === s) armTimer(current, config.limit);
      } else if (m.type === "failed") {
        s.failed = String(m.error).slice(0, 500);
        endSession(s, `Python could not start on this page (${s.failed}).`);
      } else if (!current || current.session !== s || m.id !== current.id) {
        // Only the job the page is waiting for is answered; anything else is ignored.
      } else if (m.type === "started") {
        // Once per job: code in the worker cannot post "started" again to push its limit back.
        if (current.startedAt) return;
        current.startedAt = performance.now();
        armTimer(current, config.limit);
      } else if (m.type === "partial") {
        current.partial = capText(m.stdout);
      } else if (m.type === "result") {
        finish(current, plainResult(m));
      }
    };
    worker.onerror = (event) => {
      event.preventDefault();
      endSession(s, `Python stopped (${event.message || "the worker failed"}).`);
    };
    worker.postMessage({ type: "init", indexURL: config.indexURL, wheelsURL: config.wheelsURL });
    state.sessions += 1;
    setStatus(state.sessions > 1 ? "Python is restarting\u2026" : "Python is starting (first time only, a few seconds)\u2026");
    return s;
  }

  // What the page keeps of a worker's result: plain strings and booleans, nothing else.
  function plainResult(m) {
    const str = (value) => (typeof value === "string" ? value : null);
    let check = null;
    if (m.check && typeof m.check === "object" && Array.isArray(m.check.lines)) {
      const status = ["passed", "failed", "not attempted"].includes(m.check.status) ? m.check.status : null;
      if (status) check = { exercise: String(m.check.exercise), status, lines: m.check.lines.slice(0, CAP_LINES).map((line) => String(line)) };
    }
    return {
      ok: m.ok === true,
      phase: str(m.phase),
      stdout: str(m.stdout) || "",
      value: str(m.value),
      error: str(m.error),
      explain: str(m.explain),
      // A chart's SVG text, shown only as an <img> from a data: URL (chartPart), within the worker's size limit.
      svg: str(m.svg) && m.svg.length <= 500000 && m.svg.startsWith("<svg") ? m.svg : null,
      alt: str(m.alt),
      check,
      ms: typeof m.ms === "number" ? m.ms : null,
    };
  }

  // Browsers run no worker for a page opened from a file: the book must be served over http.
  const FROM_FILE = location.protocol === "file:";

  function ensureSession() {
    if (FROM_FILE) return null;
    if (!session) session = newSession();
    return session;
  }

  // End a session: its worker is terminated and the job it was running is aborted with `reason`.
  function endSession(s, reason) {
    if (s.dead) return;
    s.dead = true;
    s.worker.terminate();
    if (session === s) session = null;
    if (current && current.session === s) finish(current, { ok: false, aborted: reason });
    setStatus("Python was restarted.");
  }

  function armTimer(job, seconds) {
    clearTimeout(job.timer);
    job.timer = setTimeout(() => {
      const s = job.session;
      const loading = !s.readyAt;
      endSession(
        s,
        loading
          ? `Python did not start within ${config.loadLimit} seconds (is the network slow?). Press Check or Run to try again.`
          : `it was still running after ${config.limit} seconds, so Python was restarted. ` +
              "Look for a loop that never ends (a while loop whose condition never becomes false), " +
              "or code that prints a very large amount.",
      );
      ensureSession(); // a fresh session, loading from the browser's cache
    }, seconds * 1000);
  }

  function send(job) {
    const s = ensureSession();
    job.session = s;
    current = job;
    job.sent = performance.now();
    // The limit counts from now; while Python is still loading, the load gets its own allowance.
    armTimer(job, s.readyAt ? config.limit : config.loadLimit + config.limit);
    s.worker.postMessage(job.message);
  }

  function finish(job, result) {
    clearTimeout(job.timer);
    if (current === job) current = null;
    const i = queue.indexOf(job);
    if (i >= 0) queue.splice(i, 1);
    job.resolve({ ...result, partial: job.partial || "", session: job.session });
    pump();
  }

  function pump() {
    if (current || !queue.length) return;
    send(queue.shift());
  }

  // Queue a message for the worker; resolves with its plain result or {aborted: reason}.
  function submit(message, action) {
    return new Promise((resolve) => {
      const job = { id: ++counter, message: { ...message, id: counter }, resolve, action, partial: "" };
      job.message.id = job.id;
      if (action) action.jobs.add(job);
      queue.push(job);
      pump();
    });
  }

  // Other page scripts (the exam's "Check my facts") run Python through the same queue, limit and session:
  // thawRunner.run(code, scope) resolves with the worker's plain result ({ok, stdout, error, ...} or {aborted}).
  state.run = (code, scope = "tools") => submit({ type: "run", code, scope });

  // Stop an action: its queued jobs are dropped, the one running ends the worker.
  function abortAction(action, reason) {
    action.stopped = reason;
    for (const job of [...queue]) if (job.action === action) finish(job, { ok: false, aborted: reason });
    if (current && current.action === action) endSession(current.session, reason);
  }

  function restartPython() {
    for (const job of [...queue]) finish(job, { ok: false, aborted: "Python was restarted." });
    if (session) endSession(session, "Python was restarted.");
    ensureSession();
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
      else if (call) {
        cell.kind = "check";
        cell.exercise = call[1];
      } else if (exercise) cell.kind = "starter";
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
    // Keys for saved code: the cell's original code (and which copy of it, if several cells share it).
    const seen = new Map();
    for (const cell of cells) {
      const base = cell.kind === "starter" && cell.exercise ? `exercise:${cell.exercise}` : `cell:${hash(cell.code)}`;
      const n = seen.get(base) || 0;
      seen.set(base, n + 1);
      cell.key = `code:${page}:${base}${n ? `:${n}` : ""}`;
    }
  }

  // FNV-1a, 32 bits: a short, stable name for a cell's original code.
  function hash(textValue) {
    let h = 0x811c9dc5;
    for (let i = 0; i < textValue.length; i += 1) {
      h ^= textValue.charCodeAt(i);
      h = Math.imul(h, 0x01000193) >>> 0;
    }
    return h.toString(16).padStart(8, "0");
  }

  function button(label, accessibleName, onClick) {
    const b = document.createElement("button");
    b.type = "button";
    b.className = "runner-button";
    b.textContent = label;
    if (accessibleName) b.setAttribute("aria-label", accessibleName);
    b.addEventListener("click", onClick);
    return b;
  }

  // A pointer on a Run or Check button, or keyboard focus on it, means a press is coming:
  // start Python then (scrolling past a cell starts nothing).
  function preloadOn(b) {
    const intent = () => {
      ensureSession();
      loadEditor();
    };
    b.addEventListener("pointerenter", intent);
    b.addEventListener("focus", intent);
    return b;
  }

  function describe(cell) {
    if (cell.kind === "starter") return `Your code for exercise ${cell.exercise}`;
    if (cell.kind === "check") return `Check of exercise ${cell.exercise}`;
    return `Code cell ${cell.index + 1}`;
  }

  // Saved code: {original, code}; a copy whose original is not the cell's code today is dropped.
  function loadSaved(cell) {
    if (!store) return null;
    const saved = store.get(cell.key);
    if (!saved || typeof saved !== "object" || typeof saved.code !== "string" || saved.original !== cell.code) {
      if (saved !== null) store.remove(cell.key);
      return null;
    }
    return saved.code;
  }

  function save(cell) {
    if (!store) return;
    const code = cell.getCode();
    if (code === cell.code) store.remove(cell.key);
    else store.set(cell.key, { original: cell.code, code }); // false when full or blocked: the code stays on the page
  }

  // Saved code of this page that matches no cell (its original changed or the cell is gone) is dropped.
  function dropOrphans() {
    if (!store) return;
    const keys = new Set(cells.map((cell) => cell.key));
    const checks = new Set(cells.filter((cell) => cell.checkCell).map((cell) => `check:${page}:${cell.exercise}`));
    for (const key of store.keys()) {
      if (key.startsWith(`code:${page}:`) && !keys.has(key)) store.remove(key);
      if (key.startsWith(`check:${page}:`) && !checks.has(key)) store.remove(key);
    }
  }

  // The editor: CodeMirror 6 (_static/editor.js, bundled from npm at build time), loaded when the
  // reader first points at or focuses a cell; until then, and if it cannot load, a labelled textarea
  // (Tab indents; Escape, then Tab, leaves it, as with CodeMirror).
  let editorLoading = null;
  function loadEditor() {
    if (!editorLoading) {
      editorLoading = new Promise((resolve, reject) => {
        if (window.BookEditor) return resolve(window.BookEditor);
        const tag = document.createElement("script");
        tag.src = new URL("editor.js", staticURL).href;
        tag.onload = () => (window.BookEditor ? resolve(window.BookEditor) : reject(new Error("no editor")));
        tag.onerror = reject;
        document.head.append(tag);
      }).then((BookEditor) => {
        for (const cell of cells) if (cell.upgrade) cell.upgrade(BookEditor);
        state.editor = "codemirror";
        return BookEditor;
      });
      editorLoading.catch(() => {});
    }
    return editorLoading;
  }

  function makeEditor(cell, initial, labelId, helpId) {
    const host = document.createElement("div");
    host.className = "runner-editor-host";
    const editor = document.createElement("textarea");
    editor.className = "runner-editor";
    editor.spellcheck = false;
    editor.autocapitalize = "off";
    editor.setAttribute("autocomplete", "off");
    editor.id = `runner-editor-${cell.index}`;
    editor.setAttribute("aria-describedby", helpId);
    editor.value = initial;
    host.append(editor);
    const fit = () => {
      editor.rows = Math.max(2, editor.value.split("\n").length + 1);
    };
    fit();
    let escaped = false;
    editor.addEventListener("keydown", (event) => {
      if (event.key === "Escape") {
        escaped = true;
        return;
      }
      if (event.key === "Enter" && (event.shiftKey || event.ctrlKey || event.metaKey)) {
        event.preventDefault();
        cell.primary();
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
    const intent = () => {
      ensureSession();
      loadEditor();
    };
    editor.addEventListener("focus", intent);
    host.addEventListener("pointerenter", () => loadEditor(), { once: true });
    editor.addEventListener("input", () => {
      fit();
      cell.edited();
    });
    cell.getCode = () => editor.value;
    cell.setCode = (value) => {
      editor.value = value;
      fit();
    };
    cell.focusEditor = () => editor.focus();
    // Swap the textarea for CodeMirror, keeping the text, the caret and the focus.
    cell.upgrade = (BookEditor) => {
      cell.upgrade = null;
      const focused = document.activeElement === editor;
      const caret = editor.selectionStart;
      const cm = BookEditor.create(host, {
        doc: editor.value,
        labelledBy: labelId,
        describedBy: helpId,
        onChange: () => cell.edited(),
        onRun: () => cell.primary(),
      });
      cm.view.contentDOM.id = editor.id;
      cm.view.contentDOM.addEventListener("focus", () => ensureSession());
      editor.remove();
      cell.getCode = cm.getCode;
      cell.setCode = cm.setCode;
      cell.focusEditor = cm.focus;
      if (focused) {
        cm.view.dispatch({ selection: { anchor: Math.min(caret, cm.view.state.doc.length) } });
        cm.focus();
      }
    };
    return host;
  }

  let helpNode = null;
  function help(input) {
    // One visible line of help, before the first editor.
    if (helpNode) return helpNode.id;
    helpNode = document.createElement("p");
    helpNode.id = "runner-help";
    helpNode.className = "runner-help";
    helpNode.textContent =
      "The code cells on this page are editable Python. Tab indents; press Escape, then Tab, to leave an editor. " +
      "Shift+Enter runs a cell (in an exercise: checks it). What you type is kept in this browser, " +
      "and after your first visit the book, with its Python, also works offline.";
    input.before(helpNode);
    return helpNode.id;
  }

  // One control for the whole page: the state of Python and "Restart Python".
  function sessionBar() {
    const bar = document.createElement("div");
    bar.className = "runner-session";
    const status = document.createElement("span");
    status.className = "runner-session-status";
    status.setAttribute("role", "status");
    status.textContent = "Python starts when you use a cell.";
    sessionStatus.push(status);
    bar.append(status, " ", restartButton());
    return bar;
  }

  function restartButton() {
    return button("Restart Python", "Restart Python (a fresh session for this page)", () => {
      restartPython();
      for (const cell of cells) if (cell.output && !cell.busy) cell.output.replaceChildren();
    });
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
    if (cell.kind === "check" && cell.starter) {
      // The exercise's check is part of Check: shown as the book wrote it, not edited or run alone.
      input.after(output);
      return;
    }

    const what = describe(cell);
    const label = document.createElement("label");
    label.className = "runner-label";
    label.id = `runner-label-${cell.index}`;
    label.textContent = `${what} (Python, editable)`;
    const saved = loadSaved(cell);
    const editor = makeEditor(cell, saved !== null ? saved : cell.code, label.id, help(input));
    label.htmlFor = `runner-editor-${cell.index}`;
    // A click on the label puts the caret in the editor, whichever it is.
    label.addEventListener("click", (event) => {
      event.preventDefault();
      cell.focusEditor();
    });

    const bar = document.createElement("div");
    bar.className = "runner-bar";
    const lower = what.toLowerCase();
    if (cell.kind === "starter" && cell.checkCell) {
      cell.primary = () => check(cell);
      cell.mainButton = preloadOn(button("Check", `Check your answer to ${cell.exercise}`, cell.primary));
    } else {
      cell.primary = () => run(cell);
      cell.mainButton = preloadOn(button("Run", `Run ${lower}`, cell.primary));
    }
    cell.stopButton = button("Stop", `Stop ${lower}`, () => cell.action && abortAction(cell.action, "you pressed Stop."));
    cell.stopButton.hidden = true;
    const resetText = cell.kind === "starter" ? "Reset to starter code" : "Reset code";
    bar.append(cell.mainButton, cell.stopButton, button(resetText, `${resetText}, ${lower}`, () => reset(cell)));

    cell.edited = () => {
      ensureSession();
      save(cell);
      // A result shown for other code no longer belongs here.
      const target = resultArea(cell);
      if (!cell.busy && target.childElementCount && !target.querySelector(".runner-stale")) {
        target.replaceChildren(
          text("p", "runner-stale", cell.checkCell ? "You changed your code after this result: press Check to check it." : "You changed the code after this output: press Run to run it."),
        );
        if (target !== output) output.replaceChildren();
      }
    };

    const highlight = input.querySelector(".highlight") || input.firstElementChild;
    if (highlight) highlight.hidden = true;
    input.append(label, editor, bar);
    input.after(output);
  }

  function reset(cell) {
    if (cell.getCode() === cell.code) return;
    const question =
      cell.kind === "starter"
        ? "Discard your code in this cell and put back the starter code?"
        : "Discard your changes to this cell and put back the book's code?";
    if (!window.confirm(question)) return;
    cell.setCode(cell.code);
    cell.edited();
    cell.focusEditor();
  }

  // ---------------------------------------------------------------------------
  // Showing results (every node built here, every text through textContent)

  function resultArea(cell) {
    return cell.checkCell ? cell.checkCell.output : cell.output;
  }

  function show(output, parts) {
    output.replaceChildren(...parts);
    const built = output.closest(".cell") && output.closest(".cell").querySelector(".cell_output");
    if (built) built.hidden = true;
  }

  const SYMBOL = { passed: "\u2714", failed: "\u2718", "not attempted": "\u2026" };
  const LABEL = { passed: "Correct", failed: "Not yet", "not attempted": "Not attempted yet" };

  // The same box as exercises.Result._repr_html_ in Jupyter, built from plain data.
  function checkBox(check) {
    const box = document.createElement("div");
    box.className = `check-result check-${check.status.replace(" ", "-")}`;
    box.setAttribute("role", "status");
    const strong = document.createElement("strong");
    const symbol = document.createElement("span");
    symbol.setAttribute("aria-hidden", "true");
    symbol.textContent = SYMBOL[check.status];
    strong.append(symbol, ` ${LABEL[check.status]}`);
    const code = document.createElement("code");
    code.textContent = check.exercise;
    box.append(strong, " ", code);
    for (const line of check.lines.slice(1)) box.append(document.createElement("br"), capText(line));
    const wrap = document.createElement("div");
    wrap.className = "runner-html";
    wrap.append(box);
    return wrap;
  }

  function errorParts(result) {
    const parts = [];
    if (result.explain) parts.push(text("p", "runner-explain", result.explain));
    if (result.error) {
      if (result.explain) {
        const details = document.createElement("details");
        details.className = "runner-traceback";
        const summary = document.createElement("summary");
        summary.textContent = "What Python said";
        details.append(summary, text("pre", "runner-error", result.error));
        parts.push(details);
      } else parts.push(text("pre", "runner-error", result.error));
    }
    return parts;
  }

  // A chart drawn by exercises.plot arrives as SVG text: shown as an image from a data: URL, so nothing in it
  // can run or touch the page (scripts in an <img> never run); its description in words is the alt text.
  function chartPart(result) {
    const figure = document.createElement("figure");
    figure.className = "runner-chart";
    const img = document.createElement("img");
    img.src = "data:image/svg+xml;charset=utf-8," + encodeURIComponent(String(result.svg));
    img.alt = String(result.alt || "A chart drawn by your code.");
    figure.append(img);
    return figure;
  }

  function outputParts(result) {
    const parts = [];
    if (result.stdout) parts.push(text("pre", "runner-stdout", result.stdout));
    if (result.svg) parts.push(chartPart(result));
    if (result.value !== null && result.value !== undefined) parts.push(text("pre", "runner-value", result.value));
    parts.push(...errorParts(result));
    return parts;
  }

  function abortParts(result, prefix) {
    const parts = [];
    if (result.partial) parts.push(text("pre", "runner-stdout", `${result.partial}\n\u2026 (the run was stopped here)`));
    const note = document.createElement("p");
    note.className = "runner-timeout";
    note.textContent = `${prefix}${result.aborted}`;
    parts.push(note);
    const again = document.createElement("p");
    again.className = "runner-bar";
    again.append(restartButton());
    parts.push(again);
    return parts;
  }

  function status(output, message) {
    show(output, [text("p", "runner-status", message)]);
  }

  function startingMessage(s) {
    if (s && s.readyAt) return null;
    return state.sessions > 1 ? "Restarting Python\u2026" : "Starting Python (first time only, a few seconds)\u2026";
  }

  // ---------------------------------------------------------------------------
  // Actions: Run a plain cell, Check an exercise

  function begin(cell) {
    if (cell.busy) return null; // queued or running: further presses are ignored
    const action = { cell, jobs: new Set(), stopped: null };
    cell.busy = true;
    cell.action = action;
    cell.element.dataset.busy = "true";
    cell.mainButton.setAttribute("aria-disabled", "true");
    cell.stopButton.hidden = false;
    return action;
  }

  function end(cell) {
    cell.busy = false;
    cell.action = null;
    delete cell.element.dataset.busy;
    cell.mainButton.removeAttribute("aria-disabled");
    cell.stopButton.hidden = true;
  }

  function record(cell, pressed, result) {
    const s = result.session;
    state.runs.push({
      cell: cell.index,
      kind: cell.kind,
      ms: Math.round(performance.now() - pressed),
      pythonMs: result.ms,
      ok: !!result.ok,
      timeout: !!result.aborted,
      aborted: result.aborted || null,
      session: state.sessions,
      // How long the session took to start (worker, Pyodide, wheel), and its parts inside the worker.
      sessionMs: s && s.readyAt ? Math.round(s.readyAt - s.created) : null,
      loadMs: (s && s.loadMs) || null,
    });
  }

  function servedFromFile(cell) {
    if (!FROM_FILE) return false;
    show(resultArea(cell), [
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
    const action = begin(cell);
    if (!action) return;
    const pressed = performance.now();
    try {
      const s = ensureSession();
      status(cell.output, startingMessage(s) || "Running\u2026");
      // The plain cells above that this session has not run yet (the book's code, or the reader's).
      for (const other of cells) {
        if (other === cell) break;
        if (other.kind !== "setup" || (session && session.ran.has(other))) continue;
        const code = other.getCode ? other.getCode() : other.code;
        const result = await submit({ type: "run", code, scope: "page" }, action);
        record(other, pressed, result);
        if (result.aborted) {
          show(cell.output, abortParts(result, `Not run: a cell above (cell ${other.index + 1}) did not finish: `));
          return;
        }
        if (result.session === session) session.ran.add(other);
      }
      const code = cell.getCode();
      const result = await submit({ type: "run", code, scope: "page" }, action);
      record(cell, pressed, result);
      if (result.aborted) {
        show(cell.output, abortParts(result, "Stopped: "));
        return;
      }
      if (result.session === session) session.ran.add(cell);
      const parts = outputParts(result);
      if (!parts.length) parts.push(text("p", "runner-done", "Done (no output)."));
      if (cell.getCode() !== code) parts.unshift(text("p", "runner-stale", "You changed the code while it ran: this output is for the code as it was."));
      show(cell.output, parts);
    } finally {
      end(cell);
    }
  }

  // The setup cells of the chapter above an exercise, as the book wrote them.
  function setupAbove(cell) {
    const codes = [];
    for (const other of cells) {
      if (other === cell) break;
      if (other.kind === "setup") codes.push(other.code);
    }
    return codes;
  }

  async function check(cell) {
    if (servedFromFile(cell)) return;
    const action = begin(cell);
    if (!action) return;
    const pressed = performance.now();
    const area = cell.checkCell.output;
    const code = cell.getCode();
    const scope = `exercise:${cell.exercise}`;
    try {
      const s = ensureSession();
      cell.output.replaceChildren();
      status(area, startingMessage(s) || "Checking\u2026");
      const ran = await submit({ type: "run", code, scope, setup: setupAbove(cell) }, action);
      record(cell, pressed, ran);
      if (ran.aborted) {
        if (ran.partial) show(cell.output, [text("pre", "runner-stdout", `${ran.partial}\n\u2026 (the run was stopped here)`)]);
        show(area, abortParts({ ...ran, partial: "" }, "Not checked: your code did not finish: "));
        return;
      }
      if (ran.phase === "setup") {
        show(area, [text("p", "runner-timeout", "Not checked: a cell of the chapter above this exercise failed in Python. Press Restart Python, then Check again."), ...errorParts(ran)]);
        return;
      }
      show(cell.output, outputParts(ran));
      if (!ran.ok) {
        show(area, [text("p", "runner-timeout", "Not checked: your code stopped with an error (shown above). Fix it, then press Check again.")]);
        return;
      }
      if (startingMessage(ran.session) === null) status(area, "Checking\u2026");
      const checked = await submit({ type: "check", code: cell.checkCell.code, scope, exercise: cell.exercise }, action);
      record(cell.checkCell, pressed, checked);
      if (checked.aborted) {
        show(area, abortParts(checked, "Not checked: the check did not finish: "));
        return;
      }
      if (!checked.check) {
        show(area, [text("p", "runner-timeout", "Not checked: the check gave no verdict."), ...outputParts(checked)]);
        return;
      }
      const parts = [checkBox(checked.check)];
      if (checked.stdout) parts.push(text("pre", "runner-stdout", checked.stdout));
      if (cell.getCode() !== code) {
        parts.unshift(text("p", "runner-stale", "You changed your code while it was checked: this result is for the code as it was. Press Check to check it."));
        show(area, parts.slice(0, 1));
      } else {
        show(area, parts);
        if (store) store.set(`check:${page}:${cell.exercise}`, { code, check: checked.check });
      }
    } finally {
      end(cell);
    }
  }

  // After a reload: the last check's result, if it was for the code now in the editor.
  function showSavedCheck(cell) {
    if (!store) return;
    const saved = store.get(`check:${page}:${cell.exercise}`);
    if (!saved || typeof saved !== "object" || saved.code !== cell.getCode() || !saved.check) return;
    const checkData = saved.check;
    if (!["passed", "failed", "not attempted"].includes(checkData.status) || !Array.isArray(checkData.lines)) return;
    show(cell.checkCell.output, [
      text("p", "runner-status", "Your last check of this code:"),
      checkBox({ exercise: cell.exercise, status: checkData.status, lines: checkData.lines.map(String) }),
    ]);
  }

  // ---------------------------------------------------------------------------
  // Short, named keyboard paths

  function exerciseName(exercise) {
    const number = exercise.querySelector(".caption-number");
    return number ? number.textContent.trim() : "this exercise";
  }

  function keyboardPaths() {
    // "Skip to the exercises": the first stop of the Tab order; it lands in the first exercise's editor.
    const first = cells.find((cell) => cell.kind === "starter" && cell.checkCell);
    if (first) {
      const exercise = first.element.closest(".exercise");
      const skip = document.createElement("a");
      skip.className = "runner-skip";
      skip.href = exercise && exercise.id ? `#${exercise.id}` : "#";
      skip.textContent = "Skip to the exercises";
      skip.addEventListener("click", (event) => {
        event.preventDefault();
        first.element.scrollIntoView({ block: "center" });
        first.focusEditor();
      });
      document.body.prepend(skip);
    }
    // Each solution's toggle is named for its exercise ("Show the solution to Exercise 4.1");
    // sphinx-togglebutton adds the toggles when the document has loaded, so name them as they come.
    for (const solution of document.querySelectorAll(".solution")) {
      let exercise = solution.previousElementSibling;
      while (exercise && !exercise.classList.contains("exercise")) exercise = exercise.previousElementSibling;
      if (!exercise) continue;
      const name = exerciseName(exercise);
      const label = () => {
        const toggle = solution.querySelector("button.toggle-button");
        if (!toggle) return;
        const hidden = solution.classList.contains("toggle-hidden");
        const wanted = `${hidden ? "Show" : "Hide"} the solution to ${name}`;
        if (toggle.getAttribute("aria-label") !== wanted) toggle.setAttribute("aria-label", wanted);
      };
      label();
      new MutationObserver(label).observe(solution, { attributes: true, attributeFilter: ["class"], childList: true, subtree: true });
    }
  }

  // ---------------------------------------------------------------------------

  function start() {
    classify();
    const first = cells.find((cell) => cell.kind !== "jupyter-only");
    cells.forEach(enhance);
    for (const cell of cells) if (cell.checkCell && cell.getCode) showSavedCheck(cell);
    if (first) {
      const anchor = helpNode || first.input;
      anchor.before(sessionBar());
    }
    dropOrphans();
    keyboardPaths();
    document.documentElement.classList.add("runner-ready");
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
