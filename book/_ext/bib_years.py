"""Give works of one author in one year distinct labels: 1961a, 1961b, ...

The author-year citations of sphinxcontrib-bibtex show "[Office of the Historian, 1961]" for
every document of that year, so a reader cannot tell them apart.  As author-date styles do, the
build adds a letter to the year of each entry in such a group, ordered by title, in a copy of
the bibliography that Sphinx reads.  The book's own references.bib is never changed.
"""

from __future__ import annotations

from pathlib import Path

from pybtex.database import parse_file

from exercises._plainmd import year_labels


def disambiguated_copy(source: Path) -> str:
    """Write the copy beside the build cache (ignored by git) and return its path."""
    database = parse_file(str(source), bib_format="bibtex")
    for key, year in year_labels(database).items():  # one rule, shared with the notebooks' citations
        if year:
            database.entries[key].fields["year"] = year
    text = database.to_string("bibtex")
    target = source.parent.parent / ".bibcache" / "references.bib"
    target.parent.mkdir(exist_ok=True)
    if not target.exists() or target.read_text(encoding="utf-8") != text:
        target.write_text(text, encoding="utf-8")
    return str(target)
