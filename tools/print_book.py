"""`make print`: PDFs of the book with Debian's chromium (print-to-PDF through Playwright), no TeX.

    python -m tools.print_book [--html _build/html] [--out _build/print] [chapter ...]

Writes into the output folder:
    book.pdf                     every page of the built book in toctree order, in the print style (book/_static/print.css)
    <chapter>-organiser.pdf      a one-page knowledge organiser, generated from the data: the key question, key dates
                                 (exercises/data/events.csv), key terms (book/glossary.md, those the chapter uses),
                                 key figures (the chapter's tables), each cited author-year from the row's source key
    <chapter>-worksheet.pdf      the chapter's sources, exercises and source questions, with space to write; no solutions
    <chapter>-teacher.pdf        the same with the answers: the chapter's solutions, the right letter and why the others
                                 are wrong, what the check expects, the hint, and the guidance the chapter gives

The organiser, worksheet and teacher pack are generated from the chapter (the one source of its exercises and
solutions), the exercises' declarations and the data tables; nothing is typed twice.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import html
import re
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from markdown_it import MarkdownIt

import exercises
from exercises import _book
from exercises import _exam_bank  # noqa: F401  (declares the exam questions)
from exercises._exam import exam_questions

ROOT = Path(__file__).resolve().parent.parent
BOOK = ROOT / "book"
DATA = ROOT / "exercises" / "data"
e = html.escape
md = MarkdownIt("commonmark", {"html": False}).enable("table")


# --- the book's sources --------------------------------------------------------------------------------------


def toctree_pages(book: Path = BOOK) -> list[str]:
    return _book.pages(book)


def chapters(book: Path = BOOK) -> list[str]:
    """The chapters (text notebooks with exercises, in toctree order), as exercises._book defines them."""
    return _book.chapters(book)


def _bib_path() -> Path:
    """The bibliography with the build's 1961a/1961b years (book/_ext/bib_years.py writes it), else the original."""
    copy = ROOT / ".bibcache" / "references.bib"
    return copy if copy.exists() else BOOK / "references.bib"


_LABELS: dict[str, str] = {}


def author_year(key: str) -> str:
    """"Author, Year" for a key of references.bib, as the book's citations show it ("Office of the Historian, 1961a")."""
    if not _LABELS:
        from pybtex.database import parse_file

        for name, entry in parse_file(str(_bib_path()), bib_format="bibtex").entries.items():
            people = entry.persons.get("author") or entry.persons.get("editor") or []
            names = [" ".join(part.strip("{}") for part in person.last_names) or str(person).strip("{}") for person in people]
            if not names:
                who = entry.fields.get("organization", "") or entry.fields.get("publisher", "") or name
            elif len(names) == 1:
                who = names[0]
            elif len(names) == 2:
                who = f"{names[0]} and {names[1]}"
            else:
                who = f"{names[0]} et al."
            who = who.replace("{", "").replace("}", "").replace("--", "\u2013")
            _LABELS[name] = f"{who}, {entry.fields.get('year', 'n.d.')}"
    return _LABELS.get(key, key)


def cite(keys: str) -> str:
    return "; ".join(author_year(key.strip()) for key in keys.split(",") if key.strip())


def myst_to_text(text: str) -> str:
    """MyST roles as plain text: terms as their words, citations as (Author Year), references as their target."""
    text = re.sub(r"\{cite:p\}`([^`]*)`", lambda m: f"({cite(m.group(1))})", text)
    text = re.sub(r"\{cite:t\}`([^`]*)`", lambda m: cite(m.group(1)), text)
    text = re.sub(r"\{cite\}`([^`]*)`", lambda m: f"({cite(m.group(1))})", text)
    text = re.sub(r"\{[a-z:]+\}`([^`<]*?)\s*<[^`]*>`", r"\1", text)
    text = re.sub(r"\{(?:term|ref|doc|numref|abbr)\}`([^`]*)`", lambda m: m.group(1).replace("-", " ") if m.group(0).startswith("{ref}") else m.group(1), text)
    return text


