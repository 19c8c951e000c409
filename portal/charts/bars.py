"""Grouped bar charts: vertical, or horizontal for many categories (the 37 reporting units)."""

from __future__ import annotations

import math

from django.utils.safestring import SafeString
from django.utils.translation import gettext_lazy as _

from .base import (
    LABEL_SIZE,
    MAX_VERTICAL_CATEGORIES,
    NO_DATA,
    PALETTE,
    _all_integers,
    _as_floats,
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
    _text,
    _text_width,
    _tick_label_width,
    _tick_text,
    _value_grid,
    _values,
    _vertical_plot,
    _x_labels,
    nice_ticks,
)


def bar_chart(
    categories: list[str],
    series: list[tuple[str, list[float]]],
    *,
    title: str = "",
    label: str = "",
    unit: str = "",
    width: int = 640,
    height: int = 320,
    horizontal: bool = False,
    show_values: bool = False,
    sort: bool = False,
    empty_text: str = NO_DATA,
) -> SafeString:
    """Grouped bar chart (vertical, or horizontal for many categories) as SVG markup.

    ``sort`` orders the categories by the first series, largest first (a gap last).
    ``label`` names a chart that draws no title for screen readers (its text alternative).
    """
    series = _as_floats(series)
    if sort:
        categories, series = _sorted_by_first_series(categories, series)
    values = _values(series)
    if not categories or not values:
        return _empty_chart(width, height, title, empty_text)
    horizontal = horizontal or len(categories) > MAX_VERTICAL_CATEGORIES
    ticks = nice_ticks(
        max(0.0, *values), min_value=min(0.0, *values), integer=_all_integers(values)
    )
    legend = [(name, PALETTE[i % len(PALETTE)], "square") for i, (name, _v) in enumerate(series)]
    parts, top = _header(width, title, legend if len(series) > 1 else [], unit)
    draw = _horizontal_bars if horizontal else _vertical_bars
    body, height = draw(categories, series, ticks, width, height, top, show_values)
    return _svg(width, height, title or label or _("Bar chart"), parts + body)


def _sorted_by_first_series(categories, series):
    first = series[0][1] if series else []
    order = sorted(range(len(categories)), key=lambda i: -_or_lowest(first, i))
    return [categories[i] for i in order], [
        (name, [vals[i] if i < len(vals) else None for i in order]) for name, vals in series
    ]


def _or_lowest(values, index) -> float:
    value = values[index] if index < len(values) else None
    return -math.inf if value is None else value


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
                parts.append(_value_text(x + bar / 2, ty, value, "middle"))
    parts.append(_axis_line(plot.left, zero, plot.right, zero, "zero-line"))
    return parts, height


def _horizontal_bars(categories, series, ticks, width, height, top, show_values):
    """Bars growing right (or left for negatives) from the zero line, one row per category."""
    row = max(LABEL_SIZE + 8.0, 6.0 * len(series) + 8)
    height = math.ceil(top + 8 + row * len(categories) + 28)  # as tall as its rows, no gap
    label_w = _row_label_width(categories, width)
    right = width - (_text_width(_fmt(ticks[-1]), LABEL_SIZE) + 8 if show_values else 12)
    plot = _Plot(label_w + 12, top + 8, right, height - 28, ticks[0], ticks[-1])
    parts = []
    for tick in ticks:
        x = plot.x(tick)
        parts.append(_grid_line(x, plot.top, x, plot.bottom))
        parts.append(_tick_text(x, plot.bottom + 16, tick, "middle"))
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
                parts.append(_value_text(tx, y0 + j * bar + bar / 2 + 4, value, anchor))
    parts.append(_axis_line(zero, plot.top, zero, plot.bottom, "zero-line"))
    return parts, height


def _value_text(x, y, value, anchor) -> str:
    return _text(x, y, _fmt(value), anchor=anchor, extra=' class="value"')


def _rect(x, y, w, h, index, tip) -> str:
    """One bar with a tooltip."""
    colour = PALETTE[index % len(PALETTE)]
    return (
        f'<rect class="bar" x="{x:.2f}" y="{y:.2f}" width="{w:.2f}" height="{h:.2f}" '
        f'fill="{colour}"><title>{_esc(tip)}</title></rect>'
    )
