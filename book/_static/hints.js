// Help in steps for each exercise (book/_ext/steps.py writes the data at build time; no Python needed).
//
// * "Next hint": shows the exercise's hints one at a time, into a list announced by a live region;
//   for a code exercise the last is a partly written scaffold.
// * "Put the lines in order" (both editions): the reference solution's lines (or, for a one-line
//   solution, its pieces; for a dict of verdicts, each line with its opposite twin), jumbled.
//   Reorder them by dragging, by the Move up / Move down buttons, or with Alt+Arrow keys on a
//   focused line; Check order compares the keys of the first lines with the keys of the right
//   first lines (steps.judge), so the page never holds the right order itself.
(() => {
  "use strict";

  // exercises._practice.fnv1a and _key: the page holds keys of the right first lines, not the lines in order.
  function fnv1a(text) {
    let value = 0x811c9dc5;
    for (const byte of new TextEncoder().encode(text)) {
      value ^= byte;
      value = Math.imul(value, 0x01000193) >>> 0;
    }
    return value.toString(16).padStart(8, "0");
  }
  const keyOf = (...parts) => fnv1a(parts.join("\n"));

  // steps._glues and steps.assemble: the code that pieces in this order make.
  function glues(piece, before) {
    return before !== null && "([".includes(piece[0]) && /[A-Za-z0-9_)\]}'"]$/.test(before);
  }
  function assemble(pieces, starts) {
    let out = "";
    let before = null;
    pieces.forEach((piece, i) => {
      if (out && starts[i]) out += "\n";
      else if (out) out += glues(piece, before) ? "" : " ";
      out += piece;
      before = piece;
    });
    return out;
  }

  // steps.judge: [right, how many first items are right], from the keys of the right first items.
  function judgeParsons(id, parsons, given) {
    const prefixes = new Set(parsons.prefixes);
    let right = 0;
    while (right < given.length && prefixes.has(keyOf(id, ...given.slice(0, right + 1)))) right += 1;
    return [right === given.length && given.length === parsons.length, right];
  }
  // Under node (tests/test_steps.py) only the judging is wanted.
  if (typeof document === "undefined") {
    module.exports = { assemble, judgeParsons };
    return;
  }

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

  const HELP = {
    lines:
      "These are the lines of a right answer, jumbled. Put them in order: drag a line, " +
      "or use its Move up and Move down buttons, or focus a line and press Alt+Up or Alt+Down. " +
      "The indentation is already right.",
    pieces:
      "These are the pieces of a right answer, jumbled: a name with its = starts a new line. " +
      "Put them in order: drag a piece, or use its Move up and Move down buttons, or focus a piece " +
      "and press Alt+Up or Alt+Down. The code they make is shown below the pieces.",
    pairs:
      "These are the lines of a right answer, in order, but each claim has two lines: one says True, " +
      "the other False. Untick \u201cUse\u201d on the wrong line of each pair. You can also move lines " +
      "with their Move up and Move down buttons, or Alt+Up and Alt+Down.",
  };

  function addParsons(id, parsons, box) {
    if (!parsons || !parsons.lines || parsons.lines.length < 2) return;
    const mode = parsons.mode || "lines";
    const unit = mode === "pieces" ? "piece" : "line";
    const details = el("details", { class: `parsons parsons-${mode}`, "data-exercise": id });
    const title = mode === "pairs" ? "Choose the right lines" : `Put the ${unit}s in order`;
    details.appendChild(el("summary", {}, `${title} (if you cannot yet write the code alone)`));
    const help = el("p", { class: "parsons-help", id: `parsons-help-${id}` }, HELP[mode]);
    const list = el("ol", { class: "parsons-lines", "aria-describedby": help.id });
    const preview = mode === "pieces" ? el("pre", { class: "parsons-preview", "aria-label": "The code these pieces make" }) : null;
    const feedback = el("p", { class: "parsons-feedback", "aria-live": "polite" });
    const announce = (text) => (feedback.textContent = text);
    const Unit = unit[0].toUpperCase() + unit.slice(1);

    function items() {
      return Array.from(list.children);
    }

    function used(item) {
      const box = item.querySelector(".parsons-use");
      return !box || box.checked;
    }

    function label(item) {
      const position = items().indexOf(item) + 1;
      const left = used(item) ? "" : " (left out)";
      return `${Unit} ${position} of ${items().length}${left}: ${item.dataset.code.trim()}`;
    }

    function relabel() {
      items().forEach((item) => {
        item.setAttribute("aria-label", label(item));
        item.querySelector(".parsons-up").disabled = item === list.firstElementChild;
        item.querySelector(".parsons-down").disabled = item === list.lastElementChild;
      });
      if (preview) {
        const chosen = items();
        preview.textContent = assemble(chosen.map((i) => i.dataset.code), chosen.map((i) => i.dataset.start === "1"));
      }
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
      announce(`Moved to ${unit} ${to + 1}.`);
    }

    parsons.lines.forEach((code, index) => {
      const item = el("li", { class: "parsons-line", tabindex: "0", draggable: "true" });
      item.dataset.code = code;
      item.dataset.start = parsons.starts && parsons.starts[index] ? "1" : "0";
      item.appendChild(el("pre", { class: "parsons-code" }, code));
      const tools = el("span", { class: "parsons-tools" });
      if (mode === "pairs") {
        const use = el("input", { type: "checkbox", class: "parsons-use", "aria-label": `Use: ${code.trim()}` });
        use.checked = true;
        use.addEventListener("change", () => {
          item.classList.toggle("parsons-left-out", !use.checked);
          relabel();
          announce(use.checked ? "Line used." : "Line left out.");
        });
        const useLabel = el("label", { class: "parsons-use-label" });
        useLabel.append(use, document.createTextNode(" Use"));
        tools.appendChild(useLabel);
      }
      const up = el("button", { type: "button", class: "parsons-up", "aria-label": "Move up" }, "\u2191");
      const down = el("button", { type: "button", class: "parsons-down", "aria-label": "Move down" }, "\u2193");
      up.addEventListener("click", () => move(item, -1, up.disabled ? item : up));
      down.addEventListener("click", () => move(item, 1, down.disabled ? item : down));
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

    const check = el("button", { type: "button", class: "parsons-check" }, mode === "pairs" ? "Check lines" : "Check order");
    check.addEventListener("click", () => {
      const given = items().filter(used).map((item) => item.dataset.code);
      const [done, right] = judgeParsons(id, parsons, given);
      details.classList.toggle("parsons-right", done);
      details.classList.toggle("parsons-wrong", !done);
      const first = right === 0 ? "" : `the first ${right} ${unit}${right === 1 ? " is" : "s are"} right, but `;
      if (done) {
        announce("Correct: that makes a right answer. Now try typing it into the starter cell and press Check.");
      } else if (right === given.length) {
        announce(`Not yet: ${first || "so far so good, but "}${unit}s are missing after ${unit} ${right}. Use one line of each pair.`);
      } else {
        announce(
          `Not yet: ${first}${unit} ${right + 1} is not the right one there. ` +
            (mode === "pairs" ? "Think about what the evidence says about that claim." : "Think about what has to happen before it."),
        );
      }
    });
    details.append(help, list);
    if (preview) details.append(el("p", { class: "parsons-preview-label" }, "The code these pieces make:"), preview);
    details.append(check, feedback);
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
