"""Questions a student answers without code, and each chapter's box of common misconceptions.

```{practice} <exercise id}``` stands inside a choice, order, match or short-answer exercise
block and renders the question as a widget: radio buttons (checkboxes where more than one option
is right), a list to put in order (drag, the
Move up / Move down buttons, or the arrow keys), a drop-down per item to match, or a text box.
Everything comes from the one declaration in exercises/<chapter>.py: the options, and every
message :func:`exercises.check` gives (computed at build time by
:func:`exercises._practice.widget`), so book/_static/practice.js answers a click at once,
without the Python runtime, with the very message that ``check`` returns.  In the student
edition (the tag ``student``) that data is sealed: it names no answer (exercises._sealed.seal_widget).  The starter and
check cells that follow stay the Python route (and the notebook's).

```{misconceptions}``` renders the chapter's "Common misconceptions" from the
:class:`exercises._practice.Misconception` declarations: the claim, the cited evidence, and a
link to the exercise that tests it.
"""

from __future__ import annotations

import html
import json
from pathlib import Path

from docutils import nodes
from docutils.statemachine import StringList
from sphinx.application import Sphinx
from sphinx.util.docutils import SphinxDirective

import exercises  # noqa: F401  (fills the registry)
from exercises import _practice
from exercises._book import module_name
from exercises._core import chapter_of, get, ids


def _raw(text: str) -> nodes.raw:
    return nodes.raw("", text, format="html")


def render(exercise_id: str, sealed: bool = False) -> str:
    """The widget's HTML (without its script) for one exercise; ``sealed`` in the student edition (no answer in the page)."""
    data = _practice.widget(exercise_id, sealed=sealed)
    e = html.escape
    kind = data["kind"]
    wid = f"practice-{exercise_id}"
    out = [f'<div class="practice practice-{kind}" id="{e(wid)}" data-exercise="{e(exercise_id)}">']
    if kind in ("choice", "multi"):  # one right option (radio buttons) or several (check boxes)
        legend, box = (("Choose the best answer", "radio") if kind == "choice"
                       else ("Choose every right answer: more than one is right", "checkbox"))
        out.append(f'<fieldset><legend>{legend}</legend>')
        for letter, text in data["options"]:
            oid = f"{wid}-{letter}"
            out.append(f'<div class="practice-option"><input type="{box}" name="{e(wid)}" id="{e(oid)}" value="{e(letter)}">'
                       f' <label for="{e(oid)}"><strong>{e(letter)}</strong> {e(text)}</label></div>')
        out.append("</fieldset>")
    elif kind == "order":
        out.append(f'<p id="{e(wid)}-how" class="practice-how">Put these in order, earliest first: drag an item, '
                   'or focus it and press the up and down arrow keys, or use its Move up and Move down buttons.</p>')
        out.append(f'<ol class="practice-list" aria-describedby="{e(wid)}-how">')
        for key, title in data["items"]:
            out.append(f'<li class="practice-item" draggable="true" tabindex="0" data-key="{e(key)}">'
                       f'<span class="practice-item-text">{e(title)}</span>'
                       f'<span class="practice-moves"><button type="button" class="practice-up" aria-label="Move up: {e(title)}">\u2191</button>'
                       f'<button type="button" class="practice-down" aria-label="Move down: {e(title)}">\u2193</button></span></li>')
        out.append("</ol>")
        out.append(f'<p class="practice-moved visually-hidden" aria-live="polite"></p>')
    elif kind == "match":
        out.append('<fieldset><legend>Match each item to one option</legend><ul class="practice-options">')
        out += [f"<li><strong>{e(letter)}</strong> {e(text)}</li>" for letter, text in data["options"]]
        out.append('</ul><div class="practice-pairs">')
        for n, left in enumerate(data["left"]):
            sid = f"{wid}-{n}"
            choices = "".join(f'<option value="{e(letter)}">{e(letter)}: {e(text)}</option>' for letter, text in data["options"])
            out.append(f'<label for="{e(sid)}">{e(left)}</label>'
                       f'<select id="{e(sid)}" data-left="{e(left)}"><option value="">Choose…</option>{choices}</select>')
        out.append("</div></fieldset>")
    elif kind == "short":
        unit = f' <span class="practice-unit">{e(data["unit"])}</span>' if data.get("unit") else ""
        out.append(f'<label for="{e(wid)}-input">Your answer</label> '
                   f'<input type="text" id="{e(wid)}-input" class="practice-input" autocomplete="off" spellcheck="false">{unit}')
    out.append('<div class="practice-tools"><button type="button" class="practice-check">Check</button></div>')
    out.append('<div class="practice-feedback" role="status" aria-live="polite"></div>')
    out.append('<p class="practice-python">Or answer in Python, in the cells below.</p>')
    payload = json.dumps(data, ensure_ascii=True).replace("</", "<\\/")
    out.append(f'<script type="application/json" class="practice-data">{payload}</script>')
    out.append("</div>")
    return "\n".join(out)


class PracticeDirective(SphinxDirective):
    required_arguments = 1
    has_content = False

    def run(self) -> list[nodes.Node]:
        exercise_id = self.arguments[0]
        if exercise_id not in ids():
            raise self.error(f"unknown exercise {exercise_id!r}: declare it in exercises/<chapter>.py")
        if get(exercise_id).kind not in _practice.WIDGET_KINDS:
            raise self.error(f"{exercise_id} is a {get(exercise_id).kind} exercise: it has no widget")
        # The widget is made from the declaration and from check: a change there rebuilds the page.
        package = Path(exercises.__file__).parent
        for name in (module_name(chapter_of(exercise_id)), "_practice", "_core"):
            self.env.note_dependency(str(package / f"{name}.py"))
        box = nodes.container(classes=["practice-box"])
        markdown = _practice.question(exercise_id)
        if markdown and self.env.app.builder.format != "html":
            self.state.nested_parse(StringList(markdown.splitlines(), source=self.get_source_info()[0]), self.content_offset, box)
        else:
            box += _raw(render(exercise_id, sealed=self.env.app.tags.has("student")))
        return [box]


class MisconceptionsDirective(SphinxDirective):
    has_content = False

    def run(self) -> list[nodes.Node]:
        chapter = self.env.docname
        found = _practice.misconceptions(chapter)
        self.env.note_dependency(str(Path(exercises.__file__).parent / f"{module_name(chapter)}.py"))
        if not found:
            raise self.error(f"no misconceptions are declared for {chapter!r} (exercises._practice.misconception)")
        lines = [":::{admonition} Common misconceptions", ":class: misconceptions", ""]
        for item in found:
            lines += [f"**Not so:** {item.claim}", "", f"**The evidence:** {item.correction}",
                      f"Test yourself: {{ref}}`{item.exercise}`.", ""]
        lines.append(":::")
        box = nodes.container(classes=["misconceptions-box"])
        self.state.nested_parse(StringList(lines, source=self.get_source_info()[0]), self.content_offset, box)
        return [box]


def _assets(app: Sphinx, pagename: str, templatename: str, context: dict, doctree) -> None:
    if doctree is not None and any("practice-box" in node.get("classes", []) for node in doctree.findall(nodes.container)):
        app.add_js_file("practice.js", loading_method="defer")
        app.add_css_file("practice.css")


def setup(app: Sphinx) -> dict:
    app.add_directive("practice", PracticeDirective)
    app.add_directive("misconceptions", MisconceptionsDirective)
    app.connect("html-page-context", _assets)
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True}
