"""The book's MyST as plain Markdown, for notebooks that Jupyter, JupyterLab, VS Code and Colab render as they are.

The chapters are written in MyST (directives, roles, labels) and stay so; a workbook
(``make workbooks``) and a chapter's ``.ipynb`` download turn each markdown cell into plain
Markdown with :class:`Converter`:

* an admonition (``{admonition}``, ``{note}``, a dropdown ...) becomes a bold title and a quote block;
* an exercise (``{exercise-start}`` or ``{exercise}``) becomes a heading numbered as the book numbers
  it (``### Exercise 4.1 — Total of refugees``) followed by its text; a solution becomes a bold
  "Solution to Exercise 4.1" (or nothing, with ``solutions=False``);
* a citation becomes author–year text, ``(Rytlewski and Opp de Hipt, 1987)``, linked to its entry on
  the book's sources page when the book's address is known; :meth:`Converter.sources` lists in full
  every work a notebook cites;
* a glossary term becomes the plain word, bold where the notebook first uses it;
* a label disappears; a cross-reference becomes the title (or number) it points to, linked when the
  book's address is known;
* a figure becomes its image with alt text and a numbered caption; tabs, cards and grids become
  their titles and content; list tables and CSV tables become pipe tables; math stays ``$...$``.

Tools and Sphinx extensions use it as ``from exercises._plainmd import Book, Converter``
(``tools/workbooks.py``, ``book/_ext/downloads.py``).  It uses the standard library; the
bibliography is read with pybtex, imported only when a book has a ``references.bib``.
Nothing in the ``exercises`` checks imports this module.
"""

from __future__ import annotations

import csv
import io
import re
import string
from dataclasses import dataclass, field
from pathlib import Path

__all__ = ["Book", "Converter", "year_labels"]

# --- reading the book: chapters, labels, exercises, figures ---------------------------------------

_FRONT_MATTER = re.compile(r"\A---\n.*?^---[ \t]*\n", re.M | re.S)
_TOCTREE = re.compile(r"^(`{3,}|:{3,})\{toctree\}[^\n]*\n(.*?)^\1[ \t]*$", re.M | re.S)
_LABEL_LINE = re.compile(r"^\(([^()\s]+)\)=[ \t]*$")
_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
_FENCE_OPEN = re.compile(r"^(?P<indent>[ \t]{0,3})(?P<marks>`{3,}|~{3,}|:{3,})(?P<info>.*)$")
_DIRECTIVE_INFO = re.compile(r"^\{(?P<name>[\w:.-]+)\}\s*(?P<args>.*)$")
_OPTION = re.compile(r"^:(?P<key>[\w-]+):(?:\s+(?P<value>.*))?$")
_ROLE = re.compile(r"\{(?P<name>[\w:.+-]+)\}`(?P<content>[^`]*)`")
# A role, or a code span (whose text stays as it is), whichever comes first.
_INLINE = re.compile(r"(?P<role>\{(?P<name>[\w:.+-]+)\}`(?P<content>[^`]*)`)|(?P<ticks>`+)[^`]*?(?P=ticks)")
_TARGET = re.compile(r"^(?P<text>.*?)\s*<(?P<target>[^<>]+)>$", re.S)
_ADMONITIONS = {
    "admonition", "note", "tip", "hint", "important", "warning", "caution", "attention", "danger", "error",
    "seealso", "topic", "sidebar", "margin", "dropdown", "toggle", "card", "grid-item-card", "epigraph",
    "pull-quote", "highlights", "versionadded", "versionchanged", "deprecated", "todo", "prf:definition",
}
_TITLES = {"seealso": "See also", "versionadded": "New in version", "versionchanged": "Changed in version",
           "deprecated": "Deprecated", "todo": "To do"}
_DROP = {"toctree", "bibliography", "index", "raw", "include", "literalinclude", "footbibliography",
         "tableofcontents", "contents", "meta", "rubric-hidden", "code-cell", "solution-end", "exercise-end"}
_CODE = {"code-block", "code", "sourcecode", "ipython", "ipython3"}
_CONTAINERS = {"tab-set", "grid", "div", "container", "card-carousel", "only", "cssclass", "rst-class",
               "glue:figure", "article-info", "button-ref", "button-link", "compound", "parsed-literal", "line-block"}


