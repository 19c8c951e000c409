"""Server-side SVG charts shared by web pages and PDFs (no JavaScript).

Every function returns SVG markup as a string in which all text (titles,
labels, series names, units) is XML-escaped, so the result may be passed
through ``mark_safe`` and embedded inline in HTML or in WeasyPrint documents.

Layout rules:

* Value axes use :func:`nice_ticks` (steps of 1, 2 or 5 x 10^n) and always
  include zero for bars; negative bars grow below (or left of) a zero line.
* Vertical bar charts keep category labels horizontal when they fit, slant
  them by 45 degrees otherwise, and truncate them with an ellipsis (the full
  name stays in a ``<title>`` tooltip).
* More than ``MAX_VERTICAL_CATEGORIES`` categories (e.g. the 37 reporting
  units) switch a bar chart to the horizontal layout, whose height grows so
  each category keeps a readable row.
"""

from __future__ import annotations

import math
import unicodedata
from dataclasses import dataclass
from html import escape

from django.utils.translation import gettext_lazy as _

FONT_FAMILY = "Noto Sans CJK SC, Noto Sans SC, WenQuanYi Micro Hei, sans-serif"
# Okabe-Ito colours (colour-blind safe), yellow dropped for contrast on white.
PALETTE = ("#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#555555")
MARKERS = ("circle", "square", "diamond", "triangle")
TEXT_COLOR = "#222222"
MUTED_COLOR = "#555555"
GRID_COLOR = "#DDDDDD"
AXIS_COLOR = "#333333"
FONT_SIZE = 12
LABEL_SIZE = 11
TITLE_SIZE = 15
MAX_VERTICAL_CATEGORIES = 16
MAX_LABEL_WIDTH = 6 * LABEL_SIZE  # six CJK characters, e.g. 内蒙古自治区
NO_DATA = _("No data")
_POLYGONS = {"diamond": ((0, -5), (5, 0), (0, 5), (-5, 0)), "triangle": ((0, -5), (5, 4), (-5, 4))}


@dataclass
class _Plot:
    """The plotting rectangle and value range of one chart."""

    left: float
    top: float
    right: float
    bottom: float
    lo: float
    hi: float

    @property
    def width(self) -> float:
        return self.right - self.left

    @property
    def height(self) -> float:
        return self.bottom - self.top

    def y(self, value: float) -> float:
        return self.bottom - (value - self.lo) / (self.hi - self.lo) * self.height

    def x(self, value: float) -> float:
        return self.left + (value - self.lo) / (self.hi - self.lo) * self.width


# --- public API -------------------------------------------------------------


def nice_ticks(max_value: float, count: int = 5, min_value: float = 0.0) -> list[float]:
    """Round tick values (steps of 1, 2 or 5 x 10^n) covering min_value..max_value."""
    lo, hi = sorted((float(min_value), float(max_value)))
    if hi == lo:
        hi = lo + 1
    step = _nice_step((hi - lo) / max(count, 1))
    start = math.floor(lo / step + 1e-9) * step
    stop = math.ceil(hi / step - 1e-9) * step
    return [_clean(start + i * step) for i in range(round((stop - start) / step) + 1)]


def bar_chart(
    categories: list[str],
    series: list[tuple[str, list[float]]],
    *,
    title: str = "",
    unit: str = "",
    width: int = 640,
    height: int = 320,
    horizontal: bool = False,
    show_values: bool = False,
    empty_text: str = NO_DATA,
) -> str:
    """Grouped bar chart (vertical, or horizontal for many categories) as SVG markup."""
    series = _as_floats(series)
    values = _values(series)
    if not categories or not values:
        return _empty_chart(width, height, title, empty_text)
    horizontal = horizontal or len(categories) > MAX_VERTICAL_CATEGORIES
    ticks = nice_ticks(max(0.0, *values), min_value=min(0.0, *values))
    legend = [(name, PALETTE[i % len(PALETTE)], "square") for i, (name, _v) in enumerate(series)]
    parts, top = _header(width, title, legend if len(series) > 1 else [], unit)
    draw = _horizontal_bars if horizontal else _vertical_bars
    body, height = draw(categories, series, ticks, width, height, top, show_values)
    return _svg(width, height, title or _("Bar chart"), parts + body)


