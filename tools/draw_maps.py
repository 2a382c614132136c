"""Draw the book's maps, diagrams and chapter timelines as SVG files in book/images/.

Everything is drawn from data that ships with the book: the country outlines in book/_maps/outlines.json
(Natural Earth, public domain; made by tools/make_basemap.py), the points in book/_maps/places.toml and
the tables of exercises/data (events, missile_sites, cities). Nothing is downloaded.

    python tools/draw_maps.py            # (re)write book/images/*.svg
    python tools/draw_maps.py --check    # exit 1 if a committed drawing is out of date

Each drawing is 400 units wide with text of 14 units or more, so text stays at least 11 px high when a
phone shows it 315 px wide. book/images/images.toml records each drawing's title, chapter(s), sources
and licence; tests/test_images.py checks that every image the chapters show is recorded there.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import math
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from exercises import load  # noqa: E402
from exercises._svgplot import LINE, PAD, SMALL, WIDTH, _Canvas, _wrap  # noqa: E402
from tools.make_basemap import clip, thin  # noqa: E402

OUT = ROOT / "book" / "images"
OUTLINES = json.loads((ROOT / "book" / "_maps" / "outlines.json").read_text(encoding="utf-8"))
PLACES = tomllib.loads((ROOT / "book" / "_maps" / "places.toml").read_text(encoding="utf-8"))
CITY = {name: tuple(value) for name, value in PLACES["cities"].items()}

NATO_1955 = {"United States of America", "Canada", "United Kingdom", "France", "Belgium", "Netherlands",
             "Luxembourg", "Norway", "Denmark", "Iceland", "Italy", "Portugal", "Greece", "Turkey", "Germany"}
SOVIET_UNION = {"Russia", "Ukraine", "Belarus", "Lithuania", "Latvia", "Estonia", "Moldova", "Georgia", "Armenia",
                "Azerbaijan", "Kazakhstan", "Uzbekistan", "Turkmenistan", "Kyrgyzstan", "Tajikistan"}
WARSAW_1955 = SOVIET_UNION | {"Poland", "Czechia", "Slovakia", "Hungary", "Romania", "Bulgaria", "Albania"}
NEUTRAL_1955 = {"Austria", "Switzerland", "Sweden", "Finland", "Ireland", "Yugoslavia", "Serbia", "Croatia",
                "Slovenia", "Bosnia and Herz.", "Montenegro", "Kosovo", "Macedonia"}
BLUE, RED, GREY, SEA, LAND, ORANGE = "#9cc3e6", "#f0a8a0", "#d9d9cf", "#dbe9f4", "#eeebe2", "#f5b041"


class Map:
    """A region of outlines in an equirectangular projection scaled by the cosine of the middle latitude."""

    def __init__(self, region: str, title: str, subtitle: str = "", box=None):
        data = OUTLINES[region]
        self.countries = data["countries"]
        self.west, self.south, self.east, self.north = box or data["bbox"]
        self.mid = math.cos(math.radians((self.south + self.north) / 2))
        self.canvas = _Canvas()
        self.title = title
        y = self.canvas.title_block(title, subtitle, 0) + 10
        self.left, self.right = PAD, WIDTH - PAD
        self.scale = (self.right - self.left) / ((self.east - self.west) * self.mid)
        self.top = y
        self.bottom = y + (self.north - self.south) * self.scale
        self.key: list[tuple[str, str, str]] = []
        self.alt: list[str] = []
        c = self.canvas
        c.parts.append(f'<clipPath id="m"><rect x="{self.left}" y="{self.top:.1f}" width="{self.right - self.left}" '
                       f'height="{self.bottom - self.top:.1f}"/></clipPath>')
        c.rect(self.left, self.top, self.right - self.left, self.bottom - self.top, SEA)
        c.parts.append('<g clip-path="url(#m)">')

    def xy(self, lat, lon):
        return self.left + (lon - self.west) * self.mid * self.scale, self.bottom - (lat - self.south) * self.scale

    def points(self, flat):
        return " ".join(f"{x:.1f},{y:.1f}" for x, y in (self.xy(flat[i + 1], flat[i]) for i in range(0, len(flat), 2)))

    def countries_by(self, colour_of):
        step = 1.2 / self.scale  # about one unit of the drawing
        for name, rings in sorted(self.countries.items()):
            for flat in rings:
                ring = [(flat[i], flat[i + 1]) for i in range(0, len(flat), 2)]
                ring = thin(clip(ring, self.west - 1, self.south - 1, self.east + 1, self.north + 1), step)
                if len(ring) < 3:
                    continue
                pts = " ".join(f"{x:.1f},{y:.1f}" for x, y in (self.xy(lat, lon) for lon, lat in ring))
                self.canvas.parts.append(f'<polygon points="{pts}" fill="{colour_of(name)}" stroke="#fff" stroke-width="0.6"/>')

    def polygon(self, latlons, fill, stroke="none", width=1.0, dash=""):
        pts = " ".join(f"{x:.1f},{y:.1f}" for x, y in (self.xy(a, b) for a, b in latlons))
        extra = f' stroke-dasharray="{dash}"' if dash else ""
        self.canvas.parts.append(f'<polygon points="{pts}" fill="{fill}" stroke="{stroke}" stroke-width="{width}"{extra}/>')

    def line(self, latlons, stroke, width=2.0, dash=""):
        self.canvas.polyline([self.xy(a, b) for a, b in latlons], stroke, width, dash)

    def place(self, name, label=None, *, right=True, dy=-4, mark="dot", colour="#111"):
        lat, lon = CITY[name] if isinstance(name, str) else name
        x, y = self.xy(lat, lon)
        if mark == "star":
            r = 6
            pts = " ".join(f"{x + r * (1 if i % 2 == 0 else 0.45) * math.sin(i * math.pi / 5):.1f},"
                           f"{y - r * (1 if i % 2 == 0 else 0.45) * math.cos(i * math.pi / 5):.1f}" for i in range(10))
            self.canvas.parts.append(f'<polygon points="{pts}" fill="{colour}" stroke="#fff" stroke-width="0.8"/>')
        elif mark == "triangle":
            self.canvas.parts.append(f'<polygon points="{x:.1f},{y - 6:.1f} {x - 5:.1f},{y + 4:.1f} {x + 5:.1f},{y + 4:.1f}" '
                                     f'fill="{colour}" stroke="#fff" stroke-width="0.8"/>')
        else:
            self.canvas.parts.append(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="3.2" fill="{colour}" stroke="#fff" stroke-width="0.8"/>')
        text = label or name
        for n, part in enumerate(text.split("\n")):
            if right:
                self.canvas.text(x + 6, y + dy + n * 15, part, size=SMALL, halo=True)
            else:
                self.canvas.text(x - 6, y + dy + n * 15, part, size=SMALL, anchor="end", halo=True)

    def label(self, lat, lon, text, *, size=SMALL, weight="normal", anchor="middle", style="normal"):
        x, y = self.xy(lat, lon)
        for n, part in enumerate(text.split("\n")):
            self.canvas.text(x, y + n * 15, part, size=size, anchor=anchor, weight=weight, style=style, halo=True)

    def swatch(self, colour, text, kind="box"):
        self.key.append((colour, text, kind))

    def finish(self, note: str) -> str:
        c = self.canvas
        c.parts.append("</g>")
        c.rect(self.left, self.top, self.right - self.left, self.bottom - self.top, "none", stroke="#555")
        y = self.bottom + 4
        for colour, text, kind in self.key:
            lines = _wrap(text, 44)
            y += LINE + 2
            if kind == "box":
                c.rect(PAD, y - 11, 18, 12, colour, stroke="#777")
            elif kind.startswith("line"):
                c.line(PAD, y - 5, PAD + 22, y - 5, colour, 2.5, kind[5:])
            elif kind == "star":
                c.text(PAD + 9, y, "★", size=16, anchor="middle", fill=colour)
            elif kind == "triangle":
                c.parts.append(f'<polygon points="{PAD + 9},{y - 11} {PAD + 4},{y - 1} {PAD + 14},{y - 1}" fill="{colour}"/>')
            else:
                c.parts.append(f'<circle cx="{PAD + 9}" cy="{y - 5}" r="4" fill="{colour}"/>')
            for n, line in enumerate(lines):
                c.text(PAD + 28, y + n * LINE, line)
            y += (len(lines) - 1) * LINE
        for line in _wrap(note, 50):
            y += LINE
            c.text(PAD, y, line, size=SMALL, fill="#333")
        alt = self.title + ". " + " ".join(self.alt)
        return c.finish(y, self.title, alt)


def east_germany(m: Map):
    """The GDR as a polygon: the part of today's Germany east of the recorded inner German border."""
    border = [tuple(p) for p in PLACES["inner_german_border"]["points"]]  # north to south

    def border_lon(lat):
        for (a_lat, a_lon), (b_lat, b_lon) in zip(border, border[1:]):
            low, high = sorted((a_lat, b_lat))
            if low <= lat <= high and a_lat != b_lat:
                return a_lon + (b_lon - a_lon) * (lat - a_lat) / (b_lat - a_lat)
        return None

    def east(lat, lon):
        if lat > border[0][0]:
            return lon > border[0][1]
        if lat < border[-1][0]:  # only the Vogtland reaches south of the meeting point, to about 50.2 N
            return lat > 50.15 and lon > border[-1][1]
        crossing = border_lon(lat)
        return crossing is not None and lon > crossing

    polygons = []
    for flat in m.countries["Germany"]:
        ring = [(flat[i + 1], flat[i]) for i in range(0, len(flat), 2)]
        flags = [east(*p) for p in ring]
        if all(flags):
            polygons.append(ring)
        elif any(flags):
            n = len(ring)
            runs = []
            for start in (i for i in range(n) if flags[i] and not flags[i - 1]):
                run, i = [], start
                while flags[i % n] and len(run) < n:
                    run.append(ring[i % n])
                    i += 1
                runs.append(run)
            run = max(runs, key=len)  # a stray point or two near the ends of the border is dropped
            # close the run along the border, from the run's end back to its start
            end_north = abs(run[-1][0] - border[0][0]) < abs(run[-1][0] - border[-1][0])
            polygons.append(run + (border if end_north else border[::-1]))
    return polygons


