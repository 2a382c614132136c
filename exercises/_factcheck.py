"""A fact-checker for a student's own writing, built on the book's cited data.

``factcheck(text)`` reads a piece of writing and flags the dates and numbers that disagree with
the book's tables: a date given for a named event (the Berlin Wall, the Bay of Pigs, the U-2,
Khrushchev coming to power ...) that the ``events`` table contradicts, and a count of refugees
from East Germany that the ``refugees`` table contradicts.  Each flag gives the right figure, the
source key of the row it comes from (an entry on the book's Sources page), the chapter that tells
the story, and how sure the checker is.

It says only what the data can settle.  A sentence it cannot tie to one event and one date is
left alone, and so is every claim it cannot judge: a missing flag is not a verdict that the
writing is right.  Dates can be written "13 August 1961", "13th August 1961", "August 13, 1961",
"13/8/61" (day first, as in the UK), "August 1961", "the summer of 1961" or "1961".

The standard library only, so the very same code runs in the page.
"""

from __future__ import annotations

import datetime as _dt
import html
import re
from dataclasses import dataclass, field

from ._data import load

__all__ = ["Flag", "Report", "factcheck", "EVENT_PATTERNS"]

MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"), ("may",),
            ("june", "jun"), ("july", "jul"), ("august", "aug"), ("september", "sept", "sep"),
            ("october", "oct"), ("november", "nov"), ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}
SEASONS = {"spring": (3, 5), "summer": (6, 8), "autumn": (9, 11), "fall": (9, 11), "winter": (12, 2)}
_MONTH = r"(january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)\.?"
_DAY = r"(\d{1,2})(?:st|nd|rd|th)?"
_YEAR = r"(1[89]\d\d|20\d\d)"


@dataclass(frozen=True)
class EventPattern:
    """How a student's text names an event, and which rows of ``events`` date it.

    ``events`` are row ids of the ``events`` table: the accepted dates run from the earliest to
    the latest of them (an event of several days, such as the thirteen days of October 1962).
    ``also`` lists other dates that sources give for the same thing.  ``confusions`` names dates a
    student often gives by mistake, with what really happened then.
    """

    name: str
    patterns: tuple[str, ...]
    events: tuple[str, ...]
    also: tuple[str, ...] = ()
    requires: tuple[str, ...] = ()
    confusions: tuple[tuple[str, str], ...] = ()


