"""book/_ext/offline.py on the small test book: the service worker precaches every file a page loads (pages, search,
scripts, styles, fonts, the Python runtime, the wheel) and nothing that is not there; its version follows the files."""

from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import urljoin, urlsplit

from small_book import MARKS, pages_built  # noqa: F401  (a fixture)

import offline  # noqa: E402  (book/_ext, on the path from small_book)

pytestmark = MARKS

REFERENCE = re.compile(r'\b(?:src|href)="([^"]+)"')
CSS_URL = re.compile(r"url\(\s*['\"]?([^'\")]+)['\"]?\s*\)")


def worker(out: Path) -> tuple[str, list[str]]:
    text = (out / "sw.js").read_text(encoding="utf-8")
    version = re.search(r'^const VERSION = "([0-9a-f]{16})";$', text, re.M).group(1)
    files = json.loads(re.search(r"^const FILES = (\[.*?\]);$", text, re.M | re.S).group(1))
    return version, files


def local(base: str, reference: str) -> str | None:
    """The file a reference of the file ``base`` (relative to the root) points at, or None if it is not the book's."""
    parts = urlsplit(urljoin("https://book.invalid/" + base, reference))
    if parts.netloc != "book.invalid" or reference.startswith(("#", "data:", "mailto:", "javascript:")):
        return None
    return parts.path.lstrip("/") or "index.html"


def test_the_worker_lists_every_page_and_runtime_file_and_each_one_exists(pages_built):
    version, files = worker(pages_built)
    assert files == sorted(set(files))
    assert all((pages_built / name).is_file() for name in files), [name for name in files if not (pages_built / name).is_file()]
    pages = {path.relative_to(pages_built).as_posix() for path in pages_built.glob("*.html")}
    assert pages >= {"index.html", "chapter.html", "sources.html", "search.html", "citations.html"} and pages <= set(files)
    wheel = json.loads((pages_built / "_static" / "wheels" / "index.json").read_text(encoding="utf-8"))["wheel"]
    for name in ("searchindex.js", "_static/wheels/index.json", f"_static/wheels/{wheel}", "_static/runner-worker.mjs",
                 "_static/editor.js", "_static/store.js", "_static/offline.js", "_static/pyodide/pyodide.asm.wasm",
                 "_static/pyodide/python_stdlib.zip", "_static/pyodide/pyodide-lock.json"):
        assert name in files, name


def test_what_no_page_loads_is_left_out(pages_built):
    _, files = worker(pages_built)
    assert not [name for name in files if name.startswith("_sources/") or "/locales/" in name or name.endswith(".map")]
    assert not {"sw.js", ".buildinfo", "objects.inv"} & set(files)
    assert (pages_built / "_sources" / "chapter.ipynb").exists() and (pages_built / "objects.inv").exists()


def test_every_file_a_page_or_a_style_loads_is_precached(pages_built):
    _, files = worker(pages_built)
    listed = set(files)
    missing = set()
    for name in files:
        if name.endswith(".html"):
            references = REFERENCE.findall((pages_built / name).read_text(encoding="utf-8"))
        elif name.endswith(".css"):
            references = CSS_URL.findall((pages_built / name).read_text(encoding="utf-8"))
        else:
            continue
        for reference in references:
            target = local(name, reference)
            if target and (pages_built / target).is_file() and not target.startswith("_sources/") and target not in listed:
                missing.add((name, target))
    assert not missing, sorted(missing)[:20]
    fonts = [name for name in files if name.endswith((".woff2", ".woff"))]
    assert fonts, "the styles' fonts are precached"


def test_every_page_registers_the_worker(pages_built):
    for path in pages_built.glob("*.html"):
        assert re.search(r'<script defer="defer" src="_static/offline\.js', path.read_text(encoding="utf-8")), path.name


def test_the_version_changes_with_any_listed_file_and_only_then(tmp_path):
    (tmp_path / "_static").mkdir()
    (tmp_path / "_sources").mkdir()
    (tmp_path / "index.html").write_text("<p>one</p>", encoding="utf-8")
    (tmp_path / "_static" / "a.js").write_text("1", encoding="utf-8")
    (tmp_path / "_sources" / "index.md").write_text("# one", encoding="utf-8")
    first = offline.service_worker(tmp_path)
    assert json.loads(re.search(r"^const FILES = (\[.*?\]);$", first, re.M | re.S).group(1)) == ["_static/a.js", "index.html"]
    assert offline.service_worker(tmp_path) == first
    (tmp_path / "_sources" / "index.md").write_text("# two", encoding="utf-8")
    assert offline.service_worker(tmp_path) == first, "a file the worker does not keep does not change it"
    (tmp_path / "_static" / "a.js").write_text("2", encoding="utf-8")
    second = offline.service_worker(tmp_path)
    assert second != first and second.replace(re.search(r'"[0-9a-f]{16}"', second).group(0), "") == first.replace(
        re.search(r'"[0-9a-f]{16}"', first).group(0), ""), "only the version changed"
    (tmp_path / "_static" / "a.js").rename(tmp_path / "_static" / "b.js")
    assert offline.service_worker(tmp_path) not in (first, second), "a renamed file is a change"
