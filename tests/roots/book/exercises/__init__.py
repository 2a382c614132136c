"""A stand-in for the book's exercises package: one table (table.txt) and a function that reads it."""

from pathlib import Path


def value() -> str:
    return (Path(__file__).parent / "table.txt").read_text(encoding="utf-8").strip()