EVENT_PATTERNS: tuple[EventPattern, ...] = (
    EventPattern(
        "Khrushchev's rise to power",
        (r"khrushch?[eo]v\w*\b[^.;]{0,60}\b(took over|took power|came to power|rose to power|seized power|became (the )?(new )?(leader|head|first secretary|ruler)|new leader|in charge|succeeded stalin)",
         r"(new leader|took over|came to power)[^.;]{0,60}\bkhrushch?[eo]v"),
        ("khrushchev-first-secretary",),
        also=("1953-09-13", "1955-02-08", "1957-06-29", "1958-03-27"),
        confusions=(("1956-02", "February 1956 is when Khrushchev gave his Secret Speech against Stalin, not when he took power"),),
    ),
    EventPattern("the Secret Speech", (r"secret speech", r"speech (to|at) the (20th|twentieth) (party )?congress"), ("secret-speech",)),
    EventPattern("Stalin's death", (r"stalin('s)? death|death of stalin|stalin died|stalin dies", ), ("stalin-dies",)),
    EventPattern("the end of the Korean War", (r"korean war (ended|end)|end of the korean war|korean armistice", ), ("korean-armistice",)),
    EventPattern("the Warsaw Pact", (r"warsaw pact\b[^.;]{0,40}\b(signed|formed|set up|created|founded|established|began)|(formation|creation|signing) of the warsaw pact", ), ("warsaw-pact-signed",)),
    EventPattern("West Germany joining NATO", (r"west germany\b[^.;]{0,30}\b(joined|entered|admitted|joining|entry|membership)[^.;]{0,15}\bnato|nato admitted west germany", ), ("frg-joins-nato",), also=("1955-05-09",)),
    EventPattern("the Geneva summit", (r"geneva summit|summit (at|in) geneva", ), ("geneva-summit-opens", "geneva-summit-ends")),
    EventPattern("the Hungarian uprising", (r"hungarian (uprising|revolution|revolt|rising)|(uprising|revolution|revolt|rising) in hungary|invasion of hungary|invaded hungary", ), ("hungary-uprising-begins", "soviet-attack-budapest"), also=("1956-11-10",)),
    EventPattern("Sputnik 2", (r"sputnik (2|ii)\b|\blaika\b", ), ("sputnik-2",)),
    EventPattern("Sputnik", (r"sputnik(?! (2|ii)\b)", ), ("sputnik-1",)),
    EventPattern("Khrushchev's Berlin ultimatum", (r"(berlin )?ultimatum", ), ("khrushchev-berlin-speech", "berlin-ultimatum")),
    EventPattern("the Camp David talks", (r"camp david", ), ("khrushchev-arrives-usa", "camp-david-statement")),
    EventPattern(
        "Anderson's U-2 shot down over Cuba",
        (r"\bu-?2\b[^.;]{0,60}\b(shot down|downed)", r"(shot down|downed)[^.;]{0,40}\bu-?2\b"),
        ("anderson-u2-shot-down",),
        requires=(r"anderson|cuba",),
    ),
    EventPattern(
        "the U-2 shot down over the USSR",
        (r"\bu-?2\b[^.;]{0,60}\b(shot down|downed|incident|affair|crisis)", r"(shot down|downed)[^.;]{0,40}\bu-?2\b", r"gary powers"),
        ("u2-shot-down", "u2-eisenhower-press"),
        requires=(r"^(?!.*(anderson|cuba)).*$",),
    ),
    EventPattern("the Paris summit", (r"paris summit|summit (in|at) paris", ), ("paris-khrushchev-demands", "paris-summit-collapses"), also=("1960-05-17",)),
    EventPattern("the Bay of Pigs", (r"bay of pigs", ), ("bay-of-pigs-landing", "bay-of-pigs-defeat")),
    EventPattern("the Vienna summit", (r"vienna summit|summit (in|at) vienna|met (in|at) vienna", ), ("vienna-summit", "vienna-aide-memoire")),
    EventPattern(
        "the building of the Berlin Wall",
        (r"\bwall\b[^.;]{0,40}\b(built|erected|went up|put up|constructed|began|begun|goes up|was started)",
         r"(building|construction|erection|built|put up)[^.;]{0,20}\b(the )?(berlin )?wall\b"),
        ("wall-begins",),
        confusions=(("1948", "1948 is the year the Berlin Blockade began, not the Wall"), ("1949", "1949 is the end of the Berlin Blockade, not the Wall")),
    ),
    EventPattern("the stand-off at Checkpoint Charlie", (r"checkpoint charlie", ), ("checkpoint-charlie-standoff", "checkpoint-charlie-withdrawal")),
    EventPattern("the Cuban Missile Crisis", (r"(cuban )?missile crisis", r"thirteen days"), ("u2-finds-missile-sites", "khrushchev-broadcast-acceptance")),
    EventPattern("the hotline", (r"hot ?-?line|direct communications? link", ), ("hotline-agreement",), also=("1963-08-30",)),
    EventPattern("the Test Ban Treaty", (r"test[- ]ban treaty", ), ("test-ban-initialled", "test-ban-signed", "test-ban-in-force")),
    EventPattern("Castro taking power", (r"castro\b[^.;]{0,30}\b(came to|took|seized|won) power|batista (fled|was overthrown)|cuban revolution (won|triumphed|succeeded)", ), ("batista-flees",), also=("1958-12-31",)),
)

CHAPTER_TITLES_HINT = "see the chapter {chapter!r} of the book"


