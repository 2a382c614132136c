"""Charts, maps and citations as a reader on a phone meets them (390 px wide), in headless Chromium.

* every picture in a chapter is SVG, its text at least 11 px high on screen at 390 px;
* no chart or map shows a data key (``u2-nasa-missing``, ``cia1962probable``) in its text or its alt text;
* every chart and map has a text alternative (alt text, and a description inside the SVG);
* in-text citations are out of the Tab order, and each section that cites offers its sources as a list.
"""

from __future__ import annotations

import functools
import re

import pytest

from browser.conftest import SCREENSHOTS, PageLog, fresh_page, open_page
from conftest import chapters

MIN_PX = 11.0
# A slug with two or more hyphens (u2-nasa-missing, hungary-uprising-begins) or a bibliography key
# (cia1962probable, frus1961v14d104): words a reader should never meet in a chart.
DATA_KEY = re.compile(r"\b[a-z0-9]+(?:-[a-z0-9]+){2,}\b|\b[a-z]+\d{4}[a-z0-9]+\b")

MEASURE = """
async () => {
  const images = [...document.querySelectorAll('article img')];
  const out = [];
  for (const img of images) {
    const src = img.currentSrc || img.src;
    const box = img.getBoundingClientRect();
    const item = {src: src.slice(0, 120), alt: img.getAttribute('alt') || '', shown: box.width, svg: false,
                  chooses: !!(img.getAttribute('srcset') || img.closest('picture'))};
    if (src.endsWith('.svg') || src.startsWith('data:image/svg')) {
      const text = await (await fetch(src)).text();
      const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
      const root = doc.documentElement;
      const width = parseFloat((root.getAttribute('viewBox') || '0 0 0 0').split(/\\s+/)[2]);
      const texts = [...doc.getElementsByTagName('text')];
      item.svg = true;
      item.viewWidth = width;
      item.sizes = texts.map(t => parseFloat(t.getAttribute('font-size') || '16'));
      item.words = texts.map(t => t.textContent);
      item.desc = (doc.getElementsByTagName('desc')[0] || {textContent: ''}).textContent;
    }
    out.push(item);
  }
  return out;
}
"""


def measured(page, site, chapter, width=390):
    page.set_viewport_size({"width": width, "height": 900})
    open_page(page, site, f"{chapter}.html")
    return page.evaluate(MEASURE)


@pytest.fixture(scope="module")
def pictures(browser, site):
    """``pictures(chapter)``: the chapter's pictures measured at 390 px, and the page's problems, loaded once for
    the two tests below (a picture with no srcset is the same file at every width)."""

    @functools.cache
    def measure(chapter):
        log = PageLog()
        page = fresh_page(browser, site, log)
        try:
            return measured(page, site, chapter), log.problems()
        finally:
            page.context.close()

    return measure


@pytest.mark.parametrize("chapter", chapters())
def test_chart_text_is_at_least_11px_at_390px(pictures, chapter):
    images, problems = pictures(chapter)
    assert images, f"{chapter} shows no picture"
    small = []
    for image in images:
        assert image["svg"], f"{chapter}: a picture is not SVG (its text cannot scale): {image['src']}"
        assert image["shown"] > 0 and image["viewWidth"] > 0, image["src"]
        on_screen = min(image["sizes"]) * image["shown"] / image["viewWidth"]
        if on_screen < MIN_PX:
            small.append(f"{image['src']}: smallest text {on_screen:.1f}px (shown {image['shown']:.0f}px wide)")
    assert not small, "\n".join(small)
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("chapter", chapters())
def test_charts_show_words_not_data_keys_and_have_text_alternatives(pictures, chapter):
    images, _ = pictures(chapter)
    assert images, f"{chapter} shows no picture"
    for image in images:
        assert not image["chooses"], f"{chapter}: {image['src']} has a srcset: measure it at each width"
        words = " ".join(image.get("words", []))
        keys = DATA_KEY.findall(words) + DATA_KEY.findall(image["alt"])
        assert not keys, f"{chapter}: {image['src']} shows data keys {keys}"
        assert len(image["alt"]) >= 40, f"{chapter}: {image['src']} has no real text alternative: {image['alt']!r}"
        assert len(image.get("desc", "")) >= 40, f"{chapter}: {image['src']} has no description inside the SVG"


@pytest.mark.parametrize("chapter", ["berlin", "missile-crisis"])
def test_citations_leave_the_tab_order_and_sections_list_their_sources(page, page_log, site, chapter):
    open_page(page, site, f"{chapter}.html")
    links = page.eval_on_selector_all(".bibtex-citation a", "links => links.map(a => a.tabIndex)")
    assert links, "no citations found"
    assert all(index == -1 for index in links), "a citation link takes a Tab stop"
    titled = page.eval_on_selector_all(".bibtex-citation a", "links => links.filter(a => (a.title || '').length > 20).length")
    assert titled == len(links), "a citation link does not carry its full entry"
    boxes = page.locator("details.section-sources")
    assert boxes.count() >= 3
    box = boxes.first
    box.locator("summary").click()
    first = box.locator("li a").first
    first.wait_for(state="visible")
    assert "sources.html#" in first.get_attribute("href")
    cited = set(page.eval_on_selector_all(".bibtex-citation a", "ls => ls.map(a => a.getAttribute('href'))"))
    listed = set(page.eval_on_selector_all("details.section-sources li a", "ls => ls.map(a => a.getAttribute('href'))"))
    assert cited <= listed, f"cited but not listed under any section: {sorted(cited - listed)[:5]}"
    assert not page_log.problems(), "\n".join(page_log.problems())


@pytest.mark.parametrize("chapter", ["berlin", "conclusion"])
@pytest.mark.parametrize("width", [390, 1366])
def test_screenshots_of_chapters_with_pictures(page, page_log, site, chapter, width):
    page.set_viewport_size({"width": width, "height": 900})
    open_page(page, site, f"{chapter}.html")
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    figure = page.locator("figure").first
    figure.scroll_into_view_if_needed()
    path = SCREENSHOTS / f"figures-{chapter}-{width}.png"
    page.screenshot(path=str(path), full_page=False)
    assert path.stat().st_size > 10_000
    overflow = page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 1, f"the page scrolls sideways by {overflow}px at {width}px wide"
    assert page.locator(".admonition.key-terms").count() == 1
    assert page.locator("section#summary").count() == 1
    assert not page_log.problems(), "\n".join(page_log.problems())
