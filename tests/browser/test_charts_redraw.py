"""Charts that redraw in the page: the conclusion's tension scores and Berlin's refugee chart.

The student changes the data and runs the cell; the page's Python (Pyodide) draws the chart with
exercises.plot, and the page shows it as an image. The SVG in the page is the very SVG that the same
code draws in CPython, and no part of it becomes HTML.
"""

from __future__ import annotations

import urllib.parse

from browser.conftest import open_page
from browser.test_runner import code_in, set_code
from exercises import load

START = 120_000


def python_svg(code: str):
    """What the same cell draws in Jupyter: run the code, take the value of its last expression."""
    import ast

    tree = ast.parse(code)
    last = tree.body.pop()
    namespace = {"load": load}
    exec(compile(tree, "<cell>", "exec"), namespace)  # noqa: S102 - the book's own cell
    return eval(compile(ast.Expression(last.value), "<cell>", "eval"), namespace)  # noqa: S307


def page_chart(cell):
    image = cell.locator(".runner-chart img")
    image.wait_for(timeout=START)
    src = image.get_attribute("src")
    assert src.startswith("data:image/svg+xml;charset=utf-8,")
    return urllib.parse.unquote(src.split(",", 1)[1]), image.get_attribute("alt")


def cell_with(page, text: str):
    cells = page.locator('[data-runner="setup"]')
    for i in range(cells.count()):
        if text in (code_in(cells.nth(i)) or ""):
            return cells.nth(i)
    raise AssertionError(f"no plain cell with {text!r}")


def redraw(page, text: str, old: str, new: str):
    """Change the plain cell that holds ``text`` (``old`` becomes ``new``) and Run it; return the chart the page
    shows (SVG, alt text) and the one the same code draws in CPython, as Jupyter would show it."""
    cell = cell_with(page, text)
    code = code_in(cell)
    assert old in code, (old, code)
    set_code(cell, code.replace(old, new))
    cell.get_by_role("button", name="Run", exact=False).first.click()
    svg, alt = page_chart(cell)
    return cell, svg, alt, python_svg(code.replace(old, new))


def test_tension_scores_redraw_in_the_page(page, page_log, site):
    open_page(page, site, "conclusion.html")
    cell, svg, alt, expected = redraw(page, "my_scores = dict(book_scores)",
                                      '# my_scores["wall-begins"] = 9  # for example', 'my_scores["wall-begins"] = 1')
    assert svg == expected.svg, "the page draws what Jupyter draws"
    assert alt == expected.alt
    assert "<script" not in svg and page.locator(".runner-chart svg").count() == 0, "the chart is an image, not HTML"
    assert cell.locator(".cell_output").first.is_hidden(), "the chart from the build gives way to the new one"
    assert not page_log.blocked


def test_refugee_chart_redraws_with_the_years_chosen(page, page_log, site):
    open_page(page, site, "berlin.html")
    page.get_by_text("Show code cell source").first.click()
    _, svg, alt, expected = redraw(page, 'rows = load("refugees")',
                                   'rows = load("refugees")', 'rows = [row for row in load("refugees") if row["year"] >= 1955]')
    assert svg == expected.svg and alt == expected.alt
    assert "1954" not in alt and "1955" in alt
