"""Browser: chart text is at least 12 px on a laptop and on a phone, with the figures in a table."""

import pytest
from django.core.management import call_command

from reporting.defaults import ensure_default_rounds
from reporting.models import Milestone, Round

pytestmark = pytest.mark.e2e

# The rendered size of every chart text: its font size times the scale the page draws the SVG at.
TEXT_SIZES = """
() => [...document.querySelectorAll('.chart svg text')].map((t) => ({
  text: t.textContent,
  size: parseFloat(getComputedStyle(t).fontSize) * t.getScreenCTM().a,
  height: t.getBoundingClientRect().height,
}))
"""

FITS = """
() => [...document.querySelectorAll('.chart svg')].every(
  (svg) => svg.getBoundingClientRect().right <= document.documentElement.clientWidth)
"""


@pytest.fixture
def round_2019(transactional_db):
    ensure_default_rounds(Round, Milestone)
    call_command("run_reporting_schedule", "--date", "2019-11-01")
    return Round.objects.get(due_date="2019-11-30")


@pytest.mark.parametrize("width", [1280, 390])
def test_chart_text_is_legible_and_its_figures_are_in_a_table(
    live_server, page, login, hq_user, round_2019, screenshot, width
):
    page.set_viewport_size({"width": width, "height": 900})
    login(page, hq_user)
    for path in ("/dashboard/", round_2019.get_absolute_url()):
        page.goto(live_server.url + path)
        sizes = page.evaluate(TEXT_SIZES)
        assert sizes, f"no chart on {path}"
        smallest = min(sizes, key=lambda t: t["size"])
        assert smallest["size"] >= 12, smallest
        assert min(t["height"] for t in sizes) >= 12
        assert page.evaluate(FITS), f"a chart on {path} is wider than the {width} px screen"
    screenshot(page, f"round-status-chart-{width}")

    rows = page.locator("[data-testid=status-counts] tbody tr")
    bars = page.eval_on_selector_all(".chart rect.bar title", "ts => ts.map((t) => t.textContent)")
    figures = {rows.nth(i).locator("th").inner_text(): rows.nth(i).locator("td").inner_text()
               for i in range(rows.count())}  # fmt: skip
    assert figures and sum(map(int, figures.values())) == 37
    for label, count in figures.items():
        assert any(b.startswith(label) and b.endswith(f": {count}") for b in bars), (label, bars)
