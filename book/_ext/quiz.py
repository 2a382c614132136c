"""Retrieval practice in the page: "Do now", "Check your memory" and the "Revise" page.

``{do-now}`` opens a chapter with five quick questions from the chapters before it;
``{memory-quiz}`` ends it with eight, mostly its own and two from earlier chapters;
``{revise}`` (on book/revise.md) holds every question, and book/_static/quiz.js shows the ones
that are due.  The questions are generated at build time from the book's data by
:mod:`exercises._quiz` (the same seed, the same quiz); a question answered wrongly comes back
sooner (Leitner boxes, kept in the browser through BookStore).  The page never names the right
option: it compares hashes (:func:`exercises._quiz.answer_key`).
"""

from __future__ import annotations

import html
import re
from pathlib import Path

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.util.docutils import SphinxDirective

from exercises import _quiz

SEED = 1962


def _chapters(srcdir: Path) -> list[str]:
    index = (srcdir / "index.md").read_text(encoding="utf-8")
    pages: list[str] = []
    for block in re.findall(r"```\{toctree\}\n(.*?)```", index, re.S):
        if ":numbered:" in block:
            pages += [line.strip() for line in block.splitlines() if line.strip() and not line.strip().startswith(":")]
    return pages


def build_pool(srcdir: Path) -> tuple[list[str], list[_quiz.QuizItem], dict[str, str]]:
    """The chapters in book order, every question the data makes, and the glossary."""
    chapters = _chapters(srcdir)
    glossary = _quiz.glossary_terms((srcdir / "glossary.md").read_text(encoding="utf-8"))
    terms = {chapter: _quiz.terms_in((srcdir / f"{chapter}.md").read_text(encoding="utf-8")) for chapter in chapters}
    return chapters, _quiz.items(chapters, glossary, terms), glossary


def _render(items: list[_quiz.QuizItem], kind: str, title: str, intro: str, chapter_titles: dict[str, str]) -> str:
    e = html.escape
    out = [f'<section class="quiz quiz-{kind}" data-quiz="{kind}" aria-label="{e(title)}">', f"<p class=\"quiz-title\"><strong>{e(title)}</strong></p>", f"<p>{e(intro)}</p>"]
    if kind == "revise":
        out.append('<p class="quiz-due" aria-live="polite"></p>')
        out.append('<div class="quiz-revise-tools"><button type="button" class="quiz-practise">Practise ten questions anyway</button> '
                   '<button type="button" class="quiz-reset">Reset my revision progress</button></div>')
    for n, item in enumerate(items, 1):
        data = item.public()
        out.append(f'<fieldset class="quiz-item" data-item="{e(item.id)}" data-key="{data["key"]}" data-chapter="{e(item.chapter)}"'
                   + (" hidden" if kind == "revise" else "") + ">")
        out.append(f"<legend>{n if kind != 'revise' else ''}{'. ' if kind != 'revise' else ''}{e(item.prompt)}</legend>")
        for i, option in enumerate(item.options):
            oid = f"{kind}-{item.id}-{i}"
            out.append(f'<div class="quiz-option"><input type="radio" name="{kind}-{item.id}" id="{oid}" value="{e(option)}"> <label for="{oid}">{e(option)}</label></div>')
        where = chapter_titles.get(item.chapter, item.chapter)
        out.append(f'<button type="button" class="quiz-check">Check</button>')
        out.append(f'<p class="quiz-feedback" aria-live="polite" data-more="{e(where)}"></p>')
        out.append("</fieldset>")
    out.append("</section>")
    return "\n".join(out)


class _QuizDirective(SphinxDirective):
    has_content = False
    kind = ""

    def run(self) -> list[nodes.Node]:
        app = self.env.app
        chapters, pool, _ = app.quiz_pool  # type: ignore[attr-defined]
        chapter = self.env.docname
        titles = {c: c.replace("-", " ") for c in chapters}
        if self.kind == "revise":
            items = pool
            title = "Revise"
            intro = "The questions that are due come back here: one you got wrong comes back sooner, one you got right waits longer. Your progress stays in this browser."
        else:
            if chapter not in chapters:
                raise self.error(f"{{{self.name}}} belongs in a chapter; {chapter!r} is not one")
            if self.kind == "do-now":
                items = _quiz.do_now(pool, chapters, chapter, SEED)
                title = "Do now: five quick questions"
                intro = "Questions on what came before this chapter. Answer from memory, then check."
            else:
                items = _quiz.memory_quiz(pool, chapters, chapter, SEED)
                title = "Check your memory"
                intro = "Questions on this chapter and two from earlier ones. A question you get wrong comes back sooner on the Revise page."
        return [nodes.raw("", _render(items, self.kind, title, intro, titles), format="html")]


class DoNow(_QuizDirective):
    kind = "do-now"


class MemoryQuiz(_QuizDirective):
    kind = "memory"


class Revise(_QuizDirective):
    kind = "revise"


def _builder_inited(app: Sphinx) -> None:
    app.quiz_pool = build_pool(Path(app.srcdir))  # type: ignore[attr-defined]


def _assets(app: Sphinx, pagename: str, templatename: str, context: dict, doctree) -> None:
    if doctree is not None and any('class="quiz ' in node.astext() or "quiz quiz-" in node.astext() for node in doctree.findall(nodes.raw)):
        app.add_js_file("quiz.js", loading_method="defer")
        app.add_css_file("quiz.css")


def setup(app: Sphinx) -> dict:
    app.add_directive("do-now", DoNow)
    app.add_directive("memory-quiz", MemoryQuiz)
    app.add_directive("revise", Revise)
    app.connect("builder-inited", _builder_inited)
    app.connect("html-page-context", _assets)
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True}
