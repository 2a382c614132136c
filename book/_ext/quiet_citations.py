"""Citations that stay complete but do not get in the reader's way.

A chapter cites a source about every other sentence. sphinxcontrib-bibtex renders each citation as
a link "[Author, year]" whose title holds the full entry; on a page with 50 of them a keyboard user
has to Tab through every one to reach an exercise.

This extension:

* takes the in-text citation links out of the Tab order (``tabindex="-1"``): they still show the
  full entry on hover (title) and still open the sources page on click or tap;
* gives keyboard and screen-reader users their route instead: at the end of each section's own text
  a folded "Sources for this section" list (one Tab stop) with every entry the section cites, each
  written out in full and linked to the sources page.
"""

from __future__ import annotations

import html
import re

from docutils import nodes
from sphinx.application import Sphinx

CITATION = re.compile(r'<span class="bibtex-citation"[^>]*>.*?</span>', re.S)


def _citations(node: nodes.Node):
    for inline in node.findall(nodes.inline):
        if "bibtex-citation" in inline.get("classes", []):
            for ref in inline.findall(nodes.reference):
                yield ref


def _add_section_sources(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    if app.builder.format != "html":
        return
    for section in list(doctree.findall(nodes.section)):
        own = [child for child in section.children if not isinstance(child, nodes.section)]
        seen: dict[str, tuple[str, str]] = {}
        for child in own:
            for ref in _citations(child):
                uri = ref.get("refuri") or ("#" + ref.get("refid", ""))
                if uri not in seen:
                    seen[uri] = (ref.astext(), ref.get("reftitle", ""))
        if not seen:
            continue
        items = "".join(
            f'<li><a href="{html.escape(uri)}">{html.escape(short)}</a>'
            + (f": {html.escape(full)}" if full else "") + "</li>"
            for uri, (short, full) in seen.items()
        )
        title = section.next_node(nodes.title)
        heading = html.escape(title.astext()) if title else "this section"
        raw = nodes.raw(
            "",
            f'<details class="section-sources"><summary>Sources for this section '
            f'<span class="visually-hidden">({heading})</span> ({len(seen)})</summary><ul>{items}</ul></details>',
            format="html",
        )
        position = next((i for i, child in enumerate(section.children) if isinstance(child, nodes.section)),
                        len(section.children))
        section.insert(position, raw)


def _untab_citations(app: Sphinx, pagename: str, templatename: str, context: dict, doctree) -> None:
    body = context.get("body")
    if body and "bibtex-citation" in body:
        context["body"] = CITATION.sub(
            lambda m: m.group(0).replace('<a class="reference internal"', '<a tabindex="-1" class="reference internal"'), body)


def setup(app: Sphinx) -> dict:
    app.connect("doctree-resolved", _add_section_sources)
    app.connect("html-page-context", _untab_citations)
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True}
