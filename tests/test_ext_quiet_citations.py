"""book/_ext/quiet_citations.py on the small test book: in-text citations leave the Tab order; each section ends with
a folded list of its own sources (tests/roots/pages/citations.md)."""

from __future__ import annotations

import html
import re

from small_book import MARKS, pages_built  # noqa: F401  (a fixture)

pytestmark = MARKS

CITATION = re.compile(r'<span class="bibtex-citation"[^>]*>.*?</span>', re.S)
LINK = re.compile(r"<a\b[^>]*>")
SOURCES = re.compile(r'<details class="section-sources"><summary>Sources for this section '
                     r'<span class="visually-hidden">\(([^)]*)\)</span> \((\d+)\)</summary><ul>(.*?)</ul></details>', re.S)
ITEM = re.compile(r'<li><a href="([^"]+)">([^<]+)</a>: ([^<]+)</li>')


def article(out, name: str) -> str:
    page = (out / f"{name}.html").read_text(encoding="utf-8")
    return page[page.index('<article class="bd-article">'): page.index("</article>")]


def test_in_text_citations_leave_the_tab_order_and_keep_their_link_and_title(pages_built):
    body = article(pages_built, "citations")
    citations = CITATION.findall(body)
    assert len(citations) == 4
    for citation in citations:
        (link,) = LINK.findall(citation)
        assert 'tabindex="-1"' in link, link
        assert re.search(r'href="sources\.html#[^"]+"', link) and re.search(r'title="[^"]*Khrushchev|title="[^"]*USSR', link), link
    index = CITATION.findall(article(pages_built, "index"))
    assert len(index) == 1 and 'tabindex="-1"' in index[0]


def test_links_that_are_not_in_text_citations_keep_their_tab_stop(pages_built):
    for name in ("citations", "index", "sources", "chapter"):
        page = (pages_built / f"{name}.html").read_text(encoding="utf-8")
        others = LINK.findall(CITATION.sub("", page))
        assert others, name
        assert not [link for link in others if "tabindex" in link], name
    assert '<a class="reference internal" href="#a-subsection">' in article(pages_built, "citations")


def test_each_section_ends_its_own_text_with_the_distinct_sources_it_cites(pages_built):
    body = article(pages_built, "citations")
    lists = SOURCES.findall(body)
    assert [(heading, int(count)) for heading, count, _ in lists] == [("Citations", 2), ("A subsection", 1)]
    top = ITEM.findall(lists[0][2])
    assert [short for _, short, _ in top] == ["Khrushchev, 1956", "Government of the USSR, 1958"], "once each, in order"
    assert "On the cult of personality" in html.unescape(top[0][2]) and "Note to the government" in html.unescape(top[1][2])
    in_text = {short: href for href, short in re.findall(r'href="([^"]+)"[^>]*>([^<]+)</a>', "".join(CITATION.findall(body)))}
    assert {short: href for href, short, _ in top} == in_text, "each entry links where its citations link"
    # The section's list comes after its own text and before its first subsection; a section citing nothing has none.
    assert body.index("Sources for this section <span") < body.index('<section id="a-subsection">') < body.index("(A subsection)")
    assert "Sources for this section" not in body[body.index('<section id="a-section-without-citations">'):]


def test_pages_without_citations_get_no_list(pages_built):
    for name in ("chapter", "sources", "class-overview"):
        assert "section-sources" not in article(pages_built, name), name
