"""exercises._plainmd: the book's MyST as plain Markdown, on small inputs (a tiny book in a temporary folder)."""

from __future__ import annotations

import re
import textwrap
from pathlib import Path

import pytest

from exercises._plainmd import Book, Converter

# What a plain-Markdown notebook must never show: MyST roles, directives, colon fences, labels.
MYST = re.compile(r"\{cite|\{term\}|\{ref\}|\{numref\}|\{doc\}|```\{|:::|^\([\w-]+\)=", re.M)

INDEX = """\
# A book

```{toctree}
:numbered:

intro
war
```

```{toctree}
sources
glossary
```
"""

WAR = """\
---
kernelspec:
  name: python3
---

(war)=
# The war

(war-start)=
## How it began

```{exercise-start} Count the tanks
:label: war-tanks
```

Count them.

```{exercise-end}
```
"""

BIB = """\
@book{smith1999tanks,
  author = {Smith, Jane},
  title = {Tanks},
  publisher = {A Press},
  year = {1999},
}
@book{smith1999later,
  author = {Smith, Jane},
  title = {Tanks again},
  publisher = {A Press},
  year = {1999},
}
@misc{doe2001pair,
  author = {Doe, John and Roe, Richard},
  title = {A pair},
  year = {2001},
  url = {https://example.org/pair_of_docs?id=1&b=2},
}
@misc{many2005,
  author = {One, A. and Two, B. and Three, C.},
  title = {Many},
  year = {2005},
}
@misc{office2010,
  author = {{Office of the Historian}},
  title = {A note},
}
"""


@pytest.fixture()
def book(tmp_path) -> Book:
    folder = tmp_path / "book"
    folder.mkdir()
    (folder / "index.md").write_text(INDEX, encoding="utf-8")
    (folder / "intro.md").write_text("(intro)=\n# Introduction\n\nText.\n", encoding="utf-8")
    (folder / "war.md").write_text(WAR, encoding="utf-8")
    (folder / "sources.md").write_text("# Sources\n", encoding="utf-8")
    (folder / "references.bib").write_text(BIB, encoding="utf-8")
    return Book(folder)


def convert(book: Book, text: str, page: str = "war", **options) -> str:
    out = Converter(book, page, **options).markdown(textwrap.dedent(text))
    assert not MYST.search(out), out
    return out


def test_admonition_with_class_becomes_bold_title_and_quote(book):
    out = convert(book, """\
        ```{admonition} Key question
        :class: tip

        Why did it happen?
        Say why.
        ```
        """)
    assert out == "**Key question**\n\n> Why did it happen?\n> Say why."


def test_named_admonition_colon_fence_and_dropdown(book):
    out = convert(book, """\
        :::{note}
        A note.
        :::

        ```{admonition} Thinking about it
        :class: hint dropdown

        Both sources are public.
        ```
        """)
    assert "**Note**\n\n> A note." in out
    assert "**Thinking about it**\n\n> Both sources are public." in out


def test_exercise_heading_numbered_like_the_book_and_solutions(book):
    converter = Converter(book, "war")
    start = converter.markdown("Prose.\n\n```{exercise-start} Count the tanks\n:label: war-tanks\n```\n\nCount them.")
    assert start == "Prose.\n\n### Exercise 2.1 — Count the tanks\n\nCount them."
    assert converter.markdown("```{exercise-end}\n```") == ""
    assert converter.markdown("```{solution-start} war-tanks\n:class: dropdown\n```") == "**Solution to Exercise 2.1**"
    assert converter.markdown("```{solution-end}\n```") == ""
    second = converter.markdown("```{exercise} Second\n:label: war-two\n\nDo it.\n```")
    assert second == "### Exercise 2.2 — Second\n\nDo it."
    student = Converter(book, "war", solutions=False)
    assert student.markdown("```{solution} war-tanks\n:class: dropdown\n\nThe answer is 4.\n```") == ""


def test_citations_author_year_with_letters_for_one_author_in_one_year(book):
    out = convert(book, "A {cite:p}`smith1999tanks`, b {cite:p}`smith1999later,doe2001pair`, c {cite:t}`many2005`, d {cite:p}`office2010`.")
    assert out == ("A (Smith, 1999a), b (Smith, 1999b; Doe and Roe, 2001), c One et al. (2005), "
                   "d (Office of the Historian, n.d.).")


def test_citation_with_pre_and_post_text(book):
    assert convert(book, "{cite:p}`{see}smith1999tanks{p. 5}`") == "(see Smith, 1999a, p. 5)"


def test_citations_link_to_the_sources_page_when_the_book_has_an_address(book):
    linked = Book(book.folder, "https://book.example/thaw")
    out = Converter(linked, "war").markdown("X {cite:p}`doe2001pair`.")
    assert out == "X ([Doe and Roe, 2001](https://book.example/thaw/sources.html#doe2001pair))."


def test_sources_lists_every_cited_work_in_full(book):
    converter = Converter(book, "war")
    converter.markdown("{cite:p}`doe2001pair` and {cite:p}`smith1999tanks`")
    sources = converter.sources()
    assert sources.startswith("## Sources")
    doe, smith = sources.index("**Doe and Roe, 2001.**"), sources.index("**Smith, 1999a.**")
    assert doe < smith
    assert "<https://example.org/pair_of_docs?id=1&b=2>" in sources
    assert "Tanks" in sources and "A Press" in sources
    assert Converter(book, "war").sources() == ""