def _strip_front_matter(text: str) -> str:
    return _FRONT_MATTER.sub("", text, count=1)


def _fences(lines: list[str], start: int) -> int:
    """The index of the line that closes the fence opened at lines[start] (len(lines) if none)."""
    opened = _FENCE_OPEN.match(lines[start])
    marks = opened.group("marks")
    close = re.compile(rf"^[ \t]{{0,3}}{re.escape(marks[0])}{{{len(marks)},}}[ \t]*$")
    for index in range(start + 1, len(lines)):
        if close.match(lines[index]):
            return index
    return len(lines)


@dataclass
class _Directive:
    name: str
    args: str
    options: dict[str, str]
    body: list[str]


def _directive(info: str, inner: list[str]) -> _Directive | None:
    found = _DIRECTIVE_INFO.match(info.strip())
    if not found:
        return None
    options: dict[str, str] = {}
    body = list(inner)
    if body and body[0].strip() == "---":  # YAML options
        for index in range(1, len(body)):
            if body[index].strip() == "---":
                for line in body[1:index]:
                    key, _, value = line.partition(":")
                    if key.strip() and not line.startswith((" ", "\t")):
                        options[key.strip()] = value.strip().strip("\"'")
                body = body[index + 1:]
                break
    else:
        while body and _OPTION.match(body[0].strip()):
            option = _OPTION.match(body[0].strip())
            options[option.group("key")] = (option.group("value") or "").strip()
            body = body[1:]
    return _Directive(found.group("name").lower(), found.group("args").strip(), options, body)


@dataclass
class _Page:
    name: str
    title: str = ""
    number: str = ""  # "4" for the fourth numbered chapter, "" for a page that is not numbered
    labels: dict[str, str] = field(default_factory=dict)  # label -> the title of its section
    exercises: list[str] = field(default_factory=list)  # exercise labels in order
    figures: list[str] = field(default_factory=list)  # figure names in order (those with a caption)


def _scan_page(name: str, text: str, number: str) -> _Page:
    page = _Page(name, number=number)
    lines = _strip_front_matter(text).split("\n")
    pending: list[str] = []
    index = 0
    while index < len(lines):
        line = lines[index]
        label = _LABEL_LINE.match(line)
        heading = _HEADING.match(line)
        fence = _FENCE_OPEN.match(line)
        if label:
            pending.append(label.group(1))
        elif heading:
            title = _ROLE.sub(lambda m: _role_text(m.group("content")), heading.group(2))
            if not page.title and len(heading.group(1)) == 1:
                page.title = title
            for name_ in pending:
                page.labels[name_] = title
            pending = []
        elif fence:
            end = _fences(lines, index)
            directive = _directive(fence.group("info"), lines[index + 1:end])
            if directive and directive.name in {"exercise-start", "exercise"} and "nonumber" not in directive.options:
                page.exercises.append(directive.options.get("label", f"#{len(page.exercises)}"))
            elif directive and directive.name == "figure" and any(line.strip() for line in directive.body):
                page.figures.append(directive.options.get("name", f"#{len(page.figures)}"))
            elif directive and directive.name == "code-cell":
                block = "\n".join(lines[index + 1:end])
                named = re.search(r"^\s+figure:\s*\n(?:\s+.*\n)*?\s+name:\s*(\S+)", block, re.M)
                if re.search(r"^\s+figure:\s*$", block, re.M) and re.search(r"^\s+caption:", block, re.M):
                    page.figures.append(named.group(1) if named else f"#{len(page.figures)}")
            index = end
        elif line.strip():
            pending = []
        index += 1
    return page


def _role_text(content: str) -> str:
    """The text a role shows when it names a target: ``text <target>`` -> text."""
    target = _TARGET.match(content)
    return target.group("text") if target and target.group("text") else content


def _pages_in_order(book: Path) -> tuple[list[str], dict[str, str]]:
    """The pages of the toctrees of index.md, in order, and the chapter number of each numbered one."""
    index = book / "index.md"
    order, numbers = [], {}
    if not index.exists():
        return order, numbers
    for match in _TOCTREE.finditer(index.read_text(encoding="utf-8")):
        numbered = re.search(r"^:numbered:", match.group(2), re.M) is not None
        count = 0
        for line in match.group(2).splitlines():
            line = line.strip()
            if line and not line.startswith(":"):
                order.append(line)
                if numbered:
                    count += 1
                    numbers[line] = str(count)
    return order, numbers


