"""The national summary's charts: 37 units readable, time axis over the round."""

import base64
import re
import xml.etree.ElementTree as ET

from django.utils.translation import override

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


def axis_labels(root):
    return [e.text for e in root.iter(f"{NS}text") if e.get("text-anchor") == "middle"][
        1:
    ]  # after the title


def test_the_submissions_axis_runs_from_the_opening_to_the_due_date():
    on_time = {"广东省": "2019-11-20", "北京市": "2019-11-29"}
    root = svg_of(summary_context(summary([1] * 37, on_time))["trend_chart"])
    labels = axis_labels(root)
    assert labels[0] == "11-01" and labels[-1] == "11-30"
    assert 2 <= len(labels) <= 10


def test_a_late_submission_years_later_is_one_last_point_not_a_longer_axis():
    late = {"广东省": "2019-11-20", "北京市": "2026-12-02"}
    with override("zh-hans"):
        root = svg_of(summary_context(summary([1] * 37, late))["trend_chart"])
    labels = axis_labels(root)
    assert labels[0] == "11-01" and labels[-2:] == ["11-30", "逾期报送"]
    assert not any(label.startswith(("2020", "2026", "12-")) for label in labels)
    points = [e for e in root.iter(f"{NS}circle") if e.get("class") == "marker"]
    assert [p.find(f"{NS}title").text.rsplit(" ", 1)[-1] for p in points[-2:]] == ["1", "2"]
