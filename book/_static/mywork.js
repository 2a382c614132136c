// "Download my work", "Open my work" and "Clear my work from this browser" on every chapter page.
//
// Download my work: one .ipynb file that runs in Jupyter: the page's code cells as the student left them
// (the folded solutions left out), with a record in the notebook's metadata under "thaw_to_brink":
//   {format: 1, chapter, book_version, saved, student, checks: {id: {status, message}}, store: {key: value}}
// where checks are the results last shown in this page and store is what the book saved in this browser
// for this chapter (code, quiz and exam-practice answers).  `make mark` marks the file (tools/mark.py).
// Open my work: reads such a file, or a workbook from `make workbooks` done in Jupyter, back into the page
// (on any computer): each exercise's code, and the record's saved answers.
// Clear my work: offers the download first, then empties everything the book saved in this browser, on
// every page (window.BookStore.clearAll()), for the next pupil on a shared computer.
// Everything goes through window.BookStore (store.js); nothing leaves the computer.
(() => {
  "use strict";

  const store = window.BookStore;
  const RECORD = "thaw_to_brink";
  const page = location.pathname.replace(/\/index\.html$/, "/").split("/").pop().replace(/\.html$/, "") || "index";
  const CHECK_CALL = /^\s*check\(\s*["']([a-z0-9-]+)["']\s*,/;
  const meta = document.querySelector('meta[name="ttb-book-version"]');
  const version = meta ? meta.content : "";

  function originalOf(element) {
    const pre = element.querySelector(".cell_input pre");
    return pre ? pre.textContent.replace(/\n+$/, "") : "";
  }

  // FNV-1a, 32 bits, as runner.js names a cell's saved code.
  function hash(value) {
    let h = 0x811c9dc5;
    for (let i = 0; i < value.length; i += 1) {
      h ^= value.charCodeAt(i);
      h = Math.imul(h, 0x01000193) >>> 0;
    }
    return h.toString(16).padStart(8, "0");
  }

  // The page's code cells in order, with the key under which runner.js keeps each one's edited code
  // (code:<page>:exercise:<id> for a starter, code:<page>:cell:<hash of the original>[:n] for the others);
  // folded solutions are not the student's work.
  function cells() {
    const found = Array.from(document.querySelectorAll("div.cell"))
      .map((element, index) => ({ element, index, original: originalOf(element) }))
      .filter(({ element }) => element.querySelector(".cell_input") && !element.closest(".solution"));
    found.forEach((cell) => {
      const call = cell.original.match(CHECK_CALL);
      cell.check = call ? call[1] : null;
    });
    found.forEach((cell, i) => {
      const exercise = cell.element.closest(".exercise");
      if (cell.check || !exercise) return;
      const next = found.slice(i + 1).find((c) => c.element.closest(".exercise") === exercise);
      if (next && next.check) cell.exercise = next.check;
    });
    const seen = new Map();
    for (const cell of found) {
      const base = cell.exercise ? `exercise:${cell.exercise}` : `cell:${hash(cell.original)}`;
      const n = seen.get(base) || 0;
      seen.set(base, n + 1);
      cell.key = `code:${page}:${base}${n ? `:${n}` : ""}`;
    }
    return found;
  }

  function codeOf(cell) {
    const saved = store ? store.get(cell.key) : null;
    if (saved && typeof saved === "object" && saved.original === cell.original && typeof saved.code === "string") return saved.code;
    return cell.original;
  }

  function checks(list) {
    const found = {};
    for (const cell of list) {
      if (!cell.exercise || !store) continue;
      const saved = store.get(`check:${page}:${cell.exercise}`);
      if (!saved || typeof saved !== "object" || !saved.check || saved.code !== codeOf(cell)) continue;
      const { status, lines } = saved.check;
      if (!["passed", "failed", "not attempted"].includes(status) || !Array.isArray(lines)) continue;
      found[cell.exercise] = { status, message: lines.map(String).join("\n").slice(0, 2000) };
    }
    return found;
  }

  function belongsHere(key) {
    const [kind, id] = key.split(":");
    if (kind === "code" || kind === "check") return id === page;
    if (kind === "quiz") return !!document.querySelector(`[data-item="${CSS.escape(id || "")}"]`);
    if (kind === "exam") return !!document.querySelector(`[data-exam-id="${CSS.escape(id || "")}"]`);
    return false;
  }

  function record(list) {
    const saved = {};
    if (store) for (const [key, value] of Object.entries(store.exportAll())) if (belongsHere(key)) saved[key] = value;
    const name = store ? store.get("mywork:name") : null;
    return {
      format: 1,
      chapter: page,
      book_version: version,
      saved: new Date().toISOString(),
      student: typeof name === "string" ? name : "",
      checks: checks(list),
      store: saved,
    };
  }

  function lines(text) {
    const parts = text.split("\n");
    return parts.map((line, i) => (i < parts.length - 1 ? line + "\n" : line));
  }

  function notebook() {
    const title = (document.querySelector("article.bd-article h1") || document.querySelector("article h1") || { textContent: page }).textContent.replace(/#$/, "").trim();
    const out = [
      { cell_type: "markdown", id: "title", metadata: {}, source: lines(`# ${title}: my work\n\nSaved from the page on ${new Date().toLocaleString()}. Run it in Jupyter with the exercises package installed, or open it on the chapter's page with "Open my work".`) },
    ];
    const list = cells();
    for (const cell of list) {
      const exercise = cell.element.closest(".exercise");
      const heading = exercise && exercise.querySelector(".admonition-title, p.exercise-title, .exercise-title");
      if (cell.exercise && heading) {
        out.push({ cell_type: "markdown", id: `md-${cell.index}`, metadata: {}, source: lines(`## ${heading.textContent.trim()}`) });
      }
      out.push({ cell_type: "code", id: `cell-${cell.index}`, metadata: {}, execution_count: null, outputs: [], source: lines(codeOf(cell)) });
    }
    return {
      nbformat: 4,
      nbformat_minor: 5,
      metadata: {
        kernelspec: { display_name: "Python 3", language: "python", name: "python3" },
        language_info: { name: "python" },
        [RECORD]: record(list),
      },
      cells: out,
    };
  }

  function download() {
    const blob = new Blob([JSON.stringify(notebook(), null, 1) + "\n"], { type: "application/x-ipynb+json" });
    const link = document.createElement("a");
    link.href = URL.createObjectURL(blob);
    link.download = `${page}-my-work.ipynb`;
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
    say(`Your work is in ${link.download}, in your downloads. Hand in that file.`);
  }

  function source(cell) {
    const text = cell && cell.source;
    return Array.isArray(text) ? text.join("") : typeof text === "string" ? text : "";
  }

  function open(text) {
    let book;
    try {
      book = JSON.parse(text);
    } catch {
      return say("That file is not a notebook (.ipynb): nothing was changed.");
    }
    if (!book || !Array.isArray(book.cells)) return say("That file is not a notebook (.ipynb): nothing was changed.");
    const rec = book.metadata && typeof book.metadata[RECORD] === "object" && book.metadata[RECORD] ? book.metadata[RECORD] : null;
    const code = book.cells.filter((cell) => cell && cell.cell_type === "code").map(source);
    const starters = new Map(cells().filter((cell) => cell.exercise).map((cell) => [cell.exercise, cell]));
    const answers = {};
    code.forEach((text, i) => {
      const call = text.match(CHECK_CALL);
      if (call && starters.has(call[1]) && i > 0 && !CHECK_CALL.test(code[i - 1]) && !(call[1] in answers)) answers[call[1]] = code[i - 1];
    });
    const chapter = rec && typeof rec.chapter === "string" ? rec.chapter : null;
    if ((chapter && chapter !== page) || (!chapter && !Object.keys(answers).length)) {
      return say(chapter ? `That file is your work for the chapter "${chapter}": open it on that chapter's page.` : "That file holds no exercise of this chapter: nothing was changed.");
    }
    if (!store) return say("This browser does not let the book save anything, so your work cannot be opened here.");
    let count = 0;
    if (rec && rec.store && typeof rec.store === "object") {
      const kept = {};
      for (const [key, value] of Object.entries(rec.store)) if (belongsHere(key)) kept[key] = value;
      count += store.importAll(kept);
    }
    for (const [id, text] of Object.entries(answers)) {
      const cell = starters.get(id);
      if (text === cell.original) continue;
      if (store.set(cell.key, { original: cell.original, code: text })) count += 1;
    }
    if (rec && typeof rec.student === "string" && rec.student) store.set("mywork:name", rec.student.slice(0, 80));
    say(`Opened your work (${count} saved answers). The page reloads to show it.`);
    setTimeout(() => location.reload(), 600);
  }

  function clearAll() {
    if (window.confirm("Before clearing: download your work on this page first? (OK downloads it, Cancel goes on without it)")) download();
    if (!window.confirm("Clear everything this book saved in this browser, on every page (your code, quiz and exam answers)? It cannot be undone.")) {
      return say("Nothing was cleared.");
    }
    if (store) store.clearAll();
    say("Everything the book saved in this browser is cleared. The page reloads.");
    setTimeout(() => location.reload(), 600);
  }

  let status = null;
  function say(message) {
    if (status) status.textContent = message;
  }

  function button(text, onClick) {
    const b = document.createElement("button");
    b.type = "button";
    b.className = "mywork-button";
    b.textContent = text;
    b.addEventListener("click", onClick);
    return b;
  }

  function setUp() {
    if (!document.querySelector(".exercise")) return;
    const bar = document.createElement("section");
    bar.className = "mywork";
    bar.setAttribute("aria-label", "My work on this chapter");
    const label = document.createElement("label");
    label.textContent = "Your name (for your teacher): ";
    const name = document.createElement("input");
    name.type = "text";
    name.className = "mywork-name";
    name.maxLength = 80;
    name.autocomplete = "off";
    name.value = (store && store.get("mywork:name")) || "";
    name.addEventListener("change", () => store && store.set("mywork:name", name.value.trim()));
    label.append(name);
    const picker = document.createElement("input");
    picker.type = "file";
    picker.accept = ".ipynb,application/x-ipynb+json,application/json";
    picker.hidden = true;
    picker.className = "mywork-file";
    picker.addEventListener("change", () => {
      const file = picker.files && picker.files[0];
      if (!file) return;
      const reader = new FileReader();
      reader.onload = () => open(String(reader.result));
      reader.onerror = () => say("That file could not be read: nothing was changed.");
      reader.readAsText(file);
      picker.value = "";
    });
    status = document.createElement("p");
    status.className = "mywork-status";
    status.setAttribute("role", "status");
    bar.append(
      label,
      button("Download my work", download),
      button("Open my work", () => picker.click()),
      button("Clear my work from this browser", clearAll),
      picker,
      status,
    );
    const h1 = document.querySelector("article.bd-article h1") || document.querySelector("article h1");
    const section = h1 && h1.closest("section");
    if (h1) h1.after(bar);
    else if (section) section.prepend(bar);
    else document.body.prepend(bar);
    window.thawMyWork = { notebook, open, download };
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", setUp);
  else setUp();
})();