@dataclass(frozen=True)
class _When:
    """A date as written: year, and month and day where the writer gave them."""

    text: str
    start: int
    end: int
    year: int
    month: int | None = None
    day: int | None = None
    season: str | None = None

    def describe(self) -> str:
        return self.text.strip()

    def matches(self, first: _dt.date, last: _dt.date) -> bool:
        """Whether this date, at the precision it was written, overlaps first..last."""
        if self.day is not None and self.month is not None:
            try:
                day = _dt.date(self.year, self.month, self.day)
            except ValueError:
                return False
            return first <= day <= last
        if self.month is not None:
            span = (_dt.date(self.year, self.month, 1), _month_end(self.year, self.month))
        elif self.season is not None:
            a, b = SEASONS[self.season]
            if a <= b:
                span = (_dt.date(self.year, a, 1), _month_end(self.year, b))
            else:
                span = (_dt.date(self.year, 12, 1), _month_end(self.year + 1, b))
        else:
            span = (_dt.date(self.year, 1, 1), _dt.date(self.year, 12, 31))
        return span[0] <= last and first <= span[1]

    def matches_prefix(self, prefix: str) -> bool:
        """Whether this date is the one named by ``prefix`` ("1956-02", "1948")."""
        parts = [int(p) for p in prefix.split("-")]
        if parts[0] != self.year:
            return False
        if len(parts) > 1 and self.month != parts[1]:
            return False
        return True


def _month_end(year: int, month: int) -> _dt.date:
    if month == 12:
        return _dt.date(year, 12, 31)
    return _dt.date(year, month + 1, 1) - _dt.timedelta(days=1)


def _year(text: str) -> int:
    value = int(text)
    return 1900 + value if value < 100 else value


def find_dates(sentence: str) -> list[_When]:
    """Every date written in ``sentence``, most precise form first, without overlaps."""
    found: list[_When] = []
    taken: list[tuple[int, int]] = []

    def add(match: re.Match, **parts) -> None:
        start, end = match.span()
        if any(a < end and start < b for a, b in taken):
            return
        taken.append((start, end))
        found.append(_When(sentence[start:end], start, end, **parts))

    low = sentence.lower()
    for m in re.finditer(rf"\b{_DAY}\s+(?:of\s+)?{_MONTH},?\s+{_YEAR}\b", low):
        add(m, year=int(m.group(3)), month=MONTHS[m.group(2)], day=int(m.group(1)))
    for m in re.finditer(rf"\b{_MONTH}\s+{_DAY},?\s+{_YEAR}\b", low):
        add(m, year=int(m.group(3)), month=MONTHS[m.group(1)], day=int(m.group(2)))
    for m in re.finditer(r"\b(\d{1,2})[/.](\d{1,2})[/.](\d{4}|\d{2})\b", low):
        day, month = int(m.group(1)), int(m.group(2))
        if 1 <= month <= 12 and 1 <= day <= 31:
            add(m, year=_year(m.group(3)), month=month, day=day)
    for m in re.finditer(rf"\b{_MONTH}\s+(?:of\s+)?{_YEAR}\b", low):
        add(m, year=int(m.group(2)), month=MONTHS[m.group(1)])
    for m in re.finditer(rf"\b(spring|summer|autumn|fall|winter)\s+(?:of\s+)?{_YEAR}\b", low):
        add(m, year=int(m.group(2)), season=m.group(1))
    for m in re.finditer(rf"\b{_YEAR}\s*(?:-|–|—|to)\s*(\d{{2,4}})\b", low):
        # a range of years is not a date of one event: take it out of play
        taken.append(m.span())
    for m in re.finditer(rf"(?<![\d,.])\b{_YEAR}\b(?![\d,])", low):
        add(m, year=int(m.group(1)))
    return sorted(found, key=lambda when: when.start)


@dataclass
class Flag:
    """One claim in the text that the book's data contradicts."""

    claim: str
    says: str
    data: str
    source: str
    chapter: str
    sure: str
    message: str
    topic: str = ""

    def __str__(self) -> str:
        return self.message