def europe_1955() -> str:
    m = Map("europe", "Europe in 1955: two alliances", "NATO and the Warsaw Pact after West Germany joined NATO (May 1955)",
            box=(-12.0, 35.0, 45.0, 66.0))

    def colour(name):
        return BLUE if name in NATO_1955 else RED if name in WARSAW_1955 else GREY if name in NEUTRAL_1955 else LAND
    m.countries_by(colour)
    for ring in east_germany(m):
        m.polygon(ring, RED)
    m.line([tuple(p) for p in PLACES["inner_german_border"]["points"]], "#222", 1.4)
    m.place("Berlin", "West Berlin", colour="#1f4e9c")
    for name, right in (("London", False), ("Paris", True), ("Bonn", False), ("Warsaw", True), ("Moscow", False),
                        ("Budapest", True), ("Vienna", False), ("Rome", True), ("Ankara", False)):
        m.place(name, right=right, dy=14 if name == "Warsaw" else -4)
    m.place("Geneva", "Geneva summit\nJuly 1955", mark="star", colour="#8c5a00")
    m.swatch(BLUE, "NATO members (West Germany joined on 6 May 1955)")
    m.swatch(RED, "Warsaw Pact (signed 14 May 1955), including the Soviet Union and East Germany")
    m.swatch(GREY, "Neutral or non-aligned: Austria, Switzerland, Sweden, Finland, Ireland, Yugoslavia")
    m.swatch("#8c5a00", "Geneva summit of July 1955", "star")
    m.alt = ["Map of Europe. NATO members in blue: the United Kingdom, France, the Benelux states, West Germany,"
             " Denmark, Norway, Iceland, Portugal, Italy, Greece and Turkey. Warsaw Pact members in red: East Germany,"
             " Poland, Czechoslovakia, Hungary, Romania, Bulgaria, Albania and the Soviet Union. Neutral states in grey."
             " West Berlin lies inside East Germany. A star marks Geneva, where the leaders met in July 1955."]
    return m.finish("Today's borders, coloured by each country's place in 1955; the border between the two German states"
                    " is drawn schematically. Outlines: Natural Earth.")


