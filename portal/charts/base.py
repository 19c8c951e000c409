"""What the bar and line charts share: sizes, colours, the plot area, text and the <svg> root."""

from __future__ import annotations

import math
import unicodedata
from dataclasses import dataclass
from html import escape

from django.utils.safestring import SafeString, mark_safe
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
LABEL_SIZE = 12
TITLE_SIZE = 15
MAX_VERTICAL_CATEGORIES = 16
MAX_LABEL_WIDTH = 6 * LABEL_SIZE  # six CJK characters, e.g. 内蒙古自治区
# Share of a horizontal chart's width for row labels: the longest unit name
# (新疆生产建设兵团, 8 characters) stays whole down to 240 px wide.
ROW_LABEL_SHARE = 0.4
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


def nice_ticks(
    max_value: float, count: int = 5, min_value: float = 0.0, *, integer: bool = False
) -> list[float]:
    """Round tick values (steps of 1, 2 or 5 x 10^n) covering min_value..max_value.

    ``integer`` keeps the step at 1 or more: counts of people have no half-person tick.
    """
    lo, hi = sorted((float(min_value), float(max_value)))
    if hi == lo:
        hi = lo + 1
    step = _nice_step((hi - lo) / max(count, 1))
    if integer:
        step = max(step, 1.0)
    start = math.floor(lo / step + 1e-9) * step
    stop = math.ceil(hi / step - 1e-9) * step
    return [_clean(start + i * step) for i in range(round((stop - start) / step) + 1)]


def _marker(shape, x, y, colour, tip="") -> str:
    """A small point marker; the shape varies by series for colour-blind readers."""
    title = f"<title>{_esc(tip)}</title>" if tip else ""
    attrs = f'class="marker" fill="{colour}" stroke="#FFFFFF" stroke-width="1"'
    if shape == "circle":
        return f'<circle {attrs} cx="{x:.2f}" cy="{y:.2f}" r="4">{title}</circle>'
    if shape == "square":
        return f'<rect {attrs} x="{x - 4:.2f}" y="{y - 4:.2f}" width="8" height="8">{title}</rect>'
    pts = " ".join(f"{x + dx:.2f},{y + dy:.2f}" for dx, dy in _POLYGONS[shape])
    return f'<polygon {attrs} points="{pts}">{title}</polygon>'


def _as_floats(series) -> list[tuple[str, list[float | None]]]:
    """Series with Decimal/int values turned into floats (None kept as a gap)."""
    return [(name, [None if v is None else float(v) for v in vals]) for name, vals in series]


def _values(series) -> list[float]:
    """All non-None values of all series."""
    return [v for _name, vals in series for v in vals if v is not None]


def _all_integers(values) -> bool:
    """Whether the figures are counts (whole numbers), which get whole-number ticks."""
    return all(float(v).is_integer() for v in values)


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


def _row_label_width(categories, width) -> float:
    """Width of the row labels of a horizontal chart: the longest, up to ROW_LABEL_SHARE."""
    return min(max(_text_width(str(c), LABEL_SIZE) for c in categories), width * ROW_LABEL_SHARE)


def _tick_label_width(ticks) -> float:
    return max(_text_width(_fmt(t), LABEL_SIZE) for t in ticks)


def _value_grid(plot: _Plot, ticks) -> list[str]:
    """Horizontal grid lines with tick labels left of the plot."""
    parts = []
    for tick in ticks:
        y = plot.y(tick)
        parts.append(_grid_line(plot.left, y, plot.right, y))
        parts.append(_tick_text(plot.left - 6, y + 4, tick, "end"))
    return parts


def _tick_text(x, y, tick, anchor) -> str:
    return _text(x, y, _fmt(tick), anchor=anchor, muted=True, extra=' class="tick"')


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


def _empty_chart(width, height, title, empty_text) -> SafeString:
    """A framed chart area that only says there is no data."""
    parts = [
        f'<rect class="frame" x="0.5" y="0.5" width="{width - 1}" height="{height - 1}" '
        f'fill="#FAFAFA" stroke="{GRID_COLOR}"/>'
    ]
    if title:
        parts.append(_text(width / 2, 8 + TITLE_SIZE, title, anchor="middle", size=TITLE_SIZE))
    parts.append(_text(width / 2, height / 2 + 5, empty_text, anchor="middle", muted=True))
    return _svg(width, height, title or empty_text, parts)


def _svg(width, height, label, parts) -> SafeString:
    """Wrap parts in an accessible root <svg> element, safe to show: every text is escaped."""
    return mark_safe(  # noqa: S308 - every text and attribute value went through _esc
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" role="img" '
        f'aria-label="{_esc(label)}" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" font-family="{FONT_FAMILY}" font-size="{FONT_SIZE}">'
        f"<title>{_esc(label)}</title>{''.join(parts)}</svg>"
    )


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
