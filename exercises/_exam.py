"""Exam practice: GCSE-style questions, the levels they are marked in, and model answers.

Each question is declared once (in :mod:`exercises._exam_bank`) as an :class:`ExamQuestion` in
one of the :data:`FORMATS` of the two exam boards whose papers cover 1955-62:

* Pearson Edexcel GCSE History (1HI0), Paper 2, period study "Superpower relations and the Cold
  War, 1941-91": explain two consequences, write a narrative account, explain the importance;
* AQA GCSE History (8145), Paper 1, Section B, wider world depth study "Conflict and tension
  between East and West, 1945-1972": how do you know, how useful are the sources, write an
  account, how far do you agree.

Marks follow the boards' papers.  The suggested minutes are the book's own: the time the board
gives the whole section, shared out in proportion to the marks.  The checklists put the boards'
level descriptors into plain words of the book's own; they help a student judge a draft and are
not the boards' mark schemes.

A student ticks what their answer does; :func:`level_for` gives the level that fits and what
would lift the answer one level.  Only then does the page show the model answers.
The page, the Jupyter route (:meth:`ExamQuestion.to_markdown`) and the printed teacher pack are
all generated from the same declaration.
"""

from __future__ import annotations

from dataclasses import dataclass, field

__all__ = ["Criterion", "Level", "Format", "ExamQuestion", "ModelAnswer", "FORMATS", "exam", "exam_ids", "exam_questions", "level_for", "register_exam"]


@dataclass(frozen=True)
class Level:
    number: int
    marks: tuple[int, int]
    criteria: tuple[str, ...]


@dataclass(frozen=True)
class Format:
    """A question type of one board: its marks, time, stem and levels."""

    key: str
    board: str
    paper: str
    name: str
    stem: str
    marks: int
    minutes: int
    levels: tuple[Level, ...]
    extra: str = ""
    source_keys: tuple[str, ...] = ()

    def level(self, number: int) -> Level:
        return next(level for level in self.levels if level.number == number)


Criterion = str

_EDEXCEL_PAPER = "Edexcel GCSE History, Paper 2, period study: Superpower relations and the Cold War, 1941–91"
_AQA_PAPER = "AQA GCSE History, Paper 1, Section B: Conflict and tension between East and West, 1945–1972"
# The time each board gives the whole section, and its marks, for the book's suggested minutes.
# Edexcel: Paper 2 lasts 1 hour 50 minutes from 2025, advised as 55 minutes a topic, for 32 marks.
# AQA: Paper 1 lasts 2 hours for two sections; Section B is 40 marks plus 4 for spelling and grammar.
_EDEXCEL_SOURCES = ("pearson2016gcsehistory", "pearson2026paper2")
_AQA_SOURCES = ("aqa2016gcsehistory",)


def _minutes(marks: int, section_minutes: int, section_marks: int) -> int:
    return max(3, round(marks * section_minutes / section_marks))