def hungary_1956() -> str:
    m = Map("europe", "Poland and Hungary, October-November 1956", "Two crises in the Soviet bloc, two outcomes",
            box=(8.0, 42.0, 32.0, 56.0))

    def colour(name):
        if name == "Hungary":
            return ORANGE
        if name == "Poland":
            return "#f7dc6f"
        return BLUE if name in NATO_1955 else RED if name in WARSAW_1955 else GREY if name in NEUTRAL_1955 else LAND
    m.countries_by(colour)
    for ring in east_germany(m):
        m.polygon(ring, RED)
    m.line([tuple(p) for p in PLACES["inner_german_border"]["points"]], "#222", 1.4)
    m.place("Warsaw", "Warsaw: Khrushchev flies in,\n19 October; no invasion", right=False, dy=16)
    m.place("Budapest", "Budapest: rising from\n23 October; Soviet attack\n4 November", right=True)
    m.place("Vienna", "Austria: 113,000 Hungarian\nrefugees by the end\nof November", right=False, dy=14)
    m.swatch(ORANGE, "Hungary: rising crushed by Soviet forces")
    m.swatch("#f7dc6f", "Poland: crisis ended without a Soviet invasion")
    m.swatch(RED, "Other Warsaw Pact states and the Soviet Union")
    m.swatch(GREY, "Neutral: Austria (since 1955) and Yugoslavia")
    m.swatch(BLUE, "NATO")
    m.alt = ["Map of central Europe. Poland is shaded yellow: its crisis, with Khrushchev's visit to"
             " Warsaw on 19 October, ended without a Soviet invasion. Hungary is shaded orange: the rising in Budapest"
             " from 23 October was crushed by Soviet forces from 4 November. Neutral Austria borders Hungary to the west."]
    return m.finish("Today's borders, coloured by each country's place in 1956. Outlines: Natural Earth.")


