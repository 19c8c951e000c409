"""portal.charts: server-side SVG that is valid XML, escaped and geometrically right."""

import math
import re
import xml.etree.ElementTree as ET

import pytest
from django.template import engines

from portal import charts
from portal.charts import bar_chart, line_chart, nice_ticks

NS = "{http://www.w3.org/2000/svg}"
UNITS_37 = [f"报送单位{i}" for i in range(36)] + ["内蒙古自治区"]


def parse(svg: str) -> ET.Element:
    return ET.fromstring(svg)  # noqa: S314 - our own output, not untrusted input


def bars(root: ET.Element) -> list[ET.Element]:
    return [e for e in root.iter(f"{NS}rect") if e.get("class") == "bar"]


def zero_line(root: ET.Element) -> ET.Element:
    return next(e for e in root.iter(f"{NS}line") if e.get("class") == "zero-line")


def texts(root: ET.Element) -> list[str]:
    return [e.text or "" for e in root.iter(f"{NS}text")]


# --- nice_ticks -------------------------------------------------------------


@pytest.mark.parametrize(
    ("max_value", "expected"),
    [
        (37, [0, 10, 20, 30, 40]),
        (100, [0, 20, 40, 60, 80, 100]),
        (0.83, [0, 0.2, 0.4, 0.6, 0.8, 1.0]),
        (12, [0, 5, 10, 15]),
        (0, [0, 0.2, 0.4, 0.6, 0.8, 1.0]),
    ],
)
def test_nice_ticks_are_round(max_value, expected):
    assert nice_ticks(max_value) == expected


@pytest.mark.parametrize("max_value", [1, 7, 37, 99.5, 1234, 987654, 3.3e7])
def test_nice_ticks_steps_are_1_2_or_5_times_a_power_of_ten(max_value):
    ticks = nice_ticks(max_value)
    step = ticks[1] - ticks[0]
    mantissa = step / 10 ** math.floor(math.log10(step))
    assert round(mantissa, 6) in (1, 2, 5)
    assert ticks[0] == 0 and ticks[-1] >= max_value
    assert 3 <= len(ticks) <= 7


def tick_values(root: ET.Element) -> list[float]:
    return [
        float(e.text.replace(",", "")) for e in root.iter(f"{NS}text") if e.get("class") == "tick"
    ]


@pytest.mark.parametrize("top", [1, 3, 7, 12800, 37])
@pytest.mark.parametrize(
    "draw",
    [
        lambda top: bar_chart(["甲", "乙"], [("人数", [top, 0])]),
        lambda top: bar_chart(UNITS_37, [("人数", [top] + [0] * 36)]),
        lambda top: line_chart(["1月", "2月"], [("人数", [0, top])]),
    ],
    ids=["vertical", "horizontal", "line"],
)
def test_counts_get_whole_evenly_spaced_ticks_that_cover_the_largest(draw, top):
    ticks = tick_values(parse(draw(top)))
    assert all(t.is_integer() for t in ticks)  # no 0.5 people
    steps = {b - a for a, b in zip(ticks, ticks[1:], strict=False)}
    assert len(steps) == 1
    assert ticks[0] == 0 and ticks[-1] >= top
    assert 2 <= len(ticks) <= 6


def test_fractions_keep_fractional_ticks():
    assert 0.2 in tick_values(parse(bar_chart(["甲"], [("比例", [0.9])])))


def test_nice_ticks_cover_negative_values():
    assert nice_ticks(10, min_value=-5) == [-5, 0, 5, 10]


# --- bar_chart --------------------------------------------------------------


def test_bar_chart_is_accessible_xml():
    svg = bar_chart(["北京市", "上海市"], [("投诉", [3, 5])], title="投诉数量", unit="件")
    root = parse(svg)
    assert root.tag == f"{NS}svg"
    assert root.get("role") == "img"
    assert root.get("aria-label") == "投诉数量"
    assert root[0].tag == f"{NS}title" and root[0].text == "投诉数量"
    assert "Noto Sans CJK SC" in root.get("font-family")


