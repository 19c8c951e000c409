"""Server-side SVG charts shared by web pages and PDFs (no JavaScript).

Every function returns the SVG markup as a ``SafeString``: all text (titles,
labels, series names, units) is XML-escaped inside, so a template shows the
chart with ``{{ chart }}`` and a view needs no ``mark_safe``. PDFs embed the
same markup as an ``<img>`` data URI.

Layout rules:

* Value axes use :func:`nice_ticks` (steps of 1, 2 or 5 x 10^n) and always
  include zero for bars; negative bars grow below (or left of) a zero line.
* Vertical bar charts keep category labels horizontal when they fit, slant
  them by 45 degrees otherwise, and truncate them with an ellipsis (the full
  name stays in a ``<title>`` tooltip).
* More than ``MAX_VERTICAL_CATEGORIES`` categories (e.g. the 37 reporting
  units) switch a bar chart to the horizontal layout, whose height grows so
  each category keeps a readable row.

One module per chart kind (``bars``, ``lines``, ``intervals``: bars with
confidence-interval whiskers); ``base`` holds what they share.
"""

from .bars import bar_chart
from .base import NO_DATA, nice_ticks
from .intervals import interval_chart
from .lines import line_chart

__all__ = ["NO_DATA", "bar_chart", "interval_chart", "line_chart", "nice_ticks"]
