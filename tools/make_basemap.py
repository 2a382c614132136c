"""Convert Natural Earth country outlines (TopoJSON of the npm package world-atlas) into the small
outline files the book's maps are drawn from. Run once, by hand, when the outlines should change;
the book's build never downloads anything.

    npm pack world-atlas@2.0.2 && tar xzf world-atlas-2.0.2.tgz
    python tools/make_basemap.py package/countries-50m.json package/countries-110m.json

Writes book/_maps/outlines.json (the regions the book's static maps need, drawn by tools/draw_maps.py)
and exercises/data/outlines_americas.json (North America and the Caribbean, for the range map that
`exercises.range_map` draws in Jupyter and in the page). Each is a JSON object
{region: {"bbox": [west, south, east, north], "countries": {name: [ring, ...]}}}, a ring a flat list
[lon, lat, lon, lat, ...] in degrees rounded to 0.01, clipped to the region's box and thinned.
Natural Earth is in the public domain; world-atlas is ISC-licensed (Mike Bostock).
"""

from __future__ import annotations

import argparse
import hashlib
import json
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# region name: (topology file index (0 = 50m, 1 = 110m), bbox west, south, east, north, thinning in degrees)
STATIC = {
    "europe": (0, -25.0, 33.0, 50.0, 71.5, 0.12),
    "germany": (0, 4.5, 46.8, 17.5, 55.5, 0.03),
    "u2route": (1, 0.0, 25.0, 80.0, 72.0, 0.1),
    "world": (1, -130.0, 0.0, 75.0, 72.0, 0.25),
    "caribbean": (0, -86.0, 19.0, -73.5, 27.0, 0.03),
}
AMERICAS = {"americas": (0, -128.0, 5.0, -58.0, 55.0, 0.25)}


def decode(topology: dict) -> dict[str, list[list[tuple[float, float]]]]:
    """Country name -> list of rings (lon, lat), decoded from a quantized TopoJSON topology."""
    (sx, sy), (tx, ty) = topology["transform"]["scale"], topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)

    def ring(indices):
        points: list[tuple[float, float]] = []
        for index in indices:
            arc = arcs[index] if index >= 0 else arcs[~index][::-1]
            points.extend(arc[1:] if points else arc)
        return points

    countries: dict[str, list] = {}
    for geometry in topology["objects"]["countries"]["geometries"]:
        name = geometry.get("properties", {}).get("name", "")
        polygons = geometry.get("arcs", [])
        if geometry["type"] == "Polygon":
            polygons = [polygons]
        elif geometry["type"] != "MultiPolygon":
            continue
        countries.setdefault(name, []).extend(unwrap(ring(r)) for polygon in polygons for r in polygon)
    return countries


def unwrap(points):
    """A ring that crosses the 180th meridian (eastern Russia) continues past 180 instead of jumping to -180."""
    if any(abs(b[0] - a[0]) > 180 for a, b in zip(points, points[1:])):
        return [(lon + 360 if lon < 0 else lon, lat) for lon, lat in points]
    return points


def clip(points, west, south, east, north):
    """Sutherland-Hodgman clipping of a closed ring to a box."""
    def cut(points, inside, cross):
        out = []
        for i, current in enumerate(points):
            previous = points[i - 1]
            if inside(current):
                if not inside(previous):
                    out.append(cross(previous, current))
                out.append(current)
            elif inside(previous):
                out.append(cross(previous, current))
        return out

    def at_x(x):
        return lambda a, b: (x, a[1] + (b[1] - a[1]) * (x - a[0]) / (b[0] - a[0]))

    def at_y(y):
        return lambda a, b: (a[0] + (b[0] - a[0]) * (y - a[1]) / (b[1] - a[1]), y)

    for inside, cross in (
        (lambda p: p[0] >= west, at_x(west)),
        (lambda p: p[0] <= east, at_x(east)),
        (lambda p: p[1] >= south, at_y(south)),
        (lambda p: p[1] <= north, at_y(north)),
    ):
        if not points:
            break
        points = cut(points, inside, cross)
    return points


def thin(points, step):
    kept = []
    for p in points:
        if not kept or abs(p[0] - kept[-1][0]) + abs(p[1] - kept[-1][1]) >= step:
            kept.append(p)
    return kept


def regions(topologies, spec):
    out = {}
    for name, (which, west, south, east, north, step) in spec.items():
        countries = {}
        for country, rings in decode(topologies[which]).items():
            kept = []
            for r in rings:
                r = thin(clip(r, west, south, east, north), step)
                if len(r) >= 4:
                    kept.append([round(v, 2) for p in r for v in p])
            if kept:
                countries[country] = kept
        out[name] = {"bbox": [west, south, east, north], "countries": countries}
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("countries_50m", type=Path)
    parser.add_argument("countries_110m", type=Path)
    args = parser.parse_args()
    topologies = [json.loads(args.countries_50m.read_text()), json.loads(args.countries_110m.read_text())]
    for data, target in ((regions(topologies, STATIC), ROOT / "book" / "_maps" / "outlines.json"),
                         (regions(topologies, AMERICAS), ROOT / "exercises" / "data" / "outlines_americas.json")):
        target.parent.mkdir(parents=True, exist_ok=True)
        text = json.dumps(data, separators=(",", ":"), sort_keys=True)
        target.write_text(text + "\n", encoding="utf-8")
        digest = hashlib.sha256(target.read_bytes()).hexdigest()
        print(f"{target.relative_to(ROOT)}: {len(text):,} bytes, sha256 {digest}")
    for path in (args.countries_50m, args.countries_110m):
        print(f"from {path.name}: sha256 {hashlib.sha256(path.read_bytes()).hexdigest()}")


if __name__ == "__main__":
    main()
