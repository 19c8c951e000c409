"""Trend lines with a marker shape per series, broken where a value is missing."""

from __future__ import annotations

from django.utils.safestring import SafeString
from django.utils.translation import gettext_lazy as _

from .base import (
    MARKERS,
    NO_DATA,
    PALETTE,
    _all_integers,
    _as_floats,
    _axis_line,
    _empty_chart,
    _fmt,
    _header,
    _marker,
    _svg,
    _value_grid,
    _values,
    _vertical_plot,
    _x_labels,
    nice_ticks,
)


def line_chart(
    x_labels: list[str],
    series: list[tuple[str, list[float | None]]],
    *,
    title: str = "",
    unit: str = "",
    width: int = 640,
    height: int = 320,
    empty_text: str = NO_DATA,
) -> SafeString:
    """Trend lines with markers (gaps where a value is None) as SVG markup."""
    series = _as_floats(series)
    values = _values(series)
    if not x_labels or not values:
        return _empty_chart(width, height, title, empty_text)
    lo, hi = min(values), max(values)
    floor = lo if lo < 0 or 0 < hi - lo < hi / 2 else 0.0
    ticks = nice_ticks(hi, min_value=floor, integer=_all_integers(values))
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
