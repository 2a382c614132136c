// Help in steps for each exercise (book/_ext/steps.py writes the data at build time; no Python needed).
//
// * "Next hint": shows the exercise's hints one at a time, into a list announced by a live region;
//   for a code exercise the last is a partly written scaffold.
// * "Put the lines in order" (full edition only): the reference solution's lines, jumbled.
//   Reorder them by dragging, by the Move up / Move down buttons, or with Alt+Arrow keys on a
//   focused line; Check order compares with the solution's order (identical lines are interchangeable).
(() => {
  "use strict";

  const source = document.getElementById("exercise-steps");
  if (!source) return;
  let data;
  try {
    data = JSON.parse(source.textContent);
  } catch (error) {
    return;
  }

  function el(tag, attrs = {}, text) {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(attrs)) {
      if (key === "class") node.className = value;
      else node.setAttribute(key, value);
    }
    if (text !== undefined) node.textContent = text;
    return node;
  }

  // Where an exercise ends on the page: its admonition (sphinx-exercise gives it the id).
  function containerOf(id) {
    const target = document.getElementById(id);
    if (!target) return null;
    return target.closest(".exercise") || target;
  }

  // --- Next hint -------------------------------------------------------------------------

  function addHints(id, hints, box) {
    if (!hints || !hints.length) return;
    const wrap = el("div", { class: "hint-steps", "data-exercise": id });
    const list = el("ol", { class: "hint-list", "aria-live": "polite", "aria-label": `Hints for ${id}` });
    const more = el("button", { type: "button", class: "hint-next" }, `Next hint (1 of ${hints.length})`);
    let shown = 0;
    more.addEventListener("click", () => {
      if (shown >= hints.length) return;
      const text = hints[shown];
      const item = el("li", { class: "hint-step" });
      if (text.includes("\n")) item.appendChild(el("pre", { class: "hint-scaffold" }, text));
      else item.textContent = text;
      list.appendChild(item);
      shown += 1;
      if (shown >= hints.length) {
        more.textContent = "No more hints";
        more.disabled = true;
      } else {
        more.textContent = `Next hint (${shown + 1} of ${hints.length})`;
      }
    });
    wrap.append(more, list);
    box.appendChild(wrap);
  }

  // --- Put the lines in order (a Parsons problem) -------------------------------------------

  function addParsons(id, parsons, box) {
    if (!parsons || !parsons.lines || parsons.lines.length < 2) return;
    const details = el("details", { class: "parsons", "data-exercise": id });
    details.appendChild(el("summary", {}, "Put the lines in order (if you cannot yet write the code alone)"));
    const help = el(
      "p",
      { class: "parsons-help", id: `parsons-help-${id}` },
      "These are the lines of a right answer, jumbled. Put them in order: drag a line, " +
        "or use its Move up and Move down buttons, or focus a line and press Alt+Up or Alt+Down. " +
        "The indentation is already right.",
    );
    const list = el("ol", { class: "parsons-lines", "aria-describedby": help.id });
    const feedback = el("p", { class: "parsons-feedback", "aria-live": "polite" });
    const announce = (text) => (feedback.textContent = text);

    function items() {
      return Array.from(list.children);
    }

    function label(item) {
      const position = items().indexOf(item) + 1;
      return `Line ${position} of ${items().length}: ${item.dataset.code.trim()}`;
    }

    function relabel() {
      items().forEach((item) => {
        item.setAttribute("aria-label", label(item));
        item.querySelector(".parsons-up").disabled = item === list.firstElementChild;
        item.querySelector(".parsons-down").disabled = item === list.lastElementChild;
      });
    }

    function move(item, by, focusOn) {
      const all = items();
      const at = all.indexOf(item);
      const to = at + by;
      if (to < 0 || to >= all.length) return;
      if (by < 0) list.insertBefore(item, all[to]);
      else list.insertBefore(item, all[to].nextSibling);
      relabel();
      (focusOn || item).focus();
      announce(`Moved to line ${to + 1}.`);
    }

    parsons.lines.forEach((code) => {
      const item = el("li", { class: "parsons-line", tabindex: "0", draggable: "true" });
      item.dataset.code = code;
      item.appendChild(el("pre", { class: "parsons-code" }, code));
      const up = el("button", { type: "button", class: "parsons-up", "aria-label": "Move up" }, "\u2191");
      const down = el("button", { type: "button", class: "parsons-down", "aria-label": "Move down" }, "\u2193");
      up.addEventListener("click", () => move(item, -1, up.disabled ? item : up));
      down.addEventListener("click", () => move(item, 1, down.disabled ? item : down));
      const tools = el("span", { class: "parsons-tools" });
      tools.append(up, down);
      item.appendChild(tools);
      item.addEventListener("keydown", (event) => {
        if (event.target !== item) return;
        if (event.key === "ArrowUp" || event.key === "ArrowDown") {
          event.preventDefault();
          const by = event.key === "ArrowUp" ? -1 : 1;
          if (event.altKey) move(item, by);
          else {
            const next = by < 0 ? item.previousElementSibling : item.nextElementSibling;
            if (next) next.focus();
          }
        }
      });
      item.addEventListener("dragstart", (event) => {
        item.classList.add("parsons-dragging");
        event.dataTransfer.effectAllowed = "move";
        event.dataTransfer.setData("text/plain", code);
      });
      item.addEventListener("dragend", () => {
        item.classList.remove("parsons-dragging");
        relabel();
      });
      list.appendChild(item);
    });
    list.addEventListener("dragover", (event) => {
      const dragging = list.querySelector(".parsons-dragging");
      if (!dragging) return;
      event.preventDefault();
      const after = items().find((item) => {
        if (item === dragging) return false;
        const box = item.getBoundingClientRect();
        return event.clientY < box.top + box.height / 2;
      });
      if (after) list.insertBefore(dragging, after);
      else list.appendChild(dragging);
    });
    list.addEventListener("drop", (event) => event.preventDefault());

    const check = el("button", { type: "button", class: "parsons-check" }, "Check order");
    check.addEventListener("click", () => {
      const given = items().map((item) => item.dataset.code);
      const wrong = given.findIndex((code, index) => code !== parsons.answer[index]);
      details.classList.toggle("parsons-right", wrong < 0);
      details.classList.toggle("parsons-wrong", wrong >= 0);
      if (wrong < 0) {
        announce("Correct: that is the order of the solution. Now try typing it into the starter cell and press Check.");
      } else {
        announce(
          `Not yet: ${wrong === 0 ? "the first line" : `the first ${wrong} line${wrong === 1 ? " is" : "s are"} in order, but line ${wrong + 1}`} ` +
            `is not the right one there. Think about what has to happen before it.`,
        );
      }
    });
    details.append(help, list, check, feedback);
    relabel();
    box.appendChild(details);
  }

  for (const [id, entry] of Object.entries(data)) {
    const box = containerOf(id);
    if (!box) continue;
    addHints(id, entry.hints, box);
    addParsons(id, entry.parsons, box);
  }
})();
