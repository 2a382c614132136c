"""The standard-library SVG charts of exercises (bar_chart, line_chart): valid, labelled, safe."""

import re
import xml.etree.ElementTree as ET

import pytest

import exercises
from exercises import bar_chart, line_chart, load

SVG = "{http://www.w3.org/2000/svg}"
HOSTILE = '<script>alert("x")</script> & "quotes" \'single\' <img src=x onerror=alert(1)>'


def texts(svg: str) -> list[str]:
    root = ET.fromstring(svg)
    return ["".join(node.itertext()) for node in root.iter(f"{SVG}text")]


def assert_safe(svg: str) -> None:
    root = ET.fromstring(svg)  # valid XML or this raises
    assert root.tag == f"{SVG}svg"
    tags = {node.tag.replace(SVG, "") for node in root.iter()}
    assert tags <= {"svg", "title", "desc", "rect", "text", "line", "polyline", "circle"}, tags
    for node in root.iter():
        for name, value in node.attrib.items():
            assert not name.lower().startswith("on"), name
            assert "href" not in name.lower(), name
            assert "javascript:" not in value.lower()
    assert "<script" not in svg.lower()


def test_bar_chart_is_valid_and_labelled():
    rows = load("refugees")
    chart = bar_chart([str(r["year"]) for r in rows], [r["refugees"] / 1000 for r in rows],
                      title="Refugees from East Germany", unit="thousand people", value_format="{:,.0f}",
                      notes={"1961": "The border was open only until 13 August."})
    assert_safe(chart.svg)
    shown = texts(chart.svg)
    for r in rows:
        assert str(r["year"]) in shown
    assert "331 thousand people" in shown
    assert "The border was open only until 13 August." in shown
    assert chart._repr_svg_() == chart.svg
    assert "1953: 331" in chart.alt
    assert "1953" in chart.table() and "331" in chart.table()


def test_bar_chart_side_by_side_series_and_missing_values():
    chart = bar_chart(["Geneva summit", "Wall begins"], {"The book's score": [3, 8], "Your score": [None, 9]},
                      title="Tension", maximum=10, scale=("0 = warm", "10 = brink of war"))
    assert_safe(chart.svg)
    shown = texts(chart.svg)
    assert "The book's score" in shown and "Your score" in shown
    assert "0 = warm" in shown and "10 = brink of war" in shown
    assert "Geneva summit: The book's score 3, Your score –" in chart.alt


def test_line_chart_is_valid_with_bands_and_markers():
    chart = line_chart([1955, 1956, 1957], {"United States": [2422, 3692, 5543], "Soviet Union": [200, 426, 660]},
                       title="Nuclear warheads", ylabel="warheads", bands=[(1955.5, 1956.5, "a quiet year")],
                       markers=[(1957.8, "Sputnik, 4 October 1957")])
    assert_safe(chart.svg)
    shown = texts(chart.svg)
    assert "United States" in shown and "Soviet Union" in shown
    assert "[2] dashed line: Sputnik, 4 October 1957" in shown
    assert "United States: 1955 2,422" in chart.alt
    width = float(ET.fromstring(chart.svg).get("viewBox").split()[2])
    # Sputnik lies after the last year: the axis reaches it, so the marker is inside the chart
    xs = [float(x) for x in re.findall(r'<line x1="([\d.]+)"[^>]*stroke-dasharray="5 4"', chart.svg)]
    assert xs and all(0 < x <= width for x in xs)


@pytest.mark.parametrize("draw", [
    lambda label: bar_chart([label, "b"], [1, 2], title=label, subtitle=label, unit=label, notes={label: label}),
    lambda label: bar_chart(["a"], {label: [1], "b": [2]}, title="t", scale=(label, label)),
    lambda label: line_chart([1, 2], {label: [1, 2]}, title=label, xlabel=label, ylabel=label,
                             bands=[(1, 2, label)], markers=[(1.5, label)]),
])
def test_hostile_labels_are_escaped(draw):
    chart = draw(HOSTILE)
    assert_safe(chart.svg)
    assert any(HOSTILE in t or "alert(1)>" in t for t in texts(chart.svg))
    assert "<img" not in chart.svg and "<script" not in chart.svg


