"""The declarations of the test book's chapter, as exercises/<chapter>.py holds a real chapter's.

tests/widget_book.py runs this file as the module ``exercises.chapter`` (so that, as for a real chapter, its
exercises and misconception belong to the page chapter.md) into copies of the package's registries,
which it restores after each test.  The exam question is in the format "How far do you agree?" of AQA,
whose paper is the one entry of references.bib.
"""

from exercises._core import ChoiceExercise, OrderExercise, ValueExercise, register, scaffold, swapped
from exercises._exam import ExamQuestion, ModelAnswer, register_exam
from exercises._practice import MatchExercise, ShortAnswerExercise, misconception

register(ValueExercise(
    id="chapter-total", name="total", expects="the sum of the numbers",
    hint="HINT-ONE: add the numbers one at a time.",
    steps=("HINT-TWO: start at 0 and add each number in a for loop.",
           scaffold("""
               total = 0
               for number in numbers:
                   total = ...
           """)),
    expected=lambda: 6,
))

register(ValueExercise(
    id="chapter-verdicts", name="verdicts", expects="a dict of True and False",
    hint="HINT-VERDICTS: one verdict a claim.",
    expected=lambda: {"first": True, "second": False, "third": True},
))

register(ChoiceExercise(
    id="chapter-choice", name="choice", expects="one letter",
    hint="HINT-CHOICE: who was in power?",
    options={"A": "Option alpha", "B": "Option beta", "C": "Option gamma"},
    answer="B",
    feedback={"A": "MISCONCEPTION-ALPHA: alpha came later.", "C": "Gamma was never there."},
))

register(OrderExercise(
    id="chapter-order", name="order", expects="the three events in the order they happened",
    hint="HINT-ORDER: look at the dates.",
    events=("khrushchev-first-secretary", "korean-armistice", "stalin-dies"),
    mistakes=[swapped("stalin-dies", "korean-armistice", why="MISCONCEPTION-ORDER: the armistice came after Stalin died.")],
))

register(MatchExercise(
    id="chapter-match", name="match", expects="each term matched to its meaning",
    hint="HINT-MATCH: read the glossary.",
    pairs={"Détente": "An easing of tension", "Brinkmanship": "Pushing to the edge of war"},
    decoys=("A trade agreement",),
    mistakes={("Détente", "Pushing to the edge of war"): "MISCONCEPTION-MATCH: that is brinkmanship."},
))

register(ShortAnswerExercise(
    id="chapter-short", name="short", expects="the name of the premier",
    hint="HINT-SHORT: he followed Malenkov.",
    accept=("Bulganin", "Boulganine"),
    mistakes={"Molotov": "MISCONCEPTION-SHORT: Molotov was foreign minister."},
))

register(ShortAnswerExercise(
    id="chapter-number", name="number", expects="the number of people",
    hint="HINT-NUMBER: read the table.",
    number=2_700_000, tolerance=100_000, unit="people",
    mistakes={3_500_000: "MISCONCEPTION-NUMBER: that counts the whole of the GDR's losses."},
))

misconception(
    __name__,
    claim="CLAIM-TEXT: alpha is the answer.",
    correction="CORRECTION-TEXT: it was beta {cite:p}`aqa2016gcsehistory`.",
    exercise="chapter-choice", answer="A", names="MISCONCEPTION-ALPHA",
)

register_exam(ExamQuestion(
    "chapter-exam-how-far", "chapter", "aqa-how-far",
    "'QUESTION-TEXT: relations got steadily worse.' How far do you agree with this statement? Explain your answer.",
    cites=("aqa2016gcsehistory",),
    models=(
        ModelAnswer(2, "MODEL-LEVEL-TWO first paragraph.", "WHY-TWO: one reason only."),
        ModelAnswer(3, "MODEL-LEVEL-THREE first paragraph.\n\nMODEL-LEVEL-THREE second paragraph.", "WHY-THREE: both sides."),
        ModelAnswer(4, "MODEL-LEVEL-FOUR first paragraph.", "WHY-FOUR: a justified judgement."),
    ),
))
