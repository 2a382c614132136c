"""Precision and recall of exercises.factcheck on the sample sentences in tests/data/factcheck_cases.py.

    python tools/factcheck_eval.py           # the figures, and every miss and false flag
A flag counts as right when its topic is one the case expects; precision = right flags / all flags,
recall = right flags / expected flags.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

from exercises import factcheck

ROOT = Path(__file__).resolve().parent.parent


def cases():
    spec = importlib.util.spec_from_file_location("factcheck_cases", ROOT / "tests" / "data" / "factcheck_cases.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.CASES


def evaluate(verbose: bool = False) -> tuple[float, float, int, int]:
    flags = right = expected = 0
    for sentence, want in cases():
        got = {flag.topic for flag in factcheck(sentence).flags}
        flags += len(got)
        right += len(got & want)
        expected += len(want)
        if verbose and got != want:
            print(f"  {'missed ' + str(want - got) if want - got else ''} {'false ' + str(got - want) if got - want else ''}: {sentence}")
    precision = right / flags if flags else 1.0
    recall = right / expected if expected else 1.0
    return precision, recall, len(cases()), expected


def main() -> int:
    precision, recall, n, expected = evaluate(verbose=True)
    print(f"fact-checker on {n} sample sentences ({expected} expected flags): precision {precision:.2f}, recall {recall:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