def line_chart(
    x_labels: list[str],
    series: list[tuple[str, list[float | None]]],
    *,
    title: str = "",
    unit: str = "",
    width: int = 640,
    height: int = 320,
    empty_text: str = NO_DATA,
) -> str:
    """Trend lines with markers (gaps where a value is None) as SVG markup."""
    series = _as_floats(series)
    values = _values(series)
    if not x_labels or not values:
        return _empty_chart(width, height, title, empty_text)
    lo, hi = min(values), max(values)
    floor = lo if lo < 0 or 0 < hi - lo < hi / 2 else 0.0
    ticks = nice_ticks(hi, min_value=floor)
    legend = [_style(i, name) for i, (name, _v) in enumerate(series)]
    parts, top = _header(width, title, legend if len(series) > 1 else [], unit)
    plot = _vertical_plot(ticks, x_labels, width, height, top, rotate=False)
    band = plot.width / len(x_labels)
    xs = [plot.left + (i + 0.5) * band for i in range(len(x_labels))]
    parts += _value_grid(plot, ticks)
    parts += _x_labels(x_labels, xs, band, plot.bottom, rotate=False)
    for i, (name, vals) in enumerate(series):
        parts += _line(plot, xs, x_labels, vals, *_style(i, name))
    base = plot.y(0) if ticks[0] <= 0 <= ticks[-1] else plot.bottom
    parts.append(_axis_line(plot.left, base, plot.right, base, "zero-line"))
    return _svg(width, height, title or _("Line chart"), parts)


# --- bars -------------------------------------------------------------------


def _vertical_bars(categories, series, ticks, width, height, top, show_values):
    """Bars growing up (or down for negatives) from the zero line."""
    band = (width - _tick_label_width(ticks) - 18) / len(categories)
    rotate = max(_text_width(c, LABEL_SIZE) for c in categories) > band - 4
    plot = _vertical_plot(ticks, categories, width, height, top + 4, rotate=rotate)
    band = plot.width / len(categories)
    bar = band * 0.8 / len(series)
    parts = _value_grid(plot, ticks)
    centres = [plot.left + (i + 0.5) * band for i in range(len(categories))]
    parts += _x_labels(categories, centres, band, plot.bottom, rotate=rotate)
    zero = plot.y(0)
    for j, (name, vals) in enumerate(series):
        for i, value in enumerate(vals[: len(categories)]):
            if value is None:
                continue
            x = plot.left + i * band + band * 0.1 + j * bar
            y = min(zero, plot.y(value))
            tip = f"{categories[i]} {name}: {_fmt(value)}"
            parts.append(_rect(x, y, bar, abs(plot.y(value) - zero), j, tip))
            if show_values:
                ty = y - 3 if value >= 0 else y + abs(plot.y(value) - zero) + LABEL_SIZE
                parts.append(_text(x + bar / 2, ty, _fmt(value), anchor="middle"))
    parts.append(_axis_line(plot.left, zero, plot.right, zero, "zero-line"))
    return parts, height


def _horizontal_bars(categories, series, ticks, width, height, top, show_values):
    """Bars growing right (or left for negatives) from the zero line, one row per category."""
    row = max(16.0, 6.0 * len(series) + 6)
    height = max(height, math.ceil(top + 8 + row * len(categories) + 28))
    label_w = min(max(_text_width(c, LABEL_SIZE) for c in categories), width * 0.3)
    right = width - (_text_width(_fmt(ticks[-1]), LABEL_SIZE) + 8 if show_values else 12)
    plot = _Plot(label_w + 12, top + 8, right, height - 28, ticks[0], ticks[-1])
    parts = []
    for tick in ticks:
        x = plot.x(tick)
        parts.append(_grid_line(x, plot.top, x, plot.bottom))
        parts.append(_text(x, plot.bottom + 16, _fmt(tick), anchor="middle", muted=True))
    zero = plot.x(0)
    bar = (row - 6) / len(series)
    for i, category in enumerate(categories):
        y0 = plot.top + i * row + 3
        parts.append(_label(plot.left - 6, y0 + (row - 6) / 2 + 4, category, label_w, "end"))
        for j, (name, vals) in enumerate(series):
            value = vals[i] if i < len(vals) else None
            if value is None:
                continue
            x, w = min(zero, plot.x(value)), abs(plot.x(value) - zero)
            parts.append(_rect(x, y0 + j * bar, w, bar, j, f"{category} {name}: {_fmt(value)}"))
            if show_values:
                tx, anchor = (x + w + 3, "start") if value >= 0 else (x - 3, "end")
                parts.append(_text(tx, y0 + j * bar + bar / 2 + 4, _fmt(value), anchor=anchor))
    parts.append(_axis_line(zero, plot.top, zero, plot.bottom, "zero-line"))
    return parts, height


