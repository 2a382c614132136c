"""Reading level of each chapter's own prose (run by `make readability`).

Only the book's narrative is measured: code cells, solutions, quoted primary sources, tables,
headings and MyST markup are left out, and a role such as {term}`ultimatum` counts as its words.
Figures: sentences, mean words per sentence, the share of sentences over 40 words, and two
well-known formulas from the textstat library (Flesch reading ease; Flesch-Kincaid grade, a US
school grade: UK Year 10-11 is about grade 9-10).

    python tools/readability.py                 # the working tree
    python tools/readability.py --rev HEAD~5    # the chapters as they were at a commit
    python tools/readability.py --json out.json
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import json
import platform
import re
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

import textstat

from exercises import _book


ROOT = Path(__file__).resolve().parent.parent
BOOK = ROOT / "book"

SKIP_BLOCKS = ("code-cell", "solution-start", "bibliography", "toctree", "glue", "figure", "image", "math", "list-table", "csv-table")
LONG = 40


def prose(text: str) -> list[str]:
    """The sentences of a chapter's own narrative, one string each."""
    if text.startswith("---\n"):
        text = text.split("\n---\n", 1)[1]
    lines: list[str] = []
    fence: list[str] = []  # stack of open fences: their backtick runs and whether we skip inside
    skipping = 0
    in_solution = False
    for raw in text.splitlines():
        line = raw.strip()
        opened = re.match(r"^(`{3,}|:{3,})\{([\w-]+)\}", line)
        if opened:
            name = opened.group(2)
            if name == "solution-start":
                in_solution = True
            if name == "solution-end":
                in_solution = False
            if name in ("exercise-start", "exercise-end", "solution-end") or name == "solution-start":
                # one-line markers closed by a bare fence on the next lines
                fence.append((opened.group(1), False))
                continue
            skip = name in SKIP_BLOCKS
            fence.append((opened.group(1), skip))
            skipping += skip
            continue
        if fence and re.fullmatch(r"`{3,}|:{3,}", line) and line[0] == fence[-1][0][0] and len(line) >= len(fence[-1][0]):
            _, skip = fence.pop()
            skipping -= skip
            continue
        if re.match(r"^`{3,}", line):  # a plain code fence
            fence.append((line[:3], True))
            skipping += 1
            continue
        if skipping or in_solution or not line:
            continue
        if line.startswith((">", "|", "#", ":", "(", "%", "<", "*Provenance")):
            continue
        lines.append(line)
    sentences = []
    for line in lines:
        line = re.sub(r"^[-*] |^\d+\. ", "", line)
        line = re.sub(r"\{(?:cite|cite:p|cite:t|cite:ps|cite:ts|numref|ref|doc|eq)\}`[^`]*`", "", line)
        line = re.sub(r"\{\w+\}`([^`<]*?)\s*(?:<[^`]*>)?`", r"\1", line)
        line = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", line)
        line = line.replace("`", "").replace("**", "").replace("*", "")
        line = re.sub(r"\s+", " ", line).strip()
        for sentence in re.split(r"(?<=[.!?])\s+(?=[A-Z\"“(])", line):
            if len(sentence.split()) >= 3:
                sentences.append(sentence)
    return sentences


def measure(text: str) -> dict:
    sentences = prose(text)
    words = [len(s.split()) for s in sentences]
    joined = "\n".join(sentences)
    return {
        "sentences": len(sentences),
        "mean_words": round(sum(words) / len(words), 1) if words else 0.0,
        "over_40": round(100 * sum(w > LONG for w in words) / len(words), 1) if words else 0.0,
        "flesch_ease": round(textstat.flesch_reading_ease(joined), 1),
        "fk_grade": round(textstat.flesch_kincaid_grade(joined), 1),
    }


def chapter_texts(rev: str | None) -> dict[str, str]:
    """Each chapter's text (exercises._book says what a chapter is), now or at the commit ``rev``."""
    if rev is None:
        return {page: _book.page_text(BOOK, page) for page in _book.chapters(BOOK)}
    with tempfile.TemporaryDirectory(prefix="readability-") as tmp:
        archive = subprocess.run(["git", "archive", rev, "book"], cwd=ROOT, capture_output=True, check=True).stdout
        tarfile.open(fileobj=io.BytesIO(archive)).extractall(tmp, filter="data")
        book = Path(tmp) / "book"
        return {page: _book.page_text(book, page) for page in _book.chapters(book)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rev", help="measure the chapters as they were at this git commit")
    parser.add_argument("--json", type=Path, help="also write the figures to this file")
    args = parser.parse_args(argv)
    rows = {page: measure(text) for page, text in chapter_texts(args.rev).items()}
    allsentences = sum(r["sentences"] for r in rows.values())
    total = {
        "sentences": allsentences,
        "mean_words": round(sum(r["mean_words"] * r["sentences"] for r in rows.values()) / allsentences, 1),
        "over_40": round(sum(r["over_40"] * r["sentences"] for r in rows.values()) / allsentences, 1),
        "flesch_ease": round(sum(r["flesch_ease"] for r in rows.values()) / len(rows), 1),
        "fk_grade": round(sum(r["fk_grade"] for r in rows.values()) / len(rows), 1),
    }
    print(f"# Reading level, {args.rev or 'working tree'}; {dt.date.today()}, {platform.machine()}, textstat {textstat.__version__ if hasattr(textstat, '__version__') else ''}")
    print(f"{'chapter':16} {'sentences':>9} {'mean words':>10} {'% > 40':>7} {'Flesch':>7} {'FK grade':>8}")
    for page, r in [*rows.items(), ("all chapters", total)]:
        print(f"{page:16} {r['sentences']:9} {r['mean_words']:10} {r['over_40']:7} {r['flesch_ease']:7} {r['fk_grade']:8}")
    if args.json:
        args.json.write_text(json.dumps({"rev": args.rev, "chapters": rows, "all": total}, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