@dataclass
class Report:
    """What ``factcheck`` found: ``.flags`` (a list of :class:`Flag`) and ``.checked``, the claims it could judge."""

    flags: list[Flag] = field(default_factory=list)
    checked: list[str] = field(default_factory=list)
    error: str = ""

    @property
    def passed(self) -> bool:
        return not self.flags and not self.error

    def __bool__(self) -> bool:
        return self.passed

    def __str__(self) -> str:
        if self.error:
            return self.error
        lines = []
        if self.flags:
            lines.append(f"{len(self.flags)} claim{'s' if len(self.flags) != 1 else ''} the book's data disagrees with:")
            lines += [f"- {flag.message}" for flag in self.flags]
        else:
            lines.append("No claim that the book's data can settle disagrees with it.")
        judged = len(self.checked)
        lines.append(
            f"Checked {judged} date{'s' if judged != 1 else ''} or figure{'s' if judged != 1 else ''} against the book's tables. "
            "Claims it could not tie to one event and one date were not judged: check those yourself."
        )
        return "\n".join(lines)

    __repr__ = __str__

    def _repr_html_(self) -> str:
        status = "passed" if self.passed else "failed"
        lines = str(self).split("\n")
        return (
            f'<div class="check-result check-{status}" role="status"><strong>Check my facts</strong><br>'
            + "<br>".join(html.escape(line) for line in lines)
            + "</div>"
        )


def _sentences(text: str) -> list[str]:
    parts = re.split(r"(?<=[.!?])\s+(?=[A-Z\"'“(0-9])|\n\s*\n", text)
    return [part.strip() for part in parts if part.strip()]


def _nice(day: _dt.date) -> str:
    return f"{day.day} {day.strftime('%B')} {day.year}"


def _span_text(first: _dt.date, last: _dt.date) -> str:
    if first == last:
        return _nice(first)
    if first.year == last.year and first.month == last.month:
        return f"{first.day}–{last.day} {first.strftime('%B')} {first.year}"
    return f"{_nice(first)} to {_nice(last)}"


def _event_flags(sentence: str, events: dict[str, dict], report: Report) -> None:
    low = sentence.lower()
    mentions = []
    for pattern in EVENT_PATTERNS:
        rows = [events[e] for e in pattern.events if e in events]
        if not rows:
            continue
        if any(not re.search(required, low, re.S) for required in pattern.requires):
            continue
        for regex in pattern.patterns:
            match = re.search(regex, low)
            if match:
                mentions.append((match.start(), match.end(), pattern, rows))
                break
    if not mentions:
        return
    # one name per place in the sentence: a longer pattern at the same place wins ("Sputnik 2" over "Sputnik")
    dates = find_dates(sentence)
    if not dates:
        return
    if len(mentions) > 1 and len(dates) > 1:
        pairs = []
        for when in dates:
            nearest = min(mentions, key=lambda m: min(abs(when.start - m[1]), abs(m[0] - when.end)))
            pairs.append((nearest, when))
        # a date is judged only if it is the nearest date of its event too
        chosen = []
        for mention, when in pairs:
            closest = min(dates, key=lambda d: min(abs(d.start - mention[1]), abs(mention[0] - d.end)))
            if closest is when:
                chosen.append((mention, when))
    elif len(mentions) > 1:
        # several events and one date: too unsure to judge
        return
    else:
        chosen = [(mentions[0], when) for when in dates[:1]] if len(dates) == 1 else []
        if len(dates) > 1:
            mention = mentions[0]
            closest = min(dates, key=lambda d: min(abs(d.start - mention[1]), abs(mention[0] - d.end)))
            chosen = [(mention, closest)]
    for (start, end, pattern, rows), when in chosen:
        days = sorted(row["date"] for row in rows)
        first, last = days[0], days[-1]
        extra = [_dt.date.fromisoformat(d) for d in pattern.also]
        report.checked.append(f"{pattern.name}: {when.describe()}")
        if when.matches(first, last) or any(when.matches(d, d) for d in extra):
            continue
        row = rows[0]
        why = ""
        for prefix, explanation in pattern.confusions:
            if when.matches_prefix(prefix):
                why = f" {explanation}."
        sure = "very sure" if (when.month is not None or abs(when.year - first.year) >= 1) else "fairly sure"
        data = _span_text(first, last)
        message = (
            f"You date {pattern.name} to {when.describe()}, but the book's events table gives {data}.{why} "
            f"Source: {row['source']} (on the book's Sources page); read more in the chapter '{row['chapter']}'. "
            f"({sure.capitalize()}: the sentence names this event and this date.)"
        )
        report.flags.append(Flag(sentence, when.describe(), data, row["source"], row["chapter"], sure, message, pattern.name))