def _rect(x, y, w, h, index, tip) -> str:
    """One bar with a tooltip."""
    colour = PALETTE[index % len(PALETTE)]
    return (
        f'<rect class="bar" x="{x:.2f}" y="{y:.2f}" width="{w:.2f}" height="{h:.2f}" '
        f'fill="{colour}"><title>{_esc(tip)}</title></rect>'
    )


# --- lines ------------------------------------------------------------------


def _style(index: int, name: str) -> tuple[str, str, str]:
    """Name, colour and marker shape of the index-th line series."""
    return name, PALETTE[index % len(PALETTE)], MARKERS[index % len(MARKERS)]


def _line(plot, xs, labels, vals, name, colour, shape) -> list[str]:
    """A path broken at None values plus one marker per point."""
    points = [(x, None if v is None else plot.y(v), v) for x, v in zip(xs, vals, strict=False)]
    d, pen_down = [], False
    for x, y, v in points:
        if v is None:
            pen_down = False
            continue
        d.append(f"{'L' if pen_down else 'M'}{x:.2f},{y:.2f}")
        pen_down = True
    parts = [
        f'<path class="line" d="{" ".join(d)}" fill="none" stroke="{colour}" stroke-width="2"/>'
    ]
    for (x, y, v), label in zip(points, labels, strict=False):
        if v is not None:
            parts.append(_marker(shape, x, y, colour, f"{label} {name}: {_fmt(v)}"))
    return parts


def _marker(shape, x, y, colour, tip="") -> str:
    """A small point marker; the shape varies by series for colour-blind readers."""
    title = f"<title>{_esc(tip)}</title>" if tip else ""
    attrs = f'class="marker" fill="{colour}" stroke="#FFFFFF" stroke-width="1"'
    if shape == "circle":
        return f'<circle {attrs} cx="{x:.2f}" cy="{y:.2f}" r="4">{title}</circle>'
    if shape == "square":
        return f'<rect {attrs} x="{x - 4:.2f}" y="{y - 4:.2f}" width="8" height="8">{title}</rect>'
    offsets = {
        "diamond": ((0, -5), (5, 0), (0, 5), (-5, 0)),
        "triangle": ((0, -5), (5, 4), (-5, 4)),
    }
    pts = " ".join(f"{x + dx:.2f},{y + dy:.2f}" for dx, dy in offsets[shape])
    return f'<polygon {attrs} points="{pts}">{title}</polygon>'


# --- shared pieces ----------------------------------------------------------


def _as_floats(series) -> list[tuple[str, list[float | None]]]:
    """Series with Decimal/int values turned into floats (None kept as a gap)."""
    return [(name, [None if v is None else float(v) for v in vals]) for name, vals in series]


def _values(series) -> list[float]:
    """All non-None values of all series."""
    return [v for _name, vals in series for v in vals if v is not None]


def _header(width, title, legend, unit) -> tuple[list[str], float]:
    """Title, legend and unit caption; returns the parts and the y where the plot may start."""
    parts, y = [], 8.0
    if title:
        parts.append(_text(width / 2, y + TITLE_SIZE, title, anchor="middle", size=TITLE_SIZE))
        y += TITLE_SIZE + 10
    x = 12.0
    for name, colour, shape in legend:
        item = 22 + _text_width(name, FONT_SIZE) + 16
        if x + item > width - 12 and x > 12:
            x, y = 12.0, y + FONT_SIZE + 8
        parts.append(_marker(shape, x + 6, y + FONT_SIZE / 2 + 2, colour))
        parts.append(_text(x + 16, y + FONT_SIZE, name))
        x += item
    if legend:
        y += FONT_SIZE + 10
    if unit:
        parts.append(_text(12, y + LABEL_SIZE, unit, muted=True, size=LABEL_SIZE))
        y += LABEL_SIZE + 6
    return parts, y


def _vertical_plot(ticks, labels, width, height, top, rotate) -> _Plot:
    """Plot rectangle leaving room for tick labels on the left and category labels below."""
    longest = min(max(_text_width(s, LABEL_SIZE) for s in labels), MAX_LABEL_WIDTH)
    below = longest * 0.72 + 16 if rotate else LABEL_SIZE + 10
    left = _tick_label_width(ticks) + 10
    return _Plot(left, top + 6, width - 8, height - below, ticks[0], ticks[-1])


def _tick_label_width(ticks) -> float:
    return max(_text_width(_fmt(t), LABEL_SIZE) for t in ticks)


def _value_grid(plot: _Plot, ticks) -> list[str]:
    """Horizontal grid lines with tick labels left of the plot."""
    parts = []
    for tick in ticks:
        y = plot.y(tick)
        parts.append(_grid_line(plot.left, y, plot.right, y))
        parts.append(_text(plot.left - 6, y + 4, _fmt(tick), anchor="end", muted=True))
    return parts