def render(markdown: str) -> str:
    """MyST prose as HTML: code cells as code, admonitions as boxes, roles as text."""
    out, rest = [], markdown
    fence = re.compile(r"^```\{([a-z-]+)\}([^\n]*)\n(.*?)^```[ \t]*$", re.M | re.S)
    position = 0
    for match in fence.finditer(rest):
        out.append(md.render(myst_to_text(rest[position:match.start()])))
        kind, argument, body = match.group(1), match.group(2).strip(), match.group(3)
        body = re.sub(r"^:[a-z-]+:.*\n", "", body, flags=re.M)
        if kind == "code-cell":
            out.append(f"<pre class='code'>{e(body.rstrip())}</pre>")
        elif kind in ("admonition", "note", "tip", "hint", "important", "warning"):
            out.append(f"<div class='box'><p class='box-title'>{e(myst_to_text(argument))}</p>{render(body)}</div>")
        position = match.end()
    out.append(md.render(myst_to_text(rest[position:])))
    return "".join(out)


@dataclass
class Exercise:
    id: str
    title: str
    prose: str  # MyST, without the code cells
    starter: str
    solution_code: list[str] = field(default_factory=list)
    solution_prose: str = ""


@dataclass
class Chapter:
    slug: str
    title: str
    key_question: str
    exercises: list[Exercise]
    sources: list[tuple[str, str]]  # (title, MyST body) of the admonitions of class "source"
    questions: list[str]  # the "Source questions" list items
    guidance: list[tuple[str, str]]  # (title, body) of the hint admonitions after the questions
    terms: list[str]
    tables: list[str]


CODE_CELL = re.compile(r"^```\{code-cell\}[^\n]*\n(.*?)^```[ \t]*$", re.M | re.S)


def read_chapter(slug: str, book: Path = BOOK) -> Chapter:
    text = (book / f"{slug}.md").read_text(encoding="utf-8")
    title = re.search(r"^# (.+)$", text, re.M).group(1).strip()
    key = re.search(r"```\{admonition\} Key question\n(?::[^\n]*\n)*\n?(.*?)^```", text, re.M | re.S)
    solutions = {}
    for match in re.finditer(r"^```\{solution-start\}\s*(\S+)[^\n]*\n(?::[^\n]*\n)*```\n(.*?)^```\{solution-end\}", text, re.M | re.S):
        body = match.group(2)
        code = [cell.strip() for cell in CODE_CELL.findall(body) if not cell.strip().startswith("check(")]
        solutions[match.group(1)] = (code, CODE_CELL.sub("", body).strip())
    found = []
    for match in re.finditer(r"^```\{exercise-start\}\s*([^\n]*)\n((?::[^\n]*\n)*)```\n(.*?)^```\{exercise-end\}", text, re.M | re.S):
        label = re.search(r":label:\s*(\S+)", match.group(2)).group(1)
        body = match.group(3)
        cells = [cell.strip() for cell in CODE_CELL.findall(body)]
        starter = next((cell for cell in cells if not cell.startswith("check(")), "")
        code, prose = solutions.get(label, ([], ""))
        found.append(Exercise(label, match.group(1).strip(), CODE_CELL.sub("", body).strip(), starter, code, prose))
    sources = [(m.group(1).strip(), m.group(2)) for m in re.finditer(r"^```\{admonition\}([^\n]*)\n:class: source[^\n]*\n(.*?)^```[ \t]*$", text, re.M | re.S)]
    questions, guidance = [], []
    section = re.search(r"^## Source questions\n(.*?)(?=^## |\Z)", text, re.M | re.S)
    if section:
        questions = [item.strip() for item in re.findall(r"^\d+\.\s+(.*)$", section.group(1), re.M)]
        guidance = [(m.group(1).strip(), m.group(2)) for m in re.finditer(r"^```\{admonition\}([^\n]*)\n(?::[^\n]*\n)*\n?(.*?)^```[ \t]*$", section.group(1), re.M | re.S)]
    terms = []
    for match in re.finditer(r"\{term\}`([^`]*)`", text):
        term = re.sub(r"^.*<([^>]*)>$", r"\1", match.group(1)).strip()
        if term.casefold() not in (t.casefold() for t in terms):
            terms.append(term)
    tables = list(dict.fromkeys(re.findall(r'load\("([a-z_0-9]+)"\)', text)))
    return Chapter(slug, title, key.group(1).strip() if key else "", found, sources, questions, guidance, terms, tables)


