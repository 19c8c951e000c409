"""The draft shows the figures its submission will freeze, not those of the day it opened."""

import re
from datetime import date

import pytest
from django.urls import reverse

from reporting.models import Measure
from reporting.services.reports import REPORT


def figure_cells(page, label):
    """The value cells of the figure rows with this label."""
    return re.findall(rf"<tr><td>{label}</td><td class=\"num\">([^<]*)</td>", page)


@pytest.mark.usefixtures("english")
def test_a_draft_shows_the_figures_it_will_submit(client_for, guangdong_report, province_user):
    Measure.objects.create(
        reporting_unit=guangdong_report.reporting_unit, task=9, kind="training",
        name="家政服务员职业技能培训", people_trained=1200, started_on=date(2019, 3, 1),
    )  # fmt: skip
    client = client_for(province_user)
    url = reverse("reporting:report", args=[guangdong_report.pk])

    assert figure_cells(client.get(url).content.decode(), "People trained") == ["1200"]

    REPORT.apply(guangdong_report, "review", province_user)
    REPORT.apply(guangdong_report, "submit", province_user)
    assert figure_cells(client.get(url).content.decode(), "People trained") == ["1200"]
