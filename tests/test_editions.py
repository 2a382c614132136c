"""Editions for students: workbooks without solutions, the student edition, and each chapter's .ipynb download.

The student edition is built into $BUILDDIR/student/html (like `make html-student`), reusing the
execution cache of the main build (the `built` and `student_built` fixtures, tests/book_builds.py).
"""

from __future__ import annotations

import html as html_lib
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import jupytext
import nbformat
import pytest
from nbclient import NotebookClient
from nbconvert import HTMLExporter

import exercises
from conftest import BOOK, BUILD, ROOT, STUDENT, chapters, exercise_blocks, exercise_pages

sys.path.insert(0, str(BOOK / "_ext"))
import runner  # noqa: E402  (book/_ext/runner.py: builds the exercises wheel the book's site offers)
from tools import workbooks  # noqa: E402  (pytest puts the repository root on the path: pyproject.toml)
from tools.localweb import serve  # noqa: E402

CHAPTERS = exercise_pages()  # the chapters and the primer: every page with exercises, a workbook and a notebook download
BLOCKS = exercise_blocks()
CHECK_CELL = re.compile(r'^check\("([a-z0-9-]+)", \w+\)\s*$')


# --- what counts as solution text ----------------------------------------------------------


def solution_blocks(page: str) -> list[str]:
    return [m.group(0) for m in workbooks.SOLUTION.finditer((BOOK / f"{page}.md").read_text(encoding="utf-8"))]


def distinctive_lines() -> dict[str, set[str]]:
    """Per chapter: the long lines (> 25 characters) of its solution blocks that appear nowhere else in the chapter."""
    found = {}
    for page in CHAPTERS:
        rest = workbooks.without_solutions((BOOK / f"{page}.md").read_text(encoding="utf-8"))
        rest += "\n" + rest.replace("`", "")  # as the page shows inline code
        lines = set()
        for block in solution_blocks(page):
            for line in block.splitlines():
                line = line.strip()
                if len(line) > 25 and line not in rest and not line.startswith("```"):
                    lines.add(line)
        found[page] = lines
    return found


DISTINCTIVE = distinctive_lines()
SOLUTIONS = {i: block.solution[0].strip() for i, block in BLOCKS.items()}


def test_the_solution_lines_to_look_for_are_many():
    assert all(len(SOLUTIONS[i]) > 5 for i in SOLUTIONS)
    for page in CHAPTERS:
        assert solution_blocks(page), f"{page} has no solution block"
        assert DISTINCTIVE[page], f"{page}: no long solution line to look for"


def leaks(text: str) -> list[str]:
    """The solution texts found in text: whole declared solutions, distinctive lines, solution markup."""
    found = [f"solution of {i}" for i, code in SOLUTIONS.items() if code in text]
    found += [line for lines in DISTINCTIVE.values() for line in lines if line in text]
    found += [marker for marker in ("{solution-start}", "{solution-end}", "Solution to Exercise") if marker in text]
    found += re.findall(r'class="[^"]*\bsolution\b[^"]*"', text)
    return found


def readable_text(path: Path) -> str:
    """A file as text a reader (or a search engine) would see: notebooks as their cells, HTML without tags."""
    raw = path.read_text(encoding="utf-8", errors="ignore")
    if path.suffix == ".ipynb":
        notebook = json.loads(raw)
        parts = ["".join(cell["source"]) if isinstance(cell["source"], list) else cell["source"] for cell in notebook["cells"]]
        parts += [json.dumps(cell.get("outputs", []), ensure_ascii=False) for cell in notebook["cells"]]
        return "\n".join(parts)
    if path.suffix in {".html", ".htm", ".xml"}:
        raw = without_parsons_lines(raw)
        # Both the markup (class="solution ...") and the text inside code highlighting (tags removed).
        return raw + "\n" + html_lib.unescape(re.sub(r"<[^>]+>", "", raw))
    return raw


_STEPS = re.compile(r'(<script[^>]*id="exercise-steps"[^>]*>)(.*?)(</script>)', re.S)