# --- the bibliography ----------------------------------------------------------------------------


def _first_name(entry) -> str:
    people = entry.persons.get("author") or entry.persons.get("editor") or []
    return str(people[0]) if people else entry.fields.get("organization", "")


def year_labels(database) -> dict[str, str]:
    """Citation key -> the year the book shows, with a letter where one author has two works in a year.

    As author-date styles do, works of one (first) author in one year are told apart as 1961a,
    1961b ... ordered by title.  ``database`` is a pybtex BibliographyData; book/_ext/bib_years.py
    writes these years into the copy of the bibliography that Sphinx reads.
    """
    groups: dict[tuple[str, str], list[str]] = {}
    years = {}
    for key, entry in database.entries.items():
        year = entry.fields.get("year", "")
        years[key] = year
        if year:
            groups.setdefault((_first_name(entry), year), []).append(key)
    for (_, year), keys in groups.items():
        if len(keys) > 1:
            keys.sort(key=lambda key: (database.entries[key].fields.get("title", "").lower(), key))
            for letter, key in zip(string.ascii_lowercase, keys):
                years[key] = f"{year}{letter}"
    return years


class _Bibliography:
    """Author–year labels and full references of the entries of a .bib file (read with pybtex)."""

    def __init__(self, path: Path | None):
        self.entries: dict[str, object] = {}
        self.years: dict[str, str] = {}
        self._authors: dict[str, str] = {}
        self._styles: dict[str, object] = {}
        if path is None or not Path(path).exists():
            return
        from pybtex.database import parse_file  # only the tools and the build need it, never a check

        database = parse_file(str(path), bib_format="bibtex")
        self.entries = {key.lower(): entry for key, entry in database.entries.items()}
        self.years = {key.lower(): year for key, year in year_labels(database).items()}

    def _style(self, kind: str, name: str):
        """A pybtex style, found once (finding a plugin scans the installed packages)."""
        if (kind, name) not in self._styles:
            from pybtex.plugin import find_plugin

            self._styles[kind, name] = find_plugin(kind, name)()
        return self._styles[kind, name]

    def _plain(self, rich) -> str:
        """Rich text as plain text, with one text backend (``render_as("text")`` finds the plugin on every call)."""
        return rich.render(self._style("pybtex.backends", "text"))

    def _names(self, entry) -> str:
        """Last names as sphinxcontrib-bibtex's author_year labels show them: A; A and B; A et al."""
        from pybtex.richtext import Text

        people = entry.persons.get("author") or entry.persons.get("editor")
        if not people:
            return self._plain(Text.from_latex(entry.fields.get("title", "")))
        names = [self._plain(Text.from_latex(" ".join(p.prelast_names + p.last_names))) for p in people]
        if len(names) == 1:
            return names[0]
        if len(names) == 2:
            return f"{names[0]} and {names[1]}"
        return f"{names[0]} et al."

    def author(self, key: str) -> str:
        entry = self.entries.get(key.lower())
        if entry is None:
            return key
        if key.lower() not in self._authors:
            self._authors[key.lower()] = self._names(entry)
        return self._authors[key.lower()]

    def year(self, key: str) -> str:
        if key.lower() not in self.entries:
            return ""
        return self.years.get(key.lower()) or "n.d."

    def reference(self, key: str) -> str:
        """The full reference of one entry as Markdown (pybtex's plain style, as on the sources page)."""
        entry = self.entries.get(key.lower())
        if entry is None:
            return key
        from pybtex.database import BibliographyData

        entry = BibliographyData({key: entry}).entries[key]
        if self.years.get(key.lower()):
            entry.fields["year"] = self.years[key.lower()]
        style = self._style("pybtex.style.formatting", "plain")
        text = self._plain(next(iter(style.format_entries([entry]))).text)
        parts = re.split(r"(https?://\S+?)(?=[\s)]|\.?$)", text)  # URLs as autolinks, the rest escaped
        return "".join(f"<{part}>" if index % 2 else re.sub(r"([\\*_\[\]<>])", r"\\\1", part)
                       for index, part in enumerate(parts))