def germany_1961() -> str:
    m = Map("germany", "Divided Germany and Berlin, 1961", "West Berlin: an island deep inside East Germany",
            box=(5.5, 47.2, 16.0, 55.2))

    def colour(name):
        return BLUE if name == "Germany" else GREY if name in NEUTRAL_1955 else RED if name in WARSAW_1955 else LAND
    m.countries_by(colour)
    for ring in east_germany(m):
        m.polygon(ring, RED)
    m.line([tuple(p) for p in PLACES["inner_german_border"]["points"]], "#222", 2.2)
    lat, lon = CITY["Berlin"]
    # West Berlin, drawn as a circle of about 20 km radius west of the centre (a diagram, not its outline)
    r = 20 / 111
    m.polygon([(lat + r * math.sin(math.radians(a)), lon - 0.1 + r / math.cos(math.radians(lat)) * math.cos(math.radians(a)))
               for a in range(0, 360, 15)], BLUE, "#1f4e9c", 1.5)
    m.place("Berlin", "Berlin", right=True, dy=-12)
    m.place("Bonn", "Bonn: capital of\nWest Germany", right=True)
    m.label(51.55, 12.5, "EAST GERMANY\n(GDR)", weight="bold")
    m.label(49.9, 8.9, "WEST GERMANY\n(FRG)", weight="bold")
    m.label(52.75, 9.2, "border sealed\nin 1952", style="italic")
    m.swatch(BLUE, "West Germany and West Berlin")
    m.swatch(RED, "East Germany (the GDR) and its Warsaw Pact neighbours")
    m.swatch("#222", "Inner German border, 1,378 km, sealed by the GDR in 1952", "line-")
    m.alt = ["Map of Germany in 1961. West Germany in blue, with its capital Bonn; East Germany in red."
             " The inner German border runs from the Baltic coast near Lübeck south to the Czechoslovak border near Hof."
             " Berlin lies deep inside East Germany, and West Berlin is a blue island there."]
    return m.finish("Today's outline of Germany, divided along a schematic line through the crossing points of the"
                    " inner German border; West Berlin drawn as a circle, not to scale. Outlines: Natural Earth.")