_LEAVERS = r"(east germany|east germans?|the gdr|east berlin|the east|eastern zone|soviet zone|defectors|refugees)"
_LEFT = r"(left|fled|escaped|crossed|defected|emigrated|moved|went|gone)"
_NUMBER = r"(?<![\d/])(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)\s*(million|m\b|thousand|k\b)?"


def _number(text: str, unit: str | None) -> float:
    value = float(text.replace(",", ""))
    if unit in ("million", "m"):
        value *= 1_000_000
    elif unit in ("thousand", "k"):
        value *= 1_000
    return value


def _refugee_flags(sentence: str, refugees: list[dict], report: Report) -> None:
    low = sentence.lower()
    if not (re.search(_LEAVERS, low) and re.search(_LEFT, low)):
        return
    if "hungar" in low:
        return
    table_years = {row["year"]: row["refugees"] for row in refugees}
    first_year, last_year = min(table_years), max(table_years)
    span = re.search(r"\b(1[89]\d\d)\s*(?:-|–|—|to|and)\s*(\d{2,4})\b", low)
    if span:
        a = int(span.group(1))
        b = int(span.group(2))
        if b < 100:
            b += (a // 100) * 100
        claimed_range = (a, b)
    else:
        single = re.search(r"\b(?:in|during)\s+(19\d\d)\b", low)
        claimed_range = (int(single.group(1)),) * 2 if single else None
    numbers = []
    for m in re.finditer(_NUMBER, low):
        if span and span.start() <= m.start() < span.end():
            continue
        raw, unit = m.group(1), m.group(2)
        if unit is None and re.fullmatch(r"1[89]\d\d|20\d\d", raw):
            continue  # a year
        value = _number(raw, unit)
        if value >= 1000:
            numbers.append((m.group(0).strip(), value))
    if not numbers:
        return
    said, value = numbers[0]
    if claimed_range is None:
        years = range(first_year, last_year + 1)
        range_text = f"{first_year}–{last_year} (the part of {last_year} before the Wall)"
        sure = "fairly sure"
    else:
        lo, hi = max(claimed_range[0], first_year), min(claimed_range[1], last_year)
        if lo > hi:
            return
        years = range(lo, hi + 1)
        range_text = f"{lo}–{hi}" if lo != hi else str(lo)
        if claimed_range[0] < first_year:
            range_text += f" (the table starts in {first_year}, so {claimed_range[0]} is not counted)"
        sure = "very sure"
    total = sum(table_years[y] for y in years if y in table_years)
    report.checked.append(f"refugees {range_text}: {said}")
    if 0.8 * total <= value <= 1.25 * total:
        return
    source = refugees[0]["source"]
    direction = "far too low" if value < total else "too high"
    factor = total / value if value else 0
    times = f" (about {factor:.0f} times as many)" if value and factor >= 3 else ""
    message = (
        f"You say {said} left, but the book's refugee table counts about {total:,} registered refugees for {range_text}{times}: "
        f"your figure is {direction}. Other counts run from about 2.3 million (a CIA survey, 1948 to the Wall) to about 2.7 million "
        f"(1949 to August 1961). Source: {source} (on the book's Sources page); read more in the chapter 'berlin'. ({sure.capitalize()}.)"
    )
    report.flags.append(Flag(sentence, said, f"{total:,}", source, "berlin", sure, message, "refugees from East Germany"))


def factcheck(text: str) -> Report:
    """Flag the dates and figures in ``text`` that the book's data contradicts.

    Returns a :class:`Report`; ``print(report)`` lists the flags, each with the right figure,
    its source key and the chapter to read.  It never raises: anything that is not text gets a
    report that says so.
    """
    report = Report()
    if not isinstance(text, str):
        report.error = f"factcheck needs your writing as a string of text, in quotes; it got {type(text).__name__}."
        return report
    text = text[:200_000]
    try:
        events = {row["id"]: row for row in load("events")}
        refugees = load("refugees")
        for sentence in _sentences(text):
            _event_flags(sentence, events, report)
            _refugee_flags(sentence, refugees, report)
    except Exception as error:  # the checker must never raise at a student
        report.error = f"The fact-checker could not read this text ({type(error).__name__}). Please tell your teacher."
    return report