# --- the book as a whole ---------------------------------------------------------------------------


class Book:
    """What a conversion needs to know about the whole book: pages, numbers, labels, terms, sources.

    ``book`` is the folder of the chapters (``book/``); ``base_url`` the address the book is
    published at (``html_baseurl``), or "" when it is not known: then nothing is linked.
    """

    def __init__(self, book: Path, base_url: str = "", bibliography: Path | None = None):
        self.folder = Path(book)
        self.base_url = base_url.rstrip("/") + "/" if base_url else ""
        self.order, numbers = _pages_in_order(self.folder)
        self.pages: dict[str, _Page] = {}
        for path in sorted(self.folder.glob("*.md")):
            self.pages[path.stem] = _scan_page(path.stem, path.read_text(encoding="utf-8"), numbers.get(path.stem, ""))
        if bibliography is None:
            found = sorted(self.folder.glob("*.bib"))
            bibliography = found[0] if found else None
        self.bibliography = _Bibliography(bibliography)

    def url(self, page: str, anchor: str = "") -> str:
        if not self.base_url:
            return ""
        return f"{self.base_url}{page}.html" + (f"#{anchor}" if anchor else "")

    def number(self, page: str, position: int) -> str:
        """The number the book gives the position-th (from 1) exercise or figure of a page: "4.1", or "1"."""
        chapter = self.pages[page].number if page in self.pages else ""
        return f"{chapter}.{position}" if chapter else str(position)

    def find_label(self, label: str) -> tuple[str, str, str] | None:
        """(page, kind, text) of a label: a section's title, "Exercise 4.1" or "Figure 4.1"; None if unknown."""
        if label in self.pages:
            return label, "page", self.pages[label].title or label
        for name, page in self.pages.items():
            if label in page.labels:
                return name, "section", page.labels[label]
            if label in page.exercises:
                return name, "exercise", f"Exercise {self.number(name, page.exercises.index(label) + 1)}"
            if label in page.figures:
                return name, "figure", f"Figure {self.number(name, page.figures.index(label) + 1)}"
        return None


# --- converting one notebook ------------------------------------------------------------------------


def _quote(lines: list[str]) -> list[str]:
    return [f"> {line}" if line.strip() else ">" for line in lines]


def _trim(lines: list[str]) -> list[str]:
    while lines and not lines[0].strip():
        lines = lines[1:]
    while lines and not lines[-1].strip():
        lines = lines[:-1]
    return lines


def _cells_row(cells: list[str]) -> str:
    return "| " + " | ".join(cell.replace("|", "\\|").replace("\n", " ").strip() for cell in cells) + " |"


def _pipe_table(rows: list[list[str]], header: bool) -> list[str]:
    if not rows:
        return []
    width = max(len(row) for row in rows)
    rows = [row + [""] * (width - len(row)) for row in rows]
    head, body = (rows[0], rows[1:]) if header else ([""] * width, rows)
    return [_cells_row(head), "| " + " | ".join("---" for _ in range(width)) + " |", *(_cells_row(r) for r in body)]


def _list_table(body: list[str]) -> list[list[str]]:
    """The rows of a list-table body: ``* - a`` starts a row, ``  - b`` adds a cell."""
    rows: list[list[str]] = []
    for line in body:
        row = re.match(r"^[*-]\s+-\s+(.*)$", line)
        cell = re.match(r"^\s+-\s+(.*)$", line)
        if row:
            rows.append([row.group(1)])
        elif cell and rows:
            rows[-1].append(cell.group(1))
        elif line.strip() and rows:
            rows[-1][-1] += " " + line.strip()
    return rows


