"""book/_ext/runner.py on the small test book: the runner's script on pages with code cells, the exercises wheel
and its index, the Pyodide core and the code editor's bundle in the output; a clear error without the runtime."""

from __future__ import annotations

import json
import re
import shutil
import zipfile

import pytest
from sphinx.errors import ExtensionError

from small_book import MARKS, pages_built, pages_built_student  # noqa: F401  (fixtures)

import runner  # noqa: E402  (book/_ext, on the path from small_book)

pytestmark = MARKS

PAGES = ("index", "chapter", "sources", "citations", "class-overview", "search", "genindex")
SCRIPT = re.compile(r'<script\b[^>]*\bsrc="_static/([\w.-]+\.js)[^"]*"[^>]*>')


def head(out, name: str) -> str:
    page = (out / f"{name}.html").read_text(encoding="utf-8")
    return page[: page.index("</head>")]


def test_only_pages_with_code_cells_get_the_runner_with_its_time_limit(pages_built):
    for name in PAGES:
        top = head(pages_built, name)
        tags = [tag for tag in re.findall(r"<script\b[^>]*>", top) if "runner.js" in tag]
        if name == "chapter":
            (tag,) = tags
            assert f'data-time-limit="{runner.TIME_LIMIT}"' in tag and 'defer="defer"' in tag, tag
            assert "_static/runner.css" in top
        else:
            assert not tags and "runner.css" not in top, name


def test_every_page_has_the_store_before_the_runner(pages_built):
    for name in PAGES:
        scripts = SCRIPT.findall(head(pages_built, name))
        assert "store.js" in scripts, name
        if "runner.js" in scripts:
            assert scripts.index("store.js") < scripts.index("runner.js"), scripts
    assert (pages_built / "_static" / "runner.js").exists() and (pages_built / "_static" / "runner-worker.mjs").exists()


def test_the_page_has_the_cells_the_runner_turns_into_editors(pages_built):
    """runner.js finds each code cell as div.cell with its code in .cell_input pre, and leaves cells in a .solution alone."""
    source = (pages_built.parents[2] / "chapter.md").read_text(encoding="utf-8")
    page = (pages_built / "chapter.html").read_text(encoding="utf-8")
    cells = re.split(r'(?=<div class="cell\b[^"]*">)', page)[1:]
    assert len(cells) == source.count("{code-cell}") == 4
    for cell in cells:
        assert re.search(r'<div class="cell_input[^"]*">.*?<pre>', cell, re.S), cell[:300]
    solution = page[page.index('class="solution'):]
    assert 'SOLUTION-MARKER' in solution and '<div class="cell docutils container">' in solution


def test_the_wheel_index_names_the_one_wheel_of_the_exercises_and_the_pinned_pyodide(pages_built):
    wheels = pages_built / "_static" / "wheels"
    index = json.loads((wheels / "index.json").read_text(encoding="utf-8"))
    assert index["pyodide"] == runner._pinned_version()
    assert re.fullmatch(r"[0-9a-f]{12}/thaw_to_brink_exercises-[\w.]+-py3-none-any\.whl", index["wheel"]), index
    assert [path.relative_to(wheels).as_posix() for path in wheels.rglob("*.whl")] == [index["wheel"]]
    names = zipfile.ZipFile(wheels / index["wheel"]).namelist()
    for path in runner._wheel_sources():
        relative = path.relative_to(runner.ROOT)
        if relative.parts[0] == "exercises":
            assert relative.as_posix() in names, relative


def test_the_student_edition_loads_a_sealed_wheel_of_its_own(pages_built, pages_built_student):
    full = json.loads((pages_built / "_static" / "wheels" / "index.json").read_text(encoding="utf-8"))["wheel"]
    student = json.loads((pages_built_student / "_static" / "wheels" / "index.json").read_text(encoding="utf-8"))["wheel"]
    assert full.split("/")[0] != student.split("/")[0], "each edition's wheel has its own folder"
    with zipfile.ZipFile(pages_built_student / "_static" / "wheels" / student) as wheel:
        berlin = wheel.read("exercises/berlin.py").decode("utf-8")
    assert "sealed for the student edition" in berlin and "register_sealed(" in berlin
    assert berlin != (runner.ROOT / "exercises" / "berlin.py").read_text(encoding="utf-8")


def test_the_runtime_core_and_its_licence_are_copied(pages_built):
    target = pages_built / "_static" / "pyodide"
    assert sorted(path.name for path in target.iterdir()) == sorted([*runner.PYODIDE_CORE, "NOTICE.txt"])
    for name in runner.PYODIDE_CORE:
        assert (target / name).read_bytes() == (runner.PYODIDE / name).read_bytes(), name
    notice = (target / "NOTICE.txt").read_text(encoding="utf-8")
    assert f"Pyodide {runner._pinned_version()}" in notice and "Mozilla Public License 2.0" in notice


def test_the_editor_bundle_is_stamped_and_not_bundled_again_for_the_same_inputs(pages_built, tmp_path, monkeypatch):
    bundle = (pages_built / "_static" / "editor.js").read_text(encoding="utf-8")
    assert re.match(r"/\* editor\.js [0-9a-f]{16}: CodeMirror 6 \(MIT licence", bundle)
    assert len(bundle) > 100_000, "the bundle has CodeMirror in it"
    shutil.copy2(pages_built / "_static" / "editor.js", tmp_path / "editor.js")
    monkeypatch.setattr(runner, "ESBUILD", tmp_path / "no-esbuild")  # bundling again would fail
    assert runner._bundle_editor(tmp_path).read_text(encoding="utf-8") == bundle
    (tmp_path / "editor.js").write_text("/* an old bundle */", encoding="utf-8")
    with pytest.raises((ExtensionError, OSError)):
        runner._bundle_editor(tmp_path)


def test_the_wheel_is_reused_while_its_sources_are_unchanged(pages_built, tmp_path):
    wheels = tmp_path / "wheels"
    shutil.copytree(pages_built / "_static" / "wheels", wheels)
    index = json.loads((wheels / "index.json").read_text(encoding="utf-8"))
    before = (wheels / index["wheel"]).stat().st_mtime_ns
    again = runner._build_wheel(wheels)
    assert again.relative_to(wheels).as_posix() == index["wheel"] and again.stat().st_mtime_ns == before


@pytest.mark.parametrize("damage", ["missing", "other version", "core file missing"])
def test_without_the_pinned_runtime_the_build_stops_and_says_to_run_make_runtime(damage, tmp_path, monkeypatch):
    fake = tmp_path / "pyodide"
    if damage != "missing":
        shutil.copytree(runner.PYODIDE, fake, ignore=shutil.ignore_patterns("*.wasm", "*.zip", "*.whl"))
        if damage == "other version":
            manifest = json.loads((fake / "package.json").read_text(encoding="utf-8"))
            manifest["version"] = "0.0.1"
            (fake / "package.json").write_text(json.dumps(manifest), encoding="utf-8")
    monkeypatch.setattr(runner, "PYODIDE", fake)
    with pytest.raises(ExtensionError, match=r"make runtime") as error:
        runner._check_runtime()
    expected = {"missing": "not installed", "other version": "0.0.1", "core file missing": "pyodide.asm.wasm"}[damage]
    assert expected in str(error.value)


def test_the_installed_runtime_passes_the_check():
    runner._check_runtime()