def test_bar_count_is_categories_times_series():
    series = [("2024年", [1, 2, 3]), ("2025年", [2, 3, 4])]
    assert len(bars(parse(bar_chart(["甲", "乙", "丙"], series)))) == 6


def test_labels_and_titles_are_escaped():
    svg = bar_chart(
        ["<script>", "A & B"],
        [('"引号"', [1, 2]), ("<b>", [2, 1])],
        title="<title>标题</title>",
        unit="<i>",
    )
    assert "<script>" not in svg and "<b>" not in svg and "<i>" not in svg
    assert "&lt;script&gt;" in svg and "A &amp; B" in svg
    root = parse(svg)
    assert not list(root.iter(f"{NS}script"))
    assert "<script>" in texts(root)
    assert root.get("aria-label") == "<title>标题</title>"


def test_negative_bars_are_drawn_below_the_zero_line():
    root = parse(bar_chart(["增长", "下降"], [("同比", [10, -5])]))
    zero = float(zero_line(root).get("y1"))
    positive, negative = bars(root)
    assert float(positive.get("y")) + float(positive.get("height")) == pytest.approx(zero)
    assert float(negative.get("y")) == pytest.approx(zero)
    assert float(negative.get("height")) > 0


def test_negative_horizontal_bars_are_drawn_left_of_the_zero_line():
    root = parse(bar_chart(["增长", "下降"], [("同比", [10, -5])], horizontal=True))
    zero = float(zero_line(root).get("x1"))
    positive, negative = bars(root)
    assert float(positive.get("x")) == pytest.approx(zero)
    assert float(negative.get("x")) + float(negative.get("width")) == pytest.approx(zero)


def test_many_categories_switch_to_a_taller_horizontal_layout():
    root = parse(bar_chart(UNITS_37, [("得分", list(range(37)))]))
    assert len(bars(root)) == 37
    assert float(root.get("height")) > 320
    assert "内蒙古自治区" in texts(root)
    assert len({b.get("x") for b in bars(root)}) == 1  # all bars start at the zero line


@pytest.mark.parametrize("draw", ["bars", "intervals"])
def test_a_horizontal_chart_is_as_tall_as_its_rows_with_no_blank_band(draw):
    names = ["未开始", "草稿", "按时报送", "逾期报送", "已采纳", "已退回", "未报送"]
    if draw == "bars":
        svg = bar_chart(names, [("单位数", [0, 0, 1, 0, 1, 1, 34])], horizontal=True, height=400)
    else:
        svg = charts.interval_chart(names, [50] * 7, [(40, 60)] * 7, height=400)
    root = parse(svg)
    last_bar_bottom = max(float(b.get("y")) + float(b.get("height")) for b in bars(root))
    assert float(root.get("height")) - last_bar_bottom < 40  # the axis labels, nothing more


def test_long_labels_are_truncated_with_the_full_name_as_tooltip():
    names = ["新疆生产建设兵团新疆生产建设兵团", *[f"单位{i}" for i in range(11)]]
    root = parse(bar_chart(names, [("数量", [1] * 12)]))
    assert any(t.endswith("…") for t in texts(root))
    assert names[0] in [e.text for e in root.iter(f"{NS}title")]


def test_empty_data_shows_the_empty_text():
    assert "暂无数据" in bar_chart([], [], empty_text="暂无数据")
    assert "暂无数据" in bar_chart(["甲"], [("系列", [None])], empty_text="暂无数据")
    root = parse(bar_chart([], [], title="空"))
    assert str(charts.NO_DATA) in texts(root)
    assert not bars(root)


def test_all_zero_data_and_a_single_category():
    root = parse(bar_chart(["唯一"], [("零", [0])]))
    (bar,) = bars(root)
    assert float(bar.get("height")) == 0
    assert "1" in texts(root)  # a 0..1 axis rather than a division by zero