def berlin_sectors() -> str:
    """A diagram (not to scale) of the four sectors of Berlin and the Wall of 13 August 1961."""
    c = _Canvas()
    title = "Berlin's four sectors and the Wall, 1961"
    y = c.title_block(title, "A diagram, not to scale: the districts each power ran since 1945", 0) + 12
    top = y
    cx, cy, rx, ry = 200, top + 150, 180, 140
    # West Berlin's three sectors fill the west; the Soviet sector the east. Boundary x = cx + 10.
    bx = cx + 10
    c.parts.append(f'<clipPath id="city"><ellipse cx="{cx}" cy="{cy}" rx="{rx}" ry="{ry}"/></clipPath>')
    c.parts.append('<g clip-path="url(#city)">')
    c.rect(cx - rx, cy - ry, bx - (cx - rx), 2 * ry * 0.36, "#b7d3ee")  # French: north
    c.rect(cx - rx, cy - ry + 2 * ry * 0.36, bx - (cx - rx) - 50, 2 * ry * 0.32, "#9cc3e6")  # British: west-centre
    c.rect(cx - rx, cy - ry + 2 * ry * 0.68, bx - (cx - rx), 2 * ry * 0.32, "#7fb0dc")  # American: south
    c.rect(bx - 50, cy - ry + 2 * ry * 0.36, 50, 2 * ry * 0.32, "#7fb0dc")  # American: Kreuzberg/Schöneberg reach the centre
    c.rect(bx, cy - ry, cx + rx - bx, 2 * ry, RED)
    c.parts.append("</g>")
    c.parts.append(f'<ellipse cx="{cx}" cy="{cy}" rx="{rx}" ry="{ry}" fill="none" stroke="#222" stroke-width="2.5" stroke-dasharray="7 4"/>')
    c.line(bx, cy - ry + 4, bx, cy + ry - 4, "#111", 4)
    c.text(cx - 95, cy - ry + 45, "FRENCH SECTOR", weight="bold", anchor="middle")
    c.text(cx - 95, cy - ry + 62, "(Reinickendorf, Wedding)", size=SMALL, anchor="middle")
    c.text(cx - 110, cy - 5, "BRITISH SECTOR", weight="bold", anchor="middle")
    c.text(cx - 110, cy + 12, "(Spandau, Charlottenburg,", size=SMALL, anchor="middle")
    c.text(cx - 110, cy + 27, "Tiergarten, Wilmersdorf)", size=SMALL, anchor="middle")
    c.text(cx - 85, cy + ry - 52, "AMERICAN SECTOR", weight="bold", anchor="middle")
    c.text(cx - 85, cy + ry - 35, "(Kreuzberg, Tempelhof...)", size=SMALL, anchor="middle")
    c.text(bx + 85, cy - 20, "SOVIET SECTOR", weight="bold", anchor="middle")
    c.text(bx + 85, cy - 3, "(East Berlin:", size=SMALL, anchor="middle")
    c.text(bx + 85, cy + 12, "Mitte, Pankow,", size=SMALL, anchor="middle")
    c.text(bx + 85, cy + 27, "Friedrichshain...)", size=SMALL, anchor="middle")
    c.parts.append(f'<circle cx="{bx}" cy="{cy - 48}" r="5" fill="#111"/>')
    c.text(bx + 8, cy - 52, "Brandenburg Gate", size=SMALL, halo=True)
    c.parts.append(f'<rect x="{bx - 5}" y="{cy + 50}" width="10" height="10" fill="#111"/>')
    c.text(bx + 8, cy + 60, "Checkpoint Charlie", size=SMALL, halo=True)
    y = cy + ry + 8
    entries = [
        ("#111", "line", "Sector border in the city, closed on 13 August 1961: barbed wire first, then the Wall"),
        ("#222", "dash", "Edge of Greater Berlin: West Berlin was also sealed off from the East German countryside"),
        ("#7fb0dc", "box", "West Berlin: the American, British and French sectors"),
        (RED, "box", "East Berlin: the Soviet sector, capital of the GDR"),
    ]
    for colour, kind, text in entries:
        lines = _wrap(text, 44)
        y += LINE + 2
        if kind == "box":
            c.rect(PAD, y - 11, 18, 12, colour, stroke="#777")
        else:
            c.line(PAD, y - 5, PAD + 22, y - 5, colour, 4 if kind == "line" else 2.5, "" if kind == "line" else "7 4")
        for n, line in enumerate(lines):
            c.text(PAD + 28, y + n * LINE, line)
        y += (len(lines) - 1) * LINE
    y += LINE
    c.text(PAD, y, "Sector shapes are simplified; the districts are named.", size=SMALL, fill="#333")
    alt = (f"{title}. Diagram of Berlin, not to scale. The western part is split into the French sector in the north,"
           " the British sector in the west and centre and the American sector in the south; together they form West Berlin."
           " The eastern part is the Soviet sector, East Berlin. A thick line marks the sector border closed on 13 August 1961;"
           " the Brandenburg Gate lies on it, and Checkpoint Charlie on the border between the American and Soviet sectors.")
    return c.finish(y, title, alt)