def _x_labels(labels, centres, band, baseline, rotate) -> list[str]:
    """Category labels under the plot: thinned out when crowded, slanted when long."""
    widest = min(max(_text_width(s, LABEL_SIZE) for s in labels), MAX_LABEL_WIDTH)
    every = max(1, math.ceil(((LABEL_SIZE + 2) if rotate else (widest + 6)) / band))
    parts = []
    for i, (label, x) in enumerate(zip(labels, centres, strict=False)):
        if i % every:
            continue
        if rotate:
            parts.append(_label(x, baseline + 12, label, MAX_LABEL_WIDTH, "end", rotate=-45))
        else:
            parts.append(_label(x, baseline + LABEL_SIZE + 5, label, band * every, "middle"))
    return parts


def _label(x, y, text, max_width, anchor, rotate=0) -> str:
    """A category label, truncated to max_width with the full text as tooltip."""
    short = _truncate(str(text), max_width, LABEL_SIZE)
    transform = f' transform="rotate({rotate} {x:.2f} {y:.2f})"' if rotate else ""
    node = _text(x, y, short, anchor=anchor, size=LABEL_SIZE, extra=transform)
    if short == str(text):
        return node
    return f"<g><title>{_esc(text)}</title>{node}</g>"


def _text(x, y, text, *, anchor="start", size=FONT_SIZE, muted=False, extra="") -> str:
    colour = MUTED_COLOR if muted else TEXT_COLOR
    return (
        f'<text x="{x:.2f}" y="{y:.2f}" font-size="{size}" fill="{colour}" '
        f'text-anchor="{anchor}"{extra}>{_esc(text)}</text>'
    )


def _grid_line(x1, y1, x2, y2) -> str:
    return (
        f'<line class="grid" x1="{x1:.2f}" y1="{y1:.2f}" x2="{x2:.2f}" y2="{y2:.2f}" '
        f'stroke="{GRID_COLOR}" stroke-width="1"/>'
    )


def _axis_line(x1, y1, x2, y2, css_class="axis") -> str:
    return (
        f'<line class="{css_class}" x1="{x1:.2f}" y1="{y1:.2f}" x2="{x2:.2f}" y2="{y2:.2f}" '
        f'stroke="{AXIS_COLOR}" stroke-width="1"/>'
    )


def _empty_chart(width, height, title, empty_text) -> str:
    """A framed chart area that only says there is no data."""
    parts = [
        f'<rect class="frame" x="0.5" y="0.5" width="{width - 1}" height="{height - 1}" '
        f'fill="#FAFAFA" stroke="{GRID_COLOR}"/>'
    ]
    if title:
        parts.append(_text(width / 2, 8 + TITLE_SIZE, title, anchor="middle", size=TITLE_SIZE))
    parts.append(_text(width / 2, height / 2 + 5, empty_text, anchor="middle", muted=True))
    return _svg(width, height, title or empty_text, parts)


def _svg(width, height, label, parts) -> str:
    """Wrap parts in an accessible root <svg> element."""
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" role="img" '
        f'aria-label="{_esc(label)}" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" font-family="{FONT_FAMILY}" font-size="{FONT_SIZE}">'
        f"<title>{_esc(label)}</title>{''.join(parts)}</svg>"
    )


# --- text helpers -----------------------------------------------------------


def _esc(value) -> str:
    """XML-escape text and attribute values (&, <, >, quotes)."""
    return escape(str(value), quote=True)


def _text_width(text: str, size: float) -> float:
    """Estimated rendered width: full-width (CJK) characters 1em, others 0.6em."""
    return sum(size if unicodedata.east_asian_width(c) in "WF" else size * 0.6 for c in text)


def _truncate(text: str, max_width: float, size: float) -> str:
    """Shorten text with an ellipsis so it fits max_width."""
    if _text_width(text, size) <= max_width:
        return text
    while text and _text_width(text, size) + size > max_width:
        text = text[:-1]
    return text + "…"


def _nice_step(raw: float) -> float:
    power = 10 ** math.floor(math.log10(raw))
    return next(m * power for m in (1, 2, 5, 10) if raw <= m * power * (1 + 1e-9))


def _clean(value: float) -> float:
    """Drop floating-point noise such as 0.30000000000000004."""
    return float(round(value, 10)) + 0.0


def _fmt(value: float) -> str:
    """Format a number with thousands separators and no trailing zeros."""
    if float(value).is_integer():
        return f"{int(value):,}"
    return f"{value:,.4f}".rstrip("0").rstrip(".")
