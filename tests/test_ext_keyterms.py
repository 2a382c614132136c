"""Unit tests of book/_ext/keyterms.py on the widget test book (tests/roots/widgets): the "Key terms" box.

The chapter uses three of the four terms of the test book's glossary (one of them twice, one through
another spelling); the notes page uses none.  Each definition there has a second sentence that the box leaves out.
"""

from __future__ import annotations

import re

from widget_book import FILTER, declared, element, page, site, text  # noqa: F401

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
    box, _ = element(markup, "div", "key-terms")
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
    assert "The words in this chapter that the glossary explains" in text(element(chapter, "div", "key-terms")[0])


def test_a_page_without_terms_gets_no_box(site):
    notes = page(site, "notes")
    assert "A page that uses no glossary term" in notes
    assert "key-terms" not in notes and "Key terms" not in notes, "an empty box of terms"