def u2_route() -> str:
    m = Map("u2route", "The last U-2 flight over the USSR, 1 May 1960", "Francis Gary Powers' route, as Khrushchev described it",
            box=(5.0, 28.0, 80.0, 70.0))

    def colour(name):
        return RED if name in SOVIET_UNION else BLUE if name in NATO_1955 else LAND
    m.countries_by(colour)
    m.line([CITY["Peshawar"], CITY["Sverdlovsk"]], "#111", 2.5)
    m.line([CITY["Sverdlovsk"], CITY["Bodo"]], "#111", 2.5, "7 5")
    m.place("Peshawar", "Peshawar, Pakistan:\ntake-off", right=False)
    m.place("Sverdlovsk", "Sverdlovsk: shot down", mark="star", colour="#c00", right=False, dy=16)
    m.place("Bodo", "Bodø, Norway:\nplanned landing", right=True, dy=14)
    m.place("Moscow", right=False)
    m.swatch("#111", "Route flown, about 1,200 miles into the USSR", "line-")
    m.swatch("#111", "Planned onward route (not flown)", "line-7 5")
    m.swatch(RED, "Soviet Union")
    m.swatch(BLUE, "NATO members")
    m.alt = ["Map from Pakistan to Norway. A solid line runs from Peshawar in Pakistan north-west across the Soviet Union"
             " to Sverdlovsk in the Urals, where the U-2 was shot down; a dashed line continues to Bodø in Norway,"
             " where it was to land. The route is drawn as straight lines between the three places."]
    return m.finish("Straight lines join the places named; the real track bent between them. Outlines: Natural Earth.")


def cuba_1962() -> str:
    m = Map("caribbean", "Cuba, October 1962: the missile sites", "The Soviet missile sites named in this book",
            box=(-85.2, 21.4, -78.6, 26.0))

    def colour(name):
        return "#f4f1e8" if name == "Cuba" else "#dcd8cc"
    m.countries_by(colour)
    for site in load("missile_sites"):
        right, dy = {"san-cristobal": (False, 18), "guanajay": (True, 18), "sagua-la-grande": (False, -8),
                     "remedios": (False, 18)}.get(site["id"], (True, -6))
        m.place((site["lat"], site["lon"]), site["name"], mark="triangle", colour="#c00", right=right, dy=dy)
    m.place("Havana", right=True, dy=-8)
    m.place("Key West", "Key West, Florida", right=True)
    m.place("Miami", right=False)
    hk = CITY["Havana"], CITY["Key West"]
    km = 6371 * math.acos(math.sin(math.radians(hk[0][0])) * math.sin(math.radians(hk[1][0]))
                          + math.cos(math.radians(hk[0][0])) * math.cos(math.radians(hk[1][0]))
                          * math.cos(math.radians(hk[1][1] - hk[0][1])))
    m.line([hk[0], hk[1]], "#1f4e9c", 1.5, "4 3")
    m.label(23.9, -83.3, f"{km:.0f} km", anchor="middle")
    m.swatch("#c00", "Soviet missile sites named in this book (at the town each was named after)", "triangle")
    m.swatch("#1f4e9c", f"Havana to Key West: {km:.0f} km (great circle)", "line-4 3")
    m.alt = [f"Map of Cuba and southern Florida. Red triangles mark the missile sites near San Cristóbal and Guanajay in"
             f" the west and near Sagua la Grande and Remedios in the centre of the island. Havana lies {km:.0f} km from"
             " Key West, Florida."]
    return m.finish("Site positions: the towns the sites were named after (GeoNames), from the table missile_sites."
                    " Outlines: Natural Earth.")


