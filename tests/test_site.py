"""`make site`: one zip of the built book that a static host serves as it is, Python in the page included."""

from __future__ import annotations

import os
import posixpath
import re
import urllib.request
import zipfile
from pathlib import Path

import pytest

import book_builds
from conftest import BOOK, HTML, ROOT
from tools import site
from tools.localweb import serve


def _newest_source() -> float:
    paths = [ROOT / "conf.py", *BOOK.rglob("*"), *(ROOT / "exercises").rglob("*.py"), *(ROOT / "exercises" / "data").glob("*")]
    return max(path.stat().st_mtime for path in paths if path.is_file())


@pytest.fixture(scope="module")
def archive(request, tmp_path_factory) -> Path:
    index = HTML / "index.html"
    fresh = index.exists() and (os.environ.get("REUSE_BUILD") == "1" or index.stat().st_mtime >= _newest_source())
    if not fresh or os.environ.get(book_builds.RESULTS_ENV):  # a build of this run is under way: use its result
        request.getfixturevalue("built")
    target = tmp_path_factory.mktemp("site") / "site.zip"
    site.make_zip(HTML, target)
    return target


def test_the_zip_holds_the_book_and_its_python(archive):
    with zipfile.ZipFile(archive) as handle:
        names = set(handle.namelist())
        assert handle.namelist()[0] == "index.html"
        assert handle.testzip() is None
    for name in ("index.html", "berlin.html", "search.html", ".nojekyll", "_static/pyodide/pyodide.asm.wasm",
                 "_static/pyodide/python_stdlib.zip", "_static/runner.js", "_static/print.css"):
        assert name in names, name
    assert any(re.fullmatch(r"_static/wheels/.+/thaw_to_brink_exercises-.+\.whl", name) for name in names)
    assert not any(name.startswith((".doctrees", ".buildinfo")) for name in names)


def test_every_local_link_in_the_zip_resolves(archive):
    with zipfile.ZipFile(archive) as handle:
        names = set(handle.namelist())
        missing = []
        for name in names:
            if not name.endswith(".html") or name.startswith("_static/"):  # the theme ships Jinja templates there
                continue
            text = handle.read(name).decode("utf-8")
            for link in re.findall(r'(?:href|src)="([^"]+)"', text):
                if re.match(r"^(?:[a-z]+:|#|//)", link):
                    continue
                path = posixpath.normpath(posixpath.join(posixpath.dirname(name), link.split("#")[0].split("?")[0]))
                if path and path != "." and path not in names:
                    missing.append(f"{name}: {link}")
    assert not missing, missing[:10]


def test_the_unzipped_folder_serves_as_it_is(archive, tmp_path):
    with zipfile.ZipFile(archive) as handle:
        handle.extractall(tmp_path)
    server, url, thread = serve(tmp_path)
    try:
        for path in ("index.html", "berlin.html", "_static/pyodide/pyodide.asm.wasm"):
            with urllib.request.urlopen(url + path, timeout=30) as response:
                assert response.status == 200
                assert response.read() == (HTML / path).read_bytes()
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=10)


def test_the_same_build_gives_the_same_zip(archive, tmp_path):
    again = tmp_path / "again.zip"
    site.make_zip(HTML, again)
    assert again.read_bytes() == archive.read_bytes()
