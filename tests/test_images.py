"""Pictures: every image a chapter shows is recorded with its source and licence, is small, is drawn from
data that ships with the book, and each chapter has at least three pictures, a map and a key-terms box."""

from __future__ import annotations

import hashlib
import re
import subprocess
import sys
import tomllib
import xml.etree.ElementTree as ET

import pytest

from conftest import BOOK, ROOT, chapters

sys.path.insert(0, str(BOOK / "_ext"))
import keyterms  # noqa: E402

MANIFEST = tomllib.loads((BOOK / "images" / "images.toml").read_text(encoding="utf-8"))["images"]
FIGURE = re.compile(r"^```\{figure\} images/(\S+)\n((?::.*\n)*)", re.M)
CHART = re.compile(r"^```\{code-cell\} ipython3\n---\n(?:.*\n)*?  figure:\n(?:.*\n)*?---\n", re.M)


def shown(chapter: str) -> list[str]:
    return [m.group(1) for m in FIGURE.finditer((BOOK / f"{chapter}.md").read_text(encoding="utf-8"))]


@pytest.mark.parametrize("chapter", chapters())
def test_every_image_is_recorded_with_source_and_licence(chapter):
    for file in shown(chapter):
        entry = MANIFEST.get(file)
        assert entry, f"{chapter} shows images/{file}, which book/images/images.toml does not record"
        for key in ("title", "author", "source", "licence"):
            assert entry.get(key), f"images.toml: {file} has no {key}"
        assert chapter in entry["chapters"], f"images.toml: {file} does not name {chapter}"


@pytest.mark.parametrize("chapter", chapters())
def test_image_captions_credit_source_and_licence(chapter):
    text = (BOOK / f"{chapter}.md").read_text(encoding="utf-8")
    for match in FIGURE.finditer(text):
        options = match.group(2)
        assert ":alt: " in options, f"{match.group(1)} in {chapter} has no alt text"
        caption = text[match.end(): text.index("\n```", match.end())]
        assert "Licence:" in caption and ("Drawn for this book from" in caption or "Taken for this book from" in caption), match.group(1)


@pytest.mark.parametrize("chapter", chapters())
def test_each_chapter_has_three_pictures_a_map_and_key_terms(chapter):
    text = (BOOK / f"{chapter}.md").read_text(encoding="utf-8")
    files = shown(chapter)
    charts = CHART.findall(text)
    assert len(files) + len(charts) >= 3, f"{chapter}: {len(files)} images and {len(charts)} charts"
    assert any(f.startswith("map-") for f in files) or "range_map(" in text, f"{chapter} has no map"
    assert "```{key-terms}\n```" in text, f"{chapter} has no key-terms box"


def test_recorded_images_exist_are_small_and_safe():
    for file in MANIFEST:
        path = BOOK / "images" / file
        assert path.exists(), file
        assert path.stat().st_size < 300_000, f"{file} is {path.stat().st_size:,} bytes"
        if file.endswith(".svg"):
            root = ET.fromstring(path.read_text(encoding="utf-8"))
            assert not any(el.tag.endswith("script") or el.tag.endswith("foreignObject") for el in root.iter()), file
            assert not any("href" in attr for el in root.iter() for attr in el.attrib), file
            assert root.find("{http://www.w3.org/2000/svg}desc") is not None, f"{file} has no description"


def test_every_recorded_image_is_shown_somewhere():
    from exercises import _book

    used = {file for page in ["index", *_book.pages(BOOK)] for file in shown(page)}
    assert set(MANIFEST) <= used, set(MANIFEST) - used


def test_drawings_are_up_to_date_with_their_data():
    done = subprocess.run([sys.executable, str(ROOT / "tools" / "draw_maps.py"), "--check"],
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stdout + done.stderr


def test_outline_files_match_their_manifest():
    manifest = tomllib.loads((BOOK / "_maps" / "outlines.toml").read_text(encoding="utf-8"))
    assert "public domain" in manifest["licence"].lower()
    for relative, entry in manifest["files"].items():
        assert hashlib.sha256((ROOT / relative).read_bytes()).hexdigest() == entry["sha256"], relative


def test_no_chapter_draws_with_matplotlib():
    """matplotlib cannot run in the page and draws text too small at phone width; charts use exercises' SVG helpers."""
    for chapter in [*chapters(), "timeline"]:
        assert "matplotlib" not in (BOOK / f"{chapter}.md").read_text(encoding="utf-8"), chapter


def test_glossary_entries_are_read_with_a_first_sentence():
    entries = keyterms.glossary_entries()
    assert entries["checkpoint charlie"][0] == "Checkpoint Charlie"
    assert entries["checkpoint charlie"][1].startswith("The best-known crossing point")
    assert entries["checkpoint charlie"][1].endswith(".")
    # every term a chapter marks is in the glossary (else the box would miss it)
    for chapter in chapters():
        for term in re.findall(r"\{term\}`([^`]+)`", (BOOK / f"{chapter}.md").read_text(encoding="utf-8")):
            target = term.split("<")[-1].rstrip(">").strip().lower() if "<" in term else term.lower()
            assert target in entries, f"{chapter}: {term}"