def without_parsons_lines(raw: str) -> str:
    """A page without the lines of its "put the lines in order" problems (book/_ext/steps.py).

    They are the solution's lines (or pieces), jumbled: what a Parsons problem shows by its nature.
    tests/test_steps.py proves that the page data holds them never in the right order, and
    test_the_student_edition_shows_parsons_lines_only_jumbled below that the page holds that data as made."""

    def strip(match: re.Match) -> str:
        data = json.loads(match.group(2))
        for entry in data.values():
            entry.get("parsons", {}).pop("lines", None)
        return match.group(1) + json.dumps(data, ensure_ascii=False) + match.group(3)

    return _STEPS.sub(strip, raw)


TEXT_SUFFIXES = {".html", ".js", ".json", ".ipynb", ".txt", ".md", ".py", ".css", ".xml", ".inv", ".map", ""}


def scan(folder: Path) -> dict[str, list[str]]:
    found = {}
    for path in sorted(folder.rglob("*")):
        if path.is_file() and path.suffix in TEXT_SUFFIXES and path.name != "objects.inv":
            hits = leaks(readable_text(path))
            if hits:
                found[str(path.relative_to(folder))] = hits[:3]
    return found


# --- workbooks -------------------------------------------------------------------------------


def run_workbooks(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(ROOT / "tools" / "workbooks.py"), *args], cwd=ROOT, capture_output=True, text=True)