def jupiters_1962() -> str:
    m = Map("europe", "Missiles on the other side: the Jupiters", "American missiles in Italy and Turkey, dismantled from April 1963",
            box=(-5.0, 34.0, 45.0, 60.0))

    def colour(name):
        if name in ("Italy", "Turkey"):
            return ORANGE
        return BLUE if name in NATO_1955 else RED if name in WARSAW_1955 else GREY if name in NEUTRAL_1955 else LAND
    m.countries_by(colour)
    for ring in east_germany(m):
        m.polygon(ring, RED)
    m.place("Izmir", "İzmir", right=True)
    m.place("Rome", right=False)
    m.place("Moscow", mark="star", colour="#111", right=False)
    m.place("Ankara", right=True, dy=14)
    d = 6371 * math.acos(math.sin(math.radians(CITY["Izmir"][0])) * math.sin(math.radians(CITY["Moscow"][0]))
                         + math.cos(math.radians(CITY["Izmir"][0])) * math.cos(math.radians(CITY["Moscow"][0]))
                         * math.cos(math.radians(CITY["Moscow"][1] - CITY["Izmir"][1])))
    m.line([CITY["Izmir"], CITY["Moscow"]], "#111", 1.5, "4 3")
    m.swatch(ORANGE, "Italy and Turkey: American Jupiter missiles, dismantled from April 1963; the last in Turkey came down on 24 April")
    m.swatch("#111", f"İzmir to Moscow: {d:,.0f} km (great circle)", "line-4 3")
    m.swatch(BLUE, "Other NATO members")
    m.swatch(RED, "Warsaw Pact")
    m.alt = [f"Map of Europe and Turkey. Italy and Turkey are shaded orange: they held American Jupiter missiles,"
             f" dismantled from April 1963. A dashed line joins İzmir in western Turkey to Moscow, {d:,.0f} km away."]
    return m.finish("The map marks countries, not the launch sites. Distances between GeoNames city coordinates."
                    " Outlines: Natural Earth.")


def world_places() -> str:
    m = Map("world", "Where relations changed, 1955-63", "The places of this book's events",
            box=(-125.0, 5.0, 70.0, 70.0))

    def colour(name):
        return BLUE if name in NATO_1955 else RED if name in WARSAW_1955 else "#f4f1e8" if name == "Cuba" else LAND
    m.countries_by(colour)
    for name, label, right, dy in (("Geneva", "1", False, 10), ("Budapest", "2", True, 12),
                                   ("Tyuratam", "3", True, -4), ("Sverdlovsk", "4", True, -4),
                                   ("Berlin", "5", False, -4), ("Havana", "6 Cuba", True, -4),
                                   ("Moscow", "7", False, -4), ("Washington", "Washington", True, -4)):
        m.place(name, label, right=right, dy=dy)
    for n, text in enumerate(["Geneva: the first summit, July 1955", "Budapest: the Hungarian rising, 1956",
                              "Tyuratam: Sputnik launched, October 1957", "Sverdlovsk: the U-2 shot down, May 1960",
                              "Berlin: the Wall, August 1961", "Cuba: the Bay of Pigs, 1961, and the missile crisis, 1962",
                              "Moscow: the test ban treaty signed, August 1963"], 1):
        m.swatch("#111", f"{n} {text}", "dot")
    m.swatch(BLUE, "NATO members in 1955")
    m.swatch(RED, "Warsaw Pact in 1955")
    m.alt = ["World map from North America to Central Asia, numbered in order: 1 Geneva, summit of 1955;"
             " 2 Budapest, rising of 1956; 3 Tyuratam, launch of Sputnik in 1957; 4 Sverdlovsk, where the U-2 was shot down in 1960;"
             " 5 Berlin, the Wall of 1961; 6 Cuba, the Bay of Pigs in 1961 and the missile crisis in 1962;"
             " 7 Moscow, where the test ban treaty was signed in 1963."]
    return m.finish("NATO in blue and the Warsaw Pact in red, as in 1955. Outlines: Natural Earth.")


def capitals_distance() -> str:
    m = Map("world", "How far the missiles had to fly", "Distances between places, measured as great circles",
            box=(-125.0, 5.0, 70.0, 70.0))

    def colour(name):
        return BLUE if name == "United States of America" else RED if name in SOVIET_UNION else "#f4f1e8" if name == "Cuba" else LAND
    m.countries_by(colour)

    def km(a, b):
        (la1, lo1), (la2, lo2) = CITY[a], CITY[b]
        return 6371 * math.acos(math.sin(math.radians(la1)) * math.sin(math.radians(la2))
                                + math.cos(math.radians(la1)) * math.cos(math.radians(la2)) * math.cos(math.radians(lo2 - lo1)))
    ab, hw = km("Moscow", "Washington"), km("Havana", "Washington")
    m.line([CITY["Moscow"], CITY["Washington"]], "#111", 1.8, "6 4")
    m.line([CITY["Havana"], CITY["Washington"]], "#c00", 2.5)
    m.place("Moscow", right=True)
    m.place("Washington", right=False)
    m.place("Havana", right=True, dy=12)
    m.swatch("#111", f"Moscow to Washington: {ab:,.0f} km, a flight for an intercontinental missile (ICBM) or a bomber", "line-6 4")
    m.swatch("#c00", f"Havana to Washington: {hw:,.0f} km, within reach of a medium-range missile", "line-")
    m.alt = [f"World map. A dashed line joins Moscow and Washington, {ab:,.0f} km apart: only an intercontinental missile"
             f" or a long-range bomber could cover it. A short red line joins Havana and Washington, {hw:,.0f} km apart."]
    return m.finish("Straight lines on this flat map stand for the shortest routes over the globe, which curve north."
                    " Outlines: Natural Earth.")


