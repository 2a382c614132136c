// Exam practice (book/_ext/exam.py): a draft kept in the browser, a timer with extra time,
// a checklist that gives the level that fits, and model answers shown after the checklist.
// Everything is kept through window.BookStore (book/_static/store.js), so "Clear my work" clears it too.
(function () {
  "use strict";

  // window.BookStore (book/_static/store.js, on every page) keeps what the book saves in the browser.
  const store = window.BookStore;

  function levelFor(levels, ticked) {
    // The same rule as exercises._exam.level_for: a level counts when all its criteria, and all below, are ticked.
    let reached = 0;
    for (const level of levels.slice().sort((a, b) => a.n - b.n)) {
      const missing = level.criteria.filter((c) => !ticked.has(c));
      if (missing.length) return { level: reached, missing, next: level };
      reached = level.n;
    }
    return { level: reached, missing: [], next: null };
  }

  function pad(n) { return String(n).padStart(2, "0"); }

  function setUp(widget) {
    const id = widget.dataset.examId;
    const minutes = Number(widget.dataset.minutes);
    const levels = JSON.parse(widget.dataset.levels);
    const draft = widget.querySelector(".exam-draft");
    const saved = widget.querySelector(".exam-saved");
    const clock = widget.querySelector(".exam-clock");
    const extra = widget.querySelector(".exam-extra");
    const startButton = widget.querySelector(".exam-timer-start");
    const timeNote = widget.querySelector(".exam-time-note");
    const result = widget.querySelector(".exam-level-result");
    const boxes = Array.from(widget.querySelectorAll(".exam-checklist input[type=checkbox]"));
    const models = document.querySelector(`details[data-exam-models="${CSS.escape(id)}"]`);

    // The draft
    const kept = store.get(`exam:${id}:draft`);
    if (typeof kept === "string") draft.value = kept;
    let saveTimer = null;
    draft.addEventListener("input", () => {
      clearTimeout(saveTimer);
      saveTimer = setTimeout(() => {
        store.set(`exam:${id}:draft`, draft.value);
        const now = new Date();
        saved.textContent = `Saved in this browser at ${pad(now.getHours())}:${pad(now.getMinutes())}.`;
      }, 300);
    });
    widget.querySelector(".exam-copy").addEventListener("click", async () => {
      try {
        await navigator.clipboard.writeText(draft.value);
        saved.textContent = "Copied: paste it where you like.";
      } catch (e) {
        draft.select();
        saved.textContent = "Your answer is selected: press Ctrl+C (or Cmd+C) to copy it.";
      }
    });
    widget.querySelector(".exam-download").addEventListener("click", () => {
      const blob = new Blob([draft.value], { type: "text/plain;charset=utf-8" });
      const link = document.createElement("a");
      link.href = URL.createObjectURL(blob);
      link.download = `${id}.txt`;
      document.body.appendChild(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(link.href), 1000);
    });

    // Check my facts: exercises.factcheck, the same code as in Jupyter, run by the page's Python (runner.js).
    const facts = widget.querySelector(".exam-facts");
    widget.querySelector(".exam-factcheck").addEventListener("click", async () => {
      const say = (cls, words) => { const p = document.createElement("p"); p.className = cls; p.textContent = words; return p; };
      if (!draft.value.trim()) { facts.replaceChildren(say("exam-facts-note", "Write something first: the checker reads your answer.")); return; }
      if (!window.thawRunner || !window.thawRunner.run) {
        facts.replaceChildren(say("exam-facts-note", "The fact-checker needs the page's Python, which this page could not start. In Jupyter: from exercises import factcheck; factcheck(your_text)."));
        return;
      }
      facts.replaceChildren(say("exam-facts-note", "Checking your facts against the book's tables (the first time, Python takes a few seconds to start)\u2026"));
      const code = [
        "import json as _json",
        "from exercises import factcheck as _factcheck",
        `_report = _factcheck(${JSON.stringify(draft.value)})`,
        "print(_json.dumps({'flags': [{'message': f.message, 'chapter': f.chapter} for f in _report.flags], 'checked': len(_report.checked)}))",
      ].join("\n");
      const result = await window.thawRunner.run(code, "factcheck");
      let found = null;
      try { found = JSON.parse(String(result.stdout || "").trim().split("\n").pop()); } catch (e) { found = null; }
      if (!found) {
        facts.replaceChildren(say("exam-facts-note", `The fact-checker did not finish: ${result.aborted || result.error || "no answer"}. Press Check my facts again.`));
        return;
      }
      const parts = [];
      if (found.flags.length) {
        parts.push(say("exam-facts-head", `${found.flags.length} claim${found.flags.length === 1 ? "" : "s"} the book's data disagrees with:`));
        const list = document.createElement("ul");
        for (const flag of found.flags) {
          const item = document.createElement("li");
          item.textContent = flag.message + " ";
          const link = document.createElement("a");
          link.href = `${flag.chapter}.html`;
          link.textContent = "Read the chapter";
          item.appendChild(link);
          list.appendChild(item);
        }
        parts.push(list);
      } else {
        parts.push(say("exam-facts-head", "No claim that the book's data can settle disagrees with your answer."));
      }
      parts.push(say("exam-facts-note", `Checked ${found.checked} date${found.checked === 1 ? "" : "s"} or figure${found.checked === 1 ? "" : "s"}. Claims the checker could not tie to one event and one date were not judged: check those yourself.`));
      facts.replaceChildren(...parts);
    });

    // The timer
    let left = minutes * 60;
    let ticking = null;
    const show = () => { clock.textContent = `${pad(Math.floor(left / 60))}:${pad(left % 60)}`; };
    const reset = () => {
      clearInterval(ticking); ticking = null;
      left = Math.round(minutes * 60 * Number(extra.value));
      startButton.textContent = "Start the timer";
      timeNote.textContent = "";
      show();
    };
    extra.addEventListener("change", reset);
    widget.querySelector(".exam-timer-reset").addEventListener("click", reset);
    startButton.addEventListener("click", () => {
      if (ticking) {
        clearInterval(ticking); ticking = null;
        startButton.textContent = "Carry on";
        return;
      }
      if (left <= 0) reset();
      startButton.textContent = "Pause the timer";
      timeNote.textContent = `Timer started: ${Math.round(left / 60)} minutes.`;
      draft.focus();
      ticking = setInterval(() => {
        left -= 1;
        show();
        if (left === 60) timeNote.textContent = "One minute left.";
        if (left <= 0) {
          clearInterval(ticking); ticking = null;
          startButton.textContent = "Start the timer";
          timeNote.textContent = "Time is up. Your draft is kept: finish your sentence, then check it against the list below.";
          store.set(`exam:${id}:draft`, draft.value);
        }
      }, 1000);
    });
    reset();

    // The checklist
    const ticks = new Set(store.get(`exam:${id}:ticks`) || []);
    for (const box of boxes) {
      box.checked = ticks.has(box.value);
      box.addEventListener("change", () => {
        const now = new Set(boxes.filter((b) => b.checked).map((b) => b.value));
        store.set(`exam:${id}:ticks`, Array.from(now));
      });
    }
    if (models) models.hidden = !store.get(`exam:${id}:levelShown`);
    widget.querySelector(".exam-show-level").addEventListener("click", () => {
      const ticked = new Set(boxes.filter((b) => b.checked).map((b) => b.value));
      const { level, missing, next } = levelFor(levels, ticked);
      const here = levels.find((l) => l.n === level);
      let text = level
        ? `Your answer fits Level ${level} (${here.marks[0]}–${here.marks[1]} marks).`
        : "Your answer does not reach Level 1 yet.";
      if (next) text += ` To reach Level ${next.n}: ${missing.map((m) => m.replace(/\*/g, "")).join(" ")}`;
      else text += " That is the top level.";
      text += " Now compare it with the model answers below.";
      result.textContent = text;
      store.set(`exam:${id}:levelShown`, true);
      if (models) { models.hidden = false; }
    });
  }

  document.querySelectorAll(".exam-widget[data-exam-id]").forEach(setUp);
})();