def test_text_is_large_enough_for_a_phone():
    """At 400 units across shown 342 px wide (a 390 px phone less margins, as measured), text is at least 11 px."""
    chart = line_chart([1, 2, 3], {"a": [1, 5, 2]}, title="t", ylabel="y")
    root = ET.fromstring(chart.svg)
    width = float(root.get("viewBox").split()[2])
    sizes = [float(node.get("font-size")) for node in root.iter(f"{SVG}text")]
    assert min(sizes) * 342 / width >= 11.5  # with a margin over 11 px


def test_mismatched_lengths_are_an_error():
    with pytest.raises(ValueError):
        bar_chart(["a", "b"], [1], title="t")


def test_exposed_from_the_package():
    assert exercises.plot.bar_chart is bar_chart
    assert "bar_chart" in exercises.__all__ and "line_chart" in exercises.__all__


def test_range_map_draws_rings_places_and_coastlines():
    from exercises import range_map

    chart = range_map((22.7, -83.1, "San Cristóbal"), [(1852, "Kennedy: more than 1,000 nautical miles"), (3704, HOSTILE)],
                      places=[(38.9, -77.0, "Washington, D.C.")], sites=[(22.7, -83.1, "San Cristóbal")],
                      title="What the missiles could reach")
    assert_safe_map(chart.svg)
    shown = texts(chart.svg)
    assert "Washington, D.C." in shown
    assert "Kennedy: more than 1,000 nautical miles: 1,852 km" in " ".join(shown)  # may wrap over two lines
    assert chart.svg.count("<polygon") > 20  # the coastlines
    assert "1,852 km" in chart.alt


def assert_safe_map(svg: str) -> None:
    root = ET.fromstring(svg)
    tags = {node.tag.replace(SVG, "") for node in root.iter()}
    assert tags <= {"svg", "title", "desc", "rect", "text", "line", "polyline", "polygon", "circle", "g", "clipPath"}, tags
    for node in root.iter():
        for name, value in node.attrib.items():
            assert not name.lower().startswith("on") and "href" not in name.lower(), name
            assert "javascript:" not in value.lower()
    assert "<script" not in svg.lower() and "<img" not in svg


def test_timeline_chart_lists_events_in_date_order_with_lanes():
    import datetime as dt

    from exercises import timeline_chart

    chart = timeline_chart([(dt.date(1956, 11, 4), "Soviet attack", "Hungary"), (dt.date(1956, 10, 23), HOSTILE, "Hungary"),
                            (dt.date(1956, 10, 29), "Israel attacks Egypt", "Suez")],
                           title="Autumn 1956", lanes=["Hungary", "Suez"],
                           band=(dt.date(1956, 10, 29), dt.date(1956, 11, 5), "both crises"))
    assert_safe(chart.svg)
    shown = texts(chart.svg)
    assert shown.index("23 October 1956 (Hungary)") < shown.index("29 October 1956 (Suez)") < shown.index("4 November 1956 (Hungary)")
    assert "both crises" in shown and "Suez" in shown
    assert chart.alt.index("23 October") < chart.alt.index("4 November")


def test_two_charts_stack_into_one_valid_picture():
    a = bar_chart(["a"], [1], title="First <one>")
    b = bar_chart(["b"], [2], title="Second")
    both = a + b
    root = ET.fromstring(both.svg)
    assert len(root.findall(f"{SVG}svg")) == 2
    assert root.find(f"{SVG}title").text == "First <one>; Second"
    assert len(list(root.iter(f"{SVG}title"))) == 1  # one title and description, for the whole picture
    assert "a (" in repr(a + bar_chart(["c"], [3], title="Third", unit="men")) and "First" in repr(both)
    height = float(root.get("viewBox").split()[3])
    assert height >= sum(float(ET.fromstring(c.svg).get("viewBox").split()[3]) for c in (a, b)) - 20


def test_long_legend_entries_wrap_inside_the_chart():
    from exercises import range_map

    long = "R-12 (MRBM), CIA, 16 October 1962: maximum range of one thousand one hundred nautical miles"
    for chart in (line_chart([1, 2], {long: [1, 2]}, title="t"), range_map((22.7, -83.1, "X"), [(2037, long)], title="t")):
        width = float(ET.fromstring(chart.svg).get("viewBox").split()[2])
        for node in ET.fromstring(chart.svg).iter(f"{SVG}text"):
            # about 7 units per character of 14-unit Arial: no line runs past the right edge
            assert float(node.get("x")) + 7 * len(node.text or "") <= width + 40, node.text
