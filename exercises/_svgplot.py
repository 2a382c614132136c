"""Small charts as SVG text, with the Python standard library only.

The same call draws the same chart in Jupyter (which shows an object's ``_repr_svg_``) and in the
book's page, where Python runs in the browser and matplotlib is not available::

    from exercises import bar_chart, line_chart
    bar_chart(["1953", "1961"], [331, 207], title="Refugees", unit="thousand")
    line_chart([1955, 1960], {"USA": [2422, 18638]}, title="Warheads")

Each function returns a :class:`Chart`: ``.svg`` is the SVG text, ``.alt`` a description in words
for a screen reader, ``.table()`` the numbers as plain text.

Charts are drawn for a phone first: 400 units wide, text of 14 units or more, so text stays at
least 11 px high wherever the chart is shown 315 px wide or wider. Labels are always written out
in words by the caller; every piece of text is escaped, and the SVG has no script, no link and
nothing loaded from elsewhere.
"""

from __future__ import annotations

import html
import math
import textwrap

__all__ = ["Chart", "bar_chart", "line_chart", "range_map", "timeline_chart"]

WIDTH = 400
PAD = 10
FONT = 14  # body text, in SVG units: at 400 units across, 11 px on screen needs a display width of 315 px
SMALL = 14
TITLE = 16
LINE = 18  # line height of body text
CHARS = 48  # characters of body text that fit across the chart
PALETTE = ["#1f4e9c", "#b22222", "#2e7d32", "#6a3d9a", "#8c5a00", "#00707a"]
DASHES = ["", "6 4", "2 3", "8 3 2 3", "", "6 4"]


# The five characters XML gives a meaning to.  (Not xml.sax.saxutils.escape: that module imports urllib.request,
# http.client and email, a tenth of the time that `import exercises` takes in the page's Python.)
_ESCAPES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;"})


def _text(value) -> str:
    """Any value as escaped text for an SVG text node or a quoted attribute."""
    return str(value).translate(_ESCAPES)


def _wrap(value, width: int = CHARS) -> list[str]:
    lines: list[str] = []
    for part in str(value).splitlines() or [""]:
        lines.extend(textwrap.wrap(part, width) or [""])
    return lines


def _number(value: float, fmt: str) -> str:
    try:
        return fmt.format(value)
    except (ValueError, TypeError):
        return str(value)


def _ticks(low: float, high: float, count: int = 5) -> list[float]:
    """Round tick values covering low..high."""
    if high <= low:
        high = low + 1
    raw = (high - low) / count
    power = 10 ** math.floor(math.log10(raw))
    step = next(m * power for m in (1, 2, 2.5, 5, 10) if m * power >= raw)
    start = math.floor(low / step) * step
    ticks = []
    value = start
    while value <= high + step * 1e-9:
        ticks.append(round(value, 10))
        value += step
    if ticks[-1] < high:
        ticks.append(round(value, 10))
    return ticks


class Chart:
    """A drawn chart: ``.svg`` (text), ``.alt`` (words), ``.table()`` (numbers as text)."""

    def __init__(self, svg: str, alt: str, rows: list[tuple[str, list[str]]], columns: list[str]):
        self.svg = svg
        self.alt = alt
        self._rows = rows
        self._columns = columns

    def _repr_svg_(self) -> str:  # Jupyter shows this
        return self.svg

    def table(self) -> str:
        """The chart's numbers as a plain-text table, one row per line."""
        header = [""] + self._columns
        body = [[label] + values for label, values in self._rows]
        count = max(len(r) for r in [header] + body)
        header, body = header + [""] * (count - len(header)), [r + [""] * (count - len(r)) for r in body]
        widths = [max(len(str(r[i])) for r in [header] + body) for i in range(len(header))]
        lines = ["  ".join(str(cell).ljust(w) for cell, w in zip(r, widths)).rstrip() for r in [header] + body]
        return "\n".join(lines)

    def __repr__(self) -> str:  # what a reader without images (or a screen reader in Jupyter) gets
        return self.alt + "\n\n" + self.table()

    def __add__(self, other: "Chart") -> "Chart":
        """Two charts one above the other, as one picture: ``bar_chart(...) + bar_chart(...)``."""
        if not isinstance(other, Chart):
            return NotImplemented
        parts, height = [], 0.0
        for chart in (self, other):
            h = float(chart.svg.split('viewBox="0 0 ', 1)[1].split('"', 1)[0].split()[1])
            inner = chart.svg.split(">", 1)[1].rsplit("</svg>", 1)[0]
            inner = inner.split("</desc>", 1)[1]  # drop the inner title and description
            parts.append(f'<svg x="0" y="{height:.0f}" width="{WIDTH}" height="{h:.0f}" viewBox="0 0 {WIDTH} {h:.0f}">{inner}</svg>')
            height += h
        canvas = _Canvas()
        canvas.parts = parts
        title = _title_of(self.svg) + "; " + _title_of(other.svg)
        alt = self.alt + " " + other.alt
        if self._columns == other._columns:
            rows, columns = self._rows + other._rows, self._columns
        else:  # one value column, each row saying what its number counts
            rows = [(f"{label} ({', '.join(chart._columns)})", cells) for chart in (self, other) for label, cells in chart._rows]
            columns = ["value"]
        return Chart(canvas.finish(height - PAD, title, alt), alt, rows, columns)

    def save(self, path) -> None:
        """Write the SVG to a file."""
        with open(path, "w", encoding="utf-8") as handle:
            handle.write(self.svg)