def glossary(book: Path = BOOK) -> dict[str, str]:
    text = (book / "glossary.md").read_text(encoding="utf-8")
    block = re.search(r"```\{glossary\}\n(.*?)^```", text, re.M | re.S).group(1)
    entries, term = {}, None
    for line in block.splitlines():
        if not line.strip() or line.startswith(":"):
            continue
        if not line.startswith(" "):
            term = line.strip()
            entries[term] = ""
        elif term:
            entries[term] = (entries[term] + " " + line.strip()).strip()
    return entries


def _first_sentence(text: str) -> str:
    match = re.match(r"(.+?[.;])(\s|$)", text)
    sentence = match.group(1) if match else text
    return sentence[:-1] + "." if sentence.endswith(";") else sentence


def _date(value: str) -> str:
    day = dt.date.fromisoformat(value)
    return f"{day.day} {day.strftime('%b')} {day.year}"


def key_figures(table: str) -> list[tuple[str, str]]:
    """(figure, source key) for a few rows of a table: its first and last rows and those with the largest and smallest value."""
    import tomllib

    manifest = tomllib.loads((DATA / f"{table}.toml").read_text(encoding="utf-8"))
    columns = manifest.get("columns", {})
    numeric = [name for name, info in columns.items() if info.get("type") in ("int", "float") and info.get("unit")
               and not info["unit"].startswith(("calendar year", "degrees")) and name != "year"]
    if not numeric:
        return []
    labels = [name for name, info in columns.items() if name not in numeric and name not in ("source", "id", "coord_source", "estimate", "figure")
              and info.get("type") in ("str", "int", "date") and name not in ("description", "detail", "basis", "note", "reason", "evidence", "what_was_said", "berlin_open_all_year", "qualifier")]
    with open(DATA / f"{table}.csv", encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    if not rows:
        return []
    main = numeric[0]
    value = lambda row: float(row[main]) if row[main] else 0.0  # noqa: E731
    chosen = [rows[0], max(rows, key=value), min(rows, key=value), rows[-1]]
    figures = []
    for row in dict.fromkeys(id(row) for row in chosen):
        row = next(r for r in chosen if id(r) == row)
        label = ", ".join(row[name] for name in labels[:3] if row.get(name))
        parts = []
        for name in numeric[:2]:
            if row.get(name):
                number = float(row[name])
                shown = f"{number:,.0f}" if number == int(number) else f"{number:,.1f}"
                unit = row.get("unit") if columns[name]["unit"] == "see the unit column" else columns[name]["unit"]
                parts.append(f"{name.replace('_', ' ')}: {shown} {re.sub(r' ?[(].*', '', unit or '')}".strip())
        key = row.get("source") or manifest.get("source", "")
        figures.append((f"{label}: {'; '.join(parts)}", key))
    return figures


# --- the printed pages ---------------------------------------------------------------------------------------

STYLE = """
@page { size: A4; margin: 14mm; }
body { font-family: "DejaVu Sans", system-ui, sans-serif; font-size: 10.5pt; line-height: 1.35; color: #000; }
h1 { font-size: 17pt; margin: 0 0 4mm; } h2 { font-size: 13pt; margin: 6mm 0 2mm; border-bottom: 1px solid #444; }
h3 { font-size: 11pt; margin: 4mm 0 1mm; }
pre.code { background: #f3f3f3; border: 1px solid #ccc; padding: 2mm; white-space: pre-wrap; font-size: 9pt; }
.box { border: 1px solid #888; padding: 1mm 3mm; margin: 2mm 0; break-inside: avoid; }
.box-title { font-weight: bold; margin: 1mm 0; }
.write { break-inside: avoid; border: 1px solid #888; margin: 2mm 0 5mm; background: repeating-linear-gradient(#fff 0 7.5mm, #bbb 7.5mm 7.8mm); }
.exercise { margin-bottom: 4mm; } h3 { break-after: avoid; } pre.code, .box { break-inside: avoid; }
.answer { border-left: 4px solid #2e7d32; padding: 1mm 3mm; margin: 2mm 0 5mm; background: #f4faf4; }
.meta { color: #333; font-size: 9pt; }
"""

ORGANISER_STYLE = """
@page { size: A4 landscape; margin: 9mm; }
body { font-family: "DejaVu Sans", system-ui, sans-serif; font-size: 8.6pt; line-height: 1.25; margin: 0; }
h1 { font-size: 15pt; margin: 0 0 1mm; } .question { font-size: 10pt; margin: 0 0 3mm; font-style: italic; }
.grid { display: grid; grid-template-columns: 1.15fr 1fr 1fr; gap: 4mm; }
section { border: 1.5px solid #333; border-radius: 2mm; padding: 1mm 3mm; }
h2 { font-size: 11pt; margin: 1mm 0 2mm; } ul { margin: 0; padding-left: 4mm; } li { margin-bottom: 1.2mm; }
.cite { color: #444; } dt { font-weight: bold; } dd { margin: 0 0 1.5mm 0; }
"""


def page(title: str, body: str, style: str = STYLE) -> str:
    return f"<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'><title>{e(title)}</title><style>{style}</style></head><body>{body}</body></html>"


def key_dates(chapter: Chapter) -> list[dict]:
    """The events the chapter narrates (events.csv's chapter column); for a chapter that narrates none of its own
    (the conclusion), the events its text names by id; else the first event of each chapter."""
    from exercises import load

    rows = load("events")
    text = (BOOK / f"{chapter.slug}.md").read_text(encoding="utf-8")
    chosen = [row for row in rows if row["chapter"] == chapter.slug] or [row for row in rows if row["id"] in text]
    if not chosen:
        firsts: dict[str, dict] = {}
        for row in sorted(rows, key=lambda row: row["date"]):
            firsts.setdefault(row["chapter"], row)
        chosen = list(firsts.values())
    return sorted(chosen, key=lambda row: row["date"])


def organiser_html(chapter: Chapter) -> str:
    events = key_dates(chapter)
    dates = "".join(f"<li><strong>{_date(str(row['date']))}</strong> {e(row['title'])} <span class='cite'>({e(author_year(row['source']))})</span></li>" for row in events)
    words = glossary()
    lookup = {term.casefold(): term for term in words}
    terms = "".join(
        f"<dt>{e(lookup[t.casefold()])}</dt><dd>{e(_first_sentence(words[lookup[t.casefold()]]))} <span class='cite'>(Glossary)</span></dd>"
        for t in chapter.terms if t.casefold() in lookup
    )
    figures = []
    for table in chapter.tables:
        for text, key in key_figures(table):
            figures.append(f"<li>{e(text)} <span class='cite'>({e(author_year(key))})</span></li>")
    body = (
        f"<h1>Knowledge organiser: {e(chapter.title)}</h1><p class='question'>{e(myst_to_text(chapter.key_question))}</p>"
        f"<div class='grid'><section><h2>Key dates</h2><ul>{dates}</ul></section>"
        f"<section><h2>Key terms</h2><dl>{terms or '<dd>This chapter uses no glossary term.</dd>'}</dl></section>"
        f"<section><h2>Key figures</h2><ul>{''.join(figures) or '<li>This chapter works from dated events, above, rather than tables of figures.</li>'}</ul></section></div>"
    )
    return page(f"Knowledge organiser: {chapter.title}", body, ORGANISER_STYLE)


def _lines(marks: int) -> str:
    return f"<div class='write' style='height:{max(3, min(16, 2 * marks)) * 7.8:.1f}mm'></div>"


def worksheet_html(chapter: Chapter, teacher: bool) -> str:
    kind = "Teacher pack" if teacher else "Worksheet"
    parts = [f"<h1>{kind}: {e(chapter.title)}</h1>", f"<p><em>{e(myst_to_text(chapter.key_question))}</em></p>"]
    if not teacher:
        parts.append("<p class='meta'>Name: ______________________________ &nbsp; Class: __________ &nbsp; Date: __________</p>")
    if chapter.sources:
        parts.append("<h2>Sources</h2>")
        parts += [f"<div class='box'><p class='box-title'>{e(myst_to_text(title))}</p>{render(body)}</div>" for title, body in chapter.sources]
    parts.append("<h2>Exercises</h2>")
    for number, exercise in enumerate(chapter.exercises, 1):
        declared = exercises.get(exercise.id) if exercise.id in exercises.ids() else None
        parts.append(f"<div class='exercise'><h3>{number}. {e(exercise.title)}</h3>{render(exercise.prose)}")
        if exercise.starter:
            parts.append(f"<pre class='code'>{e(exercise.starter)}</pre>")
        if teacher:
            answer = []
            if declared is not None and getattr(declared, "kind", "") == "choice":
                answer.append(f"<p><strong>Answer: {e(declared.answer)}</strong>. {e(declared.options.get(declared.answer, ''))}</p>")
                answer += [f"<p>Not {e(letter)}: {e(why)}</p>" for letter, why in declared.feedback.items()]
            if declared is not None and getattr(declared, "kind", "") == "multi":
                answer.append(f"<p><strong>Answers: {e(', '.join(declared.answers))}</strong>.</p>")
                answer += [f"<p>{e(letter)}: {e(why)}</p>" for letter, why in declared.feedback.items()]
            for code in exercise.solution_code:
                answer.append(f"<p><strong>Model answer</strong> (the chapter's solution):</p><pre class='code'>{e(code)}</pre>")
            if exercise.solution_prose:
                answer.append(render(exercise.solution_prose))
            if declared is not None:
                answer.append(f"<p><strong>Mark scheme:</strong> the check expects {e(declared.expects)}. Hint for students: {e(declared.hint)}</p>")
            parts.append(f"<div class='answer'>{''.join(answer)}</div>")
        else:
            parts.append("<p class='meta'>Your answer (code or working):</p>" + _lines(5))
        parts.append("</div>")
    questions = exam_questions(chapter.slug)
    if questions:
        parts.append("<h2>Exam practice</h2>")
    for number, question in enumerate(questions, 1):
        fmt = question.fmt
        parts.append(f"<div class='exercise'><h3>{number}. {e(question.heading())}</h3>"
                     f"<p class='meta'>{e(question.marks_text)}; suggested time {fmt.minutes} minutes. {e(fmt.paper)}.</p>"
                     f"<p><strong>{e(question.question)}</strong></p>")
        if question.given:
            parts.append("<p>You may use the following in your answer:</p><ul>" + "".join(f"<li>{e(point)}</li>" for point in question.given) + "</ul><p>You must also use information of your own.</p>")
        if question.sources:
            parts.append(f"<p>Use {e(' and '.join(question.sources))} in this chapter.</p>")
        if teacher:
            scheme = "".join(f"<li><strong>Level {level.number} ({level.marks[0]}\u2013{level.marks[1]} marks):</strong> {e('; '.join(level.criteria))}</li>" for level in fmt.levels)
            models = "".join(f"<p><strong>Model answer, level {model.level}:</strong></p><p>{e(model.text)}</p><p class='meta'>Why: {e(model.why)}</p>" for model in question.models)
            parts.append(f"<div class='answer'><p><strong>Mark scheme</strong></p><ul>{scheme}</ul>{models}</div>")
        else:
            parts.append(_lines(fmt.marks))
        parts.append("</div>")
    if chapter.questions:
        parts.append("<h2>Source questions</h2>")
        for number, question in enumerate(chapter.questions, 1):
            marks = re.search(r"\((\d+) marks?\)", question)
            parts.append(f"<div class='exercise'><p>{number}. {md.renderInline(myst_to_text(question))}</p>")
            parts.append(_lines(int(marks.group(1)) if marks else 4) if not teacher else "")
            parts.append("</div>")
        if teacher:
            parts += [f"<div class='answer'><p class='box-title'>{e(myst_to_text(title))}</p>{render(body)}</div>" for title, body in chapter.guidance]
            if not chapter.guidance:
                parts.append("<p class='meta'>The chapter gives no model answer for these questions yet.</p>")
    return page(f"{kind}: {chapter.title}", "".join(parts))


# --- to PDF --------------------------------------------------------------------------------------------------


def pdf_pages(path: Path) -> int:
    from pypdf import PdfReader

    return len(PdfReader(str(path)).pages)


def print_html(browser, content: str, target: Path, landscape: bool = False, one_page: bool = False) -> None:
    page = browser.new_page()
    try:
        page.set_content(content, wait_until="load")
        scale = 1.0
        while True:
            page.pdf(path=str(target), format="A4", landscape=landscape, print_background=True, prefer_css_page_size=True, scale=scale)
            if not one_page or pdf_pages(target) == 1 or scale <= 0.5:
                break
            scale = round(scale - 0.05, 2)
    finally:
        page.close()


def print_book(browser, html_dir: Path, target: Path) -> None:
    from pypdf import PdfWriter

    from tools.localweb import serve

    server, url, thread = serve(html_dir)
    writer = PdfWriter()
    try:
        with tempfile.TemporaryDirectory() as tmp:
            context = browser.new_context()
            context.route("**/*", lambda route: route.continue_() if route.request.url.startswith((url, "data:", "blob:")) else route.abort())
            page = context.new_page()
            for index, name in enumerate(["index", *[p for p in toctree_pages() if p not in ("index", "class-overview")]]):
                if not (html_dir / f"{name}.html").exists():
                    continue
                page.goto(url + f"{name}.html", wait_until="load")
                try:
                    page.wait_for_load_state("networkidle", timeout=10_000)
                except Exception:  # noqa: BLE001 - a page that never goes idle still prints
                    pass
                part = Path(tmp) / f"{index:02d}.pdf"
                page.pdf(path=str(part), format="A4", print_background=False, display_header_footer=True,
                         header_template="<span></span>",
                         footer_template="<div style='font-size:8px;width:100%;text-align:center'><span class='title'></span> &middot; <span class='pageNumber'></span></div>",
                         margin={"top": "14mm", "bottom": "16mm", "left": "12mm", "right": "12mm"})
                writer.append(str(part))
            context.close()
            writer.write(str(target))
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=10)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tools.print_book", description=__doc__.splitlines()[0])
    parser.add_argument("chapters", nargs="*", help="chapter slugs (default: every chapter)")
    parser.add_argument("--html", type=Path, default=ROOT / "_build" / "html", help="the built book (default _build/html)")
    parser.add_argument("--out", type=Path, default=ROOT / "_build" / "print")
    parser.add_argument("--no-book", action="store_true", help="only the organisers, worksheets and teacher packs")
    parser.add_argument("--book-only", action="store_true", help="only the whole book")
    args = parser.parse_args(argv)
    from playwright.sync_api import sync_playwright

    from tools.localweb import launch

    slugs = [] if args.book_only else (args.chapters or chapters())
    args.out.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as playwright:
        browser = launch(playwright)
        try:
            if not args.no_book:
                if not (args.html / "index.html").exists():
                    print(f"print: {args.html}/index.html does not exist: run `make html` first", file=sys.stderr)
                    return 2
                print_book(browser, args.html, args.out / "book.pdf")
                print(f"wrote {args.out / 'book.pdf'} ({pdf_pages(args.out / 'book.pdf')} pages)")
            for slug in slugs:
                chapter = read_chapter(slug)
                for name, content, landscape, one in (
                    ("organiser", organiser_html(chapter), True, True),
                    ("worksheet", worksheet_html(chapter, teacher=False), False, False),
                    ("teacher", worksheet_html(chapter, teacher=True), False, False),
                ):
                    target = args.out / f"{slug}-{name}.pdf"
                    print_html(browser, content, target, landscape, one)
                    print(f"wrote {target} ({pdf_pages(target)} pages)")
        finally:
            browser.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
