"""Retrieval practice: quick questions generated from the book's data, the same ones every build.

Three kinds of question are made from what the book already holds:

* the year of a dated event (``events``), with three other years from nearby events as options;
* which of two events came first (``events``);
* the term that a glossary definition describes (the glossary, with the term masked).

Every question keeps the chapter it belongs to, the key of the source that settles it, and its
answer, which :func:`verify` checks against the data again.  Questions are chosen with a seeded
random generator, so the same seed always gives the same quiz.

The page never names the right option: it gets, for each question, a hash of the question's id and
the right option (:func:`answer_key`, 32-bit FNV-1a, the same in book/_static/quiz.js) and compares
the hash of the option a student picks.  The hash hides nothing a student could not find by
trying each option; it keeps the answer out of the page source and the search index.
"""

from __future__ import annotations

import hashlib
import random
import re
from dataclasses import asdict, dataclass

from ._data import load

__all__ = ["QuizItem", "answer_key", "glossary_terms", "items", "memory_quiz", "do_now", "verify", "terms_in"]


@dataclass(frozen=True)
class QuizItem:
    id: str
    chapter: str
    kind: str
    prompt: str
    options: tuple[str, ...]
    answer: str
    source: str

    def public(self) -> dict:
        """What the page may hold: everything but the answer, which is replaced by its salted hash."""
        data = asdict(self)
        data.pop("answer")
        data["options"] = list(self.options)
        data["key"] = answer_key(self.id, self.answer)
        return data


def fnv1a(text: str) -> str:
    """32-bit FNV-1a of the UTF-8 bytes of ``text``, as 8 hex digits (book/_static/quiz.js has the same)."""
    value = 0x811C9DC5
    for byte in text.encode("utf-8"):
        value ^= byte
        value = (value * 0x01000193) & 0xFFFFFFFF
    return f"{value:08x}"


def answer_key(item_id: str, option: str) -> str:
    """The hash the page compares: :func:`fnv1a` of "<id>\\n<option>"."""
    return fnv1a(f"{item_id}\n{option}")


def _id(*parts: str) -> str:
    return "q-" + hashlib.sha256("|".join(parts).encode("utf-8")).hexdigest()[:10]


def glossary_terms(text: str) -> dict[str, str]:
    """The terms of book/glossary.md and the first sentence of each definition."""
    terms: dict[str, str] = {}
    block = re.search(r"```\{glossary\}\n(.*?)```", text, re.S)
    if not block:
        return terms
    term = None
    for line in block.group(1).splitlines():
        if not line.strip() or line.startswith(":"):
            continue
        if not line.startswith(" "):
            term = line.strip()
        elif term and term not in terms:
            first = re.split(r"(?<=[.;])\s", line.strip(), maxsplit=1)[0]
            terms[term] = first.rstrip(";")
    return terms


def terms_in(chapter_text: str) -> list[str]:
    """The glossary terms a chapter uses with {term}`...`, in order of first use."""
    found = []
    for match in re.finditer(r"\{term\}`([^`<]*?)\s*(?:<([^`>]*)>)?`", chapter_text):
        name = (match.group(2) or match.group(1)).strip()
        if name not in found:
            found.append(name)
    return found


def _mask(definition: str, term: str) -> str:
    masked = definition
    for word in sorted({term, *term.split()}, key=len, reverse=True):
        if len(word) > 3:
            masked = re.sub(re.escape(word), "…", masked, flags=re.I)
    return masked


def items(chapters: list[str], glossary: dict[str, str], chapter_terms: dict[str, list[str]]) -> list[QuizItem]:
    """Every question the data can make, for the chapters named (in book order)."""
    events = [row for row in load("events") if row["chapter"] in chapters]
    pool: list[QuizItem] = []
    years = sorted({row["date"].year for row in load("events")})
    for row in events:
        if re.search(r"\b1[89]\d\d\b", row["title"]):
            continue  # a year in the title would give the answer away, or mislead
        year = row["date"].year
        near = [y for y in years if y != year]
        near.sort(key=lambda y: (abs(y - year), y))
        options = sorted([year, *near[:3]])
        pool.append(QuizItem(
            _id("year", row["id"]), row["chapter"], "year",
            f"In which year did this happen? {row['title']}.",
            tuple(str(y) for y in options), str(year), row["source"],
        ))
    by_chapter: dict[str, list[dict]] = {}
    for row in events:
        by_chapter.setdefault(row["chapter"], []).append(row)
    for chapter, rows in by_chapter.items():
        rows = sorted(rows, key=lambda r: r["date"])
        for first, later in zip(rows, rows[2:]):
            if first["date"] == later["date"]:
                continue
            pool.append(QuizItem(
                _id("first", first["id"], later["id"]), chapter, "first",
                "Which came first?",
                tuple(sorted([first["title"], later["title"]])), first["title"],
                f"{first['source']},{later['source']}",
            ))
    used: set[str] = set()
    for chapter in chapters:
        for term in chapter_terms.get(chapter, []):
            if term in used or term not in glossary:
                continue
            used.add(term)
            others = sorted(t for t in glossary if t != term)
            rng = random.Random(f"terms:{term}")
            options = sorted([term, *rng.sample(others, min(3, len(others)))])
            pool.append(QuizItem(
                _id("term", term), chapter, "term",
                f"Which term means: {_mask(glossary[term], term)}",
                tuple(options), term, "glossary",
            ))
    return pool


def memory_quiz(pool: list[QuizItem], chapters: list[str], chapter: str, seed: int = 1962, size: int = 8) -> list[QuizItem]:
    """'Check your memory' at the end of a chapter: mostly its own questions, two from earlier chapters."""
    rng = random.Random(f"{seed}:memory:{chapter}")
    own = [item for item in pool if item.chapter == chapter]
    earlier = [item for item in pool if item.chapter in chapters[: chapters.index(chapter)]]
    chosen = rng.sample(own, min(size - 2, len(own)))
    chosen += rng.sample(earlier, min(size - len(chosen), len(earlier)))
    if len(chosen) < size:
        rest = [item for item in own if item not in chosen]
        chosen += rest[: size - len(chosen)]
    return chosen


def do_now(pool: list[QuizItem], chapters: list[str], chapter: str, seed: int = 1962, size: int = 5) -> list[QuizItem]:
    """'Do now' at the start of a chapter: five quick questions from the chapters before it.

    The first chapter has none before it: it gets questions on the events and terms it builds on.
    """
    rng = random.Random(f"{seed}:donow:{chapter}")
    earlier = [item for item in pool if item.chapter in chapters[: chapters.index(chapter)]]
    if not earlier:
        earlier = [item for item in pool if item.chapter == chapter and item.kind == "term"]
    return rng.sample(earlier, min(size, len(earlier)))


def verify(item: QuizItem, glossary: dict[str, str]) -> bool:
    """Whether the item's answer is what the data says, and exactly one option is it."""
    if item.options.count(item.answer) != 1:
        return False
    events = {row["title"]: row for row in load("events")}
    if item.kind == "year":
        title = item.prompt.removeprefix("In which year did this happen? ").removesuffix(".")
        return title in events and str(events[title]["date"].year) == item.answer
    if item.kind == "first":
        a, b = (events.get(option) for option in item.options)
        if not a or not b or a["date"] == b["date"]:
            return False
        earliest = a if a["date"] < b["date"] else b
        return earliest["title"] == item.answer
    if item.kind == "term":
        return item.answer in glossary and item.prompt == f"Which term means: {_mask(glossary[item.answer], item.answer)}"
    return False
