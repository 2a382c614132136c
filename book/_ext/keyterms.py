"""Reading aids built from what a chapter already contains.

``key-terms`` directive: a "Key terms" box listing, in order of first use, every glossary term the
chapter marks with the {term} role, each linked to the glossary and given the first sentence of its
glossary definition. The list is made at build time, so it never drifts from the chapter's text.

``image-credits`` directive: a list of every picture in book/images/images.toml (of the book being built), with its title,
chapters, author, sources and licence (used on the sources page).
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

from docutils import nodes
from sphinx import addnodes
from sphinx.application import Sphinx
from sphinx.util.docutils import SphinxDirective

BOOK = Path(__file__).resolve().parent.parent


class key_terms(nodes.General, nodes.Element):  # noqa: N801 (docutils node naming)
    """Placeholder, filled with the chapter's terms once the chapter is read."""


class KeyTermsDirective(SphinxDirective):
    has_content = False

    def run(self):
        node = key_terms()
        node["docname"] = self.env.docname
        return [node]


def glossary_entries(book: Path = BOOK) -> dict[str, tuple[str, str]]:
    """lower-cased term -> (term as written, first sentence of its definition), read from <book>/glossary.md."""
    text = (Path(book) / "glossary.md").read_text(encoding="utf-8")
    block = re.search(r"```\{glossary\}\n(.*?)\n```", text, re.S)
    entries: dict[str, tuple[str, str]] = {}
    term = None
    lines: list[str] = []
    for line in (block.group(1).splitlines() if block else []):
        if line.startswith(":") or not line.strip():
            continue
        if not line.startswith(" "):
            if term:
                entries[term.lower()] = (term, " ".join(lines))
            term, lines = line.strip(), []
        else:
            lines.append(line.strip())
    if term:
        entries[term.lower()] = (term, " ".join(lines))
    return {key: (name, _first_sentence(definition)) for key, (name, definition) in entries.items()}


def _first_sentence(text: str) -> str:
    match = re.match(r"(.+?[.!?])(\s+[A-Z(\"“]|$)", text)
    return match.group(1) if match else text


def _fill(app: Sphinx, doctree: nodes.document) -> None:
    placeholders = list(doctree.findall(key_terms))
    if not placeholders:
        return
    glossary = glossary_entries(Path(app.srcdir))  # the glossary of the book being built (a copy, or the test book)
    seen: list[str] = []
    for ref in doctree.findall(addnodes.pending_xref):
        if ref.get("refdomain") == "std" and ref.get("reftype") == "term":
            target = ref.get("reftarget", "").lower()
            if target in glossary and target not in seen:
                seen.append(target)
    for placeholder in placeholders:
        if not seen:
            placeholder.parent.remove(placeholder)
            continue
        box = nodes.admonition(classes=["key-terms"])
        box += nodes.title("", "Key terms")
        box += nodes.paragraph("", "The words in this chapter that the glossary explains, in the order they first appear.")
        listing = nodes.definition_list()
        for target in seen:
            name, definition = glossary[target]
            ref = addnodes.pending_xref(
                "", nodes.inline("", name, classes=["xref", "std", "std-term"]),
                refdomain="std", reftype="term", reftarget=target, refexplicit=True, refwarn=True,
                refdoc=placeholder["docname"],
            )
            item = nodes.definition_list_item()
            item += nodes.term("", "", ref)
            item += nodes.definition("", nodes.paragraph("", definition))
            listing += item
        box += listing
        placeholder.replace_self(box)


class ImageCreditsDirective(SphinxDirective):
    has_content = False

    def run(self):
        manifest_path = Path(self.env.srcdir) / "images" / "images.toml"
        self.env.note_dependency(str(manifest_path))
        images = tomllib.loads(manifest_path.read_text(encoding="utf-8"))["images"]
        listing = nodes.bullet_list(classes=["image-credits"])
        for file, entry in images.items():
            para = nodes.paragraph()
            para += nodes.strong("", entry["title"])
            chapters = ", ".join(entry["chapters"])
            para += nodes.Text(f" ({entry['kind']}; chapter: {chapters}; file images/{file}). "
                               f"Author: {entry['author']}. Sources: {entry['source']}. Licence: {entry['licence']}.")
            listing += nodes.list_item("", para)
        return [listing]


def setup(app: Sphinx) -> dict:
    app.add_node(key_terms)
    app.add_directive("key-terms", KeyTermsDirective)
    app.add_directive("image-credits", ImageCreditsDirective)
    app.connect("doctree-read", _fill)
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True}
