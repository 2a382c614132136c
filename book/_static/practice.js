// Questions answered without code (book/_ext/practice.py): choice (one right option, or several:
// checkboxes), order, match and short answer.
// Every message comes from the page's data, which exercises._practice.widget computed from
// exercises.check at build time; this script only picks the message for the answer given (and,
// for a short answer, writes the student's words into it).  No Python runtime is needed.
// In the student edition that data names no answer: each message is found by a salted hash of the
// answer and opened with the answer (exercises._sealed.seal_widget; `reveal` below).
// The last answer's outcome is kept through window.BookStore under "practice:<id>".
(function () {
  "use strict";
  const GOT = "\u2063GOT\u2063";

  // SHA-256 (FIPS 180-4) of bytes, synchronous: the student edition's widget data is keyed and locked with it
  // (exercises._sealed.seal_widget).  Web Crypto's digest is asynchronous and missing on plain-http pages (a
  // school intranet), so the page computes it itself; tests/test_practice.py compares it with Python's hashlib.
  const K = new Uint32Array([
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
    0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
    0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
    0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
    0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
    0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
    0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
    0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
  ]);
  function sha256(bytes) {
    const length = bytes.length;
    const padded = new Uint8Array(((length + 9 + 63) >> 6) << 6);
    padded.set(bytes);
    padded[length] = 0x80;
    const view = new DataView(padded.buffer);
    view.setUint32(padded.length - 8, Math.floor(length / 0x20000000));
    view.setUint32(padded.length - 4, (length << 3) >>> 0);
    const h = new Uint32Array([0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19]);
    const w = new Uint32Array(64);
    const rotr = (x, n) => (x >>> n) | (x << (32 - n));
    for (let offset = 0; offset < padded.length; offset += 64) {
      for (let i = 0; i < 16; i++) w[i] = view.getUint32(offset + 4 * i);
      for (let i = 16; i < 64; i++) {
        const s0 = rotr(w[i - 15], 7) ^ rotr(w[i - 15], 18) ^ (w[i - 15] >>> 3);
        const s1 = rotr(w[i - 2], 17) ^ rotr(w[i - 2], 19) ^ (w[i - 2] >>> 10);
        w[i] = (w[i - 16] + s0 + w[i - 7] + s1) >>> 0;
      }
      let [a, b, c, d, e, f, g, k] = h;
      for (let i = 0; i < 64; i++) {
        const t1 = (k + (rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)) + ((e & f) ^ (~e & g)) + K[i] + w[i]) >>> 0;
        const t2 = ((rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)) + ((a & b) ^ (a & c) ^ (b & c))) >>> 0;
        k = g; g = f; f = e; e = (d + t1) >>> 0; d = c; c = b; b = a; a = (t1 + t2) >>> 0;
      }
      [a, b, c, d, e, f, g, k].forEach((x, i) => { h[i] = (h[i] + x) >>> 0; });
    }
    const out = new Uint8Array(32);
    const outView = new DataView(out.buffer);
    h.forEach((x, i) => outView.setUint32(4 * i, x));
    return out;
  }
  const utf8 = (text) => new TextEncoder().encode(text);
  const hex = (bytes) => Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");

  // exercises._sealed.unlock: the text locked with this key, or null for another key.
  function unlock(box, key, salt) {
    const data = Uint8Array.from(atob(box), (c) => c.charCodeAt(0));
    const secret = sha256(utf8(`${salt}|open|${key}`));
    const block = new Uint8Array(36);
    block.set(secret);
    const out = new Uint8Array(data.length);
    for (let i = 0; i < data.length; i += 32) {
      new DataView(block.buffer).setUint32(32, i / 32);
      const stream = sha256(block);
      for (let j = i; j < Math.min(i + 32, data.length); j++) out[j] = data[j] ^ stream[j - i];
    }
    let text;
    try { text = new TextDecoder("utf-8", { fatal: true }).decode(out); } catch (error) { return null; }
    return text.startsWith("ok:") ? text.slice(3) : null;
  }

  // The message a map of the widget's data holds for an answer (its parts, one a line; see exercises._practice._key):
  // in the book the key is the answer itself; in the student edition (data.salt) the map is keyed by the
  // salted hash of the answer (exercises._sealed._digest) and each message is locked with the answer.
  // undefined where the map has nothing for that answer.
  function reveal(data, map, ...parts) {
    const text = parts.join("\n");
    if (!data.salt) return map[text];
    const box = map[hex(sha256(utf8(`${data.salt}|widget|${text}`))).slice(0, 40)];
    const opened = box === undefined ? null : unlock(box, text, data.salt);
    return opened === null ? undefined : JSON.parse(opened);
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
  const judge = {
    choice(data, letter) { return reveal(data, data.messages, data.id, letter); },
    // Several right options: the letters ticked, sorted (none ticked has its message too).
    multi(data, letters) { return reveal(data, data.messages, data.id, ...letters.slice().sort()); },
    order(data, keys) {
      const mistake = reveal(data, data.mistakes, data.id, ...keys);
      if (mistake) return mistake;
      for (let i = 0; i + 1 < keys.length; i++) {
        const said = reveal(data, data.pairs, data.id, keys[i], keys[i + 1]);
        if (said) return said;
      }
      return reveal(data, data.passed, data.id, ...keys);
    },
    match(data, chosen) {
      for (const left of data.left) {
        if (!chosen[left]) return data.missing[left];
        const said = reveal(data, data.messages, data.id, left, chosen[left]);
        if (said) return said;
      }
      return reveal(data, data.passed, data.id, ...data.left.map((left) => chosen[left]));
    },
    short(data, text) {
      if (!text.trim()) return data.empty;
      if ("number" in data || "cells" in data) {
        const value = parseNumber(text);
        if (value === null) return fill(data.notNumber, text);
        if ("cells" in data) {  // the student edition: the grid cells that each answer's tolerance covers
          for (const [step, cells] of data.cells) {
            const said = reveal(data, cells, data.id, `c:${Math.floor(value / step)}`);
            if (said) return fill(said, text);
          }
          return fill(data.other, text);
        }
        if (Math.abs(value - data.number) <= data.tolerance) return data.passed;
        for (const [wrong, said] of data.mistakes) {
          if (Math.abs(value - wrong) <= data.tolerance) return fill(said, text);
        }
        return fill(value > data.number ? data.high : data.low, text);
      }
      const words = normalise(text);
      const said = reveal(data, data.accept, data.id, words) || reveal(data, data.mistakes, data.id, words);
      return fill(said || data.other, text);
    },
  };
  // Under node (tests/test_practice.py) only the judging is wanted.
  if (typeof document === "undefined") { module.exports = { judge, normalise, parseNumber, sha256, unlock }; return; }

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