FORMATS: dict[str, Format] = {
    fmt.key: fmt
    for fmt in (
        Format(
            "edexcel-consequences", "Edexcel", _EDEXCEL_PAPER, "Explain two consequences",
            "Explain two consequences of …", 8, _minutes(8, 55, 32),
            (
                Level(1, (1, 2), ("I state at least one consequence of the event in the question.",)),
                Level(2, (3, 5), (
                    "I give two different consequences, each in its own paragraph.",
                    "For each one I explain how or why it followed from the event.",
                )),
                Level(3, (6, 8), (
                    "Each consequence is backed by specific knowledge: a date, a name, a number or an event.",
                    "Each explanation shows the link from the event to its result, not just what happened next.",
                )),
            ),
            extra="Edexcel marks each consequence separately (up to 4 marks each); the levels here sum them up.",
            source_keys=_EDEXCEL_SOURCES,
        ),
        Format(
            "edexcel-narrative", "Edexcel", _EDEXCEL_PAPER, "Write a narrative account",
            "Write a narrative account analysing …", 8, _minutes(8, 55, 32),
            (
                Level(1, (1, 2), ("I describe some events of the story.",)),
                Level(2, (3, 5), (
                    "My events are in the right order.",
                    "At least once I show how one event led to the next.",
                    "I use at least one point of my own, beyond the two the question gives.",
                )),
                Level(3, (6, 8), (
                    "The account is a connected chain: each step explains how it led to the next.",
                    "Specific, accurate knowledge runs through the whole account.",
                    "It stays on the question's focus and reaches the end point the question asks about.",
                )),
            ),
            extra="An answer that uses only the two points given in the question cannot go above 5 marks.",
            source_keys=_EDEXCEL_SOURCES,
        ),
        Format(
            "edexcel-importance", "Edexcel", _EDEXCEL_PAPER, "Explain the importance",
            "Explain the importance of … for …", 8, _minutes(8, 55, 32),
            (
                Level(1, (1, 2), ("I describe the event.",)),
                Level(2, (3, 5), (
                    "I explain at least one way the event mattered for the thing the question names.",
                    "I support it with some specific knowledge.",
                )),
                Level(3, (6, 8), (
                    "I explain two or more ways it mattered, each with specific knowledge.",
                    "Each point goes back to the thing the question names: its importance *for* that.",
                )),
            ),
            extra="In the exam you choose two of three events, 8 marks each.",
            source_keys=_EDEXCEL_SOURCES,
        ),
        Format(
            "aqa-how-do-you-know", "AQA", _AQA_PAPER, "How do you know?",
            "Source … shows … How do you know? Explain your answer by using Source … and your contextual knowledge.",
            4, _minutes(4, 60, 44),
            (
                Level(1, (1, 2), ("I say what the source shows, using its content or its provenance (who made it, when, why).",)),
                Level(2, (3, 4), ("I explain it using the source's content or provenance together with my own knowledge of the time.",)),
            ),
            source_keys=_AQA_SOURCES,
        ),
        Format(
            "aqa-usefulness", "AQA", _AQA_PAPER, "How useful are the sources?",
            "How useful are Sources … and … to a historian studying …? Explain your answer using Sources … and … and your contextual knowledge.",
            12, _minutes(12, 60, 44),
            (
                Level(1, (1, 3), ("I describe what the sources say.",)),
                Level(2, (4, 6), ("I say how each source is useful, using its content or its provenance.",)),
                Level(3, (7, 9), (
                    "I explain the usefulness of each source using both its content and its provenance.",
                    "I support what I say with my own knowledge of the time.",
                )),
                Level(4, (10, 12), (
                    "I judge how useful each source is for the historian's enquiry in the question, weighing content, provenance and context together.",
                    "I say what each source cannot show, and why.",
                )),
            ),
            source_keys=_AQA_SOURCES,
        ),
        Format(
            "aqa-account", "AQA", _AQA_PAPER, "Write an account",
            "Write an account of how … (8 marks)", 8, _minutes(8, 60, 44),
            (
                Level(1, (1, 2), ("I describe some events.",)),
                Level(2, (3, 4), ("I show one way the events led to the outcome the question names.",)),
                Level(3, (5, 6), (
                    "I explain a sequence of events, linking each to the outcome.",
                    "I use specific knowledge: dates, names, numbers.",
                )),
                Level(4, (7, 8), ("My account is well organised and analyses a range of connected events that led to the outcome.",)),
            ),
            source_keys=_AQA_SOURCES,
        ),
        Format(
            "aqa-how-far", "AQA", _AQA_PAPER, "How far do you agree?",
            "'…' How far do you agree with this statement? Explain your answer.", 16, _minutes(20, 60, 44),
            (
                Level(1, (1, 4), ("I make a basic point about the statement.",)),
                Level(2, (5, 8), ("I explain at least one reason for or against the statement, with some knowledge.",)),
                Level(3, (9, 12), (
                    "I explain reasons both for and against the statement.",
                    "Each reason is backed by specific knowledge.",
                )),
                Level(4, (13, 16), (
                    "I reach a judgement on how far I agree.",
                    "I justify the judgement by weighing the reasons: why one matters more than another.",
                )),
            ),
            extra="4 more marks are given for spelling, punctuation, grammar and the use of specialist terms.",
            source_keys=_AQA_SOURCES,
        ),
    )
}


@dataclass(frozen=True)
class ModelAnswer:
    """An answer written for this book at one level, with what earns that level."""

    level: int
    text: str
    why: str


