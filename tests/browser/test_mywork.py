""""Download my work", "Open my work" and "Clear my work from this browser" on a chapter page (book/_static/mywork.js).

The downloaded file is a notebook that `make mark` marks (tools/mark.py), that opens back into the page in a fresh
browser (another computer), and "Clear" empties what the book saved on every page, after offering the download.
"""

from __future__ import annotations

import csv
import json
import subprocess
import sys

import nbformat

import exercises
from browser.conftest import open_page, watch
from conftest import ROOT
from tools import workbooks

START = 90_000
ID = "berlin-essay-factor"


from browser.test_runner import code_in, set_code, starter  # noqa: E402  (the page's editor, as a reader uses it)


def answer() -> str:
    return f"essay_factor = {exercises.get(ID).expected():.4f}"


def download(page, tmp_path):
    with page.expect_download() as info:
        page.get_by_role("button", name="Download my work").click()
    path = tmp_path / info.value.suggested_filename
    info.value.save_as(path)
    return path


def ttb_keys(page) -> list[str]:
    return page.evaluate("Object.keys(localStorage).filter((k) => k.startsWith('ttb:'))")


def test_download_is_a_notebook_that_make_mark_marks(page, page_log, site, tmp_path):
    open_page(page, site, "berlin.html")
    page.locator(".mywork-name").fill("Ada Lovelace")
    page.locator(".mywork-name").dispatch_event("change")
    cell = starter(page, ID)
    set_code(cell, answer())
    cell.get_by_role("button", name=f"Check your answer to {ID}").click()
    page.locator(f'[data-runner="check"][data-exercise="{ID}"] .runner-output .check-result.check-passed').wait_for(timeout=START)
    path = download(page, tmp_path)
    assert path.name == "berlin-my-work.ipynb"
    notebook = nbformat.read(path, as_version=4)
    nbformat.validate(notebook)
    record = notebook.metadata["thaw_to_brink"]
    assert record["chapter"] == "berlin" and record["format"] == 1 and record["student"] == "Ada Lovelace"
    assert record["book_version"] == exercises.__version__
    assert record["checks"][ID]["status"] == "passed"
    assert record["store"][f"code:berlin:exercise:{ID}"]["code"] == answer()
    text = "\n".join(cell.source for cell in notebook.cells)
    assert answer() in text and 'check("berlin-refugee-total", refugee_total)' in text
    assert "registered += row[\"refugees\"]" not in text  # the folded solutions are not the student's work
    assert not page_log.problems()

    folder = tmp_path / "handed-in"
    folder.mkdir()
    path.rename(folder / path.name)
    done = subprocess.run([sys.executable, "-m", "tools.mark", str(folder), "--out", str(tmp_path / "out")],
                          cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    with open(tmp_path / "out" / "gradebook.csv", encoding="utf-8") as handle:
        (row,) = list(csv.DictReader(handle))
    assert row["student"] == "Ada Lovelace" and row[ID] == "passed" and row["berlin-refugee-total"] == "not attempted"


def test_open_my_work_on_another_computer(browser, site, page_log, tmp_path):
    # The first computer: type an answer, download.
    first = browser.new_context(accept_downloads=True)
    page = first.new_page()
    watch(page, site, page_log)
    open_page(page, site, "berlin.html")
    set_code(starter(page, ID), answer())
    path = download(page, tmp_path)
    first.close()
    # Another computer: a fresh browser profile, nothing saved.
    second = browser.new_context()
    page = second.new_page()
    watch(page, site, page_log)
    open_page(page, site, "berlin.html")
    assert code_in(starter(page, ID)) != answer()
    with page.expect_navigation():
        page.locator(".mywork-file").set_input_files(str(path))
    page.wait_for_load_state("load")
    assert code_in(starter(page, ID)) == answer()
    # A workbook from `make workbooks`, done in Jupyter, opens too.
    workbook = workbooks.workbook("berlin")
    for index, cell in enumerate(workbook.cells):
        if cell.cell_type == "code" and cell.source.strip().startswith('check("berlin-crisis-rise"'):
            previous = [c for c in workbook.cells[:index] if c.cell_type == "code"][-1]
            previous.source = "crisis_biggest_rise = 1960"
    jupyter = tmp_path / "berlin.ipynb"
    nbformat.write(workbook, jupyter)
    with page.expect_navigation():
        page.locator(".mywork-file").set_input_files(str(jupyter))
    page.wait_for_load_state("load")
    assert code_in(starter(page, "berlin-crisis-rise")) == "crisis_biggest_rise = 1960"
    # A file of another chapter changes nothing.
    other = tmp_path / "other.ipynb"
    notebook = json.loads(path.read_text())
    notebook["metadata"]["thaw_to_brink"]["chapter"] = "cuba"
    other.write_text(json.dumps(notebook))
    page.locator(".mywork-file").set_input_files(str(other))
    page.locator(".mywork-status").filter(has_text="cuba").wait_for(timeout=10_000)
    second.close()
    # Opening a file reloads the page; a download of the runtime cut short by that reload is not a problem.
    assert not [problem for problem in page_log.problems() if "net::ERR_ABORTED" not in problem]


def test_clear_my_work_offers_the_download_then_empties_every_page(page, page_log, site, tmp_path):
    open_page(page, site, "thaw.html")
    page.evaluate("window.BookStore.set('code:thaw:some-cell', 'x = 1'); window.BookStore.set('quiz:any-item', {box: 1})")
    open_page(page, site, "berlin.html")
    set_code(starter(page, ID), answer())
    page.evaluate("localStorage.setItem('not-the-book', 'kept')")
    assert len(ttb_keys(page)) >= 3
    asked = []

    def answer_dialog(dialog):
        asked.append(dialog.message)
        dialog.accept()  # yes, download first; yes, clear

    page.on("dialog", answer_dialog)
    with page.expect_download() as offered:
        with page.expect_navigation():
            page.get_by_role("button", name="Clear my work from this browser").click()
    assert "download" in asked[0].lower() and "every page" in asked[1]
    assert offered.value.suggested_filename == "berlin-my-work.ipynb"
    page.wait_for_load_state("load")
    assert ttb_keys(page) == []
    assert page.evaluate("localStorage.getItem('not-the-book')") == "kept"
    assert code_in(starter(page, ID)) != answer()
    open_page(page, site, "thaw.html")
    assert ttb_keys(page) == []
    assert not [problem for problem in page_log.problems() if "net::ERR_ABORTED" not in problem]  # cut short by the reload
