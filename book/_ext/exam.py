"""Exam practice in the page: ```{exam-question} <id}``` places a question declared in exercises._exam_bank.

The question, its board, marks and suggested time, the checklist and the model answers all come
from the one declaration (:class:`exercises._exam.ExamQuestion`).  In HTML the student writes in
a text box whose draft is kept in the browser, can time themselves (with 25 % or 50 % extra
time), ticks the checklist to see the level that fits and what would lift it, and only then
opens the model answers (book/_static/exam.js).  Other builders get the text without the widgets.
The student edition keeps the model answers: students need them to learn.
"""

from __future__ import annotations

import html
import json

from docutils import nodes
from docutils.statemachine import StringList
from sphinx.application import Sphinx
from sphinx.util.docutils import SphinxDirective

from exercises import _exam_bank  # noqa: F401  (declares the questions)
from exercises._exam import exam, exam_ids


def _raw(text: str) -> nodes.raw:
    return nodes.raw("", text, format="html")


class ExamQuestionDirective(SphinxDirective):
    required_arguments = 1
    has_content = False

    def _parse(self, markdown: str, parent: nodes.Element) -> None:
        self.state.nested_parse(StringList(markdown.splitlines(), source=self.get_source_info()[0]), self.content_offset, parent)

    def run(self) -> list[nodes.Node]:
        qid = self.arguments[0]
        if qid not in exam_ids():
            raise self.error(f"unknown exam question {qid!r}; declare it in exercises/_exam_bank.py")
        question = exam(qid)
        fmt = question.fmt
        env = self.env
        count = env.temp_data.get("exam-count", 0) + 1
        env.temp_data["exam-count"] = count

        box = nodes.container(classes=["exam-question"], ids=[qid])
        cite = f" {{cite:p}}`{','.join(fmt.source_keys)}`" if fmt.source_keys else ""
        head = question.head_markdown(str(count), "above", cite)
        self._parse("\n".join(head), box)

        levels = [{"n": lv.number, "marks": list(lv.marks), "criteria": list(lv.criteria)} for lv in fmt.levels]
        e = html.escape
        widget = [
            f'<div class="exam-widget" data-exam-id="{e(qid)}" data-minutes="{fmt.minutes}" data-levels="{e(json.dumps(levels))}">',
            f'<label class="exam-label" for="{e(qid)}-draft">Your answer</label>',
            f'<textarea id="{e(qid)}-draft" class="exam-draft" rows="10" spellcheck="true" '
            f'aria-describedby="{e(qid)}-saved"></textarea>',
            f'<p class="exam-saved" id="{e(qid)}-saved" aria-live="polite">Your draft is kept in this browser as you type.</p>',
            '<div class="exam-tools" role="group" aria-label="Draft and timer">',
            '<button type="button" class="exam-copy">Copy my answer</button>',
            '<button type="button" class="exam-download">Download my answer</button>',
            '<button type="button" class="exam-factcheck">Check my facts</button>',
            f'<label class="exam-extra-label" for="{e(qid)}-extra">Time</label>',
            f'<select id="{e(qid)}-extra" class="exam-extra">'
            f'<option value="1">{fmt.minutes} minutes (standard)</option>'
            f'<option value="1.25">{fmt.minutes * 1.25:g} minutes (25 % extra time)</option>'
            f'<option value="1.5">{fmt.minutes * 1.5:g} minutes (50 % extra time)</option></select>',
            '<button type="button" class="exam-timer-start">Start the timer</button>',
            '<button type="button" class="exam-timer-reset">Reset the timer</button>',
            f'<span class="exam-clock" role="timer" aria-label="Time left">{fmt.minutes:02d}:00</span>',
            "</div>",
            '<p class="exam-time-note" aria-live="assertive"></p>',
            '<div class="exam-facts" aria-live="polite"></div>',
            f'<fieldset class="exam-checklist"><legend>Check your answer: tick what it does</legend>',
        ]
        for level in fmt.levels:
            widget.append(f'<p class="exam-level-head">Level {level.number} ({level.marks[0]}–{level.marks[1]} marks)</p>')
            for i, criterion in enumerate(level.criteria):
                cid = f"{qid}-l{level.number}-{i}"
                widget.append(
                    f'<div class="exam-criterion"><input type="checkbox" id="{e(cid)}" data-level="{level.number}" value="{e(criterion)}">'
                    f' <label for="{e(cid)}">{e(criterion).replace("*", "")}</label></div>'
                )
        widget += [
            "</fieldset>",
            f'<p class="exam-extra-rule">{e(fmt.extra)}</p>' if fmt.extra else "",
            '<button type="button" class="exam-show-level">Show my level</button>',
            '<p class="exam-level-result" aria-live="polite"></p>',
            "</div>",
            f'<details class="exam-models" data-exam-models="{e(qid)}"><summary>Model answers at three levels</summary>',
        ]
        box += _raw("\n".join(widget))
        models = []
        for model in question.models:
            models += [f"**Level {model.level}**", ""]
            models += [f"> {para}" if para else ">" for para in model.text.split("\n")]
            models += ["", f"*Why it is Level {model.level}:* {model.why}", ""]
        if question.cites:
            models += [f"The facts in these answers are told in this chapter {{cite:p}}`{','.join(question.cites)}`."]
        self._parse("\n".join(models), box)
        box += _raw("</details>")
        return [box]


def _assets(app: Sphinx, pagename: str, templatename: str, context: dict, doctree) -> None:
    if doctree is not None and any("exam-question" in node.get("classes", []) for node in doctree.findall(nodes.container)):
        app.add_js_file("exam.js", defer="defer")
        app.add_css_file("exam.css")


def setup(app: Sphinx) -> dict:
    app.add_directive("exam-question", ExamQuestionDirective)
    app.connect("html-page-context", _assets)
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True}
