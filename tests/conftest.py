"""Shared fixtures: the book's chapters, its bibliography, and the exercises registry."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
BOOK = ROOT / "book"
DATA = ROOT / "exercises" / "data"

# Pages of the book that are not chapters (no exercises, no key question).
NON_CHAPTERS = {"index", "glossary", "sources", "timeline"}


def toctree_pages() -> list[str]:
    """The pages named in the toctrees of book/index.md, in order."""
    text = (BOOK / "index.md").read_text(encoding="utf-8")
    pages = []
    for block in re.findall(r"```\{toctree\}\n(.*?)```", text, re.S):
        for line in block.splitlines():
            line = line.strip()
            if line and not line.startswith(":"):
                pages.append(line)
    return pages


def chapters() -> list[str]:
    return [page for page in toctree_pages() if page not in NON_CHAPTERS]


def bib_keys() -> set[str]:
    text = (BOOK / "references.bib").read_text(encoding="utf-8")
    return set(re.findall(r"^@\w+\s*\{\s*([^,\s]+)\s*,", text, re.M))


@pytest.fixture(scope="session")
def keys() -> set[str]:
    return bib_keys()
