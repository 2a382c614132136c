"""Unit tests of book/_ext/keyterms.py on the widget test book (tests/roots/widgets): the "Key terms" box and the
list of picture credits.

The chapter uses three of the four terms of the test book's glossary (one of them twice, one through
another spelling); the notes page uses none.  Each definition there has a second sentence that the box leaves out.
The sources page lists the two pictures of the test book's images/images.toml.
"""

from __future__ import annotations

import re
import tomllib

from widget_book import FILTER, ROOT, build, copy_book, declared, element, page, site, text  # noqa: F401

pytestmark = FILTER

# tests/roots/widgets/glossary.md: term -> the first sentence of its definition.
GLOSSARY = {
    "Brinkmanship": "Pushing a dangerous situation to the edge of war to make the other side back down.",
    "Détente": "An easing of tension between rivals.",
    "Superpower": "A state with the power to act all over the world.",
    "Thaw": "A thaw is a warming of relations after a cold spell.",
}


def key_terms(markup: str) -> list[tuple[str, str, str]]:
    """The entries of the page's Key terms box: (link, term, definition)."""
    box = element(markup, "div", "key-terms")
    return [(href, text(term), text(definition)) for href, term, definition in
            re.findall(r'<dt><a class="reference internal" href="([^"]+)">(.*?)</a></dt><dd>(.*?)</dd>', box, re.S)]


def test_the_box_lists_the_terms_the_chapter_uses_in_order_of_first_use_once_each(site):
    entries = key_terms(page(site))
    assert [term for _, term, _ in entries] == ["Thaw", "Détente", "Brinkmanship"]


def test_each_term_links_to_the_glossary_with_the_first_sentence_of_its_definition(site):
    glossary = page(site, "glossary")
    for href, term, definition in key_terms(page(site)):
        assert definition == GLOSSARY[term], "the definition is the first sentence of this book's glossary entry"
        target = re.fullmatch(r"glossary\.html#(term-[\w-]+)", href)
        assert target and f'id="{target.group(1)}"' in glossary, href
    assert "TERM-SECOND-SENTENCE" not in page(site)


def test_the_box_stands_where_the_directive_is(site):
    chapter = page(site)
    assert chapter.index('class="quiz quiz-do-now"') < chapter.index('class="key-terms') < chapter.index("After the")
    assert "The words in this chapter that the glossary explains" in text(element(chapter, "div", "key-terms"))


def test_a_page_without_terms_gets_no_box(site):
    notes = page(site, "notes")
    assert "A page that uses no glossary term" in notes
    assert "key-terms" not in notes and "Key terms" not in notes, "an empty box of terms"


def credits(markup: str) -> list[str]:
    box = element(markup, "ul", "image-credits")
    return [text(item) for item in re.findall(r"<li>(.*?)</li>", box, re.S)]


def test_the_sources_page_credits_every_picture_of_the_manifest_in_order(site):
    images = tomllib.loads((ROOT / "images" / "images.toml").read_text(encoding="utf-8"))["images"]
    listed = credits(page(site, "sources"))
    assert len(listed) == len(images) == 2
    for line, (file, entry) in zip(listed, images.items()):
        assert line == (f"{entry['title']} ({entry['kind']}; chapter: {', '.join(entry['chapters'])}; file images/{file}). "
                        f"Author: {entry['author']}. Sources: {entry['source']}. Licence: {entry['licence']}."), line


def test_a_changed_manifest_is_listed_at_the_next_build(declared, tmp_path):
    source = copy_book(tmp_path / "src")
    assert "Licence: Public domain." in credits(page(build(source, outdir="twice"), "sources"))[1]
    manifest = source / "images" / "images.toml"
    manifest.write_text(manifest.read_text(encoding="utf-8").replace('licence = "Public domain"', 'licence = "CC0 1.0"'), encoding="utf-8")
    assert "Licence: CC0 1.0." in credits(page(build(source, outdir="twice"), "sources"))[1], "the page was not rebuilt"