def test_glossary_terms_plain_and_bold_on_first_use_only(book):
    converter = Converter(book, "war")
    assert converter.markdown("The {term}`free city` and the {term}`Wall <Berlin Wall>`.") == "The **free city** and the **Wall**."
    assert converter.markdown("Again the {term}`free city`, the {term}`Berlin Wall`.") == "Again the free city, the Berlin Wall."


def test_labels_vanish_and_references_become_titles_or_links(book):
    out = convert(book, "(here)=\n## Here\n\nSee {ref}`intro`, {ref}`the start <war-start>`, {numref}`Exercise %s <war-tanks>` and {doc}`intro`.")
    assert out == "## Here\n\nSee Introduction, the start, Exercise 2.1 and Introduction."
    linked = Converter(Book(book.folder, "https://b.example/"), "war")
    out = linked.markdown("See {ref}`intro` and [the start](#war-start) and [intro](intro.md).")
    assert out == ("See [Introduction](https://b.example/intro.html) and [the start](https://b.example/war.html#war-start) "
                   "and [intro](https://b.example/intro.html).")
    assert convert(book, "See {ref}`no-such-label`.") == "See no-such-label."


def test_figure_with_alt_text_and_numbered_caption(book):
    out = convert(book, """\
        ```{figure} images/map.png
        :alt: A map of Berlin
        :name: war-map

        Berlin in 1961 {cite:p}`doe2001pair`.
        ```
        """)
    assert out == "![A map of Berlin](images/map.png)\n\n*Figure 2.1.* Berlin in 1961 (Doe and Roe, 2001)."
    converter = Converter(book, "war")
    assert converter.caption("Refugees {cite:p}`many2005`.", "Bars.") == [
        "*Figure 2.1.* Refugees (One et al., 2005).", "", "*The figure in words:* Bars.", ""]


def test_math_code_and_glue(book):
    out = convert(book, "Mass $m$ and {math}`E=mc^2` and {glue:}`total`.\n\n```{math}\nx^2\n```\n\n```{code-block} python\nprint({1})\n```")
    assert out == "Mass $m$ and $E=mc^2$ and `total`.\n\n$$\nx^2\n$$\n\n```python\nprint({1})\n```"


def test_tables(book):
    out = convert(book, """\
        ```{list-table} Forces
        :header-rows: 1

        * - Side
          - Tanks
        * - NATO
          - 5,000
        ```

        ```{csv-table} Years
        :header: Year, Count

        1958, "1,000"
        ```

        | a | b |
        |---|---|
        | 1 | 2 |
        """)
    assert "**Forces**\n\n| Side | Tanks |\n| --- | --- |\n| NATO | 5,000 |" in out
    assert "**Years**\n\n| Year | Count |\n| --- | --- |\n| 1958 | 1,000 |" in out
    assert "| a | b |\n|---|---|\n| 1 | 2 |" in out


def test_tabs_dropdowns_cards_and_unknown_directives(book):
    out = convert(book, """\
        ````{tab-set}
        ```{tab-item} USA
        Washington's view.
        ```
        ```{tab-item} USSR
        Moscow's view.
        ```
        ````

        ```{dropdown} More
        Hidden text.
        ```

        :::{card} A card
        Card text.
        :::

        ```{mystery} Odd
        :flag: yes

        Odd text.
        ```

        ```{toctree}
        war
        ```
        """)
    assert "**USA**\n\nWashington's view." in out and "**USSR**\n\nMoscow's view." in out
    assert "**More**\n\n> Hidden text." in out
    assert "**A card**\n\n> Card text." in out
    assert "**Odd**\n\n> Odd text." in out and "flag" not in out
    assert "war" not in out.replace("Washington", "")


def test_only_blocks_follow_the_tags(book):
    text = "```{only} student\nFor students.\n```\n\n```{only} not student\nFor teachers.\n```"
    assert convert(book, text) == "For teachers."
    assert Converter(book, "war", tags=frozenset({"html", "student"})).markdown(text) == "For students."


def test_code_fences_and_code_spans_keep_their_text(book):
    out = convert(book, "Call `check(\"x\", y)` with `{\"year\": 1953}`.\n\n```python\nd = {'a': 1}\n```")
    assert out == "Call `check(\"x\", y)` with `{\"year\": 1953}`.\n\n```python\nd = {'a': 1}\n```"


def test_roles_next_to_code_spans(book):
    out = Converter(book, "war").markdown("The {term}`free city` and `code {x}` then {cite:p}`doe2001pair`, `{term}` stays.")
    assert out == "The **free city** and `code {x}` then (Doe and Roe, 2001), `{term}` stays."


def test_definition_list_and_comments(book):
    out = convert(book, "% a comment for authors\nTerm\n: What it means.\n\nAfter.")
    assert out == "**Term**\n\nWhat it means.\n\nAfter."


def test_the_book_itself_converts_without_myst(tmp_path):
    """Every page of the real book, every markdown cell: no MyST survives."""
    import jupytext

    root = Path(__file__).resolve().parent.parent / "book"
    book = Book(root)
    for path in sorted(root.glob("*.md")):
        converter = Converter(book, path.stem)
        notebook = jupytext.reads(path.read_text(encoding="utf-8"), fmt="md:myst")
        for cell in notebook.cells:
            if cell.cell_type == "markdown":
                out = converter.markdown(cell.source)
                assert not MYST.search(out), f"{path.name}: {MYST.search(out).group(0)!r} in {out[:300]}"
