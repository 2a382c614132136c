"""The class overview page: handed-in files read in the browser, a heat-map, the misconceptions seen most, links.

The files are made here with the book's own checks (a "Download my work" record, and a Jupyter workbook whose
check cells were run), so the page is tested on what students really hand in; nothing may be requested
while the files are read.
"""

from __future__ import annotations

import json

import nbformat

import exercises
from browser.conftest import open_page
from tools import workbooks

RISE, FACTOR, TOTAL = "berlin-crisis-rise", "berlin-essay-factor", "berlin-refugee-total"


def result(exercise_id, answer) -> dict:
    checked = exercises.check(exercise_id, answer)
    return {"status": checked.status, "message": checked.message}


def downloaded(path, student, checks, store=None):
    notebook = workbooks.workbook("berlin")
    notebook.metadata["thaw_to_brink"] = {"format": 1, "chapter": "berlin", "book_version": exercises.__version__,
                                          "student": student, "checks": checks, "store": store or {}}
    nbformat.write(notebook, path)


def ran_in_jupyter(path, answers):
    """A workbook whose check cells show what exercises.check printed, as Jupyter saves it."""
    notebook = workbooks.workbook("berlin")
    for cell in notebook.cells:
        if cell.cell_type == "code" and cell.source.startswith("check("):
            exercise_id = cell.source.split('"')[1]
            shown = exercises.check(exercise_id, answers.get(exercise_id, ...))
            cell.outputs = [nbformat.v4.new_output("execute_result", {"text/plain": repr(shown), "text/html": shown._repr_html_()}, execution_count=1)]
    nbformat.write(notebook, path)


def test_overview_shows_the_class(page, page_log, site, tmp_path):
    right = exercises.get(FACTOR).expected()
    downloaded(tmp_path / "ada.ipynb", "Ada", {RISE: result(RISE, 1961), FACTOR: result(FACTOR, right)},
               {"quiz:berlin-wall-date": {"box": 2, "right": True}})
    downloaded(tmp_path / "ben.ipynb", "Ben", {RISE: result(RISE, 1961), FACTOR: result(FACTOR, right * 10)})
    ran_in_jupyter(tmp_path / "cleo.ipynb", {RISE: 1959})
    (tmp_path / "broken.ipynb").write_text("not a notebook")

    open_page(page, site, "class-overview.html")
    requests_before = len(page_log.responses)
    page.locator(".overview-files").set_input_files([str(tmp_path / name) for name in ("ada.ipynb", "ben.ipynb", "cleo.ipynb", "broken.ipynb")])
    page.locator(".overview-heatmap").wait_for(timeout=10_000)
    assert len(page_log.responses) == requests_before  # read in the page: nothing sent, nothing fetched

    def status(student, column):
        row = page.locator(".overview-heatmap tbody tr").filter(has=page.locator("th", has_text=student))
        return row.locator(f'td[data-column="{column}"]').get_attribute("data-status")

    assert status("Ada", RISE) == "failed" and status("Ada", FACTOR) == "passed"
    assert status("Ada", "quiz:berlin-wall-date") == "passed"
    assert status("Ben", FACTOR) == "failed"
    assert status("cleo", RISE) == "failed" and status("cleo", FACTOR) == "not attempted"
    assert "not a notebook" in page.locator(".overview-problem").inner_text()

    top = page.locator(".overview-misconceptions li").first
    assert top.inner_text().startswith("2 \u00d7 1961 had the most refugees")
    href = top.locator("a").get_attribute("href")
    assert href.endswith(f"berlin.html#{RISE}")
    header = page.locator(".overview-heatmap thead a", has_text=RISE)
    assert header.get_attribute("href") == href
    assert "the number fell" in page.locator(".overview-misconceptions").inner_text()  # cleo's, from Jupyter's output
    assert not page_log.problems()

    page.goto(href)
    assert page.locator(f"[id='{RISE}']").count() == 1  # the link lands on the exercise


def test_overview_reads_files_safely(page, page_log, site):
    open_page(page, site, "class-overview.html")
    hostile = json.dumps({"cells": [{"cell_type": "code", "source": 'check("berlin-crisis-rise", x)',
                                     "outputs": [{"output_type": "execute_result", "data": {"text/plain": "berlin-crisis-rise: not yet.\n<img src=x onerror=alert(1)>"}}]}],
                          "metadata": {"thaw_to_brink": {"student": "<script>alert(1)</script>"}}})
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.locator(".overview-files").set_input_files([{"name": "x.ipynb", "mimeType": "application/json", "buffer": hostile.encode()}])
    page.locator(".overview-heatmap").wait_for(timeout=10_000)
    assert page.locator(".overview-heatmap tbody th", has_text="<script>alert(1)</script>").count() == 1  # shown as text
    assert page.locator(".overview-results img").count() == 0
    assert page.locator(".overview-misconceptions").inner_text().count("<img src=x onerror=alert(1)>") == 1
    assert not dialogs and not page_log.problems()
