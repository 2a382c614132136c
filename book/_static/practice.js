// Questions answered without code (book/_ext/practice.py): choice (one right option, or several:
// checkboxes), order, match and short answer.
// Every message comes from the page's data, which exercises._practice.widget computed from
// exercises.check at build time; this script only picks the message for the answer given (and,
// for a short answer, writes the student's words into it).  No Python runtime is needed.
// The last answer's outcome is kept through window.BookStore under "practice:<id>".
(function () {
  "use strict";
  const GOT = "\u2063GOT\u2063";

  function fnv1a(text) {
    let value = 0x811c9dc5;
    for (const byte of new TextEncoder().encode(text)) {
      value ^= byte;
      value = Math.imul(value, 0x01000193) >>> 0;
    }
    return value.toString(16).padStart(8, "0");
  }

  // exercises._practice.normalise
  function normalise(text) {
    return text.toLowerCase().replace(/[^0-9a-z]+/g, " ").split(" ").filter(Boolean).join(" ");
  }

  // exercises._practice.parse_number
  function parseNumber(text) {
    const found = text.match(/[-+]?\d[\d,]*(?:\.\d+)?|[-+]?\.\d+/g) || [];
    if (found.length !== 1) return null;
    let value = parseFloat(found[0].replace(/,/g, ""));
    const words = text.toLowerCase();
    if (words.includes("million")) value *= 1000000;
    else if (words.includes("thousand")) value *= 1000;
    return value;
  }

  const words = (text) => `"${text.trim().slice(0, 60)}"`;
  const fill = (said, text) => [said[0], said[1].split(GOT).join(words(text))];

  // Each returns [status, message] for an answer, exactly as exercises.check would.
  // exercises._practice._key: the page holds no answer in the clear, only keys made from answers.
  const key = (...parts) => fnv1a(parts.join("\n"));
  const judge = {
    choice(data, letter) { return data.messages[key(data.id, letter)]; },
    // Several right options: the letters ticked, sorted (none ticked has its message too).
    multi(data, letters) { return data.messages[key(data.id, ...letters.slice().sort())]; },
    order(data, keys) {
      const mistake = data.mistakes[key(data.id, ...keys)];
      if (mistake) return mistake;
      for (let i = 0; i + 1 < keys.length; i++) {
        const said = data.pairs[key(data.id, keys[i], keys[i + 1])];
        if (said) return said;
      }
      return data.passed;
    },
    match(data, chosen) {
      for (const left of data.left) {
        if (!chosen[left]) return data.missing[left];
        const said = data.messages[key(data.id, left, chosen[left])];
        if (said) return said;
      }
      return data.passed;
    },
    short(data, text) {
      if (!text.trim()) return data.empty;
      if ("number" in data) {
        const value = parseNumber(text);
        if (value === null) return fill(data.notNumber, text);
        if (Math.abs(value - data.number) <= data.tolerance) return data.passed;
        for (const [wrong, said] of data.mistakes) {
          if (Math.abs(value - wrong) <= data.tolerance) return fill(said, text);
        }
        return fill(value > data.number ? data.high : data.low, text);
      }
      const said = key(data.id, normalise(text));
      if (data.accept.includes(said)) return data.passed;
      if (data.mistakes[said]) return fill(data.mistakes[said], text);
      return fill(data.other, text);
    },
  };
  // Under node (tests/test_practice.py) only the judging is wanted.
  if (typeof document === "undefined") { module.exports = { judge, normalise, parseNumber }; return; }

  function answerOf(box, data) {
    if (data.kind === "choice") {
      const chosen = box.querySelector("input[type=radio]:checked");
      return chosen ? chosen.value : null;
    }
    if (data.kind === "multi") return Array.from(box.querySelectorAll("input[type=checkbox]:checked")).map((input) => input.value);
    if (data.kind === "order") return Array.from(box.querySelectorAll(".practice-item")).map((li) => li.dataset.key);
    if (data.kind === "match") {
      const chosen = {};
      box.querySelectorAll("select[data-left]").forEach((s) => { if (s.value) chosen[s.dataset.left] = s.value; });
      return chosen;
    }
    return box.querySelector(".practice-input").value;
  }

  function show(box, said) {
    const feedback = box.querySelector(".practice-feedback");
    const [status, message] = said;
    box.classList.remove("practice-passed", "practice-failed", "practice-not-attempted");
    box.classList.add(`practice-${status.replace(" ", "-")}`);
    const label = { passed: "\u2714 Correct", failed: "\u2718 Not yet", "not attempted": "\u2026 Not attempted yet" }[status];
    feedback.textContent = "";
    const head = document.createElement("strong");
    head.textContent = label;
    const body = document.createElement("pre");
    body.className = "practice-message";
    body.textContent = message;
    feedback.append(head, body);
  }

  function setUpOrder(box) {
    const list = box.querySelector(".practice-list");
    const said = box.querySelector(".practice-moved");
    const title = (li) => li.querySelector(".practice-item-text").textContent;
    const place = (li) => Array.from(list.children).indexOf(li) + 1;
    function move(li, step, focus) {
      const other = step < 0 ? li.previousElementSibling : li.nextElementSibling;
      if (!other) return;
      if (step < 0) list.insertBefore(li, other); else list.insertBefore(other, li);
      said.textContent = `${title(li)}: now number ${place(li)} of ${list.children.length}.`;
      if (focus) focus.focus();
    }
    list.addEventListener("click", (event) => {
      const button = event.target.closest("button");
      if (!button) return;
      const li = button.closest(".practice-item");
      move(li, button.classList.contains("practice-up") ? -1 : 1, button);
    });
    list.addEventListener("keydown", (event) => {
      const li = event.target;
      if (!li.classList || !li.classList.contains("practice-item")) return;
      if (event.key === "ArrowUp" || event.key === "ArrowDown") {
        event.preventDefault();
        move(li, event.key === "ArrowUp" ? -1 : 1, li);
      }
    });
    let dragged = null;
    list.addEventListener("dragstart", (event) => {
      dragged = event.target.closest(".practice-item");
      if (dragged) { dragged.classList.add("practice-dragging"); event.dataTransfer.effectAllowed = "move"; event.dataTransfer.setData("text/plain", dragged.dataset.key); }
    });
    list.addEventListener("dragover", (event) => {
      const over = event.target.closest(".practice-item");
      if (!dragged || !over || over === dragged) return;
      event.preventDefault();
      const box = over.getBoundingClientRect();
      list.insertBefore(dragged, event.clientY < box.top + box.height / 2 ? over : over.nextElementSibling);
    });
    list.addEventListener("drop", (event) => event.preventDefault());
    list.addEventListener("dragend", () => {
      if (!dragged) return;
      dragged.classList.remove("practice-dragging");
      said.textContent = `${title(dragged)}: now number ${place(dragged)} of ${list.children.length}.`;
      dragged = null;
    });
  }

  function setUp(box) {
    const data = JSON.parse(box.querySelector(".practice-data").textContent);
    if (data.kind === "order") setUpOrder(box);
    const check = () => {
      const answer = answerOf(box, data);
      if (answer === null) {
        box.querySelector(".practice-feedback").textContent = "Choose an answer first.";
        return;
      }
      const said = judge[data.kind](data, answer);
      show(box, said);
      if (window.BookStore) window.BookStore.set(`practice:${data.id}`, { status: said[0], when: Date.now() });
    };
    box.querySelector(".practice-check").addEventListener("click", check);
    if (data.kind === "short") {
      box.querySelector(".practice-input").addEventListener("keydown", (event) => {
        if (event.key === "Enter") { event.preventDefault(); check(); }
      });
    }
  }

  document.querySelectorAll(".practice").forEach(setUp);
})();
