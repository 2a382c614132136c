// Retrieval practice (book/_ext/quiz.py): check an answer at once, and schedule the question
// again with Leitner boxes: wrong -> box 1 (due at once), right -> one box up (due after 1, 3, 7, 16 days).
// The page holds no answer, only its hash (FNV-1a, as exercises._quiz.answer_key).
// Progress is kept through window.BookStore under "quiz:<id>".
(function () {
  "use strict";
  const store = window.BookStore;
  const DAY = 24 * 60 * 60 * 1000;
  const WAIT = [0, 1, 3, 7, 16]; // days before a question in box 1..5 is due again

  function fnv1a(text) {
    let value = 0x811c9dc5;
    for (const byte of new TextEncoder().encode(text)) {
      value ^= byte;
      value = Math.imul(value, 0x01000193) >>> 0;
    }
    return value.toString(16).padStart(8, "0");
  }

  function isRight(item, option) { return fnv1a(`${item.dataset.item}\n${option}`) === item.dataset.key; }

  function schedule(id, right) {
    const now = Date.now();
    const before = store.get(`quiz:${id}`) || { box: 0 };
    const box = right ? Math.min(before.box + 1, WAIT.length) : 1;
    store.set(`quiz:${id}`, { box, due: now + WAIT[box - 1] * DAY, last: now, right });
  }

  function setUp(item) {
    const feedback = item.querySelector(".quiz-feedback");
    const radios = Array.from(item.querySelectorAll("input[type=radio]"));
    item.querySelector(".quiz-check").addEventListener("click", () => {
      const chosen = radios.find((r) => r.checked);
      if (!chosen) { feedback.textContent = "Choose an answer first."; return; }
      const right = isRight(item, chosen.value);
      schedule(item.dataset.item, right);
      item.classList.remove("quiz-right", "quiz-wrong");
      item.classList.add(right ? "quiz-right" : "quiz-wrong");
      if (right) {
        feedback.textContent = "✔ Right. It will come back in a few days to check you still know it.";
      } else {
        const answer = radios.map((r) => r.value).find((v) => isRight(item, v));
        feedback.textContent = `✘ Not this one. The answer is: ${answer}. Look again at the chapter on ${feedback.dataset.more}; this question will come back sooner.`;
      }
    });
  }

  document.querySelectorAll(".quiz-item").forEach(setUp);

  const revise = document.querySelector(".quiz-revise");
  if (revise) {
    const items = Array.from(revise.querySelectorAll(".quiz-item"));
    const note = revise.querySelector(".quiz-due");
    const show = (list) => {
      items.forEach((item) => { item.hidden = true; });
      list.forEach((item) => { item.hidden = false; });
    };
    const due = () => {
      const now = Date.now();
      return items
        .map((item) => ({ item, record: store.get(`quiz:${item.dataset.item}`) }))
        .filter(({ record }) => record && record.due <= now)
        .sort((a, b) => a.record.due - b.record.due)
        .slice(0, 10)
        .map(({ item }) => item);
    };
    const refresh = () => {
      const list = due();
      show(list);
      note.textContent = list.length
        ? `${list.length} question${list.length === 1 ? " is" : "s are"} due now.`
        : "No questions are due. Answer the quizzes in the chapters, or practise ten questions anyway.";
    };
    revise.querySelector(".quiz-practise").addEventListener("click", () => {
      const fresh = items.slice().sort(() => Math.random() - 0.5).slice(0, 10);
      show(fresh);
      note.textContent = "Ten questions from across the book.";
    });
    revise.querySelector(".quiz-reset").addEventListener("click", () => {
      if (!window.confirm("Forget which questions you got right and wrong? Your answers in the chapters stay.")) return;
      store.keys().filter((key) => key.startsWith("quiz:")).forEach((key) => store.remove(key));
      refresh();
    });
    refresh();
  }
})();