@pytest.fixture(scope="module")
def workbook_dir(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("workbooks") / "workbooks"
    done = run_workbooks("--out", str(out))
    assert done.returncode == 0, done.stderr
    return out


def sources(notebook) -> str:
    return "\n".join(cell.source for cell in notebook.cells)


def test_one_workbook_per_chapter(workbook_dir):
    assert sorted(p.stem for p in workbook_dir.glob("*.ipynb")) == sorted(CHAPTERS)


@pytest.mark.parametrize("page", CHAPTERS)
def test_workbook_has_no_solution(workbook_dir, page):
    path = workbook_dir / f"{page}.ipynb"
    notebook = nbformat.read(path, as_version=4)
    assert not leaks(sources(notebook)), leaks(sources(notebook))
    assert not leaks(readable_text(path))
    # ... but the exercises are there, each with its starter and check cells.
    for exercise_id in exercises.ids():
        if exercises.chapter_of(exercise_id) == page:
            assert BLOCKS[exercise_id].starter in sources(notebook), exercise_id
            assert BLOCKS[exercise_id].check in sources(notebook), exercise_id


def execute(notebook, cwd: Path, **env):
    client = NotebookClient(notebook, timeout=120, kernel_name="python3", resources={"metadata": {"path": str(cwd)}})
    client.execute(env={**os.environ, **env}) if env else client.execute()
    return notebook


def check_results(notebook) -> dict[str, str]:
    """Exercise id -> the text every `check(...)` cell printed, for the cells that only call check."""
    results = {}
    for cell in notebook.cells:
        match = CHECK_CELL.match(cell.source.strip()) if cell.cell_type == "code" else None
        if match:
            results.setdefault(match.group(1), "")
            results[match.group(1)] += json.dumps(cell.outputs)
    return results


# --- workbooks in plain Markdown, on a kernel that has only the wheel ------------------------------

# MyST that only the book renders: roles, directive fences, colon fences, labels.
MYST = re.compile(r"\{cite|\{term\}|\{ref\}|\{numref\}|\{doc\}|```\{|:::|^\([\w-]+\)=", re.M)


def myst_in(notebook) -> list[str]:
    """Each piece of MyST syntax in the markdown cells, with the start of its cell."""
    return [f"{found!r} in: {cell.source[:100]}" for cell in notebook.cells if cell.cell_type == "markdown"
            for found in MYST.findall(cell.source)]


def exercise_titles(page: str) -> list[str]:
    """"Exercise 4.1 — Total of refugees" for each exercise of a chapter, numbered as the book numbers them."""
    text = (BOOK / f"{page}.md").read_text(encoding="utf-8")
    titles = re.findall(r"^```\{exercise-start\}\s*(.*)$", text, re.M)
    if page not in chapters():  # a page outside the numbered chapters (the primer) numbers its exercises alone
        return [f"Exercise {n} — {title.strip()}" for n, title in enumerate(titles, 1)]
    chapter = chapters().index(page) + 1
    return [f"Exercise {chapter}.{n} — {title.strip()}" for n, title in enumerate(titles, 1)]


def citation_texts(page: str) -> set[str]:
    """The author–year text of every work the chapter cites ("Rytlewski and Opp de Hipt, 1987")."""
    from pybtex.database import parse_file
    from pybtex.plugin import find_plugin
    from pybtex.richtext import Text

    from exercises._plainmd import year_labels

    text = find_plugin("pybtex.backends", "text")()  # found once: render_as("text") searches the plugins each call
    database = parse_file(str(BOOK / "references.bib"))
    years = year_labels(database)
    texts = set()
    for keys in re.findall(r"\{cite:p\}`([^`]*)`", (BOOK / f"{page}.md").read_text(encoding="utf-8")):
        for key in (k.strip() for k in keys.split(",")):
            entry = database.entries[key]
            people = entry.persons.get("author") or entry.persons.get("editor") or []
            names = [Text.from_latex(" ".join(p.prelast_names + p.last_names)).render(text) for p in people]
            if not names:
                author = Text.from_latex(entry.fields["title"]).render(text)
            else:
                author = names[0] if len(names) == 1 else " and ".join(names) if len(names) == 2 else f"{names[0]} et al."
            texts.add(f"{author}, {years[key] or 'n.d.'}")
    return texts


@pytest.mark.parametrize("page", CHAPTERS)
def test_workbook_markdown_has_no_myst(workbook_dir, page):
    notebook = nbformat.read(workbook_dir / f"{page}.ipynb", as_version=4)
    assert not myst_in(notebook), myst_in(notebook)[:5]
    first = next(c for c in notebook.cells if c.cell_type == "markdown").source
    assert "Run the cells in order" in first and "check(...)" in first


def test_the_myst_test_can_fail():
    """The chapter as jupytext reads it (as workbooks were before they were written in plain Markdown) fails it."""
    raw = jupytext.reads((BOOK / "berlin.md").read_text(encoding="utf-8"), fmt="md:myst")
    found = " ".join(myst_in(raw))
    for marker in ("{cite", "{term}", "```{", "(berlin)="):
        assert repr(marker)[:-1] in found, marker


@pytest.mark.parametrize("page", CHAPTERS)
def test_workbook_as_html_shows_exercise_titles_and_citations_as_text(workbook_dir, page):
    notebook = nbformat.read(workbook_dir / f"{page}.ipynb", as_version=4)
    body, _ = HTMLExporter(template_name="classic").from_notebook_node(notebook)
    text = html_lib.unescape(re.sub(r"<[^>]+>", "", body))
    text = re.sub(r"[ \t\r\n]+", " ", text).replace("\u00a0", " ")
    titles = exercise_titles(page)
    assert titles and len(titles) == len({i for i in exercises.ids() if exercises.chapter_of(i) == page})
    for title in titles:
        assert title in text, title
    for citation in citation_texts(page):
        assert f"{citation})" in text or f"{citation};" in text, citation
    assert "{cite" not in text and "{term}" not in text and "```{" not in text


@pytest.fixture(scope="session")
def book_site(tmp_path_factory):
    """A copy of the book's site as far as notebooks need it: _static/wheels/ with index.json, served on loopback."""
    site = tmp_path_factory.mktemp("site")
    wheels = site / "_static" / "wheels"
    runner._write_index(runner._build_wheel(wheels), wheels)
    server, url, _ = serve(site)
    yield url
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="session")
def bare_kernel(tmp_path_factory) -> Path:
    """A kernel like a fresh Colab or Jupyter without the book: no exercises package and no matplotlib.

    Its own Python (a new venv, with the pip that ensurepip bundles) reads ipykernel from the book's
    .venv through a .pth file, which adds that folder but not the editable install of `exercises`
    (a .pth inside it, which Python does not read from an added folder).  A folder listed first
    holds a `matplotlib` that fails as a missing one does.  Nothing is downloaded.
    """
    import sysconfig
    import venv

    root = tmp_path_factory.mktemp("bare-kernel")
    venv.create(root / "venv", with_pip=True)
    python = root / "venv" / "bin" / "python"
    shadow = root / "no-matplotlib" / "matplotlib"
    shadow.mkdir(parents=True)
    (shadow / "__init__.py").write_text('raise ModuleNotFoundError("No module named \'matplotlib\'", name="matplotlib")\n')
    site = subprocess.run([str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                          capture_output=True, text=True, check=True).stdout.strip()
    (Path(site) / "book-venv.pth").write_text(f"{shadow.parent}\n{sysconfig.get_paths()['purelib']}\n", encoding="utf-8")
    spec = root / "jupyter" / "kernels" / "bare"
    spec.mkdir(parents=True)
    (spec / "kernel.json").write_text(json.dumps({
        "argv": [str(python), "-m", "ipykernel_launcher", "-f", "{connection_file}"],
        "display_name": "Python 3 (bare)", "language": "python"}), encoding="utf-8")
    for module in ("exercises", "matplotlib"):
        missing = subprocess.run([str(python), "-c", f"import {module}"], capture_output=True, text=True, cwd=root)
        assert "ModuleNotFoundError" in missing.stderr, f"the bare kernel must not have {module}"
    assert subprocess.run([str(python), "-c", "import ipykernel"], cwd=root).returncode == 0
    return root / "jupyter"  # for JUPYTER_PATH: its kernels/bare is the kernel


@pytest.fixture(scope="session")
def published_workbooks(book_site, tmp_path_factory) -> Path:
    """The workbooks of a book published at book_site (their first cell installs the wheel from there)."""
    out = tmp_path_factory.mktemp("published") / "workbooks"
    done = run_workbooks("--out", str(out), "--base-url", book_site)
    assert done.returncode == 0, done.stderr
    return out


@pytest.mark.parametrize("page", CHAPTERS)
def test_workbook_runs_top_to_bottom_on_a_bare_kernel_and_every_check_is_not_attempted(
        published_workbooks, bare_kernel, page, tmp_path, monkeypatch):
    # nbclient stops at the first error, except in cells tagged raises-exception (cells that use an
    # answer, and figures where matplotlib is missing): the first cell installs the wheel from the site.
    notebook = nbformat.read(published_workbooks / f"{page}.ipynb", as_version=4)
    monkeypatch.setenv("JUPYTER_PATH", str(bare_kernel))
    client = NotebookClient(notebook, kernel_name="bare", timeout=180, resources={"metadata": {"path": str(tmp_path)}})
    client.execute()
    results = check_results(notebook)
    declared = {i for i in exercises.ids() if exercises.chapter_of(i) == page}
    assert set(results) == declared
    for exercise_id, output in results.items():
        assert "check-not-attempted" in output and "not attempted yet" in output, f"{exercise_id}: {output[:300]}"
        assert "check-passed" not in output and "check-failed" not in output, f"{exercise_id}: {output[:300]}"
    for cell in notebook.cells:
        errors = [o for o in cell.get("outputs", []) if o.output_type == "error"]
        if cell.cell_type == "code" and "raises-exception" not in cell.metadata.get("tags", []):
            assert not errors, cell.source[:200]
        if cell.cell_type == "code" and "import matplotlib" in cell.source:  # the kernel has no matplotlib
            assert cell.source.startswith("# This cell draws ") and "pip install matplotlib" in cell.source
            assert errors and errors[0].ename == "ModuleNotFoundError" and "matplotlib" in errors[0].evalue


def test_cells_that_use_an_answer_say_so_and_do_not_stop_run_all(workbook_dir):
    notebook = nbformat.read(workbook_dir / "missile-crisis.ipynb", as_version=4)
    marked = [c for c in notebook.cells if "raises-exception" in c.metadata.get("tags", [])]
    answers = [c for c in marked if c.source.startswith("# This cell uses your answer to missile-crisis-")]
    assert answers, "the loop over haversine_km after its exercise"
    for cell in marked:  # the others draw figures: they need matplotlib, which a bare kernel lacks
        assert cell in answers or re.match(r"# This cell draws (Figure \d+\.\d+|a figure) with matplotlib", cell.source), cell.source[:200]


def test_second_run_keeps_a_changed_workbook_and_force_replaces_it_keeping_a_copy(tmp_path):
    out = tmp_path / "workbooks"
    assert run_workbooks("--out", str(out), "berlin", "thaw").returncode == 0
    berlin = out / "berlin.ipynb"
    fresh = berlin.read_text(encoding="utf-8")
    notebook = nbformat.reads(fresh, as_version=4)
    notebook.cells.append(nbformat.v4.new_code_cell("my_work = 42"))
    changed = nbformat.writes(notebook)
    berlin.write_text(changed, encoding="utf-8")

    again = run_workbooks("--out", str(out), "berlin", "thaw")
    assert again.returncode == 0, again.stderr
    assert berlin.read_text(encoding="utf-8") == changed
    assert re.search(r"kept\s+\S*berlin\.ipynb", again.stdout), again.stdout
    assert "FORCE=1" in again.stdout
    assert not list(out.glob("*.bak.ipynb"))

    forced = run_workbooks("--out", str(out), "--force", "berlin", "thaw")
    assert forced.returncode == 0, forced.stderr
    assert berlin.read_text(encoding="utf-8") == fresh
    backups = list(out.glob("berlin.*.bak.ipynb"))
    assert len(backups) == 1 and backups[0].read_text(encoding="utf-8") == changed
    assert re.search(r"wrote\s+\S*berlin\.ipynb", forced.stdout), forced.stdout


def broken_book(tmp_path: Path, remove_end: int) -> Path:
    """A copy of book/ whose berlin chapter has one solution block left open (its end fence removed)."""
    book = tmp_path / "book"
    shutil.copytree(BOOK, book, ignore=shutil.ignore_patterns("_ext", "_static", "*.bib"))
    path = book / "berlin.md"
    text = path.read_text(encoding="utf-8")
    ends = [m.start() for m in re.finditer(r"^```\{solution-end\}\n```\n", text, re.M)]
    assert len(ends) >= 2
    at = ends[remove_end]
    path.write_text(text[:at] + text[at:].replace("```{solution-end}\n```\n", "", 1), encoding="utf-8")
    return book


@pytest.mark.parametrize("remove_end", [0, -1], ids=["first-block", "last-block"])
def test_a_chapter_that_fails_to_convert_is_named_and_nothing_is_written(tmp_path, remove_end):
    book = broken_book(tmp_path, remove_end)
    out = tmp_path / "out"
    out.mkdir()
    (out / "thaw.ipynb").write_text("kept as it was", encoding="utf-8")
    done = run_workbooks("--book", str(book), "--out", str(out))
    assert done.returncode != 0
    assert "'berlin'" in done.stderr and "not closed" in done.stderr, done.stderr
    assert "nothing was written" in done.stderr
    assert sorted(p.name for p in out.iterdir()) == ["thaw.ipynb"]
    assert (out / "thaw.ipynb").read_text(encoding="utf-8") == "kept as it was"


def test_workbook_without_the_exercises_package_says_so_in_one_line(workbook_dir, tmp_path):
    # A kernel where `import exercises` fails as it does when the package is not installed:
    # a module earlier on PYTHONPATH raises the same ModuleNotFoundError.
    hide = tmp_path / "hide"
    hide.mkdir()
    (hide / "exercises.py").write_text('raise ModuleNotFoundError("No module named \'exercises\'", name="exercises")\n')
    notebook = nbformat.read(workbook_dir / "berlin.ipynb", as_version=4)
    first = next(i for i, c in enumerate(notebook.cells) if c.cell_type == "code" and "from exercises import" in c.source)
    notebook.cells = notebook.cells[: first + 1]
    client = NotebookClient(notebook, timeout=60, kernel_name="python3", allow_errors=True, resources={"metadata": {"path": str(tmp_path)}})
    client.execute(env={**os.environ, "PYTHONPATH": str(hide)})
    errors = [o for o in notebook.cells[first].outputs if o.output_type == "error"]
    assert len(errors) == 1, notebook.cells[first].outputs
    assert errors[0].ename == "ExercisesNotInstalled"
    assert len(errors[0].traceback) == 1 and "\n" not in errors[0].traceback[0], errors[0].traceback
    assert "pip install" in errors[0].traceback[0]
    # The same cell, with the package installed, imports quietly.
    notebook.cells[first].outputs = []
    execute(notebook, tmp_path)
    assert notebook.cells[first].outputs == []


# --- the student edition ---------------------------------------------------------------------


# `student_built` ($BUILDDIR/student/html, built like `make html-student` after the book) is in conftest.py.


def test_full_edition_shows_the_solutions(built):
    """The scan below can fail: the same scan finds every chapter's solutions in the full edition."""
    for page in CHAPTERS:
        text = readable_text(built / f"{page}.html")
        assert 'class="solution' in text or "solution dropdown" in text, page
        assert any(line in text for line in DISTINCTIVE[page]), page
    found = scan(built)
    assert any(name.endswith(f"{page}.html") for name in found for page in CHAPTERS)


def test_student_edition_has_no_solution_anywhere(student_built):
    found = scan(student_built.parent)  # html/ and whatever else the build left beside it
    assert not found, found


@pytest.mark.parametrize("edition", ["built", "student_built"])
def test_every_code_exercise_has_hints_in_steps_and_a_parsons_problem_in_each_edition(edition, request):
    """In the pages as built: at least two hint steps and a Parsons problem for every code exercise, in both editions.
    The one thing the scans above leave out, the Parsons lines, is exactly the data book/_ext/steps.py makes:
    the solution's lines (or pieces) jumbled, never a whole solution."""
    import steps  # book/_ext/steps.py (book/_ext is on the path, above)

    folder = request.getfixturevalue(edition)
    code = set()
    for page in CHAPTERS:
        raw = (folder / f"{page}.html").read_text(encoding="utf-8")
        found = _STEPS.search(raw)
        assert found, page
        shown = json.loads(found.group(2))
        assert shown == json.loads(json.dumps(steps.page_data(BOOK, page, student=edition == "student_built"))), page
        for exercise_id, entry in shown.items():
            if exercises.get(exercise_id).kind in steps.CODE_KINDS:
                code.add(exercise_id)
                assert len(entry["hints"]) >= 2, exercise_id
                assert len(entry["parsons"]["lines"]) >= 3 and entry["parsons"]["prefixes"], exercise_id
                assert not [i for i, text in SOLUTIONS.items() if text in "\n".join(entry["parsons"]["lines"])], exercise_id
    assert code == {i for i in exercises.ids() if exercises.get(i).kind in steps.CODE_KINDS}


@pytest.mark.parametrize("page", CHAPTERS)
def test_student_edition_keeps_the_exercises_and_checks(student_built, page):
    text = readable_text(student_built / f"{page}.html")
    declared = [i for i in exercises.ids() if exercises.chapter_of(i) == page]
    html = (student_built / f"{page}.html").read_text(encoding="utf-8")
    # Only the starters' checks are left: one "not attempted" box per exercise.
    assert html.count('class="check-result') == html.count("check-not-attempted") == len(declared)
    assert "check-passed" not in text, "a solution's check ran in the page"
    for source in re.findall(r'<img [^>]*src="([^"]+)"', text):
        assert (student_built / source).exists(), f"{page}: the figure {source} is missing"
    for exercise_id in exercises.ids():
        if exercises.chapter_of(exercise_id) == page:
            assert f'id="{exercise_id}"' in text
            assert BLOCKS[exercise_id].starter.splitlines()[0] in text


# --- the .ipynb download of each chapter ---------------------------------------------------------


def download_links(html: str) -> list[str]:
    menu = html[html.index("download-buttons"):]
    menu = menu[: menu.index("</ul>")]
    return re.findall(r'href="([^"]+)"', menu)


@pytest.mark.parametrize("page", CHAPTERS)
def test_each_chapter_page_offers_its_notebook(built, student_built, page):
    for folder in (built, student_built):
        links = download_links((folder / f"{page}.html").read_text(encoding="utf-8"))
        assert f"_sources/{page}.ipynb" in links, links
        assert (folder / "_sources" / f"{page}.ipynb").exists()
    assert f"_sources/{page}.md" in download_links((built / f"{page}.html").read_text(encoding="utf-8"))
    # The student edition copies no source, so it offers the notebook only (the theme's source button would link the folder).
    assert download_links((student_built / f"{page}.html").read_text(encoding="utf-8")) == [f"_sources/{page}.ipynb"]
    for folder in (built, student_built):
        download = nbformat.read(folder / "_sources" / f"{page}.ipynb", as_version=4)
        assert not myst_in(download), myst_in(download)[:5]
    # The student edition offers exactly the workbook.
    offered = nbformat.read(student_built / "_sources" / f"{page}.ipynb", as_version=4)
    assert nbformat.writes(offered) == nbformat.writes(workbooks.workbook(page))


@pytest.mark.parametrize("page", CHAPTERS)
def test_full_edition_notebook_runs_top_to_bottom_and_every_check_passes(built, page, tmp_path):
    notebook = execute(nbformat.read(built / "_sources" / f"{page}.ipynb", as_version=4), tmp_path)
    results = check_results(notebook)
    for exercise_id in exercises.ids():
        if exercises.chapter_of(exercise_id) == page:
            assert "check-not-attempted" in results[exercise_id], exercise_id
            assert "check-passed" in results[exercise_id], f"{exercise_id}: {results[exercise_id][:300]}"
            assert "check-failed" not in results[exercise_id], f"{exercise_id}: {results[exercise_id][:300]}"


# --- no expected answer in anything the student edition ships (the full edition is the control) -----


def shipped_texts(folder: Path) -> dict[str, str]:
    """Every text a reader of the site can fetch: pages, scripts, the search index, notebooks, and each
    file inside the exercises wheel the pages download (unzipped)."""
    import zipfile

    texts = {}
    for path in sorted(folder.rglob("*")):
        if not path.is_file():
            continue
        name = str(path.relative_to(folder))
        if path.suffix == ".whl":
            with zipfile.ZipFile(path) as archive:
                for member in archive.namelist():
                    texts[f"{name}!{member}"] = archive.read(member).decode("utf-8", errors="ignore")
        elif path.suffix in TEXT_SUFFIXES or path.suffix == ".csv":
            texts[name] = readable_text(path)
        if path.suffix == ".html":  # each question widget's data, on its own, as "<page>#practice-<id>"
            for exercise_id, data in WIDGET_DATA.findall(texts[name]):
                texts[f"{name}#practice-{exercise_id}"] = data
    return texts


WIDGET_DATA = re.compile(r'<div class="practice [^"]*" id="[^"]*" data-exercise="([^"]+)">.*?'
                         r'<script type="application/json" class="practice-data">(.*?)</script>', re.S)


def answers_in(folder: Path) -> dict[str, list[str]]:
    from test_sealed import answer_texts  # each exercise's answer as the full package writes it

    texts = shipped_texts(folder)
    found = {}
    for exercise_id, needles in answer_texts().items():
        where = sorted({name for needle, file in needles for name, text in texts.items() if needle in text and name.endswith(file)})
        if where:
            found[exercise_id] = where
    return found


def test_the_full_edition_ships_the_answers(built):
    """The control: the same search finds the answers in the full edition: of every question with a widget (in its
    data), of nearly every value and function exercise (their module's lines), and the answer columns of the tables."""
    from exercises._practice import widget_ids
    from test_sealed import ANSWER_COLUMNS

    found = answers_in(built)
    kinds = [i for i in exercises.ids() if exercises.get(i).kind in ("value", "function")]
    assert len(set(kinds) & set(found)) >= len(kinds) - 3, sorted(set(kinds) - set(found))
    widgets = widget_ids()
    assert {"choice", "order", "match", "short"} <= {exercises.get(i).kind for i in widgets}
    missed = [i for i in widgets if not any("#practice-" in name for name in found.get(i, []))]
    assert not missed, missed
    for table, _, exercise_id in ANSWER_COLUMNS:
        assert any(name.endswith(f"!exercises/data/{table}.csv") for name in found[exercise_id]), found[exercise_id]


def test_the_student_edition_ships_no_answer(student_built):
    found = answers_in(student_built.parent)
    assert not found, found