class Converter:
    """Turns the markdown cells of one page, in order, into plain Markdown (see the module docstring).

    It keeps what the notebook has shown so far: the exercise and figure numbers, the glossary
    terms already used (bold only the first time) and the works cited (for :meth:`sources`).
    ``solutions=False`` drops the solutions written as directives.  ``tags`` are the Sphinx tags
    ``{only}`` blocks are judged by.
    """

    def __init__(self, book: Book, page: str, solutions: bool = True, tags: frozenset[str] = frozenset({"html"})):
        self.book = book
        self.page = page
        self.solutions = solutions
        self.tags = set(tags)
        self.exercise_count = 0
        self.figure_count = 0
        self.exercise_numbers: dict[str, str] = {}
        self.terms_seen: set[str] = set()
        self.cited: list[str] = []

    # -- inline ---------------------------------------------------------------------------------

    def _link(self, text: str, url: str) -> str:
        return f"[{text}]({url})" if url else text

    def _cite(self, role: str, content: str) -> str:
        pre = post = ""
        braced = re.match(r"^\{(?P<pre>[^{}]*)\}(?P<keys>[^{}]*)\{(?P<post>[^{}]*)\}$", content.strip())
        keys_text = content
        if braced:
            pre, keys_text, post = braced.group("pre"), braced.group("keys"), braced.group("post")
        keys = [key.strip() for key in keys_text.split(",") if key.strip()]
        bib = self.book.bibliography
        parts = []
        textual = role.endswith(":t") or role.endswith(":ts") or role.endswith(":ct")
        for key in keys:
            if key not in self.cited:
                self.cited.append(key)
            author, year = bib.author(key), bib.year(key)
            url = self.book.url("sources", re.sub(r"[^a-z0-9]+", "-", key.lower()).strip("-"))
            if role.endswith(":year"):
                label = year
            elif role.endswith(":author") or role.endswith(":authorpar"):
                label = author
            elif textual:
                label = f"{author} ({year})" if year else author
            else:
                label = f"{author}, {year}" if year else author
            parts.append(self._link(label, url))
        joined = "; ".join(parts)
        if pre:
            joined = f"{pre} {joined}"
        if post:
            joined = f"{joined}, {post}"
        if textual or role.endswith(":author") or role.endswith(":year"):
            return joined
        return f"({joined})"

    def _reference(self, role: str, content: str) -> str:
        target = _TARGET.match(content)
        text, label = (target.group("text"), target.group("target")) if target else ("", content.strip())
        if role == "doc":
            page = label.split("/")[-1].removesuffix(".md")
            found = (page, "page", self.book.pages[page].title or page) if page in self.book.pages else None
        else:
            found = self.book.find_label(label.lstrip("#"))
        shown = text
        if found is None:
            return text or label
        page, kind, title = found
        if role == "numref" and ("%s" in text or "{number}" in text):
            number = title.split(" ", 1)[-1] if kind in {"exercise", "figure"} else title
            shown = text.replace("%s", number).replace("{number}", number)
        elif not text:
            shown = title
        anchor = "" if kind == "page" else label.lstrip("#")
        return self._link(shown, self.book.url(page, anchor) if page != self.page or anchor else "")

    def _term(self, content: str) -> str:
        target = _TARGET.match(content)
        shown = target.group("text") if target else content
        key = (target.group("target") if target else content).strip().lower()
        if key in self.terms_seen:
            return shown
        self.terms_seen.add(key)
        return f"**{shown}**"

    def _role(self, match: re.Match) -> str:
        name, content = match.group("name").lower(), match.group("content")
        if name.startswith("cite") or name.startswith("footcite"):
            return self._cite(name, content)
        if name in {"term", "std:term"}:
            return self._term(content)
        if name in {"ref", "numref", "doc", "any", "std:ref", "std:doc", "eq", "prf:ref"}:
            return self._reference(name.split(":")[-1], content)
        if name in {"math", "m"}:
            return f"${content}$"
        if name in {"code", "kbd", "samp", "file", "command", "literal", "guilabel", "menuselection", "program", "envvar"}:
            return f"`{content}`"
        if name.startswith("glue"):
            return f"`{content.split(':')[0]}`"
        if name in {"sub", "subscript"}:
            return f"<sub>{content}</sub>"
        if name in {"sup", "superscript"}:
            return f"<sup>{content}</sup>"
        return _role_text(content)  # abbr "CIA (Central Intelligence Agency)", download, index, any other role

    def _links(self, line: str) -> str:
        """Markdown links to a page of the book (``page.md``) or a label (``#label``): to the site, or text."""

        def swap(match: re.Match) -> str:
            text, target = match.group(1), match.group(2)
            if re.match(r"^[a-z][\w+.-]*:", target) and not target.startswith("project:"):
                return match.group(0)
            target = target.removeprefix("project:")
            page, _, anchor = target.partition("#")
            page = page.split("/")[-1].removesuffix(".md").removesuffix(".ipynb")
            if not page:
                found = self.book.find_label(anchor)
                if found is None:
                    return text
                page, kind, title = found
                anchor = "" if kind == "page" else anchor
                text = text or title
            elif page in self.book.pages and not text:
                text = self.book.pages[page].title or page
            return self._link(text, self.book.url(page, anchor) if page in self.book.pages else "")

        return re.sub(r"(?<!!)\[([^\]]*)\]\(([^)\s]+)\)", swap, line)

    def inline(self, line: str) -> str:
        """One line of prose with its roles as plain text and its links to the book resolved (code spans kept)."""
        out, at = [], 0
        for match in _INLINE.finditer(line):
            out.append(self._links(line[at:match.start()]))
            out.append(self._role(match) if match.group("role") else match.group(0))
            at = match.end()
        out.append(self._links(line[at:]))
        return "".join(out)

    # -- blocks -------------------------------------------------------------------------------------

    def _exercise_heading(self, directive: _Directive) -> list[str]:
        label = directive.options.get("label", "")
        title = self.inline(directive.args)
        if "nonumber" in directive.options:
            heading = "Exercise"
        else:
            self.exercise_count += 1
            number = self.book.number(self.page, self.exercise_count)
            if label:
                self.exercise_numbers[label] = number
            heading = f"Exercise {number}"
        return [f"### {heading} — {title}" if title else f"### {heading}", ""]

    def _figure(self, directive: _Directive) -> list[str]:
        alt = directive.options.get("alt", "")
        src = directive.args
        if self.book.base_url and not re.match(r"^[a-z]+:", src):
            src = self.book.base_url + "_images/" + src.split("/")[-1]
        lines = [f"![{alt}]({src})", ""]
        caption = _trim(self.convert_lines(directive.body))
        if caption:
            lines += self.caption(caption, "")
        return lines

    def caption(self, caption: list[str] | str, alt: str) -> list[str]:
        """A numbered figure caption (and the figure described in words, from its alt text)."""
        if isinstance(caption, str):
            caption = [self.inline(line) for line in caption.strip().split("\n")]
        self.figure_count += 1
        lines = [f"*Figure {self.book.number(self.page, self.figure_count)}.* " + " ".join(l.strip() for l in caption)]
        if alt.strip():
            lines += ["", "*The figure in words:* " + " ".join(self.inline(l.strip()) for l in alt.strip().split("\n"))]
        return lines + [""]

    def _titled(self, title: str, body: list[str]) -> list[str]:
        content = _trim(self.convert_lines(body))
        lines = [f"**{title}**", ""] if title else []
        return lines + _quote(content) + [""]

    def _block(self, directive: _Directive) -> list[str]:
        name = directive.name
        if name in _DROP:
            return []
        if name == "only":
            expression = directive.args
            try:
                keep = eval(re.sub(r"[\w-]+", lambda m: m.group(0) if m.group(0) in {"and", "or", "not"}
                                   else str(m.group(0) in self.tags), expression), {"__builtins__": {}})
            except SyntaxError:
                keep = True
            return self.convert_lines(directive.body) if keep else []
        if name == "exercise-start" or name == "exercise":
            return self._exercise_heading(directive) + (self.convert_lines(directive.body) if name == "exercise" else [])
        if name in {"solution-start", "solution"}:
            if not self.solutions:
                return []
            label = directive.args.split()[0] if directive.args else ""
            number = self.exercise_numbers.get(label) or (self.book.find_label(label) or ("", "", ""))[2].removeprefix("Exercise ")
            title = f"Solution to Exercise {number}" if number else "Solution"
            return [f"**{title}**", ""] + (self._titled("", directive.body) if name == "solution" else [])
        if name == "figure":
            return self._figure(directive)
        if name == "image":
            return [f"![{directive.options.get('alt', '')}]({directive.args})", ""]
        if name == "math":
            return ["$$", *directive.body, "$$", ""]
        if name in _CODE:
            return [f"```{directive.args.split()[0] if directive.args else ''}", *directive.body, "```", ""]
        if name == "list-table":
            rows = [[self.inline(cell) for cell in row] for row in _list_table(directive.body)]
            caption = [f"**{self.inline(directive.args)}**", ""] if directive.args else []
            return caption + _pipe_table(rows, directive.options.get("header-rows", "0") != "0") + [""]
        if name == "csv-table":
            text = "\n".join(directive.body)
            rows = [[self.inline(c) for c in row] for row in csv.reader(io.StringIO(text), skipinitialspace=True) if row]
            header = [next(csv.reader([directive.options["header"]], skipinitialspace=True))] if "header" in directive.options else []
            caption = [f"**{self.inline(directive.args)}**", ""] if directive.args else []
            return caption + _pipe_table(header + rows, bool(header) or directive.options.get("header-rows", "0") != "0") + [""]
        if name == "table":
            caption = [f"**{self.inline(directive.args)}**", ""] if directive.args else []
            return caption + self.convert_lines(directive.body) + [""]
        if name == "glossary":
            lines, term = [], None
            for line in directive.body:
                if line.strip() and not line.startswith((" ", "\t")):
                    term = line.strip()
                    lines += [f"**{term}**", ""]
                elif line.strip():
                    lines += [self.inline(line.strip()), ""]
            return lines
        if name in {"tab-item", "grid-item", "card", "grid-item-card", "dropdown", "toggle"} and not directive.args:
            return self.convert_lines(directive.body) + [""]
        if name in {"tab-item"}:
            return [f"**{self.inline(directive.args)}**", ""] + self.convert_lines(directive.body) + [""]
        if name in _CONTAINERS or name.startswith("glue"):
            return self.convert_lines(directive.body) + [""]
        if name in _ADMONITIONS or name.startswith("prf:"):
            title = directive.args or _TITLES.get(name, name.split(":")[-1].replace("-", " ").capitalize())
            if name in {"epigraph", "pull-quote", "highlights", "margin", "card", "grid-item-card", "dropdown", "toggle", "sidebar"}:
                title = directive.args
            return self._titled(self.inline(title), directive.body)
        # A directive this converter does not know: its title and its content, without the syntax.
        return self._titled(self.inline(directive.args), directive.body)

    def convert_lines(self, lines: list[str]) -> list[str]:
        out: list[str] = []
        index = 0
        while index < len(lines):
            line = lines[index]
            fence = _FENCE_OPEN.match(line)
            if fence:
                end = _fences(lines, index)
                directive = _directive(fence.group("info"), lines[index + 1:end])
                if directive is None:
                    if fence.group("marks").startswith(":"):  # a colon fence without a directive: its content
                        out += self.convert_lines(lines[index + 1:end])
                    else:
                        out += lines[index:end + 1]
                else:
                    out += self._block(directive)
                index = end + 1
                continue
            if _LABEL_LINE.match(line) or re.match(r"^%", line) or line.strip() == "+++" or re.match(r"^\s*\+\+\+\s*\{", line):
                index += 1
                continue
            following = lines[index + 1] if index + 1 < len(lines) else ""
            if line.strip() and not line.startswith((" ", "\t", "#", "-", "*", ">", "|")) and re.match(r"^:\s+\S", following):
                out += [f"**{self.inline(line.strip())}**", ""]  # a definition list: term, then ": definition"
                index += 1
                while index < len(lines) and (re.match(r"^:\s+\S", lines[index]) or lines[index].startswith("  ")):
                    out.append(self.inline(re.sub(r"^:\s+", "", lines[index]).strip()))
                    index += 1
                out.append("")
                continue
            out.append(self.inline(line))
            index += 1
        return out

    def markdown(self, source: str) -> str:
        """One markdown cell of the page as plain Markdown."""
        lines = self.convert_lines(_strip_front_matter(source).split("\n"))
        text = "\n".join(_trim(lines))
        return re.sub(r"\n{3,}", "\n\n", text)

    def sources(self) -> str:
        """A markdown cell that lists in full every work the notebook has cited so far ("" if none)."""
        if not self.cited:
            return ""
        bib = self.book.bibliography
        where = self._link("sources page", self.book.url("sources")) if self.book.base_url else "sources page"
        lines = ["## Sources", "", f"The works this notebook cites, as on the book's {where}.", ""]
        ordered = sorted(self.cited, key=lambda key: (bib.author(key).lower(), bib.year(key), key))
        for key in ordered:
            lines.append(f"- **{bib.author(key)}, {bib.year(key)}.** {bib.reference(key)}")
        return "\n".join(lines)