def _title_of(svg: str) -> str:
    return html.unescape(svg.split('<title id="chart-title">', 1)[1].split("</title>", 1)[0])


class _Canvas:
    def __init__(self):
        self.parts: list[str] = []

    def text(self, x, y, value, *, size=FONT, anchor="start", weight="normal", style="normal", fill="#111", halo=False):
        extra = ' stroke="#fff" stroke-width="3" paint-order="stroke"' if halo else ""
        self.parts.append(
            f'<text x="{x:.1f}" y="{y:.1f}" font-size="{size}" text-anchor="{anchor}" font-weight="{weight}" '
            f'font-style="{style}" fill="{fill}"{extra}>{_text(value)}</text>'
        )

    def rect(self, x, y, w, h, fill, *, stroke="none", dash=""):
        extra = f' stroke-dasharray="{dash}"' if dash else ""
        self.parts.append(
            f'<rect x="{x:.1f}" y="{y:.1f}" width="{max(w, 0):.1f}" height="{max(h, 0):.1f}" fill="{fill}" stroke="{stroke}"{extra}/>'
        )

    def line(self, x1, y1, x2, y2, stroke="#111", width=1.0, dash=""):
        extra = f' stroke-dasharray="{dash}"' if dash else ""
        self.parts.append(
            f'<line x1="{x1:.1f}" y1="{y1:.1f}" x2="{x2:.1f}" y2="{y2:.1f}" stroke="{stroke}" stroke-width="{width}"{extra}/>'
        )

    def polyline(self, points, stroke, width=2.0, dash=""):
        extra = f' stroke-dasharray="{dash}"' if dash else ""
        pts = " ".join(f"{x:.1f},{y:.1f}" for x, y in points)
        self.parts.append(f'<polyline points="{pts}" fill="none" stroke="{stroke}" stroke-width="{width}"{extra}/>')

    def marker(self, x, y, colour, shape: int):
        if shape % 2:
            self.parts.append(f'<rect x="{x - 4:.1f}" y="{y - 4:.1f}" width="8" height="8" fill="{colour}"/>')
        else:
            self.parts.append(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="4.5" fill="{colour}"/>')

    def title_block(self, title: str, subtitle: str, y: float) -> float:
        for line in _wrap(title, 44):
            y += TITLE + 4
            self.text(PAD, y, line, size=TITLE, weight="bold")
        for line in _wrap(subtitle):
            y += LINE
            self.text(PAD, y, line, size=SMALL, fill="#333")
        return y

    def legend(self, names: list[str], y: float, bars: bool) -> float:
        for i, name in enumerate(names):
            colour = PALETTE[i % len(PALETTE)]
            y += LINE + 2
            if bars:
                self.rect(PAD, y - 11, 18, 11, colour)
            else:
                self.line(PAD, y - 5, PAD + 22, y - 5, colour, 2.5, DASHES[i % len(DASHES)])
                self.marker(PAD + 11, y - 5, colour, i)
            for n, line in enumerate(_wrap(name, 44)):
                self.text(PAD + 28, y + n * LINE, line)
                if n:
                    y += LINE
        return y

    def finish(self, height: float, title: str, alt: str) -> str:
        height = math.ceil(height + PAD)
        head = (
            f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {height}" width="{WIDTH}" height="{height}" '
            f'role="img" aria-labelledby="chart-title chart-desc" font-family="Arial, Helvetica, sans-serif">'
            f'<title id="chart-title">{_text(title)}</title><desc id="chart-desc">{_text(alt)}</desc>'
            f'<rect width="100%" height="100%" fill="#fff"/>'
        )
        return head + "".join(self.parts) + "</svg>"


def _series(values, labels_count: int) -> dict[str, list]:
    if isinstance(values, dict):
        series = {str(k): list(v) for k, v in values.items()}
    else:
        series = {"": list(values)}
    for name, vals in series.items():
        if len(vals) != labels_count:
            raise ValueError(f"series {name!r} has {len(vals)} values for {labels_count} labels")
    return series


def bar_chart(labels, values, *, title: str, subtitle: str = "", unit: str = "", value_format: str = "{:,}",
              notes: dict | None = None, maximum: float | None = None, scale: tuple[str, str] | None = None) -> Chart:
    """Horizontal bars, one row per label, the label written above its bar (it reads on a phone).

    ``values`` is a list of numbers, or a dict ``{series name: list}`` for bars side by side
    (``None`` leaves a bar out). ``notes`` maps a label to a line printed under its row.
    ``scale`` names the two ends of the axis, e.g. ``("0 = warm", "10 = brink of war")``.
    """
    labels = [str(label) for label in labels]
    series = _series(values, len(labels))
    notes = {str(k): v for k, v in (notes or {}).items()}
    numbers = [v for vals in series.values() for v in vals if v is not None]
    top = maximum if maximum is not None else max([0, *numbers]) or 1
    low = min([0, *numbers])
    ticks = _ticks(low, top)
    low, top = ticks[0], ticks[-1]
    canvas = _Canvas()
    y = canvas.title_block(title, subtitle, 0)
    names = [n for n in series if n]
    if len(names) > 1:
        y = canvas.legend(names, y + 4, bars=True)
    left, right = PAD, WIDTH - PAD - 62
    span = right - left

    def at(v):
        return left + (v - low) / (top - low) * span

    y += 14
    axis_top = y
    grid_at = len(canvas.parts)
    bar_h = 14 if len(series) == 1 else 10
    rows = []
    for i, label in enumerate(labels):
        for line in _wrap(label):
            y += LINE
            canvas.text(PAD, y, line)
        y += 4
        cells = []
        for s, (name, vals) in enumerate(series.items()):
            v = vals[i]
            colour = PALETTE[s % len(PALETTE)]
            if v is not None:
                x0, x1 = sorted((at(0), at(v)))
                canvas.rect(x0, y, x1 - x0, bar_h, colour)
                shown = _number(v, value_format) + (f" {unit}" if unit and len(series) == 1 else "")
                canvas.text(max(x1, at(0)) + 4, y + bar_h - 2, shown, size=SMALL)
                cells.append(_number(v, value_format))
            else:
                cells.append("–")
            y += bar_h + 2
        if label in notes:
            for line in _wrap(notes[label], 48):
                y += LINE - 2
                canvas.text(PAD + 4, y, line, size=SMALL, style="italic", fill="#333")
        rows.append((label, cells))
        y += 6
    body = canvas.parts[grid_at:]
    del canvas.parts[grid_at:]
    for t in ticks:
        canvas.line(at(t), axis_top, at(t), y, "#ccc", 1, "2 3")
    canvas.line(at(0), axis_top, at(0), y, "#555", 1)
    canvas.parts.extend(body)
    y += LINE
    for t in (ticks[0], ticks[len(ticks) // 2], ticks[-1]):
        canvas.text(at(t), y, _number(t, value_format), size=SMALL, anchor="middle" if t not in (ticks[0], ticks[-1]) else ("start" if t == ticks[0] else "end"))
    if scale:
        y += LINE
        canvas.text(left, y, scale[0], size=SMALL, fill="#333")
        canvas.text(right, y, scale[1], size=SMALL, anchor="end", fill="#333")
    if unit:
        y += LINE
        canvas.text(left, y, f"({unit})", size=SMALL, fill="#333")
    columns = names or [unit or "value"]
    parts = []
    for label, cells in rows:
        parts.append(f"{label}: " + ", ".join(f"{n} {c}".strip() if n else c for n, c in zip(names or [""], cells)))
    alt = f"{title}. Bar chart{' of ' + unit if unit else ''} with {len(labels)} rows. " + "; ".join(parts) + "."
    return Chart(canvas.finish(y, title, alt), alt, rows, columns)


def line_chart(x, series, *, title: str, subtitle: str = "", xlabel: str = "", ylabel: str = "",
               value_format: str = "{:,}", bands=(), markers=(), minimum: float | None = 0) -> Chart:
    """Lines over a numeric x axis (years, say), one per entry of ``series`` ``{name: values}``.

    ``bands`` is a list of ``(x_from, x_to, label)`` shaded spans and ``markers`` a list of
    ``(x, label)`` vertical lines; their labels are written in a key under the chart, numbered.
    """
    xs = list(x)
    series = _series(series, len(xs))
    numbers = [v for vals in series.values() for v in vals if v is not None]
    low = min(numbers) if minimum is None else min([minimum, *numbers])
    ticks = _ticks(low, max(numbers) if numbers else 1)
    ylow, yhigh = ticks[0], ticks[-1]
    canvas = _Canvas()
    y = canvas.title_block(title, subtitle, 0)
    y = canvas.legend(list(series), y + 4, bars=False)
    if ylabel:
        y += LINE + 4
        canvas.text(PAD, y, ylabel, size=SMALL, fill="#333")
    y += 10
    top, height = y, 210
    bottom = top + height
    tick_w = max(len(_number(t, value_format)) for t in ticks) * 7.5 + 8
    left, right = PAD + tick_w, WIDTH - PAD - 6
    edges = [*xs, *(b[0] for b in bands), *(b[1] for b in bands), *(m[0] for m in markers)]
    xlow, xhigh = min(edges), max(edges)
    if xhigh == xlow:
        xhigh = xlow + 1

    def px(v):
        return left + (v - xlow) / (xhigh - xlow) * (right - left)

    def py(v):
        return bottom - (v - ylow) / (yhigh - ylow) * height

    key = []
    for n, (x0, x1, label) in enumerate(bands, 1):
        canvas.rect(px(max(x0, xlow)), top, px(min(x1, xhigh)) - px(max(x0, xlow)), height, "#e8e8e8")
        canvas.text((px(max(x0, xlow)) + px(min(x1, xhigh))) / 2, top + 14, f"[{n}]", size=SMALL, anchor="middle", fill="#333")
        key.append(f"[{n}] shaded: {label}")
    for t in ticks:
        canvas.line(left, py(t), right, py(t), "#ddd", 1)
        canvas.text(left - 5, py(t) + 4, _number(t, value_format), size=SMALL, anchor="end")
    canvas.line(left, bottom, right, bottom, "#555", 1)
    for m, (xm, label) in enumerate(markers, len(bands) + 1):
        canvas.line(px(xm), top, px(xm), bottom, "#111", 1.2, "5 4")
        canvas.text(px(xm) + 3, top + 14 + 16 * ((m - len(bands) - 1) % 2), f"[{m}]", size=SMALL, fill="#111")
        key.append(f"[{m}] dashed line: {label}")
    for s, (name, vals) in enumerate(series.items()):
        colour = PALETTE[s % len(PALETTE)]
        pts = [(px(a), py(b)) for a, b in zip(xs, vals) if b is not None]
        if len(pts) > 1:
            canvas.polyline(pts, colour, 2.5, DASHES[s % len(DASHES)])
        for px_, py_ in pts:
            canvas.marker(px_, py_, colour, s)
    xt = _ticks(xlow, xhigh, 4) if not all(isinstance(v, int) for v in xs) or len(xs) > 6 else xs
    for t in xt:
        if xlow <= t <= xhigh:
            canvas.line(px(t), bottom, px(t), bottom + 4, "#555", 1)
            canvas.text(px(t), bottom + 18, _number(t, "{}") if float(t).is_integer() and abs(t) > 999 else _number(t, value_format), size=SMALL, anchor="middle")
    y = bottom + 18
    if xlabel:
        y += LINE
        canvas.text((left + right) / 2, y, xlabel, size=SMALL, anchor="middle", fill="#333")
    for entry in key:
        for line in _wrap(entry, 48):
            y += LINE
            canvas.text(PAD, y, line, size=SMALL, fill="#333")
    rows = [(str(a), [_number(vals[i], value_format) if vals[i] is not None else "–" for vals in series.values()])
            for i, a in enumerate(xs)]
    described = "; ".join(
        f"{name}: " + ", ".join(f"{a} {_number(b, value_format)}" for a, b in zip(xs, vals) if b is not None)
        for name, vals in series.items()
    )
    alt = f"{title}. Line chart{' of ' + ylabel if ylabel else ''}. {described}." + (" " + " ".join(key) if key else "")
    return Chart(canvas.finish(y, title, alt), alt, rows, list(series))


def _destination(lat: float, lon: float, bearing: float, km: float, radius: float = 6371.0) -> tuple[float, float]:
    """The point reached from (lat, lon) after km along a great circle with the given bearing."""
    phi1, lam1 = math.radians(lat), math.radians(lon)
    theta, delta = math.radians(bearing), km / radius
    phi2 = math.asin(math.sin(phi1) * math.cos(delta) + math.cos(phi1) * math.sin(delta) * math.cos(theta))
    lam2 = lam1 + math.atan2(math.sin(theta) * math.sin(delta) * math.cos(phi1),
                             math.cos(delta) - math.sin(phi1) * math.sin(phi2))
    return math.degrees(phi2), math.degrees(lam2)


def _outlines(region: str) -> dict:
    import json
    from importlib import resources

    text = resources.files("exercises.data").joinpath(f"outlines_{region}.json").read_text(encoding="utf-8")
    return json.loads(text)[region]


def range_map(centre, rings, *, places=(), sites=(), title: str, subtitle: str = "") -> Chart:
    """A map of North America and the Caribbean with range rings drawn round one point.

    ``centre`` is ``(lat, lon, name)``; ``rings`` a list of ``(km, label)``, drawn as great circles;
    ``places`` and ``sites`` lists of ``(lat, lon, name)`` (sites are drawn as triangles).
    Coastlines: Natural Earth (public domain), shipped with the package.
    """
    region = _outlines("americas")
    west, south, east, north = region["bbox"]
    mid = math.cos(math.radians((south + north) / 2))
    canvas = _Canvas()
    y = canvas.title_block(title, subtitle, 0)
    y += 10
    left, right = PAD, WIDTH - PAD
    scale = (right - left) / ((east - west) * mid)
    top = y
    bottom = top + (north - south) * scale

    def xy(lat, lon):
        return left + (lon - west) * mid * scale, bottom - (lat - south) * scale

    canvas.parts.append(f'<clipPath id="map-area"><rect x="{left}" y="{top:.1f}" width="{right - left}" '
                        f'height="{bottom - top:.1f}"/></clipPath>')
    canvas.rect(left, top, right - left, bottom - top, "#dbe9f4")
    canvas.parts.append('<g clip-path="url(#map-area)">')
    for name, polygons in sorted(region["countries"].items()):
        for flat in polygons:
            pts = " ".join(f"{x:.1f},{yy:.1f}" for x, yy in (xy(flat[i + 1], flat[i]) for i in range(0, len(flat), 2)))
            fill = "#f4f1e8" if name in ("United States of America", "Cuba") else "#e4e1d8"
            canvas.parts.append(f'<polygon points="{pts}" fill="{fill}" stroke="#8a8a8a" stroke-width="0.6"/>')
    ring_rows = []
    for i, (km, label) in enumerate(rings):
        colour = PALETTE[i % len(PALETTE)]
        pts = [xy(*_destination(centre[0], centre[1], bearing, km)) for bearing in range(0, 361, 3)]
        canvas.polyline(pts, colour, 2.2, DASHES[i % len(DASHES)])
        ring_rows.append((str(label), [f"{km:,.0f}"]))
    for lat, lon, name in places:
        x, yy = xy(lat, lon)
        canvas.parts.append(f'<circle cx="{x:.1f}" cy="{yy:.1f}" r="3" fill="#111"/>')
        if x > right - 100:
            canvas.text(x - 4, yy - 3, name, size=SMALL, anchor="end", halo=True)
        else:
            canvas.text(x + 4, yy - 3, name, size=SMALL, halo=True)
    for lat, lon, name in sites:
        x, yy = xy(lat, lon)
        canvas.parts.append(f'<polygon points="{x:.1f},{yy - 6:.1f} {x - 5:.1f},{yy + 4:.1f} {x + 5:.1f},{yy + 4:.1f}" fill="#c00" stroke="#fff" stroke-width="0.8"/>')
    canvas.parts.append("</g>")
    canvas.rect(left, top, right - left, bottom - top, "none", stroke="#555")
    y = bottom
    y = canvas.legend([f"{label}: {km:,.0f} km" for km, label in rings], y + 2, bars=False)
    if sites:
        y += LINE + 2
        canvas.parts.append(f'<polygon points="{PAD + 11},{y - 12} {PAD + 6},{y - 2} {PAD + 16},{y - 2}" fill="#c00"/>')
        canvas.text(PAD + 28, y, "Soviet missile sites in Cuba")
    y += LINE
    canvas.text(PAD, y, f"Rings drawn round {centre[2]}. Coastlines: Natural Earth.", size=SMALL, fill="#333")
    alt = (f"{title}. Map of North America and the Caribbean with rings round {centre[2]} at "
           + "; ".join(f"{km:,.0f} km ({label})" for km, label in rings)
           + (". Places marked: " + ", ".join(p[2] for p in places) if places else "") + ".")
    return Chart(canvas.finish(y, title, alt), alt, ring_rows, ["km"])


def timeline_chart(events, *, title: str, subtitle: str = "", lanes=None, band=None) -> Chart:
    """Dated events as a vertical list (it reads on a phone), one marker per event coloured by its lane.

    ``events`` is a list of ``(date, text)`` or ``(date, text, lane)`` tuples, ``date`` a
    ``datetime.date``; ``lanes`` orders and names the lanes (default: in order of first use).
    ``band`` is ``(first_date, last_date, label)``: the events between are marked with a bar.
    """
    rows = sorted((tuple(e) + ("",))[:3] for e in events)
    names = list(lanes or dict.fromkeys(row[2] for row in rows))
    canvas = _Canvas()
    y = canvas.title_block(title, subtitle, 0)
    if any(names):
        y += 4
        for i, name in enumerate(names):
            y += LINE + 2
            canvas.marker(PAD + 9, y - 5, PALETTE[i % len(PALETTE)], i)
            canvas.text(PAD + 28, y, name)
    if band:
        y += LINE + 2
        canvas.rect(PAD + 5, y - 12, 8, 14, "#f2e3c6")
        canvas.text(PAD + 28, y, band[2])
    y += 12
    x_line = PAD + 9
    top = y
    line_at = len(canvas.parts)
    table = []
    for day, text, lane in rows:
        lines = _wrap(text, 44)
        height = LINE * (len(lines) + 1) + 6
        if band and band[0] <= day <= band[1]:
            canvas.rect(PAD + 5, y, 8, height, "#f2e3c6")
        index = names.index(lane) if lane in names else 0
        canvas.marker(x_line, y + 9, PALETTE[index % len(PALETTE)], index)
        label = f"{day.day} {day:%B %Y}" + (f" ({lane})" if lane and len(names) > 1 else "")
        canvas.text(x_line + 16, y + 13, label, weight="bold")
        for n, line in enumerate(lines):
            canvas.text(x_line + 16, y + 13 + LINE * (n + 1), line)
        table.append((f"{day:%Y-%m-%d}", [text] + ([lane] if any(names) else [])))
        y += height
    canvas.line(x_line, top, x_line, y, "#999", 1.5)
    canvas.parts.insert(line_at, canvas.parts.pop())  # the line goes under the markers
    alt = f"{title}. Timeline of {len(rows)} events: " + "; ".join(
        f"{day.day} {day:%B %Y}{', ' + lane if lane else ''}: {text}" for day, text, lane in rows) + "."
    return Chart(canvas.finish(y, title, alt), alt, table, ["event"] + (["lane"] if any(names) else []))