def test_decimal_values_are_accepted():
    from decimal import Decimal

    root = parse(bar_chart(["甲"], [("金额", [Decimal("12.50")])], show_values=True))
    assert "12.5" in texts(root)


# --- line_chart -------------------------------------------------------------


def test_line_chart_breaks_lines_at_none_and_marks_points():
    svg = line_chart(["1月", "2月", "3月", "4月"], [("投诉量", [1, None, 3, 4])], title="趋势")
    root = parse(svg)
    (path,) = [e for e in root.iter(f"{NS}path") if e.get("class") == "line"]
    assert len(re.findall("M", path.get("d"))) == 2
    markers = [e for e in root.iter() if e.get("class") == "marker"]
    assert len(markers) == 3
    assert root.get("aria-label") == "趋势"


def test_line_chart_legend_for_several_series():
    root = parse(line_chart(["1月", "2月"], [("<甲>", [1, 2]), ("乙", [2, None])]))
    assert {"<甲>", "乙"} <= set(texts(root))


def test_line_chart_empty_and_negative():
    assert "无" in line_chart(["1月"], [("a", [None])], empty_text="无")
    root = parse(line_chart(["1月", "2月"], [("变化", [-3, 2])]))
    zero = float(zero_line(root).get("y1"))
    ys = [float(e.get("cy")) for e in root.iter(f"{NS}circle")]
    assert ys[0] > zero > ys[1]


# --- in templates -------------------------------------------------------------


@pytest.mark.parametrize(
    "chart",
    [
        lambda: bar_chart(["<b>甲</b>"], [("<script>", [1])], title="<i>标题</i>"),
        lambda: line_chart(["<b>1月</b>"], [("<script>", [1])], title="<i>标题</i>"),
        lambda: bar_chart([], [], title="<i>标题</i>"),
    ],
)
def test_a_template_shows_the_chart_as_is_and_its_text_escaped(chart):
    html = engines["django"].from_string("{{ chart }}").render({"chart": chart()})
    assert html.startswith("<svg ") and "<script>" not in html and "<i>" not in html
    assert "&lt;i&gt;标题&lt;/i&gt;" in html


def test_interval_chart_draws_a_whisker_from_low_to_high():
    svg = charts.interval_chart(
        ["广东省", "浙江省", "北京市"], [50, 80, None], [(40, 60), (None, None), (None, None)],
        title="<指数>", max_value=100,
    )  # fmt: skip
    root = parse(svg)
    drawn = bars(root)
    assert len(drawn) == 2  # Beijing has no value, so no bar
    (whisker,) = [e for e in root.iter(f"{NS}line") if e.get("class") == "whisker"]
    left, right = float(whisker.get("x1")), float(whisker.get("x2"))
    zero = float(zero_line(root).get("x1"))
    per_point = (float(drawn[0].get("width"))) / 50
    assert math.isclose(left - zero, 40 * per_point) and math.isclose(right - zero, 60 * per_point)
    assert "&lt;指数&gt;" in svg and "[40, 60]" in svg


def test_interval_chart_without_values_says_no_data():
    assert "暂无数据" in str(charts.interval_chart(["a"], [None], [(None, None)]))  # "No data"


def test_horizontal_rows_show_every_units_full_name_even_in_a_narrow_chart():
    from portal.reference_units import REPORTING_UNITS

    names = [name for _code, name, *_rest in REPORTING_UNITS]
    root = parse(bar_chart(names, [("人数", list(range(37)))], width=240))
    assert set(names) <= set(texts(root))
    assert not any(t.endswith("…") for t in texts(root))


def test_sort_orders_the_categories_largest_first_with_gaps_last():
    root = parse(bar_chart(["甲", "乙", "丙", "丁"], [("数", [2, None, 9, 4])], sort=True))
    assert texts(root)[-4:] == ["丙", "丁", "甲", "乙"]
