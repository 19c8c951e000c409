"""The national summary's charts: 37 units readable, time axis over the round."""

import base64
import re
import xml.etree.ElementTree as ET

from portal.reference_units import REPORTING_UNITS
from reporting.services.summary import summary_context

NS = "{http://www.w3.org/2000/svg}"
NAMES = [name for _code, name, *_rest in REPORTING_UNITS]


def svg_of(image) -> ET.Element:
    data = re.search(r"base64,([^\"]+)", str(image)).group(1)
    return ET.fromstring(base64.b64decode(data))  # noqa: S314 - our own output


def summary(values, submitted=None, opens_on="2019-11-01", due="2019-11-30"):
    figure = {"task": 1, "key": "trained", "label": "培训人数", "unit": "人"}
    units = [
        {"code": str(i), "name": name, "status": "", "version": 1,
         "submitted_on": (submitted or {}).get(name, ""), "values": {"trained": value}}
        for i, (name, value) in enumerate(zip(NAMES, values, strict=True))
    ]  # fmt: skip
    return {
        "round": {"id": 1, "title": "2019年度", "due_date": due},
        "opens_on": opens_on,
        "compiled_on": "2026-12-04",
        "counts": {"已接受": 37},
        "figures": [figure],
        "units": units,
    }


def row_labels(root):
    return [e for e in root.iter(f"{NS}text") if e.get("text-anchor") == "end" and e.text in NAMES]


def test_the_37_units_chart_is_sorted_with_full_names_apart_and_values_printed():
    values = [(i * 37) % 101 for i in range(37)]  # unordered, 0..100
    root = svg_of(summary_context(summary(values))["tasks"][0]["chart"])
    labels = row_labels(root)
    assert [e.text for e in labels] == [
        n for _v, n in sorted(zip(values, NAMES, strict=True), key=lambda p: -p[0])
    ]
    ys = [float(e.get("y")) for e in labels]
    font = float(labels[0].get("font-size"))
    assert all(b - a >= font for a, b in zip(ys, ys[1:], strict=False))  # no overlap
    printed = [int(e.text) for e in root.iter(f"{NS}text") if e.get("class") == "value"]
    assert printed == sorted(values, reverse=True)


def test_the_chart_grows_with_the_number_of_units():
    def height(count):
        data = summary([5] * 37)
        data["units"] = data["units"][:count]
        return float(svg_of(summary_context(data)["tasks"][0]["chart"]).get("height"))

    assert height(37) > height(20) > 0