def timeline(chapter: str, title: str) -> str:
    """A vertical timeline of a chapter's events (or, for "conclusion", the events the table tension scores),
    spaced by date, labelled in words."""
    if chapter == "conclusion":
        wanted = {row["id"] for row in load("tension")}
        rows = [row for row in load("events") if row["id"] in wanted]
        subtitle = "The events the book scores for tension, spaced by date"
    else:
        rows = [row for row in load("events") if row["chapter"] == chapter]
        subtitle = "Events from this chapter, spaced by date"
    rows.sort(key=lambda row: row["date"])
    c = _Canvas()
    y = c.title_block(title, subtitle, 0) + 10
    first, last = rows[0]["date"], rows[-1]["date"]
    days = max((last - first).days, 1)
    x_line = PAD + 8
    spans = []
    for row in rows:
        spans.append(_wrap(row["title"], 44))
    # lay out: each event needs its text height; time gaps add space up to a limit
    pos = y
    placed = []
    previous = None
    for row, lines in zip(rows, spans):
        if previous is not None:
            gap = (row["date"] - previous).days / days
            pos += min(40, 8 + gap * 160)
        placed.append((pos, row, lines))
        pos += LINE * (len(lines) + 1)
        previous = row["date"]
    c.line(x_line, y, x_line, pos, "#555", 2)
    years = sorted({row["date"].year for row in rows})
    for at, row, lines in placed:
        c.parts.append(f'<circle cx="{x_line}" cy="{at + 8:.1f}" r="5" fill="#1f4e9c" stroke="#fff" stroke-width="1.5"/>')
        c.text(x_line + 14, at + 12, f"{row['date'].day} {row['date']:%B %Y}", weight="bold")
        for n, line in enumerate(lines):
            c.text(x_line + 14, at + 12 + LINE * (n + 1), line)
    alt = (f"{title}. Timeline of {len(rows)} events from {first:%B %Y} to {last:%B %Y}: "
           + "; ".join(f"{row['date'].day} {row['date']:%B %Y}, {row['title']}" for row in rows) + ".")
    del years
    return c.finish(pos, title, alt)


DRAWINGS = {
    "map-europe-1955.svg": europe_1955,
    "map-poland-hungary-1956.svg": hungary_1956,
    "map-germany-1961.svg": germany_1961,
    "diagram-berlin-sectors.svg": berlin_sectors,
    "map-u2-route-1960.svg": u2_route,
    "map-cuba-sites-1962.svg": cuba_1962,
    "map-jupiters-1962.svg": jupiters_1962,
    "map-world-places.svg": world_places,
    "map-distances.svg": capitals_distance,
}
TIMELINES = {
    "thaw": "The thaw, 1955-56: timeline",
    "year-1956": "1956: timeline",
    "arms-race": "The arms race: timeline",
    "summits-and-u2": "Summits and the U-2: timeline",
    "berlin": "Berlin, 1958-61: timeline",
    "cuba": "Cuba, 1959-62: timeline",
    "missile-crisis": "The missile crisis: timeline",
    "aftermath": "After the crisis: timeline",
    "conclusion": "1955-63: the key events",
}
for _chapter, _title in TIMELINES.items():
    DRAWINGS[f"timeline-{_chapter}.svg"] = (lambda c=_chapter, t=_title: timeline(c, t))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="exit 1 if a committed drawing is out of date")
    args = parser.parse_args()
    OUT.mkdir(parents=True, exist_ok=True)
    stale = []
    for name, draw in DRAWINGS.items():
        svg = draw()
        path = OUT / name
        if args.check:
            if not path.exists() or path.read_text(encoding="utf-8") != svg:
                stale.append(name)
        else:
            path.write_text(svg, encoding="utf-8")
            print(f"{path.relative_to(ROOT)}: {len(svg):,} bytes")
    if stale:
        print("out of date (run python tools/draw_maps.py):", ", ".join(stale))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
