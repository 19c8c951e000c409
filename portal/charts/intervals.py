"""Horizontal bars with interval whiskers: an estimate and its confidence interval per category."""

from __future__ import annotations

import math

from django.utils.safestring import SafeString
from django.utils.translation import gettext_lazy as _

from .base import (
    AXIS_COLOR,
    LABEL_SIZE,
    NO_DATA,
    PALETTE,
    _axis_line,
    _empty_chart,
    _esc,
    _fmt,
    _grid_line,
    _header,
    _label,
    _Plot,
    _row_label_width,
    _svg,
    _tick_text,
    nice_ticks,
)


def interval_chart(
    categories: list[str],
    values: list[float | None],
    intervals: list[tuple[float | None, float | None]],
    *,
    title: str = "",
    unit: str = "",
    width: int = 640,
    height: int = 200,
    max_value: float | None = None,
    empty_text: str = NO_DATA,
) -> SafeString:
    """One bar per category with a whisker from the interval's low to its high end.

    A category without a value gets no bar (its row says so in the tooltip-free label);
    one without an interval gets a bar without a whisker.
    """
    values = [None if v is None else float(v) for v in values]
    known = [v for v in values if v is not None]
    if not categories or not known:
        return _empty_chart(width, height, title, empty_text)
    ends = [float(x) for pair in intervals for x in pair if x is not None]
    top_value = max_value if max_value is not None else max(known + ends)
    ticks = nice_ticks(max(top_value, 0.0), min_value=min(0.0, *known, *ends))
    parts, top = _header(width, title, [], unit)
    row = LABEL_SIZE + 10.0
    height = math.ceil(top + 8 + row * len(categories) + 28)  # as tall as its rows, no gap
    label_w = _row_label_width(categories, width)
    plot = _Plot(label_w + 12, top + 8, width - 16, height - 28, ticks[0], ticks[-1])
    for tick in ticks:
        x = plot.x(tick)
        parts.append(_grid_line(x, plot.top, x, plot.bottom))
        parts.append(_tick_text(x, plot.bottom + 16, tick, "middle"))
    zero = plot.x(0)
    for i, category in enumerate(categories):
        y0 = plot.top + i * row + 3
        parts.append(_label(plot.left - 6, y0 + (row - 6) / 2 + 4, category, label_w, "end"))
        value = values[i]
        if value is None:
            continue
        low, high = intervals[i] if i < len(intervals) else (None, None)
        tip = f"{category}: {_fmt(value)}"
        if low is not None and high is not None:
            tip += f" [{_fmt(float(low))}, {_fmt(float(high))}]"
        x, w = min(zero, plot.x(value)), abs(plot.x(value) - zero)
        parts.append(
            f'<rect class="bar" x="{x:.2f}" y="{y0:.2f}" width="{w:.2f}" height="{row - 6:.2f}" '
            f'fill="{PALETTE[0]}"><title>{_esc(tip)}</title></rect>'
        )
        if low is not None and high is not None:
            parts += _whisker(plot.x(float(low)), plot.x(float(high)), y0 + (row - 6) / 2, row)
    parts.append(_axis_line(zero, plot.top, zero, plot.bottom, "zero-line"))
    return _svg(width, height, title or _("Bar chart with intervals"), parts)


def _whisker(x1, x2, y, row):
    cap = (row - 6) / 2
    style = f'stroke="{AXIS_COLOR}" stroke-width="1.5"'
    return [
        f'<line class="whisker" x1="{x1:.2f}" y1="{y:.2f}" x2="{x2:.2f}" y2="{y:.2f}" {style}/>',
        f'<line x1="{x1:.2f}" y1="{y - cap:.2f}" x2="{x1:.2f}" y2="{y + cap:.2f}" {style}/>',
        f'<line x1="{x2:.2f}" y1="{y - cap:.2f}" x2="{x2:.2f}" y2="{y + cap:.2f}" {style}/>',
    ]
