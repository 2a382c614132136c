// The class overview page (book/class-overview.md): many handed-in .ipynb files, read in the browser with
// FileReader (nothing is uploaded), shown as a heat-map of students x exercises and quiz items, with the
// misconceptions seen most and links to the exercises.
//
// What a file says about each exercise:
// * a "Download my work" file (mywork.js): the record in its metadata ("thaw_to_brink": checks, store);
// * a workbook from `make workbooks` run in Jupyter: the output of each check("id", ...) cell, the same
//   text exercises.check prints ("id: correct.", "id: not yet.", "id: not attempted yet.").
// The page runs no code; `make mark` marks again, in a sandbox.  Everything is shown with textContent.
(() => {
  "use strict";

  const RECORD = "thaw_to_brink";
  const CHECK_CALL = /^\s*check\(\s*["']([a-z0-9-]+)["']\s*,/;
  const root = document.getElementById("class-overview");
  if (!root) return;
  const dataNode = document.getElementById("ttb-exercises");
  const known = dataNode ? JSON.parse(dataNode.textContent) : {}; // id -> {chapter, page}
  const base = new URL(".", document.currentScript ? document.currentScript.src : location.href);
  const bookRoot = new URL("..", base); // _static/ -> the book's root

  function el(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function statusOf(message) {
    const first = String(message || "").split("\n")[0];
    if (/: correct\.?$/.test(first)) return "passed";
    if (/: not attempted yet\.?$/.test(first)) return "not attempted";
    if (/: not yet\.?$/.test(first)) return "failed";
    return null;
  }

  function misconception(message) {
    const lines = String(message || "").split("\n").slice(1);
    const extra = lines.filter((line) => line.trim() && !/^(Expected|Got|Hint):/.test(line));
    return extra.length ? extra[0].trim() : null;
  }

  function text(value) {
    return Array.isArray(value) ? value.join("") : typeof value === "string" ? value : "";
  }

  function outputText(cell) {
    const parts = [];
    for (const output of Array.isArray(cell.outputs) ? cell.outputs : []) {
      if (output && output.data && output.data["text/plain"]) parts.push(text(output.data["text/plain"]));
      else if (output && output.text) parts.push(text(output.text));
    }
    return parts.join("\n").replace(/^'|'$/g, "");
  }

  // One file -> {student, file, results: {column: {status, message}}, problem}
  function read(name, raw) {
    const student = { student: name.replace(/\.ipynb$/i, ""), file: name, results: {}, problem: null };
    let book;
    try {
      book = JSON.parse(raw);
    } catch {
      student.problem = "not a notebook (not JSON)";
      return student;
    }
    if (!book || !Array.isArray(book.cells)) {
      student.problem = "not a notebook (no cells)";
      return student;
    }
    const rec = book.metadata && book.metadata[RECORD] && typeof book.metadata[RECORD] === "object" ? book.metadata[RECORD] : null;
    if (rec && typeof rec.student === "string" && rec.student.trim()) student.student = rec.student.trim().slice(0, 80);
    for (const cell of book.cells) {
      if (!cell || cell.cell_type !== "code") continue;
      const call = text(cell.source).match(CHECK_CALL);
      if (!call || student.results[call[1]]) continue;
      const shown = outputText(cell);
      const status = statusOf(shown);
      if (status) student.results[call[1]] = { status, message: shown };
    }
    if (rec && rec.checks && typeof rec.checks === "object") {
      for (const [id, result] of Object.entries(rec.checks)) {
        if (result && typeof result.message === "string" && ["passed", "failed", "not attempted"].includes(result.status)) {
          student.results[id] = { status: result.status, message: result.message };
        }
      }
    }
    if (rec && rec.store && typeof rec.store === "object") {
      for (const [key, value] of Object.entries(rec.store)) {
        const quiz = key.match(/^quiz:(.+)$/);
        if (quiz && value && typeof value === "object" && typeof value.right === "boolean") {
          student.results[`quiz:${quiz[1]}`] = { status: value.right ? "passed" : "failed", message: "" };
        }
      }
    }
    if (!Object.keys(student.results).length) student.problem = "no check results in it (were the check cells run?)";
    return student;
  }

  function link(id) {
    const info = known[id.replace(/^quiz:/, "")];
    if (!info) return null;
    return new URL(`${info.page}#${id.replace(/^quiz:/, "")}`, bookRoot).href;
  }

  function render(students) {
    results.replaceChildren();
    const columns = Array.from(new Set(students.flatMap((s) => Object.keys(s.results)))).sort((a, b) => {
      const ca = (known[a.replace(/^quiz:/, "")] || {}).order ?? 1e9;
      const cb = (known[b.replace(/^quiz:/, "")] || {}).order ?? 1e9;
      return ca - cb || a.localeCompare(b);
    });
    const table = el("table", "overview-heatmap");
    const caption = el("caption", "", `${students.length} files: one row per student, one column per exercise or quiz item`);
    table.append(caption);
    const head = el("tr");
    head.append(el("th", "", "Student"));
    for (const column of columns) {
      const th = el("th");
      th.scope = "col";
      const href = link(column);
      if (href) {
        const a = el("a", "", column);
        a.href = href;
        th.append(a);
      } else th.textContent = column;
      head.append(th);
    }
    head.append(el("th", "", "Passed"));
    const thead = el("thead");
    thead.append(head);
    table.append(thead);
    const body = el("tbody");
    for (const student of students) {
      const row = el("tr");
      const name = el("th", "", student.student);
      name.scope = "row";
      name.title = student.file;
      row.append(name);
      if (student.problem) {
        const cell = el("td", "overview-problem", `${student.file}: ${student.problem}`);
        cell.colSpan = columns.length + 1;
        row.append(cell);
      } else {
        let passed = 0;
        for (const column of columns) {
          const result = student.results[column];
          const status = result ? result.status : "missing";
          if (status === "passed") passed += 1;
          const symbol = { passed: "\u2714", failed: "\u2718", "not attempted": "\u2026", missing: "" }[status];
          const cell = el("td", `overview-${status.replace(" ", "-")}`, symbol);
          cell.title = result ? `${column}: ${status}` + (result.message ? `\n${result.message}` : "") : `${column}: no result`;
          cell.dataset.status = status;
          cell.dataset.column = column;
          row.append(cell);
        }
        row.append(el("td", "overview-total", `${passed}/${columns.length}`));
      }
      body.append(row);
    }
    const share = el("tr", "overview-share");
    share.append(el("th", "", "Class passed"));
    const marked = students.filter((s) => !s.problem);
    for (const column of columns) {
      const n = marked.filter((s) => s.results[column] && s.results[column].status === "passed").length;
      share.append(el("td", "", marked.length ? `${Math.round((100 * n) / marked.length)}%` : ""));
    }
    share.append(el("td"));
    body.append(share);
    table.append(body);
    const wrap = el("div", "overview-scroll");
    wrap.append(table);
    results.append(wrap);

    const counts = new Map();
    for (const student of marked) {
      for (const [column, result] of Object.entries(student.results)) {
        if (result.status !== "failed") continue;
        const line = misconception(result.message);
        if (!line) continue;
        const key = `${column}\u0000${line}`;
        counts.set(key, (counts.get(key) || 0) + 1);
      }
    }
    const top = Array.from(counts.entries()).sort((a, b) => b[1] - a[1]).slice(0, 10);
    results.append(el("h2", "", "Misconceptions seen most"));
    if (!top.length) results.append(el("p", "", "No check named a known mistake."));
    const list = el("ol", "overview-misconceptions");
    for (const [key, count] of top) {
      const [column, line] = key.split("\u0000");
      const item = el("li");
      item.append(el("strong", "", `${count} \u00d7 `), document.createTextNode(`${line} (`));
      const href = link(column);
      if (href) {
        const a = el("a", "", column);
        a.href = href;
        item.append(a);
      } else item.append(document.createTextNode(column));
      item.append(document.createTextNode(")"));
      list.append(item);
    }
    results.append(list);
  }

  const label = el("label", "overview-label", "Handed-in files (.ipynb): ");
  const input = el("input");
  input.type = "file";
  input.multiple = true;
  input.accept = ".ipynb,application/x-ipynb+json,application/json";
  input.className = "overview-files";
  label.append(input);
  const status = el("p", "overview-status");
  status.setAttribute("role", "status");
  const results = el("div", "overview-results");
  root.append(label, status, results);

  input.addEventListener("change", () => {
    const files = Array.from(input.files || []);
    if (!files.length) return;
    status.textContent = `Reading ${files.length} files\u2026`;
    Promise.all(
      files.map(
        (file) =>
          new Promise((resolve) => {
            const reader = new FileReader();
            reader.onload = () => resolve(read(file.name, String(reader.result)));
            reader.onerror = () => resolve({ student: file.name, file: file.name, results: {}, problem: "could not be read" });
            if (file.size > 5_000_000) resolve({ student: file.name, file: file.name, results: {}, problem: "too large for a notebook of this book" });
            else reader.readAsText(file);
          }),
      ),
    ).then((students) => {
      students.sort((a, b) => a.student.localeCompare(b.student));
      render(students);
      status.textContent = `Read ${students.length} files; nothing left this computer.`;
    });
  });
  window.thawOverview = { read, statusOf, misconception };
})();