@dataclass(frozen=True)
class ExamQuestion:
    """One exam-style question: id, chapter slug, format key, the question, and its model answers."""

    id: str
    chapter: str
    format: str
    question: str
    models: tuple[ModelAnswer, ...]
    given: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()
    cites: tuple[str, ...] = ()
    title: str = ""

    @property
    def fmt(self) -> Format:
        return FORMATS[self.format]

    @property
    def marks_text(self) -> str:
        fmt = self.fmt
        spag = " + 4 for spelling, punctuation and grammar" if fmt.key == "aqa-how-far" else ""
        return f"{fmt.marks} marks{spag}"

    def heading(self) -> str:
        return self.title or f"{self.fmt.board}: {self.fmt.name}"

    def head_markdown(self, number: str = "", where: str = "in this chapter", cite: str = "") -> list[str]:
        """The title line and the question as Markdown lines; ``cite`` follows the board's paper (a MyST role in the book)."""
        fmt = self.fmt
        lines = [
            f"**Exam practice{' ' + number if number else ''} — {self.heading()}** ({self.marks_text}; suggested time {fmt.minutes} minutes)",
            "",
            f"> {self.question}",
        ]
        if self.given:
            lines += [">", "> You may use the following in your answer:"] + [f"> - {point}" for point in self.given]
            lines += ["> You must also use information of your own."]
        if self.sources:
            lines += [">", f"> Use {' and '.join(self.sources)} {where}."]
        lines += ["", f"*{fmt.paper}; marks and question type as set by the board{cite}.*"]
        return lines

    def to_markdown(self, *, answers: bool = True) -> str:
        """The question as plain Markdown (Jupyter, print): the question, the checklist, the model answers."""
        fmt = self.fmt
        lines = self.head_markdown()
        lines += ["", "**Check your answer.** Tick what your answer does; the highest level whose boxes (and all the boxes below it) are ticked is your level.", ""]
        for level in fmt.levels:
            lines.append(f"- Level {level.number} ({level.marks[0]}–{level.marks[1]} marks)")
            lines += [f"  - [ ] {criterion}" for criterion in level.criteria]
        if fmt.extra:
            lines += ["", fmt.extra]
        if answers:
            for model in self.models:
                lines += ["", f"**Model answer at Level {model.level}**", ""]
                lines += [f"> {para}" if para else ">" for para in model.text.split("\n")]
                lines += ["", f"*Why it is Level {model.level}:* {model.why}"]
        return "\n".join(lines) + "\n"


def level_for(format_key: str, ticked: set[str] | list[str]) -> tuple[int, list[str]]:
    """The level a ticked checklist reaches, and what the next level needs.

    A level counts when every criterion at it and below is ticked.  Returns (level, missing),
    where ``missing`` lists the criteria of the next level still unticked (empty at the top).
    """
    fmt = FORMATS[format_key]
    ticked = set(ticked)
    reached = 0
    for level in sorted(fmt.levels, key=lambda lv: lv.number):
        if all(criterion in ticked for criterion in level.criteria):
            reached = level.number
        else:
            return reached, [c for c in level.criteria if c not in ticked]
    return reached, []


_REGISTRY: dict[str, ExamQuestion] = {}


def register_exam(question: ExamQuestion) -> ExamQuestion:
    if question.id in _REGISTRY:
        raise ValueError(f"exam question {question.id!r} is declared twice")
    if question.format not in FORMATS:
        raise ValueError(f"{question.id}: unknown format {question.format!r}")
    levels = {level.number for level in question.fmt.levels}
    if len(question.models) != 3 or any(model.level not in levels for model in question.models):
        raise ValueError(f"{question.id}: give three model answers at levels of its format {sorted(levels)}")
    _REGISTRY[question.id] = question
    return question


def exam(question_id: str) -> ExamQuestion:
    return _REGISTRY[question_id]


def exam_ids(chapter: str | None = None) -> list[str]:
    return [q.id for q in _REGISTRY.values() if chapter is None or q.chapter == chapter]


def exam_questions(chapter: str | None = None) -> list[ExamQuestion]:
    return [q for q in _REGISTRY.values() if chapter is None or q.chapter == chapter]
